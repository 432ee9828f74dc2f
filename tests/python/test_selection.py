"""Portfolio selection from Python: against exhaustive enumeration and on the sample."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

import aligngraph as ag


def brute_force(values, costs, budgets, requires, excludes, forced_in, forced_out):
    n = len(values)
    best = -np.inf
    for bits in itertools.product([0, 1], repeat=n):
        x = np.array(bits)
        if any(x[d] > x[p] for d, p in requires) or any(x[g].sum() > 1 for g in excludes):
            continue
        if any(x[i] == 0 for i in forced_in) or any(x[i] == 1 for i in forced_out):
            continue
        if (costs.T @ x <= budgets + 1e-9).all():
            best = max(best, values @ x)
    return best


@pytest.mark.parametrize("seed", range(12))
def test_select_equals_enumeration(seed):
    rng = np.random.default_rng(seed)
    n, m = 12, 1 + seed % 3
    values = np.round(rng.random(n) * 100) - (20 if seed % 4 == 0 else 0)
    costs = np.round(rng.random((n, m)) * 50)
    budgets = np.round(costs.sum(axis=0) * 0.45)
    requires = [(int(d), int(rng.integers(0, d))) for d in rng.integers(1, n, size=3)]
    excludes = [[n - 1, n - 2]]
    forced_out = [int(rng.integers(0, n))] if seed % 3 == 0 else []
    r = ag.select_portfolio(values, costs, budgets, requires=requires, excludes=excludes, forced_out=forced_out)
    assert r.proven
    assert r.value == pytest.approx(brute_force(values, costs, budgets, requires, excludes, [], forced_out))
    x = np.zeros(n)
    x[r.selected] = 1
    assert (costs.T @ x <= budgets + 1e-9).all()
    assert (r.budgets["slack"] >= -1e-9).all()


@pytest.mark.parametrize("seed", range(6))
def test_select_with_gomory_and_tree_cuts_equals_enumeration(seed):
    # One-of groups over fractional capacities, as a time-indexed schedule has them: Gomory
    # cuts at the root change the search, never the optimum.
    rng = np.random.default_rng(100 + seed)
    n, m = 12, 2
    values = np.round(rng.random(n) * 100, 2)
    costs = np.round(rng.random((n, m)) * 50, 3)
    budgets = costs.sum(axis=0) * 0.4
    excludes = [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    requires = [(9, 0), (10, 4)]
    expected = brute_force(values, costs, budgets, requires, excludes, [], [])
    for rounds in (0, 3, 10):
        r = ag.select_portfolio(values, costs, budgets, requires=requires, excludes=excludes, gomory_rounds=rounds)
        assert r.proven
        assert r.value == pytest.approx(expected)
    # Cover cuts in the tree and group covers (what roadmaps and plans set): the same optimum.
    # And plunging (a dive's last sibling before the open list's best).
    # MIR cuts at the root (what plans set) as well.
    for node_rounds, groups, plunge, mir in ((2, False, False, False), (0, True, False, False), (2, True, False, False),
                                             (5, True, False, False), (0, False, True, False), (3, True, True, False),
                                             (3, True, False, True), (0, False, True, True)):
        r = ag.select_portfolio(values, costs, budgets, requires=requires, excludes=excludes, gomory_rounds=3,
                                node_cut_rounds=node_rounds, group_covers=groups, plunge=plunge, mir_cuts=mir)
        assert r.proven
        assert r.value == pytest.approx(expected)
    with pytest.raises(ag.ValidationError, match="gomory_rounds -1, expected >= 0"):
        ag.select_portfolio(values, costs, budgets, gomory_rounds=-1)
    with pytest.raises(ag.ValidationError, match="node_cut_rounds -1, expected >= 0"):
        ag.select_portfolio(values, costs, budgets, node_cut_rounds=-1)


def test_infeasible_forced_in_names_the_budget():
    with pytest.raises(ag.InfeasibleError, match="break capex: they need 110, the limit is 100"):
        ag.select_portfolio([1, 2, 3], [[60], [50], [10]], [100], forced_in=[0, 1], budget_names=["capex"])
    assert issubclass(ag.InfeasibleError, RuntimeError)
    with pytest.raises(ag.ValidationError, match="costs are 3 x 2"):
        ag.select_portfolio([1, 2, 3], np.ones((3, 2)), [1.0])


def test_optimize_the_sample():
    p = ag.Portfolio.sample()
    r = p.optimize(ag.Objective.npv)
    assert r.proven
    # The optimum as HiGHS 1.16 finds it (MIP with zero gap, on p.selection_problem()'s arrays;
    # benchmarks/requirements.txt has highspy): the same twelve initiatives and value.
    assert r.selected == ["I-07", "I-08", "I-09", "I-10", "I-13", "I-14", "I-17", "I-20", "I-23", "I-27", "I-29", "I-30"]
    assert r.value == pytest.approx(2564791.5388697, rel=1e-12)
    alignment = p.optimize(ag.Objective.alignment)
    assert alignment.selected == ["I-01", "I-02", "I-04", "I-06", "I-07", "I-08", "I-09", "I-13", "I-14", "I-16", "I-17",
                                  "I-18", "I-20", "I-22", "I-23", "I-24", "I-26", "I-27", "I-29", "I-32", "I-33"]
    assert alignment.value == pytest.approx(7.3829999722, rel=1e-10)
    flags = p.initiatives()
    assert set(flags.index[flags["mandatory"]]) <= set(r.selected)
    assert not set(flags.index[flags["forced_out"]]) & set(r.selected)
    assert len(r.budgets) == 5 * 12
    # The result says what its numbers are.
    assert r.objective == ag.Objective.npv and r.currency == "EUR" and r.scenario is None
    assert list(r.budgets.columns) == ["pool", "period", "limit", "use", "slack"]
    assert r.budgets.loc["IT-capex 2027Q2", "pool"] == "IT-capex" and r.budgets.loc["IT-capex 2027Q2", "period"] == "2027Q2"
    assert r.total_budget == pytest.approx(38.8e6)
    # Each pool over the horizon: its rows of the budget table added up by pandas.
    totals = r.pool_totals
    by_pool = r.budgets.groupby("pool", sort=False)[["limit", "use"]].sum()
    assert list(totals.index) == list(by_pool.index) and len(totals) == 5
    assert np.allclose(totals["limit"], by_pool["limit"], rtol=1e-12) and np.allclose(totals["use"], by_pool["use"], rtol=1e-12)
    assert (totals["slack"] >= -1e-6).all()
    assert isinstance(r.core.left_out[0], ag.LeftOut) and isinstance(r.core.left_out[0].reason, ag.LeftOutReason)
    assert "value 2.56M" in r.text() and '"objective": "npv"' in r.to_json()
    cut = p.optimize(ag.Objective.alignment, scenario="downturn")
    assert cut.value <= p.optimize(ag.Objective.alignment).value + 1e-9
    limited = p.optimize(ag.Objective.composite, node_limit=1)
    assert limited.upper_bound >= limited.value


def test_frontier_frame():
    p = ag.Portfolio.sample()
    f = p.frontier([0.25, 0.5, 1.0, 1.5], objective=ag.Objective.alignment)
    assert list(f.index) == [0.25, 0.5, 1.0, 1.5]
    assert not f.loc[0.25, "feasible"] and np.isnan(f.loc[0.25, "value"])
    feasible = f[f["feasible"]]
    assert feasible["value"].is_monotonic_increasing and feasible["proven"].all()
    assert f.loc[1.0, "value"] == pytest.approx(p.optimize(ag.Objective.alignment).value)
    pools = [f"budget {b}" for b in ("total", "IT-capex", "Retail", "SME", "Operations")]
    assert list(f.columns) == ["total_budget", *pools, "feasible", "value", "upper_bound", "proven", "stop_reason", "marginal",
                               "knee", "selected", "infeasible_reason", "seconds"]
    # Money as the budgets are: the sample's total budget (4 x 2.9M + 4 x 3.3M + 4 x 3.5M), never the pools added up.
    assert f.loc[1.0, "total_budget"] == pytest.approx(38.8e6)
    assert f.loc[1.0, "budget SME"] == pytest.approx(4 * 2e5 + 8 * 4e5)
    assert "forced-in initiatives alone break" in f.loc[0.25, "infeasible_reason"]
    assert pd.isna(f.loc[1.0, "infeasible_reason"])
    assert f["feasible"].dtype == bool and f["proven"].dtype == bool and f["knee"].dtype == bool
    # Each level's selection: ids of the model's initiatives (none where infeasible).
    assert f.loc[1.0, "selected"] and set(f.loc[1.0, "selected"]) <= set(p.initiative_ids)
    assert f.loc[0.25, "selected"] == []


def test_explanations_by_hand():
    # One budget of 10. Hand-solved: the optimum is {b, d, e, f} (and z, forced in, free),
    # worth 7 + 5 - 1 + 4 = 15 using 9; a + d + e = 13 and b + c + f = 14 are next.
    ids = ["a", "b", "c", "d", "e", "f", "g", "h", "k", "z"]
    values = [9, 7, 3, 5, -1, 4, 2, -2, 3, 0]
    costs = np.array([[6], [5], [4], [2], [1], [1], [1], [0], [1], [0]])
    r = ag.select_portfolio(values, costs, [10], requires=[(3, 4), (8, 6)], excludes=[[0, 5]], forced_out=[6], forced_in=[9],
                  ids=ids, budget_names=["capex 2027"])
    assert r.proven and r.value == 15
    assert r.selected == ["b", "d", "e", "f", "z"]
    out = r.left_out
    assert list(out.index) == ["a", "c", "g", "h", "k"]
    assert out.loc["a", "reason"] == "excluded" and out.loc["a", "blocked_by"] == ["f"]
    assert out.loc["c", "reason"] == "budget"
    assert out.loc["c", "budget"] == "capex 2027" and out.loc["c", "overrun"] == pytest.approx(3)  # 9 + 4 - 10
    assert out.loc["g", "reason"] == "forced_out"
    assert out.loc["h", "reason"] == "no_value"
    assert out.loc["k", "reason"] == "prerequisite" and out.loc["k", "blocked_by"] == ["g"]
    d = r.displaced
    assert d.loc["b", "displaces"] == ["c"] and d.loc["b", "margin"] == pytest.approx(4)  # 7 - 3
    assert d.loc["e", "with"] == ["d"] and d.loc["e", "value"] == pytest.approx(4)
    assert d.loc["e", "margin"] == pytest.approx(1)  # frees 3: c (3) fits in the slack of 4
    assert d.loc["f", "displaces"] == [] and d.loc["f", "margin"] == pytest.approx(4)
    assert bool(d.loc["z", "locked"]) and np.isnan(d.loc["z", "margin"])


def test_explanations_of_the_sample_are_complete():
    p = ag.sample_portfolio()
    r = p.optimize()
    assert r.proven
    assert set(r.left_out.index) | set(r.displaced.index) == set(p.initiative_ids)
    assert "unproven" not in set(r.left_out["reason"])
    assert (r.displaced["margin"].dropna() >= -1e-6).all()
    # Every "budget" reason names a budget that really would break.
    for _, row in r.left_out[r.left_out["reason"] == "budget"].iterrows():
        assert row["overrun"] > 0 and row["budget"] in set(r.budgets.index)


def test_reoptimizer_agrees_with_cold_solves():
    rng = np.random.default_rng(5)
    n, m = 50, 3
    values = np.round(rng.random(n) * 100)
    costs = np.round(rng.random((n, m)) * 40)
    budgets = np.round(costs.sum(axis=0) * 0.4)
    requires = [(int(d), int(rng.integers(0, d))) for d in rng.integers(1, n, size=8)]
    r = ag.Reoptimizer(values, costs, budgets, requires=requires, excludes=[[1, 2]])
    first = r.solve()
    assert first.proven
    drop = first.selected[0]
    r.force_out(drop)
    second = r.solve()
    cold = ag.select_portfolio(values, costs, budgets, requires=requires, excludes=[[1, 2]], forced_out=[drop])
    assert second.proven and second.value == pytest.approx(cold.value)
    assert drop not in second.selected
    r.release(drop)
    r.set_budget(0, budgets[0] * 0.7)
    cut = budgets.copy()
    cut[0] *= 0.7
    third = r.solve()
    assert third.value == pytest.approx(ag.select_portfolio(values, costs, cut, requires=requires, excludes=[[1, 2]]).value)
    assert r.budgets.iloc[0] == pytest.approx(cut[0])
    with pytest.raises(ag.ValidationError):
        r.force_in(n)


def test_reoptimizer_of_the_sample_by_id_and_budget_name():
    p = ag.sample_portfolio()
    r = p.reoptimizer()
    base = r.solve()
    chosen = base.displaced[~base.displaced["locked"]].index[0]
    r.force_out(chosen)
    without = r.solve()
    assert chosen not in without.selected
    assert without.value <= base.value
    # Dropping it can cost no less than its margin over the greedy replacement says it earns
    # at most: the optimum without it is at least the base minus its value plus what it displaced.
    row = base.displaced.loc[chosen]
    assert without.value >= base.value - row["value"] + row["displaced_value"] - 1e-6
    name = r.budgets.index[0]
    r.release(chosen)
    r.set_budget(name, 0.5 * r.budgets[name])
    assert r.solve().proven
    with pytest.raises(KeyError, match="unknown initiative"):
        r.force_in("nope")
    with pytest.raises(KeyError, match="unknown budget"):
        r.set_budget("nope", 1)


def test_frontier_over_a_total_budget():
    p = ag.sample_portfolio()
    all_costs = float(np.asarray(p.costs).sum())
    f = p.frontier(levels=4, max_factor=1.0, sweep=ag.Sweep.total)
    assert list(f.index) == [0.25, 0.5, 0.75, 1.0]
    assert f["total_budget"].tolist() == pytest.approx([all_costs * k / 4 for k in range(1, 5)])
    values = f["value"].dropna()
    assert (values.diff().dropna() >= -1e-9).all()
    g = p.frontier(sweep=ag.Sweep.total, totals=[0.5 * all_costs])
    assert g["value"].iloc[0] == pytest.approx(f.loc[0.5, "value"])
    with pytest.raises(TypeError, match="aligngraph.Sweep"):
        p.frontier(sweep="total")
    with pytest.raises(ValueError, match="totals"):
        p.frontier(totals=[1.0])


def test_frontier_over_arrays_and_the_model_problem():
    p = ag.sample_portfolio()
    sp = p.selection_problem()
    assert sp["costs"].shape == (len(p.initiative_ids), len(sp["budgets"]))
    # The arrays reproduce the model's optimum.
    direct = ag.select_portfolio(sp["values"], sp["costs"], sp["budgets"], requires=sp["requires"], excludes=sp["excludes"],
                       forced_in=sp["forced_in"], forced_out=sp["forced_out"], explain=False)
    assert direct.value == pytest.approx(p.optimize().value)
    assert direct.left_out.empty
    f = ag.frontier(sp["values"], sp["costs"], sp["budgets"], [1.0, 0.6], requires=sp["requires"],
                    excludes=sp["excludes"], forced_in=sp["forced_in"], forced_out=sp["forced_out"])
    assert list(f.index) == [0.6, 1.0]
    assert list(f.columns) == ["total_budget", "feasible", "value", "upper_bound", "proven", "stop_reason", "marginal", "knee",
                               "selected", "infeasible_reason", "seconds"]
    assert (f["stop_reason"] == "none").all()
    assert f.loc[1.0, "total_budget"] == pytest.approx(sp["budgets"].sum())  # plain rows: their sum
    assert f.loc[1.0, "value"] == pytest.approx(direct.value)
    # Each level's selection: indices, worth the level's value.
    assert sp["values"][f.loc[1.0, "selected"]].sum() == pytest.approx(f.loc[1.0, "value"])
    assert f.loc[0.6, "value"] <= f.loc[1.0, "value"]
    # A start that is the optimum is kept.
    again = ag.select_portfolio(sp["values"], sp["costs"], sp["budgets"], requires=sp["requires"], excludes=sp["excludes"],
                      forced_in=sp["forced_in"], forced_out=sp["forced_out"], start=f.loc[1.0, "selected"])
    assert again.value == pytest.approx(direct.value)


def test_requires_one_of_a_group_against_enumeration():
    # x[d] <= sum of x[q]: item 3 needs item 0 or item 1; item 4 needs 2 or 3.
    values = np.array([1.0, 2.0, 3.0, 10.0, 8.0])
    costs = np.array([[2.0], [3.0], [4.0], [2.0], [3.0]])
    groups = [(3, [0, 1]), (4, [2, 3])]
    best = -np.inf
    for mask in itertools.product([0, 1], repeat=5):
        x = np.array(mask)
        if costs[:, 0] @ x > 7 or any(x[d] and not x[g].any() for d, g in groups):
            continue
        best = max(best, values @ x)
    r = ag.select_portfolio(values, costs, [7.0], requires_any=groups)
    assert r.proven and r.value == pytest.approx(best)
    assert sorted(r.selected) == [0, 3, 4]  # 1 + 10 + 8 in 7: item 4 rides on 3, item 3 on 0
    with pytest.raises(ag.ValidationError, match="requires one of an empty group"):
        ag.select_portfolio(values, costs, [7.0], requires_any=[(3, [])])


def test_what_if_is_a_scenario_of_a_copy():
    p = ag.Portfolio.sample()
    sp = p.selection_problem()
    ids = sp["ids"]
    assert "I-09" in p.optimize().selected
    q, s = p.what_if(force_out=["I-09"], budget_factor=0.9)
    assert s == "what-if" and p == ag.Portfolio.sample()  # the model itself unchanged
    r = q.optimize(scenario=s)
    expected = ag.select_portfolio(sp["values"], sp["costs"], np.asarray(sp["budgets"]) * 0.9, requires=sp["requires"],
                                   excludes=sp["excludes"], forced_in=sp["forced_in"],
                                   forced_out=sorted(set(sp["forced_out"]) | {ids.index("I-09")}), ids=ids)
    assert "I-09" not in r.selected and r.value == pytest.approx(expected.value, rel=1e-9)
    same, name = p.what_if("downturn")
    assert name == "downturn" and same == p
    nothing, none = p.what_if()
    assert none is None
    with pytest.raises(ag.ValidationError, match="unknown initiative 'I-99'"):
        p.what_if(force_in=["I-99"])
    with pytest.raises(ag.ValidationError, match="forced both in and out"):
        p.what_if(force_in=["I-09"], force_out=["I-09"])
    with pytest.raises(ag.ValidationError, match="'I-07' is mandatory"):
        p.what_if(force_out=["I-07"])
    with pytest.raises(ag.ValidationError, match="budget factor -1"):
        p.what_if(budget_factor=-1)


def test_compare_two_scenarios():
    import json

    from scipy import stats

    p = ag.Portfolio.sample()
    c = p.compare("downturn", "compliance-first")
    a, b = p.optimize(scenario="downturn"), p.optimize(scenario="compliance-first")
    assert c.a.value == pytest.approx(a.value, rel=1e-12) and c.b.value == pytest.approx(b.value, rel=1e-12)
    assert set(c.only_a) == set(a.selected) - set(b.selected) and set(c.only_b) == set(b.selected) - set(a.selected)
    assert set(c.both) == set(a.selected) & set(b.selected)
    f = c.frame()
    assert list(f.index) == p.initiative_ids and f["in_b"].sum() == len(b.selected)
    assert (f["change"] == f["rank_b"] - f["rank_a"]).all()
    # Kendall's tau-a of the two rankings, by scipy over the ranks.
    tau = stats.kendalltau(f["rank_a"], f["rank_b"]).statistic
    assert c.kendall_tau == pytest.approx(tau, abs=1e-12)
    assert c.kendall_tau < 1
    # The scores are each scenario's ranking scores.
    assert np.array_equal(f["score_b"].to_numpy(), p.scores(scenario="compliance-first")["score"].to_numpy())
    assert np.array_equal(f["rank_a"].to_numpy(), p.scores(scenario="downturn")["rank"].to_numpy())
    assert "Kendall's tau" in c.text() and json.loads(c.to_json())["only_b"] == c.only_b
    assert "ScenarioComparison downturn vs compliance-first" in repr(c)
    with pytest.raises(ag.ValidationError, match="unknown scenario 'boom'"):
        p.compare(None, "boom")
    import pickle

    back = pickle.loads(pickle.dumps(c))
    assert back.frame().equals(c.frame()) and back.kendall_tau == c.kendall_tau and back.only_b == c.only_b
    assert back.a.selected == c.a.selected and back.text() == c.text()
