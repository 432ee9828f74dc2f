"""Robust selection from Python: which initiatives belong in the portfolio whatever happens
(``Portfolio.selection_frequency``; see docs/risk.md, "Robust selection")."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from . import _core

__all__ = ["SelectionFrequency"]


class SelectionFrequency:
    """How often each initiative is in the optimal portfolio over sampled scenarios.

    ``frequency``: a Series by initiative id (share of the scenarios whose optimum holds it);
    ``frame()``: frequency, mean_npv, planned_npv, in_planned (the optimum as planned),
    in_expected (the portfolio best in expectation); ``selected``: a boolean frame of
    scenarios x initiatives; ``optimum``: each scenario's optimal NPV; ``expected_selection``
    and ``planned_selection`` (ids); ``expected_value``; ``scenarios``, ``proven`` (how many
    optima were proven), ``seconds``; ``text()`` and ``to_json()`` (what ``aligngraph robust``
    prints). ``core``: the compiled result."""

    def __init__(self, core: Any) -> None:
        self.core = core

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

    def __repr__(self) -> str:
        f = np.asarray(self.core.frequency)
        return (f"<aligngraph.SelectionFrequency: {self.scenarios} scenarios, {int((f >= 1).sum())} always in, "
                f"{int(((f > 0) & (f < 1)).sum())} sometimes, {int((f <= 0).sum())} never>")
