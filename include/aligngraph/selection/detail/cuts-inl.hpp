#pragma once
// The selection search: cuts at the root (extended minimal covers of the budget rows, Gomory
// mixed-integer cuts from the optimal tableau).

#include "aligngraph/selection/detail/search.hpp"

namespace aligngraph::detail {

ALIGNGRAPH_INLINE void Search::root_cuts() {
    double last = lp_bound();
    for (int round = 0; round < 50 && !limits_.stopped(); ++round) {
        const int added = separate_covers() + (round < o_.gomory_rounds ? separate_gomory() : 0);
        if (added == 0) break;
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

ALIGNGRAPH_INLINE int Search::separate_covers(Index origin) {
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
    if (o_.group_covers) separate_group_covers(x, rows);
    // MIR cuts at the root only: in the tree they slowed the plans' nodes threefold for a
    // worse bound in the same time (RESULTS.md, twenty-second session).
    if (o_.mir_cuts && origin != tree_cut_origin) separate_mir(x, rows);
    row_origin_.resize(row_origin_.size() + rows.size(), origin);
    lp_->add_rows(rows);
    return static_cast<int>(rows.size());
}

// Group covers (GUB covers): in a budget row, the members of an excludes group count as one
// item (at most one of them is in), worth the sum of their LP values and costing the least
// of the members the LP uses; every member at least that costly joins it. For groups C whose least costs
// exceed the limit, sum over C of the group's members' x <= |C| - 1: one member of every
// group of C together do not fit. The time-indexed schedule's groups are a job's starts, so
// an item is "the job runs in this period", which the LP spreads over several starts.
ALIGNGRAPH_INLINE void Search::separate_group_covers(const Eigen::VectorXd& x, std::vector<BoxedDualSimplex::Row>& rows) {
    if (p_.excludes.empty()) return;
    if (group_of_.empty()) {
        group_of_.assign(static_cast<std::size_t>(n_), -1);
        for (std::size_t g = 0; g < p_.excludes.size(); ++g)
            for (Index j : p_.excludes[g])
                if (group_of_[static_cast<std::size_t>(j)] < 0) group_of_[static_cast<std::size_t>(j)] = static_cast<Index>(g);
    }
    struct Item {
        double value = 0, cost = std::numeric_limits<double>::infinity();
        Index group = -1, single = -1;
    };
    std::vector<Item> items;
    std::vector<Index> item_of_group(p_.excludes.size(), -1);
    std::vector<std::pair<double, std::size_t>> candidates;
    std::vector<std::size_t> cover, minimal;
    for (Index k = 0; k < m_; ++k) {
        const double limit = limit_(k);
        items.clear();
        std::fill(item_of_group.begin(), item_of_group.end(), -1);
        bool grouped = false;
        for (std::size_t b = users_start_[static_cast<std::size_t>(k)]; b < users_start_[static_cast<std::size_t>(k) + 1]; ++b) {
            const auto [cost, j] = users_all_[b];
            if (!(x(j) > 1e-9)) continue;
            const Index g = group_of_[static_cast<std::size_t>(j)];
            if (g < 0) {
                items.push_back({x(j), cost, -1, j});
                continue;
            }
            Index& at = item_of_group[static_cast<std::size_t>(g)];
            if (at < 0) {
                at = static_cast<Index>(items.size());
                items.push_back({0, std::numeric_limits<double>::infinity(), g, -1});
            } else {
                grouped = true;
            }
            items[static_cast<std::size_t>(at)].value += x(j);
            items[static_cast<std::size_t>(at)].cost = std::min(items[static_cast<std::size_t>(at)].cost, cost);
        }
        if (!grouped) continue;  // the plain covers saw the same items
        // Every member at least as costly as the least the LP uses counts: more in, stronger.
        for (Item& it : items)
            if (it.group >= 0) {
                it.value = 0;
                for (Index j : p_.excludes[static_cast<std::size_t>(it.group)])
                    if (p_.costs(j, k) >= it.cost) it.value += x(j);
            }
        double reach = 0;
        candidates.clear();
        for (std::size_t a = 0; a < items.size(); ++a) {
            reach += items[a].cost;
            candidates.emplace_back(std::max(0.0, 1 - items[a].value) / items[a].cost, a);
        }
        if (reach <= limit) continue;
        std::sort(candidates.begin(), candidates.end());
        cover.clear();
        double sum = 0;
        for (auto [key, a] : candidates) {
            cover.push_back(a);
            sum += items[a].cost;
            if (sum > limit) break;
        }
        if (sum <= limit) continue;
        std::stable_sort(cover.begin(), cover.end(), [&](std::size_t a, std::size_t b) { return items[a].value < items[b].value; });
        minimal.clear();
        for (std::size_t a : cover)
            if (sum - items[a].cost > limit)
                sum -= items[a].cost;
            else
                minimal.push_back(a);
        double lhs = 0;
        for (std::size_t a : minimal) lhs += items[a].value;
        const double rhs = static_cast<double>(minimal.size()) - 1;
        if (lhs <= rhs + 1e-6) continue;
        Eigen::VectorXd coeffs = Eigen::VectorXd::Zero(n_);
        for (std::size_t a : minimal) {
            const Item& it = items[a];
            if (it.group < 0) coeffs(it.single) = 1;
            else
                for (Index j : p_.excludes[static_cast<std::size_t>(it.group)])
                    if (p_.costs(j, k) >= it.cost) coeffs(j) = 1;
        }
        rows.push_back({std::move(coeffs), rhs, rhs});
    }
}

// c-MIR cuts (Marchand & Wolsey 2001, "Aggregation and mixed integer rounding to solve
// MIPs") of each budget row sum a_j x_j <= b (a_j > 0). With y_j = 1 - x_j for the items in
// a set C and y_j = x_j otherwise, the row is sum g_j y_j <= beta (g_j = -a_j on C, beta =
// b - a(C)); divided by delta > 0 and rounded, with f0 the fraction of beta / delta and
// F(d) = floor(d) + max(0, frac(d) - f0) / (1 - f0), sum F(g_j / delta) y_j <= floor(beta /
// delta) holds at every integral y >= 0 (the MIR inequality). Back in x, every coefficient
// is >= 0. C starts as the items the LP takes at 1/2 or more; delta is tried at each
// fractional item's cost and the largest cost, the best of those also halved, quartered
// and divided by eight; then each fractional item moves in or out of C (nearest 1/2
// first) while that makes the cut more violated. The bounds are [0, 1] whatever the node
// has fixed: the cuts are valid everywhere. (Items that are an excludes group's members,
// as in the group covers, gave weaker cuts on the plans: not done.)
ALIGNGRAPH_INLINE void Search::separate_mir(const Eigen::VectorXd& x, std::vector<BoxedDualSimplex::Row>& rows) {
    std::vector<double> a, v;  // per item of the row: its cost, its LP value
    std::vector<Index> who;
    std::vector<signed char> comp;
    std::vector<double> deltas;
    std::vector<std::size_t> order;
    double limit = 0;
    // The cut's efficacy (violation over its norm) for complementation `c` and divisor
    // `delta`; -infinity where rounding gains nothing (f0 near 0 or 1). With `coeffs`, the
    // cut's coefficients and right-hand side.
    const auto efficacy = [&](const std::vector<signed char>& c, double delta, Eigen::VectorXd* coeffs, double* rhs_out) {
        double beta = limit;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (c[i]) beta -= a[i];
        const double q = beta / delta, f0 = q - std::floor(q);
        if (f0 < 0.01 || f0 > 0.99) return -std::numeric_limits<double>::infinity();
        double rhs = std::floor(q), lhs = 0, norm2 = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            const double d = (c[i] ? -a[i] : a[i]) / delta, fd = d - std::floor(d);
            const double f = std::floor(d) + std::max(0.0, fd - f0) / (1 - f0);
            const double coef = c[i] ? -f : f;  // f (1 - x) = f - f x
            if (c[i]) rhs -= f;
            lhs += coef * v[i];
            norm2 += coef * coef;
            if (coeffs) (*coeffs)(who[i]) = coef;
        }
        if (rhs_out) *rhs_out = rhs;
        return norm2 > 0 ? (lhs - rhs) / std::sqrt(norm2) : -std::numeric_limits<double>::infinity();
    };
    for (Index k = 0; k < m_; ++k) {
        limit = limit_(k);
        a.clear();
        v.clear();
        who.clear();
        bool fractional = false;
        double lhs = 0;
        for (std::size_t b = users_start_[static_cast<std::size_t>(k)]; b < users_start_[static_cast<std::size_t>(k) + 1]; ++b) {
            const auto [cost, j] = users_all_[b];  // cost > 0
            a.push_back(cost);
            v.push_back(std::clamp(x(j), 0.0, 1.0));
            who.push_back(j);
            fractional = fractional || (v.back() > 1e-6 && v.back() < 1 - 1e-6);
            lhs += cost * v.back();
        }
        // Only a row the LP point nearly fills can yield a violated cut worth its row.
        if (!fractional || lhs < 0.5 * limit) continue;
        comp.assign(a.size(), 0);
        deltas.clear();
        for (std::size_t i = 0; i < a.size(); ++i) {
            comp[i] = v[i] >= 0.5;
            if (v[i] > 1e-6 && v[i] < 1 - 1e-6) deltas.push_back(a[i]);
        }
        deltas.push_back(*std::max_element(a.begin(), a.end()));
        std::sort(deltas.begin(), deltas.end());
        deltas.erase(std::unique(deltas.begin(), deltas.end()), deltas.end());
        double best = -std::numeric_limits<double>::infinity(), best_delta = 0;
        for (double d : deltas) {
            const double e = efficacy(comp, d, nullptr, nullptr);
            if (e > best) {
                best = e;
                best_delta = d;
            }
        }
        if (!(best_delta > 0)) continue;
        const double found = best_delta;
        for (double divisor : {2.0, 4.0, 8.0}) {
            const double e = efficacy(comp, found / divisor, nullptr, nullptr);
            if (e > best) {
                best = e;
                best_delta = found / divisor;
            }
        }
        order.clear();
        for (std::size_t i = 0; i < a.size(); ++i)
            if (v[i] > 1e-6 && v[i] < 1 - 1e-6) order.push_back(i);
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t p, std::size_t q) { return std::abs(v[p] - 0.5) < std::abs(v[q] - 0.5); });
        for (std::size_t i : order) {
            comp[i] = !comp[i];
            const double e = efficacy(comp, best_delta, nullptr, nullptr);
            if (e > best) best = e;
            else comp[i] = !comp[i];
        }
        if (!(best > 1e-4)) continue;
        Eigen::VectorXd coeffs = Eigen::VectorXd::Zero(n_);
        double rhs = 0;
        efficacy(comp, best_delta, &coeffs, &rhs);
        const double largest = coeffs.maxCoeff();
        if (!(largest > 1e-9) || !(rhs > 0)) continue;
        coeffs /= largest;
        rhs /= largest;
        for (Index j = 0; j < n_; ++j)
            if (coeffs(j) < 1e-6) coeffs(j) = 0;  // >= 0 each: dropping one only weakens the cut
        rhs += 1e-9 * std::max(1.0, rhs);  // round-off
        if (coeffs.dot(x) - rhs <= 1e-6) continue;
        rows.push_back({std::move(coeffs), rhs, rhs});
    }
}

ALIGNGRAPH_INLINE int Search::separate_gomory() {
    Lp& lp = *lp_;
    const Index rows = lp.rows(), cols = n_ + rows;
    const Eigen::VectorXd x = lp.values();
    const auto whole = [](double v) { return std::abs(v - std::round(v)) <= 1e-9; };
    // A row's slack is integral at every integral point when its coefficients and
    // right-hand side are whole (groups, links, covers; budgets seldom).
    std::vector<signed char> integral(static_cast<std::size_t>(cols), 1);
    for (Index k = 0; k < rows; ++k) {
        bool w = whole(lp.rhs(k));
        const auto row = lp.row_coefficients(k);
        for (Index j = 0; w && j < n_; ++j) w = whole(row(j));
        integral[static_cast<std::size_t>(n_ + k)] = w;
    }
    // Sources: the basic structural variables furthest from integral first, ties by index.
    std::vector<std::pair<double, Index>> sources;
    for (Index j = 0; j < n_; ++j) {
        if (lp.row_of(j) < 0 || lp.upper(j) - lp.lower(j) < 0.5) continue;
        const double f = x(j) - std::floor(x(j));
        if (f >= gomory_min_fraction_ && f <= 1 - gomory_min_fraction_) sources.emplace_back(std::abs(f - 0.5), j);
    }
    std::sort(sources.begin(), sources.end());
    if (sources.size() > static_cast<std::size_t>(gomory_per_round_)) sources.resize(static_cast<std::size_t>(gomory_per_round_));

    std::vector<std::pair<double, Lp::Row>> found;  // (efficacy, cut)
    Eigen::VectorXd c(n_);
    for (auto [key, j] : sources) {
        if (limits_.reached()) break;  // a cut costs up to rows x initiatives: on a large model, seconds a round
        const double f0 = x(j) - std::floor(x(j));
        const Eigen::VectorXd& alpha = lp.tableau_row_at(lp.row_of(j));
        // The row: x_j + sum over nonbasic k of alpha_k x_k = its value. With y_k = x_k - lo_k
        // (at the lower bound) or up_k - x_k (at the upper), the cut is sum pi_k y_k >= 1;
        // written in x (slacks s_q = b_q - A_q x) as c x <= rhs, c accumulated as its negation.
        c.setZero();
        double constant = 0;  // sum pi_k y_k = -c x + constant
        bool ok = true;
        for (Index k : lp.nonbasic()) {
            double a = alpha(k);
            const double lo = lp.lower(k), up = lp.upper(k);
            if (std::abs(a) < 1e-11 || up - lo < 1e-12) continue;  // fixed: y_k is 0 throughout
            if (std::abs(a) > 1e6) {
                ok = false;
                break;
            }
            const bool at_upper = x(k) > 0.5 * (lo + up);
            if (at_upper) a = -a;
            double pi;
            if (integral[static_cast<std::size_t>(k)]) {
                const double fk = a - std::floor(a);
                pi = fk <= f0 ? fk / f0 : (1 - fk) / (1 - f0);
            } else {
                pi = a >= 0 ? a / f0 : -a / (1 - f0);
            }
            if (pi == 0) continue;
            const double sign = at_upper ? -1 : 1;  // pi y_k = sign pi (x_k - bound)
            if (k < n_) {
                c(k) -= sign * pi;
                constant -= sign * pi * (at_upper ? up : lo);
            } else {
                const Index q = k - n_;  // s_q = b_q - A_q x
                c += sign * pi * lp.row_coefficients(q).transpose();
                constant += sign * pi * (lp.rhs(q) - (at_upper ? up : lo));
            }
        }
        if (!ok) continue;
        // -c x + constant >= 1: c x <= constant - 1.
        double rhs = constant - 1;
        // Fixed variables become constants; the largest coefficient 1; what is tiny beside
        // it goes, the right-hand side relaxed by the most it could contribute.
        double largest = 0;
        for (Index k = 0; k < n_; ++k) {
            if (c(k) == 0) continue;
            if (lp.upper(k) - lp.lower(k) < 1e-12) {
                rhs -= c(k) * lp.lower(k);
                c(k) = 0;
            } else {
                largest = std::max(largest, std::abs(c(k)));
            }
        }
        if (largest < 1e-9) continue;
        c /= largest;
        rhs /= largest;
        double least = 0;  // the least c x can be: the slack's upper bound is rhs - least
        for (Index k = 0; k < n_; ++k) {
            if (c(k) == 0) continue;
            const double low = std::min(c(k) * lp.lower(k), c(k) * lp.upper(k));
            if (std::abs(c(k)) < 1e-6) {
                rhs -= low;
                c(k) = 0;
            } else {
                least += low;
            }
        }
        rhs += 1e-9 * std::max(1.0, std::abs(rhs));  // round-off
        const double violation = c.dot(x.head(n_)) - rhs;
        const double efficacy = violation / c.norm();
        if (efficacy < 1e-4 || !(rhs - least > 0)) continue;
        found.push_back({efficacy, Lp::Row{c, rhs, rhs - least}});
    }
    // The most effective first, each kept unless nearly parallel to a cut kept before it or
    // already in the LP (near-parallel rows make the bases near-singular).
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<Eigen::VectorXd> units;  // the cuts in the LP and those kept, each of norm 1
    for (Index k = 0; k < rows; ++k)
        if (row_origin_[static_cast<std::size_t>(k)] == -2) units.push_back(lp.row_coefficients(k).transpose().normalized());
    std::vector<Lp::Row> rows_added;
    for (auto& [efficacy, row] : found) {
        const Eigen::VectorXd unit = row.coeffs.normalized();
        bool parallel = false;
        for (const auto& other : units)
            if (unit.dot(other) > 0.999) {
                parallel = true;
                break;
            }
        if (parallel) continue;
        units.push_back(unit);
        rows_added.push_back(std::move(row));
    }
    row_origin_.resize(row_origin_.size() + rows_added.size(), -2);
    lp.add_rows(rows_added);
    return static_cast<int>(rows_added.size());
}

}  // namespace aligngraph::detail
