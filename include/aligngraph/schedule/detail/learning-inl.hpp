#pragma once
// A search that learns from its failures (lazy clause generation; Ohrimenko, Stuckey &
// Codish 2009; for these problems Schutt, Feydy, Stuckey & Wallace 2011) for the makespan
// with constant use. Not public API.
//
// Each job's start is an integer variable kept as bounds [lb, ub]. Propagation: the
// precedences, the time tables (compulsory parts), and the clauses learned so far, whose
// literals are bounds ([s >= c] or [s <= c]). Every bound a propagator moves carries an
// explanation: the bounds that imply it (a precedence: the prerequisite's head; a time
// table: the jobs whose compulsory parts cover the period that leaves no room, each by the
// two bounds that make it cover that period, and the job's own bound that puts the period
// in its way). At a failure the explanations are resolved back to the first unique
// implication point of the last decision level, and the result, a clause no schedule under
// the deadline violates, is kept: it prunes every later part of the search that would fail
// for the same reason. Decisions start the most active job (the jobs in recent failures)
// at its head; restarts follow the Luby sequence. A failure with no decision left proves
// that no schedule meets the deadline.

#include "aligngraph/memory.hpp"
#include "aligngraph/schedule/detail/search.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace aligngraph::detail {

/// A bound on a job's start: [s_var >= val] (ge) or [s_var <= val].
struct SchedLit {
    int var;
    int val : 31;
    unsigned ge : 1;  // 8 bytes in all: going through the watch lists is most of the search's time
};

inline SchedLit sched_negate(SchedLit l) { return l.ge ? SchedLit{l.var, l.val - 1, false} : SchedLit{l.var, l.val + 1, true}; }

struct SchedLearning {
    const SchedInstance& in;
    Limits& limits;
    int n;
    std::vector<int> lb, ub;
    int deadline = 0;  // every job finishes by it

    struct Entry {
        int var;
        bool ge;
        int val, old;
        int level;
        int prev;            // the entry before it on the same bound (-1: the initial bound)
        int reason, length;  // into arena (length -1: a decision or a fact at level 0)
        int clause;          // the clause that propagated it, or -1
    };
    std::vector<Entry> trail;
    std::vector<int> last_ge, last_le;  // per job: its latest entry on each bound
    std::vector<int> level_start;       // trail index where each level starts
    std::vector<SchedLit> arena;
    std::vector<std::size_t> arena_at;  // arena size at the start of each level
    std::size_t queue = 0;              // next trail entry to propagate

    struct Clause {
        std::vector<SchedLit> lits;
        double activity = 0;
        int lbd = 0;  // the decision levels its bounds came from when it was learned
    };
    std::vector<Clause> clauses;
    double clause_bump = 1;

    std::vector<double> activity;
    double bump = 1;
    std::vector<SchedLit> conflict;  // a set of true bounds that cannot hold together
    long long conflicts = 0;

    // Time tables: per resource and period, the room the compulsory parts leave (the
    // capacity, with a tolerance, less their use), and that room before any part.
    std::vector<double> profile, empty;
    std::vector<int> part_from, part_to;
    std::vector<std::vector<std::pair<int, double>>> needs;

    /// Whether the watch lists (one per job, side and period) fit in memory: not where
    /// the horizon runs to hundreds of thousands of periods.
    static bool fits(const SchedInstance& in) {
        const double bytes = 2.0 * in.n * (in.horizon + 3.0) * sizeof(std::vector<int>);
        return bytes <= std::min(memory_limit() / 8.0, double(1ull << 30));
    }

    SchedLearning(const SchedInstance& instance, Limits& l) : in(instance), limits(l), n(instance.n) {
        last_ge.assign(n, -1);
        last_le.assign(n, -1);
        span = in.horizon + 3;
        watches.assign(static_cast<std::size_t>(n) * 2 * span, {});
        activity.assign(n, 0);
        needs.assign(n, {});
        for (int j = 0; j < n; ++j)
            for (int r = 0; r < in.resources; ++r)
                if (in.uses[static_cast<std::size_t>(j) * in.resources + r] && in.duration[j] > 0)
                    needs[j].emplace_back(r, in.used(j, r, 0));
        part_from.assign(n, 0);
        part_to.assign(n, 0);
    }

    int level() const { return static_cast<int>(level_start.size()); }
    bool is_true(SchedLit l) const { return l.ge ? lb[l.var] >= l.val : ub[l.var] <= l.val; }
    bool is_false(SchedLit l) const { return l.ge ? ub[l.var] < l.val : lb[l.var] > l.val; }

    /// Make l true, implied by the true bounds reason[0..k) (or by clause c); false, with
    /// `conflict` set, when it cannot be.
    bool set(SchedLit l, const SchedLit* reason, int k, int c = -1) {
        const int v = l.var;
        if (is_true(l)) return true;
        if (is_false(l)) {
            conflict.assign(reason, reason + k);
            conflict.push_back(l.ge ? SchedLit{v, ub[v], false} : SchedLit{v, lb[v], true});
            return false;
        }
        Entry e{v, l.ge != 0, l.val, l.ge ? lb[v] : ub[v], level(), l.ge ? last_ge[v] : last_le[v], 0, -1, c};
        if (level() > 0 && reason) {
            e.reason = static_cast<int>(arena.size());
            e.length = k;
            arena.insert(arena.end(), reason, reason + k);
        }
        (l.ge ? last_ge[v] : last_le[v]) = static_cast<int>(trail.size());
        (l.ge ? lb[v] : ub[v]) = l.val;
        trail.push_back(e);
        return true;
    }

    void backtrack(int to) {
        if (level() <= to) return;
        const int keep = level_start[to];
        for (int i = static_cast<int>(trail.size()) - 1; i >= keep; --i) {
            const Entry& e = trail[i];
            (e.ge ? lb[e.var] : ub[e.var]) = e.old;
            (e.ge ? last_ge[e.var] : last_le[e.var]) = e.prev;
        }
        trail.resize(keep);
        arena.resize(arena_at[to]);
        level_start.resize(to);
        arena_at.resize(to);
        queue = std::min(queue, trail.size());
    }

    // The watches per bound literal: [s_v >= c] and [s_v <= c] for c in -1 .. horizon + 1
    // (a clause's bounds are those of entries, within the horizon, or one past them).
    int span = 0;
    struct Watch {
        int clause;
        SchedLit blocker;  // another of its bounds: while true, the clause is
    };
    std::vector<std::vector<Watch>> watches;
    std::size_t key(SchedLit l) const {
        return (static_cast<std::size_t>(l.var) * 2 + (l.ge ? 1 : 0)) * span + static_cast<std::size_t>(l.val + 1);
    }
    void watch(int c, SchedLit l, SchedLit other) { watches[key(l)].push_back({c, other}); }

    // The clauses watching a bound entry e made false: [s <= c] for c from its old head to
    // the new one less one, or [s >= c] from the new latest start plus one to the old.
    bool propagate_clauses(const Entry& e) {
        const int from = e.ge ? e.old : e.val + 1, to = e.ge ? e.val - 1 : e.old;
        for (int c = std::max(from, -1); c <= std::min(to, span - 2); ++c)
            if (!propagate_watch({e.var, c, !e.ge})) return false;
        return true;
    }

    std::vector<SchedLit> clause_reason;
    bool propagate_watch(SchedLit falsified) {
        auto& list = watches[key(falsified)];
        const auto same = [&](SchedLit a) { return a.var == falsified.var && a.val == falsified.val && a.ge == falsified.ge; };
        std::size_t kept = 0;
        bool ok = true;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Watch w = list[i];
            if (!ok || is_true(w.blocker)) {
                list[kept++] = w;
                continue;
            }
            const int c = w.clause;
            auto& lits = clauses[c].lits;
            if (same(lits[0])) std::swap(lits[0], lits[1]);
            if (is_true(lits[0])) {
                list[kept++] = {c, lits[0]};
                continue;
            }
            bool moved = false;
            for (std::size_t k = 2; k < lits.size(); ++k)
                if (!is_false(lits[k])) {
                    std::swap(lits[1], lits[k]);
                    watch(c, lits[1], lits[0]);
                    moved = true;
                    break;
                }
            if (moved) continue;
            list[kept++] = {c, lits[0]};
            clause_reason.clear();
            for (std::size_t k = 1; k < lits.size(); ++k) clause_reason.push_back(sched_negate(lits[k]));
            if (is_false(lits[0])) {
                conflict = clause_reason;
                conflict.push_back(sched_negate(lits[0]));
                ok = false;
                continue;
            }
            if (!set(lits[0], clause_reason.data(), static_cast<int>(clause_reason.size()), c)) ok = false;
        }
        list.resize(kept);
        return ok;
    }

    bool propagate_precedences(const Entry& e) {
        const int v = e.var;
        if (e.ge) {
            const SchedLit why{v, e.val, true};
            for (auto [d, lag] : in.succs[v])
                if (!set({d, e.val + in.duration[v] + lag, true}, &why, 1)) return false;
        } else {
            const SchedLit why{v, e.val, false};
            for (auto [p, lag] : in.preds[v])
                if (!set({p, e.val - in.duration[p] - lag, false}, &why, 1)) return false;
        }
        return true;
    }

    double& room(int r, int t) { return profile[static_cast<std::size_t>(r) * deadline + t]; }

    void place_part(int j) {
        const int from = ub[j], to = std::min(lb[j] + in.duration[j], deadline);
        const int f0 = part_from[j], t0 = part_to[j];
        for (auto [r, u] : needs[j]) {
            for (int t = f0; t < t0; ++t) room(r, t) += u;
            for (int t = from; t < to; ++t) room(r, t) -= u;
        }
        part_from[j] = from;
        part_to[j] = std::max(from, to);
    }

    // The jobs other than j whose compulsory parts cover period t on resource r, enough of
    // them that with `extra` they exceed the capacity: each by [s <= t] and [s >= t + 1 - d].
    std::vector<std::pair<double, int>> cover;  // scratch
    void explain_point(int j, int r, int t, double extra, std::vector<SchedLit>& out) {
        cover.clear();
        for (int i = 0; i < n; ++i)
            if (i != j && part_from[i] <= t && t < part_to[i])
                for (auto [q, u] : needs[i])
                    if (q == r) cover.emplace_back(u, i);
        std::sort(cover.begin(), cover.end(), [](auto a, auto b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        const double cap = in.cap(r, t);
        double sum = extra;
        for (auto [u, i] : cover) {
            out.push_back({i, t, false});
            out.push_back({i, t + 1 - in.duration[i], true});
            sum += u;
            if (sum > cap + 1e-9 * std::max(1.0, cap)) break;
        }
    }

    bool over(int r, int t, double extra) { return extra > room(r, t); }

    bool propagate_timetable(bool& changed) {
        if (empty.size() != static_cast<std::size_t>(in.resources) * deadline) {
            empty.resize(static_cast<std::size_t>(in.resources) * deadline);
            for (int r = 0; r < in.resources; ++r)
                for (int t = 0; t < deadline; ++t)
                    empty[static_cast<std::size_t>(r) * deadline + t] = in.cap(r, t) + 1e-9 * std::max(1.0, in.cap(r, t));
        }
        profile = empty;
        std::fill(part_from.begin(), part_from.end(), 0);
        std::fill(part_to.begin(), part_to.end(), 0);
        for (int j = 0; j < n; ++j) place_part(j);
        for (int r = 0; r < in.resources; ++r)
            for (int t = 0; t < deadline; ++t)
                if (over(r, t, 0)) {
                    conflict.clear();
                    explain_point(-1, r, t, 0, conflict);
                    return false;
                }
        for (int j = 0; j < n; ++j)
            if (!needs[j].empty() && lb[j] < ub[j] && !(push(j, true, changed) && push(j, false, changed))) return false;
        return true;
    }

    // Moves j's head past the latest period in its way from there that leaves no room for
    // it (head), or its latest start before the earliest such period from there (!head),
    // until none is left.
    std::vector<SchedLit> why;  // scratch
    bool push(int j, bool head, bool& changed) {
        const int d = in.duration[j];
        for (;;) {
            int bad = head ? -1 : std::numeric_limits<int>::max(), bad_r = -1;
            double bad_u = 0;
            for (auto [r, u] : needs[j]) {
                const int from = head ? lb[j] : ub[j], to = std::min(from + d, deadline);
                for (int k = 0; k < to - from; ++k) {
                    const int t = head ? to - 1 - k : from + k;
                    if (head ? t <= bad : t >= bad) break;
                    const double own = part_from[j] <= t && t < part_to[j] ? u : 0;
                    if (over(r, t, u - own)) {
                        bad = t;
                        bad_r = r;
                        bad_u = u;
                        break;
                    }
                }
            }
            if (bad_r < 0) return true;
            why.clear();
            explain_point(j, bad_r, bad, bad_u, why);
            // j covers t when it starts in [t + 1 - d, t]: from its head it would, so it
            // starts after t; from its latest start it would, so it ends by t.
            why.push_back(head ? SchedLit{j, bad + 1 - d, true} : SchedLit{j, bad, false});
            if (!set(head ? SchedLit{j, bad + 1, true} : SchedLit{j, bad - d, false}, why.data(), static_cast<int>(why.size())))
                return false;
            changed = true;
            place_part(j);
        }
    }

    bool propagate() {
        for (;;) {
            while (queue < trail.size()) {
                const Entry e = trail[queue++];
                if (!propagate_precedences(e)) return false;
                if (!propagate_clauses(e)) return false;
            }
            bool changed = false;
            if (!propagate_timetable(changed)) return false;
            if (!changed) return true;
        }
    }

    // The first entry that made l true (-1: the initial bounds).
    int entry_of(SchedLit l) const {
        int e = l.ge ? last_ge[l.var] : last_le[l.var];
        while (e >= 0 && (l.ge ? trail[e].old >= l.val : trail[e].old <= l.val)) e = trail[e].prev;
        return e;
    }

    std::vector<char> seen, levels_seen;
    std::vector<int> need;  // per entry at the conflict's level: the weakest bound needed
    std::vector<int> low_ge, low_le;  // per job: the bounds needed from earlier levels (stamped)
    std::vector<long long> low_stamp_ge, low_stamp_le;
    long long stamp = 0;

    void bump_var(int v) {
        if ((activity[v] += bump) > 1e100) {
            for (double& a : activity) a *= 1e-100;
            bump *= 1e-100;
        }
    }

    /// Learns from `conflict`: the clause, the level to go back to. False at level 0.
    bool analyse() {
        ++conflicts;
        if (level() == 0) return false;
        // Where the conflict's bounds all come from earlier levels, it is that level's.
        int top = 0;
        for (SchedLit l : conflict) {
            const int e = entry_of(l);
            if (e >= 0) top = std::max(top, trail[e].level);
        }
        if (top == 0) return false;
        backtrack(top);
        ++stamp;
        seen.assign(trail.size(), 0);
        need.resize(trail.size());
        low_ge.resize(n), low_le.resize(n), low_stamp_ge.resize(n, 0), low_stamp_le.resize(n, 0);
        int count = 0;
        const int here = level();
        const auto take = [&](SchedLit l) {
            const int e = entry_of(l);
            if (e < 0 || trail[e].level == 0) return;
            bump_var(l.var);
            if (trail[e].level == here) {
                if (!seen[e]) {
                    seen[e] = 1;
                    ++count;
                    need[e] = l.val;
                } else need[e] = l.ge ? std::max(need[e], l.val) : std::min(need[e], l.val);
                return;
            }
            if (l.ge) {
                if (low_stamp_ge[l.var] != stamp) low_stamp_ge[l.var] = stamp, low_ge[l.var] = l.val;
                else low_ge[l.var] = std::max(low_ge[l.var], l.val);
            } else {
                if (low_stamp_le[l.var] != stamp) low_stamp_le[l.var] = stamp, low_le[l.var] = l.val;
                else low_le[l.var] = std::min(low_le[l.var], l.val);
            }
        };
        for (SchedLit l : conflict) take(l);
        int uip = -1;
        for (int i = static_cast<int>(trail.size()) - 1; i >= 0; --i) {
            if (!seen[i]) continue;
            seen[i] = 0;
            if (--count == 0) {
                uip = i;
                break;
            }
            const Entry& e = trail[i];
            if (e.clause >= 0) bump_clause(e.clause);
            for (int k = 0; k < e.length; ++k) take(arena[e.reason + k]);
        }
        const Entry& u = trail[uip];
        // A bound from an earlier level goes where its entry's explanation follows from the
        // others (or from level 0): one at a time, each against those still kept.
        const auto kept = [&](SchedLit m) {
            if (m.var == u.var && m.ge == u.ge && (m.ge ? need[uip] >= m.val : need[uip] <= m.val)) return true;
            if (m.ge) return low_stamp_ge[m.var] == stamp && low_ge[m.var] >= m.val;
            return low_stamp_le[m.var] == stamp && low_le[m.var] <= m.val;
        };
        for (int v = 0; v < n; ++v)
            for (int side = 0; side < 2; ++side) {
                const bool ge = side == 0;
                long long& mark = ge ? low_stamp_ge[v] : low_stamp_le[v];
                if (mark != stamp) continue;
                const SchedLit l{v, ge ? low_ge[v] : low_le[v], ge};
                const Entry& e = trail[entry_of(l)];
                if (e.length < 0) continue;  // a decision
                bool redundant = true;
                for (int k = 0; k < e.length && redundant; ++k) {
                    const SchedLit m = arena[e.reason + k];
                    const int f = entry_of(m);
                    if (f < 0 || trail[f].level == 0) continue;
                    redundant = !(m.var == v && m.ge == ge) && kept(m);
                }
                if (redundant) mark = 0;
            }
        std::vector<SchedLit> lits{sched_negate({u.var, need[uip], u.ge})};
        int back = 0, at = -1;
        levels_seen.assign(here + 1, 0);
        levels_seen[here] = 1;
        int lbd = 1;
        for (int v = 0; v < n; ++v)
            for (int side = 0; side < 2; ++side) {
                const bool ge = side == 0;
                if ((ge ? low_stamp_ge[v] : low_stamp_le[v]) != stamp) continue;
                const SchedLit l{v, ge ? low_ge[v] : low_le[v], ge};
                const int lev = trail[entry_of(l)].level;
                if (!levels_seen[lev]) levels_seen[lev] = 1, ++lbd;
                if (lev > back) back = lev, at = static_cast<int>(lits.size());
                lits.push_back(sched_negate(l));
            }
        if (at > 1) std::swap(lits[1], lits[at]);
        backtrack(back);
        int c = -1;
        if (lits.size() > 1) {
            c = static_cast<int>(clauses.size());
            clauses.push_back({lits, clause_bump, lbd});
            watch(c, lits[0], lits[1]);
            watch(c, lits[1], lits[0]);
        }
        std::vector<SchedLit> reason;
        for (std::size_t k = 1; k < lits.size(); ++k) reason.push_back(sched_negate(lits[k]));
        if (back == 0) {
            set(lits[0], nullptr, 0);
            if (c >= 0) trail.back().clause = c;
        } else set(lits[0], reason.data(), static_cast<int>(reason.size()), c);
        bump *= 1 / 0.95;
        clause_bump *= 1 / 0.999;
        return true;
    }

    void bump_clause(int c) {
        if ((clauses[c].activity += clause_bump) > 1e100) {
            for (auto& cl : clauses) cl.activity *= 1e-100;
            clause_bump *= 1e-100;
        }
    }

    // At level 0: of the learned clauses longer than three whose bounds came from more than
    // two decision levels when they were learned, the less active half goes; the others
    // stay (the "glue" clauses of Audemard & Simon 2009, which join few decisions and prune
    // much). The watches are rebuilt. On the 40 hardest j30 instances, the learning search
    // alone: 1.38 M failures in 43.8 s with every long clause a candidate and 4,000 (+1,000)
    // kept; 1.27 M in 39.5 s keeping the glue; 1.31 M in 37.2 s with 2,000 (+500) as here.
    void reduce() {
        std::vector<int> order;
        for (int c = 0; c < static_cast<int>(clauses.size()); ++c)
            if (clauses[c].lits.size() > 3 && clauses[c].lbd > 2) order.push_back(c);
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            return clauses[a].activity != clauses[b].activity ? clauses[a].activity < clauses[b].activity : a < b;
        });
        std::vector<char> drop(clauses.size(), 0);
        for (std::size_t k = 0; k < order.size() / 2; ++k) drop[order[k]] = 1;
        std::vector<Clause> kept;
        for (std::size_t c = 0; c < clauses.size(); ++c)
            if (!drop[c]) kept.push_back(std::move(clauses[c]));
        clauses = std::move(kept);
        for (auto& w : watches) w.clear();
        for (auto& e : trail) e.clause = -1;
        for (int c = 0; c < static_cast<int>(clauses.size()); ++c) {
            // Watch two bounds that are not false (level 0: a clause with one is satisfied
            // or unit, and was propagated there).
            auto& lits = clauses[c].lits;
            for (int w = 0; w < 2; ++w)
                for (std::size_t k = w; k < lits.size(); ++k)
                    if (!is_false(lits[k])) {
                        std::swap(lits[w], lits[k]);
                        break;
                    }
            watch(c, lits[0], lits[1]);
            watch(c, lits[1], lits[0]);
        }
    }

    static long long luby(long long i) {
        // The i-th term (from 1) of 1 1 2 1 1 2 4 ...
        for (long long k = 1;; ++k) {
            if (i == (1LL << k) - 1) return 1LL << (k - 1);
            if (i < (1LL << k) - 1) return luby(i - (1LL << (k - 1)) + 1);
        }
    }

    /// Every job finishes by D (a fact at level 0). False when that fails at once.
    bool tighten(int D) {
        backtrack(0);
        deadline = D;
        for (int j = 0; j < n; ++j)
            if (!set({j, D - in.tail[j], false}, nullptr, 0)) return false;
        return propagate();
    }

    /// Looks for schedules shorter than the incumbent until one is proven optimal (none
    /// shorter exists, or it meets `floor`, a bound known to the caller) or the limits stop
    /// it; `nodes` counts on from the caller's. `heads` and `lates` (empty: the instance's):
    /// windows every schedule shorter than the incumbent keeps. `improve`, called after
    /// `improve_at` conflicts, then after twice as many while it pays, may find a better
    /// schedule (the genetic search).
    template <class Improve>
    SchedOutcome run(SchedOutcome best, long long& nodes, double floor, const std::vector<int>& heads,
                     const std::vector<int>& lates, Improve&& improve, long long improve_at) {
        const auto settled = [&] { return !best.starts.empty() && best.value <= floor + 1e-9 * std::max(1.0, std::abs(floor)); };
        best.proven = true;  // unless a limit stops the search
        if (settled()) return best;
        lb = heads.empty() ? in.head : heads;
        ub = lates.empty() ? in.latest : lates;
        for (int j = 0; j < n; ++j) {
            lb[j] = std::max(lb[j], in.head[j]);
            ub[j] = std::min(ub[j], in.latest[j]);
        }
        if (!tighten(best.starts.empty() ? in.horizon : static_cast<int>(best.value) - 1)) return best;
        long long restart = 1, budget = 100 * luby(restart), reduce_at = 2000;
        for (;;) {
            if (limits.reached(nodes)) {
                best.proven = false;
                return best;
            }
            if (improve_at >= 0 && conflicts >= improve_at) {
                const double was = best.value;
                improve_at = improve(best, floor) ? 2 * improve_at : -1;
                if (settled()) return best;
                if (best.value < was && !tighten(static_cast<int>(best.value) - 1)) return best;
            }
            if (!propagate()) {
                if (!analyse()) return best;
                if (--budget <= 0) {
                    backtrack(0);
                    budget = 100 * luby(++restart);
                    if (static_cast<long long>(clauses.size()) > reduce_at) {
                        reduce();
                        reduce_at += 500;
                    }
                }
                continue;
            }
            int pick = -1;
            for (int j = 0; j < n; ++j)
                if (lb[j] < ub[j] && (pick < 0 || activity[j] > activity[pick] ||
                                      (activity[j] == activity[pick] && lb[j] < lb[pick])))
                    pick = j;
            if (pick < 0) {
                // Every start fixed and the time tables hold: a schedule, improved where
                // forward-backward improvement shortens it.
                best.starts = sched_justify(in, lb);
                best.value = sched_value(in, best.starts);
                if (settled() || !tighten(static_cast<int>(best.value) - 1)) return best;
                continue;
            }
            ++nodes;
            limits.progress("roadmap", nodes);
            level_start.push_back(static_cast<int>(trail.size()));
            arena_at.push_back(arena.size());
            set({pick, lb[pick], false}, nullptr, 0);
        }
    }
};

ALIGNGRAPH_INLINE SchedOutcome sched_learning_search(const SchedInstance& in, SchedOutcome incumbent, Limits& limits) {
    SchedLearning learner(in, limits);
    long long nodes = 0;
    SchedOutcome out = learner.run(std::move(incumbent), nodes, -std::numeric_limits<double>::infinity(), {}, {},
                                   [](SchedOutcome&, double&) { return false; }, -1);
    out.nodes = nodes;
    out.bound = out.proven && !out.starts.empty() ? out.value : sched_root_bound(in);
    return out;
}

}  // namespace aligngraph::detail
