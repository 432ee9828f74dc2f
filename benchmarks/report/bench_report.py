"""The report's size and build time on the sample (issue #14: <= 1.5 MB, under 1 s).

Times what a user runs: `aligngraph report FILE -o PATH` (the whole command: reading the
model, every analysis, the HTML, the atomic write) and `Portfolio.report(path)` from Python;
the median of --repeat runs each, on this machine. No peer builds this report; the target
is the issue's.

    python benchmarks/report/bench_report.py [--repeat 7] [--samples 10000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aligngraph as ag

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "sample-portfolio.json"


def cli() -> str:
    here = Path(sys.executable).parent / "aligngraph"
    return str(here) if here.exists() else shutil.which("aligngraph") or "aligngraph"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--samples", type=int, default=10_000)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp()) / "report.html"
    command = [cli(), "report", str(SAMPLE), "-o", str(out), "--samples", str(args.samples)]
    cli_times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        cli_times.append(time.perf_counter() - t0)
    size = out.stat().st_size
    p = ag.load(SAMPLE)
    py_times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        p.report(out, samples=args.samples, model_file=SAMPLE)
        py_times.append(time.perf_counter() - t0)
    cores = os.cpu_count()
    print(f"sample report ({args.samples} Monte Carlo samples), median of {args.repeat} runs on {cores} cores:")
    print(f"  aligngraph report (the whole command)  {statistics.median(cli_times):.3f} s   (target < 1 s: "
          f"{1.0 / statistics.median(cli_times):.0f}x under it)")
    print(f"  Portfolio.report(path)                 {statistics.median(py_times):.3f} s")
    print(f"  size                                   {size / 1e3:.1f} kB   (target <= 1500 kB: {1.5e6 / size:.0f}x under it)")


if __name__ == "__main__":
    main()
