#pragma once
/// @file ranks.hpp
/// Ranks with deterministic ties: by descending score, equal scores in ascending id order.
/// What every score's result carries (Alignment::rank, ScoreTable::rank).

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_SCORING_RANKS
#endif

#include "aligngraph/export.hpp"
#include <Eigen/Core>

#include <string>
#include <vector>

#include "aligngraph/types.hpp"

namespace aligngraph {

/// Indices by descending score; equal scores in ascending id order. Deterministic.
ALIGNGRAPH_API std::vector<Index> rank_order(const Eigen::VectorXd& score, const std::vector<std::string>& ids);

/// Rank (1 = first) of every initiative, from rank_order().
ALIGNGRAPH_API Eigen::VectorXi ranks(const Eigen::VectorXd& score, const std::vector<std::string>& ids);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_SCORING_RANKS
#ifdef ALIGNGRAPH_OUTERMOST_SCORING_RANKS
#undef ALIGNGRAPH_OUTERMOST_SCORING_RANKS
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
