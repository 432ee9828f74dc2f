"""The portfolio model from Python: the ``Portfolio`` facade over the compiled model, with
numpy arrays and pandas frames for its tables and the analyses as methods."""

from __future__ import annotations

import json
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from . import _core
from ._core import CompositeWeights, NpvConvention, Objective, ScoreKind, Settings, Sweep
from .scoring import criteria_list
from .selection import Reoptimizer, SelectionResult, _frontier_frame

if TYPE_CHECKING:
    from .report import Briefing

__all__ = ["CancellationImpact", "GoalWeights", "ModelWarning", "Portfolio", "load", "sample_portfolio"]

# The criteria WSJF and RICE read, unless named otherwise.
_WSJF_CRITERIA = ("business_value", "time_criticality", "risk_reduction")
_RICE_CRITERIA = ("reach", "impact", "confidence")


def _financial_terms(f: _core.Financials) -> dict[str, Any]:
    """What a finance frame was computed under, for its ``attrs``."""
    return {"currency": f.currency, "period_years": f.period_years, "yearly_rate": f.yearly_rate,
            "period_rate": f.period_rate, "finance_rate": f.finance_rate, "reinvest_rate": f.reinvest_rate,
            "convention": f.convention}


# The measures of aligngraph.Financials, in the order of the frames built from it.
FINANCIAL_COLUMNS = ("capex", "opex", "total_cost", "total_benefit", "pv_costs", "pv_benefits", "npv", "irr", "irr_annual",
                     "irr_roots", "mirr", "mirr_annual", "payback", "discounted_payback", "roi", "profitability_index")


class GoalWeights(NamedTuple):
    """Global goal weights: ``ids[k]`` has weight ``weights[k]``. Unpacks as ``ids, weights``."""

    ids: list[str]
    weights: np.ndarray

    def to_series(self) -> pd.Series:
        """The weights as a Series indexed by goal id."""
        return pd.Series(self.weights, index=pd.Index(self.ids, name="goal"), name="global_weight")


@dataclass(frozen=True)
class CancellationImpact:
    """What cancelling ``initiative`` takes with it.

    ``stranded``: ids of every initiative that requires it, directly or transitively.
    ``goals``: one row per goal losing a contribution (lost and remaining strength,
    and whether it is left unserved).
    """

    initiative: str
    stranded: list[str]
    goals: pd.DataFrame


class ModelWarning(UserWarning):
    """Something in a model worth a look that does not make it invalid (see ``Portfolio.validate``)."""


def _from_pickled_json(cls: type, text: str) -> "Portfolio":
    return cls.from_json(text, "<pickle>")


class Portfolio(_core.PortfolioCore):
    """The portfolio model: goals, initiatives, contributions, dependencies, budgets, teams.

    Build one with the ``add_*`` methods, or load a model file (docs/model-format.md)::

        p = aligngraph.Portfolio(periods=4, period_years=0.25, first_label="2027Q1")
        p.add_goal("G1", "Grow deposits", level="enterprise")
        p.add_initiative("I-1", "Mobile app", "Retail", duration=2, capex=[100, 50], benefits=[0, 0, 80, 80])
        p.add_contribution("I-1", "G1", "strong")
        p.check()

    Builder methods raise ``ValidationError`` for an unknown or duplicate id or a
    misshapen list at once; ``validate()`` lists every problem with values
    (signs, ranges, cycles, conflicting decisions) and ``check()`` raises them.
    """

    def __init__(
        self,
        periods: int = 12,
        period_years: float = 0.25,
        first_label: str = "2027Q1",
        *,
        name: str = "",
        settings: Settings | None = None,
    ) -> None:
        super().__init__(periods, period_years, first_label)
        if name:
            self.name = name
        if settings is not None:
            self.settings = settings

    def _id_index(self) -> pd.Index:
        """The initiative ids as a pandas Index, kept while the model only grows (ids are
        never removed or renamed, so the first ``initiative_count`` stay valid)."""
        cached = getattr(self, "_ids_cache", None)
        if cached is None or len(cached) != self.initiative_count:
            cached = pd.Index(self.initiative_ids, name="id")
            self._ids_cache = cached
        return cached

    @classmethod
    def _adopt(cls, core: _core.PortfolioCore) -> Portfolio:
        obj = cls.__new__(cls)
        _core.PortfolioCore.__init__(obj, core)
        return obj

    # ---- building -------------------------------------------------------------------
    def add_initiative(self, id: str, name: str = "", department: str = "", *, compact: dict[str, float] | None = None,
                       **options: Any) -> None:
        """Add an initiative (the compiled builder's options: ``start``, ``duration``,
        ``effort``, ``capex``, ``opex``, ``benefits`` per period from period 0, ``criteria``,
        ``uncertainty``, ``mandatory``, ``forced_in``, ``forced_out``, ``status``, ``demand``,
        ``earliest_start``, ``latest_start``, ``deadline``), or with its flows in the compact
        form instead: ``compact={"total_cost": C, "capex_share": s, "yearly_benefit": B,
        "lifetime_years": L, "yearly_run_cost": R}``, a total cost spread over the duration and
        a yearly benefit (and run cost) for a lifetime after it, expanded by the model file's
        rule (docs/model-format.md, "Compact form")."""
        if compact is not None:
            given = [k for k in ("capex", "opex", "benefits") if k in options]
            if given:
                raise _core.ValidationError(f"add_initiative({id!r}): give flows ({', '.join(given)}) or compact, not both")
            options.update(self._compact_flows(id, int(options.get("start", 0)), int(options.get("duration", 1)), compact))
        super().add_initiative(id, name, department, **options)

    def _compact_flows(self, id: str, start: int, duration: int, compact: dict[str, float]) -> dict[str, list[float]]:
        """The flows the model reader expands `compact` to, on this model's horizon."""
        h = self.horizon
        doc = {"horizon": {"periods": h.periods, "period_years": h.period_years, "first": h.first_label}, "goals": [],
               "initiatives": [{"id": str(id), "name": "-", "department": "-", "start": start, "duration": duration,
                                "compact": dict(compact)}]}
        try:
            out = json.loads(_core.model_to_json(_core.model_from_json(json.dumps(doc), "<compact>")))["initiatives"][0]
        except _core.ValidationError as e:
            problems = getattr(e, "problems", None) or [("", str(e))]
            raise _core.ValidationError("; ".join(f"add_initiative({id!r}): compact{pointer.split('/compact', 1)[-1] if '/compact' in pointer else ''}: {text}"
                                                  for pointer, text in problems)) from None
        except TypeError as e:
            raise _core.ValidationError(f"add_initiative({id!r}): compact: {e}") from None
        costs = out.get("costs", {})
        return {"capex": costs.get("capex", []), "opex": costs.get("opex", []), "benefits": out.get("benefits", [])}

    # ---- validation ----------------------------------------------------------------
    def validate(self) -> list[tuple[str, str]]:
        """Every error as ``(json_pointer, message)``, in model order; empty when valid.
        Warnings (a dependant planned before its prerequisite finishes, local weights that
        look like fractions but do not add up to 1) are issued with ``warnings.warn`` as
        :class:`ModelWarning`, each ``"pointer: message"``."""
        errors = []
        for pointer, message, is_warning in self._problems():
            if is_warning:
                warnings.warn(ModelWarning(f"{pointer}: {message}"), stacklevel=2)
            else:
                errors.append((pointer, message))
        return errors

    # ---- files ---------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Portfolio:
        """Read a model file. Raises ValidationError (or CycleError) listing every problem,
        each naming the file and JSON pointer; ``Error`` when the file cannot be read."""
        return cls._adopt(_core.load_model(os.fspath(path)))

    @classmethod
    def from_json(cls, text: str, source: str = "<string>") -> Portfolio:
        """Parse a model from JSON text; ``source`` names it in error messages."""
        return cls._adopt(_core.model_from_json(text, source))

    @classmethod
    def sample(cls) -> Portfolio:
        """The sample portfolio shipped with aligngraph (a regional bank, 34 initiatives)."""
        return cls._adopt(_core.sample_portfolio())

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model file atomically (temporary file, fsync, rename)."""
        _core.save_model(self, os.fspath(path))

    def to_json(self, indent: int = 2) -> str:
        """The model as JSON text; ``indent < 0`` writes one line."""
        return _core.model_to_json(self, indent)

    def copy(self) -> Portfolio:
        """An independent copy."""
        return self._adopt(self)

    def __reduce__(self) -> tuple:
        """Pickles through the model file's JSON (not the object's internals): what another
        process or a Dask worker gets is what ``Portfolio.from_json(p.to_json())`` gives."""
        return (_from_pickled_json, (type(self), self.to_json(-1)))

    # ---- graph queries ---------------------------------------------------------------
    def goal_weights(self) -> GoalWeights:
        """Global goal weights (roots normalised to 1, children by their links' local weights)."""
        return GoalWeights(self.goal_ids, _core.goal_weights(self))

    def local_goal_weights(self) -> pd.Series:
        """Local weight of every goal link, indexed by (parent, child): the links' weights divided
        by their sum per parent, or, for a parent with judgments, its children's AHP weights."""
        links = self.goal_link_triplets()
        index = pd.MultiIndex.from_tuples([(parent, child) for parent, child, _ in links], names=["parent", "child"])
        return pd.Series(_core.local_goal_weights(self), index=index, name="local_weight")

    def topological_order(self, *, indices: bool = False) -> list[str] | np.ndarray:
        """Initiative ids with every prerequisite before its dependants (or their indices as a
        numpy array, for large models). Raises CycleError."""
        return _core.topological_order_indices(self) if indices else _core.topological_order(self)

    def goal_order(self) -> list[str]:
        """Goal ids with parents before children. Raises CycleError."""
        return _core.goal_order(self)

    def prerequisites(self, id: str) -> list[str]:
        """Every initiative that ``id`` requires, directly or transitively."""
        return _core.prerequisites(self, id)

    def dependants(self, id: str) -> list[str]:
        """Every initiative that requires ``id``, directly or transitively."""
        return _core.dependants(self, id)

    def cancellation_impact(self, id: str) -> CancellationImpact:
        """Initiatives stranded and goals losing contributions if ``id`` is cancelled."""
        stranded, goals = _core.cancellation_impact(self, id)
        frame = pd.DataFrame(goals, columns=["goal", "lost_strength", "remaining_strength", "unserved"])
        return CancellationImpact(id, stranded, frame.set_index("goal"))

    # ---- tables ---------------------------------------------------------------------
    def initiatives(self) -> pd.DataFrame:
        """One row per initiative, indexed by id: department, timing, totals, flags, status."""
        capex, opex, benefits = self.capex, self.opex, self.benefits
        flags = self.flag_arrays
        frame = pd.DataFrame(
            {
                "name": self.names,
                "department": self.departments,
                "start": self.starts,
                "duration": self.durations,
                "effort": self.efforts,
                "capex": capex.sum(axis=1),
                "opex": opex.sum(axis=1),
                "total_cost": capex.sum(axis=1) + opex.sum(axis=1),
                "total_benefit": benefits.sum(axis=1),
                "mandatory": flags[:, 0],
                "forced_in": flags[:, 1],
                "forced_out": flags[:, 2],
                "status": [s.name for s in self.statuses],
            },
            index=pd.Index(self.initiative_ids, name="id"),
        )
        return frame

    def goals(self) -> pd.DataFrame:
        """One row per goal, indexed by id: name, level, owner, parents, global weight."""
        parents: dict[str, list[str]] = {g: [] for g in self.goal_ids}
        for parent, child, _ in self.goal_link_triplets():
            parents[child].append(parent)
        records = self.goal_records
        return pd.DataFrame(
            {
                "name": [g.name for g in records],
                "level": [g.level for g in records],
                "owner": [g.owner for g in records],
                "parents": [parents[g.id] for g in records],
                "global_weight": _core.goal_weights(self),
            },
            index=pd.Index(self.goal_ids, name="id"),
        )

    def contributions(self) -> pd.DataFrame:
        """One row per contribution: initiative, goal, strength in [0, 1]."""
        return pd.DataFrame(self.contribution_triplets(), columns=["initiative", "goal", "strength"])

    def budgets(self) -> pd.DataFrame:
        """Budget limits: one row per budget, one column per period label."""
        records = self.budget_records
        return pd.DataFrame(
            self.budget_limits(),
            index=pd.Index([b.id for b in records], name="budget"),
            columns=self.horizon.labels(),
        )

    def teams(self) -> pd.DataFrame:
        """Team capacities: one row per team, one column per period label."""
        records = self.team_records
        return pd.DataFrame(
            self.team_capacities(),
            index=pd.Index([t.id for t in records], name="team"),
            columns=self.horizon.labels(),
        )

    # ---- finance --------------------------------------------------------------------
    def initiative_financials(
        self,
        rate: float | None = None,
        *,
        npv_convention: NpvConvention = NpvConvention.numpy,
        finance_rate: float | None = None,
        reinvest_rate: float | None = None,
        threads: int = 0,
    ) -> pd.DataFrame:
        """Every finance measure of every initiative, one row per initiative id.

        Net flow = benefits - capex - opex over the horizon from period 0, discounted at
        ``rate`` per **year** (the model's discount rate by default) converted to the
        period length. Columns: capex, opex, total_cost, total_benefit, pv_costs,
        pv_benefits, npv, irr and mirr (per period), irr_annual, mirr_annual, irr_roots
        (0: none; > 1: several, irr is numpy-financial's pick), payback and
        discounted_payback (periods from the initiative's start; NaN: not within the
        horizon), roi, profitability_index. ``npv_convention=NpvConvention.excel`` discounts the first period too.
        The frame's ``attrs`` say what it was computed under: currency, period_years,
        yearly_rate, period_rate, finance_rate, reinvest_rate and convention.
        """
        f = _core.initiative_financials(self, rate, npv_convention, finance_rate, reinvest_rate, threads)
        frame = pd.DataFrame({c: np.asarray(getattr(f, c)) for c in FINANCIAL_COLUMNS}, index=pd.Index(f.ids, name="id"))
        frame.attrs.update(_financial_terms(f))
        return frame

    def portfolio_financials(
        self,
        ids: list[str] | None = None,
        rate: float | None = None,
        *,
        npv_convention: NpvConvention = NpvConvention.numpy,
        finance_rate: float | None = None,
        reinvest_rate: float | None = None,
    ) -> pd.Series:
        """The measures of a portfolio (``ids``, default all initiatives) on its summed
        flows; paybacks count from period 0. NPV and totals are the members' sums."""
        chosen = list(self.initiative_ids if ids is None else ids)
        f = _core.portfolio_financials(self, chosen, rate, npv_convention, finance_rate, reinvest_rate)
        series = pd.Series({c: np.asarray(getattr(f, c))[0].item() for c in FINANCIAL_COLUMNS}, name="portfolio")
        series["period_rate"] = f.period_rate
        series["initiatives"] = len(f.members)
        series.attrs.update(_financial_terms(f))
        return series

    # ---- alignment and priority ------------------------------------------------------
    def alignment(
        self,
        *,
        enabler_share: float | None = None,
        root_weights: dict[str, float] | None = None,
        scenario: str | None = None,
    ) -> pd.DataFrame:
        """Alignment of every initiative: direct (sum of strength x global goal weight),
        enabler credit and total, with the rank by total. ``scenario`` applies a scenario's
        goal weights and enabler share; ``enabler_share`` and ``root_weights`` override."""
        a = _core.alignment_core(self, enabler_share, root_weights or {}, scenario)
        return pd.DataFrame({"direct": a.direct, "enabler": a.enabler, "total": a.total, "rank": a.rank},
                            index=self._id_index())

    def alignment_by_goal(self, *, root_weights: dict[str, float] | None = None, scenario: str | None = None) -> pd.DataFrame:
        """The direct alignment by goal: initiatives (rows) x goals (columns, in the model's
        order), each cell the initiative's strength towards the goal times the goal's global
        weight; a row sums to :meth:`alignment`'s ``direct``. ``scenario`` and
        ``root_weights`` as there. ``attrs["goal_weights"]``: the global goal weights used."""
        a = _core.alignment_core(self, None, root_weights or {}, scenario)
        goals = pd.Index(self.goal_ids, name="goal")
        frame = pd.DataFrame(np.asarray(a.by_goal), index=self._id_index(), columns=goals)
        frame.attrs["goal_weights"] = pd.Series(np.asarray(a.goal_weights), index=goals, name="weight")
        return frame

    def scores(
        self,
        by: ScoreKind = ScoreKind.alignment,
        *,
        criteria: Any = None,
        composite: CompositeWeights | None = None,
        enabler_share: float | None = None,
        root_weights: dict[str, float] | None = None,
        scenario: str | None = None,
        wsjf: tuple[str, str, str] = _WSJF_CRITERIA,
        rice: tuple[str, str, str] = _RICE_CRITERIA,
    ) -> pd.DataFrame:
        """One row per initiative: ``score``, ``rank`` (1 first; ties by id) and one column per
        part of the score (per goal and enabler credit for alignment; per criterion for
        weighted scoring and WSJF; alignment/financial/criteria for composite), the parts
        summing to the score. ``criteria``: Criterion list, names or {name: weight}; by
        default every criterion of the model with weight 1."""
        t = _core.score_core(self, by, *self._score_arguments(criteria, composite, enabler_share, root_weights, scenario,
                                                               wsjf, rice))
        frame = pd.DataFrame({"score": t.total, "rank": t.rank}, index=self._id_index())
        if by != ScoreKind.rice:
            parts = t.parts
            for k, label in enumerate(t.labels):
                frame[label] = parts[:, k]
        return frame

    @staticmethod
    def _score_arguments(criteria: Any = None, composite: CompositeWeights | None = None, enabler_share: float | None = None,
                         root_weights: dict[str, float] | None = None, scenario: str | None = None,
                         wsjf: tuple[str, str, str] = _WSJF_CRITERIA, rice: tuple[str, str, str] = _RICE_CRITERIA) -> tuple:
        """The options of :meth:`scores` as the compiled module takes them (after the kind)."""
        return (criteria_list(criteria), composite or CompositeWeights(), enabler_share, root_weights or {}, scenario,
                list(wsjf), list(rice))

    def rank(self, by: ScoreKind = ScoreKind.alignment, top: int | None = None, **options: Any) -> pd.DataFrame:
        """``scores(by, ...)`` in rank order, the first ``top`` rows (``top`` >= 0)."""
        if top is not None and top < 0:
            raise ValueError(f"rank(top={top}): expected a number of rows >= 0, or None for all")
        frame = self.scores(by, **options).sort_values("rank")
        return frame if top is None else frame.head(top)

    def _explained(self, id: str, by: ScoreKind, **options: Any) -> _core.ScoreExplanation:
        return _core.explain_score_core(self, id, by, *self._score_arguments(**options))

    def explain(self, id: str, by: ScoreKind = ScoreKind.alignment, **options: Any) -> pd.DataFrame:
        """The parts of one initiative's score, summing to it: one row per part with ``kind``
        (goal, enabler, criterion or component), ``source`` (the goal, the dependant passing
        enabler credit, or the criterion or component), ``name``, ``weight`` (the goal's
        global weight; NaN otherwise) and ``value``. For alignment: one row per goal
        (strength x weight) and per dependant. ``attrs`` holds ``id``, ``score``, ``rank``
        and ``score_kind``. ``options``: those of :meth:`scores`."""
        e = self._explained(id, by, **options)
        frame = pd.DataFrame([(x.kind.name, x.source, x.name, x.weight, x.value) for x in e.parts],
                             columns=["kind", "source", "name", "weight", "value"])
        frame.attrs.update(id=e.id, score=e.score, rank=e.rank, score_kind=e.kind.name)
        return frame

    def explanation_text(self, id: str, by: ScoreKind = ScoreKind.alignment, **options: Any) -> str:
        """One initiative's score taken apart, as text (what ``aligngraph rank --explain`` prints)."""
        return _core.explanation_text(self._explained(id, by, **options))

    def sensitivity(self, k: int = 3, *, criteria: Any = None, **alignment_options: Any) -> pd.DataFrame:
        """How far each weight can move (others rescaled proportionally) before the ranking
        changes: goal weights for the alignment ranking, or criterion weights for the
        weighted-score ranking when ``criteria`` is given. Columns: weight, top1_low,
        top1_high (the first stays first), topk_low, topk_high (the top-k set stays)."""
        if criteria is not None:
            rows = _core.criterion_weight_sensitivity_core(self, criteria_list(criteria), k)
        else:
            rows = _core.goal_weight_sensitivity_core(self, k, alignment_options.get("enabler_share"),
                                                      alignment_options.get("root_weights") or {},
                                                      alignment_options.get("scenario"))
        frame = pd.DataFrame(rows, columns=["item", "weight", "top1_low", "top1_high", "topk_low", "topk_high"])
        return frame.set_index("item")

    def unserved_goals(self, selection: list[str] | None = None) -> list[str]:
        """Goals no (selected) initiative serves, directly or through a goal below them."""
        return _core.unserved_goals(self, list(selection or []))

    def orphan_initiatives(self) -> list[str]:
        """Initiatives that contribute to no goal."""
        return _core.orphan_initiatives(self)

    def goal_coverage(self, selection: list[str]) -> pd.Series:
        """Share of each goal a selection serves: 1 - prod (1 - strength) over its members."""
        return pd.Series(_core.goal_coverage(self, list(selection)), index=pd.Index(self.goal_ids, name="goal"),
                         name="coverage")

    # ---- selection ----------------------------------------------------------------------
    def optimize(
        self,
        objective: Objective = Objective.npv,
        *,
        time_limit: float = 60.0,
        node_limit: int | None = None,
        scenario: str | None = None,
        progress: Any = None,
    ) -> SelectionResult:
        """The optimal portfolio: maximise the sum of ``objective`` (NPV, alignment or
        composite) over the initiatives funded, under every budget in every period,
        respecting requires, excludes, mandatory, forced-in and forced-out (and a
        scenario's budget factor and decisions). ``result.budgets`` has limit, use and
        slack per budget and period; ``result.selected`` the ids. ``time_limit`` covers the
        whole call, the explanation included: on it the best selection so far comes back
        with ``proven=False`` and ``stop_reason``; Ctrl-C raises KeyboardInterrupt at once.
        A model too large for :func:`aligngraph.memory_limit` raises ``ResourceError``.
        ``progress``: True for a tqdm bar (the ``[progress]`` extra), or a callable taking an
        :class:`aligngraph.Progress` (task, done, total, seconds)."""
        from ._progress import reporting
        from .selection import _NO_LIMIT

        with reporting(progress):
            core = _core.optimize_core(self, objective, float(time_limit), _NO_LIMIT if node_limit is None else int(node_limit),
                                       scenario or "")
        return SelectionResult(core)

    def what_if(self, scenario: str | None = None, *, force_in: list[str] = (), force_out: list[str] = (),
                budget_factor: float | None = None) -> tuple["Portfolio", str | None]:
        """A copy of the model with a what-if as a scenario of its own, and that scenario's id
        to pass to any analysis: ``scenario`` (one of the model's, or None) with the
        initiatives ``force_in`` and ``force_out`` decided and every budget scaled by
        ``budget_factor`` (times the scenario's own). ``q, s = p.what_if(force_out=["I-01"],
        budget_factor=0.9); q.optimize(scenario=s)``. The id is ``scenario`` itself when
        nothing more is asked (the copy then equals the model), else ``"what-if"``. An
        unknown scenario or initiative, one forced both in and out, or a factor <= 0 raises
        ``ValidationError`` naming it; the model itself is never changed. The same as the
        command line's ``--scenario``, ``--force-in``, ``--force-out``, ``--budget-factor``."""
        q = self.copy()
        id = q.apply_what_if(scenario or "", [str(i) for i in force_in], [str(i) for i in force_out],
                             None if budget_factor is None else float(budget_factor))
        return q, (id or None)

    def compare(self, a: str | None, b: str | None, *, objective: Objective = Objective.npv,
                by: ScoreKind = ScoreKind.alignment, time_limit: float = 60.0) -> "ScenarioComparison":
        """Scenario ``a`` against scenario ``b`` (None: the model as it is): each one's optimal
        portfolio by ``objective`` and ranking by ``by``, what is funded in one only, each
        initiative's rank in both and Kendall's tau. See :class:`ScenarioComparison`; the
        same as ``aligngraph compare``."""
        from .selection import ScenarioComparison

        return ScenarioComparison(_core.compare_scenarios_core(self, a or "", b or "", objective, by, float(time_limit)))

    def roadmap(
        self,
        selection: list[str] | None = None,
        objective: Any = _core.ScheduleObjective.npv,
        *,
        time_limit: float = 60.0,
        node_limit: int | None = None,
        scenario: str | None = None,
        weights: dict[str, float] | None = None,
        explain: bool = True,
        progress: Any = None,
        start: Any = None,
    ) -> "ScheduleResult":
        """When each initiative of ``selection`` (ids; default: the optimal portfolio by NPV)
        starts, under every budget in every period and every team's capacity, each within its
        start window (``earliest_start``, ``latest_start``, ``deadline``); flows and demand move
        with the start. ``objective``: a :class:`ScheduleObjective` (npv, delay or makespan, or
        its name); ``weights`` (delay): the cost of each period an initiative waits, by id
        (default: its benefits per period). The result: ``starts`` (a Series by id, period
        index), ``frame()``, ``spend()`` (pool x period against limits), ``load()`` (team x
        period against capacity), ``value``, ``bound``, ``gap``, ``proven``. ``start``: a
        schedule to begin from (a previous result, or its ``starts``: period index by id, for
        every initiative of the selection); the result is never worse than it, and one that
        breaks a window, a prerequisite, a budget or a team raises ``ValidationError`` saying
        which. See docs/schedule.md."""
        from ._progress import reporting
        from .schedule import ScheduleResult, _objective, _start_by_id
        from .selection import _NO_LIMIT

        with reporting(progress):
            core = _core.roadmap_core(self, _objective(objective), None if selection is None else [str(s) for s in selection],
                                      float(time_limit), _NO_LIMIT if node_limit is None else int(node_limit), scenario or "",
                                      {str(k): float(v) for k, v in (weights or {}).items()}, False, bool(explain),
                                      _start_by_id(start))
        return ScheduleResult(core, by_id=True)

    def plan(
        self,
        objective: Any = _core.ScheduleObjective.npv,
        *,
        time_limit: float = 60.0,
        node_limit: int | None = None,
        scenario: str | None = None,
        explain: bool = True,
        progress: Any = None,
        start: Any = None,
    ) -> "ScheduleResult":
        """Which initiatives and when, in one optimisation: the NPV of those chosen, with their
        flows at their starts, under the roadmap's constraints and the selection's (requires,
        excludes, mandatory and forced decisions). ``result.scheduled`` says which are in.
        The exact search has the first half of ``time_limit`` (and of ``node_limit``); unless it
        proves the plan, large neighbourhood search improves its best plan with the rest
        (docs/schedule.md), and
        ``bound`` and ``gap`` say how far from the optimum the result can be. ``start``: a
        plan to begin from (a previous result, or its ``starts``: period index by id; ids not
        given, or given -1, are out); the result is never worse than it."""
        from ._progress import reporting
        from .schedule import ScheduleResult, _objective, _start_by_id
        from .selection import _NO_LIMIT

        with reporting(progress):
            core = _core.roadmap_core(self, _objective(objective), None, float(time_limit),
                                      _NO_LIMIT if node_limit is None else int(node_limit), scenario or "", {}, True, bool(explain),
                                      _start_by_id(start))
        return ScheduleResult(core, by_id=True)

    def simulate(
        self,
        samples: int = 100_000,
        seed: int = 0,
        first: int = 0,
        selection: list[str] | None = None,
        scenario: str | None = None,
        threads: int | None = None,
        stop_at: float | None = None,
        *,
        roadmap: bool = False,
        latin_hypercube: bool = False,
        repair_correlations: bool = False,
        sensitivity: bool = True,
        keep_use: bool = True,
        keep_items: bool = False,
        check_every: int = 4096,
        histogram_bins: int = 40,
        time_limit: float = 60.0,
        progress: Any = None,
    ) -> "RiskResult":
        """Monte Carlo of the portfolio ``selection`` (ids; default: the optimal portfolio by
        NPV): each initiative's cost and benefit multipliers, delay and success drawn from its
        ``uncertainty``, with the model's correlations (a Gaussian copula) and risk events;
        a delay moves the initiative's flows and demand and pushes its dependants. Starts are
        the planned ones, or the roadmap's (``roadmap=True``).

        Samples ``first .. first + samples - 1`` of ``seed``: the same numbers on any
        ``threads`` (None: every core), and chunks join exactly (:func:`aligngraph.risk.join`).
        ``stop_at``: stop once the standard error of the mean NPV is below this share of it
        (checked every ``check_every`` samples). The result: ``npv`` (numpy, one per sample),
        ``p_negative``, ``summary()``, ``spend()``, ``load()``, ``initiatives()``,
        ``finish_by()``, ``tornado()``, ``rank_correlations()``; with ``keep_items=True``
        ``item_samples()``. ``progress``: True for a tqdm bar (the ``[progress]`` extra), or a
        callable taking an :class:`aligngraph.Progress`. See docs/risk.md."""
        from ._progress import reporting
        from .risk import RiskResult, _options

        options = _options(samples, seed, first, threads, stop_at, check_every, latin_hypercube, repair_correlations,
                           sensitivity, keep_use, histogram_bins, keep_items)
        with reporting(progress):
            problem = _core.portfolio_risk_problem_core(self, None if selection is None else [str(s) for s in selection],
                                                        scenario or "", bool(roadmap), float(time_limit))
            core = _core.simulate_problem_core(problem, **options)
        return RiskResult(core, problem, options)

    def selection_frequency(self, scenarios: int = 1000, seed: int = 0, first: int = 0, *, scenario: str | None = None,
                            time_limit: float = 60.0, solve_time_limit: float = 10.0, progress: Any = None) -> "SelectionFrequency":
        """How often each initiative is in the optimal portfolio over ``scenarios`` sampled
        scenarios (the Monte Carlo's samples ``first ..`` of ``seed``: each initiative's
        multipliers, success and delay, with the correlations and risk events), every
        initiative at its planned start, under every budget in every period; each scenario
        solved exactly, warm-started from the previous one. The result: ``frequency`` (a
        Series by id), ``frame()``, ``selected`` (scenarios x initiatives), ``optimum`` per
        scenario, ``expected_selection`` (the portfolio best in expectation: mean NPVs, mean
        costs) and ``planned_selection``. ``time_limit`` covers the call, ``solve_time_limit``
        each scenario's solve (a hard one gives its best found, counted out of ``proven``).
        ``progress``: True for a tqdm bar (the ``[progress]`` extra), or a callable taking an
        :class:`aligngraph.Progress` (the scenarios drawn, then solved). See docs/risk.md."""
        from ._progress import reporting
        from .robust import SelectionFrequency

        if int(scenarios) < 1:
            raise _core.ValidationError(f"selection_frequency(): {scenarios} scenarios, expected at least 1")
        with reporting(progress):
            core = _core.selection_frequency_core(self, int(scenarios), int(seed), int(first), scenario or "", float(time_limit),
                                                  float(solve_time_limit))
        return SelectionFrequency(core)

    def chance_constrained(self, alpha: float = 0.05, scenarios: int = 1000, seed: int = 0, first: int = 0, *,
                           joint: bool = False, fresh: int = 10_000, scenario: str | None = None,
                           time_limit: float = 60.0, progress: Any = None) -> "ChanceConstrained":
        """The portfolio of the highest expected NPV whose spend is over each budget in each
        period in at most ``alpha`` of the sampled scenarios (``joint=True``: over any budget in
        any period), by sample average approximation over ``scenarios`` Monte Carlo samples
        (``first ..`` of ``seed``; every initiative at its planned start), solved exactly; then
        checked on ``fresh`` samples after them, beside the optimum as planned. Respects
        requires, excludes and the forced decisions. The result: ``selected`` (ids),
        ``expected_value``, ``bound``, ``proven``, ``frame()`` (per budget and period: the
        share over the limit in the sample and on the fresh samples, with the interval),
        ``fresh_value``, ``planned_selection``. Raises ``InfeasibleError`` when the forced
        initiatives alone break a chance constraint. ``progress``: True for a tqdm bar (the
        ``[progress]`` extra), or a callable taking an :class:`aligngraph.Progress` (the
        scenarios drawn, then each solve's nodes). See docs/risk.md."""
        from ._progress import reporting
        from .robust import ChanceConstrained

        alpha = float(alpha)
        if not 0.0 <= alpha < 1.0:
            raise _core.ValidationError(f"chance_constrained(): alpha {alpha:g}, expected 0 <= alpha < 1")
        for name, value, least in (("scenarios", scenarios, 1), ("fresh samples", fresh, 0), ("first scenario", first, 0)):
            if int(value) < least:
                raise _core.ValidationError(f"chance_constrained(): {name} {value}, expected at least {least}")
        with reporting(progress):
            core = _core.chance_constrained_core(self, alpha, bool(joint), int(scenarios), int(fresh), int(seed), int(first),
                                                 scenario or "", float(time_limit))
        return ChanceConstrained(core)

    def rpm(self, criteria: Any = None, rank_order: list[str] | None = None, *, weight_rows: Any = None,
            weight_bounds: Any = None, score_spread: float = 0.0, scenario: str | None = None, time_limit: float = 60.0,
            state_limit: int = 5_000_000, threads: int | None = None, progress: Any = None) -> "RpmResult":
        """Robust Portfolio Modeling (Liesiö, Mild & Salo 2007): the portfolios no other
        feasible one beats for every admissible weight and score, and each initiative's core
        index. ``criteria``: names (or Criterion, for a cost direction) of the model's
        criterion scores, default all, each normalised min-max to [0, 1]; ``rank_order``:
        criterion names from the most important (w1 >= w2 >= ...); ``weight_rows @ w >=
        weight_bounds``: more linear information; ``score_spread``: each normalised score is
        known only within +- this (cut to [0, 1]). Budgets, requires, excludes and forced
        decisions from the model (and ``scenario``). Exact; raises NoSolutionError when
        ``time_limit`` or ``state_limit`` is reached first. ``threads`` of the search (None:
        every core; the answer does not depend on it). ``progress``: True for a tqdm bar (the
        ``[progress]`` extra), or a callable taking an :class:`aligngraph.Progress` (nodes
        searched). See docs/risk.md."""
        from ._progress import reporting
        from .robust import RpmResult, _threads, _weight_arguments
        from .scoring import criteria_list

        chosen = criteria_list(criteria)
        C = len(chosen) or len(self.criterion_names)
        rows, bounds = _weight_arguments(C, weight_rows, weight_bounds)
        with reporting(progress):
            core, low, high = _core.rpm_portfolio_core(self, chosen, list(rank_order or []), rows, bounds, float(score_spread),
                                                       scenario or "", float(time_limit), int(state_limit), _threads(threads))
        return RpmResult(core, low, high)

    def add_correlation(self, initiatives: list[str], coefficient: float, on: Any = "both") -> None:
        """Correlate the initiatives' multipliers through a Gaussian copula: every pair gets
        ``coefficient`` (in [-1, 1]) on ``on``: ``"cost"``, ``"benefit"`` or ``"both"`` (each
        kind with its own kind), or a :class:`CorrelationOn`."""
        from .risk import _on

        super().add_correlation([str(i) for i in initiatives], float(coefficient), _on(on))

    def selection_problem(self, objective: Objective = Objective.npv, *, scenario: str | None = None) -> dict[str, Any]:
        """The arrays :meth:`optimize` solves, for :func:`select_portfolio`, :func:`frontier` or
        another solver: ``values`` (n), ``costs`` (n x m, one column per budget and period),
        ``budgets`` (m), ``requires`` (dependant, prerequisite) pairs, ``excludes`` groups,
        ``forced_in``, ``forced_out`` (indices), ``ids`` and ``budget_names``; and what the
        rows are: ``pools``, ``periods``, ``total_pools``, ``objective``, ``scenario``,
        ``currency``."""
        sp = _core.selection_problem_core(self, objective, scenario or "")
        return {name: getattr(sp, name) for name in ("values", "costs", "budgets", "requires", "excludes", "forced_in",
                                                     "forced_out", "ids", "budget_names", "pools", "periods",
                                                     "total_pools", "objective", "scenario", "currency")}

    def reoptimizer(
        self,
        objective: Objective = Objective.npv,
        *,
        time_limit: float = 60.0,
        node_limit: int | None = None,
        scenario: str | None = None,
    ) -> Reoptimizer:
        """The model's selection problem (as :meth:`optimize` builds it) kept for what-if
        questions: force initiatives in or out by id, change a budget (named "budget
        period", e.g. "IT-capex 2027Q3") or a value, and solve again quickly."""
        from .selection import _NO_LIMIT

        core = _core.reoptimizer_core(self, objective, float(time_limit),
                                      _NO_LIMIT if node_limit is None else int(node_limit), scenario or "")
        return Reoptimizer(None, None, None, time_limit=time_limit, node_limit=node_limit, _core_object=core)

    def frontier(
        self,
        factors: list[float] | None = None,
        *,
        levels: int = 10,
        max_factor: float = 2.0,
        sweep: Sweep = Sweep.scale,
        totals: list[float] | None = None,
        objective: Objective = Objective.npv,
        time_limit: float = 60.0,
        scenario: str | None = None,
        progress: Any = None,
    ) -> pd.DataFrame:
        """The efficient frontier: the optimal value at each budget level, each point exact,
        with the marginal value of budget between levels and the knee of the curve.

        ``sweep=Sweep.scale`` (default): every budget, in every period, scaled by each factor
        (default ``levels`` factors evenly spaced up to ``max_factor``).
        ``sweep=Sweep.total``: one total budget instead of the per-period ones: the levels are
        ``totals`` (amounts) or, when not given, the factors times the cost of all
        initiatives.

        One row per level, indexed by ``factor``: ``total_budget`` (the model's total budget
        over the horizon, or the sum of its pools when no two overlap; NaN when pools overlap
        and none is the total), ``budget POOL`` (each pool's limits over the horizon),
        ``feasible``, ``value``, ``upper_bound``, ``proven``, ``marginal`` (value per unit of
        money between levels), ``knee``, ``selected`` (ids), ``infeasible_reason`` and
        ``seconds``. A level where the mandatory and forced-in initiatives alone break a
        budget has ``feasible=False``, NaN values and its reason."""
        if not isinstance(sweep, Sweep):
            raise TypeError(f"sweep must be an aligngraph.Sweep (Sweep.scale or Sweep.total), not {sweep!r}")
        if totals is not None and sweep != Sweep.total:
            raise ValueError("totals are levels of the total sweep: pass sweep=Sweep.total")
        amounts = totals is not None
        if factors is None:
            factors = [max_factor * k / levels for k in range(1, levels + 1)]
        chosen = totals if amounts else factors
        from ._progress import reporting

        with reporting(progress):
            columns = _core.frontier_core(self, [float(t) for t in chosen], sweep, amounts, objective, float(time_limit),
                                          scenario or "")
        return _frontier_frame(columns)

    # ---- tables -----------------------------------------------------------------------
    @classmethod
    def from_frames(cls, frames: dict[str, pd.DataFrame] | None = None, **tables: pd.DataFrame) -> Portfolio:
        """A model from tables: ``Portfolio.from_frames(model=..., goals=..., initiatives=...,
        flows=..., contributions=..., requires=..., budgets=..., teams=..., demand=...,
        scenarios=..., ...)`` or a dict of them (what :meth:`to_frames` gives). The tables
        and their columns: docs/tables.md (``aligngraph.tables.TABLES``). Flows long (one row
        per initiative and period) or wide (one column per period); a year's amount in a
        quarterly or monthly model spread evenly over its periods; dependencies as a table or
        a ``"I-01; I-04"`` cell. Every problem is reported at once in one ``ValidationError``,
        each naming its table, row and column; nothing is coerced silently."""
        from .tables import from_frames

        return cls._adopt(from_frames({**(frames or {}), **tables}))

    def to_frames(self) -> dict[str, pd.DataFrame]:
        """The model as a dict of DataFrames, one per table (docs/tables.md);
        ``Portfolio.from_frames(p.to_frames()) == p``."""
        from .tables import to_frames

        return to_frames(self)

    @classmethod
    def read_tables(cls, path: str | os.PathLike[str]) -> Portfolio:
        """A model from an Excel workbook (``.xlsx``, a sheet per table; the ``[excel]``
        extra), a ``.zip`` of CSV files or a folder of them. Errors name the file or sheet,
        the row as a spreadsheet numbers it, and the column."""
        from .tables import read_tables

        return cls._adopt(read_tables(path))

    def write_tables(self, path: str | os.PathLike[str]) -> Path:
        """The model's tables as an Excel workbook (``.xlsx``), a ``.zip`` of CSV files, or a
        folder of them (any other path), each file replaced atomically; read back exactly by
        :meth:`read_tables`."""
        from .tables import write_tables

        return write_tables(self, path)

    # ---- reports --------------------------------------------------------------------
    def briefing(
        self,
        *,
        scenario: str | None = None,
        by: ScoreKind = ScoreKind.alignment,
        explained: int = 10,
        frontier_levels: Any = (0.5, 0.75, 1.0, 1.25, 1.5),
        roadmap: bool = True,
        risk: bool = True,
        samples: int = 10_000,
        seed: int = 0,
        threads: int | None = None,
        time_limit: float = 60.0,
        model_file: str | os.PathLike[str] | None = None,
        progress: Any = None,
    ) -> "Briefing":
        """Everything the report shows, computed: the optimal portfolio by NPV (explained),
        the ranking by ``by`` (the first ``explained`` taken apart), finance, the frontier at
        ``frontier_levels`` (budget factors; 1, the plan, always added; None: no frontier),
        the funded portfolio's roadmap and Monte Carlo (``samples``, ``seed``), under
        ``scenario``. Each exact analysis has ``time_limit`` seconds. ``model_file``: the file
        the model came from, named with its SHA-256 under the report's assumptions. A roadmap
        the model cannot have leaves a note instead. See :class:`aligngraph.Briefing`."""
        from ._progress import reporting
        from .report import _brief

        with reporting(progress):
            return _brief(self, scenario=scenario, by=by, explained=explained, frontier_levels=frontier_levels, roadmap=roadmap,
                          risk=risk, samples=samples, seed=seed, threads=threads, time_limit=time_limit, model_file=model_file)

    def report(self, path: str | os.PathLike[str] | None = None, **options: Any) -> "Path | str":
        """The steering committee's report: one self-contained HTML file (no script, and no
        style sheet, font or image from outside: it opens offline and prints to a clean PDF)
        with a summary for the board, goals and weights, the ranking with explanations,
        finance, the optimal portfolio with reasons, the frontier, the roadmap, the risk and
        the assumptions. Written to ``path`` (replaced atomically; the path is returned), or
        returned as a string when ``path`` is None. ``options`` are those of
        :meth:`briefing`. The same report as ``aligngraph report FILE -o PATH``."""
        b = self.briefing(**options)
        return b.html() if path is None else b.write(path)

    def summary(self, width: int = 100) -> str:
        """Goal tree, initiatives and budgets as aligned text (what ``aligngraph show`` prints)."""
        return _core.summary_text(self, width)

    def _repr_html_(self) -> str:
        """A compact table and a small inline SVG chart, for notebooks."""
        return _core.portfolio_html(self)

    def __repr__(self) -> str:
        h = self.horizon
        return (
            f"<aligngraph.Portfolio {self.name!r}: {self.goal_count} goals, "
            f"{self.initiative_count} initiatives, {h.periods} periods from {h.first_label}>"
        )


def load(path: str | os.PathLike[str]) -> Portfolio:
    """Read a model file; same as ``Portfolio.load``."""
    return Portfolio.load(path)


def sample_portfolio() -> Portfolio:
    """The sample portfolio shipped with aligngraph; same as ``Portfolio.sample``."""
    return Portfolio.sample()
