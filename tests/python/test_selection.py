"""Portfolio selection from Python: against exhaustive enumeration and on the sample."""

from __future__ import annotations

import itertools

import numpy as np
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
    r = ag.select(values, costs, budgets, requires=requires, excludes=excludes, forced_out=forced_out)
    assert r.proven
    assert r.value == pytest.approx(brute_force(values, costs, budgets, requires, excludes, [], forced_out))
    x = np.zeros(n)
    x[r.selected] = 1
    assert (costs.T @ x <= budgets + 1e-9).all()
    assert (r.budgets["slack"] >= -1e-9).all()


def test_infeasible_forced_in_names_the_budget():
    with pytest.raises(ag.InfeasibleError, match="break capex: they need 110, the limit is 100"):
        ag.select([1, 2, 3], [[60], [50], [10]], [100], forced_in=[0, 1], budget_names=["capex"])
    assert issubclass(ag.InfeasibleError, RuntimeError)
    with pytest.raises(ag.ValidationError, match="costs are 3 x 2"):
        ag.select([1, 2, 3], np.ones((3, 2)), [1.0])


def test_optimize_the_sample():
    p = ag.Portfolio.sample()
    r = p.optimize(ag.Objective.npv)
    assert r.proven
    assert r.value == pytest.approx(p.portfolio_financials(r.selected)["npv"], rel=1e-9)
    flags = p.initiatives()
    assert set(flags.index[flags["mandatory"]]) <= set(r.selected)
    assert not set(flags.index[flags["forced_out"]]) & set(r.selected)
    assert len(r.budgets) == 5 * 12
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
