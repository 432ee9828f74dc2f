#pragma once
/// @file briefing.hpp
/// Everything the steering committee's report needs, computed in one call: the goals and
/// their weights, the ranking with its explanations, the finance of every initiative and of
/// the funded portfolio, the optimal portfolio with its reasons, the frontier around the
/// budget, the roadmap and the Monte Carlo of the funded portfolio, and the assumptions.
/// The report (io/html_report.hpp) only presents it.
///
///     auto b = aligngraph::brief(p, {.scenario = "downturn", .samples = 20000});
///     aligngraph::write_report("report.html", p, b);

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_REPORT_BRIEFING
#endif

#include "aligngraph/export.hpp"

#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// The selection solver's headers before the risk ones (which use it): in header-only mode
// each brings its implementation, and that needs the solver complete.
#include "aligngraph/finance/financials.hpp"
#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/scoring/priority.hpp"
#include "aligngraph/scoring/score_explanation.hpp"
#include "aligngraph/selection/portfolio_selection.hpp"
#include "aligngraph/schedule/roadmap.hpp"
#include "aligngraph/risk/portfolio_risk.hpp"

namespace aligngraph {

/// Named parameters of brief().
struct ReportOptions {
    /// A scenario of the model (its discount rate, budgets, forced decisions, goal weights).
    std::string scenario;
    /// Seconds for each exact analysis: the optimal portfolio, each frontier level, the
    /// roadmap. One that stops at its limit is reported with its gap, not hidden.
    double time_limit = 60;
    /// The score the ranking shows (alignment by default); the first `explained` initiatives
    /// of it are taken apart, part by part.
    ScoreKind ranking = ScoreKind::alignment;
    Index explained = 10;
    /// Budget factors of the frontier (each budget, every period, scaled); 1, the plan, is
    /// added when missing. Empty: no frontier section.
    std::vector<double> frontier_levels{0.5, 0.75, 1.0, 1.25, 1.5};
    bool roadmap = true;  ///< the funded portfolio's roadmap (by NPV)
    bool risk = true;     ///< the Monte Carlo of the funded portfolio (at its roadmap's starts when there is one)
    long long samples = 10000;
    std::uint64_t seed = 0;
    int threads = 0;      ///< for the Monte Carlo; the result does not depend on it
    /// Where the model came from, shown under the assumptions: its file name and the SHA-256
    /// of its bytes (what `sha256sum` prints). Empty when it was not read from a file.
    std::string model_file, model_file_sha256;
    Cancellation cancel;
};

/// What the report says, all of it computed. Optional sections hold why they are missing.
struct Briefing {
    ReportOptions options;  ///< as asked (the plan's level added to the frontier)
    std::string title;      ///< the model's name ("Portfolio" when it has none)
    std::string currency;
    double discount_rate = 0;  ///< yearly, as used (the scenario's when it sets one)
    std::vector<std::string> period_labels;

    /// Goals: the global weights (under the scenario), the model's local weights, and the
    /// share of each goal the funded portfolio serves (goal_coverage()).
    Eigen::VectorXd global_weights, local_weights, coverage;
    std::vector<Index> unserved;  ///< goals the funded portfolio does not serve at all
    /// The weight the funded portfolio serves: sum over root goals of global weight x coverage.
    double weight_served = 0;

    ScoreTable ranking;
    std::vector<ScoreExplanation> explanations;  ///< the first options.explained of the ranking, in rank order

    Financials finance;  ///< every initiative
    Financials funded;   ///< the funded portfolio as one (portfolio_financials())

    SelectionResult optimal;  ///< by NPV under the scenario, explained: what is funded and why, what is left out and why

    std::vector<FrontierPoint> frontier;  ///< by NPV at each level of options.frontier_levels
    std::ptrdiff_t plan_level = -1;       ///< the frontier point at factor 1 (the budgets as planned); -1 without a frontier

    std::optional<ScheduleResult> roadmap;
    std::string roadmap_note;  ///< why there is no roadmap (not asked, or what made it impossible)
    std::optional<RiskResult> risk;
    std::string risk_note;     ///< why there is no Monte Carlo

    std::string model_sha256;  ///< of the model as aligngraph writes it (model_to_json()): the same model, the same hash
    std::string version;       ///< aligngraph's
};

/// Runs every analysis the report shows. A roadmap or Monte Carlo that the model cannot have
/// (an infeasible roadmap, a limit reached before any schedule) leaves a note in its place.
/// @throws ValidationError for an invalid model, an unknown scenario or bad options;
/// NoSolutionError when the optimal portfolio's search is stopped before any selection.
ALIGNGRAPH_API Briefing brief(const Portfolio& p, const ReportOptions& options = {});

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_REPORT_BRIEFING
#ifdef ALIGNGRAPH_OUTERMOST_REPORT_BRIEFING
#undef ALIGNGRAPH_OUTERMOST_REPORT_BRIEFING
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
