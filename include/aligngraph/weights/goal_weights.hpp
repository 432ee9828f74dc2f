#pragma once
/// @file goal_weights.hpp
/// Goal weights, an analysis of the model's goal hierarchy: each link's local weight (from
/// the links' weights, or from a parent's pairwise judgments through AHP) and each goal's
/// global weight.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_WEIGHTS_GOAL_WEIGHTS
#endif

#include <Eigen/Core>

#include <tuple>
#include <utility>
#include <vector>

#include "aligngraph/export.hpp"
#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/types.hpp"

namespace aligngraph {

/// Global goal weights w (length G, goal order of the model, sums to 1 when every
/// goal is reachable from a root):
///   w_root  = top weight / sum of top weights of all roots (missing top weight = 1)
///   w_child = sum over parents p of w_p * local weight of the link (local_goal_weights())
/// @throws CycleError for a cycle among goals.
ALIGNGRAPH_API Eigen::VectorXd goal_weights(const Portfolio& p);

/// The same with the top-level weights of some roots replaced: (goal index, weight > 0),
/// and the local weights of some parents' links replaced: (parent goal index, child goal
/// index, local weight); a parent listed there keeps only the links listed.
/// @throws ValidationError when a goal of the root overrides has parents.
ALIGNGRAPH_API Eigen::VectorXd goal_weights(const Portfolio& p, const std::vector<std::pair<Index, Weight>>& root_weights,
                                    const std::vector<std::tuple<Index, Index, Weight>>& link_weights = {});

/// Local weight of every goal link, in goal_links() order: for a parent with judgments
/// (Goal::judgments), its children's AHP weights (principal eigenvector, missing judgments
/// completed; see ahp()); for any other parent, the links' weights divided by their sum.
/// @throws ValidationError for judgments that give no weights (validate() reports them).
ALIGNGRAPH_API Eigen::VectorXd local_goal_weights(const Portfolio& p);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_WEIGHTS_GOAL_WEIGHTS
#ifdef ALIGNGRAPH_OUTERMOST_WEIGHTS_GOAL_WEIGHTS
#undef ALIGNGRAPH_OUTERMOST_WEIGHTS_GOAL_WEIGHTS
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
