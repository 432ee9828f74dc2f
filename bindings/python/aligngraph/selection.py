"""Portfolio selection from Python: the optimal set of initiatives under budgets (see docs/selection.md)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from . import _core

__all__ = ["Reoptimizer", "ScenarioComparison", "SelectionResult", "frontier", "select_portfolio"]

_NO_LIMIT = 2**62


class SelectionResult:
    """The best selection found and how good it is proven to be, with what its numbers are.

    ``selected``: the chosen items (ids when known, else indices); ``value``; ``upper_bound``
    (no selection is worth more); ``gap``; ``proven`` (the search finished: value is the
    optimum); ``stop_reason`` (a :class:`StopReason`: why it stopped before its proof,
    ``none`` when proven); ``explained`` (``left_out`` and ``displaced`` are complete: a
    time limit or a stop may leave displacements unexplained); ``nodes``; ``seconds`` (the
    whole call, the explanation included); ``objective`` (an :class:`Objective`, None over plain
    arrays), ``scenario``, ``currency``; ``total_budget`` and ``total_use`` (the model's
    total budget over the horizon and what the selection uses of it; NaN when pools overlap
    and none is the total).

    ``budgets``: a DataFrame of limit, use and slack per budget row (with ``pool`` and
    ``period`` columns when the rows come from a model); ``pool_totals``: limit, use and
    slack of each pool over the horizon (one row per budget row over plain arrays).

    ``left_out``: a DataFrame, one row per initiative not selected, with ``reason``
    (a :class:`LeftOutReason` name: forced_out, prerequisite, excluded, budget, no_value,
    unproven), ``detail`` (one sentence), ``budget`` and ``overrun`` (the budget that binds
    most and by how much, for "budget"), ``needs`` (unselected prerequisites that would come
    with it), ``blocked_by`` (selected alternatives, or forced-out prerequisites) and ``value``.

    ``displaced``: a DataFrame, one row per selected initiative: ``value`` (with the
    dependants that would go with it, listed in ``with``), ``displaces`` (the left-out
    initiatives its funding would buy instead), ``displaced_value``, ``margin`` (what it
    earns over that next best use; NaN when ``locked``, i.e. forced in), ``detail`` and
    ``explained`` (False where the call's limit left no time to work it out).

    ``core``: the compiled result itself (``aligngraph._core.SelectionResultCore``)."""

    def __init__(self, core: Any) -> None:
        self.core = core
        ids = list(core.ids)
        self._name = (lambda i: ids[i]) if ids else (lambda i: i)

    def __reduce__(self) -> tuple:
        return (type(self), (self.core,))  # the compiled result pickles every field

    selected = property(lambda self: [self._name(i) for i in self.core.selected])
    value = property(lambda self: self.core.value)
    upper_bound = property(lambda self: self.core.upper_bound)
    gap = property(lambda self: self.core.gap)
    proven = property(lambda self: self.core.proven)
    stop_reason = property(lambda self: self.core.stop_reason)
    explained = property(lambda self: self.core.explained)
    nodes = property(lambda self: self.core.nodes)
    seconds = property(lambda self: self.core.seconds)
    objective = property(lambda self: self.core.objective)
    scenario = property(lambda self: self.core.scenario or None)
    currency = property(lambda self: self.core.currency)
    total_budget = property(lambda self: self.core.total_budget)
    total_use = property(lambda self: self.core.total_use)

    @property
    def pool_totals(self) -> pd.DataFrame:
        c = self.core
        names = list(c.pools) if len(c.pools) else [self._budget_name(k) for k in range(len(c.budgets))]
        limit = np.array([c.pool_budget(q) for q in range(len(names))], dtype=float)
        use = np.array([c.pool_use(q) for q in range(len(names))], dtype=float)
        return pd.DataFrame({"limit": limit, "use": use, "slack": limit - use}, index=pd.Index(names, name="pool"))

    def _budget_name(self, k: int) -> str:
        names = self.core.budget_names
        return names[k] if k < len(names) else f"budget {k}"

    @property
    def budgets(self) -> pd.DataFrame:
        c = self.core
        names = [self._budget_name(k) for k in range(len(c.budgets))]
        frame = pd.DataFrame({"limit": c.budgets, "use": c.budget_use, "slack": c.slack},
                             index=pd.Index(names, name="budget"))
        if c.pools:
            per_pool = max(len(c.periods), 1)
            frame.insert(0, "pool", [c.pools[k // per_pool] for k in range(len(names))])
            if c.periods:
                frame.insert(1, "period", [c.periods[k % per_pool] for k in range(len(names))])
        return frame

    @property
    def left_out(self) -> pd.DataFrame:
        name = self._name
        rows = []
        for x in self.core.left_out:
            budget, overrun = (self._budget_name(x.overruns[0][0]), x.overruns[0][1]) if x.overruns else (None, math.nan)
            rows.append((name(x.initiative), x.reason.name, x.text, budget, overrun, [name(i) for i in x.needs],
                         [name(i) for i in x.blocked_by], x.value))
        return pd.DataFrame(rows, columns=["initiative", "reason", "detail", "budget", "overrun", "needs", "blocked_by",
                                           "value"]).set_index("initiative")

    @property
    def displaced(self) -> pd.DataFrame:
        name = self._name
        rows = [(name(d.initiative), d.locked, [name(i) for i in d.with_], d.value, [name(i) for i in d.displaces],
                 d.displaced_value, d.margin, d.text, d.explained) for d in self.core.displaced]
        return pd.DataFrame(rows, columns=["initiative", "locked", "with", "value", "displaces", "displaced_value",
                                           "margin", "detail", "explained"]).set_index("initiative")

    def text(self, width: int = 100, *, displaced: bool = True) -> str:
        """The result as aligned text (what ``aligngraph optimize`` prints)."""
        return _core.selection_text(self.core, width, displaced)

    def to_json(self) -> str:
        """The result as JSON (what ``aligngraph optimize --format json`` prints)."""
        return _core.selection_json(self.core)

    def _repr_html_(self) -> str:
        """A compact table and a small inline SVG chart, for notebooks."""
        return _core.selection_html(self.core)

    def __repr__(self) -> str:
        proof = "proven" if self.proven else f"not proven ({self.stop_reason.name}), gap {100 * self.gap:.2f}%"
        return f"<aligngraph.SelectionResult: {len(self.core.selected)} selected, value {self.value:.6g}, {proof}>"


def _arrays(values: Any, costs: Any, budgets: Any, requires: Any, requires_any: Any, excludes: Any, forced_in: Any,
            forced_out: Any) -> tuple:
    """The problem's arguments as the compiled module takes them: float arrays (costs n x m),
    pairs, groups and indices as ints."""
    c = np.asarray(costs, dtype=float)
    if c.ndim == 1:
        c = c.reshape(-1, 1)
    return (np.asarray(values, dtype=float), c, np.atleast_1d(np.asarray(budgets, dtype=float)),
            [tuple(map(int, r)) for r in requires], [(int(d), [int(q) for q in group]) for d, group in requires_any],
            [list(map(int, g)) for g in excludes],
            [int(i) for i in forced_in], [int(i) for i in forced_out])


def select_portfolio(
    values: Any,
    costs: Any,
    budgets: Any,
    *,
    requires: list[tuple[int, int]] = (),
    requires_any: list[tuple[int, list[int]]] = (),
    excludes: list[list[int]] = (),
    forced_in: list[int] = (),
    forced_out: list[int] = (),
    time_limit: float = 60.0,
    node_limit: int | None = None,
    ids: list[str] | None = None,
    budget_names: list[str] | None = None,
    start: list[int] | None = None,
    explain: bool = True,
    gomory_rounds: int = 0,
    node_cut_rounds: int = 0,
    group_covers: bool = False,
    mir_cuts: bool = False,
    plunge: bool = True,
) -> SelectionResult:
    """Maximise ``values @ x`` over x in {0, 1}^n subject to ``costs.T @ x <= budgets``
    (``costs`` is n x m), ``x[d] <= x[p]`` for each ``(d, p)`` in ``requires``, ``x[d] <= sum
    of x[q]`` for each ``(d, [q, ...])`` in ``requires_any`` (one of the group suffices), at most one
    of each ``excludes`` group, ``forced_in`` = 1 and ``forced_out`` = 0. Exact branch and
    bound; on a limit the best selection found is returned with ``proven=False`` and its
    ``stop_reason``. ``time_limit`` covers the whole call, the explanation included. Ctrl-C
    (SIGINT) stops the search within a fraction of a second and raises KeyboardInterrupt.
    ``start``: a known selection (indices) to start from when it is feasible.
    ``explain=False`` skips the ``left_out`` and ``displaced`` frames (empty), which cost
    about selected x n x budgets operations.
    ``gomory_rounds``: rounds of Gomory mixed-integer cuts at the root (0: none); they help
    models with many one-of groups (time-indexed schedules) and slow plain knapsacks.
    ``node_cut_rounds``: rounds of cover cuts at each node a dive starts from (0: none).
    ``group_covers``: cover cuts that also count each ``excludes`` group in a budget as one
    item. ``mir_cuts``: mixed-integer rounding (c-MIR) cuts of the budget rows at the root,
    stronger than covers where the LP fills a row with many fractional items. ``plunge`` (on
    by default): when a dive ends, go on from the other child of its last branching (its LP
    a few pivots away) before the open list's best bound. Roadmaps and plans use 3 Gomory
    rounds, 3 node rounds and group covers; plans also MIR cuts, and do not plunge.
    Raises InfeasibleError when the forced items alone break a budget."""
    core = _core.select_core(*_arrays(values, costs, budgets, requires, requires_any, excludes, forced_in,
                                      forced_out),
                             float(time_limit), _NO_LIMIT if node_limit is None else int(node_limit), list(ids or []),
                             list(budget_names or []), [int(i) for i in (start or [])], bool(explain),
                             int(gomory_rounds), int(node_cut_rounds), bool(group_covers), bool(mir_cuts),
                             bool(plunge))
    return SelectionResult(core)


def frontier(
    values: Any,
    costs: Any,
    budgets: Any,
    factors: list[float],
    *,
    requires: list[tuple[int, int]] = (),
    requires_any: list[tuple[int, list[int]]] = (),
    excludes: list[list[int]] = (),
    forced_in: list[int] = (),
    forced_out: list[int] = (),
    time_limit: float = 60.0,
    node_limit: int | None = None,
) -> pd.DataFrame:
    """The efficient frontier of a problem over arrays (the arguments of :func:`select_portfolio`):
    the optimum with every budget scaled by each factor, each level exact and started from
    the previous level's selection. Columns as :meth:`Portfolio.frontier`, plus ``seconds``;
    ``selected`` holds indices. Limits apply per level."""
    columns = _core.select_frontier_core(
        *_arrays(values, costs, budgets, requires, requires_any, excludes, forced_in, forced_out),
        [float(f) for f in factors], float(time_limit), _NO_LIMIT if node_limit is None else int(node_limit))
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

    Build it over arrays (the arguments of :func:`select_portfolio`) or from a model with
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
        requires_any: list[tuple[int, list[int]]] = (),
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
                *_arrays(values, costs, budgets, requires, requires_any, excludes, forced_in, forced_out), float(time_limit),
                _NO_LIMIT if node_limit is None else int(node_limit), list(ids or []), list(budget_names or []))
        self._time_limit = float(time_limit)
        self._node_limit = node_limit
        ids_now = self._core.ids
        self._item = {name: k for k, name in enumerate(ids_now)}
        self._budget = {name: k for k, name in enumerate(self._core.budget_names)}

    def __repr__(self) -> str:
        return f"<aligngraph.Reoptimizer over {len(self._core.ids)} initiatives and {len(self._core.budget_names)} budget rows>"

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
        return SelectionResult(self._core.solve())

    @property
    def budgets(self) -> pd.Series:
        """The current budget limits."""
        names = self._core.budget_names or [f"budget {k}" for k in range(len(self._core.budgets))]
        return pd.Series(self._core.budgets, index=pd.Index(names, name="budget"), name="limit")


class ScenarioComparison:
    """Two scenarios side by side (:meth:`Portfolio.compare`).

    ``a`` and ``b``: each scenario's optimal portfolio (a :class:`SelectionResult`);
    ``scenario_a``/``scenario_b`` (None: the model as it is); ``value_difference`` (b - a);
    ``both``, ``only_a``, ``only_b`` (ids funded in both, in a only, in b only);
    ``kendall_tau`` between the two rankings; ``frame()``: one row per initiative with
    ``name``, ``in_a``, ``in_b``, ``score_a``, ``score_b``, ``rank_a``, ``rank_b`` and
    ``change`` (rank b - rank a: negative moves up); ``text()`` and ``to_json()`` (what
    ``aligngraph compare`` prints). ``core``: the compiled result."""

    def __init__(self, core: Any) -> None:
        self.core = core

    scenario_a = property(lambda self: self.core.scenario_a or None)
    scenario_b = property(lambda self: self.core.scenario_b or None)
    a = property(lambda self: SelectionResult(self.core.a))
    b = property(lambda self: SelectionResult(self.core.b))
    value_difference = property(lambda self: self.core.value_difference)
    kendall_tau = property(lambda self: self.core.kendall_tau)
    both = property(lambda self: [self.core.ids[i] for i in self.core.both])
    only_a = property(lambda self: [self.core.ids[i] for i in self.core.only_a])
    only_b = property(lambda self: [self.core.ids[i] for i in self.core.only_b])

    def frame(self) -> pd.DataFrame:
        c = self.core
        in_a, in_b = set(c.a.selected), set(c.b.selected)
        n = len(c.ids)
        return pd.DataFrame({"name": list(c.names), "in_a": [i in in_a for i in range(n)], "in_b": [i in in_b for i in range(n)],
                             "score_a": np.asarray(c.score_a), "score_b": np.asarray(c.score_b),
                             "rank_a": np.asarray(c.rank_a), "rank_b": np.asarray(c.rank_b), "change": np.asarray(c.change)},
                            index=pd.Index(list(c.ids), name="initiative"))

    def text(self, width: int = 100, rows: int = 15) -> str:
        return _core.compare_text(self.core, width, rows)

    def to_json(self) -> str:
        return _core.compare_json(self.core)

    def _repr_html_(self) -> str:
        """A compact table and a small inline SVG chart, for notebooks."""
        return _core.compare_html(self.core)

    def __repr__(self) -> str:
        label = lambda s: s or "as it is"  # noqa: E731
        return (f"<aligngraph.ScenarioComparison {label(self.core.scenario_a)} vs {label(self.core.scenario_b)}: "
                f"value {self.core.a.value:.6g} vs {self.core.b.value:.6g}, {len(self.core.only_a)} only in a, "
                f"{len(self.core.only_b)} only in b, Kendall's tau {self.core.kendall_tau:.3f}>")
