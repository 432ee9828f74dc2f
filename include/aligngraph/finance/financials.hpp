#pragma once
/// @file financials.hpp
/// Every finance measure for every initiative of a model, or for a portfolio (a
/// selection of initiatives, on its summed flows), in one vectorised pass.
///
/// Per initiative, net flow_t = benefits_t - capex_t - opex_t (outflows negative), over
/// the whole horizon from period 0. The discount rate is the model's yearly rate (or
/// the one given) converted to the period length.
///
///     auto f = aligngraph::initiative_financials(p);          // f.npv(i), f.irr(i), ...
///     auto total = aligngraph::portfolio_financials(p, {0, 3}); // one row: I-0 and I-3 together

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_FINANCE_FINANCIALS
#endif

#include "aligngraph/export.hpp"
#include <Eigen/Core>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aligngraph/finance/cashflows.hpp"
#include "aligngraph/model/portfolio.hpp"

namespace aligngraph {

/// A yearly rate as people write it: a fraction ("0.08", "-0.02") or a percentage ("8%",
/// "12.5%"). A fraction above 1 is refused, since "12" is far more often meant as 12% than
/// as 1200%: write "12%" (or 0.12).
/// @throws ValidationError naming the text and what was expected.
ALIGNGRAPH_API Rate parse_rate(std::string_view text);

/// The message for a rate given as a fraction above 1 (what parse_rate() and the model
/// file refuse), or empty when `rate` is at most 1.
ALIGNGRAPH_API std::string rate_above_one(double rate);

/// Named parameters of the finance pass.
struct FinanceOptions {
    /// Yearly discount rate; the model's settings().discount_rate when empty.
    std::optional<Rate> discount_rate;
    NpvConvention convention = NpvConvention::numpy;
    /// Yearly MIRR finance and reinvestment rates; the discount rate when empty.
    std::optional<Rate> finance_rate;
    std::optional<Rate> reinvest_rate;
    IrrOptions irr;
    int threads = 0;  ///< for IRR; 0: all cores. Results do not depend on it.
};

/// One entry per initiative (or a single entry for a portfolio). Money in the model's
/// currency; rates per period unless named annual; paybacks in periods. It says what it
/// was computed for and under which terms, so that a presenter needs nothing else.
struct Financials {
    /// The rows: every initiative's id and name (initiative_financials), or one row
    /// "portfolio" (portfolio_financials), whose members are `members`.
    std::vector<std::string> ids, names;
    std::vector<std::string> members;  ///< portfolio_financials: the selection's ids, in its order
    std::string currency;              ///< the model's currency
    double period_years = 1;           ///< the model's period length
    Rate yearly_rate = 0;              ///< the discount rate per year used (options, or the model's)
    Rate finance_rate = 0, reinvest_rate = 0;  ///< MIRR's yearly rates used
    NpvConvention convention = NpvConvention::numpy;
    Rate period_rate = 0;             ///< the discount rate per period used
    Eigen::VectorXd capex, opex;      ///< totals over the horizon
    Eigen::VectorXd total_cost;       ///< capex + opex
    Eigen::VectorXd total_benefit;
    Eigen::VectorXd pv_costs;         ///< present value of capex + opex
    Eigen::VectorXd pv_benefits;      ///< present value of benefits
    Eigen::VectorXd npv;              ///< pv_benefits - pv_costs (in the chosen convention)
    Eigen::VectorXd irr;              ///< per period; NaN when none
    Eigen::VectorXd irr_annual;       ///< (1 + irr)^(1/period_years) - 1
    Eigen::VectorXi irr_roots;        ///< number of IRRs: 0 none, > 1 several (irr is numpy-financial's pick)
    Eigen::VectorXd mirr;             ///< per period; NaN unless the flows have both signs
    Eigen::VectorXd mirr_annual;
    Eigen::VectorXd payback;          ///< periods from the initiative's start; NaN: not within the horizon
    Eigen::VectorXd discounted_payback;
    Eigen::VectorXd roi;              ///< (total_benefit - total_cost) / total_cost; NaN when no cost
    Eigen::VectorXd profitability_index;  ///< pv_benefits / pv_costs; NaN when no cost
};

/// Financials of every initiative. @throws ValidationError for an invalid model (check()),
/// or a rate <= -100%.
ALIGNGRAPH_API Financials initiative_financials(const Portfolio& p, const FinanceOptions& options = {});

/// Financials of the portfolio made of `selection` (initiative indices), on the summed
/// flows; paybacks count from period 0. NPV and the totals equal the sums of the members'.
ALIGNGRAPH_API Financials portfolio_financials(const Portfolio& p, const std::vector<Index>& selection,
                                const FinanceOptions& options = {});

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_FINANCE_FINANCIALS
#ifdef ALIGNGRAPH_OUTERMOST_FINANCE_FINANCIALS
#undef ALIGNGRAPH_OUTERMOST_FINANCE_FINANCIALS
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
