#pragma once
// What makes a matrix of pairwise judgments usable: shared by the model's validation (a
// model check, which computes no weights) and by ahp() (the analysis). Not public API.

#include <Eigen/Core>
#include <fmt/format.h>

#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "aligngraph/types.hpp"

namespace aligngraph::detail {

/// How far from 1 the product of a(i, j) and a(j, i) may be in a model's judgments (the
/// default of AhpOptions::reciprocal_tolerance, which ahp() checks against it).
inline constexpr double model_reciprocal_tolerance = 1e-9;

/// Judgments compared by ahp() are at most this many elements.
inline constexpr Index max_pairwise_elements = 100;

/// Why `m` (NaN where a judgment is missing) cannot give weights, or "" when it can: not a
/// non-empty square matrix of at most 100 elements, not 1 on the diagonal, a judgment that is
/// not finite and > 0, a pair not reciprocal within `reciprocal_tolerance`, or missing
/// judgments that leave an element unconnected to the others.
inline std::string pairwise_problem(const Eigen::MatrixXd& m, double reciprocal_tolerance) {
    const Index n = m.rows();
    if (n == 0 || m.cols() != n) return fmt::format("the matrix is {} x {}, expected a non-empty square matrix", m.rows(), m.cols());
    if (n > max_pairwise_elements) return fmt::format("{} elements, at most {} are supported", n, max_pairwise_elements);
    bool any_missing = false;
    for (Index i = 0; i < n; ++i) {
        if (!std::isnan(m(i, i)) && m(i, i) != 1) return fmt::format("a({}, {}) = {}, expected 1 on the diagonal", i, i, m(i, i));
        for (Index j = i + 1; j < n; ++j) {
            double x = m(i, j), y = m(j, i);
            for (auto [v, ii, jj] : {std::tuple{x, i, j}, std::tuple{y, j, i}})
                if (!std::isnan(v) && !(std::isfinite(v) && v > 0))
                    return fmt::format("a({}, {}) = {}, expected a finite judgment > 0", ii, jj, v);
            if (std::isnan(x) && std::isnan(y)) {
                any_missing = true;
                continue;
            }
            if (std::isnan(x)) x = 1 / y;
            if (std::isnan(y)) y = 1 / x;
            if (std::abs(x * y - 1) > reciprocal_tolerance)
                return fmt::format("a({}, {}) = {} and a({}, {}) = {} are not reciprocal (product {}, expected 1)", i, j, x, j, i,
                                   y, x * y);
        }
    }
    if (any_missing) {
        // Every element must be linked to the others through known judgments.
        std::vector<Index> parent(static_cast<std::size_t>(n));
        std::iota(parent.begin(), parent.end(), 0);
        auto find = [&](Index x) {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        };
        for (Index i = 0; i < n; ++i)
            for (Index j = i + 1; j < n; ++j)
                if (!std::isnan(m(i, j)) || !std::isnan(m(j, i))) parent[find(i)] = find(j);
        for (Index i = 1; i < n; ++i)
            if (find(i) != find(0))
                return fmt::format("element {} is not compared with element 0, directly or through others; weights are undetermined", i);
    }
    return {};
}

}  // namespace aligngraph::detail
