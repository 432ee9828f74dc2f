"""The committed type stubs of aligngraph._core are what pybind11-stubgen generates now."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import aligngraph

COMMITTED = Path(__file__).resolve().parents[2] / "bindings" / "python" / "aligngraph" / "_core.pyi"
ENUMS = (COMMITTED.parents[1] / "stub-enums.txt").read_text().strip()


def test_stubs_are_current(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "pybind11_stubgen", "aligngraph._core", "--enum-class-locations", ENUMS,
         "--exit-code", "-o", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )
    assert r.returncode == 0, r.stderr
    generated = (tmp_path / "aligngraph" / "_core.pyi").read_text()
    assert generated == COMMITTED.read_text(), "the stubs are stale: run `make stubs` and commit _core.pyi"
    # The installed package ships them, with its py.typed marker.
    installed = Path(aligngraph.__file__).parent
    assert (installed / "_core.pyi").read_text() == generated
    assert (installed / "py.typed").exists()
