#pragma once
// The IRR that numpy-financial picks among several, shared by irr() and xirr(). Not public API.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_DETAIL_ROOT_CHOICE
#endif

#include <cmath>
#include <vector>

#include "aligngraph/finance/cashflows.hpp"

namespace aligngraph::detail {

/// Fills status and rate from `result.roots` (ascending): with roots of both signs the
/// non-negative ones are kept, then the one smallest in magnitude is chosen.
inline void choose_root(IrrResult& result) {
    const auto& rates = result.roots;
    if (rates.empty()) {
        result.status = IrrStatus::no_root;
        return;
    }
    result.status = rates.size() == 1 ? IrrStatus::one_root : IrrStatus::several_roots;
    const bool mixed = rates.front() < 0 && rates.back() >= 0;
    for (double r : rates) {
        if (mixed && r < 0) continue;
        if (std::isnan(result.rate) || std::abs(r) < std::abs(result.rate)) result.rate = r;
    }
}

}  // namespace aligngraph::detail

#ifdef ALIGNGRAPH_HEADER_ONLY
#ifdef ALIGNGRAPH_OUTERMOST_DETAIL_ROOT_CHOICE
#undef ALIGNGRAPH_OUTERMOST_DETAIL_ROOT_CHOICE
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
