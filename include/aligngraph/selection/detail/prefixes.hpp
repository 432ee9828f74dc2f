#pragma once
// Which of a family of sequences are prefixes of which, each question in constant time: the
// sequences in a trie, a prefix being an ancestor (preorder numbers and subtree sizes).
// Not public API.

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "aligngraph/types.hpp"

namespace aligngraph::detail {

class Prefixes {
public:
    // Built in time linear in the sequences' total length.
    explicit Prefixes(const std::vector<const std::vector<Index>*>& sequences) : end_(sequences.size()) {
        std::unordered_map<Edge, std::uint32_t, EdgeHash> edge;  // (node, next value) -> child
        std::vector<std::uint32_t> parent{0};
        for (std::size_t s = 0; s < sequences.size(); ++s) {
            std::uint32_t node = 0;
            for (Index v : *sequences[s]) {
                const auto [it, added] = edge.try_emplace(Edge{node, v}, static_cast<std::uint32_t>(parent.size()));
                if (added) parent.push_back(node);
                node = it->second;
            }
            end_[s] = node;
        }
        // A node is made after its parent: subtree sizes from the last node back, then
        // preorder numbers from the first on (each child after its earlier siblings' subtrees).
        size_.assign(parent.size(), 1);
        for (std::size_t u = parent.size() - 1; u > 0; --u) size_[parent[u]] += size_[u];
        first_.assign(parent.size(), 0);
        std::vector<std::uint32_t> next(parent.size(), 1);  // the preorder number of a node's next child
        for (std::size_t u = 1; u < parent.size(); ++u) {
            first_[u] = next[parent[u]];
            next[parent[u]] += size_[u];
            next[u] = first_[u] + 1;
        }
    }

    // Sequence a is a prefix of sequence b (equal included).
    bool prefix(std::size_t a, std::size_t b) const {
        const auto u = end_[a], v = end_[b];
        return first_[u] <= first_[v] && first_[v] < first_[u] + size_[u];
    }

private:
    struct Edge {
        std::uint32_t node;
        Index value;
        bool operator==(const Edge&) const = default;
    };
    struct EdgeHash {
        std::size_t operator()(const Edge& e) const {
            return static_cast<std::size_t>((static_cast<std::uint64_t>(e.node) * 0x9E3779B97F4A7C15ull) ^ static_cast<std::uint64_t>(e.value));
        }
    };
    std::vector<std::uint32_t> end_;    // per sequence: its node
    std::vector<std::uint32_t> first_;  // per node: its preorder number
    std::vector<std::uint32_t> size_;   // per node: the nodes of its subtree
};

}  // namespace aligngraph::detail
