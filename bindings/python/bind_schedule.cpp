// Bindings of scheduling: the result (with its explanations) as a class, schedule() over
// arrays, and PSPLIB files as the arrays schedule() takes.

#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <limits>
#include <tuple>

#include "aligngraph/detail/constants.hpp"
#include "aligngraph/io/schedule_report.hpp"
#include "aligngraph/schedule/psplib.hpp"
#include "aligngraph/schedule/roadmap.hpp"
#include "aligngraph/schedule/schedule.hpp"
#include "bindings.hpp"
#include "interrupt.hpp"
#include "model_access.hpp"

namespace py = pybind11;

namespace aligngraph::python {

void define_schedule(py::module_& m) {
    bind_enum<ScheduleObjective>(m, "What a schedule optimises: makespan, cost of delay, or NPV.");
    bind_enum<StartReason>(m, "Why a job starts when it does.");

    py::class_<StartExplanation>(m, "StartExplanation", "One job's start, explained.")
        .def_readonly("job", &StartExplanation::job)
        .def_readonly("reason", &StartExplanation::reason)
        .def_readonly("prerequisite", &StartExplanation::prerequisite, "The prerequisite waited for (-1 if none).")
        .def_readonly("resource", &StartExplanation::resource, "The full resource (-1 if none).")
        .def_readonly("periods", &StartExplanation::periods, "The periods in which that resource is full for this job.")
        .def_readonly("text", &StartExplanation::text)
        .def("__repr__", [](const StartExplanation& e) {
            return "<StartExplanation #" + std::to_string(e.job) + " " + std::string(to_string(e.reason)) + ": " + e.text + ">";
        });

    py::class_<ScheduleResult>(m, "ScheduleResultCore", "The best schedule found, how good it is proven to be, and its loads.")
        .def_readonly("ids", &ScheduleResult::ids)
        .def_readonly("resources", &ScheduleResult::resources)
        .def_readonly("resource_kinds", &ScheduleResult::resource_kinds, "From a model: 'budget' or 'team' per resource.")
        .def_readonly("resource_ids", &ScheduleResult::resource_ids, "From a model: the budget's or team's id per resource.")
        .def_readonly("periods", &ScheduleResult::periods)
        .def_readonly("currency", &ScheduleResult::currency)
        .def_readonly("scenario", &ScheduleResult::scenario)
        .def_readonly("objective", &ScheduleResult::objective)
        .def_readonly("starts", &ScheduleResult::starts)
        .def_readonly("finishes", &ScheduleResult::finishes)
        .def_readonly("scheduled", &ScheduleResult::scheduled)
        .def_readonly("durations", &ScheduleResult::durations)
        .def_readonly("earliest", &ScheduleResult::earliest)
        .def_readonly("latest", &ScheduleResult::latest)
        .def_readonly("horizon", &ScheduleResult::horizon)
        .def_readonly("makespan", &ScheduleResult::makespan)
        .def_readonly("value", &ScheduleResult::value)
        .def_readonly("bound", &ScheduleResult::bound)
        .def_readonly("gap", &ScheduleResult::gap)
        .def_readonly("proven", &ScheduleResult::proven)
        .def_readonly("stop_reason", &ScheduleResult::stop_reason)
        .def_readonly("nodes", &ScheduleResult::nodes)
        .def_readonly("seconds", &ScheduleResult::seconds)
        .def_readonly("capacity", &ScheduleResult::capacity)
        .def_readonly("load", &ScheduleResult::load)
        .def_readonly("job_values", &ScheduleResult::job_values)
        .def_readonly("flows_past_horizon", &ScheduleResult::flows_past_horizon)
        .def_readonly("slack", &ScheduleResult::slack)
        .def_readonly("critical", &ScheduleResult::critical)
        .def_readonly("critical_chain", &ScheduleResult::critical_chain)
        .def_readonly("reasons", &ScheduleResult::reasons)
        .def_readonly("explained", &ScheduleResult::explained);

    m.attr("MAX_PERIODS") = detail::max_periods;  // the longest horizon or duration schedule() takes

    m.def("schedule_core", [](std::vector<Periods> durations, std::vector<std::tuple<Index, Index, Periods>> precedences,
                              const Eigen::MatrixXd& capacity, std::vector<Eigen::MatrixXd> usage, Periods horizon,
                              std::vector<Period> earliest, std::vector<Period> latest, std::vector<Eigen::VectorXd> flows,
                              double rate, const Eigen::VectorXd& weights, ScheduleObjective objective, double time_limit,
                              long long node_limit, std::vector<std::string> ids, std::vector<std::string> resources,
                              std::vector<std::string> periods, bool explain, std::vector<Period> start) {
        ScheduleProblem q;
        q.durations = std::move(durations);
        for (auto [d, p, lag] : precedences) q.precedences.push_back({.dependant = d, .prerequisite = p, .lag = lag});
        q.capacity = capacity;
        q.usage = std::move(usage);
        q.horizon = horizon;
        q.earliest = std::move(earliest);
        q.latest = std::move(latest);
        q.flows = std::move(flows);
        q.rate = rate;
        q.weights = weights;
        q.objective = objective;
        q.ids = std::move(ids);
        q.resources = std::move(resources);
        q.periods = std::move(periods);
        PythonInterrupt interrupt;
        const Cancellation cancel = interrupt.cancellation();  // with the GIL: it takes the progress callback
        ScheduleResult r;
        {
            py::gil_scoped_release release;
            r = schedule(q, {.time_limit = time_limit, .node_limit = node_limit, .cancel = cancel,
                             .explain = explain, .start = std::move(start)});
        }
        interrupt.raise_if_interrupted();
        return r;
    }, py::arg("durations"), py::arg("precedences"), py::arg("capacity"), py::arg("usage"), py::arg("horizon"),
       py::arg("earliest"), py::arg("latest"), py::arg("flows"), py::arg("rate"), py::arg("weights"), py::arg("objective"),
       py::arg("time_limit"), py::arg("node_limit"), py::arg("ids"), py::arg("resources"), py::arg("periods"),
       py::arg("explain"), py::arg("start"));

    m.def("roadmap_core", [](const Portfolio& p, ScheduleObjective objective, std::optional<std::vector<std::string>> selection,
                             double time_limit, long long node_limit, std::string scenario, std::map<std::string, double> weights,
                             bool together, bool explain, std::map<std::string, Period> start) {
        PythonInterrupt interrupt;
        RoadmapOptions o;
        o.objective = objective;
        o.time_limit = time_limit;
        o.node_limit = node_limit;
        o.scenario = std::move(scenario);
        o.cancel = interrupt.cancellation();
        o.explain = explain;
        o.selection = std::move(selection);
        o.weights = std::move(weights);
        o.start = std::move(start);
        ScheduleResult r;
        {
            const auto lock = reading(p);
            py::gil_scoped_release release;
            r = together ? plan(p, o) : roadmap(p, o);
        }
        interrupt.raise_if_interrupted();
        return r;
    }, py::arg("portfolio"), py::arg("objective"), py::arg("selection"), py::arg("time_limit"), py::arg("node_limit"),
       py::arg("scenario"), py::arg("weights"), py::arg("plan"), py::arg("explain"), py::arg("start"));
    m.def("schedule_text", &schedule_text, py::arg("result"), py::arg("width") = 100,
          "The schedule as aligned text (what `aligngraph roadmap` prints).");
    m.def("schedule_json", &schedule_json, py::arg("result"));

    m.def("read_psplib_core", [](const std::string& path) {
        const auto q = read_psplib(path);
        Eigen::MatrixXd use = Eigen::MatrixXd::Zero(static_cast<Index>(q.durations.size()), q.capacity.rows());
        for (std::size_t j = 0; j < q.durations.size(); ++j)
            if (q.usage[j].cols() > 0) use.row(static_cast<Index>(j)) = q.usage[j].col(0).transpose();
        std::vector<std::pair<Index, Index>> requires_links;
        for (const auto& p : q.precedences) requires_links.push_back({p.dependant, p.prerequisite});
        py::dict d;
        d["durations"] = q.durations;
        d["requires"] = requires_links;
        d["usage"] = use;
        d["capacity"] = Eigen::VectorXd(q.capacity.col(0));
        d["horizon"] = q.horizon;
        d["ids"] = q.ids;
        d["resources"] = q.resources;
        return d;
    }, py::arg("path"));
}

}  // namespace aligngraph::python
