"""aligngraph's scheduler beside OR-Tools CP-SAT, one thread each, the same time limit, in one run.

PSPLIB j30 (published optima) and j120 (best known bounds): proven count, mean gap to the
optimum (j30) or to the best known upper bound (j120), mean deviation from the critical-path
bound (the files' MPM-Time, as the literature reports j120), makespans below a proven lower
bound (never allowed), and time. The project-shaped set (--project): a roadmap with the NPV
objective on a generated portfolio, against CP-SAT on the same time-indexed model.

    python benchmarks/schedule/bench_schedule.py --cpp build/bench/benchmarks/bench_schedule --set j30 --limit 1
    python benchmarks/schedule/bench_schedule.py --cpp ... --set j120 --limit 10 --every 5
    python benchmarks/schedule/bench_schedule.py --project

Reference data: ALIGNGRAPH_REFERENCE_DATA, else ../shared/data beside the repository.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("ALIGNGRAPH_REFERENCE_DATA") or ROOT.parent / "shared" / "data")


def read_sm(path: Path) -> dict:
    """The .sm file as plain arrays, read here (independently of aligngraph's reader)."""
    lines = path.read_text().splitlines()
    n = int(next(l for l in lines if l.startswith("jobs (incl")).split(":")[1])
    R = int(re.search(r":\s*(\d+)", next(l for l in lines if "- renewable" in l)).group(1))
    at = next(i for i, l in enumerate(lines) if l.startswith("PRECEDENCE RELATIONS")) + 2
    succ = []
    for k in range(n):
        v = [int(x) for x in lines[at + k].split()]
        succ.append([s - 1 for s in v[3:]])
    at = next(i for i, l in enumerate(lines) if l.startswith("REQUESTS/DURATIONS")) + 3
    dur, use = [], []
    for k in range(n):
        v = [int(x) for x in lines[at + k].split()]
        dur.append(v[2])
        use.append(v[3:3 + R])
    at = next(i for i, l in enumerate(lines) if l.startswith("RESOURCEAVAILABILITIES")) + 2
    cap = [int(x) for x in lines[at].split()]
    info = next(i for i, l in enumerate(lines) if "MPM-Time" in l)
    cpm = int(lines[info + 1].split()[5])
    return dict(n=n, R=R, succ=succ, dur=dur, use=use, cap=cap, cpm=cpm, horizon=sum(dur))


def cpsat(inst: dict, limit: float) -> tuple[int, int, bool, float]:
    from ortools.sat.python import cp_model

    m = cp_model.CpModel()
    H = inst["horizon"]
    starts, ends, intervals = [], [], []
    for j in range(inst["n"]):
        s = m.NewIntVar(0, H, f"s{j}")
        e = m.NewIntVar(0, H, f"e{j}")
        intervals.append(m.NewIntervalVar(s, inst["dur"][j], e, f"i{j}"))
        starts.append(s)
        ends.append(e)
    for j, ss in enumerate(inst["succ"]):
        for s in ss:
            m.Add(starts[s] >= ends[j])
    for r in range(inst["R"]):
        used = [(intervals[j], inst["use"][j][r]) for j in range(inst["n"]) if inst["use"][j][r] > 0]
        m.AddCumulative([i for i, _ in used], [d for _, d in used], inst["cap"][r])
    makespan = m.NewIntVar(0, H, "makespan")
    m.AddMaxEquality(makespan, ends)
    m.Minimize(makespan)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = limit
    t0 = time.perf_counter()
    status = solver.Solve(m)
    seconds = time.perf_counter() - t0
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return -1, int(solver.BestObjectiveBound()), False, seconds
    return int(solver.Value(makespan)), int(solver.BestObjectiveBound()), status == cp_model.OPTIMAL, seconds


def ours(cpp: Path, files: list[Path], limit: float) -> dict:
    out = subprocess.run([str(cpp), str(limit), *map(str, files)], check=True, capture_output=True, text=True).stdout
    return {row["file"]: (int(row["makespan"]), int(float(row["bound"])), row["proven"] == "1", float(row["seconds"]))
            for row in csv.DictReader(io.StringIO(out))}


def psplib(args) -> None:
    if args.set == "j30":
        folder = DATA / "psplib-j30"
        with open(folder / "j30_optimum.csv") as f:
            ref = {r["problem"]: (int(r["optimum"]), int(r["optimum"])) for r in csv.DictReader(f)}
    else:
        folder = DATA / "psplib-j120"
        with open(folder / "j120_bounds.csv") as f:
            ref = {r["problem"]: (int(r["lower_bound"]), int(r["upper_bound"])) for r in csv.DictReader(f)}
    names = sorted(ref)[::args.every]
    files = [folder / "instances" / n for n in names]
    for limit in args.limit:
        t0 = time.perf_counter()
        mine = ours(args.cpp, files, limit)
        t_mine = time.perf_counter() - t0
        rows = {"aligngraph": [], "CP-SAT": []}
        for name, path in zip(names, files):
            inst = read_sm(path)
            rows["aligngraph"].append((name, *mine[name], inst["cpm"]))
            if not args.no_peer:
                rows["CP-SAT"].append((name, *cpsat(inst, limit), inst["cpm"]))
        print(f"\n{args.set}: {len(names)} instances, {limit:g} s each, one thread")
        print(f"{'solver':<11} {'proven':>7} {'gap to best known %':>20} {'dev. from CPM %':>16} {'below LB':>9} {'time s':>9}")
        total = {}
        for solver, rs in rows.items():
            if not rs:
                continue
            proven = sum(1 for r in rs if r[3])
            gaps = [100 * (r[1] - ref[r[0]][1]) / ref[r[0]][1] for r in rs if r[1] > 0]
            devs = [100 * (r[1] - r[5]) / r[5] for r in rs if r[1] > 0]
            below = sum(1 for r in rs if 0 < r[1] < ref[r[0]][0])
            wrong = sum(1 for r in rs if r[3] and r[1] != ref[r[0]][1] and ref[r[0]][0] == ref[r[0]][1])
            total[solver] = sum(r[4] for r in rs)
            missing = sum(1 for r in rs if r[1] <= 0)
            print(f"{solver:<11} {proven:>7} {np.mean(gaps):>20.3f} {np.mean(devs):>16.2f} {below:>9} {total[solver]:>9.1f}"
                  + (f"  ({missing} without a schedule)" if missing else "") + (f"  ({wrong} proven but wrong!)" if wrong else ""))
        if "CP-SAT" in total and total["CP-SAT"] > 0:
            print(f"time ratio aligngraph / CP-SAT: {total['aligngraph'] / total['CP-SAT']:.3f}  (aligngraph's driver: {t_mine:.1f} s wall)")


def project(args) -> None:
    """A project-shaped roadmap: 200 initiatives, 12 quarters, 2 budget pools, 4 teams, 150 requires."""
    import aligngraph as ag
    from ortools.sat.python import cp_model

    rng = np.random.default_rng(args.seed)
    n, T, L = 200, 12, 6
    durations = rng.integers(1, 5, n)
    money = np.zeros((n, 2, L))
    team = np.zeros((n, 4))
    flows = []
    for j in range(n):
        d = durations[j]
        pool = rng.integers(0, 2)
        money[j, pool, :d] = np.round(rng.uniform(50, 300, d))
        team[j, rng.integers(0, 4)] = rng.integers(1, 4)
        benefit = np.round(rng.uniform(0.2, 0.6) * money[j].sum())
        flows.append(np.concatenate([-money[j].sum(axis=0)[:d], np.full(8, benefit)]))
    usage = np.concatenate([money, np.repeat(team[:, :, None], L, axis=2)], axis=1)
    for j in range(n):
        usage[j, 2:, durations[j]:] = 0
    capacity = np.vstack([np.full((2, T), 0.45 * money.sum() / T / 2), np.full((4, T), 0.5 * team.sum(axis=0)[:, None] / 2 * 4 / T * 1.2 + 2)])
    requires = set()
    while len(requires) < 150:
        a, b = sorted(rng.integers(0, n, 2))
        if a != b:
            requires.add((int(b), int(a)))
    requires = sorted(requires)
    earliest = rng.integers(0, 3, n)
    latest = np.maximum(earliest, T - durations)
    kw = dict(requires=requires, usage=usage, capacity=capacity, horizon=T, earliest=earliest, latest=latest, flows=flows,
              rate=0.02, objective="npv", time_limit=args.project_limit)
    t0 = time.perf_counter()
    try:
        r = ag.schedule(durations, **kw)
        mine = (r.value, r.bound, r.proven, time.perf_counter() - t0)
    except ag.Error as e:
        mine = (float("nan"), float("nan"), False, time.perf_counter() - t0)
        print("aligngraph:", e)
    # CP-SAT on the same time-indexed model (scaled to integers: money in units, values in cents).
    m = cp_model.CpModel()
    x = {}
    for j in range(n):
        for s in range(earliest[j], latest[j] + 1):
            x[j, s] = m.NewBoolVar(f"x{j}_{s}")
        m.AddExactlyOne(x[j, s] for s in range(earliest[j], latest[j] + 1))
    for r_ in range(usage.shape[1]):
        for t in range(T):
            terms = [(x[j, s], int(round(usage[j, r_, t - s]))) for (j, s) in x if 0 <= t - s < L and usage[j, r_, t - s] > 0]
            if terms:
                m.Add(sum(v * c for v, c in terms) <= int(np.floor(capacity[r_, t])))
    start = {j: sum(s * x[j, s] for s in range(earliest[j], latest[j] + 1)) for j in range(n)}
    for d, p in requires:
        m.Add(start[d] >= start[p] + int(durations[p]))
    value = lambda j, s: int(round(100 * sum(f / (1.02) ** (s + k) for k, f in enumerate(flows[j]))))
    m.Maximize(sum(value(j, s) * v for (j, s), v in x.items()))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = args.project_limit
    t0 = time.perf_counter()
    status = solver.Solve(m)
    peer = (solver.ObjectiveValue() / 100 if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else float("nan"),
            solver.BestObjectiveBound() / 100, status == cp_model.OPTIMAL, time.perf_counter() - t0)
    print(f"\nproject-shaped roadmap (NPV): {n} initiatives, {T} quarters, 2 pools, 4 teams, {len(requires)} requires, "
          f"limit {args.project_limit:g} s, one thread")
    print(f"{'solver':<11} {'value':>14} {'bound':>14} {'proven':>7} {'time s':>8}")
    for name, (v, b, p, t) in (("aligngraph", mine), ("CP-SAT", peer)):
        print(f"{name:<11} {v:>14.2f} {b:>14.2f} {str(p):>7} {t:>8.2f}")
    print("(CP-SAT's money is rounded to whole units and its values to cents; the models are otherwise the same)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cpp", type=Path, default=ROOT / "build" / "bench" / "benchmarks" / "bench_schedule")
    ap.add_argument("--set", choices=["j30", "j120"], default="j30")
    ap.add_argument("--limit", type=float, nargs="+", default=[1.0])
    ap.add_argument("--every", type=int, default=1, help="every k-th instance (a sample)")
    ap.add_argument("--no-peer", action="store_true", help="aligngraph alone")
    ap.add_argument("--project", action="store_true", help="the project-shaped set instead of PSPLIB")
    ap.add_argument("--project-limit", type=float, default=60)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if args.project:
        project(args)
    else:
        psplib(args)


if __name__ == "__main__":
    sys.exit(main())
