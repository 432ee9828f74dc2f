// What a person sees of aligngraph._core's objects: a meaningful repr for every class that has
// no repr of its own (what it is and the few numbers that tell one apart; the Python wrappers
// have their own), and the compact HTML of each result for notebooks (_repr_html_). Defined
// last, when every class is known.

#include <pybind11/pybind11.h>

#include <fmt/format.h>

#include <string>

#include "aligngraph/aligngraph.hpp"
#include "aligngraph/risk/chance.hpp"
#include "aligngraph/risk/portfolio_risk.hpp"
#include "aligngraph/risk/risk.hpp"
#include "aligngraph/risk/robust.hpp"
#include "aligngraph/risk/rpm.hpp"
#include "bindings.hpp"
#include "model_access.hpp"

namespace py = pybind11;

namespace aligngraph::python {

namespace {

std::string opt(const std::optional<double>& v) { return v ? fmt::format("{:g}", *v) : std::string("-"); }

std::string estimate(const Estimate& e) {
    return fmt::format("{} {:g}/{:g}/{:g}", to_string(e.distribution), e.low, e.mode, e.high);
}

/// Sets cls.__repr__ to f(const T&).
template <class T, class F>
void repr(py::module_& m, const char* name, F f) {
    py::object cls = m.attr(name);
    const std::string head = "<aligngraph." + std::string(name) + " ";
    cls.attr("__repr__") = py::cpp_function([f, head](const T& x) -> std::string { return head + f(x) + ">"; }, py::is_method(cls));
}

}  // namespace

void define_display(py::module_& m) {
    // Compact HTML for notebooks (_repr_html_), io/notebook_html.hpp.
    m.def("portfolio_html", [](const Portfolio& p) {
        const auto lock = reading(p);
        return portfolio_html(p);
    }, py::arg("portfolio"));
    m.def("selection_html", &selection_html, py::arg("result"));
    m.def("schedule_html", &schedule_html, py::arg("result"));
    m.def("risk_html", &risk_html, py::arg("result"));
    m.def("selection_frequency_html", &selection_frequency_html, py::arg("result"));
    m.def("chance_html", &chance_html, py::arg("result"));
    m.def("rpm_html", &rpm_html, py::arg("result"));
    m.def("compare_html", &compare_html, py::arg("comparison"));

    repr<Settings>(m, "Settings", [](const Settings& s) {
        return fmt::format("discount rate {:g}/year, enabler share {:g}, currency {}", s.discount_rate, s.enabler_share, s.currency);
    });
    repr<Kpi>(m, "Kpi", [](const Kpi& k) { return fmt::format("'{}' from {:g} to {:g} {}", k.metric, k.baseline, k.target, k.unit); });
    repr<Judgments>(m, "Judgments", [](const Judgments& j) { return fmt::format("over {} children", j.children.size()); });
    repr<Estimate>(m, "Estimate", [](const Estimate& e) { return estimate(e); });
    repr<Uncertainty>(m, "Uncertainty", [](const Uncertainty& u) {
        return fmt::format("cost {}, benefit {}, delay {}, success {:g}", u.cost ? estimate(*u.cost) : "-",
                           u.benefit ? estimate(*u.benefit) : "-", u.delay ? estimate(*u.delay) : "-", u.success_probability);
    });
    repr<Budget>(m, "Budget", [](const Budget& b) {
        double total = 0;
        for (double x : b.limits) total += x;
        return fmt::format("'{}'{}, {}: {} periods, {:g} in all", b.id, b.department.empty() ? "" : " of " + b.department,
                           to_string(b.kind), b.limits.size(), total);
    });
    repr<Team>(m, "Team", [](const Team& t) { return fmt::format("'{}' ({}): {} periods of capacity", t.id, t.name, t.capacity.size()); });
    repr<Scenario>(m, "Scenario", [](const Scenario& s) {
        return fmt::format("'{}' ({}): discount rate {}, budget factor {}, cost overrun {}, {} goal weights, {} forced in, {} forced out",
                           s.id, s.name, opt(s.discount_rate), opt(s.budget_factor), opt(s.cost_overrun), s.goal_weights.size(),
                           s.forced_in.size(), s.forced_out.size());
    });
    repr<Portfolio>(m, "PortfolioCore", [](const Portfolio& p) {
        return fmt::format("'{}': {} goals, {} initiatives (aligngraph.Portfolio is the class to use)", p.name(), p.goal_count(),
                           p.initiative_count());
    });
    repr<Alignment>(m, "Alignment", [](const Alignment& a) {
        return fmt::format("of {} initiatives, enabler share {:g}", a.total.size(), a.enabler_share);
    });
    repr<ScoreTable>(m, "ScoreTable", [](const ScoreTable& t) {
        return fmt::format("{} of {} initiatives, {} parts", to_string(t.kind), t.total.size(), t.labels.size());
    });
    repr<ScorePart>(m, "ScorePart", [](const ScorePart& s) { return fmt::format("{} '{}': {:g}", to_string(s.kind), s.source, s.value); });
    repr<ScoreExplanation>(m, "ScoreExplanation", [](const ScoreExplanation& e) {
        return fmt::format("'{}' {} {:g}, rank {}, {} parts", e.id, to_string(e.kind), e.score, e.rank, e.parts.size());
    });
    repr<CompositeWeights>(m, "CompositeWeights", [](const CompositeWeights& w) {
        return fmt::format("alignment {:g}, financial {:g}, criteria {:g}", w.alignment, w.financial, w.criteria);
    });
    repr<Displacement>(m, "Displacement", [](const Displacement& d) {
        return fmt::format("#{}{}: margin {:g} over what it displaces", d.initiative, d.locked ? " (locked)" : "", d.margin);
    });
    repr<FrontierPoint>(m, "FrontierPoint", [](const FrontierPoint& f) {
        return fmt::format("factor {:g}: {}", f.factor,
                           f.feasible ? fmt::format("value {:g}, {} selected{}", f.result.value, f.result.selected.size(),
                                                    f.knee ? ", the knee" : "")
                                      : std::string("infeasible"));
    });
    repr<SelectionProblem>(m, "SelectionProblem", [](const SelectionProblem& s) {
        return fmt::format("{} initiatives x {} budget rows, {} requires, {} excludes groups", s.values.size(), s.budgets.size(),
                           s.requires_links.size(), s.excludes.size());
    });
    repr<SelectionResult>(m, "SelectionResultCore", [](const SelectionResult& r) {
        return fmt::format("{} selected, value {:g}, {}", r.selected.size(), r.value, r.proven ? "proven" : "not proven");
    });
    repr<Reoptimizer>(m, "ReoptimizerCore", [](const Reoptimizer& r) {
        return fmt::format("over {} initiatives", r.problem().values.size());
    });
    repr<ScenarioComparison>(m, "ScenarioComparisonCore", [](const ScenarioComparison& c) {
        return fmt::format("'{}' vs '{}'", c.scenario_a, c.scenario_b);
    });
    repr<ScheduleResult>(m, "ScheduleResultCore", [](const ScheduleResult& r) {
        return fmt::format("{} jobs, {} {:g}, {}", r.job_count(), to_string(r.objective), r.value, r.proven ? "proven" : "not proven");
    });
    repr<RiskProblem>(m, "RiskProblemCore", [](const RiskProblem& q) {
        return fmt::format("{} items over {} periods, {} resources", q.ids.size(), q.horizon, q.usage.size());
    });
    repr<RiskSummary>(m, "RiskSummary", [](const RiskSummary& s) {
        return fmt::format("mean {:g}, sd {:g}, P5 {:g}, P95 {:g}, P(<0) {:g}", s.mean, s.sd, s.p5, s.p95, s.p_negative);
    });
    repr<TornadoBar>(m, "TornadoBar", [](const TornadoBar& t) {
        return fmt::format("item #{} {}: NPV {:g} to {:g}", t.item, t.variable, t.npv_low, t.npv_high);
    });
    repr<RankCorrelation>(m, "RankCorrelation", [](const RankCorrelation& c) {
        return fmt::format("item #{} {}: rho {:.3f}", c.item, c.variable, c.rho);
    });
    repr<Progress>(m, "Progress", [](const Progress& p) {
        return fmt::format("{}: {} of {}, {:.1f} s", p.task, p.done, p.total < 0 ? std::string("?") : std::to_string(p.total), p.seconds);
    });
    repr<Briefing>(m, "BriefingCore", [](const Briefing& b) {
        return fmt::format("'{}': {} funded, NPV {:g}{}{}", b.title, b.optimal.selected.size(), b.optimal.value, b.roadmap ? ", roadmap" : "",
                           b.risk ? ", risk" : "");
    });
    repr<RiskResult>(m, "RiskResultCore", [](const RiskResult& r) {
        return fmt::format("{} samples from {}, seed {}, mean NPV {:g}", r.samples, r.first, r.seed, r.summary.mean);
    });
    repr<SelectionFrequency>(m, "SelectionFrequencyCore", [](const SelectionFrequency& f) {
        return fmt::format("{} scenarios from {}, seed {}", f.scenarios, f.first, f.seed);
    });
    repr<ChanceConstrained>(m, "ChanceConstrainedCore", [](const ChanceConstrained& c) {
        return fmt::format("alpha {:g}, {} selected, expected value {:g}", c.alpha, c.selected.size(), c.expected_value);
    });
    repr<RpmResult>(m, "RpmResultCore", [](const RpmResult& r) {
        return fmt::format("{} non-dominated portfolios of {} initiatives", r.portfolios.rows(), r.ids.size());
    });
}

}  // namespace aligngraph::python
