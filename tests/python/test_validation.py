"""Every bad input named in the model's contract is refused with a clear, located error."""

from __future__ import annotations

import copy
import json

import pytest

import aligngraph as ag
from conftest import small_doc


def set_in(doc: dict, path: list, value) -> None:
    for key in path[:-1]:
        doc = doc[key]
    doc[path[-1]] = value


CASES = [
    # (case, edits [(path, value)], expected pointer, expected text)
    ("unknown goal parent", [(["goals", 1, "parents", 0, "goal"], "G9")],
     "/goals/1/parents/0/goal", "goal 'G2' has unknown parent goal 'G9'"),
    ("unknown contributed goal", [(["initiatives", 0, "contributes"], {"G9": 0.5})],
     "/initiatives/0/contributes/G9", "'A' contributes to unknown goal 'G9'"),
    ("unknown prerequisite", [(["initiatives", 1, "requires"], ["Z"])],
     "/initiatives/1/requires/0", "'B' requires unknown initiative 'Z'"),
    ("unknown team", [(["initiatives", 0, "demand"], {"ops": 1})],
     "/initiatives/0/demand/ops", "'A' demands unknown team 'ops'"),
    ("unknown exclusion member", [(["excludes"], [{"id": "x", "members": ["A", "Q"]}])],
     "/excludes/0/members/1", "exclusion group 'x' names unknown initiative 'Q'"),
    ("duplicate initiative id", [(["initiatives", 2, "id"], "A")],
     "/initiatives/2/id", "duplicate initiative id 'A'"),
    ("duplicate goal id", [(["goals", 2, "id"], "G2")], "/goals/2/id", "duplicate goal id 'G2'"),
    ("goal cycle", [(["goals", 0, "parents"], [{"goal": "G2", "weight": 1}])],
     "/goals/", "goal cycle: "),
    ("requires cycle", [(["initiatives", 0, "requires"], ["B"])],
     "/initiatives/", "requires cycle: "),
    ("negative money", [(["initiatives", 1, "benefits"], [0, 0, -1, 400])],
     "/initiatives/1/benefits/2", "'B' has -1 in period 2, expected a finite amount >= 0"),
    ("negative budget", [(["budgets", 0, "limits"], [150, -1, 150, 150])],
     "/budgets/0/limits/1", "budget 'total' has limit -1 in period 1"),
    ("zero link weight", [(["goals", 1, "parents", 0, "weight"], 0)],
     "/goals/1/parents/0/weight", "link 'G1' -> 'G2' has weight 0, expected a finite weight > 0"),
    ("negative root weight", [(["goals", 0, "weight"], -1)],
     "/goals/0/weight", "goal 'G1' has weight -1, expected a finite weight > 0"),
    ("flows longer than the horizon", [(["initiatives", 0, "costs", "capex"], [1, 2, 3, 4, 5])],
     "/initiatives/0/costs/capex", "has 5 values, expected at most one per period of the horizon (4)"),
    ("strength above 1", [(["initiatives", 2, "contributes"], {"G3": 1.2})],
     "/initiatives/2/contributes/G3", "'C' contributes 1.2 to goal 'G3', expected a strength in [0, 1]"),
    ("forced in and out", [(["initiatives", 2, "forced_in"], True), (["initiatives", 2, "forced_out"], True)],
     "/initiatives/2/forced_out", "'C' is both forced in and forced out"),
    ("forced in requires forced out", [(["initiatives", 0, "forced_out"], True), (["initiatives", 1, "forced_in"], True)],
     "/initiatives/1/requires", "'B' is forced in but requires 'A', which is forced out"),
    ("two forced in alternatives", [(["initiatives", 0, "forced_in"], True), (["initiatives", 2, "forced_in"], True),
                                    (["excludes"], [{"id": "alt", "members": ["A", "C"]}])],
     "/excludes/0/members", "exclusion group 'alt' has 2 members forced in or mandatory (A, C)"),
    ("unknown key", [(["initiatives", 0, "colour"], "red")],
     "/initiatives/0/colour", "unknown key 'colour'"),
    ("wrong type", [(["initiatives", 0, "duration"], "2")],
     "/initiatives/0/duration", "expected a whole number, got a string"),
    ("unknown status", [(["initiatives", 0, "status"], "paused")],
     "/initiatives/0/status", "unknown status 'paused'"),
]


@pytest.mark.parametrize("case,edits,pointer,text", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused(tmp_path, case, edits, pointer, text):
    doc = copy.deepcopy(small_doc())
    for path, value in edits:
        set_in(doc, path, value)
    f = tmp_path / "model.json"
    f.write_text(json.dumps(doc))
    with pytest.raises(ag.ValidationError) as info:
        ag.load(f)
    located = [(p, m) for p, m in info.value.problems if p.startswith(pointer) and text in m]
    assert located, f"no problem at {pointer!r} saying {text!r} in {info.value.problems}"
    assert str(f) in str(info.value)


def test_cycles_are_cycle_errors_with_the_path(small):
    small["initiatives"][0]["requires"] = ["B"]
    with pytest.raises(ag.CycleError) as info:
        ag.Portfolio.from_json(json.dumps(small))
    cycle = info.value.cycle
    assert cycle[0] == cycle[-1] and sorted(cycle[:-1]) == ["A", "B"]
    assert "requires cycle: " + " -> ".join(cycle) in str(info.value)


def test_syntax_error_gives_line_and_column():
    with pytest.raises(ag.ValidationError, match=r"m.json: parse error at line 2, column"):
        ag.Portfolio.from_json('{\n  "horizon": {,\n}', "m.json")


def test_valid_small_model(small):
    p = ag.Portfolio.from_json(json.dumps(small))
    assert p.validate() == []
    np_total = p.budgets().loc["total"].tolist()
    assert np_total == [150, 150, 150, 150]  # a single number stands for every period


def test_warnings_are_model_warnings_and_do_not_invalidate():
    doc = small_doc()
    doc["goals"][2]["parents"] = [{"goal": "G1", "weight": 0.25}]  # G1's children: 0.25 and ... 3
    doc["goals"][1]["parents"] = [{"goal": "G1", "weight": 0.5}]   # 0.5 + 0.25: fractions that add up to 0.75
    doc["initiatives"][1]["start"] = 1                            # B requires A, which runs in periods 0 and 1
    doc["initiatives"][1]["costs"] = {"capex": [0, 50, 50]}
    p = ag.Portfolio.from_json(json.dumps(doc))
    with pytest.warns(ag.ModelWarning) as caught:
        assert p.validate() == []
    messages = sorted(str(w.message) for w in caught)
    assert messages == [
        "/goals/0: goal 'G1' gives its children local weights that add up to 0.75, not 1; they are normalised: "
        "'G2' 0.5 -> 0.6667, 'G3' 0.25 -> 0.3333",
        "/initiatives/1/requires/0: 'B' starts in period 1 (2027Q2) but requires 'A', which runs until period 1 "
        "(2027Q2): a dependant starts after its prerequisite finishes, in period 2 (2027Q3) or later",
    ]
    assert issubclass(ag.ModelWarning, UserWarning)
    p.check()  # warnings do not make the model invalid
