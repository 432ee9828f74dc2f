#pragma once
/// @file schedule_report.hpp
/// A schedule (a roadmap, a plan) as text and JSON. Every function takes only the result.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_IO_SCHEDULE_REPORT
#endif

#include "aligngraph/export.hpp"
#include <string>

#include "aligngraph/schedule/schedule.hpp"

namespace aligngraph {

/// The schedule: objective, value, bound and proof; a text Gantt (one row per job, periods as
/// columns, within `width` columns); each resource's use per period as a share of its
/// capacity; the critical chain; why each job starts when it does, with its slack.
ALIGNGRAPH_API std::string schedule_text(const ScheduleResult& r, int width = 100);

/// The same as JSON: labels, objective, value, bound, gap, proof, makespan, every job (id,
/// start, finish and their labels, scheduled, slack, critical, reason, detail, value), every
/// resource (name, capacity and load per period), the critical chain.
ALIGNGRAPH_API std::string schedule_json(const ScheduleResult& r);

/// What planning which-and-when together changes against scheduling a given selection: both
/// values and the difference, what the plan adds and what it leaves out of the selection.
/// Both results must be NPV schedules of one model (a roadmap and a plan).
ALIGNGRAPH_API std::string plan_comparison_text(const ScheduleResult& roadmap, const ScheduleResult& plan, int width = 100);
/// The same as JSON: {roadmap_value, plan_value, difference, added, left_out, both_proven}.
ALIGNGRAPH_API std::string plan_comparison_json(const ScheduleResult& roadmap, const ScheduleResult& plan);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_IO_SCHEDULE_REPORT
#ifdef ALIGNGRAPH_OUTERMOST_IO_SCHEDULE_REPORT
#undef ALIGNGRAPH_OUTERMOST_IO_SCHEDULE_REPORT
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
