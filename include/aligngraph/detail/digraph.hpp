#pragma once
// Boost.Graph adapter: a directed graph over dense indices, stored as compressed sparse
// rows (built in one pass from an edge list, cache-friendly to traverse), and the few
// algorithms the model needs. Not public API.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_DETAIL_DIGRAPH
#endif

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aligngraph/export.hpp"

namespace aligngraph::detail {

using Csr = boost::compressed_sparse_row_graph<boost::directedS>;

/// A graph of n vertices and its (from, to) edges; the reverse graph is built on demand.
struct Digraph {
    std::size_t n = 0;
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    Csr forward;
};

/// A graph of n vertices and the given (from, to) edges.
Digraph make_digraph(std::size_t n, std::vector<std::pair<std::size_t, std::size_t>> edges);

/// A cycle as vertices v0 -> v1 -> ... -> v0 (first repeated), or nothing. Deterministic.
std::optional<std::vector<std::size_t>> find_cycle(const Digraph& g);

/// Vertices so that every edge's target comes before its source (edges point to
/// what must come first). Requires an acyclic graph.
std::vector<std::size_t> targets_first_order(const Digraph& g);

/// Every vertex reachable from `from` (excluded), following edges forward or backward; sorted.
std::vector<std::size_t> reachable(const Digraph& g, std::size_t from, bool backward);

/// The names of the vertices along a path.
template <class IdOf>
inline std::vector<std::string> ids_of(const std::vector<std::size_t>& path, IdOf id_of) {
    std::vector<std::string> out;
    for (auto v : path) out.push_back(id_of(v));
    return out;
}

/// A cycle among n vertices and (from, to) edges, by name (first repeated at the end), or
/// empty when there is none: for the error that names it.
template <class IdOf>
inline std::vector<std::string> named_cycle(std::size_t n, std::vector<std::pair<std::size_t, std::size_t>> edges, IdOf id_of) {
    const auto cycle = find_cycle(make_digraph(n, std::move(edges)));
    return cycle ? ids_of(*cycle, id_of) : std::vector<std::string>{};
}

}  // namespace aligngraph::detail

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_MODEL_GRAPH
#ifdef ALIGNGRAPH_OUTERMOST_DETAIL_DIGRAPH
#undef ALIGNGRAPH_OUTERMOST_DETAIL_DIGRAPH
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
