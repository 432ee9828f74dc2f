#pragma once
/// @file portfolio_selection.hpp
/// The optimal portfolio of a model: which initiatives to fund under every budget in every
/// period, respecting `requires`, `excludes`, mandatory, forced-in and forced-out.
///
///     auto r = aligngraph::optimize(p, {.objective = aligngraph::Objective::npv});
///     // r.selected, r.value, r.proven, r.budget_use (one entry per budget and period)

#include <limits>
#include <string>
#include <vector>

#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/selection/knapsack.hpp"

namespace aligngraph {

/// What the selection maximises.
enum class Objective {
    npv,        ///< sum of the selected initiatives' NPVs (model discount rate)
    alignment,  ///< sum of alignment with enabler credit
    composite,  ///< sum of composite priority (default weights, every criterion)
};

/// Named parameters of optimize().
struct OptimizeOptions {
    Objective objective = Objective::npv;
    double time_limit = 60;  ///< seconds
    long long node_limit = std::numeric_limits<long long>::max();
    /// Use a scenario's budget factor, forced decisions and alignment settings.
    std::string scenario;
};

/// The model as a selection problem: one constraint per (budget, period) with each
/// initiative's cost counted by that budget in that period; mandatory and forced-in
/// initiatives forced in, forced-out ones forced out; constraint names "budget period".
SelectionProblem selection_problem(const Portfolio& p, const OptimizeOptions& options = {});

/// Solve selection_problem(p, options). @throws as select_portfolio, and ValidationError
/// for an invalid model or unknown scenario.
SelectionResult optimize(const Portfolio& p, const OptimizeOptions& options = {});

}  // namespace aligngraph
