#pragma once
/// @file aligngraph.hpp
/// The one include a user needs.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_ALIGNGRAPH
#endif

#include "aligngraph/error.hpp"
#include "aligngraph/finance/cashflows.hpp"
#include "aligngraph/finance/dated.hpp"
#include "aligngraph/finance/financials.hpp"
#include "aligngraph/finance/tvm.hpp"
#include "aligngraph/io/model_file.hpp"
#include "aligngraph/io/report.hpp"
#include "aligngraph/memory.hpp"
#include "aligngraph/model/graph.hpp"
#include "aligngraph/model/horizon.hpp"
#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/model/records.hpp"
#include "aligngraph/model/validation.hpp"
#include "aligngraph/model/what_if.hpp"
#include "aligngraph/names.hpp"
#include "aligngraph/report/briefing.hpp"
#include "aligngraph/risk/portfolio_risk.hpp"
#include "aligngraph/risk/risk.hpp"
#include "aligngraph/risk/chance.hpp"
#include "aligngraph/risk/robust.hpp"
#include "aligngraph/risk/rpm.hpp"
#include "aligngraph/schedule/psplib.hpp"
#include "aligngraph/schedule/roadmap.hpp"
#include "aligngraph/schedule/schedule.hpp"
#include "aligngraph/scoring/alignment.hpp"
#include "aligngraph/selection/knapsack.hpp"
#include "aligngraph/selection/portfolio_selection.hpp"
#include "aligngraph/selection/scenario_comparison.hpp"
#include "aligngraph/scoring/priority.hpp"
#include "aligngraph/scoring/ranks.hpp"
#include "aligngraph/scoring/score_explanation.hpp"
#include "aligngraph/stop.hpp"
#include "aligngraph/types.hpp"
#include "aligngraph/version.hpp"
#include "aligngraph/weights/ahp.hpp"
#include "aligngraph/weights/goal_weights.hpp"

#ifdef ALIGNGRAPH_HEADER_ONLY
#ifdef ALIGNGRAPH_OUTERMOST_ALIGNGRAPH
#undef ALIGNGRAPH_OUTERMOST_ALIGNGRAPH
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
