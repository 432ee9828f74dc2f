#pragma once
// The links of a selection problem as adjacency lists per initiative. Not public API.

#include <vector>

#include "aligngraph/selection/knapsack.hpp"

namespace aligngraph::detail {

struct SelectionLinks {
    std::vector<std::vector<Index>> prerequisites;  ///< what each initiative requires
    std::vector<std::vector<Index>> dependants;     ///< what requires each initiative
    std::vector<std::vector<Index>> alternatives;   ///< the other members of its excludes groups

    explicit SelectionLinks(const SelectionProblem& p)
        : prerequisites(static_cast<std::size_t>(p.values.size())),
          dependants(static_cast<std::size_t>(p.values.size())),
          alternatives(static_cast<std::size_t>(p.values.size())) {
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

}  // namespace aligngraph::detail
