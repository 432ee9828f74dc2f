#pragma once
/// @file portfolio_selection.hpp
/// The optimal portfolio of a model: which initiatives to fund under every budget in every
/// period, respecting `requires`, `excludes`, mandatory, forced-in and forced-out.
///
///     auto r = aligngraph::optimize(p, {.objective = aligngraph::Objective::npv});
///     // r.selected, r.value, r.proven, r.budget_use (one entry per budget and period)

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_SELECTION_PORTFOLIO_SELECTION
#endif

#include "aligngraph/export.hpp"
#include <limits>
#include <string>
#include <vector>

#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/selection/knapsack.hpp"

namespace aligngraph {

/// Named parameters of optimize().
struct OptimizeOptions {
    Objective objective = Objective::npv;
    double time_limit = 60;  ///< seconds, for the whole call (per level for a frontier); see SelectionOptions
    long long node_limit = std::numeric_limits<long long>::max();
    /// Use a scenario's budget factor, forced decisions and alignment settings.
    std::string scenario;
    /// The caller's way to stop early (see stop.hpp); a frontier stops at the level it is on.
    Cancellation cancel;

    /// The options of the search these give.
    SelectionOptions selection() const { return {.time_limit = time_limit, .node_limit = node_limit, .cancel = cancel}; }
};

/// The model as a selection problem: one constraint per (budget, period) with each
/// initiative's cost counted by that budget in that period; mandatory and forced-in
/// initiatives forced in, forced-out ones forced out; constraint names "budget period".
ALIGNGRAPH_API SelectionProblem selection_problem(const Portfolio& p, const OptimizeOptions& options = {});

/// Solve selection_problem(p, options). @throws as select_portfolio, and ValidationError
/// for an invalid model or unknown scenario.
ALIGNGRAPH_API SelectionResult optimize(const Portfolio& p, const OptimizeOptions& options = {});

/// How the frontier varies the budget.
enum class Sweep {
    scale,  ///< every budget limit, in every period, scaled by the same factor
    total,  ///< one total budget over all periods and pools (each initiative's whole cost); the per-period limits are dropped
};

template <>
struct EnumNames<Sweep> {
    static constexpr std::string_view type = "Sweep";
    static constexpr std::array table{std::pair{Sweep::scale, std::string_view("scale")},
                                      std::pair{Sweep::total, std::string_view("total")}};
};

/// One point of the efficient frontier.
struct FrontierPoint {
    double factor = 1;        ///< Sweep::scale: every limit scaled by this; Sweep::total: the total as a share of all initiatives' cost
    Sweep sweep = Sweep::scale;
    /// The money there is at this level, as the model's budgets say it: its total budget
    /// over the horizon, or the sum of its pools when no two overlap (the level itself for
    /// Sweep::total). NaN when pools overlap and none is the total: overlapping pools are
    /// never added up. See SelectionLabels::total_pools.
    double total_budget = 0;
    /// Each pool's limits over the horizon at this level, in the order of result.pools
    /// (empty for a problem without pools).
    std::vector<double> pool_budgets;
    SelectionResult result;   ///< the optimal selection at this level (its labels and limits even when infeasible)
    bool feasible = true;     ///< false when the mandatory and forced-in initiatives alone break a scaled budget
    std::string infeasible_reason;  ///< why, when not feasible: the budget, the overrun and the initiatives
    /// (value - previous value) / (total budget - previous total budget), per unit of money;
    /// 0 for the first feasible level; NaN without a total budget.
    double marginal = 0;
    bool knee = false;        ///< the point farthest above the chord from first to last (on the level axis)
};

/// The efficient frontier: the optimal value at each budget level (all budgets scaled by
/// each factor, ascending), each point exact; a level starts from the previous level's
/// selection, which stays feasible when budgets grow. Also the marginal value of budget
/// between levels and the knee of the curve.
/// A level where the forced initiatives alone break a budget is reported infeasible, not thrown.
/// @throws ValidationError for no factors or a factor <= 0.
ALIGNGRAPH_API std::vector<FrontierPoint> frontier(const Portfolio& p, std::vector<double> factors, const OptimizeOptions& options = {});

/// The frontier over one total budget: for each level, the optimum when the only limit is
/// the whole portfolio's cost (every initiative's cost over all periods, with a scenario's
/// overrun) <= level; the per-period budgets are dropped. total_budget is the level;
/// factor is the level over the cost of all initiatives.
/// @throws ValidationError for no levels or a level < 0.
ALIGNGRAPH_API std::vector<FrontierPoint> frontier_total(const Portfolio& p, std::vector<double> levels, const OptimizeOptions& options = {});

/// The frontier of a plain selection problem: every budget of `base` scaled by each factor
/// (ascending), each level exact and warm-started from the previous one. The limits in
/// `options` apply per level; a stop asked for (options.cancel) ends the sweep at the level
/// it is on, which is returned unproven with stop_reason interrupted, after the levels done.
/// @throws ValidationError for no factors or a factor <= 0.
ALIGNGRAPH_API std::vector<FrontierPoint> frontier(const SelectionProblem& base, std::vector<double> factors,
                                    const SelectionOptions& options = {});

/// frontier() or frontier_total() with levels as factors: of each limit (scale), or of the
/// cost of all initiatives (total).
ALIGNGRAPH_API std::vector<FrontierPoint> frontier(const Portfolio& p, std::vector<double> factors, Sweep sweep, const OptimizeOptions& options = {});

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_SELECTION_PORTFOLIO_SELECTION
#ifdef ALIGNGRAPH_OUTERMOST_SELECTION_PORTFOLIO_SELECTION
#undef ALIGNGRAPH_OUTERMOST_SELECTION_PORTFOLIO_SELECTION
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
