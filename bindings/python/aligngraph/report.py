"""The steering committee's report: :class:`Briefing` (everything it shows, computed) and
the HTML file (``Portfolio.report``). The report is built by the compiled library, the same
as ``aligngraph report FILE -o report.html``; see docs/report.md."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import _core

if TYPE_CHECKING:
    from .portfolio import Portfolio
    from .risk import RiskResult
    from .schedule import ScheduleResult
    from .selection import SelectionResult

__all__ = ["Briefing", "DEFAULT_FRONTIER_LEVELS"]

#: The budget factors of the report's frontier (1, the plan, is always added).
DEFAULT_FRONTIER_LEVELS = (0.5, 0.75, 1.0, 1.25, 1.5)


class Briefing:
    """What the report says, all of it computed by one call (``Portfolio.briefing``):

    ``optimal`` (a :class:`SelectionResult` by NPV, explained), ``frontier`` (a DataFrame by
    budget factor: value, proven, knee, plan), ``roadmap`` (a :class:`ScheduleResult`, or
    None with ``roadmap_note`` saying why), ``risk`` (a :class:`RiskResult`, or None with
    ``risk_note``), ``coverage`` (the share of each goal the funded portfolio serves, a
    Series by goal id), ``unserved`` (goal ids), ``weight_served``, ``discount_rate``,
    ``model_sha256`` (of the model as aligngraph writes it), ``version``.
    ``html()`` is the report; ``write(path)`` writes it (atomically)."""

    def __init__(self, portfolio: "Portfolio", core: Any) -> None:
        self.portfolio = portfolio
        self.core = core

    title = property(lambda self: self.core.title)
    currency = property(lambda self: self.core.currency)
    discount_rate = property(lambda self: self.core.discount_rate, doc="Yearly, as used.")
    weight_served = property(lambda self: self.core.weight_served, doc="The goals' weight the funded portfolio serves.")
    roadmap_note = property(lambda self: self.core.roadmap_note)
    risk_note = property(lambda self: self.core.risk_note)
    model_sha256 = property(lambda self: self.core.model_sha256)
    model_file_sha256 = property(lambda self: self.core.model_file_sha256)
    version = property(lambda self: self.core.version)

    @property
    def optimal(self) -> "SelectionResult":
        from .selection import SelectionResult

        return SelectionResult(self.core.optimal)

    @property
    def roadmap(self) -> "ScheduleResult | None":
        from .schedule import ScheduleResult

        core = self.core.roadmap
        return None if core is None else ScheduleResult(core, by_id=True)

    @property
    def risk(self) -> "RiskResult | None":
        from .risk import RiskResult

        core = self.core.risk
        return None if core is None else RiskResult(core)

    @property
    def coverage(self) -> pd.Series:
        ids = list(self.portfolio.goal_ids)
        return pd.Series(self.core.coverage, index=pd.Index(ids, name="goal"), name="coverage")

    @property
    def unserved(self) -> list[str]:
        ids = self.coverage.index
        return [ids[g] for g in self.core.unserved]

    @property
    def frontier(self) -> pd.DataFrame:
        points = self.core.frontier
        plan = self.core.plan_level
        return pd.DataFrame(
            {
                "total_budget": [pt.total_budget for pt in points],
                "feasible": [pt.feasible for pt in points],
                "value": [pt.result.value if pt.feasible else float("nan") for pt in points],
                "proven": [pt.result.proven for pt in points],
                "knee": [pt.knee for pt in points],
                "plan": [k == plan for k in range(len(points))],
            },
            index=pd.Index([pt.factor for pt in points], name="factor"),
        )

    def html(self) -> str:
        """The report: one self-contained HTML document."""
        return _core.report_html(self.portfolio, self.core)

    def write(self, path: str | os.PathLike[str]) -> Path:
        """Writes the report to ``path`` (replacing it atomically) and returns the path."""
        _core.write_report(os.fspath(path), self.portfolio, self.core)
        return Path(path)

    def __repr__(self) -> str:
        r = self.core.optimal
        return (f"<aligngraph.Briefing {self.title!r}: {len(r.selected)} of {len(r.values)} funded, NPV {r.value:.6g}"
                f"{'' if self.core.roadmap is None else ', roadmap'}{'' if self.core.risk is None else ', risk'}>")


def _brief(portfolio: "Portfolio", *, scenario: str | None, by: Any, explained: int, frontier_levels: Any, roadmap: bool,
           risk: bool, samples: int, seed: int, threads: int | None, time_limit: float,
           model_file: str | os.PathLike[str] | None) -> Briefing:
    levels = [] if frontier_levels is None else [float(x) for x in frontier_levels]
    file, file_hash = "", ""
    if model_file is not None:
        file = os.fspath(model_file)
        file_hash = _core.sha256_hex(Path(file).read_bytes())
    core = _core.brief_core(portfolio, scenario or "", by, int(explained), levels, bool(roadmap), bool(risk), int(samples),
                            int(seed), 0 if threads is None else int(threads), float(time_limit), file, file_hash)
    return Briefing(portfolio, core)
