"""Finance benchmark: aligngraph (Python and C++) against numpy-financial, numpy and pyxirr.

One run, one machine, the same data for everyone; results as ratios. Run with
`make bench-finance` (or python benchmarks/finance/bench_finance.py --cpp PATH).

Workloads (issue #3): NPV of 1,000,000 series x 40 periods; IRR of 100,000 x 40; both
at 10,000 x 1,000. numpy-financial (1.0.0 on PyPI here) works on one series at a time,
so it runs on a subsample and its time is extrapolated per series, as stated in the
output; so is pyxirr where it would take long. Per-core figures use one thread.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np

import aligngraph as ag

try:
    import numpy_financial as npf
except ImportError:  # reported, not hidden
    npf = None
try:
    import pyxirr
except ImportError:
    pyxirr = None

RATE = 0.01  # per period


def best(fn, repeats=3):
    times = []
    out = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def make_series(rows: int, cols: int, seed: int) -> np.ndarray:
    """Project-like flows: an investment over the first periods, then noisy returns;
    one in ten series also has a late outflow (a second sign change)."""
    rng = np.random.default_rng(seed)
    invest = rng.integers(1, 4, size=rows)
    t = np.arange(cols)
    flows = rng.normal(1.0, 0.4, size=(rows, cols)) * rng.uniform(50, 150, size=(rows, 1))
    flows[t[None, :] < invest[:, None]] = -rng.uniform(300, 1200, size=(rows, cols))[t[None, :] < invest[:, None]]
    late = rng.random(rows) < 0.1
    flows[late, -1] = -rng.uniform(100, 2000, size=late.sum())
    return np.ascontiguousarray(flows)


def run_cpp(binary: str | None, flows: np.ndarray, threads: int) -> dict | None:
    if not binary or not os.path.exists(binary):
        return None
    with tempfile.NamedTemporaryFile(suffix=".f64", delete=False) as f:
        flows.tofile(f)
        path = f.name
    try:
        out = subprocess.run([binary, path, str(flows.shape[0]), str(flows.shape[1]), repr(RATE), str(threads)],
                             capture_output=True, text=True, check=True, timeout=3600)
        return json.loads(out.stdout)
    finally:
        os.unlink(path)


def agreement(a: np.ndarray, b: np.ndarray) -> tuple[int, int, float]:
    """(series where both define a value, where they differ by more than 1e-10 relative, largest relative gap)."""
    both = np.isfinite(a) & np.isfinite(b)
    rel = np.abs(a[both] - b[both]) / np.maximum(np.abs(b[both]), 1e-300)
    return int(both.sum()), int((rel > 1e-10).sum()), float(rel.max()) if rel.size else 0.0


def workload(name: str, rows: int, rows_irr: int, cols: int, args, report: list[str]) -> None:
    flows = make_series(rows, cols, seed=rows + cols)
    n_flows = rows * cols
    report.append(f"\n## {name}: NPV of {rows:,} series, IRR of {rows_irr:,} ({n_flows * 8 / 1e6:.0f} MB)\n")
    d = (1 + RATE) ** -np.arange(cols)

    # Memory read bandwidth, measured here (numpy's sum streams the array once).
    t_read, _ = best(lambda: flows.sum(), 5)
    report.append(f"memory read bandwidth (numpy sum): {n_flows * 8 / t_read / 1e9:.1f} GB/s")

    # --- NPV ---
    t_ag, v_ag = best(lambda: ag.npv(RATE, flows), 5)
    t_np, v_np = best(lambda: flows @ d, 5)
    lines = [("aligngraph (Python)", t_ag, rows)]
    lines.append(("numpy (flows @ discount)", t_np, rows))
    cpp1 = run_cpp(args.cpp, flows, 1)
    if cpp1:
        lines.append(("aligngraph (C++)", cpp1["npv_seconds"], rows))
        report.append(f"memory read bandwidth (C++ sum): {n_flows * 8 / cpp1['read_seconds'] / 1e9:.1f} GB/s")
    sub = min(rows, args.npf_rows)
    if npf is not None:
        t_npf, v_npf = best(lambda: np.array([npf.npv(RATE, flows[i]) for i in range(sub)]), 1)
        lines.append((f"numpy-financial (per series, {sub:,} of {rows:,}, extrapolated)", t_npf * rows / sub, rows))
        n, bad, worst = agreement(v_ag[:sub], v_npf)
        report.append(f"NPV agreement with numpy-financial: {n:,} series, {bad} beyond 1e-10 relative (largest {worst:.1e})")
    if pyxirr is not None:
        t_px, _ = best(lambda: [pyxirr.npv(RATE, flows[i]) for i in range(sub)], 1)
        lines.append((f"pyxirr (per series, {sub:,} of {rows:,}, extrapolated)", t_px * rows / sub, rows))
    report.append("\nNPV | seconds | flows/s | aligngraph (Python) is x faster")
    report.append("--- | ---: | ---: | ---:")
    for label, t, _ in lines:
        report.append(f"{label} | {t:.4f} | {n_flows / t:.3g} | {t / t_ag:.1f}")
    report.append(f"\naligngraph NPV throughput: {n_flows / t_ag / 1e9:.2f} G flows/s on one core; "
                  f"reading the array alone takes {t_read:.4f} s ({t_ag / t_read:.2f}x of the bandwidth bound)")

    # --- IRR ---
    irr_flows = flows[:rows_irr]
    t_ag1, r_ag = best(lambda: ag.irr(irr_flows, threads=1), 3)
    t_agn, r_agn = best(lambda: ag.irr(irr_flows, threads=0), 3)
    assert np.array_equal(np.nan_to_num(r_ag, nan=-7.0), np.nan_to_num(r_agn, nan=-7.0)), "thread count changed results"
    lines = [("aligngraph (Python, 1 thread)", t_ag1), (f"aligngraph (Python, {os.cpu_count()} threads)", t_agn)]
    cpp = run_cpp(args.cpp, irr_flows, 1)
    if cpp:
        lines.append(("aligngraph (C++, 1 thread)", cpp["irr_seconds"]))
    sub = min(rows_irr, args.npf_irr_rows if cols <= 40 else args.npf_irr_rows_long)
    if npf is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t_npf, r_npf = best(lambda: np.array([npf.irr(irr_flows[i]) for i in range(sub)]), 1)
        lines.append((f"numpy-financial (per series, {sub:,} of {rows_irr:,}, extrapolated)", t_npf * rows_irr / sub))
        roots = ag.irr(irr_flows[:sub], all_roots=True)
        single = np.array([len(r) == 1 for r in roots])
        n, bad, worst = agreement(r_ag[:sub][single], r_npf[single])
        nan_ag, nan_npf = int(np.isnan(r_ag[:sub]).sum()), int(np.isnan(r_npf).sum())
        report.append(f"IRR agreement with numpy-financial on series with one IRR: {n:,} series, {bad} beyond 1e-10 "
                      f"relative (largest {worst:.1e}); no IRR: aligngraph {nan_ag}, numpy-financial {nan_npf}")
        # With several IRRs numpy-financial 1.0.0 returns the root nearest 0, negative or not (newer
        # releases prefer a non-negative one, as aligngraph does): check its answer is one of ours.
        multi = [(v, r) for v, r, one in zip(r_npf, roots, single) if not one and np.isfinite(v)]
        among = sum(any(abs(v - x) <= 1e-10 * max(abs(x), 1e-12) for x in r) for v, r in multi)
        report.append(f"series with several IRRs: {len(multi)}; numpy-financial's answer is one of aligngraph's roots "
                      f"in {among} of them")
    if pyxirr is not None:
        sub_px = min(rows_irr, args.pyxirr_rows)
        t_px, r_px = best(lambda: np.array([pyxirr.irr(irr_flows[i], silent=True) or np.nan for i in range(sub_px)],
                                           dtype=float), 1)
        lines.append((f"pyxirr (per series, {sub_px:,} of {rows_irr:,}" + (", extrapolated)" if sub_px < rows_irr else ")"),
                      t_px * rows_irr / sub_px))
        counts = ag._core.irr_rows(np.ascontiguousarray(irr_flows[:sub_px]), 4 * np.finfo(float).eps, 200, -1.0,
                                   np.inf, 0)[1]
        n, bad, worst = agreement(r_ag[:sub_px][counts == 1], r_px[counts == 1])
        report.append(f"IRR agreement with pyxirr on series with one IRR: {n:,} series, {bad} beyond 1e-10 relative "
                      f"(largest {worst:.1e}); with several, pyxirr returns the root its Newton iteration reaches")
    several = sum(len(r) > 1 for r in ag.irr(irr_flows[:2000], all_roots=True))
    report.append(f"series with several IRRs among the first 2,000 (aligngraph reports them all): {several}")
    report.append("\nIRR | seconds | per series | aligngraph (1 thread) is x faster")
    report.append("--- | ---: | ---: | ---:")
    for label, t in lines:
        report.append(f"{label} | {t:.4f} | {t / rows_irr * 1e6:.2f} us | {t / t_ag1:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cpp", help="path of the bench_finance C++ driver")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, to try the script")
    parser.add_argument("--npf-rows", type=int, default=20_000, help="numpy-financial NPV subsample")
    parser.add_argument("--npf-irr-rows", type=int, default=2_000, help="numpy-financial IRR subsample (40 periods)")
    parser.add_argument("--npf-irr-rows-long", type=int, default=100, help="numpy-financial IRR subsample (1,000 periods)")
    parser.add_argument("--pyxirr-rows", type=int, default=100_000)
    args = parser.parse_args()
    report = [f"# Finance benchmark, {time.strftime('%Y-%m-%d %H:%M')}",
              f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, numpy {np.__version__}, "
              f"aligngraph {ag.__version__}, numpy-financial {getattr(npf, '__version__', 'absent')}, "
              f"pyxirr {getattr(pyxirr, '__version__', 'absent')}"]
    scale = 100 if args.quick else 1
    workload("40 periods", 1_000_000 // scale, 100_000 // scale, 40, args, report)
    workload("1,000 periods", 10_000 // scale, 10_000 // scale, 1000, args, report)
    print("\n".join(report))


if __name__ == "__main__":
    sys.exit(main())
