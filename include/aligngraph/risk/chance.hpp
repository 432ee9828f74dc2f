#pragma once
/// @file chance.hpp
/// Chance-constrained budgets: the portfolio of the highest expected NPV whose spend breaks
/// each budget in each period with probability at most alpha,
///
///   maximise E[sum_i npv_i x_i]  s.t.  P(sum_i cost_ikt x_i > limit_kt) <= alpha  for every pool k, period t,
///
/// by sample average approximation over the Monte Carlo's scenarios (every initiative at its
/// planned start: its cost multiplier and delay move its planned costs, its NPV is the sampled
/// one), solved exactly; then the chosen portfolio's probability of breaking each budget on
/// fresh samples (the samples after the ones optimised over), beside the planned optimum's.
///
///     auto c = aligngraph::chance_constrained(p, {.alpha = 0.05, .scenarios = 1000});
///     // c.selected, c.expected_value, c.fresh_over(r): P(row r over) on fresh samples

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_RISK_CHANCE
#endif

#include "aligngraph/export.hpp"
#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/stop.hpp"
#include "aligngraph/types.hpp"

namespace aligngraph {

/// Named parameters of chance_constrained().
struct ChanceOptions {
    /// The largest probability allowed of breaking a budget in a period; in [0, 1).
    /// In the sample: at most floor(alpha x scenarios) scenarios may break it.
    double alpha = 0.05;
    /// Joint: the probability of breaking any budget in any period at most alpha (instead of
    /// each budget in each period on its own).
    bool joint = false;
    long long scenarios = 1000;  ///< the samples optimised over: [first, first + scenarios)
    /// Fresh samples to check the answer on: [first + scenarios, first + scenarios + fresh);
    /// 0 for none.
    long long fresh = 10000;
    std::uint64_t seed = 0;
    long long first = 0;
    std::string scenario;  ///< the model's scenario (rate, budget factor, cost overrun, forced decisions)
    double time_limit = 60;  ///< seconds for the whole call
    Cancellation cancel;
};

/// The chance-constrained portfolio, its value and how often it breaks each budget.
struct ALIGNGRAPH_API ChanceConstrained {
    std::vector<std::string> ids;   ///< every initiative of the model
    std::string currency, scenario;
    std::uint64_t seed = 0;
    long long first = 0, scenarios = 0, fresh = 0;
    double alpha = 0;
    bool joint = false;
    long long allowed = 0;          ///< scenarios that may break a budget row: floor(alpha x scenarios)

    std::vector<Index> selected;    ///< the portfolio (initiative indices, ascending)
    double expected_value = 0;      ///< its mean NPV over the scenarios: the objective
    double bound = 0;               ///< no portfolio meeting the chance constraints in the sample is worth more
    double gap = 0;                 ///< (bound - expected_value) / max(|expected_value|, 1); 0 when proven
    bool proven = false;
    StopReason stop_reason = StopReason::none;
    long long solves = 0;           ///< selection solves (each after the cuts found so far)
    long long cuts = 0;             ///< cover cuts added: sets of initiatives that together break a chance constraint
    double seconds = 0;

    /// The budget rows, one per (pool, period), pool-major as in selection_problem():
    /// "pool period" names, pools and period labels, limits (the scenario's budget factor applied).
    std::vector<std::string> budget_names, pools, periods;
    Eigen::VectorXd limits;
    /// Per row: the share of the scenarios in which the portfolio's spend is over the limit
    /// (at most alpha, joint: the share over in any row).
    Eigen::VectorXd sample_over;
    /// Per row, on the fresh samples: the share over, and its 95% Wilson interval. Empty without fresh samples.
    Eigen::VectorXd fresh_over, fresh_over_low, fresh_over_high;
    double fresh_value = 0;         ///< the portfolio's mean NPV on the fresh samples (NaN without)
    double fresh_any_over = 0;      ///< share of fresh samples over in some row (NaN without)
    double sample_any_over = 0;     ///< share of the scenarios over in some row

    /// The optimum as planned (optimize() by NPV), for comparison: its mean NPV over the
    /// scenarios and on the fresh samples, and how often it breaks each row in the sample and
    /// on the fresh samples (and any row).
    std::vector<Index> planned_selection;
    double planned_expected_value = 0, planned_fresh_value = 0;
    Eigen::VectorXd planned_sample_over, planned_fresh_over;
    double planned_sample_any_over = 0, planned_fresh_any_over = 0;

    Index initiative_count() const { return static_cast<Index>(ids.size()); }
    Index row_count() const { return static_cast<Index>(budget_names.size()); }
};

/// The chance-constrained portfolio of a model (see the file comment), exact in the sample:
/// the selection solver over a relaxation of each chance constraint (each initiative's mean
/// cost over its cheapest scenarios), with a cover cut for each set of initiatives found
/// together to break one, until the optimum meets them all. Respects requires, excludes and
/// the forced decisions. On a time limit: the best portfolio found meeting the constraints
/// (the relaxation's optimum, repaired) with the bound. Deterministic.
/// @throws ValidationError for an invalid model, an unknown scenario, alpha outside [0, 1),
/// scenarios < 1, fresh < 0; InfeasibleError when the forced initiatives alone break a chance
/// constraint; NoSolutionError when stopped before a portfolio was found.
ALIGNGRAPH_API ChanceConstrained chance_constrained(const Portfolio& p, const ChanceOptions& options = {});

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_RISK_CHANCE
#ifdef ALIGNGRAPH_OUTERMOST_RISK_CHANCE
#undef ALIGNGRAPH_OUTERMOST_RISK_CHANCE
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
