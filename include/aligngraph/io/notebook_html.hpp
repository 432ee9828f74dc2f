#pragma once
/// @file notebook_html.hpp
/// Each result, and the model, as a compact piece of HTML for a notebook (Jupyter's
/// `_repr_html_`): a title, a small table of what matters most and one small inline SVG chart
/// (svg.hpp). Self-contained: no script, style sheet, font or image from outside.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_IO_NOTEBOOK_HTML
#endif

#include "aligngraph/export.hpp"

#include <string>

// The selection solver's headers before the risk ones (which use it): in header-only mode
// each brings its implementation, and that needs the solver complete.
#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/selection/knapsack.hpp"
#include "aligngraph/selection/scenario_comparison.hpp"
#include "aligngraph/schedule/schedule.hpp"
#include "aligngraph/risk/risk.hpp"
#include "aligngraph/risk/robust.hpp"
#include "aligngraph/risk/rpm.hpp"
#include "aligngraph/risk/chance.hpp"

namespace aligngraph {

/// The model: its size and horizon; chart: the global weights of its leaf goals (the 12 heaviest).
ALIGNGRAPH_API std::string portfolio_html(const Portfolio& p);
/// The optimal portfolio: value, proof, budget use; chart: the selected initiatives' values (the 12 largest).
ALIGNGRAPH_API std::string selection_html(const SelectionResult& r);
/// The roadmap: value, proof, makespan; chart: a Gantt of the scheduled initiatives (the first 30 by start), the critical chain marked.
ALIGNGRAPH_API std::string schedule_html(const ScheduleResult& r);
/// The Monte Carlo: the NPV's summary and P(NPV < 0); chart: the NPV histogram with 0 marked.
ALIGNGRAPH_API std::string risk_html(const RiskResult& r);
/// Selection frequency: scenarios, proven, always/never/sometimes; chart: the frequency of those sometimes in (the 12 most frequent).
ALIGNGRAPH_API std::string selection_frequency_html(const SelectionFrequency& f);
/// Chance-constrained budgets: the portfolio's expected value, bound, alpha; chart: the share of the scenarios over each budget row (the 12 highest).
ALIGNGRAPH_API std::string chance_html(const ChanceConstrained& c);
/// RPM: portfolios, core, borderline, exterior; chart: the borderline initiatives' core indices.
ALIGNGRAPH_API std::string rpm_html(const RpmResult& r);
/// Two scenarios: both values, what is funded in one only, Kendall's tau; chart: the largest rank moves.
ALIGNGRAPH_API std::string compare_html(const ScenarioComparison& c);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_IO_NOTEBOOK_HTML
#ifdef ALIGNGRAPH_OUTERMOST_IO_NOTEBOOK_HTML
#undef ALIGNGRAPH_OUTERMOST_IO_NOTEBOOK_HTML
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
