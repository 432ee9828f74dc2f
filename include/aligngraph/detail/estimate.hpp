#pragma once
// What makes a three-point estimate (model/records.hpp's Estimate) valid, for validation and
// for risk analysis over plain arrays. Not public API.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "aligngraph/model/records.hpp"
#include "aligngraph/names.hpp"

namespace aligngraph::detail {

// What is wrong with a three-point estimate, "" when it is fine: finite 0 <= low <= mode <= high;
// a normal's mode midway between low and high (its 5th and 95th percentiles), a lognormal's
// the geometric mean of low > 0 and high (its median), each to 0.1%.
inline std::string estimate_problem(const Estimate& e) {
    const auto shown = [&] { return fmt::format("{}(low={}, mode={}, high={})", to_string(e.distribution), e.low, e.mode, e.high); };
    if (!std::isfinite(e.low) || !std::isfinite(e.mode) || !std::isfinite(e.high) || !(e.low <= e.mode && e.mode <= e.high) ||
        e.low < 0)
        return fmt::format("{}, expected finite 0 <= low <= mode <= high", shown());
    if (e.distribution == Distribution::normal) {
        const double mid = (e.low + e.high) / 2;
        if (std::abs(e.mode - mid) > 1e-3 * std::max(e.mode, e.high - e.low))
            return fmt::format("{}: a normal is symmetric, low and high are its 5th and 95th percentiles and mode its mean, "
                               "so mode should be {:.6g}; use pert or triangular for a skewed estimate",
                               shown(), mid);
    }
    if (e.distribution == Distribution::lognormal) {
        if (!(e.low > 0)) return fmt::format("{}: a lognormal needs low > 0", shown());
        const double median = std::sqrt(e.low * e.high);
        if (std::abs(e.mode - median) > 1e-3 * e.mode)
            return fmt::format("{}: low and high are a lognormal's 5th and 95th percentiles and mode its median, their geometric "
                               "mean, so mode should be {:.6g}",
                               shown(), median);
    }
    return {};
}

// A warning for a valid multiplier estimate, "" when there is none: a normal below 0 with
// probability over 0.1% (a negative multiplier turns a cost into income).
inline std::string estimate_warning(const Estimate& e) {
    if (e.distribution != Distribution::normal || !(e.high > e.low)) return {};
    const double sd = (e.high - e.low) / (2 * 1.6448536269514722);
    const double below = 0.5 * std::erfc(e.mode / sd / std::sqrt(2.0));
    if (below <= 1e-3) return {};
    return fmt::format("is below 0 with probability {:.2g}% (normal with mean {} and P5 {}); consider lognormal", 100 * below, e.mode,
                       e.low);
}

}  // namespace aligngraph::detail
