"""aligngraph's Monte Carlo beside a vectorised numpy implementation of the same model, in one run.

The model (built here from a seed): 500 initiatives over 12 quarters, cost multipliers of every
kind of distribution (triangular, PERT, uniform, normal, lognormal), benefit multipliers, a
success probability below 1 for most, whole-period delays that move an initiative's spend and
discount its value, a group of 40 initiatives whose cost multipliers are correlated (a Gaussian
copula, rho = 0.4), one budget with a limit per quarter. Both compute the same outputs: each
sample's portfolio NPV, its mean, sd, P5/P50/P95, P(NPV < 0), and the budget's spend per quarter
(mean, P95, P(over its limit)).

numpy: PCG64, every draw vectorised over a chunk of samples: numpy's own samplers for the
independent multipliers, the inverse CDF through the copula for the correlated group, the
delays' shifts as one matrix product per delay value. One thread (BLAS limited to one).

aligngraph: ag.simulate() over the same arrays (sensitivity off: numpy computes no tornado),
on 1 and 2 threads.

    python benchmarks/risk/bench_risk.py [--samples 200000] [--items 500]

Prints initiative-draws per second (samples x initiatives / seconds) and the ratios.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse
import math
import time

import numpy as np
from scipy import special

import aligngraph as ag

Z95 = 1.6448536269514722
KINDS = ["triangular", "pert", "uniform", "normal", "lognormal"]


def make_model(n: int, T: int = 12, seed: int = 2027) -> dict:
    rng = np.random.default_rng(seed)
    dur = rng.integers(2, 6, size=n)
    start = rng.integers(0, 6, size=n)
    P = T + 8  # benefits run past the horizon
    costs = np.zeros((n, P))
    benefits = np.zeros((n, P))
    for i in range(n):
        c = rng.uniform(50, 400) * 1e3
        costs[i, start[i]:start[i] + dur[i]] = c / dur[i] * rng.uniform(0.8, 1.2, size=dur[i])
        b0 = start[i] + dur[i]
        benefits[i, b0:b0 + 8] = c * rng.uniform(0.2, 0.45)
    cost, benefit, delay = [], [], []
    for i in range(n):
        kind = KINDS[i % 5]
        if kind == "triangular":
            cost.append((0.9, 1.0, 1.5, kind))
        elif kind == "pert":
            cost.append((0.85, 1.05, 1.7, kind))
        elif kind == "uniform":
            cost.append((0.9, 1.0, 1.3, kind))
        elif kind == "normal":
            cost.append((0.85, 1.0, 1.15, kind))
        else:
            cost.append((0.8, 1.0, 1.25, kind))
        benefit.append((0.5, 1.0, 1.3, "triangular") if i % 2 == 0 else (0.6, 1.0, 1.2, "pert"))
        delay.append((0, 0, 3, "triangular") if i % 3 == 0 else None)
    success = np.where(np.arange(n) % 4 == 3, 1.0, rng.uniform(0.75, 0.98, size=n))
    group = list(range(0, 200, 5))  # 40 triangular cost multipliers
    budget = 1.35 * (costs[:, :T].sum(axis=0))
    return dict(n=n, T=T, costs=costs, benefits=benefits, cost=cost, benefit=benefit, delay=delay, success=success,
                group=group, rho=0.4, budget=budget, rate=0.02, start=start, dur=dur)


def numpy_simulate(m: dict, samples: int, seed: int = 1, chunk: int = 8192) -> dict:
    """The model by numpy, vectorised over chunks of samples."""
    n, T = m["n"], m["T"]
    costs, benefits = m["costs"], m["benefits"]
    P = costs.shape[1]
    disc = (1 + m["rate"]) ** -np.arange(P)
    pvc, pvb = costs @ disc, benefits @ disc
    rng = np.random.Generator(np.random.PCG64(seed))
    group = np.asarray(m["group"])
    k = len(group)
    corr = np.full((k, k), m["rho"])
    np.fill_diagonal(corr, 1.0)
    L = np.linalg.cholesky(corr)
    in_group = np.zeros(n, dtype=bool)
    in_group[group] = True
    by_kind = {kind: np.array([i for i in range(n) if m["cost"][i][3] == kind and not in_group[i]], dtype=int) for kind in KINDS}
    params = {kind: np.array([m["cost"][i][:3] for i in by_kind[kind]]).reshape(-1, 3) for kind in KINDS}
    tri_b = np.array([i for i in range(n) if m["benefit"][i][3] == "triangular"])
    pert_b = np.array([i for i in range(n) if m["benefit"][i][3] == "pert"])
    pb_tri = np.array([m["benefit"][i][:3] for i in tri_b])
    pb_pert = np.array([m["benefit"][i][:3] for i in pert_b])
    delayed = np.array([i for i in range(n) if m["delay"][i] is not None])
    g_par = np.array([m["cost"][i][:3] for i in group])
    shifted = [np.pad(costs[:, :T], ((0, 0), (d, 0)))[:, :T] for d in range(4)]
    budget = m["budget"]
    npv = np.empty(samples)
    spend = np.empty((samples, T))

    def tri_ppf(u, a, c, b):
        f = (c - a) / (b - a)
        return np.where(u < f, a + np.sqrt(u * (b - a) * (c - a)), b - np.sqrt((1 - u) * (b - a) * (b - c)))

    def pert(size, p):
        a, c, b = p[:, 0], p[:, 1], p[:, 2]
        alpha = 1 + 4 * (c - a) / (b - a)
        beta = 1 + 4 * (b - c) / (b - a)
        return a + (b - a) * rng.beta(alpha, beta, size=(size, len(a)))

    for lo in range(0, samples, chunk):
        S = min(chunk, samples - lo)
        cm = np.empty((S, n))
        p = params["triangular"]
        cm[:, by_kind["triangular"]] = rng.triangular(p[:, 0], p[:, 1], p[:, 2], size=(S, len(p)))
        cm[:, by_kind["pert"]] = pert(S, params["pert"])
        p = params["uniform"]
        cm[:, by_kind["uniform"]] = rng.uniform(p[:, 0], p[:, 2], size=(S, len(p)))
        p = params["normal"]
        cm[:, by_kind["normal"]] = rng.normal(p[:, 1], (p[:, 2] - p[:, 0]) / (2 * Z95), size=(S, len(p)))
        p = params["lognormal"]
        cm[:, by_kind["lognormal"]] = rng.lognormal(np.log(p[:, 1]), np.log(p[:, 2] / p[:, 0]) / (2 * Z95), size=(S, len(p)))
        z = rng.standard_normal((S, k)) @ L.T
        cm[:, group] = tri_ppf(special.ndtr(z), g_par[:, 0], g_par[:, 1], g_par[:, 2])
        bm = np.empty((S, n))
        bm[:, tri_b] = rng.triangular(pb_tri[:, 0], pb_tri[:, 1], pb_tri[:, 2], size=(S, len(tri_b)))
        bm[:, pert_b] = pert(S, pb_pert)
        ok = rng.random((S, n)) < m["success"]
        d = np.zeros((S, n), dtype=np.int64)
        d[:, delayed] = np.rint(rng.triangular(0, 0, 3, size=(S, len(delayed)))).astype(np.int64)
        value = (ok * bm * pvb - cm * pvc) * (1 + m["rate"]) ** -d
        npv[lo:lo + S] = value.sum(axis=1)
        sp = np.zeros((S, T))
        for k_d in range(4):
            sp += (cm * (d == k_d)) @ shifted[k_d]
        spend[lo:lo + S] = sp
    return dict(npv=npv, mean=npv.mean(), sd=npv.std(ddof=1), p5=np.percentile(npv, 5), p50=np.percentile(npv, 50),
                p95=np.percentile(npv, 95), p_negative=np.mean(npv < 0), spend_mean=spend.mean(axis=0),
                spend_p95=np.percentile(spend, 95, axis=0), p_over=np.mean(spend > budget, axis=0))


def aligngraph_simulate(m: dict, samples: int, threads: int, seed: int = 1) -> ag.RiskResult:
    return ag.simulate(m["costs"], m["benefits"], cost=m["cost"], benefit=m["benefit"], delay=m["delay"], success=m["success"],
                       starts=m["start"], durations=m["dur"], correlations=[(m["group"], m["rho"], "cost")],
                       budget=m["budget"], rate=m["rate"], samples=samples, seed=seed, threads=threads, sensitivity=False)


def make_portfolio(m: dict, departments: tuple[str, ...] = (), share: float = 1.25) -> ag.Portfolio:
    """The same model as a Portfolio (the Dask path ships a model file's JSON). One budget "B"
    over everything, or with `departments` the initiatives dealt to them in turn and a pool
    per department limited to `share` of its planned cost per period."""
    n, P = m["n"], m["costs"].shape[1]
    p = ag.Portfolio(periods=P, period_years=0.25, first_label="2027Q1")
    p.add_goal("G", "Goal")

    def est(e):
        return None if e is None else ag.Estimate(e[0], e[1], e[2], ag.Distribution.__members__[e[3]])

    dept = [departments[i % len(departments)] if departments else "IT" for i in range(n)]
    for i in range(n):
        u = ag.Uncertainty(cost=est(m["cost"][i]), benefit=est(m["benefit"][i]), delay=est(m["delay"][i]),
                           success_probability=float(m["success"][i]))
        p.add_initiative(f"I{i}", f"Initiative {i}", dept[i], start=int(m["start"][i]), duration=int(m["dur"][i]),
                         capex=list(m["costs"][i]), benefits=list(m["benefits"][i]), uncertainty=u)
        p.add_contribution(f"I{i}", "G", "weak")
    if departments:
        for d in departments:
            rows = [i for i in range(n) if dept[i] == d]
            p.add_budget(d, [float(x) for x in share * m["costs"][rows].sum(axis=0)], department=d)
    else:
        limits = list(m["budget"]) + [float(m["costs"][:, t].sum()) * share for t in range(m["T"], P)]
        p.add_budget("B", limits)
    p.add_correlation([f"I{i}" for i in m["group"] if i < n], m["rho"], on="cost")
    s = p.settings
    s.discount_rate = (1 + m["rate"]) ** 4 - 1  # per year, quarters
    p.settings = s
    return p


def dask_overhead(m: dict, samples: int) -> None:
    """The Dask path (a 2-worker LocalCluster, started before the clock) against the local run
    on 2 threads, the same samples."""
    from dask.distributed import Client, LocalCluster

    import aligngraph.distributed as agd

    p = make_portfolio(m)
    ids = p.initiative_ids
    kw = dict(samples=samples, seed=1, selection=ids, sensitivity=False, keep_use=False)
    t_local, local = best_of(lambda: p.simulate(threads=2, **kw), 2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        t_dask, remote = best_of(lambda: agd.simulate(p, client=client, **kw), 2)
    assert np.array_equal(local.npv, remote.npv), "the Dask run differs from the local run"
    print(f"Dask, {samples} samples of {len(ids)} initiatives: local 2 threads {t_local:.3f} s, 2-worker LocalCluster "
          f"{t_dask:.3f} s: overhead {100 * (t_dask / t_local - 1):.1f}% (the same bits)")


def best_of(f, repeat: int) -> tuple[float, object]:
    best, out = math.inf, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = f()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", type=int, default=200_000)
    ap.add_argument("--items", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dask-samples", type=int, default=1_000_000, help="samples of the Dask comparison (0: skip it)")
    args = ap.parse_args()
    m = make_model(args.items)
    draws = args.samples * args.items
    t_np, ref = best_of(lambda: numpy_simulate(m, args.samples), args.repeat)
    t1, r1 = best_of(lambda: aligngraph_simulate(m, args.samples, 1), args.repeat)
    t2, r2 = best_of(lambda: aligngraph_simulate(m, args.samples, 2), args.repeat)
    assert np.array_equal(r1.npv, r2.npv), "1 and 2 threads differ"
    s = r1.summary()
    print(f"model: {args.items} initiatives x 12 quarters, {args.samples} samples ({draws / 1e6:.0f} M initiative-draws)")
    print(f"{'':24} {'mean NPV':>12} {'sd':>12} {'P5':>12} {'P95':>12} {'P(NPV<0)':>9} {'P(over) max':>12}")
    print(f"{'numpy (PCG64)':24} {ref['mean']:12.6g} {ref['sd']:12.6g} {ref['p5']:12.6g} {ref['p95']:12.6g} "
          f"{ref['p_negative']:9.4f} {ref['p_over'].max():12.4f}")
    spend = r1.spend()
    print(f"{'aligngraph':24} {s['mean']:12.6g} {s['sd']:12.6g} {s['p5']:12.6g} {s['p95']:12.6g} "
          f"{s['p_negative']:9.4f} {spend['p_over'].max():12.4f}")
    se = math.hypot(ref["sd"], s["sd"]) / math.sqrt(args.samples)
    print(f"difference of the means: {abs(ref['mean'] - s['mean']) / se:.2f} standard errors")
    print()
    print(f"{'':24} {'seconds':>8} {'M draws/s':>10} {'per core':>9} {'vs numpy':>9}")
    rows = [("numpy, 1 thread", t_np, 1), ("aligngraph, 1 thread", t1, 1), ("aligngraph, 2 threads", t2, 2)]
    for name, t, cores in rows:
        print(f"{name:24} {t:8.3f} {draws / t / 1e6:10.1f} {draws / t / cores / 1e6:9.1f} {t_np / t:8.2f}x")
    print(f"aligngraph scaling on 2 threads: {t1 / t2:.2f}x")
    print(f"P(over) per quarter, largest difference: {np.abs(ref['p_over'] - spend['p_over'].to_numpy()).max():.4f}")
    if args.dask_samples:
        print()
        dask_overhead(m, args.dask_samples)


if __name__ == "__main__":
    main()
