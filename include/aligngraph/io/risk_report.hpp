#pragma once
/// @file risk_report.hpp
/// A Monte Carlo result as text and JSON. Every function takes only the result.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_IO_RISK_REPORT
#endif

#include "aligngraph/export.hpp"
#include <string>

#include "aligngraph/risk/risk.hpp"

namespace aligngraph {

/// The simulation: how many samples (seed, threads, convergence); the NPV's distribution
/// (planned, mean with its standard error, sd, P5/P50/P95, CVaR 5%, min, max) with a text
/// histogram and P(NPV < 0) with its 95% interval; the risk of going over each budget and
/// team capacity per period (P95 use as a share of the limit, P(over)); each initiative's
/// mean and sd NPV, failure rate, mean delay and P(on time); the `top` tornado bars as text
/// bars around the base NPV and the `top` rank correlations; the notes.
ALIGNGRAPH_API std::string risk_text(const RiskResult& r, int width = 100, int top = 10);

/// The same as JSON, complete: labels, sampling (seed, first, samples, Latin hypercube,
/// converged, stop reason, threads, seconds), summary, histogram, every resource per period
/// (capacity, mean, P95, P(over)), every initiative (mean, sd, failure rate, mean delay,
/// P(finish by t) for t = 0..T), every tornado bar and rank correlation, notes. Not the
/// samples themselves (the library and Python give them).
ALIGNGRAPH_API std::string risk_json(const RiskResult& r);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_IO_RISK_REPORT
#ifdef ALIGNGRAPH_OUTERMOST_IO_RISK_REPORT
#undef ALIGNGRAPH_OUTERMOST_IO_RISK_REPORT
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
