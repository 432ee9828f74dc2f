#pragma once
// The steering committee's report as one HTML file (html_report.hpp).

#include "aligngraph/io/html_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "aligngraph/detail/text.hpp"
#include "aligngraph/io/atomic_file.hpp"
#include "aligngraph/io/svg.hpp"

namespace aligngraph {

namespace detail::report {

using svg::escape;

inline constexpr const char* style = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#222;max-width:980px;margin:0 auto;padding:16px 24px;line-height:1.4}
h1{font-size:1.7em;margin:.2em 0}h2{font-size:1.3em;border-bottom:2px solid #0072B2;padding-bottom:.15em;margin-top:1.6em}
h3{font-size:1.05em;margin:1em 0 .3em}
nav{font-size:.92em;margin:.6em 0 1em}nav a{margin-right:.9em;color:#0072B2;text-decoration:none}
table{border-collapse:collapse;margin:.4em 0 .8em;font-size:.9em}
th,td{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f3f6f9}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.funded td:first-child{border-left:3px solid #0072B2}tr.critical td:first-child{border-left:3px solid #D55E00}
.key{display:flex;flex-wrap:wrap;gap:10px;margin:.6em 0}
.key div{background:#f3f6f9;border-radius:6px;padding:8px 12px;min-width:150px}
.key b{display:block;font-size:1.35em}
.note{color:#555;font-size:.9em}.warn{color:#D55E00}
.over{background:#fbe3d6}
.wide{overflow-x:auto}.wide table{font-size:.8em}.wide td,.wide th{padding:2px 5px;white-space:nowrap}
svg.ag-chart{display:block;margin:.4em 0 1em;max-width:100%;height:auto}
@media print{
 body{max-width:none;padding:0;font-size:10.5pt}nav{display:none}
 section{break-inside:auto}h2{break-after:avoid}table,svg.ag-chart,.key{break-inside:avoid}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 a{color:inherit;text-decoration:none}
}
)";


// A table: a header row and rows of cells, each cell already HTML (escape what is text);
// numeric columns right-aligned.
struct Table {
    std::vector<std::string> head;
    std::vector<bool> numeric;
    std::vector<std::pair<std::string, std::vector<std::string>>> rows;  // (tr class, cells)
    std::string html() const {
        std::string out = "<table><thead><tr>";
        for (std::size_t c = 0; c < head.size(); ++c)
            out += fmt::format("<th{}>{}</th>", c < numeric.size() && numeric[c] ? " class=\"num\"" : "", escape(head[c]));
        out += "</tr></thead><tbody>";
        for (const auto& [cls, cells] : rows) {
            out += cls.empty() ? "<tr>" : "<tr class=\"" + cls + "\">";
            for (std::size_t c = 0; c < cells.size(); ++c)
                out += fmt::format("<td{}>{}</td>", c < numeric.size() && numeric[c] ? " class=\"num\"" : "", cells[c]);
            out += "</tr>";
        }
        return out + "</tbody></table>";
    }
};

// Rows (budget pools, resources) by periods, each cell "used / limit", a full one marked.
template <class Used, class Limit>
std::string use_table(const std::vector<std::string>& rows, const std::vector<std::string>& periods, Used used, Limit limit) {
    Table t{{""}, {false}, {}};
    for (const auto& label : periods) {
        t.head.push_back(label);
        t.numeric.push_back(true);
    }
    for (std::size_t q = 0; q < rows.size(); ++q) {
        std::vector<std::string> cells{escape(rows[q])};
        for (std::size_t s = 0; s < periods.size(); ++s) {
            const double u = used(static_cast<Index>(q), static_cast<Index>(s)), l = limit(static_cast<Index>(q), static_cast<Index>(s));
            const bool full = u > 0 && u >= 0.999 * l;
            cells.push_back(fmt::format("<span{} title=\"{} of {}\">{}</span>", full ? " class=\"over\"" : "", escape(money(u)), escape(money(l)),
                                        full ? escape(money(u)) + "&nbsp;(full)" : escape(money(u)) + " / " + escape(money(l))));
        }
        t.rows.push_back({"", cells});
    }
    return "<div class=\"wide\">" + t.html() + "</div><p class=\"note\">Each cell: used / limit; a full one highlighted.</p>";
}

// A resource's name as written in the model ("budget IT-capex", "team Data").
inline std::string resource_name(const ScheduleLabels& l, Index q) {
    return q >= 0 && q < static_cast<Index>(l.resources.size()) ? l.resources[static_cast<std::size_t>(q)] : l.resource(q);
}

inline std::string section(const char* id, const char* heading, const std::string& body) {
    return fmt::format("<section id=\"{}\"><h2>{}</h2>{}</section>\n", id, heading, body);
}

inline std::string figure(const std::string& value, const std::string& label) {
    return "<div><b>" + escape(value) + "</b>" + escape(label) + "</div>";
}

inline std::string p_text(const std::string& text) { return "<p>" + escape(text) + "</p>"; }

inline std::string id_name(const Portfolio& p, Index i) {
    const auto& id = p.initiative_ids()[static_cast<std::size_t>(i)];
    const auto& name = p.names()[static_cast<std::size_t>(i)];
    return name.empty() ? id : id + " " + name;
}

inline std::string goal_name(const Portfolio& p, Index g) {
    const auto& goal = p.goal(g);
    return goal.name.empty() ? goal.id : goal.id + " " + goal.name;
}

inline std::vector<char> funded_mask(const Briefing& b) {
    std::vector<char> in(static_cast<std::size_t>(b.optimal.initiative_count()), 0);
    for (const Index i : b.optimal.selected) in[static_cast<std::size_t>(i)] = 1;
    return in;
}

inline std::string proof(bool proven, double gap, StopReason why) {
    return proven ? std::string("proven optimal") : fmt::format("within {:.2f}% of the optimum ({})", 100 * gap, to_string(why));
}

// The goals in hierarchy order (depth first from the roots, children by weight), with depths.
inline std::vector<std::pair<Index, int>> goal_tree(const Portfolio& p, const Briefing& b) {
    const auto n = static_cast<std::size_t>(p.goal_count());
    std::vector<std::vector<Index>> children(n);
    std::vector<char> has_parent(n, 0), seen(n, 0);
    for (const auto& l : p.goal_links()) {
        children[static_cast<std::size_t>(l.parent)].push_back(l.child);
        has_parent[static_cast<std::size_t>(l.child)] = 1;
    }
    for (auto& c : children) std::stable_sort(c.begin(), c.end(), [&](Index a, Index z) { return b.global_weights(a) > b.global_weights(z); });
    std::vector<std::pair<Index, int>> out;
    std::vector<std::pair<Index, int>> stack;
    for (Index g = static_cast<Index>(n) - 1; g >= 0; --g)
        if (!has_parent[static_cast<std::size_t>(g)]) stack.push_back({g, 0});
    while (!stack.empty()) {
        const auto [g, depth] = stack.back();
        stack.pop_back();
        if (seen[static_cast<std::size_t>(g)]) continue;  // a goal under two parents: listed once
        seen[static_cast<std::size_t>(g)] = 1;
        out.push_back({g, depth});
        const auto& c = children[static_cast<std::size_t>(g)];
        for (auto it = c.rbegin(); it != c.rend(); ++it) stack.push_back({*it, depth + 1});
    }
    return out;
}

inline std::string summary(const Portfolio& p, const Briefing& b) {
    const auto& r = b.optimal;
    const auto& f = b.funded;
    const std::string cur = b.currency;
    std::string body = "<div class=\"key\">";
    body += figure(fmt::format("{} of {}", r.selected.size(), r.initiative_count()), "initiatives funded");
    body += figure(with_unit(f.total_cost.size() ? f.total_cost(0) : 0.0, cur), "they cost over the horizon");
    body += figure(with_unit(r.value, cur), fmt::format("NPV at {:g}% a year", 100 * b.discount_rate));
    body += figure(percent(b.weight_served), "of the goals' weight served");
    if (b.risk) body += figure(percent(b.risk->summary.p_negative), "chance the NPV is below 0");
    if (b.roadmap) body += figure(b.roadmap->makespan > 0 ? b.roadmap->period(b.roadmap->makespan - 1) : std::string("-"), "all done by");
    body += "</div>";

    // What we fund: the funded initiatives by value.
    std::vector<Index> funded = r.selected;
    std::stable_sort(funded.begin(), funded.end(), [&](Index a, Index z) { return r.values(a) > r.values(z); });
    std::string list;
    for (const Index i : funded) list += (list.empty() ? "" : ", ") + id_name(p, i);
    body += "<h3>What we fund</h3>" +
            p_text(funded.empty() ? std::string("Nothing: no initiative fits the budgets with a positive value.")
                                  : fmt::format("{} ({}).", list, proof(r.proven, r.gap, r.stop_reason)));
    // What it returns.
    std::string returns = fmt::format("NPV {} at {:g}% a year", with_unit(r.value, cur), 100 * b.discount_rate);
    if (f.irr_annual.size() && std::isfinite(f.irr_annual(0))) returns += fmt::format("; IRR {} a year", percent(f.irr_annual(0)));
    if (f.payback.size() && std::isfinite(f.payback(0)))
        returns += fmt::format("; the money spent is back after {:.1f} periods", f.payback(0));
    if (f.total_benefit.size()) returns += fmt::format("; benefits {} against costs {} over the horizon", money(f.total_benefit(0)), money(f.total_cost(0)));
    const double total = r.total_budget();
    if (std::isfinite(total) && total > 0)
        returns += fmt::format("; it uses {} of the {} budgeted ({})", money(r.total_use()), money(total), percent(r.total_use() / total));
    body += "<h3>What it returns</h3>" + p_text(returns + ".");
    // What it serves: the root goals' shares.
    std::vector<svg::Bar> served;
    for (const auto& [g, depth] : goal_tree(p, b))
        if (depth == 0) served.push_back({goal_name(p, g), b.coverage(g), percent(b.coverage(g)), svg::green});
    std::string unserved;
    for (const Index g : b.unserved) unserved += (unserved.empty() ? "" : ", ") + goal_name(p, g);
    body += "<h3>What it serves</h3>" +
            p_text(fmt::format("The funded initiatives serve {} of the goals' weight.{}", percent(b.weight_served),
                               unserved.empty() ? std::string(" Every goal is served.") : " Not served at all: " + unserved + ".")) +
            svg::bars(served, 560, "Share of each top goal served");
    // What we leave out and why.
    body += "<h3>What we leave out, and why</h3>";
    if (r.left_out.empty()) {
        body += p_text(r.selected.size() == static_cast<std::size_t>(r.initiative_count()) ? "Nothing: every initiative is funded."
                                                                                            : "The reasons were not worked out (a limit cut the explanation short).");
    } else {
        auto out = r.left_out;
        std::stable_sort(out.begin(), out.end(), [](const LeftOut& a, const LeftOut& z) { return a.value > z.value; });
        body += "<ul>";
        for (const auto& l : out) body += "<li><b>" + escape(id_name(p, l.initiative)) + "</b>: " + escape(l.text) + "</li>";
        body += "</ul>";
    }
    return section("summary", "Summary for the board", body);
}

inline std::string goals(const Portfolio& p, const Briefing& b) {
    Table t{{"Goal", "Level", "Local weight", "Global weight", "Served"}, {false, false, true, true, true}, {}};
    std::vector<svg::Bar> leaves;
    std::vector<char> parent(static_cast<std::size_t>(p.goal_count()), 0);
    for (const auto& l : p.goal_links()) parent[static_cast<std::size_t>(l.parent)] = 1;
    for (const auto& [g, depth] : goal_tree(p, b)) {
        const auto& goal = p.goal(g);
        t.rows.push_back({"", {fmt::format("<span style=\"padding-left:{}em\">{}</span>", 1.2 * depth, escape(goal_name(p, g))), escape(goal.level),
                               fmt::format("{:.3f}", b.local_weights(g)), fmt::format("{:.3f}", b.global_weights(g)), percent(b.coverage(g))}});
        if (!parent[static_cast<std::size_t>(g)]) leaves.push_back({goal_name(p, g), b.global_weights(g), fmt::format("{:.3f}", b.global_weights(g))});
    }
    std::stable_sort(leaves.begin(), leaves.end(), [](const svg::Bar& a, const svg::Bar& z) { return a.value > z.value; });
    const std::string under = b.options.scenario.empty() ? std::string() : " under scenario " + b.options.scenario;
    return section("goals", "Goals and weights",
                   p_text("Local weights are each goal's share of its parent (the model's); global weights its share of the whole" + under +
                          "; served is the share of each goal the funded initiatives serve.") +
                       t.html() + "<h3>Global weights of the leaf goals</h3>" + svg::bars(leaves, 560, "Global weights of the leaf goals"));
}

inline std::string ranking(const Portfolio& p, const Briefing& b) {
    const auto in = funded_mask(b);
    const auto order = b.ranking.order();
    const std::string kind(to_string(b.ranking.kind));
    Table t{{"Rank", "Initiative", kind, "Funded"}, {true, false, true, false}, {}};
    std::vector<svg::Bar> top;
    for (const Index i : order) {
        const bool f = in[static_cast<std::size_t>(i)] != 0;
        t.rows.push_back({f ? "funded" : "", {std::to_string(b.ranking.rank(i)), escape(id_name(p, i)), fmt::format("{:.4g}", b.ranking.total(i)), f ? "yes" : ""}});
        if (top.size() < 15) top.push_back({id_name(p, i), b.ranking.total(i), fmt::format("{:.3g}", b.ranking.total(i)), f ? svg::blue : svg::grey});
    }
    std::string why;
    for (const auto& e : b.explanations) {
        std::string parts;
        for (const auto& part : e.parts) {
            if (part.value == 0) continue;
            std::string source = part.kind == ScorePartKind::enabler ? "enabler credit from " + part.source : part.source;
            if (!part.name.empty()) source += " " + part.name;
            if (!std::isnan(part.weight)) source += fmt::format(" (weight {:.3f})", part.weight);
            parts += (parts.empty() ? "" : " + ") + fmt::format("{} {:.3g}", source, part.value);
        }
        why += "<li><b>" + escape(fmt::format("{}. {}{}", e.rank, e.id, e.name.empty() ? "" : " " + e.name)) + "</b> " +
               escape(fmt::format("{:.4g} = {}", e.score, parts.empty() ? std::string("nothing") : parts)) + "</li>";
    }
    return section("ranking", "Ranking",
                   p_text(fmt::format("Every initiative by its {} score; funded ones marked (blue in the chart).", kind)) +
                       svg::bars(top, 560, "The first 15 of the ranking") +
                       (why.empty() ? std::string() : "<h3>Why the first ones rank where they do</h3><ul>" + why + "</ul>") + t.html());
}

inline std::string finance(const Portfolio& p, const Briefing& b) {
    const auto& f = b.finance;
    const auto in = funded_mask(b);
    Table t{{"Initiative", "Cost", "Benefit", "NPV", "IRR a year", "Payback (periods)", "Funded"},
            {false, true, true, true, true, true, false},
            {}};
    std::vector<Index> order(static_cast<std::size_t>(p.initiative_count()));
    for (Index i = 0; i < p.initiative_count(); ++i) order[static_cast<std::size_t>(i)] = i;
    std::stable_sort(order.begin(), order.end(), [&](Index a, Index z) { return f.npv(a) > f.npv(z); });
    std::vector<svg::Bar> bars;
    for (const Index i : order) {
        const bool funded = in[static_cast<std::size_t>(i)] != 0;
        t.rows.push_back({funded ? "funded" : "",
                          {escape(id_name(p, i)), money(f.total_cost(i)), money(f.total_benefit(i)), money(f.npv(i)), percent(f.irr_annual(i)),
                           std::isfinite(f.payback(i)) ? fmt::format("{:.1f}", f.payback(i)) : std::string("-"), funded ? "yes" : ""}});
        bars.push_back({id_name(p, i), f.npv(i), "", funded ? svg::blue : svg::grey});
    }
    const auto& g = b.funded;
    if (g.npv.size())
        t.rows.push_back({"", {"<b>Funded portfolio</b>", money(g.total_cost(0)), money(g.total_benefit(0)), "<b>" + money(g.npv(0)) + "</b>",
                               percent(g.irr_annual(0)), std::isfinite(g.payback(0)) ? fmt::format("{:.1f}", g.payback(0)) : std::string("-"), ""}});
    return section("finance", "Finance",
                   p_text(fmt::format("Money in {} over the horizon; NPV at {:g}% a year, each initiative at its planned start.",
                                      b.currency.empty() ? std::string("the model's currency") : b.currency, 100 * b.discount_rate)) +
                       svg::bars(bars, 560, "NPV of each initiative (funded in blue)") + t.html());
}

inline std::string portfolio(const Portfolio& p, const Briefing& b) {
    const auto& r = b.optimal;
    std::string body = p_text(fmt::format("The portfolio of the largest NPV within every budget in every period, respecting "
                                          "prerequisites, alternatives and decisions already taken: {} initiatives worth {}, {}.",
                                          r.selected.size(), with_unit(r.value, b.currency), proof(r.proven, r.gap, r.stop_reason)));
    // Budget use: each pool over the horizon against its limits, then period by period.
    if (!r.pools.empty() && !r.periods.empty()) {
        const auto periods = static_cast<Index>(r.periods.size());
        std::vector<svg::Bar> totals;
        for (std::size_t q = 0; q < r.pools.size(); ++q) {
            const double used = r.pool_use(static_cast<Index>(q)), limit = r.pool_budget(static_cast<Index>(q));
            totals.push_back({r.pools[q], used, fmt::format("{} of {}", money(used), money(limit)), svg::blue, limit});
        }
        body += "<h3>Budget use against the limits</h3>" + svg::bars(totals, 640, "Each pool's use over the horizon (the tick is its limit)") +
                use_table(r.pools, r.periods, [&](Index q, Index t) { return r.budget_use(q * periods + t); },
                          [&](Index q, Index t) { return r.budgets(q * periods + t); });
    }
    Table funded{{"Funded", "Value", "Why"}, {false, true, false}, {}};
    for (const auto& d : r.displaced)
        funded.rows.push_back({"funded", {escape(id_name(p, d.initiative)), money(r.values(d.initiative)),
                                          escape(d.explained ? d.text : std::string("not worked out (a limit cut the explanation short)"))}});
    if (r.displaced.empty())
        for (const Index i : r.selected) funded.rows.push_back({"funded", {escape(id_name(p, i)), money(r.values(i)), ""}});
    Table out{{"Left out", "Value", "Reason", "Why"}, {false, true, false, false}, {}};
    for (const auto& l : r.left_out)
        out.rows.push_back({"", {escape(id_name(p, l.initiative)), money(r.values(l.initiative)), escape(std::string(to_string(l.reason))), escape(l.text)}});
    body += "<h3>Funded, and what each one's money buys over the next best use</h3>" + funded.html();
    if (!out.rows.empty()) body += "<h3>Left out, and why</h3>" + out.html();
    return section("portfolio", "Optimal portfolio", body);
}

inline std::string frontier(const Briefing& b) {
    if (b.frontier.empty()) return section("frontier", "Frontier", p_text("Not asked for."));
    bool money_axis = true;
    for (const auto& pt : b.frontier) money_axis = money_axis && std::isfinite(pt.total_budget);
    std::vector<svg::Point> points;
    std::ptrdiff_t knee = -1, chosen = -1;
    Table t{{"Budget factor", "Budget", "NPV", "Funded", "Marginal NPV per unit", "Proof"}, {true, true, true, true, true, false}, {}};
    for (const auto& pt : b.frontier) {
        const double x = money_axis ? pt.total_budget : pt.factor;
        const bool is_plan = static_cast<std::ptrdiff_t>(&pt - b.frontier.data()) == b.plan_level;
        if (!pt.feasible) {
            t.rows.push_back({"", {fmt::format("{:g}", pt.factor), money(pt.total_budget), "-", "-", "-", escape("infeasible: " + pt.infeasible_reason)}});
            continue;
        }
        if (pt.knee) knee = static_cast<std::ptrdiff_t>(points.size());
        if (is_plan) chosen = static_cast<std::ptrdiff_t>(points.size());
        points.push_back({x, pt.result.value,
                          fmt::format("factor {:g}: budget {}, NPV {}{}{}", pt.factor, money(pt.total_budget), money(pt.result.value),
                                      pt.knee ? " (the knee)" : "", is_plan ? " (the plan)" : "")});
        t.rows.push_back({is_plan ? "funded" : "",
                          {fmt::format("{:g}{}", pt.factor, is_plan ? " (plan)" : ""), money(pt.total_budget), money(pt.result.value),
                           std::to_string(pt.result.selected.size()), money(pt.marginal), proof(pt.result.proven, pt.result.gap, pt.result.stop_reason)}});
    }
    const std::string x_label = money_axis ? "Budget over the horizon" + (b.currency.empty() ? std::string() : " (" + b.currency + ")")
                                           : std::string("Budget factor");
    return section("frontier", "Frontier",
                   p_text("The largest NPV at each budget (every limit scaled by the factor), each point exact. The plan is the filled "
                          "point; the ring marks the knee, where more money starts to buy less.") +
                       svg::curve(points, x_label, "NPV", knee, chosen, 560, "The efficient frontier") + t.html());
}

inline std::string roadmap(const Portfolio& p, const Briefing& b) {
    if (!b.roadmap) return section("roadmap", "Roadmap", p_text("No roadmap: " + b.roadmap_note + "."));
    const auto& r = *b.roadmap;
    std::vector<Index> order;
    for (Index j = 0; j < r.job_count(); ++j)
        if (r.starts[static_cast<std::size_t>(j)] >= 0) order.push_back(j);
    std::stable_sort(order.begin(), order.end(),
                     [&](Index a, Index z) { return r.starts[static_cast<std::size_t>(a)] < r.starts[static_cast<std::size_t>(z)]; });
    std::vector<svg::GanttRow> rows;
    Table t{{"Initiative", "Start", "Finish", "Slack (periods)", "Critical", "Why it starts then"}, {false, false, false, true, false, false}, {}};
    for (const Index j : order) {
        const auto k = static_cast<std::size_t>(j);
        const bool critical = k < r.critical.size() && r.critical[k];
        const auto i = p.find_initiative(r.id(j));
        const std::string label = i ? id_name(p, *i) : r.id(j);
        rows.push_back({label, r.starts[k], r.finishes[k], critical});
        t.rows.push_back({critical ? "critical" : "",
                          {escape(label), escape(r.period(r.starts[k])), escape(r.period(r.finishes[k] - 1)),
                           k < r.slack.size() ? std::to_string(r.slack[k]) : std::string("-"), critical ? "yes" : "",
                           escape(k < r.reasons.size() ? r.reasons[k].text : std::string())}});
    }
    std::vector<std::string> labels;
    for (Index s = 0; s < r.horizon; ++s) labels.push_back(r.period(s));
    // Each resource's load against its capacity, period by period, up to the last finish.
    std::vector<std::string> names, shown;
    for (Index q = 0; q < r.load.rows(); ++q) names.push_back(resource_name(r, q));
    for (Index s = 0; s < std::min<Index>(r.horizon, std::max<Index>(r.makespan, 1)); ++s) shown.push_back(r.period(s));
    const auto load = use_table(names, shown, [&](Index q, Index s) { return r.load(q, s); }, [&](Index q, Index s) { return r.capacity(q, s); });
    return section("roadmap", "Roadmap",
                   p_text(fmt::format("When each funded initiative starts under the budgets per period and the teams' capacity, by NPV: "
                                      "value {}, {}; all done by {}. The critical chain is in vermillion.",
                                      with_unit(r.value, b.currency), proof(r.proven, r.gap, r.stop_reason),
                                      r.makespan > 0 ? r.period(r.makespan - 1) : std::string("-"))) +
                       svg::gantt(rows, labels, 720, "Roadmap") + t.html() + "<h3>Load against capacity</h3>" + load);
}

inline std::string risk(const Briefing& b) {
    if (!b.risk) return section("risk", "Risk", p_text("No Monte Carlo: " + b.risk_note + "."));
    const auto& r = *b.risk;
    const auto& s = r.summary;
    std::string body = p_text(fmt::format("{} samples of the funded portfolio{} (seed {}): costs, benefits, delays and failures drawn from "
                                          "the model's estimates, correlations and risk events.",
                                          r.samples, b.roadmap ? " at its roadmap's starts" : " at its planned starts", r.seed));
    body += "<div class=\"key\">" + figure(with_unit(s.mean, b.currency), "mean NPV") + figure(money(s.p5) + " to " + money(s.p95), "P5 to P95") +
            figure(percent(s.p_negative), fmt::format("P(NPV < 0), 95%: {} to {}", percent(s.p_negative_low), percent(s.p_negative_high))) +
            figure(money(s.cvar5), "mean of the worst 5%") + "</div>";
    const std::vector<double> edges(r.histogram_edges.data(), r.histogram_edges.data() + r.histogram_edges.size());
    body += "<h3>The NPV over the samples</h3>" + svg::histogram(edges, r.histogram_counts, 0.0, "NPV 0", 640, "The portfolio NPV over the samples");
    if (!r.tornado.empty()) {
        std::vector<svg::Range> rows;
        for (std::size_t k = 0; k < r.tornado.size() && rows.size() < 12; ++k) {
            const auto& t = r.tornado[k];
            if (t.swing <= 0) continue;
            rows.push_back({r.id(t.item) + " " + t.variable, t.npv_low, t.npv_high, ""});
        }
        if (!rows.empty())
            body += "<h3>What moves the NPV most</h3>" +
                    p_text("Each input moved alone to its 10th and 90th percentile (success: failed or not), every other at its median.") +
                    svg::ranges(rows, r.tornado_base, "base " + money(r.tornado_base), 640, "Tornado of the portfolio NPV");
    }
    // Budgets and teams most likely to be overrun.
    Table over{{"Resource", "Period", "Planned limit", "Mean use", "P95 use", "P(over)"}, {false, false, true, true, true, true}, {}};
    std::vector<std::pair<double, std::pair<Index, Index>>> cells;
    for (Index q = 0; q < r.p_over.rows(); ++q)
        for (Index t = 0; t < r.p_over.cols(); ++t)
            if (r.p_over(q, t) > 0) cells.push_back({r.p_over(q, t), {q, t}});
    std::stable_sort(cells.begin(), cells.end(), [](const auto& a, const auto& z) { return a.first > z.first; });
    for (std::size_t k = 0; k < cells.size() && k < 10; ++k) {
        const auto [q, t] = cells[k].second;
        over.rows.push_back({"", {escape(resource_name(r, q)), escape(r.period(t)), money(r.capacity(q, t)), money(r.use_mean(q, t)),
                                  r.use_p95.size() ? money(r.use_p95(q, t)) : std::string("-"), percent(r.p_over(q, t))}});
    }
    body += "<h3>Where the plan may overrun</h3>" +
            (over.rows.empty() ? p_text("No budget or team goes over its limit in any sample.") : over.html());
    return section("risk", "Risk", body);
}

inline std::string assumptions(const Briefing& b) {
    const auto& o = b.options;
    Table t{{"Assumption", "Value"}, {false, false}, {}};
    const auto row = [&](const std::string& k, const std::string& v) { t.rows.push_back({"", {escape(k), escape(v)}}); };
    row("Scenario", o.scenario.empty() ? std::string("none (the model as it is)") : o.scenario);
    row("Discount rate", fmt::format("{:g}% a year", 100 * b.discount_rate));
    row("Currency", b.currency.empty() ? std::string("-") : b.currency);
    row("Horizon", b.period_labels.empty() ? std::string("-")
                                           : fmt::format("{} periods, {} to {}", b.period_labels.size(), b.period_labels.front(), b.period_labels.back()));
    row("Ranking", std::string(to_string(b.ranking.kind)) + " score");
    row("Optimal portfolio", "largest NPV, " + proof(b.optimal.proven, b.optimal.gap, b.optimal.stop_reason));
    row("Time limit", fmt::format("{:g} s per exact analysis", o.time_limit));
    if (b.risk) row("Monte Carlo", fmt::format("{} samples, seed {}", b.risk->samples, b.risk->seed));
    for (const auto& n : b.risk ? b.risk->notes : std::vector<std::string>{}) row("Monte Carlo note", n);
    if (!o.model_file.empty()) row("Model file", o.model_file);
    if (!o.model_file_sha256.empty()) row("Model file SHA-256", o.model_file_sha256);
    row("Model SHA-256 (as aligngraph writes it)", b.model_sha256);
    row("aligngraph", b.version);
    return section("assumptions", "Assumptions", t.html());
}

}  // namespace detail::report

ALIGNGRAPH_INLINE std::string report_html(const Portfolio& p, const Briefing& b) {
    namespace r = detail::report;
    const std::string title = b.title + (b.options.scenario.empty() ? std::string() : " \u2014 scenario " + b.options.scenario);
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                      "<meta name=\"generator\" content=\"aligngraph " + svg::escape(b.version) + "\">"
                      "<title>" + svg::escape(title) + "</title><style>" + r::style + "</style></head>\n<body>\n";
    out += "<header><h1>" + svg::escape(title) + "</h1><p class=\"note\">" +
           svg::escape(fmt::format("What to fund, when, and how sure: {} initiatives, {} goals, {} budgets, {} teams.", p.initiative_count(),
                                   p.goal_count(), p.budgets().size(), p.teams().size())) +
           "</p><nav><a href=\"#summary\">Summary</a><a href=\"#goals\">Goals</a><a href=\"#ranking\">Ranking</a><a href=\"#finance\">Finance</a>"
           "<a href=\"#portfolio\">Portfolio</a><a href=\"#frontier\">Frontier</a><a href=\"#roadmap\">Roadmap</a><a href=\"#risk\">Risk</a>"
           "<a href=\"#assumptions\">Assumptions</a></nav></header>\n<main>\n";
    out += r::summary(p, b);
    out += r::goals(p, b);
    out += r::ranking(p, b);
    out += r::finance(p, b);
    out += r::portfolio(p, b);
    out += r::frontier(b);
    out += r::roadmap(p, b);
    out += r::risk(b);
    out += r::assumptions(b);
    return out + "</main>\n</body></html>\n";
}

ALIGNGRAPH_INLINE void write_report(const std::filesystem::path& path, const Portfolio& p, const Briefing& b) {
    write_file_atomically(path, report_html(p, b));
}

}  // namespace aligngraph
