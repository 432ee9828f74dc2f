"""progress= on the long calls: the caller's callback (with what it is told), a tqdm bar,
an exception in the callback stopping the call; and the command line's progress lines."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import aligngraph as ag


@pytest.fixture(scope="module")
def sample() -> ag.Portfolio:
    return ag.Portfolio.sample()


def test_a_callback_hears_the_simulation_and_the_frontier(sample: ag.Portfolio) -> None:
    seen: list[tuple[str, int, int]] = []
    sim = sample.simulate(samples=300_000, threads=1, progress=lambda p: seen.append((p.task, p.done, p.total)))
    assert seen and {t for t, _, _ in seen} <= {"optimize", "simulate"}  # the portfolio is chosen first
    drawn = [x for x in seen if x[0] == "simulate"]
    assert [d for _, d, _ in drawn] == sorted(d for _, d, _ in drawn)
    assert drawn[-1] == ("simulate", sim.samples, 300_000)  # the last report: all of it
    levels: list[tuple[str, int, int]] = []
    sample.frontier([0.5, 1.0, 1.5], progress=lambda p: levels.append((p.task, p.done, p.total)))
    assert levels == [("frontier", k, 3) for k in range(4)]
    # After the call, the callback is gone: the next call hears nothing.
    seen.clear()
    sample.simulate(samples=2048)
    assert seen == []


def test_a_callback_hears_the_robust_studies(sample: ag.Portfolio) -> None:
    # Selection frequency: the scenarios drawn, then solved (not each solve's nodes), the
    # last report all of them.
    seen: list[tuple[str, int, int]] = []
    f = sample.selection_frequency(200, progress=lambda p: seen.append((p.task, p.done, p.total)))
    assert {t for t, _, _ in seen} <= {"simulate", "selection_frequency"}
    solved = [x for x in seen if x[0] == "selection_frequency"]
    assert solved[-1] == ("selection_frequency", f.scenarios, 200) and f.scenarios == 200
    assert [d for _, d, _ in solved] == sorted(d for _, d, _ in solved)
    # RPM, on one thread and on two: nodes searched, the last report the search's count.
    crit = ["business_value", "risk_reduction", "time_criticality"]
    for threads in (1, 2):
        nodes: list[tuple[str, int, int]] = []
        r = sample.rpm(crit, rank_order=crit, score_spread=0.05, threads=threads,
                       progress=lambda p: nodes.append((p.task, p.done, p.total)))
        assert nodes[-1] == ("rpm", r.states, -1)
        assert {t for t, _, _ in nodes} == {"rpm"} and [d for _, d, _ in nodes] == sorted(d for _, d, _ in nodes)
    seen.clear()
    sample.chance_constrained(0.1, scenarios=100, progress=lambda p: seen.append(p.task))
    assert "simulate" in seen


def test_an_exception_in_the_callback_stops_the_call(sample: ag.Portfolio) -> None:
    def fail(p: ag.Progress) -> None:
        raise RuntimeError(f"stop at {p.done}")

    with pytest.raises(RuntimeError, match="stop at"):
        sample.simulate(samples=2_000_000, threads=1, progress=fail)


def test_a_tqdm_bar_and_bad_arguments(sample: ag.Portfolio, capsys: pytest.CaptureFixture[str]) -> None:
    sample.simulate(samples=300_000, threads=1, progress=True)
    assert "simulate" in capsys.readouterr().err
    with pytest.raises(TypeError, match="progress must be"):
        sample.optimize(progress="yes")


def test_the_command_line_shows_progress_lines_when_asked(sample_path: Path) -> None:
    tool = str(Path(sys.executable).parent / "aligngraph")
    env = {**os.environ, "ALIGNGRAPH_PROGRESS": "1"}
    r = subprocess.run([tool, "risk", str(sample_path), "--samples", "300000", "--threads", "1"], env=env, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    lines = [line for line in r.stderr.splitlines() if line.startswith("aligngraph: simulate:")]
    assert lines and lines[-1].startswith("aligngraph: simulate: 300000 of 300000 samples (100%)")
    # Not a terminal and not asked: nothing on stderr.
    quiet = subprocess.run([tool, "risk", str(sample_path), "--samples", "300000"], capture_output=True, text=True, timeout=120,
                           env={k: v for k, v in os.environ.items() if k != "ALIGNGRAPH_PROGRESS"})
    assert quiet.returncode == 0 and quiet.stderr == ""
