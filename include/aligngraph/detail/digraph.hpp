#pragma once
// Boost.Graph adapter: a directed graph over dense indices and the few algorithms
// the model needs. Not public API.

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace aligngraph::detail {

using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

/// A graph of n vertices and the given (from, to) edges.
Digraph make_digraph(std::size_t n, const std::vector<std::pair<std::size_t, std::size_t>>& edges);

/// A cycle as vertices v0 -> v1 -> ... -> v0 (first repeated), or nothing. Deterministic.
std::optional<std::vector<std::size_t>> find_cycle(const Digraph& g);

/// Vertices so that every edge's target comes before its source (edges point to
/// what must come first). Requires an acyclic graph.
std::vector<std::size_t> targets_first_order(const Digraph& g);

/// Every vertex reachable from `from` (excluded), following edges forward or backward; sorted.
std::vector<std::size_t> reachable(const Digraph& g, std::size_t from, bool backward);

}  // namespace aligngraph::detail
