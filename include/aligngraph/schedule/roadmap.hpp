#pragma once
/// @file roadmap.hpp
/// When the initiatives of a model start: the roadmap of a selection (the optimal portfolio,
/// or the caller's list) under every budget in every period and every team's capacity, each
/// initiative within its start window; and the plan, which chooses which initiatives and
/// when in one optimisation.
///
///     auto r = aligngraph::roadmap(p);        // the optimal portfolio, NPV objective
///     // r.starts[j] for r.ids[j]; r.reasons[j].text; r.load (budgets and teams x periods)
///     auto plan = aligngraph::plan(p);        // which and when: plan.scheduled[j]
///
/// Each budget is a resource whose capacity in a period is its limit (with the scenario's
/// budget factor) and whose use by an initiative is the cost it counts, moved with the
/// initiative's start (running costs after completion too); each team is a resource whose use
/// is the initiative's demand while it runs. Flows (capex, opex, benefits) move with the
/// start, and are discounted at the model's rate per period from period 0; a flow moved past
/// the horizon is valued the same way and reported in flows_past_horizon. Flows before an
/// initiative's planned start do not move and are not counted. Running and completed
/// initiatives keep their start. See docs/schedule.md.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_SCHEDULE_ROADMAP
#endif

#include "aligngraph/export.hpp"
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/schedule/schedule.hpp"

namespace aligngraph {

/// Named parameters of roadmap() and plan().
struct RoadmapOptions {
    ScheduleObjective objective = ScheduleObjective::npv;
    double time_limit = 60;  ///< seconds for the whole call (the selection included), >= 0 (0: the first schedule found)
    long long node_limit = std::numeric_limits<long long>::max();  ///< >= 0
    std::string scenario;    ///< its discount rate, budget factor, cost overrun and forced decisions
    Cancellation cancel;
    bool explain = true;
    /// The initiatives to schedule (ids). Unset: the optimal portfolio (optimize() by NPV under
    /// the same scenario). Ignored by plan(), which chooses.
    std::optional<std::vector<std::string>> selection;
    /// Cost of delay (ScheduleObjective::delay): the cost of each period an initiative waits,
    /// by id. Unset ones: its benefits per period over the horizon (what a period of waiting
    /// defers), at least 0.
    std::map<std::string, double> weights;
    /// A schedule to begin from, by initiative id: each one's start period (an index into
    /// the horizon, as in ScheduleResult::starts; -1 left out), for example a previous
    /// roadmap or plan. roadmap(): every initiative of the selection, no other. plan(): those
    /// given a period are in, the rest out. The result is never worse than it
    /// (ScheduleOptions::start). @throws ValidationError for an unknown id, one outside the
    /// selection (roadmap) or forced out (plan), and as ScheduleOptions::start.
    std::map<std::string, Period> start;
};

/// The model as a scheduling problem over these initiatives (indices, ascending), each
/// initiative a job with its window, budgets and teams as resources ("budget ID", "team ID"),
/// the model's period labels. `optional` marks every job as choosable (the plan's form);
/// mandatory, forced-in and scenario-forced initiatives stay required.
/// @throws ValidationError for an invalid model, an unknown scenario, or a selected
/// initiative whose prerequisite is not selected.
ALIGNGRAPH_API ScheduleProblem roadmap_problem(const Portfolio& p, const std::vector<Index>& initiatives,
                                               const RoadmapOptions& options = {}, bool optional = false);

/// The roadmap of a selection. @throws as roadmap_problem() and schedule().
ALIGNGRAPH_API ScheduleResult roadmap(const Portfolio& p, const RoadmapOptions& options = {});

/// The plan: which initiatives and when, maximising the NPV of those chosen with their flows
/// at their starts, under the same constraints (and `requires`, `excludes`, forced decisions).
/// Initiatives forced out are not in the result; the others are, `scheduled` saying which
/// were chosen. @throws as roadmap_problem() and schedule().
ALIGNGRAPH_API ScheduleResult plan(const Portfolio& p, const RoadmapOptions& options = {});

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_SCHEDULE_ROADMAP
#ifdef ALIGNGRAPH_OUTERMOST_SCHEDULE_ROADMAP
#undef ALIGNGRAPH_OUTERMOST_SCHEDULE_ROADMAP
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
