#pragma once
/// @file svg.hpp
/// Small charts as inline SVG, written by the library (no script, font or image from
/// outside): horizontal bars, a histogram with a marker, a Gantt. Colours from the
/// Okabe-Ito palette (colour-blind safe); every mark has a <title> (its label and value) and a
/// class naming what it is, so a test or a browser can count what was drawn.

#include "aligngraph/export.hpp"

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

}  // namespace aligngraph::svg

#ifdef ALIGNGRAPH_HEADER_ONLY
#include "aligngraph/io/svg-inl.hpp"
#endif
