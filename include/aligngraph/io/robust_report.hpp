#pragma once
/// @file robust_report.hpp
/// Robust selection results as text and JSON. Every function takes only the result.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_IO_ROBUST_REPORT
#endif

#include "aligngraph/export.hpp"
#include <string>

#include "aligngraph/risk/chance.hpp"
#include "aligngraph/risk/robust.hpp"
#include "aligngraph/risk/rpm.hpp"

namespace aligngraph {

/// Selection frequency: the scenarios and their proofs; the initiatives in every scenario's
/// optimum, in none, and each of the others with a bar of its frequency, its mean and planned
/// NPV and whether the planned optimum and the portfolio best in expectation hold it; the
/// portfolio best in expectation against the planned optimum.
ALIGNGRAPH_API std::string selection_frequency_text(const SelectionFrequency& f, int width = 100);

/// The same as JSON: every initiative (frequency, mean and planned NPV, in the planned
/// optimum, in the best in expectation), the selections, the optimum per scenario.
ALIGNGRAPH_API std::string selection_frequency_json(const SelectionFrequency& f);

/// Chance-constrained budgets: alpha and the scenarios, the proof, the portfolio and its
/// expected NPV against the optimum as planned (what it leaves out and adds), and each budget
/// row either breaks: the share of the fresh samples over its limit (with the 95% interval)
/// for both, then for any row; the shares in the sample without fresh samples.
ALIGNGRAPH_API std::string chance_text(const ChanceConstrained& c, int width = 100);

/// The same as JSON: every budget row (limit, share over in the sample and on the fresh
/// samples with its interval, the plan's share), the selections and values.
ALIGNGRAPH_API std::string chance_json(const ChanceConstrained& c);

/// Robust Portfolio Modeling: the criteria and the weight set's extreme points, how many
/// portfolios are non-dominated, the core, exterior and borderline initiatives (each
/// borderline one with a bar of its core index), and the first `portfolios` portfolios by
/// best value with their value range.
ALIGNGRAPH_API std::string rpm_text(const RpmResult& r, int width = 100, int portfolios = 10);

/// The same as JSON: the criteria, the extreme weights, every initiative's core index and
/// class, every non-dominated portfolio (ids, least and greatest value).
ALIGNGRAPH_API std::string rpm_json(const RpmResult& r);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_IO_ROBUST_REPORT
#ifdef ALIGNGRAPH_OUTERMOST_IO_ROBUST_REPORT
#undef ALIGNGRAPH_OUTERMOST_IO_ROBUST_REPORT
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
