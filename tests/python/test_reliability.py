"""Bad input gets a clear error naming where it is; nothing is cut, wrapped or taken silently
(issue: reliability). Each case here failed, crashed or changed data before its fix."""

import json

import numpy as np
import pytest

import aligngraph as ag


def small_model(**initiative):
    base = {"id": "A", "name": "a", "department": "IT", "duration": 1, "costs": {"capex": [1]}}
    base.update(initiative)
    return {"horizon": {"periods": 4, "period_years": 0.25, "first": "2027Q1"}, "goals": [], "initiatives": [base]}


def test_whole_numbers_past_their_range_are_refused_not_cut(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(json.dumps(small_model(start=4294967296)))
    with pytest.raises(ag.ValidationError) as info:
        ag.load(path)
    assert ("/initiatives/0/start", "start 4294967296 is out of range: expected a whole number from 0 to 100000") in info.value.problems
    compact = small_model(start=2147483647, compact={"total_cost": 5, "capex_share": 1})
    del compact["initiatives"][0]["costs"]
    path.write_text(json.dumps(compact))
    with pytest.raises(ag.ValidationError, match="start 2147483647 is out of range"):
        ag.load(path)  # this crashed the interpreter


def test_the_builder_and_the_file_share_their_limits():
    with pytest.raises(ag.ValidationError, match="horizon has 200000 periods, expected 1 to 100000"):
        ag.Portfolio(200_000, 0.25, "2027Q1")
    p = ag.Portfolio(4, 0.25, "2027Q1")
    p.add_initiative("A", "a", "IT", start=2**31 - 1, duration=1)
    problems = dict(p.validate())
    assert "past the horizon's 4 periods" in problems["/initiatives/0/duration"]


def test_numbers_past_a_double_are_model_errors(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(json.dumps(small_model()).replace('"capex": [1]', '"capex": [1e400]'))
    with pytest.raises(ag.ValidationError) as info:
        ag.load(path)
    (pointer, message), = info.value.problems
    assert pointer == "/initiatives/0/costs/capex/0"
    assert "number 1e400 is out of range" in message and "line 1, column" in message


def test_a_key_given_twice_is_refused(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(json.dumps(small_model()).replace('"duration": 1', '"duration": 1, "duration": 2'))
    with pytest.raises(ag.ValidationError) as info:
        ag.load(path)
    assert ("/initiatives/0/duration", "key 'duration' is given twice in one object (first 1, then 2); give it once") in info.value.problems


def test_a_group_naming_one_item_twice_is_refused():
    values, costs, budgets = np.array([10.0, 20.0]), np.array([[1.0], [1.0]]), np.array([5.0])
    with pytest.raises(ag.ValidationError, match="exclusion group 0 names '#0' twice|exclusion group 0 names '.*' twice"):
        ag.select_portfolio(values, costs, budgets, excludes=[[0, 0]])
    with pytest.raises(ag.ValidationError, match="requires .* twice"):
        ag.select_portfolio(values, costs, budgets, requires=[(1, 0), (1, 0)])
    assert ag.select_portfolio(values, costs, budgets, excludes=[[0, 1]]).value == 20.0
