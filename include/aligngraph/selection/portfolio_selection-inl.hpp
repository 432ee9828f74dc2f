#pragma once
// The model as a selection problem.

#include "aligngraph/selection/portfolio_selection.hpp"
#include "aligngraph/memory.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "aligngraph/detail/limits.hpp"
#include <set>

#include "aligngraph/error.hpp"
#include "aligngraph/finance/financials.hpp"
#include "aligngraph/scoring/priority.hpp"

namespace aligngraph {

namespace detail {

// Whether some cost could count against both budgets: the same department (or either for
// every department) and the same kind of cost (or either for every kind).
inline bool overlap(const Budget& a, const Budget& b) {
    const bool departments = a.department.empty() || b.department.empty() || a.department == b.department;
    const bool kinds = a.kind == CostKind::all || b.kind == CostKind::all || a.kind == b.kind;
    return departments && kinds;
}

// The pools whose limits add up to the money there is (see SelectionLabels::total_pools).
inline std::vector<Index> total_pools(const std::vector<Budget>& budgets) {
    for (std::size_t b = 0; b < budgets.size(); ++b)
        if (budgets[b].department.empty() && budgets[b].kind == CostKind::all) return {static_cast<Index>(b)};
    for (std::size_t a = 0; a < budgets.size(); ++a)
        for (std::size_t b = a + 1; b < budgets.size(); ++b)
            if (overlap(budgets[a], budgets[b])) return {};
    std::vector<Index> all(budgets.size());
    for (std::size_t b = 0; b < budgets.size(); ++b) all[b] = static_cast<Index>(b);
    return all;
}

}  // namespace detail

ALIGNGRAPH_INLINE SelectionProblem selection_problem(const Portfolio& p, const OptimizeOptions& o) {
    p.check();
    const Scenario* scenario = nullptr;
    for (const auto& s : p.scenarios())
        if (s.id == o.scenario) scenario = &s;
    if (!o.scenario.empty() && !scenario)
        throw ValidationError(fmt::format("optimize(): unknown scenario '{}'", o.scenario));
    const Index n = p.initiative_count(), P = p.horizon().periods;
    SelectionProblem sp;
    sp.ids = p.initiative_ids();
    switch (o.objective) {
        case Objective::npv: {
            FinanceOptions fo;
            if (scenario && scenario->discount_rate) fo.discount_rate = scenario->discount_rate;
            sp.values = initiative_financials(p, fo).npv;
            if (scenario && scenario->cost_overrun) {
                const Eigen::VectorXd pv_costs = initiative_financials(p, fo).pv_costs;
                sp.values -= (*scenario->cost_overrun - 1) * pv_costs;
            }
            break;
        }
        case Objective::alignment:
            sp.values = alignment(p, scenario ? AlignmentOptions::from_scenario(p, scenario->id) : AlignmentOptions{}).total;
            break;
        case Objective::composite: {
            ScoreOptions so = scenario ? ScoreOptions::from_scenario(p, scenario->id, ScoreKind::composite) : ScoreOptions{};
            so.kind = ScoreKind::composite;
            sp.values = score(p, so).total;
            break;
        }
    }
    const double overrun = scenario && scenario->cost_overrun ? *scenario->cost_overrun : 1.0;
    const double factor = scenario && scenario->budget_factor ? *scenario->budget_factor : 1.0;
    const Index B = p.budget_count();
    sp.objective = o.objective;
    sp.scenario = o.scenario;
    sp.currency = p.settings().currency;
    for (Index t = 0; t < P; ++t) sp.periods.push_back(p.horizon().label(t));
    for (const auto& b : p.budgets()) sp.pools.push_back(b.id);
    sp.total_pools = detail::total_pools(p.budgets());
    detail::check_memory(fmt::format("the selection's costs, {} initiatives x {} budgets x {} periods", n, B, P),
                         sizeof(double) * static_cast<double>(n) * static_cast<double>(B) * static_cast<double>(P));
    sp.costs = Eigen::MatrixXd::Zero(n, B * P);
    sp.budgets = Eigen::VectorXd::Zero(B * P);
    for (Index b = 0; b < B; ++b) {
        const auto costs = p.budget_costs(b);
        for (Index t = 0; t < P; ++t) {
            sp.costs.col(b * P + t) = overrun * costs.col(t);
            sp.budgets(b * P + t) = factor * p.budgets()[b].limits[t];
            sp.budget_names.push_back(fmt::format("{} {}", p.budgets()[b].id, p.horizon().label(t)));
        }
    }
    for (const auto& r : p.requirements()) sp.requires_links.emplace_back(r.dependant, r.prerequisite);
    for (const auto& x : p.exclusions()) sp.excludes.push_back(x.members);
    std::set<Index> in, out;
    for (Index i = 0; i < n; ++i) {
        if (p.flags()[i].mandatory || p.flags()[i].forced_in) in.insert(i);
        if (p.flags()[i].forced_out) out.insert(i);
    }
    if (scenario) {
        for (const auto& id : scenario->forced_in) in.insert(p.initiative_index(id));
        for (const auto& id : scenario->forced_out) out.insert(p.initiative_index(id));
    }
    sp.forced_in.assign(in.begin(), in.end());
    sp.forced_out.assign(out.begin(), out.end());
    return sp;
}

namespace detail {

// The model's calls refuse a bad limit in their own words (the selection solver's would name it).
inline void check_optimize_limits(const OptimizeOptions& o, std::string_view what) {
    if (!(o.time_limit > 0)) throw ValidationError(fmt::format("{}(): time limit {} s, expected > 0", what, o.time_limit));
    if (o.node_limit < 0) throw ValidationError(fmt::format("{}(): node limit {}, expected >= 0", what, o.node_limit));
}

}  // namespace detail

ALIGNGRAPH_INLINE SelectionResult optimize(const Portfolio& p, const OptimizeOptions& o) {
    detail::check_optimize_limits(o, "optimize");
    return select_portfolio(selection_problem(p, o), o.selection());
}

namespace detail {

// Knee: the feasible point farthest above the straight line from the first feasible point
// to the last.
inline void mark_knee(std::vector<FrontierPoint>& out) {
    std::vector<std::size_t> feasible;
    for (std::size_t k = 0; k < out.size(); ++k)
        if (out[k].feasible) feasible.push_back(k);
    // On the level axis: every budget is the level times a fixed amount, so the knee is the
    // same as on a money axis, and it exists where pools overlap and no money total does.
    if (feasible.size() >= 3 && out[feasible.back()].factor > out[feasible.front()].factor) {
        const auto& a = out[feasible.front()];
        const auto& z = out[feasible.back()];
        const double x0 = a.factor, y0 = a.result.value;
        const double x1 = z.factor, y1 = z.result.value;
        double best = 0;
        std::size_t knee = 0;
        for (std::size_t j = 1; j + 1 < feasible.size(); ++j) {
            const std::size_t k = feasible[j];
            const double x = out[k].factor, y = out[k].result.value;
            const double above = y - (y0 + (y1 - y0) * (x - x0) / (x1 - x0));
            if (above > best) {
                best = above;
                knee = k;
            }
        }
        if (knee > 0) out[knee].knee = true;
    }
}

// Solve each level (budgets from `budgets_at`), ascending, each warm-started from the
// previous level's selection, which stays feasible as the budgets grow.
template <class Budgets>
inline std::vector<FrontierPoint> sweep_levels(const SelectionProblem& base, const std::vector<double>& factors,
                                        const SelectionOptions& o, Sweep sweep, Budgets budgets_at) {
    std::vector<FrontierPoint> out;
    std::vector<Index> previous;
    // What one level's search learns about the initiatives (pseudocosts, the root LP) guides the next.
    SearchMemory memory;
    // Progress by level: the levels' own searches tell nothing (a count of nodes per level).
    Limits counter(std::numeric_limits<double>::infinity(), std::numeric_limits<long long>::max(), &o.cancel);
    const auto levels = static_cast<long long>(factors.size());
    counter.progress("frontier", 0, levels, true);
    for (double f : factors) {
        SelectionProblem sp = base;
        sp.budgets = budgets_at(f);
        SelectionOptions so = o;
        so.start = previous;
        so.explain = false;
        so.cancel.progress = nullptr;
        FrontierPoint point{.factor = f, .sweep = sweep};
        try {
            point.result = select_portfolio(sp, so, &memory);
        } catch (const InfeasibleError& e) {
            point.feasible = false;
            point.infeasible_reason = e.what();
            point.result.value = point.result.upper_bound = std::numeric_limits<double>::quiet_NaN();
            static_cast<SelectionLabels&>(point.result) = sp;
            point.result.values = sp.values;
            point.result.budgets = sp.budgets;
        }
        point.total_budget = point.result.total_budget();
        const Index per_pool = sp.periods.empty() ? 1 : static_cast<Index>(sp.periods.size());
        for (std::size_t pool = 0; pool < sp.pools.size(); ++pool)
            point.pool_budgets.push_back(sp.budgets.segment(static_cast<Index>(pool) * per_pool, per_pool).sum());
        if (!point.feasible) {
            out.push_back(std::move(point));
            counter.progress("frontier", static_cast<long long>(out.size()), levels, true);
            continue;
        }
        const FrontierPoint* last = nullptr;
        for (const auto& q : out)
            if (q.feasible) last = &q;
        if (last) {
            const double db = point.total_budget - last->total_budget;
            point.marginal = std::isnan(db) ? db : db > 0 ? (point.result.value - last->result.value) / db : 0.0;
        }
        previous = point.result.selected;
        const bool interrupted = point.result.stop_reason == StopReason::interrupted;
        out.push_back(std::move(point));
        counter.progress("frontier", static_cast<long long>(out.size()), levels, true);
        if (interrupted) break;  // the caller asked to stop: the levels done so far
    }
    mark_knee(out);
    return out;
}

}  // namespace detail

ALIGNGRAPH_INLINE std::vector<FrontierPoint> frontier(const Portfolio& p, std::vector<double> factors, const OptimizeOptions& o) {
    detail::check_optimize_limits(o, "frontier");
    return frontier(selection_problem(p, o), std::move(factors), o.selection());
}

ALIGNGRAPH_INLINE std::vector<FrontierPoint> frontier(const SelectionProblem& base, std::vector<double> factors, const SelectionOptions& o) {
    if (factors.empty()) throw ValidationError("frontier(): no budget levels given");
    for (double f : factors)
        if (!(std::isfinite(f) && f > 0)) throw ValidationError(fmt::format("frontier(): budget factor {}, expected > 0", f));
    std::sort(factors.begin(), factors.end());
    return detail::sweep_levels(base, factors, o, Sweep::scale, [&](double f) { return Eigen::VectorXd(base.budgets * f); });
}

ALIGNGRAPH_INLINE std::vector<FrontierPoint> frontier_total(const Portfolio& p, std::vector<double> levels, const OptimizeOptions& o) {
    if (levels.empty()) throw ValidationError("frontier_total(): no budget levels given");
    detail::check_optimize_limits(o, "frontier_total");
    for (double t : levels)
        if (!(std::isfinite(t) && t >= 0)) throw ValidationError(fmt::format("frontier_total(): total budget {}, expected >= 0", t));
    std::sort(levels.begin(), levels.end());
    SelectionProblem base = selection_problem(p, o);
    // The whole cost of each initiative over the horizon, with the scenario's overrun.
    double factor = 1;
    for (const auto& s : p.scenarios())
        if (s.id == o.scenario && s.cost_overrun) factor = *s.cost_overrun;
    base.costs = p.costs().rowwise().sum() * factor;
    base.budget_names = {"total"};
    base.pools = {"total"};
    base.periods.clear();
    base.total_pools = {0};
    const double all = base.costs.sum();
    auto out = detail::sweep_levels(base, levels, o.selection(),
                            Sweep::total, [](double t) { return Eigen::VectorXd::Constant(1, t); });
    for (auto& pt : out) pt.factor = all > 0 ? pt.total_budget / all : 0.0;
    return out;
}

ALIGNGRAPH_INLINE std::vector<FrontierPoint> frontier(const Portfolio& p, std::vector<double> factors, Sweep sweep, const OptimizeOptions& o) {
    if (sweep == Sweep::scale) return frontier(p, std::move(factors), o);
    detail::check_optimize_limits(o, "frontier");
    double factor = 1;
    for (const auto& s : p.scenarios())
        if (s.id == o.scenario && s.cost_overrun) factor = *s.cost_overrun;
    const double all = p.costs().sum() * factor;
    for (double& f : factors) {
        if (!(std::isfinite(f) && f > 0)) throw ValidationError(fmt::format("frontier(): budget factor {}, expected > 0", f));
        f *= all;
    }
    return frontier_total(p, std::move(factors), o);
}


}  // namespace aligngraph
