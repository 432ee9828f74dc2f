#pragma once
/// @file svg.hpp
/// Small charts as inline SVG, written by the library (no script, font or image from
/// outside): horizontal bars (with limits), a histogram with a marker, a Gantt, a tornado's
/// ranges, a curve with marked points. Colours from the
/// Okabe-Ito palette (colour-blind safe); every mark has a <title> (its label and value) and a
/// class naming what it is, so a test or a browser can count what was drawn.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_IO_SVG
#endif

#include "aligngraph/export.hpp"

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace aligngraph::svg {

/// The palette (Okabe & Ito 2008): blue, orange, bluish green, vermillion, reddish purple, sky blue.
inline constexpr const char* blue = "#0072B2";
inline constexpr const char* orange = "#E69F00";
inline constexpr const char* green = "#009E73";
inline constexpr const char* vermillion = "#D55E00";
inline constexpr const char* purple = "#CC79A7";
inline constexpr const char* sky = "#56B4E9";
inline constexpr const char* grey = "#999999";

/// Text made safe for HTML and SVG (& < > " ').
ALIGNGRAPH_API std::string escape(const std::string& text);

struct Bar {
    std::string label;          ///< left of the bar
    double value = 0;           ///< its length (0 to the largest |value|; negative ones drawn to the left of 0)
    std::string shown;          ///< the value as written right of the bar (empty: the number)
    const char* colour = blue;
    /// A limit to compare it with (a budget, a capacity), drawn as a tick across the bar's row
    /// (class "limit"); NaN: none.
    double limit = std::numeric_limits<double>::quiet_NaN();
};

/// One row per bar, labels on the left; class "bar" on each bar. `width` in pixels.
ALIGNGRAPH_API std::string bars(const std::vector<Bar>& bars, int width = 420, const std::string& title = "");

/// Counts per bin (edges: bins + 1), a vertical marker at `marker` (drawn when inside the
/// range) labelled `marker_label`; bins left of the marker in vermillion. Class "bin" on each
/// bin, "marker" on the marker.
ALIGNGRAPH_API std::string histogram(const std::vector<double>& edges, const std::vector<long long>& counts, double marker,
                                     const std::string& marker_label, int width = 420, const std::string& title = "");

struct GanttRow {
    std::string label;
    int start = 0, finish = 0;  ///< periods [start, finish)
    bool critical = false;      ///< drawn in vermillion
};

/// One row per task over periods 0..periods-1 (every `tick`-th period labelled); class
/// "task" on each task's bar.
ALIGNGRAPH_API std::string gantt(const std::vector<GanttRow>& rows, const std::vector<std::string>& period_labels, int width = 520,
                                 const std::string& title = "");

/// One row of a tornado: what an input moved from its low to its high value makes of a result.
struct Range {
    std::string label;
    double low = 0, high = 0;  ///< the result at the input's low and high values
    std::string shown;         ///< written right of the range (empty: low to high)
};

/// One row per range, a bar from low to high around a vertical line at `centre` (class
/// "range" on each bar, "centre" on the line); the part left of the centre in vermillion.
ALIGNGRAPH_API std::string ranges(const std::vector<Range>& rows, double centre, const std::string& centre_label, int width = 520,
                                  const std::string& title = "");

/// One point of a curve.
struct Point {
    double x = 0, y = 0;
    std::string label;  ///< its <title>
};

/// A curve through the points (x ascending) with axes labelled `x_label` and `y_label`: each
/// point a circle of class "point"; the one at `knee` (an index; -1: none) also of class
/// "knee" (a ring), the one at `chosen` also "chosen" (filled vermillion).
ALIGNGRAPH_API std::string curve(const std::vector<Point>& points, const std::string& x_label, const std::string& y_label,
                                 std::ptrdiff_t knee = -1, std::ptrdiff_t chosen = -1, int width = 520, const std::string& title = "");

}  // namespace aligngraph::svg

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_IO_SVG
#ifdef ALIGNGRAPH_OUTERMOST_IO_SVG
#undef ALIGNGRAPH_OUTERMOST_IO_SVG
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
