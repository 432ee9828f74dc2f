#pragma once
/// @file graph.hpp
/// Graph queries over the goal hierarchy and the `requires` links: orders, cycles,
/// transitive closures, the impact of cancelling an initiative and global goal
/// weights. The public API speaks of indices and ids; the graph library stays in detail/.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_MODEL_GRAPH
#endif

#include "aligngraph/export.hpp"
#include <Eigen/Core>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/types.hpp"

namespace aligngraph {

/// Initiatives ordered so that every prerequisite comes before its dependants;
/// otherwise in insertion order (each initiative preceded by its not yet listed
/// prerequisites). Deterministic.
/// @throws CycleError naming the whole cycle (`requires cycle: I-3 -> I-9 -> I-3`).
ALIGNGRAPH_API std::vector<Index> topological_order(const Portfolio& p);

/// Goals ordered parents before children, otherwise in insertion order.
/// @throws CycleError naming the whole cycle (`goal cycle: G3 -> G7 -> G3`).
ALIGNGRAPH_API std::vector<Index> goal_order(const Portfolio& p);

/// A cycle among `requires` links as ids in link direction (dependant -> prerequisite),
/// first id repeated at the end; nothing when the links are acyclic.
ALIGNGRAPH_API std::optional<std::vector<std::string>> find_requires_cycle(const Portfolio& p);

/// A cycle among goal links as ids in parent -> child direction, first id repeated;
/// nothing when the hierarchy is acyclic.
ALIGNGRAPH_API std::optional<std::vector<std::string>> find_goal_cycle(const Portfolio& p);

/// Every initiative that `i` requires, directly or transitively, in index order.
ALIGNGRAPH_API std::vector<Index> prerequisites(const Portfolio& p, Index i);

/// Every initiative that requires `i`, directly or transitively, in index order.
ALIGNGRAPH_API std::vector<Index> dependants(const Portfolio& p, Index i);

/// A goal's loss when an initiative is cancelled.
struct GoalLoss {
    Index goal;
    Weight lost_strength;       ///< sum of strengths of the contributions lost
    Weight remaining_strength;  ///< sum of strengths of the contributions left
    bool unserved;              ///< no contribution left at all
};

/// What cancelling an initiative takes with it.
struct CancellationImpact {
    Index initiative;
    /// Initiatives left without a prerequisite: every transitive dependant, index order.
    std::vector<Index> stranded;
    /// Goals that lose a contribution from the cancelled initiative or a stranded one,
    /// goal order.
    std::vector<GoalLoss> goals;
};

/// The impact of cancelling initiative `i`.
ALIGNGRAPH_API CancellationImpact cancellation_impact(const Portfolio& p, Index i);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_MODEL_GRAPH
#ifdef ALIGNGRAPH_OUTERMOST_MODEL_GRAPH
#undef ALIGNGRAPH_OUTERMOST_MODEL_GRAPH
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
