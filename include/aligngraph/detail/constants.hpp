#pragma once
// Numeric constants the implementation shares. Not public API.

#include <limits>

namespace aligngraph::detail {

inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();
inline constexpr double eps = std::numeric_limits<double>::epsilon();

}  // namespace aligngraph::detail
