#pragma once
// Two scenarios side by side (scenario_comparison.hpp).

#include "aligngraph/selection/scenario_comparison.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aligngraph/error.hpp"
#include "aligngraph/selection/portfolio_selection.hpp"

namespace aligngraph {

ALIGNGRAPH_INLINE ScenarioComparison compare_scenarios(const Portfolio& p, const std::string& a, const std::string& b,
                                                       const CompareOptions& o) {
    p.check();
    for (const std::string* s : {&a, &b})
        if (!s->empty() && std::none_of(p.scenarios().begin(), p.scenarios().end(), [&](const Scenario& x) { return x.id == *s; }))
            throw ValidationError(fmt::format("compare_scenarios(): unknown scenario '{}'", *s));
    ScenarioComparison c;
    c.ids = p.initiative_ids();
    for (Index i = 0; i < p.initiative_count(); ++i) c.names.push_back(p.initiative(i).name);
    c.scenario_a = a;
    c.scenario_b = b;
    c.currency = p.settings().currency;
    c.by = o.by;
    const auto solve = [&](const std::string& s) {
        OptimizeOptions oo;
        oo.objective = o.objective;
        oo.time_limit = o.time_limit;
        oo.scenario = s;
        oo.cancel = o.cancel;
        return optimize(p, oo);
    };
    const auto scores = [&](const std::string& s) {
        ScoreOptions so;
        so.kind = o.by;
        if (!s.empty()) so = ScoreOptions::from_scenario(p, s, o.by);
        return score(p, so).total;
    };
    c.a = solve(a);
    c.b = solve(b);
    c.score_a = scores(a);
    c.score_b = scores(b);
    c.ranks = compare_rankings(c.score_a, c.score_b, c.ids);
    std::vector<char> in_a(c.ids.size(), 0), in_b(c.ids.size(), 0);
    for (Index i : c.a.selected) in_a[static_cast<std::size_t>(i)] = 1;
    for (Index i : c.b.selected) in_b[static_cast<std::size_t>(i)] = 1;
    for (Index i = 0; i < c.initiative_count(); ++i) {
        const auto k = static_cast<std::size_t>(i);
        if (in_a[k] && in_b[k]) c.both.push_back(i);
        else if (in_a[k]) c.only_a.push_back(i);
        else if (in_b[k]) c.only_b.push_back(i);
    }
    c.value_difference = c.b.value - c.a.value;
    return c;
}

}  // namespace aligngraph
