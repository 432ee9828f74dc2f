#pragma once
// The selection search: its LP relaxation (rows, scaling, the root LP carried between solves, lazy rows, dropped rows, reduced-cost fixing).

#include "aligngraph/selection/detail/search.hpp"

#include <iterator>

#include "aligngraph/selection/detail/prefixes.hpp"

namespace aligngraph::detail {

ALIGNGRAPH_INLINE void Search::build_lp() {
    any_dependants();
    std::vector<std::vector<Index>> groups;
    for (const auto& g : p_.excludes)
        if (g.size() >= 2) groups.push_back(g);
    if (memory_ && memory_->root && memory_->root->fits(p_)) {
        // The previous root LP, at its optimal basis: new limits keep it dual feasible.
        // Taken from the memory (which gets it back at the end of this solve, or stays
        // without a root if it throws).
        taken_ = std::move(memory_->root);
        const detail::RootLp* last = taken_.get();
        lp_.emplace(std::move(taken_->lp));
        applied_ = last->applied;
        equalities_ = last->equalities;
        link_in_lp_ = last->link_in_lp;
        row_origin_ = last->row_origin;
        row_size_ = last->row_size;
        value_scale_ = last->value_scale;
        for (Index k = 0; k < m_; ++k) lp_->set_rhs(k, p_.budgets(k) / row_size_(k), p_.budgets(k) / row_size_(k));
    } else {
        // `requires` rows join lazily (separate_rows), when an LP point violates them:
        // most never bind, and every row costs each pivot.
        const Index rows = m_ + static_cast<Index>(groups.size());
        Eigen::MatrixXd a = Eigen::MatrixXd::Zero(rows, n_);
        Eigen::VectorXd b(rows), slack_up(rows);
        row_size_.resize(m_);
        for (Index k = 0; k < m_; ++k) {
            // Rows scaled to unit size so that one tolerance fits every budget.
            row_size_(k) = std::max({p_.budgets(k), p_.costs.col(k).maxCoeff(), 1e-300});
            b(k) = slack_up(k) = p_.budgets(k) / row_size_(k);
        }
        // From the transposed costs, a column at a time (row by row writes a cache line per element).
        a.topRows(m_) = costs_t_.array().colwise() / row_size_.array();
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const Index row = m_ + static_cast<Index>(g);
            for (Index i : groups[g]) a(row, i) = 1;
            b(row) = slack_up(row) = 1;
            // A group a forced-in dependant requires one of (exactly its members): an equality.
            std::vector<Index> members = groups[g];
            std::sort(members.begin(), members.end());
            for (Index l : any_in_[static_cast<std::size_t>(members.front())]) {
                const auto& [d, group] = p_.requires_any[static_cast<std::size_t>(l)];
                if (fixed_[d] != 1 || group.size() != members.size()) continue;
                std::vector<Index> sorted = group;
                std::sort(sorted.begin(), sorted.end());
                if (sorted == members) {
                    slack_up(row) = 0;
                    equalities_ = true;
                    break;
                }
            }
        }
        link_in_lp_.assign(p_.requires_links.size() + p_.requires_any.size(), 0);
        row_origin_.assign(static_cast<std::size_t>(rows), -1);
        for (Index k = 0; k < m_; ++k) row_origin_[static_cast<std::size_t>(k)] = budget_origin(k);
        value_scale_ = std::max(p_.values.cwiseAbs().maxCoeff(), 1e-300);
        lp_.emplace(a, b, Eigen::VectorXd(-p_.values / value_scale_), slack_up);
        applied_.assign(static_cast<std::size_t>(n_), -1);
    }
    budget_in_lp_.assign(static_cast<std::size_t>(m_), 1);  // a fresh or reused root has every budget row
    movable_.assign(static_cast<std::size_t>(n_), 1);
    for (auto [d, q] : p_.requires_links) movable_[d] = movable_[q] = 0;
    for (const auto& [d, group] : p_.requires_any) {
        movable_[d] = 0;
        for (Index q : group) movable_[q] = 0;
    }
    for (const auto& g : groups)
        for (Index i : g) movable_[i] = 0;
    for (Index i : p_.forced_in) movable_[i] = 0;
    for (Index i : p_.forced_out) movable_[i] = 0;
    // Objective granularity: with integral (or decimal) values an improvement is a whole step.
    step_ = 0;
    for (double scale : {1.0, 10.0, 100.0, 1000.0, 10000.0}) {
        bool whole = true;
        for (Index i = 0; i < n_ && whole; ++i) {
            const double v = p_.values(i) * scale;
            whole = std::abs(v - std::round(v)) <= 1e-9 * std::max(1.0, std::abs(v));
        }
        if (whole) {
            step_ = 1 / scale;
            break;
        }
    }
}

ALIGNGRAPH_INLINE void Search::any_dependants() {
    // Link l = (d, G) and links (d', G') with G' a subset of G, where d and every such d'
    // are pairwise alternatives (at most one is in): whichever is in needs one of G, so
    // x_d + sum x_d' <= sum over G of x is valid and, at fractional points, stronger than
    // x_d <= sum over G alone. The time-indexed schedule's precedence rows become the
    // cumulative form: the starts up to s of a dependant need a prerequisite's start that
    // ends by s.
    //
    // Each link tries every alternative of its dependant: with S starts a job has S links,
    // each with S candidates, each with a group of up to S members, so the questions must be
    // answered in constant time (a job of a thousand starts took seconds): whether a
    // candidate is an alternative of every member so far (it shares one group with all of
    // them, kept as their groups' intersection; else the members are checked one by one),
    // and whether its group is within G (a prefix of G, as the schedule's groups are, from
    // a trie; else compared, within a budget of steps past which a candidate is left out:
    // the row stays valid, only less strong).
    const auto& links = p_.requires_any;
    const auto at = [](Index i) { return static_cast<std::size_t>(i); };
    std::vector<const std::vector<Index>*> groups(links.size());
    std::vector<char> sorted(links.size());
    for (std::size_t l = 0; l < links.size(); ++l) {
        groups[l] = &links[l].second;
        sorted[l] = std::is_sorted(links[l].second.begin(), links[l].second.end());
    }
    const detail::Prefixes prefixes(groups);
    long long budget = 100'000'000;  // steps of comparison of groups that are not prefixes
    const auto within = [&](std::size_t k, std::size_t l) {
        const auto &inner = links[k].second, &outer = links[l].second;
        if (!sorted[k]) return false;
        if (prefixes.prefix(k, l)) return true;
        if (inner.size() > outer.size() || budget <= 0) return false;
        if (!inner.empty() && (inner.front() < outer.front() || inner.back() > outer.back())) return false;
        budget -= static_cast<long long>(inner.size() + outer.size());
        return std::includes(outer.begin(), outer.end(), inner.begin(), inner.end());
    };
    any_dependants_.assign(links.size(), {});
    std::vector<char> partner(at(n_), 0), member(at(n_), 0);
    std::vector<std::size_t> common, meet;  // the excludes groups every member is in
    for (std::size_t l = 0; l < links.size(); ++l) {
        const auto& [d, group] = links[l];
        auto& members = any_dependants_[l];
        members.push_back(d);
        if (!sorted[l]) continue;
        member[at(d)] = 1;
        common = partners_.groups_of(d);
        for (Index a : partners_[at(d)]) {
            if (any_of_[at(a)].empty() || member[at(a)]) continue;
            const auto& mine = partners_.groups_of(a);
            meet.clear();
            std::set_intersection(common.begin(), common.end(), mine.begin(), mine.end(), std::back_inserter(meet));
            if (meet.empty()) {  // a must be an alternative of every member so far, group or not
                for (Index b : partners_[at(a)]) partner[at(b)] = 1;
                const bool exclusive = std::all_of(members.begin(), members.end(), [&](Index b) { return partner[at(b)] != 0; });
                for (Index b : partners_[at(a)]) partner[at(b)] = 0;
                if (!exclusive) continue;
            }
            if (std::any_of(any_of_[at(a)].begin(), any_of_[at(a)].end(), [&](Index k) { return within(at(k), l); })) {
                members.push_back(a);
                member[at(a)] = 1;
                common.swap(meet);
            }
        }
        for (Index b : members) member[at(b)] = 0;
    }
}

ALIGNGRAPH_INLINE void Search::sync() {
    for (Index j = 0; j < n_; ++j)
        if (applied_[j] != fixed_[j]) {
            applied_[j] = fixed_[j];
            lp_->stage_bounds(j, fixed_[j] == 1 ? 1.0 : 0.0, fixed_[j] == 0 ? 0.0 : 1.0);
        }
    lp_->apply_moves();
}

ALIGNGRAPH_INLINE Index Search::fixable_at_root() const {
    Index count = 0;
    for (Index j = 0; j < n_; ++j)
        count += root_free_[j] && !root_basic_[j] && root_bound_ - std::abs(root_reduced_(j)) * value_scale_ <= threshold();
    return count;
}

ALIGNGRAPH_INLINE bool Search::fix_by_root_costs() {
    for (Index j = 0; j < n_; ++j) {
        if (fixed_[j] != -1 || root_basic_[j]) continue;
        if (root_bound_ - std::abs(root_reduced_(j)) * value_scale_ > threshold()) continue;
        if (!(root_values_(j) > 0.5 ? include(j) : exclude(j))) return false;
    }
    return true;
}

ALIGNGRAPH_INLINE void Search::purge_rows(bool tree_cuts_only) {
    std::vector<Index> drop;
    std::vector<Index> origin;
    for (Index k = 0; k < lp_->rows(); ++k) {
        const Index o = row_origin_[static_cast<std::size_t>(k)];
        if ((tree_cuts_only ? o == tree_cut_origin : o != -1) && lp_->basic(n_ + k)) {
            drop.push_back(k);
            if (o >= 0) link_in_lp_[static_cast<std::size_t>(o)] = 0;
            if (budget_of(o) >= 0) budget_in_lp_[static_cast<std::size_t>(budget_of(o))] = 0;
        } else {
            origin.push_back(o);
        }
    }
    if (drop.empty()) return;
    lp_->remove_rows(drop);
    row_origin_ = std::move(origin);
}

ALIGNGRAPH_INLINE int Search::separate_rows() {
    std::vector<Lp::Row> rows;
    for (Index k = 0; k < m_; ++k) {
        if (budget_in_lp_[static_cast<std::size_t>(k)]) continue;
        const double limit = p_.budgets(k) / row_size_(k);
        if (p_.costs.col(k).dot(lp_->values().head(n_)) / row_size_(k) <= limit + 1e-9) continue;
        rows.push_back({Eigen::VectorXd(p_.costs.col(k) / row_size_(k)), limit, limit});
        budget_in_lp_[static_cast<std::size_t>(k)] = 1;
        row_origin_.push_back(budget_origin(k));
    }
    for (std::size_t l = 0; l < p_.requires_links.size(); ++l) {
        if (link_in_lp_[l]) continue;
        const auto [d, q] = p_.requires_links[l];
        if (lp_->value(d) <= lp_->value(q) + 1e-9) continue;
        Eigen::VectorXd coeffs = Eigen::VectorXd::Zero(n_);
        coeffs(d) += 1;
        coeffs(q) -= 1;
        rows.push_back({std::move(coeffs), 0, 1});
        link_in_lp_[l] = 1;
        row_origin_.push_back(static_cast<Index>(l));
    }
    // Requires one of a group: sum over the link's dependants x_d - sum x_q <= 0 (slack up
    // to the group's size; any_dependants() says which dependants share the row).
    for (std::size_t a = 0; a < p_.requires_any.size(); ++a) {
        const std::size_t l = p_.requires_links.size() + a;
        if (link_in_lp_[l]) continue;
        const auto& group = p_.requires_any[a].second;
        double sum = 0, lhs = 0;
        for (Index q : group) sum += lp_->value(q);
        for (Index d : any_dependants_[a]) lhs += lp_->value(d);
        if (lhs <= sum + 1e-9) continue;
        Eigen::VectorXd coeffs = Eigen::VectorXd::Zero(n_);
        for (Index d : any_dependants_[a]) coeffs(d) += 1;
        for (Index q : group) coeffs(q) -= 1;
        rows.push_back({std::move(coeffs), 0, static_cast<double>(group.size())});
        link_in_lp_[l] = 1;
        row_origin_.push_back(static_cast<Index>(l));
    }
    lp_->add_rows(rows);
    return static_cast<int>(rows.size());
}

}  // namespace aligngraph::detail
