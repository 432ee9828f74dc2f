#pragma once
/// @file ranking_report.hpp
/// Rankings by a score, one score explained, and the sensitivity of a ranking to its weights, as text and JSON.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_IO_RANKING_REPORT
#endif

#include "aligngraph/export.hpp"
#include <string>
#include <vector>

#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/scoring/priority.hpp"
#include "aligngraph/scoring/score_explanation.hpp"

namespace aligngraph {

/// Ranking table titled by the score's kind ("Ranking by WSJF"): rank, id, name, score and
/// its largest parts, first `top` rows (all when <= 0).
ALIGNGRAPH_API std::string ranking_text(const Portfolio& p, const ScoreTable& t, Index top = 0, int width = 100);

/// Ranking as JSON: [{rank, id, score, parts: {label: value}}] in rank order.
ALIGNGRAPH_API std::string ranking_json(const Portfolio& p, const ScoreTable& t, Index top = 0);

/// One initiative's score broken into its parts (explain_score(): for alignment per goal and
/// per dependant passing enabler credit), with their sum.
ALIGNGRAPH_API std::string explanation_text(const ScoreExplanation& e);

/// The same as JSON: {id, name, score_kind, score, rank, parts: [{kind (goal, enabler,
/// criterion or component), source, name, weight (goals), value}], sum_of_parts}.
ALIGNGRAPH_API std::string explanation_json(const ScoreExplanation& e);

/// Weight sensitivity table: weight now, interval keeping the first-ranked initiative, and
/// the interval keeping the top-k set.
ALIGNGRAPH_API std::string sensitivity_text(const std::vector<WeightSensitivity>& s, const std::string& what, Index k);
/// The same as JSON: {"what", "k", "items": [{id, weight, keeps_first: [low, high], keeps_top_k: [low, high]}]}.
ALIGNGRAPH_API std::string sensitivity_json(const std::vector<WeightSensitivity>& s, const std::string& what, Index k);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_IO_RANKING_REPORT
#ifdef ALIGNGRAPH_OUTERMOST_IO_RANKING_REPORT
#undef ALIGNGRAPH_OUTERMOST_IO_RANKING_REPORT
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
