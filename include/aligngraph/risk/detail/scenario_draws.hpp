#pragma once
// The samples robust selection (robust.hpp, chance.hpp) optimises over. Not public API.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_RISK_DETAIL_SCENARIO_DRAWS
#endif

#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/risk/portfolio_risk.hpp"
#include "aligngraph/stop.hpp"
#include "aligngraph/types.hpp"

namespace aligngraph::detail {

// The Monte Carlo samples [first, first + samples) of every initiative at its planned start,
// each initiative's draws kept (no sensitivity, no per-sample use).
inline RiskResult scenario_draws(const Portfolio& p, const std::string& scenario, long long samples, std::uint64_t seed,
                                 long long first, const Cancellation& cancel) {
    std::vector<Index> all(static_cast<std::size_t>(p.initiative_count()));
    std::iota(all.begin(), all.end(), Index{0});
    RiskOptions ro;
    ro.samples = samples;
    ro.seed = seed;
    ro.first = first;
    ro.sensitivity = false;
    ro.keep_use_samples = false;
    ro.keep_item_samples = true;
    ro.cancel = cancel;
    return simulate(risk_problem(p, all, {}, scenario), ro);
}

}  // namespace aligngraph::detail

#ifdef ALIGNGRAPH_HEADER_ONLY
#ifdef ALIGNGRAPH_OUTERMOST_RISK_DETAIL_SCENARIO_DRAWS
#undef ALIGNGRAPH_OUTERMOST_RISK_DETAIL_SCENARIO_DRAWS
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
