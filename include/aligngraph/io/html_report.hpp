#pragma once
/// @file html_report.hpp
/// The steering committee's report: one self-contained HTML file (no script, and no style
/// sheet, font or image from outside; it opens offline) presenting a Briefing: a summary for
/// the board, goals and weights, the ranking with explanations, finance, the optimal
/// portfolio with reasons, the frontier, the roadmap, the risk, and the assumptions. Charts
/// are inline SVG (svg.hpp), tables plain HTML; a print style sheet makes a clean PDF.
///
///     const auto b = aligngraph::brief(p);
///     aligngraph::write_report("report.html", p, b);
///
/// Each section is a <section id="..."> (summary, goals, ranking, finance, portfolio,
/// frontier, roadmap, risk, assumptions); each chart an <svg class="ag-chart"> whose marks
/// have classes (bar, limit, bin, marker, task, range, point, knee, chosen).

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_IO_HTML_REPORT
#endif

#include "aligngraph/export.hpp"

#include <filesystem>
#include <string>

#include "aligngraph/report/briefing.hpp"

namespace aligngraph {

/// The report as one HTML document. `p` is the model `b` was computed from.
ALIGNGRAPH_API std::string report_html(const Portfolio& p, const Briefing& b);

/// report_html() written to `path`, replacing it atomically (a failed write leaves the old file).
/// @throws Error naming the path when it cannot be written.
ALIGNGRAPH_API void write_report(const std::filesystem::path& path, const Portfolio& p, const Briefing& b);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_IO_HTML_REPORT
#ifdef ALIGNGRAPH_OUTERMOST_IO_HTML_REPORT
#undef ALIGNGRAPH_OUTERMOST_IO_HTML_REPORT
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
