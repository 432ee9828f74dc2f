#pragma once
// Ranks with deterministic ties (ranks.hpp).

#include "aligngraph/scoring/ranks.hpp"

#include <algorithm>
#include <numeric>

namespace aligngraph {

ALIGNGRAPH_INLINE std::vector<Index> rank_order(const Eigen::VectorXd& score, const std::vector<std::string>& ids) {
    std::vector<Index> order(static_cast<std::size_t>(score.size()));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](Index a, Index b) {
        if (score(a) != score(b)) return score(a) > score(b);
        return ids[a] < ids[b];
    });
    return order;
}

ALIGNGRAPH_INLINE Eigen::VectorXi ranks(const Eigen::VectorXd& score, const std::vector<std::string>& ids) {
    const auto order = rank_order(score, ids);
    Eigen::VectorXi r(score.size());
    for (std::size_t k = 0; k < order.size(); ++k) r(order[k]) = static_cast<int>(k + 1);
    return r;
}

}  // namespace aligngraph
