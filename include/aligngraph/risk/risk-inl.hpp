#pragma once
// Monte Carlo simulation of a portfolio (risk.hpp): the compiled problem, the sampling of one
// block of samples, the exact reduction over blocks, the summaries, the tornado and the rank
// correlations.

#include "aligngraph/risk/risk.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <thread>
#include <tuple>

#include "aligngraph/detail/constants.hpp"
#include "aligngraph/detail/digraph.hpp"
#include "aligngraph/detail/estimate.hpp"
#include "aligngraph/detail/limits.hpp"
#include "aligngraph/detail/workers.hpp"
#include "aligngraph/error.hpp"
#include "aligngraph/memory.hpp"
#include "aligngraph/risk/detail/copula.hpp"
#include "aligngraph/risk/detail/marginal.hpp"
#include "aligngraph/risk/detail/random.hpp"
#include "aligngraph/risk/detail/scenarios.hpp"

namespace aligngraph {

namespace detail {

// A resource an item uses: from absolute period `first`, these amounts.
struct RiskUse {
    int resource;
    int first;
    std::vector<double> amounts;
};

// The problem, checked and prepared for sampling.
struct RiskModel {
    Index n = 0, T = 0, R = 0;
    double discount = 1;  // 1 / (1 + rate)
    std::vector<double> pv_cost, pv_benefit, success;
    std::vector<Marginal> cost, benefit, delay;
    std::vector<char> has_cost, has_benefit, has_delay, draws, started;
    std::vector<int> order;                                  // items, prerequisites first
    std::vector<std::vector<std::pair<int, int>>> prereqs;   // item -> (prerequisite, gap)
    std::vector<std::vector<RiskUse>> uses;                  // item -> its uses
    std::vector<char> scales;                                // resource: with the cost multiplier
    std::vector<CopulaGroup> groups;
    std::vector<char> correlated;                            // variable 2 i + kind
    std::vector<int> score_slot;                             // variable -> its row of the scores (-1: none)
    int score_count = 0;
    struct Event {
        double probability;
        Marginal cost, delay;
        bool has_cost, has_delay;
        std::vector<int> items;
    };
    std::vector<Event> events;
    std::vector<double> powers;                              // discount^s
    std::vector<std::string> notes;

    double discounted(int shift) const {
        return shift < static_cast<int>(powers.size()) ? powers[static_cast<std::size_t>(shift)] : std::pow(discount, shift);
    }
    // Row layout of block_sums and counts.
    Index sums_rows() const { return 2 + 2 * n + R * T; }
    Index counts_rows() const { return 1 + 2 * n + n * (T + 1) + R * T; }
};

inline int whole_delay(double x) {
    // Without a branch (a draw is above or below 1/2 at random); NaN is 0.
    const double rounded = std::min(std::floor(x + 0.5), static_cast<double>(max_periods));
    return static_cast<int>(x > 0.5 ? rounded : 0.0);
}

inline RiskModel compile_risk(const RiskProblem& q, bool repair) {
    RiskModel m;
    const auto n = static_cast<Index>(q.ids.size());
    m.n = n;
    m.T = q.horizon;
    if (q.horizon < 0) throw ValidationError(fmt::format("simulate(): horizon {}, expected >= 0", q.horizon));
    m.R = static_cast<Index>(q.usage.size());
    const auto where = [&](Index i) { return fmt::format("'{}'", q.ids[static_cast<std::size_t>(i)]); };
    const auto sized = [&](std::size_t got, std::size_t want, std::string_view what) {
        if (got != want)
            throw ValidationError(fmt::format("simulate(): {} has {} entries, expected {} (one per item)", what, got, want));
    };
    sized(q.starts.size(), static_cast<std::size_t>(n), "starts");
    sized(q.durations.size(), static_cast<std::size_t>(n), "durations");
    if (!q.uncertainty.empty()) sized(q.uncertainty.size(), static_cast<std::size_t>(n), "uncertainty");
    if (!q.started.empty()) sized(q.started.size(), static_cast<std::size_t>(n), "started");
    if (q.costs.rows() != n || q.benefits.rows() != n || q.costs.cols() < m.T || q.benefits.cols() < m.T)
        throw ValidationError(fmt::format("simulate(): costs are {}x{} and benefits {}x{}, expected both {} items x at least the "
                                          "horizon's {} periods",
                                          q.costs.rows(), q.costs.cols(), q.benefits.rows(), q.benefits.cols(), n, m.T));
    if (q.scales_with_cost.size() != q.usage.size() || q.capacity.rows() != m.R || (m.R > 0 && q.capacity.cols() != m.T))
        throw ValidationError(fmt::format("simulate(): {} resources in usage, {} in scales_with_cost and {}x{} capacity, expected "
                                          "one per resource and {} periods",
                                          q.usage.size(), q.scales_with_cost.size(), q.capacity.rows(), q.capacity.cols(), m.T));
    if (!std::isfinite(q.rate) || q.rate <= -1) throw ValidationError(fmt::format("simulate(): rate {} per period, expected > -1", q.rate));
    m.discount = 1 / (1 + q.rate);
    for (Index i = 0; i < n; ++i) {
        // Periods (as the schedule's): a start before the first period wrote before the
        // finish counts (found by fuzzing).
        const auto duration = q.durations[static_cast<std::size_t>(i)], start = q.starts[static_cast<std::size_t>(i)];
        if (duration < 0 || duration > max_periods)
            throw ValidationError(fmt::format("simulate(): {} has duration {}, expected 0 to {} periods", where(i), duration, max_periods));
        if (start < 0 || start > max_periods)
            throw ValidationError(fmt::format("simulate(): {} starts in period {}, expected 0 to {}", where(i), start, max_periods));
        for (Index t = 0; t < q.costs.cols(); ++t)
            if (!std::isfinite(q.costs(i, t))) throw ValidationError(fmt::format("simulate(): {} has a cost that is not finite in period {}", where(i), t));
        for (Index t = 0; t < q.benefits.cols(); ++t)
            if (!std::isfinite(q.benefits(i, t)))
                throw ValidationError(fmt::format("simulate(): {} has a benefit that is not finite in period {}", where(i), t));
    }
    // Present values at the planned starts.
    m.pv_cost.assign(static_cast<std::size_t>(n), 0);
    m.pv_benefit.assign(static_cast<std::size_t>(n), 0);
    for (Index i = 0; i < n; ++i) {
        double c = 0, b = 0;
        for (Index t = 0; t < q.costs.cols(); ++t) c += q.costs(i, t) * std::pow(m.discount, static_cast<double>(t));
        for (Index t = 0; t < q.benefits.cols(); ++t) b += q.benefits(i, t) * std::pow(m.discount, static_cast<double>(t));
        m.pv_cost[static_cast<std::size_t>(i)] = c;
        m.pv_benefit[static_cast<std::size_t>(i)] = b;
    }
    // Marginals.
    const auto N = static_cast<std::size_t>(n);
    m.cost.resize(N);
    m.benefit.resize(N);
    m.delay.resize(N);
    m.success.assign(N, 1.0);
    m.has_cost.assign(N, 0);
    m.has_benefit.assign(N, 0);
    m.has_delay.assign(N, 0);
    m.draws.assign(N, 0);
    m.started.assign(N, 0);
    for (std::size_t i = 0; i < N; ++i) {
        if (!q.started.empty()) m.started[i] = q.started[i];
        if (q.uncertainty.empty()) continue;
        const auto& u = q.uncertainty[i];
        if (!(u.success_probability >= 0 && u.success_probability <= 1))
            throw ValidationError(fmt::format("simulate(): '{}' has success probability {}, expected a number in [0, 1]", q.ids[i],
                                              u.success_probability));
        m.success[i] = u.success_probability;
        for (auto [e, name, out, has] : {std::tuple{&u.cost, "cost", &m.cost[i], &m.has_cost[i]},
                                         {&u.benefit, "benefit", &m.benefit[i], &m.has_benefit[i]},
                                         {&u.delay, "delay", &m.delay[i], &m.has_delay[i]}}) {
            if (!*e) continue;
            if (auto why = estimate_problem(**e); !why.empty())
                throw ValidationError(fmt::format("simulate(): '{}' has a {} estimate {}", q.ids[i], name, why));
            *out = Marginal(**e);
            *has = !out->constant();
        }
        if (m.started[i]) m.has_delay[i] = 0;
        m.draws[i] = m.has_cost[i] || m.has_benefit[i] || m.has_delay[i] || m.success[i] < 1;
    }
    // Precedences, in an order with prerequisites first (ties by index).
    m.prereqs.resize(N);
    std::vector<std::vector<int>> dependants(N);
    std::vector<int> missing(N, 0);
    for (const auto& link : q.precedences) {
        const Index d = link.dependant, p = link.prerequisite;
        if (link.lag < 0) throw ValidationError(fmt::format("simulate(): precedence ({}, {}) has lag {}, expected >= 0", d, p, link.lag));
        if (d < 0 || d >= n || p < 0 || p >= n || d == p)
            throw ValidationError(fmt::format("simulate(): precedence ({}, {}) names an item out of range or itself", d, p));
        const auto D = static_cast<std::size_t>(d), P = static_cast<std::size_t>(p);
        const int gap = static_cast<int>(
            std::max<long long>(0, q.starts[D] - (static_cast<long long>(q.starts[P]) + q.durations[P] + link.lag)));
        m.prereqs[D].emplace_back(static_cast<int>(p), gap);
        dependants[P].push_back(static_cast<int>(d));
        ++missing[D];
    }
    {
        std::vector<int> ready;
        for (std::size_t i = N; i-- > 0;)
            if (!missing[i]) ready.push_back(static_cast<int>(i));
        while (!ready.empty()) {
            std::sort(ready.begin(), ready.end(), std::greater<>());
            const int i = ready.back();
            ready.pop_back();
            m.order.push_back(i);
            for (int d : dependants[static_cast<std::size_t>(i)])
                if (--missing[static_cast<std::size_t>(d)] == 0) ready.push_back(d);
        }
        if (static_cast<Index>(m.order.size()) != n) {
            std::vector<std::pair<std::size_t, std::size_t>> edges;
            for (const auto& link : q.precedences)
                edges.emplace_back(static_cast<std::size_t>(link.dependant), static_cast<std::size_t>(link.prerequisite));
            const auto ids = detail::named_cycle(N, std::move(edges), [&](std::size_t v) { return q.ids[v]; });
            throw CycleError(fmt::format("simulate(): the precedences form a cycle: {} (each waits for the next)", fmt::join(ids, " -> ")),
                             ids);
        }
    }
    // Uses of the resources.
    m.uses.resize(N);
    m.scales.assign(q.scales_with_cost.begin(), q.scales_with_cost.end());
    for (Index r = 0; r < m.R; ++r) {
        const auto& u = q.usage[static_cast<std::size_t>(r)];
        if (u.rows() != n || u.cols() != m.T)
            throw ValidationError(fmt::format("simulate(): usage of resource {} is {}x{}, expected {} items x {} periods", r, u.rows(),
                                              u.cols(), n, m.T));
        for (Index i = 0; i < n; ++i) {
            Index a = 0, b = m.T;
            while (a < b && u(i, a) == 0) ++a;
            while (b > a && u(i, b - 1) == 0) --b;
            if (a == b) continue;
            RiskUse use{static_cast<int>(r), static_cast<int>(a), {}};
            for (Index t = a; t < b; ++t) use.amounts.push_back(u(i, t));
            m.uses[static_cast<std::size_t>(i)].push_back(std::move(use));
        }
    }
    // The copula.
    std::vector<std::tuple<int, int, double>> pairs;
    for (std::size_t c = 0; c < q.correlations.size(); ++c) {
        const auto& cor = q.correlations[c];
        if (!(cor.coefficient >= -1 && cor.coefficient <= 1))
            throw ValidationError(fmt::format("simulate(): correlation {} has coefficient {}, expected a number in [-1, 1]", c, cor.coefficient));
        for (Index i : cor.items)
            if (i < 0 || i >= n) throw ValidationError(fmt::format("simulate(): correlation {} names item {}, out of range", c, i));
        for (int kind = 0; kind < 2; ++kind) {
            if ((kind == 0 && cor.on == CorrelationOn::benefit) || (kind == 1 && cor.on == CorrelationOn::cost)) continue;
            for (std::size_t a = 0; a < cor.items.size(); ++a)
                for (std::size_t b = a + 1; b < cor.items.size(); ++b) {
                    const auto i = static_cast<std::size_t>(cor.items[a]), j = static_cast<std::size_t>(cor.items[b]);
                    const bool live = kind == 0 ? m.has_cost[i] && m.has_cost[j] : m.has_benefit[i] && m.has_benefit[j];
                    if (live && i != j) pairs.emplace_back(static_cast<int>(2 * i + kind), static_cast<int>(2 * j + kind), cor.coefficient);
                }
        }
    }
    const auto name = [&](int v) { return fmt::format("'{}' {}", q.ids[static_cast<std::size_t>(v / 2)], v % 2 ? "benefit" : "cost"); };
    m.groups = copula_groups(static_cast<int>(2 * n), pairs, repair, name, m.notes);
    m.correlated.assign(2 * N, 0);
    m.score_slot.assign(2 * N, -1);
    for (const auto& g : m.groups)
        for (int v : g.vars) {
            m.correlated[static_cast<std::size_t>(v)] = 1;
            m.score_slot[static_cast<std::size_t>(v)] = m.score_count++;
        }
    // Risk events.
    for (const auto& e : q.events) {
        if (!(e.probability >= 0 && e.probability <= 1))
            throw ValidationError(fmt::format("simulate(): risk event '{}' has probability {}, expected a number in [0, 1]", e.id, e.probability));
        RiskModel::Event ev{e.probability, {}, {}, false, false, {}};
        for (auto [est, name2, out, has] : {std::tuple{&e.cost, "cost", &ev.cost, &ev.has_cost}, {&e.delay, "delay", &ev.delay, &ev.has_delay}}) {
            if (!*est) continue;
            if (auto why = estimate_problem(**est); !why.empty())
                throw ValidationError(fmt::format("simulate(): risk event '{}' has a {} impact {}", e.id, name2, why));
            *out = Marginal(**est);
            *has = true;
        }
        for (Index i : e.items) {
            if (i < 0 || i >= n) throw ValidationError(fmt::format("simulate(): risk event '{}' names item {}, out of range", e.id, i));
            ev.items.push_back(static_cast<int>(i));
        }
        m.events.push_back(std::move(ev));
    }
    m.powers.resize(static_cast<std::size_t>(4 * m.T + 64));
    for (std::size_t s = 0; s < m.powers.size(); ++s) m.powers[s] = std::pow(m.discount, static_cast<double>(s));
    return m;
}

// Scratch space of one thread for one block of L samples; per item arrays are item-major
// (item i's L values together), so that every loop runs over samples.
struct RiskScratch {
    std::vector<double> u;          // 4 x n x L: the uniforms, variable-major
    std::vector<double> cost, benefit;  // L: one item's multipliers
    std::vector<double> success;    // L: 1 succeeded, 0 failed
    std::vector<int> delay;         // L: its own late start
    std::vector<double> extra;      // n x L: events' extra cost (when there are events)
    std::vector<int> event_delay;   // n x L
    std::vector<int> shift;         // n x L: the late start, pushes included
    std::vector<double> total;      // L: the portfolio NPV
    std::vector<double> value;      // L: one item's NPV
    std::vector<double> use;        // (R T) x L: each resource-period's use
    std::vector<std::uint32_t> perm;
    std::vector<std::uint32_t> words;  // 4 x L: one item's Philox words
    std::vector<double> item_u;     // 4 x L: one item's uniforms
    std::vector<double> scores, eps;  // correlated variables' normal scores, slot-major; a group's eps
};

// Item i's four uniforms (cost, benefit, success, delay) of samples [lo, lo + L), in block
// `block`, into u[0..3][s], with Latin hypercube strata over them when asked for.
inline void draw_item(std::uint64_t seed, long long lo, std::size_t L, bool lhs, long long block, std::size_t i,
                      const std::array<double*, 4>& u, RiskScratch& w) {
    philox_uniforms(seed, static_cast<std::uint64_t>(lo), L, static_cast<std::uint32_t>(i), RiskStream::item, u, w.words);
    if (!lhs) return;
    w.perm.resize(L);
    for (std::uint32_t v = 0; v < 4; ++v) {
        std::iota(w.perm.begin(), w.perm.end(), 0u);
        std::array<std::uint32_t, 4> shuffle{};
        for (std::size_t k = L; k-- > 1;) {
            const std::size_t call = k / 4;
            if (k % 4 == 3 || k == L - 1)
                shuffle = philox_words(seed, static_cast<std::uint64_t>(block), static_cast<std::uint32_t>(i),
                                       static_cast<RiskStream>(2 + 4 * (v + 4 * static_cast<std::uint32_t>(call))));
            const auto j = static_cast<std::size_t>((static_cast<std::uint64_t>(shuffle[k % 4]) * (k + 1)) >> 32);
            std::swap(w.perm[k], w.perm[j]);
        }
        double* col = u[v];
        for (std::size_t s = 0; s < L; ++s) col[s] = (w.perm[s] + col[s]) / static_cast<double>(L);
    }
}

// The uniforms of block `block`'s samples [lo, hi) (absolute indices) of every item that
// draws, variable-major (w.u[(v n + i) L + s]).
inline void draw_uniforms(const RiskModel& m, std::uint64_t seed, long long lo, long long hi, bool lhs, long long block,
                          RiskScratch& w) {
    const auto n = static_cast<std::size_t>(m.n);
    const auto L = static_cast<std::size_t>(hi - lo);
    w.u.resize(4 * n * L);
    for (std::size_t i = 0; i < n; ++i)
        if (m.draws[i])
            draw_item(seed, lo, L, lhs, block, i, {&w.u[i * L], &w.u[(n + i) * L], &w.u[(2 * n + i) * L], &w.u[(3 * n + i) * L]}, w);
}

// The normal scores z of the correlated variables of samples [lo, lo + L) into
// w.scores[slot L + s] (slot: m.score_slot of the variable): each group's members' uniforms
// as normal scores, times the group's factor.
inline void correlated_scores(const RiskModel& m, std::uint64_t seed, long long lo, std::size_t L, bool lhs, long long block,
                              RiskScratch& w) {
    w.scores.resize(static_cast<std::size_t>(m.score_count) * L);
    w.item_u.resize(4 * L);
    double* u = w.item_u.data();
    for (const auto& g : m.groups) {
        const auto k = g.vars.size();
        w.eps.resize(k * L);
        for (std::size_t a = 0; a < k; ++a) {
            const auto v = static_cast<std::size_t>(g.vars[a]);
            draw_item(seed, lo, L, lhs, block, v / 2, {u, u + L, u + 2 * L, u + 3 * L}, w);
            const double* col = u + (v % 2) * L;
            for (std::size_t s = 0; s < L; ++s) w.eps[a * L + s] = Marginal::standard_normal(col[s]);
        }
        for (std::size_t a = 0; a < k; ++a) {
            double* z = &w.scores[static_cast<std::size_t>(m.score_slot[static_cast<std::size_t>(g.vars[a])]) * L];
            std::fill_n(z, L, 0.0);
            for (std::size_t b = 0; b < k; ++b) {
                const double f = g.factor(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b));
                if (f == 0) continue;
                const double* e = &w.eps[b * L];
                for (std::size_t s = 0; s < L; ++s) z[s] += f * e[s];
            }
        }
    }
}

// The copula over the drawn uniforms (draw_uniforms'): each correlated variable's uniform
// replaced by Phi(z), its normal score.
inline void correlate(const RiskModel& m, std::uint64_t seed, long long lo, std::size_t L, bool lhs, long long block, RiskScratch& w) {
    const auto n = static_cast<std::size_t>(m.n);
    correlated_scores(m, seed, lo, L, lhs, block, w);
    for (std::size_t v = 0; v < 2 * n; ++v) {
        if (m.score_slot[v] < 0) continue;
        const double* z = &w.scores[static_cast<std::size_t>(m.score_slot[v]) * L];
        double* u = &w.u[((v % 2) * n + v / 2) * L];
        for (std::size_t s = 0; s < L; ++s) u[s] = std::clamp(normal_cdf(z[s]), 0x1p-60, 1 - 0x1p-53);
    }
}

// One block's samples [lo, hi): their NPVs into npv_out and their uses into use_out (sample
// `sample` of resource-period k at use_out[k * stride + sample - origin]), their sums into
// `sums` and counts into `counts`.
// Items' samples (keep_item_samples), each samples x n column-major with `stride` rows; null: not kept.
struct ItemSamplesOut {
    double* npv = nullptr;
    double* cost = nullptr;
    int* shift = nullptr;
};

// The sampling of a block, with clones for AVX-512 (x86-64-v4) and AVX2 (x86-64-v3) chosen at
// load time, everything it calls compiled into each (flatten): the loops over samples are
// then four or eight wide, and the octave tables read by gathers. No fused multiply-add
// (src/risk.cpp is built without contraction) and no reassociation: every clone computes the
// default's numbers bit for bit. Clones need the loader's indirect functions and GCC's
// "arch=" clones: GCC on x86-64 glibc; elsewhere, and in header-only mode, the one portable
// version (the same numbers).
#if defined(__x86_64__) && defined(__GLIBC__) && defined(__GNUC__) && !defined(__clang__) && !defined(ALIGNGRAPH_NO_TARGET_CLONES) && \
    !defined(ALIGNGRAPH_HEADER_ONLY)
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"), flatten))
#endif
inline void run_block(const RiskModel& m, const RiskProblem& q, std::uint64_t seed, long long lo, long long hi, bool lhs,
                      long long origin, double* npv_out, double* use_out, long long stride, double* sums, long long* counts,
                      RiskScratch& w, const ItemSamplesOut& items = {}) {
    const auto n = static_cast<std::size_t>(m.n);
    const auto T = static_cast<int>(m.T);
    const auto RT = static_cast<std::size_t>(m.R * m.T);
    const auto L = static_cast<std::size_t>(hi - lo);
    const long long block = lo / RiskResult::block_size;
    if (!m.groups.empty()) correlated_scores(m, seed, lo, L, lhs, block, w);
    // One item's multipliers, success and delay over the block: drawn just before they are used.
    w.item_u.resize(4 * L);
    w.cost.resize(L);
    w.benefit.resize(L);
    w.success.resize(L);
    w.delay.resize(L);
    double* const u = w.item_u.data();
    const auto draw = [&](std::size_t i) {
        double* cost = w.cost.data();
        double* benefit = w.benefit.data();
        double* success = w.success.data();
        int* delay = w.delay.data();
        if (!m.draws[i]) {
            std::fill_n(cost, L, m.cost[i].quantile(0.5));
            std::fill_n(benefit, L, m.benefit[i].quantile(0.5));
            std::fill_n(success, L, 1.0);
            std::fill_n(delay, L, 0);
            return;
        }
        draw_item(seed, lo, L, lhs, block, i, {u, u + L, u + 2 * L, u + 3 * L}, w);
        if (!m.has_cost[i]) std::fill_n(cost, L, m.cost[i].quantile(0.5));
        else if (m.correlated[2 * i]) m.cost[i].from_normals(&w.scores[static_cast<std::size_t>(m.score_slot[2 * i]) * L], cost, L);
        else m.cost[i].quantiles(u, cost, L);
        if (!m.has_benefit[i]) std::fill_n(benefit, L, m.benefit[i].quantile(0.5));
        else if (m.correlated[2 * i + 1])
            m.benefit[i].from_normals(&w.scores[static_cast<std::size_t>(m.score_slot[2 * i + 1]) * L], benefit, L);
        else m.benefit[i].quantiles(u + L, benefit, L);
        const double p = m.success[i];
        for (std::size_t s = 0; s < L; ++s) success[s] = u[2 * L + s] < p ? 1.0 : 0.0;
        if (m.has_delay[i]) {
            double* const x = u;  // the cost's uniforms are used: their room serves
            m.delay[i].quantiles(u + 3 * L, x, L);
            for (std::size_t s = 0; s < L; ++s) delay[s] = whole_delay(x[s]);
        } else {
            std::fill_n(delay, L, 0);
        }
    };
    // Risk events: per sample, which happen; their extra cost and delay for the items they hit.
    const bool events = !m.events.empty();
    if (events) {
        w.extra.assign(n * L, 0.0);
        w.event_delay.assign(n * L, 0);
        for (std::size_t s = 0; s < L; ++s) {
            const long long sample = lo + static_cast<long long>(s);
            for (std::size_t e = 0; e < m.events.size(); ++e) {
                const auto& ev = m.events[e];
                const auto r = philox_words(seed, static_cast<std::uint64_t>(sample), static_cast<std::uint32_t>(e), RiskStream::event);
                if (!(open_uniform(r[0]) < ev.probability)) continue;
                const double x = ev.has_cost ? ev.cost.quantile(open_uniform(r[1])) : 0.0;
                const int d = ev.has_delay ? whole_delay(ev.delay.quantile(open_uniform(r[2]))) : 0;
                for (int i : ev.items) {
                    w.extra[static_cast<std::size_t>(i) * L + s] += x;
                    w.event_delay[static_cast<std::size_t>(i) * L + s] += d;
                }
            }
        }
    }
    // Each item over the block's samples, prerequisites first.
    w.shift.resize(n * L);
    w.total.assign(L, 0.0);
    w.value.resize(L);
    w.use.assign(RT * L, 0.0);
    const Index K = m.n;
    double* item_sum = sums + 2;
    double* item_sq = sums + 2 + K;
    double* use_sum = sums + 2 + 2 * K;
    long long* failures = counts + 1;
    long long* delays = counts + 1 + K;
    long long* finish = counts + 1 + 2 * K;
    long long* over = counts + 1 + 2 * K + K * (m.T + 1);
    const int max_power = static_cast<int>(m.powers.size());
    double* total = w.total.data();
    for (int ii : m.order) {
        const auto i = static_cast<std::size_t>(ii);
        draw(i);
        int* shift = &w.shift[i * L];
        if (m.started[i]) {
            std::fill_n(shift, L, 0);
        } else {
            const int* own = w.delay.data();
            if (events) {
                const int* ev = &w.event_delay[i * L];
                for (std::size_t s = 0; s < L; ++s) shift[s] = own[s] + ev[s];
            } else {
                std::copy_n(own, L, shift);
            }
            for (auto [p, gap] : m.prereqs[i]) {
                const int* before = &w.shift[static_cast<std::size_t>(p) * L];
                for (std::size_t s = 0; s < L; ++s) shift[s] = std::max(shift[s], before[s] - gap);
            }
        }
        double* cm = w.cost.data();
        if (events) {
            const double* x = &w.extra[i * L];
            for (std::size_t s = 0; s < L; ++s) cm[s] *= 1 + x[s];
        }
        const double* bm = w.benefit.data();
        const double* ok = w.success.data();  // 1 or 0: a factor of the benefit
        const double pvb = m.pv_benefit[i], pvc = m.pv_cost[i], planned = pvb - pvc;
        // The latest start in these samples: most items are never late, and their loops are
        // then without a discount's lookup or a scatter (and vectorised).
        int latest = 0;
        for (std::size_t s = 0; s < L; ++s) latest = std::max(latest, shift[s]);
        double* value = w.value.data();
        if (latest == 0) {
            for (std::size_t s = 0; s < L; ++s) value[s] = ok[s] * bm[s] * pvb - cm[s] * pvc;
        } else {
            for (std::size_t s = 0; s < L; ++s) {
                const int sh = shift[s];
                const double df = sh < max_power ? m.powers[static_cast<std::size_t>(sh)] : std::pow(m.discount, sh);
                value[s] = (ok[s] * bm[s] * pvb - cm[s] * pvc) * df;
            }
        }
        // Sums about the planned value (so that an item without uncertainty sums to exactly
        // 0), in four interleaved parts (one chain of additions would wait on each other).
        double sum[4] = {0, 0, 0, 0}, sq[4] = {0, 0, 0, 0};
        long long failed = 0;
        std::size_t s = 0;
        for (; s + 4 <= L; s += 4)
            for (std::size_t k = 0; k < 4; ++k) {
                const double d = value[s + k] - planned;
                sum[k] += d;
                sq[k] += d * d;
            }
        for (; s < L; ++s) {
            const double d = value[s] - planned;
            sum[0] += d;
            sq[0] += d * d;
        }
        for (s = 0; s < L; ++s) {
            total[s] += value[s];
            failed += ok[s] != 0 ? 0 : 1;
        }
        item_sum[i] += (sum[0] + sum[1]) + (sum[2] + sum[3]);
        item_sq[i] += (sq[0] + sq[1]) + (sq[2] + sq[3]);
        failures[i] += failed;
        long long* done = finish + static_cast<Index>(i) * (m.T + 1);
        const long long planned_finish = q.starts[i] + q.durations[i];
        if (latest == 0) {
            if (planned_finish <= m.T) done[planned_finish] += static_cast<long long>(L);
        } else {
            long long late = 0;
            for (s = 0; s < L; ++s) {
                late += shift[s];
                const long long f = planned_finish + shift[s];
                if (f <= m.T) ++done[f];
            }
            delays[i] += late;
        }
        if (items.npv) {
            const long long at = static_cast<long long>(i) * stride + (lo - origin);
            std::copy_n(shift, L, items.shift + at);
            std::copy_n(cm, L, items.cost + at);
            std::copy_n(value, L, items.npv + at);
        }
        // The uses: row t of a resource gets amount k of each sample that starts its use in
        // period t - k. Most items are never late: then whole rows (vectorised); else a
        // scatter by each sample's late start.
        for (const auto& use : m.uses[i]) {
            const bool scales = m.scales[static_cast<std::size_t>(use.resource)];
            double* rows = &w.use[static_cast<std::size_t>(use.resource) * static_cast<std::size_t>(T) * L];
            const int width = static_cast<int>(use.amounts.size());
            for (int k = 0; k < width && use.first + k < T; ++k) {
                const double amount = use.amounts[static_cast<std::size_t>(k)];
                const int at = use.first + k;
                double* row = rows + static_cast<std::size_t>(at) * L;
                if (latest == 0) {
                    if (scales)
                        for (s = 0; s < L; ++s) row[s] += cm[s] * amount;
                    else
                        for (s = 0; s < L; ++s) row[s] += amount;
                } else if (at + latest < T) {
                    for (s = 0; s < L; ++s) row[static_cast<std::size_t>(shift[s]) * L + s] += (scales ? cm[s] : 1.0) * amount;
                } else {
                    for (s = 0; s < L; ++s)
                        if (at + shift[s] < T) row[static_cast<std::size_t>(shift[s]) * L + s] += (scales ? cm[s] : 1.0) * amount;
                }
            }
        }
    }
    double npv_sum = 0, npv_sq = 0;
    long long negative = 0;
    for (std::size_t s = 0; s < L; ++s) {
        npv_sum += total[s];
        npv_sq += total[s] * total[s];
        negative += total[s] < 0 ? 1 : 0;
    }
    sums[0] += npv_sum;
    sums[1] += npv_sq;
    counts[0] += negative;
    std::copy_n(total, L, npv_out + (lo - origin));
    for (std::size_t k = 0; k < RT; ++k) {
        const double* row = &w.use[k * L];
        const double cap = q.capacity(static_cast<Index>(k) / T, static_cast<Index>(k) % T);
        const double limit = cap + 1e-9 * std::max(1.0, std::abs(cap));
        double sum = 0;
        long long above = 0;
        for (std::size_t s = 0; s < L; ++s) {
            sum += row[s];
            above += row[s] > limit ? 1 : 0;
        }
        use_sum[k] += sum;
        over[k] += above;
        if (use_out) std::copy_n(row, L, use_out + static_cast<long long>(k) * stride + (lo - origin));
    }
}

// The portfolio NPV with fixed inputs (the tornado's), each item's multipliers, success and delay.
inline double fixed_npv(const RiskModel& m, const std::vector<double>& cost, const std::vector<double>& benefit,
                        const std::vector<char>& success, const std::vector<int>& delay) {
    std::vector<int> shift(static_cast<std::size_t>(m.n), 0);
    std::vector<double> value(static_cast<std::size_t>(m.n), 0);
    for (int ii : m.order) {
        const auto i = static_cast<std::size_t>(ii);
        int sft = 0;
        if (!m.started[i]) {
            sft = delay[i];
            for (auto [p, gap] : m.prereqs[i]) sft = std::max(sft, shift[static_cast<std::size_t>(p)] - gap);
        }
        shift[i] = sft;
        value[i] = ((success[i] ? benefit[i] * m.pv_benefit[i] : 0.0) - cost[i] * m.pv_cost[i]) * m.discounted(sft);
    }
    double total = 0;
    for (double v : value) total += v;
    return total;
}

// The tornado's bars, largest swing first; `base` receives the NPV with every input at its base.
inline std::vector<TornadoBar> tornado_bars(const RiskModel& m, double& base) {
    const auto n = static_cast<std::size_t>(m.n);
    std::vector<double> cost(n), benefit(n);
    std::vector<char> success(n, 1);
    std::vector<int> delay(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        cost[i] = m.cost[i].quantile(0.5);
        benefit[i] = m.benefit[i].quantile(0.5);
        delay[i] = m.has_delay[i] ? whole_delay(m.delay[i].quantile(0.5)) : 0;
    }
    base = fixed_npv(m, cost, benefit, success, delay);
    std::vector<TornadoBar> bars;
    const auto bar = [&](std::size_t i, const char* var, double lo_in, double hi_in, double lo, double hi) {
        bars.push_back({static_cast<Index>(i), var, lo_in, hi_in, lo, hi, std::abs(hi - lo)});
    };
    // One input at its low and high value, the others at their base.
    const auto swing = [&](std::size_t i, const char* var, auto& slot, auto lo, auto hi) {
        const auto base = slot;
        slot = lo;
        const double a = fixed_npv(m, cost, benefit, success, delay);
        slot = hi;
        const double b = fixed_npv(m, cost, benefit, success, delay);
        slot = base;
        bar(i, var, static_cast<double>(lo), static_cast<double>(hi), a, b);
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (m.has_cost[i]) swing(i, "cost", cost[i], m.cost[i].quantile(0.1), m.cost[i].quantile(0.9));
        if (m.has_benefit[i]) swing(i, "benefit", benefit[i], m.benefit[i].quantile(0.1), m.benefit[i].quantile(0.9));
        if (m.has_delay[i])
            swing(i, "delay", delay[i], whole_delay(m.delay[i].quantile(0.1)), whole_delay(m.delay[i].quantile(0.9)));
        if (m.success[i] < 1) swing(i, "success", success[i], char{0}, char{1});
    }
    std::stable_sort(bars.begin(), bars.end(), [](const TornadoBar& a, const TornadoBar& b) { return a.swing > b.swing; });
    return bars;
}

// Ranks 1..N of x, ties sharing their mean rank.
inline std::vector<double> ranks_of(const double* x, std::size_t N) {
    std::vector<std::size_t> idx(N);
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b] || (x[a] == x[b] && a < b); });
    std::vector<double> r(N);
    for (std::size_t a = 0; a < N;) {
        std::size_t b = a;
        while (b + 1 < N && x[idx[b + 1]] == x[idx[a]]) ++b;
        const double mean = 0.5 * static_cast<double>(a + b) + 1;
        for (std::size_t k = a; k <= b; ++k) r[idx[k]] = mean;
        a = b + 1;
    }
    return r;
}

inline double pearson(const std::vector<double>& a, const std::vector<double>& b) {
    const auto N = static_cast<double>(a.size());
    double ma = 0, mb = 0;
    for (std::size_t k = 0; k < a.size(); ++k) {
        ma += a[k];
        mb += b[k];
    }
    ma /= N;
    mb /= N;
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t k = 0; k < a.size(); ++k) {
        sab += (a[k] - ma) * (b[k] - mb);
        saa += (a[k] - ma) * (a[k] - ma);
        sbb += (b[k] - mb) * (b[k] - mb);
    }
    return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

// Spearman's rho of each input's draw (its uniform: Phi(z) when correlated) with the NPV.
inline std::vector<RankCorrelation> rank_correlations(const RiskModel& m, std::uint64_t seed, long long first, bool lhs,
                                                      const Eigen::VectorXd& npv, int threads) {
    const auto N = static_cast<std::size_t>(npv.size());
    const auto n = static_cast<std::size_t>(m.n);
    if (N < 3) return {};
    const auto npv_rank = ranks_of(npv.data(), N);
    // The inputs' draws, variable-major, for every sample (block by block).
    std::vector<std::pair<std::size_t, int>> inputs;  // (item, variable 0 cost 1 benefit 2 success 3 delay)
    for (std::size_t i = 0; i < n; ++i) {
        if (m.has_cost[i]) inputs.emplace_back(i, 0);
        if (m.has_benefit[i]) inputs.emplace_back(i, 1);
        if (m.success[i] < 1) inputs.emplace_back(i, 2);
        if (m.has_delay[i]) inputs.emplace_back(i, 3);
    }
    if (inputs.empty()) return {};
    std::vector<double> draws(inputs.size() * N);
    const long long end = first + static_cast<long long>(N);
    RiskScratch w;
    for (long long lo = first; lo < end;) {
        const long long block = lo / RiskResult::block_size;
        const long long hi = std::min(end, (block + 1) * RiskResult::block_size);
        const auto L = static_cast<std::size_t>(hi - lo);
        draw_uniforms(m, seed, lo, hi, lhs, block, w);
        if (!m.groups.empty()) correlate(m, seed, lo, L, lhs, block, w);
        for (std::size_t k = 0; k < inputs.size(); ++k) {
            const auto [i, v] = inputs[k];
            std::copy_n(&w.u[(static_cast<std::size_t>(v) * n + i) * L], L, &draws[k * N + static_cast<std::size_t>(lo - first)]);
        }
        lo = hi;
    }
    std::vector<RankCorrelation> out(inputs.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t k; (k = next.fetch_add(1)) < inputs.size();) {
            const auto r = ranks_of(&draws[k * N], N);
            static constexpr const char* names[] = {"cost", "benefit", "success", "delay"};
            // A higher success draw means failure (success when u < p): its rank sign is turned.
            const double rho = pearson(r, npv_rank);
            out[k] = {static_cast<Index>(inputs[k].first), names[inputs[k].second], inputs[k].second == 2 ? -rho : rho};
        }
    };
    detail::on_threads(threads, [&](int) { work(); });
    std::stable_sort(out.begin(), out.end(), [](const RankCorrelation& a, const RankCorrelation& b) { return std::abs(a.rho) > std::abs(b.rho); });
    return out;
}

// The summaries of a result from its samples, block sums and counts.
inline void summarise(const RiskModel& m, const RiskProblem& q, const RiskOptions& o, RiskResult& r) {
    const auto N = static_cast<double>(r.samples);
    const Index n = m.n, T = m.T, R = m.R;
    // Totals: the block sums in block order.
    Eigen::VectorXd total = Eigen::VectorXd::Zero(m.sums_rows());
    for (Index b = 0; b < r.block_sums.cols(); ++b) total += r.block_sums.col(b);
    auto& s = r.summary;
    s.mean = total(0) / N;
    double ss = 0;
    for (Index k = 0; k < r.npv.size(); ++k) ss += (r.npv(k) - s.mean) * (r.npv(k) - s.mean);
    s.sd = r.samples > 1 ? std::sqrt(ss / (N - 1)) : 0.0;
    s.standard_error = s.sd / std::sqrt(N);
    Eigen::VectorXd sorted = r.npv;
    std::sort(sorted.data(), sorted.data() + sorted.size());
    // Percentiles by linear interpolation between order statistics (numpy's default).
    const auto pct = [&](double p) {
        const double h = (N - 1) * p;
        const auto lo = static_cast<Index>(std::floor(h));
        const Index hi = std::min<Index>(lo + 1, sorted.size() - 1);
        return sorted(lo) + (h - static_cast<double>(lo)) * (sorted(hi) - sorted(lo));
    };
    s.p5 = pct(0.05);
    s.p50 = pct(0.5);
    s.p95 = pct(0.95);
    s.min = sorted(0);
    s.max = sorted(sorted.size() - 1);
    const auto worst = std::max<Index>(1, static_cast<Index>(std::ceil(0.05 * N)));
    double tail = 0;
    for (Index k = 0; k < worst; ++k) tail += sorted(k);
    s.cvar5 = tail / static_cast<double>(worst);
    const double pn = static_cast<double>(r.counts(0, 0)) / N;
    s.p_negative = pn;
    std::tie(s.p_negative_low, s.p_negative_high) = detail::wilson_interval(pn, N);
    // Histogram over [min, max].
    const int bins = std::max(1, o.histogram_bins);
    r.histogram_edges.resize(bins + 1);
    r.histogram_counts.assign(static_cast<std::size_t>(bins), 0);
    const double width = (s.max - s.min) / bins;
    for (int b = 0; b <= bins; ++b) r.histogram_edges(b) = b == bins ? s.max : s.min + width * b;
    for (Index k = 0; k < sorted.size(); ++k) {
        int b = width > 0 ? static_cast<int>((sorted(k) - s.min) / width) : 0;
        b = std::clamp(b, 0, bins - 1);
        ++r.histogram_counts[static_cast<std::size_t>(b)];
    }
    // Items.
    r.item_npv_mean.resize(n);
    r.item_npv_sd.resize(n);
    r.failure_rate.resize(n);
    r.delay_mean.resize(n);
    r.finish_by = Eigen::MatrixXd::Zero(n, T + 1);
    r.on_time.resize(n);
    for (Index i = 0; i < n; ++i) {
        // The sums are of the deviation from the planned value.
        const double shift = total(2 + i) / N;
        const auto k = static_cast<std::size_t>(i);
        r.item_npv_mean(i) = m.pv_benefit[k] - m.pv_cost[k] + shift;
        r.item_npv_sd(i) = r.samples > 1 ? std::sqrt(std::max(0.0, (total(2 + n + i) - N * shift * shift) / (N - 1))) : 0.0;
        r.failure_rate(i) = static_cast<double>(r.counts(1 + i, 0)) / N;
        r.delay_mean(i) = static_cast<double>(r.counts(1 + n + i, 0)) / N;
        long long cum = 0;
        for (Index t = 0; t <= T; ++t) {
            cum += r.counts(1 + 2 * n + i * (T + 1) + t, 0);
            r.finish_by(i, t) = static_cast<double>(cum) / N;
        }
        const Index planned = q.starts[static_cast<std::size_t>(i)] + q.durations[static_cast<std::size_t>(i)];
        r.on_time(i) = planned >= 0 && planned <= T ? r.finish_by(i, planned) : std::nan("");
    }
    // Resources.
    r.capacity = q.capacity;
    r.use_mean.resize(R, T);
    r.p_over.resize(R, T);
    r.use_p95.resize(R, T);
    for (Index k = 0; k < R * T; ++k) {
        r.use_mean(k / T, k % T) = total(2 + 2 * n + k) / N;
        r.p_over(k / T, k % T) = static_cast<double>(r.counts(1 + 2 * n + n * (T + 1) + k, 0)) / N;
        if (r.use_samples.rows() == r.samples && r.samples > 0) {
            // The two order statistics around P95 (numpy's linear interpolation), without a sort.
            Eigen::VectorXd col = r.use_samples.col(k);
            const double h = (N - 1) * 0.95;
            const auto lo = static_cast<Index>(std::floor(h));
            const Index hi = std::min<Index>(lo + 1, col.size() - 1);
            double* x = col.data();
            std::nth_element(x, x + lo, x + col.size());
            const double below = x[lo];
            const double above = hi > lo ? *std::min_element(x + lo + 1, x + col.size()) : below;
            r.use_p95(k / T, k % T) = below + (h - static_cast<double>(lo)) * (above - below);
        } else {
            r.use_p95(k / T, k % T) = std::nan("");
        }
    }
    if (o.sensitivity) {
        r.tornado = tornado_bars(m, r.tornado_base);
        r.rank_correlations = rank_correlations(m, r.seed, r.first, r.latin_hypercube, r.npv, std::max(1, r.threads));
    } else {
        r.tornado.clear();
        r.rank_correlations.clear();
    }
}

inline void label(const RiskProblem& q, const RiskModel& m, RiskResult& r) {
    r.ids = q.ids;
    r.resources = q.resources;
    r.resource_kinds = q.resource_kinds;
    r.resource_ids = q.resource_ids;
    r.periods = q.periods;
    r.currency = q.currency;
    r.scenario = q.scenario;
    r.starts = q.starts;
    r.durations = q.durations;
    r.notes = m.notes;
    double planned = 0;
    for (Index i = 0; i < m.n; ++i) planned += m.pv_benefit[static_cast<std::size_t>(i)] - m.pv_cost[static_cast<std::size_t>(i)];
    r.planned_npv = planned;
}

}  // namespace detail

ALIGNGRAPH_INLINE RiskResult simulate(const RiskProblem& q, const RiskOptions& o) {
    const auto t0 = std::chrono::steady_clock::now();
    if (o.samples < 1) throw ValidationError(fmt::format("simulate(): samples {}, expected at least 1", o.samples));
    if (o.first < 0) throw ValidationError(fmt::format("simulate(): first sample {}, expected >= 0", o.first));
    if (o.threads < 0) throw ValidationError(fmt::format("simulate(): threads {}, expected >= 0 (0: every hardware thread)", o.threads));
    if (!(o.convergence >= 0) || !std::isfinite(o.convergence))
        throw ValidationError(fmt::format("simulate(): convergence {}, expected a relative standard error >= 0 (0: off)", o.convergence));
    if (o.convergence > 0 && (o.check_every < 1 || o.check_every % RiskResult::block_size != 0))
        throw ValidationError(fmt::format("simulate(): check_every {}, expected a positive multiple of {} samples", o.check_every,
                                          RiskResult::block_size));
    if (o.histogram_bins < 1) throw ValidationError(fmt::format("simulate(): histogram_bins {}, expected at least 1", o.histogram_bins));
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    const int threads = o.threads > 0 ? o.threads : static_cast<int>(hw);
    {
        // PERT's tables, each shape once, on every thread (a model may have one per estimate).
        std::vector<std::pair<double, double>> shapes;
        const auto add = [&](const std::optional<Estimate>& e) {
            if (e && e->distribution == Distribution::pert && e->high > e->low && detail::estimate_problem(*e).empty())
                shapes.push_back(detail::pert_shape(*e));
        };
        for (const auto& u : q.uncertainty) add(u.cost), add(u.benefit), add(u.delay);
        for (const auto& e : q.events) add(e.cost), add(e.delay);
        detail::prepare_pert_tables(std::move(shapes), threads);
    }
    const auto m = detail::compile_risk(q, o.repair_correlations);
    const Index RT = m.R * m.T;
    detail::check_memory(fmt::format("the NPV of {} samples", o.samples), 8.0 * static_cast<double>(o.samples));
    if (o.keep_use_samples)
        detail::check_memory(fmt::format("the use of {} resources x {} periods in {} samples (keep_use_samples)", m.R, m.T, o.samples),
                     8.0 * static_cast<double>(o.samples) * static_cast<double>(RT));

    RiskResult r;
    detail::label(q, m, r);
    r.seed = o.seed;
    r.first = o.first;
    r.latin_hypercube = o.latin_hypercube;
    r.threads = threads;

    const long long end = o.first + o.samples;
    const long long first_block = o.first / RiskResult::block_size;
    const long long blocks = (end - 1) / RiskResult::block_size - first_block + 1;
    Eigen::VectorXd npv(o.samples);
    Eigen::MatrixXd use_rows;
    if (o.keep_use_samples) use_rows.resize(o.samples, RT);  // a column per resource-period
    Eigen::MatrixXd item_npv, item_cost;
    Eigen::MatrixXi item_shift;
    if (o.keep_item_samples) {
        detail::check_memory(fmt::format("the NPV, cost and delay of {} items in {} samples (keep_item_samples)", m.n, o.samples),
                             20.0 * static_cast<double>(o.samples) * static_cast<double>(m.n));
        item_npv.resize(o.samples, m.n);
        item_cost.resize(o.samples, m.n);
        item_shift.resize(o.samples, m.n);
    }
    const detail::ItemSamplesOut item_out = o.keep_item_samples ? detail::ItemSamplesOut{item_npv.data(), item_cost.data(), item_shift.data()}
                                                                : detail::ItemSamplesOut{};
    Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(m.sums_rows(), blocks);
    Eigen::Matrix<long long, Eigen::Dynamic, Eigen::Dynamic> counts =
        Eigen::Matrix<long long, Eigen::Dynamic, Eigen::Dynamic>::Zero(m.counts_rows(), blocks);

    detail::Limits limits(std::numeric_limits<double>::infinity(), std::numeric_limits<long long>::max(), &o.cancel, t0);
    // Rounds of blocks: the convergence checks at multiples of check_every samples from `first`;
    // a stop asked for between rounds.
    const long long round = o.convergence > 0 ? o.check_every / RiskResult::block_size : 16;
    long long done = 0;  // blocks done
    while (done < blocks) {
        const long long upto = std::min(blocks, done + round);
        std::atomic<long long> next{done};
        const auto work = [&] {
            detail::RiskScratch w;
            for (long long b; (b = next.fetch_add(1)) < upto;) {
                const long long lo = std::max(o.first, (first_block + b) * RiskResult::block_size);
                const long long hi = std::min(end, (first_block + b + 1) * RiskResult::block_size);
                const long long step = o.latin_hypercube ? RiskResult::block_size : 256;
                for (long long a = lo; a < hi;) {
                    const long long z = std::min(hi, (a / step + 1) * step);
                    detail::run_block(m, q, o.seed, a, z, o.latin_hypercube, o.first, npv.data(),
                                      o.keep_use_samples ? use_rows.data() : nullptr, o.samples, sums.col(b).data(), counts.col(b).data(), w,
                                      item_out);
                    a = z;
                }
            }
        };
        const int workers = static_cast<int>(std::min<long long>(r.threads, upto - done));
        detail::on_threads(workers, [&](int) { work(); });
        done = upto;
        const long long have = std::min(end, (first_block + done) * RiskResult::block_size) - o.first;
        if (o.convergence > 0 && done < blocks && have > 1) {
            double sum = 0;
            for (long long b = 0; b < done; ++b) sum += sums(0, b);
            const double mean = sum / static_cast<double>(have);
            double ss = 0;
            for (long long k = 0; k < have; ++k) ss += (npv(k) - mean) * (npv(k) - mean);
            const double se = std::sqrt(ss / static_cast<double>(have - 1) / static_cast<double>(have));
            if (se <= o.convergence * std::abs(mean)) {
                r.converged = true;
                break;
            }
        }
        limits.progress("simulate", std::min(end, (first_block + done) * RiskResult::block_size) - o.first, o.samples, done == blocks);
        if (done < blocks && limits.reached()) {
            r.stop_reason = limits.reason();
            break;
        }
    }
    if (o.convergence > 0 && done == blocks && !r.converged) {
        double sum = 0;
        for (long long b = 0; b < done; ++b) sum += sums(0, b);
        const double mean = sum / static_cast<double>(o.samples);
        double ss = 0;
        for (long long k = 0; k < o.samples; ++k) ss += (npv(k) - mean) * (npv(k) - mean);
        r.converged = o.samples > 1 && std::sqrt(ss / static_cast<double>(o.samples - 1) / static_cast<double>(o.samples)) <=
                                            o.convergence * std::abs(mean);
    }
    if (done == 0) throw NoSolutionError("simulate(): stopped before the first block of samples");
    const long long have = std::min(end, (first_block + done) * RiskResult::block_size) - o.first;
    r.samples = have;
    r.npv = npv.head(have);
    if (o.keep_use_samples) r.use_samples = use_rows.topRows(have);
    if (o.keep_item_samples) {
        r.item_npv_samples = item_npv.topRows(have);
        r.item_cost_samples = item_cost.topRows(have);
        r.item_shift_samples = item_shift.topRows(have);
    }
    r.block_sums = sums.leftCols(done);
    r.counts = counts.leftCols(done).rowwise().sum();
    // Block sums keep each block apart; counts are exact integers and add in any order.
    detail::summarise(m, q, o, r);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

ALIGNGRAPH_INLINE RiskResult join(const RiskProblem& q, const std::vector<RiskResult>& chunks, const RiskOptions& o) {
    if (chunks.empty()) throw ValidationError("join(): no chunks");
    const auto m = detail::compile_risk(q, o.repair_correlations);
    RiskResult r;
    detail::label(q, m, r);
    const auto& a = chunks.front();
    r.seed = a.seed;
    r.first = a.first;
    r.latin_hypercube = a.latin_hypercube;
    r.threads = a.threads;
    long long total = 0, blocks = 0;
    bool keep = true, keep_items = true;
    for (std::size_t k = 0; k < chunks.size(); ++k) {
        const auto& c = chunks[k];
        if (c.seed != a.seed || c.latin_hypercube != a.latin_hypercube)
            throw ValidationError(fmt::format("join(): chunk {} has seed {} and latin_hypercube {}, chunk 0 {} and {}", k, c.seed,
                                              c.latin_hypercube, a.seed, a.latin_hypercube));
        if (c.first != a.first + total)
            throw ValidationError(fmt::format("join(): chunk {} starts at sample {}, expected {} (adjacent chunks, in order)", k, c.first,
                                              a.first + total));
        if (k + 1 < chunks.size() && (c.first + c.samples) % RiskResult::block_size != 0)
            throw ValidationError(fmt::format("join(): chunk {} ends at sample {}, not a multiple of {}: chunks join exactly only "
                                              "there",
                                              k, c.first + c.samples, RiskResult::block_size));
        if (c.block_sums.rows() != m.sums_rows() || c.counts.rows() != m.counts_rows())
            throw ValidationError(fmt::format("join(): chunk {} is of another problem ({} sums, expected {})", k, c.block_sums.rows(),
                                              m.sums_rows()));
        if (c.stop_reason != StopReason::none || c.converged)
            throw ValidationError(fmt::format("join(): chunk {} stopped early; only whole chunks join", k));
        total += c.samples;
        blocks += c.block_sums.cols();
        keep = keep && c.use_samples.rows() == c.samples;
        keep_items = keep_items && c.item_npv_samples.rows() == c.samples;
    }
    r.samples = total;
    r.npv.resize(total);
    r.block_sums.resize(m.sums_rows(), blocks);
    r.counts = Eigen::Matrix<long long, Eigen::Dynamic, Eigen::Dynamic>::Zero(m.counts_rows(), 1);
    if (keep) r.use_samples.resize(total, m.R * m.T);
    if (keep_items) {
        r.item_npv_samples.resize(total, m.n);
        r.item_cost_samples.resize(total, m.n);
        r.item_shift_samples.resize(total, m.n);
    }
    long long at = 0, bt = 0;
    for (const auto& c : chunks) {
        r.npv.segment(at, c.samples) = c.npv;
        if (keep) r.use_samples.middleRows(at, c.samples) = c.use_samples;
        if (keep_items) {
            r.item_npv_samples.middleRows(at, c.samples) = c.item_npv_samples;
            r.item_cost_samples.middleRows(at, c.samples) = c.item_cost_samples;
            r.item_shift_samples.middleRows(at, c.samples) = c.item_shift_samples;
        }
        r.block_sums.middleCols(bt, c.block_sums.cols()) = c.block_sums;
        r.counts += c.counts;
        r.seconds += c.seconds;
        at += c.samples;
        bt += c.block_sums.cols();
    }
    detail::summarise(m, q, o, r);
    return r;
}

ALIGNGRAPH_INLINE Eigen::VectorXd draws(const Estimate& e, long long n, std::uint64_t seed, long long first) {
    if (n < 0 || first < 0) throw ValidationError(fmt::format("draws(): {} samples from {}, expected both >= 0", n, first));
    if (auto why = detail::estimate_problem(e); !why.empty()) throw ValidationError(fmt::format("draws(): the estimate {}", why));
    detail::check_memory(fmt::format("{} draws", n), 8.0 * static_cast<double>(n));
    const detail::Marginal m(e);
    Eigen::VectorXd out(n);
    for (long long s = 0; s < n; ++s)
        out(s) = m.quantile(detail::open_uniform(
            detail::philox_words(seed, static_cast<std::uint64_t>(first + s), 0, detail::RiskStream::item)[0]));
    return out;
}

}  // namespace aligngraph
