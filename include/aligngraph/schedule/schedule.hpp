#pragma once
/// @file schedule.hpp
/// When each initiative (or job) starts: resource-constrained scheduling with start windows,
/// finish-to-start precedences with lags, and resources with a capacity per period (money
/// and people alike), each job using each resource by a profile over its running periods.
///
///     aligngraph::ScheduleProblem q;
///     q.durations = {3, 2, 4};
///     q.precedences = {{.dependant = 2, .prerequisite = 0}};          // job 2 starts after job 0 ends
///     q.capacity = Eigen::MatrixXd::Constant(1, 1, 4.0);               // one resource, 4 per period
///     q.usage = aligngraph::constant_usage(q.durations, Eigen::MatrixXd::Constant(3, 1, 3.0));
///     auto r = aligngraph::schedule(q);   // r.starts, r.value (the makespan), r.proven
///
/// Exact: a branch and bound proves the optimum unless a limit stops it first; the result
/// then holds the best schedule found, a bound and the gap. See docs/schedule.md.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_SCHEDULE_SCHEDULE
#endif

#include "aligngraph/export.hpp"
#include <Eigen/Core>

#include <array>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aligngraph/names.hpp"
#include "aligngraph/stop.hpp"
#include "aligngraph/types.hpp"

namespace aligngraph {

/// What a schedule optimises.
enum class ScheduleObjective {
    makespan,  ///< minimise the finish of the last job ("how soon can all of this be done"; PSPLIB)
    delay,     ///< minimise the cost of delay: sum of weight x (start - earliest start)
    npv,       ///< maximise the net present value: each job's flows move with its start and are discounted
};

template <>
struct EnumNames<ScheduleObjective> {
    static constexpr std::string_view type = "ScheduleObjective";
    static constexpr std::array table{std::pair{ScheduleObjective::makespan, std::string_view("makespan")},
                                      std::pair{ScheduleObjective::delay, std::string_view("delay")},
                                      std::pair{ScheduleObjective::npv, std::string_view("npv")}};
};

/// What a schedule's jobs, resources and periods are, so that its result presents on its own.
/// Over plain arrays every field may be left empty.
struct ALIGNGRAPH_API ScheduleLabels {
    std::vector<std::string> ids;        ///< n job (initiative) ids; "#j" when empty
    std::vector<std::string> resources;  ///< R resource names ("budget capex", "team Data"); "resource r" when empty
    /// R, from a model: what each resource is ("budget" or "team") and its id there; empty over plain arrays.
    std::vector<std::string> resource_kinds, resource_ids;
    std::vector<std::string> periods;    ///< T period labels ("2027Q1"); the index when empty
    std::string currency;                ///< of the NPV values, if any
    std::string scenario;                ///< the model's scenario applied, if any

    std::string id(Index j) const;
    std::string resource(Index r) const;
    std::string period(Index t) const;
    friend bool operator==(const ScheduleLabels&, const ScheduleLabels&) = default;
};

/// Finish-to-start: `dependant` starts no earlier than `lag` periods after `prerequisite`
/// finishes (start_d >= start_p + duration_p + lag).
struct Precedence {
    Index dependant = 0;
    Index prerequisite = 0;
    Periods lag = 0;  ///< >= 0
    friend bool operator==(const Precedence&, const Precedence&) = default;
};

/// A scheduling problem over plain arrays: n jobs, R resources, T periods.
struct ALIGNGRAPH_API ScheduleProblem : ScheduleLabels {
    std::vector<Periods> durations;       ///< n, >= 0
    std::vector<Precedence> precedences;  ///< must be acyclic
    /// R x T: the capacity of each resource in each period, or R x 1 for the same capacity
    /// in every period (>= 0). R x 0 (or 0 x 0) when there are no resources.
    Eigen::MatrixXd capacity;
    /// n matrices, each R x L_j with L_j <= duration_j: column k is the job's use of each
    /// resource in its k-th running period (nothing after L_j). Empty: uses nothing.
    /// constant_usage() makes constant profiles from an n x R matrix.
    std::vector<Eigen::MatrixXd> usage;
    /// Let usage run past a job's finish (a model's running costs after completion move with
    /// its start too); use past the horizon is not limited. Off: longer usage is an error.
    bool use_after_finish = false;
    /// Periods in all: every job finishes by the horizon. 0: capacity's column count when
    /// it has more than one, else max(earliest) + the sum of durations and lags (always enough).
    Periods horizon = 0;
    std::vector<Period> earliest;  ///< n earliest starts (empty: all 0)
    std::vector<Period> latest;    ///< n latest starts (empty: horizon - duration); a job that must start at s has both s
    /// n vectors (npv): the net cash flow in each period from the job's start, any length
    /// (benefits run past the finish). A flow in absolute period t is divided by (1 + rate)^t;
    /// flows at or past the horizon are valued the same way (and reported, see ScheduleResult).
    std::vector<Eigen::VectorXd> flows;
    double rate = 0;            ///< per period (npv)
    Eigen::VectorXd weights;    ///< n (delay): the cost of each period a job waits past its earliest start (empty: 1 each)
    ScheduleObjective objective = ScheduleObjective::makespan;
    /// n (npv only; empty: none): jobs that may be left out. Planning what and when together:
    /// a left-out job neither uses nor earns anything; a dependant needs its prerequisites in.
    /// The search then has the exact tree for half the time and node limits and large
    /// neighbourhood search from its best plan for the rest (docs/schedule.md).
    std::vector<bool> optional;
    /// Groups of alternatives: at most one of each group is scheduled (npv, optional jobs).
    std::vector<std::vector<Index>> excludes;
};

/// n x R constant use (each job uses row j for each of its running periods) as profiles.
ALIGNGRAPH_API std::vector<Eigen::MatrixXd> constant_usage(const std::vector<Periods>& durations, const Eigen::MatrixXd& use);

/// Limits of the search.
struct ScheduleOptions {
    double time_limit = 60;  ///< seconds, >= 0 (0: the first schedule found); checked every few milliseconds in every phase
    long long node_limit = std::numeric_limits<long long>::max();  ///< >= 0
    Cancellation cancel;     ///< the caller's way to stop early (stop.hpp): the best schedule so far is returned
    bool explain = true;     ///< reasons, slack and the critical chain (a few passes over the schedule)
    /// A schedule to begin from (n starts, -1 for an optional job left out; empty: none), for
    /// example last quarter's roadmap: the search takes it as its first best schedule, so the
    /// result is never worse, whatever the limits. schedule() throws ValidationError when it
    /// is not a schedule of the problem, naming the job and what it breaks (its window, a
    /// prerequisite, an exclusion group, a resource in a period, or a job that must be in).
    std::vector<Period> start;
};

/// Why a job starts when it does.
enum class StartReason {
    earliest,      ///< as early as its window allows
    prerequisite,  ///< waiting for a prerequisite to finish (plus its lag)
    resource,      ///< a resource is full in the periods an earlier start would use
    objective,     ///< an earlier start fits, but the objective prefers this one (npv: a job that costs more than it returns waits)
};

template <>
struct EnumNames<StartReason> {
    static constexpr std::string_view type = "StartReason";
    static constexpr std::array table{std::pair{StartReason::earliest, std::string_view("earliest")},
                                      std::pair{StartReason::prerequisite, std::string_view("prerequisite")},
                                      std::pair{StartReason::resource, std::string_view("resource")},
                                      std::pair{StartReason::objective, std::string_view("objective")}};
};

/// One job's start, explained.
struct StartExplanation {
    Index job = 0;
    StartReason reason = StartReason::earliest;
    Index prerequisite = -1;     ///< prerequisite: the one it waits for
    Index resource = -1;         ///< resource: the one that is full
    std::vector<Period> periods; ///< resource: the periods in which it is full for this job
    std::string text;            ///< in one sentence ("waits for 'I-3' to finish in 2027Q3")
};

/// The best schedule found and how good it is proven to be, with the problem's labels,
/// limits and loads, so that a presenter needs nothing else.
struct ALIGNGRAPH_API ScheduleResult : ScheduleLabels {
    ScheduleObjective objective = ScheduleObjective::makespan;
    std::vector<Period> starts;    ///< n; -1 for an optional job left out
    std::vector<Period> finishes;  ///< n: start + duration (the first period after the job); -1 when left out
    std::vector<bool> scheduled;   ///< n: false for an optional job left out
    std::vector<Periods> durations;
    std::vector<Period> earliest, latest;  ///< the windows solved under
    Periods horizon = 0;
    Periods makespan = 0;  ///< the latest finish
    /// The objective: the makespan, the cost of delay, or the NPV.
    double value = 0;
    /// No schedule is better: a lower bound (makespan, delay) or an upper bound (npv).
    double bound = 0;
    double gap = 0;        ///< |value - bound| / max(|value|, 1)
    bool proven = false;   ///< value is the optimum: the search finished, or the schedule met the bound
    StopReason stop_reason = StopReason::none;
    long long nodes = 0;
    double seconds = 0;
    Eigen::MatrixXd capacity;  ///< R x horizon
    Eigen::MatrixXd load;      ///< R x horizon: the schedule's use of each resource in each period
    Eigen::VectorXd job_values;  ///< n (npv): each job's present value at its start
    /// n (npv): the undiscounted net flow of each job that falls at or past the horizon
    /// (valued like the rest, by the same discounting; shown so that nothing moves out of sight).
    Eigen::VectorXd flows_past_horizon;
    /// n: how many periods each start can move later, the others fixed, keeping the schedule
    /// feasible and the makespan (with npv or delay, each period of it costs what waiting costs
    /// that job).
    std::vector<Periods> slack;
    std::vector<bool> critical;          ///< n: on the critical chain (each has no slack)
    /// First to last: each starts when the one before releases it (its prerequisite, or the
    /// job whose last period keeps a full resource from it), back from the job that finishes last.
    std::vector<Index> critical_chain;
    std::vector<StartExplanation> reasons;  ///< n, in job order (when explained)
    bool explained = false;

    Index job_count() const { return static_cast<Index>(starts.size()); }
};

/// Schedule q: the optimum of q.objective under every precedence, every resource in every
/// period and every window. Deterministic.
/// @throws ValidationError for a malformed problem (naming the job, resource or field);
/// InfeasibleError when no schedule exists, saying why (the job that cannot fit its window
/// and the chain of prerequisites or the resource and periods that push it out);
/// NoSolutionError when a limit stops the search before any schedule is found;
/// ResourceError when the problem needs more memory than memory_limit().
ALIGNGRAPH_API ScheduleResult schedule(const ScheduleProblem& q, const ScheduleOptions& options = {});

/// Reasons, slack and the critical chain of a schedule of q (schedule() fills them when
/// options.explain is set).
ALIGNGRAPH_API void explain(const ScheduleProblem& q, ScheduleResult& result);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_SCHEDULE_DETAIL_INSTANCE
#define ALIGNGRAPH_INL_SCHEDULE_DETAIL_DISJUNCTIVE
#define ALIGNGRAPH_INL_SCHEDULE_DETAIL_LEARNING
#define ALIGNGRAPH_INL_SCHEDULE_DETAIL_PRECEDENCE_TREE
#define ALIGNGRAPH_INL_SCHEDULE_DETAIL_GENETIC
#define ALIGNGRAPH_INL_SCHEDULE_DETAIL_TIME_INDEXED
#define ALIGNGRAPH_INL_SCHEDULE_DETAIL_NEIGHBOURHOOD
#define ALIGNGRAPH_INL_SCHEDULE_SCHEDULE
#ifdef ALIGNGRAPH_OUTERMOST_SCHEDULE_SCHEDULE
#undef ALIGNGRAPH_OUTERMOST_SCHEDULE_SCHEDULE
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
