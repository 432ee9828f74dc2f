#pragma once
// Checking a ScheduleProblem and building the searches' form of it (instance.hpp).

#include "aligngraph/schedule/detail/instance.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "aligngraph/detail/constants.hpp"
#include "aligngraph/error.hpp"
#include "aligngraph/memory.hpp"

namespace aligngraph::detail {

ALIGNGRAPH_INLINE std::string SchedInstance::name(int j) const {
    return labels ? fmt::format("'{}'", labels->id(j)) : fmt::format("'#{}'", j);
}

ALIGNGRAPH_INLINE double SchedInstance::value_at(int j, int s) const {
    return value_at_zero[j] * std::pow(discount, s);
}

ALIGNGRAPH_INLINE bool sched_fits(const SchedInstance& in, const std::vector<double>& residual, int j, int s) {
    if (s < 0 || s + in.duration[j] > in.horizon) return false;
    const int d = in.covered(j, s), span = in.span[j];
    for (int r = 0; r < in.resources; ++r) {
        if (!in.uses[static_cast<std::size_t>(j) * in.resources + r]) continue;
        const double* row = residual.data() + static_cast<std::size_t>(r) * in.horizon + s;
        const double* u = in.use[j].data() + static_cast<std::size_t>(r) * span;
        for (int k = 0; k < d; ++k)
            if (u[k] > row[k] + 1e-9 * std::max(1.0, std::abs(u[k]))) return false;
    }
    return true;
}

ALIGNGRAPH_INLINE void sched_place(const SchedInstance& in, std::vector<double>& residual, int j, int s, double sign) {
    const int d = in.covered(j, s), span = in.span[j];
    for (int r = 0; r < in.resources; ++r) {
        if (!in.uses[static_cast<std::size_t>(j) * in.resources + r]) continue;
        double* row = residual.data() + static_cast<std::size_t>(r) * in.horizon + s;
        const double* u = in.use[j].data() + static_cast<std::size_t>(r) * span;
        for (int k = 0; k < d; ++k) row[k] -= sign * u[k];
    }
}

ALIGNGRAPH_INLINE int sched_earliest_fit(const SchedInstance& in, const std::vector<double>& residual, int j, int from) {
    const int last = std::min(in.latest[j], in.horizon - in.duration[j]);
    int s = std::max(from, 0);
    while (s <= last) {
        // The latest period in [s, s + d) where j does not fit: the next try starts after it.
        int bad = -1;
        const int d = in.covered(j, s), span = in.span[j];
        for (int r = 0; r < in.resources && bad < 0; ++r) {
            if (!in.uses[static_cast<std::size_t>(j) * in.resources + r]) continue;
            const double* row = residual.data() + static_cast<std::size_t>(r) * in.horizon + s;
            const double* u = in.use[j].data() + static_cast<std::size_t>(r) * span;
            for (int k = d - 1; k >= 0; --k)
                if (u[k] > row[k] + 1e-9 * std::max(1.0, std::abs(u[k]))) {
                    bad = in.constant_use ? k : 0;  // with a profile, a later start may fit a period that failed
                    break;
                }
        }
        if (bad < 0) return s;
        s += bad + 1;
    }
    return -1;
}

ALIGNGRAPH_INLINE void sched_check_start(const SchedInstance& in, const std::vector<int>& start) {
    const auto refuse = [](const std::string& what) { throw ValidationError("schedule: the start schedule " + what); };
    if (start.size() != static_cast<std::size_t>(in.n))
        refuse(fmt::format("has {} starts, expected one per job ({})", start.size(), in.n));
    const auto period = [&](int t) {  // "period 3", or "2027-Q2 (period 3)" with labels
        const bool labelled = in.labels && t >= 0 && t < static_cast<int>(in.labels->periods.size());
        return labelled ? fmt::format("{} (period {})", in.labels->period(t), t) : fmt::format("period {}", t);
    };
    for (int j = 0; j < in.n; ++j) {
        const int s = start[j];
        if (s < 0) {
            if (!in.optional[j]) refuse(fmt::format("leaves out {}, which must be scheduled", in.name(j)));
            continue;
        }
        if (s < in.earliest[j] || s > in.latest[j])
            refuse(fmt::format("starts {} in {}, outside its window: periods {} to {}", in.name(j), period(s), in.earliest[j],
                               in.latest[j]));
        for (const auto& [p, lag] : in.preds[j]) {
            if (start[p] < 0) refuse(fmt::format("has {} without its prerequisite {}", in.name(j), in.name(p)));
            if (start[p] + in.duration[p] + lag > s)
                refuse(fmt::format("starts {} in period {}, before its prerequisite {} (from period {}, {} periods{}) allows",
                                   in.name(j), s, in.name(p), start[p], in.duration[p],
                                   lag ? fmt::format(", then a lag of {}", lag) : std::string()));
        }
    }
    for (const auto& g : in.excludes) {
        int first = -1;
        for (int j : g) {
            if (start[j] < 0) continue;
            if (first >= 0) refuse(fmt::format("has both {} and {}, alternatives (at most one of them)", in.name(first), in.name(j)));
            first = j;
        }
    }
    std::vector<double> residual = in.capacity;
    for (int j = 0; j < in.n; ++j)
        if (start[j] >= 0) sched_place(in, residual, j, start[j], 1);
    for (int r = 0; r < in.resources; ++r)
        for (int t = 0; t < in.horizon; ++t) {
            const double cap = in.cap(r, t), used = cap - residual[static_cast<std::size_t>(r) * in.horizon + t];
            if (used <= cap + 1e-9 * std::max(1.0, std::abs(cap))) continue;
            std::vector<std::string> who;
            for (int j = 0; j < in.n; ++j) {
                const int s = start[j];
                if (s >= 0 && s <= t && t - s < in.covered(j, s) && in.uses[static_cast<std::size_t>(j) * in.resources + r] &&
                    in.used(j, r, t - s) > 0)
                    who.push_back(in.name(j));
            }
            refuse(fmt::format("overloads {} in {}: {:.6g} against a capacity of {:.6g}, by {}",
                               in.labels ? in.labels->resource(r) : fmt::format("resource {}", r), period(t), used, cap,
                               fmt::join(who, ", ")));
        }
}

ALIGNGRAPH_INLINE double sched_value(const SchedInstance& in, const std::vector<int>& starts) {
    switch (in.objective) {
        case ScheduleObjective::makespan: {
            int m = 0;
            for (int j = 0; j < in.n; ++j) m = std::max(m, starts[j] + in.duration[j]);
            return m;
        }
        case ScheduleObjective::delay: {
            double c = 0;
            for (int j = 0; j < in.n; ++j) c += in.weight[j] * (starts[j] - in.earliest[j]);
            return c;
        }
        case ScheduleObjective::npv: {
            double v = 0;
            for (int j = 0; j < in.n; ++j)
                if (starts[j] >= 0) v += in.value_at(j, starts[j]);
            return v;
        }
    }
    return 0;
}

/// The chain of prerequisites that sets j's earliest start (first to j).
ALIGNGRAPH_INLINE std::vector<int> sched_head_chain(const SchedInstance& in, int j) {
    std::vector<int> chain{j};
    for (int at = j;;) {
        int from = -1;
        for (auto [p, lag] : in.preds[at])
            if (in.head[p] + in.duration[p] + lag == in.head[at] && in.head[at] > in.earliest[at]) {
                from = p;
                break;
            }
        if (from < 0) break;
        chain.push_back(from);
        at = from;
    }
    std::reverse(chain.begin(), chain.end());
    return chain;
}

ALIGNGRAPH_INLINE std::string sched_chain_text(const SchedInstance& in, const std::vector<int>& chain) {
    std::string s;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        if (i) s += " -> ";
        s += in.name(chain[i]);
        if (i == 0) s += fmt::format(" (earliest start {}, duration {})", in.earliest[chain[i]], in.duration[chain[i]]);
        else if (i + 1 < chain.size()) s += fmt::format(" (duration {})", in.duration[chain[i]]);
    }
    return s;
}

ALIGNGRAPH_INLINE SchedInstance sched_instance(const ScheduleProblem& q) {
    SchedInstance in;
    in.labels = &q;
    const auto n = q.durations.size();
    in.n = static_cast<int>(n);
    in.objective = q.objective;
    const auto refuse = [](std::string what) { throw ValidationError("schedule: " + what); };
    const auto job = [&](std::size_t j) { return fmt::format("job '{}'", q.id(static_cast<Index>(j))); };
    const auto sized = [&](std::string_view field, std::size_t size) {
        if (size != 0 && size != n) refuse(fmt::format("{} has {} entries, expected one per job ({})", field, size, n));
    };
    sized("ids", q.ids.size());
    sized("usage", q.usage.size());
    sized("earliest", q.earliest.size());
    sized("latest", q.latest.size());
    sized("flows", q.flows.size());
    sized("weights", static_cast<std::size_t>(q.weights.size()));
    sized("optional", q.optional.size());
    const bool any_optional = std::find(q.optional.begin(), q.optional.end(), true) != q.optional.end();
    if ((any_optional || !q.excludes.empty()) && q.objective != ScheduleObjective::npv)
        refuse(fmt::format("optional jobs and excludes groups choose what to schedule, which needs the npv objective (not {})",
                           to_string(q.objective)));
    for (std::size_t g = 0; g < q.excludes.size(); ++g)
        for (Index x : q.excludes[g])
            if (x < 0 || x >= static_cast<Index>(n))
                refuse(fmt::format("excludes group {} names job {}, expected 0 to {}", g, x, static_cast<Index>(n) - 1));
    in.optional.assign(n, 0);
    for (std::size_t j = 0; j < q.optional.size(); ++j) in.optional[j] = q.optional[j] ? 1 : 0;
    for (const auto& g : q.excludes) in.excludes.emplace_back(g.begin(), g.end());
    in.choosing = any_optional || !q.excludes.empty();
    for (std::size_t j = 0; j < n; ++j) {
        if (q.durations[j] < 0) refuse(fmt::format("{} has a negative duration ({})", job(j), q.durations[j]));
        // No horizon is longer (below): refused before its use by period costs memory.
        if (q.durations[j] > detail::max_periods)
            refuse(fmt::format("{} has duration {}; at most {} periods", job(j), q.durations[j], detail::max_periods));
    }

    // Resources and periods.
    const Index R = q.capacity.rows();
    in.resources = static_cast<int>(R);
    if (!q.resources.empty() && static_cast<Index>(q.resources.size()) != R)
        refuse(fmt::format("resources has {} names, expected one per row of capacity ({})", q.resources.size(), R));
    if (!q.resource_kinds.empty() && static_cast<Index>(q.resource_kinds.size()) != R)
        refuse(fmt::format("resource_kinds has {} entries, expected one per row of capacity ({})", q.resource_kinds.size(), R));
    if (!q.resource_ids.empty() && static_cast<Index>(q.resource_ids.size()) != R)
        refuse(fmt::format("resource_ids has {} entries, expected one per row of capacity ({})", q.resource_ids.size(), R));
    for (Index r = 0; r < R; ++r)
        for (Index t = 0; t < q.capacity.cols(); ++t)
            if (!std::isfinite(q.capacity(r, t)) || q.capacity(r, t) < 0)
                refuse(fmt::format("capacity of {} in period {} is {}; expected a finite amount >= 0", q.resource(r), t,
                                   q.capacity(r, t)));
    for (std::size_t j = 0; j < q.usage.size(); ++j) {
        const auto& u = q.usage[j];
        if (u.size() == 0) continue;
        if (u.rows() != R)
            refuse(fmt::format("usage of {} has {} rows, expected one per resource ({}, the rows of capacity)", job(j),
                               u.rows(), R));
        if (u.cols() > q.durations[j] && !q.use_after_finish)
            refuse(fmt::format("usage of {} has {} periods, longer than its duration {}", job(j), u.cols(), q.durations[j]));
        for (Index r = 0; r < u.rows(); ++r)
            for (Index k = 0; k < u.cols(); ++k)
                if (!std::isfinite(u(r, k)) || u(r, k) < 0)
                    refuse(fmt::format("usage of {} of {} in its period {} is {}; expected a finite amount >= 0", job(j),
                                       q.resource(r), k, u(r, k)));
    }
    for (std::size_t i = 0; i < q.precedences.size(); ++i) {
        const auto& p = q.precedences[i];
        for (Index x : {p.dependant, p.prerequisite})
            if (x < 0 || x >= static_cast<Index>(n))
                refuse(fmt::format("precedence {} names job {}, expected 0 to {}", i, x, static_cast<Index>(n) - 1));
        if (p.dependant == p.prerequisite) refuse(fmt::format("{} requires itself", job(p.dependant)));
        if (p.lag < 0) refuse(fmt::format("precedence {} ({} after {}) has a negative lag ({})", i, job(p.dependant),
                                          q.id(p.prerequisite), p.lag));
    }
    for (std::size_t j = 0; j < q.earliest.size(); ++j)
        if (q.earliest[j] < 0) refuse(fmt::format("earliest start of {} is {}; expected >= 0", job(j), q.earliest[j]));
    if (!q.latest.empty())
        for (std::size_t j = 0; j < n; ++j) {
            const int e = q.earliest.empty() ? 0 : q.earliest[j];
            if (q.latest[j] < e)
                refuse(fmt::format("the window of {} closes (latest start {}) before it opens (earliest start {})", job(j),
                                   q.latest[j], e));
        }
    for (std::size_t j = 0; j < static_cast<std::size_t>(q.weights.size()); ++j)
        if (!std::isfinite(q.weights[static_cast<Index>(j)]) || q.weights[static_cast<Index>(j)] < 0)
            refuse(fmt::format("weight of {} is {}; expected a finite value >= 0", job(j), q.weights[static_cast<Index>(j)]));
    for (std::size_t j = 0; j < q.flows.size(); ++j)
        for (Index k = 0; k < q.flows[j].size(); ++k)
            if (!std::isfinite(q.flows[j][k]))
                refuse(fmt::format("flow of {} in its period {} is {}; expected a finite amount", job(j), k, q.flows[j][k]));
    if (!std::isfinite(q.rate) || q.rate <= -1) refuse(fmt::format("rate is {}; expected a finite rate > -1", q.rate));
    if (q.horizon < 0) refuse(fmt::format("horizon is {}; expected >= 0 (0: from the capacity or the durations)", q.horizon));

    in.duration.assign(q.durations.begin(), q.durations.end());
    in.earliest = q.earliest.empty() ? std::vector<int>(n, 0) : std::vector<int>(q.earliest.begin(), q.earliest.end());
    in.preds.assign(n, {});
    in.succs.assign(n, {});
    in.max_out_lag.assign(n, 0);
    for (const auto& p : q.precedences) {
        in.preds[p.dependant].push_back({static_cast<int>(p.prerequisite), p.lag});
        in.succs[p.prerequisite].push_back({static_cast<int>(p.dependant), p.lag});
        in.max_out_lag[p.prerequisite] = std::max(in.max_out_lag[p.prerequisite], p.lag);
    }

    // Topological order (Kahn, smallest index first); a cycle is named.
    {
        std::vector<int> indegree(n, 0);
        for (std::size_t j = 0; j < n; ++j) indegree[j] = static_cast<int>(in.preds[j].size());
        std::vector<int> ready;
        for (int j = static_cast<int>(n) - 1; j >= 0; --j)
            if (indegree[j] == 0) ready.push_back(j);
        while (!ready.empty()) {
            const int j = ready.back();
            ready.pop_back();
            in.order.push_back(j);
            for (auto [s, lag] : in.succs[j])
                if (--indegree[s] == 0) ready.push_back(s);
            std::sort(ready.rbegin(), ready.rend());
        }
        if (in.order.size() != n) {
            // Walk back along unfinished prerequisites until a job repeats.
            int at = 0;
            while (indegree[at] == 0) ++at;
            std::vector<int> seen(n, -1), path;
            while (seen[at] < 0) {
                seen[at] = static_cast<int>(path.size());
                path.push_back(at);
                for (auto [p, lag] : in.preds[at])
                    if (indegree[p] > 0) {
                        at = p;
                        break;
                    }
            }
            std::vector<std::string> cycle;
            for (std::size_t i = static_cast<std::size_t>(seen[at]); i < path.size(); ++i) cycle.push_back(q.id(path[i]));
            std::reverse(cycle.begin(), cycle.end());
            cycle.push_back(cycle.front());
            std::string text;
            for (const auto& c : cycle) {
                if (!text.empty()) text += " -> ";
                text += c;
            }
            throw CycleError("schedule: the precedences have a cycle: " + text, cycle);
        }
    }

    // The horizon.
    long long enough = 0;
    for (std::size_t j = 0; j < n; ++j) enough += static_cast<long long>(in.duration[j]) + in.max_out_lag[j];
    enough += in.earliest.empty() ? 0 : *std::max_element(in.earliest.begin(), in.earliest.end());
    if (!q.latest.empty())
        for (std::size_t j = 0; j < n; ++j) enough = std::max<long long>(enough, static_cast<long long>(q.latest[j]) + in.duration[j]);
    long long horizon = q.horizon;
    if (horizon == 0) horizon = q.capacity.cols() > 1 ? q.capacity.cols() : std::max<long long>(enough, 1);
    if (q.capacity.cols() > 1 && q.capacity.cols() != horizon)
        refuse(fmt::format("capacity has {} periods (columns), expected 1 or the horizon ({})", q.capacity.cols(), horizon));
    if (R > 0 && q.capacity.cols() == 0) refuse("capacity has no periods (columns), expected 1 or the horizon");
    if (horizon > detail::max_periods) refuse(fmt::format("horizon is {} periods; at most {}", horizon, detail::max_periods));
    in.horizon = static_cast<int>(horizon);
    detail::check_memory("schedule: the capacity of every resource in every period",
                         8.0 * static_cast<double>(R) * static_cast<double>(horizon) * 2);

    in.capacity.assign(static_cast<std::size_t>(R) * in.horizon, 0.0);
    for (Index r = 0; r < R; ++r) {
        for (int t = 0; t < in.horizon; ++t) in.capacity[r * in.horizon + t] = q.capacity(r, q.capacity.cols() > 1 ? t : 0);
        for (int t = 1; t < in.horizon; ++t)
            if (in.capacity[r * in.horizon + t] != in.capacity[r * in.horizon]) in.constant_capacity = false;
    }
    // Values the objectives can hold: the flows at their most discounted (a negative rate
    // makes a later flow worth more) and the costs of delay over the horizon, finite.
    {
        double total = 0, longest = 0, weights = 0;
        for (const auto& f : q.flows) {
            for (Index k = 0; k < f.size(); ++k) total += std::abs(f[k]);
            longest = std::max(longest, static_cast<double>(f.size()));
        }
        const double periods = static_cast<double>(horizon) + longest;
        const double growth = q.rate < 0 ? -periods * std::log1p(q.rate) : 0.0;  // log of the most a flow is multiplied by
        if (total > 0 && (!std::isfinite(total) || std::log(total) + growth > std::log(1e300)))
            refuse(fmt::format("the flows ({:g} in absolute value in all{}) are past what a value can hold (1e300); expected "
                               "smaller amounts{}",
                               total, q.rate < 0 ? fmt::format(", discounted at rate {} over {} periods", q.rate, periods) : "",
                               q.rate < 0 ? " or a rate nearer 0" : ""));
        for (Index j = 0; j < q.weights.size(); ++j) weights += q.weights[j];
        if (!(weights * static_cast<double>(horizon) <= 1e300))
            refuse(fmt::format("the weights ({:g} in all, over the horizon's {} periods) are past what a cost of delay can hold "
                               "(1e300); expected smaller weights",
                               weights, horizon));
    }
    // A job that must run but is longer than the horizon, before its use by period is laid out.
    for (std::size_t j = 0; j < n; ++j)
        if (in.duration[j] > in.horizon && !in.optional[j])
            throw InfeasibleError(fmt::format("schedule: {} (duration {}, earliest start {}) cannot finish within the horizon ({} periods)",
                                              job(j), in.duration[j], in.earliest[j], in.horizon));
    {
        double periods = 0;
        for (std::size_t j = 0; j < n; ++j)
            periods += std::max<double>(in.duration[j], q.usage.empty() ? 0.0 : static_cast<double>(q.usage[j].cols()));
        detail::check_memory("schedule: each job's use of each resource in each of its periods", 8.0 * static_cast<double>(R) * periods);
    }
    in.use.resize(n);
    in.span.resize(n);
    in.uses.assign(n * static_cast<std::size_t>(R), false);
    for (std::size_t j = 0; j < n; ++j) {
        const int d = std::max<int>(in.duration[j], q.usage.empty() ? 0 : static_cast<int>(q.usage[j].cols()));
        in.span[j] = d;
        in.use[j].assign(static_cast<std::size_t>(R) * d, 0.0);
        if (q.usage.empty() || q.usage[j].size() == 0) continue;
        const auto& u = q.usage[j];
        for (Index r = 0; r < R; ++r) {
            for (Index k = 0; k < u.cols(); ++k) {
                in.use[j][r * d + k] = u(r, k);
                if (u(r, k) > 0) in.uses[j * R + r] = true;
            }
            for (int k = 1; k < d; ++k)
                if (in.use[j][r * d + k] != in.use[j][r * d]) in.constant_use = false;
        }
        for (Index r = 0; r < R; ++r)
            if (d > in.duration[j] && in.uses[j * R + r]) in.constant_use = false;
    }

    // Windows: the default latest start lets the job finish by the horizon.
    in.latest.resize(n);
    for (std::size_t j = 0; j < n; ++j) {
        in.latest[j] = q.latest.empty() ? in.horizon - in.duration[j] : q.latest[j];
        if (in.latest[j] + in.duration[j] > in.horizon) {
            if (!q.latest.empty())
                refuse(fmt::format("the latest start {} of {} lets it finish (period {}) past the horizon ({})", q.latest[j],
                                   job(j), q.latest[j] + in.duration[j], in.horizon));
        }
        if (in.latest[j] < in.earliest[j] && !in.optional[j])
            throw InfeasibleError(fmt::format("schedule: {} (duration {}, earliest start {}) cannot finish within the horizon ({} periods)",
                                              job(j), in.duration[j], in.earliest[j], in.horizon));
    }

    // Forward pass: the earliest start precedences allow; a job pushed past its window is infeasible.
    in.head = in.earliest;
    for (int j : in.order)
        for (auto [p, lag] : in.preds[j]) in.head[j] = std::max(in.head[j], in.head[p] + in.duration[p] + lag);
    for (int j : in.order)
        if (in.head[j] > in.latest[j] && !in.optional[j])
            throw InfeasibleError(fmt::format(
                "schedule: {} cannot start by its latest start {}: its prerequisites push it to {} ({})", job(j),
                in.latest[j], in.head[j], sched_chain_text(in, sched_head_chain(in, j))));
    // Backward pass: a prerequisite must start early enough for its dependants' windows.
    for (auto it = in.order.rbegin(); it != in.order.rend(); ++it) {
        const int j = *it;
        for (auto [s, lag] : in.succs[j]) {
            if (in.optional[s]) continue;  // it may be left out
            const int need = in.latest[s] - lag - in.duration[j];
            if (need < in.latest[j]) in.latest[j] = need;
        }
        if (in.latest[j] < in.head[j] && !in.optional[j])
            throw InfeasibleError(fmt::format(
                "schedule: {} must start by period {} for its dependants to meet their latest starts, but its prerequisites "
                "push it to {} ({})",
                job(j), in.latest[j], in.head[j], sched_chain_text(in, sched_head_chain(in, j))));
    }
    in.tail.assign(n, 0);
    for (auto it = in.order.rbegin(); it != in.order.rend(); ++it) {
        const int j = *it;
        in.tail[j] = in.duration[j];
        for (auto [s, lag] : in.succs[j]) in.tail[j] = std::max(in.tail[j], in.duration[j] + lag + in.tail[s]);
    }

    // Each job must fit the capacity somewhere in its window (alone).
    const std::vector<double>& full = in.capacity;
    for (std::size_t j = 0; j < n; ++j) {
        if (in.optional[j] || sched_earliest_fit(in, full, static_cast<int>(j), in.head[j]) >= 0) continue;
        // Name a resource and period that refuse it at its earliest start.
        const int s = in.head[j];
        for (int r = 0; r < in.resources; ++r)
            for (int k = 0; k < in.covered(static_cast<int>(j), s); ++k)
                if (in.used(static_cast<int>(j), r, k) > in.cap(r, s + k) + 1e-9) {
                    double most = 0;
                    for (int t = s; t <= in.latest[j] + k && t < in.horizon; ++t) most = std::max(most, in.cap(r, t));
                    throw InfeasibleError(fmt::format(
                        "schedule: {} cannot start in its window (periods {} to {}): it needs {} of {} in its running period {}, "
                        "and {} has at most {} there",
                        job(j), s, in.latest[j], in.used(static_cast<int>(j), r, k), q.resource(r), k + 1, q.resource(r), most));
                }
        throw InfeasibleError(fmt::format("schedule: {} fits no start in its window (periods {} to {}) under the capacities",
                                          job(j), s, in.latest[j]));
    }

    in.weight.assign(n, 1.0);
    for (std::size_t j = 0; j < static_cast<std::size_t>(q.weights.size()); ++j) in.weight[j] = q.weights[static_cast<Index>(j)];
    in.discount = 1.0 / (1.0 + q.rate);
    in.value_at_zero.assign(n, 0.0);
    in.flows.assign(n, {});
    for (std::size_t j = 0; j < q.flows.size(); ++j) {
        in.flows[j].assign(q.flows[j].data(), q.flows[j].data() + q.flows[j].size());
        double v = 0, f = 1;
        for (double x : in.flows[j]) {
            v += x * f;
            f *= in.discount;
        }
        in.value_at_zero[j] = v;
    }
    return in;
}

}  // namespace aligngraph::detail
