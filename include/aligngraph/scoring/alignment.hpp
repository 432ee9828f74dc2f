#pragma once
/// @file alignment.hpp
/// How well initiatives serve the goals, with credit for enablers, explained.
///
///   direct alignment   a_i = sum_g s_ig w_g             (s: contribution strength, w: global goal weight)
///   with enabler credit A_i = a_i + beta * sum_{j requires i} A_j / |prereq(j)|
///
/// computed in topological order (dependants first), beta = the model's enabler share.
///
///     auto al = aligngraph::alignment(p);
///     auto parts = aligngraph::explain_alignment(p, al, p.initiative_index("I-01"));  // sums to al.total(i)

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_SCORING_ALIGNMENT
#endif

#include "aligngraph/export.hpp"
#include <Eigen/Core>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/weights/goal_weights.hpp"

namespace aligngraph {

/// Named parameters of alignment(): what a scenario may change, applied without copying the model.
struct ALIGNGRAPH_API AlignmentOptions {
    std::optional<Weight> enabler_share;           ///< beta; the model's when empty
    std::map<std::string, Weight> root_weights;    ///< root goal id -> top-level weight, replacing the model's
    std::map<std::string, Judgments> judgments;    ///< goal id -> judgments over its children, replacing its link weights
    /// Rank the initiatives (Alignment::rank): a sort by total, ties by id. Off by default:
    /// most callers want the values (the composite score, the selection); the ranked view of
    /// alignment is score(p, {.kind = ScoreKind::alignment}), whose table always has its rank.
    bool rank = false;
    /// The options a scenario of the model implies (its enabler share and goal weights).
    static AlignmentOptions from_scenario(const Portfolio& p, const std::string& scenario_id);
};

/// Alignment of every initiative.
struct Alignment {
    Eigen::VectorXd goal_weights;  ///< global goal weights used (goal order)
    Eigen::VectorXd direct;        ///< a_i
    Eigen::MatrixXd by_goal;       ///< n x goals: s_ig * w_g, the direct alignment from each goal (a row sums to direct)
    Eigen::VectorXd enabler;       ///< A_i - a_i: credit from dependants
    Eigen::VectorXd total;         ///< A_i
    Eigen::VectorXi rank;          ///< 1 = first: by descending total, ties by id (empty unless AlignmentOptions::rank)
    Weight enabler_share = 0.5;    ///< beta used
};

/// @throws ValidationError / CycleError for an invalid model or an unknown root goal in the options.
ALIGNGRAPH_API Alignment alignment(const Portfolio& p, const AlignmentOptions& options = {});

/// The enabler-credit recursion alone, applied to each column of `direct` (n x m):
/// A = a + beta * sum_{j requires i} A_j / |prereq(j)|. Linear in `direct`.
ALIGNGRAPH_API Eigen::MatrixXd with_enabler_credit(const Portfolio& p, const Eigen::MatrixXd& direct, Weight beta);

/// Global goal weights with root weights and judgments replaced (see AlignmentOptions).
ALIGNGRAPH_API Eigen::VectorXd goal_weights_with(const Portfolio& p, const std::map<std::string, Weight>& root_weights,
                                  const std::map<std::string, Judgments>& judgments = {});

/// One part of an initiative's alignment.
struct AlignmentPart {
    enum class Kind { goal, enabler } kind;
    Index source;    ///< the goal (kind goal) or the dependant that passes credit (kind enabler)
    double value;    ///< s_ig * w_g, or beta * A_j / |prereq(j)|
};

/// The parts of A_i: one per goal it contributes to, one per direct dependant. They sum
/// to total(i) up to rounding.
ALIGNGRAPH_API std::vector<AlignmentPart> explain_alignment(const Portfolio& p, const Alignment& a, Index i);

/// Goals no (selected) initiative serves: neither the goal nor any goal below it has a
/// contribution > 0 from an initiative of `selection` (all initiatives when empty).
ALIGNGRAPH_API std::vector<Index> unserved_goals(const Portfolio& p, const std::vector<Index>& selection = {});

/// Initiatives that contribute to no goal (no contribution > 0).
ALIGNGRAPH_API std::vector<Index> orphan_initiatives(const Portfolio& p);

/// For a selection, the share of each goal it serves, rolled up the hierarchy (the same rule
/// as unserved_goals(): coverage is 0 exactly for the unserved goals):
///   direct_g = 1 - prod_{i in selection} (1 - s_ig)   (contributions overlap rather than add)
///   below_g  = sum over g's children c of (normalised local weight g->c) * coverage_c
///   coverage_g = 1 - (1 - direct_g) * (1 - below_g)
/// so a leaf's coverage is its direct one. Multiply by goal_weights for the weight served.
ALIGNGRAPH_API Eigen::VectorXd goal_coverage(const Portfolio& p, const std::vector<Index>& selection);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_SCORING_ALIGNMENT
#ifdef ALIGNGRAPH_OUTERMOST_SCORING_ALIGNMENT
#undef ALIGNGRAPH_OUTERMOST_SCORING_ALIGNMENT
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
