"""AHP, alignment and priority scores from Python (see docs/scoring.md)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from . import _core
from ._core import AhpMethod, Criterion, RandomIndex

__all__ = ["AhpConsistencyWarning", "AhpResult", "AhpWarning", "WorstJudgment", "aggregate_judgments", "ahp",
           "compare_rankings", "criteria_list"]


class AhpWarning(UserWarning):
    """A judgment outside Saaty's 1/9..9 scale (accepted unless strict)."""


class AhpConsistencyWarning(AhpWarning):
    """The consistency ratio exceeds the threshold (0.1): the matrix is accepted, but look at `worst_judgment`."""


class WorstJudgment(NamedTuple):
    """The judgment a[row, col] most at odds with the weights, and the value that would agree with them."""

    row: int
    col: int
    value: float
    consistent_value: float
    deviation: float


@dataclass(frozen=True)
class AhpResult:
    """Weights (sum 1) and consistency of a pairwise comparison matrix."""

    weights: np.ndarray
    lambda_max: float
    ci: float
    cr: float
    random_index: float
    worst_judgment: WorstJudgment | None
    completed: np.ndarray
    warnings: list[str]


def ahp(
    matrix: Any,
    method: AhpMethod = AhpMethod.eigenvector,
    random_index: RandomIndex = RandomIndex.donegan_dodd_1991,
    *,
    strict: bool = False,
    cr_threshold: float = 0.1,
    reciprocal_tolerance: float = 1e-9,
) -> AhpResult:
    """AHP on a square matrix (a[i, j] = how many times i matters more than j; NaN = missing,
    completed by minimising lambda_max). Warnings (CR above the threshold, judgments off the
    1..9 scale) are both returned and issued with ``warnings.warn`` (AhpConsistencyWarning,
    AhpWarning); ``strict=True`` makes off-scale judgments an error."""
    m = np.asarray(matrix, dtype=float)
    d = _core.ahp_core(m, method, random_index, strict, cr_threshold, reciprocal_tolerance)
    for text in d["warnings"]:
        cls = AhpConsistencyWarning if text.startswith("consistency ratio") else AhpWarning
        warnings.warn(text, cls, stacklevel=2)
    worst = d["worst_judgment"]
    return AhpResult(
        weights=np.asarray(d["weights"]),
        lambda_max=d["lambda_max"],
        ci=d["ci"],
        cr=d["cr"],
        random_index=d["random_index"],
        worst_judgment=None if worst is None else WorstJudgment(*worst),
        completed=np.asarray(d["completed"]),
        warnings=list(d["warnings"]),
    )


def aggregate_judgments(matrices: Any) -> np.ndarray:
    """Group judgment: element-wise geometric mean of several people's matrices."""
    return _core.aggregate_judgments([np.asarray(m, dtype=float) for m in matrices])


def criteria_list(criteria: Any) -> list[Criterion]:
    """Criteria from a list of Criterion, a list of names (weight 1, benefit) or a dict name -> weight."""
    if criteria is None:
        return []
    if isinstance(criteria, dict):
        return [Criterion(name, float(w)) for name, w in criteria.items()]
    return [c if isinstance(c, Criterion) else Criterion(str(c)) for c in criteria]


def compare_rankings(a: pd.Series, b: pd.Series) -> tuple[pd.DataFrame, float]:
    """Ranks under two scores of the same initiatives (Series indexed by id), the change
    (negative: moved up) and Kendall's tau."""
    b = b.reindex(a.index)
    ids = [str(i) for i in a.index]
    rank_a, rank_b, tau = _core.kendall_tau(a.to_numpy(dtype=float), b.to_numpy(dtype=float), ids)
    frame = pd.DataFrame({"rank_a": rank_a, "rank_b": rank_b}, index=a.index)
    frame["change"] = frame["rank_b"] - frame["rank_a"]
    return frame, tau
