#pragma once
/// @file psplib.hpp
/// PSPLIB's single-mode `.sm` files (Kolisch & Sprecher 1997: j30, j60, j90, j120) as a
/// ScheduleProblem: one job per line of PRECEDENCE RELATIONS (the dummy source and sink
/// included, ids "1" to "n"), renewable resources with constant capacity ("R 1", ...),
/// objective makespan. The horizon is the file's (the sum of the durations).
///
///     auto q = aligngraph::read_psplib("j301_1.sm");
///     auto r = aligngraph::schedule(q);   // r.makespan: 43, proven

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_SCHEDULE_PSPLIB
#endif

#include "aligngraph/export.hpp"
#include <filesystem>
#include <string_view>

#include "aligngraph/schedule/schedule.hpp"

namespace aligngraph {

/// Read a PSPLIB `.sm` file. @throws ValidationError naming the file, the line and what was
/// expected; a file that cannot be read is named too.
ALIGNGRAPH_API ScheduleProblem read_psplib(const std::filesystem::path& path);
/// The same from the text of such a file (`source` names it in messages).
ALIGNGRAPH_API ScheduleProblem parse_psplib(std::string_view text, std::string_view source = "<psplib>");

/// The critical-path length of a PSPLIB file (its MPM-Time), or -1 when it has none.
ALIGNGRAPH_API int psplib_critical_path(std::string_view text);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_SCHEDULE_PSPLIB
#ifdef ALIGNGRAPH_OUTERMOST_SCHEDULE_PSPLIB
#undef ALIGNGRAPH_OUTERMOST_SCHEDULE_PSPLIB
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
