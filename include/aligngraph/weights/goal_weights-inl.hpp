#pragma once
// Goal weights: local weights per link (link weights or AHP judgments) and global weights.

#include "aligngraph/weights/goal_weights.hpp"

#include <fmt/format.h>

#include "aligngraph/error.hpp"
#include "aligngraph/model/graph.hpp"
#include "aligngraph/model/validation.hpp"
#include "aligngraph/weights/ahp.hpp"

namespace aligngraph {

ALIGNGRAPH_INLINE Eigen::VectorXd local_goal_weights(const Portfolio& p) {
    const auto& links = p.goal_links();
    Eigen::VectorXd parent_sum = Eigen::VectorXd::Zero(p.goal_count());
    for (const auto& l : links) parent_sum(l.parent) += l.weight;
    Eigen::VectorXd w(static_cast<Index>(links.size()));
    for (std::size_t k = 0; k < links.size(); ++k) w(static_cast<Index>(k)) = links[k].weight / parent_sum(links[k].parent);
    // Parents with judgments: their children's weights come from the judgments.
    for (Index g = 0; g < p.goal_count(); ++g) {
        const auto& j = p.goal(g).judgments;
        if (!j) continue;
        const Eigen::VectorXd ahp_weights = ahp(judgment_matrix(*j)).weights;
        for (std::size_t c = 0; c < j->children.size(); ++c) {
            const auto child = p.find_goal(j->children[c]);
            for (std::size_t k = 0; k < links.size(); ++k)
                if (child && links[k].parent == g && links[k].child == *child)
                    w(static_cast<Index>(k)) = ahp_weights(static_cast<Index>(c));
        }
    }
    return w;
}

ALIGNGRAPH_INLINE Eigen::VectorXd goal_weights(const Portfolio& p) { return goal_weights(p, {}); }

ALIGNGRAPH_INLINE Eigen::VectorXd goal_weights(const Portfolio& p, const std::vector<std::pair<Index, Weight>>& root_weights,
                                    const std::vector<std::tuple<Index, Index, Weight>>& link_weights) {
    const auto G = p.goal_count();
    const auto order = goal_order(p);
    const auto& links = p.goal_links();
    Eigen::VectorXd local = local_goal_weights(p);
    if (!link_weights.empty()) {
        // Replaced parents: their links take the given weights, normalised per parent.
        std::vector<double> sum(static_cast<std::size_t>(G), 0.0);
        std::vector<char> replaced(static_cast<std::size_t>(G), 0);
        for (auto [parent, child, w] : link_weights) {
            replaced[parent] = 1;
            sum[parent] += w;
        }
        for (std::size_t k = 0; k < links.size(); ++k) {
            if (!replaced[links[k].parent]) continue;
            double w = 0;
            for (auto [parent, child, v] : link_weights)
                if (parent == links[k].parent && child == links[k].child) w = v;
            local(static_cast<Index>(k)) = w / sum[links[k].parent];
        }
    }

    std::vector<std::vector<std::size_t>> incoming(static_cast<std::size_t>(G));
    for (std::size_t k = 0; k < links.size(); ++k) incoming[links[k].child].push_back(k);

    std::vector<double> top(static_cast<std::size_t>(G));
    for (Index g = 0; g < G; ++g) top[g] = p.goal(g).weight.value_or(1.0);
    for (auto [g, w] : root_weights) {
        if (g < 0 || g >= G) throw ValidationError(fmt::format("goal_weights(): goal index {} out of range", g));
        if (!incoming[g].empty())
            throw ValidationError(fmt::format("goal_weights(): goal '{}' has parents; only root goals take a "
                                              "top-level weight", p.goal(g).id));
        top[g] = w;
    }
    double root_total = 0;
    for (Index g = 0; g < G; ++g)
        if (incoming[g].empty()) root_total += top[g];

    Eigen::VectorXd w = Eigen::VectorXd::Zero(G);
    for (Index g : order) {
        if (incoming[g].empty()) {
            w(g) = top[g] / root_total;
            continue;
        }
        for (auto k : incoming[g]) w(g) += w(links[k].parent) * local(static_cast<Index>(k));
    }
    return w;
}

}  // namespace aligngraph
