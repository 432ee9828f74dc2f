#pragma once
// Large neighbourhood search for the NPV objective (search.hpp): a few related jobs set free
// around the incumbent, the others held where they are, each neighbourhood solved by the
// time-indexed model; a better schedule of the free jobs replaces theirs.

#include "aligngraph/schedule/detail/search.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "aligngraph/error.hpp"

namespace aligngraph::detail {

ALIGNGRAPH_INLINE SchedInstance sched_restrict(const SchedInstance& in, const std::vector<int>& starts,
                                               const std::vector<int>& free_jobs) {
    SchedInstance sub;
    const int m = static_cast<int>(free_jobs.size());
    std::vector<int> at(static_cast<std::size_t>(in.n), -1);
    for (int k = 0; k < m; ++k) at[free_jobs[k]] = k;
    sub.n = m;
    sub.resources = in.resources;
    sub.horizon = in.horizon;
    sub.capacity = in.capacity;
    for (int j = 0; j < in.n; ++j)
        if (at[j] < 0 && starts[j] >= 0) sched_place(in, sub.capacity, j, starts[j], 1);
    sub.constant_use = in.constant_use;
    sub.constant_capacity = false;
    sub.discount = in.discount;
    sub.objective = in.objective;
    sub.choosing = in.choosing;
    sub.preds.assign(m, {});
    sub.succs.assign(m, {});
    sub.max_out_lag.assign(m, 0);
    sub.uses.assign(static_cast<std::size_t>(m) * in.resources, false);
    std::vector<char> closed(static_cast<std::size_t>(m), 0);
    for (int k = 0; k < m; ++k) {
        const int j = free_jobs[k];
        sub.duration.push_back(in.duration[j]);
        sub.span.push_back(in.span[j]);
        sub.use.push_back(in.use[j]);
        sub.flows.push_back(in.flows[j]);
        sub.weight.push_back(in.weight[j]);
        sub.value_at_zero.push_back(in.value_at_zero[j]);
        for (int r = 0; r < in.resources; ++r)
            sub.uses[static_cast<std::size_t>(k) * in.resources + r] = in.uses[static_cast<std::size_t>(j) * in.resources + r];
        int earliest = in.earliest[j], latest = in.latest[j];
        bool optional = in.optional[j];
        for (auto [p, lag] : in.preds[j]) {
            if (at[p] >= 0) {
                sub.preds[k].push_back({at[p], lag});
                sub.succs[at[p]].push_back({k, lag});
                sub.max_out_lag[at[p]] = std::max(sub.max_out_lag[at[p]], lag);
            } else if (starts[p] >= 0) {
                earliest = std::max(earliest, starts[p] + in.duration[p] + lag);
            } else {
                closed[k] = 1;  // its prerequisite is out: it stays out
            }
        }
        for (auto [d, lag] : in.succs[j])
            if (at[d] < 0 && starts[d] >= 0) {  // a held dependant needs it in, finished in time
                latest = std::min(latest, starts[d] - lag - in.duration[j]);
                optional = false;
            }
        sub.earliest.push_back(earliest);
        sub.latest.push_back(latest);
        sub.optional.push_back(optional);
    }
    for (const auto& g : in.excludes) {
        std::vector<int> members;
        bool held_in = false;
        for (int j : g) {
            if (at[j] >= 0) members.push_back(at[j]);
            else held_in = held_in || starts[j] >= 0;
        }
        if (held_in)
            for (int k : members) closed[k] = 1;
        else if (members.size() > 1)
            sub.excludes.push_back(std::move(members));
    }
    for (int k = 0; k < m; ++k)
        if (closed[k]) sub.latest[k] = sub.earliest[k] - 1;  // no start left (it was out in the incumbent)
    for (int j : in.order)
        if (at[j] >= 0) sub.order.push_back(at[j]);
    sub.head = sub.earliest;
    for (int k : sub.order)
        for (auto [p, lag] : sub.preds[k]) sub.head[k] = std::max(sub.head[k], sub.head[p] + sub.duration[p] + lag);
    sub.tail.assign(m, 0);
    for (auto it = sub.order.rbegin(); it != sub.order.rend(); ++it) {
        const int k = *it;
        sub.tail[k] = sub.duration[k];
        for (auto [s, lag] : sub.succs[k]) sub.tail[k] = std::max(sub.tail[k], sub.duration[k] + lag + sub.tail[s]);
    }
    return sub;
}

ALIGNGRAPH_INLINE std::vector<int> sched_serial_choosing(const SchedInstance& in, const std::vector<int>& list) {
    std::vector<int> starts(in.n, -1);
    std::vector<double> residual = in.capacity;
    std::vector<std::vector<int>> groups_of(static_cast<std::size_t>(in.n));
    for (std::size_t g = 0; g < in.excludes.size(); ++g)
        for (int j : in.excludes[g]) groups_of[j].push_back(static_cast<int>(g));
    std::vector<char> group_taken(in.excludes.size(), 0);
    for (int j : list) {
        int from = in.earliest[j];
        bool open = true;
        for (auto [p, lag] : in.preds[j]) {
            open = open && starts[p] >= 0;
            from = std::max(from, starts[p] + in.duration[p] + lag);
        }
        for (int g : groups_of[j]) open = open && !group_taken[g];
        const int s = open ? sched_earliest_fit(in, residual, j, from) : -1;
        if (in.optional[j] && (s < 0 || in.value_at(j, s) <= 0)) continue;
        if (s < 0) return {};
        starts[j] = s;
        sched_place(in, residual, j, s, 1);
        for (int g : groups_of[j]) group_taken[g] = 1;
    }
    return starts;
}

ALIGNGRAPH_INLINE SchedNeighbourhoods sched_neighbourhoods(const SchedInstance& in, std::vector<int>& starts, Limits& limits,
                                                           double until, const Cancellation& cancel, long long nodes_before,
                                                           const std::vector<std::vector<std::pair<int, double>>>* root_lp) {
    SchedNeighbourhoods done;
    if (in.n == 0 || in.objective != ScheduleObjective::npv || starts.empty()) return done;
    Cancellation quiet = cancel;  // each neighbourhood's search reports nothing; this loop does
    quiet.progress = nullptr;
    SchedRandom random{0x5EEDull};
    // Sizes: one more job after a neighbourhood searched to the end, one fewer after one its
    // node limit stopped; at most 80 jobs (a few tens of milliseconds a neighbourhood at 12 periods).
    constexpr int most = 80;
    constexpr long long neighbourhood_nodes = 2000;
    int size = std::min(in.n, 16);
    double value = sched_value(in, starts);
    std::vector<std::pair<double, int>> near;
    std::vector<int> free_jobs, sub_starts;
    // Where the schedule and the root LP disagree, per job: 1 less the LP's weight on its
    // start, or (left out) the LP's weight on all its starts.
    std::vector<double> differ(static_cast<std::size_t>(in.n), 0.0);
    long long drawn = 0;
    // Where a job runs, or may run when it is out: the periods its neighbours compete for.
    const auto reach = [&](int j) {
        if (starts[j] >= 0) return std::pair{starts[j], starts[j] + in.span[j]};
        return std::pair{in.head[j], std::max(in.head[j], in.latest[j]) + in.span[j]};
    };
    while (!limits.reached(done.nodes) && limits.seconds() < until - 1e-3) {
        limits.progress("roadmap", nodes_before + done.nodes);
        // The neighbourhood: a job drawn at random and those nearest it, by the periods they
        // share times the resources they share, its prerequisites and dependants first; ties
        // broken at random.
        // Every third, guided by the LP: the centre one of the jobs on which it and the
        // schedule disagree, the others' scores weighted by how much they do (measured on
        // the project-shaped plans: 0.2-1.3% better plans in 60 s than without).
        const bool guided = root_lp && ++drawn % 3 == 0;
        int centre = static_cast<int>(random.next() % static_cast<std::uint64_t>(in.n));
        if (guided) {
            std::vector<int> differing;
            for (int j = 0; j < in.n; ++j) {
                double at = 0, total = 0;
                for (auto [s, x] : (*root_lp)[j]) {
                    total += x;
                    if (s == starts[j]) at = x;
                }
                differ[j] = starts[j] >= 0 ? 1 - at : total;
                if (differ[j] > 0.05) differing.push_back(j);
            }
            if (!differing.empty()) centre = differing[random.next() % differing.size()];
        }
        const auto [from, to] = reach(centre);
        near.clear();
        for (int j = 0; j < in.n; ++j) {
            if (j == centre) continue;
            const auto [a, b] = reach(j);
            const int overlap = std::max(0, std::min(to, b) - std::max(from, a));
            int shared = 0;
            for (int r = 0; r < in.resources; ++r)
                shared += in.uses[static_cast<std::size_t>(centre) * in.resources + r] &&
                          in.uses[static_cast<std::size_t>(j) * in.resources + r];
            double score = overlap * (1.0 + shared);
            for (auto [p, lag] : in.preds[centre]) score += p == j ? 100.0 : 0.0;
            for (auto [d, lag] : in.succs[centre]) score += d == j ? 100.0 : 0.0;
            if (guided) score *= 0.1 + differ[j];
            near.push_back({-score * (0.5 + random.uniform()), j});
        }
        const int take = std::min(size - 1, static_cast<int>(near.size()));
        std::partial_sort(near.begin(), near.begin() + take, near.end());
        free_jobs.assign(1, centre);
        for (int k = 0; k < take; ++k) free_jobs.push_back(near[k].second);
        std::sort(free_jobs.begin(), free_jobs.end());
        const SchedInstance sub = sched_restrict(in, starts, free_jobs);
        sub_starts.clear();
        double before = 0;
        for (int j : free_jobs) {
            sub_starts.push_back(starts[j]);
            if (starts[j] >= 0) before += in.value_at(j, starts[j]);
        }
        SchedOutcome o;
        try {
            o = sched_time_indexed(sub, sub_starts, limits, until, std::min(neighbourhood_nodes, limits.node_limit() - done.nodes),
                                   quiet, /*root_lp=*/false, /*neighbourhood=*/true);
        } catch (const InfeasibleError&) {  // the held schedule is one answer; kept as it is should rounding say otherwise
        }
        done.nodes += std::max<long long>(o.nodes, 1);
        if (!o.starts.empty() && o.value > before + 1e-9 * std::max(1.0, std::abs(value))) {
            for (int k = 0; k < sub.n; ++k) starts[free_jobs[k]] = o.starts[k];
            value = sched_value(in, starts);
        }
        if (o.proven && sub.n == in.n) {  // every job was free: the search was the whole problem's
            done.proven = true;
            break;
        }
        size = o.proven ? std::min({in.n, size + 1, most}) : std::max(4, size - 1);
    }
    return done;
}

}  // namespace aligngraph::detail
