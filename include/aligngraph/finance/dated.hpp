#pragma once
/// @file dated.hpp
/// Flows on calendar dates: XNPV and XIRR with Excel's conventions (actual/365 from
/// the first date), which numpy-financial lacks.
///
///   XNPV(r) = sum_i v_i / (1 + r)^((d_i - d_0) / 365)
///
/// Dates are days since 1970-01-01 (numpy's datetime64[D]); they must not decrease.
///
///     std::vector<double> v{-10000, 2750, 4250, 3250, 2750};
///     std::vector<std::int64_t> d{13879, 13939, 14182, 14290, 14335};  // 2008-01-01, 03-01, 10-30, 2009-02-15, 04-01
///     aligngraph::xirr(v, d);   // 0.373362535 (Excel's XIRR example)

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_FINANCE_DATED
#endif

#include "aligngraph/export.hpp"
#include <cstdint>
#include <span>

#include "aligngraph/finance/cashflows.hpp"

namespace aligngraph {

/// XNPV at yearly rate r. @throws ValidationError for empty or mismatched inputs, a
/// non-finite flow, dates out of order (naming both) or a rate <= -1.
ALIGNGRAPH_API double xnpv(Rate r, std::span<const double> flows, std::span<const std::int64_t> days);

/// Every root of XNPV(r) = 0 with r > -1 (yearly), and the one chosen by the same rule as irr().
/// Roots are isolated as for irr(): Descartes' rule holds for real exponents, and
/// x d/dx lowers the sign changes until each root is bracketed alone.
ALIGNGRAPH_API IrrResult xirr_roots(std::span<const double> flows, std::span<const std::int64_t> days, const IrrOptions& options = {});

/// The XIRR (yearly). @throws NoSolutionError with the reason when there is none;
/// ValidationError as xnpv.
ALIGNGRAPH_API Rate xirr(std::span<const double> flows, std::span<const std::int64_t> days, const IrrOptions& options = {});

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_FINANCE_DATED
#ifdef ALIGNGRAPH_OUTERMOST_FINANCE_DATED
#undef ALIGNGRAPH_OUTERMOST_FINANCE_DATED
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
