#pragma once
// schedule(): the checks, the choice of search, and the explanation of each start.

#include "aligngraph/schedule/schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "aligngraph/error.hpp"
#include "aligngraph/schedule/detail/search.hpp"

namespace aligngraph {

ALIGNGRAPH_INLINE std::string ScheduleLabels::id(Index j) const {
    return j >= 0 && j < static_cast<Index>(ids.size()) ? ids[static_cast<std::size_t>(j)] : fmt::format("#{}", j);
}
ALIGNGRAPH_INLINE std::string ScheduleLabels::resource(Index r) const {
    return r >= 0 && r < static_cast<Index>(resources.size()) ? fmt::format("'{}'", resources[static_cast<std::size_t>(r)])
                                                              : fmt::format("resource {}", r);
}
ALIGNGRAPH_INLINE std::string ScheduleLabels::period(Index t) const {
    return t >= 0 && t < static_cast<Index>(periods.size()) ? periods[static_cast<std::size_t>(t)] : fmt::format("period {}", t);
}

ALIGNGRAPH_INLINE std::vector<Eigen::MatrixXd> constant_usage(const std::vector<Periods>& durations, const Eigen::MatrixXd& use) {
    if (use.rows() != static_cast<Index>(durations.size()))
        throw ValidationError(fmt::format("constant_usage(): use has {} rows, expected one per job ({})", use.rows(),
                                          durations.size()));
    std::vector<Eigen::MatrixXd> out(durations.size());
    for (std::size_t j = 0; j < durations.size(); ++j) {
        if (durations[j] < 0)
            throw ValidationError(fmt::format("constant_usage(): job {} has a negative duration ({})", j, durations[j]));
        out[j] = use.row(static_cast<Index>(j)).transpose().replicate(1, durations[j]);
    }
    return out;
}

namespace detail {

/// Periods as labels, runs joined: "2027Q2-2027Q3, 2028Q1".
ALIGNGRAPH_INLINE std::string sched_period_runs(const ScheduleLabels& labels, const std::vector<Period>& periods) {
    std::string out;
    for (std::size_t i = 0; i < periods.size();) {
        std::size_t k = i;
        while (k + 1 < periods.size() && periods[k + 1] == periods[k] + 1) ++k;
        if (!out.empty()) out += ", ";
        out += labels.period(periods[i]);
        if (k > i) {
            out += '-';
            out += labels.period(periods[k]);
        }
        i = k + 1;
    }
    return out;
}

/// Whether job j uses the same of each resource in every period it runs.
ALIGNGRAPH_INLINE bool sched_flat_use(const SchedInstance& in, int j) {
    for (int r = 0; r < in.resources; ++r)
        for (int k = 1; k < in.span[j]; ++k)
            if (in.used(j, r, k) != in.used(j, r, 0)) return false;
    return true;
}

/// Why no schedule exists, once the search has proven it: starting the others as early as
/// the latest-start rule has it, a job finds no room in its window; name it and what is full.
ALIGNGRAPH_INLINE std::string sched_infeasible_why(const SchedInstance& in) {
    std::vector<int> starts(in.n, -1), left(in.n);
    std::vector<double> residual = in.capacity;
    std::vector<int> ready;
    for (int j = 0; j < in.n; ++j)
        if ((left[j] = static_cast<int>(in.preds[j].size())) == 0) ready.push_back(j);
    while (!ready.empty()) {
        auto pick = std::min_element(ready.begin(), ready.end(), [&](int a, int b) {
            return in.latest[a] != in.latest[b] ? in.latest[a] < in.latest[b] : a < b;
        });
        const int j = *pick;
        ready.erase(pick);
        int from = in.earliest[j];
        for (auto [p, lag] : in.preds[j]) from = std::max(from, starts[p] + in.duration[p] + lag);
        const int s = sched_earliest_fit(in, residual, j, from);
        if (s < 0) {
            // Each resource's periods that refuse j at some start of its window.
            // (Period t meets the starts t - k for k in [t - latest, t - from]; with the same use
            // in each period, one of them is enough to look at.)
            std::string full;
            const bool flat = sched_flat_use(in, j);
            for (int r = 0; r < in.resources; ++r) {
                std::vector<Period> periods;
                for (int t = from; t < std::min(in.horizon, in.latest[j] + in.span[j]); ++t) {
                    const int k_lo = std::max(0, t - in.latest[j]), k_hi = std::min(in.span[j] - 1, t - from);
                    for (int k = k_lo; k <= (flat ? std::min(k_lo, k_hi) : k_hi); ++k)
                        if (in.used(j, r, k) > residual[static_cast<std::size_t>(r) * in.horizon + t] + 1e-9) {
                            periods.push_back(t);
                            break;
                        }
                }
                if (!periods.empty())
                    full += fmt::format("{}{} is full in {}", full.empty() ? "" : "; ", in.labels->resource(r),
                                        sched_period_runs(*in.labels, periods));
            }
            return fmt::format("schedule: no schedule fits every job in its window (proven by search). With the others "
                               "started as early as their latest starts allow, {} finds no room between {} and its latest "
                               "start {}: {}",
                               in.name(j), in.labels->period(from), in.labels->period(in.latest[j]),
                               full.empty() ? "its prerequisites finish too late" : full);
        }
        starts[j] = s;
        sched_place(in, residual, j, s, 1);
        for (auto [d, lag] : in.succs[j])
            if (--left[d] == 0) ready.push_back(d);
    }
    return "schedule: no schedule fits every job in its window under the capacities (proven by search)";
}

/// Whether job j, started at s, fits in periods [first, s + covered) (the others fitted).
ALIGNGRAPH_INLINE bool sched_fits_from(const SchedInstance& in, const std::vector<double>& residual, int j, int s, int first) {
    if (s < 0 || s + in.duration[j] > in.horizon) return false;
    const int end = s + in.covered(j, s);
    for (int r = 0; r < in.resources; ++r) {
        if (!in.uses[static_cast<std::size_t>(j) * in.resources + r]) continue;  // as sched_fits()
        for (int t = std::max(first, s); t < end; ++t) {
            const double u = in.used(j, r, t - s);
            if (u > residual[static_cast<std::size_t>(r) * in.horizon + t] + 1e-9 * std::max(1.0, std::abs(u))) return false;
        }
    }
    return true;
}

/// Whether every start of job j in [from, s) is refused by a resource (j itself taken out
/// of `residual`); if so, `full` gets each resource's periods that refuse one of them.
/// Linear in the periods where j's use is the same in each period it runs (a refused
/// period t refuses the starts t - span < e <= t), else each start's periods, once each.
ALIGNGRAPH_INLINE bool sched_refused_before(const SchedInstance& in, const std::vector<double>& residual, int j, int from, int s,
                                            std::map<int, std::vector<Period>>& full) {
    const int span = in.span[j];
    const auto refuses = [&](int r, int k, int t) {
        const double u = in.used(j, r, k);
        return u > residual[static_cast<std::size_t>(r) * in.horizon + t] + 1e-9 * std::max(1.0, u);
    };
    if (sched_flat_use(in, j)) {
        // The periods a start in [from, s) runs in: [from, s - 1 + span), within the horizon.
        const int end = std::min(in.horizon, s - 1 + span);
        const auto at = [&](int t) { return static_cast<std::size_t>(t - from); };
        std::vector<char> refused(at(std::max(from, end)), 0);
        for (int r = 0; r < in.resources && span > 0; ++r)
            for (int t = from; t < end; ++t)
                if (refuses(r, 0, t)) {
                    full[r].push_back(t);
                    refused[at(t)] = 1;
                }
        std::vector<int> next(refused.size() + 1, end);  // the first refused period >= t
        for (int t = end - 1; t >= from; --t) next[at(t)] = refused[at(t)] ? t : next[at(t) + 1];
        for (int e = from; e < s; ++e)
            if (next[at(e)] >= std::min(e + span, end)) return false;
        return true;
    }
    std::map<int, std::vector<char>> seen;
    for (int e = from; e < s; ++e) {
        bool blocked = false;
        for (int r = 0; r < in.resources; ++r)
            for (int k = 0; k < span; ++k)
                if (e + k < in.horizon && refuses(r, k, e + k)) {
                    auto& mark = seen[r];
                    if (mark.empty()) mark.assign(static_cast<std::size_t>(in.horizon), 0);
                    if (!mark[static_cast<std::size_t>(e + k)]) {
                        mark[static_cast<std::size_t>(e + k)] = 1;
                        full[r].push_back(e + k);
                    }
                    blocked = true;
                }
        if (!blocked) return false;
    }
    return true;
}

ALIGNGRAPH_INLINE void sched_explain(const SchedInstance& in, ScheduleResult& res) {
    const int n = in.n;
    std::vector<double> residual = in.capacity;
    for (int j = 0; j < n; ++j)
        if (res.starts[j] >= 0) sched_place(in, residual, j, res.starts[j], 1);
    res.reasons.assign(static_cast<std::size_t>(n), {});
    res.slack.assign(static_cast<std::size_t>(n), 0);
    std::vector<int> release(n, 0);  // the earliest start the window and prerequisites allow
    for (int j = 0; j < n; ++j) {
        const int s = res.starts[j];
        auto& why = res.reasons[static_cast<std::size_t>(j)];
        why.job = j;
        if (s < 0) {
            why.reason = StartReason::objective;
            why.text = "left out: the plan is worth more without it";
            continue;
        }
        int from = in.earliest[j], by = -1;
        for (auto [p, lag] : in.preds[j])
            if (res.starts[p] + in.duration[p] + lag > from || (by < 0 && res.starts[p] + in.duration[p] + lag == from && from > in.earliest[j])) {
                from = res.starts[p] + in.duration[p] + lag;
                by = p;
            }
        release[j] = from;
        sched_place(in, residual, j, s, -1);
        if (s == in.earliest[j]) {
            why.reason = StartReason::earliest;
            why.text = fmt::format("starts as early as its window allows ({})", res.period(s));
        } else if (s == from) {
            why.reason = StartReason::prerequisite;
            why.prerequisite = by;
            int lag = 0;
            for (auto [p, l] : in.preds[j])
                if (p == by) lag = std::max(lag, l);
            why.text = fmt::format("waits for '{}' to finish ({}{})", res.id(by), res.period(res.starts[by] + in.duration[by] - 1),
                                   lag ? fmt::format(", then a lag of {} period{}", lag, lag == 1 ? "" : "s") : "");
        } else {
            // Which resource refuses each earlier start, and in which periods; one start that
            // nothing refuses ends the question (the objective chose this one).
            std::map<int, std::vector<Period>> full;
            const bool blocked_all = sched_refused_before(in, residual, j, from, s, full);
            if (blocked_all && !full.empty()) {
                auto most = std::max_element(full.begin(), full.end(),
                                             [](const auto& a, const auto& b) { return a.second.size() < b.second.size(); });
                std::sort(most->second.begin(), most->second.end());
                why.reason = StartReason::resource;
                why.resource = most->first;
                why.periods = most->second;
                why.text = fmt::format("{} is full in {} (it could start in {} otherwise)", res.resource(most->first),
                                       sched_period_runs(res, most->second), res.period(from));
            } else {
                why.reason = StartReason::objective;
                why.text = in.objective == ScheduleObjective::npv
                               ? fmt::format("could start in {}, but starts later because that is worth more", res.period(from))
                               : fmt::format("could start in {}; the search stopped before it could start it earlier",
                                             res.period(from));
            }
        }
        // Slack: later starts that keep the schedule feasible and the makespan. With the
        // same use in each running period, a start fits when the one before it did and the
        // period it adds does (one period a step, not the whole run).
        int slack = 0;
        const bool flat = sched_flat_use(in, j);
        for (int t = s + 1; t <= in.latest[j] && t + in.duration[j] <= res.makespan; ++t) {
            bool ok = flat && t > s + 1 ? sched_fits_from(in, residual, j, t, t + in.covered(j, t) - 1) : sched_fits(in, residual, j, t);
            for (auto [d, lag] : in.succs[j]) ok = ok && (res.starts[d] < 0 || t + in.duration[j] + lag <= res.starts[d]);
            if (!ok) break;
            slack = t - s;
        }
        res.slack[static_cast<std::size_t>(j)] = slack;
        sched_place(in, residual, j, s, 1);
    }
    // The critical chain: back from the last job to finish, through what released each start.
    res.critical.assign(static_cast<std::size_t>(n), false);
    res.critical_chain.clear();
    if (n > 0) {
        int at = 0;
        for (int j = 1; j < n; ++j)
            if (res.finishes[j] > res.finishes[at]) at = j;
        if (res.finishes[at] < 0) at = -1;
        while (at >= 0 && !res.critical[static_cast<std::size_t>(at)]) {
            res.critical[static_cast<std::size_t>(at)] = true;
            res.critical_chain.push_back(at);
            const auto& why = res.reasons[static_cast<std::size_t>(at)];
            int next = -1;
            if (why.reason == StartReason::prerequisite) next = static_cast<int>(why.prerequisite);
            else if (why.reason == StartReason::resource) {
                // A job using that resource that finishes when this one starts and cannot
                // start later (no slack: its last period is what holds this one back). When
                // each such job could move later, the resource's load as a whole holds it
                // back, no one job: the chain begins here.
                for (int i = 0; i < n && next < 0; ++i)
                    if (i != at && res.finishes[i] == res.starts[at] && res.slack[static_cast<std::size_t>(i)] == 0 &&
                        in.uses[static_cast<std::size_t>(i) * in.resources + why.resource])
                        next = i;
            }
            at = next;
        }
        std::reverse(res.critical_chain.begin(), res.critical_chain.end());
    }
    res.explained = true;
}

}  // namespace detail

ALIGNGRAPH_INLINE void explain(const ScheduleProblem& q, ScheduleResult& result) {
    const auto in = detail::sched_instance(q);
    if (result.job_count() != in.n)
        throw ValidationError(fmt::format("explain(): the schedule has {} starts, the problem {} jobs", result.job_count(), in.n));
    detail::sched_explain(in, result);
}

ALIGNGRAPH_INLINE ScheduleResult schedule(const ScheduleProblem& q, const ScheduleOptions& options) {
    if (!(options.time_limit >= 0))  // NaN too
        throw ValidationError(fmt::format("schedule(): time limit {} s, expected >= 0 (0: the first schedule found)", options.time_limit));
    if (options.node_limit < 0) throw ValidationError(fmt::format("schedule(): node limit {}, expected >= 0", options.node_limit));
    detail::Limits limits(options.time_limit, options.node_limit, &options.cancel);
    const auto in = detail::sched_instance(q);
    if (!options.start.empty()) detail::sched_check_start(in, options.start);
    const std::vector<int>* start = options.start.empty() ? nullptr : &options.start;
    ScheduleResult res;
    static_cast<ScheduleLabels&>(res) = q;
    res.objective = q.objective;
    res.durations = in.duration;
    res.earliest = in.earliest;
    res.horizon = in.horizon;
    res.latest.resize(static_cast<std::size_t>(in.n));
    for (int j = 0; j < in.n; ++j) res.latest[j] = q.latest.empty() ? in.horizon - in.duration[j] : q.latest[j];

    detail::SchedOutcome out;
    StopReason stop = StopReason::none;
    const bool regular = q.objective != ScheduleObjective::npv;
    if (in.n == 0) {
        out.proven = true;
    } else if (regular && in.constant_use && !in.choosing) {
        out = detail::sched_regular_search(in, limits, start);
        stop = limits.reason();
    } else {
        std::vector<int> first;
        if (regular) first = detail::sched_heuristic(in, limits, start).starts;
        else {
            std::vector<double> priority(in.latest.begin(), in.latest.end());
            first = in.choosing ? detail::sched_serial_choosing(in, detail::sched_priority_list(in, priority))
                                : detail::sched_serial(in, priority);
            // The caller's start when the rule found nothing or less (NPV: the more the better).
            if (start && (first.empty() || detail::sched_value(in, *start) > detail::sched_value(in, first))) first = *start;
        }
        long long first_nodes = 0;
        try {
            if (first.empty() && q.objective == ScheduleObjective::makespan) {
                // No rule found a schedule (tight windows). The makespan's model, its objective on
                // the end job alone, guides its search poorly towards a first schedule, where the
                // same model minimising each job's wait (every start in the objective) finds one
                // at once (a fuzzed 20-job problem: the makespan's model alone has none at 5 s and
                // one at 20 s; the waits' model its proven optimum in 0.9 s). A quarter of the
                // limits for that, the rest for the makespan from its schedule.
                ScheduleProblem waits = q;
                waits.objective = ScheduleObjective::delay;
                waits.weights.resize(0);  // 1 each
                const auto w = detail::sched_instance(waits);
                const auto found = detail::sched_time_indexed(w, {}, limits, options.time_limit / 4, options.node_limit / 4,
                                                              options.cancel, false, false);
                first = found.starts;
                first_nodes = found.nodes;
            }
            // A plan (what and when): the branch and bound for half the time and half the
            // nodes, then, unless it ended, neighbourhoods of its best for the rest. A roadmap:
            // the tree throughout.
            const bool neighbourhoods = in.choosing && in.objective == ScheduleObjective::npv;
            out = detail::sched_time_indexed(in, first, limits, neighbourhoods ? options.time_limit / 2 : options.time_limit,
                                             neighbourhoods ? options.node_limit - options.node_limit / 2 : options.node_limit - first_nodes,
                                             options.cancel, neighbourhoods);
            out.nodes += first_nodes;
            if (out.starts.empty() && !first.empty()) {  // a limit before the solver took its start
                out.starts = first;
                out.value = detail::sched_value(in, first);
                out.bound = regular ? detail::sched_root_bound(in) : std::numeric_limits<double>::infinity();
            }
            if (neighbourhoods && !out.starts.empty() &&
                (out.stop_reason == StopReason::time_limit || out.stop_reason == StopReason::node_limit)) {
                detail::Limits rest(options.time_limit, options.node_limit - out.nodes, &options.cancel, limits.start());
                const auto more = detail::sched_neighbourhoods(in, out.starts, rest, options.time_limit, options.cancel, out.nodes,
                                                               out.root_lp.empty() ? nullptr : &out.root_lp);
                out.nodes += more.nodes;
                out.value = detail::sched_value(in, out.starts);
                out.proven = more.proven;
                if (more.proven) out.bound = out.value;
                out.stop_reason = more.proven ? StopReason::none : rest.stopped() ? rest.reason() : StopReason::time_limit;
            }
        } catch (const InfeasibleError&) {
            throw InfeasibleError(detail::sched_infeasible_why(in));
        }
        stop = out.stop_reason;
    }
    if (in.n > 0 && out.starts.empty()) {
        if (out.proven && stop == StopReason::none) throw InfeasibleError(detail::sched_infeasible_why(in));
        throw NoSolutionError(fmt::format("schedule: the search stopped ({}) before it found any schedule", to_string(stop)));
    }
    res.starts = out.starts;
    res.value = in.n ? out.value : 0;
    res.bound = in.n ? out.bound : 0;
    res.proven = out.proven && stop == StopReason::none;
    // A limit met after the schedule reached the bound (the genetic search found one as
    // short as the root's bound, and the tree stopped before it ended) proves it all the same.
    if (in.n > 0 && std::isfinite(res.bound) && std::abs(res.value - res.bound) <= 1e-9 * std::max(1.0, std::abs(res.value)))
        res.proven = true;
    if (res.proven) res.bound = res.value;
    res.stop_reason = res.proven ? StopReason::none : stop;
    res.gap = std::isfinite(res.bound) ? std::abs(res.value - res.bound) / std::max(std::abs(res.value), 1.0)
                                       : std::numeric_limits<double>::infinity();
    res.nodes = out.nodes;
    res.finishes.resize(static_cast<std::size_t>(in.n));
    res.scheduled.resize(static_cast<std::size_t>(in.n));
    for (int j = 0; j < in.n; ++j) {
        res.scheduled[static_cast<std::size_t>(j)] = res.starts[j] >= 0;
        res.finishes[j] = res.starts[j] >= 0 ? res.starts[j] + in.duration[j] : -1;
        res.makespan = std::max(res.makespan, res.finishes[j]);
    }
    res.capacity.resize(in.resources, in.horizon);
    res.load = Eigen::MatrixXd::Zero(in.resources, in.horizon);
    for (int r = 0; r < in.resources; ++r)
        for (int t = 0; t < in.horizon; ++t) res.capacity(r, t) = in.cap(r, t);
    for (int j = 0; j < in.n; ++j)
        for (int r = 0; r < in.resources && res.starts[j] >= 0; ++r)
            for (int k = 0; k < in.covered(j, res.starts[j]); ++k) res.load(r, res.starts[j] + k) += in.used(j, r, k);
    res.job_values = Eigen::VectorXd::Zero(in.n);
    res.flows_past_horizon = Eigen::VectorXd::Zero(in.n);
    for (int j = 0; j < in.n; ++j) {
        if (res.starts[j] < 0) continue;
        res.job_values[j] = in.value_at(j, res.starts[j]);
        for (std::size_t k = 0; k < in.flows[j].size(); ++k)
            if (res.starts[j] + static_cast<int>(k) >= in.horizon) res.flows_past_horizon[j] += in.flows[j][k];
    }
    if (options.explain) detail::sched_explain(in, res);
    res.seconds = limits.seconds();
    return res;
}

}  // namespace aligngraph
