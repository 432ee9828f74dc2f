#!/usr/bin/env python3
"""The exact solvers against OR-Tools CP-SAT on random problems too large to enumerate.

fuzz_exact.py checks answers by enumeration, so its problems stay small (13 items, 5
jobs), and the parts of the search that only big problems reach (cuts at the root and in
the tree, strong branching, restarts, the learning search) go unchecked by it. This
script draws problems of medium size from a seed, solves each with aligngraph and with
CP-SAT (an independent exact solver; integer data, so both are exact), and reports every
problem where the proven values differ, with the problem written out to reproduce it.

    .venv/bin/pip install ortools          # benchmarks/requirements.txt has it
    .venv/bin/python tests/fuzz/differential.py --kind selection --count 500 --seed 1
    .venv/bin/python tests/fuzz/differential.py --kind schedule --count 200 --seed 1

Exit status 1 when a difference was found. Not part of `make test` (CP-SAT is a
benchmark peer, not a test dependency); run it after changing a solver.
"""
from __future__ import annotations

import argparse
import json
import sys
import time

import numpy as np

import aligngraph as ag

try:
    from ortools.sat.python import cp_model
except ImportError:  # pragma: no cover - a message, not a test
    sys.exit("differential.py needs OR-Tools: .venv/bin/pip install ortools")


def cpsat(model, seconds):
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    solver.parameters.max_time_in_seconds = seconds
    status = solver.Solve(model)
    return solver, status


# ---------------------------------------------------------------- selection


def selection_problem(rng):
    n, m = int(rng.integers(15, 120)), int(rng.integers(1, 5))
    costs = rng.integers(0, 60, (n, m)).astype(float)
    if rng.random() < 0.5:  # values close to costs: the hard knapsacks
        values = costs.sum(axis=1) + rng.integers(-5 if rng.random() < 0.2 else 0, 10, n)
    else:
        values = rng.integers(-5 if rng.random() < 0.2 else 0, 100, n).astype(float)
    budgets = np.floor(costs.sum(axis=0) * rng.uniform(0.1, 0.7))
    requires = sorted({(int(d), int(p)) for d, p in rng.integers(0, n, (int(rng.integers(0, n // 3 + 1)), 2)) if d != p})
    requires_any = []
    for _ in range(int(rng.integers(0, 3)) if rng.random() < 0.3 else 0):
        d = int(rng.integers(0, n))
        g = sorted({int(x) for x in rng.integers(0, n, int(rng.integers(1, 4)))} - {d})
        if g:
            requires_any.append((d, g))
    excludes = [sorted({int(x) for x in rng.integers(0, n, int(rng.integers(2, 6)))}) for _ in range(int(rng.integers(0, 5)))]
    excludes = [g for g in excludes if len(g) > 1]
    forced_in = sorted({int(x) for x in rng.integers(0, n, int(rng.integers(0, 3)))}) if rng.random() < 0.2 else []
    forced_out = sorted({int(x) for x in rng.integers(0, n, int(rng.integers(0, 3)))} - set(forced_in)) if rng.random() < 0.2 else []
    options = dict(gomory_rounds=int(rng.integers(0, 6)), node_cut_rounds=int(rng.integers(0, 4)),
                   group_covers=bool(rng.integers(0, 2)), mir_cuts=bool(rng.integers(0, 2)), plunge=bool(rng.integers(0, 2)))
    return dict(values=values, costs=costs, budgets=budgets, requires=requires, requires_any=requires_any,
                excludes=excludes, forced_in=forced_in, forced_out=forced_out), options


def selection_cpsat(q, seconds):
    n, m = q["costs"].shape
    model = cp_model.CpModel()
    x = [model.NewBoolVar(f"x{i}") for i in range(n)]
    for k in range(m):
        model.Add(sum(int(q["costs"][i, k]) * x[i] for i in range(n)) <= int(q["budgets"][k]))
    for d, p in q["requires"]:
        model.AddImplication(x[d], x[p])
    for d, g in q["requires_any"]:
        model.Add(sum(x[i] for i in g) >= 1).OnlyEnforceIf(x[d])
    for g in q["excludes"]:
        model.AddAtMostOne(x[i] for i in g)
    for i in q["forced_in"]:
        model.Add(x[i] == 1)
    for i in q["forced_out"]:
        model.Add(x[i] == 0)
    model.Maximize(sum(int(q["values"][i]) * x[i] for i in range(n)))
    solver, status = cpsat(model, seconds)
    if status == cp_model.INFEASIBLE:
        return "infeasible"
    if status != cp_model.OPTIMAL:
        return None
    return float(solver.ObjectiveValue())


def check_selection(rng, seconds):
    q, options = selection_problem(rng)
    expected = selection_cpsat(q, seconds)
    if expected is None:
        return "skipped", None
    try:
        r = ag.select_portfolio(q["values"], q["costs"], q["budgets"], requires=q["requires"],
                                requires_any=q["requires_any"], excludes=q["excludes"], forced_in=q["forced_in"],
                                forced_out=q["forced_out"], time_limit=seconds, **options)
    except ag.InfeasibleError as e:
        return ("agree" if expected == "infeasible" else f"aligngraph infeasible ({e}), CP-SAT {expected}"), (q, options)
    if expected == "infeasible":
        return f"aligngraph {r.value}, CP-SAT infeasible", (q, options)
    if not r.proven:
        return "skipped", None
    x = np.zeros(len(q["values"]))
    x[list(r.selected)] = 1
    if (x @ q["costs"] > q["budgets"] + 1e-9).any() or abs(float(x @ q["values"]) - r.value) > 1e-6:
        return f"aligngraph's selection breaks a budget or is not worth {r.value}", (q, options)
    if abs(r.value - expected) > 1e-6:
        return f"aligngraph proves {r.value}, CP-SAT {expected}", (q, options)
    return "agree", None


# ---------------------------------------------------------------- schedule


def schedule_problem(rng):
    n, R = int(rng.integers(5, 21)), int(rng.integers(1, 4))
    durations = [int(d) for d in rng.integers(1, 6, n)]
    T = int(rng.integers(max(durations) + 2, sum(durations) + 3))
    profiles = rng.random() < 0.5
    L = max(durations)
    usage = np.zeros((n, R, L))
    for j, d in enumerate(durations):
        if profiles:
            usage[j, :, :d] = rng.integers(0, 6, (R, d))
        else:
            usage[j, :, :d] = rng.integers(0, 6, (R, 1))
    capacity = rng.integers(3, 10, (R, T)).astype(float)
    if rng.random() < 0.5:
        capacity[:] = capacity[:, :1]
    earliest = [min(T - d, int(rng.integers(0, 4)) if rng.random() < 0.4 else 0) for d in durations]
    latest = [int(min(T - d, e + rng.integers(1, T))) for d, e in zip(durations, earliest)]
    requires = sorted({(max(a, b), min(a, b), int(rng.integers(0, 3)))
                       for a, b in rng.integers(0, n, (int(rng.integers(0, n)), 2)) if a != b})
    seen, links = set(), []
    for d, p, lag in requires:  # one link per pair
        if (d, p) not in seen:
            seen.add((d, p))
            links.append((int(d), int(p), lag))
    objective = ("makespan", "delay", "npv")[int(rng.integers(0, 3))]
    flows = rng.integers(-8, 9, (n, L + 2)).astype(float)
    weights = rng.integers(0, 7, n).astype(float)
    rate = float(rng.integers(1, 15)) / 100
    return dict(durations=durations, requires=links, usage=usage, capacity=capacity, horizon=T, earliest=earliest,
                latest=latest, flows=flows, rate=rate, weights=weights, objective=objective)


def npv_of(q, j, s):
    f = q["flows"][j]
    return sum(f[k] / (1 + q["rate"]) ** (s + k) for k in range(len(f)))


SCALE = 10 ** 6  # NPV coefficients in millionths for CP-SAT


def schedule_cpsat(q, seconds):
    """A time-indexed model: one Boolean per job and start, each resource in each period."""
    n, T = len(q["durations"]), q["horizon"]
    model = cp_model.CpModel()
    starts = [list(range(q["earliest"][j], q["latest"][j] + 1)) for j in range(n)]
    x = [{s: model.NewBoolVar(f"x{j}_{s}") for s in starts[j]} for j in range(n)]
    start = [model.NewIntVar(0, T, f"s{j}") for j in range(n)]
    for j in range(n):
        model.AddExactlyOne(x[j].values())
        model.Add(start[j] == sum(s * v for s, v in x[j].items()))
    for d, p, lag in q["requires"]:
        model.Add(start[d] >= start[p] + q["durations"][p] + lag)
    R = q["capacity"].shape[0]
    for r in range(R):
        for t in range(T):
            terms = []
            for j in range(n):
                for s, v in x[j].items():
                    k = t - s
                    if 0 <= k < q["durations"][j] and q["usage"][j, r, k] > 0:
                        terms.append(int(q["usage"][j, r, k]) * v)
            if terms:
                model.Add(sum(terms) <= int(q["capacity"][r, t]))
    if q["objective"] == "makespan":
        end = model.NewIntVar(0, T, "end")
        for j in range(n):
            model.Add(end >= start[j] + q["durations"][j])
        model.Minimize(end)
    elif q["objective"] == "delay":
        model.Minimize(sum(int(q["weights"][j]) * (start[j] - q["earliest"][j]) for j in range(n)))
    else:
        model.Maximize(sum(round(npv_of(q, j, s) * SCALE) * v for j in range(n) for s, v in x[j].items()))
    solver, status = cpsat(model, seconds)
    if status == cp_model.INFEASIBLE:
        return "infeasible"
    if status != cp_model.OPTIMAL:
        return None
    chosen = [int(solver.Value(start[j])) for j in range(n)]
    if q["objective"] == "npv":
        return sum(npv_of(q, j, s) for j, s in enumerate(chosen))
    return float(solver.ObjectiveValue())


def fits(q, s):
    n, T = len(q["durations"]), q["horizon"]
    for j in range(n):
        if not q["earliest"][j] <= s[j] <= q["latest"][j] or s[j] + q["durations"][j] > T:
            return False
    for d, p, lag in q["requires"]:
        if s[d] < s[p] + q["durations"][p] + lag:
            return False
    load = np.zeros_like(q["capacity"])
    for j in range(n):
        d = q["durations"][j]
        load[:, s[j]:s[j] + d] += q["usage"][j, :, :d]
    return bool((load <= q["capacity"] + 1e-9).all())


def check_schedule(rng, seconds):
    q = schedule_problem(rng)
    expected = schedule_cpsat(q, seconds)
    if expected is None:
        return "skipped", None
    try:
        r = ag.schedule(**q, time_limit=seconds)
    except ag.InfeasibleError as e:
        return ("agree" if expected == "infeasible" else f"aligngraph infeasible ({e}), CP-SAT {expected}"), q
    except ag.NoSolutionError as e:  # within the time CP-SAT needed to prove its answer
        return f"aligngraph found nothing ({e}), CP-SAT {expected}", q
    if expected == "infeasible":
        return f"aligngraph {r.value}, CP-SAT infeasible", q
    if not r.proven:
        return "skipped", None
    s = [int(v) for v in r.starts]
    if not fits(q, s):
        return f"aligngraph's schedule {s} breaks the problem", q
    # CP-SAT optimises NPV rounded to millionths: the true optimum is within n millionths of its.
    slack = len(s) / SCALE if q["objective"] == "npv" else 1e-9
    if abs(r.value - expected) > slack + 1e-9 * max(1.0, abs(expected)):
        return f"aligngraph proves {r.value} ({q['objective']}), CP-SAT {expected}", q
    if abs(r.bound - r.value) > 1e-6 * max(1.0, abs(r.value)):
        return f"aligngraph proven with bound {r.bound} against value {r.value}", q
    return "agree", None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", choices=["selection", "schedule"], default="selection")
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--seconds", type=float, default=20.0, help="time limit of each solver on each problem")
    args = ap.parse_args()
    check = check_selection if args.kind == "selection" else check_schedule
    tally, found = {}, 0
    start = time.time()
    for i in range(args.count):
        rng = np.random.default_rng([args.seed, i])
        verdict, problem = check(rng, args.seconds)
        key = verdict if verdict in ("agree", "skipped") else "differ"
        tally[key] = tally.get(key, 0) + 1
        if key == "differ":
            found += 1
            print(f"problem {i} (seed {args.seed}): {verdict}")
            print(json.dumps(problem, default=lambda v: v.tolist() if hasattr(v, "tolist") else str(v)))
        if (i + 1) % 100 == 0:
            print(f"{i + 1} problems, {time.time() - start:.1f} s: {tally}", flush=True)
    print(f"{args.kind}: {args.count} problems in {time.time() - start:.1f} s: {tally}")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
