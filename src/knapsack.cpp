// Branch and bound for the multidimensional 0-1 knapsack with precedence and exclusion.

#include "aligngraph/selection/knapsack.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

#include "aligngraph/error.hpp"

namespace aligngraph {

namespace {

class Search {
public:
    Search(const SelectionProblem& p, const SelectionOptions& o) : p_(p), o_(o), n_(p.values.size()), m_(p.budgets.size()) {
        prereq_.resize(static_cast<std::size_t>(n_));
        dependants_.resize(static_cast<std::size_t>(n_));
        partners_.resize(static_cast<std::size_t>(n_));
        for (auto [d, q] : p.requires_links) {
            prereq_[d].push_back(q);
            dependants_[q].push_back(d);
        }
        for (const auto& g : p.excludes)
            for (Index a : g)
                for (Index b : g)
                    if (a != b) partners_[a].push_back(b);
        fixed_.assign(static_cast<std::size_t>(n_), -1);
        used_ = Eigen::VectorXd::Zero(m_);
    }

    std::string id(Index i) const { return p_.ids.empty() ? fmt::format("#{}", i) : p_.ids[static_cast<std::size_t>(i)]; }
    std::string budget(Index k) const {
        return p_.budget_names.empty() ? fmt::format("budget {}", k) : p_.budget_names[static_cast<std::size_t>(k)];
    }

    // ---- fixing with propagation, undone through the trail ----
    bool include(Index i) {
        std::vector<Index> stack{i};
        while (!stack.empty()) {
            const Index x = stack.back();
            stack.pop_back();
            if (fixed_[x] == 1) continue;
            if (fixed_[x] == 0) return false;
            set(x, 1);
            for (Index k = 0; k < m_; ++k)
                if (used_(k) > p_.budgets(k) * (1 + 1e-12) + 1e-9) return false;
            for (Index q : prereq_[x]) stack.push_back(q);
            for (Index y : partners_[x]) {
                if (fixed_[y] == 1) return false;
                if (fixed_[y] == -1 && !exclude(y)) return false;
            }
        }
        return true;
    }
    bool exclude(Index i) {
        std::vector<Index> stack{i};
        while (!stack.empty()) {
            const Index x = stack.back();
            stack.pop_back();
            if (fixed_[x] == 0) continue;
            if (fixed_[x] == 1) return false;
            set(x, 0);
            for (Index d : dependants_[x]) stack.push_back(d);
        }
        return true;
    }
    void set(Index x, int v) {
        fixed_[x] = static_cast<signed char>(v);
        trail_.push_back(x);
        if (v == 1) {
            used_ += p_.costs.row(x).transpose();
            value_ += p_.values(x);
        }
    }
    void undo_to(std::size_t mark) {
        while (trail_.size() > mark) {
            const Index x = trail_.back();
            trail_.pop_back();
            if (fixed_[x] == 1) {
                used_ -= p_.costs.row(x).transpose();
                value_ -= p_.values(x);
            }
            fixed_[x] = -1;
        }
    }

    // ---- bound ----
    double bound(const Eigen::VectorXd& mu, const std::vector<Index>& order) const {
        double capacity = 0;
        for (Index k = 0; k < m_; ++k) capacity += mu(k) * std::max(0.0, p_.budgets(k) - used_(k));
        double b = value_;
        for (Index i : order) {
            if (fixed_[i] != -1 || p_.values(i) <= 0) continue;
            bool fits = true;
            for (Index k = 0; k < m_ && fits; ++k) fits = used_(k) + p_.costs(i, k) <= p_.budgets(k) * (1 + 1e-12) + 1e-9;
            if (!fits) continue;
            const double w = surrogate_(i);
            if (w <= capacity) {
                capacity -= w;
                b += p_.values(i);
            } else {
                b += p_.values(i) * capacity / w;
                break;
            }
        }
        return b;
    }

    std::vector<Index> order_for(const Eigen::VectorXd& mu, Eigen::VectorXd& surrogate) const {
        surrogate = p_.costs * mu;
        std::vector<Index> order(static_cast<std::size_t>(n_));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) {
            const double ra = p_.values(a) / std::max(surrogate(a), 1e-300), rb = p_.values(b) / std::max(surrogate(b), 1e-300);
            return ra > rb;
        });
        return order;
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
                            "select_portfolio(): the forced-in initiatives alone break {}: they need {:.6g}, the limit is "
                            "{:.6g} (over by {:.6g}); initiatives: {}",
                            budget(k), use(k), p_.budgets(k), use(k) - p_.budgets(k), fmt::join(who, ", ")));
                    }
                throw InfeasibleError(fmt::format(
                    "select_portfolio(): forced-in '{}' contradicts another decision (a forced-out prerequisite or a "
                    "forced-in alternative)", id(i)));
            }
        }
        root_mark_ = trail_.size();

        // Surrogate multipliers: try a few and keep the one with the smallest root bound.
        std::vector<Eigen::VectorXd> candidates;
        Eigen::VectorXd inverse(m_), tight(m_);
        for (Index k = 0; k < m_; ++k) {
            const double room = std::max(p_.budgets(k) - used_(k), 1e-12);
            inverse(k) = 1 / room;
            double demand = 0;
            for (Index i = 0; i < n_; ++i)
                if (fixed_[i] == -1 && p_.values(i) > 0) demand += p_.costs(i, k);
            tight(k) = demand / room / room;
        }
        candidates.push_back(inverse);
        candidates.push_back(tight);
        for (Index k = 0; k < m_; ++k) {
            Eigen::VectorXd e = Eigen::VectorXd::Zero(m_);
            e(k) = inverse(k);
            candidates.push_back(e);
        }
        double best_bound = std::numeric_limits<double>::infinity();
        for (const auto& mu : candidates) {
            Eigen::VectorXd s;
            auto order = order_for(mu, s);
            surrogate_ = s;
            const double b = bound(mu, order);
            if (b < best_bound) {
                best_bound = b;
                mu_ = mu;
                order_ = order;
                best_surrogate_ = s;
            }
        }
        surrogate_ = best_surrogate_;
        root_bound_ = best_bound;

        // Greedy start.
        best_value_ = value_;
        best_ = fixed_;
        {
            const auto mark = trail_.size();
            for (Index i : order_) {
                if (fixed_[i] != -1 || p_.values(i) <= 0) continue;
                const auto before = trail_.size();
                const double v = value_;
                if (!include(i) || value_ <= v) undo_to(before);
            }
            if (value_ > best_value_) {
                best_value_ = value_;
                best_ = fixed_;
            }
            undo_to(mark);
        }
        if (!o_.start.empty()) {
            const auto mark = trail_.size();
            bool ok = true;
            for (Index i : o_.start) ok = ok && i >= 0 && i < n_ && include(i);
            if (ok) {
                // Complete it as a full assignment: everything else out.
                for (Index i = 0; i < n_ && ok; ++i)
                    if (fixed_[i] == -1) ok = exclude(i);
            }
            if (ok && value_ > best_value_) {
                best_value_ = value_;
                best_ = fixed_;
            }
            undo_to(mark);
        }

        stopped_ = false;
        dfs(0, start);
        SelectionResult r;
        for (Index i = 0; i < n_; ++i)
            if (best_[i] == 1) r.selected.push_back(i);
        r.value = best_value_;
        r.proven = !stopped_;
        r.upper_bound = r.proven ? best_value_ : std::max(best_value_, root_bound_);
        r.gap = (r.upper_bound - r.value) / std::max(std::abs(r.value), 1.0);
        r.nodes = nodes_;
        r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        r.budget_use = Eigen::VectorXd::Zero(m_);
        for (Index i : r.selected) r.budget_use += p_.costs.row(i).transpose();
        r.slack = p_.budgets - r.budget_use;
        return r;
    }

private:
    void dfs(std::size_t pos, std::chrono::steady_clock::time_point start) {
        if (stopped_) return;
        if (++nodes_ >= o_.node_limit ||
            ((nodes_ & 1023) == 0 && std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > o_.time_limit)) {
            stopped_ = true;
            return;
        }
        while (pos < order_.size() && (fixed_[order_[pos]] != -1 || p_.values(order_[pos]) <= 0)) ++pos;
        if (value_ > best_value_ + 1e-9 * std::max(1.0, std::abs(best_value_))) {
            best_value_ = value_;
            best_ = fixed_;
        }
        if (pos == order_.size()) return;
        if (bound(mu_, order_) <= best_value_ + 1e-9 * std::max(1.0, std::abs(best_value_))) return;
        const Index i = order_[pos];
        const auto mark = trail_.size();
        if (include(i)) dfs(pos + 1, start);
        undo_to(mark);
        if (stopped_) return;
        if (exclude(i)) dfs(pos + 1, start);
        undo_to(mark);
    }

    const SelectionProblem& p_;
    const SelectionOptions& o_;
    Index n_, m_;
    std::vector<std::vector<Index>> prereq_, dependants_, partners_;
    std::vector<signed char> fixed_, best_;
    std::vector<Index> trail_;
    std::size_t root_mark_ = 0;
    Eigen::VectorXd used_, mu_, surrogate_, best_surrogate_;
    std::vector<Index> order_;
    double value_ = 0, best_value_ = 0, root_bound_ = 0;
    long long nodes_ = 0;
    bool stopped_ = false;
};

}  // namespace

SelectionResult select_portfolio(const SelectionProblem& p, const SelectionOptions& o) {
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
    Search s(p, o);
    return s.run();
}

}  // namespace aligngraph
