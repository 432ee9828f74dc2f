#pragma once
/// @file sample_portfolio.hpp
/// The sample portfolio shipped with aligngraph (examples/sample-portfolio.json), compiled
/// in so that a demo needs no file. Not part of the umbrella header: a program that wants
/// it includes this header (in header-only mode that brings the 36 KB text with it).

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_IO_SAMPLE_PORTFOLIO
#endif

#include <string_view>

#include "aligngraph/export.hpp"
#include "aligngraph/model/portfolio.hpp"

namespace aligngraph {

/// The sample portfolio as text (the file's exact bytes).
ALIGNGRAPH_API std::string_view sample_portfolio_json();

/// The sample portfolio, parsed.
ALIGNGRAPH_API Portfolio sample_portfolio();

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_IO_SAMPLE_PORTFOLIO
#ifdef ALIGNGRAPH_OUTERMOST_IO_SAMPLE_PORTFOLIO
#undef ALIGNGRAPH_OUTERMOST_IO_SAMPLE_PORTFOLIO
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
