#pragma once
// AHP: eigenvector and geometric-mean weights, consistency, optimal completion, aggregation.

#include "aligngraph/weights/ahp.hpp"
#include "aligngraph/detail/constants.hpp"
#include "aligngraph/detail/pairwise.hpp"

#include <boost/math/tools/minima.hpp>

#include <fmt/format.h>

#include <array>
#include <functional>
#include <iterator>
#include <cmath>
#include <map>
#include <numeric>

#include "aligngraph/error.hpp"

namespace aligngraph {

namespace detail {


/// Principal eigenvector (sum 1) and eigenvalue of a positive matrix, by power iteration.
inline std::pair<Eigen::VectorXd, double> principal_eigen(const Eigen::MatrixXd& a) {
    const Index n = a.rows();
    Eigen::VectorXd w = Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n));
    double lambda = 0;
    for (int k = 0; k < 100000; ++k) {
        const Eigen::VectorXd v = a * w;
        lambda = v.sum();
        const Eigen::VectorXd next = v / lambda;
        const double change = (next - w).cwiseAbs().maxCoeff();
        w = next;
        if (change <= 1e-16) break;
    }
    return {w, lambda};
}

inline const std::map<Index, double>& random_index_table(RandomIndex t) {
    static const std::map<Index, double> dd{
        {3, 0.4914},  {4, 0.8286},  {5, 1.0591},  {6, 1.1797},  {7, 1.2519},  {8, 1.3171},  {9, 1.3733},
        {10, 1.4055}, {11, 1.4213}, {12, 1.4497}, {13, 1.4643}, {14, 1.4822}, {15, 1.4969}, {16, 1.5078},
        {17, 1.5153}, {18, 1.5262}, {19, 1.5313}, {20, 1.5371}, {25, 1.5619}, {30, 1.5772}, {40, 1.5976},
        {50, 1.6102}, {60, 1.6178}, {70, 1.6237}, {80, 1.6277}, {90, 1.6213}, {100, 1.6339}};
    static const std::map<Index, double> s2005{{3, 0.52},  {4, 0.89},  {5, 1.11},  {6, 1.25},  {7, 1.35},
                                               {8, 1.40},  {9, 1.45},  {10, 1.49}, {11, 1.52}, {12, 1.54},
                                               {13, 1.56}, {14, 1.58}, {15, 1.59}};
    static const std::map<Index, double> s1980{{3, 0.58}, {4, 0.90}, {5, 1.12}, {6, 1.24},
                                               {7, 1.32}, {8, 1.41}, {9, 1.45}, {10, 1.49}};
    switch (t) {
        case RandomIndex::saaty_2005: return s2005;
        case RandomIndex::saaty_1980: return s1980;
        case RandomIndex::donegan_dodd_1991: break;
    }
    return dd;
}

inline const char* random_index_table_name(RandomIndex t) {
    switch (t) {
        case RandomIndex::saaty_2005: return "Saaty 2005";
        case RandomIndex::saaty_1980: return "Saaty 1980";
        case RandomIndex::donegan_dodd_1991: break;
    }
    return "Donegan-Dodd 1991";
}

}  // namespace detail

ALIGNGRAPH_INLINE double random_index(RandomIndex t, Index n) {
    if (n <= 2) return 0.0;
    const auto& values = detail::random_index_table(t);
    if (auto it = values.find(n); it != values.end()) return it->second;
    auto hi = values.upper_bound(n);
    if (t == RandomIndex::donegan_dodd_1991 && hi != values.end() && hi != values.begin()) {
        auto lo = std::prev(hi);
        const double f = static_cast<double>(n - lo->first) / static_cast<double>(hi->first - lo->first);
        return lo->second + f * (hi->second - lo->second);
    }
    throw ValidationError(fmt::format("random_index(): the {} table has no value for n = {} (it covers {} to {})",
                                      detail::random_index_table_name(t), n, values.begin()->first, values.rbegin()->first));
}

static_assert(AhpOptions{}.reciprocal_tolerance == detail::model_reciprocal_tolerance,
              "a model's judgments are checked with ahp()'s default tolerance");

ALIGNGRAPH_INLINE AhpResult ahp(const Eigen::MatrixXd& m, const AhpOptions& o) {
    const Index n = m.rows();
    if (auto why = detail::pairwise_problem(m, o.reciprocal_tolerance); !why.empty()) throw ValidationError("ahp(): " + why);
    AhpResult r;
    Eigen::MatrixXd a = m;
    std::vector<std::pair<Index, Index>> missing;
    for (Index i = 0; i < n; ++i) {
        a(i, i) = 1;
        for (Index j = i + 1; j < n; ++j) {
            double& x = a(i, j);
            double& y = a(j, i);
            if (std::isnan(x) && std::isnan(y)) {
                missing.emplace_back(i, j);
                continue;
            }
            if (std::isnan(x)) x = 1 / y;
            if (std::isnan(y)) y = 1 / x;
            const double lo = 1.0 / 9.0 - 1e-12, hi = 9.0 + 1e-12;
            if (x < lo || x > hi) {
                auto msg = fmt::format("judgment a({}, {}) = {} is outside Saaty's scale 1/9..9", i, j, x);
                if (o.strict) throw ValidationError("ahp(): " + msg);
                r.warnings.push_back(msg);
            }
        }
    }
    if (!missing.empty()) {
        // Start from the geometric-mean completion, then minimise lambda_max one missing pair at a time.
        for (auto [i, j] : missing) {
            a(i, j) = 1;
            a(j, i) = 1;
        }
        double best = detail::principal_eigen(a).second;
        for (int sweep = 0; sweep < 200; ++sweep) {
            const double before = best;
            for (const auto& pair : missing) {
                const auto i = pair.first, j = pair.second;  // plain names: clang before 16 cannot capture a structured binding in a lambda
                auto f = [&](double log_x) {
                    a(i, j) = std::exp(log_x);
                    a(j, i) = std::exp(-log_x);
                    return detail::principal_eigen(a).second;
                };
                boost::uintmax_t iterations = 200;
                const auto [x, value] = boost::math::tools::brent_find_minima(f, -std::log(1e4), std::log(1e4), 52, iterations);
                a(i, j) = std::exp(x);
                a(j, i) = std::exp(-x);
                best = value;
            }
            if (before - best <= 1e-15 * best) break;
        }
    }
    r.completed = a;
    const auto [w_eigen, lambda] = detail::principal_eigen(a);
    r.lambda_max = lambda;
    if (o.method == AhpMethod::eigenvector) {
        r.weights = w_eigen;
    } else {
        Eigen::VectorXd g(n);
        for (Index i = 0; i < n; ++i) g(i) = std::exp(a.row(i).array().log().mean());
        r.weights = g / g.sum();
    }
    if (n > 2) {
        r.ci = std::max(0.0, (lambda - static_cast<double>(n)) / static_cast<double>(n - 1));
        r.random_index = random_index(o.random_index, n);
        r.cr = r.ci / r.random_index;
        for (Index i = 0; i < n; ++i)
            for (Index j = i + 1; j < n; ++j) {
                const double consistent = r.weights(i) / r.weights(j);
                const double dev = std::abs(std::log(a(i, j) / consistent));
                if (dev > r.worst_judgment.deviation || r.worst_judgment.row < 0)
                    r.worst_judgment = {i, j, a(i, j), consistent, dev};
            }
        if (r.cr > o.cr_threshold)
            r.warnings.push_back(fmt::format(
                "consistency ratio {:.4f} exceeds {} ({} random index); the most inconsistent judgment is a({}, {}) = "
                "{:.4g}, a value of {:.4g} would agree with the weights",
                r.cr, o.cr_threshold, detail::random_index_table_name(o.random_index), r.worst_judgment.row, r.worst_judgment.col,
                r.worst_judgment.value, r.worst_judgment.consistent_value));
    }
    return r;
}

ALIGNGRAPH_INLINE Eigen::MatrixXd aggregate_judgments(const std::vector<Eigen::MatrixXd>& matrices) {
    if (matrices.empty()) throw ValidationError("aggregate_judgments(): no matrices");
    const Index n = matrices.front().rows();
    for (std::size_t k = 0; k < matrices.size(); ++k)
        if (matrices[k].rows() != n || matrices[k].cols() != n)
            throw ValidationError(fmt::format("aggregate_judgments(): matrix {} is {} x {}, expected {} x {}", k,
                                              matrices[k].rows(), matrices[k].cols(), n, n));
    Eigen::MatrixXd out(n, n);
    for (Index i = 0; i < n; ++i)
        for (Index j = 0; j < n; ++j) {
            double log_sum = 0;
            int count = 0;
            for (const auto& m : matrices) {
                if (std::isnan(m(i, j))) continue;
                if (!(m(i, j) > 0) || !std::isfinite(m(i, j)))
                    throw ValidationError(fmt::format("aggregate_judgments(): a({}, {}) = {}, expected a finite judgment > 0",
                                                      i, j, m(i, j)));
                log_sum += std::log(m(i, j));
                ++count;
            }
            out(i, j) = count ? std::exp(log_sum / count) : detail::nan;
        }
    return out;
}

}  // namespace aligngraph
