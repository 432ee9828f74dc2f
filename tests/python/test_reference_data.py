"""The reference sets the tests compare against are there: in CI (CI=true) a missing set
fails the run, since a reference test that skips proves nothing; elsewhere it is skipped
with the reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DATA = Path(os.environ.get("ALIGNGRAPH_REFERENCE_DATA") or Path(__file__).resolve().parents[3] / "shared" / "data")
USED = ["numpy-financial/npf_test_vectors.json", "ahp-examples/ahp_examples.json", "orlib-mknap/mknap1.txt",
        "orlib-mknap/mknap2.txt", "psplib-j30/j30_optimum.csv", "psplib-j30/instances/j3013_1.sm"]


@pytest.mark.parametrize("relative", USED)
def test_reference_set_is_present(relative):
    path = DATA / relative
    if path.exists():
        return
    message = f"reference data {relative} not found under {DATA} (set ALIGNGRAPH_REFERENCE_DATA)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(f"SKIPPED: {message}")
