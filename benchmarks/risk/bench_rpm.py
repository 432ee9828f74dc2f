"""Robust Portfolio Modeling on 50, 100 and 200 initiatives: time and non-dominated portfolios.

No open implementation exists to set beside it, so this reports aligngraph alone: for each
size, seeded project-shaped instances (three criteria in a rank order, scores on [0, 1] known
within +- a spread, two budgets, requires links and an excludes group), the seconds, the
number of non-dominated portfolios, the core, borderline and exterior initiatives, the
nodes of the exact branch and bound and the most non-dominated portfolios it kept at once;
with several thread counts (`--threads 1 2`) each instance on each, one after the other, the
speed-up against the first and whether the answers agree.

    python benchmarks/risk/bench_rpm.py [--sizes 50 100 200] [--seeds 3] [--spread 0.05] [--time-limit 60] [--threads 1 2]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

import aligngraph as ag


def instance(n: int, seed: int, spread: float) -> dict:
    rng = np.random.default_rng(seed)
    mid = rng.beta(2, 3, size=(n, 3))
    low, high = np.clip(mid - spread, 0, 1), np.clip(mid + spread, 0, 1)
    # Cost grows with what the initiative is worth, with noise: the hard, realistic case.
    worth = mid.mean(axis=1)
    costs = np.column_stack([np.round(100 * (0.3 + worth) * rng.uniform(0.5, 1.5, n)),
                             np.round(60 * rng.uniform(0.2, 1.8, n))])
    budgets = np.round(costs.sum(axis=0) * 0.3)
    requires = [(int(d), int(rng.integers(0, d))) for d in rng.choice(np.arange(1, n), size=n // 10, replace=False)]
    excludes = [list(map(int, rng.choice(n, size=3, replace=False)))]
    return dict(score_low=low, score_high=high, costs=costs, budgets=budgets, requires=requires, excludes=excludes)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 200])
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--spread", type=float, default=0.05)
    ap.add_argument("--time-limit", type=float, default=60.0)
    ap.add_argument("--threads", type=int, nargs="+", default=[0], help="thread counts (0: every core)")
    a = ap.parse_args()
    print(f"RPM: three criteria in a rank order, scores +- {a.spread}, two budgets at 30% of the total cost, "
          f"n/10 requires, one excludes group of three; time limit {a.time_limit:g} s")
    print(f"{'n':>5} {'seed':>4} {'threads':>7} {'seconds':>8} {'portfolios':>10} {'core':>5} {'border':>6} {'exterior':>8} "
          f"{'states':>10} {'peak':>8}  speed-up")
    for n in a.sizes:
        for seed in range(a.seeds):
            inst = instance(n, seed, a.spread)
            first = None
            for threads in a.threads:
                t0 = time.perf_counter()
                try:
                    r = ag.rpm(**inst, rank_order=[0, 1, 2], time_limit=a.time_limit, threads=threads or None)
                except ag.NoSolutionError as e:
                    print(f"{n:>5} {seed:>4} {threads or 'all':>7} {time.perf_counter() - t0:8.2f}  not finished: {e}", flush=True)
                    continue
                dt = time.perf_counter() - t0
                note = ""
                if first is None:
                    first = (dt, r.portfolios)
                else:
                    same = r.portfolios.equals(first[1])
                    note = f"  {first[0] / dt:.2f}x{'' if same else '  DIFFERENT ANSWER'}"
                print(f"{n:>5} {seed:>4} {r.threads:>7} {dt:8.2f} {len(r):>10} {len(r.core):>5} {len(r.borderline):>6} "
                      f"{len(r.exterior):>8} {r.states:>10} {r.peak_states:>8}{note}", flush=True)


if __name__ == "__main__":
    main()
