"""Risk analysis from Python: Monte Carlo of a portfolio's NPV, spend and team load (see docs/risk.md).

``Portfolio.simulate(...)`` simulates a model's portfolio; :func:`simulate` does the same over
plain arrays, for people without a model file (and for the benchmark); :func:`draws` gives the
draws of one three-point estimate as the simulation makes them; :func:`join` puts chunks
simulated apart (``first=``) together, equal to one run to the bit.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd

from . import _core
from ._core import CorrelationOn, Distribution, Estimate, Uncertainty

__all__ = ["RiskResult", "draws", "join", "simulate"]

#: Samples per block: sums are taken per block in sample order, and chunks join exactly at
#: multiples of it.
BLOCK_SIZE = _core.RiskResultCore.block_size


def _threads(threads: int | None) -> int:
    if threads is None:
        return 0
    threads = int(threads)
    if threads < 1:
        raise _core.ValidationError(f"simulate(): threads {threads}, expected >= 1 (None: every hardware thread)")
    return threads


def _options(samples: int, seed: int, first: int, threads: int | None, stop_at: float | None, check_every: int,
             latin_hypercube: bool, repair_correlations: bool, sensitivity: bool, keep_use: bool,
             histogram_bins: int, keep_items: bool = False) -> dict[str, Any]:
    if isinstance(samples, float) and samples.is_integer():
        samples = int(samples)
    if not isinstance(samples, (int, np.integer)) or isinstance(samples, bool):
        raise _core.ValidationError(f"simulate(): samples {samples!r}, expected a whole number >= 1")
    if int(seed) < 0:
        raise _core.ValidationError(f"simulate(): seed {seed}, expected a whole number >= 0")
    return dict(samples=int(samples), seed=int(seed), first=int(first), threads=_threads(threads),
                convergence=0.0 if stop_at is None else float(stop_at), check_every=int(check_every),
                latin_hypercube=bool(latin_hypercube), repair_correlations=bool(repair_correlations),
                sensitivity=bool(sensitivity), keep_use_samples=bool(keep_use), histogram_bins=int(histogram_bins),
                keep_item_samples=bool(keep_items))


class RiskResult:
    """A Monte Carlo simulation: the samples and what they say.

    ``npv``: each sample's portfolio NPV (a numpy array, in sample order, samples
    ``first .. first + samples - 1``); ``p_negative``: P(NPV < 0) (``p_negative_interval`` its
    95% Wilson interval); ``planned_npv``: every estimate as planned; ``summary()``: mean,
    sd, standard error, P5/P50/P95, CVaR 5%, min, max (a pandas Series); ``histogram()``;
    ``spend()`` and ``load()``: each budget's spend and each team's load per period (mean,
    P95, limit, P(over)); ``initiatives()``: per initiative mean and sd NPV, failure rate,
    mean delay, P(on time); ``finish_by()``: P(finished by the end of each period);
    ``tornado()`` and ``rank_correlations()``; ``use_samples``: samples x resources x
    periods; ``text()`` and ``to_json()`` (what the command line prints).

    ``core``: the compiled result (``aligngraph._core.RiskResultCore``); ``problem``: what
    was simulated (``aligngraph._core.RiskProblemCore``), for :func:`join`."""

    def __init__(self, core: Any, problem: Any = None, options: dict[str, Any] | None = None) -> None:
        self.core = core
        self.problem = problem
        self._options = dict(options or {})

    def __reduce__(self) -> tuple:
        """Pickles with its samples and summaries (the compiled result's every field); the
        problem stays behind (a joined result is made where the problem is)."""
        return (RiskResult, (self.core, None, self._options))

    samples = property(lambda self: self.core.samples, doc="How many samples.")
    first = property(lambda self: self.core.first, doc="Index of the first sample.")
    seed = property(lambda self: self.core.seed)
    threads = property(lambda self: self.core.threads)
    seconds = property(lambda self: self.core.seconds)
    converged = property(lambda self: self.core.converged, doc="A stop_at threshold was asked for and met.")
    stop_reason = property(lambda self: self.core.stop_reason)
    planned_npv = property(lambda self: self.core.planned_npv, doc="The NPV with every estimate as planned.")
    notes = property(lambda self: list(self.core.notes))
    ids = property(lambda self: list(self.core.ids))

    @property
    def npv(self) -> np.ndarray:
        """Each sample's portfolio NPV, in sample order (a read-only view)."""
        return self.core.npv

    @property
    def p_negative(self) -> float:
        """P(NPV < 0): the share of samples with a negative NPV."""
        return self.core.summary.p_negative

    @property
    def p_negative_interval(self) -> tuple[float, float]:
        """The 95% confidence interval of P(NPV < 0) (Wilson's score interval)."""
        s = self.core.summary
        return (s.p_negative_low, s.p_negative_high)

    @property
    def use_samples(self) -> np.ndarray:
        """Each sample's use of each resource in each period: samples x resources x periods
        (empty when simulated with ``keep_use=False``)."""
        u = self.core.use_samples
        R, T = self.core.use_mean.shape
        return u.reshape(u.shape[0], R, T) if u.shape[0] else np.zeros((0, R, T))

    def item_samples(self) -> dict[str, pd.DataFrame]:
        """Each sample's ``npv``, ``cost`` multiplier (risk events included) and ``shift`` (periods
        late, pushes included) of each initiative: frames of samples x initiatives (simulated
        with ``keep_items=True``; else ValueError)."""
        c = self.core
        if c.item_npv_samples.shape[0] != c.samples:
            raise ValueError("item_samples(): simulate with keep_items=True to keep them")
        index = pd.RangeIndex(c.first, c.first + c.samples, name="sample")
        columns = pd.Index(list(c.ids), name="initiative")
        return {"npv": pd.DataFrame(c.item_npv_samples, index=index, columns=columns),
                "cost": pd.DataFrame(c.item_cost_samples, index=index, columns=columns),
                "shift": pd.DataFrame(c.item_shift_samples, index=index, columns=columns)}

    def summary(self) -> pd.Series:
        """The NPV's distribution: planned, mean, sd, standard_error (of the mean), p5, p50,
        p95, cvar5 (the mean of the worst 5%), min, max, p_negative and its interval."""
        s = self.core.summary
        values = {"planned": self.core.planned_npv, "mean": s.mean, "sd": s.sd, "standard_error": s.standard_error,
                  "p5": s.p5, "p50": s.p50, "p95": s.p95, "cvar5": s.cvar5, "min": s.min, "max": s.max,
                  "p_negative": s.p_negative, "p_negative_low": s.p_negative_low, "p_negative_high": s.p_negative_high}
        out = pd.Series(values, name="npv")
        out.attrs.update(currency=self.core.currency, samples=self.samples, seed=self.seed)
        return out

    def histogram(self) -> tuple[np.ndarray, np.ndarray]:
        """``(counts, edges)`` as ``numpy.histogram`` returns them, over [min, max]."""
        return np.asarray(self.core.histogram_counts, dtype=np.int64), np.asarray(self.core.histogram_edges)

    def _period(self, t: int) -> Any:
        labels = self.core.periods
        return labels[t] if 0 <= t < len(labels) else t

    def _resources(self, kind: str | None, column: str) -> pd.DataFrame:
        c = self.core
        R, T = c.use_mean.shape
        names, kinds, ids = list(c.resources), list(c.resource_kinds), list(c.resource_ids)
        rows = []
        for r in range(R):
            if kind is not None and (r >= len(kinds) or kinds[r] != kind):
                continue
            label = ids[r] if kind is not None and r < len(ids) else (names[r] if r < len(names) else f"resource {r}")
            for t in range(T):
                rows.append((label, self._period(t), c.capacity[r, t], c.use_mean[r, t], c.use_p95[r, t], c.p_over[r, t]))
        return pd.DataFrame(rows, columns=[column, "period", "limit" if column == "pool" else "capacity", "mean", "p95", "p_over"])

    def spend(self) -> pd.DataFrame:
        """Each budget pool's spend per period (long form: pool, period, limit, mean, p95,
        p_over = P(spend > limit)). Over arrays: every resource (``resource`` column)."""
        if not list(self.core.resource_kinds):
            return self._resources(None, "resource")
        return self._resources("budget", "pool")

    def load(self) -> pd.DataFrame:
        """Each team's load per period (team, period, capacity, mean, p95, p_over)."""
        return self._resources("team", "team")

    def initiatives(self) -> pd.DataFrame:
        """One row per initiative: npv_mean, npv_sd, failure_rate (it spent and returned
        nothing), delay_mean (periods late, pushes included), on_time (P(finished by its
        planned finish); NaN when that is past the horizon)."""
        c = self.core
        return pd.DataFrame({"npv_mean": np.asarray(c.item_npv_mean), "npv_sd": np.asarray(c.item_npv_sd),
                             "failure_rate": np.asarray(c.failure_rate), "delay_mean": np.asarray(c.delay_mean),
                             "on_time": np.asarray(c.on_time)},
                            index=pd.Index(list(c.ids), name="initiative"))

    def finish_by(self) -> pd.DataFrame:
        """P(finished by the end of each period): one row per initiative, one column per
        period (the first after the horizon last), a finish being start + duration."""
        c = self.core
        T = c.finish_by.shape[1]
        # finish_by[i, t] is P(start + duration <= t): finished by the end of period t - 1.
        columns = [self._period(t - 1) for t in range(1, T)] + ["later"]
        data = np.concatenate([c.finish_by[:, 1:], np.ones((c.finish_by.shape[0], 1))], axis=1) if T else np.zeros((0, 0))
        return pd.DataFrame(data, index=pd.Index(list(c.ids), name="initiative"), columns=columns)

    def tornado(self) -> pd.DataFrame:
        """One row per input (initiative and variable), largest swing first: its P10 and P90
        (success: failed and succeeded), the portfolio NPV at each with every other input at
        its base, and the swing. ``attrs['base']``: the NPV with every input at its base."""
        c = self.core
        ids = list(c.ids)
        rows = [(ids[b.item], b.variable, b.input_low, b.input_high, b.npv_low, b.npv_high, b.swing) for b in c.tornado]
        out = pd.DataFrame(rows, columns=["initiative", "variable", "input_low", "input_high", "npv_low", "npv_high", "swing"])
        out.attrs["base"] = c.tornado_base
        return out

    def rank_correlations(self) -> pd.DataFrame:
        """Spearman's rank correlation of each input with the portfolio NPV, largest |rho| first."""
        ids = list(self.core.ids)
        rows = [(ids[r.item], r.variable, r.rho) for r in self.core.rank_correlations]
        return pd.DataFrame(rows, columns=["initiative", "variable", "rho"])

    def text(self, width: int = 100, top: int = 10) -> str:
        """The simulation as aligned text (what ``aligngraph risk`` prints)."""
        return _core.risk_text(self.core, width, top)

    def to_json(self) -> str:
        """The simulation as JSON (what ``aligngraph risk --format json`` prints)."""
        return _core.risk_json(self.core)

    def _repr_html_(self) -> str:
        """A compact table and a small inline SVG chart, for notebooks."""
        return _core.risk_html(self.core)

    def __repr__(self) -> str:
        s = self.core.summary
        return (f"<aligngraph.RiskResult: {self.samples} samples of {len(self.core.ids)} initiatives, NPV mean {s.mean:.6g}, "
                f"P5 {s.p5:.6g}, P95 {s.p95:.6g}, P(NPV<0) {100 * s.p_negative:.2f}%>")


def _estimate(value: Any, what: str, i: int) -> Estimate | None:
    """An Estimate from itself, None, or a tuple (low, mode, high[, distribution])."""
    if value is None or isinstance(value, Estimate):
        return value
    try:
        parts = list(value)
    except TypeError:
        raise _core.ValidationError(f"simulate(): {what} of item {i} is {value!r}, expected an Estimate, "
                                    "(low, mode, high[, distribution]) or None") from None
    if len(parts) not in (3, 4):
        raise _core.ValidationError(f"simulate(): {what} of item {i} has {len(parts)} values, expected (low, mode, high[, distribution])")
    d = parts[3] if len(parts) == 4 else Distribution.triangular
    if isinstance(d, str):
        try:
            d = Distribution.__members__[d]
        except KeyError:
            raise _core.ValidationError(f"simulate(): {what} of item {i}: unknown distribution '{d}'; expected "
                                        f"{', '.join(Distribution.__members__)}") from None
    return Estimate(float(parts[0]), float(parts[1]), float(parts[2]), d)


def _per_item(values: Any, n: int, what: str) -> list:
    """One estimate per item, from None, one estimate for all, or a sequence of n."""
    if values is None:
        return [None] * n
    if isinstance(values, Estimate) or (isinstance(values, tuple) and len(values) in (3, 4)
                                        and not isinstance(values[0], (tuple, list, Estimate))):
        one = _estimate(values, what, 0)
        return [one] * n
    values = list(values)
    if len(values) != n:
        raise _core.ValidationError(f"simulate(): {what} has {len(values)} entries, expected one per item ({n})")
    return [_estimate(v, what, i) for i, v in enumerate(values)]


def _on(on: Any) -> CorrelationOn:
    if isinstance(on, str):
        try:
            return CorrelationOn.__members__[on]
        except KeyError:
            raise _core.ValidationError(f"unknown correlation kind '{on}'; expected cost, benefit or both") from None
    return on


def simulate(costs: Any, benefits: Any, *, cost: Any = None, benefit: Any = None, delay: Any = None, success: Any = None,
             starts: Sequence[int] | None = None, durations: Sequence[int] | None = None, requires: Sequence = (),
             correlations: Sequence = (), events: Sequence = (), budget: Any = None, usage: Any = None, capacity: Any = None,
             scales: Sequence[bool] | None = None, rate: float = 0.0, ids: Sequence[str] | None = None,
             resources: Sequence[str] | None = None, samples: int = 100_000, seed: int = 0, first: int = 0,
             threads: int | None = None, stop_at: float | None = None, check_every: int = 4096, latin_hypercube: bool = False,
             repair_correlations: bool = False, sensitivity: bool = True, keep_use: bool = True,
             histogram_bins: int = 40, keep_items: bool = False) -> RiskResult:
    """Monte Carlo over plain arrays: n items (initiatives) with flows in absolute periods.

    ``costs``, ``benefits``: (n x P) money in each period (the first T = the horizon have
    limits; later columns are flows after it, valued). An item's NPV in a sample is
    ``(succeeded * benefit_multiplier * PV(benefits) - cost_multiplier * PV(costs)) /
    (1 + rate)^delay``, PV discounting period t by (1 + rate)^t.

    ``cost``, ``benefit``, ``delay``: per item an :class:`Estimate`, a tuple
    ``(low, mode, high[, distribution])`` or None (as planned); one value applies to all.
    ``success``: per item the probability of success (a failed item spends its cost and
    returns nothing). ``starts`` (default 0) and ``durations`` (default P): for P(finish by)
    and delays. ``requires``: (dependant, prerequisite[, lag]): a delay pushes dependants (by
    what it eats of the gap between the prerequisite's finish plus the lag and their start).
    ``correlations``: ``(items, coefficient[, on])`` with ``on`` cost, benefit or both.
    ``events``: ``(id, probability, items[, cost[, delay]])`` risk events.

    Resources: ``budget`` (T,) one budget whose use is ``costs`` itself (times the cost
    multiplier); or ``usage`` (n x R x T) with ``capacity`` (R x T) and ``scales`` (R,
    whether a resource's use grows with the cost multiplier; default all True).

    ``samples``, ``seed``, ``first`` (samples ``first ..``), ``threads`` (None: all; the
    result does not depend on it), ``stop_at`` (stop when the standard error of the mean
    NPV falls below this share of it, checked every ``check_every`` samples),
    ``latin_hypercube``, ``repair_correlations`` (a matrix that is not positive
    semi-definite is repaired instead of refused), ``sensitivity`` (tornado and rank
    correlations), ``keep_use`` (each sample's use, for P95), ``keep_items`` (each sample's
    NPV, cost multiplier and delay of each item: ``item_samples()``). Raises
    :class:`ValidationError` naming the item or field."""
    c = np.atleast_2d(np.asarray(costs, dtype=np.float64))
    b = np.atleast_2d(np.asarray(benefits, dtype=np.float64))
    if c.ndim != 2 or b.ndim != 2:
        raise _core.ValidationError(f"simulate(): costs and benefits must be (n x periods), got {c.shape} and {b.shape}")
    n = c.shape[0]
    if b.shape[0] != n:
        raise _core.ValidationError(f"simulate(): costs have {n} rows and benefits {b.shape[0]}: one row per item in both")
    P = max(c.shape[1], b.shape[1])
    c = np.pad(c, ((0, 0), (0, P - c.shape[1])))
    b = np.pad(b, ((0, 0), (0, P - b.shape[1])))
    ids = [str(i) for i in ids] if ids is not None else [f"#{i}" for i in range(n)]
    if len(ids) != n:
        raise _core.ValidationError(f"simulate(): {len(ids)} ids for {n} items")
    cost_e, benefit_e, delay_e = _per_item(cost, n, "cost"), _per_item(benefit, n, "benefit"), _per_item(delay, n, "delay")
    p = np.ones(n) if success is None else np.broadcast_to(np.asarray(success, dtype=np.float64), (n,))
    uncertainty = [Uncertainty(cost=cost_e[i], benefit=benefit_e[i], delay=delay_e[i], success_probability=float(p[i]))
                   for i in range(n)]
    if budget is not None and usage is not None:
        raise _core.ValidationError("simulate(): give budget (one budget of the costs) or usage with capacity, not both")
    if budget is not None:
        cap = np.atleast_2d(np.asarray(budget, dtype=np.float64))
        T = cap.shape[1]
        use = [np.ascontiguousarray(c[:, :T]) if P >= T else np.pad(c, ((0, 0), (0, T - P)))]
        scale_list = [True]
        names = list(resources) if resources is not None else ["budget"]
    elif usage is not None:
        if capacity is None:
            raise _core.ValidationError("simulate(): usage is given but capacity is not: one limit per resource and period")
        cap = np.atleast_2d(np.asarray(capacity, dtype=np.float64))
        u = np.asarray(usage, dtype=np.float64)
        if u.ndim != 3 or u.shape[0] != n or u.shape[1] != cap.shape[0] or u.shape[2] != cap.shape[1]:
            raise _core.ValidationError(f"simulate(): usage has shape {u.shape}, expected (n, R, T) = ({n}, {cap.shape[0]}, "
                                        f"{cap.shape[1]}) to match capacity {cap.shape}")
        T = cap.shape[1]
        use = [np.ascontiguousarray(u[:, r, :]) for r in range(u.shape[1])]
        scale_list = [True] * len(use) if scales is None else [bool(s) for s in scales]
        names = list(resources) if resources is not None else [f"resource {r}" for r in range(len(use))]
    else:
        cap = np.zeros((0, P))
        T = P
        use, scale_list, names = [], [], []
    starts = [0] * n if starts is None else [int(s) for s in starts]
    durations = [P] * n if durations is None else [int(d) for d in durations]
    links = []
    for link in requires:
        if len(link) not in (2, 3):
            raise _core.ValidationError(f"simulate(): requires entry {link!r} is not (dependant, prerequisite[, lag])")
        links.append((int(link[0]), int(link[1]), int(link[2]) if len(link) == 3 else 0))
    corr = []
    for k, entry in enumerate(correlations):
        if len(entry) not in (2, 3):
            raise _core.ValidationError(f"simulate(): correlation {k} is {entry!r}, expected (items, coefficient[, on])")
        corr.append(([int(i) for i in entry[0]], float(entry[1]), _on(entry[2]) if len(entry) == 3 else CorrelationOn.both))
    ev = []
    for k, entry in enumerate(events):
        if len(entry) < 3 or len(entry) > 5:
            raise _core.ValidationError(f"simulate(): event {k} is {entry!r}, expected (id, probability, items[, cost[, delay]])")
        e_cost = _estimate(entry[3], f"event {entry[0]!r} cost", k) if len(entry) > 3 else None
        e_delay = _estimate(entry[4], f"event {entry[0]!r} delay", k) if len(entry) > 4 else None
        ev.append((str(entry[0]), float(entry[1]), [int(i) for i in entry[2]], e_cost, e_delay))
    problem = _core.array_risk_problem_core(
        ids, starts, durations, int(T), np.ascontiguousarray(c), np.ascontiguousarray(b), use, scale_list,
        np.ascontiguousarray(cap), names, [], uncertainty, [], links, corr, ev, float(rate), "")
    options = _options(samples, seed, first, threads, stop_at, check_every, latin_hypercube, repair_correlations, sensitivity,
                       keep_use, histogram_bins, keep_items)
    return RiskResult(_core.simulate_problem_core(problem, **options), problem, options)


def join(chunks: Sequence[RiskResult]) -> RiskResult:
    """Chunks of one simulation (the same problem, seed and options; adjacent, in order, each
    but the last ending at a multiple of :data:`BLOCK_SIZE` samples) as one result, equal to
    the simulation of all their samples at once, to the bit."""
    chunks = list(chunks)
    if not chunks:
        raise _core.ValidationError("join(): no chunks")
    first = chunks[0]
    if first.problem is None:
        raise _core.ValidationError("join(): the chunks do not carry their problem")
    o = first._options
    core = _core.join_core(first.problem, [c.core for c in chunks], bool(o.get("repair_correlations", False)),
                           bool(o.get("sensitivity", True)), int(o.get("histogram_bins", 40)))
    return RiskResult(core, first.problem, {**o, "samples": core.samples})


def draws(estimate: Any, n: int, *, seed: int = 0, first: int = 0) -> np.ndarray:
    """Samples ``first .. first + n - 1`` of one three-point estimate (an :class:`Estimate` or
    ``(low, mode, high[, distribution])``), as :func:`simulate` draws the cost multiplier of its first item (uncorrelated, no Latin hypercube)."""
    e = _estimate(estimate, "the estimate", 0)
    if e is None:
        raise _core.ValidationError("draws(): no estimate")
    return _core.draws_core(e, int(n), int(seed), int(first))
