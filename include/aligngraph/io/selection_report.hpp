#pragma once
/// @file selection_report.hpp
/// The optimal portfolio and the efficient frontier, as text and JSON. Every function takes only the result.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_IO_SELECTION_REPORT
#endif

#include "aligngraph/export.hpp"
#include <string>
#include <vector>

#include "aligngraph/selection/knapsack.hpp"
#include "aligngraph/selection/portfolio_selection.hpp"

namespace aligngraph {

/// The optimal portfolio: objective, value, bound and proof, the money used of the total,
/// the selected initiatives, use of each budget per period as a share of its limit, why
/// each left-out initiative is out and (when `displaced`) what each selected one's funding
/// would buy instead. Everything comes from the result.
ALIGNGRAPH_API std::string selection_text(const SelectionResult& r, int width = 100, bool displaced = true);

/// Only the explanations of selection_text().
ALIGNGRAPH_API std::string selection_explanation_text(const SelectionResult& r, bool displaced = true, int width = 100);

/// The same as JSON: objective, scenario, currency, pools, periods, selected ids, value,
/// bound, proof, total budget and use, every budget row, left out and displaced.
ALIGNGRAPH_API std::string selection_json(const SelectionResult& r);

/// The efficient frontier as a table: level, the model's total budget, optimal value,
/// marginal value per million, proof, number selected; the knee marked; an infeasible
/// level with its reason.
ALIGNGRAPH_API std::string frontier_text(const std::vector<FrontierPoint>& points);

/// The frontier as JSON: {objective, scenario, currency, pools, periods, sweep, levels: [{factor,
/// total_budget, pool_budgets, feasible, infeasible_reason, value, upper_bound, proven,
/// marginal, knee, selected}]}; NaN as null.
ALIGNGRAPH_API std::string frontier_json(const std::vector<FrontierPoint>& points);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_IO_SELECTION_REPORT
#ifdef ALIGNGRAPH_OUTERMOST_IO_SELECTION_REPORT
#undef ALIGNGRAPH_OUTERMOST_IO_SELECTION_REPORT
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
