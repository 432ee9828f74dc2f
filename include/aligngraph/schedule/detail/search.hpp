#pragma once
// The two searches behind schedule(). Not public API.
//
// The precedence tree (regular objectives: makespan, cost of delay; each job's use constant
// while it runs, capacities per period): depth first, each level starts one eligible job at
// its earliest feasible period no earlier than the previous level's start. Every active
// schedule is reached, so an optimal one is. Pruning: time-table propagation of heads and
// latest starts (against the deadline one period short of the incumbent, on the instance cut
// there), a bound from the precedences (heads plus tails) and from each resource's remaining
// work against its remaining capacity; a child whose start is before its propagated head or
// past another job's latest start (every later job starts no earlier), or that could run and
// finish before its start (the local left-shift rule), is not made; a
// job that could run and finish before another's start comes first (the other order gives
// no active schedule); and the cut-set rule (Demeulemeester & Herroelen 1992): a partial
// schedule with the same jobs done, started no later and whose jobs release everything no
// later than the present one's, dominates it. Schedule generation with priority rules,
// biased sampling and forward-backward improvement gives the first incumbents. At the root,
// shaving (windows cut where propagation refutes a start) raises the destructive bound and,
// against the incumbent's deadline, gives the search tighter windows. Edge finding on cliques
// of jobs that can never run at once (disjunctive-inl.hpp) joins the time tables at the
// root, and in the tree where it moved a window at the root.
//
// The learning search (makespan; learning-inl.hpp) takes over from the tree where its first
// stretch ends: lazy clause generation over the starts' bounds, with time tables and
// precedences that explain each bound they move, and clauses learned at each failure.
//
// The time-indexed model (any objective, profiles that vary by period, npv): one 0-1
// variable per job and start, solved by the selection solver (selection/knapsack.hpp):
// exactly one start per job, a resource row per resource and period, a start of a dependant
// requires one of its prerequisite's starts that end in time. A plan (optional jobs, npv)
// gives it half the time and half the nodes; large neighbourhood search
// (neighbourhood-inl.hpp) improves its best schedule with the rest.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_SCHEDULE_DETAIL_SEARCH
#endif

#include "aligngraph/detail/limits.hpp"
#include "aligngraph/schedule/detail/instance.hpp"

#include <cstdint>
#include <limits>
#include <vector>

namespace aligngraph::detail {

/// A small deterministic generator for the sampling (splitmix64).
struct SchedRandom {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
};

struct SchedOutcome {
    std::vector<int> starts;  ///< empty: none found
    double value = 0;
    double bound = 0;
    bool proven = false;      ///< the search finished (no starts then: infeasible)
    long long nodes = 0;
    StopReason stop_reason = StopReason::none;  ///< the time-indexed model's (the tree's is in its Limits)
    /// When asked for: per job, the root LP's weight on each of its starts, (start, weight)
    /// for the weights above 1e-6 (the LP relaxation after the rows it violated were added).
    std::vector<std::vector<std::pair<int, double>>> root_lp;
};

/// The jobs in the order serial schedule generation takes them: the eligible one (its
/// prerequisites taken) of smallest priority first.
ALIGNGRAPH_API std::vector<int> sched_priority_list(const SchedInstance& in, const std::vector<double>& priority);

/// Serial schedule generation in the order of `list` (one that keeps the precedences): each
/// job at its earliest feasible start after its prerequisites; empty when a job finds no
/// room in its window.
ALIGNGRAPH_API std::vector<int> sched_serial_list(const SchedInstance& in, const std::vector<int>& list);

/// Serial schedule generation by priority (smaller first among the eligible); empty when a
/// job finds no room in its window.
ALIGNGRAPH_API std::vector<int> sched_serial(const SchedInstance& in, const std::vector<double>& priority);

/// Forward-backward improvement of a makespan schedule (kept when it does not shorten).
ALIGNGRAPH_API std::vector<int> sched_justify(const SchedInstance& in, std::vector<int> starts);

/// The best schedule that priority rules, biased sampling and forward-backward improvement
/// find (regular objectives), and `start` (the caller's, checked) when it is better.
ALIGNGRAPH_API SchedOutcome sched_heuristic(const SchedInstance& in, Limits& limits, const std::vector<int>* start = nullptr);

/// The precedence tree (in.constant_use and a regular objective), from an incumbent; at node
/// `genetic_at` (-1: never), and at twice as many nodes while it finds better ones, the
/// genetic search, `genetic_budget` schedules, for a better one. With the makespan and a
/// genetic search (genetic_at >= 0), the tree's root only (bounds, shaved windows), then the
/// learning search, the genetic search's rounds in it (where its watch lists fit in memory).
ALIGNGRAPH_API SchedOutcome sched_tree_search(const SchedInstance& in, SchedOutcome incumbent, Limits& limits,
                                              long long genetic_at = -1, long long genetic_budget = 0);

/// The genetic search from an incumbent, `budget` schedules at most (genetic-inl.hpp); it
/// stops early at a schedule as good as `floor`, a bound known to the caller (or the root's
/// bound, whichever is tighter). Each `round` draws from its own seed.
ALIGNGRAPH_API SchedOutcome sched_genetic(const SchedInstance& in, SchedOutcome incumbent, Limits& limits, long long budget,
                                          double floor = -std::numeric_limits<double>::infinity(), int round = 0);

/// The learning search (learning-inl.hpp; makespan, constant use): from the incumbent (or,
/// without one, any schedule within the horizon) ever shorter schedules, until none shorter
/// exists (proven; no starts: none at all) or a limit stops it.
ALIGNGRAPH_API SchedOutcome sched_learning_search(const SchedInstance& in, SchedOutcome incumbent, Limits& limits);

/// Regular objectives with constant use: the heuristic, then the tree, with the genetic
/// search when the tree has not finished after its first 3,200,000 / n nodes (at least 10,000,
/// at most 100,000: a node's time grows with the jobs), and after twice, four times, ... as
/// many while it finds better schedules (a node with disjunctive reasoning counts two); the
/// search ends when a schedule meets the root's bound. With the makespan the learning search
/// goes on from the tree's root instead, the genetic search's rounds after its first 10,000
/// conflicts, 20,000, ... while they pay.
ALIGNGRAPH_API SchedOutcome sched_regular_search(const SchedInstance& in, Limits& limits, const std::vector<int>* start = nullptr);

/// Sets of three or more jobs no two of which can run at once (disjunctive-inl.hpp): one must
/// finish before the other starts (through prerequisites), or their least uses of some
/// resource exceed its largest capacity. Jobs whose use outlasts their duration are left out.
ALIGNGRAPH_API std::vector<std::vector<int>> sched_cliques(const SchedInstance& in);

/// Scratch for sched_edge_finding().
struct SchedEdgeScratch {
    std::vector<int> order, completion;
};

/// Edge finding over k jobs no two of which run at once, job i in [est[i], lct[i]) for p[i]
/// periods: `raised` gets each job's head, raised where it must run after a set of the others
/// (disjunctive-inl.hpp). False when some set needs more time than its window holds.
ALIGNGRAPH_API bool sched_edge_finding(int k, const int* est, const int* lct, const int* p, int* raised,
                                       SchedEdgeScratch& scratch);

/// A lower bound on the makespan, or on the cost of delay, of any schedule.
ALIGNGRAPH_API double sched_root_bound(const SchedInstance& in);

/// The time-indexed model on the selection solver (any objective but makespan); with
/// `root_lp`, the outcome carries the root LP's weights (when the search reached its root).
/// `neighbourhood`: the model is one of a plan's neighbourhoods (neighbourhood-inl.hpp),
/// searched for tens of milliseconds: no MIR cuts at its root.
ALIGNGRAPH_API SchedOutcome sched_time_indexed(const SchedInstance& in, const std::vector<int>& start, Limits& limits,
                                               double time_limit, long long node_limit, const Cancellation& cancel,
                                               bool root_lp = false, bool neighbourhood = false);

/// Serial schedule generation in the order of `list` (one that keeps the precedences) that
/// may leave optional jobs out: one whose prerequisite is out, whose alternative is in, that
/// finds no room in its window or whose value there is not positive stays out. Empty when a
/// required job finds no room.
ALIGNGRAPH_API std::vector<int> sched_serial_choosing(const SchedInstance& in, const std::vector<int>& list);

/// The instance of `free_jobs` (sorted) with every other job held at `starts` (-1: left
/// out): the capacity less the held jobs' use, windows cut by held prerequisites and
/// dependants, a job a held dependant needs made required, one whose prerequisite or
/// alternative holds it out given no start. Job k of it is free_jobs[k].
ALIGNGRAPH_API SchedInstance sched_restrict(const SchedInstance& in, const std::vector<int>& starts,
                                            const std::vector<int>& free_jobs);

struct SchedNeighbourhoods {
    long long nodes = 0;  ///< of the neighbourhoods' searches (at least one each)
    bool proven = false;  ///< a neighbourhood held every job and its search ended: starts are optimal
};

/// Large neighbourhood search (npv; neighbourhood-inl.hpp): from the feasible `starts`,
/// neighbourhoods of related jobs (a job drawn at random and those sharing its resources in
/// the periods it runs, its prerequisites and dependants first), each solved by the
/// time-indexed model with the other jobs held; a better schedule of the free jobs replaces
/// theirs. With `root_lp` (SchedOutcome::root_lp of the same instance), every third
/// neighbourhood is centred on a job where the schedule and the LP disagree, and leans to
/// the jobs that disagree most. Until `until` seconds on the limits' clock, or the limits'
/// node limit (each neighbourhood counts its nodes, at least one); progress as "roadmap"
/// from `nodes_before`. Deterministic but for the time limit.
ALIGNGRAPH_API SchedNeighbourhoods sched_neighbourhoods(const SchedInstance& in, std::vector<int>& starts, Limits& limits,
                                                        double until, const Cancellation& cancel, long long nodes_before,
                                                        const std::vector<std::vector<std::pair<int, double>>>* root_lp = nullptr);

}  // namespace aligngraph::detail

#ifdef ALIGNGRAPH_HEADER_ONLY
#ifdef ALIGNGRAPH_OUTERMOST_SCHEDULE_DETAIL_SEARCH
#undef ALIGNGRAPH_OUTERMOST_SCHEDULE_DETAIL_SEARCH
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
