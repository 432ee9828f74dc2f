#pragma once
// The time-indexed model on the selection solver (search.hpp).

#include "aligngraph/schedule/detail/search.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <tuple>

#include "aligngraph/error.hpp"
#include "aligngraph/memory.hpp"
#include "aligngraph/selection/detail/search.hpp"  // RootLp: the root LP a SearchMemory holds
#include "aligngraph/selection/knapsack.hpp"

namespace aligngraph::detail {

ALIGNGRAPH_INLINE SchedOutcome sched_time_indexed(const SchedInstance& in, const std::vector<int>& start, Limits& limits,
                                                  double time_limit, long long node_limit, const Cancellation& cancel,
                                                  bool root_lp, bool neighbourhood) {
    // Makespan: a zero-length end job after every job, whose start is the makespan.
    const bool with_end = in.objective == ScheduleObjective::makespan;
    const int jobs = in.n + (with_end ? 1 : 0);
    const auto duration = [&](int j) { return j < in.n ? in.duration[j] : 0; };
    // The starts worth a variable: within the window and the heads, fitting the capacity alone.
    std::vector<std::vector<int>> starts(jobs);
    std::vector<std::vector<Index>> var(jobs);
    std::vector<int> head(jobs, 0);
    for (int j = 0; j < in.n; ++j) head[j] = in.head[j];
    int end_head = 0;
    for (int j = 0; j < in.n; ++j) end_head = std::max(end_head, in.head[j] + in.duration[j]);
    if (with_end) head[in.n] = end_head;
    // Makespan: no schedule better than the start finishes after it, so no job needs a start
    // past that (one job of two periods over a horizon of 30,000 took 3.5 GB without this:
    // the end's start variables each need one of the job's starts that end by it).
    int finish_by = in.horizon;
    if (with_end && static_cast<int>(start.size()) == in.n && in.n > 0) {
        int finish = 0;
        for (int j = 0; j < in.n; ++j) finish = std::max(finish, start[j] + in.duration[j]);
        finish_by = std::min(finish_by, std::max(finish, end_head));
    }
    Index vars = 0;
    for (int j = 0; j < jobs; ++j) {
        const int last = j < in.n ? std::min(in.latest[j], finish_by - in.duration[j]) : finish_by;
        for (int s = head[j]; s <= last; ++s)
            if (j == in.n || sched_fits(in, in.capacity, j, s)) {
                starts[j].push_back(s);
                var[j].push_back(vars++);
            }
    }
    // Which resource rows can bind: those where the jobs together could use more than the capacity.
    std::vector<std::pair<int, int>> rows;  // (resource, period)
    for (int r = 0; r < in.resources; ++r)
        for (int t = 0; t < in.horizon; ++t) {
            double most = 0;
            for (int j = 0; j < in.n; ++j) {
                if (!in.uses[static_cast<std::size_t>(j) * in.resources + r]) continue;
                double m = 0;
                for (int s : starts[j])
                    if (s <= t && t < s + in.span[j]) m = std::max(m, in.used(j, r, t - s));
                most += m;
            }
            if (most > in.cap(r, t) + 1e-9 * std::max(1.0, in.cap(r, t))) rows.push_back({r, t});
        }
    const Index markers = jobs;
    // A precedence gives each start of the dependant the group of the prerequisite's starts
    // that end in time: up to (starts)^2 / 2 members, counted here (two pointers over the
    // sorted starts) so that a long horizon is refused before it is built, not after.
    std::vector<std::tuple<int, int, int>> links;  // (dependant, prerequisite, lag)
    for (int d = 0; d < in.n; ++d)
        for (auto [p, lag] : in.preds[d]) links.emplace_back(d, p, lag);
    if (with_end)
        for (int j = 0; j < in.n; ++j)
            if (in.succs[j].empty()) links.emplace_back(in.n, j, 0);
    double members = 0;
    for (auto [d, p, lag] : links) {
        std::size_t q = 0;
        for (int s : starts[d]) {
            while (q < starts[p].size() && starts[p][q] + duration(p) + lag <= s) ++q;
            members += static_cast<double>(q);
        }
    }
    // The members are held by the problem, the search's copy and its per-member index (8
    // bytes each).
    check_memory("schedule: the time-indexed model (a start variable per job and period, a row per resource and period, "
                 "for each precedence the prerequisite's starts that end before each start of the dependant)",
                 8.0 * static_cast<double>(vars + markers) * static_cast<double>(rows.size() + 1) +
                     16.0 * static_cast<double>(vars) * 8 + 3 * 8.0 * members);

    SelectionProblem sp;
    const Index total = vars + markers;
    sp.values = Eigen::VectorXd::Zero(total);
    sp.costs = Eigen::MatrixXd::Zero(total, static_cast<Index>(rows.size()));
    sp.budgets = Eigen::VectorXd::Zero(static_cast<Index>(rows.size()));
    sp.ids.resize(static_cast<std::size_t>(total));
    for (int j = 0; j < jobs; ++j) {
        const std::string name = j < in.n ? in.name(j) : std::string("the end");
        for (std::size_t k = 0; k < starts[j].size(); ++k) {
            const int s = starts[j][k];
            const Index v = var[j][k];
            sp.ids[static_cast<std::size_t>(v)] = fmt::format("{} at {}", name, s);
            if (j == in.n) sp.values[v] = -s;
            else if (in.objective == ScheduleObjective::npv) sp.values[v] = in.value_at(j, s);
            else if (in.objective == ScheduleObjective::delay) sp.values[v] = -in.weight[j] * (s - in.earliest[j]);
        }
        const Index marker = vars + j;
        sp.ids[static_cast<std::size_t>(marker)] = fmt::format("{} starts", name);
        if (j < in.n && in.optional[j]) sp.forced_out.push_back(marker);  // unused: the job may stay out
        else {
            sp.forced_in.push_back(marker);
            sp.requires_any.push_back({marker, var[j]});
        }
        if (var[j].size() > 1) sp.excludes.push_back(var[j]);
    }
    // Alternatives: at most one start among all of a group's jobs.
    for (const auto& g : in.excludes) {
        std::vector<Index> all;
        for (int j : g) all.insert(all.end(), var[j].begin(), var[j].end());
        if (all.size() > 1) sp.excludes.push_back(std::move(all));
    }
    for (std::size_t row = 0; row < rows.size(); ++row) {
        const auto [r, t] = rows[row];
        sp.budgets[static_cast<Index>(row)] = in.cap(r, t);
        for (int j = 0; j < in.n; ++j) {
            if (!in.uses[static_cast<std::size_t>(j) * in.resources + r]) continue;
            for (std::size_t k = 0; k < starts[j].size(); ++k) {
                const int s = starts[j][k];
                if (s <= t && t < s + in.span[j]) sp.costs(var[j][k], static_cast<Index>(row)) = in.used(j, r, t - s);
            }
        }
    }
    // Precedence: a dependant's start requires one of its prerequisite's starts that ends in
    // time (a prefix of them: the starts are sorted).
    for (auto [d, p, lag] : links) {
        if (limits.seconds() >= time_limit) {  // the time went on the model: no search, no schedule
            SchedOutcome none;
            none.stop_reason = StopReason::time_limit;
            return none;
        }
        std::size_t q = 0;
        for (std::size_t k = 0; k < starts[d].size(); ++k) {
            while (q < starts[p].size() && starts[p][q] + duration(p) + lag <= starts[d][k]) ++q;
            if (q == 0) sp.forced_out.push_back(var[d][k]);
            else if (q < starts[p].size() || (p < in.n && in.optional[p]))  // an optional one must be in
                sp.requires_any.push_back({var[d][k], std::vector<Index>(var[p].begin(), var[p].begin() + static_cast<std::ptrdiff_t>(q))});
        }
    }

    SelectionOptions options;
    options.time_limit = time_limit - limits.seconds();
    if (!(options.time_limit > 0)) {  // the time went on the model (or before it): no search, no schedule
        SchedOutcome none;
        none.stop_reason = StopReason::time_limit;
        return none;
    }
    options.node_limit = node_limit;
    options.cancel = cancel;
    if (cancel.progress)  // the selection search's nodes are the roadmap's
        options.cancel.progress = [outer = cancel.progress](const Progress& p) {
            Progress q = p;
            q.task = "roadmap";
            outer(q);
        };
    options.explain = false;
    // Gomory cuts close a fifth to a third of the root gap of these models (benchmarks/schedule/RESULTS.md).
    options.gomory_rounds = 3;
    // Covers at each node a dive starts from, also over a job's starts as one item ("runs in
    // this period"): roadmaps of seeds 8 and 9 proven, not in 120 s without (RESULTS.md).
    options.node_cut_rounds = 3;
    options.group_covers = true;
    // A dive's last sibling next, its LP a few pivots away: roadmaps proven sooner; plans
    // (optional jobs) found worse plans in the same time (RESULTS.md, twentieth session).
    const bool choosing = std::any_of(in.optional.begin(), in.optional.end(), [](auto o) { return o != 0; });
    options.plunge = !choosing;
    // MIR cuts at the root of a plan: the 60-initiative plan's root bound 9766 -> 9672
    // (HiGHS's 9643), every plan's bound tighter after 60 s (roadmaps: some faster, some
    // slower; neighbourhoods: too short to pay for them) (RESULTS.md, twenty-second session).
    options.mir_cuts = choosing && !neighbourhood;
    if (!start.empty()) {
        for (int j = 0; j < jobs; ++j) {
            int s = 0;
            if (j < in.n) s = start[j];
            else
                for (int i = 0; i < in.n; ++i) s = std::max(s, start[i] + in.duration[i]);
            if (s < 0) continue;  // an optional job left out
            const auto at = std::find(starts[j].begin(), starts[j].end(), s);
            if (at != starts[j].end()) options.start.push_back(var[j][static_cast<std::size_t>(at - starts[j].begin())]);
            if (j == in.n || !in.optional[j]) options.start.push_back(vars + j);  // an optional job's marker stays out
        }
        std::sort(options.start.begin(), options.start.end());
    }

    SelectionResult r;
    SearchMemory memory;  // holds the root LP after the search
    try {
        r = select_portfolio(sp, options, root_lp ? &memory : nullptr);
    } catch (const NoSolutionError&) {
        // A limit before the search found any schedule: say which (the caller's message names it).
        SchedOutcome none;
        none.stop_reason = cancel.token.stop_requested() ? StopReason::interrupted
                           : limits.seconds() >= time_limit ? StopReason::time_limit
                                                            : StopReason::node_limit;
        return none;
    }
    SchedOutcome out;
    out.nodes = r.nodes;
    out.proven = r.proven;
    out.stop_reason = r.stop_reason;
    std::vector<std::pair<int, int>> job_at(static_cast<std::size_t>(vars));  // variable -> (job, start)
    for (int j = 0; j < jobs; ++j)
        for (std::size_t k = 0; k < var[j].size(); ++k) job_at[static_cast<std::size_t>(var[j][k])] = {j, starts[j][k]};
    if (root_lp && memory.root) {
        out.root_lp.assign(static_cast<std::size_t>(in.n), {});
        const auto& x = memory.root->lp.values();
        for (int j = 0; j < in.n; ++j)
            for (std::size_t k = 0; k < var[j].size(); ++k)
                if (x(var[j][k]) > 1e-6) out.root_lp[j].push_back({starts[j][k], x(var[j][k])});
    }
    out.starts.assign(in.n, -1);
    for (Index v : r.selected)
        if (v < vars && job_at[static_cast<std::size_t>(v)].first < in.n)
            out.starts[job_at[static_cast<std::size_t>(v)].first] = job_at[static_cast<std::size_t>(v)].second;
    for (int j = 0; j < in.n; ++j)
        if (out.starts[j] < 0 && !in.optional[j]) {
            out.starts.clear();
            return out;
        }
    out.value = sched_value(in, out.starts);
    // The selection maximises; makespan and delay are its values negated.
    out.bound = in.objective == ScheduleObjective::npv ? r.upper_bound : -r.upper_bound;
    if (r.proven) out.bound = out.value;
    return out;
}

}  // namespace aligngraph::detail
