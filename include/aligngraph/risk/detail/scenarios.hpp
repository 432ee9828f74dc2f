#pragma once
// What robust selection (robust.hpp, chance.hpp) draws its scenarios from: a scenario's
// costs per budget row, and the Wilson interval of a sampled probability. Not public API.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_RISK_DETAIL_SCENARIOS
#endif

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <utility>

#include "aligngraph/selection/knapsack.hpp"
#include "aligngraph/types.hpp"

namespace aligngraph::detail {

// The scenario's costs: each initiative's planned cost per budget row times its cost
// multiplier, what is at or after its start moved `shift` periods later (past the horizon: gone).
inline void scenario_costs(const SelectionProblem& base, const Eigen::VectorXi& starts, const double* multiplier, const int* shift,
                           Eigen::MatrixXd& out) {
    const Index n = base.costs.rows(), m = base.costs.cols();
    const auto P = static_cast<Index>(base.periods.size());
    out.setZero(n, m);
    for (Index i = 0; i < n; ++i) {
        const double f = multiplier[i];
        if (P == 0 || shift[i] == 0) {
            out.row(i) = f * base.costs.row(i);
            continue;
        }
        for (Index k = 0; k < m; ++k) {
            const Index t = k % P;
            const Index to = t >= starts(i) ? t + shift[i] : t;
            if (to < P) out(i, k - t + to) += f * base.costs(i, k);
        }
    }
}

// The 95% Wilson score interval of a share p observed in n trials.
inline std::pair<double, double> wilson_interval(double p, double n) {
    const double z = 1.959963984540054, z2 = z * z;
    const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    return {std::clamp(centre - half, 0.0, p), std::clamp(centre + half, p, 1.0)};
}

}  // namespace aligngraph::detail

#ifdef ALIGNGRAPH_HEADER_ONLY
#ifdef ALIGNGRAPH_OUTERMOST_RISK_DETAIL_SCENARIOS
#undef ALIGNGRAPH_OUTERMOST_RISK_DETAIL_SCENARIOS
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
