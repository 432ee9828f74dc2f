"""The aligngraph command-line tool installed with the package."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

BAD = Path(__file__).resolve().parents[1] / "data" / "many-problems.json"


def cli() -> str:
    here = Path(sys.executable).parent / "aligngraph"
    found = str(here) if here.exists() else shutil.which("aligngraph")
    assert found, "the aligngraph command is not installed beside this Python"
    return found


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([cli(), *args], capture_output=True, text=True, timeout=60)


def test_validate_valid(sample_path):
    r = run("validate", str(sample_path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"{sample_path}: valid"


def test_validate_prints_every_problem():
    r = run("validate", str(BAD))
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert lines[-1] == f"{BAD}: 4 problems"
    assert len(lines) == 5
    assert all(line.startswith(f"{BAD}: /") for line in lines[:-1])


def test_exit_codes_are_the_documented_ones(tmp_path):
    # 1: the model (or its file) is at fault; 2: usage. Never CLI11's own 105-109.
    missing = run("show", str(tmp_path / "nowhere.json"))
    assert missing.returncode == 1 and "nowhere.json" in missing.stderr and "No such file" in missing.stderr
    unknown_option = run("show", "--bogus", str(BAD))
    assert unknown_option.returncode == 2 and "--bogus" in unknown_option.stderr
    out_of_range = run("risk", "--samples", "0", str(BAD))
    assert out_of_range.returncode == 2 and "--samples" in out_of_range.stderr
    needs = run("robust", "--joint", str(BAD))
    assert needs.returncode == 2 and "--joint requires --chance" in needs.stderr
    assert run().returncode == 2
    assert run("--help").returncode == 0 and run("optimize", "--help").returncode == 0


def test_a_mistyped_command_suggests_the_nearest():
    r = run("optimise", str(BAD))
    assert r.returncode == 2
    assert "unknown command 'optimise'; did you mean 'optimize'?" in r.stderr and "roadmap" in r.stderr
    assert "did you mean 'frontier'" in run("fronteir", str(BAD)).stderr
    far = run("frobnicate")
    assert far.returncode == 2 and "unknown command 'frobnicate'" in far.stderr and "did you mean" not in far.stderr


def test_a_dash_reads_the_model_from_standard_input(sample_path):
    text = Path(sample_path).read_text()
    piped = subprocess.run([cli(), "optimize", "--format", "json", "-"], input=text, capture_output=True, text=True, timeout=60)
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout) == json.loads(run("optimize", "--format", "json", str(sample_path)).stdout)
    broken = subprocess.run([cli(), "validate", "-"], input="{", capture_output=True, text=True, timeout=60)
    assert broken.returncode == 1 and broken.stderr.startswith("<stdin>: ")


def test_errors_are_json_under_format_json(tmp_path):
    r = run("optimize", "--format", "json", str(tmp_path / "nowhere.json"))
    assert r.returncode == 1
    error = json.loads(r.stderr)["error"]
    assert error["exit_code"] == 1 and error["kind"] == "model" and "nowhere.json" in error["message"]
    usage = run("risk", "--samples", "0", "--format", "json", str(BAD))
    assert usage.returncode == 2 and json.loads(usage.stderr)["error"]["kind"] == "usage"
    mistyped = run("optimse", "--format=json", str(BAD))
    assert mistyped.returncode == 2 and "did you mean 'optimize'" in json.loads(mistyped.stderr)["error"]["message"]


def test_what_ifs_on_the_analysis_commands(sample_path):
    import aligngraph as ag

    p = ag.Portfolio.load(sample_path)
    sp = p.selection_problem()
    ids = sp["ids"]

    def solve(budgets, forced_in=(), forced_out=()):  # the arrays optimize solves, changed here by hand
        return ag.select_portfolio(sp["values"], sp["costs"], budgets, requires=sp["requires"], excludes=sp["excludes"],
                                   forced_in=sorted(set(sp["forced_in"]) | set(forced_in)),
                                   forced_out=sorted(set(sp["forced_out"]) | set(forced_out)), ids=ids)

    scaled = json.loads(run("optimize", "--budget-factor", "0.8", "--format", "json", str(sample_path)).stdout)
    expected = solve(np.asarray(sp["budgets"]) * 0.8)
    assert scaled["value"] == pytest.approx(expected.value, rel=1e-9) and sorted(scaled["selected"]) == sorted(expected.selected)
    assert scaled["value"] < p.optimize().value
    flags = p.initiatives()
    dropped = next(i for i in p.optimize().selected if not (flags.loc[i, "mandatory"] or flags.loc[i, "forced_in"]))
    chosen = "I-15"  # left out for its value, no prerequisites
    assert chosen not in p.optimize().selected and not p.prerequisites(chosen)
    forced = json.loads(run("optimize", "--force-in", chosen, "--force-out", dropped, "--format", "json", str(sample_path)).stdout)
    expected = solve(sp["budgets"], [ids.index(chosen)], [ids.index(dropped)])
    assert chosen in forced["selected"] and dropped not in forced["selected"]
    assert forced["value"] == pytest.approx(expected.value, rel=1e-9)
    # On top of a scenario: its budget factor times the what-if's.
    downturn = next(s for s in p.scenarios if s.id == "downturn")
    both = json.loads(run("optimize", "--scenario", "downturn", "--budget-factor", "0.9", "--format", "json", str(sample_path)).stdout)
    base = p.selection_problem(scenario="downturn")
    expected = ag.select_portfolio(base["values"], base["costs"], np.asarray(sp["budgets"]) * downturn.budget_factor * 0.9,
                                   requires=base["requires"], excludes=base["excludes"], forced_in=base["forced_in"],
                                   forced_out=base["forced_out"], ids=ids)
    assert both["value"] == pytest.approx(expected.value, rel=1e-9)
    # Every analysis command takes them.
    for command in (["rank", "--top", "3"], ["frontier", "--levels", "2"], ["roadmap"], ["risk", "--samples", "1024"],
                    ["robust", "--scenarios", "20"]):
        r = run(*command, "--force-out", dropped, "--format", "json", str(sample_path))
        assert r.returncode == 0, (command, r.stderr)
    road = json.loads(run("roadmap", "--force-out", dropped, "--format", "json", str(sample_path)).stdout)
    assert road["scenario"] == "what-if" and dropped not in [j["id"] for j in road["jobs"] if j["scheduled"]]
    unknown = run("optimize", "--force-in", "I-99", str(sample_path))
    assert unknown.returncode == 1 and "unknown initiative 'I-99'" in unknown.stderr
    contradiction = run("optimize", "--force-in", chosen, "--force-out", chosen, str(sample_path))
    assert contradiction.returncode == 1 and f"'{chosen}' forced both in and out" in contradiction.stderr
    mandatory = flags.index[flags["mandatory"]][0]
    refused = run("optimize", "--force-out", mandatory, str(sample_path))
    assert refused.returncode == 1 and f"'{mandatory}' is mandatory" in refused.stderr
    zero = run("optimize", "--budget-factor", "0", str(sample_path))
    assert zero.returncode == 2 and "expected a number > 0" in zero.stderr


def test_validate_json():
    r = run("validate", "--format", "json", str(BAD))
    assert r.returncode == 1
    report = json.loads(r.stderr)
    assert report["valid"] is False and len(report["errors"]) == 4
    assert {"pointer", "message"} <= set(report["errors"][0])


def test_show_json_has_global_weights(sample_path):
    r = run("show", "--format", "json", str(sample_path))
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    weights = {g["id"]: g["global_weight"] for g in summary["goals"]}
    assert weights["E1"] == pytest.approx(0.40)
    assert len(summary["initiatives"]) == 34
    assert summary["horizon"]["labels"][-1] == "2029Q4"


def test_show_text_fits_100_columns(sample_path):
    r = run("show", str(sample_path))
    assert r.returncode == 0
    assert max(len(line) for line in r.stdout.splitlines()) <= 100


def test_demo_shows_the_sample():
    r = run("demo")
    assert r.returncode == 0
    assert "Nordbank Regional" in r.stdout and "I-34" in r.stdout


def test_missing_file_and_bad_option(tmp_path):
    r = run("show", str(tmp_path / "nope.json"))
    assert r.returncode == 1 and "nope.json" in r.stderr
    r = run("show", "--format", "xml", str(BAD))
    assert r.returncode == 2 and "xml" in r.stderr


def test_json_output_is_byte_stable_and_timings_come_when_asked(sample_path):
    for command in (["optimize"], ["frontier", "--levels", "3"], ["roadmap"], ["risk", "--samples", "2048"]):
        first = run(*command, "--format", "json", str(sample_path))
        assert first.returncode == 0, first.stderr
        assert '"seconds"' not in first.stdout
        assert run(*command, "--format", "json", str(sample_path)).stdout == first.stdout
    timed = json.loads(run("optimize", "--format", "json", "--timings", str(sample_path)).stdout)
    assert timed["seconds"] >= 0


def test_demo_json_holds_what_the_text_shows():
    import aligngraph as ag

    r = run("demo", "--format", "json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert list(doc) == ["model", "finance", "ranking", "sensitivity", "optimal", "roadmap", "plan", "plan_comparison", "risk",
                         "robust", "chance", "rpm", "frontier"]
    p = ag.Portfolio.sample()
    text = run("demo").stdout
    # Each section against the library through Python, and against the text beside it.
    assert [x["id"] for x in doc["ranking"]] == list(p.rank(top=10).index)
    assert doc["optimal"]["value"] == pytest.approx(p.optimize().value, rel=1e-12)
    assert sorted(doc["optimal"]["selected"]) == sorted(p.optimize().selected)
    assert len(doc["sensitivity"]["items"]) == 5 and doc["sensitivity"]["items"][0]["id"] in text
    assert doc["plan_comparison"]["plan_value"] == pytest.approx(p.plan().value, rel=1e-9)
    assert doc["plan_comparison"]["roadmap_value"] == pytest.approx(p.roadmap().value, rel=1e-9)
    for added in doc["plan_comparison"]["added"]:
        assert added in text.split("Planning which initiatives and when together:")[1].split("\n\n")[0]
    assert len(doc["frontier"]["levels"]) == 6
    assert run("demo", "--format", "json").stdout == r.stdout  # byte-stable


def test_show_invalid_model_fails_with_problems():
    r = run("show", str(BAD))
    assert r.returncode == 1 and "4 problems" in r.stderr


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.strip() == __import__("aligngraph").__version__
    # Written once, in version.hpp's three numbers; the package metadata reads them too.
    import importlib.metadata
    import re

    header = (Path(__file__).resolve().parents[2] / "include" / "aligngraph" / "version.hpp").read_text()
    numbers = [re.search(rf"#define ALIGNGRAPH_VERSION_{part} (\d+)", header).group(1) for part in ("MAJOR", "MINOR", "PATCH")]
    assert ".".join(numbers) == r.stdout.strip() == importlib.metadata.version("aligngraph")
    assert re.search(r'"\d+\.\d+\.\d+"', header) is None  # no version string written by hand


def test_finance_json_and_rate(sample_path):
    r = run("finance", "--format", "json", str(sample_path))
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert len(doc["initiatives"]) == 34
    import aligngraph as ag

    p = ag.Portfolio.load(sample_path)
    f = p.initiative_financials()
    assert doc["initiatives"][1]["npv"] == pytest.approx(f["npv"].iloc[1], rel=1e-12)
    higher = json.loads(run("finance", "--format", "json", "--rate", "0.2", str(sample_path)).stdout)
    # The whole portfolio's NPV at 20% a year, by the formula on the summed flows (first period undiscounted).
    flows = np.asarray(p.benefits).sum(axis=0) - np.asarray(p.costs).sum(axis=0)
    quarterly = 1.2 ** 0.25 - 1
    expected = sum(v / (1 + quarterly) ** t for t, v in enumerate(flows))
    assert higher["portfolio"]["npv"] == pytest.approx(expected, rel=1e-12)
    assert higher["period_rate"] == pytest.approx(1.2 ** 0.25 - 1)
    assert higher["yearly_rate"] == 0.2 and higher["convention"] == "numpy" and higher["currency"] == p.settings.currency
    assert len(higher["portfolio"]["initiatives"]) == 34


@pytest.mark.skipif(sys.platform != "linux", reason="address-space limits (RLIMIT_AS) as Linux has them")
def test_out_of_memory_is_said_not_an_internal_error(tmp_path):
    # 20,000 initiatives over 100,000 periods: a 2 MB file whose flows take 48 GB as dense arrays.
    import resource

    initiatives = [{"id": f"I-{k}", "name": "x", "department": "IT", "duration": 1, "costs": {}} for k in range(20_000)]
    path = tmp_path / "huge.json"
    path.write_text(json.dumps({"horizon": {"periods": 100_000, "period_years": 0.25, "first": "2027Q1"},
                                "goals": [], "initiatives": initiatives}))

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # 2 GiB of address space

    # With the memory cap raised past what the machine has, allocation itself fails.
    r = subprocess.run([cli(), "--memory-limit", "1T", "validate", str(path)], capture_output=True, text=True, timeout=120,
                       preexec_fn=limit)
    assert r.returncode == 4, (r.returncode, r.stderr)
    assert "out of memory: the model (or what was asked of it) is too large" in r.stderr
    assert "internal error" not in r.stderr


def test_ctrl_c_prints_the_best_selection_so_far_and_exits_130(tmp_path):
    # Regression: SIGINT was ignored until the time limit, and the result thrown away.
    rng = np.random.default_rng(3)
    periods, n = 12, 20000
    initiatives = []
    for i in range(n):
        start = int(rng.integers(0, 9))
        initiatives.append({"id": f"I{i}", "name": "x", "department": "IT", "start": start, "duration": 2,
                            "costs": {"capex": [float(x) for x in rng.integers(50, 500, 2) * 1000]},
                            "benefits": [0.0] * (start + 2) + [float(rng.integers(0, 400) * 1000)] * (periods - start - 2),
                            "contributes": {"G": "strong"}})
    model = {"format_version": 1, "name": "big", "horizon": {"periods": periods, "period_years": 0.25, "first": "2027Q1"},
             "goals": [{"id": "G", "name": "g"}], "initiatives": initiatives,
             "budgets": [{"id": "total", "kind": "all", "limits": [n * 30000.0] * periods}]}
    path = tmp_path / "big.json"
    path.write_text(json.dumps(model))
    proc = subprocess.Popen([cli(), "optimize", "--time-limit", "120", str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    time.sleep(3)  # loaded and searching
    start = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert time.monotonic() - start < 30  # on the signal, not at the time limit
    assert proc.returncode == 130, err
    assert "aligngraph: interrupted: the best selection found so far is shown, not proven" in err
    assert "Not proven: interrupted after" in out and "Optimal portfolio by NPV" in out


def test_a_model_past_the_memory_limit_is_refused_with_exit_4(tmp_path):
    model = {"format_version": 1, "horizon": {"periods": 100000, "period_years": 0.25, "first": "2027Q1"},
             "goals": [{"id": "G", "name": "g"}],
             "initiatives": [{"id": f"I{i}", "name": "x", "department": "IT", "duration": 1, "costs": {"capex": [1]}}
                             for i in range(20000)]}
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(model))
    r = run("validate", str(path))
    assert r.returncode == 4, r.stderr
    assert "the flows of 20000 initiatives x 100000 periods would need 44.7 GiB, more than the memory limit of 8.0 GiB" in r.stderr
    r = run("--memory-limit", "4K", "validate", str(Path(__file__).resolve().parents[2] / "examples" / "sample-portfolio.json"))
    assert r.returncode == 4 and "more than the memory limit of 4.0 KiB" in r.stderr
    r = run("--memory-limit", "lots", "validate", str(path))
    assert r.returncode == 2 and "--memory-limit: memory limit \"lots\": expected a size in bytes" in r.stderr


def test_compare_command(sample_path):
    import aligngraph as ag

    p = ag.Portfolio.load(sample_path)
    r = run("compare", "--scenario", "downturn", "--scenario", "compliance-first", "--format", "json", str(sample_path))
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    c = p.compare("downturn", "compliance-first")
    assert doc["only_a"] == c.only_a and doc["only_b"] == c.only_b and doc["kendall_tau"] == c.kendall_tau
    assert doc["a"]["value"] == c.a.value and doc["b"]["value"] == c.b.value
    one = json.loads(run("compare", "--scenario", "downturn", "--format", "json", str(sample_path)).stdout)
    assert one["scenario_a"] == "" and one["b"]["value"] == pytest.approx(p.optimize(scenario="downturn").value, rel=1e-12)
    for width in (60, 80, 120):
        text = run("compare", "--scenario", "downturn", "--scenario", "compliance-first", "--width", str(width), str(sample_path)).stdout
        assert "'downturn' against" in text and "Kendall's tau" in text
        assert max(len(line) for line in text.splitlines()) <= width
    assert run("compare", "--scenario", "boom", str(sample_path)).returncode == 1
    assert run("compare", str(sample_path)).returncode == 2


def test_roadmap_from_a_start_file(sample_path, tmp_path):
    first = run("roadmap", str(sample_path), "--format", "json", "--time-limit", "20")
    assert first.returncode == 0, first.stderr
    previous = tmp_path / "roadmap.json"
    previous.write_text(first.stdout)
    before = json.loads(first.stdout)
    again = run("roadmap", str(sample_path), "--start", str(previous), "--format", "json", "--time-limit", "20")
    assert again.returncode == 0, again.stderr
    after = json.loads(again.stdout)
    # The same initiatives (the start file's), at least the same value.
    assert [j["id"] for j in after["jobs"]] == [j["id"] for j in before["jobs"]]
    assert after["value"] >= before["value"] - 1e-6
    # A start outside a window, a file that is not a roadmap, and one that is not there.
    doc = json.loads(first.stdout)
    moved = next(j for j in doc["jobs"] if j["latest"] < 11)
    moved["start"] = 11
    bad = tmp_path / "moved.json"
    bad.write_text(json.dumps(doc))
    r = run("roadmap", str(sample_path), "--start", str(bad))
    assert r.returncode == 1 and f"starts '{moved['id']}' in 2029Q4 (period 11), outside its window" in r.stderr
    (tmp_path / "list.json").write_text("[1, 2]")
    r = run("roadmap", str(sample_path), "--start", str(tmp_path / "list.json"))
    assert r.returncode == 1 and "expected the JSON of `aligngraph roadmap --format json`" in r.stderr
    (tmp_path / "huge.json").write_text('{"jobs": [{"id": "I-01", "start": 99999999999}]}')
    r = run("roadmap", str(sample_path), "--start", str(tmp_path / "huge.json"))
    assert r.returncode == 1 and "/jobs/0 needs an \"id\" and a whole \"start\" from -1" in r.stderr
    r = run("roadmap", str(sample_path), "--start", str(tmp_path / "missing.json"))
    assert r.returncode == 1 and "cannot read the file" in r.stderr
