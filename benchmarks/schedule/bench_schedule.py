"""aligngraph's scheduler beside OR-Tools CP-SAT, one thread each, the same time limit, in one run.

PSPLIB j30 (published optima) and j120 (best known bounds): proven count, mean gap to the
optimum (j30) or to the best known upper bound (j120), mean deviation from the critical-path
bound (the files' MPM-Time, as the literature reports j120), makespans below a proven lower
bound (never allowed), and time. The project-shaped set (--project): a roadmap with the NPV
objective on a generated portfolio and the plan, against CP-SAT (and with --highs HiGHS) on
the same time-indexed model.

    python benchmarks/schedule/bench_schedule.py --cpp build/bench/benchmarks/bench_schedule --set j30 --limit 1
    python benchmarks/schedule/bench_schedule.py --cpp ... --set j120 --limit 10 --every 5
    python benchmarks/schedule/bench_schedule.py --project [--highs] [--size 200]

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


def project_model(seed: int, n: int = 200, T: int = 12, links: int = 150):
    """A project-shaped model: n initiatives over T quarters, 2 budget pools (IT, Business), 4
    teams, `links` requires; windows from period 0; budgets and teams that bind."""
    import aligngraph as ag

    rng = np.random.default_rng(seed)
    p = ag.Portfolio(periods=T, period_years=0.25, first_label="2027Q1")
    p.add_goal("G", "Grow")
    durations = rng.integers(1, 5, n)
    starts = np.minimum(rng.integers(0, 7, n), T - durations)
    capex_total = 0.0
    team_total = np.zeros((4, T))
    rows = []
    for j in range(n):
        d, s0 = int(durations[j]), int(starts[j])
        cost = np.round(rng.uniform(50, 300, d))
        capex = [0.0] * s0 + list(cost)
        yearly = rng.uniform(0.6, 1.6) * cost.sum()
        benefits = [0.0] * (s0 + d) + [round(yearly / 4)] * (T - s0 - d)
        team = int(rng.integers(0, 4))
        need = float(rng.integers(1, 4))
        rows.append(dict(id=f"P{j:03d}", name=f"Project {j}", department="IT" if j % 2 == 0 else "Business", start=s0,
                         duration=d, capex=capex, benefits=benefits, demand={f"t{team}": [need] * d}, earliest_start=0))
        capex_total += cost.sum()
        team_total[team, s0:s0 + d] += need
    for pool in ("IT", "Business"):
        p.add_budget(pool, [round(0.35 * capex_total / 2 / T)] * T, department=pool)
    for t in range(4):
        p.add_team(f"t{t}", [float(max(3.0, np.ceil(0.5 * team_total[t].mean())))] * T)
    for r in rows:
        p.add_initiative(r.pop("id"), r.pop("name"), r.pop("department"), **r)
    added = set()
    while len(added) < links:
        a, b = sorted(int(x) for x in rng.integers(0, n, 2))
        if a != b and (b, a) not in added:
            added.add((b, a))
            p.add_requires(f"P{b:03d}", f"P{a:03d}")
    return p


def time_indexed(p, ids, optional: bool):
    """The time-indexed model of a roadmap (ids all in) or a plan (optional), as plain data for
    the peers: a 0-1 variable per initiative and start ((id, start) in `keys`), its NPV in
    `value`; `groups` (each initiative's starts: at most one, or exactly one); `capacity`
    rows (terms [(variable, amount)], limit) per budget and team and period; `precedence`
    rows (the cumulative form, as aligngraph's LP has it: a dependant's starts up to s need
    one of its prerequisite's starts that ends by s; terms with +1 and -1, <= 0); `forbidden`
    (starts no prerequisite start allows)."""
    T = p.horizon.periods
    index = {i: k for k, i in enumerate(p.initiative_ids)}
    rate = (1 + p.settings.discount_rate) ** p.horizon.period_years - 1
    net = np.asarray(p.net_flows)
    keys, groups = [], []
    for j in ids:
        ini = p.initiative(j)
        d, s0 = ini.duration, ini.start
        first = ini.earliest_start if ini.earliest_start is not None else s0
        groups.append([len(keys) + k for k in range(T - d + 1 - first)])
        keys += [(j, s) for s in range(first, T - d + 1)]
    var = {k: v for v, k in enumerate(keys)}
    capacity = []
    for b in p.budget_records:
        costs = np.asarray(p.budget_costs(b.id))
        for t in range(T):
            terms = []
            for v, (j, s) in enumerate(keys):
                i, s0 = index[j], p.initiative(j).start
                k = t - s
                if k >= 0 and s0 + k < T and costs[i, s0 + k] > 0:
                    terms.append((v, float(costs[i, s0 + k])))
            if terms:
                capacity.append((terms, float(b.limits[t])))
    for team in p.team_records:
        for t in range(T):
            terms = []
            for v, (j, s) in enumerate(keys):
                dem = p.initiative(j).demand.get(team.id, [])
                if 0 <= t - s < len(dem) and dem[t - s] > 0:
                    terms.append((v, float(dem[t - s])))
            if terms:
                capacity.append((terms, float(team.capacity[t])))
    chosen = set(ids)
    starts_of = {}
    for v, (j, s) in enumerate(keys):
        starts_of.setdefault(j, []).append((s, v))
    precedence, forbidden = [], []
    for dep, pre in p.requirement_pairs():
        if dep not in chosen:
            continue
        dp = p.initiative(pre).duration
        for s, v in starts_of[dep]:
            early = [w for s2, w in starts_of.get(pre, []) if s2 + dp <= s]
            upto = [w for s2, w in starts_of[dep] if s2 <= s]
            if early:
                precedence.append([(w, 1.0) for w in upto] + [(w, -1.0) for w in early])
            else:
                forbidden.append(v)
    value = []
    for j, s in keys:
        i, s0 = index[j], p.initiative(j).start
        value.append(float(sum(net[i, t] / (1 + rate) ** (s + t - s0) for t in range(s0, T))))
    return dict(keys=keys, value=value, groups=groups, exact=not optional, capacity=capacity, precedence=precedence,
                forbidden=forbidden)


def cpsat_time_indexed(p, ids, limit: float, optional: bool):
    """CP-SAT (1 worker) on the time-indexed model (amounts rounded to whole units, values to cents)."""
    from ortools.sat.python import cp_model

    model = time_indexed(p, ids, optional)
    m = cp_model.CpModel()
    x = [m.NewBoolVar(f"x{j}_{s}") for j, s in model["keys"]]
    for g in model["groups"]:
        (m.AddExactlyOne([x[v] for v in g]) if model["exact"] else m.Add(sum(x[v] for v in g) <= 1))
    for terms, limit_ in model["capacity"]:
        m.Add(sum(x[v] * int(round(c)) for v, c in terms) <= int(np.floor(limit_)))
    for terms in model["precedence"]:
        m.Add(sum(x[v] * int(c) for v, c in terms) <= 0)
    for v in model["forbidden"]:
        m.Add(x[v] == 0)
    m.Maximize(sum(int(round(100 * c)) * x[v] for v, c in enumerate(model["value"])))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = limit
    t0 = time.perf_counter()
    status = solver.Solve(m)
    ok = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    return (solver.ObjectiveValue() / 100 if ok else float("nan"), solver.BestObjectiveBound() / 100,
            status == cp_model.OPTIMAL, time.perf_counter() - t0)


def highs_time_indexed(p, ids, limit: float, optional: bool):
    """HiGHS (1 thread, mip_rel_gap 0: exact) on the same time-indexed model, amounts as they are."""
    import highspy

    model = time_indexed(p, ids, optional)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    h.setOptionValue("time_limit", float(limit))
    h.setOptionValue("mip_rel_gap", 0.0)
    x = [h.addBinary() for _ in model["keys"]]
    for g in model["groups"]:
        h.addConstr(sum(x[v] for v in g) == 1) if model["exact"] else h.addConstr(sum(x[v] for v in g) <= 1)
    for terms, limit_ in model["capacity"]:
        h.addConstr(sum(c * x[v] for v, c in terms) <= limit_)
    for terms in model["precedence"]:
        h.addConstr(sum(c * x[v] for v, c in terms) <= 0)
    for v in model["forbidden"]:
        h.addConstr(x[v] <= 0)
    t0 = time.perf_counter()
    h.maximize(sum(c * x[v] for v, c in enumerate(model["value"])))
    seconds = time.perf_counter() - t0
    info = h.getInfo()
    proven = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    value = info.objective_function_value if info.primal_solution_status == 2 else float("nan")
    return value, info.mip_dual_bound, proven, seconds


def project(args) -> None:
    """Roadmap (NPV) of the optimal portfolio and the plan on project-shaped models, against
    CP-SAT on the same time-indexed models; and plan versus select-then-schedule."""
    import aligngraph as ag

    n, links = args.size, round(0.75 * args.size)
    print(f"project-shaped: {n} initiatives, 12 quarters, 2 pools, 4 teams, {links} requires; limit {args.project_limit:g} s, one thread")
    print(f"{'seed':>4} {'form':<8} {'solver':<11} {'value':>12} {'bound':>12} {'proven':>7} {'time s':>8}")
    for seed in range(args.seed, args.seed + args.models):
        p = project_model(seed, n=n, links=links)
        t0 = time.perf_counter()
        chosen = p.optimize(time_limit=args.project_limit).selected
        t_select = time.perf_counter() - t0
        t0 = time.perf_counter()
        try:
            road = p.roadmap(chosen, time_limit=args.project_limit, explain=False)
        except ag.InfeasibleError as e:  # small sets: the portfolio chosen at planned starts may not fit any schedule
            road = None
            print(f"{seed:>4} roadmap    infeasible: {e}")
        t_road = time.perf_counter() - t0
        t0 = time.perf_counter()
        plan = p.plan(time_limit=args.project_limit, explain=False)
        t_plan = time.perf_counter() - t0
        rows = []
        if road is not None:
            rows += [("roadmap", "aligngraph", road.value, road.bound, road.proven, t_road),
                     ("roadmap", "CP-SAT", *cpsat_time_indexed(p, chosen, args.project_limit, False))]
            if args.highs:
                rows.append(("roadmap", "HiGHS", *highs_time_indexed(p, chosen, args.project_limit, False)))
        rows += [("plan", "aligngraph", plan.value, plan.bound, plan.proven, t_plan),
                 ("plan", "CP-SAT", *cpsat_time_indexed(p, list(p.initiative_ids), args.project_limit, True))]
        if args.highs:
            rows.append(("plan", "HiGHS", *highs_time_indexed(p, list(p.initiative_ids), args.project_limit, True)))
        for form, solver, v, b, pr, t in rows:
            print(f"{seed:>4} {form:<8} {solver:<11} {v:>12.1f} {b:>12.1f} {str(pr):>7} {t:>8.2f}")
        if road is not None:
            print(f"     plan - select-then-schedule: {plan.value - road.value:+.1f} ({100 * (plan.value - road.value) / abs(road.value):+.2f}%),"
                  f" selection {t_select:.2f} s; plan funds {int(plan.scheduled.sum())}, the selection {len(chosen)}")
    print("(CP-SAT's amounts are rounded to whole units and its values to cents; the models are otherwise the same;"
          " HiGHS takes them as they are)")


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
    ap.add_argument("--models", type=int, default=3, help="project-shaped models (seeds from --seed)")
    ap.add_argument("--size", type=int, default=200, help="project-shaped initiatives (requires: three quarters as many)")
    ap.add_argument("--highs", action="store_true", help="HiGHS (highspy) on the time-indexed models as well")
    args = ap.parse_args()
    if args.project:
        project(args)
    else:
        psplib(args)


if __name__ == "__main__":
    sys.exit(main())
