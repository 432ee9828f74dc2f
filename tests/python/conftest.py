from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "sample-portfolio.json"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def sample_doc() -> dict:
    return json.loads(SAMPLE.read_text())


def small_doc() -> dict:
    """A valid 4-quarter model: G1 -> G2 (3), G1 -> G3 (1); B requires A."""
    return {
        "horizon": {"periods": 4, "period_years": 0.25, "first": "2027Q1"},
        "goals": [
            {"id": "G1", "name": "Grow", "level": "enterprise"},
            {"id": "G2", "name": "Digital", "parents": [{"goal": "G1", "weight": 3}]},
            {"id": "G3", "name": "Comply", "parents": [{"goal": "G1", "weight": 1}]},
        ],
        "teams": [{"id": "dev", "name": "Developers", "capacity": 5}],
        "initiatives": [
            {"id": "A", "name": "Platform", "department": "IT", "duration": 2,
             "costs": {"capex": [100, 100]}, "contributes": {"G2": "weak"}, "demand": {"dev": [2, 1]}},
            {"id": "B", "name": "App", "department": "Retail", "start": 2, "duration": 2,
             "costs": {"capex": [0, 0, 50, 50]}, "benefits": [0, 0, 0, 400], "requires": ["A"],
             "contributes": {"G2": 1.0}},
            {"id": "C", "name": "Reports", "department": "IT", "duration": 1, "costs": {"opex": [30]},
             "contributes": {"G3": "medium"}},
        ],
        "budgets": [{"id": "total", "limits": 150}],
    }


@pytest.fixture
def small() -> dict:
    return small_doc()
