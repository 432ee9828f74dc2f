#pragma once
// Graph queries over goals and `requires` links, on Boost.Graph behind detail/.

#include "aligngraph/model/graph.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <iterator>

#include "aligngraph/detail/digraph.hpp"

namespace aligngraph {

namespace detail {

ALIGNGRAPH_INLINE Digraph make_digraph(std::size_t n, std::vector<std::pair<std::size_t, std::size_t>> edges) {
    Digraph g;
    g.n = n;
    g.forward = Csr(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), n);
    g.edges = std::move(edges);
    return g;
}



// Records the DFS tree and the first back edge, which closes a cycle.
struct CycleFinder : boost::default_dfs_visitor {
    std::vector<std::size_t>* parent;
    std::optional<std::pair<std::size_t, std::size_t>>* back;
    template <class Edge, class Graph>
    void tree_edge(Edge e, const Graph& g) const {
        (*parent)[target(e, g)] = source(e, g);
    }
    template <class Edge, class Graph>
    void back_edge(Edge e, const Graph& g) const {
        if (!*back) *back = std::pair{static_cast<std::size_t>(source(e, g)), static_cast<std::size_t>(target(e, g))};
    }
};



ALIGNGRAPH_INLINE std::optional<std::vector<std::size_t>> find_cycle(const Digraph& g) {
    const auto n = g.n;
    std::vector<std::size_t> parent(n, n);
    std::optional<std::pair<std::size_t, std::size_t>> back;
    std::vector<boost::default_color_type> color(n);
    boost::depth_first_search(g.forward, boost::visitor(detail::CycleFinder{{}, &parent, &back})
                                             .color_map(boost::make_iterator_property_map(
                                                 color.begin(), get(boost::vertex_index, g.forward))));
    if (!back) return std::nullopt;
    // The back edge u -> v closes the tree path v -> ... -> u.
    const auto [u, v] = *back;
    std::vector<std::size_t> path{u};
    for (auto w = u; w != v; path.push_back(w)) w = parent[w];
    std::reverse(path.begin(), path.end());
    path.push_back(v);
    return path;
}

ALIGNGRAPH_INLINE std::vector<std::size_t> targets_first_order(const Digraph& g) {
    std::vector<std::size_t> order;
    order.reserve(g.n);
    std::vector<boost::default_color_type> color(g.n);
    // topological_sort emits vertices in reverse topological order: each vertex after
    // every vertex its edges point to.
    boost::topological_sort(g.forward, std::back_inserter(order),
                            boost::color_map(boost::make_iterator_property_map(color.begin(),
                                                                               get(boost::vertex_index, g.forward))));
    return order;
}

ALIGNGRAPH_INLINE std::vector<std::size_t> reachable(const Digraph& g, std::size_t from, bool backward) {
    const auto n = g.n;
    std::vector<boost::default_color_type> color(n, boost::white_color);
    auto search = [&](const Csr& graph) {
        boost::breadth_first_visit(graph, from,
                                   boost::color_map(boost::make_iterator_property_map(color.begin(),
                                                                                      get(boost::vertex_index, graph))));
    };
    if (backward) {
        std::vector<std::pair<std::size_t, std::size_t>> reversed;
        reversed.reserve(g.edges.size());
        for (auto [a, b] : g.edges) reversed.emplace_back(b, a);
        search(Csr(boost::edges_are_unsorted_multi_pass, reversed.begin(), reversed.end(), n));
    } else {
        search(g.forward);
    }
    std::vector<std::size_t> out;
    for (std::size_t v = 0; v < n; ++v)
        if (v != from && color[v] != boost::white_color) out.push_back(v);
    return out;
}

}  // namespace detail

namespace detail {

using Edges = std::vector<std::pair<std::size_t, std::size_t>>;

// Edges dependant -> prerequisite: they point to what must come first.
inline detail::Digraph requires_graph(const Portfolio& p) {
    Edges edges;
    edges.reserve(p.requirements().size());
    for (const auto& r : p.requirements())
        edges.emplace_back(static_cast<std::size_t>(r.dependant), static_cast<std::size_t>(r.prerequisite));
    return detail::make_digraph(static_cast<std::size_t>(p.initiative_count()), std::move(edges));
}

// Edges child -> parent: they point to what must come first.
inline detail::Digraph goal_graph(const Portfolio& p) {
    Edges edges;
    edges.reserve(p.goal_links().size());
    for (const auto& l : p.goal_links())
        edges.emplace_back(static_cast<std::size_t>(l.child), static_cast<std::size_t>(l.parent));
    return detail::make_digraph(static_cast<std::size_t>(p.goal_count()), std::move(edges));
}

inline std::vector<Index> to_index(const std::vector<std::size_t>& v) { return {v.begin(), v.end()}; }

inline void check_initiative(const Portfolio& p, Index i, const char* fn) {
    if (i < 0 || i >= p.initiative_count())
        throw ValidationError(fmt::format("{}(): initiative index {} out of range [0, {})", fn, i, p.initiative_count()));
}

}  // namespace detail

ALIGNGRAPH_INLINE std::optional<std::vector<std::string>> find_requires_cycle(const Portfolio& p) {
    auto cycle = detail::find_cycle(detail::requires_graph(p));
    if (!cycle) return std::nullopt;
    return detail::ids_of(*cycle, [&](std::size_t v) { return p.initiative_ids()[v]; });
}

ALIGNGRAPH_INLINE std::optional<std::vector<std::string>> find_goal_cycle(const Portfolio& p) {
    auto cycle = detail::find_cycle(detail::goal_graph(p));
    if (!cycle) return std::nullopt;
    // The search walks child -> parent; report parent -> child.
    std::reverse(cycle->begin(), cycle->end());
    return detail::ids_of(*cycle, [&](std::size_t v) { return p.goal(static_cast<Index>(v)).id; });
}

ALIGNGRAPH_INLINE std::vector<Index> topological_order(const Portfolio& p) {
    auto g = detail::requires_graph(p);
    if (auto cycle = detail::find_cycle(g)) {
        auto ids = detail::ids_of(*cycle, [&](std::size_t v) { return p.initiative_ids()[v]; });
        auto what = fmt::format("topological_order(): requires cycle: {}", fmt::join(ids, " -> "));
        throw CycleError(std::move(what), std::move(ids));
    }
    return detail::to_index(detail::targets_first_order(g));
}

ALIGNGRAPH_INLINE std::vector<Index> goal_order(const Portfolio& p) {
    auto g = detail::goal_graph(p);
    if (auto cycle = find_goal_cycle(p)) {
        auto what = fmt::format("goal_order(): goal cycle: {}", fmt::join(*cycle, " -> "));
        throw CycleError(std::move(what), std::move(*cycle));
    }
    return detail::to_index(detail::targets_first_order(g));
}

ALIGNGRAPH_INLINE std::vector<Index> prerequisites(const Portfolio& p, Index i) {
    detail::check_initiative(p, i, "prerequisites");
    return detail::to_index(detail::reachable(detail::requires_graph(p), static_cast<std::size_t>(i), false));
}

ALIGNGRAPH_INLINE std::vector<Index> dependants(const Portfolio& p, Index i) {
    detail::check_initiative(p, i, "dependants");
    return detail::to_index(detail::reachable(detail::requires_graph(p), static_cast<std::size_t>(i), true));
}

ALIGNGRAPH_INLINE CancellationImpact cancellation_impact(const Portfolio& p, Index i) {
    CancellationImpact impact{i, dependants(p, i), {}};
    std::vector<char> lost(static_cast<std::size_t>(p.initiative_count()), 0);
    lost[i] = 1;
    for (Index d : impact.stranded) lost[d] = 1;

    std::vector<double> lost_strength(static_cast<std::size_t>(p.goal_count()), 0.0);
    std::vector<double> kept_strength(static_cast<std::size_t>(p.goal_count()), 0.0);
    std::vector<char> touched(static_cast<std::size_t>(p.goal_count()), 0);
    std::vector<int> kept_count(static_cast<std::size_t>(p.goal_count()), 0);
    for (const auto& c : p.contributions()) {
        if (lost[c.initiative]) {
            lost_strength[c.goal] += c.strength;
            touched[c.goal] = 1;
        } else {
            kept_strength[c.goal] += c.strength;
            if (c.strength > 0) ++kept_count[c.goal];
        }
    }
    for (Index g = 0; g < p.goal_count(); ++g)
        if (touched[g]) impact.goals.push_back({g, lost_strength[g], kept_strength[g], kept_count[g] == 0});
    return impact;
}

}  // namespace aligngraph
