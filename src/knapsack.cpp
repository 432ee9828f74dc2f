// Branch and bound for the multidimensional 0-1 knapsack with precedence and exclusion.

#include "aligngraph/selection/knapsack.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <optional>
#include <queue>

#include "aligngraph/detail/dual_simplex.hpp"
#include "aligngraph/detail/selection_links.hpp"
#include "aligngraph/detail/text.hpp"
#include "aligngraph/error.hpp"

namespace aligngraph {

namespace detail {

// The root LP (budgets, excludes groups, the `requires` rows it needed; no cuts) at its
// optimal basis, with what it was built from.
struct RootLp {
    BoxedDualSimplex lp;
    std::vector<signed char> applied, link_in_lp;
    std::vector<Index> row_origin;
    Eigen::VectorXd row_size;
    double value_scale;
    Eigen::VectorXd values;
    Eigen::MatrixXd costs;
    std::vector<std::pair<Index, Index>> requires_links;
    std::vector<std::vector<Index>> excludes;

    // Built for the same values, costs and links: then only budgets and fixings differ
    // (and the budgets keep the row scaling sane).
    bool fits(const SelectionProblem& p) const {
        if (values.size() != p.values.size() || costs.rows() != p.costs.rows() || costs.cols() != p.costs.cols() ||
            values != p.values || costs != p.costs || requires_links != p.requires_links || excludes != p.excludes)
            return false;
        for (Index k = 0; k < p.budgets.size(); ++k)
            if (!(p.budgets(k) <= 1e6 * row_size(k))) return false;
        return true;
    }
};

}  // namespace detail

SearchMemory::SearchMemory() = default;
SearchMemory::SearchMemory(SearchMemory&&) noexcept = default;
SearchMemory& SearchMemory::operator=(SearchMemory&&) noexcept = default;
SearchMemory::~SearchMemory() = default;

namespace {

class Search {
public:
    Search(const SelectionProblem& p, const SelectionOptions& o, SearchMemory* memory)
        : p_(p), o_(o), memory_(memory), n_(p.values.size()), m_(p.budgets.size()) {
        detail::SelectionLinks links(p);
        prereq_ = std::move(links.prerequisites);
        dependants_ = std::move(links.dependants);
        partners_ = std::move(links.alternatives);
        fixed_.assign(static_cast<std::size_t>(n_), -1);
        used_ = Eigen::VectorXd::Zero(m_);
        costs_t_ = p.costs.transpose();
        limit_ = p.budgets * (1 + 1e-12) + Eigen::VectorXd::Constant(m_, 1e-9);
    }

    std::string id(Index i) const { return p_.id(i); }
    std::string budget(Index k) const { return p_.budget_name(k); }

    // ---- fixing with propagation, undone through the trail ----
    // Both work on the shared stack_ above the height they found it at (include calls
    // exclude), and leave it there.
    bool include(Index i) {
        const std::size_t base = stack_.size();
        auto fail = [&] {
            stack_.resize(base);
            return false;
        };
        stack_.push_back(i);
        while (stack_.size() > base) {
            const Index x = stack_.back();
            stack_.pop_back();
            if (fixed_[x] == 1) continue;
            if (fixed_[x] == 0) return fail();
            set(x, 1);
            if ((used_.array() > limit_.array()).any()) return fail();
            for (Index q : prereq_[x]) stack_.push_back(q);
            for (Index y : partners_[x]) {
                if (fixed_[y] == 1) return fail();
                if (fixed_[y] == -1 && !exclude(y)) return fail();
            }
        }
        return true;
    }
    bool exclude(Index i) {
        const std::size_t base = stack_.size();
        stack_.push_back(i);
        while (stack_.size() > base) {
            const Index x = stack_.back();
            stack_.pop_back();
            if (fixed_[x] == 0) continue;
            if (fixed_[x] == 1) {
                stack_.resize(base);
                return false;
            }
            set(x, 0);
            for (Index d : dependants_[x]) stack_.push_back(d);
        }
        return true;
    }
    void set(Index x, int v) {
        fixed_[x] = static_cast<signed char>(v);
        trail_.push_back(x);
        if (v == 1) {
            used_ += costs_t_.col(x);
            value_ += p_.values(x);
        }
    }
    void undo_to(std::size_t mark) {
        while (trail_.size() > mark) {
            const Index x = trail_.back();
            trail_.pop_back();
            if (fixed_[x] == 1) {
                used_ -= costs_t_.col(x);
                value_ -= p_.values(x);
            }
            fixed_[x] = -1;
        }
    }

    // ---- the LP relaxation ----
    void build_lp() {
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
                a.row(k) = p_.costs.col(k).transpose() / row_size_(k);
                b(k) = slack_up(k) = p_.budgets(k) / row_size_(k);
            }
            for (std::size_t g = 0; g < groups.size(); ++g) {
                const Index row = m_ + static_cast<Index>(g);
                for (Index i : groups[g]) a(row, i) = 1;
                b(row) = slack_up(row) = 1;
            }
            link_in_lp_.assign(p_.requires_links.size(), 0);
            row_origin_.assign(static_cast<std::size_t>(rows), -1);
            for (Index k = 0; k < m_; ++k) row_origin_[static_cast<std::size_t>(k)] = budget_origin(k);
            value_scale_ = std::max(p_.values.cwiseAbs().maxCoeff(), 1e-300);
            lp_.emplace(a, b, Eigen::VectorXd(-p_.values / value_scale_), slack_up);
            applied_.assign(static_cast<std::size_t>(n_), -1);
        }
        budget_in_lp_.assign(static_cast<std::size_t>(m_), 1);  // a fresh or reused root has every budget row
        movable_.assign(static_cast<std::size_t>(n_), 1);
        for (auto [d, q] : p_.requires_links) movable_[d] = movable_[q] = 0;
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

    void sync() {
        for (Index j = 0; j < n_; ++j)
            if (applied_[j] != fixed_[j]) {
                applied_[j] = fixed_[j];
                lp_->set_bounds(j, fixed_[j] == 1 ? 1.0 : 0.0, fixed_[j] == 0 ? 0.0 : 1.0);
            }
    }

    double lp_bound() const { return -lp_->objective() * value_scale_; }

    // A node is worth exploring only when its bound exceeds this.
    double threshold() const {
        const double scale = std::max(1.0, std::abs(best_value_));
        return step_ > 0 ? best_value_ + step_ - std::min(0.5 * step_, 1e-6 * scale) : best_value_ + 1e-9 * scale;
    }

    // Local search on a feasible selection over the unlinked initiatives: add what fits,
    // then swap one selected for one better unselected while a swap fits, until neither helps.
    void improve(std::vector<signed char>& x) const {
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
        for (int round = 0; round < 100; ++round) {
            bool changed = false;
            for (Index j : order_)
                if (x[j] != 1 && movable_[j] && p_.values(j) > 0 && fits(j, -1)) {
                    x[j] = 1;
                    use += costs_t_.col(j);
                    changed = true;
                }
            Index best_in = -1, best_out = -1;
            double best_gain = 1e-12 * std::max(1.0, p_.values.cwiseAbs().maxCoeff());
            for (Index i = 0; i < n_; ++i) {
                if (x[i] != 1 || !movable_[i]) continue;
                for (Index j = 0; j < n_; ++j) {
                    if (x[j] == 1 || !movable_[j] || p_.values(j) - p_.values(i) <= best_gain) continue;
                    if (fits(j, i)) {
                        best_gain = p_.values(j) - p_.values(i);
                        best_in = j;
                        best_out = i;
                    }
                }
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

    // Keep `candidate` (1 = selected) when it is feasible and better than the incumbent.
    void consider(std::vector<signed char> candidate) {
        for (auto& c : candidate)
            if (c != 1) c = 0;
        if (feasible(candidate)) improve(candidate);
        consider_as_is(candidate);
    }

    bool feasible(const std::vector<signed char>& candidate) const {
        Eigen::VectorXd use = Eigen::VectorXd::Zero(m_);
        for (Index i = 0; i < n_; ++i)
            if (candidate[i] == 1) use += costs_t_.col(i);
        if ((use.array() > limit_.array()).any()) return false;
        for (auto [d, q] : p_.requires_links)
            if (candidate[d] == 1 && candidate[q] != 1) return false;
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

    void consider_as_is(const std::vector<signed char>& candidate) {
        double value = 0;
        for (Index i = 0; i < n_; ++i)
            if (candidate[i] == 1) value += p_.values(i);
        if (value <= best_value_ + 1e-9 * std::max(1.0, std::abs(best_value_)) || !feasible(candidate)) return;
        best_value_ = value;
        best_ = candidate;
    }

    // Complete the current fixings greedily: first what the LP wants (x >= 1/2), then the
    // rest by value per unit of priced budget. Everything is undone afterwards.
    void round_and_fill(bool use_lp) {
        const auto mark = trail_.size();
        for (int pass = use_lp ? 0 : 1; pass < 2; ++pass)
            for (Index i : order_) {
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

    // Order by value per unit of budget priced at the LP's row prices.
    void order_by_prices() {
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

    SelectionResult run() {
        const auto start = std::chrono::steady_clock::now();
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
        do lp_->solve();
        while (separate_rows() > 0);
        if (taken_) {  // the same data: reuse its copies
            taken_->lp = *lp_;
            taken_->applied = applied_;
            taken_->link_in_lp = link_in_lp_;
            taken_->row_origin = row_origin_;
            taken_->row_size = row_size_;
            taken_->value_scale = value_scale_;
            root_lp_ = std::move(taken_);
        } else if (memory_) {
            root_lp_ = std::make_unique<detail::RootLp>(detail::RootLp{*lp_, applied_, link_in_lp_, row_origin_, row_size_, value_scale_,
                                                                        p_.values, p_.costs, p_.requires_links, p_.excludes});
        }
        order_by_prices();

        // Starting points: greedy by priced ratio, LP rounding, the caller's selection.
        best_value_ = value_;
        best_ = fixed_;
        round_and_fill(false);
        round_and_fill(true);
        if (!o_.start.empty()) {
            std::vector<signed char> candidate(static_cast<std::size_t>(n_), 0);
            bool ok = true;
            for (Index i : o_.start) {
                ok = ok && i >= 0 && i < n_;
                if (ok) candidate[i] = 1;
            }
            if (ok) consider(candidate);
        }

        if (memory_ && memory_->loss_sum.rows() == n_ && memory_->loss_count.rows() == n_) {
            cost_sum_ = memory_->loss_sum;
            cost_count_ = memory_->loss_count;
        } else {
            cost_sum_ = Eigen::MatrixXd::Zero(n_, 2);
            cost_count_ = Eigen::MatrixXi::Zero(n_, 2);
        }
        root_cuts();

        stopped_ = false;
        start_ = start;
        open_bound_ = -std::numeric_limits<double>::infinity();
        search();
        SelectionResult r;
        for (Index i = 0; i < n_; ++i)
            if (best_[i] == 1) r.selected.push_back(i);
        r.value = best_value_;
        r.proven = !stopped_;
        r.upper_bound = r.proven ? best_value_ : std::max(best_value_, open_bound_);
        r.gap = (r.upper_bound - r.value) / std::max(std::abs(r.value), 1.0);
        r.nodes = nodes_;
        if (memory_) {
            memory_->loss_sum = cost_sum_;
            memory_->loss_count = cost_count_;
            memory_->root = std::move(root_lp_);
        }
        r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        r.budget_use = Eigen::VectorXd::Zero(m_);
        for (Index i : r.selected) r.budget_use += p_.costs.row(i).transpose();
        r.slack = p_.budgets - r.budget_use;
        return r;
    }

    // Cuts at the root, rounds until the bound stalls; then remember the root's reduced
    // costs, which fix variables for the whole search as the incumbent improves.
    void root_cuts() {
        double last = lp_bound();
        for (int round = 0; round < 50; ++round) {
            if (separate_covers() == 0) break;
            do lp_->solve();
            while (separate_rows() > 0);
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

    // How many free initiatives the root's reduced costs fix under the current incumbent.
    Index fixable_at_root() const {
        Index count = 0;
        for (Index j = 0; j < n_; ++j)
            count += root_free_[j] && !root_basic_[j] && root_bound_ - std::abs(root_reduced_(j)) * value_scale_ <= threshold();
        return count;
    }

    // Restart at the root when the incumbent now fixes a good share of what was free there:
    // the fixings become permanent, and the cuts are separated again on what is left.
    bool restart() {
        undo_to(root_mark_);
        path_.clear();
        if (!fix_by_root_costs()) return false;  // nothing better exists
        root_mark_ = trail_.size();
        ++restarts_;
        sync();
        auto status = lp_->solve(-threshold() / value_scale_);
        while (status == Lp::Status::optimal && separate_rows() > 0) status = lp_->solve(-threshold() / value_scale_);
        if (status == Lp::Status::infeasible || status == Lp::Status::cutoff) return false;
        root_cuts();
        return true;
    }

private:
    bool out_of_time() {
        if (nodes_ >= o_.node_limit) return true;
        return (nodes_ & 15) == 0 &&
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count() > o_.time_limit;
    }

    // Fix what the root LP's reduced costs rule out under the current incumbent.
    bool fix_by_root_costs() {
        for (Index j = 0; j < n_; ++j) {
            if (fixed_[j] != -1 || root_basic_[j]) continue;
            if (root_bound_ - std::abs(root_reduced_(j)) * value_scale_ > threshold()) continue;
            if (!(root_values_(j) > 0.5 ? include(j) : exclude(j))) return false;
        }
        return true;
    }

    // Drop the link rows and cuts that do not bind (their slacks are basic): every row costs
    // each pivot. A dropped link comes back when an LP point violates it again.
    void purge_rows() {
        std::vector<Index> drop;
        std::vector<Index> origin;
        for (Index k = 0; k < lp_->rows(); ++k) {
            const Index o = row_origin_[static_cast<std::size_t>(k)];
            if (o != -1 && lp_->basic(n_ + k)) {
                drop.push_back(k);
                if (o >= 0) link_in_lp_[static_cast<std::size_t>(o)] = 0;
                if (budget_of(o) >= 0) budget_in_lp_[static_cast<std::size_t>(budget_of(o))] = 0;
            } else {
                origin.push_back(o);
            }
        }
        lp_->remove_rows(drop);
        row_origin_ = std::move(origin);
    }

    // Add the dropped rows that the LP point violates: `requires` rows x_d - x_q <= 0 and
    // budget rows.
    int separate_rows() {
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
        lp_->add_rows(rows);
        return static_cast<int>(rows.size());
    }

    // Cover cuts: for each budget row, a minimal cover C (members' costs exceed the limit)
    // that the LP point violates, extended by every item at least as costly as C's
    // largest: sum over E(C) of x <= |C| - 1. Valid for the whole problem.
    int separate_covers() {
        std::vector<Lp::Row> rows;
        const Eigen::VectorXd x = lp_->values().head(n_);
        std::vector<std::pair<double, Index>> candidates;
        std::vector<Index> cover, minimal, extension;
        for (Index k = 0; k < m_; ++k) {
            const double limit = limit_(k);
            // Candidates by (1 - x_j) / cost_j, ties by index; none when even all of them fit.
            candidates.clear();
            double reach = 0;
            for (Index j = 0; j < n_; ++j)
                if (p_.costs(j, k) > 0 && x(j) > 1e-9) {
                    candidates.emplace_back((1 - x(j)) / p_.costs(j, k), j);
                    reach += p_.costs(j, k);
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

    // A branch waiting for its pseudocost: the variable, the direction, how far it moves.
    struct Pending {
        Index var = -1;
        int up = 0;
        double change = 1;
        double parent_lp = 0;
    };

    // Reliability branching: pseudocosts (product rule), where a candidate's pseudocosts
    // rest on fewer than `reliable` observations in a direction, a strong branch (a few
    // dual simplex pivots on a copy of the LP) measures both children first and becomes
    // an observation. Unknown pseudocosts otherwise take the mean of the known.
    Index choose_branch(bool lp_optimal) {
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
                const auto status = trial.solve(-threshold() / value_scale_, strong_iterations_);
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


    void record_pseudocost(const Pending& p) {
        if (p.var < 0) return;
        const double loss = std::max(0.0, p.parent_lp - lp_bound()) / p.change;
        cost_sum_(p.var, p.up) += loss;
        cost_count_(p.var, p.up) += 1;
    }

    // A decision as one int: +(i + 1) selects i, -(i + 1) leaves it out.
    bool apply(int decision) {
        path_.push_back(decision);
        return decision > 0 ? include(decision - 1) : exclude(-decision - 1);
    }

    // Bound the current node: solve its LP, fix variables by reduced cost (recorded in the
    // path), take an integral LP optimum as a solution, round. Returns false when nothing
    // below the node can beat the incumbent; otherwise the bound and a variable to branch on.
    bool evaluate(double& bound, Index& branch, const Pending& pending) {
        const int iteration_limit = static_cast<int>(20 * (lp_->rows() + 50));
        bool solved = false;
        for (bool first = true;; first = false) {
            sync();
            const auto status = lp_->solve(-threshold() / value_scale_, iteration_limit);
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
            // Reduced-cost fixing: moving j off its bound costs at least |d_j|.
            bool propagated = false;
            for (Index j = 0; j < n_; ++j) {
                if (fixed_[j] != -1 || lp_->basic(j)) continue;
                if (lp_bound() - std::abs(lp_->reduced_cost(j)) * value_scale_ > threshold()) continue;
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

    // Best-bound search with dives: take the open node with the highest bound, then dive
    // (the child the LP leans to first), leaving each sibling open with its parent's bound.
    void search() {
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
        while (!open.empty()) {
            if (restarts_ < max_restarts_ && best_value_ > restart_checked_) {
                restart_checked_ = best_value_;
                const Index free_at_root = n_ - static_cast<Index>(root_mark_);
                if (fixable_at_root() - root_fixable_ >= restart_share_ * static_cast<double>(free_at_root)) {
                    open = decltype(open)(worse);
                    if (!restart()) break;
                    if (root_bound_ > threshold()) open.push({root_bound_, next_id++, {}, {}});
                    continue;
                }
            }
            Open node = open.top();
            open.pop();
            if (node.bound <= threshold()) continue;
            undo_to(root_mark_);
            path_.clear();
            bool ok = fix_by_root_costs();
            for (int d : node.path) ok = ok && apply(d);
            if (!ok) continue;
            double bound = node.bound;
            Pending pending = node.pending;
            for (;;) {
                if (out_of_time()) {
                    stopped_ = true;
                    open_bound_ = std::max(open_bound_, bound);
                    break;
                }
                ++nodes_;
                Index branch = -1;
                if (!evaluate(bound, branch, pending)) break;
                const double x = lp_->value(branch), here = lp_bound();
                const bool up_first = x >= 0.5;
                const Pending down{branch, 0, std::max(x, 1e-6), here}, up{branch, 1, std::max(1 - x, 1e-6), here};
                std::vector<int> other = path_;
                other.push_back(up_first ? -(branch + 1) : branch + 1);
                open.push({bound, next_id++, std::move(other), up_first ? down : up});
                pending = up_first ? up : down;
                if (!apply(up_first ? branch + 1 : -(branch + 1))) break;
            }
            if (stopped_) break;
        }
        if (stopped_ && !open.empty()) open_bound_ = std::max(open_bound_, open.top().bound);
        undo_to(root_mark_);
    }

    const SelectionProblem& p_;
    const SelectionOptions& o_;
    SearchMemory* memory_;  // read at the start, left with what this search learned; may be null
    Index n_, m_;
    std::vector<std::vector<Index>> prereq_, dependants_, partners_;
    std::vector<signed char> fixed_, best_;
    std::vector<Index> trail_;
    std::size_t root_mark_ = 0;
    using Lp = detail::BoxedDualSimplex;
    std::optional<Lp> lp_;
    std::optional<Lp> trial_;  // strong branching's copy of lp_, its storage reused
    std::unique_ptr<detail::RootLp> root_lp_;  // this search's root, for the memory
    std::unique_ptr<detail::RootLp> taken_;    // the previous root, taken from the memory
    Eigen::VectorXd row_size_;  // the scale of each budget row
    std::vector<signed char> applied_, movable_;
    std::vector<int> path_;
    std::vector<signed char> link_in_lp_;
    // Per LP row: the link (>= 0), -1 an excludes group, -2 a cut, budget_origin(k) budget k.
    std::vector<Index> row_origin_;
    static constexpr Index budget_origin(Index k) { return -3 - k; }
    static constexpr Index budget_of(Index origin) { return origin <= -3 ? -3 - origin : -1; }  // or -1
    std::vector<signed char> budget_in_lp_;  // budget rows not binding at the root are dropped
    // Pseudocosts: mean bound loss per unit of change, down (index 0) and up (1).
    Eigen::MatrixXd cost_sum_;
    Eigen::MatrixXi cost_count_;
    Eigen::VectorXd root_reduced_, root_values_;
    std::vector<signed char> root_basic_, root_free_;
    double value_scale_ = 1, step_ = 0;
    Eigen::VectorXd used_;
    Eigen::MatrixXd costs_t_;  // m x n: initiative j's costs in column j, contiguous
    Eigen::VectorXd limit_;    // each budget with the tolerance every check uses
    std::vector<Index> stack_;  // include() and exclude()'s work
    std::vector<Index> order_;
    double value_ = 0, best_value_ = 0, root_bound_ = 0, open_bound_ = 0;
    std::chrono::steady_clock::time_point start_;
    long long nodes_ = 0;
    bool stopped_ = false;
    int restarts_ = 0;
    // Tuned on the project-shaped and Chu-Beasley sets of benchmarks/selection.
    static constexpr int max_restarts_ = 3;
    static constexpr double restart_share_ = 0.1;  // of the free initiatives newly fixable
    static constexpr int strong_candidates_ = 10, strong_iterations_ = 100;
    static constexpr long long reliable_ = 4;  // observations per direction
    Index root_fixable_ = 0;
    double restart_checked_ = -std::numeric_limits<double>::infinity();
};

}  // namespace

SelectionResult select_portfolio(const SelectionProblem& p, const SelectionOptions& o, SearchMemory* memory) {
    const Index n = p.values.size(), m = p.budgets.size();
    if (p.costs.rows() != n || p.costs.cols() != m)
        throw ValidationError(fmt::format("select_portfolio(): costs are {} x {}, expected {} x {} (initiatives x budgets)",
                                          p.costs.rows(), p.costs.cols(), n, m));
    for (Index i = 0; i < n; ++i) {
        if (!std::isfinite(p.values(i)))
            throw ValidationError(fmt::format("select_portfolio(): value of initiative {} is {}, expected a finite number", i, p.values(i)));
        for (Index k = 0; k < m; ++k)
            if (!(std::isfinite(p.costs(i, k)) && p.costs(i, k) >= 0))
                throw ValidationError(fmt::format("select_portfolio(): cost of initiative {} on budget {} is {}, expected a finite amount >= 0",
                                                  i, k, p.costs(i, k)));
    }
    for (Index k = 0; k < m; ++k)
        if (!(std::isfinite(p.budgets(k)) && p.budgets(k) >= 0))
            throw ValidationError(fmt::format("select_portfolio(): budget {} is {}, expected a finite amount >= 0", k, p.budgets(k)));
    auto check = [n](Index i, const char* what) {
        if (i < 0 || i >= n)
            throw ValidationError(fmt::format("select_portfolio(): {} index {} out of range [0, {})", what, i, n));
    };
    for (auto [d, q] : p.requires_links) {
        check(d, "requires");
        check(q, "requires");
    }
    for (const auto& g : p.excludes)
        for (Index i : g) check(i, "excludes");
    for (Index i : p.forced_in) check(i, "forced-in");
    for (Index i : p.forced_out) check(i, "forced-out");
    if (!(o.time_limit > 0)) throw ValidationError(fmt::format("select_portfolio(): time limit {} s, expected > 0", o.time_limit));
    SelectionResult result;
    if (n == 0) {  // nothing to choose
        result.proven = true;
        result.budget_use = Eigen::VectorXd::Zero(m);
        result.slack = p.budgets;
    } else {
        Search s(p, o, memory);
        result = s.run();
        if (o.explain) explain(p, result);
    }
    static_cast<SelectionLabels&>(result) = p;
    result.values = p.values;
    result.budgets = p.budgets;
    return result;
}

// ---- Reoptimizer ----

Reoptimizer::Reoptimizer(SelectionProblem problem, SelectionOptions options)
    : problem_(std::move(problem)), options_(std::move(options)) {}

void Reoptimizer::check_initiative(Index i, const char* what) const {
    if (i < 0 || i >= problem_.values.size())
        throw ValidationError(fmt::format("Reoptimizer::{}(): initiative index {} out of range [0, {})", what, i,
                                          problem_.values.size()));
}

void Reoptimizer::force_in(Index i) {
    check_initiative(i, "force_in");
    release(i);
    problem_.forced_in.push_back(i);
}

void Reoptimizer::force_out(Index i) {
    check_initiative(i, "force_out");
    release(i);
    problem_.forced_out.push_back(i);
}

void Reoptimizer::release(Index i) {
    check_initiative(i, "release");
    std::erase(problem_.forced_in, i);
    std::erase(problem_.forced_out, i);
}

void Reoptimizer::set_budget(Index k, double limit) {
    if (k < 0 || k >= problem_.budgets.size())
        throw ValidationError(fmt::format("Reoptimizer::set_budget(): budget index {} out of range [0, {})", k,
                                          problem_.budgets.size()));
    if (!(std::isfinite(limit) && limit >= 0))
        throw ValidationError(fmt::format("Reoptimizer::set_budget(): limit {}, expected a finite amount >= 0", limit));
    problem_.budgets(k) = limit;
}

void Reoptimizer::set_value(Index i, double value) {
    check_initiative(i, "set_value");
    if (!std::isfinite(value)) throw ValidationError(fmt::format("Reoptimizer::set_value(): value {}, expected a finite number", value));
    problem_.values(i) = value;
}

std::vector<Index> Reoptimizer::repaired_start() const {
    const auto& p = problem_;
    const Index n = p.values.size();
    const detail::SelectionLinks links(p);
    const auto& prereq = links.prerequisites;
    const auto& dependants = links.dependants;
    const auto& partners = links.alternatives;
    std::vector<signed char> in(static_cast<std::size_t>(n), 0), locked(static_cast<std::size_t>(n), 0);
    for (Index i : result_.selected) in[i] = 1;
    // A dropped initiative takes its selected dependants with it.
    auto drop = [&](Index i) {
        if (!in[i]) return;
        for (Index x : detail::reach(i, dependants, [&](Index d) { return in[d] != 0; })) in[x] = 0;
    };
    for (Index i : p.forced_out) drop(i);
    // A forced-in one comes with its prerequisites, and their alternatives leave.
    const auto brought = detail::reach(p.forced_in, prereq, [](Index) { return true; });
    for (Index x : brought) locked[x] = in[x] = 1;
    for (Index x : brought)
        for (Index y : partners[x])
            if (!locked[y]) drop(y);
    // Over a budget: drop the weakest value per unit of what is broken until it fits.
    for (;;) {
        Eigen::VectorXd use = Eigen::VectorXd::Zero(p.budgets.size());
        for (Index i = 0; i < n; ++i)
            if (in[i]) use += p.costs.row(i).transpose();
        Eigen::VectorXd over = (use - p.budgets).cwiseMax(0.0);
        if (p.budgets.size() == 0 || over.maxCoeff() <= 1e-9 * std::max(1.0, p.budgets.maxCoeff())) break;
        Index worst = -1;
        double ratio = std::numeric_limits<double>::infinity();
        for (Index i = 0; i < n; ++i) {
            if (!in[i] || locked[i]) continue;
            const double relief = p.costs.row(i).dot((over.array() > 0).cast<double>().matrix());
            if (relief <= 0) continue;
            const double r = p.values(i) / relief;
            if (r < ratio) {
                ratio = r;
                worst = i;
            }
        }
        if (worst < 0) break;  // only locked ones left: the solve reports the infeasibility
        drop(worst);
    }
    std::vector<Index> out;
    for (Index i = 0; i < n; ++i)
        if (in[i]) out.push_back(i);
    return out;
}

const SelectionResult& Reoptimizer::solve() {
    SelectionOptions o = options_;
    if (solved_) o.start = repaired_start();
    result_ = select_portfolio(problem_, o, &memory_);
    solved_ = true;
    return result_;
}

}  // namespace aligngraph
