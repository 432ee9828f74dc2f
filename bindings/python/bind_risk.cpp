// Bindings of risk analysis: the Monte Carlo result as a class, simulate() over a model or over
// arrays, a model's risk problem (for chunks run apart and joined), and draws of one estimate.

#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "aligngraph/io/risk_report.hpp"
#include "aligngraph/risk/portfolio_risk.hpp"
#include "aligngraph/risk/risk.hpp"
#include "bindings.hpp"
#include "interrupt.hpp"
#include "model_access.hpp"

namespace py = pybind11;

namespace aligngraph::python {

namespace {

/// The options every simulate call takes, from Python's keyword arguments.
RiskOptions risk_options(long long samples, std::uint64_t seed, long long first, int threads, double convergence,
                         long long check_every, bool latin_hypercube, bool repair_correlations, bool sensitivity,
                         bool keep_use_samples, int histogram_bins) {
    RiskOptions o;
    o.samples = samples;
    o.seed = seed;
    o.first = first;
    o.threads = threads;
    o.convergence = convergence;
    o.check_every = check_every;
    o.latin_hypercube = latin_hypercube;
    o.repair_correlations = repair_correlations;
    o.sensitivity = sensitivity;
    o.keep_use_samples = keep_use_samples;
    o.histogram_bins = histogram_bins;
    return o;
}

RiskResult run(const RiskProblem& q, RiskOptions o) {
    PythonInterrupt interrupt;
    o.cancel = interrupt.cancellation();
    RiskResult r;
    {
        py::gil_scoped_release release;
        r = simulate(q, o);
    }
    interrupt.raise_if_interrupted();
    return r;
}

#define ALIGNGRAPH_RISK_OPTION_ARGS                                                                                       \
    py::arg("samples"), py::arg("seed"), py::arg("first"), py::arg("threads"), py::arg("convergence"),                 \
        py::arg("check_every"), py::arg("latin_hypercube"), py::arg("repair_correlations"), py::arg("sensitivity"),     \
        py::arg("keep_use_samples"), py::arg("histogram_bins")

}  // namespace

void define_risk(py::module_& m) {
    py::class_<RiskSummary>(m, "RiskSummary", "The portfolio NPV's distribution in numbers.")
        .def_readonly("mean", &RiskSummary::mean)
        .def_readonly("sd", &RiskSummary::sd)
        .def_readonly("standard_error", &RiskSummary::standard_error, "Of the mean.")
        .def_readonly("p5", &RiskSummary::p5)
        .def_readonly("p50", &RiskSummary::p50)
        .def_readonly("p95", &RiskSummary::p95)
        .def_readonly("cvar5", &RiskSummary::cvar5, "The mean of the worst 5% of samples.")
        .def_readonly("min", &RiskSummary::min)
        .def_readonly("max", &RiskSummary::max)
        .def_readonly("p_negative", &RiskSummary::p_negative, "P(NPV < 0).")
        .def_readonly("p_negative_low", &RiskSummary::p_negative_low, "Its 95% interval (Wilson), low end.")
        .def_readonly("p_negative_high", &RiskSummary::p_negative_high);

    py::class_<TornadoBar>(m, "TornadoBar", "One input of one initiative at its P10 and P90, the others at their base.")
        .def_readonly("item", &TornadoBar::item)
        .def_readonly("variable", &TornadoBar::variable)
        .def_readonly("input_low", &TornadoBar::input_low)
        .def_readonly("input_high", &TornadoBar::input_high)
        .def_readonly("npv_low", &TornadoBar::npv_low)
        .def_readonly("npv_high", &TornadoBar::npv_high)
        .def_readonly("swing", &TornadoBar::swing);

    py::class_<RankCorrelation>(m, "RankCorrelation", "Spearman's rank correlation of one input with the portfolio NPV.")
        .def_readonly("item", &RankCorrelation::item)
        .def_readonly("variable", &RankCorrelation::variable)
        .def_readonly("rho", &RankCorrelation::rho);

    py::class_<RiskResult>(m, "RiskResultCore", "A Monte Carlo simulation's samples and summaries (see aligngraph.RiskResult).")
        .def_readonly("ids", &RiskResult::ids)
        .def_readonly("resources", &RiskResult::resources)
        .def_readonly("resource_kinds", &RiskResult::resource_kinds)
        .def_readonly("resource_ids", &RiskResult::resource_ids)
        .def_readonly("periods", &RiskResult::periods)
        .def_readonly("currency", &RiskResult::currency)
        .def_readonly("scenario", &RiskResult::scenario)
        .def_readonly("seed", &RiskResult::seed)
        .def_readonly("first", &RiskResult::first)
        .def_readonly("samples", &RiskResult::samples)
        .def_readonly("latin_hypercube", &RiskResult::latin_hypercube)
        .def_readonly("converged", &RiskResult::converged)
        .def_readonly("stop_reason", &RiskResult::stop_reason)
        .def_readonly("threads", &RiskResult::threads)
        .def_readonly("seconds", &RiskResult::seconds)
        .def_readonly("notes", &RiskResult::notes)
        .def_readonly("planned_npv", &RiskResult::planned_npv)
        .def_readonly("npv", &RiskResult::npv)
        .def_readonly("summary", &RiskResult::summary)
        .def_readonly("histogram_edges", &RiskResult::histogram_edges)
        .def_readonly("histogram_counts", &RiskResult::histogram_counts)
        .def_readonly("capacity", &RiskResult::capacity)
        .def_readonly("use_mean", &RiskResult::use_mean)
        .def_readonly("use_p95", &RiskResult::use_p95)
        .def_readonly("p_over", &RiskResult::p_over)
        .def_readonly("use_samples", &RiskResult::use_samples)
        .def_readonly("item_npv_mean", &RiskResult::item_npv_mean)
        .def_readonly("item_npv_sd", &RiskResult::item_npv_sd)
        .def_readonly("failure_rate", &RiskResult::failure_rate)
        .def_readonly("delay_mean", &RiskResult::delay_mean)
        .def_readonly("finish_by", &RiskResult::finish_by)
        .def_readonly("starts", &RiskResult::starts)
        .def_readonly("durations", &RiskResult::durations)
        .def_readonly("tornado", &RiskResult::tornado)
        .def_readonly("tornado_base", &RiskResult::tornado_base)
        .def_readonly("rank_correlations", &RiskResult::rank_correlations)
        .def_readonly("block_sums", &RiskResult::block_sums)
        .def_readonly("counts", &RiskResult::counts)
        .def_readonly_static("block_size", &RiskResult::block_size);

    py::class_<RiskProblem>(m, "RiskProblemCore", "A risk analysis over arrays, as simulate() samples it (see docs/risk.md).")
        .def_readonly("ids", &RiskProblem::ids)
        .def_readonly("starts", &RiskProblem::starts)
        .def_readonly("durations", &RiskProblem::durations)
        .def_readonly("horizon", &RiskProblem::horizon)
        .def_readonly("costs", &RiskProblem::costs)
        .def_readonly("benefits", &RiskProblem::benefits)
        .def_readonly("capacity", &RiskProblem::capacity)
        .def_readonly("resources", &RiskProblem::resources)
        .def_readonly("rate", &RiskProblem::rate);

    m.def("risk_problem_core", [](const Portfolio& p, std::vector<std::string> ids, std::vector<Period> starts, std::string scenario) {
        std::vector<Index> indices;
        for (const auto& id : ids) indices.push_back(p.initiative_index(id));
        const auto lock = reading(p);
        return risk_problem(p, indices, starts, scenario);
    }, py::arg("portfolio"), py::arg("ids"), py::arg("starts"), py::arg("scenario"));

    m.def("portfolio_risk_problem_core", [](const Portfolio& p, std::optional<std::vector<std::string>> selection, std::string scenario,
                                             bool roadmap, double time_limit) {
        RiskOptions o;
        o.selection = std::move(selection);
        o.scenario = std::move(scenario);
        o.roadmap = roadmap;
        o.time_limit = time_limit;
        PythonInterrupt interrupt;
        o.cancel = interrupt.cancellation();
        RiskProblem q;
        {
            const auto lock = reading(p);
            py::gil_scoped_release release;
            q = risk_problem(p, o);
        }
        interrupt.raise_if_interrupted();
        return q;
    }, py::arg("portfolio"), py::arg("selection"), py::arg("scenario"), py::arg("roadmap"), py::arg("time_limit"));

    m.def("simulate_problem_core", [](const RiskProblem& q, long long samples, std::uint64_t seed, long long first, int threads,
                                      double convergence, long long check_every, bool latin_hypercube, bool repair_correlations,
                                      bool sensitivity, bool keep_use_samples, int histogram_bins) {
        return run(q, risk_options(samples, seed, first, threads, convergence, check_every, latin_hypercube, repair_correlations,
                                   sensitivity, keep_use_samples, histogram_bins));
    }, py::arg("problem"), ALIGNGRAPH_RISK_OPTION_ARGS);

    m.def("join_core", [](const RiskProblem& q, const std::vector<RiskResult>& chunks, bool repair_correlations, bool sensitivity,
                          int histogram_bins) {
        RiskOptions o;
        o.repair_correlations = repair_correlations;
        o.sensitivity = sensitivity;
        o.histogram_bins = histogram_bins;
        py::gil_scoped_release release;
        return join(q, chunks, o);
    }, py::arg("problem"), py::arg("chunks"), py::arg("repair_correlations"), py::arg("sensitivity"), py::arg("histogram_bins"));

    m.def("array_risk_problem_core",
          [](std::vector<std::string> ids, std::vector<Period> starts, std::vector<Periods> durations, Periods horizon,
             const Eigen::MatrixXd& costs, const Eigen::MatrixXd& benefits, std::vector<Eigen::MatrixXd> usage,
             std::vector<bool> scales_with_cost, const Eigen::MatrixXd& capacity, std::vector<std::string> resources,
             std::vector<std::string> periods, std::vector<Uncertainty> uncertainty, std::vector<bool> started,
             std::vector<std::pair<Index, Index>> precedences,
             std::vector<std::tuple<std::vector<Index>, double, CorrelationOn>> correlations,
             std::vector<std::tuple<std::string, double, std::vector<Index>, std::optional<Estimate>, std::optional<Estimate>>> events,
             double rate, std::string currency) {
              RiskProblem q;
              q.ids = std::move(ids);
              q.starts = std::move(starts);
              q.durations = std::move(durations);
              q.horizon = horizon;
              q.costs = costs;
              q.benefits = benefits;
              q.usage = std::move(usage);
              q.scales_with_cost = std::move(scales_with_cost);
              q.capacity = capacity;
              q.resources = std::move(resources);
              q.periods = std::move(periods);
              q.uncertainty = std::move(uncertainty);
              q.started = std::move(started);
              q.precedences = std::move(precedences);
              for (auto& [items, coefficient, on] : correlations) q.correlations.push_back({std::move(items), coefficient, on});
              for (auto& [id, probability, items, cost, delay] : events)
                  q.events.push_back({std::move(id), probability, std::move(items), cost, delay});
              q.rate = rate;
              q.currency = std::move(currency);
              return q;
          },
          py::arg("ids"), py::arg("starts"), py::arg("durations"), py::arg("horizon"), py::arg("costs"), py::arg("benefits"),
          py::arg("usage"), py::arg("scales_with_cost"), py::arg("capacity"), py::arg("resources"), py::arg("periods"),
          py::arg("uncertainty"), py::arg("started"), py::arg("precedences"), py::arg("correlations"), py::arg("events"),
          py::arg("rate"), py::arg("currency"));

    m.def("draws_core", [](const Estimate& e, long long n, std::uint64_t seed, long long first) {
        py::gil_scoped_release release;
        return draws(e, n, seed, first);
    }, py::arg("estimate"), py::arg("n"), py::arg("seed"), py::arg("first"));

    m.def("risk_text", &risk_text, py::arg("result"), py::arg("width") = 100, py::arg("top") = 10,
          "The simulation as aligned text (what `aligngraph risk` prints).");
    m.def("risk_json", &risk_json, py::arg("result"), "The simulation as JSON (what `aligngraph risk --format json` prints).");
}

}  // namespace aligngraph::python
