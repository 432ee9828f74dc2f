"""Portfolio selection from Python: the optimal set of initiatives under budgets (see docs/selection.md)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from . import _core

__all__ = ["SelectionResult", "select"]

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
) -> SelectionResult:
    """Maximise ``values @ x`` over x in {0, 1}^n subject to ``costs.T @ x <= budgets``
    (``costs`` is n x m), ``x[d] <= x[p]`` for each ``(d, p)`` in ``requires``, at most one
    of each ``excludes`` group, ``forced_in`` = 1 and ``forced_out`` = 0. Exact branch and
    bound; on a limit the best selection found is returned with ``proven=False``.
    Raises InfeasibleError when the forced items alone break a budget."""
    v = np.asarray(values, dtype=float)
    c = np.asarray(costs, dtype=float)
    if c.ndim == 1:
        c = c.reshape(-1, 1)
    b = np.atleast_1d(np.asarray(budgets, dtype=float))
    d = _core.select_core(v, c, b, [tuple(map(int, r)) for r in requires], [list(map(int, g)) for g in excludes],
                          [int(i) for i in forced_in], [int(i) for i in forced_out], float(time_limit),
                          _NO_LIMIT if node_limit is None else int(node_limit), list(ids or []), list(budget_names or []))
    return _result(d, list(ids) if ids else None)
