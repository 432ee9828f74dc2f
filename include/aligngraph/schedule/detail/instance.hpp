#pragma once
// A ScheduleProblem checked and put in the form the searches read: integer periods,
// adjacency lists with lags, the capacity of every resource in every period, each job's
// use as a dense profile, topological order, tails. Not public API.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_SCHEDULE_DETAIL_INSTANCE
#endif

#include "aligngraph/export.hpp"
#include "aligngraph/schedule/schedule.hpp"

#include <string>
#include <utility>
#include <vector>

namespace aligngraph::detail {

struct SchedInstance {
    int n = 0, resources = 0, horizon = 0;
    std::vector<int> duration, earliest, latest;
    /// (other job, lag): preds[j] are j's prerequisites, succs[j] its dependants.
    std::vector<std::vector<std::pair<int, int>>> preds, succs;
    std::vector<int> max_out_lag;  ///< per job: the largest lag to a dependant (0 without)
    std::vector<double> capacity;  ///< resources x horizon, capacity[r * horizon + t]
    /// Per job: resources x span, use[j][r * span + k] in the k-th period from its start.
    std::vector<std::vector<double>> use;
    /// Per job: the periods its use covers (its duration, or longer for a model's running
    /// costs after completion); use past the horizon is not limited.
    std::vector<int> span;
    std::vector<bool> uses;        ///< per job and resource (j * resources + r): any use at all
    /// Every job uses each resource by the same amount in each of its running periods.
    bool constant_use = true;
    bool constant_capacity = true;  ///< every resource has one capacity over the horizon
    std::vector<int> order;         ///< topological (prerequisites first)
    /// Per job: its duration plus the longest chain of durations and lags after it.
    std::vector<int> tail;
    /// Per job: the earliest start the windows and precedences allow (forward pass).
    std::vector<int> head;
    std::vector<double> weight;     ///< delay
    std::vector<double> value_at_zero;  ///< npv: each job's flows discounted as if it started in period 0
    std::vector<double> past_horizon_base;  ///< npv: flows from offset k on, used to report what falls past the horizon
    std::vector<std::vector<double>> flows;
    std::vector<char> optional;               ///< per job: may be left out (npv)
    std::vector<std::vector<int>> excludes;   ///< groups: at most one scheduled
    bool choosing = false;                    ///< some job is optional, or there are groups
    double discount = 1;            ///< 1 / (1 + rate)
    ScheduleObjective objective = ScheduleObjective::makespan;
    const ScheduleLabels* labels = nullptr;

    double cap(int r, int t) const { return capacity[static_cast<std::size_t>(r) * horizon + t]; }
    double used(int j, int r, int k) const { return use[j][static_cast<std::size_t>(r) * span[j] + k]; }
    /// How many periods from start s the job's use covers within the horizon.
    int covered(int j, int s) const { return std::max(0, std::min(span[j], horizon - s)); }
    std::string name(int j) const;
    /// A job's present value when it starts in period s (npv).
    double value_at(int j, int s) const;
};

/// Check q and build the instance. @throws ValidationError naming the job, resource or
/// field at fault; InfeasibleError when a job cannot fit its window (its prerequisites push
/// it out, or a resource never has room for it there), saying why.
ALIGNGRAPH_API SchedInstance sched_instance(const ScheduleProblem& q);

/// Whether job j fits at start s against the residual capacities (resources x horizon).
ALIGNGRAPH_API bool sched_fits(const SchedInstance& in, const std::vector<double>& residual, int j, int s);
/// Subtract (sign 1) or add back (sign -1) job j's use at start s.
ALIGNGRAPH_API void sched_place(const SchedInstance& in, std::vector<double>& residual, int j, int s, double sign);
/// The earliest start >= from at which j fits (no later than its latest start), or -1.
ALIGNGRAPH_API int sched_earliest_fit(const SchedInstance& in, const std::vector<double>& residual, int j, int from);

/// Refuse `start` (ScheduleOptions::start) unless it is a schedule of the instance.
/// @throws ValidationError naming the job and what it breaks.
ALIGNGRAPH_API void sched_check_start(const SchedInstance& in, const std::vector<int>& start);

/// The objective's value of a full schedule (makespan, cost of delay, or NPV).
ALIGNGRAPH_API double sched_value(const SchedInstance& in, const std::vector<int>& starts);

}  // namespace aligngraph::detail

#ifdef ALIGNGRAPH_HEADER_ONLY
#ifdef ALIGNGRAPH_OUTERMOST_SCHEDULE_DETAIL_INSTANCE
#undef ALIGNGRAPH_OUTERMOST_SCHEDULE_DETAIL_INSTANCE
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
