#pragma once
// The genetic search over activity lists (search.hpp): better incumbents for the precedence
// tree when it does not finish quickly. Hartmann's (1998) representation and operators: a
// list of the jobs in an order their precedences allow, decoded by the serial schedule
// generation scheme in list order; two-point crossover; swaps of neighbours that do not
// depend on each other, and in every child an eighth of the jobs each moved to a place
// drawn anywhere its precedences allow (the swaps alone move a job a place or two; on the
// twenty j120 instances where the tree's bound was the optimum and the schedule was
// missing, 100,000 schedules from two seeds came 36 and 37 periods above the optima in
// all; one job moved: 24-27; an eighth (15): 11 and 15; 32: 16 and 17).
// Each decoded schedule is improved forward and backward (makespan)
// and its order written back into the list (Valls, Ballestin & Quintanilla 2005). Same
// instance, incumbent and budget: same result.

#include "aligngraph/schedule/detail/search.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace aligngraph::detail {

struct SchedGenetic {
    const SchedInstance& in;
    Limits& limits;
    SchedOutcome& best;
    long long budget;
    long long used = 0;
    double floor;  // no schedule is better: stop there
    SchedRandom random{0x6E6E7157ull};
    std::vector<int> position;  // topological position, for ties
    std::vector<char> taken;

    struct Member {
        std::vector<int> list;
        double value;
    };

    bool done() {
        return used >= budget || (!best.starts.empty() && best.value <= floor + 1e-9 * std::max(1.0, std::abs(floor))) ||
               limits.reached();
    }

    int below(int k) { return static_cast<int>(random.next() % static_cast<std::uint64_t>(k)); }

    /// Decode, improve, write the improved order back; the incumbent kept up to date.
    double evaluate(std::vector<int>& list) {
        ++used;
        std::vector<int> starts = sched_serial_list(in, list);
        if (starts.empty()) return std::numeric_limits<double>::infinity();
        if (in.objective == ScheduleObjective::makespan) starts = sched_justify(in, std::move(starts));
        const double v = sched_value(in, starts);
        order_by(starts, list);
        if (best.starts.empty() || v < best.value - 1e-9 * std::max(1.0, std::abs(v))) {
            best.value = v;
            best.starts = std::move(starts);
        }
        return v;
    }

    /// The jobs in the order of their starts (ties by topological position, so the
    /// precedences are kept: lags are not negative).
    void order_by(const std::vector<int>& starts, std::vector<int>& list) const {
        std::sort(list.begin(), list.end(),
                  [&](int a, int b) { return starts[a] != starts[b] ? starts[a] < starts[b] : position[a] < position[b]; });
    }

    /// Sampled lists until the population is full (or the budget spent).
    void fill(std::vector<Member>& population, int size) {
        while (static_cast<int>(population.size()) < size && !done()) {
            std::vector<int> list = sampled();
            const double v = evaluate(list);
            population.push_back({std::move(list), v});
        }
    }

    /// A list by regret-biased sampling around the latest start (the heuristic's rule).
    std::vector<int> sampled() {
        std::vector<double> priority(in.n);
        for (int j = 0; j < in.n; ++j)
            priority[j] = std::min(in.latest[j], in.horizon - in.tail[j]) - 2.0 * std::log(1e-12 + random.uniform());
        return sched_priority_list(in, priority);
    }

    /// Two-point crossover: the mother's first q1 jobs, then the father's next ones in his
    /// order up to q2, then the mother's rest; precedences kept, as each parent keeps them.
    std::vector<int> cross(const std::vector<int>& mother, const std::vector<int>& father) {
        int q1 = below(in.n + 1), q2 = below(in.n + 1);
        if (q1 > q2) std::swap(q1, q2);
        std::fill(taken.begin(), taken.end(), 0);
        std::vector<int> child;
        child.reserve(in.n);
        for (int k = 0; k < q1; ++k) child.push_back(mother[k]), taken[mother[k]] = 1;
        for (int k = 0; k < in.n && static_cast<int>(child.size()) < q2; ++k)
            if (!taken[father[k]]) child.push_back(father[k]), taken[father[k]] = 1;
        for (int k = 0; k < in.n; ++k)
            if (!taken[mother[k]]) child.push_back(mother[k]), taken[mother[k]] = 1;
        return child;
    }

    /// Whether job b needs job a directly.
    bool needs(int b, int a) const {
        for (auto [p, lag] : in.preds[b])
            if (p == a) return true;
        return false;
    }

    /// An eighth of the jobs (at least one), drawn one by one, each moved to a place drawn
    /// between its last prerequisite and its first dependant in the list; then each
    /// neighbour pair swapped with probability 1/20 unless the second needs the first.
    void mutate(std::vector<int>& list) {
        for (int moves = std::max(1, in.n / 8); moves > 0; --moves) {
            const int k = below(in.n), j = list[k];
            int lo = k, hi = k;
            while (lo > 0 && !needs(j, list[lo - 1])) --lo;
            while (hi + 1 < in.n && !needs(list[hi + 1], j)) ++hi;
            const int to = lo + below(hi - lo + 1);
            if (to < k) std::rotate(list.begin() + to, list.begin() + k, list.begin() + k + 1);
            else if (to > k) std::rotate(list.begin() + k, list.begin() + k + 1, list.begin() + to + 1);
        }
        for (int k = 0; k + 1 < in.n; ++k) {
            if (below(20) != 0) continue;
            if (!needs(list[k + 1], list[k])) std::swap(list[k], list[k + 1]);
        }
    }

    void run() {
        position.resize(in.n);
        for (int k = 0; k < in.n; ++k) position[in.order[k]] = k;
        taken.assign(in.n, 0);
        const int size = 40;
        std::vector<Member> population;
        if (!best.starts.empty()) {
            std::vector<int> list = in.order;
            order_by(best.starts, list);
            population.push_back({std::move(list), best.value});
        }
        fill(population, size);
        std::stable_sort(population.begin(), population.end(), [](const Member& a, const Member& b) { return a.value < b.value; });
        std::vector<Member> next;
        double leader = std::numeric_limits<double>::infinity();
        int stale = 0;
        while (!done()) {
            // A population that has stopped improving keeps its best quarter and samples anew.
            if (population.front().value < leader) {
                leader = population.front().value;
                stale = 0;
            } else if (++stale == 30) {
                stale = 0;
                population.resize(std::min<std::size_t>(population.size(), size / 4));
                fill(population, size);
                if (done()) break;
            }
            next = population;
            for (int k = 0; k < size && !done(); k += 2) {
                const auto& mother = population[below(static_cast<int>(population.size()))].list;
                const auto& father = population[below(static_cast<int>(population.size()))].list;
                for (int side = 0; side < 2 && !done(); ++side) {
                    std::vector<int> child = side == 0 ? cross(mother, father) : cross(father, mother);
                    mutate(child);
                    const double v = evaluate(child);
                    next.push_back({std::move(child), v});
                }
            }
            // The best `size` of parents and children, one of each list.
            std::stable_sort(next.begin(), next.end(), [](const Member& a, const Member& b) { return a.value < b.value; });
            population.clear();
            for (auto& m : next) {
                if (static_cast<int>(population.size()) == size) break;
                bool twin = false;
                for (const auto& p : population) twin = twin || (p.value == m.value && p.list == m.list);
                if (!twin) population.push_back(std::move(m));
            }
        }
    }
};

ALIGNGRAPH_INLINE SchedOutcome sched_genetic(const SchedInstance& in, SchedOutcome incumbent, Limits& limits, long long budget,
                                               double floor, int round) {
    if (in.n == 0) return incumbent;
    SchedGenetic search{in, limits, incumbent, budget};
    search.floor = std::max(floor, sched_root_bound(in));
    if (round > 0) search.random = SchedRandom{0x6E6E7157ull ^ SchedRandom{static_cast<std::uint64_t>(round)}.next()};  // not a shifted stream
    search.run();
    return incumbent;
}

}  // namespace aligngraph::detail
