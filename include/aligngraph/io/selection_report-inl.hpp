#pragma once
// The optimal portfolio and the efficient frontier as text and JSON.

#include "aligngraph/io/selection_report.hpp"

#include "aligngraph/detail/ordered_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "aligngraph/detail/layout.hpp"
#include "aligngraph/detail/text.hpp"

namespace aligngraph {

namespace detail {

// What the values are, as a headline says it.
inline std::string objective_text(const SelectionLabels& l) {
    if (!l.objective) return "value";
    switch (*l.objective) {
        case Objective::alignment: return "alignment";
        case Objective::composite: return "composite priority";
        case Objective::npv: break;
    }
    return "NPV";
}

// Why a search stopped before its proof, as a sentence says it.
inline const char* stop_text(StopReason why) {
    switch (why) {
        case StopReason::time_limit: return "stopped at the time limit";
        case StopReason::node_limit: return "stopped at the node limit";
        case StopReason::interrupted: return "interrupted";
        case StopReason::none: break;
    }
    return "stopped";
}

inline std::string scenario_text(const SelectionLabels& l) {
    return l.scenario.empty() ? std::string() : fmt::format(" under scenario '{}'", l.scenario);
}

}  // namespace detail

ALIGNGRAPH_INLINE std::string selection_text(const SelectionResult& r, int width, bool displaced) {
    width = std::max(width, 60);
    const auto w = static_cast<std::size_t>(width);
    std::string out = detail::wrapped("", fmt::format("Optimal portfolio by {}{}: {} of {} initiatives, value {}", detail::objective_text(r),
                                              detail::scenario_text(r), r.selected.size(), r.initiative_count(), detail::money(r.value)), 2, w);
    out += detail::wrapped("", r.proven ? fmt::format("Proven optimal ({} nodes, {:.3f} s).", r.nodes, r.seconds)
                                : fmt::format("Not proven: {} after {} nodes, {:.3f} s; the best selection so far; upper bound "
                                              "{}, gap {:.2f}%.", detail::stop_text(r.stop_reason), r.nodes, r.seconds,
                                              detail::money(r.upper_bound), 100 * r.gap), 2, w);
    if (const double total = r.total_budget(); std::isfinite(total))
        out += detail::wrapped("", fmt::format("Uses {} of {}{} over the horizon.", detail::money(r.total_use()), detail::money(total),
                                       r.currency.empty() ? "" : " " + r.currency), 2, w);
    std::string line;
    for (Index i : r.selected) {
        const auto id = r.id(i);
        if (detail::columns(line) + id.size() + 2 > static_cast<std::size_t>(width)) {
            out += line + "\n";
            line.clear();
        }
        line += (line.empty() ? "  " : " ") + id;
    }
    if (!line.empty()) out += line + "\n";
    // Budget use as a share of the limit: per pool and period where the rows are, else per row.
    const auto P = std::max<std::size_t>(1, r.periods.size());
    std::vector<std::string> labels = r.periods.empty() ? std::vector<std::string>{"use"} : r.periods;
    std::vector<std::pair<std::string, std::vector<double>>> rows;
    const auto m = static_cast<std::size_t>(r.budgets.size());
    for (std::size_t b = 0; b * P < m; ++b) {
        std::vector<double> use(P);
        for (std::size_t t = 0; t < P; ++t) {
            const auto k = static_cast<Index>(b * P + t);
            use[t] = r.budgets(k) > 0 ? r.budget_use(k) / r.budgets(k) : 0.0;
        }
        rows.emplace_back(r.pools.empty() ? r.budget_name(static_cast<Index>(b)) : r.pools[b], use);
    }
    const std::size_t label_w = 16, col_w = 7;
    const auto per_block = std::max<std::size_t>(1, (static_cast<std::size_t>(width) - label_w) / col_w);
    for (std::size_t from = 0; !rows.empty() && from < P; from += per_block) {
        const auto to = std::min(from + per_block, P);
        out += fmt::format("\n{}", detail::pad("Budget use", label_w));
        for (auto t = from; t < to; ++t) out += fmt::format("{:>{}}", detail::fit(labels[t], col_w - 1), col_w);
        out += "\n";
        for (const auto& [label, values] : rows) {
            out += detail::pad(detail::fit(label, label_w - 1), label_w);
            for (auto t = from; t < to; ++t) out += fmt::format("{:>{}}", fmt::format("{:.0f}%", 100 * values[t]), col_w);
            out += "\n";
        }
    }
    out += selection_explanation_text(r, displaced, width);
    return out;
}

ALIGNGRAPH_INLINE std::string selection_explanation_text(const SelectionResult& r, bool displaced, int width) {
    const auto w = static_cast<std::size_t>(std::max(width, 60));
    std::string out;
    if (!r.left_out.empty()) {
        out += "\nLeft out, and why:\n";
        for (const auto& l : r.left_out)
            out += detail::wrapped(fmt::format("  {} {} ", detail::pad(detail::fit(r.id(l.initiative), 14), 14),
                                       detail::pad(std::string(to_string(l.reason)), 12)),
                           l.text, 30, w);
    }
    if (displaced && !r.displaced.empty()) {
        out += "\nWhat each selected initiative's funding would buy instead:\n";
        std::size_t unexplained = 0;
        for (const auto& d : r.displaced) {
            if (!d.explained) {
                ++unexplained;
                continue;
            }
            out += detail::wrapped(fmt::format("  {} ", detail::pad(detail::fit(r.id(d.initiative), 14), 14)), d.text, 17, w);
        }
        if (unexplained > 0)
            out += detail::wrapped("  ", fmt::format("{} of the {} not worked out: the call reached its time limit or was stopped first.",
                                                     unexplained, r.displaced.size()), 2, w);
    }
    return out;
}

namespace detail {

inline ojson number(double v) { return std::isfinite(v) ? ojson(v) : ojson(nullptr); }

// What a selection's numbers are: objective, scenario, currency, pools and periods.
inline ojson labels_json(const SelectionLabels& l) {
    return ojson{{"objective", l.objective ? ojson(std::string(to_string(*l.objective))) : ojson(nullptr)},
                 {"scenario", l.scenario.empty() ? ojson(nullptr) : ojson(l.scenario)},
                 {"currency", l.currency},
                 {"pools", l.pools},
                 {"periods", l.periods}};
}

}  // namespace detail

ALIGNGRAPH_INLINE std::string selection_json(const SelectionResult& r) {
    auto ids = [&](const std::vector<Index>& v) {
        detail::ojson a = detail::ojson::array();
        for (Index i : v) a.push_back(r.id(i));
        return a;
    };
    detail::ojson budgets = detail::ojson::array();
    for (Index k = 0; k < r.budgets.size(); ++k)
        budgets.push_back({{"name", r.budget_name(k)}, {"limit", r.budgets(k)}, {"use", r.budget_use(k)}, {"slack", r.slack(k)}});
    detail::ojson left_out = detail::ojson::array();
    for (const auto& l : r.left_out) {
        detail::ojson overruns = detail::ojson::array();
        for (auto [k, over] : l.overruns) overruns.push_back({{"budget", r.budget_name(k)}, {"over_by", over}});
        left_out.push_back({{"initiative", r.id(l.initiative)}, {"reason", std::string(to_string(l.reason))},
                            {"detail", l.text}, {"needs", ids(l.needs)}, {"blocked_by", ids(l.blocked_by)},
                            {"overruns", overruns}, {"value", l.value}});
    }
    detail::ojson displaced = detail::ojson::array();
    for (const auto& d : r.displaced)
        displaced.push_back({{"initiative", r.id(d.initiative)}, {"locked", d.locked}, {"with", ids(d.with)},
                             {"value", d.value}, {"displaces", ids(d.displaces)}, {"displaced_value", d.displaced_value},
                             {"margin", detail::number(d.margin)}, {"detail", d.text}, {"explained", d.explained}});
    detail::ojson out = detail::labels_json(r);
    out.update(detail::ojson{{"selected", ids(r.selected)}, {"value", r.value}, {"upper_bound", r.upper_bound}, {"gap", r.gap},
                     {"proven", r.proven}, {"stop_reason", std::string(to_string(r.stop_reason))}, {"nodes", r.nodes},
                     {"seconds", r.seconds}, {"explained", r.explained},
                     {"total_budget", detail::number(r.total_budget())}, {"total_use", detail::number(r.total_use())},
                     {"budgets", budgets}, {"left_out", left_out}, {"displaced", displaced}});
    return out.dump(2) + "\n";
}

ALIGNGRAPH_INLINE std::string frontier_text(const std::vector<FrontierPoint>& points) {
    if (points.empty()) return "Efficient frontier: no levels\n";
    const auto& first = points.front();
    std::string out = fmt::format("Efficient frontier by {}{}: the optimum at each level ({})\n", detail::objective_text(first.result),
                                  detail::scenario_text(first.result),
                                  first.sweep == Sweep::scale ? "all budgets scaled" : "one total budget; factor of all costs");
    const bool money_axis = std::isfinite(first.total_budget);
    if (!money_axis)
        out += "The budget pools overlap and none is a total, so no one budget is shown: see each pool in the JSON output.\n";
    out += fmt::format("{:>7} {:>12} {:>14} {:>16} {:>8} {:>9}\n", "factor", "budget", "optimal value", "per 1M more",
                       "proven", "selected");
    for (const auto& pt : points) {
        if (!pt.feasible) {
            out += detail::wrapped(fmt::format("{:>7.3f} {:>12}   ", pt.factor, detail::money(pt.total_budget)),
                           "infeasible: " + pt.infeasible_reason, 23, 100);
            continue;
        }
        out += fmt::format("{:>7.3f} {:>12} {:>14} {:>16} {:>8} {:>9}{}\n", pt.factor, detail::money(pt.total_budget),
                           detail::money(pt.result.value), detail::money(1e6 * pt.marginal), pt.result.proven ? "yes" : "no",
                           pt.result.selected.size(), pt.knee ? "  <- knee" : "");
    }
    return out;
}

ALIGNGRAPH_INLINE std::string frontier_json(const std::vector<FrontierPoint>& points) {
    detail::ojson levels = detail::ojson::array();
    for (const auto& pt : points) {
        detail::ojson selected = detail::ojson::array();
        for (Index i : pt.result.selected) selected.push_back(pt.result.id(i));
        detail::ojson pools = detail::ojson::object();
        for (std::size_t k = 0; k < pt.pool_budgets.size(); ++k) pools[pt.result.pools[k]] = pt.pool_budgets[k];
        levels.push_back({{"factor", pt.factor},
                          {"total_budget", detail::number(pt.total_budget)},
                          {"pool_budgets", pools},
                          {"feasible", pt.feasible},
                          {"infeasible_reason", pt.feasible ? detail::ojson(nullptr) : detail::ojson(pt.infeasible_reason)},
                          {"value", detail::number(pt.result.value)},
                          {"upper_bound", detail::number(pt.result.upper_bound)},
                          {"proven", pt.result.proven},
                          {"stop_reason", std::string(to_string(pt.result.stop_reason))},
                          {"marginal", detail::number(pt.marginal)},
                          {"knee", pt.knee},
                          {"selected", selected}});
    }
    detail::ojson out = points.empty() ? detail::ojson::object() : detail::labels_json(points.front().result);
    out["sweep"] = points.empty() ? "scale" : std::string(to_string(points.front().sweep));
    out["levels"] = levels;
    return out.dump(2) + "\n";
}

}  // namespace aligngraph
