#pragma once
// Disjunctive reasoning for the precedence tree: which jobs can never run at once, and edge
// finding over such a set. Not public API.

#include "aligngraph/schedule/detail/search.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

namespace aligngraph::detail {

/// Cliques of jobs no two of which can run at once, for disjunctive reasoning: a pair is in
/// conflict when one must finish before the other starts (prerequisites, transitively: lags
/// are never negative) or when their least uses of some resource exceed its largest
/// capacity. Greedy, from each job (longest first), adding the longest jobs in conflict with
/// all so far; those of three or more jobs, each once. Jobs whose use outlasts their duration
/// are left out.
ALIGNGRAPH_INLINE std::vector<std::vector<int>> sched_cliques(const SchedInstance& in) {
    const int n = in.n;
    const std::size_t words = (static_cast<std::size_t>(n) + 63) / 64;
    using Bits = std::vector<std::uint64_t>;
    const auto has = [](const Bits& b, int k) { return (b[k / 64] >> (k % 64)) & 1; };
    const auto put = [](Bits& b, int k) { b[k / 64] |= std::uint64_t{1} << (k % 64); };
    std::vector<char> ok(n);
    for (int j = 0; j < n; ++j) ok[j] = in.duration[j] > 0 && in.span[j] == in.duration[j];
    // after[j]: the jobs that start only after j finishes (its dependants, transitively).
    std::vector<Bits> after(n, Bits(words, 0));
    for (auto it = in.order.rbegin(); it != in.order.rend(); ++it) {
        const int j = *it;
        for (auto [d, lag] : in.succs[j]) {
            put(after[j], d);
            for (std::size_t w = 0; w < words; ++w) after[j][w] |= after[d][w];
        }
    }
    std::vector<double> least(static_cast<std::size_t>(n) * in.resources, 0.0), most(in.resources, 0.0);
    for (int r = 0; r < in.resources; ++r)
        for (int t = 0; t < in.horizon; ++t) most[r] = std::max(most[r], in.cap(r, t));
    for (int j = 0; j < n; ++j)
        if (ok[j])
            for (int r = 0; r < in.resources; ++r) {
                double u = std::numeric_limits<double>::infinity();
                for (int k = 0; k < in.duration[j]; ++k) u = std::min(u, in.used(j, r, k));
                least[static_cast<std::size_t>(j) * in.resources + r] = u;
            }
    std::vector<Bits> conflict(n, Bits(words, 0));
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) {
            if (!ok[i] || !ok[j]) continue;
            bool c = has(after[i], j) || has(after[j], i);
            for (int r = 0; r < in.resources && !c; ++r) {
                const double both = least[static_cast<std::size_t>(i) * in.resources + r] +
                                    least[static_cast<std::size_t>(j) * in.resources + r];
                c = both > most[r] + 1e-9 * std::max(1.0, most[r]);
            }
            if (c) {
                put(conflict[i], j);
                put(conflict[j], i);
            }
        }
    std::vector<int> by_length(n);
    std::iota(by_length.begin(), by_length.end(), 0);
    std::stable_sort(by_length.begin(), by_length.end(), [&](int a, int b) { return in.duration[a] > in.duration[b]; });
    std::vector<std::vector<int>> cliques;
    for (int s : by_length) {
        if (!ok[s]) continue;
        std::vector<int> clique{s};
        Bits common = conflict[s];  // in conflict with every member so far
        for (int j : by_length)
            if (has(common, j)) {
                clique.push_back(j);
                for (std::size_t w = 0; w < words; ++w) common[w] &= conflict[j][w];
            }
        if (clique.size() < 3) continue;
        std::sort(clique.begin(), clique.end());
        if (std::find(cliques.begin(), cliques.end(), clique) == cliques.end()) cliques.push_back(std::move(clique));
    }
    return cliques;
}

/// Edge finding on one machine (Carlier & Pinson 1989; the O(k^2) form of Baptiste, Le Pape
/// & Nuijten 2001, section 2.1.3): k jobs no two of which run at once, each in its window
/// [est, lct) for p periods. A job that would end past the window of a set of the others if
/// it ran before all of them, or among them, must run after them all: its head moves to the
/// set's earliest completion. `raised` gets every job's head (>= est). False when a set of
/// jobs needs more time than its window holds.
ALIGNGRAPH_INLINE bool sched_edge_finding(int k, const int* est, const int* lct, const int* p, int* raised,
                                          SchedEdgeScratch& scratch) {
    auto& order = scratch.order;
    auto& completion = scratch.completion;
    order.resize(k);
    completion.resize(k);
    std::iota(order.begin(), order.end(), 0);
    for (int a = 1; a < k; ++a)  // by est, ties by position: insertion sort (short lists)
        for (int b = a; b > 0 && est[order[b]] < est[order[b - 1]]; --b) std::swap(order[b], order[b - 1]);
    std::copy(est, est + k, raised);
    constexpr int none = std::numeric_limits<int>::min();
    for (int x = 0; x < k; ++x) {
        // Omega: the jobs whose windows end by x's. Latest first: P, their work from this
        // place in the order on; C, the earliest completion of such a tail of Omega.
        const int end = lct[x];
        int P = 0, C = none;
        for (int at = k - 1; at >= 0; --at) {
            const int i = order[at];
            if (lct[i] <= end) {
                P += p[i];
                C = std::max(C, est[i] + P);
                if (C > end) return false;
            }
            completion[i] = C;
        }
        // Earliest first, P now Omega's work from this place on; H, the most that an earlier
        // start plus the work of Omega's jobs from there reaches.
        int H = none;
        for (int at = 0; at < k; ++at) {
            const int i = order[at];
            if (lct[i] <= end) {
                H = std::max(H, est[i] + P);
                P -= p[i];
            } else {
                // i first, then the later part of Omega, ends past the window: i after that part.
                if (est[i] + P + p[i] > end && completion[i] > raised[i]) raised[i] = completion[i];
                // An earlier part of Omega with i among it does not fit: i after all of Omega.
                if (H != none && H + p[i] > end && C > raised[i]) raised[i] = C;
            }
        }
    }
    return true;
}

}  // namespace aligngraph::detail
