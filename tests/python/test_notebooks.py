"""The notebooks of examples/notebooks/, executed with nbclient in a real kernel, so that
they never rot: every cell runs without an error and shows what it is there to show."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient

import aligngraph as ag

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def test_the_sample_workbook_is_the_sample_model() -> None:
    # The walkthrough starts from this workbook: it must stay the model of the JSON sample.
    assert ag.Portfolio.read_tables(EXAMPLES / "sample-portfolio.xlsx") == ag.Portfolio.load(EXAMPLES / "sample-portfolio.json")


def test_the_walkthrough_runs_from_the_workbook_to_the_report(tmp_path: Path) -> None:
    (tmp_path / "notebooks").mkdir()
    shutil.copy(EXAMPLES / "sample-portfolio.xlsx", tmp_path)
    nb = nbformat.read(EXAMPLES / "notebooks" / "walkthrough.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit the notebook without outputs"
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path / "notebooks")}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(str(o.get("data", {}).get("text/plain", "")) + str(o.get("text", "")) for o in outputs)
    assert "34 initiatives" in text                      # the portfolio read from the workbook
    assert "selected" in text and "proven" in text       # the optimal portfolio
    assert "wrote portfolio-report.html" in text
    pictures = [o for o in outputs if "image/png" in o.get("data", {})]
    plot_cells = [c for c in nb.cells if c.cell_type == "code" and "plot." in c.source]
    assert len(plot_cells) == 7 and len(pictures) == len(plot_cells)  # every plot cell drew its figure
    report = (tmp_path / "notebooks" / "portfolio-report.html").read_text()
    assert '<section id="summary">' in report and '<section id="risk">' in report
