#pragma once
/// @file report.hpp
/// Human- and machine-readable summaries of a model, as the command line prints them.

#include <string>
#include <vector>

#include "aligngraph/error.hpp"
#include "aligngraph/finance/financials.hpp"
#include "aligngraph/scoring/priority.hpp"
#include "aligngraph/selection/knapsack.hpp"
#include "aligngraph/selection/portfolio_selection.hpp"
#include "aligngraph/model/portfolio.hpp"

namespace aligngraph {

/// Goal tree with global weights, initiatives table, budgets per period, as aligned
/// text for a terminal of `width` columns (>= 60).
std::string summary_text(const Portfolio& p, int width = 100);

/// The same content as a JSON document.
std::string summary_json(const Portfolio& p);

/// The finance table: per initiative cost, benefit, NPV, IRR and MIRR (annualised; `*`
/// marks several IRRs), payback (periods from start), ROI and profitability index, then
/// the whole portfolio on its summed flows. `total` is portfolio_financials() of all.
std::string financials_text(const Portfolio& p, const Financials& per_initiative, const Financials& total,
                            const FinanceOptions& options, int width = 100);

/// The same as JSON: {"period_rate", "initiatives": [{id, npv, ...}], "portfolio": {...}}; NaN as null.
std::string financials_json(const Portfolio& p, const Financials& per_initiative, const Financials& total);

/// Ranking table: rank, id, name, score and its largest parts, first `top` rows (all when <= 0).
std::string ranking_text(const Portfolio& p, const ScoreTable& t, const std::string& title, Index top = 0, int width = 100);

/// Ranking as JSON: [{rank, id, score, parts: {label: value}}] in rank order.
std::string ranking_json(const Portfolio& p, const ScoreTable& t, Index top = 0);

/// One initiative's score broken into its parts (for alignment: per goal and per dependant
/// passing enabler credit), with their sum.
std::string explanation_text(const Portfolio& p, const ScoreOptions& options, const ScoreTable& t, Index i);

/// Weight sensitivity table: weight now, interval keeping the first-ranked initiative, and
/// the interval keeping the top-k set.
std::string sensitivity_text(const std::vector<WeightSensitivity>& s, const std::string& what, Index k);

/// The optimal portfolio: objective, value, bound and proof, the money used of the total,
/// the selected initiatives, use of each budget per period as a share of its limit, why
/// each left-out initiative is out and (when `displaced`) what each selected one's funding
/// would buy instead. Everything comes from the result.
std::string selection_text(const SelectionResult& r, int width = 100, bool displaced = true);

/// Only the explanations of selection_text().
std::string selection_explanation_text(const SelectionResult& r, bool displaced = true, int width = 100);

/// The same as JSON: objective, scenario, currency, pools, periods, selected ids, value,
/// bound, proof, total budget and use, every budget row, left out and displaced.
std::string selection_json(const SelectionResult& r);

/// The efficient frontier as a table: level, the model's total budget, optimal value,
/// marginal value per million, proof, number selected; the knee marked; an infeasible
/// level with its reason.
std::string frontier_text(const std::vector<FrontierPoint>& points);

/// The frontier as JSON: {objective, scenario, currency, pools, periods, sweep, levels: [{factor,
/// total_budget, pool_budgets, feasible, infeasible_reason, value, upper_bound, proven,
/// marginal, knee, selected}]}; NaN as null.
std::string frontier_json(const std::vector<FrontierPoint>& points);

/// A list of problems as text, one per line, each prefixed by `source: ` (and `warning: `
/// for a warning) and its pointer, then a count: `source: valid` (with the warnings' count)
/// or `source: N problems`.
std::string problems_text(const std::vector<Problem>& problems, const std::string& source);

/// A list of problems as JSON: {"file", "valid": no errors, "errors": [{"pointer", "message"}], "warnings": [...]}.
std::string problems_json(const std::vector<Problem>& problems, const std::string& source);

}  // namespace aligngraph
