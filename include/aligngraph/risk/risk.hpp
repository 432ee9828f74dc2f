#pragma once
/// @file risk.hpp
/// How sure the plan is: Monte Carlo simulation of a portfolio's cost and benefit multipliers,
/// success, delays (which push dependants), correlations (a Gaussian copula) and risk events,
/// giving the distribution of its NPV, of each budget's spend and each team's load per period,
/// each initiative's statistics and when it finishes, a tornado and rank correlations.
///
///     auto r = aligngraph::simulate(p, {.samples = 100000, .seed = 7});   // the optimal portfolio
///     // r.summary.mean, r.summary.p5, r.summary.p_negative, r.p_over (resources x periods)
///
/// Reproducible to the bit: every draw is a function of (seed, sample, initiative, variable)
/// (Philox4x32-10, Random123), and sums are taken in blocks of block_size samples in sample
/// order, so the result is the same on any number of threads, and chunks simulated apart
/// (RiskOptions::first) join exactly (join()). See docs/risk.md for every convention.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_RISK_RISK
#endif

#include "aligngraph/export.hpp"
#include <Eigen/Core>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aligngraph/model/records.hpp"
#include "aligngraph/schedule/schedule.hpp"
#include "aligngraph/stop.hpp"
#include "aligngraph/types.hpp"

namespace aligngraph {

/// Correlated multipliers among items of a RiskProblem (indices): every pair has the coefficient.
struct RiskCorrelation {
    std::vector<Index> items;
    double coefficient = 0;
    CorrelationOn on = CorrelationOn::both;
};

/// A risk event among items of a RiskProblem (model/records.hpp's RiskEvent, by index).
struct RiskEventSpec {
    std::string id;
    double probability = 0;
    std::vector<Index> items;
    std::optional<Estimate> cost;   ///< extra cost, a fraction of the item's cost
    std::optional<Estimate> delay;  ///< periods
};

/// A risk analysis over plain arrays: n items (initiatives) over T periods and R resources
/// (budgets and teams). What risk_problem() (risk/portfolio_risk.hpp) makes of a model.
struct RiskProblem {
    std::vector<std::string> ids;    ///< n item ids
    std::vector<Period> starts;      ///< planned start of each item
    std::vector<Periods> durations;  ///< periods each runs
    Periods horizon = 0;             ///< T: the periods with limits
    /// n x (T or more), cost in each absolute period at the planned start; columns past the
    /// horizon are flows after it (valued, not limited).
    Eigen::MatrixXd costs;
    Eigen::MatrixXd benefits;        ///< likewise
    /// Per resource, n x T: what each item uses of it in each absolute period at its planned start.
    std::vector<Eigen::MatrixXd> usage;
    /// Per resource: its use scales with the item's cost multiplier (a budget) or not (a team).
    std::vector<bool> scales_with_cost;
    Eigen::MatrixXd capacity;        ///< R x T limits (a budget's limit, a team's capacity)
    std::vector<std::string> resources, resource_kinds, resource_ids;  ///< R names, "budget"/"team", ids
    std::vector<std::string> periods;                                   ///< T labels
    std::vector<Uncertainty> uncertainty;  ///< n (empty: nothing uncertain)
    std::vector<bool> started;             ///< n (empty: none): started items are not delayed or pushed
    /// Finish-to-start links (with their lags): a delay pushes dependants by what it eats of
    /// the gap between the prerequisite's planned finish plus the lag and the dependant's start.
    std::vector<Precedence> precedences;
    std::vector<RiskCorrelation> correlations;
    std::vector<RiskEventSpec> events;
    double rate = 0;  ///< discount rate per period: a flow in absolute period t is divided by (1 + rate)^t
    std::string currency, scenario;
};

/// Named parameters of simulate().
struct RiskOptions {
    long long samples = 10000;  ///< how many (at most, with a convergence stop)
    std::uint64_t seed = 0;
    long long first = 0;        ///< index of the first sample: chunks [first, first + samples) join exactly
    int threads = 0;            ///< 0: every hardware thread; the result does not depend on it
    bool latin_hypercube = false;  ///< stratify each variable within each block of block_size samples
    /// Stop once the standard error of the mean NPV, relative to its absolute value, is below
    /// this (0: run every sample); checked every check_every samples (a multiple of block_size).
    double convergence = 0;
    long long check_every = 4096;
    /// A correlation matrix that is not positive semi-definite: an error naming the pairs, or,
    /// when true, repaired to the nearest correlation matrix (Higham 2002) and said in notes.
    bool repair_correlations = false;
    bool sensitivity = true;    ///< the tornado and the rank correlations
    bool keep_use_samples = true;  ///< each sample's use of each resource (for use_p95); memory samples x R x T
    /// Each sample's NPV, cost multiplier (risk events included) and late start of each item
    /// (for robust selection); memory samples x n x 3.
    bool keep_item_samples = false;
    int histogram_bins = 40;
    Cancellation cancel;

    // Of a model only (risk/portfolio_risk.hpp):
    /// The initiatives (ids). Unset: the optimal portfolio (optimize() by NPV, the same scenario).
    std::optional<std::vector<std::string>> selection;
    std::string scenario;      ///< its discount rate, budget factor, cost overrun and forced decisions
    bool roadmap = false;      ///< start each at its roadmap start (roadmap(), NPV) instead of the planned start
    double time_limit = 60;    ///< seconds for choosing the portfolio and its roadmap, > 0
};

/// Summary of the portfolio NPV's distribution.
struct RiskSummary {
    double mean = 0, sd = 0;
    double standard_error = 0;  ///< of the mean
    double p5 = 0, p50 = 0, p95 = 0;
    double cvar5 = 0;           ///< mean of the worst 5% of samples (the conditional value at risk)
    double min = 0, max = 0;
    double p_negative = 0;      ///< P(NPV < 0)
    double p_negative_low = 0, p_negative_high = 0;  ///< its 95% confidence interval (Wilson)
};

/// One bar of the tornado: one input of one item moved to its 10th and 90th percentile (success:
/// failed and succeeded) with every other at its base (the median; success; no risk event).
struct TornadoBar {
    Index item = 0;
    std::string variable;         ///< "cost", "benefit", "delay" or "success"
    double input_low = 0, input_high = 0;  ///< the input's values (multipliers, periods, 0/1)
    double npv_low = 0, npv_high = 0;      ///< the portfolio NPV at them
    double swing = 0;             ///< |npv_high - npv_low|
};

/// Spearman's rank correlation of one input of one item with the portfolio NPV.
struct RankCorrelation {
    Index item = 0;
    std::string variable;
    double rho = 0;
};

/// The result of simulate(): self-describing (the labels, ScheduleLabels, with the numbers).
struct ALIGNGRAPH_API RiskResult : ScheduleLabels {
    static constexpr long long block_size = 1024;

    std::uint64_t seed = 0;
    long long first = 0, samples = 0;  ///< the samples [first, first + samples)
    bool latin_hypercube = false;
    bool converged = false;            ///< a convergence stop was asked for and met
    StopReason stop_reason = StopReason::none;  ///< interrupted: the samples done until then
    int threads = 1;
    double seconds = 0;
    std::vector<std::string> notes;    ///< e.g. a repaired correlation matrix

    double planned_npv = 0;            ///< every multiplier 1, no delay, every item succeeds
    Eigen::VectorXd npv;               ///< each sample's portfolio NPV
    RiskSummary summary;
    Eigen::VectorXd histogram_edges;   ///< bins + 1 edges over [min, max]
    std::vector<long long> histogram_counts;

    // Resources x periods.
    Eigen::MatrixXd capacity, use_mean, use_p95, p_over;  ///< p_over: P(use > capacity)
    Eigen::MatrixXd use_samples;       ///< samples x (R T), column r T + t (keep_use_samples)

    // Items.
    Eigen::VectorXd item_npv_mean, item_npv_sd;
    Eigen::VectorXd failure_rate;      ///< share of samples where it failed
    Eigen::VectorXd delay_mean;        ///< mean late start (own delay, events and pushes), periods
    Eigen::MatrixXd finish_by;         ///< n x (T + 1): P(finish <= t), finish = start + duration
    Eigen::VectorXd on_time;           ///< n: P(finished by its planned finish); NaN when that is past the horizon
    /// keep_item_samples: samples x n, each sample's NPV of each item, its cost multiplier
    /// (risk events' extra cost included) and how many periods late it starts (pushes included).
    Eigen::MatrixXd item_npv_samples, item_cost_samples;
    Eigen::MatrixXi item_shift_samples;

    std::vector<Period> starts;        ///< each item's planned start
    std::vector<Periods> durations;    ///< and how long it runs: P(on time) = finish_by(i, start + duration)
    std::vector<TornadoBar> tornado;   ///< largest swing first
    double tornado_base = 0;           ///< the portfolio NPV with every input at its base (the tornado's centre)
    std::vector<RankCorrelation> rank_correlations;  ///< largest |rho| first

    /// Sums per block of block_size samples (columns) for exact joins; and exact counts.
    Eigen::MatrixXd block_sums;
    Eigen::Matrix<long long, Eigen::Dynamic, Eigen::Dynamic> counts;

    Index item_count() const { return static_cast<Index>(ids.size()); }
};

/// Simulate. @throws ValidationError for inconsistent shapes, a bad estimate, probability or
/// coefficient, samples < 1, a correlation matrix that is not positive semi-definite (naming
/// the pairs; unless repair_correlations); NoSolutionError when interrupted before one block.
ALIGNGRAPH_API RiskResult simulate(const RiskProblem& problem, const RiskOptions& options = {});

/// Chunks of one simulation (the same problem, seed and options), in order and adjacent,
/// each but the last ending at a multiple of RiskResult::block_size, as one result: equal to
/// the simulation of all their samples at once, to the bit.
/// @throws ValidationError for chunks that do not fit together.
ALIGNGRAPH_API RiskResult join(const RiskProblem& problem, const std::vector<RiskResult>& chunks, const RiskOptions& options = {});

/// Samples [first, first + n) of one three-point estimate, as simulate() draws it.
/// @throws ValidationError for a bad estimate.
ALIGNGRAPH_API Eigen::VectorXd draws(const Estimate& estimate, long long n, std::uint64_t seed = 0, long long first = 0);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_RISK_RISK
#ifdef ALIGNGRAPH_OUTERMOST_RISK_RISK
#undef ALIGNGRAPH_OUTERMOST_RISK_RISK
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
