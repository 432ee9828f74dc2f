#pragma once
// XNPV and XIRR. The root search is the IRR's (cashflows-inl.hpp) with real exponents:
// g(x) = sum_i v_i x^(tau_i), x = 1/(1+r), tau_i = (d_i - d_0)/365, on u in (0, 2)
// with x = u (u <= 1) and x = 1/(2-u) (u > 1, evaluated as sum v_i y^(tau_max - tau_i)).
// Roots are isolated by those of x g'(x) = sum tau_i v_i x^(tau_i), which has no more
// sign changes than g (its first term vanishes) and the same roots as g' for x > 0.

#include "aligngraph/finance/dated.hpp"
#include "aligngraph/finance/cashflows-inl.hpp"  // detail::check_irr_options
#include "aligngraph/detail/constants.hpp"

#include <boost/math/tools/toms748_solve.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "aligngraph/detail/root_choice.hpp"
#include "aligngraph/error.hpp"

namespace aligngraph {

namespace detail {


struct DatedTerm {
    double v;
    double tau;
};

inline void check_dated_flows(std::span<const double> flows, std::span<const std::int64_t> days, const char* fn) {
    if (flows.empty()) throw ValidationError(fmt::format("{}(): the cash-flow series is empty", fn));
    if (flows.size() != days.size())
        throw ValidationError(fmt::format("{}(): {} flows but {} dates", fn, flows.size(), days.size()));
    // Days since 1970: within a million years either side (numpy's NaT is the smallest int64).
    constexpr std::int64_t max_days = 365'250'000;
    for (std::size_t i = 0; i < flows.size(); ++i) {
        if (!std::isfinite(flows[i]))
            throw ValidationError(fmt::format("{}(): cash flow {} is {}, expected a finite amount", fn, i, flows[i]));
        if (days[i] < -max_days || days[i] > max_days)
            throw ValidationError(fmt::format("{}(): date {} is day {}, not a date (NaT, or past a million years)", fn, i, days[i]));
        if (i > 0 && days[i] < days[i - 1])
            throw ValidationError(fmt::format("{}(): dates out of order: flow {} (day {}) comes before flow {} (day {})",
                                              fn, i, days[i], i - 1, days[i - 1]));
    }
}

inline double eval_u(const std::vector<DatedTerm>& terms, double u) {
    double s = 0;
    if (u <= 1) {
        for (const auto& t : terms) s += t.v * std::pow(u, t.tau);
    } else {
        const double y = 2 - u, top = terms.back().tau;
        for (const auto& t : terms) s += t.v * std::pow(y, top - t.tau);
    }
    return s;
}

inline int sign_changes(const std::vector<DatedTerm>& terms) {
    int changes = 0, last = 0;
    for (const auto& t : terms) {
        const int s = (t.v > 0) - (t.v < 0);
        if (s == 0) continue;
        if (last != 0 && s != last) ++changes;
        last = s;
    }
    return changes;
}

inline void dated_roots(const std::vector<DatedTerm>& terms, const IrrOptions& o, std::vector<double>& out) {
    const int changes = sign_changes(terms);
    if (changes == 0 || terms.size() < 2) return;
    std::vector<double> cuts{0.0};
    if (changes >= 2) {
        std::vector<DatedTerm> der;
        double scale = 0;
        for (const auto& t : terms)
            if (t.tau * t.v != 0) {
                der.push_back({t.tau * t.v, t.tau});
                scale = std::max(scale, std::abs(t.tau * t.v));
            }
        // Divide by x^(smallest exponent): same roots for x > 0, and h(0) is the first term.
        const double shift = der.empty() ? 0.0 : der.front().tau;
        for (auto& t : der) {
            t.v /= scale;
            t.tau -= shift;
        }
        std::vector<double> crit;
        dated_roots(der, o, crit);
        cuts.insert(cuts.end(), crit.begin(), crit.end());
    }
    cuts.push_back(2.0);
    auto f = [&](double u) { return eval_u(terms, u); };
    const double tol = o.tolerance;
    auto done = [tol](double a, double b) { return std::abs(a - b) <= tol * std::max(std::abs(a), std::abs(b)); };
    double scale = 0;
    for (const auto& t : terms) scale += std::abs(t.v);
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        const double a = cuts[k], b = cuts[k + 1];
        if (!(a < b)) continue;
        const double fa = f(a), fb = f(b);
        if (k > 0 && std::abs(fa) <= 8 * eps * static_cast<double>(terms.size()) * scale) {
            out.push_back(a);
            continue;
        }
        if (fa == 0 || fb == 0 || (fa < 0) == (fb < 0)) continue;
        boost::uintmax_t iterations = static_cast<boost::uintmax_t>(std::max(o.max_iterations, 1));
        const auto [x, y] = boost::math::tools::toms748_solve(f, a, b, fa, fb, done, iterations);
        out.push_back(std::abs(f(x)) <= std::abs(f(y)) ? x : y);
    }
}

}  // namespace detail

ALIGNGRAPH_INLINE double xnpv(Rate r, std::span<const double> flows, std::span<const std::int64_t> days) {
    detail::check_dated_flows(flows, days, "xnpv");
    if (!std::isfinite(r) || r <= -1)
        throw ValidationError(fmt::format("xnpv(): rate {} per year, expected a finite rate > -1 (-100%)", r));
    double s = 0;
    for (std::size_t i = 0; i < flows.size(); ++i)
        s += flows[i] / std::pow(1 + r, static_cast<double>(days[i] - days[0]) / 365.0);
    return s;
}

ALIGNGRAPH_INLINE IrrResult xirr_roots(std::span<const double> flows, std::span<const std::int64_t> days, const IrrOptions& options) {
    detail::check_dated_flows(flows, days, "xirr");
    detail::check_irr_options(options, "xirr");
    std::vector<detail::DatedTerm> terms;
    double scale = 0;
    for (std::size_t i = 0; i < flows.size(); ++i) {
        const double tau = static_cast<double>(days[i] - days[0]) / 365.0;
        if (!terms.empty() && terms.back().tau == tau) terms.back().v += flows[i];  // same date: one flow
        else terms.push_back({flows[i], tau});
    }
    // Zero flows at the ends change nothing; they would only widen the exponents.
    while (!terms.empty() && terms.back().v == 0) terms.pop_back();
    while (!terms.empty() && terms.front().v == 0) terms.erase(terms.begin());
    IrrResult result;
    if (detail::sign_changes(terms) == 0) {
        result.status = IrrStatus::no_sign_change;
        return result;
    }
    const double shift = terms.front().tau;
    for (auto& t : terms) {
        t.tau -= shift;
        scale = std::max(scale, std::abs(t.v));
    }
    for (auto& t : terms) t.v /= scale;
    std::vector<double> us;
    detail::dated_roots(terms, options, us);
    std::sort(us.begin(), us.end());
    for (std::size_t k = 0; k < us.size(); ++k) {
        if (k > 0 && us[k] - us[k - 1] <= 64 * detail::eps * std::max(1.0, us[k])) continue;
        const double r = us[k] <= 1 ? 1 / us[k] - 1 : 1 - us[k];
        if (r > options.lower && r < options.upper) result.roots.push_back(r);
    }
    std::sort(result.roots.begin(), result.roots.end());
    detail::choose_root(result);
    return result;
}

ALIGNGRAPH_INLINE Rate xirr(std::span<const double> flows, std::span<const std::int64_t> days, const IrrOptions& options) {
    const auto result = xirr_roots(flows, days, options);
    if (result.status == IrrStatus::no_sign_change) {
        const bool positive = std::any_of(flows.begin(), flows.end(), [](double v) { return v > 0; });
        throw NoSolutionError(fmt::format("xirr(): cash flows never change sign ({} flows, all {})", flows.size(),
                                          positive ? ">= 0" : "<= 0"));
    }
    if (result.status == IrrStatus::no_root)
        throw NoSolutionError(fmt::format("xirr(): XNPV has no root with rate in ({}, {})", options.lower, options.upper));
    return result.rate;
}

}  // namespace aligngraph
