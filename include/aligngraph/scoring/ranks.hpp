#pragma once
/// @file ranks.hpp
/// Ranks with deterministic ties: by descending score, equal scores in ascending id order.
/// What every score's result carries (Alignment::rank, ScoreTable::rank).

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
#include "aligngraph/scoring/ranks-inl.hpp"
#endif
