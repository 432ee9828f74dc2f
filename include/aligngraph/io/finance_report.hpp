#pragma once
/// @file finance_report.hpp
/// Finance per initiative and for the whole portfolio, as text and JSON.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_IO_FINANCE_REPORT
#endif

#include "aligngraph/export.hpp"
#include <string>
#include <vector>

#include "aligngraph/finance/financials.hpp"
#include "aligngraph/model/portfolio.hpp"

namespace aligngraph {

/// The finance table: per initiative cost, benefit, NPV, IRR and MIRR (annualised; `*`
/// marks several IRRs), payback (periods from start), ROI and profitability index, then
/// the whole portfolio on its summed flows. `total` is portfolio_financials() of all.
ALIGNGRAPH_API std::string financials_text(const Financials& per_initiative, const Financials& total, int width = 100);

/// The same as JSON: {"currency", "period_years", "yearly_rate", "period_rate",
/// "convention", "initiatives": [{id, npv, ...}], "portfolio": {"initiatives": [ids], npv, ...}}; NaN as null.
ALIGNGRAPH_API std::string financials_json(const Financials& per_initiative, const Financials& total);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_IO_FINANCE_REPORT
#ifdef ALIGNGRAPH_OUTERMOST_IO_FINANCE_REPORT
#undef ALIGNGRAPH_OUTERMOST_IO_FINANCE_REPORT
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
