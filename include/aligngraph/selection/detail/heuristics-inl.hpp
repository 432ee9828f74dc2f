#pragma once
// The selection search: primal heuristics (greedy by priced ratio, LP rounding, swap local search, the caller's start).

#include "aligngraph/selection/detail/search.hpp"

namespace aligngraph::detail {

ALIGNGRAPH_INLINE void Search::improve(std::vector<signed char>& x) const {
    Eigen::VectorXd use = Eigen::VectorXd::Zero(m_);
    for (Index i = 0; i < n_; ++i)
        if (x[i] == 1) use += costs_t_.col(i);
    auto fits = [&](Index add, Index drop) {  // most candidates fail early: a loop that stops
        const double* in = &costs_t_(0, add);
        if (drop < 0) {
            for (Index k = 0; k < m_; ++k)
                if (use(k) + in[k] > limit_(k)) return false;
            return true;
        }
        const double* out = &costs_t_(0, drop);
        for (Index k = 0; k < m_; ++k)
            if (use(k) + in[k] - out[k] > limit_(k)) return false;
        return true;
    };
    std::vector<Index> incoming;
    // The swap pass is n^2: on a large problem it stops with x as it stands (feasible) when
    // a limit is met, checked every 64 rows of the pass (a small one is done in microseconds).
    const bool watch = n_ >= 1024;
    for (int round = 0; round < 100 && !(watch && limits_.reached()); ++round) {
        bool changed = false;
        for (Index j : order_)
            if (x[j] != 1 && movable_[j] && p_.values(j) > 0 && fits(j, -1)) {
                x[j] = 1;
                use += costs_t_.col(j);
                changed = true;
            }
        // The candidates to come in, the most valuable first.
        incoming.clear();
        for (Index j : by_value_)
            if (x[j] != 1 && movable_[j]) incoming.push_back(j);
        Index best_in = -1, best_out = -1;
        double best_gain = 1e-12 * std::max(1.0, p_.values.cwiseAbs().maxCoeff());
        // The best swap: the largest gain, ties to the first (out, in) pair in index order.
        // Candidates to go out are taken the least valuable first and candidates to come in
        // the most valuable first, so the best gain grows early and a row of the pass stops
        // at the first candidate whose gain falls short of it. The pass goes over blocks of
        // 64 rows, the limit looked at between blocks.
        const auto swap_pass = [&](Index from, Index to) {
            for (Index row = from; row < to; ++row) {
                const Index i = by_value_[static_cast<std::size_t>(n_ - 1 - row)];
                if (x[i] != 1 || !movable_[i]) continue;
                for (Index j : incoming) {
                    const double gain = p_.values(j) - p_.values(i);
                    if (gain < best_gain) break;
                    if (gain == best_gain && (best_in < 0 || i > best_out || (i == best_out && j > best_in))) continue;
                    if (fits(j, i)) {
                        best_gain = gain;
                        best_in = j;
                        best_out = i;
                    }
                }
            }
        };
        if (!watch) {
            swap_pass(0, n_);
        } else {
            for (Index block = 0; block < n_ && !limits_.reached(); block += 64) swap_pass(block, std::min<Index>(block + 64, n_));
        }
        if (best_in >= 0) {
            x[best_out] = 0;
            x[best_in] = 1;
            use += costs_t_.col(best_in) - costs_t_.col(best_out);
            changed = true;
        }
        if (!changed) break;
    }
}

ALIGNGRAPH_INLINE void Search::consider(std::vector<signed char> candidate) {
    for (auto& c : candidate)
        if (c != 1) c = 0;
    repair_any(candidate);
    if (feasible(candidate)) improve(candidate);
    consider_as_is(candidate);
}

ALIGNGRAPH_INLINE bool Search::any_met(const std::vector<signed char>& x, Index link) const {
    const auto& group = p_.requires_any[static_cast<std::size_t>(link)].second;
    return std::any_of(group.begin(), group.end(), [&](Index q) { return x[q] == 1; });
}

ALIGNGRAPH_INLINE void Search::repair_any(std::vector<signed char>& x) const {
    if (p_.requires_any.empty()) return;
    std::vector<Index> stack;
    for (std::size_t l = 0; l < p_.requires_any.size(); ++l)
        if (x[p_.requires_any[l].first] == 1 && !any_met(x, static_cast<Index>(l))) stack.push_back(p_.requires_any[l].first);
    while (!stack.empty()) {
        const Index y = stack.back();
        stack.pop_back();
        if (x[y] != 1) continue;
        x[y] = 0;
        for (Index d : dependants_[y])
            if (x[d] == 1) stack.push_back(d);
        for (Index l : any_in_[y]) {
            const Index d = p_.requires_any[static_cast<std::size_t>(l)].first;
            if (x[d] == 1 && !any_met(x, l)) stack.push_back(d);
        }
    }
}

ALIGNGRAPH_INLINE bool Search::feasible(const std::vector<signed char>& candidate) const {
    Eigen::VectorXd use = Eigen::VectorXd::Zero(m_);
    for (Index i = 0; i < n_; ++i)
        if (candidate[i] == 1) use += costs_t_.col(i);
    if ((use.array() > limit_.array()).any()) return false;
    for (auto [d, q] : p_.requires_links)
        if (candidate[d] == 1 && candidate[q] != 1) return false;
    for (std::size_t l = 0; l < p_.requires_any.size(); ++l)
        if (candidate[p_.requires_any[l].first] == 1 && !any_met(candidate, static_cast<Index>(l))) return false;
    for (const auto& g : p_.excludes) {
        int count = 0;
        for (Index i : g) count += candidate[i] == 1;
        if (count > 1) return false;
    }
    for (Index i : p_.forced_in)
        if (candidate[i] != 1) return false;
    for (Index i : p_.forced_out)
        if (candidate[i] == 1) return false;
    return true;
}

ALIGNGRAPH_INLINE void Search::consider_as_is(const std::vector<signed char>& candidate) {
    double value = 0;
    for (Index i = 0; i < n_; ++i)
        if (candidate[i] == 1) value += p_.values(i);
    if (value <= best_value_ + 1e-9 * std::max(1.0, std::abs(best_value_)) || !feasible(candidate)) return;
    best_value_ = value;
    best_ = candidate;
}

ALIGNGRAPH_INLINE void Search::round_and_fill(bool use_lp) {
    const auto mark = trail_.size();
    // An include can fix thousands (a schedule's start excludes the job's other starts, each
    // checked against the groups it is in): on a long horizon a pass takes seconds, so the
    // limits are checked every 64 tries; what is filled when one is met is still considered.
    // Without a selection to fall back on (none so far, no feasible start given) the fill goes on.
    const bool fallback = best_value_ > -std::numeric_limits<double>::infinity() || start_feasible_;
    const auto stop = [&] { return fallback && limits_.reached(); };
    long long tries = 0;
    for (int pass = use_lp ? 0 : 1; pass < 2 && !stop(); ++pass)
        for (Index i : order_) {
            if ((++tries & 63) == 0 && stop()) break;
            if (fixed_[i] != -1 || p_.values(i) <= 0) continue;
            if (pass == 0 && lp_->value(i) < 0.5) continue;
            const auto before = trail_.size();
            const double v = value_;
            if (!include(i) || value_ <= v) undo_to(before);
        }
    std::vector<signed char> candidate = fixed_;
    consider(candidate);
    undo_to(mark);
}

ALIGNGRAPH_INLINE void Search::order_by_prices() {
    const Eigen::VectorXd row_prices = lp_->row_prices().cwiseMax(0.0);
    Eigen::VectorXd weight = Eigen::VectorXd::Zero(n_);
    for (Index r = 0; r < lp_->rows(); ++r) {  // budget rows only; a dropped one has price 0
        const Index k = budget_of(row_origin_[static_cast<std::size_t>(r)]);
        if (k >= 0) weight += p_.costs.col(k) * (row_prices(r) / row_size_(k));
    }
    order_.resize(static_cast<std::size_t>(n_));
    std::iota(order_.begin(), order_.end(), 0);
    std::stable_sort(order_.begin(), order_.end(), [&](Index a, Index b) {
        const double ra = p_.values(a) / std::max(weight(a), 1e-12), rb = p_.values(b) / std::max(weight(b), 1e-12);
        return ra > rb;
    });
}

}  // namespace aligngraph::detail
