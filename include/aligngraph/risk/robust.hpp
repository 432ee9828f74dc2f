#pragma once
/// @file robust.hpp
/// Robust selection: which initiatives belong in the portfolio whatever happens. Over sampled
/// scenarios (the Monte Carlo's draws: each initiative's cost and benefit multipliers,
/// success, delay, correlations and risk events), the optimal portfolio of each scenario
/// (the selection solver, each solve warm-started from the previous one), how often each
/// initiative is in it, and the portfolio best in expectation.
///
///     auto f = aligngraph::selection_frequency(p, {.scenarios = 1000, .seed = 7});
///     // f.frequency(i): share of scenarios whose optimum holds initiative i
///
/// Chunks join exactly: scenarios come in blocks of SelectionFrequency::block_size (by
/// absolute scenario index); each block's solves start afresh (from the optimum as planned,
/// with no search memory) and its sums are kept apart, so a run of scenarios [first, end)
/// split into chunks that end on block boundaries, each run with options.first, and
/// joined by join_selection_frequency() is the single run, to the bit.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_RISK_ROBUST
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

/// Named parameters of selection_frequency().
struct RobustOptions {
    long long scenarios = 1000;  ///< sampled scenarios: the Monte Carlo's samples [first, first + scenarios)
    std::uint64_t seed = 0;
    long long first = 0;
    std::string scenario;        ///< the model's scenario (rate, budget factor, cost overrun, forced decisions)
    double time_limit = 60;      ///< seconds for the whole call
    /// Seconds for each scenario's solve at most (within what is left of time_limit): a hard
    /// scenario gives its best selection found, unproven, instead of taking the whole call.
    double solve_time_limit = 10;
    Cancellation cancel;
};

/// How often each initiative is in the optimal portfolio over sampled scenarios.
struct ALIGNGRAPH_API SelectionFrequency {
    std::vector<std::string> ids;   ///< every initiative of the model
    std::string currency, scenario;
    std::uint64_t seed = 0;
    long long first = 0, scenarios = 0;  ///< the scenarios done (all unless a limit stopped the call)
    StopReason stop_reason = StopReason::none;  ///< why the scenarios stopped short of those asked for (none: all done)
    long long proven = 0;            ///< scenarios whose optimum was proven
    double seconds = 0;

    Eigen::VectorXd frequency;       ///< n: share of the scenarios whose optimum holds it
    Eigen::VectorXd mean_npv;        ///< n: its mean NPV over the scenarios
    Eigen::VectorXd planned_npv;     ///< n: its NPV as planned
    /// scenarios x n: 1 where the scenario's optimum holds the initiative.
    Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic> selected;
    Eigen::VectorXd optimum;         ///< scenarios: each scenario's optimal NPV
    /// The portfolio best in expectation: the optimum with each initiative's mean NPV as its
    /// value and its mean cost per budget and period as its cost; and its expected NPV.
    std::vector<Index> expected_selection;
    double expected_value = 0;
    bool expected_proven = false;
    std::vector<Index> planned_selection;  ///< the optimum as planned (optimize() by NPV)

    /// Sums per block of block_size scenarios (by absolute index: the first block of a run
    /// from first = 100 holds scenarios 100..127), for exact joins: each initiative's NPV
    /// (blocks x n) and its cost per budget row (blocks x (n * m), column-major n x m).
    Eigen::MatrixXd npv_block_sums, cost_block_sums;
    static constexpr long long block_size = 64;

    Index initiative_count() const { return static_cast<Index>(ids.size()); }
};

/// Selection frequency over options.scenarios sampled scenarios of every initiative of the
/// model at its planned start, under every budget in every period (the scenario's costs:
/// the cost multiplier times the planned cost, moved by the delay), respecting requires,
/// excludes and the forced decisions. @throws ValidationError for an invalid model, an unknown
/// scenario, scenarios < 1; InfeasibleError when the forced initiatives alone break a budget
/// in a scenario; NoSolutionError when stopped before the first scenario.
ALIGNGRAPH_API SelectionFrequency selection_frequency(const Portfolio& p, const RobustOptions& options = {});

/// The runs of consecutive chunks of scenarios joined into the run of them all, to the bit:
/// parts in order, each starting where the one before ended, every part but the last ending
/// on a block boundary (first + scenarios a multiple of block_size), all of one model, seed
/// and scenario. The portfolio best in expectation is solved again over the joined sums
/// (options: scenario, time_limit, solve_time_limit, cancel; its scenarios, seed and first
/// are the parts'). seconds is the parts' seconds summed plus the join's. @throws
/// ValidationError naming the part that does not fit (a gap, an overlap, another seed or
/// scenario, a part stopped early that is not the last).
ALIGNGRAPH_API SelectionFrequency join_selection_frequency(const Portfolio& p, const std::vector<SelectionFrequency>& parts,
                                                           const RobustOptions& options = {});

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_RISK_ROBUST
#ifdef ALIGNGRAPH_OUTERMOST_RISK_ROBUST
#undef ALIGNGRAPH_OUTERMOST_RISK_ROBUST
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
