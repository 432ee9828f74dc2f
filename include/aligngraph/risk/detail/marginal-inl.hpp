#pragma once
// The marginals of risk analysis (marginal.hpp): PERT's quantile as a table of Boost.Math's
// beta quantile, interpolated by cubic Hermite polynomials with exact slopes.

#include "aligngraph/risk/detail/marginal.hpp"

#include <boost/math/special_functions/beta.hpp>

#include <map>
#include <mutex>
#include <utility>

namespace aligngraph::detail {

// Double precision throughout (Boost's default promotes to long double: ten times slower,
// and the table is interpolated to 1e-8 anyway).
using PertPolicy = boost::math::policies::policy<boost::math::policies::promote_float<false>,
                                                 boost::math::policies::promote_double<false>>;

inline std::shared_ptr<const std::vector<double>> make_pert_table(double alpha, double beta) {
    constexpr int intervals = Marginal::intervals;
    constexpr double reach = Marginal::reach;
    const double h = 2 * reach / intervals;
    auto t = std::make_shared<std::vector<double>>(2 * (intervals + 1));
    auto& v = *t;
    for (int k = 0; k <= intervals; ++k) {
        const double z = -reach + k * h;
        const double u = normal_cdf(z);
        const double x = u <= 0 ? 0.0 : u >= 1 ? 1.0 : boost::math::ibeta_inv(alpha, beta, u, PertPolicy());
        v[2 * k] = x;
        const double pdf = x > 0 && x < 1 ? boost::math::ibeta_derivative(alpha, beta, x, PertPolicy()) : 0.0;
        const double phi = 0.39894228040143267794 * std::exp(-0.5 * z * z);
        v[2 * k + 1] = pdf > 1e-300 && std::isfinite(pdf) ? phi / pdf * h : std::nan("");
    }
    // Where the density vanishes (the far tails), the slope from the neighbours.
    for (int k = 0; k <= intervals; ++k)
        if (std::isnan(v[2 * k + 1])) {
            const int lo = std::max(k - 1, 0), hi = std::min(k + 1, intervals);
            v[2 * k + 1] = (v[2 * hi] - v[2 * lo]) / (hi - lo);
        }
    return t;
}

// One table per shape, shared by every marginal of that shape in the process (a model's
// PERT estimates often share their shape, and repeated simulations their every shape): at
// most 4096 kept (16 KiB each), the cache emptied when full. The values do not depend on it.
ALIGNGRAPH_INLINE std::shared_ptr<const std::vector<double>> pert_table(double alpha, double beta) {
    static std::mutex mutex;
    static std::map<std::pair<double, double>, std::shared_ptr<const std::vector<double>>> tables;
    {
        std::lock_guard lock(mutex);
        if (auto it = tables.find({alpha, beta}); it != tables.end()) return it->second;
    }
    auto t = make_pert_table(alpha, beta);
    std::lock_guard lock(mutex);
    if (tables.size() >= 4096) tables.clear();
    return tables.emplace(std::pair{alpha, beta}, std::move(t)).first->second;
}

ALIGNGRAPH_INLINE Marginal::Marginal(const Estimate& e) : a_(e.low), c_(e.mode), b_(e.high) {
    if (!(e.high > e.low)) {
        kind_ = Kind::constant;
        a_ = e.mode;
        return;
    }
    switch (e.distribution) {
        case Distribution::uniform: kind_ = Kind::uniform; break;
        case Distribution::triangular:
            kind_ = Kind::triangular;
            p1_ = (c_ - a_) / (b_ - a_);
            break;
        case Distribution::normal:
            kind_ = Kind::normal;
            p1_ = (a_ + b_) / 2;
            p2_ = (b_ - a_) / (2 * z95);
            break;
        case Distribution::lognormal:
            kind_ = Kind::lognormal;
            p1_ = 0.5 * (std::log(a_) + std::log(b_));
            p2_ = (std::log(b_) - std::log(a_)) / (2 * z95);
            break;
        case Distribution::pert: {
            // Beta-PERT with lambda = 4: low + (high - low) Beta(alpha, beta).
            kind_ = Kind::pert;
            const double alpha = 1 + 4 * (c_ - a_) / (b_ - a_), beta = 1 + 4 * (b_ - c_) / (b_ - a_);
            p1_ = alpha;
            p2_ = beta;
            table_ = pert_table(alpha, beta);
            break;
        }
    }
}

}  // namespace aligngraph::detail
