#pragma once
// Robust Portfolio Modeling (rpm-inl.hpp prepares the input): the non-dominated
// portfolios, f_k(x) = sum_i w^k.v_i x_i for each extreme weight w^k, over the portfolios
// that fit every budget row, requires and excludes, each score v_i within [low, high].
//
// Found by a depth-first branch and bound over the initiatives in rpm()'s order (every
// prerequisite before its dependants), "in" before "out". The candidates are the complete
// portfolios met so far that none of the others dominates. A leaf joins the candidates
// unless one of them dominates it, and drops the ones it dominates. A node is dropped when
// no completion of it can be non-dominated:
//
// With exact scores (every interval a point) dominance is the Pareto order of the K
// objectives. The region no candidate dominates is kept as a union of corners,
// {y : y >= corner} (Klamroth, Lacour & Vanderpooten 2015, "On the representation of the
// search region in multi-objective optimization", EJOR 245), and a node is dropped when
// its box of upper bounds (the most each objective can still reach in its subtree) lies
// below every corner in some objective, or in the sum of the objectives (a point of a
// corner's region sums to at least the corner's sum).
//
// With interval scores, p dominates q when low over p \ q >= high over q \ p for every k
// (rpm.hpp), which depends on what the two share, so there are no corners: a node is
// dropped when one candidate dominates every completion (hopeless()), the candidates in a
// k-d tree on their low values, with a count of the taken members a candidate (or all of
// a subtree's) lacks as the first test of the widths it shares.
//
// Swaps: where initiative i at its low scores is worth at least as much as j at its high
// ones under every extreme weight (at its high more than j at its low under one) and costs
// no more in any row, a portfolio with j and without i is dominated by
// the one with i instead of j, if that one is feasible: it is when i needs nothing and is in
// no excludes group, and nothing needs j. So "i out" keeps such a j out and "j in" keeps such
// an i in. Only strictly better ones: portfolios that merely tie are all kept.
//
// Every non-dominated portfolio is reached (nothing dominates it, so neither a bound nor a
// swap drops it) and every candidate left at the end is non-dominated (anything dominating it
// was reached, or dropped by a candidate or a swap that also dominates it).
//
// On several threads (run_parallel()) workers search subtrees, each with its own candidates
// (what the others find joins them every 1024 nodes); the same argument holds for each
// worker's subtree, so the workers' candidates joined are the same answer.
//
// An objective's upper bound at a node is the least over a few single rows (the two most
// binding budget rows, mixes of the two, and with more rows their sum, each over its limit)
// of the exact knapsack of the later initiatives at their high scores in that row: a table per row over each
// suffix of the order and the room in whole cells of the room at the start (costs rounded
// down, room rounded down: whatever fits the row fits in cells), each cell holding every
// objective's value and their sum as floats rounded up, so a node's bounds are a cache line
// per row. The tables know part of the requires: an initiative left out keeps out the
// run of initiatives right after it in the order that need it (rpm() puts dependants right
// after their last prerequisite). Where the tables would take more than `table_bytes`, the fractional
// knapsack of the later initiatives that could still join in each row instead.

#include <Eigen/Core>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <bit>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "aligngraph/detail/limits.hpp"
#include "aligngraph/error.hpp"
#include "aligngraph/types.hpp"

namespace aligngraph::detail {

/// What the search needs, prepared by rpm(): the undecided initiatives in their order of
/// decision (every prerequisite before its dependants), the decided ones as a base.
struct RpmSearchInput {
    Index n = 0, K = 0, R = 0;
    const std::vector<double>* value = nullptr;  ///< n x K row-major: each initiative's value under each extreme weight (at the low scores)
    const std::vector<double>* high = nullptr;   ///< the same at the high scores; null (or equal) with exact scores
    const Eigen::MatrixXd* costs = nullptr;      ///< n x R, every cost >= 0
    std::vector<double> limit;                   ///< R: each row's limit, rounding allowed for
    std::vector<Index> order;                    ///< the undecided initiatives, prerequisites first
    std::vector<std::vector<Index>> prereqs;     ///< per initiative
    std::vector<std::vector<Index>> dependants;  ///< per initiative
    const std::vector<std::vector<Index>>* excludes = nullptr;
    std::vector<std::vector<Index>> groups_of;   ///< per initiative: its excludes groups
    std::vector<std::uint64_t> base_bits;        ///< the initiatives forced in
    std::vector<double> base_cost;               ///< R: what they use
    std::vector<std::vector<std::uint64_t>> seeds;  ///< feasible portfolios known at the start
    double eps = 0;                              ///< sums closer than this are ties
    long long candidate_limit = 0;               ///< most candidates kept at once
    double table_bytes = 64e6;                   ///< memory for the bound tables at most
    int threads = 1;                             ///< workers of the search (run_parallel())
};

struct RpmSearchOutput {
    std::vector<std::vector<std::uint64_t>> portfolios;  ///< the non-dominated portfolios
    std::vector<std::vector<double>> values, highs;      ///< each one's K values at the low and the high scores
    long long nodes = 0, peak = 0;
};

class RpmSearch {
public:
    RpmSearch(const RpmSearchInput& in, Limits& limits) : in_(in), limits_(limits) {}

    RpmSearchOutput run() {
        setup();
        for (const auto& s : in_.seeds) offer(s, values_of(s));
        if (in_.threads > 1) {
            run_parallel(in_.threads);
        } else {
            std::vector<char> in_taken(at(m_) + 1, 0);  // at each depth: the decision was "in"
            search(0, in_taken);
        }
        RpmSearchOutput out;
        out.portfolios = std::move(cand_bits_);
        out.values = std::move(cand_values_);
        out.highs = std::move(cand_highs_);
        out.nodes = nodes_;
        out.peak = peak_;
        return out;
    }

private:
    using Size = std::size_t;
    static Size at(Index i) { return static_cast<Size>(i); }
    static bool has(const std::vector<std::uint64_t>& bits, Index i) { return (bits[at(i / 64)] >> (i % 64)) & 1U; }
    // The bits set in x, inline: std::popcount is a library call without the popcnt
    // instruction, which the portable build does not assume.
    static Size ones(std::uint64_t x) {
#ifdef __POPCNT__
        return static_cast<Size>(std::popcount(x));
#else
        x -= (x >> 1) & 0x5555555555555555U;
        x = (x & 0x3333333333333333U) + ((x >> 2) & 0x3333333333333333U);
        x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fU;
        return static_cast<Size>((x * 0x0101010101010101U) >> 56);
#endif
    }
    // How many of the taken set's members `other` lacks.
    Size missing_from(const std::uint64_t* other) const {
        Size count = 0;
        for (Size w = 0; w < bits_.size(); ++w) count += ones(bits_[w] & ~other[w]);
        return count;
    }
    double v(Index i, Index k) const { return (*in_.value)[at(i * in_.K + k)]; }
    double vh(Index i, Index k) const { return (*high_)[at(i * in_.K + k)]; }
    double c(Index i, Index r) const { return (*in_.costs)(i, r); }

    // A portfolio's K values, from the values at the low scores or at the high ones (n x K).
    std::vector<double> sum_of(const std::vector<std::uint64_t>& bits, const std::vector<double>& values) const {
        std::vector<double> f(at(in_.K), 0.0);
        for (Index i = 0; i < in_.n; ++i)
            if (has(bits, i))
                for (Index k = 0; k < in_.K; ++k) f[at(k)] += values[at(i * in_.K + k)];
        return f;
    }
    std::vector<double> values_of(const std::vector<std::uint64_t>& bits) const { return sum_of(bits, *in_.value); }
    std::vector<double> highs_of(const std::vector<std::uint64_t>& bits) const { return sum_of(bits, *high_); }

    // With interval scores (rpm.hpp): p dominates q when for every extreme weight k its worst
    // case beats q's best case on what differs, low over p \ q >= high over q \ p, and for
    // one k its best case beats q's worst, high over p \ q > low over q \ p. The members
    // both hold cancel out, whatever their scores.
    bool dominates_bits(const std::vector<std::uint64_t>& p, const std::vector<std::uint64_t>& q) const {
        bool strict = false;
        for (Index k = 0; k < in_.K; ++k) {
            double worst = 0, best = 0;
            for (Size w = 0; w < p.size(); ++w) {
                for (std::uint64_t x = p[w] & ~q[w]; x; x &= x - 1) {
                    const Index i = static_cast<Index>(w * 64) + std::countr_zero(x);
                    worst += v(i, k), best += vh(i, k);
                }
                for (std::uint64_t x = q[w] & ~p[w]; x; x &= x - 1) {
                    const Index i = static_cast<Index>(w * 64) + std::countr_zero(x);
                    worst -= vh(i, k), best -= v(i, k);
                }
            }
            if (worst < -in_.eps) return false;
            strict = strict || best > in_.eps;
        }
        return strict;
    }

    // Whether candidate t dominates the portfolio (bits, f at the low scores, h at the high
    // ones), or that portfolio candidate t. With intervals, p dominating q has p's values at
    // least q's (less eps) at the low and at the high scores (what differs is worth at least
    // as much at its worst, so at its best): a test of the values first.
    bool dominates(Size t, const std::vector<std::uint64_t>& bits, const std::vector<double>& f, const std::vector<double>& h,
                   bool candidate_first) const {
        const double *fp = cand_values_[t].data(), *fq = f.data();
        if (!candidate_first) std::swap(fp, fq);
        if (!interval_) return dominates(fp, fq);
        const double *hp = cand_highs_[t].data(), *hq = h.data();
        if (!candidate_first) std::swap(hp, hq);
        for (Index k = 0; k < in_.K; ++k)
            if (fp[k] < fq[k] - in_.eps || hp[k] < hq[k] - in_.eps) return false;
        return candidate_first ? dominates_bits(cand_bits_[t], bits) : dominates_bits(bits, cand_bits_[t]);
    }

    // p dominates q: >= in every objective, > in one (ties within eps).
    bool dominates(const double* p, const double* q) const {
        bool strict = false;
        for (Index k = 0; k < in_.K; ++k) {
            if (p[k] < q[k] - in_.eps) return false;
            strict = strict || p[k] > q[k] + in_.eps;
        }
        return strict;
    }

    // A complete feasible portfolio: dropped if a candidate dominates it (or is it), else it
    // joins (true), drops the candidates it dominates and splits the corners below it.
    bool offer(const std::vector<std::uint64_t>& bits, const std::vector<double>& f) {
        const std::vector<double> h = interval_ ? highs_of(bits) : f;
        for (Size t = 0; t < cand_bits_.size(); ++t)
            if (cand_bits_[t] == bits || dominates(t, bits, f, h, true)) return false;
        Size kept = 0;
        for (Size t = 0; t < cand_bits_.size(); ++t) {
            if (dominates(t, bits, f, h, false)) continue;
            if (kept != t)
                cand_bits_[kept] = std::move(cand_bits_[t]), cand_values_[kept] = std::move(cand_values_[t]),
                cand_highs_[kept] = std::move(cand_highs_[t]);
            ++kept;
        }
        cand_bits_.resize(kept), cand_values_.resize(kept), cand_highs_.resize(kept);
        cand_bits_.push_back(bits);
        cand_values_.push_back(f);
        cand_highs_.push_back(h);
        if (interval_) index_candidate();
        else add_corners(f);
        peak_ = std::max(peak_, static_cast<long long>(cand_bits_.size()));
        if (static_cast<long long>(cand_bits_.size()) > in_.candidate_limit)
            throw NoSolutionError(fmt::format("rpm(): state limit reached: more than {} non-dominated portfolios so far, after {} "
                                              "nodes of the search (raise the limit)", in_.candidate_limit, nodes_));
        return true;
    }

    // The corners after candidate f joined: a corner below f in every objective (its region
    // holds points f dominates) splits into K, each raised to f in one objective; a corner
    // >= another in every objective is dropped (the other's region holds its region). Only
    // the split ones can be: no corner is >= another before, and a kept corner u >= a split
    // one (l raised) would be >= l.
    void add_corners(const std::vector<double>& f) {
        const Size K = at(in_.K);
        std::vector<double> next;
        std::vector<char> split;
        next.reserve(corners_.size() + K * K);
        for (Size t = 0; t < corners_.size(); t += K) {
            const double* l = corners_.data() + t;
            bool below = true;
            for (Size k = 0; k < K && below; ++k) below = l[k] < f[k];
            if (!below) {
                next.insert(next.end(), l, l + K);
                split.push_back(0);
                continue;
            }
            for (Size k = 0; k < K; ++k) {
                const Size base = next.size();
                next.insert(next.end(), l, l + K);
                next[base + k] = f[k];
                split.push_back(1);
            }
        }
        const Size N = next.size() / K;
        std::vector<char> drop(N, 0);
        for (Size x = 0; x < N; ++x)
            for (Size y = 0; y < N && split[x] && !drop[x]; ++y) {
                if (x == y || drop[y]) continue;
                bool ge = true, same = true;
                for (Size k = 0; k < K && ge; ++k) {
                    ge = next[x * K + k] >= next[y * K + k];
                    same = same && next[x * K + k] == next[y * K + k];
                }
                if (ge && (!same || y < x)) drop[x] = 1;
            }
        corners_.clear();
        for (Size x = 0; x < N; ++x)
            if (!drop[x]) corners_.insert(corners_.end(), next.begin() + static_cast<std::ptrdiff_t>(x * K), next.begin() + static_cast<std::ptrdiff_t>((x + 1) * K));
        index_corners();
    }

    // Each corner's sum, less K eps, and the corners' k-d tree (hopeless()).
    void index_corners() {
        const Size K = at(in_.K), N = corners_.size() / K;
        corner_sum_.resize(N);
        for (Size t = 0; t < N; ++t)
            corner_sum_[t] = std::accumulate(corners_.begin() + static_cast<std::ptrdiff_t>(t * K), corners_.begin() + static_cast<std::ptrdiff_t>((t + 1) * K), 0.0) -
                             static_cast<double>(K) * in_.eps;
        build_tree();
    }

    // The corners as points p = (corner - eps, its sum less K eps) in a k-d tree, each node
    // with the least of every coordinate below it: a node is alive for some corner iff one
    // point is <= its bounds q = (the box, the sum's bound) in every coordinate, and a subtree
    // whose least is not <= q in some coordinate holds none.
    static constexpr Size leaf_size = 8;
    void build_tree() {
        const Size K = at(in_.K), N = corners_.size() / K;
        D_ = K + (T_ > in_.K ? 1 : 0);
        points_.assign(N * D_, 0.0);
        for (Size t = 0; t < N; ++t) {
            for (Size k = 0; k < K; ++k) points_[t * D_ + k] = corners_[t * K + k] - in_.eps;
            if (D_ > K) points_[t * D_ + K] = corner_sum_[t];
        }
        tree_min_.assign(4 * (N / leaf_size + 1) * D_, 0.0);
        if (N > 0) build_node(1, 0, N, 0);
    }

    void build_node(Size node, Size lo, Size hi, Size dim) {
        double* m = tree_min_.data() + node * D_;
        std::fill(m, m + D_, std::numeric_limits<double>::infinity());
        for (Size t = lo; t < hi; ++t)
            for (Size d = 0; d < D_; ++d) m[d] = std::min(m[d], points_[t * D_ + d]);
        if (hi - lo <= leaf_size) return;
        // Split at the middle by coordinate dim (whole points move).
        const Size mid = (lo + hi) / 2;
        std::vector<Size> ids(hi - lo);
        std::iota(ids.begin(), ids.end(), lo);
        std::nth_element(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(mid - lo), ids.end(),
                         [&](Size x, Size y) { return points_[x * D_ + dim] < points_[y * D_ + dim]; });
        std::vector<double> moved((hi - lo) * D_);
        for (Size t = 0; t < ids.size(); ++t) std::copy_n(points_.begin() + static_cast<std::ptrdiff_t>(ids[t] * D_), D_, moved.begin() + static_cast<std::ptrdiff_t>(t * D_));
        std::copy(moved.begin(), moved.end(), points_.begin() + static_cast<std::ptrdiff_t>(lo * D_));
        build_node(2 * node, lo, mid, (dim + 1) % D_);
        build_node(2 * node + 1, mid, hi, (dim + 1) % D_);
    }

    // Whether some point is <= q in every coordinate.
    bool any_below(Size node, Size lo, Size hi, const double* q) const {
        const double* m = tree_min_.data() + node * D_;
        for (Size d = 0; d < D_; ++d)
            if (q[d] < m[d]) return false;
        if (hi - lo <= leaf_size) {
            for (Size t = lo; t < hi; ++t) {
                const double* p = points_.data() + t * D_;
                bool all = true;
                for (Size d = 0; d < D_ && all; ++d) all = p[d] <= q[d];
                if (all) return true;
            }
            return false;
        }
        const Size mid = (lo + hi) / 2;
        return any_below(2 * node, lo, mid, q) || any_below(2 * node + 1, mid, hi, q);
    }

    void setup() {
        const Index n = in_.n, R = in_.R, K = in_.K;
        m_ = static_cast<Index>(in_.order.size());
        position_.assign(at(n), -1);
        for (Index j = 0; j < m_; ++j) position_[at(in_.order[at(j)])] = j;
        high_ = in_.high ? in_.high : in_.value;
        interval_ = *high_ != *in_.value;
        bits_ = in_.base_bits;
        used_ = in_.base_cost;
        val_ = values_of(bits_);
        valh_ = highs_of(bits_);
        // Each initiative's widths (high less low value) in a row of a multiple of four.
        width_row_ = (at(K) + 3) / 4 * 4;
        width_.assign(at(n) * width_row_, 0.0);
        least_width_.assign(at(K), std::numeric_limits<double>::infinity());
        for (Index i = 0; i < n; ++i)
            for (Index k = 0; k < K; ++k) {
                width_[at(i) * width_row_ + at(k)] = vh(i, k) - v(i, k);
                least_width_[at(k)] = std::min(least_width_[at(k)], vh(i, k) - v(i, k));
            }
        T_ = K > 1 ? K + 1 : K;
        upper_.assign(at(T_), 0.0);
        floor_.assign(at(K), 0.0);
        shared_.assign(at(K), 0.0);
        blocked_.assign(at(n), 0);
        corners_.assign(at(K), -std::numeric_limits<double>::infinity());
        index_corners();
        // The bound's rows: the two most binding (total cost over the limit), then mixes of
        // the two (each over its limit) and, with more rows, all of them added up.
        std::vector<Index> rows(at(R));
        std::iota(rows.begin(), rows.end(), Index{0});
        std::vector<double> load(at(R));
        for (Index r = 0; r < R; ++r) load[at(r)] = in_.costs->col(r).sum() / std::max(in_.limit[at(r)], 1e-12);
        std::stable_sort(rows.begin(), rows.end(), [&](Index x, Index y) { return load[at(x)] > load[at(y)]; });
        rows.resize(at(std::min<Index>(R, 2)));
        scale_.assign(at(R), 0.0);
        for (Index r = 0; r < R; ++r)
            if (in_.limit[at(r)] > 0) scale_[at(r)] = 1 / in_.limit[at(r)];
        for (Index r : rows) {
            std::vector<double> w(at(R), 0.0);
            w[at(r)] = 1;
            weights_.push_back(w);
        }
        if (R >= 2) {
            for (double share : {0.25, 0.5, 0.75}) {
                std::vector<double> w(at(R), 0.0);
                w[at(rows[0])] = share * scale_[at(rows[0])];
                w[at(rows[1])] = (1 - share) * scale_[at(rows[1])];
                weights_.push_back(w);
            }
            if (R > 2) weights_.push_back(scale_);
        }
        B_ = static_cast<Index>(weights_.size());
        bcost_.assign(at(n * B_), 0.0);
        for (Index i = 0; i < n; ++i)
            for (Index b = 0; b < B_; ++b) {
                double s = 0;
                for (Index r = 0; r < R; ++r) s += weights_[at(b)][at(r)] * c(i, r);
                bcost_[at(i * B_ + b)] = s;
            }
        find_swaps();
        if (!build_tables()) {
            // Per objective and row, the later initiatives worth something by value per cost.
            sorted_.assign(at(K * B_), {});
            for (Index k = 0; k < K; ++k)
                for (Index b = 0; b < B_; ++b) {
                    auto& list = sorted_[at(k * B_ + b)];
                    for (Index i : in_.order)
                        if (vh(i, k) > 0) list.push_back(i);
                    const auto ratio = [&](Index i) {
                        const double cost = bcost_[at(i * B_ + b)];
                        return cost > 0 ? vh(i, k) / cost : std::numeric_limits<double>::infinity();
                    };
                    std::stable_sort(list.begin(), list.end(), [&](Index x, Index y) { return ratio(x) > ratio(y); });
                }
        }
    }

    // The pairs (i better than j, both undecided) for the swap rule: "i out" keeps j out when j
    // comes later, "j in" keeps i in when i comes later.
    void find_swaps() {
        const Index n = in_.n;
        out_keeps_out_.assign(at(n), {});
        in_keeps_in_.assign(at(n), {});
        forced_.assign(at(n), 0);
        for (Index i : in_.order) {
            if (!in_.prereqs[at(i)].empty() || !in_.groups_of[at(i)].empty()) continue;
            for (Index j : in_.order) {
                if (j == i || !in_.dependants[at(j)].empty()) continue;
                bool ok = true, more = false;
                for (Index k = 0; k < in_.K && ok; ++k) {
                    ok = v(i, k) >= vh(j, k);
                    more = more || vh(i, k) > v(j, k) + in_.eps;
                }
                for (Index r = 0; r < in_.R && ok; ++r) ok = c(i, r) <= c(j, r);
                if (!ok || !more) continue;
                if (position_[at(j)] > position_[at(i)]) out_keeps_out_[at(i)].push_back(j);
                else in_keeps_in_[at(j)].push_back(i);
            }
        }
    }

    // What is left of bound row b.
    double room(Index b) const {
        double s = 0;
        for (Index r = 0; r < in_.R; ++r) {
            const double w = weights_[at(b)][at(r)];
            if (w != 0) s += w * std::max(0.0, in_.limit[at(r)] - used_[at(r)]);
        }
        return s;
    }

    // Bound row b's table after j decisions: for each cell of room, the K objectives' values
    // and (with K > 1) their sum.
    Size table(Index b, Index j) const { return (at(b) * at(m_ + 1) + at(j)) * at(cells_ + 1) * at(T_); }

    // x as a float no less than x (the tables hold upper bounds in half the memory).
    static float up(double x) {
        float f = static_cast<float>(x);
        if (static_cast<double>(f) < x) f = std::nextafter(f, std::numeric_limits<float>::infinity());
        return f;
    }

    // The exact knapsack tables, if they fit table_bytes.
    bool build_tables() {
        const Index K = in_.K;
        const auto bytes = [&](long long cells) {
            return static_cast<double>(T_ * B_) * static_cast<double>(m_ + 1) * static_cast<double>(cells + 1) * sizeof(float);
        };
        cells_ = 4096;
        while (cells_ > 128 && bytes(cells_) > in_.table_bytes) cells_ /= 2;
        if (bytes(cells_) > in_.table_bytes || B_ == 0) {
            cells_ = 0;
            return false;
        }
        // After each position, the run of initiatives that need the one there (directly or
        // through one before them in the run): out with it.
        run_end_.assign(at(m_), 0);
        for (Index j = 0; j < m_; ++j) {
            std::vector<Index> need{in_.order[at(j)]};
            Index t = j + 1;
            for (; t < m_; ++t) {
                const Index d = in_.order[at(t)];
                bool needs = false;
                for (Index pre : in_.prereqs[at(d)]) needs = needs || std::find(need.begin(), need.end(), pre) != need.end();
                if (!needs) break;
                need.push_back(d);
            }
            run_end_[at(j)] = t;
        }
        unit_.assign(at(B_), 1.0);
        for (Index b = 0; b < B_; ++b) unit_[at(b)] = std::max(room(b), 1e-300) / static_cast<double>(cells_);
        dp_ = std::make_shared<std::vector<float>>(at(T_ * B_) * at(m_ + 1) * at(cells_ + 1), 0.0f);
        const Size T = at(T_), row = at(cells_ + 1) * T;
        std::vector<double> g(T);
        for (Index b = 0; b < B_; ++b) {
            for (Index j = m_ - 1; j >= 0; --j) {
                const Index i = in_.order[at(j)];
                const float* from = dp_->data() + table(b, j + 1);
                float* to = dp_->data() + table(b, j);
                // Without i, none of the run after it that needs it; with i, any of the rest.
                const float* without = dp_->data() + table(b, run_end_[at(j)]);
                std::copy(without, without + row, to);
                // Cells of i's cost, rounded down (and a hair more, against rounding up by division).
                const double units = bcost_[at(i * B_ + b)] / unit_[at(b)] * (1 - 1e-12);
                if (units > static_cast<double>(cells_)) continue;
                const Size shift = at(static_cast<long long>(std::floor(units))) * T;
                for (Index k = 0; k < K; ++k) g[at(k)] = vh(i, k);
                if (T_ > K) g[at(K)] = std::accumulate(g.begin(), g.begin() + K, 0.0);
                for (Size t = shift; t < row; t += T)
                    for (Size k = 0; k < T; ++k) {
                        const double with = static_cast<double>(from[t - shift + k]) + g[k];
                        if (with > static_cast<double>(to[t + k])) to[t + k] = up(with);
                    }
            }
        }
        return true;
    }

    // The most each objective (and their sum) can still gain after `depth` decisions, into
    // gain[0..T_); without the tables the sum is not bounded (+inf).
    void gain_bounds(Index depth, double* gain) const {
        const Index K = in_.K;
        std::fill(gain, gain + T_, std::numeric_limits<double>::infinity());
        if (cells_ > 0) {
            for (Index b = 0; b < B_; ++b) {
                const double cells = std::min(std::floor(room(b) / unit_[at(b)] * (1 + 1e-12) + 1e-9), static_cast<double>(cells_));
                const float* at_room = dp_->data() + table(b, depth) + at(static_cast<long long>(cells)) * at(T_);
                for (Index k = 0; k < T_; ++k) gain[k] = std::min(gain[k], static_cast<double>(at_room[k]));
            }
            return;
        }
        for (Index k = 0; k < K; ++k) gain[k] = gain_bound(k, depth);
    }

    // The most objective k can still gain after `depth` decisions, without the tables.
    double gain_bound(Index k, Index depth) const {
        double best = std::numeric_limits<double>::infinity();
        if (B_ == 0) {  // no budget rows: every later initiative worth something may join
            double all = 0;
            for (Index t = depth; t < m_; ++t) {
                const Index i = in_.order[at(t)];
                if (!blocked_[at(i)]) all += std::max(0.0, vh(i, k));
            }
            return all;
        }
        // The fractional knapsack of the later initiatives that may still join.
        for (Index b = 0; b < B_; ++b) {
            double left = room(b), taken = 0;
            for (Index i : sorted_[at(k * B_ + b)]) {
                if (position_[at(i)] < depth || blocked_[at(i)]) continue;
                const double cost = bcost_[at(i * B_ + b)];
                if (cost > left) {
                    taken += vh(i, k) * left / cost;
                    break;
                }
                taken += vh(i, k), left -= cost;
                if (taken >= best) break;
            }
            best = std::min(best, taken);
        }
        return best;
    }

    // Whether no completion of the node after `depth` decisions can be non-dominated. With
    // exact scores: its box of upper bounds is below every corner in some objective or in
    // their sum. With interval scores: one candidate c dominates every completion x, which
    // holds when for every k, low(c) + width(c and the taken set) >= the most x can be worth
    // at the high scores (low(c \ x) - high(x \ c) = low(c) - high(x) + width(c and x), and
    // x holds the taken set), more by eps for one k (so c is not x, and ties stay).
    bool hopeless(Index depth) {
        const Size K = at(in_.K);
        gain_bounds(depth, upper_.data());
        if (!interval_) {
            const Size N = corners_.size() / K;
            if (N == 0) return true;
            for (Size k = 0; k < K; ++k) upper_[k] += val_[k];
            if (T_ > in_.K) upper_[K] += std::accumulate(val_.begin(), val_.end(), 0.0);
            // Alive while some corner has the box not below it in any objective nor in the sum.
            return !any_below(1, 0, N, upper_.data());
        }
        // A candidate passes only if its low value alone, with all of the taken set's width,
        // reaches the bound less eps.
        for (Size k = 0; k < K; ++k) {
            upper_[k] += valh_[k];
            floor_[k] = upper_[k] - in_.eps - (valh_[k] - val_[k]);
        }
        // The one that dropped the last node first (neighbours fall to the same one: 11% more
        // nodes a second at 100 initiatives), then the one that dropped a node before it (4-7%
        // more), then the tree, then the ones since.
        const Size copies = idx_low_.size() / K;
        if (last_ < copies && dominates_all(last_)) return true;
        if (last2_ < copies && last2_ != last_ && dominates_all(last2_)) return std::swap(last_, last2_), true;
        const Size before = last_;
        bool found = indexed_ > 0 && any_dominating(1, 0, indexed_);
        for (Size t = indexed_; t < copies && !found; ++t)
            if (dominates_all(t)) last_ = t, found = true;
        if (found) last2_ = before;
        return found;
    }

    // The candidates for hopeless(), as copies: the first `indexed_` in a k-d tree on their low
    // values, each tree node with the most of every coordinate below it; the ones that joined
    // since, after them, scanned one by one. A candidate dropped since keeps pruning until the
    // next rebuild: what it dominates, the one that dropped it dominates too. Rebuilt when
    // the unindexed ones are more than a 64th (at 100 initiatives, +- 0.01: 15% more nodes a
    // second than at an eighth; a rebuild costs little against the nodes between them).
    void index_candidate() {
        const Size K = at(in_.K), W = bits_.size();
        idx_low_.insert(idx_low_.end(), cand_values_.back().begin(), cand_values_.back().end());
        idx_bits_.insert(idx_bits_.end(), cand_bits_.back().begin(), cand_bits_.back().end());
        const Size N = idx_low_.size() / K;
        if (N - indexed_ <= leaf_size + indexed_ / 64) return;
        // Rebuild from the live candidates.
        const Size L = cand_bits_.size();
        std::vector<Size> ids(L);
        std::iota(ids.begin(), ids.end(), Size{0});
        idx_max_.assign(4 * (L / leaf_size + 1) * K, 0.0);
        idx_any_.assign(4 * (L / leaf_size + 1) * W, 0);
        index_node(ids, 1, 0, L, 0);
        idx_low_.resize(L * K), idx_bits_.resize(L * W);
        for (Size t = 0; t < L; ++t) {
            std::copy(cand_values_[ids[t]].begin(), cand_values_[ids[t]].end(), idx_low_.begin() + static_cast<std::ptrdiff_t>(t * K));
            std::copy(cand_bits_[ids[t]].begin(), cand_bits_[ids[t]].end(), idx_bits_.begin() + static_cast<std::ptrdiff_t>(t * W));
        }
        indexed_ = L;
        last_ = last2_ = std::numeric_limits<Size>::max();
    }

    void index_node(std::vector<Size>& ids, Size node, Size lo, Size hi, Size dim) {
        const Size K = at(in_.K), W = bits_.size();
        double* m = idx_max_.data() + node * K;
        std::uint64_t* any = idx_any_.data() + node * W;
        std::fill(m, m + K, -std::numeric_limits<double>::infinity());
        for (Size t = lo; t < hi; ++t) {
            for (Size k = 0; k < K; ++k) m[k] = std::max(m[k], cand_values_[ids[t]][k]);
            for (Size w = 0; w < W; ++w) any[w] |= cand_bits_[ids[t]][w];
        }
        if (hi - lo <= leaf_size) return;
        const Size mid = (lo + hi) / 2;
        std::nth_element(ids.begin() + static_cast<std::ptrdiff_t>(lo), ids.begin() + static_cast<std::ptrdiff_t>(mid),
                         ids.begin() + static_cast<std::ptrdiff_t>(hi), [&](Size x, Size y) { return cand_values_[x][dim] < cand_values_[y][dim]; });
        index_node(ids, 2 * node, lo, mid, (dim + 1) % K);
        index_node(ids, 2 * node + 1, mid, hi, (dim + 1) % K);
    }

    // Whether an indexed candidate below the tree node dominates every completion: none does
    // when their most low value falls short, or that less the least widths of the taken
    // members none of them holds (width_short()).
    bool any_dominating(Size node, Size lo, Size hi) {
        const Size K = at(in_.K);
        const double* m = idx_max_.data() + node * K;
        for (Size k = 0; k < K; ++k)
            if (m[k] < floor_[k]) return false;
        if (width_short(m, missing_from(idx_any_.data() + node * bits_.size()))) return false;
        if (hi - lo > leaf_size) {
            const Size mid = (lo + hi) / 2;
            // The child whose most low values clear the floor by more first.
            const double* a = idx_max_.data() + 2 * node * K;
            const double* b = a + K;
            double margin = 0;
            for (Size k = 0; k < K; ++k) margin += a[k] - b[k];
            if (margin >= 0) return any_dominating(2 * node, lo, mid) || any_dominating(2 * node + 1, mid, hi);
            return any_dominating(2 * node + 1, mid, hi) || any_dominating(2 * node, lo, mid);
        }
        for (Size t = lo; t < hi; ++t)
            if (dominates_all(t)) return last_ = t, true;
        return false;
    }

    // Whether a candidate with these low values that lacks `missing` of the taken set's
    // members fails hopeless()'s test for sure: it shares the taken set's width less at least
    // `missing` least widths (short by more than eps, against rounding). At +- 0.01 this
    // leaves only the candidates that pass, 1.8 times the nodes a second at 100 initiatives.
    bool width_short(const double* low, Size missing) const {
        if (missing == 0) return false;
        for (Size k = 0; k < at(in_.K); ++k)
            if (static_cast<double>(missing) * least_width_[k] > low[k] - floor_[k] + in_.eps) return true;
        return false;
    }

    // Whether candidate copy t dominates every completion (hopeless()).
    bool dominates_all(Size t) {
        const Size K = at(in_.K), W = bits_.size();
        const double* low = idx_low_.data() + t * K;
        for (Size k = 0; k < K; ++k)
            if (low[k] < floor_[k]) return false;
        const std::uint64_t* cb = idx_bits_.data() + t * W;
        if (width_short(low, missing_from(cb))) return false;
        // Its low values and the widths it shares with the taken set, four extreme weights
        // at a time in registers (the search's hottest loop: 42% more nodes a second at 100
        // initiatives than summing into memory).
        for (Size k0 = 0; k0 < K; k0 += 4) {
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (Size w = 0; w < W; ++w)
                for (std::uint64_t x = bits_[w] & cb[w]; x; x &= x - 1) {
                    const double* d = width_.data() + (w * 64 + static_cast<Size>(std::countr_zero(x))) * width_row_ + k0;
                    a0 += d[0], a1 += d[1], a2 += d[2], a3 += d[3];
                }
            const double a[4] = {a0, a1, a2, a3};
            for (Size k = k0; k < std::min(K, k0 + 4); ++k) shared_[k] = low[k] + a[k - k0];
        }
        bool strict = false;
        for (Size k = 0; k < K; ++k) {
            const double d = shared_[k] - upper_[k];
            if (d < -in_.eps) return false;
            strict = strict || d > in_.eps;
        }
        return strict;
    }

    bool may_join(Index i) const {
        if (blocked_[at(i)]) return false;
        for (Index r = 0; r < in_.R; ++r)
            if (used_[at(r)] + c(i, r) > in_.limit[at(r)]) return false;
        return true;
    }

    // Decide initiative i in or out (delta +1), or undo that (delta -1): a member in keeps
    // the rest of its groups out, a prerequisite out keeps its dependants out; the swaps.
    void set(Index i, bool in, int delta) {
        if (in) {
            bits_[at(i / 64)] ^= std::uint64_t{1} << (i % 64);
            for (Index k = 0; k < in_.K; ++k) val_[at(k)] += delta * v(i, k), valh_[at(k)] += delta * vh(i, k);
            for (Index r = 0; r < in_.R; ++r) used_[at(r)] += delta * c(i, r);
            for (Index g : in_.groups_of[at(i)])
                for (Index o : (*in_.excludes)[at(g)])
                    if (o != i) blocked_[at(o)] += delta;
            for (Index o : in_keeps_in_[at(i)]) forced_[at(o)] += delta;
        } else {
            for (Index d : in_.dependants[at(i)]) blocked_[at(d)] += delta;
            for (Index o : out_keeps_out_[at(i)]) blocked_[at(o)] += delta;
        }
    }

    // Depth-first from the node after `floor` decisions (in_taken[0..floor) made and set())
    // through its subtree, "in" before "out" (a worker's floor moves down when it gives away
    // a branch: give_away()). With `prefixes`, the nodes at depth `split`
    // that hopeless() keeps are recorded there (their decisions) instead of searched.
    void search(Index floor, std::vector<char>& in_taken, Index split = -1, std::vector<std::vector<char>>* prefixes = nullptr) {
        top_ = floor;  // give_away() may deepen it
        Index j = floor;
        bool fresh = true;  // at depth j from above: test the node
        while (true) {
            if (fresh) {
                ++nodes_;
                if ((nodes_ & 1023) == 0) check(j, in_taken);
                if (j == m_) {
                    // Summed afresh: val_ drifts with the additions and removals.
                    if (offer(bits_, values_of(bits_)) && team_) team_->publish(bits_, me_);
                    fresh = false;
                } else if (hopeless(j)) {
                    fresh = false;
                } else if (j == split) {
                    prefixes->emplace_back(in_taken.begin(), in_taken.begin() + j);
                    fresh = false;
                } else {
                    const Index i = in_.order[at(j)];
                    const bool in = may_join(i);
                    if (in || forced_[at(i)] == 0) {  // else: kept in by a swap, and it cannot join
                        in_taken[at(j)] = in;
                        set(i, in, +1);
                        ++j;
                        continue;
                    }
                    fresh = false;
                }
            }
            // Back to the nearest decision that took "in" and may be "out": now "out".
            while (j > top_) {
                --j;
                const Index i = in_.order[at(j)];
                set(i, in_taken[at(j)] != 0, -1);
                if (in_taken[at(j)] && forced_[at(i)] == 0) {
                    in_taken[at(j)] = 0;
                    set(i, false, +1);
                    ++j;
                    fresh = true;
                    break;
                }
            }
            if (!fresh) return;
        }
    }

    std::string stop_message(long long nodes, std::size_t found) const {
        return fmt::format("rpm(): {} after {} nodes of the search, with {} non-dominated portfolios found so far: no exact answer "
                           "({}add weight information or raise the limits)",
                           limits_.reason() == StopReason::interrupted ? "interrupted" : "time limit reached", nodes, found,
                           interval_ ? "narrow the score intervals, " : "");
    }

    // Every 1024 nodes. Alone: the limits. A worker: its nodes counted, a stop obeyed, the
    // others' finds taken in, and a subtree given away when a worker waits for one.
    void check(Index j, const std::vector<char>& in_taken) {
        if (!team_) {
            limits_.progress("rpm", nodes_);
            if (limits_.reached()) throw NoSolutionError(stop_message(nodes_, cand_bits_.size()));
            return;
        }
        team_->nodes += nodes_ - counted_;
        counted_ = nodes_;
        if (team_->stop) throw Stopped{};
        take_in();
        if (team_->hungry > 0) give_away(j, in_taken);
    }

    // The workers of run_parallel(): each takes a subtree (the decisions down to it) from the
    // queue; one that is busy when another waits gives it the "out" branch of its shallowest
    // decision still to be undone, and goes on below that decision only. Every complete
    // portfolio a worker keeps is published, and offered to every other worker at its next
    // check.
    struct Stopped {};
    struct Team {
        std::mutex mutex;
        std::condition_variable wake;
        std::deque<std::vector<char>> tasks;  // guarded by mutex
        int busy = 0;                         // guarded by mutex: workers with a subtree
        std::atomic<int> hungry{0};           // workers waiting for one
        std::atomic<long long> nodes{0};
        std::atomic<bool> stop{false};
        std::vector<std::vector<std::uint64_t>> found;  // guarded by mutex, with who found it
        std::vector<int> finder;

        void publish(const std::vector<std::uint64_t>& bits, int who) {
            const std::lock_guard<std::mutex> lock(mutex);
            found.push_back(bits);
            finder.push_back(who);
        }
    };

    void take_in() {
        std::vector<std::vector<std::uint64_t>> news;
        {
            const std::lock_guard<std::mutex> lock(team_->mutex);
            for (; seen_ < team_->found.size(); ++seen_)
                if (team_->finder[seen_] != me_) news.push_back(team_->found[seen_]);
        }
        for (const auto& b : news) offer(b, values_of(b));
    }

    // The node's path is in_taken[0..j): the shallowest decision below top_ that search()
    // would turn from "in" to "out" (forced_ of the one there depends only on the decisions
    // before it) goes to the queue as that "out", and the search stays below it.
    void give_away(Index j, const std::vector<char>& in_taken) {
        for (Index d = top_; d < j; ++d) {
            if (!in_taken[at(d)] || forced_[at(in_.order[at(d)])] != 0) continue;
            std::vector<char> task(in_taken.begin(), in_taken.begin() + d + 1);
            task[at(d)] = 0;
            top_ = d + 1;
            {
                const std::lock_guard<std::mutex> lock(team_->mutex);
                team_->tasks.push_back(std::move(task));
            }
            team_->wake.notify_one();
            return;
        }
    }

    void work() {
        std::vector<char> in_taken(at(m_) + 1, 0);
        while (true) {
            std::vector<char> task;
            {
                std::unique_lock<std::mutex> lock(team_->mutex);
                while (team_->tasks.empty() && team_->busy > 0 && !team_->stop) {
                    ++team_->hungry;
                    team_->wake.wait(lock);
                    --team_->hungry;
                }
                if (team_->tasks.empty() || team_->stop) {
                    team_->wake.notify_all();
                    break;
                }
                task = std::move(team_->tasks.front());
                team_->tasks.pop_front();
                ++team_->busy;
            }
            take_in();
            const Index D = static_cast<Index>(task.size());
            for (Index d = 0; d < D; ++d) {
                in_taken[at(d)] = task[at(d)];
                set(in_.order[at(d)], task[at(d)] != 0, +1);
            }
            search(D, in_taken);
            for (Index d = top_; d-- > 0;) set(in_.order[at(d)], in_taken[at(d)] != 0, -1);
            {
                const std::lock_guard<std::mutex> lock(team_->mutex);
                --team_->busy;
            }
            team_->wake.notify_all();
        }
        team_->nodes += nodes_ - counted_;
        counted_ = nodes_;
    }

    // The search on `threads` workers, copies of this one (sharing the bound tables), from
    // the nodes at the first even depth from 4 with 8 a worker; this thread watches the
    // limits. The answer is the same set as alone: a worker drops only what a complete
    // feasible portfolio dominates, so each non-dominated portfolio is kept by the worker
    // that reaches it, and the workers' portfolios joined (offer()) leave exactly those.
    // The nodes are not the same from run to run.
    void run_parallel(int threads) {
        std::vector<char> in_taken(at(m_) + 1, 0);
        Team team;
        std::vector<std::vector<char>> tasks;
        for (Index D = std::min<Index>(m_, 4);; D = std::min<Index>(m_, D + 2)) {
            tasks.clear();
            search(0, in_taken, D, &tasks);
            if (tasks.size() >= 8 * static_cast<std::size_t>(threads) || D == m_) break;
        }
        if (tasks.empty()) return;
        team.tasks.assign(std::make_move_iterator(tasks.begin()), std::make_move_iterator(tasks.end()));
        std::vector<RpmSearch> workers;
        workers.reserve(static_cast<std::size_t>(threads));
        for (int t = 0; t < threads; ++t) {
            workers.push_back(*this);
            workers.back().team_ = &team;
            workers.back().me_ = t;
            workers.back().nodes_ = workers.back().counted_ = 0;
        }
        std::vector<std::exception_ptr> errors(static_cast<std::size_t>(threads));
        int running = threads;  // guarded by team.mutex
        std::vector<std::thread> pool;
        const auto worker = [&](int t) {
            try {
                workers[at(t)].work();
            } catch (const Stopped&) {
            } catch (...) {
                errors[at(t)] = std::current_exception();
                team.stop = true;
            }
            const std::lock_guard<std::mutex> lock(team.mutex);
            --running;
            team.wake.notify_all();
        };
        try {
            for (int t = 0; t < threads; ++t) pool.emplace_back(worker, t);
        } catch (...) {  // no thread to be had: the ones started stop
            {
                const std::lock_guard<std::mutex> lock(team.mutex);
                team.stop = true;
                team.wake.notify_all();
            }
            for (auto& t : pool) t.join();
            throw;
        }
        bool reached = false;
        {
            std::unique_lock<std::mutex> lock(team.mutex);
            while (running > 0) {
                team.wake.wait_for(lock, std::chrono::milliseconds(10));
                if (running == 0 || team.stop) continue;
                lock.unlock();
                limits_.progress("rpm", nodes_ + team.nodes);
                reached = limits_.reached();
                lock.lock();
                if (reached) {
                    team.stop = true;
                    team.wake.notify_all();
                }
            }
        }
        for (auto& t : pool) t.join();
        if (reached) {
            std::size_t found = 0;  // the most one worker holds
            for (const auto& w : workers) found = std::max(found, w.cand_bits_.size());
            throw NoSolutionError(stop_message(nodes_ + team.nodes, found));
        }
        for (const auto& e : errors)
            if (e) std::rethrow_exception(e);
        // Joined: the worker with the most portfolios as the base, the others' offered unless already there.
        auto& base = *std::max_element(workers.begin(), workers.end(), [](const RpmSearch& x, const RpmSearch& y) {
            return x.cand_bits_.size() < y.cand_bits_.size();
        });
        long long nodes = nodes_;
        for (const auto& w : workers) nodes += w.nodes_;
        std::vector<std::vector<std::uint64_t>> have = base.cand_bits_;
        std::sort(have.begin(), have.end());
        for (const auto& w : workers) {
            if (&w == &base) continue;
            for (const auto& b : w.cand_bits_)
                if (!std::binary_search(have.begin(), have.end(), b)) base.offer(b, values_of(b));
        }
        cand_bits_ = std::move(base.cand_bits_);
        cand_values_ = std::move(base.cand_values_);
        cand_highs_ = std::move(base.cand_highs_);
        for (const auto& w : workers) peak_ = std::max(peak_, w.peak_);
        nodes_ = nodes;
    }

    const RpmSearchInput& in_;
    Limits& limits_;
    Index m_ = 0, B_ = 0;
    long long cells_ = 0;
    std::vector<Index> position_, run_end_;
    std::vector<std::vector<double>> weights_;  // per bound row: its weight on each budget row
    std::vector<double> scale_, bcost_, unit_;
    std::shared_ptr<std::vector<float>> dp_;  // the bound tables (table()), shared by the workers (read only)
    Index T_ = 0;            // values per cell: the K objectives and, with K > 1, their sum
    std::vector<std::vector<Index>> sorted_;
    std::vector<int> blocked_, forced_;  // per initiative: reasons it must stay out, and in
    std::vector<std::vector<Index>> out_keeps_out_, in_keeps_in_;
    std::vector<std::uint64_t> bits_;
    std::vector<double> used_, val_, upper_;
    const std::vector<double>* high_ = nullptr;  // n x K: the values at the high scores (value's with exact scores)
    bool interval_ = false;                      // some score's interval is not a point
    std::vector<double> valh_, floor_, shared_;  // the taken set at the high scores; hopeless()'s scratch
    // The copy that dropped the last node (tested first), and the one before it that did.
    Size last_ = std::numeric_limits<Size>::max(), last2_ = std::numeric_limits<Size>::max();
    std::vector<double> width_;                  // n rows of width_row_: each initiative's widths, then zeros
    std::vector<double> least_width_;            // K: the least width of any initiative
    Size width_row_ = 0;
    Size indexed_ = 0;                           // the candidates' copies for hopeless() (index_candidate())
    std::vector<double> idx_low_, idx_max_;
    std::vector<std::uint64_t> idx_any_;  // per tree node: the members any candidate below it holds
    std::vector<std::uint64_t> idx_bits_;
    std::vector<double> corners_;  // K per corner: the region no candidate dominates is the union of {y >= corner}
    std::vector<double> corner_sum_;  // per corner: its sum less K eps
    Size D_ = 0;                      // coordinates of a point of the tree: K, and the sum
    std::vector<double> points_, tree_min_;  // the k-d tree (build_tree())
    std::vector<std::vector<std::uint64_t>> cand_bits_;
    std::vector<std::vector<double>> cand_values_, cand_highs_;  // each one's values at the low and the high scores
    long long nodes_ = 0, peak_ = 0;
    Team* team_ = nullptr;  // a worker's team (run_parallel())
    int me_ = 0;            // which worker
    long long counted_ = 0;  // of nodes_, added to the team's count
    std::size_t seen_ = 0;  // of the team's found portfolios, looked at
    Index top_ = 0;         // a worker's: the depth its subtree starts at (deeper after give_away())
};

}  // namespace aligngraph::detail
