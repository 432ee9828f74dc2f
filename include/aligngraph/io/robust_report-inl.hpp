#pragma once
// Robust selection results as text and JSON (robust_report.hpp).

#include "aligngraph/io/robust_report.hpp"

#include "aligngraph/detail/layout.hpp"
#include "aligngraph/detail/ordered_json.hpp"
#include "aligngraph/detail/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace aligngraph {

namespace detail {

inline bool holds(const std::vector<Index>& selection, Index i) { return std::find(selection.begin(), selection.end(), i) != selection.end(); }

inline std::string id_list(const SelectionFrequency& f, const std::vector<Index>& items) {
    std::string out;
    for (Index i : items) out += (out.empty() ? "" : ", ") + f.ids[static_cast<std::size_t>(i)];
    return out.empty() ? std::string("none") : out;
}

}  // namespace detail

ALIGNGRAPH_INLINE std::string selection_frequency_text(const SelectionFrequency& f, int width) {
    const std::size_t w = static_cast<std::size_t>(std::max(width, 60));
    const Index n = f.initiative_count();
    std::string out;
    out += detail::wrapped("", fmt::format("Selection frequency over {} scenario{} (samples {} to {}, seed {}{}): how often each "
                                           "initiative is in the scenario's optimal portfolio.",
                                           f.scenarios, f.scenarios == 1 ? "" : "s", f.first, f.first + f.scenarios - 1, f.seed,
                                           f.scenario.empty() ? "" : ", scenario " + f.scenario),
                           2, w);
    if (f.proven == f.scenarios) out += fmt::format("Every scenario's optimum proven; {:.2f} s.\n", f.seconds);
    else
        out += detail::wrapped("", fmt::format("{} of {} optima proven (the others the best found in the time left); {:.2f} s.", f.proven,
                                               f.scenarios, f.seconds),
                               2, w);
    if (f.stop_reason != StopReason::none) out += fmt::format("Stopped early ({}).\n", to_string(f.stop_reason));
    std::vector<Index> always, never, sometimes;
    for (Index i = 0; i < n; ++i) (f.frequency(i) >= 1 ? always : f.frequency(i) <= 0 ? never : sometimes).push_back(i);
    out += "\n" + detail::wrapped("In every scenario's optimum: ", detail::id_list(f, always) + ".", 2, w);
    out += detail::wrapped("In none: ", detail::id_list(f, never) + ".", 2, w);
    if (!sometimes.empty()) {
        std::stable_sort(sometimes.begin(), sometimes.end(), [&](Index a, Index b) { return f.frequency(a) > f.frequency(b); });
        std::size_t label = 8;
        for (Index i : sometimes) label = std::max(label, detail::columns(f.ids[static_cast<std::size_t>(i)]));
        label = std::min<std::size_t>(label, 16);
        // Narrow text: a shorter bar, then no money columns.
        const bool money = w >= label + 62;
        const std::size_t bar = w >= label + 84 ? 20 : money ? 0 : std::min<std::size_t>(20, w > label + 40 ? w - label - 40 : 0);
        const auto cells = [&](const std::string& a, const std::string& b) { return money ? fmt::format(" {:>10} {:>11}", a, b) : std::string(); };
        out += fmt::format("\nIn some:\n  {}{} {:>7}{} {:>8} {:>8}\n", detail::pad("", label), bar ? std::string(bar + 3, ' ') : "",
                           "share", cells("mean NPV", "planned NPV"), "planned", "expected");
        for (Index i : sometimes) {
            const auto len = static_cast<std::size_t>(std::llround(f.frequency(i) * static_cast<double>(bar)));
            out += fmt::format("  {}{} {:>6.1f}%{} {:>8} {:>8}\n", detail::pad(detail::fit(f.ids[static_cast<std::size_t>(i)], label), label),
                               bar ? " [" + std::string(len, '#') + std::string(bar - len, ' ') + "]" : "", 100 * f.frequency(i),
                               cells(detail::money(f.mean_npv(i)), detail::money(f.planned_npv(i))),
                               detail::holds(f.planned_selection, i) ? "in" : "out", detail::holds(f.expected_selection, i) ? "in" : "out");
        }
        out += detail::wrapped("  ", "(planned: in the optimum as planned; expected: in the portfolio best in expectation)", 3, w);
    }
    std::vector<Index> added, dropped;
    for (Index i = 0; i < n; ++i) {
        const bool e = detail::holds(f.expected_selection, i), pl = detail::holds(f.planned_selection, i);
        if (e && !pl) added.push_back(i);
        if (pl && !e) dropped.push_back(i);
    }
    out += "\n" + detail::wrapped("", fmt::format("Best in expectation (each initiative's mean NPV and mean cost per budget and period): "
                                                  "{} initiatives, expected NPV {}{}{}. Against the optimum as planned it adds {} and "
                                                  "leaves out {}.",
                                                  f.expected_selection.size(), detail::money(f.expected_value),
                                                  f.currency.empty() ? "" : " " + f.currency, f.expected_proven ? " (proven)" : "",
                                                  detail::id_list(f, added), detail::id_list(f, dropped)),
                                  2, w);
    return out;
}

ALIGNGRAPH_INLINE std::string selection_frequency_json(const SelectionFrequency& f) {
    using detail::ojson;
    ojson items = ojson::array();
    for (Index i = 0; i < f.initiative_count(); ++i)
        items.push_back(ojson{{"id", f.ids[static_cast<std::size_t>(i)]},
                              {"frequency", f.frequency(i)},
                              {"mean_npv", f.mean_npv(i)},
                              {"planned_npv", f.planned_npv(i)},
                              {"in_planned_optimum", detail::holds(f.planned_selection, i)},
                              {"in_best_in_expectation", detail::holds(f.expected_selection, i)}});
    const auto ids = [&](const std::vector<Index>& s) {
        ojson a = ojson::array();
        for (Index i : s) a.push_back(f.ids[static_cast<std::size_t>(i)]);
        return a;
    };
    std::vector<double> optimum(f.optimum.data(), f.optimum.data() + f.optimum.size());
    ojson out{{"scenario", f.scenario.empty() ? ojson(nullptr) : ojson(f.scenario)},
              {"currency", f.currency},
              {"seed", f.seed},
              {"first", f.first},
              {"scenarios", f.scenarios},
              {"proven", f.proven},
              {"stop_reason", std::string(to_string(f.stop_reason))},
              {"seconds", f.seconds},
              {"initiatives", items},
              {"planned_selection", ids(f.planned_selection)},
              {"best_in_expectation", ojson{{"selection", ids(f.expected_selection)}, {"value", f.expected_value}, {"proven", f.expected_proven}}},
              {"optimum_per_scenario", optimum}};
    return out.dump(2) + "\n";
}

}  // namespace aligngraph
