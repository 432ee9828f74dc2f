#pragma once
// Rankings as text and JSON: scores with their parts, one score explained, weight sensitivity.

#include "aligngraph/io/ranking_report.hpp"

#include "aligngraph/detail/ordered_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "aligngraph/detail/constants.hpp"
#include "aligngraph/detail/layout.hpp"
#include "aligngraph/detail/text.hpp"

namespace aligngraph {

namespace detail {

// What a score is, as a title says it.
inline const char* score_title(ScoreKind k) {
    switch (k) {
        case ScoreKind::wsjf: return "WSJF";
        case ScoreKind::rice: return "RICE";
        case ScoreKind::composite: return "composite priority";
        case ScoreKind::score: return "weighted score";
        case ScoreKind::alignment: break;
    }
    return "alignment (with enabler credit)";
}

}  // namespace detail

ALIGNGRAPH_INLINE std::string ranking_text(const Portfolio& p, const ScoreTable& t, Index top, int width) {
    width = std::max(width, 60);
    const auto order = t.order();
    const Index rows = top > 0 ? std::min<Index>(top, static_cast<Index>(order.size())) : static_cast<Index>(order.size());
    std::string out = fmt::format("Ranking by {}\n", detail::score_title(t.kind));
    const std::size_t rank_w = 4, id_w = 8, score_w = 10, parts_w = 34;
    const std::size_t name_w = static_cast<std::size_t>(width) - rank_w - id_w - score_w - parts_w - 4;
    out += fmt::format("{:>{}} {} {} {:>{}} {}\n", "rank", rank_w, detail::pad("ID", id_w), detail::pad("Initiative", name_w), "score",
                       score_w, "largest parts");
    for (Index r = 0; r < rows; ++r) {
        const Index i = order[static_cast<std::size_t>(r)];
        std::vector<std::pair<double, std::string>> parts;
        for (Index c = 0; c < t.parts.cols(); ++c)
            if (t.parts(i, c) != 0) parts.emplace_back(t.parts(i, c), t.labels[static_cast<std::size_t>(c)]);
        std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) {
            return std::abs(a.first) != std::abs(b.first) ? std::abs(a.first) > std::abs(b.first) : a.second < b.second;
        });
        std::string shown;
        for (std::size_t k = 0; k < parts.size() && k < 3; ++k)
            shown += fmt::format("{}{} {:.3g}", k ? ", " : "", parts[k].second, parts[k].first);
        if (t.parts.cols() == 1) shown.clear();
        out += fmt::format("{:>{}} {} {} {:>{}.4g} {}\n", r + 1, rank_w, detail::pad(detail::fit(p.initiative_ids()[i], id_w), id_w),
                           detail::pad(detail::fit(p.names()[i], name_w), name_w), t.total(i), score_w, detail::fit(shown, parts_w));
    }
    return out;
}

ALIGNGRAPH_INLINE std::string ranking_json(const Portfolio& p, const ScoreTable& t, Index top) {
    const auto order = t.order();
    const Index rows = top > 0 ? std::min<Index>(top, static_cast<Index>(order.size())) : static_cast<Index>(order.size());
    detail::ojson out = detail::ojson::array();
    for (Index r = 0; r < rows; ++r) {
        const Index i = order[static_cast<std::size_t>(r)];
        detail::ojson parts = detail::ojson::object();
        for (Index c = 0; c < t.parts.cols(); ++c)
            if (t.parts(i, c) != 0) parts[t.labels[static_cast<std::size_t>(c)]] = t.parts(i, c);
        out.push_back({{"rank", r + 1}, {"id", p.initiative_ids()[i]}, {"score", t.total(i)}, {"parts", parts}});
    }
    return out.dump(2) + "\n";
}

ALIGNGRAPH_INLINE std::string explanation_text(const ScoreExplanation& e) {
    std::string out = fmt::format("{}  {}: score {:.6g}, rank {}\n", e.id, e.name, e.score, e.rank);
    for (const auto& part : e.parts) {
        if (part.kind == ScorePartKind::goal)
            out += fmt::format("  {:>10.6f}  goal {} '{}' (weight {:.4f})\n", part.value, part.source, part.name, part.weight);
        else if (part.kind == ScorePartKind::enabler)
            out += fmt::format("  {:>10.6f}  enabler credit from {} '{}', which requires it\n", part.value, part.source, part.name);
        else
            out += fmt::format("  {:>10.6f}  {}\n", part.value, part.source);
    }
    out += fmt::format("  {:>10.6f}  total of the parts\n", e.sum_of_parts);
    return out;
}

ALIGNGRAPH_INLINE std::string explanation_json(const ScoreExplanation& e) {
    detail::ojson parts = detail::ojson::array();
    for (const auto& part : e.parts) {
        detail::ojson j{{"kind", std::string(to_string(part.kind))}, {"source", part.source}};
        if (!part.name.empty()) j["name"] = part.name;
        if (!std::isnan(part.weight)) j["weight"] = part.weight;
        j["value"] = part.value;
        parts.push_back(j);
    }
    return detail::ojson{{"id", e.id},
                         {"name", e.name},
                         {"score_kind", to_string(e.kind)},
                         {"score", e.score},
                         {"rank", e.rank},
                         {"parts", parts},
                         {"sum_of_parts", e.sum_of_parts}}
               .dump(2) +
           "\n";
}

ALIGNGRAPH_INLINE std::string sensitivity_text(const std::vector<WeightSensitivity>& s, const std::string& what, Index k) {
    std::string out = fmt::format("{:<16} {:>8}   {:>17}   {:>17}\n", what, "weight", "keeps the first", fmt::format("keeps the top {}", k));
    for (const auto& x : s)
        out += fmt::format("{:<16} {:>8.4f}   [{:>6.4f}, {:>6.4f}]   [{:>6.4f}, {:>6.4f}]\n", detail::fit(x.item, 16), x.weight,
                           x.top1_low, x.top1_high, x.topk_low, x.topk_high);
    return out;
}

ALIGNGRAPH_INLINE std::string sensitivity_json(const std::vector<WeightSensitivity>& s, const std::string& what, Index k) {
    detail::ojson items = detail::ojson::array();
    for (const auto& x : s)
        items.push_back(detail::ojson{{"id", x.item},
                                      {"weight", x.weight},
                                      {"keeps_first", {x.top1_low, x.top1_high}},
                                      {"keeps_top_k", {x.topk_low, x.topk_high}}});
    return detail::ojson{{"what", what}, {"k", k}, {"items", items}}.dump(2) + "\n";
}

}  // namespace aligngraph
