#pragma once
/// @file score_explanation.hpp
/// One initiative's score taken apart: each part with where it comes from, summing to the
/// score. What `aligngraph rank --explain ID` and Python's `Portfolio.explain` present.
///
///     const auto t = aligngraph::score(p, options);
///     const auto e = aligngraph::explain_score(p, options, t, p.initiative_index("I-01"));
///     // e.parts: goal T2 (weight 0.21) 0.168, enabler credit from I-02 0.04 ...; e.sum_of_parts == e.score

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_SCORING_SCORE_EXPLANATION
#endif

#include "aligngraph/export.hpp"
#include "aligngraph/names.hpp"
#include "aligngraph/scoring/priority.hpp"

#include <array>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aligngraph {

class Portfolio;

/// Where one part of a score comes from.
enum class ScorePartKind {
    goal,       ///< a goal the initiative contributes to: strength x the goal's global weight
    enabler,    ///< a dependant passing enabler credit: beta x its alignment / its prerequisites
    criterion,  ///< a criterion of a weighted score or WSJF (RICE has one part, itself)
    component,  ///< a component of the composite score (alignment, financial, criteria)
};

template <>
struct EnumNames<ScorePartKind> {
    static constexpr std::string_view type = "ScorePartKind";
    static constexpr std::array table{std::pair{ScorePartKind::goal, std::string_view("goal")},
                                      std::pair{ScorePartKind::enabler, std::string_view("enabler")},
                                      std::pair{ScorePartKind::criterion, std::string_view("criterion")},
                                      std::pair{ScorePartKind::component, std::string_view("component")}};
};

/// One part of an explained score.
struct ScorePart {
    ScorePartKind kind = ScorePartKind::criterion;
    std::string source;  ///< the goal's id, the dependant's id, or the criterion's or component's name
    std::string name;    ///< the goal's or the dependant's name; empty for a criterion or component
    double weight = std::numeric_limits<double>::quiet_NaN();  ///< the goal's global weight (goal parts); NaN otherwise
    double value = 0;    ///< what it adds to the score
};

/// One initiative's score with its parts, and what a reader needs to present it.
struct ScoreExplanation {
    Index initiative = 0;
    std::string id, name;
    ScoreKind kind = ScoreKind::alignment;
    double score = 0;
    int rank = 0;                 ///< 1 = first
    std::vector<ScorePart> parts; ///< for alignment: goals, then dependants; else the table's columns
    double sum_of_parts = 0;      ///< equals score up to rounding
};

/// The parts of initiative i's score in `table` (computed by score(p, options)).
/// @throws ValidationError for an index out of range, or a table of another model.
ALIGNGRAPH_API ScoreExplanation explain_score(const Portfolio& p, const ScoreOptions& options, const ScoreTable& table, Index i);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_SCORING_SCORE_EXPLANATION
#ifdef ALIGNGRAPH_OUTERMOST_SCORING_SCORE_EXPLANATION
#undef ALIGNGRAPH_OUTERMOST_SCORING_SCORE_EXPLANATION
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
