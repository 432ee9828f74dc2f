// Names of enum values, the named contribution scale and period labels.

#include "aligngraph/model/records.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cmath>

#include "aligngraph/model/horizon.hpp"

namespace aligngraph {

namespace {

constexpr std::array<std::string_view, 6> status_names{"proposed", "approved",  "running",
                                                       "completed", "cancelled", "on_hold"};
constexpr std::array<std::string_view, 5> distribution_names{"triangular", "pert", "uniform", "normal", "lognormal"};
constexpr std::array<std::string_view, 3> cost_kind_names{"all", "capex", "opex"};

template <class E, std::size_t N>
std::optional<E> from_name(const std::array<std::string_view, N>& names, std::string_view name) {
    for (std::size_t k = 0; k < N; ++k)
        if (names[k] == name) return static_cast<E>(k);
    return std::nullopt;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

}  // namespace

std::string_view to_string(Status s) { return status_names.at(static_cast<std::size_t>(s)); }
std::string_view to_string(Distribution d) { return distribution_names.at(static_cast<std::size_t>(d)); }
std::string_view to_string(CostKind k) { return cost_kind_names.at(static_cast<std::size_t>(k)); }
std::optional<Status> status_from_string(std::string_view n) { return from_name<Status>(status_names, n); }
std::optional<Distribution> distribution_from_string(std::string_view n) {
    return from_name<Distribution>(distribution_names, n);
}
std::optional<CostKind> cost_kind_from_string(std::string_view n) { return from_name<CostKind>(cost_kind_names, n); }

std::optional<Weight> contribution_strength(const std::string& name) {
    if (name == "none") return 0.0;
    if (name == "weak") return 1.0 / 9.0;
    if (name == "medium") return 3.0 / 9.0;
    if (name == "strong") return 1.0;
    return std::nullopt;
}

std::string Horizon::label(Period t) const {
    const std::string_view f = first_label;
    // YYYYQn with quarters.
    if (std::abs(period_years - 0.25) < 1e-12 && f.size() == 6 && all_digits(f.substr(0, 4)) && f[4] == 'Q' &&
        f[5] >= '1' && f[5] <= '4') {
        const int q = std::stoi(std::string(f.substr(0, 4))) * 4 + (f[5] - '1') + t;
        return fmt::format("{}Q{}", q / 4, q % 4 + 1);
    }
    // YYYY-MM with months.
    if (std::abs(period_years - 1.0 / 12.0) < 1e-12 && f.size() == 7 && all_digits(f.substr(0, 4)) && f[4] == '-' &&
        all_digits(f.substr(5, 2))) {
        const int month = std::stoi(std::string(f.substr(5, 2)));
        if (month >= 1 && month <= 12) {
            const int m = std::stoi(std::string(f.substr(0, 4))) * 12 + (month - 1) + t;
            return fmt::format("{}-{:02}", m / 12, m % 12 + 1);
        }
    }
    // YYYY with years.
    if (std::abs(period_years - 1.0) < 1e-12 && f.size() == 4 && all_digits(f))
        return fmt::format("{}", std::stoi(std::string(f)) + t);
    return t == 0 ? first_label : fmt::format("{}+{}", first_label, t);
}

}  // namespace aligngraph
