#pragma once
// What-ifs on a model (what_if.hpp).

#include "aligngraph/model/what_if.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aligngraph/error.hpp"

namespace aligngraph {

ALIGNGRAPH_INLINE std::string apply_what_if(Portfolio& p, const WhatIf& w) {
    Scenario s;
    if (!w.scenario.empty()) {
        const auto& all = p.scenarios();
        const auto it = std::find_if(all.begin(), all.end(), [&](const Scenario& x) { return x.id == w.scenario; });
        if (it == all.end()) throw ValidationError(fmt::format("what-if: unknown scenario '{}'", w.scenario));
        s = *it;
    }
    if (w.only_scenario()) return w.scenario;
    const auto check = [&](const std::vector<std::string>& ids, const char* what) {
        for (const auto& id : ids)
            if (!p.find_initiative(id)) throw ValidationError(fmt::format("what-if: {}: unknown initiative '{}'", what, id));
    };
    check(w.force_in, "forced in");
    check(w.force_out, "forced out");
    for (const auto& id : w.force_out) {
        const Flags& f = p.flags()[static_cast<std::size_t>(*p.find_initiative(id))];
        if (f.mandatory) throw ValidationError(fmt::format("what-if: '{}' is mandatory (must be funded): it cannot be forced out", id));
        if (f.forced_in)
            throw ValidationError(fmt::format("what-if: '{}' is decided in by the model (forced_in): it cannot be forced out", id));
    }
    for (const auto& id : w.force_in)
        if (p.flags()[static_cast<std::size_t>(*p.find_initiative(id))].forced_out)
            throw ValidationError(fmt::format("what-if: '{}' is decided out by the model (forced_out): it cannot be forced in", id));
    for (const auto& id : w.force_in)
        if (std::find(w.force_out.begin(), w.force_out.end(), id) != w.force_out.end())
            throw ValidationError(fmt::format("what-if: initiative '{}' forced both in and out", id));
    if (w.budget_factor && !(std::isfinite(*w.budget_factor) && *w.budget_factor > 0))
        throw ValidationError(fmt::format("what-if: budget factor {}, expected a number > 0", *w.budget_factor));
    const auto add = [](std::vector<std::string>& to, const std::vector<std::string>& more) {
        for (const auto& id : more)
            if (std::find(to.begin(), to.end(), id) == to.end()) to.push_back(id);
    };
    // What the what-if forces wins over the scenario's opposite decision.
    std::erase_if(s.forced_out, [&](const std::string& id) { return std::find(w.force_in.begin(), w.force_in.end(), id) != w.force_in.end(); });
    std::erase_if(s.forced_in, [&](const std::string& id) { return std::find(w.force_out.begin(), w.force_out.end(), id) != w.force_out.end(); });
    add(s.forced_in, w.force_in);
    add(s.forced_out, w.force_out);
    if (w.budget_factor) s.budget_factor = s.budget_factor.value_or(1.0) * *w.budget_factor;
    std::string id = "what-if";
    for (int k = 2; std::any_of(p.scenarios().begin(), p.scenarios().end(), [&](const Scenario& x) { return x.id == id; }); ++k)
        id = fmt::format("what-if-{}", k);
    s.id = id;
    s.name = w.scenario.empty() ? "what-if" : fmt::format("what-if on {}", w.scenario);
    p.add_scenario(std::move(s));
    return id;
}

}  // namespace aligngraph
