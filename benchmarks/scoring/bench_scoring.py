"""Scoring benchmark: the whole pipeline (goal weights, alignment with enabler credit,
composite score, rank) on a generated model, against numpy + scipy.sparse (alignment),
networkx and rustworkx (topological order). One run, one machine, the same model.

Model (issue #4): 1,000,000 initiatives, 100 goals, 5 contributions per initiative,
2,000,000 `requires` edges (each to an earlier initiative: acyclic).
Run with `make bench-scoring` (or python benchmarks/scoring/bench_scoring.py --cpp PATH).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import subprocess
import sys
import time

import numpy as np

import aligngraph as ag

try:
    import scipy.sparse as sp
except ImportError:
    sp = None
try:
    import networkx as nx
except ImportError:
    nx = None
try:
    import rustworkx as rx
except ImportError:
    rx = None

BETA = 0.5


def timed(fn, repeats=1):
    best, out = float("inf"), None
    for _ in range(repeats):
        gc.collect()
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def generate(n: int, goals: int, per: int, edges: int, seed: int):
    rng = np.random.default_rng(seed)
    ci = np.repeat(np.arange(n, dtype=np.int64), per)
    cg = (rng.integers(0, goals // per, size=n * per) * per + np.tile(np.arange(per), n)).astype(np.int64)
    cs = rng.random(n * per)
    dep = rng.integers(1, n, size=edges).astype(np.int64)
    pre = (rng.random(edges) * dep).astype(np.int64)
    top = 1.0 + (np.arange(goals) % 7)
    value = rng.random(n) * 10
    return ci, cg, cs, dep, pre, top, value


def _core_pipeline(p):
    gc.collect()
    return ag._core._pipeline_seconds(p, [ag.Criterion("business_value", 1.0)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cpp", help="path of the bench_scoring C++ driver")
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--goals", type=int, default=100)
    parser.add_argument("--per", type=int, default=5)
    parser.add_argument("--edges", type=int, default=2_000_000)
    args = parser.parse_args()
    n, goals = args.n, args.goals
    ci, cg, cs, dep, pre, top, value = generate(n, goals, args.per, args.edges, seed=7)
    report = [f"# Scoring benchmark, {time.strftime('%Y-%m-%d %H:%M')}",
              f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, numpy {np.__version__}, "
              f"aligngraph {ag.__version__}, scipy {getattr(sp, '__version__', None) or __import__('scipy').__version__ if sp else 'absent'}, "
              f"networkx {getattr(nx, '__version__', 'absent')}, rustworkx {getattr(rx, '__version__', 'absent')}",
              f"\nModel: {n:,} initiatives, {goals} goals, {len(ci):,} contributions, {len(dep):,} requires edges.\n"]

    # --- aligngraph, from Python ---
    def build():
        p = ag.Portfolio(4, 0.25, "2027Q1")
        for g in range(goals):
            p.add_goal(f"G{g}", f"goal {g}", weight=float(top[g]))
        p.add_initiatives([f"I{i}" for i in range(n)], ["IT"] * n)
        p.add_contributions(ci, cg, cs)
        p.add_requirements(dep, pre)
        p.set_criterion("business_value", value)
        return p

    t_build, p = timed(build)
    stages = {}
    stages["validate"], _ = timed(p.check)
    stages["goal weights"], (ids, w) = timed(p.goal_weights)
    stages["topological order"], order = timed(lambda: p.topological_order(indices=True), 5)
    stages["alignment (with enabler credit)"], al = timed(lambda: p.alignment(), 5)
    composite = ag.CompositeWeights(0.7, 0.0, 0.3)
    stages["composite score + rank"], scores = timed(
        lambda: p.scores(ag.ScoreKind.composite, criteria={"business_value": 1.0}, composite=composite), 5)
    # Validation runs once per model change (then cached): it is reported but left out of the totals.
    total_py = sum(v for k, v in stages.items() if k != "validate")
    # The same stages run in C++ on this very model (no Python between them), for the overhead.
    runs = [_core_pipeline(p) for _ in range(5)]
    cpp_stages = {k: min(r[k] for r in runs) for k in runs[0]}
    total_cpp = sum(v for k, v in cpp_stages.items() if k != "validate")

    # --- peers ---
    peers = {}
    if sp is not None:
        S = sp.csr_matrix((cs, (ci, cg)), shape=(n, goals))
        wv = np.asarray(w)
        peers["scipy.sparse S @ w (direct alignment only)"], direct = timed(lambda: S @ wv, 5)
        # Enabler credit A = a + beta M A, M[i, j] = 1/|prereq(j)| for j requiring i: iterate to the fixed point
        # (exact after the DAG's depth + 1 steps: M is nilpotent).
        counts = np.bincount(dep, minlength=n).astype(float)
        M = sp.csr_matrix((1.0 / counts[dep], (pre, dep)), shape=(n, n))

        def scipy_alignment():
            a = S @ wv
            A = a.copy()
            for _ in range(100000):
                nxt = a + BETA * (M @ A)
                if np.array_equal(nxt, A):
                    break
                A = nxt
            return A

        peers["numpy + scipy.sparse alignment with enabler credit (fixed point)"], A_sp = timed(scipy_alignment)
        gap = float(np.max(np.abs(A_sp - al["total"].to_numpy())) / np.max(np.abs(A_sp)))
        report.append(f"alignment agrees with numpy + scipy.sparse: largest relative gap {gap:.1e}")
    if nx is not None:
        t_nx_build, G = timed(lambda: nx.DiGraph(zip(pre.tolist(), dep.tolist())))
        G.add_nodes_from(range(n))
        peers["networkx: build DiGraph"] = t_nx_build
        peers["networkx: topological_sort"], nx_order = timed(lambda: list(nx.topological_sort(G)))
        del G
        gc.collect()
    if rx is not None:
        def rx_build():
            g = rx.PyDiGraph(check_cycle=False, multigraph=True)
            g.add_nodes_from(range(n))
            g.add_edges_from_no_data(list(zip(pre.tolist(), dep.tolist())))
            return g

        t_rx_build, R = timed(rx_build)
        peers["rustworkx: build PyDiGraph"] = t_rx_build
        peers["rustworkx: topological_sort"], rx_order = timed(lambda: rx.topological_sort(R))
        del R

    # Check our order respects every edge.
    pos = np.empty(n, dtype=np.int64)
    pos[np.asarray(order)] = np.arange(n)
    assert (pos[pre] < pos[dep]).all(), "topological order violates an edge"

    report.append("\naligngraph stage | from Python, s | in C++ on the same model, s")
    report.append("--- | ---: | ---:")
    report.append(f"build the model (bulk, by index) | {t_build:.3f} |")
    for k, v in stages.items():
        report.append(f"{k} | {v:.3f} | {cpp_stages.get(k, float('nan')):.3f}")
    report.append(f"**pipeline after build and validation** | **{total_py:.3f}** | **{total_cpp:.3f}**")
    report.append("\npeer | seconds")
    report.append("--- | ---:")
    for k, v in peers.items():
        report.append(f"{k} | {v:.3f}")

    graph = stages["topological order"]
    report.append("\nratio | value")
    report.append("--- | ---:")
    if nx is not None:
        report.append(f"networkx topological_sort / aligngraph topological order | {peers['networkx: topological_sort'] / graph:.1f}x")
        report.append(f"networkx (build + sort) / aligngraph topological order | "
                      f"{(peers['networkx: topological_sort'] + peers['networkx: build DiGraph']) / graph:.1f}x")
    if rx is not None:
        report.append(f"rustworkx topological_sort / aligngraph topological order | {peers['rustworkx: topological_sort'] / graph:.2f}x")
        report.append(f"rustworkx (build + sort) / aligngraph topological order | "
                      f"{(peers['rustworkx: topological_sort'] + peers['rustworkx: build PyDiGraph']) / graph:.2f}x")
    if sp is not None:
        report.append(f"aligngraph alignment (direct + enabler) / scipy S @ w | "
                      f"{stages['alignment (with enabler credit)'] / peers['scipy.sparse S @ w (direct alignment only)']:.2f}x")
        report.append(f"numpy + scipy alignment with enabler credit / aligngraph alignment | "
                      f"{peers['numpy + scipy.sparse alignment with enabler credit (fixed point)'] / stages['alignment (with enabler credit)']:.1f}x")
    if args.cpp and os.path.exists(args.cpp):
        out = subprocess.run([args.cpp, str(n), str(goals), str(args.per), str(args.edges), "7"], capture_output=True,
                             text=True, check=True, timeout=3600)
        cpp = json.loads(out.stdout)
        cpp_total = cpp["validate"] + cpp["goal_weights"] + cpp["topological_order"] + cpp["alignment"] + cpp["composite"] + cpp["rank"]
        if sp is not None:
            report.append(f"aligngraph direct alignment (C++, one pass over the contributions) / scipy S @ w | "
                          f"{cpp['direct_alignment'] / peers['scipy.sparse S @ w (direct alignment only)']:.2f}x")
        report.append(f"C++ driver's own model (different random draws), its pipeline | {cpp_total:.3f} s")
    report.append(f"Python overhead: (Python pipeline - C++ on the same model) / Python pipeline | "
                  f"{(total_py - total_cpp) / total_py:.1%}")
    print("\n".join(report))


if __name__ == "__main__":
    sys.exit(main())
