#pragma once
// Names of enum values, the named contribution scale and period labels.

#include "aligngraph/model/records.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cmath>

#include "aligngraph/model/horizon.hpp"

namespace aligngraph {

namespace detail {

inline bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

}  // namespace detail

ALIGNGRAPH_INLINE std::string Horizon::label(Period t) const {
    const std::string_view f = first_label;
    // YYYYQn with quarters.
    if (std::abs(period_years - 0.25) < 1e-12 && f.size() == 6 && detail::all_digits(f.substr(0, 4)) && f[4] == 'Q' &&
        f[5] >= '1' && f[5] <= '4') {
        const int q = std::stoi(std::string(f.substr(0, 4))) * 4 + (f[5] - '1') + t;
        return fmt::format("{}Q{}", q / 4, q % 4 + 1);
    }
    // YYYY-MM with months.
    if (std::abs(period_years - 1.0 / 12.0) < 1e-12 && f.size() == 7 && detail::all_digits(f.substr(0, 4)) && f[4] == '-' &&
        detail::all_digits(f.substr(5, 2))) {
        const int month = std::stoi(std::string(f.substr(5, 2)));
        if (month >= 1 && month <= 12) {
            const int m = std::stoi(std::string(f.substr(0, 4))) * 12 + (month - 1) + t;
            return fmt::format("{}-{:02}", m / 12, m % 12 + 1);
        }
    }
    // YYYY with years.
    if (std::abs(period_years - 1.0) < 1e-12 && f.size() == 4 && detail::all_digits(f))
        return fmt::format("{}", std::stoi(std::string(f)) + t);
    return t == 0 ? first_label : fmt::format("{}+{}", first_label, t);
}

}  // namespace aligngraph
