"""The steering committee's report: from Python and the command line, the same file; and in a
real browser (Debian's chromium, headless): every section and chart there, with the marks the
results call for, no console error, a screenshot and a PDF."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

import aligngraph as ag

SECTIONS = ["summary", "goals", "ranking", "finance", "portfolio", "frontier", "roadmap", "risk", "assumptions"]


class Marks(HTMLParser):
    """Per section: how many elements carry each class, and whether anything is fetched."""

    def __init__(self) -> None:
        super().__init__()
        self.section: str | None = None
        self.sections: list[str] = []
        self.classes: dict[str, dict[str, int]] = {}
        self.outside: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "section":
            self.section = a.get("id")
            self.sections.append(self.section or "")
            self.classes[self.section or ""] = {}
        if tag == "script":
            self.scripts += 1
        for key in ("src", "href"):
            value = a.get(key)
            if value is not None and not value.startswith("#"):
                self.outside.append(f"{tag} {key}={value}")
        if self.section and a.get("class"):
            counts = self.classes[self.section]
            for cls in (a["class"] or "").split():
                counts[cls] = counts.get(cls, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self.section = None

    def count(self, section: str, cls: str) -> int:
        return self.classes.get(section, {}).get(cls, 0)


def marks_of(html: str) -> Marks:
    m = Marks()
    m.feed(html)
    return m


def cli() -> str:
    here = Path(sys.executable).parent / "aligngraph"
    found = str(here) if here.exists() else shutil.which("aligngraph")
    assert found, "the aligngraph command is not installed beside this Python"
    return found


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "Debian's chromium is needed for the report's browser test: `make deps` installs it"
    return found


@pytest.fixture(scope="module")
def sample() -> ag.Portfolio:
    return ag.Portfolio.sample()


@pytest.fixture(scope="module")
def briefing(sample: ag.Portfolio) -> ag.Briefing:
    return sample.briefing(samples=4096, time_limit=30)


def test_briefing_holds_the_analyses(sample: ag.Portfolio, briefing: ag.Briefing) -> None:
    alone = sample.optimize()
    assert list(briefing.optimal.selected) == list(alone.selected)
    assert briefing.optimal.value == pytest.approx(alone.value)
    f = briefing.frontier
    assert f.index.name == "factor" and 1.0 in f.index
    assert f.loc[1.0, "plan"] and f["plan"].sum() == 1
    assert f.loc[1.0, "value"] == pytest.approx(alone.value)
    assert f["value"].is_monotonic_increasing  # more money never buys less
    coverage = sample.goal_coverage(list(alone.selected))
    assert np.allclose(briefing.coverage.reindex(coverage.index).to_numpy(), coverage.to_numpy())
    assert set(briefing.unserved) == set(sample.unserved_goals(list(alone.selected)))
    assert briefing.roadmap is not None and set(briefing.roadmap.starts.index) == set(alone.selected)
    assert briefing.risk is not None and briefing.risk.samples == 4096
    assert briefing.model_sha256 == _sha256(sample.to_json().encode())
    assert "funded" in repr(briefing)


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def test_report_marks_match_the_results(sample: ag.Portfolio, briefing: ag.Briefing) -> None:
    html = briefing.html()
    m = marks_of(html)
    assert m.sections == SECTIONS
    assert m.scripts == 0 and m.outside == []
    n = len(sample.initiative_ids)
    assert m.count("finance", "bar") == n
    assert m.count("ranking", "bar") == min(15, n)
    assert m.count("roadmap", "task") == int(briefing.roadmap.scheduled.sum())
    assert m.count("risk", "bin") == 40
    assert m.count("frontier", "point") == int(briefing.frontier["feasible"].sum())
    assert m.count("frontier", "chosen") == 1
    assert m.count("frontier", "knee") == int(briefing.frontier["knee"].sum())
    assert len(html.encode()) <= 1.5e6


def test_python_and_command_line_write_the_same_file(sample_path: Path, tmp_path: Path) -> None:
    by_cli, by_python = tmp_path / "cli.html", tmp_path / "python.html"
    r = subprocess.run([cli(), "report", str(sample_path), "-o", str(by_cli), "--samples", "2048", "--seed", "7"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert str(by_cli) in r.stdout
    p = ag.load(sample_path)
    written = p.report(by_python, samples=2048, seed=7, model_file=sample_path)
    assert written == by_python
    assert by_cli.read_bytes() == by_python.read_bytes()
    # The file's own hash, as sha256sum prints it, under the assumptions.
    assert _sha256(sample_path.read_bytes()) in by_cli.read_text()
    # Standard input and a what-if work too; an unknown scenario is the model's fault (1).
    r = subprocess.run([cli(), "report", "-", "-o", "-", "--no-risk", "--budget-factor", "0.8"], input=sample_path.read_text(),
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert marks_of(r.stdout).sections == SECTIONS
    assert "No Monte Carlo: not asked for." in r.stdout
    r = subprocess.run([cli(), "report", str(sample_path), "-o", str(tmp_path / "x.html"), "--scenario", "nope"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "no scenario 'nope'" in r.stderr
    assert not (tmp_path / "x.html").exists()


def test_report_returns_html_and_refuses_bad_options(sample: ag.Portfolio) -> None:
    html = sample.report(risk=False, roadmap=False, frontier_levels=None)
    assert html.startswith("<!DOCTYPE html>")
    assert "No roadmap: not asked for." in html and "No Monte Carlo: not asked for." in html
    with pytest.raises(ag.ValidationError, match="no scenario 'nope'"):
        sample.report(scenario="nope")
    with pytest.raises(ag.ValidationError, match="frontier level"):
        sample.report(frontier_levels=[1.0, 0.0])
    with pytest.raises(ag.Error, match="missing"):
        sample.report(Path("/nonexistent-dir/missing/report.html"), risk=False, roadmap=False)


def test_the_report_in_a_real_browser(sample: ag.Portfolio, briefing: ag.Briefing, tmp_path: Path) -> None:
    path = briefing.write(tmp_path / "report.html")
    browser = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr",
               "--v=0", f"--user-data-dir={tmp_path / 'profile'}"]
    url = path.resolve().as_uri()
    dom = subprocess.run([*browser, "--dump-dom", url], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    # What the browser built from the file: every section and chart, with the same marks.
    m = marks_of(dom.stdout)
    assert m.sections == SECTIONS
    assert m.count("roadmap", "task") == int(briefing.roadmap.scheduled.sum())
    assert m.count("risk", "bin") == 40
    assert m.count("finance", "bar") == len(sample.initiative_ids)
    assert m.count("frontier", "chosen") == 1
    assert dom.stdout.count("<svg") == dom.stdout.count("</svg>") >= 8
    # No console message (an error in the page, a resource it failed to load).
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line or "Failed to load" in line]
    assert console == []
    # A screenshot a person can look at, and a PDF of several pages (the print style sheet).
    png = tmp_path / "report.png"
    shot = subprocess.run([*browser, "--window-size=1000,2400", f"--screenshot={png}", url], capture_output=True, text=True,
                          timeout=120)
    assert shot.returncode == 0, shot.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1000, 2400)
    assert len(data) > 50_000  # a page of text and charts, not a blank one
    pdf = tmp_path / "report.pdf"
    printed = subprocess.run([*browser, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url], capture_output=True, text=True,
                             timeout=120)
    assert printed.returncode == 0, printed.stderr[-2000:]
    text = pdf.read_bytes()
    assert text.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", text)) >= 3
