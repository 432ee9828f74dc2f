#pragma once
// Schedule generation, forward-backward improvement and the precedence tree (search.hpp).

#include "aligngraph/schedule/detail/learning-inl.hpp"
#include "aligngraph/schedule/detail/search.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "aligngraph/memory.hpp"

namespace aligngraph::detail {

ALIGNGRAPH_INLINE std::vector<int> sched_priority_list(const SchedInstance& in, const std::vector<double>& priority) {
    std::vector<int> left(in.n), eligible, list;
    list.reserve(in.n);
    for (int j = 0; j < in.n; ++j)
        if ((left[j] = static_cast<int>(in.preds[j].size())) == 0) eligible.push_back(j);
    while (!eligible.empty()) {
        std::size_t best = 0;
        for (std::size_t e = 1; e < eligible.size(); ++e) {
            const int a = eligible[e], b = eligible[best];
            if (priority[a] < priority[b] || (priority[a] == priority[b] && a < b)) best = e;
        }
        const int j = eligible[best];
        eligible.erase(eligible.begin() + static_cast<std::ptrdiff_t>(best));
        list.push_back(j);
        for (auto [d, lag] : in.succs[j])
            if (--left[d] == 0) eligible.push_back(d);
    }
    return list;
}

ALIGNGRAPH_INLINE std::vector<int> sched_serial_list(const SchedInstance& in, const std::vector<int>& list) {
    std::vector<int> starts(in.n, -1);
    std::vector<double> residual = in.capacity;
    for (int j : list) {
        int from = in.earliest[j];
        for (auto [p, lag] : in.preds[j]) from = std::max(from, starts[p] + in.duration[p] + lag);
        const int s = sched_earliest_fit(in, residual, j, from);
        if (s < 0) return {};
        starts[j] = s;
        sched_place(in, residual, j, s, 1);
    }
    return starts;
}

ALIGNGRAPH_INLINE std::vector<int> sched_serial(const SchedInstance& in, const std::vector<double>& priority) {
    return sched_serial_list(in, sched_priority_list(in, priority));
}

/// The latest start <= upto, >= the window's earliest, at which j fits; -1 if none.
ALIGNGRAPH_INLINE int sched_latest_fit(const SchedInstance& in, const std::vector<double>& residual, int j, int upto) {
    for (int s = std::min(upto, in.latest[j]); s >= in.earliest[j]; --s)
        if (sched_fits(in, residual, j, s)) return s;
    return -1;
}

/// Forward-backward improvement (makespan): right-justify every job against the makespan,
/// latest finish first, then left-justify them again, earliest start first. Keeps the
/// schedule when a pass fails or does not shorten it.
ALIGNGRAPH_INLINE std::vector<int> sched_justify(const SchedInstance& in, std::vector<int> starts) {
    // Ties go by topological position: a dependant with the same finish (a zero-length one) is placed first backward.
    std::vector<int> position(in.n);
    for (int k = 0; k < in.n; ++k) position[in.order[k]] = k;
    for (int round = 0; round < 4; ++round) {
        const int makespan = static_cast<int>(sched_value(in, starts));
        std::vector<int> order(in.n);
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            const int fa = starts[a] + in.duration[a], fb = starts[b] + in.duration[b];
            return fa != fb ? fa > fb : position[a] > position[b];
        });
        std::vector<int> late(in.n, -1);
        std::vector<double> residual = in.capacity;
        bool ok = true;
        for (int j : order) {
            int upto = makespan - in.duration[j];
            for (auto [d, lag] : in.succs[j]) upto = std::min(upto, late[d] - lag - in.duration[j]);
            const int s = sched_latest_fit(in, residual, j, upto);
            if (s < 0) {
                ok = false;
                break;
            }
            late[j] = s;
            sched_place(in, residual, j, s, 1);
        }
        if (!ok) return starts;
        std::sort(order.begin(), order.end(),
                  [&](int a, int b) { return late[a] != late[b] ? late[a] < late[b] : position[a] < position[b]; });
        std::vector<int> early(in.n, -1);
        residual = in.capacity;
        for (int j : order) {
            int from = in.earliest[j];
            for (auto [p, lag] : in.preds[j]) from = std::max(from, early[p] + in.duration[p] + lag);
            const int s = sched_earliest_fit(in, residual, j, from);
            if (s < 0) return starts;
            early[j] = s;
            sched_place(in, residual, j, s, 1);
        }
        if (sched_value(in, early) >= makespan) return starts;
        starts = std::move(early);
    }
    return starts;
}

ALIGNGRAPH_INLINE double sched_root_bound(const SchedInstance& in) {
    if (in.objective == ScheduleObjective::delay) {
        double c = 0;
        for (int j = 0; j < in.n; ++j) c += in.weight[j] * (in.head[j] - in.earliest[j]);
        return c;
    }
    int lb = 0;
    for (int j = 0; j < in.n; ++j) lb = std::max(lb, in.head[j] + in.tail[j]);
    // Each resource's work against its capacity from the start.
    for (int r = 0; r < in.resources; ++r) {
        double work = 0;
        for (int j = 0; j < in.n; ++j)
            for (int k = 0; k < in.duration[j]; ++k) work += in.used(j, r, k);
        double room = 0;
        int t = 0;
        while (t < in.horizon && room + 1e-9 * std::max(1.0, work) < work) room += in.cap(r, t++);
        lb = std::max(lb, t);
    }
    return lb;
}

ALIGNGRAPH_INLINE SchedOutcome sched_heuristic(const SchedInstance& in, Limits& limits, const std::vector<int>* start) {
    SchedOutcome best;
    best.value = std::numeric_limits<double>::infinity();
    const auto consider = [&](std::vector<int> starts) {
        if (starts.empty()) return;
        if (in.objective == ScheduleObjective::makespan) starts = sched_justify(in, std::move(starts));
        const double v = sched_value(in, starts);
        if (v < best.value - 1e-9 * std::max(1.0, std::abs(v))) {
            best.value = v;
            best.starts = std::move(starts);
        }
    };
    if (start) consider(*start);
    // Priority rules: latest start (LST), longest tail, weighted shortest job first (delay).
    std::vector<double> lst(in.n), tail(in.n), wspt(in.n);
    for (int j = 0; j < in.n; ++j) {
        lst[j] = in.latest[j];
        tail[j] = -in.tail[j];
        wspt[j] = -in.weight[j] / std::max(1, in.duration[j]);
    }
    consider(sched_serial(in, lst));
    consider(sched_serial(in, tail));
    if (in.objective == ScheduleObjective::delay) consider(sched_serial(in, wspt));
    // Biased random sampling around the latest-start rule (regret based: a job with less
    // room before its latest start is likelier to go first), then justified.
    SchedRandom random{0x5EED5EEDull};
    const int samples = std::clamp(20000 / std::max(1, in.n), 50, 1000);
    std::vector<double> priority(in.n);
    for (int it = 0; it < samples && !limits.reached(); ++it) {
        const auto& base = (it % 3 == 2 && in.objective == ScheduleObjective::delay) ? wspt : lst;
        for (int j = 0; j < in.n; ++j) priority[j] = base[j] - 0.9 * std::log(1e-12 + random.uniform()) * (1 + it % 7);
        consider(sched_serial(in, priority));
    }
    if (best.starts.empty()) best.value = 0;
    best.bound = sched_root_bound(in);
    return best;
}

/// The state of the precedence tree.
struct SchedTree {
    const SchedInstance& in;
    Limits& limits;
    const SchedInstance* full = nullptr;  // the instance before the cut (the genetic search's)
    long long genetic_at = -1, genetic_budget = 0;
    // The tree's work, the clock of the genetic search: a node, or two where it runs the
    // disjunctive reasoning (which about doubles a node's time).
    long long work = 0;
    int genetic_round = 0;  // genetic searches so far
    bool settled = false;   // the incumbent meets the root's bound: the search is over
    double floor = -std::numeric_limits<double>::infinity();  // the root's bound (destructive, shaved): no schedule is better
    SchedOutcome best;      // best.value is the cutoff: only better schedules are looked for
    bool has_best = false;  // a cutoff is set (an incumbent, or a deadline to refute)
    bool found = false;
    std::vector<int> start, left, ready;  // ready: prerequisites done, not yet started
    std::vector<double> residual;
    double cost = 0;        // delay so far
    int done = 0, finish = 0;
    std::vector<int> head;  // scratch
    std::vector<int> fit;   // scratch per level: earliest fit of each ready job
    std::vector<std::uint64_t> words, zobrist;
    std::uint64_t hash = 0;

    // The cut-set memory: per set of started jobs, the partial schedules seen.
    struct Seen {
        std::size_t words_at, jobs_at;  // into word_pool and job_pool
        int jobs;                       // (job, finish, start) triples
        int last;                       // the last start
        double cost;
    };
    std::unordered_map<std::uint64_t, std::vector<Seen>> seen;
    std::vector<std::uint64_t> word_pool;
    std::vector<int> job_pool;
    double memory_left = 0;

    SchedTree(const SchedInstance& instance, Limits& l) : in(instance), limits(l) {}

    /// The root's state: nothing started, the whole capacity left.
    void prepare(std::vector<std::vector<int>> all_cliques) {
        start.assign(in.n, -1);
        left.resize(in.n);
        head.assign(in.n, 0);
        late.assign(in.n, 0);
        needs.assign(in.n, {});
        for (int j = 0; j < in.n; ++j)
            for (int r = 0; r < in.resources; ++r)
                if (in.uses[static_cast<std::size_t>(j) * in.resources + r]) needs[j].emplace_back(r, in.used(j, r, 0));
        part_from.assign(in.n, 0);
        part_to.assign(in.n, 0);
        ready.clear();
        for (int j = 0; j < in.n; ++j) {
            left[j] = static_cast<int>(in.preds[j].size());
            if (left[j] == 0) ready.push_back(j);
        }
        residual = in.capacity;
        cliques = std::move(all_cliques);
        words.assign((in.n + 63) / 64, 0);
        SchedRandom random{0xC0FFEEull};
        zobrist.resize(in.n);
        for (auto& z : zobrist) z = random.next();
    }

    double lower_bound_prunes(double lb) const {
        return has_best && lb >= best.value - 1e-9 * std::max(1.0, std::abs(best.value));
    }

    bool dominated(int last) const {
        auto it = seen.find(hash);
        if (it == seen.end()) return false;
        for (const Seen& s : it->second) {
            if (s.last > last || s.cost > cost + 1e-9 * std::max(1.0, std::abs(cost))) continue;
            if (!std::equal(words.begin(), words.end(), word_pool.begin() + static_cast<std::ptrdiff_t>(s.words_at))) continue;
            bool all = true;
            for (int k = 0; k < s.jobs && all; ++k) {
                const int* e = job_pool.data() + s.jobs_at + 3 * k;
                const int i = e[0], f_then = e[1], f_now = start[i] + in.duration[i], lag = in.max_out_lag[i];
                all = f_then <= std::max(last, f_now) && f_then + lag <= std::max(last, f_now + lag);
            }
            if (all) return true;
        }
        return false;
    }

    void remember(int last) {
        if (memory_left <= 0) return;
        Seen s{word_pool.size(), job_pool.size(), 0, last, cost};
        word_pool.insert(word_pool.end(), words.begin(), words.end());
        for (int i = 0; i < in.n; ++i)
            if (start[i] >= 0 && start[i] + in.duration[i] + in.max_out_lag[i] > last) {
                job_pool.insert(job_pool.end(), {i, start[i] + in.duration[i], start[i]});
                ++s.jobs;
            }
        seen[hash].push_back(s);
        memory_left -= 48 + 8.0 * words.size() + 12.0 * s.jobs;
    }

    void set(int j, bool on) {
        words[j / 64] ^= std::uint64_t{1} << (j % 64);
        hash ^= zobrist[j];
        (void)on;
    }

    // Time-table propagation: the parts of its window a job must run in whatever its start
    // (from its latest start, by the deadline the incumbent sets, to its earliest finish) use
    // the resources in every completion; a job's head moves past the periods these leave no
    // room in, and its latest start moves before its dependants' latest starts and before the
    // periods with no room for it (both directions, to a fixed point or eight rounds). False
    // when a window closes or the compulsory parts alone overload a resource.
    std::vector<double> table;
    std::vector<int> late;
    // The windows shaving leaves against the search's first deadline (empty: none): every
    // schedule that short starts each job within them.
    std::vector<int> head_floor, late_cap;
    bool with_energetic = true;
    std::vector<int> part_from, part_to;  // the compulsory parts in this round's table
    std::vector<std::vector<std::pair<int, double>>> needs;  // per job: (resource, use) of those it uses
    bool timetable(int last) {
        const bool deadline = in.objective == ScheduleObjective::makespan && has_best;
        const int D = deadline ? static_cast<int>(best.value) - 1 : in.horizon;
        for (int j = 0; j < in.n; ++j)
            if (start[j] < 0) {
                late[j] = deadline ? std::min(in.latest[j], D - in.tail[j]) : in.latest[j];
                if (!late_cap.empty()) late[j] = std::min(late[j], late_cap[j]);
                if (head[j] > late[j]) return false;
            }
        for (int round = 0; round < 8; ++round) {
            table = residual;
            for (int j = 0; j < in.n; ++j) {
                part_from[j] = late[j];
                part_to[j] = head[j] + in.duration[j];
                if (start[j] >= 0 || head[j] + in.duration[j] <= late[j]) continue;
                for (auto [r, u] : needs[j]) {
                    double* row = table.data() + static_cast<std::size_t>(r) * in.horizon;
                    for (int t = late[j]; t < head[j] + in.duration[j]; ++t)
                        if ((row[t] -= u) < -1e-9 * std::max(1.0, u)) return false;
                }
            }
            bool changed = false;
            for (int j : in.order) {
                if (start[j] >= 0) continue;
                int h = std::max(head[j], last);
                for (auto [p, lag] : in.preds[j]) h = std::max(h, (start[p] >= 0 ? start[p] : head[p]) + in.duration[p] + lag);
                const int own_from = part_from[j], own_to = part_to[j];  // j's own compulsory part in the table
                int s = h;
                for (int bad; s <= late[j] && (bad = conflict<true>(j, s, own_from, own_to)) >= 0;) s += bad + 1;
                if (s > late[j]) return false;
                if (s != head[j]) {
                    head[j] = s;
                    changed = true;
                }
            }
            // The same backward: a job's latest start moves before its dependants' latest
            // starts and before the periods the table leaves no room in.
            for (auto it = in.order.rbegin(); it != in.order.rend(); ++it) {
                const int j = *it;
                if (start[j] >= 0) continue;
                int l = late[j];
                for (auto [d, lag] : in.succs[j]) l = std::min(l, late[d] - lag - in.duration[j]);
                const int own_from = part_from[j], own_to = part_to[j];
                int s = l;
                for (int bad; s >= head[j] && (bad = conflict<false>(j, s, own_from, own_to)) >= 0;) s -= in.duration[j] - bad;
                if (s < head[j]) return false;
                if (s != late[j]) {
                    late[j] = s;
                    changed = true;
                }
            }
            // At the time table's fixed point, the cliques' disjunctive reasoning (at the root;
            // in the tree where it moved a window at the root).
            if (!changed && (done == 0 || disjunctive_in_tree) && !disjunctive(last, changed)) return false;
            if (!changed) break;
        }
        return !with_energetic || energetic(last);
    }

    // Disjunctive reasoning (disjunctive-inl.hpp): in each clique of jobs no two of which can
    // run at once (sched_cliques()), edge finding moves the head of a job that must run after
    // a set of the others past their earliest completion, and, on the time reversed, the
    // latest start of one that must run before them; false when a set cannot fit its window.
    // It sees what the time table cannot while windows are wider than the durations (no
    // compulsory parts): on j120 it raises the root's bound to the optimum on j1202_1 (83 to
    // 87). It runs at the root (in a shaving probe on the probed job's cliques only: on all of
    // them the root took five times as long), and in the tree only where it moved a window at
    // the root (elsewhere it costs time and prunes nothing).
    std::vector<std::vector<int>> cliques;  // each sorted
    bool disjunctive_in_tree = false;
    long long disjunctive_moves = 0;  // windows it moved, and refutations, so far
    int probed = -1;                  // the job of the shaving probe under way, or -1
    std::vector<int> ef_jobs, ef_est, ef_lct, ef_p, ef_new;
    SchedEdgeScratch ef_scratch;
    bool disjunctive(int last, bool& changed) {
        for (const auto& all : cliques) {
            if (probed >= 0 && !std::binary_search(all.begin(), all.end(), probed)) continue;
            // Jobs done by `last` no longer matter: every job left starts after them.
            ef_jobs.clear();
            for (int j : all)
                if (start[j] < 0 || start[j] + in.duration[j] > last) ef_jobs.push_back(j);
            const int m = static_cast<int>(ef_jobs.size());
            if (m < 2) continue;
            for (int mirror = 0; mirror < 2; ++mirror) {
                ef_est.resize(m);
                ef_lct.resize(m);
                ef_p.resize(m);
                ef_new.resize(m);
                for (int k = 0; k < m; ++k) {
                    const int j = ef_jobs[k], d = in.duration[j];
                    const int est = start[j] >= 0 ? start[j] : head[j];
                    const int lct = (start[j] >= 0 ? start[j] : late[j]) + d;
                    ef_est[k] = mirror ? -lct : est;
                    ef_lct[k] = mirror ? -est : lct;
                    ef_p[k] = d;
                }
                if (!sched_edge_finding(m, ef_est.data(), ef_lct.data(), ef_p.data(), ef_new.data(), ef_scratch)) {
                    ++disjunctive_moves;
                    return false;
                }
                for (int k = 0; k < m; ++k) {
                    const int j = ef_jobs[k];
                    if (ef_new[k] == ef_est[k]) continue;
                    ++disjunctive_moves;
                    if (start[j] >= 0) return false;  // a started job would have to start later (or end earlier)
                    if (mirror == 0) head[j] = ef_new[k];
                    else late[j] = -ef_new[k] - in.duration[j];
                    changed = true;
                    if (head[j] > late[j]) return false;
                }
            }
        }
        return true;
    }

    // Shaving at the root (Carlier & Pinson; Martin & Shmoys), against the deadline the
    // incumbent sets: a job's start in the first periods of its window (or the last) that
    // time-table propagation refutes is cut off its window, the cut doubling while it is
    // refuted; in rounds until no window moves, then propagation with energetic reasoning on
    // the windows left (kept in head_floor and late_cap). False when a window closes: no
    // schedule meets the deadline.
    bool shave() {
        std::vector<int> lo = head, hi = late;  // the windows after timetable(0)
        const auto refuted = [&](int j, int from, int to) {  // no schedule with j's start in [from, to]
            head = lo;
            late_cap = hi;
            head[j] = std::max(head[j], from);
            late_cap[j] = std::min(late_cap[j], to);
            probed = j;
            const bool refuted = !timetable(0);
            probed = -1;
            return refuted;
        };
        with_energetic = false;
        bool closed = false;
        for (int round = 0; round < 16 && !closed && !limits.reached(); ++round) {
            bool moved = false;
            for (int j = 0; j < in.n && !closed && !limits.reached(); ++j) {  // cut short, the windows still hold
                if (in.duration[j] == 0) continue;
                for (int cut = 1; lo[j] <= hi[j] && refuted(j, lo[j], lo[j] + cut - 1); cut *= 2) {
                    lo[j] += cut;
                    moved = true;
                }
                for (int cut = 1; lo[j] <= hi[j] && refuted(j, hi[j] - cut + 1, hi[j]); cut *= 2) {
                    hi[j] -= cut;
                    moved = true;
                }
                closed = lo[j] > hi[j];
            }
            if (!moved) break;
        }
        with_energetic = true;
        head = lo;
        late_cap = hi;
        head_floor = lo;
        return !closed && timetable(0);
    }

    // Whether j started at s has room in the table, its own compulsory part [own_from,
    // own_to) given back: -1 if it has, else the offset of a period without room on the
    // first resource short somewhere: its last such (`latest`, for a scan upward: no start
    // up to there fits) or its first (downward).
    template <bool latest>
    int conflict(int j, int s, int own_from, int own_to) const {
        const int d = in.duration[j];
        int bad = -1;
        for (const auto& use : needs[j]) {
            if (bad >= 0) break;
            const double u = use.second, need = u - 1e-9 * std::max(1.0, u);
            const double* row = table.data() + static_cast<std::size_t>(use.first) * in.horizon;
            const auto short_at = [&](int k) { return row[s + k] + (s + k >= own_from && s + k < own_to ? u : 0) < need; };
            if constexpr (latest) {
                for (int k = d - 1; k >= 0; --k)
                    if (short_at(k)) {
                        bad = k;
                        break;
                    }
            } else {
                for (int k = 0; k < d; ++k)
                    if (short_at(k)) {
                        bad = k;
                        break;
                    }
            }
        }
        return bad;
    }

    // Energetic reasoning: in every interval [a, b) from a job's head to a job's latest
    // finish, each unscheduled job must run at least its minimal intersection with it (left-
    // or right-shifted); that work, on each resource, must fit the room the started jobs
    // leave there. Checked at the root only (the destructive bound): deeper down it cost
    // four times the nodes' time and pruned next to nothing on j30.
    std::vector<int> lows, highs;
    std::vector<double> room;  // per resource, prefix sums of the residual
    bool energetic(int last) {
        if (done > 0) return true;
        lows.clear();
        highs.clear();
        for (int j = 0; j < in.n; ++j)
            if (start[j] < 0 && in.duration[j] > 0) {
                lows.push_back(std::max(head[j], last));
                highs.push_back(late[j] + in.duration[j]);
            }
        std::sort(lows.begin(), lows.end());
        lows.erase(std::unique(lows.begin(), lows.end()), lows.end());
        std::sort(highs.begin(), highs.end());
        highs.erase(std::unique(highs.begin(), highs.end()), highs.end());
        room.assign(static_cast<std::size_t>(in.resources) * (in.horizon + 1), 0.0);
        for (int r = 0; r < in.resources; ++r) {
            double* row = room.data() + static_cast<std::size_t>(r) * (in.horizon + 1);
            const double* left_over = residual.data() + static_cast<std::size_t>(r) * in.horizon;
            for (int t = 0; t < in.horizon; ++t) row[t + 1] = row[t] + left_over[t];
        }
        for (int a : lows)
            for (int b : highs) {
                if (b <= a) continue;
                for (int r = 0; r < in.resources; ++r) {
                    double need = 0;
                    for (int j = 0; j < in.n; ++j) {
                        if (start[j] >= 0 || !in.uses[static_cast<std::size_t>(j) * in.resources + r]) continue;
                        const int d = in.duration[j];
                        const int inside = std::min({b - a, d, head[j] + d - a, b - late[j]});
                        if (inside > 0) need += inside * in.used(j, r, 0);
                    }
                    const double* row = room.data() + static_cast<std::size_t>(r) * (in.horizon + 1);
                    const double there = row[std::min(b, in.horizon)] - row[std::max(a, 0)];
                    if (need > there + 1e-9 * std::max(1.0, need)) return false;
                }
            }
        return true;
    }

    // The local left-shift rule: j started at s could instead run and finish before s, where
    // no job started later (all at s or after) can be, so every completion could start j
    // earlier: none is active, and an active schedule as good is reached elsewhere.
    bool left_shift(int j, int s) const {
        const int d = in.duration[j];
        if (d == 0) return false;
        int from = in.earliest[j];
        for (auto [p, lag] : in.preds[j]) from = std::max(from, start[p] + in.duration[p] + lag);
        if (from + d > s) return false;
        const int f = sched_earliest_fit(in, residual, j, from);
        return f >= 0 && f + d <= s;
    }

    // The genetic search from the incumbent, in the middle of the tree (at its node
    // genetic_at, then, while each round finds a better schedule, at twice as many nodes,
    // each round from its own seed): a better schedule it finds only lowers the cutoff, so the
    // tree goes on where it was. Whether it found one.
    bool genetic() {
        SchedOutcome g = sched_genetic(*full, best, limits, genetic_budget, floor, genetic_round);
        if (!g.starts.empty() && (!has_best || g.value < best.value - 1e-9 * std::max(1.0, std::abs(g.value)))) {
            best.value = g.value;
            best.starts = std::move(g.starts);
            has_best = true;
            found = true;
            return true;
        }
        return false;
    }

    // A round of the genetic search; the next at twice the work while it pays. Settles the
    // search where the incumbent meets the root's bound (the bounds at the nodes are weaker
    // than the root's, so the tree would not see it and run to the limit).
    bool genetic_step() {
        const bool better = genetic();
        ++genetic_round;
        genetic_at = better ? genetic_at * 2 : -1;
        settled = better && best.value <= floor + 1e-9 * std::max(1.0, std::abs(floor));
        return better;
    }

    void leaf() {
        const double v = sched_value(in, start);
        if (!has_best || v < best.value - 1e-9 * std::max(1.0, std::abs(v))) {
            best.value = v;
            best.starts = start;
            has_best = true;
            found = true;
        }
    }

    void forget() {
        seen.clear();
        word_pool.clear();
        job_pool.clear();
        memory_left = std::min(memory_limit() / 4.0, 2.0 * (1ull << 30));
    }

    void search(int last) {
        limits.progress("roadmap", best.nodes + 1);
        if (limits.reached(++best.nodes)) return;
        work += disjunctive_in_tree ? 2 : 1;
        if (genetic_at >= 0 && work >= genetic_at) {  // again at twice the work, from a fresh seed, while it pays
            genetic_step();
            if (settled) return;
        }
        if (done == in.n) return leaf();
        // The earliest fit of each ready job: it never gets earlier deeper down.
        const std::size_t nready = ready.size();
        std::vector<int> fits(nready);
        for (std::size_t e = 0; e < nready; ++e) {
            const int j = ready[e];
            int from = std::max(last, in.earliest[j]);
            if (!head_floor.empty()) from = std::max(from, head_floor[j]);
            for (auto [p, lag] : in.preds[j]) from = std::max(from, start[p] + in.duration[p] + lag);
            fits[e] = sched_earliest_fit(in, residual, j, from);
            if (fits[e] < 0) return;
            head[j] = fits[e];
        }
        // Heads of the others through their prerequisites, and the bound.
        double lb = in.objective == ScheduleObjective::delay ? cost : finish;
        for (int j : in.order) {
            if (start[j] >= 0) continue;
            if (left[j] > 0) {
                int h = std::max(last, in.earliest[j]);
                if (!head_floor.empty()) h = std::max(h, head_floor[j]);
                for (auto [p, lag] : in.preds[j])
                    h = std::max(h, (start[p] >= 0 ? start[p] : head[p]) + in.duration[p] + lag);
                if (h > in.latest[j]) return;
                head[j] = h;
            }
        }
        if (dominated(last)) return;
        if (!timetable(last)) return;
        for (int j = 0; j < in.n; ++j) {
            if (start[j] >= 0) continue;
            if (in.objective == ScheduleObjective::delay) lb += in.weight[j] * (head[j] - in.earliest[j]);
            else lb = std::max<double>(lb, head[j] + in.tail[j]);
        }
        if (in.objective == ScheduleObjective::makespan && has_best) {
            for (int r = 0; r < in.resources && !lower_bound_prunes(lb); ++r) {
                double work = 0;
                for (int t = last; t < in.horizon; ++t) work += in.cap(r, t) - residual[static_cast<std::size_t>(r) * in.horizon + t];
                for (int j = 0; j < in.n; ++j)
                    if (start[j] < 0 && in.uses[static_cast<std::size_t>(j) * in.resources + r])
                        work += in.used(j, r, 0) * in.duration[j];
                if (work <= 0) continue;
                double room = 0;
                int t = last;
                const int stop = std::min(static_cast<int>(best.value), in.horizon);
                while (t < stop && room + 1e-9 * std::max(1.0, work) < work) room += in.cap(r, t++);
                if (room + 1e-9 * std::max(1.0, work) < work) t = static_cast<int>(best.value);
                lb = std::max<double>(lb, t);
            }
        }
        if (lower_bound_prunes(lb)) return;
        remember(last);

        // Children: ready jobs by start, then latest start, then longest tail. A job that
        // could run and finish before another one's start goes first.
        std::vector<int> kids;
        // Every job started later starts no earlier than the child's start: a child whose
        // start is past another job's latest start has no completion.
        int late1 = std::numeric_limits<int>::max(), late2 = late1, late1_job = -1;
        for (int i = 0; i < in.n; ++i) {
            if (start[i] >= 0) continue;
            if (late[i] < late1) {
                late2 = late1;
                late1 = late[i];
                late1_job = i;
            } else if (late[i] < late2) late2 = late[i];
        }
        for (std::size_t e = 0; e < nready; ++e) {
            const int j = ready[e], s = fits[e];
            bool first_other = false;
            for (std::size_t o = 0; o < nready && !first_other; ++o) {
                if (o == e) continue;
                const int i = ready[o], si = fits[o];
                first_other = si + in.duration[i] <= s && (in.duration[i] > 0 || si < s || i < j);
            }
            if (s < head[j] || s > (j == late1_job ? late2 : late1)) continue;
            if (left_shift(j, s)) continue;
            if (!first_other) kids.push_back(static_cast<int>(e));
        }
        std::sort(kids.begin(), kids.end(), [&](int a, int b) {
            const int ja = ready[a], jb = ready[b];
            if (fits[a] != fits[b]) return fits[a] < fits[b];
            if (in.latest[ja] != in.latest[jb]) return in.latest[ja] < in.latest[jb];
            if (in.tail[ja] != in.tail[jb]) return in.tail[ja] > in.tail[jb];
            return ja < jb;
        });
        const std::vector<int> ready_here = ready;
        for (int e : kids) {
            const int j = ready_here[e], s = fits[e];
            if (in.objective == ScheduleObjective::makespan && has_best && s + in.tail[j] >= best.value) continue;
            // Start j at s.
            start[j] = s;
            sched_place(in, residual, j, s, 1);
            const double cost_before = cost;
            const int finish_before = finish;
            cost += in.weight[j] * (s - in.earliest[j]);
            finish = std::max(finish, s + in.duration[j]);
            ++done;
            set(j, true);
            ready.erase(std::find(ready.begin(), ready.end(), j));
            const std::size_t grew = ready.size();
            for (auto [d, lag] : in.succs[j])
                if (--left[d] == 0) ready.push_back(d);
            search(s);
            for (auto [d, lag] : in.succs[j]) ++left[d];
            ready.resize(grew);
            ready = ready_here;
            set(j, false);
            --done;
            cost = cost_before;
            finish = finish_before;
            sched_place(in, residual, j, s, -1);
            start[j] = -1;
            if (limits.stopped() || settled) return;
        }
    }
};

/// The instance cut at period H (makespan): the capacities of the first H periods, and each
/// job's latest start early enough for its tail to finish by H.
ALIGNGRAPH_INLINE SchedInstance sched_cut(const SchedInstance& full, int H) {
    SchedInstance in = full;
    in.horizon = H;
    in.capacity.assign(static_cast<std::size_t>(in.resources) * H, 0.0);
    for (int r = 0; r < in.resources; ++r)
        for (int t = 0; t < H; ++t) in.capacity[static_cast<std::size_t>(r) * H + t] = full.cap(r, t);
    for (int j = 0; j < in.n; ++j) in.latest[j] = std::min(in.latest[j], H - in.tail[j]);
    return in;
}

ALIGNGRAPH_INLINE SchedOutcome sched_tree_search(const SchedInstance& full, SchedOutcome incumbent, Limits& limits,
                                                 long long genetic_at, long long genetic_budget) {
    // With an incumbent makespan only shorter schedules are looked for, and none of them runs
    // past its makespan - 1: the search reads the instance cut there (every loop over the
    // periods shorter).
    SchedInstance cut;
    const bool cutting = full.objective == ScheduleObjective::makespan && !incumbent.starts.empty() &&
                         static_cast<int>(incumbent.value) - 1 < full.horizon;
    if (cutting) cut = sched_cut(full, std::max(0, static_cast<int>(incumbent.value) - 1));
    const SchedInstance& in = cutting ? cut : full;
    SchedTree tree(in, limits);
    tree.full = &full;
    tree.genetic_at = genetic_at;
    tree.genetic_budget = genetic_budget;
    tree.prepare(sched_cliques(in));
    double bound = sched_root_bound(in);
    SchedOutcome out = std::move(incumbent);
    const bool have = !out.starts.empty();
    tree.forget();
    tree.best = std::move(out);
    tree.has_best = have;
    if (in.objective == ScheduleObjective::makespan && have) {
        // A destructive bound: deadlines from the bound up that time-table propagation alone
        // refutes at the root (the incumbent is kept aside meanwhile).
        const SchedOutcome kept = tree.best;
        for (int D = static_cast<int>(bound); D < static_cast<int>(kept.value) && !limits.reached(); ++D) {
            tree.best.value = D + 1;
            tree.head = in.head;
            tree.late_cap.clear();  // what shaving left at the last deadline holds only there
            if (tree.timetable(0) && tree.shave()) break;
            bound = D + 1;
        }
        // The search looks for schedules shorter than the incumbent: the windows shaved
        // against that deadline hold for all of them, so the search keeps them.
        tree.head_floor.clear();
        tree.late_cap.clear();
        if (bound < kept.value && !limits.reached()) {
            tree.best.value = kept.value;
            tree.head = in.head;
            if (!(tree.timetable(0) && tree.shave())) {  // nothing shorter: the incumbent is optimal
                bound = kept.value;
                tree.head_floor.clear();
                tree.late_cap.clear();
            }
        }
        tree.best = kept;
        tree.head.assign(in.n, 0);
    }
    tree.disjunctive_in_tree = tree.disjunctive_moves > 0;
    tree.floor = bound;
    // With the makespan the learning search goes on from the root (a first stretch of the
    // tree, which settles most instances in its first nodes, cost more on the hard ones than
    // it saved: see sched_regular_search).
    const bool learning = in.objective == ScheduleObjective::makespan && genetic_at >= 0 && SchedLearning::fits(in);
    if (!learning && !(tree.has_best && tree.lower_bound_prunes(bound))) tree.search(0);
    bound = std::max(bound, tree.floor);
    if (learning) {
        // The learning search goes on from the incumbent, in the windows shaving left
        // (they hold for every shorter schedule), with the genetic search's rounds in it:
        // the first after 10,000 conflicts (about 0.3 s on j30, 4-5 s on j120), the next at
        // twice as many while they find better schedules. Its decisions count as nodes.
        SchedLearning learner(in, limits);
        long long nodes = tree.best.nodes;
        const auto improve = [&](SchedOutcome& b, double& floor) {
            tree.best.value = b.value;
            tree.best.starts = b.starts;
            const bool better = tree.genetic_step();
            floor = tree.floor;
            b.value = tree.best.value;
            b.starts = tree.best.starts;
            return better;
        };
        out = learner.run(std::move(tree.best), nodes, bound, tree.head_floor, tree.late_cap, improve, 10'000);
        out.nodes = nodes;
        out.proven = out.proven && !limits.stopped();
    } else {
        out = std::move(tree.best);
        out.proven = !limits.stopped();
    }
    if (out.proven && !out.starts.empty()) out.bound = out.value;
    else out.bound = out.starts.empty() ? bound : std::min(bound, out.value);
    return out;
}

ALIGNGRAPH_INLINE SchedOutcome sched_regular_search(const SchedInstance& in, Limits& limits, const std::vector<int>* start) {
    // The tree alone settles most instances within its first nodes (j30: 443 of 480 in 100,000
    // nodes). Past that a better incumbent pays: the genetic search runs there (its budget in
    // schedules, so the same on any machine; 12,800 on j30, 0.15 s; 48,800 on j120, 2-4 s)
    // and the tree goes on with the lower cutoff. j120 at 10 s: 4-11% shorter makespans. While
    // a round finds a better schedule it runs again at twice the nodes (200,000, 400,000, ...),
    // from its own seed: j120 at 10 s, every 10th instance, mean gap to the best known 1.692%
    // to 1.555%; on j30, where the first incumbents are mostly optimal already, it seldom does
    // (rounds after every round: 1.545% on j120, but four fewer j30 instances proven at 1 s).
    // A node's time grows with the jobs, so the tree's first stretch is 3,200,000 / n nodes,
    // at least 10,000 and at most 100,000 (j30: 100,000, as measured above; j120: 26,229,
    // about 0.3 s): at 100,000 the genetic search did not start within the first second on
    // most of j120, and every 10th instance at 1 s came 2.649% above the best known, 1.739%
    // with the earlier start (10 s: the same, 1.037% and 1.060%).
    // With the makespan the learning search (learning-inl.hpp) goes on from the root instead
    // of the tree, the genetic search's rounds in it: it proves what the tree did not (j30:
    // all 480; the tree alone left three open after 60 s). Where the tree searched its first
    // stretch before (100,000 nodes on j30), it settled many instances sooner but cost more
    // on the hard ones: j30 at 10 s, all 480 proven in 47.2 s with the stretch, 42.5 s
    // without; every 10th j120 instance at 10 s, 25 proven, 1.098% above the best known with
    // it, 26 and 1.100% without.
    const long long budget = std::clamp<long long>(400LL * in.n, 5'000, 50'000);
    const long long first = std::clamp<long long>(3'200'000LL / std::max(1, in.n), 10'000, 100'000);
    return sched_tree_search(in, sched_heuristic(in, limits, start), limits, first, budget);
}

}  // namespace aligngraph::detail
