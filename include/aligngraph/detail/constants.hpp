#pragma once
// Numeric constants the implementation shares. Not public API.

#include <limits>

namespace aligngraph::detail {

inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();
inline constexpr double eps = std::numeric_limits<double>::epsilon();

/// The most periods anything is planned over: the longest horizon, duration, start and drawn
/// delay the schedule and the simulation take. A time-indexed schedule lays out every period,
/// so a longer one would cost memory before any check of the caller's could refuse it.
inline constexpr int max_periods = 1'000'000;

}  // namespace aligngraph::detail
