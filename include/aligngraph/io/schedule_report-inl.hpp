#pragma once
// A schedule as text and JSON (schedule_report.hpp).

#include "aligngraph/io/schedule_report.hpp"

#include "aligngraph/detail/layout.hpp"
#include "aligngraph/detail/ordered_json.hpp"
#include "aligngraph/detail/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace aligngraph {

namespace detail {

inline ojson sched_json_number(double v) { return std::isfinite(v) ? ojson(v) : ojson(nullptr); }

/// The objective's value as text: periods for the makespan, money otherwise.
inline std::string sched_value_text(const ScheduleResult& r, double v) {
    if (r.objective == ScheduleObjective::makespan) return fmt::format("{} periods", static_cast<long long>(std::llround(v)));
    return money(v) + (r.currency.empty() ? "" : " " + r.currency);
}

}  // namespace detail

ALIGNGRAPH_INLINE std::string schedule_text(const ScheduleResult& r, int width) {
    const std::size_t w = static_cast<std::size_t>(std::max(width, 60));
    const Index n = r.job_count();
    const int T = r.horizon;
    std::string out;
    Index scheduled = 0;
    for (Index j = 0; j < n; ++j) scheduled += r.starts[static_cast<std::size_t>(j)] >= 0 ? 1 : 0;
    const char* what = r.objective == ScheduleObjective::makespan ? "makespan"
                       : r.objective == ScheduleObjective::delay  ? "cost of delay"
                                                                  : "NPV";
    out += detail::wrapped("", fmt::format("Schedule of {} of {} initiatives over {} periods ({} to {}){}: {} {}.", scheduled, n, T,
                                           r.period(0), r.period(T - 1), r.scenario.empty() ? "" : ", scenario " + r.scenario,
                                           what, detail::sched_value_text(r, r.value)),
                           2, w);
    if (r.proven) out += "Proven optimal.\n";
    else
        out += detail::wrapped("", fmt::format("Not proven ({}): no schedule is better than {} (gap {:.2f}%).", to_string(r.stop_reason),
                                               detail::sched_value_text(r, r.bound), 100 * r.gap),
                               2, w);
    if (scheduled > 0) out += fmt::format("All done by the end of {} ({} periods).\n", r.period(r.makespan - 1), r.makespan);

    // The Gantt: a label column, then one cell per period.
    std::size_t label = 4;
    for (Index j = 0; j < n; ++j) label = std::max(label, detail::columns(r.id(j)));
    label = std::min<std::size_t>(label, 16);
    const std::size_t room = w > label + 3 ? w - label - 3 : 1;
    const std::size_t cell = T > 0 ? std::clamp<std::size_t>(room / static_cast<std::size_t>(T), 1, 7) : 1;
    const std::size_t shown = std::min<std::size_t>(static_cast<std::size_t>(T), room / cell);
    std::size_t longest = 1;
    for (int t = 0; t < T; ++t) longest = std::max(longest, detail::columns(r.period(t)));
    const std::size_t every = (longest + cell) / cell;  // a label every `every` periods
    out += "\n";
    std::string head(label + 2, ' ');
    for (std::size_t t = 0; t < shown;) {
        if (t % every == 0 && t + (longest + cell - 1) / cell <= shown) {
            const std::string l = r.period(static_cast<Index>(t));
            head += detail::pad(l, every * cell);
            t += every;
        } else {
            head += std::string(cell, ' ');
            ++t;
        }
    }
    while (!head.empty() && head.back() == ' ') head.pop_back();
    out += head + "\n";
    for (Index j = 0; j < n; ++j) {
        const int s = r.starts[static_cast<std::size_t>(j)], f = r.finishes[static_cast<std::size_t>(j)];
        std::string row = detail::pad(detail::fit(r.id(j), label), label) + " |";
        for (std::size_t t = 0; t < shown; ++t) {
            const bool on = s >= 0 && static_cast<int>(t) >= s && static_cast<int>(t) < f;
            const bool critical = on && j < static_cast<Index>(r.critical.size()) && r.critical[static_cast<std::size_t>(j)];
            row += std::string(cell, on ? (critical ? '#' : '=') : '.');
        }
        if (s < 0) row += " (left out)";
        out += row + "\n";
    }
    if (shown < static_cast<std::size_t>(T)) out += fmt::format("(the first {} of {} periods shown)\n", shown, T);
    out += "  # critical chain   = scheduled   . not running\n";

    // Each resource's use per period, as a share of its capacity.
    if (r.load.rows() > 0) {
        out += "\nUse of each resource per period (share of its capacity):\n";
        std::size_t name = 8;
        for (Index k = 0; k < r.load.rows(); ++k) name = std::max(name, detail::columns(r.resource(k)) - 2);
        // All periods on one line when the names, cut to at least 10 columns, leave room.
        const std::size_t all = 7 * static_cast<std::size_t>(T);
        name = std::min<std::size_t>(name, w > all + 11 ? std::max<std::size_t>(10, w - all - 1) : 24);
        const std::size_t per_line = std::max<std::size_t>(1, (w - name - 1) / 7);
        for (std::size_t from = 0; from < static_cast<std::size_t>(T); from += per_line) {
            const std::size_t to = std::min<std::size_t>(static_cast<std::size_t>(T), from + per_line);
            std::string h = std::string(name, ' ');
            for (std::size_t t = from; t < to; ++t) h += fmt::format(" {:>6}", detail::fit(r.period(static_cast<Index>(t)), 6));
            out += h + "\n";
            for (Index k = 0; k < r.load.rows(); ++k) {
                std::string line = detail::pad(detail::fit(k < static_cast<Index>(r.resources.size()) ? r.resources[static_cast<std::size_t>(k)] : r.resource(k), name), name);
                for (std::size_t t = from; t < to; ++t) {
                    const double cap = r.capacity(k, static_cast<Index>(t)), use = r.load(k, static_cast<Index>(t));
                    std::string c = cap > 0 ? fmt::format("{:.0f}%", 100 * use / cap) : (use > 0 ? "over" : "-");
                    if (cap > 0 && use >= cap * (1 - 1e-9) && use > 0) c = "full";
                    line += fmt::format(" {:>6}", c);
                }
                out += line + "\n";
            }
        }
    }
    if (!r.critical_chain.empty()) {
        std::string chain;
        for (Index j : r.critical_chain) {
            if (!chain.empty()) chain += " -> ";
            chain += r.id(j);
        }
        out += "\n" + detail::wrapped("Critical chain: ", chain + ".", 2, w);
    }
    if (r.explained) {
        out += "\nWhy each starts when it does:\n";
        for (Index j = 0; j < n; ++j) {
            const auto& why = r.reasons[static_cast<std::size_t>(j)];
            const int s = r.starts[static_cast<std::size_t>(j)];
            const std::string head_text = s >= 0 ? fmt::format("  {} {}: ", r.id(j), r.period(s)) : fmt::format("  {}: ", r.id(j));
            std::string text = why.text;
            if (s >= 0) text += fmt::format("; slack {} period{}", r.slack[static_cast<std::size_t>(j)], r.slack[static_cast<std::size_t>(j)] == 1 ? "" : "s");
            if (s >= 0 && r.objective == ScheduleObjective::npv && std::abs(r.flows_past_horizon[j]) > 0)
                text += fmt::format("; {} of its flows fall past the horizon (valued, discounted)", detail::money(r.flows_past_horizon[j]));
            out += detail::wrapped(head_text, text + ".", 4, w);
        }
    }
    return out;
}

namespace detail {
/// What the plan adds to the roadmap's initiatives and leaves out of them, by id.
struct PlanChange {
    std::vector<std::string> added, dropped;
};
ALIGNGRAPH_INLINE PlanChange plan_change(const ScheduleResult& roadmap, const ScheduleResult& plan) {
    PlanChange c;
    std::vector<std::string> in_roadmap;
    for (Index j = 0; j < roadmap.job_count(); ++j)
        if (roadmap.starts[static_cast<std::size_t>(j)] >= 0) in_roadmap.push_back(roadmap.id(j));
    std::sort(in_roadmap.begin(), in_roadmap.end());
    for (Index j = 0; j < plan.job_count(); ++j) {
        const bool on = plan.starts[static_cast<std::size_t>(j)] >= 0;
        const bool was = std::binary_search(in_roadmap.begin(), in_roadmap.end(), plan.id(j));
        if (on && !was) c.added.push_back(plan.id(j));
        if (!on && was) c.dropped.push_back(plan.id(j));
    }
    return c;
}
}  // namespace detail

ALIGNGRAPH_INLINE std::string plan_comparison_text(const ScheduleResult& roadmap, const ScheduleResult& plan, int width) {
    const std::size_t w = static_cast<std::size_t>(std::max(width, 60));
    const auto [added, dropped] = detail::plan_change(roadmap, plan);
    const auto list = [](const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v) {
            if (!s.empty()) s += ", ";
            s += x;
        }
        return s.empty() ? std::string("none") : s;
    };
    std::string out = "Planning which initiatives and when together:\n";
    out += detail::wrapped("  ", fmt::format("the plan is worth {} against {} for the roadmap of the selection ({}{}).",
                                             detail::sched_value_text(plan, plan.value), detail::sched_value_text(roadmap, roadmap.value),
                                             plan.value >= roadmap.value ? "+" : "", detail::sched_value_text(plan, plan.value - roadmap.value)),
                           4, w);
    out += detail::wrapped("  ", fmt::format("It adds {} and leaves out {}.", list(added), list(dropped)), 4, w);
    if (!plan.proven || !roadmap.proven) out += "  (not both proven: the difference is between the best found)\n";
    return out;
}

ALIGNGRAPH_INLINE std::string plan_comparison_json(const ScheduleResult& roadmap, const ScheduleResult& plan) {
    const auto [added, dropped] = detail::plan_change(roadmap, plan);
    return detail::ojson{{"roadmap_value", roadmap.value},
                         {"plan_value", plan.value},
                         {"difference", plan.value - roadmap.value},
                         {"added", added},
                         {"left_out", dropped},
                         {"both_proven", roadmap.proven && plan.proven}}
               .dump(2) +
           "\n";
}

ALIGNGRAPH_INLINE std::string schedule_json(const ScheduleResult& r) {
    using detail::ojson;
    ojson jobs = ojson::array();
    for (Index j = 0; j < r.job_count(); ++j) {
        const auto k = static_cast<std::size_t>(j);
        const int s = r.starts[k];
        ojson job{{"id", r.id(j)}, {"scheduled", s >= 0}, {"start", s >= 0 ? ojson(s) : ojson(nullptr)},
                  {"finish", s >= 0 ? ojson(r.finishes[k]) : ojson(nullptr)},
                  {"start_label", s >= 0 ? ojson(r.period(s)) : ojson(nullptr)},
                  {"finish_label", s >= 0 ? ojson(r.period(std::max(s, r.finishes[k] - 1))) : ojson(nullptr)},
                  {"duration", r.durations[k]}, {"earliest", r.earliest[k]}, {"latest", r.latest[k]}};
        if (r.explained) {
            const auto& why = r.reasons[k];
            job["slack"] = r.slack[k];
            job["critical"] = static_cast<bool>(r.critical[k]);
            job["reason"] = std::string(to_string(why.reason));
            job["detail"] = why.text;
            job["prerequisite"] = why.prerequisite >= 0 ? ojson(r.id(why.prerequisite)) : ojson(nullptr);
            job["resource"] = why.resource >= 0 && why.resource < static_cast<Index>(r.resources.size())
                                  ? ojson(r.resources[static_cast<std::size_t>(why.resource)])
                                  : ojson(nullptr);
            job["periods"] = why.periods;
        }
        if (r.objective == ScheduleObjective::npv) {
            job["value"] = r.job_values[j];
            job["flows_past_horizon"] = r.flows_past_horizon[j];
        }
        jobs.push_back(job);
    }
    ojson resources = ojson::array();
    for (Index k = 0; k < r.load.rows(); ++k) {
        std::vector<double> cap(static_cast<std::size_t>(r.load.cols())), load(cap.size());
        for (Index t = 0; t < r.load.cols(); ++t) {
            cap[static_cast<std::size_t>(t)] = r.capacity(k, t);
            load[static_cast<std::size_t>(t)] = r.load(k, t);
        }
        ojson one{{"name", k < static_cast<Index>(r.resources.size()) ? r.resources[static_cast<std::size_t>(k)] : r.resource(k)}};
        if (k < static_cast<Index>(r.resource_kinds.size())) one["kind"] = r.resource_kinds[static_cast<std::size_t>(k)];
        if (k < static_cast<Index>(r.resource_ids.size())) one["id"] = r.resource_ids[static_cast<std::size_t>(k)];
        one["capacity"] = cap;
        one["load"] = load;
        resources.push_back(one);
    }
    ojson chain = ojson::array();
    for (Index j : r.critical_chain) chain.push_back(r.id(j));
    ojson periods = ojson::array();
    for (int t = 0; t < r.horizon; ++t) periods.push_back(r.period(t));
    ojson out{{"objective", std::string(to_string(r.objective))},
              {"scenario", r.scenario.empty() ? ojson(nullptr) : ojson(r.scenario)},
              {"currency", r.currency},
              {"periods", periods},
              {"value", detail::sched_json_number(r.value)},
              {"bound", detail::sched_json_number(r.bound)},
              {"gap", detail::sched_json_number(r.gap)},
              {"proven", r.proven},
              {"stop_reason", std::string(to_string(r.stop_reason))},
              {"nodes", r.nodes},
              {"seconds", r.seconds},
              {"makespan", r.makespan},
              {"horizon", r.horizon},
              {"explained", r.explained},
              {"jobs", jobs},
              {"resources", resources},
              {"critical_chain", chain}};
    return out.dump(2) + "\n";
}

}  // namespace aligngraph
