#pragma once
/// @file rpm.hpp
/// Robust Portfolio Modeling (Liesiö, Mild & Salo 2007, EJOR 181): which portfolios stay
/// worth choosing when the criterion weights are known only to lie in a set W and each
/// initiative's scores only within intervals.
///
/// A portfolio p is worth V(p, w, v) = sum_{i in p} sum_c w_c v_ic. W is the weights
/// w >= 0 with sum_c w_c = 1 that meet the caller's linear constraints (a rank order
/// w_a >= w_b >= ..., or any rows A w >= b); each score v_ic lies in [low_ic, high_ic]. A
/// feasible portfolio p *dominates* a feasible q when V(p) >= V(q) for every admissible w
/// and v and V(p) > V(q) for one. As V is linear, with w^1..w^K the extreme points of W:
///
///   p dominates q  <=>  for every k: sum_{i in p\q} w^k.low_i >= sum_{i in q\p} w^k.high_i,
///                       and for some k: sum_{i in p\q} w^k.high_i > sum_{i in q\p} w^k.low_i.
///
/// The non-dominated portfolios are the ones a decision maker could still prefer once more
/// is known; an initiative's *core index* is the share of them that hold it (1: core, in
/// every one; 0: exterior, in none; else borderline).
///
///     auto r = aligngraph::rpm(p, {.rank_order = {"business_value", "risk_reduction"}, .score_spread = 0.1});
///     // r.portfolios (one row per non-dominated portfolio), r.core_index, r.classes
///
/// Exact: a depth-first branch and bound over the initiatives (prerequisites first) that
/// keeps the non-dominated complete portfolios met so far and drops a subtree when one of
/// them dominates all of it, with exact knapsack bounds (risk/detail/rpm_search.hpp). With
/// exact scores (every interval a point) the answer is the Pareto set of the K objectives
/// w^k.v. See docs/risk.md, "Robust Portfolio Modeling".

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_RISK_RPM
#endif

#include "aligngraph/export.hpp"
#include <Eigen/Core>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/names.hpp"
#include "aligngraph/scoring/priority.hpp"
#include "aligngraph/selection/knapsack.hpp"
#include "aligngraph/stop.hpp"
#include "aligngraph/types.hpp"

namespace aligngraph {

/// Robust Portfolio Modeling over plain arrays: the budget rows, requires, excludes and
/// forced decisions of a selection problem (its `values` are not used), each initiative's
/// score interval on each criterion, and the linear constraints on the weights.
struct ALIGNGRAPH_API RpmProblem : SelectionProblem {
    std::vector<std::string> criteria;   ///< C names, for messages ("criterion c" when empty)
    Eigen::MatrixXd score_low, score_high;  ///< n x C: each score lies in [low, high]
    /// Rows of A w >= b on the weights (C columns), besides w >= 0 and sum w = 1. Empty: any weights.
    Eigen::MatrixXd weight_rows;
    Eigen::VectorXd weight_bounds;

    /// Add the rank order w_{order[0]} >= w_{order[1]} >= ... (criterion indices) as rows.
    void add_rank_order(const std::vector<Index>& order);
};

/// What an initiative is over the non-dominated portfolios.
enum class CoreClass {
    core,        ///< in every non-dominated portfolio: a robust choice whatever more is learned
    borderline,  ///< in some: more information decides
    exterior,    ///< in none: a robust rejection
};

template <>
struct EnumNames<CoreClass> {
    static constexpr std::string_view type = "CoreClass";
    static constexpr std::array table{std::pair{CoreClass::core, std::string_view("core")},
                                      std::pair{CoreClass::borderline, std::string_view("borderline")},
                                      std::pair{CoreClass::exterior, std::string_view("exterior")}};
};

/// Limits of rpm(). The answer is all or nothing: a limit reached throws NoSolutionError.
struct RpmLimits {
    double time_limit = 60;                 ///< seconds for the whole call
    long long state_limit = 5'000'000;      ///< non-dominated portfolios kept at once at most
    Cancellation cancel;
    /// Threads of the search (0: every hardware thread). The portfolios do not depend on it;
    /// with more than one, the search's node count (`states`) varies from run to run.
    int threads = 0;
};

/// Robust Portfolio Modeling of a model: the criteria, their weight information and the
/// score intervals; budgets, requires, excludes and forced decisions from the model.
struct RpmOptions {
    /// The criteria (names of the model's criterion scores and their direction; weights are
    /// not used). Empty: every criterion of the model, benefit. Each is normalised min-max
    /// over the initiatives to [0, 1], as in weighted scoring.
    std::vector<Criterion> criteria;
    /// Criteria from the most to the least important: w_1 >= w_2 >= ... (a prefix of the
    /// criteria suffices: the rest are unranked). Empty: no order.
    std::vector<std::string> rank_order;
    /// More linear information on the weights: rows A w >= b over `criteria` in their order.
    Eigen::MatrixXd weight_rows;
    Eigen::VectorXd weight_bounds;
    /// Each normalised score v is known only within [v - score_spread, v + score_spread],
    /// cut to [0, 1]. 0: the scores are exact.
    double score_spread = 0;
    std::string scenario;  ///< the model's scenario (budget factor, forced decisions)
    double time_limit = 60;
    long long state_limit = 5'000'000;
    Cancellation cancel;
    int threads = 0;  ///< threads of the search (RpmLimits::threads)
};

/// The non-dominated portfolios and each initiative's core index.
struct ALIGNGRAPH_API RpmResult {
    std::vector<std::string> ids;       ///< every initiative
    std::vector<std::string> criteria;  ///< C
    std::string scenario;
    Eigen::MatrixXd extreme_weights;    ///< K x C: the extreme points of the weight set
    /// P x n, one row per non-dominated portfolio (1 = the initiative is in it), by
    /// descending value_high, then value_low, then ids.
    Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic> portfolios;
    /// P: the portfolio's least and greatest value over every admissible weight and score.
    Eigen::VectorXd value_low, value_high;
    Eigen::VectorXd core_index;         ///< n: share of the non-dominated portfolios holding it
    std::vector<CoreClass> classes;     ///< n
    long long states = 0;               ///< nodes of the search (on several threads: not the same every run)
    long long peak_states = 0;          ///< most non-dominated portfolios kept at once (met so far; one thread's)
    int threads = 1;                    ///< threads the search ran on
    double seconds = 0;

    Index initiative_count() const { return static_cast<Index>(ids.size()); }
    Index portfolio_count() const { return portfolios.rows(); }
    /// The initiatives of portfolio k (indices, ascending).
    std::vector<Index> portfolio(Index k) const;
};

/// The extreme points of {w >= 0, sum w = 1, rows w >= bounds} (K x C), in a fixed order.
/// @throws ValidationError when the rows have the wrong shape or admit no weights.
ALIGNGRAPH_API Eigen::MatrixXd extreme_weights(Index criteria, const Eigen::MatrixXd& rows, const Eigen::VectorXd& bounds);

/// Robust Portfolio Modeling over arrays. @throws ValidationError for scores of the wrong
/// shape, low > high, a non-finite number, negative costs, an unknown index, weight rows of the
/// wrong shape or admitting no weights, threads < 0; InfeasibleError when the forced decisions break a
/// budget, a requires or an excludes; NoSolutionError when a limit is reached first.
ALIGNGRAPH_API RpmResult rpm(const RpmProblem& problem, const RpmLimits& limits = {});

namespace detail {
/// rpm() with the memory for the search's bound tables (bytes; 0: none, the fractional
/// bound instead). For the tests of both bounds.
ALIGNGRAPH_API RpmResult rpm_impl(const RpmProblem& problem, const RpmLimits& limits, double table_bytes);
}  // namespace detail

/// The model as an RPM problem (see RpmOptions). @throws ValidationError for an invalid model,
/// unknown criteria or scenario, a rank order naming an unknown or repeated criterion, a
/// spread outside [0, 1].
ALIGNGRAPH_API RpmProblem rpm_problem(const Portfolio& p, const RpmOptions& options = {});

/// rpm(rpm_problem(p, options)).
ALIGNGRAPH_API RpmResult rpm(const Portfolio& p, const RpmOptions& options = {});

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_RISK_RPM
#ifdef ALIGNGRAPH_OUTERMOST_RISK_RPM
#undef ALIGNGRAPH_OUTERMOST_RISK_RPM
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
