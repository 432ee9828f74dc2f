#pragma once
// The marginals of risk analysis (marginal.hpp): PERT's quantile as tables of Boost.Math's
// beta quantile, interpolated by cubic Hermite polynomials with exact slopes.

#include "aligngraph/risk/detail/marginal.hpp"
#include "aligngraph/detail/workers.hpp"

#include <boost/math/special_functions/beta.hpp>

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>
#include <mutex>
#include <utility>

namespace aligngraph::detail {

// Double precision throughout (Boost's default promotes to long double: ten times slower,
// and the table is interpolated to 1e-8 anyway).
using PertPolicy = boost::math::policies::policy<boost::math::policies::promote_float<false>,
                                                 boost::math::policies::promote_double<false>>;

// The slope of Beta(alpha, beta)'s quantile at the value x: 1 / density (NaN where the
// density vanishes or is not finite).
inline double beta_quantile_slope(double alpha, double beta, double x) {
    const double pdf = x > 0 && x < 1 ? boost::math::ibeta_derivative(alpha, beta, x, PertPolicy()) : 0.0;
    return pdf > 1e-300 && std::isfinite(pdf) ? 1 / pdf : std::nan("");
}

// The octave table of Beta(alpha, beta)'s quantile: Q(w) and w Q'(w) at the nodes. The side
// above 1/2 is 1 - (the side below of Beta(beta, alpha)): Q(1 - w) = 1 - Q_{beta, alpha}(w),
// which keeps the digits of values near 1.
inline std::vector<double> beta_octaves(double alpha, double beta) {
    constexpr int nodes = OctaveTable::nodes;
    std::vector<double> v(2 * OctaveTable::side_size);
    for (int upper = 0; upper < 2; ++upper) {
        const double a = upper ? beta : alpha, b = upper ? alpha : beta;
        double* side = v.data() + upper * OctaveTable::side_size;
        double last_x = 0, last_w = 0, last_slope = 0;  // the node before: Q, w, Q'
        for (int k = 0; k <= nodes; ++k) {
            const double w = OctaveTable::node(k);
            // Boost's inverse at the start of each octave; between, Halley's method on
            // I_x(a, b) = w from the node before's tangent (two steps, where the inverse
            // takes many more), the inverse again if it strays.
            double x = std::nan("");
            if (k % (1 << OctaveTable::cell_bits) != 0 && std::isfinite(last_slope)) {
                x = last_x + last_slope * (w - last_w);
                for (int step = 0; step < 6 && std::isfinite(x); ++step) {
                    if (!(x > last_x && x < 1)) {
                        x = std::nan("");
                        break;
                    }
                    const double f = boost::math::ibeta(a, b, x, PertPolicy()) - w;
                    const double d = boost::math::ibeta_derivative(a, b, x, PertPolicy());
                    if (!(d > 0 && std::isfinite(d))) {
                        x = std::nan("");
                        break;
                    }
                    // The density's slope: d ((a - 1) / x - (b - 1) / (1 - x)).
                    const double d2 = d * ((a - 1) / x - (b - 1) / (1 - x));
                    const double newton = f / d, move = newton / (1 - newton * d2 / (2 * d));
                    x -= move;
                    // Cubic convergence: after a move of 1e-5 the error is far below 1e-15.
                    if (std::abs(move) <= 1e-5 * x) break;
                    if (step == 5) x = std::nan("");
                }
            }
            if (!(x > last_x && x < 1)) x = boost::math::ibeta_inv(a, b, w, PertPolicy());
            const double slope = w * beta_quantile_slope(a, b, x);
            last_x = x, last_w = w, last_slope = slope / w;
            side[2 * k] = upper ? 1 - x : x;
            // Where the density vanishes (x at 0, a > 1, below what doubles resolve), x = C w^(1/a): w Q' = x / a.
            side[2 * k + 1] = (upper ? -1 : 1) * (std::isnan(slope) ? x / a : slope);
        }
        side[2 * (nodes + 1)] = side[2 * nodes];
        side[2 * (nodes + 1) + 1] = side[2 * nodes + 1];
    }
    return v;
}

ALIGNGRAPH_INLINE PertTables::PertTables(double alpha, double beta) : alpha_(alpha), beta_(beta), by_u_(beta_octaves(alpha, beta)) {}

ALIGNGRAPH_INLINE const OctaveTable& normal_table() {
    static const OctaveTable table([] {
        constexpr int nodes = OctaveTable::nodes;
        std::vector<double> v(2 * OctaveTable::side_size);
        double* upper = v.data() + OctaveTable::side_size;
        for (int k = 0; k <= nodes + 1; ++k) {
            const double w = OctaveTable::node(std::min(k, nodes));
            const double x = normal_quantile(w);
            // Q'(w) = 1 / phi(x); the side above is the mirror image: Q(1 - w) = -Q(w).
            const double slope = w / (0.39894228040143267794 * std::exp(-0.5 * x * x));
            v[2 * k] = x;
            v[2 * k + 1] = slope;
            upper[2 * k] = -x;
            upper[2 * k + 1] = -slope;
        }
        return v;
    }());
    return table;
}

ALIGNGRAPH_INLINE const double* PertTables::by_normal() const {
    std::call_once(once_, [this] {
        const double h = 2 * reach / intervals;
        auto& v = normal_;
        v.assign(2 * (intervals + 1), 0.0);
        for (int k = 0; k <= intervals; ++k) {
            const double z = -reach + k * h;
            const double u = normal_cdf(z);
            const double x = u <= 0 ? 0.0 : u >= 1 ? 1.0 : boost::math::ibeta_inv(alpha_, beta_, u, PertPolicy());
            v[2 * k] = x;
            const double phi = 0.39894228040143267794 * std::exp(-0.5 * z * z);
            v[2 * k + 1] = phi * beta_quantile_slope(alpha_, beta_, x) * h;
        }
        // Where the density vanishes (the far tails), the slope from the neighbours.
        for (int k = 0; k <= intervals; ++k)
            if (std::isnan(v[2 * k + 1])) {
                const int lo = std::max(k - 1, 0), hi = std::min(k + 1, intervals);
                v[2 * k + 1] = (v[2 * hi] - v[2 * lo]) / (hi - lo);
            }
    });
    return normal_.data();
}

// One table per shape, shared by every marginal of that shape in the process (a model's
// PERT estimates often share their shape, and repeated simulations their every shape): at
// most 1024 kept (48 KiB each), the cache emptied when full. The values do not depend on it.
ALIGNGRAPH_INLINE std::shared_ptr<const PertTables> pert_table(double alpha, double beta) {
    static std::mutex mutex;
    static std::map<std::pair<double, double>, std::shared_ptr<const PertTables>> tables;
    {
        std::lock_guard lock(mutex);
        if (auto it = tables.find({alpha, beta}); it != tables.end()) return it->second;
    }
    auto t = std::make_shared<const PertTables>(alpha, beta);
    std::lock_guard lock(mutex);
    if (tables.size() >= 1024) tables.clear();
    return tables.emplace(std::pair{alpha, beta}, std::move(t)).first->second;
}

ALIGNGRAPH_INLINE void prepare_pert_tables(std::vector<std::pair<double, double>> shapes, int threads) {
    std::sort(shapes.begin(), shapes.end());
    shapes.erase(std::unique(shapes.begin(), shapes.end()), shapes.end());
    if (shapes.size() < 2 || threads < 2) return;  // made when first needed
    std::atomic<std::size_t> next{0};
    on_threads(std::min<int>(threads, static_cast<int>(shapes.size())), [&](int) {
        for (std::size_t k; (k = next.fetch_add(1)) < shapes.size();) pert_table(shapes[k].first, shapes[k].second);
    });
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
            const auto [alpha, beta] = pert_shape(e);
            p1_ = alpha;
            p2_ = beta;
            pert_ = pert_table(alpha, beta);
            break;
        }
    }
}

}  // namespace aligngraph::detail
