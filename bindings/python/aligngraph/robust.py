"""Robust selection from Python: which initiatives belong in the portfolio whatever happens
(``Portfolio.selection_frequency``) and the best portfolio that rarely breaks a budget
(``Portfolio.chance_constrained``), and the portfolios worth choosing whatever the weights
(``Portfolio.rpm``, ``rpm``); see docs/risk.md, "Robust selection"."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from . import _core

__all__ = ["ChanceConstrained", "RpmResult", "SelectionFrequency", "join_selection_frequency", "rpm"]


class SelectionFrequency:
    """How often each initiative is in the optimal portfolio over sampled scenarios.

    ``frequency``: a Series by initiative id (share of the scenarios whose optimum holds it);
    ``frame()``: frequency, mean_npv, planned_npv, in_planned (the optimum as planned),
    in_expected (the portfolio best in expectation); ``selected``: a boolean frame of
    scenarios x initiatives; ``optimum``: each scenario's optimal NPV; ``expected_selection``
    and ``planned_selection`` (ids); ``expected_value``; ``scenarios``, ``proven`` (how many
    optima were proven), ``seconds``; ``text()`` and ``to_json()`` (what ``aligngraph robust``
    prints). ``core``: the compiled result."""

    #: Scenarios come in blocks of this many (by absolute index); each block starts its solves
    #: afresh and keeps its own sums, so chunks that end on block boundaries join exactly.
    BLOCK_SIZE = _core.SelectionFrequencyCore.block_size

    def __init__(self, core: Any) -> None:
        self.core = core

    first = property(lambda self: self.core.first, doc="The first scenario's index (the Monte Carlo's sample index).")
    scenarios = property(lambda self: self.core.scenarios)
    proven = property(lambda self: self.core.proven, doc="How many scenarios' optima were proven.")
    seconds = property(lambda self: self.core.seconds)
    stop_reason = property(lambda self: self.core.stop_reason)
    expected_value = property(lambda self: self.core.expected_value, doc="The expected NPV of the portfolio best in expectation.")

    def _index(self) -> pd.Index:
        return pd.Index(list(self.core.ids), name="initiative")

    @property
    def frequency(self) -> pd.Series:
        return pd.Series(np.asarray(self.core.frequency), index=self._index(), name="frequency")

    @property
    def expected_selection(self) -> list[str]:
        ids = self.core.ids
        return [ids[i] for i in self.core.expected_selection]

    @property
    def planned_selection(self) -> list[str]:
        ids = self.core.ids
        return [ids[i] for i in self.core.planned_selection]

    @property
    def selected(self) -> pd.DataFrame:
        c = self.core
        return pd.DataFrame(np.asarray(c.selected, dtype=bool), columns=self._index(),
                            index=pd.RangeIndex(c.first, c.first + c.scenarios, name="scenario"))

    @property
    def optimum(self) -> np.ndarray:
        return np.asarray(self.core.optimum)

    def frame(self) -> pd.DataFrame:
        """One row per initiative, most often selected first."""
        c = self.core
        planned, expected = set(c.planned_selection), set(c.expected_selection)
        out = pd.DataFrame({"frequency": np.asarray(c.frequency), "mean_npv": np.asarray(c.mean_npv),
                            "planned_npv": np.asarray(c.planned_npv),
                            "in_planned": [i in planned for i in range(len(c.ids))],
                            "in_expected": [i in expected for i in range(len(c.ids))]}, index=self._index())
        return out.sort_values("frequency", ascending=False, kind="stable")

    def text(self, width: int = 100) -> str:
        return _core.selection_frequency_text(self.core, width)

    def to_json(self) -> str:
        return _core.selection_frequency_json(self.core)

    def _repr_html_(self) -> str:
        """A compact table and a small inline SVG chart, for notebooks."""
        return _core.selection_frequency_html(self.core)

    def __repr__(self) -> str:
        f = np.asarray(self.core.frequency)
        return (f"<aligngraph.SelectionFrequency: {self.scenarios} scenarios, {int((f >= 1).sum())} always in, "
                f"{int(((f > 0) & (f < 1)).sum())} sometimes, {int((f <= 0).sum())} never>")


def join_selection_frequency(portfolio: Any, parts: list[SelectionFrequency], *, time_limit: float = 60.0,
                             solve_time_limit: float = 10.0) -> SelectionFrequency:
    """Runs of consecutive chunks of scenarios (``portfolio.selection_frequency(..., first=k)``,
    in order, each starting where the one before ended, every one but the last ending at a
    multiple of ``SelectionFrequency.BLOCK_SIZE`` scenarios) joined into the run of them all,
    to the bit; the portfolio best in expectation is solved again over the joined sums
    (``time_limit``, ``solve_time_limit``). A gap, an overlap, another seed, scenario or model
    raises ``ValidationError`` naming the part."""
    cores = [x.core if isinstance(x, SelectionFrequency) else x for x in parts]
    return SelectionFrequency(_core.join_selection_frequency_core(portfolio, cores, float(time_limit), float(solve_time_limit)))


class ChanceConstrained:
    """The portfolio of the highest expected NPV whose spend is over each budget in each period
    (``joint``: over any) in at most ``alpha`` of the sampled scenarios, exact in the sample.

    ``selected`` and ``planned_selection`` (ids: the answer, and the optimum as planned);
    ``expected_value`` (its mean NPV over the scenarios), ``bound``, ``gap``, ``proven``;
    ``fresh_value`` (its mean NPV on the fresh samples after the scenarios);
    ``frame()``: one row per budget and period with its limit and the share of the scenarios
    and of the fresh samples over it (with the 95% interval), for this portfolio and the plan;
    ``fresh_any_over`` / ``planned_fresh_any_over``: the share over some budget; ``text()`` and
    ``to_json()`` (what ``aligngraph robust --chance`` prints). ``core``: the compiled result."""

    def __init__(self, core: Any) -> None:
        self.core = core

    alpha = property(lambda self: self.core.alpha)
    joint = property(lambda self: self.core.joint)
    scenarios = property(lambda self: self.core.scenarios)
    fresh = property(lambda self: self.core.fresh, doc="How many fresh samples the answer was checked on.")
    allowed = property(lambda self: self.core.allowed, doc="Scenarios that may break a budget row: floor(alpha x scenarios).")
    expected_value = property(lambda self: self.core.expected_value, doc="The portfolio's mean NPV over the scenarios.")
    bound = property(lambda self: self.core.bound)
    gap = property(lambda self: self.core.gap)
    proven = property(lambda self: self.core.proven)
    stop_reason = property(lambda self: self.core.stop_reason)
    solves = property(lambda self: self.core.solves)
    cuts = property(lambda self: self.core.cuts)
    seconds = property(lambda self: self.core.seconds)
    fresh_value = property(lambda self: self.core.fresh_value, doc="The portfolio's mean NPV on the fresh samples (NaN without).")
    fresh_any_over = property(lambda self: self.core.fresh_any_over)
    sample_any_over = property(lambda self: self.core.sample_any_over)
    planned_expected_value = property(lambda self: self.core.planned_expected_value)
    planned_fresh_value = property(lambda self: self.core.planned_fresh_value)
    planned_fresh_any_over = property(lambda self: self.core.planned_fresh_any_over)
    planned_sample_any_over = property(lambda self: self.core.planned_sample_any_over)

    @property
    def selected(self) -> list[str]:
        ids = self.core.ids
        return [ids[i] for i in self.core.selected]

    @property
    def planned_selection(self) -> list[str]:
        ids = self.core.ids
        return [ids[i] for i in self.core.planned_selection]

    def frame(self) -> pd.DataFrame:
        """One row per budget and period (indexed by budget and period label): ``limit``,
        ``sample_over`` and, with fresh samples, ``fresh_over``, ``fresh_low``, ``fresh_high``
        (its 95% Wilson interval); ``planned_sample_over`` and ``planned_fresh_over`` (the
        optimum as planned)."""
        c = self.core
        pools, periods = list(c.pools), list(c.periods)
        if pools and periods and len(pools) * len(periods) == len(c.budget_names):
            index = pd.MultiIndex.from_product([pools, periods], names=["budget", "period"])
        else:
            index = pd.Index(list(c.budget_names), name="budget")
        columns: dict[str, Any] = {"limit": np.asarray(c.limits), "sample_over": np.asarray(c.sample_over),
                                   "planned_sample_over": np.asarray(c.planned_sample_over)}
        if c.fresh > 0:
            columns.update({"fresh_over": np.asarray(c.fresh_over), "fresh_low": np.asarray(c.fresh_over_low),
                            "fresh_high": np.asarray(c.fresh_over_high), "planned_fresh_over": np.asarray(c.planned_fresh_over)})
        return pd.DataFrame(columns, index=index)

    def text(self, width: int = 100) -> str:
        return _core.chance_text(self.core, width)

    def to_json(self) -> str:
        return _core.chance_json(self.core)

    def _repr_html_(self) -> str:
        """A compact table and a small inline SVG chart, for notebooks."""
        return _core.chance_html(self.core)

    def __repr__(self) -> str:
        c = self.core
        over = f", {100 * c.fresh_any_over:.1f}% of fresh samples over some budget" if c.fresh > 0 else ""
        return (f"<aligngraph.ChanceConstrained: alpha {c.alpha:g}{' joint' if c.joint else ''}, {len(c.selected)} initiatives, "
                f"expected NPV {c.expected_value:,.0f}{'' if c.proven else ' (unproven)'}{over}>")


def _threads(threads: int | None) -> int:
    """``threads`` for the core: None is 0 (every core); a negative count is refused there."""
    return 0 if threads is None else int(threads)


class RpmResult:
    """Robust Portfolio Modeling: the non-dominated portfolios under incomplete weight
    information and interval scores, and each initiative's core index (docs/risk.md).

    ``portfolios``: a frame of portfolios x initiatives (True = in), by descending best value;
    ``core_index``: Series by id, the share of the non-dominated portfolios holding it;
    ``classes``: Series by id, ``"core"`` (in all), ``"borderline"`` or ``"exterior"`` (in none);
    ``core``, ``borderline``, ``exterior``: the ids of each; ``extreme_weights``: a frame of the
    weight set's extreme points x criteria; ``value_low`` and ``value_high``: each portfolio's
    least and greatest value over every admissible weight and score; ``frame()``: one row per
    initiative; ``score_low`` and ``score_high`` (from a model: the normalised scores used).
    ``result``: the compiled result."""

    def __init__(self, core: Any, score_low: Any = None, score_high: Any = None) -> None:
        self.result = core
        ids = list(core.ids)
        self._ids = ids
        if score_low is not None:
            self.score_low = pd.DataFrame(np.asarray(score_low), index=pd.Index(ids, name="initiative"), columns=list(core.criteria))
            self.score_high = pd.DataFrame(np.asarray(score_high), index=pd.Index(ids, name="initiative"), columns=list(core.criteria))

    ids = property(lambda self: list(self._ids))
    criteria = property(lambda self: list(self.result.criteria))
    states = property(lambda self: self.result.states, doc="Nodes of the search (on several threads: not the same every run).")
    threads = property(lambda self: self.result.threads, doc="Threads the search ran on.")
    peak_states = property(lambda self: self.result.peak_states, doc="Most non-dominated portfolios kept at once (met so far).")
    seconds = property(lambda self: self.result.seconds)
    value_low = property(lambda self: np.asarray(self.result.value_low))
    value_high = property(lambda self: np.asarray(self.result.value_high))

    def __len__(self) -> int:
        return int(self.result.portfolios.shape[0])

    @property
    def portfolios(self) -> pd.DataFrame:
        return pd.DataFrame(np.asarray(self.result.portfolios).astype(bool), columns=pd.Index(self._ids, name="initiative"))

    def portfolio(self, k: int) -> list[str]:
        """The ids in non-dominated portfolio ``k``."""
        row = np.asarray(self.result.portfolios)[k]
        return [i for i, x in zip(self._ids, row) if x]

    @property
    def core_index(self) -> pd.Series:
        return pd.Series(np.asarray(self.result.core_index), index=pd.Index(self._ids, name="initiative"), name="core_index")

    @property
    def classes(self) -> pd.Series:
        return pd.Series([c.name for c in self.result.classes], index=pd.Index(self._ids, name="initiative"), name="class")

    def _of(self, name: str) -> list[str]:
        return [i for i, c in zip(self._ids, self.result.classes) if c.name == name]

    core = property(lambda self: self._of("core"), doc="Ids in every non-dominated portfolio.")
    borderline = property(lambda self: self._of("borderline"), doc="Ids in some but not all.")
    exterior = property(lambda self: self._of("exterior"), doc="Ids in none.")

    @property
    def extreme_weights(self) -> pd.DataFrame:
        return pd.DataFrame(np.asarray(self.result.extreme_weights), columns=self.criteria)

    def frame(self) -> pd.DataFrame:
        """One row per initiative: ``core_index`` and ``class``, by descending core index."""
        f = pd.DataFrame({"core_index": self.core_index, "class": self.classes})
        return f.sort_values("core_index", ascending=False, kind="stable")

    def text(self, width: int = 100, portfolios: int = 10) -> str:
        """What ``aligngraph robust --rpm`` prints: the weight set, core, exterior and borderline
        initiatives, the first ``portfolios`` portfolios."""
        return _core.rpm_text(self.result, width, portfolios)

    def to_json(self) -> str:
        return _core.rpm_json(self.result)

    def _repr_html_(self) -> str:
        """A compact table and a small inline SVG chart, for notebooks."""
        return _core.rpm_html(self.core)

    def __repr__(self) -> str:
        return (f"<aligngraph.RpmResult: {len(self)} non-dominated portfolios, {len(self.core)} core, "
                f"{len(self.borderline)} borderline, {len(self.exterior)} exterior initiatives>")


def _weight_arguments(C: int, weight_rows: Any, weight_bounds: Any) -> tuple:
    """The weight rows (k x C) and bounds (k) as the compiled module takes them; none: 0 rows."""
    rows = np.zeros((0, C)) if weight_rows is None else np.atleast_2d(np.asarray(weight_rows, dtype=float))
    bounds = np.zeros(0) if weight_bounds is None else np.atleast_1d(np.asarray(weight_bounds, dtype=float))
    return rows, bounds


def _matrix(a: Any) -> np.ndarray:
    m = np.asarray(a, dtype=float)
    return m.reshape(-1, 1) if m.ndim == 1 else m


def rpm(score_low: Any, score_high: Any, costs: Any, budgets: Any, *, requires: Any = (), excludes: Any = (),
        forced_in: Any = (), forced_out: Any = (), rank_order: Any = None, weight_rows: Any = None, weight_bounds: Any = None,
        ids: list[str] | None = None, criteria: list[str] | None = None, budget_names: list[str] | None = None,
        time_limit: float = 60.0, state_limit: int = 5_000_000, threads: int | None = None, progress: Any = None) -> RpmResult:
    """Robust Portfolio Modeling over arrays: ``score_low`` and ``score_high`` (n x C) bound
    each initiative's score on each criterion; ``costs`` (n x m) and ``budgets`` (m) the
    budget rows; ``requires`` (dependant, prerequisite) pairs, ``excludes`` groups,
    ``forced_in``/``forced_out`` indices. The weights are w >= 0 with sum 1, and
    ``rank_order`` (criterion indices, most important first: w[a] >= w[b] >= ...) and
    ``weight_rows @ w >= weight_bounds``. Exact; raises NoSolutionError when ``time_limit``
    or ``state_limit`` (non-dominated portfolios kept at once) is reached first. ``threads``
    of the search (None: every core): the answer does not depend on it, the node count
    (``states``) does. ``progress``: True for a tqdm bar (the ``[progress]`` extra), or a
    callable taking an :class:`aligngraph.Progress` (nodes searched)."""
    from ._progress import reporting

    low, high = _matrix(score_low), _matrix(score_high)
    rows, bounds = _weight_arguments(low.shape[1], weight_rows, weight_bounds)
    with reporting(progress):
        core = _core.rpm_core(low, high, _matrix(costs), np.atleast_1d(np.asarray(budgets, dtype=float)),
                              [tuple(map(int, r)) for r in requires], [list(map(int, g)) for g in excludes],
                              [int(i) for i in forced_in], [int(i) for i in forced_out], [int(i) for i in (rank_order or [])],
                              rows, bounds, list(ids or []), list(criteria or []), list(budget_names or []), float(time_limit),
                              int(state_limit), _threads(threads))
    return RpmResult(core)
