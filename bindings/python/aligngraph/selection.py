"""Portfolio selection from Python: the optimal set of initiatives under budgets (see docs/selection.md)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from . import _core

__all__ = ["Reoptimizer", "SelectionResult", "frontier", "select"]

_NO_LIMIT = 2**62


@dataclass(frozen=True)
class SelectionResult:
    """The best selection found and how good it is proven to be.

    ``selected``: the chosen items (ids when known, else indices); ``value``; ``upper_bound``
    (no selection is worth more); ``gap``; ``proven`` (the search finished: value is the
    optimum); ``nodes``; ``seconds``; ``budgets``: a DataFrame of limit, use and slack per
    budget constraint.

    ``left_out``: a DataFrame, one row per initiative not selected, with ``reason``
    ("forced out", "prerequisite", "excluded", "budget", "no value", "unproven"),
    ``detail`` (one sentence), ``budget`` and ``overrun`` (the budget that binds most and by
    how much, for "budget"), ``needs`` (unselected prerequisites that would come with it),
    ``blocked_by`` (selected alternatives, or forced-out prerequisites) and ``value``.

    ``displaced``: a DataFrame, one row per selected initiative: ``value`` (with the
    dependants that would go with it, listed in ``with``), ``displaces`` (the left-out
    initiatives its funding would buy instead), ``displaced_value``, ``margin`` (what it
    earns over that next best use; NaN when ``locked``, i.e. forced in) and ``detail``."""

    selected: list[Any]
    value: float
    upper_bound: float
    gap: float
    proven: bool
    nodes: int
    seconds: float
    budgets: pd.DataFrame = field(repr=False)
    left_out: pd.DataFrame = field(repr=False)
    displaced: pd.DataFrame = field(repr=False)


def _result(d: dict, ids: list[str] | None) -> SelectionResult:
    names = d["budget_names"] or [f"budget {k}" for k in range(len(d["budgets"]))]
    budgets = pd.DataFrame({"limit": d["budgets"], "use": d["budget_use"], "slack": d["slack"]},
                           index=pd.Index(names, name="budget"))
    name = (lambda i: ids[i]) if ids else (lambda i: i)
    selected = [name(i) for i in d["selected"]]
    rows = []
    for i, reason, text, needs, blocked, overruns, value in d["left_out"]:
        budget, overrun = (names[overruns[0][0]], overruns[0][1]) if overruns else (None, math.nan)
        rows.append((name(i), reason, text, budget, overrun, [name(x) for x in needs], [name(x) for x in blocked], value))
    left_out = pd.DataFrame(rows, columns=["initiative", "reason", "detail", "budget", "overrun", "needs", "blocked_by",
                                           "value"]).set_index("initiative")
    rows = [(name(i), locked, [name(x) for x in with_], value, [name(x) for x in displaces], displaced_value, margin, text)
            for i, locked, with_, value, displaces, displaced_value, margin, text in d["displaced"]]
    displaced = pd.DataFrame(rows, columns=["initiative", "locked", "with", "value", "displaces", "displaced_value",
                                            "margin", "detail"]).set_index("initiative")
    return SelectionResult(selected, d["value"], d["upper_bound"], d["gap"], d["proven"], d["nodes"], d["seconds"], budgets,
                           left_out, displaced)


def _arrays(values: Any, costs: Any, budgets: Any, requires: Any, excludes: Any, forced_in: Any,
            forced_out: Any) -> tuple:
    """The problem's arguments as the compiled module takes them: float arrays (costs n x m),
    pairs, groups and indices as ints."""
    c = np.asarray(costs, dtype=float)
    if c.ndim == 1:
        c = c.reshape(-1, 1)
    return (np.asarray(values, dtype=float), c, np.atleast_1d(np.asarray(budgets, dtype=float)),
            [tuple(map(int, r)) for r in requires], [list(map(int, g)) for g in excludes],
            [int(i) for i in forced_in], [int(i) for i in forced_out])


def select(
    values: Any,
    costs: Any,
    budgets: Any,
    *,
    requires: list[tuple[int, int]] = (),
    excludes: list[list[int]] = (),
    forced_in: list[int] = (),
    forced_out: list[int] = (),
    time_limit: float = 60.0,
    node_limit: int | None = None,
    ids: list[str] | None = None,
    budget_names: list[str] | None = None,
    start: list[int] | None = None,
    explain: bool = True,
) -> SelectionResult:
    """Maximise ``values @ x`` over x in {0, 1}^n subject to ``costs.T @ x <= budgets``
    (``costs`` is n x m), ``x[d] <= x[p]`` for each ``(d, p)`` in ``requires``, at most one
    of each ``excludes`` group, ``forced_in`` = 1 and ``forced_out`` = 0. Exact branch and
    bound; on a limit the best selection found is returned with ``proven=False``.
    ``start``: a known selection (indices) to start from when it is feasible.
    ``explain=False`` skips the ``left_out`` and ``displaced`` frames (empty), which cost
    about selected x n x budgets operations.
    Raises InfeasibleError when the forced items alone break a budget."""
    d = _core.select_core(*_arrays(values, costs, budgets, requires, excludes, forced_in, forced_out), float(time_limit),
                          _NO_LIMIT if node_limit is None else int(node_limit), list(ids or []), list(budget_names or []),
                          [int(i) for i in (start or [])], bool(explain))
    return _result(d, list(ids) if ids else None)


def frontier(
    values: Any,
    costs: Any,
    budgets: Any,
    factors: list[float],
    *,
    requires: list[tuple[int, int]] = (),
    excludes: list[list[int]] = (),
    forced_in: list[int] = (),
    forced_out: list[int] = (),
    time_limit: float = 60.0,
    node_limit: int | None = None,
) -> pd.DataFrame:
    """The efficient frontier of a problem over arrays (the arguments of :func:`select`):
    the optimum with every budget scaled by each factor, each level exact and started from
    the previous level's selection. Columns as :meth:`Portfolio.frontier`, plus ``seconds``;
    ``selected`` holds indices. Limits apply per level."""
    columns = _core.select_frontier_core(*_arrays(values, costs, budgets, requires, excludes, forced_in, forced_out),
                                         [float(f) for f in factors], float(time_limit),
                                         _NO_LIMIT if node_limit is None else int(node_limit))
    return _frontier_frame(columns)


def _frontier_frame(columns: dict) -> pd.DataFrame:
    """The frontier's columns from the compiled module as a frame indexed by ``factor``."""
    factor = columns.pop("factor")
    return pd.DataFrame(columns, index=pd.Index(factor, name="factor"))


class Reoptimizer:
    """A selection problem kept between solves, for what-if questions: change one thing and
    solve again. Each solve starts from the previous selection, repaired to fit the change,
    and reuses what the previous search learned; the answer is the same as a solve from
    scratch, only faster.

    Build it over arrays (the arguments of :func:`select`) or from a model with
    :meth:`Portfolio.reoptimizer`. Initiatives are named by id (when ids are known) or by
    index; budgets by name or index::

        r = portfolio.reoptimizer(ag.Objective.npv)
        base = r.solve()
        r.force_out("I-13")
        without = r.solve()          # what dropping I-13 costs: base.value - without.value
        r.release("I-13"); r.set_budget("IT-capex 2027Q3", 2.5e6)
    """

    def __init__(
        self,
        values: Any,
        costs: Any,
        budgets: Any,
        *,
        requires: list[tuple[int, int]] = (),
        excludes: list[list[int]] = (),
        forced_in: list[int] = (),
        forced_out: list[int] = (),
        time_limit: float = 60.0,
        node_limit: int | None = None,
        ids: list[str] | None = None,
        budget_names: list[str] | None = None,
        _core_object: Any = None,
    ) -> None:
        if _core_object is not None:
            self._core = _core_object
        else:
            self._core = _core.ReoptimizerCore(
                *_arrays(values, costs, budgets, requires, excludes, forced_in, forced_out), float(time_limit),
                _NO_LIMIT if node_limit is None else int(node_limit), list(ids or []), list(budget_names or []))
        self._time_limit = float(time_limit)
        self._node_limit = node_limit
        ids_now = self._core.ids
        self._ids = list(ids_now) if ids_now else None
        self._item = {name: k for k, name in enumerate(ids_now)}
        self._budget = {name: k for k, name in enumerate(self._core.budget_names)}

    def _index(self, item: Any) -> int:
        if isinstance(item, str):
            if item not in self._item:
                raise KeyError(f"unknown initiative '{item}'")
            return self._item[item]
        return int(item)

    def _budget_index(self, budget: Any) -> int:
        if isinstance(budget, str):
            if budget not in self._budget:
                raise KeyError(f"unknown budget '{budget}'")
            return self._budget[budget]
        return int(budget)

    def force_in(self, item: Any) -> None:
        """Select ``item`` (id or index) from now on."""
        self._core.force_in(self._index(item))

    def force_out(self, item: Any) -> None:
        """Leave ``item`` out from now on."""
        self._core.force_out(self._index(item))

    def release(self, item: Any) -> None:
        """Neither force ``item`` in nor out."""
        self._core.release(self._index(item))

    def set_budget(self, budget: Any, limit: float) -> None:
        """Change one budget constraint's limit (by name or index)."""
        self._core.set_budget(self._budget_index(budget), float(limit))

    def set_value(self, item: Any, value: float) -> None:
        """Change what ``item`` is worth."""
        self._core.set_value(self._index(item), float(value))

    def solve(self, *, time_limit: float | None = None, node_limit: int | None = None) -> SelectionResult:
        """Solve the problem as it now stands (limits default to those given at creation)."""
        tl = self._time_limit if time_limit is None else float(time_limit)
        nl = self._node_limit if node_limit is None else node_limit
        self._core.set_limits(tl, _NO_LIMIT if nl is None else int(nl))
        return _result(self._core.solve(), self._ids)

    @property
    def budgets(self) -> pd.Series:
        """The current budget limits."""
        names = self._core.budget_names or [f"budget {k}" for k in range(len(self._core.budgets))]
        return pd.Series(self._core.budgets, index=pd.Index(names, name="budget"), name="limit")
