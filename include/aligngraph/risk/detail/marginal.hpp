#pragma once
// One uncertain quantity of a three-point estimate (model/records.hpp's Estimate) as a
// quantile function of a uniform draw, or of a standard normal score (the copula's). Not
// public API; the conventions are risk.hpp's and docs/risk.md's.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_RISK_DETAIL_MARGINAL
#endif

#include "aligngraph/export.hpp"
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <bit>
#include <cstdint>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "aligngraph/model/records.hpp"
#include "aligngraph/risk/detail/random.hpp"

namespace aligngraph::detail {

/// A quantile function Q on (0, 1) tabulated for a lookup from the bits of u alone: Q and its
/// slope at nodes spaced evenly within each binary octave of w = u below 1/2 and of w = 1 - u
/// above (1 - u is exact there), 32 per octave from 2^-48 to 1/2; between two nodes the cubic
/// Hermite polynomial with the exact slopes. Accurate to about 1e-9 of Q's range for the
/// smooth quantiles here (PERT's beta, the standard normal; tested); 2^-48 is below every
/// draw (a 32-bit uniform is at least 2^-33, a Latin hypercube's 2^-43).
class OctaveTable {
public:
    static constexpr int cell_bits = 5;                 // 32 cells per octave
    static constexpr int octaves = 47;                  // [2^-48, 2^-1)
    static constexpr int nodes = octaves << cell_bits;  // the last node is w = 1/2
    static constexpr std::size_t side_size = 2 * (nodes + 2);
    static constexpr double smallest = 0x1p-48;

    /// w at node k: 2^(k / 32 - 48) (1 + (k % 32) / 32).
    static double node(int k) { return std::ldexp(1 + (k & ((1 << cell_bits) - 1)) / double(1 << cell_bits), (k >> cell_bits) - 48); }
    /// From Q and w dQ/dw at the nodes, below 1/2 (w = u) then above (w = 1 - u): side_size
    /// each, 2 per node, nodes + 1 nodes and one more repeating the last (so that the cell
    /// after the last is never read past).
    explicit OctaveTable(std::vector<double> sides) : sides_(std::move(sides)) {}

    /// Whether u is in the table's reach: min(u, 1 - u) >= 2^-48 (false for NaN).
    static bool covers(double u) { return std::min(u, 1 - u) >= smallest; }
    /// Q(u), u covered. No branch on the side (a draw is above or below 1/2 at random).
    double operator()(double u) const {
        constexpr int bits = cell_bits;
        static_assert(bits == 5, "the place in the cell is the low 47 bits");
        const double w = std::min(u, 1 - u);
        const std::size_t side = static_cast<std::size_t>(u > 0.5) * side_size;
        const auto word = std::bit_cast<std::uint64_t>(w);
        const int j = static_cast<int>((word >> (52 - bits)) & ((1u << bits) - 1));
        const auto k = static_cast<std::size_t>(((static_cast<int>(word >> 52) - (1023 - 48)) << bits) + j);
        const double t = static_cast<double>(word & ((std::uint64_t{1} << (52 - bits)) - 1)) * 0x1p-47;
        const double* v = sides_.data() + side + 2 * k;  // Q and w Q' at the cell's ends
        // The slope times the cell's width: the width over w is 1 / (32 + j) at the left end
        // and 1 / (33 + j) at the right.
        const double d0 = v[1] * widths[j], d1 = v[3] * widths[j + 1];
        const double t2 = t * t, t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * v[0] + (t3 - 2 * t2 + t) * d0 + (-2 * t3 + 3 * t2) * v[2] + (t3 - t2) * d1;
    }

private:
    static constexpr auto widths = [] {
        std::array<double, (1 << cell_bits) + 1> r{};
        for (std::size_t j = 0; j < r.size(); ++j) r[j] = 1.0 / static_cast<double>((1 << cell_bits) + j);
        return r;
    }();
    std::vector<double> sides_;
};

/// The tables of a PERT shape (alpha, beta), shared by every marginal of that shape in the
/// process: the standard beta quantile by the octaves of u, and, made on first use (the
/// copula's), Q(Phi(z)) at evenly spaced normal scores z.
class ALIGNGRAPH_API PertTables {
public:
    static constexpr int intervals = 1024;  // of the normal scores' table
    static constexpr double reach = 9.0;    // it spans [-reach, reach]

    PertTables(double alpha, double beta);
    const OctaveTable& by_u() const { return by_u_; }
    /// The normal scores' table: Q(Phi(z)) and its slope times the step, at intervals + 1 scores.
    const double* by_normal() const;

private:
    double alpha_, beta_;
    OctaveTable by_u_;
    mutable std::once_flag once_;
    mutable std::vector<double> normal_;
};

/// The shared PERT tables of a shape (Marginal's): computed once per process and shape.
ALIGNGRAPH_API std::shared_ptr<const PertTables> pert_table(double alpha, double beta);

/// The PERT shape (alpha, beta) of an estimate with high > low: Beta-PERT with lambda = 4.
/// The shares of the range first: 4 (mode - low) overflows near the largest double.
inline std::pair<double, double> pert_shape(const Estimate& e) {
    return {1 + 4 * ((e.mode - e.low) / (e.high - e.low)), 1 + 4 * ((e.high - e.mode) / (e.high - e.low))};
}

/// Make the tables of these shapes on `threads` threads (a table takes milliseconds; a model
/// may have a shape per estimate). The tables are the same made anywhere.
ALIGNGRAPH_API void prepare_pert_tables(std::vector<std::pair<double, double>> shapes, int threads);

/// The standard normal quantile by the octaves of u (AS 241 at the nodes): the marginals'
/// quantile of independent normal and lognormal draws. About 1e-9 of the exact (tested).
ALIGNGRAPH_API const OctaveTable& normal_table();

class ALIGNGRAPH_API Marginal {
public:
    Marginal() = default;  // the constant 1
    explicit Marginal(const Estimate& e);

    /// The value whose distribution function is u, u in (0, 1).
    double quantile(double u) const {
        switch (kind_) {
            case Kind::constant: return a_;
            case Kind::uniform: return a_ + (b_ - a_) * u;
            case Kind::triangular: return triangular(u);
            case Kind::normal: return p1_ + p2_ * standard_normal(u);
            case Kind::lognormal: return std::exp(p1_ + p2_ * standard_normal(u));
            case Kind::pert: return a_ + (b_ - a_) * pert_u(u);
        }
        return a_;
    }
    /// The value at the standard normal score z (the quantile of Phi(z)).
    double from_normal(double z) const {
        switch (kind_) {
            case Kind::normal: return p1_ + p2_ * z;
            case Kind::lognormal: return std::exp(p1_ + p2_ * z);
            case Kind::pert: return pert(z);
            default: return quantile(std::clamp(normal_cdf(z), 0x1p-60, 1 - 0x1p-53));
        }
    }
    bool constant() const noexcept { return kind_ == Kind::constant; }
    /// The standard normal quantile as the normal marginals draw it: by the octave table,
    /// AS 241 beyond it.
    static double standard_normal(double u) { return OctaveTable::covers(u) ? normal_table()(u) : normal_quantile(u); }

    /// quantile(u[s]) into out[s] for s < count: the same values, the switch taken once and
    /// the loops without branches where they can be.
    void quantiles(const double* u, double* out, std::size_t count) const {
        switch (kind_) {
            case Kind::constant: std::fill_n(out, count, a_); return;
            case Kind::uniform:
                for (std::size_t s = 0; s < count; ++s) out[s] = a_ + (b_ - a_) * u[s];
                return;
            case Kind::triangular:
                for (std::size_t s = 0; s < count; ++s) out[s] = triangular(u[s]);
                return;
            case Kind::pert:
                for (std::size_t s = 0; s < count; ++s) out[s] = a_ + (b_ - a_) * pert_u(u[s]);
                return;
            case Kind::normal:
                for (std::size_t s = 0; s < count; ++s) out[s] = p1_ + p2_ * standard_normal(u[s]);
                return;
            case Kind::lognormal:
                for (std::size_t s = 0; s < count; ++s) out[s] = std::exp(p1_ + p2_ * standard_normal(u[s]));
                return;
        }
    }
    /// from_normal(z[s]) into out[s] for s < count.
    void from_normals(const double* z, double* out, std::size_t count) const {
        switch (kind_) {
            case Kind::normal:
                for (std::size_t s = 0; s < count; ++s) out[s] = p1_ + p2_ * z[s];
                return;
            case Kind::lognormal:
                for (std::size_t s = 0; s < count; ++s) out[s] = std::exp(p1_ + p2_ * z[s]);
                return;
            case Kind::pert:
                for (std::size_t s = 0; s < count; ++s) out[s] = pert(z[s]);
                return;
            default:
                for (std::size_t s = 0; s < count; ++s) out[s] = from_normal(z[s]);
        }
    }

private:
    enum class Kind { constant, uniform, triangular, pert, normal, lognormal };
    // Below the mode a + sqrt(u (b - a) (c - a)), above b - sqrt((1 - u) (b - a) (b - c)):
    // the side picked by indexing, not by a branch (a draw is below or above at random).
    double triangular(double u) const {
        const bool below = u < p1_;
        const double r = std::sqrt((below ? u : 1 - u) * (b_ - a_) * (below ? c_ - a_ : b_ - c_));
        return below ? a_ + r : b_ - r;
    }
    // The standard beta quantile at u by the table of u's octaves.
    double pert_u(double u) const { return OctaveTable::covers(u) ? pert_->by_u()(u) : pert_z(normal_quantile(u)); }
    double pert(double z) const { return a_ + (b_ - a_) * pert_z(z); }
    // The standard beta quantile at Phi(z) by the normal scores' table.
    double pert_z(double z) const {
        constexpr int intervals = PertTables::intervals;
        constexpr double reach = PertTables::reach;
        const double h = 2 * reach / intervals;
        const double t = (std::clamp(z, -reach, reach) + reach) / h;
        const int k = std::min(static_cast<int>(t), intervals - 1);
        const double s = t - k;
        const double* v = pert_->by_normal() + 2 * k;  // value, derivative x h at k; then at k + 1
        const double s2 = s * s, s3 = s2 * s;
        return (2 * s3 - 3 * s2 + 1) * v[0] + (s3 - 2 * s2 + s) * v[1] + (-2 * s3 + 3 * s2) * v[2] + (s3 - s2) * v[3];
    }
    Kind kind_ = Kind::constant;
    double a_ = 1, c_ = 1, b_ = 1, p1_ = 0, p2_ = 0;
    std::shared_ptr<const PertTables> pert_;
};

}  // namespace aligngraph::detail

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_RISK_DETAIL_MARGINAL
#ifdef ALIGNGRAPH_OUTERMOST_RISK_DETAIL_MARGINAL
#undef ALIGNGRAPH_OUTERMOST_RISK_DETAIL_MARGINAL
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
