"""The JSON Schema in schema/ agrees with what the library reads and writes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import aligngraph as ag

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "schema" / "aligngraph-model.schema.json").read_text())


def validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


def test_sample_file_matches_schema(sample_doc):
    validator().validate(sample_doc)


def test_saved_files_match_schema():
    doc = json.loads(ag.Portfolio.sample().to_json())
    validator().validate(doc)
    # A requires link with a lag is written as {"id", "lag"}, which the schema takes.
    p = ag.Portfolio.sample()
    p.add_requires("I-34", "I-01", lag=2)
    doc = json.loads(p.to_json())
    assert {"id": "I-01", "lag": 2} in doc["initiatives"][-1]["requires"]
    validator().validate(doc)
    assert ag.Portfolio.from_json(p.to_json()) == p


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d["initiatives"][0].update(colour="red"),
        lambda d: d["initiatives"][0].update(status="paused"),
        lambda d: d["initiatives"][0]["contributes"].update(T2="huge"),
        lambda d: d["goals"][3]["parents"][0].update(weight=0),
        lambda d: d["initiatives"][1].update(costs={"capex": [1]}),  # compact and costs both
        lambda d: d["initiatives"][1].update(requires=[{"id": "I-01", "lag": -1}]),
        lambda d: d["initiatives"][1].update(requires=[{"id": "I-01", "delay": 1}]),
    ],
    ids=["unknown key", "unknown status", "unknown strength", "zero weight", "compact and costs", "negative lag",
         "unknown requires key"],
)
def test_schema_rejects_what_the_library_rejects(sample_doc, edit):
    edit(sample_doc)
    with pytest.raises(jsonschema.ValidationError):
        validator().validate(sample_doc)
    with pytest.raises(ag.ValidationError):
        ag.Portfolio.from_json(json.dumps(sample_doc))


def test_documented_example_loads_with_the_documented_weights():
    text = (Path(__file__).resolve().parents[2] / "docs" / "model-format.md").read_text()
    example = text.split("```json\n", 1)[1].split("```", 1)[0]
    validator().validate(json.loads(example))
    p = ag.Portfolio.from_json(example, "model-format.md")
    weights = p.goal_weights().to_series()
    assert weights["E1"] == 0.6 and weights["E2"] == 0.4
    assert weights["B1"] == pytest.approx(0.6) and weights["T1"] == pytest.approx(1.0)
    # The compact form as documented: 150000 over 1 period, 70% capex; 240000 a year = 60000 a quarter.
    app = p.initiative("I-02")
    assert app.capex == [0, 0, 105000, 0] and app.opex == [0, 0, 45000, 0]
    assert app.benefits == [0, 0, 0, 60000]
