#pragma once
/// @file portfolio_risk.hpp
/// Risk analysis of a model's portfolio: its initiatives' estimates, success probabilities,
/// correlations and risk events, its budgets and teams, at the planned starts or at the
/// roadmap's (risk.hpp has the engine and the result).
///
///     auto r = aligngraph::simulate(p, {.samples = 100000, .seed = 7, .roadmap = true});

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_RISK_PORTFOLIO_RISK
#endif

#include "aligngraph/export.hpp"
#include <vector>

#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/risk/risk.hpp"

namespace aligngraph {

/// The model as a risk problem over these initiatives (indices, ascending), each starting at
/// `starts` (absolute periods, one per initiative; empty: the planned starts, which a roadmap's
/// starts replace moving the flows and the demand with them). Budgets ("budget ID", their use
/// scaled by the cost multiplier) and teams ("team ID") some initiative uses are the resources;
/// the scenario's rate, budget factor and cost overrun apply; correlations and risk events are
/// kept among the initiatives given. @throws ValidationError for an invalid model, an unknown
/// scenario, or an initiative whose prerequisite is not among them.
ALIGNGRAPH_API RiskProblem risk_problem(const Portfolio& p, const std::vector<Index>& initiatives,
                                        const std::vector<Period>& starts = {}, const std::string& scenario = {});

/// Simulate a model's portfolio: options.selection (default the optimal portfolio by NPV),
/// at the planned starts or (options.roadmap) the roadmap's. @throws as risk_problem() and
/// simulate(const RiskProblem&, const RiskOptions&).
ALIGNGRAPH_API RiskResult simulate(const Portfolio& p, const RiskOptions& options = {});

/// The risk problem simulate(p, options) simulates (its selection, starts and scenario).
ALIGNGRAPH_API RiskProblem risk_problem(const Portfolio& p, const RiskOptions& options);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_RISK_PORTFOLIO_RISK
#ifdef ALIGNGRAPH_OUTERMOST_RISK_PORTFOLIO_RISK
#undef ALIGNGRAPH_OUTERMOST_RISK_PORTFOLIO_RISK
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
