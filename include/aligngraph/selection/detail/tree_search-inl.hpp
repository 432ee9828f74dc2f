#pragma once
// The selection search: the tree (best bound with dives, pseudocost and reliability branching, restarts) and the run that ties the parts together.

#include "aligngraph/selection/detail/search.hpp"

namespace aligngraph::detail {

ALIGNGRAPH_INLINE SelectionResult Search::run() {
    // Forced decisions first: they must hold together.
    for (Index i : p_.forced_out)
        if (!exclude(i)) throw InfeasibleError(fmt::format("select_portfolio(): '{}' is forced out but required by a forced-in initiative", id(i)));
    for (Index i : p_.forced_in) {
        const auto mark = trail_.size();
        if (!include(i)) {
            // Say which budget breaks, by how much, and with which initiatives.
            undo_to(mark);
            Eigen::VectorXd use = used_;
            std::vector<Index> chain{i};
            for (std::size_t c = 0; c < chain.size(); ++c)
                for (Index q : prereq_[chain[c]])
                    if (fixed_[q] != 1 && std::find(chain.begin(), chain.end(), q) == chain.end()) chain.push_back(q);
            for (Index x : chain) use += p_.costs.row(x).transpose();
            for (Index k = 0; k < m_; ++k)
                if (use(k) > p_.budgets(k) * (1 + 1e-12) + 1e-9) {
                    std::vector<std::string> who;
                    for (Index x = 0; x < n_; ++x)
                        if ((fixed_[x] == 1 || std::find(chain.begin(), chain.end(), x) != chain.end()) && p_.costs(x, k) > 0)
                            who.push_back(id(x));
                    throw InfeasibleError(fmt::format(
                        "select_portfolio(): the forced-in initiatives alone break {}: they need {}, the limit is "
                        "{} (over by {}); initiatives: {}",
                        budget(k), detail::money(use(k)), detail::money(p_.budgets(k)),
                        detail::money(use(k) - p_.budgets(k)), fmt::join(who, ", ")));
                }
            throw InfeasibleError(fmt::format(
                "select_portfolio(): forced-in '{}' contradicts another decision (a forced-out prerequisite or a "
                "forced-in alternative)", id(i)));
        }
    }
    root_mark_ = trail_.size();

    build_lp();
    sync();
    // The root LP, then the rows it violates; a limit may stop it midway, when its
    // objective is still a valid bound.
    while (solve_lp() != Lp::Status::stopped && separate_rows() > 0) {
    }
    if (taken_) {  // the same data: reuse its copies
        taken_->lp = *lp_;
        taken_->applied = applied_;
        taken_->link_in_lp = link_in_lp_;
        taken_->row_origin = row_origin_;
        taken_->row_size = row_size_;
        taken_->value_scale = value_scale_;
        root_lp_ = std::move(taken_);
    } else if (memory_ && memory_->keep_root) {
        root_lp_ = std::make_unique<detail::RootLp>(detail::RootLp{*lp_, applied_, link_in_lp_, row_origin_, row_size_, value_scale_,
                                                                    p_.values, p_.costs, p_.requires_links, p_.excludes,
                                                                    p_.requires_any});
        root_lp_->equalities = equalities_;
        root_lp_->forced_in = p_.forced_in;
        root_lp_->forced_out = p_.forced_out;
    }
    order_by_prices();

    // Starting points: the forced decisions alone (when they meet every requires_any group),
    // greedy by priced ratio, LP rounding, the caller's selection.
    best_ = fixed_;
    for (auto& c : best_)
        if (c != 1) c = 0;
    best_value_ = feasible(best_) ? value_ : -std::numeric_limits<double>::infinity();
    // The caller's selection, considered after the fills; when it is feasible as given, the
    // fills may stop at a limit (there is a selection to fall back on).
    std::vector<signed char> start;
    if (!o_.start.empty()) {
        start.assign(static_cast<std::size_t>(n_), 0);
        for (Index i : o_.start) {
            if (i < 0 || i >= n_) {
                start.clear();
                break;
            }
            start[i] = 1;
        }
    }
    start_feasible_ = !start.empty() && feasible(start);
    round_and_fill(false);
    round_and_fill(true);
    if (!start.empty()) consider(start);

    if (memory_ && memory_->loss_sum.rows() == n_ && memory_->loss_count.rows() == n_) {
        cost_sum_ = memory_->loss_sum;
        cost_count_ = memory_->loss_count;
    } else {
        cost_sum_ = Eigen::MatrixXd::Zero(n_, 2);
        cost_count_ = Eigen::MatrixXi::Zero(n_, 2);
    }
    open_bound_ = -std::numeric_limits<double>::infinity();
    limits_.progress("optimize", 0, -1, true);  // the search has begun (one solved at its root reports nothing else)
    if (!limits_.reached()) root_cuts();
    stopped_ = limits_.reached();
    if (stopped_)
        open_bound_ = lp_bound();  // stopped at the root: the LP's bound, valid at any pivot
    else
        search();
    if (best_value_ == -std::numeric_limits<double>::infinity()) {
        // Only a forced-in initiative's requires_any group can leave nothing feasible.
        if (!stopped_)
            throw InfeasibleError("select_portfolio(): no selection meets the forced-in initiatives' requires-one-of groups "
                                  "within the budgets and exclusions");
        throw NoSolutionError(fmt::format("select_portfolio(): {} before any selection met the forced-in initiatives' "
                                          "requires-one-of groups", to_string(limits_.reason())));
    }
    SelectionResult r;
    for (Index i = 0; i < n_; ++i)
        if (best_[i] == 1) r.selected.push_back(i);
    r.value = best_value_;
    r.proven = !stopped_;
    r.stop_reason = stopped_ ? limits_.reason() : StopReason::none;
    r.upper_bound = r.proven ? best_value_ : std::max(best_value_, open_bound_);
    r.gap = (r.upper_bound - r.value) / std::max(std::abs(r.value), 1.0);
    r.nodes = nodes_;
    if (memory_) {
        memory_->loss_sum = cost_sum_;
        memory_->loss_count = cost_count_;
        memory_->root = std::move(root_lp_);
    }
    r.seconds = limits_.seconds();
    r.budget_use = Eigen::VectorXd::Zero(m_);
    for (Index i : r.selected) r.budget_use += p_.costs.row(i).transpose();
    r.slack = p_.budgets - r.budget_use;
    return r;
}

ALIGNGRAPH_INLINE bool Search::restart() {
    undo_to(root_mark_);
    path_.clear();
    if (!fix_by_root_costs()) return false;  // nothing better exists
    root_mark_ = trail_.size();
    ++restarts_;
    sync();
    auto status = solve_lp(-threshold() / value_scale_);
    while (status == Lp::Status::optimal && separate_rows() > 0) status = solve_lp(-threshold() / value_scale_);
    if (status == Lp::Status::infeasible || status == Lp::Status::cutoff) return false;
    root_cuts();
    return true;
}

ALIGNGRAPH_INLINE Index Search::choose_branch(bool lp_optimal) {
    double mean[2] = {1, 1};
    for (int dir = 0; dir < 2; ++dir) {
        double sum = 0;
        long long count = 0;
        for (Index j = 0; j < n_; ++j)
            if (cost_count_(j, dir) > 0) {
                sum += cost_sum_(j, dir) / cost_count_(j, dir);
                ++count;
            }
        if (count > 0) mean[dir] = sum / static_cast<double>(count);
    }
    auto score = [&](Index j) {
        const double x = lp_->value(j);
        const double down = x * (cost_count_(j, 0) ? cost_sum_(j, 0) / cost_count_(j, 0) : mean[0]);
        const double up = (1 - x) * (cost_count_(j, 1) ? cost_sum_(j, 1) / cost_count_(j, 1) : mean[1]);
        return std::max(down, 1e-9) * std::max(up, 1e-9);
    };
    std::vector<std::pair<double, Index>> candidates;
    for (Index j = 0; j < n_; ++j) {
        if (fixed_[j] != -1) continue;
        const double x = lp_->value(j);
        if (std::min(x, 1 - x) <= 1e-6) continue;
        candidates.emplace_back(score(j), j);
    }
    if (candidates.empty()) return -1;
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    Index branch = candidates.front().second;
    if (!lp_optimal || false) return branch;
    const double parent = lp_bound();
    double best = -1;
    int probed = 0, since_best = 0;
    for (const auto& [pseudo, j] : candidates) {
        const bool unreliable = std::min(cost_count_(j, 0), cost_count_(j, 1)) < reliable_;
        if (!unreliable) {
            if (pseudo > best) {
                best = pseudo;
                branch = j;
            }
            continue;
        }
        if (probed >= strong_candidates_ || since_best >= 4) continue;
        ++probed;
        const double x = lp_->value(j);
        double loss[2];
        for (int up = 0; up < 2; ++up) {
            if (!trial_) trial_.emplace(*lp_);
            else trial_->assign(*lp_);
            Lp& trial = *trial_;
            trial.set_bounds(j, up ? 1.0 : 0.0, up ? 1.0 : 0.0);
            const auto status = trial.solve(-threshold() / value_scale_, strong_iterations_, &limits_);
            const double bound = status == Lp::Status::infeasible ? threshold()
                                                                  : std::max(threshold(), -trial.objective() * value_scale_);
            loss[up] = std::max(0.0, parent - std::min(parent, bound));
            cost_sum_(j, up) += loss[up] / std::max(up ? 1 - x : x, 1e-6);
            cost_count_(j, up) += 1;
        }
        const double sc = std::max(loss[0], 1e-9) * std::max(loss[1], 1e-9);
        if (sc > best) {
            best = sc;
            branch = j;
            since_best = 0;
        } else {
            ++since_best;
        }
    }
    return branch;
}

ALIGNGRAPH_INLINE void Search::record_pseudocost(const Pending& p) {
    if (p.var < 0) return;
    const double loss = std::max(0.0, p.parent_lp - lp_bound()) / p.change;
    cost_sum_(p.var, p.up) += loss;
    cost_count_(p.var, p.up) += 1;
}

ALIGNGRAPH_INLINE bool Search::apply(int decision) {
    path_.push_back(decision);
    return decision > 0 ? include(decision - 1) : exclude(-decision - 1);
}

ALIGNGRAPH_INLINE bool Search::evaluate(double& bound, Index& branch, const Pending& pending, bool separate_here) {
    const int iteration_limit = static_cast<int>(20 * (lp_->rows() + 50));
    bool solved = false;
    int cut_rounds = 0;
    for (bool first = true;; first = false) {
        sync();
        const auto status = solve_lp(-threshold() / value_scale_, iteration_limit);
        if (first && status != Lp::Status::infeasible) record_pseudocost(pending);
        if (status == Lp::Status::infeasible || status == Lp::Status::cutoff) return false;
        bound = std::min(bound, lp_bound());
        if (bound <= threshold()) return false;
        solved = status == Lp::Status::optimal;
        if (!solved) {
            lp_->refactor();
            break;
        }
        if (separate_rows() > 0) continue;
        if (separate_here && cut_rounds < o_.node_cut_rounds) {
            if (cut_rounds == 0) purge_rows(true);  // the tree's cuts that no longer bind
            if (separate_covers(tree_cut_origin) > 0) {
                ++cut_rounds;
                continue;
            }
        }
        // Reduced-cost fixing: moving j off its bound costs at least |d_j|. (Fixing touches
        // neither the LP nor the incumbent: the bound and threshold hold for the whole pass.)
        bool propagated = false;
        const double here = lp_bound(), cutoff = threshold();
        for (Index j = 0; j < n_; ++j) {
            if (fixed_[j] != -1 || lp_->basic(j)) continue;
            if (here - std::abs(lp_->reduced_cost(j)) * value_scale_ > cutoff) continue;
            const auto before = trail_.size();
            if (!apply(lp_->value(j) > 0.5 ? j + 1 : -(j + 1))) return false;
            propagated = propagated || trail_.size() > before + 1;
        }
        if (!propagated) break;
    }
    branch = choose_branch(solved);
    if (solved && branch < 0) {
        // The LP optimum is integral: the best selection below this node.
        std::vector<signed char> candidate = fixed_;
        for (Index j = 0; j < n_; ++j)
            if (candidate[j] == -1) candidate[j] = lp_->value(j) > 0.5 ? 1 : 0;
        const double before = best_value_;
        consider(candidate);
        if (best_value_ > before || lp_bound() <= threshold()) return false;
    }
    if (solved) round_and_fill(true);
    if (bound <= threshold()) return false;
    if (branch < 0)
        for (Index i : order_)
            if (fixed_[i] == -1) {
                branch = i;
                break;
            }
    return branch >= 0;
}

ALIGNGRAPH_INLINE void Search::search() {
    struct Open {
        double bound;
        long long id;
        std::vector<int> path;
        Pending pending;
    };
    auto worse = [](const Open& a, const Open& b) { return a.bound < b.bound || (a.bound == b.bound && a.id > b.id); };
    std::priority_queue<Open, std::vector<Open>, decltype(worse)> open(worse);
    long long next_id = 0;
    open.push({root_bound_, next_id++, {}, {}});
    std::optional<Open> sibling;  // with plunge: the last branching's other child, not yet in `open`
    while (!open.empty() || sibling) {
        if (restarts_ < max_restarts_ && best_value_ > restart_checked_) {
            restart_checked_ = best_value_;
            const Index free_at_root = n_ - static_cast<Index>(root_mark_);
            if (fixable_at_root() - root_fixable_ >= restart_share_ * static_cast<double>(free_at_root)) {
                open = decltype(open)(worse);
                sibling.reset();
                if (!restart()) break;
                if (root_bound_ > threshold()) open.push({root_bound_, next_id++, {}, {}});
                continue;
            }
        }
        // The sibling of the last dive's last branching, one decision away from the LP's
        // basis, before the open list's best (options' plunge), while it can beat the incumbent.
        Open node;
        if (sibling && sibling->bound > threshold()) {
            node = std::move(*sibling);
        } else {
            if (sibling) open.push(std::move(*sibling));
            node = open.top();
            open.pop();
        }
        sibling.reset();
        if (node.bound <= threshold()) continue;
        undo_to(root_mark_);
        path_.clear();
        bool ok = fix_by_root_costs();
        for (int d : node.path) ok = ok && apply(d);
        if (!ok) continue;
        double bound = node.bound;
        Pending pending = node.pending;
        for (bool popped = true;; popped = false) {
            if (out_of_time()) {
                stopped_ = true;
                open_bound_ = std::max(open_bound_, bound);
                break;
            }
            ++nodes_;
            Index branch = -1;
            if (!evaluate(bound, branch, pending, popped)) break;
            const double x = lp_->value(branch), here = lp_bound();
            const bool up_first = x >= 0.5;
            const Pending down{branch, 0, std::max(x, 1e-6), here}, up{branch, 1, std::max(1 - x, 1e-6), here};
            std::vector<int> other = path_;
            other.push_back(up_first ? -(branch + 1) : branch + 1);
            Open second{bound, next_id++, std::move(other), up_first ? down : up};
            if (!o_.plunge) {
                open.push(std::move(second));
            } else {
                if (sibling) open.push(std::move(*sibling));
                sibling = std::move(second);
            }
            pending = up_first ? up : down;
            if (!apply(up_first ? branch + 1 : -(branch + 1))) break;
        }
        if (stopped_) break;
    }
    if (stopped_ && sibling) open_bound_ = std::max(open_bound_, sibling->bound);
    if (stopped_ && !open.empty()) open_bound_ = std::max(open_bound_, open.top().bound);
    undo_to(root_mark_);
}

}  // namespace aligngraph::detail
