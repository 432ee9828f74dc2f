#pragma once
// rate(): Newton's method as numpy-financial runs it, so that it finds the same root.

#include "aligngraph/finance/tvm.hpp"

#include <cmath>

namespace aligngraph {

namespace detail {

/// g(r) / g'(r) for g = fv + pv (1+r)^n + pmt (1 + r w) / r ((1+r)^n - 1).
inline double newton_step(double r, double n, double p, double x, double y, double w) {
    const double t1 = std::pow(r + 1, n);
    const double t2 = std::pow(r + 1, n - 1);
    const double g = y + t1 * x + p * (t1 - 1) * (r * w + 1) / r;
    const double gp = n * t2 * x - p * (t1 - 1) * (r * w + 1) / (r * r) + n * p * t2 * (r * w + 1) / r +
                      p * (t1 - 1) * w / r;
    return g / gp;
}

}  // namespace detail

ALIGNGRAPH_INLINE double rate(double nper, double pmt, double pv, double fv, When when, const RateOptions& options) {
    const double w = when == When::begin ? 1.0 : 0.0;
    double r = options.guess;
    bool close = false;
    for (int k = 0; k < options.max_iterations && !close; ++k) {
        const double next = r - detail::newton_step(r, nper, pmt, pv, fv, w);
        close = std::abs(next - r) < options.tolerance;
        r = next;
    }
    if (!close || !std::isfinite(r)) return std::numeric_limits<double>::quiet_NaN();
    // Polish: a few more Newton steps while they still improve the residual.
    for (int k = 0; k < 8; ++k) {
        const double next = r - detail::newton_step(r, nper, pmt, pv, fv, w);
        if (!std::isfinite(next) || next == r) break;
        r = next;
    }
    return r;
}

}  // namespace aligngraph
