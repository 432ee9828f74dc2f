#pragma once
// Two scenarios side by side, as text and JSON (compare_report.hpp).

#include "aligngraph/io/compare_report.hpp"

#include "aligngraph/detail/layout.hpp"
#include "aligngraph/detail/ordered_json.hpp"
#include "aligngraph/detail/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <vector>

namespace aligngraph {

namespace detail {
inline std::string scenario_label(const std::string& s) { return s.empty() ? std::string("as it is") : s; }
}  // namespace detail

ALIGNGRAPH_INLINE std::string compare_text(const ScenarioComparison& c, int width, int rows) {
    const std::size_t w = static_cast<std::size_t>(std::max(width, 60));
    const std::string la = detail::scenario_label(c.scenario_a), lb = detail::scenario_label(c.scenario_b);
    const std::string objective = !c.a.objective ? std::string("value")
                                  : *c.a.objective == Objective::npv ? std::string("NPV") : std::string(to_string(*c.a.objective));
    const std::string unit = c.currency.empty() || objective != "NPV" ? "" : " " + c.currency;
    std::string out = detail::wrapped("", fmt::format("Scenarios compared: {} against {} (optimal portfolios by {}, ranking by {}).",
                                                      c.scenario_a.empty() ? "the model as it is" : "'" + la + "'",
                                                      c.scenario_b.empty() ? "the model as it is" : "'" + lb + "'", objective,
                                                      to_string(c.by)),
                                      2, w);
    // Two value columns wide enough for the scenario names, narrowed (names cut) to fit the width
    // with the difference beside them.
    const std::size_t col = std::min(std::max<std::size_t>({14, detail::columns(la) + 2, detail::columns(lb) + 2}),
                                     std::max<std::size_t>(12, w > 36 ? (w - 36) / 2 : 0));
    const auto row = [&](const std::string& label, const std::string& x, const std::string& y, const std::string& note) {
        std::string line = fmt::format("  {} {} {}{}", detail::pad(label, 19), detail::pad(detail::fit(x, col - 1), col),
                                       detail::pad(detail::fit(y, col - 1), col), note);
        line.erase(line.find_last_not_of(' ') + 1);
        return line + "\n";
    };
    out += "\n" + row("", la, lb, "");
    out += row("optimal " + objective, detail::money(c.a.value) + unit, detail::money(c.b.value) + unit,
               fmt::format("({}{})", c.value_difference >= 0 ? "+" : "", detail::money(c.value_difference)));
    out += row("initiatives funded", std::to_string(c.a.selected.size()), std::to_string(c.b.selected.size()), "");
    out += row("proven", c.a.proven ? "yes" : "no", c.b.proven ? "yes" : "no", "");
    out += "\n" + detail::wrapped("Funded in both: ", detail::id_list(c.ids, c.both) + ".", 2, w);
    out += detail::wrapped(fmt::format("Only {}: ", c.scenario_a.empty() ? "as it is" : "under " + la), detail::id_list(c.ids, c.only_a) + ".", 2, w);
    out += detail::wrapped(fmt::format("Only {}: ", c.scenario_b.empty() ? "as it is" : "under " + lb), detail::id_list(c.ids, c.only_b) + ".", 2, w);

    // The initiatives that change most: funding first, then the largest rank moves.
    std::vector<Index> order(static_cast<std::size_t>(c.initiative_count()));
    std::iota(order.begin(), order.end(), Index{0});
    std::vector<char> in_a(order.size(), 0), in_b(order.size(), 0);
    for (Index i : c.a.selected) in_a[static_cast<std::size_t>(i)] = 1;
    for (Index i : c.b.selected) in_b[static_cast<std::size_t>(i)] = 1;
    const auto funding_changes = [&](Index i) { return in_a[static_cast<std::size_t>(i)] != in_b[static_cast<std::size_t>(i)]; };
    std::stable_sort(order.begin(), order.end(), [&](Index x, Index y) {
        if (funding_changes(x) != funding_changes(y)) return funding_changes(x);
        const int mx = std::abs(c.ranks.change(x)), my = std::abs(c.ranks.change(y));
        if (mx != my) return mx > my;
        return c.ranks.rank_a(x) < c.ranks.rank_a(y);
    });
    std::size_t shown = 0;
    while (shown < order.size() && static_cast<int>(shown) < rows &&
           (funding_changes(order[shown]) || c.ranks.change(order[shown]) != 0))
        ++shown;
    out += "\n" + detail::wrapped("", fmt::format("Ranking by {}: Kendall's tau {:.3f} between the two (1: the same order, -1: reversed); "
                                                  "{} initiatives change rank.",
                                                  to_string(c.by), c.ranks.kendall_tau,
                                                  (c.ranks.change.array() != 0).count()),
                                  2, w);
    if (shown > 0) {
        std::size_t id_width = 6;
        for (std::size_t k = 0; k < shown; ++k) id_width = std::max(id_width, detail::columns(c.ids[static_cast<std::size_t>(order[k])]));
        id_width = std::min<std::size_t>(id_width, 12);
        const std::size_t fixed = 2 + id_width + 1 + 8 * 3 + 2 * 9;
        const std::size_t name_width = w > fixed + 10 ? std::min<std::size_t>(w - fixed - 1, 40) : 0;
        out += fmt::format("  {} {}{:>8}{:>8}{:>8}{:>9}{:>9}\n", detail::pad("id", id_width),
                           name_width ? detail::pad("name", name_width) + " " : "", "rank a", "rank b", "change", "funded a", "funded b");
        for (std::size_t k = 0; k < shown; ++k) {
            const Index i = order[k];
            const auto s = static_cast<std::size_t>(i);
            const int d = c.ranks.change(i);
            out += fmt::format("  {} {}{:>8}{:>8}{:>8}{:>9}{:>9}\n", detail::pad(detail::fit(c.ids[s], id_width), id_width),
                               name_width ? detail::pad(detail::fit(c.names[s], name_width), name_width) + " " : "", c.ranks.rank_a(i),
                               c.ranks.rank_b(i), d == 0 ? std::string("=") : fmt::format("{:+d}", d), in_a[s] ? "yes" : "no",
                               in_b[s] ? "yes" : "no");
        }
        out += detail::wrapped("  ", "(change: rank b - rank a; negative moves up; a: " + la + ", b: " + lb + ")", 3, w);
    }
    return out;
}

ALIGNGRAPH_INLINE std::string compare_json(const ScenarioComparison& c) {
    using detail::ojson;
    const auto side = [&](const SelectionResult& r) {
        std::vector<std::string> ids;
        for (Index i : r.selected) ids.push_back(c.ids[static_cast<std::size_t>(i)]);
        return ojson{{"value", r.value}, {"upper_bound", r.upper_bound}, {"proven", r.proven}, {"selected", ids}};
    };
    const auto ids_of = [&](const std::vector<Index>& v) {
        std::vector<std::string> out;
        for (Index i : v) out.push_back(c.ids[static_cast<std::size_t>(i)]);
        return out;
    };
    std::vector<char> in_a(c.ids.size(), 0), in_b(c.ids.size(), 0);
    for (Index i : c.a.selected) in_a[static_cast<std::size_t>(i)] = 1;
    for (Index i : c.b.selected) in_b[static_cast<std::size_t>(i)] = 1;
    ojson items = ojson::array();
    for (Index i = 0; i < c.initiative_count(); ++i) {
        const auto s = static_cast<std::size_t>(i);
        items.push_back(ojson{{"id", c.ids[s]},
                              {"name", c.names[s]},
                              {"in_a", static_cast<bool>(in_a[s])},
                              {"in_b", static_cast<bool>(in_b[s])},
                              {"score_a", c.score_a(i)},
                              {"score_b", c.score_b(i)},
                              {"rank_a", c.ranks.rank_a(i)},
                              {"rank_b", c.ranks.rank_b(i)},
                              {"change", c.ranks.change(i)}});
    }
    return ojson{{"scenario_a", c.scenario_a},
                 {"scenario_b", c.scenario_b},
                 {"objective", c.a.objective ? ojson(std::string(to_string(*c.a.objective))) : ojson(nullptr)},
                 {"by", std::string(to_string(c.by))},
                 {"currency", c.currency},
                 {"a", side(c.a)},
                 {"b", side(c.b)},
                 {"value_difference", c.value_difference},
                 {"kendall_tau", c.ranks.kendall_tau},
                 {"both", ids_of(c.both)},
                 {"only_a", ids_of(c.only_a)},
                 {"only_b", ids_of(c.only_b)},
                 {"initiatives", items}}
               .dump(2) +
           "\n";
}

}  // namespace aligngraph
