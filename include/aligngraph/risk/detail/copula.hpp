#pragma once
// The Gaussian copula of risk analysis: the correlated variables fall into groups that share
// no coefficient (connected components); each group's matrix C is factored as C = M M^T by a
// pivoted LDL^T (so a coefficient of 1 copies a score exactly), after a check that C is a
// correlation matrix (positive semi-definite) or, on request, its repair to the nearest one
// (Higham 2002, alternating projections with Dykstra's correction). Not public API.

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "aligngraph/error.hpp"

namespace aligngraph::detail {

struct CopulaGroup {
    std::vector<int> vars;  ///< variables (2 item + kind, kind 0 cost, 1 benefit), ascending
    Eigen::MatrixXd factor; ///< z = factor eps
};

/// The nearest correlation matrix to a symmetric matrix with unit diagonal (Frobenius norm).
inline Eigen::MatrixXd nearest_correlation(const Eigen::MatrixXd& a) {
    Eigen::MatrixXd y = a, ds = Eigen::MatrixXd::Zero(a.rows(), a.cols()), x;
    for (int it = 0; it < 1000; ++it) {
        const Eigen::MatrixXd r = y - ds;
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(r);
        x = es.eigenvectors() * es.eigenvalues().cwiseMax(0).asDiagonal() * es.eigenvectors().transpose();
        ds = x - r;
        const Eigen::MatrixXd prev = y;
        y = x;
        y.diagonal().setOnes();
        if ((y - prev).norm() <= 1e-12 * std::max(1.0, y.norm()) && (y - x).norm() <= 1e-12 * std::max(1.0, y.norm())) break;
    }
    // Nudge the smallest eigenvalue to 0 exactly or above, keeping the unit diagonal.
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(y);
    if (es.eigenvalues().minCoeff() < 0) {
        Eigen::MatrixXd z = es.eigenvectors() * es.eigenvalues().cwiseMax(0).asDiagonal() * es.eigenvectors().transpose();
        const Eigen::VectorXd d = z.diagonal().cwiseSqrt().cwiseInverse();
        y = d.asDiagonal() * z * d.asDiagonal();
    }
    return y;
}

/// The copula's groups over `variables` variables from (u, v, coefficient) pairs. `name(v)`
/// names a variable for an error ("'I-01' cost"). Notes of repairs go to `notes`.
inline std::vector<CopulaGroup> copula_groups(int variables, const std::vector<std::tuple<int, int, double>>& pairs,
                                              bool repair, const std::function<std::string(int)>& name,
                                              std::vector<std::string>& notes) {
    std::vector<int> parent(static_cast<std::size_t>(variables));
    std::iota(parent.begin(), parent.end(), 0);
    std::function<int(int)> root = [&](int v) { return parent[v] == v ? v : parent[v] = root(parent[v]); };
    for (auto [u, v, c] : pairs)
        if (c != 0) parent[root(u)] = root(v);
    std::map<int, std::vector<int>> members;
    for (auto [u, v, c] : pairs)
        if (c != 0) {
            members[root(u)].push_back(u);
            members[root(v)].push_back(v);
        }
    std::vector<CopulaGroup> groups;
    for (auto& entry : members) {
        auto& vars = entry.second;
        std::sort(vars.begin(), vars.end());
        vars.erase(std::unique(vars.begin(), vars.end()), vars.end());
        const auto m = static_cast<Eigen::Index>(vars.size());
        const auto at = [&](int v) { return std::lower_bound(vars.begin(), vars.end(), v) - vars.begin(); };
        Eigen::MatrixXd c = Eigen::MatrixXd::Identity(m, m);
        for (auto [u, v, k] : pairs)
            if (k != 0 && root(u) == root(vars[0])) c(at(u), at(v)) = c(at(v), at(u)) = k;
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(c);
        if (es.eigenvalues().minCoeff() < -1e-10) {
            if (!repair) {
                // Name three that cannot hold together when there are, else the whole group.
                std::string why;
                for (Eigen::Index a = 0; a < m && why.empty(); ++a)
                    for (Eigen::Index b = a + 1; b < m && why.empty(); ++b)
                        for (Eigen::Index d = b + 1; d < m && why.empty(); ++d) {
                            const double x = c(a, b), y = c(a, d), z = c(b, d);
                            if (1 + 2 * x * y * z - x * x - y * y - z * z < -1e-10)
                                why = fmt::format("{} and {} ({}), {} and {} ({}), {} and {} ({}) cannot hold together", name(vars[a]),
                                                  name(vars[b]), x, name(vars[a]), name(vars[d]), y, name(vars[b]), name(vars[d]), z);
                        }
                if (why.empty()) {
                    std::vector<std::string> listed;
                    for (Eigen::Index a = 0; a < m; ++a)
                        for (Eigen::Index b = a + 1; b < m; ++b)
                            if (c(a, b) != 0) listed.push_back(fmt::format("{} and {} ({})", name(vars[a]), name(vars[b]), c(a, b)));
                    why = fmt::format("the pairs {} cannot hold together", fmt::join(listed, ", "));
                }
                throw ValidationError(fmt::format("the correlations are not a correlation matrix (not positive semi-definite, smallest "
                                                  "eigenvalue {:.3g}): {}; change them, or ask for the nearest correlation matrix "
                                                  "(repair_correlations)",
                                                  es.eigenvalues().minCoeff(), why));
            }
            const Eigen::MatrixXd fixed = nearest_correlation(c);
            Eigen::Index ra = 0, rb = 1;
            (fixed - c).cwiseAbs().maxCoeff(&ra, &rb);
            notes.push_back(fmt::format("the correlations among {} variables were not a correlation matrix (smallest eigenvalue "
                                        "{:.3g}); the nearest correlation matrix is used, the largest change {:.4f} on {} and {} "
                                        "({:.4f} instead of {})",
                                        m, es.eigenvalues().minCoeff(), std::abs(fixed(ra, rb) - c(ra, rb)), name(vars[ra]),
                                        name(vars[rb]), fixed(ra, rb), c(ra, rb)));
            c = fixed;
        }
        Eigen::LDLT<Eigen::MatrixXd> ldlt(c);
        const Eigen::MatrixXd l = ldlt.matrixL();
        const Eigen::VectorXd d = ldlt.vectorD().cwiseMax(0).cwiseSqrt();
        Eigen::MatrixXd f = l * d.asDiagonal();  // P C P^T = L D L^T
        f = ldlt.transpositionsP().transpose() * f;
        groups.push_back({std::move(vars), std::move(f)});
    }
    return groups;
}

}  // namespace aligngraph::detail
