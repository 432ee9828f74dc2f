#pragma once
/// @file report.hpp
/// Every report, by area: the model and its problems, finance, rankings, the optimal
/// portfolio and its frontier, the roadmap, the Monte Carlo, robust selection, and the
/// steering committee's HTML report. Each presents a result; none computes an analysis.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_IO_REPORT
#endif

#include "aligngraph/io/finance_report.hpp"
#include "aligngraph/io/html_report.hpp"
#include "aligngraph/io/model_report.hpp"
#include "aligngraph/io/notebook_html.hpp"
#include "aligngraph/io/ranking_report.hpp"
#include "aligngraph/io/risk_report.hpp"
#include "aligngraph/io/robust_report.hpp"
#include "aligngraph/io/compare_report.hpp"
#include "aligngraph/io/schedule_report.hpp"
#include "aligngraph/io/selection_report.hpp"
#include "aligngraph/io/svg.hpp"

#ifdef ALIGNGRAPH_HEADER_ONLY
#ifdef ALIGNGRAPH_OUTERMOST_IO_REPORT
#undef ALIGNGRAPH_OUTERMOST_IO_REPORT
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
