"""The Portfolio model from Python: builder, arrays, tables, graph queries, files."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import aligngraph as ag


def build_small() -> ag.Portfolio:
    p = ag.Portfolio(4, 0.25, "2027Q1", name="small")
    p.add_goal("G1", "Grow", level="enterprise")
    p.add_goal("G2", "Digital", level="business")
    p.add_goal("G3", "Comply", level="business")
    p.link_goals("G1", "G2", 3)
    p.link_goals("G1", "G3", 1)
    p.add_team("dev", [5, 5, 5, 5], name="Developers")
    p.add_initiative("A", "Platform", "IT", duration=2, capex=[100, 100], demand={"dev": [2, 1]})
    p.add_initiative("B", "App", "Retail", start=2, duration=2, capex=np.array([0, 0, 50, 50.0]),
                     benefits=[0, 0, 0, 400])
    p.add_initiative("C", "Reports", "IT", duration=1, opex=[30], criteria={"fit": 4})
    p.add_requires("B", "A")
    p.add_contribution("A", "G2", "weak")
    p.add_contribution("B", "G2", 1.0)
    p.add_contribution("C", "G3", "medium")
    p.add_budget("total", [150] * 4)
    return p


def test_builder_arrays_are_numpy_n_by_periods():
    p = build_small()
    assert p.validate() == []
    assert p.capex.shape == (3, 4)
    np.testing.assert_array_equal(p.capex[0], [100, 100, 0, 0])
    np.testing.assert_array_equal(p.costs.sum(axis=1), [200, 100, 30])
    np.testing.assert_array_equal(p.net_flows[1], [0, 0, -50, 350])
    np.testing.assert_array_equal(p.starts, [0, 2, 0])
    assert p.criterion_names == ["fit"]
    assert np.isnan(p.criteria[0, 0]) and p.criteria[2, 0] == 4
    m = p.contribution_matrix()
    assert m.shape == (3, 3)
    assert m[0, 1] == pytest.approx(1 / 9) and m[2, 2] == pytest.approx(3 / 9)


def test_goal_weights_by_hand():
    # G1 is the only root (1.0); its links 3 and 1 normalise to 0.75 and 0.25.
    ids, weights = build_small().goal_weights()
    assert ids == ["G1", "G2", "G3"]
    np.testing.assert_allclose(weights, [1.0, 0.75, 0.25], rtol=0, atol=1e-15)


def test_goal_weights_shared_subgoal():
    # Roots R1 (3), R2 (1): 0.75, 0.25. R1 -> A, B equally; R2 -> B (1), C (3); A -> S; B -> S, T.
    # A = 0.375, B = 0.375 + 0.0625, C = 0.1875, S = 0.375 + 0.21875, T = 0.21875.
    p = ag.Portfolio(4)
    for gid, w in [("R1", 3.0), ("R2", 1.0), ("A", None), ("B", None), ("C", None), ("S", None), ("T", None)]:
        p.add_goal(gid, gid, weight=w)
    for parent, child, w in [("R1", "A", 2), ("R1", "B", 2), ("R2", "B", 1), ("R2", "C", 3),
                             ("A", "S", 1), ("B", "S", 1), ("B", "T", 1)]:
        p.link_goals(parent, child, w)
    s = p.goal_weights().to_series()
    expected = {"R1": 0.75, "R2": 0.25, "A": 0.375, "B": 0.4375, "C": 0.1875, "S": 0.59375, "T": 0.21875}
    for gid, w in expected.items():
        assert s[gid] == pytest.approx(w, abs=1e-15)


def test_graph_queries_speak_ids():
    p = build_small()
    p.add_initiative("D", "Chatbot", "Retail", duration=1)
    p.add_requires("D", "B")
    order = p.topological_order()
    assert order.index("A") < order.index("B") < order.index("D")
    assert p.prerequisites("D") == ["A", "B"]
    assert p.dependants("A") == ["B", "D"]
    impact = p.cancellation_impact("A")
    assert impact.stranded == ["B", "D"]
    assert list(impact.goals.index) == ["G2"]
    assert impact.goals.loc["G2", "lost_strength"] == pytest.approx(1 / 9 + 1)
    assert bool(impact.goals.loc["G2", "unserved"])
    with pytest.raises(ag.ValidationError, match="unknown initiative 'Z'"):
        p.dependants("Z")


def test_tables_are_pandas_frames():
    p = build_small()
    ini = p.initiatives()
    assert isinstance(ini, pd.DataFrame)
    assert ini.index.name == "id"
    assert ini.loc["B", "total_cost"] == 100 and ini.loc["B", "total_benefit"] == 400
    assert ini.loc["A", "capex"] == 200 and ini.loc["C", "opex"] == 30
    assert ini.loc["A", "status"] == "proposed"
    goals = p.goals()
    assert goals.loc["G2", "parents"] == ["G1"]
    assert goals.loc["G3", "global_weight"] == pytest.approx(0.25)
    assert list(p.budgets().columns) == ["2027Q1", "2027Q2", "2027Q3", "2027Q4"]
    assert p.teams().loc["dev", "2027Q3"] == 5
    c = p.contributions()
    assert list(c.columns) == ["initiative", "goal", "strength"] and len(c) == 3


def test_records_and_enums():
    p = build_small()
    p.add_initiative("E", "Held", "IT", duration=1, status=ag.Status.on_hold, forced_out=True,
                     uncertainty=ag.Uncertainty(cost=ag.Estimate(0.9, 1.0, 1.4, ag.Distribution.pert),
                                                success_probability=0.8))
    e = p.initiative("E")
    assert e.status == ag.Status.on_hold and e.forced_out and not e.forced_in
    assert e.uncertainty.cost.distribution == ag.Distribution.pert
    assert e.uncertainty.success_probability == 0.8
    # Options are enums, never strings.
    with pytest.raises(TypeError):
        p.add_initiative("F", "x", "IT", status="on_hold")


def test_builder_refuses_unknown_and_duplicate_ids_at_once():
    p = build_small()
    with pytest.raises(ag.ValidationError, match="duplicate initiative id 'A'"):
        p.add_initiative("A", "again", "IT")
    with pytest.raises(ag.ValidationError, match="'B' requires unknown initiative 'Z'"):
        p.add_requires("B", "Z")
    with pytest.raises(ag.ValidationError, match="unknown goal 'G9'"):
        p.add_contribution("A", "G9", 0.5)
    with pytest.raises(ag.ValidationError, match="more than the horizon's 4"):
        p.add_initiative("X", "long", "IT", capex=[1] * 5)
    with pytest.raises(ag.ValidationError, match="strength 'huge'"):
        p.add_contribution("A", "G3", "huge")
    assert p.initiative_count == 3


def test_check_raises_every_problem():
    p = build_small()
    p.add_initiative("N", "Negative", "IT", duration=1, capex=[-5])
    p.add_contribution("N", "G1", 1.5)
    problems = p.validate()
    assert ("/initiatives/3/costs/capex/0", "'N' has -5 in period 0, expected a finite amount >= 0") in problems
    assert any("contributes 1.5 to goal 'G1'" in m for _, m in problems)
    with pytest.raises(ag.ValidationError) as info:
        p.check()
    assert len(info.value.problems) == 2
    assert "2 problems" in str(info.value)


def test_cycle_error_carries_the_cycle():
    p = build_small()
    p.add_requires("A", "B")
    with pytest.raises(ag.CycleError) as info:
        p.check()
    assert info.value.cycle in (["A", "B", "A"], ["B", "A", "B"])
    assert "requires cycle:" in str(info.value)
    with pytest.raises(ag.CycleError):
        p.topological_order()


def test_exception_hierarchy():
    assert issubclass(ag.ValidationError, ag.Error) and issubclass(ag.ValidationError, ValueError)
    assert issubclass(ag.CycleError, ag.ValidationError)
    assert issubclass(ag.InfeasibleError, ag.Error) and issubclass(ag.InfeasibleError, RuntimeError)
    assert issubclass(ag.NoSolutionError, RuntimeError)
    assert issubclass(ag.Error, Exception) and not issubclass(ag.Error, ValueError)


def test_save_load_round_trip(tmp_path):
    p = build_small()
    p.add_scenario("cut", "Budget cut", budget_factor=0.8, goal_weights={"G1": 2.0}, forced_out=["C"])
    p.settings = ag.Settings(discount_rate=0.0731, enabler_share=0.25, currency="CHF")
    target = tmp_path / "m.json"
    p.save(target)
    q = ag.Portfolio.load(target)
    assert isinstance(q, ag.Portfolio)
    assert q == p
    assert q.settings.currency == "CHF"
    assert q.scenarios[0].budget_factor == 0.8
    assert ag.Portfolio.from_json(p.to_json()) == p
    # Only the target is left in the folder: the save went through a renamed temporary file.
    assert [f.name for f in tmp_path.iterdir()] == ["m.json"]
    with pytest.raises(ag.Error, match="missing"):
        p.save(tmp_path / "missing" / "m.json")


def test_copy_is_independent():
    p = build_small()
    q = p.copy()
    q.add_initiative("Z", "new", "IT")
    assert p.initiative_count == 3 and q.initiative_count == 4
    assert p != q


def test_sample_portfolio(sample_path, sample_doc):
    p = ag.Portfolio.sample()
    assert p == ag.load(sample_path)
    assert p.validate() == []
    assert p.initiative_count == len(sample_doc["initiatives"]) >= 30
    assert p.goal_count >= 8
    assert set(p.goals()["level"]) == {"enterprise", "business", "it"}
    assert p.horizon == ag.Horizon(12, 0.25, "2027Q1")
    # Budgets cannot fund everything: the total plan exceeds the total budget in some quarter.
    planned = p.budget_costs("total").sum(axis=0)
    assert (planned > p.budgets().loc["total"].to_numpy()).any()
    assert "Nordbank" in p.summary()
    assert repr(p).startswith("<aligngraph.Portfolio 'Nordbank")


def test_load_error_names_file_and_pointer(tmp_path, small):
    small["initiatives"][0]["costs"]["capex"][1] = -5
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(small))
    with pytest.raises(ag.ValidationError) as info:
        ag.load(bad)
    assert f"{bad}: /initiatives/0/costs/capex/1: 'A' has -5 in period 1" in str(info.value)
    assert info.value.problems == [("/initiatives/0/costs/capex/1", "'A' has -5 in period 1, expected a finite amount >= 0")]
    with pytest.raises(ag.Error, match="cannot open"):
        ag.load(tmp_path / "nope.json")


def test_goal_judgments_give_link_weights(tmp_path):
    p = build_small()
    with pytest.raises(ag.ValidationError, match="not one of its children"):
        p.set_goal_judgments("G1", ["G2", "G1"], np.array([[1, 2], [0.5, 1]]))
    local = p.local_goal_weights()
    assert local[("G1", "G2")] == pytest.approx(0.75) and local[("G1", "G3")] == pytest.approx(0.25)
    # G2 is judged 4 times as important as G3: weights 0.8 and 0.2 (instead of the links' 3:1).
    p.set_goal_judgments("G1", ["G2", "G3"], np.array([[1, 4], [0.25, 1]]))
    local = p.local_goal_weights()
    assert list(local.index.names) == ["parent", "child"]
    assert local[("G1", "G2")] == pytest.approx(0.8) and local[("G1", "G3")] == pytest.approx(0.2)
    s = p.goal_weights().to_series()
    assert s["G2"] == pytest.approx(0.8) and s["G3"] == pytest.approx(0.2)
    np.testing.assert_allclose(p.goal("G1").judgments.matrix, [[1, 4], [0.25, 1]])
    p.save(tmp_path / "j.json")
    assert ag.Portfolio.load(tmp_path / "j.json") == p


def test_bulk_builder_by_index():
    p = ag.Portfolio(2, 1.0, "2027")
    p.add_goal("G0", "zero", weight=1.0)
    p.add_goal("G1", "one", weight=3.0)
    p.add_initiatives(["a", "b", "c"], ["IT", "IT", "Ops"])
    p.add_contributions(np.array([0, 1, 2]), np.array([0, 1, 1]), np.array([0.5, 1.0, 0.25]))
    p.add_requirements(np.array([2]), np.array([0]))
    p.set_criterion("business_value", np.array([1.0, 2.0, 3.0]))
    p.check()
    al = p.alignment()
    # a: 0.5 * 0.25 = 0.125 direct, plus beta * A_c = 0.5 * 0.25 * 0.75 from c, which requires it.
    assert al.loc["a", "total"] == pytest.approx(0.125 + 0.5 * 0.1875)
    np.testing.assert_array_equal(p.topological_order(indices=True)[:1], [0])
    with pytest.raises(ag.ValidationError, match="initiative index 7 out of range"):
        p.add_contributions(np.array([7]), np.array([0]), np.array([1.0]))


def test_the_package_only_re_exports():
    # __init__ names what the modules define; no module's imports (np, pd, os...) show through.
    public = {name for name in dir(ag) if not name.startswith("_")}
    assert public - {"distributed", "finance", "plot", "portfolio", "report", "risk", "robust", "scoring", "selection", "tables"} == set(ag.__all__)
    for leaked in ("np", "pd", "os", "warnings", "dataclass", "Any", "annotations"):
        assert not hasattr(ag, leaked), leaked
    assert ag.Portfolio.__module__ == "aligngraph.portfolio"


@pytest.mark.parametrize("module", ["finance", "portfolio", "scoring", "selection"])
def test_modules_export_only_their_own_names(module):
    namespace: dict = {}
    exec(f"from aligngraph.{module} import *", namespace)
    exported = {name for name in namespace if name != "__builtins__"}
    assert exported == set(__import__(f"aligngraph.{module}", fromlist=["_"]).__all__)
    assert not exported & {"np", "pd", "os", "warnings", "math"}
