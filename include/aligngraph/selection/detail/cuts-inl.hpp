#pragma once
// The selection search: cuts at the root (extended minimal covers of the budget rows).

#include "aligngraph/selection/detail/search.hpp"

namespace aligngraph::detail {

ALIGNGRAPH_INLINE void Search::root_cuts() {
    double last = lp_bound();
    for (int round = 0; round < 50 && !limits_.stopped(); ++round) {
        if (separate_covers() == 0) break;
        while (solve_lp() != Lp::Status::stopped && separate_rows() > 0) {
        }
        const double now = lp_bound();
        if (last - now < 1e-6 * std::max(1.0, std::abs(now))) break;
        last = now;
    }
    root_bound_ = lp_bound();
    root_reduced_.resize(n_);
    root_basic_.assign(static_cast<std::size_t>(n_), 0);
    root_free_.assign(static_cast<std::size_t>(n_), 0);
    for (Index j = 0; j < n_; ++j) {
        root_basic_[j] = lp_->basic(j);
        root_free_[j] = fixed_[j] == -1;
        root_reduced_(j) = lp_->reduced_cost(j);
    }
    root_values_ = lp_->values().head(n_);
    round_and_fill(true);
    root_fixable_ = fixable_at_root();
    purge_rows();
}

ALIGNGRAPH_INLINE int Search::separate_covers() {
    std::vector<Lp::Row> rows;
    const Eigen::VectorXd x = lp_->values().head(n_);
    std::vector<std::pair<double, Index>> candidates;
    std::vector<Index> cover, minimal, extension;
    for (Index k = 0; k < m_; ++k) {
        const double limit = limit_(k);
        // Candidates by (1 - x_j) / cost_j, ties by index; none when even all of them fit.
        candidates.clear();
        double reach = 0;
        for (std::size_t b = users_start_[static_cast<std::size_t>(k)]; b < users_start_[static_cast<std::size_t>(k) + 1]; ++b) {
            const auto [cost, j] = users_all_[b];  // cost > 0
            if (x(j) > 1e-9) {
                candidates.emplace_back((1 - x(j)) / cost, j);
                reach += cost;
            }
        }
        if (reach <= limit) continue;
        std::sort(candidates.begin(), candidates.end());
        cover.clear();
        double sum = 0;
        for (auto [key, j] : candidates) {
            cover.push_back(j);
            sum += p_.costs(j, k);
            if (sum > limit) break;
        }
        if (sum <= limit) continue;
        std::stable_sort(cover.begin(), cover.end(), [&](Index a, Index b) { return x(a) < x(b); });
        minimal.clear();
        for (Index j : cover)
            if (sum - p_.costs(j, k) > limit)
                sum -= p_.costs(j, k);
            else
                minimal.push_back(j);
        // The extended cover E(C): C and every item at least as costly as C's largest.
        double largest = 0;
        for (Index j : minimal) largest = std::max(largest, p_.costs(j, k));
        extension.clear();
        for (Index j = 0; j < n_; ++j)
            if (p_.costs(j, k) >= largest) extension.push_back(j);
        for (Index j : minimal)
            if (p_.costs(j, k) < largest) extension.push_back(j);
        double lhs = 0;
        for (Index j : extension) lhs += x(j);
        const double rhs = static_cast<double>(minimal.size()) - 1;
        if (lhs <= rhs + 1e-6) continue;
        Eigen::VectorXd coeffs = Eigen::VectorXd::Zero(n_);
        for (Index j : extension) coeffs(j) = 1;
        rows.push_back({std::move(coeffs), rhs, rhs});
    }
    row_origin_.resize(row_origin_.size() + rows.size(), -2);
    lp_->add_rows(rows);
    return static_cast<int>(rows.size());
}

}  // namespace aligngraph::detail
