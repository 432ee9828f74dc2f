#pragma once
/// @file horizon.hpp
/// The model's time axis: P periods of a fixed length, period 0 first.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_MODEL_HORIZON
#endif

#include "aligngraph/export.hpp"
#include <string>

#include "aligngraph/types.hpp"

namespace aligngraph {

/// The most periods a horizon has: one limit for the builder, the model file and every
/// analysis (so a model the builder accepts can be saved and loaded).
inline constexpr Periods max_periods = 100000;

/// The longest period, in years: past it a yearly rate has no meaning per period (8% a year
/// is 1.08^60000 - 1 = inf per period of 60,000 years).
inline constexpr double max_period_years = 100;

/// The largest amount a model holds (a flow in one period, a budget limit): sums over every
/// initiative and period stay finite, and NPVs, totals and ratios with them.
inline constexpr double max_amount = 1e18;

/// The planning horizon. All flows, budgets and capacities are per period of it.
///
///     Horizon h{12, 0.25, "2027Q1"};   // three years of quarters
///     h.label(5);                      // "2028Q2"
struct ALIGNGRAPH_API Horizon {
    /// Number of periods P (1 to max_periods).
    Periods periods = 12;
    /// Length of one period in years (> 0, at most max_period_years): 0.25 for quarters, 1.0/12 for months, 1 for years.
    double period_years = 0.25;
    /// Label of period 0. Labels of later periods are derived when it has the form
    /// `YYYYQn` (quarters), `YYYY-MM` (months) or `YYYY` (years) and matches the period
    /// length; otherwise period t is labelled `first+t`.
    std::string first_label = "2027Q1";

    /// Label of period t (0-based), as described for `first_label`.
    std::string label(Period t) const;

    friend bool operator==(const Horizon&, const Horizon&) = default;
};

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_MODEL_HORIZON
#ifdef ALIGNGRAPH_OUTERMOST_MODEL_HORIZON
#undef ALIGNGRAPH_OUTERMOST_MODEL_HORIZON
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
