#pragma once
/// @file ahp.hpp
/// The Analytic Hierarchy Process per Saaty: weights from a pairwise comparison matrix,
/// its consistency, the judgment most at odds with the rest, completion of missing
/// judgments and aggregation of several people's judgments.
///
/// a(i, j) = v means element i is v times as important as element j; a(j, i) = 1/v.
///
///     Eigen::MatrixXd a(3, 3);
///     a << 1, 3, 5,  1./3, 1, 2,  1./5, 1./2, 1;
///     auto r = aligngraph::ahp(a);   // r.weights, r.lambda_max, r.ci, r.cr, r.warnings

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_WEIGHTS_AHP
#endif

#include "aligngraph/export.hpp"
#include <Eigen/Core>

#include <string>
#include <vector>

#include "aligngraph/types.hpp"

namespace aligngraph {

/// How the weights are derived from the matrix.
enum class AhpMethod {
    eigenvector,     ///< principal right eigenvector, normalised to sum 1 (Saaty)
    geometric_mean,  ///< row geometric means, normalised (logarithmic least squares)
};

/// The random-index table used for CR = CI / RI(n).
enum class RandomIndex {
    donegan_dodd_1991,  ///< Donegan & Dodd (1991), n = 3..100, interpolated between listed sizes (the default, as AHPy)
    saaty_2005,         ///< Saaty (2005), n = 3..15
    saaty_1980,         ///< Saaty (1980), the classic table, n = 3..10
};

/// Named parameters of ahp().
struct AhpOptions {
    AhpMethod method = AhpMethod::eigenvector;
    RandomIndex random_index = RandomIndex::donegan_dodd_1991;
    /// |a(i,j) * a(j,i) - 1| allowed before the matrix counts as not reciprocal.
    double reciprocal_tolerance = 1e-9;
    /// Judgments outside [1/9, 9]: a warning, or an error when strict.
    bool strict = false;
    /// CR above this is accepted with a warning.
    double cr_threshold = 0.1;
};

/// The judgment most at odds with the weights: a(i, j) against w_i / w_j.
struct WorstJudgment {
    Index row = -1, col = -1;
    double value = 0;             ///< the judgment given
    double consistent_value = 0;  ///< w_i / w_j: the judgment that would agree with the weights
    double deviation = 0;         ///< |log(value / consistent_value)|
};

/// Weights and consistency of one matrix.
struct AhpResult {
    Eigen::VectorXd weights;       ///< sum to 1
    double lambda_max = 0;         ///< principal eigenvalue (>= n; n when perfectly consistent)
    double ci = 0;                 ///< (lambda_max - n) / (n - 1); 0 for n <= 2
    double random_index = 0;       ///< RI(n) of the chosen table; 0 for n <= 2
    double cr = 0;                 ///< ci / random_index; 0 for n <= 2
    WorstJudgment worst_judgment;  ///< none (row -1) for n <= 2
    Eigen::MatrixXd completed;     ///< the matrix used: missing judgments (NaN) filled by optimal completion
    std::vector<std::string> warnings;  ///< CR above the threshold, judgments outside 1/9..9
};

/// RI(n) of a table. @throws ValidationError when the table has no value for n.
ALIGNGRAPH_API double random_index(RandomIndex table, Index n);

/// AHP on a square matrix; NaN marks a missing judgment (both a(i,j) and a(j,i), or one of
/// them). Missing judgments are completed by the method of Bozóki, Fülöp and Rónyai (2010):
/// the values that minimise lambda_max (cyclic coordinate search in log space, where
/// lambda_max is convex).
/// @throws ValidationError for a non-square, empty or over-large (n > 100) matrix, a non-positive
///         or non-finite judgment, a non-reciprocal pair (naming the cell), a diagonal other
///         than 1, missing judgments that leave an element unconnected, or (strict) a judgment
///         outside [1/9, 9].
ALIGNGRAPH_API AhpResult ahp(const Eigen::MatrixXd& matrix, const AhpOptions& options = {});

/// Group judgment: the element-wise geometric mean of several people's matrices
/// (aggregation of individual judgments, which keeps the result reciprocal).
/// A NaN in one matrix leaves that person out of that cell.
/// @throws ValidationError for no matrices or matrices of different sizes.
ALIGNGRAPH_API Eigen::MatrixXd aggregate_judgments(const std::vector<Eigen::MatrixXd>& matrices);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_WEIGHTS_AHP
#ifdef ALIGNGRAPH_OUTERMOST_WEIGHTS_AHP
#undef ALIGNGRAPH_OUTERMOST_WEIGHTS_AHP
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
