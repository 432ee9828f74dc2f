"""aligngraph: IT-business alignment and budget modelling.

A portfolio model of an organisation's goals, the initiatives that serve them and
the budgets they compete for. The compiled core (C++) does the work; this package
gives it Python's conventions: numpy arrays, pandas frames, exceptions.

>>> import aligngraph as ag
>>> p = ag.Portfolio.sample()
>>> p.goal_weights().to_series().head(3)   # doctest: +SKIP
"""

from . import _core
from .portfolio import CancellationImpact, GoalWeights, ModelWarning, Portfolio, load, sample_portfolio
from .selection import Reoptimizer, SelectionResult, frontier, select_portfolio
from .finance import fv, ipmt, irr, mirr, nper, npv, pmt, ppmt, pv, rate, xirr, xnpv
from .scoring import (
    AhpConsistencyWarning,
    AhpResult,
    AhpWarning,
    WorstJudgment,
    aggregate_judgments,
    ahp,
    compare_rankings,
)
from ._core import (
    AhpMethod,
    CompositeWeights,
    CostKind,
    Criterion,
    Direction,
    RandomIndex,
    ScoreKind,
    random_index,
    CycleError,
    Distribution,
    Error,
    Estimate,
    Horizon,
    Displacement,
    Financials,
    FrontierPoint,
    InfeasibleError,
    IrrResult,
    IrrStatus,
    Kpi,
    LeftOut,
    LeftOutReason,
    NoSolutionError,
    NpvConvention,
    Objective,
    SelectionProblem,
    Settings,
    Sweep,
    Status,
    Strength,
    Uncertainty,
    ValidationError,
    When,
    annual_rate,
    model_format_version,
    period_rate,
)

__version__ = _core.__version__

__all__ = [
    "AhpConsistencyWarning",
    "AhpMethod",
    "AhpResult",
    "AhpWarning",
    "CompositeWeights",
    "Criterion",
    "Direction",
    "RandomIndex",
    "ScoreKind",
    "WorstJudgment",
    "aggregate_judgments",
    "ahp",
    "compare_rankings",
    "random_index",
    "CancellationImpact",
    "CostKind",
    "CycleError",
    "Distribution",
    "Error",
    "Estimate",
    "GoalWeights",
    "Horizon",
    "InfeasibleError",
    "Kpi",
    "Displacement",
    "Financials",
    "FrontierPoint",
    "IrrResult",
    "IrrStatus",
    "LeftOut",
    "LeftOutReason",
    "ModelWarning",
    "NoSolutionError",
    "NpvConvention",
    "Objective",
    "SelectionProblem",
    "Sweep",
    "Reoptimizer",
    "SelectionResult",
    "frontier",
    "select_portfolio",
    "Portfolio",
    "Settings",
    "Status",
    "Strength",
    "Uncertainty",
    "ValidationError",
    "When",
    "annual_rate",
    "fv",
    "ipmt",
    "irr",
    "load",
    "mirr",
    "nper",
    "npv",
    "period_rate",
    "pmt",
    "ppmt",
    "pv",
    "rate",
    "xirr",
    "xnpv",
    "model_format_version",
    "sample_portfolio",
]


