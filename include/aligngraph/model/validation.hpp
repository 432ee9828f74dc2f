#pragma once
/// @file validation.hpp
/// Every problem of a model, each with its place in the model file (a JSON pointer), the
/// item it concerns, what is wrong, and how serious it is: an error makes the model
/// invalid (Portfolio::check() throws it), a warning is worth a look but changes nothing.
///
///     for (const auto& q : aligngraph::validate(p))
///         std::cout << (q.severity == aligngraph::Severity::warning ? "warning " : "") << q.pointer << ": " << q.message;

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_MODEL_VALIDATION
#endif

#include "aligngraph/export.hpp"
#include <Eigen/Core>

#include <string>
#include <vector>

#include "aligngraph/error.hpp"
#include "aligngraph/model/portfolio.hpp"

namespace aligngraph {

/// Every problem of the model, errors and warnings, in model order; empty when it is valid
/// and nothing needs a look. Errors: signs, ranges, cycles, conflicting decisions, unknown
/// ids in scenarios. Warnings:
/// - a dependant planned to start before its prerequisite finishes (`requires` is
///   finish-to-start; planning with a roadmap moves it);
/// - local weights under a parent that look like fractions (all at most 1, some below 1)
///   but do not add up to 1: they are normalised, so 0.5 given to a single child becomes 1.
///   Raw weights such as 2 and 1, or 1 and 1, are silent.
ALIGNGRAPH_API std::vector<Problem> validate(const Portfolio& p);

/// Only the errors: what Portfolio::check() runs. Faster than errors_of(validate(p)) on a
/// model with many warnings (a generated model whose `requires` ignore the planned starts).
ALIGNGRAPH_API std::vector<Problem> validate_errors(const Portfolio& p);

/// Only the errors of `problems`.
ALIGNGRAPH_API std::vector<Problem> errors_of(std::vector<Problem> problems);

/// What is wrong with judgments over `parent`'s children (unknown or unlinked children, a
/// misshapen matrix, a matrix AHP cannot use), without the function's name; empty when
/// they are fine. Shared by Portfolio::set_goal_judgments() and the scenarios' check.
ALIGNGRAPH_API std::string judgments_problem(const Portfolio& p, Index parent, const Judgments& judgments);

/// The judgments as a matrix, NaN where a judgment is missing.
ALIGNGRAPH_API Eigen::MatrixXd judgment_matrix(const Judgments& judgments);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_MODEL_VALIDATION
#ifdef ALIGNGRAPH_OUTERMOST_MODEL_VALIDATION
#undef ALIGNGRAPH_OUTERMOST_MODEL_VALIDATION
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
