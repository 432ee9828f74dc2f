"""AHP, alignment and priority scores from Python."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import aligngraph as ag

DATA = Path(os.environ.get("ALIGNGRAPH_REFERENCE_DATA") or Path(__file__).resolve().parents[3] / "shared" / "data")
EXAMPLES = DATA / "ahp-examples" / "ahp_examples.json"
TABLES = {"saaty2005": ag.RandomIndex.saaty_2005, "saaty1980": ag.RandomIndex.saaty_1980,
          "donegan_dodd_1991": ag.RandomIndex.donegan_dodd_1991}


def nodes_with_expectations() -> list[tuple[str, dict]]:
    if not EXAMPLES.exists():
        return []
    out = []
    for example in json.loads(EXAMPLES.read_text())["examples"]:
        for node in example["nodes"]:
            e = node["expected"]
            if "priorities" in e or "consistency_ratio" in e:
                out.append((f"{example['id']}/{node['name']}", node))
    return out


NODES = nodes_with_expectations()


def matrix_of(node: dict) -> np.ndarray:
    if node["matrix"] is not None:
        return np.array(node["matrix"], dtype=float)
    at = {name: k for k, name in enumerate(node["elements"])}
    m = np.full((len(at), len(at)), np.nan)
    np.fill_diagonal(m, 1.0)
    for c in node["comparisons"]:
        m[at[c["row"]], at[c["col"]]] = c["value"]
        m[at[c["col"]], at[c["row"]]] = 1 / c["value"]
    return m


@pytest.mark.skipif(not NODES, reason=f"SKIPPED: AHP examples not found at {EXAMPLES}")
@pytest.mark.parametrize("node", [n for _, n in NODES], ids=[i for i, _ in NODES])
def test_published_ahp_example(node):
    e = node["expected"]
    table = TABLES[e.get("random_index_table", "donegan_dodd_1991")]
    r = ag.ahp(matrix_of(node), random_index=table)
    tol = 0.5 * 10 ** -e.get("precision", 4) + 1e-12
    for k, name in enumerate(node["elements"]):
        if "priorities" in e:
            assert abs(r.weights[k] - e["priorities"][name]) <= tol, name
    if "consistency_ratio" in e:
        assert abs(r.cr - e["consistency_ratio"]) <= tol
    if "completed" in e:
        assert r.completed[2, 3] == pytest.approx(e["completed"]["c,d"], rel=1e-6)


def test_ahp_warns_and_explains_inconsistency():
    with pytest.warns(ag.AhpConsistencyWarning, match="consistency ratio"):
        r = ag.ahp([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]])
    assert r.cr > 0.1 and len(r.warnings) == 1
    w = np.array([0.4, 0.3, 0.2, 0.1])
    m = np.outer(w, 1 / w)
    m[1, 3], m[3, 1] = 9, 1 / 9
    r = ag.ahp(m, ag.AhpMethod.geometric_mean, ag.RandomIndex.saaty_1980)
    assert (r.worst_judgment.row, r.worst_judgment.col, r.worst_judgment.value) == (1, 3, 9.0)
    assert r.random_index == 0.90
    with pytest.warns(ag.AhpWarning, match="outside Saaty's scale"):
        ag.ahp([[1, 12], [1 / 12, 1]])
    with pytest.raises(ag.ValidationError, match="outside Saaty's scale"):
        ag.ahp([[1, 12], [1 / 12, 1]], strict=True)
    with pytest.raises(ag.ValidationError, match="not reciprocal"):
        ag.ahp([[1, 3], [0.5, 1]])
    with pytest.raises(ag.ValidationError, match="expected a finite judgment > 0"):
        ag.ahp([[1, -3], [-1 / 3, 1]])
    with pytest.raises(ag.ValidationError, match="square"):
        ag.ahp(np.ones((2, 3)))
    g = ag.aggregate_judgments([[[1, 4], [0.25, 1]], [[1, 1], [1, 1]]])
    assert g[0, 1] == pytest.approx(2.0)
    assert ag.random_index(ag.RandomIndex.saaty_2005, 7) == 1.35


def diamond() -> ag.Portfolio:
    p = ag.Portfolio(4)
    p.add_goal("G1", "Goal")
    for i in "ABCD":
        p.add_initiative(i, i, "IT")
    for d, q in [("D", "B"), ("D", "C"), ("B", "A"), ("C", "A")]:
        p.add_requires(d, q)
    p.add_contribution("D", "G1", 1.0)
    p.add_contribution("B", "G1", "weak")
    return p


def test_alignment_with_enabler_credit_by_hand():
    al = diamond().alignment()
    # A_D = 1; A_B = 1/9 + 0.5 * 1 / 2; A_C = 0.25; A_A = 0.5 * (A_B + A_C).
    assert al.loc["D", "total"] == pytest.approx(1.0)
    assert al.loc["B", "total"] == pytest.approx(1 / 9 + 0.25)
    assert al.loc["A", "total"] == pytest.approx(0.5 * (1 / 9 + 0.5))
    assert al.loc["A", "direct"] == 0 and al.loc["D", "rank"] == 1
    parts = diamond().explain("A")
    assert list(parts["source"]) == ["B", "C"] and parts["value"].sum() == pytest.approx(al.loc["A", "total"])
    assert diamond().alignment(enabler_share=0)["total"]["A"] == 0


def test_scores_have_parts_that_sum_and_deterministic_ranks():
    p = ag.Portfolio.sample()
    for by in [ag.ScoreKind.alignment, ag.ScoreKind.wsjf, ag.ScoreKind.composite, ag.ScoreKind.score]:
        s = p.scores(by)
        parts = s.drop(columns=["score", "rank"])
        np.testing.assert_allclose(parts.sum(axis=1), s["score"], rtol=0, atol=1e-12)
        assert sorted(s["rank"]) == list(range(1, len(s) + 1))
    r = p.scores(ag.ScoreKind.rice)
    assert r.loc["I-02", "score"] == pytest.approx(180000 * round(9 / 3.5, 1) * 0.8 / 900)
    top = p.rank(top=3)
    assert list(top["rank"]) == [1, 2, 3]
    ex = p.explain("I-01")
    assert ex["value"].sum() == pytest.approx(p.scores().loc["I-01", "score"])
    assert ex.attrs["rank"] == p.scores().loc["I-01", "rank"] and ex.attrs["score_kind"] == "alignment"
    goals = ex[ex["kind"] == "goal"]
    # A goal part is strength x the goal's global weight, the weight given beside it.
    weights = p.goal_weights().to_series()
    np.testing.assert_allclose(goals["weight"], weights[goals["source"]].to_numpy(), rtol=1e-12)
    assert "total of the parts" in p.explanation_text("I-01")
    # By goal: the same goal parts, in a table whose rows sum to the direct alignment.
    by_goal = p.alignment_by_goal()
    assert list(by_goal.columns) == p.goal_ids and list(by_goal.index) == p.initiative_ids
    np.testing.assert_allclose(by_goal.loc["I-01", goals["source"]].to_numpy(), goals["value"].to_numpy(), rtol=1e-12)
    assert (by_goal.loc["I-01"].drop(goals["source"]) == 0).all()
    np.testing.assert_allclose(by_goal.sum(axis=1), p.alignment()["direct"], rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(by_goal.attrs["goal_weights"], weights[p.goal_ids].to_numpy(), rtol=1e-12)
    # A scenario's goal weights: the cells move with them, the rows still sum to its direct alignment.
    board = p.alignment_by_goal(scenario="compliance-first")
    np.testing.assert_allclose(board.sum(axis=1), p.alignment(scenario="compliance-first")["direct"], rtol=1e-12, atol=1e-15)
    assert not np.allclose(board.attrs["goal_weights"], by_goal.attrs["goal_weights"])
    wsjf = p.explain("I-02", ag.ScoreKind.wsjf)
    assert list(wsjf["kind"]) == ["criterion"] * 3 and wsjf["weight"].isna().all()
    assert wsjf["value"].sum() == pytest.approx(p.scores(ag.ScoreKind.wsjf).loc["I-02", "score"])
    with pytest.raises(ag.ValidationError, match="unknown criterion 'colour'"):
        p.scores(ag.ScoreKind.score, criteria=["colour"])


def test_sensitivity_intervals_hold_inside_and_break_outside():
    p = ag.Portfolio(2, 1.0, "2027")
    p.add_goal("G", "Goal")
    for ident, risk, cost in [("X", 2, 10), ("Y", 6, 30), ("Z", 4, 20)]:
        p.add_initiative(ident, ident, "IT", criteria={"risk": risk, "cost": cost})
    crit = [ag.Criterion("risk", 3), ag.Criterion("cost", 1, ag.Direction.cost)]
    s = p.sensitivity(2, criteria=crit)
    # X = 1 - t, Y = t, Z = 0.5 with risk weight t: Y stays first for t >= 0.5.
    assert s.loc["risk", "top1_low"] == pytest.approx(0.5)
    for t, first in [(0.5 + 1e-6, "Y"), (0.5 - 1e-6, "X")]:
        ranked = p.rank(ag.ScoreKind.score, criteria=[ag.Criterion("risk", t), ag.Criterion("cost", 1 - t, ag.Direction.cost)])
        assert ranked.index[0] == first


def test_goals_served_and_scenario_comparison():
    p = ag.Portfolio.sample()
    assert p.orphan_initiatives() == []
    assert p.unserved_goals() == []
    assert "T4" in p.unserved_goals(["I-02"])
    cov = p.goal_coverage(["I-02", "I-26"])
    assert cov["T6"] == pytest.approx(1 - (1 - 1) * (1 - 1))
    a, b = p.scores()["score"], p.scores(scenario="compliance-first")["score"]
    frame, tau = ag.compare_rankings(a, b)
    assert -1 <= tau < 1 and (frame["change"] != 0).any()
    assert isinstance(frame, pd.DataFrame)
    with pytest.raises(ag.ValidationError, match="unknown scenario 'nope'"):
        p.scores(scenario="nope")


def test_scenario_criterion_weights():
    p = ag.Portfolio.sample()
    plain = p.scores(ag.ScoreKind.score, criteria=["business_value"])
    scen = p.scores(ag.ScoreKind.score, scenario="compliance-first")
    assert list(scen.columns[2:]) == ["business_value", "risk_reduction", "time_criticality"]
    frame, tau = ag.compare_rankings(plain["score"], scen["score"])
    assert tau < 1
    assert p.scenarios[1].criterion_weights == {"business_value": 1.0, "risk_reduction": 3.0, "time_criticality": 2.0}


def test_scenario_judgments_reweight_goals():
    p = ag.Portfolio.sample()
    w = np.array([0.2, 0.3, 0.5])
    p.add_scenario("retail-light", judgments={"E1": (["B1", "B2", "B4"], np.outer(w, 1 / w))})
    assert p.validate() == []
    base = p.alignment()
    light = p.alignment(scenario="retail-light")
    assert not np.allclose(base["total"], light["total"])
    assert p.scenarios[-1].judgments["E1"].children == ["B1", "B2", "B4"]
