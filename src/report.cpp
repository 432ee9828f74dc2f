// Summaries of a model for the command line: aligned text (fmt) and JSON.

#include "aligngraph/io/report.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "aligngraph/detail/text.hpp"
#include "aligngraph/model/graph.hpp"

namespace aligngraph {

namespace {

using ojson = nlohmann::ordered_json;

using detail::money;

/// `s` cut to `width` characters (UTF-8 aware), with an ellipsis when cut.
std::string fit(const std::string& s, std::size_t width) {
    std::size_t chars = 0, cut = s.size();
    for (std::size_t k = 0; k < s.size(); ++k) {
        if ((static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) continue;
        if (chars == width - 1 && cut == s.size()) cut = k;
        if (++chars > width) return s.substr(0, cut) + "…";
    }
    return s;
}

/// Display width of UTF-8 text (one column per code point).
std::size_t columns(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string pad(const std::string& s, std::size_t width) {
    const auto c = columns(s);
    return c >= width ? s : s + std::string(width - c, ' ');
}

}  // namespace

std::string summary_text(const Portfolio& p, int width) {
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
    const auto w = global_goal_weights(p);
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
        out += fmt::format("{} {}{:>{}.4f}\n", pad(fit(label, name_w), name_w), pad(fit(goal.level, level_w), level_w),
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
    out += fmt::format("\n{} {} {} {:>{}} {:>{}} {:>{}} {:>{}}\n", pad("ID", id_w), pad("Initiative", iname_w),
                       pad("department", dept_w), "start", per_w, "periods", per_w, "cost", num_w, "benefit", num_w);
    for (Index i = 0; i < p.initiative_count(); ++i) {
        std::string mark;
        const auto& f = p.flags()[i];
        if (f.mandatory) mark = " [mandatory]";
        else if (f.forced_in) mark = " [in]";
        else if (f.forced_out) mark = " [out]";
        out += fmt::format("{} {} {} {:>{}} {:>{}} {:>{}} {:>{}}\n", pad(fit(p.initiative_ids()[i], id_w), id_w),
                           pad(fit(p.names()[i] + mark, iname_w), iname_w), pad(fit(p.departments()[i], dept_w), dept_w),
                           h.label(p.starts()(i)), per_w, p.durations()(i), per_w, money(costs.row(i).sum()),
                           num_w, money(benefits.row(i).sum()), num_w);
    }
    out += fmt::format("{} {:>{}} {:>{}}\n", pad("total", static_cast<std::size_t>(width) - 2 * num_w - 2),
                       money(costs.sum()), num_w, money(benefits.sum()), num_w);

    // Budgets and capacities per period, in as many column blocks as the width needs.
    auto period_table = [&](const std::string& title, const std::vector<std::pair<std::string, std::vector<double>>>& rows,
                            bool is_money) {
        if (rows.empty()) return;
        const std::size_t label_w = 16, col_w = 7;
        const auto per_block = std::max<std::size_t>(1, (static_cast<std::size_t>(width) - label_w) / col_w);
        for (std::size_t from = 0; from < static_cast<std::size_t>(h.periods); from += per_block) {
            const auto to = std::min<std::size_t>(from + per_block, static_cast<std::size_t>(h.periods));
            out += fmt::format("\n{}", pad(title, label_w));
            for (auto t = from; t < to; ++t) out += fmt::format("{:>{}}", h.label(static_cast<Period>(t)), col_w);
            out += "\n";
            for (const auto& [label, values] : rows) {
                out += pad(fit(label, label_w - 1), label_w);
                for (auto t = from; t < to; ++t)
                    out += fmt::format("{:>{}}", is_money ? money(values[t]) : fmt::format("{:g}", values[t]), col_w);
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

std::string summary_json(const Portfolio& p) {
    ojson doc;
    const auto& h = p.horizon();
    doc["name"] = p.name();
    ojson labels = ojson::array();
    for (Period t = 0; t < h.periods; ++t) labels.push_back(h.label(t));
    doc["horizon"] = {{"periods", h.periods}, {"period_years", h.period_years}, {"labels", labels}};
    doc["settings"] = {{"discount_rate", p.settings().discount_rate},
                       {"enabler_share", p.settings().enabler_share},
                       {"currency", p.settings().currency}};
    const auto w = global_goal_weights(p);
    ojson goals = ojson::array();
    for (Index g = 0; g < p.goal_count(); ++g) {
        ojson parents = ojson::array();
        for (const auto& l : p.goal_links())
            if (l.child == g) parents.push_back(p.goal(l.parent).id);
        goals.push_back({{"id", p.goal(g).id}, {"name", p.goal(g).name}, {"level", p.goal(g).level},
                         {"parents", parents}, {"global_weight", w(g)}});
    }
    doc["goals"] = goals;
    const auto capex = p.capex();
    const auto opex = p.opex();
    const auto benefits = p.benefits();
    ojson initiatives = ojson::array();
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
    ojson budgets = ojson::array();
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
    ojson teams = ojson::array();
    for (const auto& t : p.teams()) teams.push_back({{"id", t.id}, {"name", t.name}, {"capacity", t.capacity}});
    doc["teams"] = teams;
    return doc.dump(2) + "\n";
}

namespace {

std::string percent(double v) { return std::isnan(v) ? std::string("-") : fmt::format("{:.1f}%", 100 * v); }
std::string periods(double v) { return std::isnan(v) ? std::string("never") : fmt::format("{:.2f}", v); }
std::string ratio(double v) { return std::isnan(v) ? std::string("-") : fmt::format("{:.2f}", v); }

}  // namespace

std::string financials_text(const Portfolio& p, const Financials& f, const Financials& total, const FinanceOptions& o,
                            int width) {
    width = std::max(width, 60);
    const auto& h = p.horizon();
    const Rate yearly = o.discount_rate.value_or(p.settings().discount_rate);
    std::string out = fmt::format("Finance at {:.2f}% per year ({:.3f}% per period of {:g} years); money in {}\n",
                                  100 * yearly, 100 * f.period_rate, h.period_years, p.settings().currency);
    out += o.convention == NpvConvention::excel ? "NPV discounts the first period too (Excel's NPV).\n"
                                                : "NPV leaves the first period undiscounted (numpy-financial's npv).\n";
    out += "IRR and MIRR per year; * marks several IRRs (the one shown is numpy-financial's choice);\n"
           "payback in periods from the initiative's start, 'never' within the horizon.\n\n";
    const std::size_t id_w = 8, num_w = 9, pct_w = 8, pb_w = 8, r_w = 7;
    const std::size_t fixed = id_w + 3 * num_w + 2 * pct_w + pb_w + 2 * r_w + 9;
    const std::size_t name_w = static_cast<std::size_t>(width) > fixed + 8 ? static_cast<std::size_t>(width) - fixed : 8;
    auto row = [&](const std::string& id, const std::string& name, const std::string& cost, const std::string& benefit,
                   const std::string& npv, const std::string& irr, const std::string& mirr, const std::string& pb,
                   const std::string& roi, const std::string& pi) {
        out += fmt::format("{} {} {:>{}} {:>{}} {:>{}} {:>{}} {:>{}} {:>{}} {:>{}} {:>{}}\n", pad(fit(id, id_w), id_w),
                           pad(fit(name, name_w), name_w), cost, num_w, benefit, num_w, npv, num_w, irr, pct_w, mirr,
                           pct_w, pb, pb_w, roi, r_w, pi, r_w);
    };
    row("ID", "Initiative", "cost", "benefit", "NPV", "IRR", "MIRR", "payback", "ROI", "PI");
    for (Index i = 0; i < p.initiative_count(); ++i)
        row(p.initiative_ids()[i], p.names()[i], money(f.total_cost(i)), money(f.total_benefit(i)),
            money(f.npv(i)), fmt::format("{}{}", percent(f.irr_annual(i)), f.irr_roots(i) > 1 ? "*" : ""), percent(f.mirr_annual(i)),
            periods(f.payback(i)), percent(f.roi(i)), ratio(f.profitability_index(i)));
    row("ALL", fmt::format("{} initiatives", p.initiative_count()), money(total.total_cost(0)),
        money(total.total_benefit(0)), money(total.npv(0)),
        fmt::format("{}{}", percent(total.irr_annual(0)), total.irr_roots(0) > 1 ? "*" : ""), percent(total.mirr_annual(0)),
        periods(total.payback(0)), percent(total.roi(0)), ratio(total.profitability_index(0)));
    return out;
}

std::string financials_json(const Portfolio& p, const Financials& f, const Financials& total) {
    auto value = [](double v) { return std::isnan(v) ? ojson(nullptr) : ojson(v); };
    auto entry = [&](const Financials& x, Index i) {
        return ojson{{"capex", x.capex(i)},
                     {"opex", x.opex(i)},
                     {"total_cost", x.total_cost(i)},
                     {"total_benefit", x.total_benefit(i)},
                     {"pv_costs", x.pv_costs(i)},
                     {"pv_benefits", x.pv_benefits(i)},
                     {"npv", x.npv(i)},
                     {"irr", value(x.irr(i))},
                     {"irr_annual", value(x.irr_annual(i))},
                     {"irr_roots", x.irr_roots(i)},
                     {"mirr", value(x.mirr(i))},
                     {"mirr_annual", value(x.mirr_annual(i))},
                     {"payback", value(x.payback(i))},
                     {"discounted_payback", value(x.discounted_payback(i))},
                     {"roi", value(x.roi(i))},
                     {"profitability_index", value(x.profitability_index(i))}};
    };
    ojson initiatives = ojson::array();
    for (Index i = 0; i < p.initiative_count(); ++i) {
        ojson e{{"id", p.initiative_ids()[i]}};
        e.update(entry(f, i));
        initiatives.push_back(e);
    }
    return ojson{{"period_rate", f.period_rate}, {"initiatives", initiatives}, {"portfolio", entry(total, 0)}}.dump(2) +
           "\n";
}

std::string ranking_text(const Portfolio& p, const ScoreTable& t, const std::string& title, Index top, int width) {
    width = std::max(width, 60);
    const auto order = rank_order(t.total, p.initiative_ids());
    const Index rows = top > 0 ? std::min<Index>(top, static_cast<Index>(order.size())) : static_cast<Index>(order.size());
    std::string out = title + "\n";
    const std::size_t rank_w = 4, id_w = 8, score_w = 10, parts_w = 34;
    const std::size_t name_w = static_cast<std::size_t>(width) - rank_w - id_w - score_w - parts_w - 4;
    out += fmt::format("{:>{}} {} {} {:>{}} {}\n", "rank", rank_w, pad("ID", id_w), pad("Initiative", name_w), "score",
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
        out += fmt::format("{:>{}} {} {} {:>{}.4g} {}\n", r + 1, rank_w, pad(fit(p.initiative_ids()[i], id_w), id_w),
                           pad(fit(p.names()[i], name_w), name_w), t.total(i), score_w, fit(shown, parts_w));
    }
    return out;
}

std::string ranking_json(const Portfolio& p, const ScoreTable& t, Index top) {
    const auto order = rank_order(t.total, p.initiative_ids());
    const Index rows = top > 0 ? std::min<Index>(top, static_cast<Index>(order.size())) : static_cast<Index>(order.size());
    ojson out = ojson::array();
    for (Index r = 0; r < rows; ++r) {
        const Index i = order[static_cast<std::size_t>(r)];
        ojson parts = ojson::object();
        for (Index c = 0; c < t.parts.cols(); ++c)
            if (t.parts(i, c) != 0) parts[t.labels[static_cast<std::size_t>(c)]] = t.parts(i, c);
        out.push_back({{"rank", r + 1}, {"id", p.initiative_ids()[i]}, {"score", t.total(i)}, {"parts", parts}});
    }
    return out.dump(2) + "\n";
}

std::string explanation_text(const Portfolio& p, const ScoreOptions& o, const ScoreTable& t, Index i) {
    std::string out = fmt::format("{}  {}: score {:.6g}, rank {}\n", p.initiative_ids()[i], p.names()[i], t.total(i),
                                  ranks(t.total, p.initiative_ids())(i));
    double sum = 0;
    if (o.kind == ScoreKind::alignment) {
        const auto al = alignment(p, o.alignment);
        for (const auto& part : explain_alignment(p, al, i)) {
            if (part.kind == AlignmentPart::Kind::goal)
                out += fmt::format("  {:>10.6f}  goal {} '{}' (weight {:.4f})\n", part.value, p.goal(part.source).id,
                                   p.goal(part.source).name, al.goal_weights(part.source));
            else
                out += fmt::format("  {:>10.6f}  enabler credit from {} '{}', which requires it\n", part.value,
                                   p.initiative_ids()[part.source], p.names()[part.source]);
            sum += part.value;
        }
    } else {
        for (Index c = 0; c < t.parts.cols(); ++c) {
            out += fmt::format("  {:>10.6f}  {}\n", t.parts(i, c), t.labels[static_cast<std::size_t>(c)]);
            sum += t.parts(i, c);
        }
    }
    out += fmt::format("  {:>10.6f}  total of the parts\n", sum);
    return out;
}

std::string sensitivity_text(const std::vector<WeightSensitivity>& s, const std::string& what, Index k) {
    std::string out = fmt::format("{:<16} {:>8}   {:>17}   {:>17}\n", what, "weight", "keeps the first", fmt::format("keeps the top {}", k));
    for (const auto& x : s)
        out += fmt::format("{:<16} {:>8.4f}   [{:>6.4f}, {:>6.4f}]   [{:>6.4f}, {:>6.4f}]\n", fit(x.item, 16), x.weight,
                           x.top1_low, x.top1_high, x.topk_low, x.topk_high);
    return out;
}

namespace {

// `head` then `text`, wrapped at spaces to `width` columns, continuation lines indented.
std::string wrapped(const std::string& head, const std::string& text, std::size_t indent, std::size_t width) {
    std::string out = head;
    std::size_t used = columns(head);
    bool line_start = true;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto end = text.find(' ', pos);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(pos, end - pos);
        pos = end + 1;
        if (word.empty()) continue;
        if (!line_start && used + 1 + columns(word) > width) {
            out += "\n" + std::string(indent, ' ');
            used = indent;
            line_start = true;
        }
        if (!line_start) {
            out += ' ';
            ++used;
        }
        out += word;
        used += columns(word);
        line_start = false;
    }
    return out + "\n";
}

}  // namespace

namespace {

// What the values are, as a headline says it.
std::string objective_text(const SelectionLabels& l) {
    if (!l.objective) return "value";
    switch (*l.objective) {
        case Objective::alignment: return "alignment";
        case Objective::composite: return "composite priority";
        case Objective::npv: break;
    }
    return "NPV";
}

std::string scenario_text(const SelectionLabels& l) {
    return l.scenario.empty() ? std::string() : fmt::format(" under scenario '{}'", l.scenario);
}

}  // namespace

std::string selection_text(const SelectionResult& r, int width, bool displaced) {
    width = std::max(width, 60);
    const auto w = static_cast<std::size_t>(width);
    std::string out = wrapped("", fmt::format("Optimal portfolio by {}{}: {} of {} initiatives, value {}", objective_text(r),
                                              scenario_text(r), r.selected.size(), r.initiative_count(), money(r.value)), 2, w);
    out += wrapped("", r.proven ? fmt::format("Proven optimal ({} nodes, {:.3f} s).", r.nodes, r.seconds)
                                : fmt::format("Not proven: stopped at a limit after {} nodes, {:.3f} s; upper bound {}, "
                                              "gap {:.2f}%.", r.nodes, r.seconds, money(r.upper_bound), 100 * r.gap), 2, w);
    if (const double total = r.total_budget(); std::isfinite(total))
        out += wrapped("", fmt::format("Uses {} of {}{} over the horizon.", money(r.total_use()), money(total),
                                       r.currency.empty() ? "" : " " + r.currency), 2, w);
    std::string line;
    for (Index i : r.selected) {
        const auto id = r.id(i);
        if (columns(line) + id.size() + 2 > static_cast<std::size_t>(width)) {
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
        out += fmt::format("\n{}", pad("Budget use", label_w));
        for (auto t = from; t < to; ++t) out += fmt::format("{:>{}}", fit(labels[t], col_w - 1), col_w);
        out += "\n";
        for (const auto& [label, values] : rows) {
            out += pad(fit(label, label_w - 1), label_w);
            for (auto t = from; t < to; ++t) out += fmt::format("{:>{}}", fmt::format("{:.0f}%", 100 * values[t]), col_w);
            out += "\n";
        }
    }
    out += selection_explanation_text(r, displaced, width);
    return out;
}

std::string selection_explanation_text(const SelectionResult& r, bool displaced, int width) {
    const auto w = static_cast<std::size_t>(std::max(width, 60));
    std::string out;
    if (!r.left_out.empty()) {
        out += "\nLeft out, and why:\n";
        for (const auto& l : r.left_out)
            out += wrapped(fmt::format("  {} {} ", pad(fit(r.id(l.initiative), 14), 14),
                                       pad(std::string(to_string(l.reason)), 12)),
                           l.text, 30, w);
    }
    if (displaced && !r.displaced.empty()) {
        out += "\nWhat each selected initiative's funding would buy instead:\n";
        for (const auto& d : r.displaced)
            out += wrapped(fmt::format("  {} ", pad(fit(r.id(d.initiative), 14), 14)), d.text, 17, w);
    }
    return out;
}

namespace {

ojson number(double v) { return std::isfinite(v) ? ojson(v) : ojson(nullptr); }

// What a selection's numbers are: objective, scenario, currency, pools and periods.
ojson labels_json(const SelectionLabels& l) {
    return ojson{{"objective", l.objective ? ojson(std::string(to_string(*l.objective))) : ojson(nullptr)},
                 {"scenario", l.scenario.empty() ? ojson(nullptr) : ojson(l.scenario)},
                 {"currency", l.currency},
                 {"pools", l.pools},
                 {"periods", l.periods}};
}

}  // namespace

std::string selection_json(const SelectionResult& r) {
    auto ids = [&](const std::vector<Index>& v) {
        ojson a = ojson::array();
        for (Index i : v) a.push_back(r.id(i));
        return a;
    };
    ojson budgets = ojson::array();
    for (Index k = 0; k < r.budgets.size(); ++k)
        budgets.push_back({{"name", r.budget_name(k)}, {"limit", r.budgets(k)}, {"use", r.budget_use(k)}, {"slack", r.slack(k)}});
    ojson left_out = ojson::array();
    for (const auto& l : r.left_out) {
        ojson overruns = ojson::array();
        for (auto [k, over] : l.overruns) overruns.push_back({{"budget", r.budget_name(k)}, {"over_by", over}});
        left_out.push_back({{"initiative", r.id(l.initiative)}, {"reason", std::string(to_string(l.reason))},
                            {"detail", l.text}, {"needs", ids(l.needs)}, {"blocked_by", ids(l.blocked_by)},
                            {"overruns", overruns}, {"value", l.value}});
    }
    ojson displaced = ojson::array();
    for (const auto& d : r.displaced)
        displaced.push_back({{"initiative", r.id(d.initiative)}, {"locked", d.locked}, {"with", ids(d.with)},
                             {"value", d.value}, {"displaces", ids(d.displaces)}, {"displaced_value", d.displaced_value},
                             {"margin", number(d.margin)}, {"detail", d.text}});
    ojson out = labels_json(r);
    out.update(ojson{{"selected", ids(r.selected)}, {"value", r.value}, {"upper_bound", r.upper_bound}, {"gap", r.gap},
                     {"proven", r.proven}, {"nodes", r.nodes}, {"seconds", r.seconds},
                     {"total_budget", number(r.total_budget())}, {"total_use", number(r.total_use())},
                     {"budgets", budgets}, {"left_out", left_out}, {"displaced", displaced}});
    return out.dump(2) + "\n";
}

std::string frontier_text(const std::vector<FrontierPoint>& points) {
    if (points.empty()) return "Efficient frontier: no levels\n";
    const auto& first = points.front();
    std::string out = fmt::format("Efficient frontier by {}{}: the optimum at each level ({})\n", objective_text(first.result),
                                  scenario_text(first.result),
                                  first.sweep == Sweep::scale ? "all budgets scaled" : "one total budget; factor of all costs");
    const bool money_axis = std::isfinite(first.total_budget);
    if (!money_axis)
        out += "The budget pools overlap and none is a total, so no one budget is shown: see each pool in the JSON output.\n";
    out += fmt::format("{:>7} {:>12} {:>14} {:>16} {:>8} {:>9}\n", "factor", "budget", "optimal value", "per 1M more",
                       "proven", "selected");
    for (const auto& pt : points) {
        if (!pt.feasible) {
            out += wrapped(fmt::format("{:>7.3f} {:>12}   ", pt.factor, money(pt.total_budget)),
                           "infeasible: " + pt.infeasible_reason, 23, 100);
            continue;
        }
        out += fmt::format("{:>7.3f} {:>12} {:>14} {:>16} {:>8} {:>9}{}\n", pt.factor, money(pt.total_budget),
                           money(pt.result.value), money(1e6 * pt.marginal), pt.result.proven ? "yes" : "no",
                           pt.result.selected.size(), pt.knee ? "  <- knee" : "");
    }
    return out;
}

std::string frontier_json(const std::vector<FrontierPoint>& points) {
    ojson levels = ojson::array();
    for (const auto& pt : points) {
        ojson selected = ojson::array();
        for (Index i : pt.result.selected) selected.push_back(pt.result.id(i));
        ojson pools = ojson::object();
        for (std::size_t k = 0; k < pt.pool_budgets.size(); ++k) pools[pt.result.pools[k]] = pt.pool_budgets[k];
        levels.push_back({{"factor", pt.factor},
                          {"total_budget", number(pt.total_budget)},
                          {"pool_budgets", pools},
                          {"feasible", pt.feasible},
                          {"infeasible_reason", pt.feasible ? ojson(nullptr) : ojson(pt.infeasible_reason)},
                          {"value", number(pt.result.value)},
                          {"upper_bound", number(pt.result.upper_bound)},
                          {"proven", pt.result.proven},
                          {"marginal", number(pt.marginal)},
                          {"knee", pt.knee},
                          {"selected", selected}});
    }
    ojson out = points.empty() ? ojson::object() : labels_json(points.front().result);
    out["sweep"] = points.empty() ? "scale" : std::string(to_string(points.front().sweep));
    out["levels"] = levels;
    return out.dump(2) + "\n";
}

std::string problems_text(const std::vector<Problem>& problems, const std::string& source) {
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

std::string problems_json(const std::vector<Problem>& problems, const std::string& source) {
    ojson errors = ojson::array(), warnings = ojson::array();
    for (const auto& q : problems) {
        ojson e = {{"pointer", q.pointer}, {"message", q.message}};
        if (!q.cycle.empty()) e["cycle"] = q.cycle;
        (q.severity == Severity::warning ? warnings : errors).push_back(e);
    }
    return ojson{{"file", source}, {"valid", errors.empty()}, {"errors", errors}, {"warnings", warnings}}.dump(2) + "\n";
}

}  // namespace aligngraph
