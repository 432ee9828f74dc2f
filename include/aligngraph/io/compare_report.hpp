#pragma once
/// @file compare_report.hpp
/// Two scenarios side by side (compare_scenarios()) as text and JSON.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_IO_COMPARE_REPORT
#endif

#include "aligngraph/export.hpp"

#include <string>

#include "aligngraph/selection/scenario_comparison.hpp"

namespace aligngraph {

/// The optimal values and counts side by side, what is funded in one scenario only, Kendall's
/// tau, and the initiatives whose rank or funding changes most (at most `rows` of them),
/// fitted to `width` columns.
ALIGNGRAPH_API std::string compare_text(const ScenarioComparison& c, int width = 100, int rows = 15);

/// {scenario_a, scenario_b, by, currency, a: {value, proven, selected}, b: {...},
/// value_difference, kendall_tau, both, only_a, only_b, initiatives: [{id, name, in_a, in_b,
/// score_a, score_b, rank_a, rank_b, change}]}.
ALIGNGRAPH_API std::string compare_json(const ScenarioComparison& c);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_IO_COMPARE_REPORT
#ifdef ALIGNGRAPH_OUTERMOST_IO_COMPARE_REPORT
#undef ALIGNGRAPH_OUTERMOST_IO_COMPARE_REPORT
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
