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

// What `b` holds that `a` does not.
inline std::vector<Index> missing_from(const std::vector<Index>& a, const std::vector<Index>& b) {
    std::vector<Index> out;
    for (Index i : b)
        if (!holds(a, i)) out.push_back(i);
    return out;
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
    out += "\n" + detail::wrapped("In every scenario's optimum: ", detail::id_list(f.ids, always) + ".", 2, w);
    out += detail::wrapped("In none: ", detail::id_list(f.ids, never) + ".", 2, w);
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
    const auto added = detail::missing_from(f.planned_selection, f.expected_selection);
    const auto dropped = detail::missing_from(f.expected_selection, f.planned_selection);
    out += "\n" + detail::wrapped("", fmt::format("Best in expectation (each initiative's mean NPV and mean cost per budget and period): "
                                                  "{} initiatives, expected NPV {}{}{}. Against the optimum as planned it adds {} and "
                                                  "leaves out {}.",
                                                  f.expected_selection.size(), detail::money(f.expected_value),
                                                  f.currency.empty() ? "" : " " + f.currency, f.expected_proven ? " (proven)" : "",
                                                  detail::id_list(f.ids, added), detail::id_list(f.ids, dropped)),
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

ALIGNGRAPH_INLINE std::string chance_text(const ChanceConstrained& c, int width) {
    const std::size_t w = static_cast<std::size_t>(std::max(width, 60));
    const std::string currency = c.currency.empty() ? "" : " " + c.currency;
    const auto pct = [](double v) { return fmt::format("{:.1f}%", 100 * v); };
    std::string out;
    out += detail::wrapped("", fmt::format("Chance-constrained budgets: the portfolio of the highest expected NPV whose spend is over {} "
                                           "in at most {:g}% of the scenarios ({} of {}; samples {} to {}, seed {}{}).",
                                           c.joint ? "some budget in some period" : "each budget in each period", 100 * c.alpha,
                                           c.allowed, c.scenarios, c.first, c.first + c.scenarios - 1, c.seed,
                                           c.scenario.empty() ? "" : ", scenario " + c.scenario),
                           2, w);
    if (c.proven)
        out += detail::wrapped("", fmt::format("Proven optimal in the sample: {} solve{}, {} cover cut{}; {:.2f} s.", c.solves,
                                               c.solves == 1 ? "" : "s", c.cuts, c.cuts == 1 ? "" : "s", c.seconds),
                               2, w);
    else
        out += detail::wrapped("", fmt::format("Not proven ({}): the best found meeting the constraints, within {:.1f}% of the bound {}; "
                                               "{:.2f} s.",
                                               to_string(c.stop_reason), 100 * c.gap, detail::money(c.bound), c.seconds),
                               2, w);
    const bool fresh = c.fresh > 0;
    out += "\n" + detail::wrapped("Fund: ", fmt::format("{} ({} initiatives).", detail::id_list(c.ids, c.selected), c.selected.size()), 2, w);
    out += detail::wrapped("", fmt::format("Expected NPV {}{}{}.", detail::money(c.expected_value), currency,
                                           fresh ? fmt::format(" ({} on {} fresh samples)", detail::money(c.fresh_value), c.fresh) : ""),
                           2, w);
    out += detail::wrapped("", fmt::format("The optimum as planned ({} initiatives, expected NPV {}{}{}) is over {} in {} of the {}; "
                                           "this portfolio leaves out {} and adds {}.",
                                           c.planned_selection.size(), detail::money(c.planned_expected_value), currency,
                                           fresh ? fmt::format(", {} on the fresh samples", detail::money(c.planned_fresh_value)) : "",
                                           "some budget", pct(fresh ? c.planned_fresh_any_over : c.planned_sample_any_over),
                                           fresh ? "fresh samples" : "scenarios",
                                           detail::id_list(c.ids, detail::missing_from(c.selected, c.planned_selection)),
                                           detail::id_list(c.ids, detail::missing_from(c.planned_selection, c.selected))),
                           2, w);
    // The rows either portfolio breaks in some sample, the plan's most often first.
    std::vector<Index> rows;
    for (Index r = 0; r < c.row_count(); ++r)
        if (fresh ? c.fresh_over(r) > 0 || c.planned_fresh_over(r) > 0 : c.sample_over(r) > 0 || c.planned_sample_over(r) > 0) rows.push_back(r);
    const Eigen::VectorXd& planned = fresh ? c.planned_fresh_over : c.planned_sample_over;
    std::stable_sort(rows.begin(), rows.end(), [&](Index a, Index b) { return planned(a) > planned(b); });
    if (rows.empty()) {
        out += "\n" + detail::wrapped("", fmt::format("Neither is ever over a budget {}.", fresh ? "on the fresh samples" : "in the sample"), 2, w);
        return out;
    }
    std::size_t label = 12;
    for (Index r : rows) label = std::max(label, detail::columns(c.budget_names[static_cast<std::size_t>(r)]));
    // Narrow text: no interval column, then a shorter label.
    const bool interval = fresh && w >= label + 58;
    label = std::min(label, std::max<std::size_t>(12, w > (interval ? 58 : 38) ? w - (interval ? 58 : 38) : 12));
    const auto line = [&](const std::string& name, const std::string& limit, const std::string& share, const std::string& range,
                          const std::string& plan) {
        return fmt::format("  {} {:>12} {:>10}{}{}\n", detail::pad(detail::fit(name, label), label), limit, share,
                           interval ? fmt::format(" {:>19}", range) : "", fmt::format(" {:>9}", plan));
    };
    out += fmt::format("\nShare of the {} over the limit:\n", fresh ? fmt::format("{} fresh samples", c.fresh) : "scenarios");
    out += line("budget", "limit", "this", "95% interval", "planned");
    for (Index r : rows)
        out += line(c.budget_names[static_cast<std::size_t>(r)], detail::money(c.limits(r)), pct(fresh ? c.fresh_over(r) : c.sample_over(r)),
                    fresh ? fmt::format("[{:.2f}%, {:.2f}%]", 100 * c.fresh_over_low(r), 100 * c.fresh_over_high(r)) : "",
                    pct(planned(r)));
    out += line("any of them", "", pct(fresh ? c.fresh_any_over : c.sample_any_over), "",
                pct(fresh ? c.planned_fresh_any_over : c.planned_sample_any_over));
    return out;
}

ALIGNGRAPH_INLINE std::string chance_json(const ChanceConstrained& c) {
    using detail::ojson;
    const auto number = [](double v) { return std::isfinite(v) ? ojson(v) : ojson(nullptr); };
    const bool fresh = c.fresh > 0;
    ojson rows = ojson::array();
    for (Index r = 0; r < c.row_count(); ++r) {
        ojson row{{"budget", c.budget_names[static_cast<std::size_t>(r)]},
                  {"limit", c.limits(r)},
                  {"sample_over", c.sample_over(r)},
                  {"planned_sample_over", c.planned_sample_over(r)}};
        if (fresh) {
            row["fresh_over"] = c.fresh_over(r);
            row["fresh_over_interval"] = ojson::array({c.fresh_over_low(r), c.fresh_over_high(r)});
            row["planned_fresh_over"] = c.planned_fresh_over(r);
        }
        rows.push_back(row);
    }
    const auto ids = [&](const std::vector<Index>& s) {
        ojson a = ojson::array();
        for (Index i : s) a.push_back(c.ids[static_cast<std::size_t>(i)]);
        return a;
    };
    ojson out{{"scenario", c.scenario.empty() ? ojson(nullptr) : ojson(c.scenario)},
              {"currency", c.currency},
              {"alpha", c.alpha},
              {"joint", c.joint},
              {"seed", c.seed},
              {"first", c.first},
              {"scenarios", c.scenarios},
              {"allowed", c.allowed},
              {"fresh", c.fresh},
              {"proven", c.proven},
              {"stop_reason", std::string(to_string(c.stop_reason))},
              {"solves", c.solves},
              {"cuts", c.cuts},
              {"seconds", c.seconds},
              {"selection", ids(c.selected)},
              {"expected_value", c.expected_value},
              {"bound", c.bound},
              {"gap", c.gap},
              {"fresh_value", number(c.fresh_value)},
              {"sample_any_over", c.sample_any_over},
              {"fresh_any_over", number(c.fresh_any_over)},
              {"planned", ojson{{"selection", ids(c.planned_selection)},
                                {"expected_value", c.planned_expected_value},
                                {"fresh_value", number(c.planned_fresh_value)},
                                {"sample_any_over", c.planned_sample_any_over},
                                {"fresh_any_over", number(c.planned_fresh_any_over)}}},
              {"budgets", rows}};
    return out.dump(2) + "\n";
}

ALIGNGRAPH_INLINE std::string rpm_text(const RpmResult& r, int width, int portfolios) {
    const std::size_t w = static_cast<std::size_t>(std::max(width, 60));
    const Index n = r.initiative_count(), P = r.portfolio_count(), K = r.extreme_weights.rows();
    std::string out;
    out += detail::wrapped("", fmt::format("Robust Portfolio Modeling over {} criteri{} ({}){}: {} non-dominated portfolio{}; {:.2f} s.",
                                           r.criteria.size(), r.criteria.size() == 1 ? "on" : "a", fmt::join(r.criteria, ", "),
                                           r.scenario.empty() ? "" : ", scenario " + r.scenario, P, P == 1 ? "" : "s", r.seconds),
                           2, w);
    out += detail::wrapped("", fmt::format("The weight set has {} extreme point{}:", K, K == 1 ? "" : "s"), 2, w);
    for (Index k = 0; k < K; ++k) {
        std::vector<std::string> parts;
        for (Index c = 0; c < r.extreme_weights.cols(); ++c)
            parts.push_back(fmt::format("{} {:.3f}", r.criteria[static_cast<std::size_t>(c)], r.extreme_weights(k, c)));
        out += detail::wrapped("  ", fmt::format("{}", fmt::join(parts, ", ")), 4, w);
    }
    std::vector<Index> core, exterior, borderline;
    for (Index i = 0; i < n; ++i) {
        const CoreClass c = r.classes[static_cast<std::size_t>(i)];
        (c == CoreClass::core ? core : c == CoreClass::exterior ? exterior : borderline).push_back(i);
    }
    out += "\n" + detail::wrapped("Core (in every non-dominated portfolio): ", detail::id_list(r.ids, core) + ".", 2, w);
    out += detail::wrapped("Exterior (in none): ", detail::id_list(r.ids, exterior) + ".", 2, w);
    if (!borderline.empty()) {
        std::stable_sort(borderline.begin(), borderline.end(), [&](Index a, Index b) { return r.core_index(a) > r.core_index(b); });
        std::size_t label = 8;
        for (Index i : borderline) label = std::max(label, detail::columns(r.ids[static_cast<std::size_t>(i)]));
        label = std::min<std::size_t>(label, 16);
        const std::size_t bar = std::min<std::size_t>(30, w > label + 20 ? w - label - 20 : 0);
        out += "\nBorderline (core index: the share of the non-dominated portfolios holding it):\n";
        for (Index i : borderline) {
            const auto len = static_cast<std::size_t>(std::llround(r.core_index(i) * static_cast<double>(bar)));
            out += fmt::format("  {}{} {:>6.1f}%\n", detail::pad(detail::fit(r.ids[static_cast<std::size_t>(i)], label), label),
                               bar ? " [" + std::string(len, '#') + std::string(bar - len, ' ') + "]" : "", 100 * r.core_index(i));
        }
    }
    const Index shown = std::min<Index>(P, std::max(portfolios, 0));
    if (shown > 0) {
        out += "\n" + detail::wrapped("", fmt::format("{} by best value (least to greatest value over every admissible weight and score):",
                                                  shown == P ? "The portfolios" : fmt::format("The first {} of {} portfolios", shown, P)),
                                      2, w);
        for (Index k = 0; k < shown; ++k)
            out += detail::wrapped(fmt::format("  {:>3}. {:.3f} .. {:.3f}: ", k + 1, r.value_low(k), r.value_high(k)),
                                   detail::id_list(r.ids, r.portfolio(k)) + ".", 8, w);
    }
    return out;
}

ALIGNGRAPH_INLINE std::string rpm_json(const RpmResult& r) {
    using detail::ojson;
    ojson items = ojson::array();
    for (Index i = 0; i < r.initiative_count(); ++i)
        items.push_back(ojson{{"id", r.ids[static_cast<std::size_t>(i)]},
                              {"core_index", r.core_index(i)},
                              {"class", std::string(to_string(r.classes[static_cast<std::size_t>(i)]))}});
    ojson weights = ojson::array();
    for (Index k = 0; k < r.extreme_weights.rows(); ++k) {
        ojson row = ojson::object();
        for (Index c = 0; c < r.extreme_weights.cols(); ++c) row[r.criteria[static_cast<std::size_t>(c)]] = r.extreme_weights(k, c);
        weights.push_back(std::move(row));
    }
    ojson ports = ojson::array();
    for (Index k = 0; k < r.portfolio_count(); ++k) {
        ojson ids = ojson::array();
        for (Index i : r.portfolio(k)) ids.push_back(r.ids[static_cast<std::size_t>(i)]);
        ports.push_back(ojson{{"initiatives", std::move(ids)}, {"value_low", r.value_low(k)}, {"value_high", r.value_high(k)}});
    }
    ojson out{{"scenario", r.scenario.empty() ? ojson(nullptr) : ojson(r.scenario)},
              {"criteria", r.criteria},
              {"extreme_weights", std::move(weights)},
              {"portfolio_count", r.portfolio_count()},
              {"initiatives", std::move(items)},
              {"portfolios", std::move(ports)},
              {"states", r.states},
              {"peak_states", r.peak_states},
              {"threads", r.threads},
              {"seconds", r.seconds}};
    return out.dump(2) + "\n";
}

}  // namespace aligngraph
