#pragma once
// One uncertain quantity of a three-point estimate (model/records.hpp's Estimate) as a
// quantile function of a uniform draw, or of a standard normal score (the copula's). Not
// public API; the conventions are risk.hpp's and docs/risk.md's.

#include "aligngraph/export.hpp"
#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "aligngraph/model/records.hpp"
#include "aligngraph/risk/detail/random.hpp"

namespace aligngraph::detail {

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

    /// The PERT table: values on a uniform grid of normal scores over [-reach, reach].
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
        return (2 * s3 - 3 * s2 + 1) * v[0] + (s3 - 2 * s2 + s) * v[1] + (-2 * s3 + 3 * s2) * v[2] + (s3 - s2) * v[3];
    }
    Kind kind_ = Kind::constant;
    double a_ = 1, c_ = 1, b_ = 1, p1_ = 0, p2_ = 0;
    std::shared_ptr<const std::vector<double>> table_;
};

}  // namespace aligngraph::detail

#ifdef ALIGNGRAPH_HEADER_ONLY
#include "aligngraph/risk/detail/marginal-inl.hpp"
#endif
