#pragma once
/// @file what_if.hpp
/// A what-if on top of a model: a scenario of the model (or none) with initiatives forced in
/// or out and every budget scaled, as one scenario every analysis takes by its id.
///
///     WhatIf w{.scenario = "downturn", .force_in = {"I-07"}, .budget_factor = 0.9};
///     Portfolio q = p;
///     const std::string id = apply_what_if(q, w);   // "what-if"
///     auto r = optimize(q, {.scenario = id});

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_MODEL_WHAT_IF
#endif

#include "aligngraph/export.hpp"

#include <optional>
#include <string>
#include <vector>

#include "aligngraph/model/portfolio.hpp"

namespace aligngraph {

struct WhatIf {
    std::string scenario;                ///< a scenario of the model to start from (empty: none)
    std::vector<std::string> force_in;   ///< initiative ids decided in, on top of the scenario's
    std::vector<std::string> force_out;  ///< initiative ids decided out, on top of the scenario's
    std::optional<double> budget_factor; ///< scales every budget, times the scenario's factor (> 0)

    /// Nothing asked beyond the scenario (or not even that).
    bool only_scenario() const { return force_in.empty() && force_out.empty() && !budget_factor; }
};

/// Adds the what-if to p as a scenario of its own and returns its id: the scenario's id when
/// the what-if asks nothing more of it (p unchanged), else "what-if" (or "what-if-2", ... when
/// taken): the scenario's fields with the forced decisions added and the budget factor
/// multiplied. @throws ValidationError naming an unknown scenario or initiative, an
/// initiative forced both in and out, a mandatory or model-decided initiative forced the
/// other way, a budget factor that is not a number > 0.
ALIGNGRAPH_API std::string apply_what_if(Portfolio& p, const WhatIf& what_if);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_MODEL_WHAT_IF
#ifdef ALIGNGRAPH_OUTERMOST_MODEL_WHAT_IF
#undef ALIGNGRAPH_OUTERMOST_MODEL_WHAT_IF
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
