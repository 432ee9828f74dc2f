#pragma once
// A Monte Carlo result as text and JSON (risk_report.hpp).

#include "aligngraph/io/risk_report.hpp"

#include "aligngraph/detail/layout.hpp"
#include "aligngraph/detail/ordered_json.hpp"
#include "aligngraph/detail/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace aligngraph {

namespace detail {

inline ojson risk_number(double v) { return std::isfinite(v) ? ojson(v) : ojson(nullptr); }

inline std::string risk_money(const RiskResult& r, double v) { return money(v) + (r.currency.empty() ? "" : " " + r.currency); }

inline std::string risk_percent(double p) {
    if (std::isnan(p)) return "-";
    if (p > 0 && p < 0.0005) return "<0.1%";
    if (p < 1 && p > 0.9995) return ">99.9%";
    return fmt::format("{:.1f}%", 100 * p);
}

}  // namespace detail

ALIGNGRAPH_INLINE std::string risk_text(const RiskResult& r, int width, int top) {
    using detail::money;
    const auto percent = [](double p) { return detail::risk_percent(p); };
    const std::size_t w = static_cast<std::size_t>(std::max(width, 60));
    const auto shown = static_cast<std::size_t>(std::max(top, 0));
    const Index n = r.item_count();
    const Index T = r.use_mean.cols() > 0 ? r.use_mean.cols() : std::max<Index>(0, r.finish_by.cols() - 1);
    const Index R = r.use_mean.rows();
    std::string out;
    std::string how = fmt::format("{} sample{} from sample {}, seed {}{}, {} thread{}, {:.2f} s", r.samples, r.samples == 1 ? "" : "s",
                                  r.first, r.seed, r.latin_hypercube ? ", Latin hypercube" : "", r.threads, r.threads == 1 ? "" : "s",
                                  r.seconds);
    out += detail::wrapped("", fmt::format("Monte Carlo of {} initiative{}{}{}.", n, n == 1 ? "" : "s",
                                           T > 0 ? fmt::format(" over {} periods ({} to {})", T, r.period(0), r.period(T - 1)) : "",
                                           r.scenario.empty() ? "" : ", scenario " + r.scenario),
                           2, w);
    out += detail::wrapped("", how + ".", 2, w);
    if (r.converged)
        out += detail::wrapped("", fmt::format("Converged: the standard error of the mean NPV is {} of it.",
                                               percent(r.summary.standard_error / std::max(std::abs(r.summary.mean), 1e-300))),
                               2, w);
    if (r.stop_reason == StopReason::interrupted) out += "Interrupted: the samples done until then.\n";

    // The NPV.
    const auto& s = r.summary;
    out += fmt::format("\nPortfolio NPV{}:\n", r.currency.empty() ? "" : " (" + r.currency + ")");
    const auto row = [&](const std::string& label, const std::string& value, const std::string& note) {
        const std::string head = fmt::format("  {:<16} {:>10}", label, value);
        if (note.empty()) out += head + "\n";
        else if (detail::columns(head) + 3 + detail::columns(note) <= w) out += head + "   " + note + "\n";
        else out += head + "\n" + detail::wrapped("      ", note, 6, w);
    };
    row("planned", money(r.planned_npv), "every estimate as planned, every initiative succeeding");
    row("mean", money(s.mean), fmt::format("standard error {}", money(s.standard_error)));
    row("sd", money(s.sd), "");
    row("P5", money(s.p5), "");
    row("P50 (median)", money(s.p50), "");
    row("P95", money(s.p95), "");
    row("CVaR 5%", money(s.cvar5), "the mean of the worst 5% of samples");
    row("min .. max", money(s.min) + " .. " + money(s.max), "");
    row("P(NPV < 0)", percent(s.p_negative), fmt::format("95% interval {} to {}", percent(s.p_negative_low), percent(s.p_negative_high)));

    // The histogram, at most 20 rows (adjacent bins merged).
    const auto bins = r.histogram_counts.size();
    if (bins > 0 && r.samples > 0 && static_cast<std::size_t>(r.histogram_edges.size()) == bins + 1) {
        const std::size_t group = (bins + 19) / 20;
        std::vector<std::pair<double, long long>> rows;
        for (std::size_t b = 0; b < bins; b += group) {
            long long c = 0;
            for (std::size_t k = b; k < std::min(bins, b + group); ++k) c += r.histogram_counts[k];
            rows.emplace_back(r.histogram_edges(static_cast<Index>(b)), c);
        }
        long long most = 1;
        for (const auto& [edge, c] : rows) most = std::max(most, c);
        const std::size_t bar = w > 30 ? std::min<std::size_t>(w - 30, 60) : 10;
        out += "\n  Distribution (samples from each value up to the next):\n";
        for (const auto& [edge, c] : rows) {
            const auto len = static_cast<std::size_t>(std::llround(static_cast<double>(bar) * static_cast<double>(c) / static_cast<double>(most)));
            out += fmt::format("  {:>9} |{:<{}} {}\n", money(edge), std::string(len, '#'), bar, percent(static_cast<double>(c) / static_cast<double>(r.samples)));
        }
        out += fmt::format("  {:>9}\n", money(r.histogram_edges(static_cast<Index>(bins))));
    }

    // Limits per period.
    if (R > 0 && T > 0) {
        const auto label_of = [&](Index k) {
            return k < static_cast<Index>(r.resources.size()) ? r.resources[static_cast<std::size_t>(k)] : r.resource(k);
        };
        std::vector<Index> over;  // the resources some sample takes over their limit
        for (Index k = 0; k < R; ++k)
            if ((r.p_over.row(k).array() > 0).any()) over.push_back(k);
        out += "\n" + detail::wrapped("", over.empty() ? "P95 use of each budget and team per period, as a share of its limit:"
                                                       : "P95 use of each budget and team per period, as a share of its limit, and "
                                                         "P(use > limit) where a sample goes over:",
                                      2, w);
        std::size_t name = 10;
        for (Index k = 0; k < R; ++k) name = std::max(name, detail::columns(label_of(k)));
        // All periods on one line when the names, cut to at least 10 columns, leave room.
        const std::size_t all = 7 * static_cast<std::size_t>(T);
        name = std::min<std::size_t>(name, w > all + 11 ? std::max<std::size_t>(10, w - all - 1) : 24);
        const std::size_t per_line = std::max<std::size_t>(1, (w - name - 1) / 7);
        for (std::size_t from = 0; from < static_cast<std::size_t>(T); from += per_line) {
            const std::size_t to = std::min<std::size_t>(static_cast<std::size_t>(T), from + per_line);
            std::string h(name, ' ');
            for (std::size_t t = from; t < to; ++t) h += fmt::format(" {:>6}", detail::fit(r.period(static_cast<Index>(t)), 6));
            out += h + "\n";
            for (Index k = 0; k < R; ++k) {
                std::string a = detail::pad(detail::fit(label_of(k), name), name), b = detail::pad("  P(over)", name);
                for (std::size_t t = from; t < to; ++t) {
                    const auto tt = static_cast<Index>(t);
                    const double cap = r.capacity(k, tt), p95 = r.use_p95(k, tt);
                    a += fmt::format(" {:>6}", std::isnan(p95) ? "-" : cap > 0 ? fmt::format("{:.0f}%", 100 * p95 / cap) : (p95 > 0 ? "over" : "-"));
                    b += fmt::format(" {:>6}", r.p_over(k, tt) > 0 ? percent(r.p_over(k, tt)) : "0");
                }
                out += a + "\n";
                if (std::find(over.begin(), over.end(), k) != over.end()) out += b + "\n";
            }
        }
        if (over.empty()) out += "  No budget or team goes over its limit in any sample.\n";
    }

    // Initiatives.
    if (n > 0) {
        std::size_t label = 10;
        for (Index i = 0; i < n; ++i) label = std::max(label, detail::columns(r.id(i)));
        label = std::min<std::size_t>({label, 16, w > 53 ? w - 53 : std::size_t{4}});
        out += fmt::format("\n{} {:>10} {:>10} {:>8} {:>10} {:>8}\n", detail::pad(detail::fit("Initiative", label + 2), label + 2), "mean NPV", "sd", "failed",
                           "mean delay", "on time");
        for (Index i = 0; i < n; ++i) {
            out += fmt::format("  {} {:>10} {:>10} {:>8} {:>10.2f} {:>8}\n", detail::pad(detail::fit(r.id(i), label), label),
                               money(r.item_npv_mean(i)), money(r.item_npv_sd(i)), percent(r.failure_rate(i)), r.delay_mean(i),
                               percent(r.on_time(i)));
        }
        out += detail::wrapped("  ", "(failed: spent its cost and returned nothing; delay: periods late, pushes by prerequisites "
                                     "included; on time: finished by its planned finish)",
                               3, w);
    }

    // The tornado.
    if (!r.tornado.empty() && shown > 0) {
        const std::size_t k_end = std::min(shown, r.tornado.size());
        double lo = r.tornado_base, hi = r.tornado_base;
        std::size_t label = 8;
        for (std::size_t k = 0; k < k_end; ++k) {
            const auto& b = r.tornado[k];
            lo = std::min({lo, b.npv_low, b.npv_high});
            hi = std::max({hi, b.npv_low, b.npv_high});
            label = std::max(label, detail::columns(r.id(b.item)) + 1 + b.variable.size());
        }
        label = std::min<std::size_t>(label, 24);
        const std::size_t bar = w > label + 30 ? std::min<std::size_t>(w - label - 30, 50) : 10;
        const auto at = [&](double v) {
            return hi > lo ? static_cast<std::size_t>(std::llround((v - lo) / (hi - lo) * static_cast<double>(bar - 1))) : bar / 2;
        };
        out += "\n" + detail::wrapped("", fmt::format("Tornado: the portfolio NPV with one input at its P10 and P90 (success: failed "
                                                      "and succeeded), every other at its median; | marks the base, {}; on the right the NPV at P10 .. at P90:",
                                                      money(r.tornado_base)),
                                      2, w);
        for (std::size_t k = 0; k < k_end; ++k) {
            const auto& b = r.tornado[k];
            std::string cells(bar, ' ');
            const std::size_t a = at(std::min(b.npv_low, b.npv_high)), z = at(std::max(b.npv_low, b.npv_high));
            for (std::size_t c = a; c <= z && c < bar; ++c) cells[c] = '=';
            cells[std::min(at(r.tornado_base), bar - 1)] = '|';
            out += fmt::format("  {} [{}] {} .. {}\n", detail::pad(detail::fit(r.id(b.item) + " " + b.variable, label), label), cells,
                               money(b.npv_low), money(b.npv_high));
        }
        if (r.tornado.size() > k_end) out += fmt::format("  ({} more)\n", r.tornado.size() - k_end);
    }
    if (!r.rank_correlations.empty() && shown > 0) {
        out += "\n" + detail::wrapped("", "Rank correlation of each input with the portfolio NPV (Spearman):", 2, w);
        const std::size_t k_end = std::min(shown, r.rank_correlations.size());
        for (std::size_t k = 0; k < k_end; ++k) {
            const auto& c = r.rank_correlations[k];
            out += fmt::format("  {:<24} {:+.3f}\n", detail::fit(r.id(c.item) + " " + c.variable, 24), c.rho);
        }
        if (r.rank_correlations.size() > k_end) out += fmt::format("  ({} more)\n", r.rank_correlations.size() - k_end);
    }
    for (const auto& note : r.notes) out += "\n" + detail::wrapped("Note: ", note, 2, w);
    return out;
}

ALIGNGRAPH_INLINE std::string risk_json(const RiskResult& r) {
    using detail::ojson;
    using detail::risk_number;
    const Index n = r.item_count();
    const Index T = r.use_mean.cols() > 0 ? r.use_mean.cols() : std::max<Index>(0, r.finish_by.cols() - 1);
    const auto& s = r.summary;
    ojson periods = ojson::array();
    for (Index t = 0; t < T; ++t) periods.push_back(r.period(t));
    std::vector<long long> counts = r.histogram_counts;
    std::vector<double> edges(r.histogram_edges.data(), r.histogram_edges.data() + r.histogram_edges.size());
    ojson resources = ojson::array();
    for (Index k = 0; k < r.use_mean.rows(); ++k) {
        ojson one{{"name", k < static_cast<Index>(r.resources.size()) ? r.resources[static_cast<std::size_t>(k)] : r.resource(k)}};
        if (k < static_cast<Index>(r.resource_kinds.size())) one["kind"] = r.resource_kinds[static_cast<std::size_t>(k)];
        if (k < static_cast<Index>(r.resource_ids.size())) one["id"] = r.resource_ids[static_cast<std::size_t>(k)];
        ojson cap = ojson::array(), mean = ojson::array(), p95 = ojson::array(), over = ojson::array();
        for (Index t = 0; t < T; ++t) {
            cap.push_back(risk_number(r.capacity(k, t)));
            mean.push_back(risk_number(r.use_mean(k, t)));
            p95.push_back(risk_number(r.use_p95(k, t)));
            over.push_back(risk_number(r.p_over(k, t)));
        }
        one["limit"] = cap;
        one["mean"] = mean;
        one["p95"] = p95;
        one["p_over"] = over;
        resources.push_back(one);
    }
    ojson items = ojson::array();
    for (Index i = 0; i < n; ++i) {
        ojson by = ojson::array();
        for (Index t = 0; t < r.finish_by.cols(); ++t) by.push_back(r.finish_by(i, t));
        items.push_back(ojson{{"id", r.id(i)},
                              {"start", i < static_cast<Index>(r.starts.size()) ? ojson(r.starts[static_cast<std::size_t>(i)]) : ojson(nullptr)},
                              {"duration", i < static_cast<Index>(r.durations.size()) ? ojson(r.durations[static_cast<std::size_t>(i)]) : ojson(nullptr)},
                              {"npv_mean", r.item_npv_mean(i)},
                              {"npv_sd", r.item_npv_sd(i)},
                              {"failure_rate", r.failure_rate(i)},
                              {"delay_mean", r.delay_mean(i)},
                              {"on_time", risk_number(r.on_time(i))},
                              {"finish_by", by}});
    }
    ojson tornado = ojson::array();
    for (const auto& b : r.tornado)
        tornado.push_back(ojson{{"id", r.id(b.item)}, {"variable", b.variable}, {"input_low", b.input_low}, {"input_high", b.input_high},
                                {"npv_low", b.npv_low}, {"npv_high", b.npv_high}, {"swing", b.swing}});
    ojson ranks = ojson::array();
    for (const auto& c : r.rank_correlations) ranks.push_back(ojson{{"id", r.id(c.item)}, {"variable", c.variable}, {"rho", c.rho}});
    ojson out{{"scenario", r.scenario.empty() ? ojson(nullptr) : ojson(r.scenario)},
              {"currency", r.currency},
              {"periods", periods},
              {"seed", r.seed},
              {"first", r.first},
              {"samples", r.samples},
              {"latin_hypercube", r.latin_hypercube},
              {"converged", r.converged},
              {"stop_reason", std::string(to_string(r.stop_reason))},
              {"threads", r.threads},
              {"seconds", r.seconds},
              {"planned_npv", r.planned_npv},
              {"npv", ojson{{"mean", s.mean},
                            {"sd", s.sd},
                            {"standard_error", s.standard_error},
                            {"p5", s.p5},
                            {"p50", s.p50},
                            {"p95", s.p95},
                            {"cvar5", s.cvar5},
                            {"min", s.min},
                            {"max", s.max},
                            {"p_negative", s.p_negative},
                            {"p_negative_interval", ojson::array({s.p_negative_low, s.p_negative_high})}}},
              {"histogram", ojson{{"edges", edges}, {"counts", counts}}},
              {"resources", resources},
              {"initiatives", items},
              {"tornado_base", r.tornado_base},
              {"tornado", tornado},
              {"rank_correlations", ranks},
              {"notes", r.notes}};
    return out.dump(2) + "\n";
}

}  // namespace aligngraph
