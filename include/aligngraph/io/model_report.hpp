#pragma once
/// @file model_report.hpp
/// The model as a person reads it (text for a terminal) and as a program does (JSON), and the problems validation found.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_IO_MODEL_REPORT
#endif

#include "aligngraph/export.hpp"
#include <string>
#include <vector>

#include "aligngraph/error.hpp"
#include "aligngraph/model/portfolio.hpp"

namespace aligngraph {

/// Goal tree with global weights, initiatives table, budgets per period, as aligned
/// text for a terminal of `width` columns (>= 60).
ALIGNGRAPH_API std::string summary_text(const Portfolio& p, int width = 100);

/// The same content as a JSON document.
ALIGNGRAPH_API std::string summary_json(const Portfolio& p);

/// A list of problems as text, one per line, each prefixed by `source: ` (and `warning: `
/// for a warning) and its pointer, then a count: `source: valid` (with the warnings' count)
/// or `source: N problems`.
ALIGNGRAPH_API std::string problems_text(const std::vector<Problem>& problems, const std::string& source);

/// A list of problems as JSON: {"file", "valid": no errors, "errors": [{"pointer", "message"}], "warnings": [...]}.
ALIGNGRAPH_API std::string problems_json(const std::vector<Problem>& problems, const std::string& source);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_IO_MODEL_REPORT
#ifdef ALIGNGRAPH_OUTERMOST_IO_MODEL_REPORT
#undef ALIGNGRAPH_OUTERMOST_IO_MODEL_REPORT
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
