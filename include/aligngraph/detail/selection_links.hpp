#pragma once
// The links of a selection problem as adjacency lists per initiative. Not public API.

#include <span>
#include <vector>

#include "aligngraph/selection/knapsack.hpp"

namespace aligngraph::detail {

struct SelectionLinks {
    std::vector<std::vector<Index>> prerequisites;  ///< what each initiative requires
    std::vector<std::vector<Index>> dependants;     ///< what requires each initiative
    std::vector<std::vector<Index>> alternatives;   ///< the other members of its excludes groups
    std::vector<std::vector<Index>> any_of;         ///< the requires_any links (indices) it is the dependant of
    std::vector<std::vector<Index>> any_in;         ///< the requires_any links (indices) it is a member of

    explicit SelectionLinks(const SelectionProblem& p)
        : prerequisites(static_cast<std::size_t>(p.values.size())),
          dependants(static_cast<std::size_t>(p.values.size())),
          alternatives(static_cast<std::size_t>(p.values.size())),
          any_of(static_cast<std::size_t>(p.values.size())),
          any_in(static_cast<std::size_t>(p.values.size())) {
        for (std::size_t l = 0; l < p.requires_any.size(); ++l) {
            any_of[static_cast<std::size_t>(p.requires_any[l].first)].push_back(static_cast<Index>(l));
            for (Index q : p.requires_any[l].second) any_in[static_cast<std::size_t>(q)].push_back(static_cast<Index>(l));
        }
        for (auto [d, q] : p.requires_links) {
            prerequisites[static_cast<std::size_t>(d)].push_back(q);
            dependants[static_cast<std::size_t>(q)].push_back(d);
        }
        for (const auto& g : p.excludes)
            for (Index a : g)
                for (Index b : g)
                    if (a != b) alternatives[static_cast<std::size_t>(a)].push_back(b);
    }
};

/// Every initiative reached from `from` over `links` (an adjacency list: prerequisites,
/// dependants...), following only the ones `take` accepts: `from` first, then in the order
/// reached, each once. The one transitive closure of the solver, its explanations and the
/// Reoptimizer's repairs.
template <class Take>
std::vector<Index> reach(std::span<const Index> from, const std::vector<std::vector<Index>>& links, Take take) {
    std::vector<Index> out;
    std::vector<char> seen(links.size(), 0);
    for (Index i : from)
        if (!seen[static_cast<std::size_t>(i)]) {
            seen[static_cast<std::size_t>(i)] = 1;
            out.push_back(i);
        }
    for (std::size_t c = 0; c < out.size(); ++c)
        for (Index q : links[static_cast<std::size_t>(out[c])])
            if (!seen[static_cast<std::size_t>(q)] && take(q)) {
                seen[static_cast<std::size_t>(q)] = 1;
                out.push_back(q);
            }
    return out;
}

/// reach() from one initiative.
template <class Take>
std::vector<Index> reach(Index from, const std::vector<std::vector<Index>>& links, Take take) {
    return reach(std::span<const Index>(&from, 1), links, take);
}

}  // namespace aligngraph::detail
