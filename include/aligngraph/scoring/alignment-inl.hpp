#pragma once
// Alignment with enabler credit, its explanation, unserved goals, orphans, coverage.

#include "aligngraph/scoring/alignment.hpp"
#include "aligngraph/scoring/ranks.hpp"
#include "aligngraph/weights/goal_weights.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <tuple>
#include <span>

#include "aligngraph/model/graph.hpp"
#include "aligngraph/weights/ahp.hpp"

namespace aligngraph {

namespace detail {

/// `requires` links as compressed rows: the dependants of i are dependants[start[i] .. start[i+1]).
struct Links {
    std::vector<int> prereq_count;
    std::vector<std::size_t> start;
    std::vector<Index> dependants;
    std::span<const Index> dependants_of(Index i) const {
        return {dependants.data() + start[static_cast<std::size_t>(i)], start[static_cast<std::size_t>(i) + 1] - start[static_cast<std::size_t>(i)]};
    }
};

inline Links links_of(const Portfolio& p) {
    const auto n = static_cast<std::size_t>(p.initiative_count());
    Links l{std::vector<int>(n, 0), std::vector<std::size_t>(n + 1, 0), std::vector<Index>(p.requirements().size())};
    for (const auto& r : p.requirements()) {
        ++l.prereq_count[r.dependant];
        ++l.start[static_cast<std::size_t>(r.prerequisite) + 1];
    }
    for (std::size_t k = 1; k <= n; ++k) l.start[k] += l.start[k - 1];
    auto fill = l.start;
    for (const auto& r : p.requirements()) l.dependants[fill[static_cast<std::size_t>(r.prerequisite)]++] = r.dependant;
    return l;
}

/// A = a + beta * M A in topological order (dependants first), M_ij = 1/|prereq(j)| for j requiring i.
inline Eigen::MatrixXd propagate(const std::vector<Index>& order, const Links& l, const Eigen::MatrixXd& a, double beta) {
    Eigen::MatrixXd total = a;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const Index i = *it;
        if (total.cols() == 1) {
            double credit = 0;
            for (Index j : l.dependants_of(i)) credit += total(j, 0) / l.prereq_count[j];
            total(i, 0) += beta * credit;
        } else {
            for (Index j : l.dependants_of(i)) total.row(i) += (beta / l.prereq_count[j]) * total.row(j);
        }
    }
    return total;
}

}  // namespace detail

ALIGNGRAPH_INLINE Eigen::MatrixXd with_enabler_credit(const Portfolio& p, const Eigen::MatrixXd& direct, Weight beta) {
    if (direct.rows() != p.initiative_count())
        throw ValidationError(fmt::format("with_enabler_credit(): {} rows, expected one per initiative ({})", direct.rows(),
                                          p.initiative_count()));
    return detail::propagate(topological_order(p), detail::links_of(p), direct, beta);
}

ALIGNGRAPH_INLINE AlignmentOptions AlignmentOptions::from_scenario(const Portfolio& p, const std::string& id) {
    for (const auto& s : p.scenarios())
        if (s.id == id) return AlignmentOptions{s.enabler_share, s.goal_weights, s.judgments};
    throw ValidationError(fmt::format("AlignmentOptions::from_scenario(): unknown scenario '{}'", id));
}

ALIGNGRAPH_INLINE Eigen::VectorXd goal_weights_with(const Portfolio& p, const std::map<std::string, Weight>& root_weights,
                                  const std::map<std::string, Judgments>& judgments) {
    if (root_weights.empty() && judgments.empty()) return goal_weights(p);
    std::vector<std::tuple<Index, Index, Weight>> link_weights;
    for (const auto& [goal, j] : judgments) {
        const Index parent = p.goal_index(goal);
        const auto n = static_cast<Index>(j.children.size());
        Eigen::MatrixXd m(n, n);
        for (Index r = 0; r < n; ++r) {
            if (j.matrix.size() != j.children.size() || j.matrix[static_cast<std::size_t>(r)].size() != j.children.size())
                throw ValidationError(fmt::format("goal_weights_with(): judgments of goal '{}' are not {} x {}", goal, n, n));
            for (Index c = 0; c < n; ++c)
                m(r, c) = j.matrix[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)].value_or(
                    std::numeric_limits<double>::quiet_NaN());
        }
        const auto w = ahp(m).weights;
        std::size_t linked = 0;
        for (const auto& l : p.goal_links()) linked += l.parent == parent;
        if (linked != j.children.size())
            throw ValidationError(fmt::format("goal_weights_with(): goal '{}' has {} children but the judgments cover {}", goal,
                                              linked, j.children.size()));
        for (Index k = 0; k < n; ++k) {
            const Index child = p.goal_index(j.children[static_cast<std::size_t>(k)]);
            bool is_child = false;
            for (const auto& l : p.goal_links()) is_child = is_child || (l.parent == parent && l.child == child);
            if (!is_child)
                throw ValidationError(fmt::format("goal_weights_with(): '{}' is not a child of goal '{}'",
                                                  j.children[static_cast<std::size_t>(k)], goal));
            link_weights.emplace_back(parent, child, w(k));
        }
    }
    std::vector<std::pair<Index, Weight>> override_weights;
    for (const auto& [id, w] : root_weights) {
        const Index g = p.goal_index(id);
        if (!(std::isfinite(w) && w > 0))
            throw ValidationError(fmt::format("goal_weights_with(): goal '{}' weight {}, expected a finite weight > 0", id, w));
        override_weights.emplace_back(g, w);
    }
    return goal_weights(p, override_weights, link_weights);
}

ALIGNGRAPH_INLINE Alignment alignment(const Portfolio& p, const AlignmentOptions& o) {
    p.check();
    Alignment out;
    out.enabler_share = o.enabler_share.value_or(p.settings().enabler_share);
    if (!(out.enabler_share >= 0 && out.enabler_share <= 1))
        throw ValidationError(fmt::format("alignment(): enabler share {}, expected a number in [0, 1]", out.enabler_share));
    out.goal_weights = goal_weights_with(p, o.root_weights, o.judgments);
    out.by_goal = Eigen::MatrixXd(p.contribution_matrix()) * out.goal_weights.asDiagonal();
    out.direct = p.contribution_matrix() * out.goal_weights;
    out.total = detail::propagate(topological_order(p), detail::links_of(p), out.direct, out.enabler_share);
    out.enabler = out.total - out.direct;
    if (o.rank) out.rank = ranks(out.total, p.initiative_ids());
    return out;
}

ALIGNGRAPH_INLINE std::vector<AlignmentPart> explain_alignment(const Portfolio& p, const Alignment& a, Index i) {
    if (i < 0 || i >= p.initiative_count())
        throw ValidationError(fmt::format("explain_alignment(): initiative index {} out of range [0, {})", i, p.initiative_count()));
    std::vector<AlignmentPart> parts;
    for (const auto& c : p.contributions())
        if (c.initiative == i) parts.push_back({AlignmentPart::Kind::goal, c.goal, c.strength * a.goal_weights(c.goal)});
    const auto l = detail::links_of(p);
    for (Index j : l.dependants_of(i))
        parts.push_back({AlignmentPart::Kind::enabler, j, a.enabler_share * a.total(j) / l.prereq_count[j]});
    return parts;
}

ALIGNGRAPH_INLINE std::vector<Index> unserved_goals(const Portfolio& p, const std::vector<Index>& selection) {
    std::vector<char> chosen(static_cast<std::size_t>(p.initiative_count()), selection.empty() ? 1 : 0);
    for (Index i : selection) chosen.at(static_cast<std::size_t>(i)) = 1;
    std::vector<char> served(static_cast<std::size_t>(p.goal_count()), 0);
    for (const auto& c : p.contributions())
        if (c.strength > 0 && chosen[c.initiative]) served[c.goal] = 1;
    // A goal is served when a goal below it is: walk children before parents.
    auto order = goal_order(p);
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        for (const auto& l : p.goal_links())
            if (l.parent == *it && served[l.child]) served[*it] = 1;
    std::vector<Index> out;
    for (Index g = 0; g < p.goal_count(); ++g)
        if (!served[g]) out.push_back(g);
    return out;
}

ALIGNGRAPH_INLINE std::vector<Index> orphan_initiatives(const Portfolio& p) {
    std::vector<char> contributes(static_cast<std::size_t>(p.initiative_count()), 0);
    for (const auto& c : p.contributions())
        if (c.strength > 0) contributes[c.initiative] = 1;
    std::vector<Index> out;
    for (Index i = 0; i < p.initiative_count(); ++i)
        if (!contributes[i]) out.push_back(i);
    return out;
}

ALIGNGRAPH_INLINE Eigen::VectorXd goal_coverage(const Portfolio& p, const std::vector<Index>& selection) {
    std::vector<char> chosen(static_cast<std::size_t>(p.initiative_count()), 0);
    for (Index i : selection) {
        if (i < 0 || i >= p.initiative_count())
            throw ValidationError(fmt::format("goal_coverage(): initiative index {} out of range", i));
        chosen[i] = 1;
    }
    Eigen::VectorXd direct_missed = Eigen::VectorXd::Ones(p.goal_count());
    for (const auto& c : p.contributions())
        if (chosen[c.initiative]) direct_missed(c.goal) *= 1 - c.strength;
    // Children before parents: a parent is served through its sub-goals by the share of
    // their coverage its local weights give, and directly; the two overlap, as
    // contributions do. So a goal has coverage > 0 exactly when unserved_goals() says it is served.
    const auto local = local_goal_weights(p);
    const auto& links = p.goal_links();
    std::vector<std::vector<std::size_t>> child_links(static_cast<std::size_t>(p.goal_count()));
    for (std::size_t k = 0; k < links.size(); ++k) child_links[static_cast<std::size_t>(links[k].parent)].push_back(k);
    Eigen::VectorXd coverage = Eigen::VectorXd::Zero(p.goal_count());
    const auto order = goal_order(p);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        double via_children = 0;
        for (std::size_t k : child_links[static_cast<std::size_t>(*it)])
            via_children += local(static_cast<Index>(k)) * coverage(links[k].child);
        coverage(*it) = 1 - direct_missed(*it) * (1 - via_children);
    }
    return coverage;
}

}  // namespace aligngraph
