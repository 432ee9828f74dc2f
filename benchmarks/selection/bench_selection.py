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


def solve_aligngraph(p, c, b, limit, requires=(), excludes=()):
    r = ag.select(p, c, b, requires=requires, excludes=excludes, time_limit=limit)
    return r.value, r.proven, r.seconds


def solve_cpsat(p, c, b, limit, requires=(), excludes=()):
    model = cp_model.CpModel()
    x = [model.NewBoolVar(f"x{i}") for i in range(len(p))]
    scale = 1 if np.allclose(p, np.round(p)) else 10
    for k in range(c.shape[1]):
        model.Add(sum(int(c[i, k]) * x[i] for i in range(len(p)) if c[i, k]) <= int(b[k]))
    for d, q in requires:
        model.AddImplication(x[d], x[q])
    for g in excludes:
        model.AddAtMostOne(x[i] for i in g)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--time-limit", type=float, default=1.0, help="seconds per instance and solver")
    parser.add_argument("--sets", default="mknap1,mknap2,cb1,cb4,cb7", help="mknap1, mknap2, cb1..cb9")
    parser.add_argument("--solvers", default="aligngraph,CP-SAT,HiGHS", help="which solvers to run")
    parser.add_argument("--instances", type=int, default=0, help="only the first K instances of each set (0: all)")
    args = parser.parse_args()
    if not MKNAP.exists():
        print(f"SKIPPED: OR-Library data not found at {MKNAP} (set ALIGNGRAPH_REFERENCE_DATA)")
        return
    refs = reference_values()
    solvers = {"aligngraph": lambda p, c, b, t: (lambda r: (r.value, r.proven, r.seconds))(
        ag.select(p, c, b, time_limit=t))}
    if cp_model is not None:
        solvers["CP-SAT"] = solve_cpsat
    if highspy is not None:
        solvers["HiGHS"] = solve_highs
    solvers = {k: v for k, v in solvers.items() if k in args.solvers.split(",")}
    print(f"# Selection benchmark, {time.strftime('%Y-%m-%d %H:%M')}, {args.time_limit:g} s per instance, 1 thread")
    print(f"{platform.machine()}, {os.cpu_count()} cores; solvers: {', '.join(solvers)}"
          + ("" if cp_model else "; OR-Tools absent") + ("" if highspy else "; HiGHS absent"))
    print("\nset | instances | " + " | ".join(f"{s} proven / mean gap / total s" for s in solvers))
    print("--- | ---: | " + " | ".join("---:" for _ in solvers))
    for name in args.sets.split(","):
        if name == "mknap1":
            items = [(f"mknap1-{k + 1}", p, c, b, refs[("mknap1.txt", k + 1)][0]) for k, (p, c, b, _) in
                     enumerate(read_mknap1_layout(MKNAP / "mknap1.txt"))]
        elif name == "mknap2":
            items = [(n, p, c, b, refs[("mknap2.txt", k + 1)][0]) for k, (n, p, c, b, _) in
                     enumerate(read_mknap2(MKNAP / "mknap2.txt"))]
        else:
            f = f"mknapcb{name[2:]}.txt"
            items = [(f"{name}-{k + 1}", p, c, b, refs[(f, k + 1)][0]) for k, (p, c, b, _) in
                     enumerate(read_mknap1_layout(MKNAP / f))]
        if args.instances:
            items = items[:args.instances]
        cells = []
        for s, fn in solvers.items():
            proven, gaps, total = 0, [], 0.0
            for _, p, c, b, best in items:
                value, ok, secs = fn(p, c, b, args.time_limit)
                proven += ok
                gaps.append(max(0.0, (best - value) / best))
                total += secs
            cells.append(f"{proven} / {100 * np.mean(gaps):.3f}% / {total:.1f}")
        print(f"{name} | {len(items)} | " + " | ".join(cells))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
