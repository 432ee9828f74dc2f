#pragma once
// The model as text and JSON: the goal tree, initiatives and budgets; problems found.

#include "aligngraph/io/model_report.hpp"
#include "aligngraph/weights/goal_weights.hpp"

#include "aligngraph/detail/ordered_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "aligngraph/model/graph.hpp"
#include "aligngraph/detail/layout.hpp"
#include "aligngraph/detail/text.hpp"

namespace aligngraph {

ALIGNGRAPH_INLINE std::string summary_text(const Portfolio& p, int width) {
    width = std::max(width, 60);
    std::string out;
    const auto& h = p.horizon();
    const auto& s = p.settings();
    out += fmt::format("{}\n", p.name().empty() ? std::string("(unnamed model)") : p.name());
    out += fmt::format("Horizon {} to {}: {} periods of {:g} years\n", h.first_label, h.label(h.periods - 1),
                       h.periods, h.period_years);
    out += fmt::format("Discount rate {:.2f}% per year; currency {}\n", 100 * s.discount_rate, s.currency);
    out += fmt::format("{} goals, {} initiatives, {} requires links\n", p.goal_count(), p.initiative_count(),
                       p.requirements().size());
    out += fmt::format("{} exclusion groups, {} budgets, {} teams\n\n", p.exclusions().size(), p.budget_count(),
                       p.team_count());

    // Goal tree: a goal with several parents is shown under each of them.
    const auto w = goal_weights(p);
    std::vector<std::vector<Index>> children(static_cast<std::size_t>(p.goal_count()));
    std::vector<int> parents(static_cast<std::size_t>(p.goal_count()), 0);
    for (const auto& l : p.goal_links()) {
        children[l.parent].push_back(l.child);
        ++parents[l.child];
    }
    const std::size_t level_w = 12, weight_w = 8;
    const std::size_t name_w = static_cast<std::size_t>(width) - level_w - weight_w - 2;
    out += fmt::format("Goals{}{:<{}}{:>{}}\n", std::string(name_w - 5 + 1, ' '), "level", level_w, "weight", weight_w);
    std::function<void(Index, int)> show_goal = [&](Index g, int depth) {
        const auto& goal = p.goal(g);
        std::string label = std::string(2 * depth + 2, ' ') + goal.id + "  " + goal.name;
        if (parents[g] > 1) label += fmt::format(" (shared by {} parents)", parents[g]);
        out += fmt::format("{} {}{:>{}.4f}\n", detail::pad(detail::fit(label, name_w), name_w), detail::pad(detail::fit(goal.level, level_w), level_w),
                           w(g), weight_w);
        for (Index c : children[g]) show_goal(c, depth + 1);
    };
    for (Index g = 0; g < p.goal_count(); ++g)
        if (parents[g] == 0) show_goal(g, 0);

    // Initiatives.
    const auto costs = p.costs();
    const auto benefits = p.benefits();
    const std::size_t id_w = 8, dept_w = 12, num_w = 9, per_w = 7;
    const std::size_t iname_w = static_cast<std::size_t>(width) - id_w - dept_w - 2 * num_w - 2 * per_w - 6;
    out += fmt::format("\n{} {} {} {:>{}} {:>{}} {:>{}} {:>{}}\n", detail::pad("ID", id_w), detail::pad("Initiative", iname_w),
                       detail::pad("department", dept_w), "start", per_w, "periods", per_w, "cost", num_w, "benefit", num_w);
    for (Index i = 0; i < p.initiative_count(); ++i) {
        std::string mark;
        const auto& f = p.flags()[i];
        if (f.mandatory) mark = " [mandatory]";
        else if (f.forced_in) mark = " [in]";
        else if (f.forced_out) mark = " [out]";
        out += fmt::format("{} {} {} {:>{}} {:>{}} {:>{}} {:>{}}\n", detail::pad(detail::fit(p.initiative_ids()[i], id_w), id_w),
                           detail::pad(detail::fit(p.names()[i] + mark, iname_w), iname_w), detail::pad(detail::fit(p.departments()[i], dept_w), dept_w),
                           h.label(p.starts()(i)), per_w, p.durations()(i), per_w, detail::money(costs.row(i).sum()),
                           num_w, detail::money(benefits.row(i).sum()), num_w);
    }
    out += fmt::format("{} {:>{}} {:>{}}\n", detail::pad("total", static_cast<std::size_t>(width) - 2 * num_w - 2),
                       detail::money(costs.sum()), num_w, detail::money(benefits.sum()), num_w);

    // Budgets and capacities per period, in as many column blocks as the width needs.
    auto period_table = [&](const std::string& title, const std::vector<std::pair<std::string, std::vector<double>>>& rows,
                            bool is_money) {
        if (rows.empty()) return;
        const std::size_t label_w = 16, col_w = 7;
        const auto per_block = std::max<std::size_t>(1, (static_cast<std::size_t>(width) - label_w) / col_w);
        for (std::size_t from = 0; from < static_cast<std::size_t>(h.periods); from += per_block) {
            const auto to = std::min<std::size_t>(from + per_block, static_cast<std::size_t>(h.periods));
            out += fmt::format("\n{}", detail::pad(title, label_w));
            for (auto t = from; t < to; ++t) out += fmt::format("{:>{}}", h.label(static_cast<Period>(t)), col_w);
            out += "\n";
            for (const auto& [label, values] : rows) {
                out += detail::pad(detail::fit(label, label_w - 1), label_w);
                for (auto t = from; t < to; ++t)
                    out += fmt::format("{:>{}}", is_money ? detail::money(values[t]) : fmt::format("{:g}", values[t]), col_w);
                out += "\n";
            }
        }
    };
    std::vector<std::pair<std::string, std::vector<double>>> rows;
    for (Index b = 0; b < p.budget_count(); ++b) {
        const auto& budget = p.budgets()[b];
        rows.emplace_back(budget.id, budget.limits);
        const Eigen::RowVectorXd demand = p.budget_costs(b).colwise().sum();
        rows.emplace_back("  planned", std::vector<double>(demand.begin(), demand.end()));
    }
    period_table("Budget", rows, true);
    rows.clear();
    for (const auto& t : p.teams()) rows.emplace_back(t.id, t.capacity);
    period_table("Team capacity", rows, false);
    return out;
}

ALIGNGRAPH_INLINE std::string summary_json(const Portfolio& p) {
    detail::ojson doc;
    const auto& h = p.horizon();
    doc["name"] = p.name();
    detail::ojson labels = detail::ojson::array();
    for (Period t = 0; t < h.periods; ++t) labels.push_back(h.label(t));
    doc["horizon"] = {{"periods", h.periods}, {"period_years", h.period_years}, {"labels", labels}};
    doc["settings"] = {{"discount_rate", p.settings().discount_rate},
                       {"enabler_share", p.settings().enabler_share},
                       {"currency", p.settings().currency}};
    const auto w = goal_weights(p);
    detail::ojson goals = detail::ojson::array();
    for (Index g = 0; g < p.goal_count(); ++g) {
        detail::ojson parents = detail::ojson::array();
        for (const auto& l : p.goal_links())
            if (l.child == g) parents.push_back(p.goal(l.parent).id);
        goals.push_back({{"id", p.goal(g).id}, {"name", p.goal(g).name}, {"level", p.goal(g).level},
                         {"parents", parents}, {"global_weight", w(g)}});
    }
    doc["goals"] = goals;
    const auto capex = p.capex();
    const auto opex = p.opex();
    const auto benefits = p.benefits();
    detail::ojson initiatives = detail::ojson::array();
    for (Index i = 0; i < p.initiative_count(); ++i)
        initiatives.push_back({{"id", p.initiative_ids()[i]},
                               {"name", p.names()[i]},
                               {"department", p.departments()[i]},
                               {"start", p.starts()(i)},
                               {"duration", p.durations()(i)},
                               {"capex", capex.row(i).sum()},
                               {"opex", opex.row(i).sum()},
                               {"total_cost", capex.row(i).sum() + opex.row(i).sum()},
                               {"total_benefit", benefits.row(i).sum()}});
    doc["initiatives"] = initiatives;
    detail::ojson budgets = detail::ojson::array();
    for (Index b = 0; b < p.budget_count(); ++b) {
        const auto& budget = p.budgets()[b];
        const Eigen::RowVectorXd planned = p.budget_costs(b).colwise().sum();
        budgets.push_back({{"id", budget.id},
                           {"department", budget.department},
                           {"kind", to_string(budget.kind)},
                           {"limits", budget.limits},
                           {"planned", std::vector<double>(planned.begin(), planned.end())}});
    }
    doc["budgets"] = budgets;
    detail::ojson teams = detail::ojson::array();
    for (const auto& t : p.teams()) teams.push_back({{"id", t.id}, {"name", t.name}, {"capacity", t.capacity}});
    doc["teams"] = teams;
    return doc.dump(2) + "\n";
}

ALIGNGRAPH_INLINE std::string problems_text(const std::vector<Problem>& problems, const std::string& source) {
    std::string out;
    std::size_t errors = 0, warnings = 0;
    for (const auto& q : problems) {
        const bool warning = q.severity == Severity::warning;
        (warning ? warnings : errors) += 1;
        out += fmt::format("{}: {}{}: {}\n", source, warning ? "warning: " : "", q.pointer.empty() ? "/" : q.pointer, q.message);
    }
    auto count = [](std::size_t k, const char* what) { return fmt::format("{} {}{}", k, what, k == 1 ? "" : "s"); };
    if (errors == 0) out += fmt::format("{}: valid{}\n", source, warnings ? fmt::format(", {}", count(warnings, "warning")) : "");
    else out += fmt::format("{}: {}{}\n", source, count(errors, "problem"), warnings ? fmt::format(", {}", count(warnings, "warning")) : "");
    return out;
}

ALIGNGRAPH_INLINE std::string problems_json(const std::vector<Problem>& problems, const std::string& source) {
    detail::ojson errors = detail::ojson::array(), warnings = detail::ojson::array();
    for (const auto& q : problems) {
        detail::ojson e = {{"pointer", q.pointer}, {"message", q.message}};
        if (!q.cycle.empty()) e["cycle"] = q.cycle;
        (q.severity == Severity::warning ? warnings : errors).push_back(e);
    }
    return detail::ojson{{"file", source}, {"valid", errors.empty()}, {"errors", errors}, {"warnings", warnings}}.dump(2) + "\n";
}

}  // namespace aligngraph
