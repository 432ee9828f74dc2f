#pragma once
/// @file knapsack.hpp
/// Exact portfolio selection: the multidimensional 0-1 knapsack (Weingartner's capital
/// budgeting problem) with `requires` (x_B <= x_A), `excludes` (at most one per group),
/// forced-in and forced-out initiatives:
///
///   maximise sum_i v_i x_i  s.t.  sum_i c_ik x_i <= b_k for every budget k, x in {0, 1}^n.
///
/// Exact branch and bound with the LP relaxation as bound (a bounded dual simplex,
/// warm-started from node to node, stopping a node as soon as its bound reaches the
/// incumbent), cover cuts at the root, `requires` rows added when violated, reduced-cost
/// fixing at every node and globally from the root, best-bound search with dives,
/// pseudocost branching, LP rounding and a swap local search for incumbents.
/// Deterministic: one thread, a fixed order. See docs/selection.md.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_SELECTION_KNAPSACK
#endif

#include "aligngraph/export.hpp"
#include <Eigen/Core>

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aligngraph/names.hpp"
#include "aligngraph/stop.hpp"
#include "aligngraph/types.hpp"

namespace aligngraph {

/// What a selection maximises, when the problem comes from a model (see optimize()).
enum class Objective {
    npv,        ///< sum of the selected initiatives' NPVs (model discount rate)
    alignment,  ///< sum of alignment with enabler credit
    composite,  ///< sum of composite priority (default weights, every criterion)
};

template <>
struct EnumNames<Objective> {
    static constexpr std::string_view type = "Objective";
    static constexpr std::array table{std::pair{Objective::npv, std::string_view("npv")},
                                      std::pair{Objective::alignment, std::string_view("alignment")},
                                      std::pair{Objective::composite, std::string_view("composite")}};
};

/// What a selection problem's rows and columns are, so that its result presents on its
/// own: selection_problem() fills every field from a model; over plain arrays any may be
/// left empty.
struct ALIGNGRAPH_API SelectionLabels {
    std::vector<std::string> ids;           ///< n, for messages ("#i" when empty)
    std::vector<std::string> budget_names;  ///< m, for messages ("budget k" when empty)
    /// The funding pools (the model's budget ids) when the budget rows are pools x periods,
    /// pool-major: row = pool * periods.size() + period (one row per pool when `periods`
    /// is empty). Empty: the rows are plain constraints.
    std::vector<std::string> pools;
    std::vector<std::string> periods;  ///< period labels of the rows ("2027Q1")
    /// The pools whose limits add up to the money there is: the model's total budget (no
    /// department, every kind of cost), or every pool when no two of them limit the same
    /// cost. Empty when pools overlap and none is the total: there is no one total then.
    std::vector<Index> total_pools;
    std::optional<Objective> objective;  ///< what the values are; nothing over plain arrays
    std::string scenario;                ///< the model's scenario applied, if any
    std::string currency;                ///< of the costs and budgets (and of NPV values); may be empty

    /// ids[i], or "#i".
    std::string id(Index i) const;
    /// budget_names[k], or "budget k".
    std::string budget_name(Index k) const;
    friend bool operator==(const SelectionLabels&, const SelectionLabels&) = default;
};

/// A selection problem over plain arrays.
struct ALIGNGRAPH_API SelectionProblem : SelectionLabels {
    Eigen::VectorXd values;   ///< n: what each initiative is worth (any sign)
    Eigen::MatrixXd costs;    ///< n x m: what each initiative uses of each budget (>= 0)
    Eigen::VectorXd budgets;  ///< m: the limits (>= 0)
    std::vector<std::pair<Index, Index>> requires_links;  ///< (dependant, prerequisite)
    /// (dependant, prerequisites of which one suffices): x_d <= sum of x_q. A roadmap's
    /// precedence over start variables reads so: a start of B needs a start of A early enough.
    std::vector<std::pair<Index, std::vector<Index>>> requires_any;
    std::vector<std::vector<Index>> excludes;             ///< groups: at most one member selected
    std::vector<Index> forced_in;
    std::vector<Index> forced_out;
};

namespace detail {
struct RootLp;
}

/// What a search learned that helps the next one over the same initiatives: pseudocosts
/// (how much the bound falls when each initiative is forced in or out) and the root LP,
/// which the next search re-solves from its last basis when only budgets or forced
/// decisions changed. The warm start of a sequence of solves, owned by whoever runs the
/// sequence (Reoptimizer, the frontier) and handed to select_portfolio(); each solve reads
/// it and leaves what it learned. Move-only; its contents are internal.
struct ALIGNGRAPH_API SearchMemory {
    Eigen::MatrixXd loss_sum;    ///< n x 2: summed bound loss per unit, down and up
    Eigen::MatrixXi loss_count;  ///< n x 2
    std::unique_ptr<detail::RootLp> root;  ///< internal: taken by the next solve, given back by it
    /// Whether a solve leaves its root LP for the next one. False for a sequence whose
    /// values or costs change from solve to solve (the scenarios of selection_frequency()):
    /// such a root never fits the next problem, and copying it costs a tenth of a small solve.
    bool keep_root = true;

    SearchMemory();
    SearchMemory(SearchMemory&&) noexcept;
    SearchMemory& operator=(SearchMemory&&) noexcept;
    ~SearchMemory();
};

/// Limits of the search.
struct SelectionOptions {
    /// Seconds for the whole call, the explanation included: the search stops at 90% of it
    /// when an explanation is asked for, the explanation at the limit (what it had no time
    /// for is marked unexplained). Checked every few milliseconds in every phase.
    double time_limit = 60;
    long long node_limit = std::numeric_limits<long long>::max();
    /// The caller's way to stop the call early (a stop token, a poll): the best selection so
    /// far is returned with stop_reason interrupted.
    Cancellation cancel;
    /// A known selection to start from (e.g. the previous solution after a small change);
    /// used as the first incumbent when it is feasible and better than the greedy start.
    std::vector<Index> start;
    /// Explain the result (why each left-out initiative is out, what each selected one
    /// displaces); costs about (selected x n x budgets) operations.
    bool explain = true;
    /// Rounds of Gomory mixed-integer cuts at the root, beside the cover cuts (0: none). They
    /// tighten the time-indexed models of scheduling (the roadmap and plan set 3) and slow
    /// the search on multidimensional knapsacks, hence off by default (docs/selection.md).
    int gomory_rounds = 0;
    /// Rounds of cover cuts at each node the search takes from its open list (where a dive
    /// begins; 0: none). The tree's cuts are valid everywhere and stay in the LP while they
    /// bind (dropped at the next such node when they do not). They prove the time-indexed
    /// roadmaps sooner (3 there) and slow the multidimensional knapsacks (docs/selection.md).
    int node_cut_rounds = 0;
    /// Cover cuts that count each `excludes` group's members in a budget row as one item
    /// (at most one of them is in: in a roadmap, "the job runs in this period" over its
    /// starts), beside the covers over single initiatives. On in roadmaps and plans.
    bool group_covers = false;
    /// Mixed-integer rounding cuts of the budget rows at the root, beside the covers (c-MIR:
    /// the items the LP takes at 1/2 or more complemented, the row divided by one item's
    /// cost and rounded). They tighten the plans' time-indexed models (on there) and cost
    /// LP time on every node; off by default (docs/selection.md).
    bool mir_cuts = false;
    /// When a dive ends, go on from the other child of its last branching (one decision away
    /// from the LP's basis: a few pivots instead of dozens) rather than from the open list's
    /// best bound, while that child can still beat the incumbent. On by default and in
    /// roadmaps, where it proves sooner; off in plans (worse plans in the same time)
    /// (docs/selection.md).
    bool plunge = true;
};

/// Why an initiative is not in the selection.
enum class LeftOutReason {
    forced_out,    ///< the caller (or the model) forced it out
    prerequisite,  ///< a prerequisite it needs is forced out
    excluded,      ///< it (or a prerequisite it needs) is an alternative to a selected one
    budget,        ///< adding it (with the prerequisites it needs) breaks a budget
    no_value,      ///< it fits, but adds nothing (value with its prerequisites <= 0)
    unproven,      ///< it fits and adds value: the search stopped before it could take it
};

template <>
struct EnumNames<LeftOutReason> {
    static constexpr std::string_view type = "LeftOutReason";
    static constexpr std::array table{std::pair{LeftOutReason::forced_out, std::string_view("forced_out")},
                                      std::pair{LeftOutReason::prerequisite, std::string_view("prerequisite")},
                                      std::pair{LeftOutReason::excluded, std::string_view("excluded")},
                                      std::pair{LeftOutReason::budget, std::string_view("budget")},
                                      std::pair{LeftOutReason::no_value, std::string_view("no_value")},
                                      std::pair{LeftOutReason::unproven, std::string_view("unproven")}};
};

/// One left-out initiative and the reason.
struct LeftOut {
    Index initiative = 0;
    LeftOutReason reason = LeftOutReason::budget;
    std::vector<Index> needs;       ///< unselected prerequisites (transitively) that would come with it
    std::vector<Index> blocked_by;  ///< the selected alternatives (excluded), the forced-out prerequisites (prerequisite)
    /// Budgets it would break with what it needs: (budget, amount over the limit),
    /// largest share of the limit first.
    std::vector<std::pair<Index, double>> overruns;
    double value = 0;               ///< what adding it with `needs` is worth
    std::string text;               ///< the reason in one sentence
};

/// What a selected initiative's funding buys, compared with the best use of it otherwise.
struct Displacement {
    Index initiative = 0;
    bool locked = false;              ///< forced in (or needed by a forced-in one): cannot be dropped
    std::vector<Index> with;          ///< selected dependants that would have to go with it
    double value = 0;                 ///< what it is worth with them
    std::vector<Index> displaces;     ///< left-out initiatives its funding would buy instead (greedily)
    double displaced_value = 0;       ///< what those are worth
    double margin = 0;                ///< value - displaced_value: what it earns over the next best use
    std::string text;                 ///< in one sentence
    bool explained = true;            ///< false when a limit left no time to work it out (the rest is empty)
};

/// The best selection found and how good it is proven to be. It carries the problem's
/// labels (ids, budget names, pools, periods, objective), its values and limits, so that
/// a presenter needs nothing else.
struct ALIGNGRAPH_API SelectionResult : SelectionLabels {
    std::vector<Index> selected;  ///< ascending indices
    double value = 0;
    double upper_bound = 0;       ///< no selection is worth more
    double gap = 0;               ///< (upper_bound - value) / max(|value|, 1)
    bool proven = false;          ///< the search finished: value is the optimum
    StopReason stop_reason = StopReason::none;  ///< why the search stopped before proving it (none when proven)
    long long nodes = 0;
    double seconds = 0;           ///< the whole call, the explanation included
    Eigen::VectorXd values;       ///< n: what each initiative was worth (the problem's values)
    Eigen::VectorXd budgets;      ///< m: the limits solved under
    Eigen::VectorXd budget_use;   ///< m
    Eigen::VectorXd slack;        ///< m: budgets - budget_use
    std::vector<LeftOut> left_out;         ///< every initiative not selected, in index order (when explained)
    /// Every selected initiative, in index order (when explained); those the time limit or a
    /// stop left no time for have `explained` false.
    std::vector<Displacement> displaced;
    /// The explanation is complete: every left-out and selected initiative explained (false
    /// when none was asked for, or a limit cut it short).
    bool explained = false;

    Index initiative_count() const { return values.size(); }
    /// Sum over total_pools of their limits (the money the selection could spend); the sum of
    /// every limit when there are no pools; NaN when pools overlap and none is the total.
    double total_budget() const;
    /// The same for what the selection uses.
    double total_use() const;
    /// Pool q's limits over the horizon (the sum of its rows), and what the selection uses of
    /// them; with no pools, q is a budget row.
    double pool_budget(Index q) const;
    double pool_use(Index q) const;
};

/// A selection problem kept between solves, for what-if questions: change one thing, solve
/// again. Each solve starts from the previous selection, repaired to fit the change (a
/// forced-out initiative leaves with its dependants; a forced-in one comes with its
/// prerequisites and its alternatives leave; under a smaller budget the weakest value per
/// unit of the broken budget leave until it fits), and carries the search's pseudocosts
/// over. The answer is the same as a solve from scratch; only the time differs.
///
///     Reoptimizer r(problem);
///     r.solve();
///     r.force_out(7);
///     const auto& again = r.solve();
class ALIGNGRAPH_API Reoptimizer {
public:
    explicit Reoptimizer(SelectionProblem problem, SelectionOptions options = {});

    /// Solve the problem as it now stands. @throws as select_portfolio().
    const SelectionResult& solve();

    void force_in(Index i);   ///< x_i = 1 from now on
    void force_out(Index i);  ///< x_i = 0 from now on
    void release(Index i);    ///< neither forced in nor out
    void set_budget(Index k, double limit);
    void set_value(Index i, double value);

    const SelectionProblem& problem() const { return problem_; }
    const SelectionResult& result() const { return result_; }  ///< of the last solve
    SelectionOptions& options() { return options_; }

private:
    std::vector<Index> repaired_start() const;
    void check_initiative(Index i, const char* what) const;

    SelectionProblem problem_;
    SelectionOptions options_;
    SearchMemory memory_;
    SelectionResult result_;
    bool solved_ = false;
};

/// The explanations of `result` for `problem` (select_portfolio() fills them unless
/// SelectionOptions::explain is false).
ALIGNGRAPH_API void explain(const SelectionProblem& problem, SelectionResult& result);

/// Solve. @throws ValidationError for misshapen input, negative or non-finite costs or
/// budgets, indices out of range; InfeasibleError when the forced-in initiatives (with
/// their prerequisites) alone break a budget (naming it, the overrun and the initiatives)
/// or contradict the links.
/// `memory`, when given, warm-starts the search from what earlier solves of the same
/// initiatives learned and is left with what this one learned (see SearchMemory); the
/// answer is the same with or without it.
ALIGNGRAPH_API SelectionResult select_portfolio(const SelectionProblem& problem, const SelectionOptions& options = {},
                                 SearchMemory* memory = nullptr);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_SELECTION_SELECT_PORTFOLIO
#define ALIGNGRAPH_INL_SELECTION_RESULT
#define ALIGNGRAPH_INL_SELECTION_EXPLAIN
#define ALIGNGRAPH_INL_SELECTION_REOPTIMIZER
#ifdef ALIGNGRAPH_OUTERMOST_SELECTION_KNAPSACK
#undef ALIGNGRAPH_OUTERMOST_SELECTION_KNAPSACK
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
