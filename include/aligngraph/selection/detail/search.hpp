#pragma once
// The selection solver's search, shared by the files that hold its parts. Private to the
// compiled library: not installed.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_SELECTION_DETAIL_SEARCH
#endif

#include <Eigen/Core>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>
#include <optional>
#include <queue>
#include <string>
#include <vector>

#include "aligngraph/detail/selection_links.hpp"
#include "aligngraph/detail/text.hpp"
#include "aligngraph/error.hpp"
#include "aligngraph/selection/knapsack.hpp"
#include "aligngraph/selection/detail/dual_simplex.hpp"

#include "aligngraph/export.hpp"

namespace aligngraph::detail {

/// a transposed, in tiles: a plain transpose of a tall matrix writes each element to another
/// cache line (a schedule's 19,323 starts x 2,010 rows: a third of a second, twice a solve).
inline Eigen::MatrixXd transposed(const Eigen::MatrixXd& a) {
    constexpr Index tile = 32;
    Eigen::MatrixXd t(a.cols(), a.rows());
    for (Index j0 = 0; j0 < a.cols(); j0 += tile)
        for (Index i0 = 0; i0 < a.rows(); i0 += tile) {
            const Index j1 = std::min(j0 + tile, a.cols()), i1 = std::min(i0 + tile, a.rows());
            for (Index i = i0; i < i1; ++i)
                for (Index j = j0; j < j1; ++j) t(j, i) = a(i, j);
        }
    return t;
}

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
    std::vector<std::pair<Index, std::vector<Index>>> requires_any;
    // Set when an excludes row is an equality (a forced-in dependant requires one of its
    // members): that rests on the forced decisions, which must then be the same.
    bool equalities = false;
    std::vector<Index> forced_in, forced_out;

    // Built for the same values, costs and links: then only budgets and fixings differ
    // (and the budgets keep the row scaling sane).
    bool fits(const SelectionProblem& p) const {
        if (values.size() != p.values.size() || costs.rows() != p.costs.rows() || costs.cols() != p.costs.cols() ||
            values != p.values || costs != p.costs || requires_links != p.requires_links || excludes != p.excludes ||
            requires_any != p.requires_any)
            return false;
        if (equalities && (forced_in != p.forced_in || forced_out != p.forced_out)) return false;
        for (Index k = 0; k < p.budgets.size(); ++k)
            if (!(p.budgets(k) <= 1e6 * row_size(k))) return false;
        return true;
    }
};

// The branch and bound of select_portfolio(). Its work is split by concern: fixing with
// propagation (here, inline: it is the inner loop), the LP relaxation (lp_relaxation-inl.hpp),
// primal heuristics (heuristics-inl.hpp), cuts (cuts-inl.hpp) and the tree (tree_search-inl.hpp).
class Search {
public:
    // `limits`: the time and node limits and the caller's cancellation, checked in every
    // phase (the LP's pivots included); the search returns its best selection when met.
    Search(const SelectionProblem& p, const SelectionOptions& o, SearchMemory* memory, Limits& limits)
        : p_(p), o_(o), memory_(memory), limits_(limits), n_(p.values.size()), m_(p.budgets.size()) {
        detail::SelectionLinks links(p);
        prereq_ = std::move(links.prerequisites);
        dependants_ = std::move(links.dependants);
        partners_ = std::move(links.alternatives);
        any_of_ = std::move(links.any_of);
        any_in_ = std::move(links.any_in);
        fixed_.assign(static_cast<std::size_t>(n_), -1);
        groups_.resize(p.requires_any.size());
        for (std::size_t l = 0; l < p.requires_any.size(); ++l)
            for (Index q : p.requires_any[l].second) ++groups_[l].free_count, groups_[l].free_sum += q;
        used_ = Eigen::VectorXd::Zero(m_);
        costs_t_ = transposed(p.costs);
        limit_ = p.budgets * (1 + 1e-12) + Eigen::VectorXd::Constant(m_, 1e-9);
        // Both in one array each (offsets per initiative / row): a solve of a small problem
        // is short enough for hundreds of growing vectors to show.
        rows_start_.assign(static_cast<std::size_t>(n_) + 1, 0);
        users_start_.assign(static_cast<std::size_t>(m_) + 1, 0);
        for (Index k = 0; k < m_; ++k)
            for (Index i = 0; i < n_; ++i)
                if (p.costs(i, k) > 0) {
                    ++rows_start_[static_cast<std::size_t>(i) + 1];
                    ++users_start_[static_cast<std::size_t>(k) + 1];
                }
        for (Index i = 0; i < n_; ++i) rows_start_[static_cast<std::size_t>(i) + 1] += rows_start_[static_cast<std::size_t>(i)];
        for (Index k = 0; k < m_; ++k) users_start_[static_cast<std::size_t>(k) + 1] += users_start_[static_cast<std::size_t>(k)];
        rows_all_.resize(rows_start_.back());
        users_all_.resize(users_start_.back());
        {
            std::vector<std::size_t> next(rows_start_.begin(), rows_start_.end() - 1);
            for (Index k = 0; k < m_; ++k) {
                std::size_t at = users_start_[static_cast<std::size_t>(k)];
                for (Index i = 0; i < n_; ++i)
                    if (p.costs(i, k) > 0) {
                        rows_all_[next[static_cast<std::size_t>(i)]++] = k;
                        users_all_[at++] = {p.costs(i, k), i};
                    }
                std::sort(users_all_.begin() + static_cast<std::ptrdiff_t>(users_start_[static_cast<std::size_t>(k)]),
                          users_all_.begin() + static_cast<std::ptrdiff_t>(at),
                          [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
            }
        }
        by_value_.resize(static_cast<std::size_t>(n_));
        for (Index i = 0; i < n_; ++i) by_value_[static_cast<std::size_t>(i)] = i;
        std::sort(by_value_.begin(), by_value_.end(),
                  [&](Index a, Index b) { return p.values(a) > p.values(b) || (p.values(a) == p.values(b) && a < b); });
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
            // What no longer fits a budget x uses goes out (each row's users by cost, the dearest first).
            for (std::size_t a = rows_start_[static_cast<std::size_t>(x)]; a < rows_start_[static_cast<std::size_t>(x) + 1]; ++a) {
                const Index k = rows_all_[a];
                const double room = limit_(k) - used_(k);
                for (std::size_t b = users_start_[static_cast<std::size_t>(k)]; b < users_start_[static_cast<std::size_t>(k) + 1]; ++b) {
                    const auto [cost, y] = users_all_[b];
                    if (cost <= room) break;
                    if (fixed_[y] == -1 && !exclude(y)) return fail();
                }
            }
            for (Index q : prereq_[x]) stack_.push_back(q);
            // Requires one of a group: none left to take fails; exactly one left must come.
            for (Index l : any_of_[x]) {
                const GroupState& g = group_state(l);
                if (g.met()) continue;
                if (g.free_count == 0) return fail();
                if (g.free_count == 1) stack_.push_back(g.free());
            }
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
            // A dependant of a group whose members are all out goes too; a dependant that is in
            // takes the group's last member left.
            for (Index l : any_in_[x]) {
                const Index d = p_.requires_any[static_cast<std::size_t>(l)].first;
                if (fixed_[d] == 0) continue;
                const GroupState& g = group_state(l);
                if (g.met()) continue;
                if (g.free_count == 0) stack_.push_back(d);
                else if (g.free_count == 1 && fixed_[d] == 1 && !include(g.free())) {
                    stack_.resize(base);
                    return false;
                }
            }
        }
        return true;
    }
    // A requires-one-of group: how many members are in and how many still free, kept as
    // members are fixed and undone (a scan of the group on every fixing of a member is
    // quadratic in its size: a time-indexed schedule's group of a job's starts has tens of
    // thousands). With one member free, the sum of the free members' indices is that member.
    struct GroupState {
        Index in_count = 0;
        Index free_count = 0;
        Index free_sum = 0;
        bool met() const { return in_count > 0; }
        Index free() const { return free_sum; }  // the free member, when free_count == 1
    };
    const GroupState& group_state(Index link) const { return groups_[static_cast<std::size_t>(link)]; }
    void set(Index x, int v) {
        fixed_[x] = static_cast<signed char>(v);
        trail_.push_back(x);
        for (Index l : any_in_[x]) {
            auto& g = groups_[static_cast<std::size_t>(l)];
            --g.free_count, g.free_sum -= x;
            if (v == 1) ++g.in_count;
        }
        if (v == 1) {
            used_ += costs_t_.col(x);
            value_ += p_.values(x);
        }
    }
    void undo_to(std::size_t mark) {
        while (trail_.size() > mark) {
            const Index x = trail_.back();
            trail_.pop_back();
            for (Index l : any_in_[x]) {
                auto& g = groups_[static_cast<std::size_t>(l)];
                ++g.free_count, g.free_sum += x;
                if (fixed_[x] == 1) --g.in_count;
            }
            if (fixed_[x] == 1) {
                used_ -= costs_t_.col(x);
                value_ -= p_.values(x);
            }
            fixed_[x] = -1;
        }
    }

    // ---- the LP relaxation ----
    void build_lp();

    void sync();

    // For each requires_any link, the dependants its LP row sums (its own first).
    void any_dependants();

    double lp_bound() const { return -lp_->objective() * value_scale_; }

    // A node is worth exploring only when its bound exceeds this.
    double threshold() const {
        if (best_value_ == -std::numeric_limits<double>::infinity()) return best_value_;  // no incumbent yet
        const double scale = std::max(1.0, std::abs(best_value_));
        return step_ > 0 ? best_value_ + step_ - std::min(0.5 * step_, 1e-6 * scale) : best_value_ + 1e-9 * scale;
    }

    // Local search on a feasible selection over the unlinked initiatives: add what fits,
    // then swap one selected for one better unselected while a swap fits, until neither helps.
    void improve(std::vector<signed char>& x) const;

    // Keep `candidate` (1 = selected) when it is feasible and better than the incumbent.
    void consider(std::vector<signed char> candidate);

    bool feasible(const std::vector<signed char>& candidate) const;

    // A requires_any link is met in x: its dependant has one of its group (or is out).
    bool any_met(const std::vector<signed char>& x, Index link) const;
    // Drop from x each dependant of a requires_any group none of whose members is in, with
    // what depends on it: heuristics' candidates then meet every group.
    void repair_any(std::vector<signed char>& x) const;

    void consider_as_is(const std::vector<signed char>& candidate);

    // Complete the current fixings greedily: first what the LP wants (x >= 1/2), then the
    // rest by value per unit of priced budget. Everything is undone afterwards.
    void round_and_fill(bool use_lp);

    // Order by value per unit of budget priced at the LP's row prices.
    void order_by_prices();

    SelectionResult run();

    // Cuts at the root, rounds until the bound stalls; then remember the root's reduced
    // costs, which fix variables for the whole search as the incumbent improves.
    void root_cuts();

    // How many free initiatives the root's reduced costs fix under the current incumbent.
    Index fixable_at_root() const;

    // Restart at the root when the incumbent now fixes a good share of what was free there:
    // the fixings become permanent, and the cuts are separated again on what is left.
    bool restart();

private:
    // A limit is met (the node count, the clock, the caller's cancellation).
    bool out_of_time() {
        limits_.progress("optimize", nodes_);
        return limits_.reached(nodes_);
    }
    // The LP under the limits: Status::stopped when one is met mid-solve.
    BoxedDualSimplex::Status solve_lp(double cutoff = std::numeric_limits<double>::infinity(), int max_iterations = 100000) {
        return lp_->solve(cutoff, max_iterations, &limits_);
    }

    // Fix what the root LP's reduced costs rule out under the current incumbent.
    bool fix_by_root_costs();

    // Drop the link rows and cuts that do not bind (their slacks are basic): every row costs
    // each pivot. A dropped link comes back when an LP point violates it again.
    // `tree_cuts_only`: only the cuts added in the tree (at a node a dive starts from).
    void purge_rows(bool tree_cuts_only = false);

    // Add the dropped rows that the LP point violates: `requires` rows x_d - x_q <= 0 and
    // budget rows.
    int separate_rows();

    // Cover cuts: for each budget row, a minimal cover C (members' costs exceed the limit)
    // that the LP point violates, extended by every item at least as costly as C's
    // largest: sum over E(C) of x <= |C| - 1. Valid for the whole problem.
    // Also, with the options' group_covers, the same over items that are excludes groups
    // (separate_group_covers), and with mir_cuts, at the root, c-MIR cuts (separate_mir).
    // `origin`: the rows' origin (a root cut or a tree cut).
    int separate_covers(Index origin = -2);
    void separate_group_covers(const Eigen::VectorXd& x, std::vector<BoxedDualSimplex::Row>& rows);
    // With the options' mir_cuts: for each budget row, its most effective c-MIR cut.
    void separate_mir(const Eigen::VectorXd& x, std::vector<BoxedDualSimplex::Row>& rows);

    // Gomory mixed-integer cuts from the rows of the LP's optimal tableau whose basic
    // variable is fractional, in the structural variables (slacks substituted out). Valid
    // for every integral point of the rows in the LP (all valid for the problem, or for
    // what beats the incumbent after a restart's fixings).
    int separate_gomory();

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
    Index choose_branch(bool lp_optimal);


    void record_pseudocost(const Pending& p);

    // A decision as one int: +(i + 1) selects i, -(i + 1) leaves it out.
    bool apply(int decision);

    // Bound the current node: solve its LP, add cover cuts when `separate_here` (the options'
    // node_cut_rounds), fix variables by reduced cost (recorded in the
    // path), take an integral LP optimum as a solution, round. Returns false when nothing
    // below the node can beat the incumbent; otherwise the bound and a variable to branch on.
    bool evaluate(double& bound, Index& branch, const Pending& pending, bool separate_here);

    // Best-bound search with dives: take the open node with the highest bound, then dive
    // (the child the LP leans to first), leaving each sibling open with its parent's bound.
    void search();

    const SelectionProblem& p_;
    const SelectionOptions& o_;
    SearchMemory* memory_;  // read at the start, left with what this search learned; may be null
    Limits& limits_;
    Index n_, m_;
    std::vector<std::vector<Index>> prereq_, dependants_, any_of_, any_in_;
    detail::Alternatives partners_;  // each one's alternatives (excludes groups)
    std::vector<std::vector<Index>> any_dependants_;  // per requires_any link: the dependants its LP row sums
    std::vector<signed char> fixed_, best_;
    std::vector<GroupState> groups_;  // per requires_any link, as fixed_ stands
    bool start_feasible_ = false;     // the caller's selection (options' start) is feasible as given
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
    // Per LP row: the link (>= 0: requires_links, then requires_any after them), -1 an
    // excludes group, -2 a cut at the root, -3 a cut in the tree, budget_origin(k) budget k.
    std::vector<Index> row_origin_;
    static constexpr Index tree_cut_origin = -3;
    static constexpr Index budget_origin(Index k) { return -4 - k; }
    static constexpr Index budget_of(Index origin) { return origin <= -4 ? -4 - origin : -1; }  // or -1
    std::vector<signed char> budget_in_lp_;  // budget rows not binding at the root are dropped
    bool equalities_ = false;  // some excludes row is an equality (see RootLp)
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
    // Per initiative: the budget rows it uses, rows_all_[rows_start_[i] .. rows_start_[i + 1]).
    std::vector<std::size_t> rows_start_;
    std::vector<Index> rows_all_;
    // Per budget row: (cost, initiative), the dearest first, users_all_[users_start_[k] .. users_start_[k + 1]).
    std::vector<std::size_t> users_start_;
    std::vector<std::pair<double, Index>> users_all_;
    std::vector<Index> order_;
    std::vector<Index> by_value_;  // every initiative, the most valuable first (ties by index)
    double value_ = 0, best_value_ = 0, root_bound_ = 0, open_bound_ = 0;
    long long nodes_ = 0;
    bool stopped_ = false;
    int restarts_ = 0;
    // Tuned on the project-shaped and Chu-Beasley sets of benchmarks/selection.
    static constexpr int max_restarts_ = 3;
    static constexpr double restart_share_ = 0.1;  // of the free initiatives newly fixable
    static constexpr int strong_candidates_ = 10, strong_iterations_ = 100;
    static constexpr long long reliable_ = 4;  // observations per direction
    Index root_fixable_ = 0;
    // Gomory cuts (options' gomory_rounds): sources a round, the least fraction of a source.
    static constexpr int gomory_per_round_ = 100;
    static constexpr double gomory_min_fraction_ = 0.01;
    double restart_checked_ = -std::numeric_limits<double>::infinity();
    std::vector<Index> group_of_;  // per variable: the first excludes group it is in, or -1 (group covers)
};

}  // namespace aligngraph::detail

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_SELECTION_DETAIL_LP_RELAXATION
#define ALIGNGRAPH_INL_SELECTION_DETAIL_HEURISTICS
#define ALIGNGRAPH_INL_SELECTION_DETAIL_CUTS
#define ALIGNGRAPH_INL_SELECTION_DETAIL_TREE_SEARCH
#ifdef ALIGNGRAPH_OUTERMOST_SELECTION_DETAIL_SEARCH
#undef ALIGNGRAPH_OUTERMOST_SELECTION_DETAIL_SEARCH
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
