#pragma once
/// @file scenario_comparison.hpp
/// Two scenarios of one model side by side: each one's optimal portfolio and ranking, what
/// is funded in one and not the other, how far each initiative moves in the ranking, and
/// Kendall's tau between the two rankings.
///
///     auto c = aligngraph::compare_scenarios(p, "", "downturn");   // "": the model as it is
///     // c.only_a: funded as it is, not in the downturn; c.ranks.kendall_tau

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_SELECTION_SCENARIO_COMPARISON
#endif

#include "aligngraph/export.hpp"
#include <Eigen/Core>

#include <string>
#include <vector>

#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/scoring/priority.hpp"
#include "aligngraph/selection/knapsack.hpp"
#include "aligngraph/stop.hpp"

namespace aligngraph {

/// Named parameters of compare_scenarios().
struct CompareOptions {
    Objective objective = Objective::npv;  ///< what each optimal portfolio maximises
    ScoreKind by = ScoreKind::alignment;   ///< the ranking compared
    double time_limit = 60;                ///< seconds for each of the two solves
    Cancellation cancel;
};

/// Two scenarios side by side.
struct ALIGNGRAPH_API ScenarioComparison {
    std::vector<std::string> ids, names;  ///< every initiative
    std::string scenario_a, scenario_b;   ///< "" is the model as it is
    std::string currency;
    ScoreKind by = ScoreKind::alignment;
    SelectionResult a, b;                 ///< each scenario's optimal portfolio (explained)
    Eigen::VectorXd score_a, score_b;     ///< each initiative's score under each scenario
    RankComparison ranks;                 ///< ranks under each, the change (b - a), Kendall's tau
    std::vector<Index> both, only_a, only_b;  ///< funded in both, in a only, in b only (ascending)
    double value_difference = 0;          ///< b.value - a.value

    Index initiative_count() const { return static_cast<Index>(ids.size()); }
};

/// Compares scenario a with scenario b of p ("" for the model as it is). @throws
/// ValidationError for an invalid model or an unknown scenario (naming it), and what
/// optimize() throws (an infeasible scenario names its budget).
ALIGNGRAPH_API ScenarioComparison compare_scenarios(const Portfolio& p, const std::string& a, const std::string& b,
                                                    const CompareOptions& options = {});

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_SELECTION_SCENARIO_COMPARISON
#ifdef ALIGNGRAPH_OUTERMOST_SELECTION_SCENARIO_COMPARISON
#undef ALIGNGRAPH_OUTERMOST_SELECTION_SCENARIO_COMPARISON
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
