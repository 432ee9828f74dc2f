"""Selection benchmark: aligngraph's exact solver on the OR-Library multidimensional
knapsack sets, side by side with OR-Tools CP-SAT and HiGHS (when installed) under the
same time limit and one thread. One run, one machine; per set: proven optimal count,
mean gap to the best known value, time.

Run with `make bench-selection` (or python benchmarks/selection/bench_selection.py).
Reads ALIGNGRAPH_REFERENCE_DATA or ../shared/data; says so and stops when absent.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import re
import sys
import time
from pathlib import Path

import numpy as np

import aligngraph as ag

try:
    from ortools.sat.python import cp_model
except ImportError:
    cp_model = None
try:
    import highspy
except ImportError:
    highspy = None

DATA = Path(os.environ.get("ALIGNGRAPH_REFERENCE_DATA") or Path(__file__).resolve().parents[3] / "shared" / "data")
MKNAP = DATA / "orlib-mknap"


def numbers(text: str) -> list[float]:
    return [float(x) for x in text.split()]


def read_mknap1_layout(path: Path):
    v = numbers(path.read_text())
    k, pos, out = int(v[0]), 1, []
    for _ in range(k):
        n, m, opt = int(v[pos]), int(v[pos + 1]), v[pos + 2]
        pos += 3
        p = np.array(v[pos:pos + n]); pos += n
        c = np.array(v[pos:pos + n * m]).reshape(m, n).T; pos += n * m
        b = np.array(v[pos:pos + m]); pos += m
        out.append((p, c, b, opt))
    return out


def read_mknap2(path: Path):
    text = path.read_text()
    parts = re.split(r"problem\s+(\S+\.DAT)", text)
    out = []
    for name, body in zip(parts[1::2], parts[2::2]):
        v = numbers(body.replace("+", " "))
        m, n = int(v[0]), int(v[1])
        pos = 2
        p = np.array(v[pos:pos + n]); pos += n
        b = np.array(v[pos:pos + m]); pos += m
        c = np.array(v[pos:pos + m * n]).reshape(m, n).T; pos += m * n
        out.append((name, p, c, b, v[pos]))
    return out


def reference_values():
    with open(MKNAP / "reference_values.csv") as f:
        return {(r["file"], int(r["position"])): (float(r["reference_value"]), r["status"]) for r in csv.DictReader(f)}


def project_instance(seed: int, n: int = 500, quarters: int = 12, links: int = 300, groups: int = 20):
    """A project-shaped instance: n initiatives over `quarters` quarters in 2 budget pools
    (capex, opex; 2 x quarters constraints), `links` requires edges (prerequisites come
    earlier in a random order: acyclic), `groups` excludes groups of 2-3 alternatives.
    Each initiative runs 1-6 quarters from a random start; values are NPV-like and about
    a tenth are enablers worth little or less than nothing on their own. Budgets cover
    about 35% of each quarter's demand. Integral data, so CP-SAT takes it unchanged."""
    rng = np.random.default_rng(seed)
    m = 2 * quarters
    costs = np.zeros((n, m))
    for i in range(n):
        start = rng.integers(0, quarters)
        length = rng.integers(1, 7)
        size = rng.lognormal(4.0, 0.8)
        capex_share = rng.uniform(0.2, 0.9)
        for t in range(start, min(quarters, start + length)):
            costs[i, t] = np.round(size * capex_share * rng.uniform(0.7, 1.3))
            costs[i, quarters + t] = np.round(size * (1 - capex_share) * rng.uniform(0.7, 1.3))
    total = costs.sum(axis=1)
    values = np.round(total * rng.lognormal(0.3, 0.5, n) - total)
    enablers = rng.random(n) < 0.1
    values[enablers] = np.round(-0.2 * total[enablers] * rng.random(enablers.sum()))
    budgets = np.round(0.35 * costs.sum(axis=0))
    rank = rng.permutation(n)
    requires = set()
    while len(requires) < links:
        a, b = rng.integers(0, n, 2)
        if a != b:
            dependant, prerequisite = (a, b) if rank[a] > rank[b] else (b, a)
            requires.add((int(dependant), int(prerequisite)))
    members = rng.permutation(n)
    excludes, pos = [], 0
    for _ in range(groups):
        size = int(rng.integers(2, 4))
        excludes.append([int(x) for x in members[pos:pos + size]])
        pos += size
    return values, costs, budgets, sorted(requires), excludes


def solve_aligngraph(p, c, b, limit, requires=(), excludes=(), forced_in=(), forced_out=()):
    r = ag.select_portfolio(p, c, b, requires=requires, excludes=excludes, forced_in=forced_in, forced_out=forced_out,
                  time_limit=limit, explain=False)
    return r.value, r.proven, r.seconds


def solve_cpsat(p, c, b, limit, requires=(), excludes=(), forced_in=(), forced_out=()):
    model = cp_model.CpModel()
    x = [model.NewBoolVar(f"x{i}") for i in range(len(p))]
    scale = 1 if np.allclose(p, np.round(p)) else 10
    for k in range(c.shape[1]):
        # Integral data (costs and limits are whole currency units; floor keeps a scaled limit safe).
        model.Add(sum(int(round(c[i, k])) * x[i] for i in range(len(p)) if c[i, k]) <= int(np.floor(b[k] + 1e-9)))
    for d, q in requires:
        model.AddImplication(x[d], x[q])
    for g in excludes:
        model.AddAtMostOne(x[i] for i in g)
    for i in forced_in:
        model.Add(x[i] == 1)
    for i in forced_out:
        model.Add(x[i] == 0)
    model.Maximize(sum(int(round(p[i] * scale)) * x[i] for i in range(len(p))))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = limit
    solver.parameters.num_workers = 1
    t0 = time.perf_counter()
    status = solver.Solve(model)
    return solver.ObjectiveValue() / scale, status == cp_model.OPTIMAL, time.perf_counter() - t0


def solve_highs(p, c, b, limit, requires=(), excludes=()):
    import scipy.sparse as sp
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(limit))
    h.setOptionValue("threads", 1)
    # Exact optimality, as for the other solvers (HiGHS stops at a 0.01% gap by default).
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.0)
    n, m = c.shape
    rows = [sp.csr_matrix(c.T)]
    upper = [np.asarray(b, dtype=float)]
    if len(requires):
        r = sp.lil_matrix((len(requires), n))
        for k, (d, q) in enumerate(requires):
            r[k, d] += 1
            r[k, q] -= 1
        rows.append(r.tocsr())
        upper.append(np.zeros(len(requires)))
    if len(excludes):
        e = sp.lil_matrix((len(excludes), n))
        for k, g in enumerate(excludes):
            for i in g:
                e[k, i] = 1
        rows.append(e.tocsr())
        upper.append(np.ones(len(excludes)))
    a = sp.csc_matrix(sp.vstack(rows))
    inf = highspy.kHighsInf
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n, a.shape[0]
    lp.col_cost_ = -np.asarray(p, dtype=float)
    lp.col_lower_ = np.zeros(n)
    lp.col_upper_ = np.ones(n)
    lp.row_lower_ = np.full(a.shape[0], -inf)
    lp.row_upper_ = np.concatenate(upper)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = a.indptr
    lp.a_matrix_.index_ = a.indices
    lp.a_matrix_.value_ = a.data
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    h.passModel(lp)
    t0 = time.perf_counter()
    h.run()
    proven = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    return -h.getInfo().objective_function_value, proven, time.perf_counter() - t0


CB_CLASSES = {"cb1": "5x100", "cb2": "5x250", "cb3": "5x500", "cb4": "10x100", "cb5": "10x250", "cb6": "10x500",
              "cb7": "30x100", "cb8": "30x250", "cb9": "30x500"}


def load_set(name: str, refs):
    """[(label, values, costs (n x m), budgets, best known)] of one OR-Library set."""
    if name == "mknap1":
        return [(f"mknap1-{k + 1}", p, c, b, refs[("mknap1.txt", k + 1)][0])
                for k, (p, c, b, _) in enumerate(read_mknap1_layout(MKNAP / "mknap1.txt"))]
    if name == "mknap2":
        return [(n, p, c, b, refs[("mknap2.txt", k + 1)][0]) for k, (n, p, c, b, _) in enumerate(read_mknap2(MKNAP / "mknap2.txt"))]
    f = f"mknapcb{name[2:]}.txt"
    return [(f"{name}-{k + 1}", p, c, b, refs[(f, k + 1)][0]) for k, (p, c, b, _) in enumerate(read_mknap1_layout(MKNAP / f))]


def run_sets(args, solvers, refs) -> None:
    """Per set (or per Chu-Beasley class): proven count, mean gap to the best known, total and
    longest time, for every solver."""
    print(f"\n## OR-Library sets, {args.time_limit:g} s per instance"
          + (", one instance per class (tightness 0.25, 0.5, 0.75)" if args.per_class else ""))
    print("\nset | size | instances | " + " | ".join(f"{s}: proven / mean gap / total s / max s" for s in solvers))
    print("--- | --- | ---: | " + " | ".join("---:" for _ in solvers))
    totals = {s: [0, [], 0.0] for s in solvers}
    for name in args.sets.split(","):
        items = load_set(name, refs)
        if args.per_class and name.startswith("cb"):
            items = [items[k] for k in (0, 10, 20)]
        if args.instances:
            items = items[:args.instances]
        cells = []
        for s, fn in solvers.items():
            proven, gaps, total, longest = 0, [], 0.0, 0.0
            for _, p, c, b, best in items:
                value, ok, secs = fn(p, c, b, args.time_limit)
                proven += ok
                gaps.append(max(0.0, (best - value) / best))
                total += secs
                longest = max(longest, secs)
            cells.append(f"{proven} / {100 * np.mean(gaps):.3f}% / {total:.1f} / {longest:.2f}")
            totals[s][0] += proven
            totals[s][1] += gaps
            totals[s][2] += total
        print(f"{name} | {CB_CLASSES.get(name, '')} | {len(items)} | " + " | ".join(cells))
        sys.stdout.flush()
    count = len(next(iter(totals.values()))[1])
    print(f"all | | {count} | " + " | ".join(
        f"{t[0]} / {100 * np.mean(t[1]):.3f}% / {t[2]:.1f} / " for t in totals.values()))


def run_project(args, solvers) -> None:
    """Project-shaped instances: proven count, value, time per solver and seed."""
    print(f"\n## Project-shaped instances (500 initiatives, 2 pools x 12 quarters, 300 requires, 20 excludes),"
          f" {args.time_limit:g} s limit")
    print("\nseed | " + " | ".join(f"{s}: value / proven / s" for s in solvers))
    print("---: | " + " | ".join("---:" for _ in solvers))
    for seed in range(1, args.project + 1):
        v, c, b, req, exc = project_instance(seed)
        cells = []
        for s, fn in solvers.items():
            value, ok, secs = fn(v, c, b, args.time_limit, req, exc)
            cells.append(f"{value:.0f} / {'yes' if ok else 'no'} / {secs:.2f}")
        print(f"{seed} | " + " | ".join(cells))
        sys.stdout.flush()


def run_frontier(args) -> None:
    """A 50-level frontier: aligngraph's warm-started sweep against CP-SAT solving each level
    from scratch, both to proven optimality (or the per-level limit)."""
    print(f"\n## Efficient frontier, {args.levels} levels, {args.time_limit:g} s limit per level")
    print("\ninstance | levels | aligngraph s (proven) | CP-SAT s (proven) | CP-SAT / aligngraph | values agree")
    print("--- | ---: | ---: | ---: | ---: | ---")
    factors = [0.2 + 1.0 * k / (args.levels - 1) for k in range(args.levels)]
    cases = []
    sp = ag.sample_portfolio().selection_problem()
    # Whole currency units, so that CP-SAT takes the same problem unchanged.
    cases.append(("sample model (NPV, 34 initiatives, 60 budget-periods)", np.round(sp["values"]), np.round(sp["costs"]),
                  sp["budgets"], sp["requires"], sp["excludes"], sp["forced_in"], sp["forced_out"]))
    for n in (100, 200):
        v, c, b, req, exc = project_instance(1, n=n, links=3 * n // 5, groups=n // 25)
        cases.append((f"project-shaped, {n} initiatives", v, c, b, req, exc, [], []))
    for label, v, c, b, req, exc, fin, fout in cases:
        # Each whole sweep runs args.repeats times for each solver; the median is reported
        # (small sweeps take milliseconds, where one run is mostly noise).
        our_runs = []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            ours = ag.frontier(v, c, b, factors, requires=req, excludes=exc, forced_in=fin, forced_out=fout,
                               time_limit=args.time_limit)
            our_runs.append(time.perf_counter() - t0)
        our_s = float(np.median(our_runs))
        feasible = ours[ours["feasible"]]
        cp_s, cp_proven, agree = 0.0, 0, True
        if cp_model is not None:
            cp_runs = []
            for _ in range(args.repeats):
                total, cp_proven = 0.0, 0
                for f in feasible.index:
                    value, ok, secs = solve_cpsat(v, c, b * f, args.time_limit, req, exc, fin, fout)
                    total += secs
                    cp_proven += ok
                    if ok and feasible.loc[f, "proven"]:
                        agree = agree and abs(value - feasible.loc[f, "value"]) <= 1e-6 * max(1.0, abs(value))
                cp_runs.append(total)
            cp_s = float(np.median(cp_runs))
        print(f"{label} | {len(feasible)} | {our_s:.3f} ({int(feasible['proven'].sum())}) | {cp_s:.3f} ({cp_proven}) | "
              f"{cp_s / our_s:.1f}x | {'yes' if agree else 'NO'}")
        sys.stdout.flush()


def run_resolve(args) -> None:
    """Re-solving after one change: the Reoptimizer against a cold solve of the changed problem."""
    print("\n## Re-solve after one change (each row: mean over the changes)")
    print("\ninstance | change | changes | cold s | re-solve s | cold / re-solve | values agree")
    print("--- | --- | ---: | ---: | ---: | ---: | ---")
    v, c, b, req, exc = project_instance(1, n=200, links=120, groups=8)
    cases = [("project-shaped, 200 initiatives", v, c, b, req, exc)]
    refs = reference_values()
    _, p, cc, bb, _ = load_set("cb1", refs)[0]
    cases.append(("Chu-Beasley 5x100 #1", p, cc, bb, [], []))
    for label, v, c, b, req, exc in cases:
        base = ag.select_portfolio(v, c, b, requires=req, excludes=exc, time_limit=args.time_limit, explain=False)
        changes = [("force out a selected one", lambda r, i=i: r.force_out(i), lambda i=i: {"forced_out": [i]})
                   for i in base.selected[:5]]
        left = [i for i in range(len(v)) if i not in set(base.selected)]
        changes += [("force in a left-out one", lambda r, i=i: r.force_in(i), lambda i=i: {"forced_in": [i]})
                    for i in left[:5]]
        for kind in ("force out a selected one", "force in a left-out one", "cut one budget by 5%"):
            cold_s = warm_s = 0.0
            agree, count = True, 0
            todo = [x for x in changes if x[0] == kind]
            if kind.startswith("cut"):
                todo = [(kind, None, k) for k in range(min(5, len(b)))]
            for _, apply, extra in todo:
                r = ag.Reoptimizer(v, c, b, requires=req, excludes=exc, time_limit=args.time_limit)
                r.solve()
                if apply is None:
                    r.set_budget(extra, b[extra] * 0.95)
                    bb2 = b.copy()
                    bb2[extra] *= 0.95
                    kw = {}
                else:
                    apply(r)
                    bb2, kw = b, extra()
                try:
                    t0 = time.perf_counter()
                    warm = r.solve()
                    warm_s += time.perf_counter() - t0
                    t0 = time.perf_counter()
                    cold = ag.select_portfolio(v, c, bb2, requires=req, excludes=exc, time_limit=args.time_limit, explain=False, **kw)
                    cold_s += time.perf_counter() - t0
                except ag.InfeasibleError:
                    continue
                count += 1
                agree = agree and abs(warm.value - cold.value) <= 1e-9 * max(1.0, abs(cold.value))
            if count:
                print(f"{label} | {kind} | {count} | {cold_s / count:.3f} | {warm_s / count:.3f} | "
                      f"{cold_s / max(warm_s, 1e-9):.1f}x | {'yes' if agree else 'NO'}")
                sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--time-limit", type=float, default=1.0, help="seconds per instance (or level) and solver")
    parser.add_argument("--sets", default="mknap1,mknap2," + ",".join(CB_CLASSES),
                        help="mknap1, mknap2, cb1..cb9 (comma-separated; empty for none)")
    parser.add_argument("--solvers", default="aligngraph,CP-SAT,HiGHS", help="which solvers to run")
    parser.add_argument("--instances", type=int, default=0, help="only the first K instances of each set (0: all)")
    parser.add_argument("--per-class", action="store_true", help="one Chu-Beasley instance per tightness class (#1, #11, #21)")
    parser.add_argument("--project", type=int, default=0, help="also K project-shaped instances (seeds 1..K)")
    parser.add_argument("--frontier", action="store_true", help="also the 50-level frontier against CP-SAT")
    parser.add_argument("--levels", type=int, default=50, help="levels of the frontier")
    parser.add_argument("--repeats", type=int, default=3, help="frontier: runs of each whole sweep per solver (the median is reported)")
    parser.add_argument("--resolve", action="store_true", help="also re-solving after one change")
    args = parser.parse_args()
    if not MKNAP.exists():
        print(f"SKIPPED: OR-Library data not found at {MKNAP} (set ALIGNGRAPH_REFERENCE_DATA)")
        return
    refs = reference_values()
    solvers = {"aligngraph": solve_aligngraph}
    if cp_model is not None:
        solvers["CP-SAT"] = solve_cpsat
    if highspy is not None:
        solvers["HiGHS"] = solve_highs
    solvers = {k: v for k, v in solvers.items() if k in args.solvers.split(",")}
    print(f"# Selection benchmark, {time.strftime('%Y-%m-%d %H:%M')}, 1 thread per solver")
    print(f"{platform.machine()}, {os.cpu_count()} cores; solvers: {', '.join(solvers)}"
          + ("" if cp_model else "; OR-Tools absent") + ("" if highspy else "; HiGHS absent"))
    if args.sets:
        run_sets(args, solvers, refs)
    if args.project:
        run_project(args, solvers)
    if args.frontier:
        run_frontier(args)
    if args.resolve:
        run_resolve(args)


if __name__ == "__main__":
    main()
