#pragma once
/// @file tvm.hpp
/// Time value of money, with numpy-financial's names, signs and conventions:
/// money paid out is negative; `when` says whether payments fall at the end or the
/// beginning of each period; rates are per period. Vectorised forms are the same
/// functions applied over Eigen arrays (the Python package broadcasts them over numpy).
///
///     aligngraph::pmt(0.08 / 12, 60, 15000);   // -304.145914... (numpy_financial.pmt)

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_FINANCE_TVM
#endif

#include "aligngraph/export.hpp"
#include <cmath>
#include <limits>

#include "aligngraph/types.hpp"

namespace aligngraph {

/// When payments are made within each period.
enum class When { end = 0, begin = 1 };

namespace detail {
inline double when_factor(When w) { return w == When::begin ? 1.0 : 0.0; }
/// (1 + r*w) * ((1+r)^n - 1) / r, or n when r == 0.
inline double annuity_factor(double r, double n, When w) {
    if (r == 0) return n;
    return (1 + r * when_factor(w)) * (std::pow(1 + r, n) - 1) / r;
}
}  // namespace detail

/// Future value: -(pv (1+r)^n + pmt * annuity factor).
inline double fv(double rate, double nper, double pmt, double pv, When when = When::end) {
    return -(pv * std::pow(1 + rate, nper) + pmt * detail::annuity_factor(rate, nper, when));
}

/// Present value: -(fv + pmt * annuity factor) / (1+r)^n.
inline double pv(double rate, double nper, double pmt, double fv = 0, When when = When::end) {
    return -(fv + pmt * detail::annuity_factor(rate, nper, when)) / std::pow(1 + rate, nper);
}

/// Payment per period: -(fv + pv (1+r)^n) / annuity factor.
inline double pmt(double rate, double nper, double pv, double fv = 0, When when = When::end) {
    return -(fv + pv * std::pow(1 + rate, nper)) / detail::annuity_factor(rate, nper, when);
}

/// Number of periods: -(fv + pv) / pmt when r == 0, else
/// log((-fv + z) / (pv + z)) / log(1 + r) with z = pmt (1 + r w) / r. +inf when it never gets there.
inline double nper(double rate, double pmt, double pv, double fv = 0, When when = When::end) {
    if (rate == 0) return -(fv + pv) / pmt;
    const double z = pmt * (1 + rate * detail::when_factor(when)) / rate;
    return std::log((-fv + z) / (pv + z)) / std::log(1 + rate);
}

/// Interest portion of payment number `per` (1-based). NaN for per < 1; 0 for the first
/// payment when payments are at the beginning.
inline double ipmt(double rate, double per, double nper, double pv, double fv = 0, When when = When::end) {
    if (per < 1) return std::numeric_limits<double>::quiet_NaN();
    if (when == When::begin && per == 1) return 0.0;
    const double payment = pmt(rate, nper, pv, fv, when);
    // Balance after per - 1 payments, times the rate.
    double interest = aligngraph::fv(rate, per - 1, payment, pv, when) * rate;
    if (when == When::begin) interest /= 1 + rate;
    return interest;
}

/// Principal portion of payment number `per`: pmt - ipmt.
inline double ppmt(double rate, double per, double nper, double pv, double fv = 0, When when = When::end) {
    return pmt(rate, nper, pv, fv, when) - ipmt(rate, per, nper, pv, fv, when);
}

/// Named parameters of rate()'s Newton iteration (numpy-financial's defaults).
struct RateOptions {
    double guess = 0.1;
    double tolerance = 1e-6;  ///< converged when two iterates differ by less
    int max_iterations = 100;
};

/// The rate per period that makes fv(rate, nper, pmt, pv, when) equal `fv`, by Newton's
/// method from `guess` as numpy-financial does, then polished to full precision.
/// NaN when the iteration does not converge (e.g. pmt and pv of the same sign).
ALIGNGRAPH_API double rate(double nper, double pmt, double pv, double fv, When when = When::end, const RateOptions& options = {});

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_FINANCE_TVM
#ifdef ALIGNGRAPH_OUTERMOST_FINANCE_TVM
#undef ALIGNGRAPH_OUTERMOST_FINANCE_TVM
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
