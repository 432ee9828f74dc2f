// Bindings of risk analysis: the Monte Carlo result as a class, simulate() over a model or over
// arrays, a model's risk problem (for chunks run apart and joined), and draws of one estimate.

#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <type_traits>
#include <string>
#include <tuple>
#include <vector>

#include "aligngraph/io/risk_report.hpp"
#include "aligngraph/io/robust_report.hpp"
#include "aligngraph/risk/portfolio_risk.hpp"
#include "aligngraph/risk/risk.hpp"
#include "aligngraph/risk/chance.hpp"
#include "aligngraph/risk/robust.hpp"
#include "aligngraph/risk/rpm.hpp"
#include "bindings.hpp"
#include "interrupt.hpp"
#include "model_access.hpp"

namespace py = pybind11;

namespace aligngraph::python {

namespace {

/// The options every simulate call takes, from Python's keyword arguments.
RiskOptions risk_options(long long samples, std::uint64_t seed, long long first, int threads, double convergence,
                         long long check_every, bool latin_hypercube, bool repair_correlations, bool sensitivity,
                         bool keep_use_samples, int histogram_bins, bool keep_item_samples) {
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
    o.keep_item_samples = keep_item_samples;
    return o;
}

RiskResult run(const RiskProblem& q, RiskOptions o) {
    return interruptible(nullptr, [&](Cancellation cancel) {
        o.cancel = std::move(cancel);
        return simulate(q, o);
    });
}

#define ALIGNGRAPH_RISK_OPTION_ARGS                                                                                       \
    py::arg("samples"), py::arg("seed"), py::arg("first"), py::arg("threads"), py::arg("convergence"),                 \
        py::arg("check_every"), py::arg("latin_hypercube"), py::arg("repair_correlations"), py::arg("sensitivity"),     \
        py::arg("keep_use_samples"), py::arg("histogram_bins"), py::arg("keep_item_samples")

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
        .def_readonly("on_time", &RiskResult::on_time)
        .def_readonly("item_npv_samples", &RiskResult::item_npv_samples)
        .def_readonly("item_cost_samples", &RiskResult::item_cost_samples)
        .def_readonly("item_shift_samples", &RiskResult::item_shift_samples)
        .def_readonly("starts", &RiskResult::starts)
        .def_readonly("durations", &RiskResult::durations)
        .def_readonly("tornado", &RiskResult::tornado)
        .def_readonly("tornado_base", &RiskResult::tornado_base)
        .def_readonly("rank_correlations", &RiskResult::rank_correlations)
        .def_readonly("block_sums", &RiskResult::block_sums)
        .def_readonly("counts", &RiskResult::counts)
        .def_readonly_static("block_size", &RiskResult::block_size)
        .def(py::pickle(
            [](const RiskResult& r) {  // every field by name: a result sent to or from another process
                py::dict d;
                d["ids"] = r.ids;
                d["resources"] = r.resources;
                d["resource_kinds"] = r.resource_kinds;
                d["resource_ids"] = r.resource_ids;
                d["periods"] = r.periods;
                d["currency"] = r.currency;
                d["scenario"] = r.scenario;
                d["seed"] = r.seed;
                d["first"] = r.first;
                d["samples"] = r.samples;
                d["latin_hypercube"] = r.latin_hypercube;
                d["converged"] = r.converged;
                d["stop_reason"] = std::string(to_string(r.stop_reason));
                d["threads"] = r.threads;
                d["seconds"] = r.seconds;
                d["notes"] = r.notes;
                d["planned_npv"] = r.planned_npv;
                d["npv"] = r.npv;
                const auto& s = r.summary;
                d["summary"] = std::vector<double>{s.mean, s.sd, s.standard_error, s.p5, s.p50, s.p95, s.cvar5, s.min, s.max,
                                                   s.p_negative, s.p_negative_low, s.p_negative_high};
                d["histogram_edges"] = r.histogram_edges;
                d["histogram_counts"] = r.histogram_counts;
                d["capacity"] = r.capacity;
                d["use_mean"] = r.use_mean;
                d["use_p95"] = r.use_p95;
                d["p_over"] = r.p_over;
                d["use_samples"] = r.use_samples;
                d["item_npv_mean"] = r.item_npv_mean;
                d["item_npv_sd"] = r.item_npv_sd;
                d["failure_rate"] = r.failure_rate;
                d["delay_mean"] = r.delay_mean;
                d["finish_by"] = r.finish_by;
                d["on_time"] = r.on_time;
                d["item_npv_samples"] = r.item_npv_samples;
                d["item_cost_samples"] = r.item_cost_samples;
                d["item_shift_samples"] = r.item_shift_samples;
                d["starts"] = r.starts;
                d["durations"] = r.durations;
                py::list tornado, ranks;
                for (const auto& b : r.tornado)
                    tornado.append(py::make_tuple(b.item, b.variable, b.input_low, b.input_high, b.npv_low, b.npv_high, b.swing));
                for (const auto& c : r.rank_correlations) ranks.append(py::make_tuple(c.item, c.variable, c.rho));
                d["tornado"] = tornado;
                d["tornado_base"] = r.tornado_base;
                d["rank_correlations"] = ranks;
                d["block_sums"] = r.block_sums;
                d["counts"] = r.counts;
                return d;
            },
            [](const py::dict& d) {
                RiskResult r;
                const auto get = [&](const char* key, auto& field) { field = d[key].cast<std::decay_t<decltype(field)>>(); };
                get("ids", r.ids);
                get("resources", r.resources);
                get("resource_kinds", r.resource_kinds);
                get("resource_ids", r.resource_ids);
                get("periods", r.periods);
                get("currency", r.currency);
                get("scenario", r.scenario);
                get("seed", r.seed);
                get("first", r.first);
                get("samples", r.samples);
                get("latin_hypercube", r.latin_hypercube);
                get("converged", r.converged);
                r.stop_reason = from_string<StopReason>(d["stop_reason"].cast<std::string>()).value_or(StopReason::none);
                get("threads", r.threads);
                get("seconds", r.seconds);
                get("notes", r.notes);
                get("planned_npv", r.planned_npv);
                get("npv", r.npv);
                const auto s = d["summary"].cast<std::vector<double>>();
                if (s.size() != 12) throw ValidationError("RiskResult: a pickled summary of another version");
                r.summary = {s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11]};
                get("histogram_edges", r.histogram_edges);
                get("histogram_counts", r.histogram_counts);
                get("capacity", r.capacity);
                get("use_mean", r.use_mean);
                get("use_p95", r.use_p95);
                get("p_over", r.p_over);
                get("use_samples", r.use_samples);
                get("item_npv_mean", r.item_npv_mean);
                get("item_npv_sd", r.item_npv_sd);
                get("failure_rate", r.failure_rate);
                get("delay_mean", r.delay_mean);
                get("finish_by", r.finish_by);
                get("on_time", r.on_time);
                get("item_npv_samples", r.item_npv_samples);
                get("item_cost_samples", r.item_cost_samples);
                get("item_shift_samples", r.item_shift_samples);
                get("starts", r.starts);
                get("durations", r.durations);
                for (const auto& t : d["tornado"].cast<py::list>()) {
                    const auto b = t.cast<std::tuple<Index, std::string, double, double, double, double, double>>();
                    r.tornado.push_back({std::get<0>(b), std::get<1>(b), std::get<2>(b), std::get<3>(b), std::get<4>(b), std::get<5>(b),
                                         std::get<6>(b)});
                }
                get("tornado_base", r.tornado_base);
                for (const auto& t : d["rank_correlations"].cast<py::list>()) {
                    const auto c = t.cast<std::tuple<Index, std::string, double>>();
                    r.rank_correlations.push_back({std::get<0>(c), std::get<1>(c), std::get<2>(c)});
                }
                get("block_sums", r.block_sums);
                get("counts", r.counts);
                return r;
            }));

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
        return interruptible(&p, [&](Cancellation cancel) {
            o.cancel = std::move(cancel);
            return risk_problem(p, o);
        });
    }, py::arg("portfolio"), py::arg("selection"), py::arg("scenario"), py::arg("roadmap"), py::arg("time_limit"));

    m.def("simulate_problem_core", [](const RiskProblem& q, long long samples, std::uint64_t seed, long long first, int threads,
                                      double convergence, long long check_every, bool latin_hypercube, bool repair_correlations,
                                      bool sensitivity, bool keep_use_samples, int histogram_bins, bool keep_item_samples) {
        return run(q, risk_options(samples, seed, first, threads, convergence, check_every, latin_hypercube, repair_correlations,
                                   sensitivity, keep_use_samples, histogram_bins, keep_item_samples));
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
             std::vector<std::tuple<Index, Index, Periods>> precedences,
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
              for (auto [d, p, lag] : precedences) q.precedences.push_back({.dependant = d, .prerequisite = p, .lag = lag});
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

    py::class_<SelectionFrequency>(m, "SelectionFrequencyCore", "How often each initiative is in the optimal portfolio over sampled scenarios.")
        .def_readonly("ids", &SelectionFrequency::ids)
        .def_readonly("currency", &SelectionFrequency::currency)
        .def_readonly("scenario", &SelectionFrequency::scenario)
        .def_readonly("seed", &SelectionFrequency::seed)
        .def_readonly("first", &SelectionFrequency::first)
        .def_readonly("scenarios", &SelectionFrequency::scenarios)
        .def_readonly("stop_reason", &SelectionFrequency::stop_reason)
        .def_readonly("proven", &SelectionFrequency::proven)
        .def_readonly("seconds", &SelectionFrequency::seconds)
        .def_readonly("frequency", &SelectionFrequency::frequency)
        .def_readonly("mean_npv", &SelectionFrequency::mean_npv)
        .def_readonly("planned_npv", &SelectionFrequency::planned_npv)
        .def_readonly("selected", &SelectionFrequency::selected)
        .def_readonly("optimum", &SelectionFrequency::optimum)
        .def_readonly("expected_selection", &SelectionFrequency::expected_selection)
        .def_readonly("expected_value", &SelectionFrequency::expected_value)
        .def_readonly("expected_proven", &SelectionFrequency::expected_proven)
        .def_readonly("planned_selection", &SelectionFrequency::planned_selection)
        .def_readonly("npv_block_sums", &SelectionFrequency::npv_block_sums)
        .def_readonly("cost_block_sums", &SelectionFrequency::cost_block_sums)
        .def_readonly_static("block_size", &SelectionFrequency::block_size)
        .def(py::pickle(
            [](const SelectionFrequency& f) {  // every field by name: a result sent to or from another process
                py::dict d;
                d["ids"] = f.ids;
                d["currency"] = f.currency;
                d["scenario"] = f.scenario;
                d["seed"] = f.seed;
                d["first"] = f.first;
                d["scenarios"] = f.scenarios;
                d["stop_reason"] = std::string(to_string(f.stop_reason));
                d["proven"] = f.proven;
                d["seconds"] = f.seconds;
                d["frequency"] = f.frequency;
                d["mean_npv"] = f.mean_npv;
                d["planned_npv"] = f.planned_npv;
                d["selected"] = f.selected;
                d["optimum"] = f.optimum;
                d["expected_selection"] = f.expected_selection;
                d["expected_value"] = f.expected_value;
                d["expected_proven"] = f.expected_proven;
                d["planned_selection"] = f.planned_selection;
                d["npv_block_sums"] = f.npv_block_sums;
                d["cost_block_sums"] = f.cost_block_sums;
                return d;
            },
            [](const py::dict& d) {
                SelectionFrequency f;
                const auto get = [&](const char* key, auto& field) { field = d[key].cast<std::decay_t<decltype(field)>>(); };
                get("ids", f.ids);
                get("currency", f.currency);
                get("scenario", f.scenario);
                get("seed", f.seed);
                get("first", f.first);
                get("scenarios", f.scenarios);
                f.stop_reason = from_string<StopReason>(d["stop_reason"].cast<std::string>()).value_or(StopReason::none);
                get("proven", f.proven);
                get("seconds", f.seconds);
                get("frequency", f.frequency);
                get("mean_npv", f.mean_npv);
                get("planned_npv", f.planned_npv);
                get("selected", f.selected);
                get("optimum", f.optimum);
                get("expected_selection", f.expected_selection);
                get("expected_value", f.expected_value);
                get("expected_proven", f.expected_proven);
                get("planned_selection", f.planned_selection);
                get("npv_block_sums", f.npv_block_sums);
                get("cost_block_sums", f.cost_block_sums);
                return f;
            }));

    m.def("selection_frequency_core", [](const Portfolio& p, long long scenarios, std::uint64_t seed, long long first,
                                         std::string scenario, double time_limit, double solve_time_limit) {
        RobustOptions o;
        o.scenarios = scenarios;
        o.seed = seed;
        o.first = first;
        o.scenario = std::move(scenario);
        o.time_limit = time_limit;
        o.solve_time_limit = solve_time_limit;
        return interruptible(&p, [&](Cancellation cancel) {
            o.cancel = std::move(cancel);
            return selection_frequency(p, o);
        });
    }, py::arg("portfolio"), py::arg("scenarios"), py::arg("seed"), py::arg("first"), py::arg("scenario"), py::arg("time_limit"),
       py::arg("solve_time_limit"));
    m.def("join_selection_frequency_core", [](const Portfolio& p, const std::vector<SelectionFrequency>& parts, double time_limit,
                                              double solve_time_limit) {
        RobustOptions o;
        o.time_limit = time_limit;
        o.solve_time_limit = solve_time_limit;
        return interruptible(&p, [&](Cancellation cancel) {
            o.cancel = std::move(cancel);
            return join_selection_frequency(p, parts, o);
        });
    }, py::arg("portfolio"), py::arg("parts"), py::arg("time_limit"), py::arg("solve_time_limit"));
    py::class_<ChanceConstrained>(m, "ChanceConstrainedCore", "The chance-constrained portfolio, its value and how often it breaks each budget.")
        .def_readonly("ids", &ChanceConstrained::ids)
        .def_readonly("currency", &ChanceConstrained::currency)
        .def_readonly("scenario", &ChanceConstrained::scenario)
        .def_readonly("seed", &ChanceConstrained::seed)
        .def_readonly("first", &ChanceConstrained::first)
        .def_readonly("scenarios", &ChanceConstrained::scenarios)
        .def_readonly("fresh", &ChanceConstrained::fresh)
        .def_readonly("alpha", &ChanceConstrained::alpha)
        .def_readonly("joint", &ChanceConstrained::joint)
        .def_readonly("allowed", &ChanceConstrained::allowed)
        .def_readonly("selected", &ChanceConstrained::selected)
        .def_readonly("expected_value", &ChanceConstrained::expected_value)
        .def_readonly("bound", &ChanceConstrained::bound)
        .def_readonly("gap", &ChanceConstrained::gap)
        .def_readonly("proven", &ChanceConstrained::proven)
        .def_readonly("stop_reason", &ChanceConstrained::stop_reason)
        .def_readonly("solves", &ChanceConstrained::solves)
        .def_readonly("cuts", &ChanceConstrained::cuts)
        .def_readonly("seconds", &ChanceConstrained::seconds)
        .def_readonly("budget_names", &ChanceConstrained::budget_names)
        .def_readonly("pools", &ChanceConstrained::pools)
        .def_readonly("periods", &ChanceConstrained::periods)
        .def_readonly("limits", &ChanceConstrained::limits)
        .def_readonly("sample_over", &ChanceConstrained::sample_over)
        .def_readonly("fresh_over", &ChanceConstrained::fresh_over)
        .def_readonly("fresh_over_low", &ChanceConstrained::fresh_over_low)
        .def_readonly("fresh_over_high", &ChanceConstrained::fresh_over_high)
        .def_readonly("fresh_value", &ChanceConstrained::fresh_value)
        .def_readonly("fresh_any_over", &ChanceConstrained::fresh_any_over)
        .def_readonly("sample_any_over", &ChanceConstrained::sample_any_over)
        .def_readonly("planned_selection", &ChanceConstrained::planned_selection)
        .def_readonly("planned_expected_value", &ChanceConstrained::planned_expected_value)
        .def_readonly("planned_fresh_value", &ChanceConstrained::planned_fresh_value)
        .def_readonly("planned_sample_over", &ChanceConstrained::planned_sample_over)
        .def_readonly("planned_fresh_over", &ChanceConstrained::planned_fresh_over)
        .def_readonly("planned_sample_any_over", &ChanceConstrained::planned_sample_any_over)
        .def_readonly("planned_fresh_any_over", &ChanceConstrained::planned_fresh_any_over);

    m.def("chance_constrained_core", [](const Portfolio& p, double alpha, bool joint, long long scenarios, long long fresh,
                                        std::uint64_t seed, long long first, std::string scenario, double time_limit) {
        ChanceOptions o;
        o.alpha = alpha;
        o.joint = joint;
        o.scenarios = scenarios;
        o.fresh = fresh;
        o.seed = seed;
        o.first = first;
        o.scenario = std::move(scenario);
        o.time_limit = time_limit;
        return interruptible(&p, [&](Cancellation cancel) {
            o.cancel = std::move(cancel);
            return chance_constrained(p, o);
        });
    }, py::arg("portfolio"), py::arg("alpha"), py::arg("joint"), py::arg("scenarios"), py::arg("fresh"), py::arg("seed"),
       py::arg("first"), py::arg("scenario"), py::arg("time_limit"));
    m.def("chance_text", &chance_text, py::arg("result"), py::arg("width") = 100,
          "Chance-constrained budgets as aligned text (what `aligngraph robust --chance` prints).");
    m.def("chance_json", &chance_json, py::arg("result"));


    bind_enum<CoreClass>(m, "What an initiative is over the non-dominated portfolios of Robust Portfolio Modeling.");
    py::class_<RpmResult>(m, "RpmResultCore", "The non-dominated portfolios and each initiative's core index.")
        .def_readonly("ids", &RpmResult::ids)
        .def_readonly("criteria", &RpmResult::criteria)
        .def_readonly("scenario", &RpmResult::scenario)
        .def_readonly("extreme_weights", &RpmResult::extreme_weights)
        .def_readonly("portfolios", &RpmResult::portfolios)
        .def_readonly("value_low", &RpmResult::value_low)
        .def_readonly("value_high", &RpmResult::value_high)
        .def_readonly("core_index", &RpmResult::core_index)
        .def_readonly("classes", &RpmResult::classes)
        .def_readonly("states", &RpmResult::states)
        .def_readonly("peak_states", &RpmResult::peak_states)
        .def_readonly("threads", &RpmResult::threads)
        .def_readonly("seconds", &RpmResult::seconds);
    m.def("extreme_weights", &extreme_weights, py::arg("criteria"), py::arg("rows"), py::arg("bounds"),
          "The extreme points of {w >= 0, sum w = 1, rows @ w >= bounds}: K x C.");
    const auto run_rpm = [](const RpmProblem& q, double time_limit, long long state_limit, int threads) {
        return interruptible(nullptr, [&](Cancellation cancel) {
            return rpm(q, {.time_limit = time_limit, .state_limit = state_limit, .cancel = std::move(cancel), .threads = threads});
        });
    };
    m.def("rpm_core", [run_rpm](const Eigen::MatrixXd& low, const Eigen::MatrixXd& high, const Eigen::MatrixXd& costs,
                                const Eigen::VectorXd& budgets, std::vector<std::pair<Index, Index>> requires_links,
                                std::vector<std::vector<Index>> excludes, std::vector<Index> forced_in, std::vector<Index> forced_out,
                                std::vector<Index> rank_order, const Eigen::MatrixXd& weight_rows, const Eigen::VectorXd& weight_bounds,
                                std::vector<std::string> ids, std::vector<std::string> criteria, std::vector<std::string> budget_names,
                                double time_limit, long long state_limit, int threads) {
        RpmProblem q;
        q.score_low = low;
        q.score_high = high;
        q.costs = costs;
        q.budgets = budgets;
        q.requires_links = std::move(requires_links);
        q.excludes = std::move(excludes);
        q.forced_in = std::move(forced_in);
        q.forced_out = std::move(forced_out);
        q.ids = std::move(ids);
        q.criteria = std::move(criteria);
        q.budget_names = std::move(budget_names);
        if (weight_rows.size() > 0 || weight_bounds.size() > 0) {
            q.weight_rows = weight_rows;
            q.weight_bounds = weight_bounds;
        }
        q.add_rank_order(rank_order);
        return run_rpm(q, time_limit, state_limit, threads);
    }, py::arg("low"), py::arg("high"), py::arg("costs"), py::arg("budgets"), py::arg("requires"), py::arg("excludes"),
       py::arg("forced_in"), py::arg("forced_out"), py::arg("rank_order"), py::arg("weight_rows"), py::arg("weight_bounds"),
       py::arg("ids"), py::arg("criteria"), py::arg("budget_names"), py::arg("time_limit"), py::arg("state_limit"), py::arg("threads"));
    m.def("rpm_portfolio_core", [run_rpm](const Portfolio& p, std::vector<Criterion> criteria, std::vector<std::string> rank_order,
                                          const Eigen::MatrixXd& weight_rows, const Eigen::VectorXd& weight_bounds, double spread,
                                          std::string scenario, double time_limit, long long state_limit, int threads) {
        RpmOptions o;
        o.criteria = std::move(criteria);
        o.rank_order = std::move(rank_order);
        o.weight_rows = weight_rows;
        o.weight_bounds = weight_bounds;
        o.score_spread = spread;
        o.scenario = std::move(scenario);
        RpmProblem q;
        {
            const auto lock = reading(p);
            q = rpm_problem(p, o);
        }
        // The scores as normalised, with their intervals: what the answer was computed from.
        return std::make_tuple(run_rpm(q, time_limit, state_limit, threads), q.score_low, q.score_high);
    }, py::arg("portfolio"), py::arg("criteria"), py::arg("rank_order"), py::arg("weight_rows"), py::arg("weight_bounds"),
       py::arg("spread"), py::arg("scenario"), py::arg("time_limit"), py::arg("state_limit"), py::arg("threads"));

    m.def("rpm_text", &rpm_text, py::arg("result"), py::arg("width") = 100, py::arg("portfolios") = 10,
          "Robust Portfolio Modeling as aligned text (what `aligngraph robust --rpm` prints).");
    m.def("rpm_json", &rpm_json, py::arg("result"));
    m.def("selection_frequency_text", &selection_frequency_text, py::arg("result"), py::arg("width") = 100,
          "Selection frequency as aligned text (what `aligngraph robust` prints).");
    m.def("selection_frequency_json", &selection_frequency_json, py::arg("result"));

    m.def("risk_text", &risk_text, py::arg("result"), py::arg("width") = 100, py::arg("top") = 10,
          "The simulation as aligned text (what `aligngraph risk` prints).");
    m.def("risk_json", &risk_json, py::arg("result"), "The simulation as JSON (what `aligngraph risk --format json` prints).");
}

}  // namespace aligngraph::python
