#pragma once
// Exact portfolio selection: the checks of a problem, then the search.

#include <fmt/format.h>

#include <set>

#include <cmath>

#include "aligngraph/error.hpp"
#include "aligngraph/memory.hpp"
#include "aligngraph/selection/knapsack.hpp"
#include "aligngraph/selection/detail/search.hpp"

namespace aligngraph {

namespace detail {
// explain() under the call's limits (explain-inl.hpp).
ALIGNGRAPH_INLINE void explain_within(const SelectionProblem& problem, SelectionResult& result, Limits& limits);
}  // namespace detail

ALIGNGRAPH_INLINE SearchMemory::SearchMemory() = default;
ALIGNGRAPH_INLINE SearchMemory::SearchMemory(SearchMemory&&) noexcept = default;
ALIGNGRAPH_INLINE SearchMemory& SearchMemory::operator=(SearchMemory&&) noexcept = default;
ALIGNGRAPH_INLINE SearchMemory::~SearchMemory() = default;

ALIGNGRAPH_INLINE SelectionResult select_portfolio(const SelectionProblem& p, const SelectionOptions& o, SearchMemory* memory) {
    const auto start = detail::Limits::clock::now();
    const Index n = p.values.size(), m = p.budgets.size();
    if (p.costs.rows() != n || p.costs.cols() != m)
        throw ValidationError(fmt::format("select_portfolio(): costs are {} x {}, expected {} x {} (initiatives x budgets)",
                                          p.costs.rows(), p.costs.cols(), n, m));
    // The costs' check in memory order first (by initiative it reads a cache line per
    // element: a third of a second for a schedule's 19,323 starts x 2,010 rows); the loop
    // below names the first bad one.
    const bool costs_ok = p.costs.allFinite() && (p.costs.array() >= 0).all();
    for (Index i = 0; i < n; ++i) {
        if (!std::isfinite(p.values(i)))
            throw ValidationError(fmt::format("select_portfolio(): value of initiative {} is {}, expected a finite number", i, p.values(i)));
        for (Index k = 0; k < m && !costs_ok; ++k)
            if (!(std::isfinite(p.costs(i, k)) && p.costs(i, k) >= 0))
                throw ValidationError(fmt::format("select_portfolio(): cost of initiative {} on budget {} is {}, expected a finite amount >= 0",
                                                  i, k, p.costs(i, k)));
    }
    for (Index k = 0; k < m; ++k)
        if (!(std::isfinite(p.budgets(k)) && p.budgets(k) >= 0))
            throw ValidationError(fmt::format("select_portfolio(): budget {} is {}, expected a finite amount >= 0", k, p.budgets(k)));
    auto check = [n](Index i, const char* what) {
        if (i < 0 || i >= n)
            throw ValidationError(fmt::format("select_portfolio(): {} index {} out of range [0, {})", what, i, n));
    };
    std::set<std::pair<Index, Index>> links;
    for (auto [d, q] : p.requires_links) {
        check(d, "requires");
        check(q, "requires");
        if (d == q) throw ValidationError(fmt::format("select_portfolio(): '{}' requires itself", p.id(d)));
        if (!links.emplace(d, q).second)
            throw ValidationError(fmt::format("select_portfolio(): '{}' requires '{}' twice; give each link once", p.id(d), p.id(q)));
    }
    for (const auto& [d, group] : p.requires_any) {
        check(d, "requires_any");
        if (group.empty()) throw ValidationError(fmt::format("select_portfolio(): '{}' requires one of an empty group", p.id(d)));
        std::set<Index> members;
        for (Index q : group) {
            check(q, "requires_any");
            if (q == d) throw ValidationError(fmt::format("select_portfolio(): '{}' requires one of a group that holds itself", p.id(d)));
            if (!members.insert(q).second)
                throw ValidationError(fmt::format("select_portfolio(): '{}' requires one of a group naming '{}' twice", p.id(d), p.id(q)));
        }
    }
    for (std::size_t k = 0; k < p.excludes.size(); ++k) {
        std::set<Index> members;
        for (Index i : p.excludes[k]) {
            check(i, "excludes");
            // A group naming one initiative twice reads as "at most one of i and i": refused, not taken as "i is forbidden".
            if (!members.insert(i).second)
                throw ValidationError(fmt::format("select_portfolio(): exclusion group {} names '{}' twice; give each member once",
                                                  k, p.id(i)));
        }
    }
    for (Index i : p.forced_in) check(i, "forced-in");
    for (Index i : p.forced_out) check(i, "forced-out");
    if (!(o.time_limit > 0)) throw ValidationError(fmt::format("select_portfolio(): time limit {} s, expected > 0", o.time_limit));
    if (o.gomory_rounds < 0)
        throw ValidationError(fmt::format("select_portfolio(): gomory_rounds {}, expected >= 0 (0: no Gomory cuts)", o.gomory_rounds));
    if (o.node_cut_rounds < 0)
        throw ValidationError(fmt::format("select_portfolio(): node_cut_rounds {}, expected >= 0 (0: no cuts in the tree)", o.node_cut_rounds));
    if (o.node_limit < 0) throw ValidationError(fmt::format("select_portfolio(): node limit {}, expected >= 0", o.node_limit));
    if (!p.ids.empty() && static_cast<Index>(p.ids.size()) != n)
        throw ValidationError(fmt::format("select_portfolio(): {} ids for {} initiatives; give one per initiative (or none)", p.ids.size(), n));
    if (!p.budget_names.empty() && static_cast<Index>(p.budget_names.size()) != m)
        throw ValidationError(fmt::format("select_portfolio(): {} budget names for {} budgets; give one per budget (or none)",
                                          p.budget_names.size(), m));
    // The LP's tableau (rows x (columns + rows), kept with a copy at the root and one for
    // strong branching) grows with the budget rows: refused before the search allocates it.
    {
        const double rows = static_cast<double>(m) + static_cast<double>(p.excludes.size());
        detail::check_memory(fmt::format("select_portfolio(): the LP relaxation of {} initiatives x {} budget rows", n, m),
                             3.0 * sizeof(double) * rows * (static_cast<double>(n) + rows));
    }
    SelectionResult result;
    // One clock for the call: the search has 90% of the time limit when an explanation
    // follows, the explanation the rest; a stop asked for ends both.
    detail::Limits search_limits(o.explain ? 0.9 * o.time_limit : o.time_limit, o.node_limit, &o.cancel, start);
    detail::Limits explain_limits(o.time_limit, o.node_limit, &o.cancel, start);
    if (n == 0) {  // nothing to choose
        result.proven = true;
        result.budget_use = Eigen::VectorXd::Zero(m);
        result.slack = p.budgets;
    } else {
        detail::Search s(p, o, memory, search_limits);
        result = s.run();
    }
    explain_limits.interrupted_by(search_limits);
    if (o.explain) detail::explain_within(p, result, explain_limits);
    result.seconds = explain_limits.seconds();
    static_cast<SelectionLabels&>(result) = p;
    result.values = p.values;
    result.budgets = p.budgets;
    return result;
}

}  // namespace aligngraph
