"""Scheduling from Python: when each job starts under resources with a capacity per period (see docs/schedule.md)."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd

from . import _core

__all__ = ["ScheduleResult", "read_psplib", "schedule"]

_NO_LIMIT = 2**62


class ScheduleResult:
    """The best schedule found, how good it is proven to be, and what it uses.

    ``starts`` and ``finishes``: integer arrays (a pandas Series by initiative id for a
    model's roadmap), a finish being the first period after the job; ``value`` (the
    makespan, the cost of delay, or the NPV, by ``objective``); ``bound`` (no schedule is
    better: a lower bound for makespan and delay, an upper bound for NPV); ``gap``;
    ``proven`` (the search finished: value is the optimum); ``stop_reason`` (a
    :class:`StopReason`); ``makespan``; ``nodes``; ``seconds``.

    ``frame()``: one row per job: start and finish (as labels when the periods have them),
    slack (how many periods the start can move later, the others fixed, keeping the schedule
    feasible and the makespan), critical (on the critical chain), reason and detail.
    ``load()``: a DataFrame of each resource's use and capacity per period;
    ``critical_chain``: the jobs of the critical chain, first to last, back from the job that
    finishes last: each starts when the one before releases it (a prerequisite, or a job
    whose last period keeps a full resource from it), and none has slack.

    ``core``: the compiled result itself (``aligngraph._core.ScheduleResultCore``)."""

    def __init__(self, core: Any, *, by_id: bool = False) -> None:
        self.core = core
        self._by_id = by_id
        ids = list(core.ids)
        self._name = (lambda j: ids[j]) if ids else (lambda j: j)

    value = property(lambda self: self.core.value)
    bound = property(lambda self: self.core.bound)
    gap = property(lambda self: self.core.gap)
    proven = property(lambda self: self.core.proven)
    stop_reason = property(lambda self: self.core.stop_reason)
    objective = property(lambda self: self.core.objective)
    makespan = property(lambda self: self.core.makespan)
    nodes = property(lambda self: self.core.nodes)
    seconds = property(lambda self: self.core.seconds)
    explained = property(lambda self: self.core.explained)

    def _series(self, values: Sequence[int], name: str) -> Any:
        array = np.asarray(values, dtype=np.int64)
        if not self._by_id:
            return array
        return pd.Series(array, index=pd.Index(list(self.core.ids), name="initiative"), name=name)

    @property
    def starts(self) -> Any:
        """Each job's start period (an int array; a Series by id for a model's roadmap)."""
        return self._series(self.core.starts, "start")

    @property
    def finishes(self) -> Any:
        """Each job's finish: the first period after it."""
        return self._series(self.core.finishes, "finish")

    @property
    def slack(self) -> np.ndarray:
        return np.asarray(self.core.slack, dtype=np.int64)

    @property
    def critical_chain(self) -> list:
        return [self._name(j) for j in self.core.critical_chain]

    @property
    def flows_past_horizon(self) -> np.ndarray:
        """Each job's undiscounted net flow at or past the horizon (valued like the rest)."""
        return np.asarray(self.core.flows_past_horizon)

    def _period(self, t: int) -> Any:
        labels = self.core.periods
        return labels[t] if 0 <= t < len(labels) else t

    def frame(self) -> pd.DataFrame:
        """One row per job: start, finish, duration, slack, critical, reason, detail."""
        c = self.core
        reasons = c.reasons
        rows = []
        for j in range(len(c.starts)):
            why = reasons[j] if c.explained else None
            last = c.finishes[j] - 1 if c.durations[j] > 0 else c.starts[j]
            rows.append((self._name(j), self._period(c.starts[j]), self._period(last), c.durations[j],
                         c.slack[j] if c.explained else None, bool(c.critical[j]) if c.explained else None,
                         why.reason.name if why else None, why.text if why else None))
        return pd.DataFrame(rows, columns=["id", "start", "finish", "duration", "slack", "critical", "reason",
                                           "detail"]).set_index("id")

    def _resources(self, kind: str | None, column: str) -> pd.DataFrame:
        c = self.core
        names = list(c.resources) or [f"resource {r}" for r in range(c.load.shape[0])]
        kinds, ids = list(c.resource_kinds), list(c.resource_ids)
        rows = [(ids[r] if kind else names[r], self._period(t), c.load[r, t], c.capacity[r, t], c.capacity[r, t] - c.load[r, t])
                for r in range(c.load.shape[0]) if kind is None or (r < len(kinds) and kinds[r] == kind)
                for t in range(c.load.shape[1])]
        return pd.DataFrame(rows, columns=[column, "period", "use", "limit" if column == "pool" else "capacity", "free"])

    def load(self) -> pd.DataFrame:
        """Use against capacity per period, long form (one row per resource and period: use,
        capacity, free). For a model's roadmap: the teams (``team``); over arrays: every resource."""
        return self._resources("team", "team") if self._by_id else self._resources(None, "resource")

    def spend(self) -> pd.DataFrame:
        """A model's roadmap: each budget pool's spend per period against its limit (pool, period, use, limit, free)."""
        return self._resources("budget", "pool")

    @property
    def scheduled(self) -> Any:
        """Which jobs are in the schedule (all but a plan's left-out ones)."""
        values = np.asarray(self.core.scheduled, dtype=bool)
        return pd.Series(values, index=pd.Index(list(self.core.ids), name="initiative"), name="scheduled") if self._by_id else values

    def text(self, width: int = 100) -> str:
        """The schedule as aligned text (what ``aligngraph roadmap`` prints)."""
        return _core.schedule_text(self.core, width)

    def to_json(self) -> str:
        """The schedule as JSON (what ``aligngraph roadmap --format json`` prints)."""
        return _core.schedule_json(self.core)

    def _repr_html_(self) -> str:
        """A compact table and a small inline SVG chart, for notebooks."""
        return _core.schedule_html(self.core)

    def __repr__(self) -> str:
        proof = "proven" if self.proven else f"not proven ({self.stop_reason.name}), gap {100 * self.gap:.2f}%"
        return (f"<aligngraph.ScheduleResult: {len(self.core.starts)} jobs, {self.objective.name} {self.value:.6g}, "
                f"makespan {self.makespan}, {proof}>")


def _objective(objective: Any) -> Any:
    """A ScheduleObjective from itself or its name."""
    if isinstance(objective, str):
        try:
            return _core.ScheduleObjective.__members__[objective]
        except KeyError:
            raise _core.ValidationError(f"unknown schedule objective '{objective}'; expected makespan, delay or npv") from None
    return objective


_MAX_PERIODS = _core.MAX_PERIODS  # the longest horizon schedule() takes (detail/constants.hpp)


def _usage(usage: Any, durations: Sequence[int], resources: int, ids: Sequence[str] | None) -> list:
    """(n x R) constant use, or (n x R x L) use by period from the start, as one R x L_j matrix per job."""
    n = len(durations)
    if usage is None:
        return []
    u = np.asarray(usage, dtype=np.float64)
    if u.ndim == 2:
        if u.shape != (n, resources):
            raise _core.ValidationError(f"schedule(): usage has shape {u.shape}, expected ({n}, {resources}): "
                                        "one row per job, one column per resource")
        # Spread over each job's periods; a duration past the longest horizon the solver takes
        # (instance-inl.hpp) is refused here, before it costs memory.
        for j in range(n):
            if int(durations[j]) > _MAX_PERIODS:
                raise _core.ValidationError(f"schedule(): job '{ids[j] if ids else f'#{j}'}' has duration {int(durations[j])}; "
                                            f"at most {_MAX_PERIODS} periods")
        return [np.repeat(u[j][:, None], max(int(durations[j]), 0), axis=1) for j in range(n)]
    if u.ndim == 3:
        if u.shape[0] != n or u.shape[1] != resources:
            raise _core.ValidationError(f"schedule(): usage has shape {u.shape}, expected ({n}, {resources}, L): "
                                        "per job, per resource, the use in each period from its start")
        out = []
        for j in range(n):
            d = max(int(durations[j]), 0)
            past = np.nonzero(u[j][:, d:])
            if past[0].size:
                raise _core.ValidationError(
                    f"schedule(): usage of job '{ids[j] if ids else f'#{j}'}' is not zero in its period "
                    f"{d + int(past[1][0])}, past its duration {d}")
            out.append(np.ascontiguousarray(u[j][:, :d]))
        return out
    raise _core.ValidationError(f"schedule(): usage has {u.ndim} dimensions, expected 2 (n x R) or 3 (n x R x L)")


def _start_by_id(start: Any) -> dict:
    """A roadmap's or plan's ``start`` as {id: period}: a ScheduleResult (its starts), a
    Series or a mapping; missing values (None, NaN) are left out."""
    if start is None:
        return {}
    if isinstance(start, ScheduleResult):
        start = start.starts
    items = start.items() if hasattr(start, "items") else None
    if items is None:
        raise TypeError(f"start: expected a ScheduleResult, a pandas Series or a mapping of id to period, not {type(start).__name__}")
    out = {}
    for key, value in items:
        if value is None or pd.isna(value):
            continue
        if float(value) != int(value):
            raise _core.ValidationError(f"start: period {value!r} of '{key}' is not a whole number")
        out[str(key)] = int(value)
    return out


def schedule(durations: Sequence[int], *, requires: Sequence = (), usage: Any = None, capacity: Any = None,
             horizon: int | None = None, earliest: Sequence[int] | None = None, latest: Sequence[int] | None = None,
             flows: Any = None, rate: float = 0.0, weights: Any = None,
             objective: Any = _core.ScheduleObjective.makespan, time_limit: float = 60, node_limit: int | None = None,
             ids: Sequence[str] | None = None, resources: Sequence[str] | None = None, explain: bool = True,
             start: Any = None) -> ScheduleResult:
    """Schedule n jobs under resources with a capacity per period, exactly.

    ``durations``: n periods (>= 0). ``requires``: (dependant, prerequisite) or (dependant,
    prerequisite, lag) pairs: the dependant starts no earlier than ``lag`` periods after the
    prerequisite finishes. ``usage``: (n x R), each job's constant use of each resource
    while it runs, or (n x R x L), its use in each period from its start. ``capacity``: (R,)
    or (R x T). ``horizon``: periods in all (default: T, or enough for any schedule).
    ``earliest``/``latest``: each job's earliest and latest start. ``flows``: (n x L) the net
    cash flow in each period from the start; NPV discounts a flow in absolute period t by
    (1 + rate)^t. ``weights``: the cost of each period a job waits (objective ``delay``).
    ``objective``: a :class:`ScheduleObjective` (or its name). ``start``: a schedule to begin
    from (n start periods, -1 for a job left out; or a previous result): the result is never
    worse than it. ``time_limit``: seconds (>= 0; 0 returns the first schedule found);
    ``node_limit``: nodes of the search (>= 0; None: no limit).

    Raises :class:`ValidationError` for malformed input (naming the job or field),
    :class:`InfeasibleError` when no schedule exists (saying why), :class:`NoSolutionError`
    when a limit stops the search before any schedule is found."""
    durations = [int(d) for d in durations]
    n = len(durations)
    objective = _objective(objective)
    cap = np.zeros((0, 0)) if capacity is None else np.asarray(capacity, dtype=np.float64)
    if cap.ndim == 1:
        cap = cap[:, None]
    if cap.ndim != 2:
        raise _core.ValidationError(f"schedule(): capacity has {cap.ndim} dimensions, expected (R,) or (R x T)")
    R = cap.shape[0]
    if usage is not None and R == 0:
        raise _core.ValidationError("schedule(): usage is given but capacity is not: give one capacity per resource")
    links = []
    for link in requires:
        if len(link) not in (2, 3):
            raise _core.ValidationError(f"schedule(): requires entry {link!r} is not (dependant, prerequisite[, lag])")
        links.append((int(link[0]), int(link[1]), int(link[2]) if len(link) == 3 else 0))
    flow_list = []
    if flows is not None:
        flow_list = [np.asarray(f, dtype=np.float64).ravel() for f in flows]
    w = np.zeros(0) if weights is None else np.asarray(weights, dtype=np.float64).ravel()
    core = _core.schedule_core(
        durations, links, np.ascontiguousarray(cap), _usage(usage, durations, R, ids), int(horizon or 0),
        [int(e) for e in earliest] if earliest is not None else [], [int(x) for x in latest] if latest is not None else [],
        flow_list, float(rate), w, objective, float(time_limit), _NO_LIMIT if node_limit is None else int(node_limit),
        [str(i) for i in ids] if ids is not None else [], [str(r) for r in resources] if resources is not None else [], [],
        bool(explain), _start_list(start))
    del n
    return ScheduleResult(core)


def _start_list(start: Any) -> list[int]:
    if start is None:
        return []
    if isinstance(start, ScheduleResult):
        start = start.starts
    values = np.asarray(start)
    if values.ndim != 1:
        raise _core.ValidationError(f"schedule(): start has {values.ndim} dimensions, expected n start periods")
    if values.size and not np.all(np.equal(np.mod(values, 1), 0)):
        raise _core.ValidationError("schedule(): start periods must be whole numbers (-1 for a job left out)")
    return [int(v) for v in values]


def read_psplib(path: Any) -> dict:
    """A PSPLIB single-mode ``.sm`` file as the arguments of :func:`schedule`:
    ``ag.schedule(**ag.read_psplib("j301_1.sm"))``."""
    return dict(_core.read_psplib_core(str(path)))
