#pragma once
// NPV, IRR, MIRR and payback over one series or many.
//
// IRR. With x = 1/(1+r), NPV(r) = p(x) = sum_t v_t x^t, and the rates r > -1 are the
// x > 0. The half-line x > 0 is mapped onto u in (0, 2): x = u on (0, 1] and
// x = 1/(2-u) on (1, 2), where the polynomial is evaluated in y = 2 - u as
// sum_t v_t y^(d-t) = p(x) / x^d, which has p's sign and never overflows. So
// h(u) is continuous on [0, 2] with h(0) = v_first and h(2) = v_last, and the
// rate of a root is 1/u - 1 for u <= 1 and 1 - u for u > 1.
// Descartes' rule of signs bounds the number of positive roots by the sign changes V
// of the coefficients. With V = 1 there is exactly one, bracketed by [0, 2]. With
// V >= 2 the roots are isolated by the critical points of p (roots of p', found the
// same way, recursively): between two consecutive ones p is monotone, so a sign
// change means exactly one root. Each root is solved by TOMS 748 (Boost.Math), which
// keeps a bracket and cannot diverge.

#include "aligngraph/finance/cashflows.hpp"
#include "aligngraph/detail/constants.hpp"

#include <boost/math/tools/toms748_solve.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <thread>

#include "aligngraph/detail/root_choice.hpp"
#include "aligngraph/detail/workers.hpp"
#include "aligngraph/error.hpp"

namespace aligngraph {

namespace detail {


inline void check_flows(std::span<const double> flows, const char* fn) {
    if (flows.empty()) throw ValidationError(fmt::format("{}(): the cash-flow series is empty", fn));
    for (std::size_t t = 0; t < flows.size(); ++t)
        if (!std::isfinite(flows[t]))
            throw ValidationError(fmt::format("{}(): cash flow in period {} is {}, expected a finite amount", fn, t, flows[t]));
}

inline void check_rate(Rate r, const char* fn, const char* what = "rate") {
    if (!std::isfinite(r) || r <= -1)
        throw ValidationError(fmt::format("{}(): {} {} per period, expected a finite rate > -1 (-100%)", fn, what, r));
}

inline void check_matrix(const SeriesRef& flows, const char* fn) {
    // Row by row over contiguous memory (Eigen's allFinite() walks a row-major matrix
    // column by column, several times slower).
    bool finite = true;
    for (Index i = 0; i < flows.rows() && finite; ++i) finite = flows.row(i).allFinite();
    if (finite) return;
    for (Index i = 0; i < flows.rows(); ++i)
        for (Index t = 0; t < flows.cols(); ++t)
            if (!std::isfinite(flows(i, t)))
                throw ValidationError(
                    fmt::format("{}(): series {} has {} in period {}, expected a finite amount", fn, i, flows(i, t), t));
}

// ---- the IRR solver ----------------------------------------------------------------

/// sum_k c(k) z^k for k = 0..d, as two interleaved Horner chains in z^2 (even and odd
/// powers), which halves the dependency chain of plain Horner.
template <class Coefficient>
inline double horner2(Coefficient c, int d, double z) {
    const double w = z * z;
    double even = 0, odd = 0;
    int je = d / 2;
    int jo = d >= 1 ? (d - 1) / 2 : -1;
    while (je > jo) even = even * w + c(2 * je--);
    for (; jo >= 0; --jo, --je) {
        odd = odd * w + c(2 * jo + 1);
        even = even * w + c(2 * je);
    }
    return even + z * odd;
}

/// h(u) for coefficients a[0..d] (see the file comment).
inline double eval_u(const double* a, int d, double u) {
    if (u <= 1) return horner2([a](int k) { return a[k]; }, d, u);
    return horner2([a, d](int k) { return a[d - k]; }, d, 2 - u);
}

/// The same sum over |a|: the scale against which h(u) is compared with zero.
inline double eval_u_abs(const double* a, int d, double u) {
    if (u <= 1) {
        double s = std::abs(a[d]);
        for (int t = d - 1; t >= 0; --t) s = s * u + std::abs(a[t]);
        return s;
    }
    const double y = 2 - u;
    double s = std::abs(a[0]);
    for (int t = 1; t <= d; ++t) s = s * y + std::abs(a[t]);
    return s;
}

inline int sign_changes(const std::vector<double>& a) {
    int changes = 0;
    int last = 0;
    for (double v : a) {
        const int s = (v > 0) - (v < 0);
        if (s == 0) continue;
        if (last != 0 && s != last) ++changes;
        last = s;
    }
    return changes;
}

/// The smallest k such that a[k..] has at most one sign change.
inline int recursion_depth(const std::vector<double>& a) {
    int changes = 0, last = 0;
    for (int k = static_cast<int>(a.size()) - 1; k >= 0; --k) {
        const int s = (a[k] > 0) - (a[k] < 0);
        if (s == 0) continue;
        if (last != 0 && s != last && ++changes == 2) return k + 1;
        last = s;
    }
    return 0;
}

inline double rate_of(double u) { return u <= 1 ? 1 / u - 1 : 1 - u; }

// Critical points only separate roots: they need not be as exact as the roots themselves.
inline constexpr double critical_point_tolerance = 1e-10;

struct Solver {
    const IrrOptions& options;

    double solve(const std::vector<double>& a, double lo, double hi, double flo, double fhi, double tol) const {
        const int d = static_cast<int>(a.size()) - 1;
        auto f = [&](double u) { return eval_u(a.data(), d, u); };
        auto done = [tol](double x, double y) { return std::abs(x - y) <= tol * std::max(std::abs(x), std::abs(y)); };
        boost::uintmax_t iterations = static_cast<boost::uintmax_t>(std::max(options.max_iterations, 1));
        const auto [x, y] = boost::math::tools::toms748_solve(f, lo, hi, flo, fhi, done, iterations);
        // Of the final bracket, the end where |h| is smaller.
        return std::abs(f(x)) <= std::abs(f(y)) ? x : y;
    }

    /// Every root of h_a in the open interval (lo, hi) of u, ascending, each to relative tolerance `tol`.
    void roots(const std::vector<double>& a, double lo, double hi, double tol, std::vector<double>& out) const {
        const int d = static_cast<int>(a.size()) - 1;
        if (d < 1) return;
        const int changes = sign_changes(a);
        if (changes == 0) return;
        if (changes == 1) {
            // Descartes: exactly one positive root; h(lo) and h(hi) bracket it when it lies inside.
            const double ha = eval_u(a.data(), d, lo), hb = eval_u(a.data(), d, hi);
            if (ha != 0 && hb != 0 && (ha < 0) != (hb < 0)) out.push_back(solve(a, lo, hi, ha, hb, tol));
            return;
        }
        std::vector<double> cuts{lo};
        if (d >= 2) {
            // Critical points: roots of p' (leading zeros divided out, scaled to max 1).
            std::vector<double> der(static_cast<std::size_t>(d));
            for (int t = 0; t < d; ++t) der[t] = (t + 1) * a[t + 1];
            auto first = std::find_if(der.begin(), der.end(), [](double v) { return v != 0; });
            der.erase(der.begin(), first);
            double scale = 0;
            for (double v : der) scale = std::max(scale, std::abs(v));
            for (double& v : der) v /= scale;
            roots(der, lo, hi, std::max(tol, critical_point_tolerance), cuts);
        }
        cuts.push_back(hi);
        for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
            const double ua = cuts[k], ub = cuts[k + 1];
            if (!(ua < ub)) continue;
            const double ha = eval_u(a.data(), d, ua), hb = eval_u(a.data(), d, ub);
            if (k > 0 && std::abs(ha) <= 8 * eps * (d + 1) * eval_u_abs(a.data(), d, ua)) {
                out.push_back(ua);  // a critical point that is a root: a touching (double) root
                continue;
            }
            if (ha == 0 || hb == 0) continue;
            if ((ha < 0) != (hb < 0)) out.push_back(solve(a, ua, ub, ha, hb, tol));
        }
    }
};

/// Sums of the positive and of the negative terms' magnitudes of h_a (or of dh/dz when
/// `derivative`) at z, where z = u on the u <= 1 side and z = 2 - u on the other.
/// Both sums increase with z, which gives bounds of h over an interval.
struct SplitSums {
    double pos = 0, neg = 0;
};

inline SplitSums split_sums(const std::vector<double>& a, bool reversed, bool derivative, double z) {
    const int d = static_cast<int>(a.size()) - 1;
    SplitSums s;
    // Horner over the powers k = d .. 0 of z; coefficient of z^k is a[k] (or a[d-k] reversed).
    for (int k = d; k >= 0; --k) {
        const double c = reversed ? a[d - k] : a[k];
        const double coef = derivative ? c * k : c;
        s.pos *= z;
        s.neg *= z;
        if (derivative && k == 0) continue;
        if (coef > 0) s.pos += coef;
        else s.neg -= coef;
    }
    if (derivative) {  // the loop built sum coef z^k; d/dz lowers each power by one
        s.pos = z > 0 ? s.pos / z : 0;
        s.neg = z > 0 ? s.neg / z : 0;
    }
    return s;
}

/// Whether h_a or its derivative keeps one sign over [u0, u1] (both on one side of u = 1),
/// judged from the split sums with a margin for rounding.
inline int sign_over(const std::vector<double>& a, double u0, double u1, bool derivative) {
    const bool reversed = u0 >= 1;
    const double z0 = reversed ? 2 - u1 : u0, z1 = reversed ? 2 - u0 : u1;
    const auto lo = split_sums(a, reversed, derivative, z0), hi = split_sums(a, reversed, derivative, z1);
    const double margin = 8 * eps * static_cast<double>(a.size()) * (hi.pos + hi.neg);
    if (lo.pos - hi.neg > margin) return 1;
    if (hi.pos - lo.neg < -margin) return -1;
    return 0;
}

/// Roots of h_a on (0, 2) by bisection with exclusion: an interval where h keeps its sign
/// holds no root; one where h is monotone holds at most one, found by TOMS 748. An
/// interval still undecided after `max_depth` halvings is handed to the critical-point
/// recursion, which isolates every root whatever their spacing.
inline void isolate(const Solver& solver, const std::vector<double>& a, double tol, std::vector<double>& out) {
    const int d = static_cast<int>(a.size()) - 1;
    constexpr int max_depth = 24;
    struct Piece {
        double u0, u1;
        int depth;
    };
    std::vector<Piece> stack{{1.0, 2.0, 0}, {0.0, 1.0, 0}};
    if (eval_u(a.data(), d, 1.0) == 0) out.push_back(1.0);
    while (!stack.empty()) {
        const auto [u0, u1, depth] = stack.back();
        stack.pop_back();
        if (sign_over(a, u0, u1, false) != 0) continue;
        if (sign_over(a, u0, u1, true) != 0) {
            const double h0 = eval_u(a.data(), d, u0), h1 = eval_u(a.data(), d, u1);
            if (h0 != 0 && h1 != 0 && (h0 < 0) != (h1 < 0)) out.push_back(solver.solve(a, u0, u1, h0, h1, tol));
            continue;
        }
        if (depth >= max_depth) {
            solver.roots(a, u0, u1, tol, out);
            const double h1 = eval_u(a.data(), d, u1);
            if (h1 == 0 && u1 < 2) out.push_back(u1);
            continue;
        }
        const double mid = 0.5 * (u0 + u1);
        if (eval_u(a.data(), d, mid) == 0) out.push_back(mid);
        stack.push_back({mid, u1, depth + 1});
        stack.push_back({u0, mid, depth + 1});
    }
}

/// The IRR options a search can run under: a tolerance > 0, at least one iteration, a
/// bracket lower < upper with lower >= -1 (each named in the message).
inline void check_irr_options(const IrrOptions& o, const char* fn) {
    if (!(o.tolerance > 0) || !std::isfinite(o.tolerance))
        throw ValidationError(fmt::format("{}(): tolerance {}, expected a finite number > 0", fn, o.tolerance));
    if (o.max_iterations < 1)
        throw ValidationError(fmt::format("{}(): {} iterations, expected at least 1", fn, o.max_iterations));
    if (!(o.lower >= -1) || !(o.upper > o.lower))
        throw ValidationError(fmt::format("{}(): rates between {} and {}, expected -1 <= lower < upper", fn, o.lower, o.upper));
}

inline IrrResult irr_core(std::span<const double> flows, const IrrOptions& options) {
    IrrResult result;
    // Leading zeros multiply p by a power of x and trailing zeros lower its degree:
    // neither changes the positive roots.
    std::size_t first = 0, last = flows.size();
    while (first < last && flows[first] == 0) ++first;
    while (last > first && flows[last - 1] == 0) --last;
    std::vector<double> a(flows.begin() + static_cast<std::ptrdiff_t>(first), flows.begin() + static_cast<std::ptrdiff_t>(last));
    if (sign_changes(a) == 0) {
        result.status = IrrStatus::no_sign_change;
        return result;
    }
    double scale = 0;
    for (double v : a) scale = std::max(scale, std::abs(v));
    for (double& v : a) v /= scale;

    std::vector<double> us;
    // The critical-point recursion goes as deep as the start of the shortest tail with one
    // sign change: cheap when the sign changes sit near the end; otherwise bisect first.
    const Solver solver{options};
    if (recursion_depth(a) <= 6) solver.roots(a, 0.0, 2.0, options.tolerance, us);
    else isolate(solver, a, options.tolerance, us);
    std::sort(us.begin(), us.end());
    std::vector<double> rates;
    for (std::size_t k = 0; k < us.size(); ++k) {
        if (k > 0 && us[k] - us[k - 1] <= 64 * eps * std::max(1.0, us[k])) continue;
        const double r = rate_of(us[k]);
        if (r > options.lower && r < options.upper) rates.push_back(r);
    }
    std::sort(rates.begin(), rates.end());
    result.roots = rates;
    detail::choose_root(result);
    return result;
}

inline double payback_core(const double* v, Index n, Index stride, double r) {
    double cum = 0, prev = 0, discount = 1;
    const double step = std::isnan(r) ? 1.0 : 1.0 / (1.0 + r);
    bool negative = false;
    for (Index t = 0; t < n; ++t) {
        const double f = v[t * stride] * discount;
        prev = cum;
        cum += f;
        discount *= step;
        if (cum < 0) negative = true;
        else if (negative) return static_cast<double>(t - 1) + (-prev) / f;
    }
    return negative ? nan : 0.0;
}

/// Runs body(begin, end) over [0, n) in contiguous chunks on up to `threads` threads.
template <class Body>
inline void parallel_rows(Index n, int threads, Body body) {
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    Index workers = threads > 0 ? threads : static_cast<Index>(hw);
    workers = std::clamp<Index>(workers, 1, std::max<Index>(1, n / 64));
    if (workers == 1) {
        body(0, n);
        return;
    }
    const Index chunk = (n + workers - 1) / workers;
    on_threads(static_cast<int>(workers), [&](int w) {
        const Index b = w * chunk, e = std::min(n, b + chunk);
        if (b < e) body(b, e);
    });
}

}  // namespace detail

ALIGNGRAPH_INLINE Rate period_rate(Rate yearly, double period_years) {
    detail::check_rate(yearly, "period_rate", "yearly rate");
    if (!std::isfinite(period_years) || period_years <= 0)
        throw ValidationError(fmt::format("period_rate(): period length {} years, expected > 0", period_years));
    return std::expm1(period_years * std::log1p(yearly));
}

ALIGNGRAPH_INLINE Rate annual_rate(Rate per_period, double period_years) {
    if (std::isnan(per_period)) return detail::nan;
    detail::check_rate(per_period, "annual_rate");
    if (!std::isfinite(period_years) || period_years <= 0)
        throw ValidationError(fmt::format("annual_rate(): period length {} years, expected > 0", period_years));
    return std::expm1(std::log1p(per_period) / period_years);
}

ALIGNGRAPH_INLINE double npv(Rate r, std::span<const double> flows, NpvConvention convention) {
    detail::check_flows(flows, "npv");
    detail::check_rate(r, "npv");
    double s = 0;
    for (std::size_t t = flows.size(); t-- > 0;) s = s / (1 + r) + flows[t];
    return convention == NpvConvention::excel ? s / (1 + r) : s;
}

ALIGNGRAPH_INLINE Eigen::VectorXd npv(Rate r, const SeriesRef& flows, NpvConvention convention, bool check_finite) {
    if (!(r > -1)) {
        if (check_finite) detail::check_matrix(flows, "npv");
        return Eigen::VectorXd::Constant(flows.rows(), detail::nan);
    }
    const Index P = flows.cols();
    Eigen::RowVectorXd discount(P);
    double d = convention == NpvConvention::excel ? 1 / (1 + r) : 1.0;
    for (Index t = 0; t < P; ++t, d /= (1 + r)) discount(t) = d;
    // One dot product per row over contiguous memory: this streams the matrix once
    // (Eigen's row-major matrix-vector product is several times slower here).
    Eigen::VectorXd out(flows.rows());
    for (Index i = 0; i < flows.rows(); ++i) out(i) = flows.row(i).dot(discount);
    // A non-finite flow makes its row's NPV non-finite: only then look for it.
    if (check_finite && !out.allFinite()) detail::check_matrix(flows, "npv");
    return out;
}

ALIGNGRAPH_INLINE IrrResult irr_roots(std::span<const double> flows, const IrrOptions& options) {
    detail::check_flows(flows, "irr");
    detail::check_irr_options(options, "irr");
    return detail::irr_core(flows, options);
}

ALIGNGRAPH_INLINE Rate irr(std::span<const double> flows, const IrrOptions& options) {
    const auto result = irr_roots(flows, options);
    if (result.status == IrrStatus::no_sign_change) {
        const bool positive = std::any_of(flows.begin(), flows.end(), [](double v) { return v > 0; });
        throw NoSolutionError(fmt::format("irr(): cash flows never change sign ({} flows, all {})", flows.size(),
                                          positive ? ">= 0" : "<= 0"));
    }
    if (result.status == IrrStatus::no_root)
        throw NoSolutionError(fmt::format("irr(): NPV has no root with rate in ({}, {}) ({} flows)", options.lower,
                                          options.upper, flows.size()));
    return result.rate;
}

ALIGNGRAPH_INLINE IrrBatch irr(const SeriesRef& flows, const IrrOptions& options, int threads) {
    detail::check_matrix(flows, "irr");
    detail::check_irr_options(options, "irr");
    const Index n = flows.rows();
    IrrBatch out{Eigen::VectorXd::Constant(n, detail::nan), Eigen::VectorXi::Zero(n)};
    detail::parallel_rows(n, threads, [&](Index b, Index e) {
        for (Index i = b; i < e; ++i) {
            const auto row = flows.row(i);
            const auto result = detail::irr_core(std::span<const double>(row.data(), static_cast<std::size_t>(row.size())), options);
            out.rate(i) = result.rate;
            out.root_count(i) = static_cast<int>(result.roots.size());
        }
    });
    return out;
}

ALIGNGRAPH_INLINE double mirr(std::span<const double> flows, Rate finance_rate, Rate reinvest_rate) {
    detail::check_flows(flows, "mirr");
    detail::check_rate(finance_rate, "mirr", "finance rate");
    detail::check_rate(reinvest_rate, "mirr", "reinvestment rate");
    double pos = 0, neg = 0, d_fin = 1, d_re = 1;
    bool has_pos = false, has_neg = false;
    for (double v : flows) {
        if (v > 0) {
            pos += v * d_re;
            has_pos = true;
        } else if (v < 0) {
            neg += v * d_fin;
            has_neg = true;
        }
        d_fin /= 1 + finance_rate;
        d_re /= 1 + reinvest_rate;
    }
    if (!has_pos || !has_neg) return detail::nan;
    const double n = static_cast<double>(flows.size());
    return std::pow(std::abs(pos) / std::abs(neg), 1 / (n - 1)) * (1 + reinvest_rate) - 1;
}

ALIGNGRAPH_INLINE Eigen::VectorXd mirr(const SeriesRef& flows, Rate finance_rate, Rate reinvest_rate) {
    detail::check_matrix(flows, "mirr");
    Eigen::VectorXd out(flows.rows());
    for (Index i = 0; i < flows.rows(); ++i) {
        const auto row = flows.row(i);
        out(i) = mirr(std::span<const double>(row.data(), static_cast<std::size_t>(row.size())), finance_rate, reinvest_rate);
    }
    return out;
}

ALIGNGRAPH_INLINE double payback(std::span<const double> flows) {
    detail::check_flows(flows, "payback");
    return detail::payback_core(flows.data(), static_cast<Index>(flows.size()), 1, detail::nan);
}

ALIGNGRAPH_INLINE double discounted_payback(std::span<const double> flows, Rate r) {
    detail::check_flows(flows, "discounted_payback");
    detail::check_rate(r, "discounted_payback");
    return detail::payback_core(flows.data(), static_cast<Index>(flows.size()), 1, r);
}

ALIGNGRAPH_INLINE Eigen::VectorXd payback(const SeriesRef& flows, Rate r) {
    detail::check_matrix(flows, "payback");
    if (!std::isnan(r)) detail::check_rate(r, "payback");
    Eigen::VectorXd out(flows.rows());
    for (Index i = 0; i < flows.rows(); ++i) out(i) = detail::payback_core(flows.row(i).data(), flows.cols(), 1, r);
    return out;
}

}  // namespace aligngraph
