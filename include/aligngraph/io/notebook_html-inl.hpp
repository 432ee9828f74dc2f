#pragma once
// Results as compact HTML for notebooks (notebook_html.hpp).

#include "aligngraph/io/notebook_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>
#include <vector>

#include "aligngraph/detail/text.hpp"
#include "aligngraph/io/svg.hpp"
#include "aligngraph/weights/goal_weights.hpp"

namespace aligngraph {

namespace detail {

using Rows = std::vector<std::pair<std::string, std::string>>;

// <div class="ag-result"><b>title</b><table>key | value</table>chart</div>
inline std::string html_card(const std::string& title, const Rows& rows, const std::string& chart) {
    std::string out = "<div class=\"ag-result\"><p><b>" + svg::escape(title) + "</b></p><table>";
    for (const auto& [k, v] : rows) out += "<tr><th style=\"text-align:left\">" + svg::escape(k) + "</th><td style=\"text-align:left\">" + svg::escape(v) + "</td></tr>";
    return out + "</table>" + chart + "</div>";
}


// The first k of `order` as bars.
template <class Label, class Value>
std::vector<svg::Bar> top_bars(std::vector<Index> order, std::size_t k, Label label, Value value, const char* colour = svg::blue) {
    std::vector<svg::Bar> out;
    for (std::size_t j = 0; j < order.size() && j < k; ++j) out.push_back({label(order[j]), value(order[j]), "", colour});
    return out;
}


}  // namespace detail

ALIGNGRAPH_INLINE std::string portfolio_html(const Portfolio& p) {
    const auto w = goal_weights(p);
    std::vector<char> parent(static_cast<std::size_t>(p.goal_count()), 0);
    for (const auto& l : p.goal_links()) parent[static_cast<std::size_t>(l.parent)] = 1;
    std::vector<Index> leaves;
    for (Index g = 0; g < p.goal_count(); ++g)
        if (!parent[static_cast<std::size_t>(g)]) leaves.push_back(g);
    std::stable_sort(leaves.begin(), leaves.end(), [&](Index a, Index b) { return w(a) > w(b); });
    const auto& h = p.horizon();
    const detail::Rows rows{{"goals", std::to_string(p.goal_count())},
                            {"initiatives", std::to_string(p.initiative_count())},
                            {"horizon", fmt::format("{} periods, {} to {}", h.periods, h.label(0), h.label(h.periods - 1))},
                            {"budgets", std::to_string(p.budgets().size())},
                            {"teams", std::to_string(p.teams().size())},
                            {"scenarios", std::to_string(p.scenarios().size())},
                            {"discount rate", fmt::format("{:g}% a year", 100 * p.settings().discount_rate)}};
    const auto chart = svg::bars(
        detail::top_bars(leaves, 12, [&](Index g) { return p.goal(g).id + " " + p.goal(g).name; }, [&](Index g) { return w(g); }),
        420, "Global weights of the leaf goals");
    return detail::html_card(p.name().empty() ? std::string("Portfolio") : p.name(), rows,
                             std::string("<p>Global weights of the leaf goals:</p>") + chart);
}

ALIGNGRAPH_INLINE std::string selection_html(const SelectionResult& r) {
    std::vector<Index> order = r.selected;
    std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return r.values(a) > r.values(b); });
    const std::string objective = r.objective ? std::string(to_string(*r.objective)) : std::string("value");
    detail::Rows rows{{"objective", objective + (r.scenario.empty() ? "" : ", scenario " + r.scenario)},
                      {"selected", fmt::format("{} of {}", r.selected.size(), r.initiative_count())},
                      {"value", detail::with_unit(r.value, objective == "npv" ? r.currency : "")},
                      {"proof", r.proven ? std::string("proven optimal") : fmt::format("gap {:.2f}% ({})", 100 * r.gap, to_string(r.stop_reason))}};
    const double total = r.total_budget();
    if (!std::isnan(total) && total > 0)
        rows.push_back({"budget used", fmt::format("{} of {} ({:.0f}%)", detail::with_unit(r.total_use(), r.currency), detail::money(total),
                                                   100 * r.total_use() / total)});
    const auto chart = svg::bars(detail::top_bars(order, 12, [&](Index i) { return r.id(i); }, [&](Index i) { return r.values(i); }), 420,
                                 "The selected initiatives' values");
    return detail::html_card("Optimal portfolio", rows, std::string("<p>The selected initiatives by value:</p>") + chart);
}

ALIGNGRAPH_INLINE std::string schedule_html(const ScheduleResult& r) {
    std::vector<Index> order;
    for (Index j = 0; j < r.job_count(); ++j)
        if (r.starts[static_cast<std::size_t>(j)] >= 0) order.push_back(j);
    std::stable_sort(order.begin(), order.end(),
                     [&](Index a, Index b) { return r.starts[static_cast<std::size_t>(a)] < r.starts[static_cast<std::size_t>(b)]; });
    const std::size_t shown = std::min<std::size_t>(order.size(), 30);
    std::vector<svg::GanttRow> rows;
    for (std::size_t k = 0; k < shown; ++k) {
        const auto j = static_cast<std::size_t>(order[k]);
        rows.push_back({r.id(order[k]), r.starts[j], r.finishes[j], j < r.critical.size() && r.critical[j]});
    }
    std::vector<std::string> labels;
    for (Index t = 0; t < r.horizon; ++t) labels.push_back(r.period(t));
    const detail::Rows table{{"objective", std::string(to_string(r.objective))},
                             {"scheduled", fmt::format("{} of {}", order.size(), r.job_count())},
                             {"value", detail::money(r.value)},
                             {"proof", r.proven ? std::string("proven optimal") : fmt::format("bound {}", detail::money(r.bound))},
                             {"makespan", fmt::format("{} periods", r.makespan)}};
    const std::string note = shown < order.size() ? fmt::format("<p>The first {} of {} by start:</p>", shown, order.size())
                                                  : std::string("<p>When each starts (the critical chain in vermillion):</p>");
    return detail::html_card("Roadmap", table, note + svg::gantt(rows, labels, 560, "Roadmap"));
}

ALIGNGRAPH_INLINE std::string risk_html(const RiskResult& r) {
    const auto& s = r.summary;
    const detail::Rows rows{{"samples", fmt::format("{} (seed {}, from {})", r.samples, r.seed, r.first)},
                            {"NPV mean", detail::with_unit(s.mean, r.currency)},
                            {"NPV sd", detail::money(s.sd)},
                            {"P5 / P50 / P95", fmt::format("{} / {} / {}", detail::money(s.p5), detail::money(s.p50), detail::money(s.p95))},
                            {"CVaR 5%", detail::money(s.cvar5)},
                            {"P(NPV < 0)", fmt::format("{} (95%: {} to {})", detail::percent(s.p_negative), detail::percent(s.p_negative_low),
                                                       detail::percent(s.p_negative_high))}};
    const std::vector<double> edges(r.histogram_edges.data(), r.histogram_edges.data() + r.histogram_edges.size());
    const auto chart = svg::histogram(edges, r.histogram_counts, 0.0, "NPV 0", 420, "The portfolio NPV over the samples");
    return detail::html_card("Monte Carlo of the portfolio", rows, std::string("<p>NPV over the samples (below 0 in vermillion):</p>") + chart);
}

ALIGNGRAPH_INLINE std::string selection_frequency_html(const SelectionFrequency& f) {
    std::vector<Index> sometimes;
    long long always = 0, never = 0;
    for (Index i = 0; i < f.initiative_count(); ++i) {
        if (f.frequency(i) >= 1) ++always;
        else if (f.frequency(i) <= 0) ++never;
        else sometimes.push_back(i);
    }
    std::stable_sort(sometimes.begin(), sometimes.end(), [&](Index a, Index b) { return f.frequency(a) > f.frequency(b); });
    const detail::Rows rows{{"scenarios", fmt::format("{} (seed {}, from {}), {} proven", f.scenarios, f.seed, f.first, f.proven)},
                            {"in every optimum", std::to_string(always)},
                            {"in none", std::to_string(never)},
                            {"sometimes", std::to_string(sometimes.size())},
                            {"best in expectation", fmt::format("{} initiatives, {}", f.expected_selection.size(),
                                                                detail::with_unit(f.expected_value, f.currency))}};
    auto bars = detail::top_bars(sometimes, 12, [&](Index i) { return f.ids[static_cast<std::size_t>(i)]; },
                                 [&](Index i) { return f.frequency(i); });
    for (auto& b : bars) b.shown = detail::percent(b.value);
    return detail::html_card("Selection frequency", rows,
                             std::string("<p>How often those sometimes in are in the optimum:</p>") + svg::bars(bars, 420, "Selection frequency"));
}

ALIGNGRAPH_INLINE std::string chance_html(const ChanceConstrained& c) {
    std::vector<Index> order(static_cast<std::size_t>(c.sample_over.size()));
    std::iota(order.begin(), order.end(), Index{0});
    std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return c.sample_over(a) > c.sample_over(b); });
    while (!order.empty() && c.sample_over(order.back()) <= 0) order.pop_back();
    const detail::Rows rows{{"alpha", fmt::format("{:g}{}", c.alpha, c.joint ? " (joint: any budget)" : " (each budget and period)")},
                            {"scenarios", fmt::format("{} (seed {}, from {})", c.scenarios, c.seed, c.first)},
                            {"selected", std::to_string(c.selected.size())},
                            {"expected NPV", detail::with_unit(c.expected_value, c.currency)},
                            {"proof", c.proven ? std::string("proven optimal in the sample") : fmt::format("bound {}", detail::money(c.bound))},
                            {"over some budget", fmt::format("{} of the scenarios, {} of fresh samples", detail::percent(c.sample_any_over),
                                                             detail::percent(c.fresh_any_over))}};
    auto bars = detail::top_bars(order, 12, [&](Index k) { return c.budget_names[static_cast<std::size_t>(k)]; },
                                 [&](Index k) { return c.sample_over(k); }, svg::orange);
    for (auto& b : bars) b.shown = detail::percent(b.value);
    if (bars.empty())
        return detail::html_card("Chance-constrained portfolio", rows, "<p>No budget row is over in any scenario.</p>");
    return detail::html_card("Chance-constrained portfolio", rows,
                             std::string("<p>Share of the scenarios over each budget row (the highest):</p>") +
                                 svg::bars(bars, 420, "Share of the scenarios over budget"));
}

ALIGNGRAPH_INLINE std::string rpm_html(const RpmResult& r) {
    std::vector<Index> borderline;
    long long core = 0, exterior = 0;
    for (std::size_t i = 0; i < r.classes.size(); ++i) {
        if (r.classes[i] == CoreClass::core) ++core;
        else if (r.classes[i] == CoreClass::exterior) ++exterior;
        else borderline.push_back(static_cast<Index>(i));
    }
    std::stable_sort(borderline.begin(), borderline.end(), [&](Index a, Index b) { return r.core_index(a) > r.core_index(b); });
    const detail::Rows rows{{"non-dominated portfolios", std::to_string(r.portfolios.rows())},
                            {"core (in all)", std::to_string(core)},
                            {"borderline", std::to_string(borderline.size())},
                            {"exterior (in none)", std::to_string(exterior)},
                            {"criteria", std::to_string(r.criteria.size())}};
    auto bars = detail::top_bars(borderline, 12, [&](Index i) { return r.ids[static_cast<std::size_t>(i)]; },
                                 [&](Index i) { return r.core_index(i); }, svg::green);
    for (auto& b : bars) b.shown = detail::percent(b.value);
    return detail::html_card("Robust Portfolio Modeling", rows,
                             std::string("<p>Core index of the borderline initiatives:</p>") + svg::bars(bars, 420, "Core index"));
}

ALIGNGRAPH_INLINE std::string compare_html(const ScenarioComparison& c) {
    const auto label = [](const std::string& s) { return s.empty() ? std::string("as it is") : s; };
    std::vector<Index> movers;
    for (Index i = 0; i < c.initiative_count(); ++i)
        if (c.ranks.change(i) != 0) movers.push_back(i);
    std::stable_sort(movers.begin(), movers.end(), [&](Index a, Index b) { return std::abs(c.ranks.change(a)) > std::abs(c.ranks.change(b)); });
    const detail::Rows rows{{"scenarios", label(c.scenario_a) + " against " + label(c.scenario_b)},
                            {"optimal values", fmt::format("{} against {}", detail::money(c.a.value), detail::money(c.b.value))},
                            {"funded in both", std::to_string(c.both.size())},
                            {"only in a / only in b", fmt::format("{} / {}", c.only_a.size(), c.only_b.size())},
                            {"Kendall's tau", fmt::format("{:.3f}", c.ranks.kendall_tau)}};
    auto bars = detail::top_bars(movers, 12, [&](Index i) { return c.ids[static_cast<std::size_t>(i)]; },
                                 [&](Index i) { return static_cast<double>(-c.ranks.change(i)); }, svg::purple);
    for (auto& b : bars) b.shown = fmt::format("{:+d} places", static_cast<int>(b.value));
    return detail::html_card("Scenarios compared", rows,
                             std::string("<p>The largest rank moves (right: up under b):</p>") + svg::bars(bars, 420, "Rank moves"));
}

}  // namespace aligngraph
