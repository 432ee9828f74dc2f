#pragma once
// Small charts as inline SVG (svg.hpp).

#include "aligngraph/io/svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aligngraph/detail/text.hpp"

namespace aligngraph::svg {

namespace detail {
constexpr int row_height = 18, font = 11, label_width = 130;
inline std::string open(int width, int height, const std::string& title) {
    std::string out = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ag-chart\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
        "font-family=\"sans-serif\" font-size=\"{2}\" role=\"img\">",
        width, height, font);
    if (!title.empty()) out += "<title>" + escape(title) + "</title>";
    return out;
}
inline std::string fitted(const std::string& s, std::size_t n) { return s.size() <= n ? s : s.substr(0, n - 1) + "\u2026"; }
}  // namespace detail

ALIGNGRAPH_INLINE std::string escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

ALIGNGRAPH_INLINE std::string bars(const std::vector<Bar>& bs, int width, const std::string& title) {
    // Room right of the bars for the values (more when they say "x of limit").
    const bool limits = std::any_of(bs.begin(), bs.end(), [](const Bar& b) { return std::isfinite(b.limit); });
    const int value_width = limits ? 130 : 70, plot = std::max(60, width - detail::label_width - value_width);
    // The zero line splits the plot in proportion to the largest bar on each side.
    double most_positive = 0, most_negative = 0;
    for (const auto& b : bs) {
        most_positive = std::max(most_positive, b.value);
        most_negative = std::max(most_negative, -b.value);
        if (std::isfinite(b.limit)) most_positive = std::max(most_positive, b.limit);
    }
    const bool negative = most_negative > 0;
    const double span = most_positive + most_negative > 0 ? most_positive + most_negative : 1.0;
    const double scale = plot / span;
    const double zero = detail::label_width + most_negative * scale;
    const int height = static_cast<int>(bs.size()) * detail::row_height + 4;
    std::string out = detail::open(width, height, title);
    for (std::size_t k = 0; k < bs.size(); ++k) {
        const auto& b = bs[k];
        const double y = 2 + static_cast<double>(k) * detail::row_height;
        const double len = std::abs(b.value) * scale;
        const double x = b.value < 0 ? zero - len : zero;
        const std::string shown = b.shown.empty() ? aligngraph::detail::money(b.value) : b.shown;
        out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>", detail::label_width - 6, y + 12,
                           escape(detail::fitted(b.label, 20)));
        out += fmt::format("<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"><title>{}: {}</title></rect>",
                           x, y + 2, std::max(len, 0.5), detail::row_height - 5, b.colour, escape(b.label), escape(shown));
        if (std::isfinite(b.limit) && b.limit >= 0)
            out += fmt::format("<line class=\"limit\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#333\" "
                               "stroke-width=\"2\"><title>{3}: limit {4}</title></line>",
                               zero + b.limit * scale, y, y + detail::row_height - 1, escape(b.label), escape(aligngraph::detail::money(b.limit)));
        const double text_at = b.value < 0 ? 4 : std::max(len, std::isfinite(b.limit) ? b.limit * scale : 0.0) + 4;
        out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>", zero + text_at, y + 12, escape(shown));
    }
    if (negative)
        out += fmt::format("<line x1=\"{0:.1f}\" y1=\"0\" x2=\"{0:.1f}\" y2=\"{1}\" stroke=\"#333\" stroke-width=\"1\"/>", zero, height);
    return out + "</svg>";
}

ALIGNGRAPH_INLINE std::string histogram(const std::vector<double>& edges, const std::vector<long long>& counts, double marker,
                                        const std::string& marker_label, int width, const std::string& title) {
    const int height = 140, bottom = 118, top = 8, left = 8, right = 8;
    std::string out = detail::open(width, height, title);
    if (counts.empty() || edges.size() != counts.size() + 1) return out + "</svg>";
    const double lo = edges.front(), hi = edges.back(), span = hi > lo ? hi - lo : 1.0;
    const long long most = std::max<long long>(1, *std::max_element(counts.begin(), counts.end()));
    const auto x_of = [&](double v) { return left + (v - lo) / span * (width - left - right); };
    for (std::size_t k = 0; k < counts.size(); ++k) {
        const double x0 = x_of(edges[k]), x1 = x_of(edges[k + 1]);
        const double h = static_cast<double>(counts[k]) / static_cast<double>(most) * (bottom - top);
        const bool below = edges[k + 1] <= marker;
        out += fmt::format("<rect class=\"bin\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{} to {}: {}</title></rect>",
                           x0, bottom - h, std::max(x1 - x0 - 1, 0.5), h, below ? vermillion : blue,
                           aligngraph::detail::money(edges[k]), aligngraph::detail::money(edges[k + 1]), counts[k]);
    }
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#333\"/>", left, bottom, width - right, bottom);
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", left, bottom + 16, escape(aligngraph::detail::money(lo)));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", width - right, bottom + 16,
                       escape(aligngraph::detail::money(hi)));
    if (marker >= lo && marker <= hi) {
        const double x = x_of(marker);
        out += fmt::format("<line class=\"marker\" x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#333\" "
                           "stroke-dasharray=\"3,2\"><title>{3}</title></line>",
                           x, top - 4, bottom, escape(marker_label));
        out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>", x, bottom + 16, escape(marker_label));
    }
    return out + "</svg>";
}

ALIGNGRAPH_INLINE std::string gantt(const std::vector<GanttRow>& rows, const std::vector<std::string>& labels, int width,
                                    const std::string& title) {
    const int periods = std::max<int>(1, static_cast<int>(labels.size()));
    const int plot = std::max(60, width - detail::label_width - 8);
    const double step = static_cast<double>(plot) / periods;
    const int height = static_cast<int>(rows.size()) * detail::row_height + 22;
    std::string out = detail::open(width, height, title);
    const int tick = std::max(1, static_cast<int>(std::ceil(40.0 / step)));
    for (int t = 0; t < periods; t += tick)
        out += fmt::format("<text x=\"{:.1f}\" y=\"12\">{}</text>", detail::label_width + t * step, escape(labels.empty() ? std::to_string(t) : labels[static_cast<std::size_t>(t)]));
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const auto& r = rows[k];
        const double y = 18 + static_cast<double>(k) * detail::row_height;
        out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>", detail::label_width - 6, y + 12,
                           escape(detail::fitted(r.label, 20)));
        const std::string from = labels.empty() ? std::to_string(r.start) : labels[static_cast<std::size_t>(std::clamp(r.start, 0, periods - 1))];
        const std::string to = labels.empty() ? std::to_string(r.finish - 1)
                                              : labels[static_cast<std::size_t>(std::clamp(r.finish - 1, 0, periods - 1))];
        out += fmt::format("<rect class=\"task\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"><title>{}: {} to {}{}</title></rect>",
                           detail::label_width + r.start * step, y + 2, std::max((r.finish - r.start) * step - 1, 1.0),
                           detail::row_height - 5, r.critical ? vermillion : blue, escape(r.label), escape(from), escape(to),
                           r.critical ? " (critical)" : "");
    }
    return out + "</svg>";
}

ALIGNGRAPH_INLINE std::string ranges(const std::vector<Range>& rows, double centre, const std::string& centre_label, int width,
                                     const std::string& title) {
    const int value_width = 150, plot = std::max(60, width - detail::label_width - value_width);
    double lo = centre, hi = centre;
    for (const auto& r : rows) {
        lo = std::min({lo, r.low, r.high});
        hi = std::max({hi, r.low, r.high});
    }
    const double span = hi > lo ? hi - lo : 1.0;
    const auto x_of = [&](double v) { return detail::label_width + (v - lo) / span * plot; };
    const int height = static_cast<int>(rows.size()) * detail::row_height + 22;
    std::string out = detail::open(width, height, title);
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const auto& r = rows[k];
        const double y = 2 + static_cast<double>(k) * detail::row_height;
        const double a = std::min(r.low, r.high), b = std::max(r.low, r.high);
        const std::string shown = r.shown.empty() ? aligngraph::detail::money(r.low) + " to " + aligngraph::detail::money(r.high) : r.shown;
        out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>", detail::label_width - 6, y + 12,
                           escape(detail::fitted(r.label, 20)));
        out += fmt::format("<g class=\"range\"><title>{}: {}</title>", escape(r.label), escape(shown));
        // Below the centre in vermillion, above it in blue.
        if (a < centre)
            out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>", x_of(a), y + 2,
                               std::max(x_of(std::min(b, centre)) - x_of(a), 0.5), detail::row_height - 5, vermillion);
        if (b > centre)
            out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>", x_of(std::max(a, centre)),
                               y + 2, std::max(x_of(b) - x_of(std::max(a, centre)), 0.5), detail::row_height - 5, blue);
        if (a == b)
            out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"1\" height=\"{}\" fill=\"{}\"/>", x_of(a), y + 2,
                               detail::row_height - 5, grey);
        out += "</g>";
        out += fmt::format("<text x=\"{}\" y=\"{:.1f}\">{}</text>", detail::label_width + plot + 6, y + 12, escape(shown));
    }
    const double x = x_of(centre), bottom = 2 + static_cast<double>(rows.size()) * detail::row_height;
    out += fmt::format("<line class=\"centre\" x1=\"{0:.1f}\" y1=\"0\" x2=\"{0:.1f}\" y2=\"{1:.1f}\" stroke=\"#333\"><title>{2}</title></line>",
                       x, bottom, escape(centre_label));
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>", x, bottom + 14, escape(centre_label));
    return out + "</svg>";
}

ALIGNGRAPH_INLINE std::string curve(const std::vector<Point>& points, const std::string& x_label, const std::string& y_label,
                                    std::ptrdiff_t knee, std::ptrdiff_t chosen, int width, const std::string& title) {
    const int height = 220, left = 70, right = 16, top = 10, bottom = 180;
    std::string out = detail::open(width, height, title);
    if (points.empty()) return out + "</svg>";
    double x_lo = points.front().x, x_hi = x_lo, y_lo = std::min(0.0, points.front().y), y_hi = points.front().y;
    for (const auto& p : points) {
        x_lo = std::min(x_lo, p.x), x_hi = std::max(x_hi, p.x);
        y_lo = std::min(y_lo, p.y), y_hi = std::max(y_hi, p.y);
    }
    const double x_span = x_hi > x_lo ? x_hi - x_lo : 1.0, y_span = y_hi > y_lo ? y_hi - y_lo : 1.0;
    const auto x_of = [&](double v) { return left + (v - x_lo) / x_span * (width - left - right); };
    const auto y_of = [&](double v) { return bottom - (v - y_lo) / y_span * (bottom - top); };
    // Axes, their ends labelled.
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#333\"/>", left, bottom, width - right);
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333\"/>", left, top, bottom);
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", left, bottom + 14, escape(aligngraph::detail::money(x_lo)));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", width - right, bottom + 14,
                       escape(aligngraph::detail::money(x_hi)));
    out += fmt::format("<text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", (left + width - right) / 2,
                       bottom + 32, escape(x_label));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", left - 4, bottom, escape(aligngraph::detail::money(y_lo)));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", left - 4, top + 8, escape(aligngraph::detail::money(y_hi)));
    out += fmt::format("<text class=\"axis-label\" transform=\"translate(12,{}) rotate(-90)\" text-anchor=\"middle\">{}</text>",
                       (top + bottom) / 2, escape(y_label));
    std::string path;
    for (const auto& p : points) path += fmt::format("{}{:.1f},{:.1f}", path.empty() ? "" : " ", x_of(p.x), y_of(p.y));
    out += "<polyline fill=\"none\" stroke=\"" + std::string(blue) + "\" stroke-width=\"1.5\" points=\"" + path + "\"/>";
    for (std::size_t k = 0; k < points.size(); ++k) {
        const auto& p = points[k];
        const bool is_knee = static_cast<std::ptrdiff_t>(k) == knee, is_chosen = static_cast<std::ptrdiff_t>(k) == chosen;
        std::string cls = "point";
        if (is_knee) cls += " knee";
        if (is_chosen) cls += " chosen";
        out += fmt::format("<circle class=\"{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"2\"><title>{}</title></circle>",
                           cls, x_of(p.x), y_of(p.y), is_knee ? 7 : 4, is_chosen ? vermillion : (is_knee ? "white" : blue),
                           is_knee ? "#333" : "none", escape(p.label));
    }
    return out + "</svg>";
}

}  // namespace aligngraph::svg
