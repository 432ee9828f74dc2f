#pragma once
// One uncertain quantity of a three-point estimate (model/records.hpp's Estimate) as a
// quantile function of a uniform draw, or of a standard normal score (the copula's). Not
// public API; the conventions are risk.hpp's and docs/risk.md's.

#include "aligngraph/export.hpp"
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <memory>
#include <vector>

#include "aligngraph/model/records.hpp"
#include "aligngraph/risk/detail/random.hpp"

namespace aligngraph::detail {

/// The shared PERT table of a shape (Marginal's): computed once per process and shape.
ALIGNGRAPH_API std::shared_ptr<const std::vector<double>> pert_table(double alpha, double beta);

class ALIGNGRAPH_API Marginal {
public:
    Marginal() = default;  // the constant 1
    explicit Marginal(const Estimate& e);

    /// The value whose distribution function is u, u in (0, 1).
    double quantile(double u) const {
        switch (kind_) {
            case Kind::constant: return a_;
            case Kind::uniform: return a_ + (b_ - a_) * u;
            case Kind::triangular:
                return u < p1_ ? a_ + std::sqrt(u * (b_ - a_) * (c_ - a_)) : b_ - std::sqrt((1 - u) * (b_ - a_) * (b_ - c_));
            case Kind::normal: return p1_ + p2_ * normal_quantile(u);
            case Kind::lognormal: return std::exp(p1_ + p2_ * normal_quantile(u));
            case Kind::pert: return from_normal(normal_quantile(u));
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

    /// quantile(u[s]) into out[s] for s < count: the same values, the switch taken once and
    /// the loops without branches where they can be.
    void quantiles(const double* u, double* out, std::size_t count) const {
        switch (kind_) {
            case Kind::constant: std::fill_n(out, count, a_); return;
            case Kind::uniform:
                for (std::size_t s = 0; s < count; ++s) out[s] = a_ + (b_ - a_) * u[s];
                return;
            case Kind::triangular: {
                for (std::size_t s = 0; s < count; ++s) {
                    const bool below = u[s] < p1_;
                    const double r = std::sqrt(below ? u[s] * (b_ - a_) * (c_ - a_) : (1 - u[s]) * (b_ - a_) * (b_ - c_));
                    out[s] = below ? a_ + r : b_ - r;
                }
                return;
            }
            default:
                normal_quantiles(u, out, count);
                from_normals(out, out, count);
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

    /// The PERT table: the standard beta quantile (on [0, 1]) and its slope on a uniform grid
    /// of normal scores over [-reach, reach]; one per shape (alpha, beta), shared.
    static constexpr int intervals = 1024;
    static constexpr double reach = 9.0;

private:
    enum class Kind { constant, uniform, triangular, pert, normal, lognormal };
    double pert(double z) const {
        const double h = 2 * reach / intervals;
        const double t = (std::clamp(z, -reach, reach) + reach) / h;
        const int k = std::min(static_cast<int>(t), intervals - 1);
        const double s = t - k;
        const double* v = table_->data() + 2 * k;  // value, derivative x h at k; then at k + 1
        const double s2 = s * s, s3 = s2 * s;
        const double x = (2 * s3 - 3 * s2 + 1) * v[0] + (s3 - 2 * s2 + s) * v[1] + (-2 * s3 + 3 * s2) * v[2] + (s3 - s2) * v[3];
        return a_ + (b_ - a_) * x;
    }
    Kind kind_ = Kind::constant;
    double a_ = 1, c_ = 1, b_ = 1, p1_ = 0, p2_ = 0;
    std::shared_ptr<const std::vector<double>> table_;
};

}  // namespace aligngraph::detail

#ifdef ALIGNGRAPH_HEADER_ONLY
#include "aligngraph/risk/detail/marginal-inl.hpp"
#endif
