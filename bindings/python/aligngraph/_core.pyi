"""
aligngraph compiled core; use the aligngraph package.
"""
from __future__ import annotations
from aligngraph import CycleError
from aligngraph import Error
from aligngraph import InfeasibleError
from aligngraph import NoSolutionError
from aligngraph import ResourceError
from aligngraph import ValidationError
import collections.abc
import numpy
import numpy.typing
import os
import typing
__all__: list[str] = ['AhpMethod', 'Alignment', 'BriefingCore', 'Budget', 'ChanceConstrainedCore', 'CompositeWeights', 'CoreClass', 'Correlation', 'CorrelationOn', 'CostKind', 'Criterion', 'CycleError', 'Direction', 'Displacement', 'Distribution', 'Error', 'Estimate', 'Financials', 'FrontierPoint', 'Goal', 'Horizon', 'InfeasibleError', 'Initiative', 'IrrResult', 'IrrStatus', 'Judgments', 'Kpi', 'LeftOut', 'LeftOutReason', 'MAX_PERIODS', 'NoSolutionError', 'NpvConvention', 'Objective', 'PortfolioCore', 'Progress', 'RandomIndex', 'RankCorrelation', 'ReoptimizerCore', 'ResourceError', 'RiskEvent', 'RiskProblemCore', 'RiskResultCore', 'RiskSummary', 'RpmResultCore', 'Scenario', 'ScenarioComparisonCore', 'ScheduleObjective', 'ScheduleResultCore', 'ScoreExplanation', 'ScoreKind', 'ScorePart', 'ScorePartKind', 'ScoreTable', 'SelectionFrequencyCore', 'SelectionProblem', 'SelectionResultCore', 'Settings', 'StartExplanation', 'StartReason', 'Status', 'StopReason', 'Strength', 'Sweep', 'Team', 'TornadoBar', 'Uncertainty', 'ValidationError', 'When', 'aggregate_judgments', 'ahp_core', 'alignment_core', 'annual_rate', 'array_risk_problem_core', 'brief_core', 'cancellation_impact', 'chance_constrained_core', 'chance_html', 'chance_json', 'chance_text', 'compare_html', 'compare_json', 'compare_scenarios_core', 'compare_text', 'criterion_weight_sensitivity_core', 'dependants', 'draws_core', 'explain_score_core', 'explanation_json', 'explanation_text', 'extreme_weights', 'find_goal_cycle', 'find_requires_cycle', 'frontier_core', 'goal_coverage', 'goal_order', 'goal_weight_sensitivity_core', 'goal_weights', 'initiative_financials', 'irr_one', 'irr_roots', 'irr_rows', 'join_core', 'join_selection_frequency_core', 'kendall_tau', 'load_model', 'local_goal_weights', 'memory_limit', 'mirr_rows', 'model_format_version', 'model_from_json', 'model_to_json', 'npv_rows', 'optimize_core', 'orphan_initiatives', 'payback_rows', 'period_rate', 'portfolio_financials', 'portfolio_html', 'portfolio_risk_problem_core', 'prerequisites', 'random_index', 'ranks', 'read_psplib_core', 'reoptimizer_core', 'report_html', 'risk_html', 'risk_json', 'risk_problem_core', 'risk_text', 'roadmap_core', 'rpm_core', 'rpm_html', 'rpm_json', 'rpm_portfolio_core', 'rpm_text', 'sample_portfolio', 'sample_portfolio_json', 'save_model', 'schedule_core', 'schedule_html', 'schedule_json', 'schedule_text', 'score_core', 'select_core', 'select_frontier_core', 'selection_frequency_core', 'selection_frequency_html', 'selection_frequency_json', 'selection_frequency_text', 'selection_html', 'selection_json', 'selection_problem_core', 'selection_text', 'set_memory_limit', 'sha256_hex', 'simulate_problem_core', 'summary_json', 'summary_text', 'topological_order', 'topological_order_indices', 'tvm_fv', 'tvm_ipmt', 'tvm_nper', 'tvm_pmt', 'tvm_ppmt', 'tvm_pv', 'tvm_rate', 'unserved_goals', 'write_report', 'xirr_one', 'xirr_roots', 'xnpv']
class Status:
    """
    Lifecycle status of an initiative.
    
    Members:
    
      proposed
    
      approved
    
      running
    
      completed
    
      cancelled
    
      on_hold
    """
    __members__: typing.ClassVar[dict[str, Status]]
    approved: typing.ClassVar[Status]
    cancelled: typing.ClassVar[Status]
    completed: typing.ClassVar[Status]
    on_hold: typing.ClassVar[Status]
    proposed: typing.ClassVar[Status]
    running: typing.ClassVar[Status]
    @typing.overload
    def __eq__(self, other: Status) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: Status) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class Distribution:
    """
    How risk analysis samples a three-point estimate.
    
    Members:
    
      triangular
    
      pert
    
      uniform
    
      normal
    
      lognormal
    """
    __members__: typing.ClassVar[dict[str, Distribution]]
    lognormal: typing.ClassVar[Distribution]
    normal: typing.ClassVar[Distribution]
    pert: typing.ClassVar[Distribution]
    triangular: typing.ClassVar[Distribution]
    uniform: typing.ClassVar[Distribution]
    @typing.overload
    def __eq__(self, other: Distribution) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: Distribution) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class CostKind:
    """
    Which costs a budget limits.
    
    Members:
    
      all
    
      capex
    
      opex
    """
    __members__: typing.ClassVar[dict[str, CostKind]]
    all: typing.ClassVar[CostKind]
    capex: typing.ClassVar[CostKind]
    opex: typing.ClassVar[CostKind]
    @typing.overload
    def __eq__(self, other: CostKind) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: CostKind) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class CorrelationOn:
    """
    Which multipliers a correlation links: cost, benefit, or both (each with its own kind).
    
    Members:
    
      cost
    
      benefit
    
      both
    """
    __members__: typing.ClassVar[dict[str, CorrelationOn]]
    benefit: typing.ClassVar[CorrelationOn]
    both: typing.ClassVar[CorrelationOn]
    cost: typing.ClassVar[CorrelationOn]
    @typing.overload
    def __eq__(self, other: CorrelationOn) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: CorrelationOn) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class Strength:
    """
    A contribution's strength on the named scale: none, weak (1/9), medium (3/9), strong (1).
    
    Members:
    
      none
    
      weak
    
      medium
    
      strong
    """
    __members__: typing.ClassVar[dict[str, Strength]]
    medium: typing.ClassVar[Strength]
    none: typing.ClassVar[Strength]
    strong: typing.ClassVar[Strength]
    weak: typing.ClassVar[Strength]
    @typing.overload
    def __eq__(self, other: Strength) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: Strength) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class Horizon:
    """
    The planning horizon: `periods` periods of `period_years` years from `first_label`.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: Horizon) -> bool:
        ...
    def __init__(self, periods: typing.SupportsInt | typing.SupportsIndex = 12, period_years: typing.SupportsFloat | typing.SupportsIndex = 0.25, first_label: str = '2027Q1') -> None:
        ...
    def __repr__(self) -> str:
        ...
    def label(self, t: typing.SupportsInt | typing.SupportsIndex) -> str:
        """
        Label of period t (0-based).
        """
    def labels(self) -> list[str]:
        """
        Labels of every period.
        """
    @property
    def first_label(self) -> str:
        ...
    @property
    def period_years(self) -> float:
        ...
    @property
    def periods(self) -> int:
        ...
class Settings:
    """
    Model-wide settings.
    """
    __hash__: typing.ClassVar[None] = None
    currency: str
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.Settings) -> str
        """
    def __eq__(self, arg0: Settings) -> bool:
        ...
    def __init__(self, discount_rate: typing.SupportsFloat | typing.SupportsIndex = 0.1, enabler_share: typing.SupportsFloat | typing.SupportsIndex = 0.5, currency: str = 'EUR') -> None:
        ...
    @property
    def discount_rate(self) -> float:
        """
        Discount rate per year.
        """
    @discount_rate.setter
    def discount_rate(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def enabler_share(self) -> float:
        """
        beta: share of a dependant's alignment credited to prerequisites.
        """
    @enabler_share.setter
    def enabler_share(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Kpi:
    """
    A goal's key performance indicator.
    """
    __hash__: typing.ClassVar[None] = None
    metric: str
    unit: str
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.Kpi) -> str
        """
    def __eq__(self, arg0: Kpi) -> bool:
        ...
    def __init__(self, metric: str, unit: str = '', baseline: typing.SupportsFloat | typing.SupportsIndex = 0.0, target: typing.SupportsFloat | typing.SupportsIndex = 0.0) -> None:
        ...
    @property
    def baseline(self) -> float:
        ...
    @baseline.setter
    def baseline(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def target(self) -> float:
        ...
    @target.setter
    def target(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Judgments:
    """
    AHP judgments of a goal over its children.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.Judgments) -> str
        """
    @property
    def children(self) -> list[str]:
        ...
    @property
    def matrix(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        The matrix, NaN where a judgment is missing.
        """
class Goal:
    """
    A goal of the hierarchy.
    """
    def __repr__(self) -> str:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def judgments(self) -> Judgments | None:
        """
        AHP judgments over its children, or None.
        """
    @property
    def kpi(self) -> Kpi | None:
        ...
    @property
    def level(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def owner(self) -> str:
        ...
    @property
    def weight(self) -> float | None:
        """
        Top-level weight (root goals only), or None.
        """
class Estimate:
    """
    Three-point estimate low <= mode <= high (multipliers; periods for delay).
    """
    __hash__: typing.ClassVar[None] = None
    distribution: Distribution
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.Estimate) -> str
        """
    def __eq__(self, arg0: Estimate) -> bool:
        ...
    def __init__(self, low: typing.SupportsFloat | typing.SupportsIndex, mode: typing.SupportsFloat | typing.SupportsIndex, high: typing.SupportsFloat | typing.SupportsIndex, distribution: Distribution = Distribution.triangular) -> None:
        ...
    @property
    def high(self) -> float:
        ...
    @high.setter
    def high(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def low(self) -> float:
        ...
    @low.setter
    def low(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def mode(self) -> float:
        ...
    @mode.setter
    def mode(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Uncertainty:
    """
    What is uncertain about an initiative.
    """
    __hash__: typing.ClassVar[None] = None
    benefit: Estimate | None
    cost: Estimate | None
    delay: Estimate | None
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.Uncertainty) -> str
        """
    def __eq__(self, arg0: Uncertainty) -> bool:
        ...
    def __init__(self, *, cost: Estimate | None = None, benefit: Estimate | None = None, delay: Estimate | None = None, success_probability: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> None:
        ...
    @property
    def success_probability(self) -> float:
        ...
    @success_probability.setter
    def success_probability(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Correlation:
    """
    Correlated multipliers of initiatives (a Gaussian copula; every pair has the coefficient).
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: Correlation) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def coefficient(self) -> float:
        ...
    @property
    def initiatives(self) -> list[str]:
        ...
    @property
    def on(self) -> CorrelationOn:
        ...
class RiskEvent:
    """
    A risk event of the register: its probability, the initiatives it hits, its impacts.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: RiskEvent) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def cost(self) -> Estimate | None:
        """
        Extra cost as a fraction of each initiative's cost (an Estimate), or None.
        """
    @property
    def delay(self) -> Estimate | None:
        """
        Periods of delay (an Estimate), or None.
        """
    @property
    def id(self) -> str:
        ...
    @property
    def initiatives(self) -> list[str]:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def probability(self) -> float:
        ...
class Initiative:
    """
    An initiative's record (a copy; change the model with its builder methods).
    """
    def __repr__(self) -> str:
        ...
    @property
    def benefits(self) -> list[float]:
        ...
    @property
    def capex(self) -> list[float]:
        ...
    @property
    def criteria(self) -> dict[str, float]:
        ...
    @property
    def deadline(self) -> int | None:
        ...
    @property
    def demand(self) -> dict[str, list[float]]:
        ...
    @property
    def department(self) -> str:
        ...
    @property
    def duration(self) -> int:
        ...
    @property
    def earliest_start(self) -> int | None:
        ...
    @property
    def effort(self) -> float:
        ...
    @property
    def forced_in(self) -> bool:
        ...
    @property
    def forced_out(self) -> bool:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def latest_start(self) -> int | None:
        ...
    @property
    def mandatory(self) -> bool:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def opex(self) -> list[float]:
        ...
    @property
    def start(self) -> int:
        ...
    @property
    def status(self) -> Status:
        ...
    @property
    def uncertainty(self) -> Uncertainty | None:
        ...
class Budget:
    """
    A per-period limit on one funding pool's costs.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.Budget) -> str
        """
    @property
    def department(self) -> str:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def kind(self) -> CostKind:
        ...
    @property
    def limits(self) -> list[float]:
        ...
class Team:
    """
    A team with per-period capacity.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.Team) -> str
        """
    @property
    def capacity(self) -> list[float]:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
class Scenario:
    """
    A named overlay on the model.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.Scenario) -> str
        """
    @property
    def budget_factor(self) -> float | None:
        ...
    @property
    def cost_overrun(self) -> float | None:
        ...
    @property
    def criterion_weights(self) -> dict[str, float]:
        ...
    @property
    def discount_rate(self) -> float | None:
        ...
    @property
    def enabler_share(self) -> float | None:
        ...
    @property
    def forced_in(self) -> list[str]:
        ...
    @property
    def forced_out(self) -> list[str]:
        ...
    @property
    def goal_weights(self) -> dict[str, float]:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def judgments(self) -> dict[str, Judgments]:
        ...
    @property
    def name(self) -> str:
        ...
class PortfolioCore:
    """
    The compiled portfolio model; use aligngraph.Portfolio.
    """
    __hash__: typing.ClassVar[None] = None
    name: str
    settings: Settings
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.PortfolioCore) -> str
        """
    def __eq__(self, arg0: PortfolioCore) -> bool:
        ...
    @typing.overload
    def __init__(self, periods: typing.SupportsInt | typing.SupportsIndex = 12, period_years: typing.SupportsFloat | typing.SupportsIndex = 0.25, first_label: str = '2027Q1') -> None:
        ...
    @typing.overload
    def __init__(self, other: PortfolioCore) -> None:
        """
        A copy of another model.
        """
    def _problems(self) -> list[tuple[str, str, bool]]:
        """
        Every problem as (json_pointer, message, is_warning), in model order.
        """
    def add_budget(self, id: str, limits: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], *, department: str = '', kind: CostKind = CostKind.all) -> None:
        ...
    @typing.overload
    def add_contribution(self, initiative: str, goal: str, strength: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @typing.overload
    def add_contribution(self, initiative: str, goal: str, strength: Strength) -> None:
        ...
    @typing.overload
    def add_contribution(self, initiative: str, goal: str, strength: str) -> None:
        """
        Initiative -> goal contribution: a number in [0, 1], a Strength, or its name (none, weak, medium, strong).
        """
    def add_contributions(self, initiatives: typing.Annotated[numpy.typing.NDArray[numpy.int64], "[m, 1]"], goals: typing.Annotated[numpy.typing.NDArray[numpy.int64], "[m, 1]"], strengths: typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]) -> None:
        """
        Bulk: contributions by index arrays (int64 initiative and goal indices, float strengths).
        """
    def add_correlation(self, initiatives: collections.abc.Sequence[str], coefficient: typing.SupportsFloat | typing.SupportsIndex, on: CorrelationOn = CorrelationOn.both) -> None:
        """
        Correlate the initiatives' multipliers (cost, benefit or both): every pair gets `coefficient` in [-1, 1].
        """
    def add_exclusion(self, id: str, members: collections.abc.Sequence[str]) -> None:
        """
        A group of alternatives: at most one member may be selected.
        """
    def add_goal(self, id: str, name: str = '', *, level: str = '', owner: str = '', weight: typing.SupportsFloat | typing.SupportsIndex | None = None, kpi: Kpi | None = None) -> None:
        """
        Add a goal; `weight` is the top-level weight of a root goal.
        """
    def add_initiative(self, id: str, name: str = '', department: str = '', *, start: typing.SupportsInt | typing.SupportsIndex = 0, duration: typing.SupportsInt | typing.SupportsIndex = 1, effort: typing.SupportsFloat | typing.SupportsIndex = 0.0, capex: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex] = [], opex: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex] = [], benefits: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex] = [], criteria: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex] = {}, uncertainty: Uncertainty | None = None, mandatory: bool = False, forced_in: bool = False, forced_out: bool = False, status: Status = Status.proposed, demand: collections.abc.Mapping[str, collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]] = {}, earliest_start: typing.SupportsInt | typing.SupportsIndex | None = None, latest_start: typing.SupportsInt | typing.SupportsIndex | None = None, deadline: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
        """
        Add an initiative. Flows are per period from period 0 (shorter lists are followed by zeros). earliest_start, latest_start, deadline: its start window for the roadmap.
        """
    def add_initiatives(self, ids: collections.abc.Sequence[str], departments: collections.abc.Sequence[str]) -> None:
        """
        Bulk: add initiatives (duration 1, no flows) with these ids and departments.
        """
    def add_requirements(self, dependants: typing.Annotated[numpy.typing.NDArray[numpy.int64], "[m, 1]"], prerequisites: typing.Annotated[numpy.typing.NDArray[numpy.int64], "[m, 1]"]) -> None:
        """
        Bulk: requires links by index arrays.
        """
    def add_requires(self, dependant: str, prerequisite: str, lag: typing.SupportsInt | typing.SupportsIndex = 0) -> None:
        """
        `dependant` requires `prerequisite`: finish-to-start, starting no earlier than `lag` periods after it finishes.
        """
    def add_risk_event(self, id: str, probability: typing.SupportsFloat | typing.SupportsIndex, initiatives: collections.abc.Sequence[str], *, name: str = '', cost: Estimate | None = None, delay: Estimate | None = None) -> None:
        """
        A risk event: in each sample it happens with `probability` and hits every listed initiative: `cost` (an Estimate of the extra cost as a fraction of its cost) and `delay` (an Estimate in periods).
        """
    def add_scenario(self, id: str, name: str = '', *, discount_rate: typing.SupportsFloat | typing.SupportsIndex | None = None, budget_factor: typing.SupportsFloat | typing.SupportsIndex | None = None, cost_overrun: typing.SupportsFloat | typing.SupportsIndex | None = None, enabler_share: typing.SupportsFloat | typing.SupportsIndex | None = None, goal_weights: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex] = {}, criterion_weights: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex] = {}, judgments: collections.abc.Mapping[str, tuple[collections.abc.Sequence[str], typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"]]] = {}, forced_in: collections.abc.Sequence[str] = [], forced_out: collections.abc.Sequence[str] = []) -> None:
        ...
    def add_team(self, id: str, capacity: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], *, name: str = '') -> None:
        ...
    def apply_what_if(self, scenario: str, force_in: collections.abc.Sequence[str], force_out: collections.abc.Sequence[str], budget_factor: typing.SupportsFloat | typing.SupportsIndex | None) -> str:
        """
        Adds the what-if as a scenario of its own and returns its id (see Portfolio.what_if).
        """
    def budget_costs(self, budget: str) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        Costs counted by a budget, n x P.
        """
    def budget_limits(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        Budget limits, B x P.
        """
    def check(self) -> None:
        """
        Raise ValidationError (or CycleError) listing every problem.
        """
    def contribution_matrix(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        Contribution strengths as a dense n x G array.
        """
    def contribution_triplets(self) -> list[tuple[str, str, float]]:
        """
        (initiative, goal, strength) for every contribution.
        """
    def exclusion_groups(self) -> list[tuple[str, list[str]]]:
        """
        (group id, member ids) for every exclusion group.
        """
    def goal(self, id: str) -> Goal:
        ...
    def goal_link_triplets(self) -> list[tuple[str, str, float]]:
        """
        (parent, child, raw local weight) for every goal link.
        """
    def initiative(self, id: str) -> Initiative:
        """
        The record of one initiative.
        """
    def link_goals(self, parent: str, child: str, weight: typing.SupportsFloat | typing.SupportsIndex) -> None:
        """
        Link parent -> child with a local weight (> 0, normalised per parent).
        """
    def requirement_pairs(self) -> list[tuple[str, str]]:
        """
        (dependant, prerequisite) for every requires link.
        """
    def set_criterion(self, name: str, scores: typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]) -> None:
        """
        Bulk: one criterion's score for every initiative (NaN: none).
        """
    def set_demand(self, initiative: str, team: str, per_period: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]) -> None:
        ...
    def set_efforts(self, efforts: typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]) -> None:
        """
        Bulk: every initiative's effort.
        """
    def set_goal_judgments(self, parent: str, children: collections.abc.Sequence[str], matrix: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"]) -> None:
        """
        Local weights of parent -> children links from an AHP matrix (NaN: missing judgment); the judgments are kept.
        """
    def team_capacities(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        Team capacities, T x P.
        """
    @property
    def benefits(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        Benefits, n x P.
        """
    @property
    def budget_records(self) -> list[Budget]:
        ...
    @property
    def capex(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        Capex, n x P.
        """
    @property
    def correlations(self) -> list[Correlation]:
        """
        The correlations (copies).
        """
    @property
    def costs(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        capex + opex, n x P.
        """
    @property
    def criteria(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        Criterion scores, n x C (columns: criterion_names); NaN where not given.
        """
    @property
    def criterion_names(self) -> list[str]:
        ...
    @property
    def departments(self) -> list[str]:
        ...
    @property
    def durations(self) -> typing.Annotated[numpy.typing.NDArray[numpy.int32], "[m, 1]"]:
        ...
    @property
    def efforts(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def flag_arrays(self) -> typing.Annotated[numpy.typing.NDArray[numpy.bool], "[m, 3]"]:
        """
        Columns mandatory, forced_in, forced_out; n x 3 booleans.
        """
    @property
    def goal_count(self) -> int:
        ...
    @property
    def goal_ids(self) -> list[str]:
        ...
    @property
    def goal_records(self) -> list[Goal]:
        ...
    @property
    def horizon(self) -> Horizon:
        ...
    @property
    def initiative_count(self) -> int:
        ...
    @property
    def initiative_ids(self) -> list[str]:
        ...
    @property
    def names(self) -> list[str]:
        ...
    @property
    def net_flows(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        benefits - costs, n x P.
        """
    @property
    def opex(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        Opex, n x P.
        """
    @property
    def risk_events(self) -> list[RiskEvent]:
        """
        The risk event register (copies).
        """
    @property
    def scenarios(self) -> list[Scenario]:
        ...
    @property
    def starts(self) -> typing.Annotated[numpy.typing.NDArray[numpy.int32], "[m, 1]"]:
        ...
    @property
    def statuses(self) -> list[Status]:
        ...
    @property
    def team_records(self) -> list[Team]:
        ...
class When:
    """
    When payments fall within each period.
    
    Members:
    
      end
    
      begin
    """
    __members__: typing.ClassVar[dict[str, When]]
    begin: typing.ClassVar[When]
    end: typing.ClassVar[When]
    @typing.overload
    def __eq__(self, other: When) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: When) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class NpvConvention:
    """
    Where the first flow of a series sits: numpy (t = 0, undiscounted) or excel (t = 1).
    
    Members:
    
      numpy
    
      excel
    """
    __members__: typing.ClassVar[dict[str, NpvConvention]]
    excel: typing.ClassVar[NpvConvention]
    numpy: typing.ClassVar[NpvConvention]
    @typing.overload
    def __eq__(self, other: NpvConvention) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: NpvConvention) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class IrrStatus:
    """
    How many IRRs a series has.
    
    Members:
    
      one_root
    
      several_roots
    
      no_sign_change
    
      no_root
    """
    __members__: typing.ClassVar[dict[str, IrrStatus]]
    no_root: typing.ClassVar[IrrStatus]
    no_sign_change: typing.ClassVar[IrrStatus]
    one_root: typing.ClassVar[IrrStatus]
    several_roots: typing.ClassVar[IrrStatus]
    @typing.overload
    def __eq__(self, other: IrrStatus) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: IrrStatus) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class IrrResult:
    """
    Every IRR of one series: the chosen one, all roots ascending, and how many there are.
    """
    def __repr__(self) -> str:
        ...
    @property
    def rate(self) -> float:
        """
        The chosen root (numpy-financial's pick); NaN when none.
        """
    @property
    def roots(self) -> list[float]:
        """
        Every root in the bracket, ascending.
        """
    @property
    def status(self) -> IrrStatus:
        ...
class Financials:
    """
    Finance measures, one entry per row (initiatives, or one 'portfolio' row), with what they were computed for and under which terms.
    """
    def __repr__(self) -> str:
        ...
    def text(self, total: Financials, width: typing.SupportsInt | typing.SupportsIndex = 100) -> str:
        """
        The finance table with `total` (a portfolio row) at the end.
        """
    def to_json(self, total: Financials) -> str:
        ...
    @property
    def capex(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def convention(self) -> NpvConvention:
        ...
    @property
    def currency(self) -> str:
        ...
    @property
    def discounted_payback(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def finance_rate(self) -> float:
        ...
    @property
    def ids(self) -> list[str]:
        ...
    @property
    def irr(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def irr_annual(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def irr_roots(self) -> typing.Annotated[numpy.typing.NDArray[numpy.int32], "[m, 1]"]:
        ...
    @property
    def members(self) -> list[str]:
        """
        portfolio_financials: the selection's ids.
        """
    @property
    def mirr(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def mirr_annual(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def names(self) -> list[str]:
        ...
    @property
    def npv(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def opex(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def payback(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def period_rate(self) -> float:
        ...
    @property
    def period_years(self) -> float:
        ...
    @property
    def profitability_index(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def pv_benefits(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def pv_costs(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def reinvest_rate(self) -> float:
        ...
    @property
    def roi(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def total_benefit(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def total_cost(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def yearly_rate(self) -> float:
        ...
class AhpMethod:
    """
    How AHP weights are derived.
    
    Members:
    
      eigenvector
    
      geometric_mean
    """
    __members__: typing.ClassVar[dict[str, AhpMethod]]
    eigenvector: typing.ClassVar[AhpMethod]
    geometric_mean: typing.ClassVar[AhpMethod]
    @typing.overload
    def __eq__(self, other: AhpMethod) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: AhpMethod) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class RandomIndex:
    """
    Random-index table for the consistency ratio.
    
    Members:
    
      donegan_dodd_1991
    
      saaty_2005
    
      saaty_1980
    """
    __members__: typing.ClassVar[dict[str, RandomIndex]]
    donegan_dodd_1991: typing.ClassVar[RandomIndex]
    saaty_1980: typing.ClassVar[RandomIndex]
    saaty_2005: typing.ClassVar[RandomIndex]
    @typing.overload
    def __eq__(self, other: RandomIndex) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: RandomIndex) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class Direction:
    """
    Whether more of a criterion is better (benefit) or worse (cost).
    
    Members:
    
      benefit
    
      cost
    """
    __members__: typing.ClassVar[dict[str, Direction]]
    benefit: typing.ClassVar[Direction]
    cost: typing.ClassVar[Direction]
    @typing.overload
    def __eq__(self, other: Direction) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: Direction) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class ScoreKind:
    """
    Which score ranks the initiatives.
    
    Members:
    
      alignment
    
      wsjf
    
      rice
    
      composite
    
      score
    """
    __members__: typing.ClassVar[dict[str, ScoreKind]]
    alignment: typing.ClassVar[ScoreKind]
    composite: typing.ClassVar[ScoreKind]
    rice: typing.ClassVar[ScoreKind]
    score: typing.ClassVar[ScoreKind]
    wsjf: typing.ClassVar[ScoreKind]
    @typing.overload
    def __eq__(self, other: ScoreKind) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: ScoreKind) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class ScorePartKind:
    """
    Where one part of an explained score comes from.
    
    Members:
    
      goal
    
      enabler
    
      criterion
    
      component
    """
    __members__: typing.ClassVar[dict[str, ScorePartKind]]
    component: typing.ClassVar[ScorePartKind]
    criterion: typing.ClassVar[ScorePartKind]
    enabler: typing.ClassVar[ScorePartKind]
    goal: typing.ClassVar[ScorePartKind]
    @typing.overload
    def __eq__(self, other: ScorePartKind) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: ScorePartKind) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class Alignment:
    """
    Alignment of every initiative (model order), with its rank.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.Alignment) -> str
        """
    @property
    def by_goal(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        n x goals: strength x global goal weight (a row sums to direct).
        """
    @property
    def direct(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def enabler(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Credit from dependants: total - direct.
        """
    @property
    def enabler_share(self) -> float:
        ...
    @property
    def goal_weights(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Global goal weights used (goal order).
        """
    @property
    def rank(self) -> typing.Annotated[numpy.typing.NDArray[numpy.int32], "[m, 1]"]:
        """
        1 = first: by descending total, ties by id.
        """
    @property
    def total(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
class ScoreTable:
    """
    A score per initiative (model order), its parts and its rank.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.ScoreTable) -> str
        """
    @property
    def kind(self) -> ScoreKind:
        ...
    @property
    def labels(self) -> list[str]:
        """
        The K part names.
        """
    @property
    def parts(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        n x K; the rows sum to total.
        """
    @property
    def rank(self) -> typing.Annotated[numpy.typing.NDArray[numpy.int32], "[m, 1]"]:
        """
        1 = first: by descending total, ties by id.
        """
    @property
    def total(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
class ScorePart:
    """
    One part of an explained score.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.ScorePart) -> str
        """
    @property
    def kind(self) -> ScorePartKind:
        ...
    @property
    def name(self) -> str:
        """
        The goal's or the dependant's name ('' otherwise).
        """
    @property
    def source(self) -> str:
        """
        The goal's id, the dependant's id, or the criterion's or component's name.
        """
    @property
    def value(self) -> float:
        ...
    @property
    def weight(self) -> float:
        """
        The goal's global weight (goal parts); NaN otherwise.
        """
class ScoreExplanation:
    """
    One initiative's score with its parts.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.ScoreExplanation) -> str
        """
    @property
    def id(self) -> str:
        ...
    @property
    def initiative(self) -> int:
        ...
    @property
    def kind(self) -> ScoreKind:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def parts(self) -> list[ScorePart]:
        ...
    @property
    def rank(self) -> int:
        ...
    @property
    def score(self) -> float:
        ...
    @property
    def sum_of_parts(self) -> float:
        ...
class Criterion:
    """
    A criterion of weighted scoring.
    """
    direction: Direction
    name: str
    def __init__(self, name: str, weight: typing.SupportsFloat | typing.SupportsIndex = 1.0, direction: Direction = Direction.benefit) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def weight(self) -> float:
        ...
    @weight.setter
    def weight(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class CompositeWeights:
    """
    Weights of the composite priority (normalised to sum 1).
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.CompositeWeights) -> str
        """
    def __init__(self, alignment: typing.SupportsFloat | typing.SupportsIndex = 0.5, financial: typing.SupportsFloat | typing.SupportsIndex = 0.25, criteria: typing.SupportsFloat | typing.SupportsIndex = 0.25) -> None:
        ...
    @property
    def alignment(self) -> float:
        ...
    @alignment.setter
    def alignment(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def criteria(self) -> float:
        ...
    @criteria.setter
    def criteria(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def financial(self) -> float:
        ...
    @financial.setter
    def financial(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Objective:
    """
    What the portfolio selection maximises.
    
    Members:
    
      npv
    
      alignment
    
      composite
    """
    __members__: typing.ClassVar[dict[str, Objective]]
    alignment: typing.ClassVar[Objective]
    composite: typing.ClassVar[Objective]
    npv: typing.ClassVar[Objective]
    @typing.overload
    def __eq__(self, other: Objective) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: Objective) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class LeftOutReason:
    """
    Why an initiative is not in the selection.
    
    Members:
    
      forced_out
    
      prerequisite
    
      excluded
    
      budget
    
      no_value
    
      unproven
    """
    __members__: typing.ClassVar[dict[str, LeftOutReason]]
    budget: typing.ClassVar[LeftOutReason]
    excluded: typing.ClassVar[LeftOutReason]
    forced_out: typing.ClassVar[LeftOutReason]
    no_value: typing.ClassVar[LeftOutReason]
    prerequisite: typing.ClassVar[LeftOutReason]
    unproven: typing.ClassVar[LeftOutReason]
    @typing.overload
    def __eq__(self, other: LeftOutReason) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: LeftOutReason) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class Sweep:
    """
    How the frontier varies the budget: scale every limit, or one total budget.
    
    Members:
    
      scale
    
      total
    """
    __members__: typing.ClassVar[dict[str, Sweep]]
    scale: typing.ClassVar[Sweep]
    total: typing.ClassVar[Sweep]
    @typing.overload
    def __eq__(self, other: Sweep) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: Sweep) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class StopReason:
    """
    Why a computation ended before it had proven its answer.
    
    Members:
    
      none
    
      time_limit
    
      node_limit
    
      interrupted
    """
    __members__: typing.ClassVar[dict[str, StopReason]]
    interrupted: typing.ClassVar[StopReason]
    node_limit: typing.ClassVar[StopReason]
    none: typing.ClassVar[StopReason]
    time_limit: typing.ClassVar[StopReason]
    @typing.overload
    def __eq__(self, other: StopReason) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: StopReason) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class LeftOut:
    """
    One left-out initiative and the reason.
    """
    def __repr__(self) -> str:
        ...
    @property
    def blocked_by(self) -> list[int]:
        """
        Selected alternatives, or forced-out prerequisites.
        """
    @property
    def initiative(self) -> int:
        ...
    @property
    def needs(self) -> list[int]:
        """
        Unselected prerequisites that would come with it.
        """
    @property
    def overruns(self) -> list[tuple[int, float]]:
        """
        (budget row, amount over the limit), most binding first.
        """
    @property
    def reason(self) -> LeftOutReason:
        ...
    @property
    def text(self) -> str:
        ...
    @property
    def value(self) -> float:
        ...
class Displacement:
    """
    What a selected initiative's funding buys, against its next best use.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.Displacement) -> str
        """
    @property
    def displaced_value(self) -> float:
        ...
    @property
    def displaces(self) -> list[int]:
        ...
    @property
    def explained(self) -> bool:
        """
        False when a limit left no time to work it out.
        """
    @property
    def initiative(self) -> int:
        ...
    @property
    def locked(self) -> bool:
        ...
    @property
    def margin(self) -> float:
        ...
    @property
    def text(self) -> str:
        ...
    @property
    def value(self) -> float:
        ...
    @property
    def with_(self) -> list[int]:
        """
        Selected dependants that would go with it.
        """
class SelectionResultCore:
    """
    The best selection found, how good it is proven to be, and what its numbers are.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.SelectionResultCore) -> str
        """
    def __getstate__(self) -> dict:
        ...
    def __setstate__(self, arg0: dict) -> None:
        ...
    def pool_budget(self, pool: typing.SupportsInt | typing.SupportsIndex) -> float:
        """
        Pool q's limits over the horizon (NaN: no such pool).
        """
    def pool_use(self, pool: typing.SupportsInt | typing.SupportsIndex) -> float:
        """
        What the selection uses of pool q over the horizon.
        """
    @property
    def budget_names(self) -> list[str]:
        """
        One per budget row.
        """
    @property
    def budget_use(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def budgets(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def currency(self) -> str:
        ...
    @property
    def displaced(self) -> list[Displacement]:
        ...
    @property
    def explained(self) -> bool:
        ...
    @property
    def gap(self) -> float:
        ...
    @property
    def ids(self) -> list[str]:
        """
        Initiative ids (empty when the problem had none).
        """
    @property
    def left_out(self) -> list[LeftOut]:
        ...
    @property
    def nodes(self) -> int:
        ...
    @property
    def objective(self) -> Objective | None:
        """
        What the values are (None over plain arrays).
        """
    @property
    def periods(self) -> list[str]:
        """
        Period labels of the rows.
        """
    @property
    def pools(self) -> list[str]:
        """
        The model's budget ids when the rows are pools x periods, pool-major.
        """
    @property
    def proven(self) -> bool:
        ...
    @property
    def scenario(self) -> str:
        ...
    @property
    def seconds(self) -> float:
        ...
    @property
    def selected(self) -> list[int]:
        ...
    @property
    def slack(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def stop_reason(self) -> StopReason:
        ...
    @property
    def total_budget(self) -> float:
        ...
    @property
    def total_pools(self) -> list[int]:
        """
        Pools whose limits add up to the money there is.
        """
    @property
    def total_use(self) -> float:
        ...
    @property
    def upper_bound(self) -> float:
        ...
    @property
    def value(self) -> float:
        ...
    @property
    def values(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
class FrontierPoint:
    """
    One level of the efficient frontier.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.FrontierPoint) -> str
        """
    @property
    def factor(self) -> float:
        ...
    @property
    def feasible(self) -> bool:
        ...
    @property
    def infeasible_reason(self) -> str:
        ...
    @property
    def knee(self) -> bool:
        ...
    @property
    def marginal(self) -> float:
        ...
    @property
    def pool_budgets(self) -> list[float]:
        ...
    @property
    def result(self) -> SelectionResultCore:
        ...
    @property
    def sweep(self) -> Sweep:
        ...
    @property
    def total_budget(self) -> float:
        ...
class SelectionProblem:
    """
    A selection problem over arrays, with its labels.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.SelectionProblem) -> str
        """
    @property
    def budget_names(self) -> list[str]:
        """
        One per budget row.
        """
    @property
    def budgets(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def costs(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def currency(self) -> str:
        ...
    @property
    def excludes(self) -> list[list[int]]:
        ...
    @property
    def forced_in(self) -> list[int]:
        ...
    @property
    def forced_out(self) -> list[int]:
        ...
    @property
    def ids(self) -> list[str]:
        """
        Initiative ids (empty when the problem had none).
        """
    @property
    def objective(self) -> Objective | None:
        """
        What the values are (None over plain arrays).
        """
    @property
    def periods(self) -> list[str]:
        """
        Period labels of the rows.
        """
    @property
    def pools(self) -> list[str]:
        """
        The model's budget ids when the rows are pools x periods, pool-major.
        """
    @property
    def requires(self) -> list[tuple[int, int]]:
        ...
    @property
    def requires_any(self) -> list[tuple[int, list[int]]]:
        ...
    @property
    def scenario(self) -> str:
        ...
    @property
    def total_pools(self) -> list[int]:
        """
        Pools whose limits add up to the money there is.
        """
    @property
    def values(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
class ScenarioComparisonCore:
    """
    Two scenarios side by side.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.ScenarioComparisonCore) -> str
        """
    def __getstate__(self) -> dict:
        ...
    def __setstate__(self, arg0: dict) -> None:
        ...
    @property
    def a(self) -> SelectionResultCore:
        ...
    @property
    def b(self) -> SelectionResultCore:
        ...
    @property
    def both(self) -> list[int]:
        ...
    @property
    def by(self) -> ScoreKind:
        ...
    @property
    def change(self) -> typing.Annotated[numpy.typing.NDArray[numpy.int32], "[m, 1]"]:
        ...
    @property
    def currency(self) -> str:
        ...
    @property
    def ids(self) -> list[str]:
        ...
    @property
    def kendall_tau(self) -> float:
        ...
    @property
    def names(self) -> list[str]:
        ...
    @property
    def only_a(self) -> list[int]:
        ...
    @property
    def only_b(self) -> list[int]:
        ...
    @property
    def rank_a(self) -> typing.Annotated[numpy.typing.NDArray[numpy.int32], "[m, 1]"]:
        ...
    @property
    def rank_b(self) -> typing.Annotated[numpy.typing.NDArray[numpy.int32], "[m, 1]"]:
        ...
    @property
    def scenario_a(self) -> str:
        ...
    @property
    def scenario_b(self) -> str:
        ...
    @property
    def score_a(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def score_b(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def value_difference(self) -> float:
        ...
class ReoptimizerCore:
    """
    A selection problem kept between solves (see aligngraph.Reoptimizer).
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.ReoptimizerCore) -> str
        """
    def __init__(self, values: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"], costs: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"], budgets: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"], requires: collections.abc.Sequence[tuple[typing.SupportsInt | typing.SupportsIndex, typing.SupportsInt | typing.SupportsIndex]], requires_any: collections.abc.Sequence[tuple[typing.SupportsInt | typing.SupportsIndex, collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]]], excludes: collections.abc.Sequence[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]], forced_in: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], forced_out: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], time_limit: typing.SupportsFloat | typing.SupportsIndex, node_limit: typing.SupportsInt | typing.SupportsIndex, ids: collections.abc.Sequence[str], budget_names: collections.abc.Sequence[str]) -> None:
        ...
    def force_in(self, index: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def force_out(self, index: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def release(self, index: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def set_budget(self, index: typing.SupportsInt | typing.SupportsIndex, limit: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    def set_limits(self, time_limit: typing.SupportsFloat | typing.SupportsIndex, node_limit: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def set_value(self, index: typing.SupportsInt | typing.SupportsIndex, value: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    def solve(self) -> SelectionResultCore:
        ...
    @property
    def budget_names(self) -> list[str]:
        ...
    @property
    def budgets(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def ids(self) -> list[str]:
        ...
    @property
    def values(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
class ScheduleObjective:
    """
    What a schedule optimises: makespan, cost of delay, or NPV.
    
    Members:
    
      makespan
    
      delay
    
      npv
    """
    __members__: typing.ClassVar[dict[str, ScheduleObjective]]
    delay: typing.ClassVar[ScheduleObjective]
    makespan: typing.ClassVar[ScheduleObjective]
    npv: typing.ClassVar[ScheduleObjective]
    @typing.overload
    def __eq__(self, other: ScheduleObjective) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: ScheduleObjective) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class StartReason:
    """
    Why a job starts when it does.
    
    Members:
    
      earliest
    
      prerequisite
    
      resource
    
      objective
    """
    __members__: typing.ClassVar[dict[str, StartReason]]
    earliest: typing.ClassVar[StartReason]
    objective: typing.ClassVar[StartReason]
    prerequisite: typing.ClassVar[StartReason]
    resource: typing.ClassVar[StartReason]
    @typing.overload
    def __eq__(self, other: StartReason) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: StartReason) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class StartExplanation:
    """
    One job's start, explained.
    """
    def __repr__(self) -> str:
        ...
    @property
    def job(self) -> int:
        ...
    @property
    def periods(self) -> list[int]:
        """
        The periods in which that resource is full for this job.
        """
    @property
    def prerequisite(self) -> int:
        """
        The prerequisite waited for (-1 if none).
        """
    @property
    def reason(self) -> StartReason:
        ...
    @property
    def resource(self) -> int:
        """
        The full resource (-1 if none).
        """
    @property
    def text(self) -> str:
        ...
class ScheduleResultCore:
    """
    The best schedule found, how good it is proven to be, and its loads.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.ScheduleResultCore) -> str
        """
    @property
    def bound(self) -> float:
        ...
    @property
    def capacity(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def critical(self) -> list[bool]:
        ...
    @property
    def critical_chain(self) -> list[int]:
        ...
    @property
    def currency(self) -> str:
        ...
    @property
    def durations(self) -> list[int]:
        ...
    @property
    def earliest(self) -> list[int]:
        ...
    @property
    def explained(self) -> bool:
        ...
    @property
    def finishes(self) -> list[int]:
        ...
    @property
    def flows_past_horizon(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def gap(self) -> float:
        ...
    @property
    def horizon(self) -> int:
        ...
    @property
    def ids(self) -> list[str]:
        ...
    @property
    def job_values(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def latest(self) -> list[int]:
        ...
    @property
    def load(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def makespan(self) -> int:
        ...
    @property
    def nodes(self) -> int:
        ...
    @property
    def objective(self) -> ScheduleObjective:
        ...
    @property
    def periods(self) -> list[str]:
        ...
    @property
    def proven(self) -> bool:
        ...
    @property
    def reasons(self) -> list[StartExplanation]:
        ...
    @property
    def resource_ids(self) -> list[str]:
        """
        From a model: the budget's or team's id per resource.
        """
    @property
    def resource_kinds(self) -> list[str]:
        """
        From a model: 'budget' or 'team' per resource.
        """
    @property
    def resources(self) -> list[str]:
        ...
    @property
    def scenario(self) -> str:
        ...
    @property
    def scheduled(self) -> list[bool]:
        ...
    @property
    def seconds(self) -> float:
        ...
    @property
    def slack(self) -> list[int]:
        ...
    @property
    def starts(self) -> list[int]:
        ...
    @property
    def stop_reason(self) -> StopReason:
        ...
    @property
    def value(self) -> float:
        ...
class RiskSummary:
    """
    The portfolio NPV's distribution in numbers.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.RiskSummary) -> str
        """
    @property
    def cvar5(self) -> float:
        """
        The mean of the worst 5% of samples.
        """
    @property
    def max(self) -> float:
        ...
    @property
    def mean(self) -> float:
        ...
    @property
    def min(self) -> float:
        ...
    @property
    def p5(self) -> float:
        ...
    @property
    def p50(self) -> float:
        ...
    @property
    def p95(self) -> float:
        ...
    @property
    def p_negative(self) -> float:
        """
        P(NPV < 0).
        """
    @property
    def p_negative_high(self) -> float:
        ...
    @property
    def p_negative_low(self) -> float:
        """
        Its 95% interval (Wilson), low end.
        """
    @property
    def sd(self) -> float:
        ...
    @property
    def standard_error(self) -> float:
        """
        Of the mean.
        """
class TornadoBar:
    """
    One input of one initiative at its P10 and P90, the others at their base.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.TornadoBar) -> str
        """
    @property
    def input_high(self) -> float:
        ...
    @property
    def input_low(self) -> float:
        ...
    @property
    def item(self) -> int:
        ...
    @property
    def npv_high(self) -> float:
        ...
    @property
    def npv_low(self) -> float:
        ...
    @property
    def swing(self) -> float:
        ...
    @property
    def variable(self) -> str:
        ...
class RankCorrelation:
    """
    Spearman's rank correlation of one input with the portfolio NPV.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.RankCorrelation) -> str
        """
    @property
    def item(self) -> int:
        ...
    @property
    def rho(self) -> float:
        ...
    @property
    def variable(self) -> str:
        ...
class RiskResultCore:
    """
    A Monte Carlo simulation's samples and summaries (see aligngraph.RiskResult).
    """
    block_size: typing.ClassVar[int] = 1024
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.RiskResultCore) -> str
        """
    def __getstate__(self) -> dict:
        ...
    def __setstate__(self, arg0: dict) -> None:
        ...
    @property
    def block_sums(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def capacity(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def converged(self) -> bool:
        ...
    @property
    def counts(self) -> typing.Annotated[numpy.typing.NDArray[numpy.int64], "[m, n]"]:
        ...
    @property
    def currency(self) -> str:
        ...
    @property
    def delay_mean(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def durations(self) -> list[int]:
        ...
    @property
    def failure_rate(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def finish_by(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def first(self) -> int:
        ...
    @property
    def histogram_counts(self) -> list[int]:
        ...
    @property
    def histogram_edges(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def ids(self) -> list[str]:
        ...
    @property
    def item_cost_samples(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def item_npv_mean(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def item_npv_samples(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def item_npv_sd(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def item_shift_samples(self) -> typing.Annotated[numpy.typing.NDArray[numpy.int32], "[m, n]"]:
        ...
    @property
    def latin_hypercube(self) -> bool:
        ...
    @property
    def notes(self) -> list[str]:
        ...
    @property
    def npv(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def on_time(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def p_over(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def periods(self) -> list[str]:
        ...
    @property
    def planned_npv(self) -> float:
        ...
    @property
    def rank_correlations(self) -> list[RankCorrelation]:
        ...
    @property
    def resource_ids(self) -> list[str]:
        ...
    @property
    def resource_kinds(self) -> list[str]:
        ...
    @property
    def resources(self) -> list[str]:
        ...
    @property
    def samples(self) -> int:
        ...
    @property
    def scenario(self) -> str:
        ...
    @property
    def seconds(self) -> float:
        ...
    @property
    def seed(self) -> int:
        ...
    @property
    def starts(self) -> list[int]:
        ...
    @property
    def stop_reason(self) -> StopReason:
        ...
    @property
    def summary(self) -> RiskSummary:
        ...
    @property
    def threads(self) -> int:
        ...
    @property
    def tornado(self) -> list[TornadoBar]:
        ...
    @property
    def tornado_base(self) -> float:
        ...
    @property
    def use_mean(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def use_p95(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def use_samples(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
class RiskProblemCore:
    """
    A risk analysis over arrays, as simulate() samples it (see docs/risk.md).
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.RiskProblemCore) -> str
        """
    @property
    def benefits(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def capacity(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def costs(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def durations(self) -> list[int]:
        ...
    @property
    def horizon(self) -> int:
        ...
    @property
    def ids(self) -> list[str]:
        ...
    @property
    def rate(self) -> float:
        ...
    @property
    def resources(self) -> list[str]:
        ...
    @property
    def starts(self) -> list[int]:
        ...
class SelectionFrequencyCore:
    """
    How often each initiative is in the optimal portfolio over sampled scenarios.
    """
    block_size: typing.ClassVar[int] = 64
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.SelectionFrequencyCore) -> str
        """
    def __getstate__(self) -> dict:
        ...
    def __setstate__(self, arg0: dict) -> None:
        ...
    @property
    def cost_block_sums(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def currency(self) -> str:
        ...
    @property
    def expected_proven(self) -> bool:
        ...
    @property
    def expected_selection(self) -> list[int]:
        ...
    @property
    def expected_value(self) -> float:
        ...
    @property
    def first(self) -> int:
        ...
    @property
    def frequency(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def ids(self) -> list[str]:
        ...
    @property
    def mean_npv(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def npv_block_sums(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def optimum(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def planned_npv(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def planned_selection(self) -> list[int]:
        ...
    @property
    def proven(self) -> int:
        ...
    @property
    def scenario(self) -> str:
        ...
    @property
    def scenarios(self) -> int:
        ...
    @property
    def seconds(self) -> float:
        ...
    @property
    def seed(self) -> int:
        ...
    @property
    def selected(self) -> typing.Annotated[numpy.typing.NDArray[numpy.uint8], "[m, n]"]:
        ...
    @property
    def stop_reason(self) -> StopReason:
        ...
class ChanceConstrainedCore:
    """
    The chance-constrained portfolio, its value and how often it breaks each budget.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.ChanceConstrainedCore) -> str
        """
    @property
    def allowed(self) -> int:
        ...
    @property
    def alpha(self) -> float:
        ...
    @property
    def bound(self) -> float:
        ...
    @property
    def budget_names(self) -> list[str]:
        ...
    @property
    def currency(self) -> str:
        ...
    @property
    def cuts(self) -> int:
        ...
    @property
    def expected_value(self) -> float:
        ...
    @property
    def first(self) -> int:
        ...
    @property
    def fresh(self) -> int:
        ...
    @property
    def fresh_any_over(self) -> float:
        ...
    @property
    def fresh_over(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def fresh_over_high(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def fresh_over_low(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def fresh_value(self) -> float:
        ...
    @property
    def gap(self) -> float:
        ...
    @property
    def ids(self) -> list[str]:
        ...
    @property
    def joint(self) -> bool:
        ...
    @property
    def limits(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def periods(self) -> list[str]:
        ...
    @property
    def planned_expected_value(self) -> float:
        ...
    @property
    def planned_fresh_any_over(self) -> float:
        ...
    @property
    def planned_fresh_over(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def planned_fresh_value(self) -> float:
        ...
    @property
    def planned_sample_any_over(self) -> float:
        ...
    @property
    def planned_sample_over(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def planned_selection(self) -> list[int]:
        ...
    @property
    def pools(self) -> list[str]:
        ...
    @property
    def proven(self) -> bool:
        ...
    @property
    def sample_any_over(self) -> float:
        ...
    @property
    def sample_over(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def scenario(self) -> str:
        ...
    @property
    def scenarios(self) -> int:
        ...
    @property
    def seconds(self) -> float:
        ...
    @property
    def seed(self) -> int:
        ...
    @property
    def selected(self) -> list[int]:
        ...
    @property
    def solves(self) -> int:
        ...
    @property
    def stop_reason(self) -> StopReason:
        ...
class CoreClass:
    """
    What an initiative is over the non-dominated portfolios of Robust Portfolio Modeling.
    
    Members:
    
      core
    
      borderline
    
      exterior
    """
    __members__: typing.ClassVar[dict[str, CoreClass]]
    borderline: typing.ClassVar[CoreClass]
    core: typing.ClassVar[CoreClass]
    exterior: typing.ClassVar[CoreClass]
    @typing.overload
    def __eq__(self, other: CoreClass) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: CoreClass) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class RpmResultCore:
    """
    The non-dominated portfolios and each initiative's core index.
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.RpmResultCore) -> str
        """
    @property
    def classes(self) -> list[CoreClass]:
        ...
    @property
    def core_index(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def criteria(self) -> list[str]:
        ...
    @property
    def extreme_weights(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        ...
    @property
    def ids(self) -> list[str]:
        ...
    @property
    def peak_states(self) -> int:
        ...
    @property
    def portfolios(self) -> typing.Annotated[numpy.typing.NDArray[numpy.uint8], "[m, n]"]:
        ...
    @property
    def scenario(self) -> str:
        ...
    @property
    def seconds(self) -> float:
        ...
    @property
    def states(self) -> int:
        ...
    @property
    def threads(self) -> int:
        ...
    @property
    def value_high(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def value_low(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
class Progress:
    """
    How far a long computation has got (what progress= callbacks receive).
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.Progress) -> str
        """
    @property
    def done(self) -> int:
        """
        Units done: nodes (optimize, roadmap), levels (frontier), samples (simulate).
        """
    @property
    def seconds(self) -> float:
        """
        Since the computation started.
        """
    @property
    def task(self) -> str:
        """
        'optimize', 'frontier', 'roadmap' or 'simulate'.
        """
    @property
    def total(self) -> int:
        """
        Units in all; -1 when not known ahead (a search's nodes).
        """
class BriefingCore:
    """
    Everything the report shows, computed (see aligngraph.Briefing).
    """
    @staticmethod
    def __repr__(*args, **kwargs):
        """
        (self: aligngraph._core.BriefingCore) -> str
        """
    @property
    def coverage(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        """
        Per goal: the share the funded portfolio serves.
        """
    @property
    def currency(self) -> str:
        ...
    @property
    def discount_rate(self) -> float:
        """
        Yearly, as used (the scenario's when it sets one).
        """
    @property
    def frontier(self) -> list[FrontierPoint]:
        """
        By NPV at each budget factor (1: the plan).
        """
    @property
    def global_weights(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def local_weights(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def model_file_sha256(self) -> str:
        ...
    @property
    def model_sha256(self) -> str:
        ...
    @property
    def optimal(self) -> SelectionResultCore:
        ...
    @property
    def period_labels(self) -> list[str]:
        ...
    @property
    def plan_level(self) -> int:
        ...
    @property
    def risk(self) -> RiskResultCore | None:
        ...
    @property
    def risk_note(self) -> str:
        ...
    @property
    def roadmap(self) -> ScheduleResultCore | None:
        ...
    @property
    def roadmap_note(self) -> str:
        ...
    @property
    def title(self) -> str:
        ...
    @property
    def unserved(self) -> list[int]:
        """
        Goals (indices) the funded portfolio does not serve at all.
        """
    @property
    def version(self) -> str:
        ...
    @property
    def weight_served(self) -> float:
        ...
def _pipeline_seconds(portfolio: PortfolioCore, criteria: collections.abc.Sequence[Criterion]) -> dict[str, float]:
    ...
def _set_progress(callback: typing.Any) -> None:
    """
    Set (or clear, with None) this thread's progress callback for the calls that follow (aligngraph._progress).
    """
def aggregate_judgments(matrices: collections.abc.Sequence[typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"]]) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
    """
    Group judgment: element-wise geometric mean of several people's matrices (NaN: that person skipped the cell).
    """
def ahp_core(matrix: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"], method: AhpMethod, random_index: RandomIndex, strict: bool, cr_threshold: typing.SupportsFloat | typing.SupportsIndex, reciprocal_tolerance: typing.SupportsFloat | typing.SupportsIndex) -> dict:
    ...
def alignment_core(portfolio: PortfolioCore, enabler_share: typing.SupportsFloat | typing.SupportsIndex | None, root_weights: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex], scenario: str | None) -> Alignment:
    ...
def annual_rate(per_period: typing.SupportsFloat | typing.SupportsIndex, period_years: typing.SupportsFloat | typing.SupportsIndex) -> float:
    ...
def array_risk_problem_core(ids: collections.abc.Sequence[str], starts: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], durations: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], horizon: typing.SupportsInt | typing.SupportsIndex, costs: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"], benefits: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"], usage: collections.abc.Sequence[typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"]], scales_with_cost: collections.abc.Sequence[bool], capacity: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"], resources: collections.abc.Sequence[str], periods: collections.abc.Sequence[str], uncertainty: collections.abc.Sequence[Uncertainty], started: collections.abc.Sequence[bool], precedences: collections.abc.Sequence[tuple[typing.SupportsInt | typing.SupportsIndex, typing.SupportsInt | typing.SupportsIndex, typing.SupportsInt | typing.SupportsIndex]], correlations: collections.abc.Sequence[tuple[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], typing.SupportsFloat | typing.SupportsIndex, CorrelationOn]], events: collections.abc.Sequence[tuple[str, typing.SupportsFloat | typing.SupportsIndex, collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], Estimate | None, Estimate | None]], rate: typing.SupportsFloat | typing.SupportsIndex, currency: str) -> RiskProblemCore:
    ...
def brief_core(portfolio: PortfolioCore, scenario: str, by: ScoreKind, explained: typing.SupportsInt | typing.SupportsIndex, levels: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], roadmap: bool, risk: bool, samples: typing.SupportsInt | typing.SupportsIndex, seed: typing.SupportsInt | typing.SupportsIndex, threads: typing.SupportsInt | typing.SupportsIndex, time_limit: typing.SupportsFloat | typing.SupportsIndex, model_file: str, model_file_sha256: str) -> BriefingCore:
    ...
def cancellation_impact(portfolio: PortfolioCore, id: str) -> tuple[list[str], list[tuple[str, float, float, bool]]]:
    """
    (stranded ids, [(goal, lost, remaining, unserved)]).
    """
def chance_constrained_core(portfolio: PortfolioCore, alpha: typing.SupportsFloat | typing.SupportsIndex, joint: bool, scenarios: typing.SupportsInt | typing.SupportsIndex, fresh: typing.SupportsInt | typing.SupportsIndex, seed: typing.SupportsInt | typing.SupportsIndex, first: typing.SupportsInt | typing.SupportsIndex, scenario: str, time_limit: typing.SupportsFloat | typing.SupportsIndex) -> ChanceConstrainedCore:
    ...
def chance_html(result: ChanceConstrainedCore) -> str:
    ...
def chance_json(result: ChanceConstrainedCore) -> str:
    ...
def chance_text(result: ChanceConstrainedCore, width: typing.SupportsInt | typing.SupportsIndex = 100) -> str:
    """
    Chance-constrained budgets as aligned text (what `aligngraph robust --chance` prints).
    """
def compare_html(comparison: ScenarioComparisonCore) -> str:
    ...
def compare_json(comparison: ScenarioComparisonCore) -> str:
    ...
def compare_scenarios_core(portfolio: PortfolioCore, a: str, b: str, objective: Objective, by: ScoreKind, time_limit: typing.SupportsFloat | typing.SupportsIndex) -> ScenarioComparisonCore:
    ...
def compare_text(comparison: ScenarioComparisonCore, width: typing.SupportsInt | typing.SupportsIndex = 100, rows: typing.SupportsInt | typing.SupportsIndex = 15) -> str:
    ...
def criterion_weight_sensitivity_core(portfolio: PortfolioCore, criteria: collections.abc.Sequence[Criterion], k: typing.SupportsInt | typing.SupportsIndex) -> list[tuple[str, float, float, float, float, float]]:
    ...
def dependants(portfolio: PortfolioCore, id: str) -> list[str]:
    ...
def draws_core(estimate: Estimate, n: typing.SupportsInt | typing.SupportsIndex, seed: typing.SupportsInt | typing.SupportsIndex, first: typing.SupportsInt | typing.SupportsIndex) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    ...
def explain_score_core(portfolio: PortfolioCore, id: str, kind: ScoreKind, criteria: collections.abc.Sequence[Criterion], composite: CompositeWeights, enabler_share: typing.SupportsFloat | typing.SupportsIndex | None, root_weights: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex], scenario: str | None, wsjf_names: typing.Annotated[collections.abc.Sequence[str], "FixedSize(3)"], rice_names: typing.Annotated[collections.abc.Sequence[str], "FixedSize(3)"]) -> ScoreExplanation:
    ...
def explanation_json(explanation: ScoreExplanation) -> str:
    ...
def explanation_text(explanation: ScoreExplanation) -> str:
    """
    What `aligngraph rank --explain` prints.
    """
def extreme_weights(criteria: typing.SupportsInt | typing.SupportsIndex, rows: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"], bounds: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"]) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
    """
    The extreme points of {w >= 0, sum w = 1, rows @ w >= bounds}: K x C.
    """
def find_goal_cycle(portfolio: PortfolioCore) -> list[str] | None:
    ...
def find_requires_cycle(portfolio: PortfolioCore) -> list[str] | None:
    ...
def frontier_core(portfolio: PortfolioCore, levels: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], sweep: Sweep, amounts: bool, objective: Objective, time_limit: typing.SupportsFloat | typing.SupportsIndex, scenario: str) -> dict:
    ...
def goal_coverage(portfolio: PortfolioCore, selection: collections.abc.Sequence[str]) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    ...
def goal_order(portfolio: PortfolioCore) -> list[str]:
    """
    Goal ids, parents before children. Raises CycleError.
    """
def goal_weight_sensitivity_core(portfolio: PortfolioCore, k: typing.SupportsInt | typing.SupportsIndex, enabler_share: typing.SupportsFloat | typing.SupportsIndex | None, root_weights: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex], scenario: str | None) -> list[tuple[str, float, float, float, float, float]]:
    ...
def goal_weights(portfolio: PortfolioCore) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    """
    Global goal weights in goal order.
    """
def initiative_financials(portfolio: PortfolioCore, rate: typing.SupportsFloat | typing.SupportsIndex | None = None, convention: NpvConvention = NpvConvention.numpy, finance_rate: typing.SupportsFloat | typing.SupportsIndex | None = None, reinvest_rate: typing.SupportsFloat | typing.SupportsIndex | None = None, threads: typing.SupportsInt | typing.SupportsIndex = 0) -> Financials:
    ...
def irr_one(flows: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], tolerance: typing.SupportsFloat | typing.SupportsIndex, max_iterations: typing.SupportsInt | typing.SupportsIndex, lower: typing.SupportsFloat | typing.SupportsIndex, upper: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    The IRR of one series; raises NoSolutionError with the reason when there is none.
    """
def irr_roots(flows: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], tolerance: typing.SupportsFloat | typing.SupportsIndex, max_iterations: typing.SupportsInt | typing.SupportsIndex, lower: typing.SupportsFloat | typing.SupportsIndex, upper: typing.SupportsFloat | typing.SupportsIndex) -> IrrResult:
    """
    Every IRR of one series (IrrResult).
    """
def irr_rows(flows: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], tolerance: typing.SupportsFloat | typing.SupportsIndex, max_iterations: typing.SupportsInt | typing.SupportsIndex, lower: typing.SupportsFloat | typing.SupportsIndex, upper: typing.SupportsFloat | typing.SupportsIndex, threads: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple[typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"], typing.Annotated[numpy.typing.NDArray[numpy.int32], "[m, 1]"]]:
    """
    (rate per row, root count per row).
    """
def join_core(problem: RiskProblemCore, chunks: collections.abc.Sequence[RiskResultCore], repair_correlations: bool, sensitivity: bool, histogram_bins: typing.SupportsInt | typing.SupportsIndex) -> RiskResultCore:
    ...
def join_selection_frequency_core(portfolio: PortfolioCore, parts: collections.abc.Sequence[SelectionFrequencyCore], time_limit: typing.SupportsFloat | typing.SupportsIndex, solve_time_limit: typing.SupportsFloat | typing.SupportsIndex) -> SelectionFrequencyCore:
    ...
def kendall_tau(a: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"], b: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"], ids: collections.abc.Sequence[str]) -> tuple[typing.Annotated[numpy.typing.NDArray[numpy.int32], "[m, 1]"], typing.Annotated[numpy.typing.NDArray[numpy.int32], "[m, 1]"], float]:
    ...
def load_model(path: os.PathLike | str | bytes) -> PortfolioCore:
    ...
def local_goal_weights(portfolio: PortfolioCore) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    """
    Local weight of every goal link (from the links' weights, or from the parent's judgments), in link order.
    """
def memory_limit() -> int:
    """
    The cap in bytes on the memory one model or analysis may ask for (see set_memory_limit).
    """
def mirr_rows(flows: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], finance_rate: typing.SupportsFloat | typing.SupportsIndex, reinvest_rate: typing.SupportsFloat | typing.SupportsIndex) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    ...
def model_from_json(text: str, source: str = '<string>') -> PortfolioCore:
    ...
def model_to_json(portfolio: PortfolioCore, indent: typing.SupportsInt | typing.SupportsIndex = 2) -> str:
    ...
def npv_rows(rate: typing.SupportsFloat | typing.SupportsIndex, flows: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], convention: NpvConvention = NpvConvention.numpy) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    """
    NPV of every row (NaN for every row when rate <= -1).
    """
def optimize_core(portfolio: PortfolioCore, objective: Objective, time_limit: typing.SupportsFloat | typing.SupportsIndex, node_limit: typing.SupportsInt | typing.SupportsIndex, scenario: str) -> SelectionResultCore:
    ...
def orphan_initiatives(portfolio: PortfolioCore) -> list[str]:
    ...
def payback_rows(flows: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], rate: typing.SupportsFloat | typing.SupportsIndex | None = None) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    """
    Payback of every row in periods; discounted when rate is given.
    """
def period_rate(yearly: typing.SupportsFloat | typing.SupportsIndex, period_years: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    The rate per period equivalent to a yearly rate: (1 + yearly)^period_years - 1.
    """
def portfolio_financials(portfolio: PortfolioCore, ids: collections.abc.Sequence[str], rate: typing.SupportsFloat | typing.SupportsIndex | None = None, convention: NpvConvention = NpvConvention.numpy, finance_rate: typing.SupportsFloat | typing.SupportsIndex | None = None, reinvest_rate: typing.SupportsFloat | typing.SupportsIndex | None = None) -> Financials:
    ...
def portfolio_html(portfolio: PortfolioCore) -> str:
    ...
def portfolio_risk_problem_core(portfolio: PortfolioCore, selection: collections.abc.Sequence[str] | None, scenario: str, roadmap: bool, time_limit: typing.SupportsFloat | typing.SupportsIndex) -> RiskProblemCore:
    ...
def prerequisites(portfolio: PortfolioCore, id: str) -> list[str]:
    ...
def random_index(table: RandomIndex, n: typing.SupportsInt | typing.SupportsIndex) -> float:
    """
    RI(n) of a random-index table.
    """
def ranks(score: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"], ids: collections.abc.Sequence[str]) -> typing.Annotated[numpy.typing.NDArray[numpy.int32], "[m, 1]"]:
    """
    Rank (1 first) of every entry: descending score, ties by id.
    """
def read_psplib_core(path: str) -> dict:
    ...
def reoptimizer_core(portfolio: PortfolioCore, objective: Objective, time_limit: typing.SupportsFloat | typing.SupportsIndex, node_limit: typing.SupportsInt | typing.SupportsIndex, scenario: str) -> ReoptimizerCore:
    ...
def report_html(portfolio: PortfolioCore, briefing: BriefingCore) -> str:
    ...
def risk_html(result: RiskResultCore) -> str:
    ...
def risk_json(result: RiskResultCore) -> str:
    """
    The simulation as JSON (what `aligngraph risk --format json` prints).
    """
def risk_problem_core(portfolio: PortfolioCore, ids: collections.abc.Sequence[str], starts: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], scenario: str) -> RiskProblemCore:
    ...
def risk_text(result: RiskResultCore, width: typing.SupportsInt | typing.SupportsIndex = 100, top: typing.SupportsInt | typing.SupportsIndex = 10) -> str:
    """
    The simulation as aligned text (what `aligngraph risk` prints).
    """
def roadmap_core(portfolio: PortfolioCore, objective: ScheduleObjective, selection: collections.abc.Sequence[str] | None, time_limit: typing.SupportsFloat | typing.SupportsIndex, node_limit: typing.SupportsInt | typing.SupportsIndex, scenario: str, weights: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex], plan: bool, explain: bool, start: collections.abc.Mapping[str, typing.SupportsInt | typing.SupportsIndex]) -> ScheduleResultCore:
    ...
def rpm_core(low: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"], high: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"], costs: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"], budgets: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"], requires: collections.abc.Sequence[tuple[typing.SupportsInt | typing.SupportsIndex, typing.SupportsInt | typing.SupportsIndex]], excludes: collections.abc.Sequence[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]], forced_in: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], forced_out: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], rank_order: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], weight_rows: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"], weight_bounds: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"], ids: collections.abc.Sequence[str], criteria: collections.abc.Sequence[str], budget_names: collections.abc.Sequence[str], time_limit: typing.SupportsFloat | typing.SupportsIndex, state_limit: typing.SupportsInt | typing.SupportsIndex, threads: typing.SupportsInt | typing.SupportsIndex) -> RpmResultCore:
    ...
def rpm_html(result: RpmResultCore) -> str:
    ...
def rpm_json(result: RpmResultCore) -> str:
    ...
def rpm_portfolio_core(portfolio: PortfolioCore, criteria: collections.abc.Sequence[Criterion], rank_order: collections.abc.Sequence[str], weight_rows: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"], weight_bounds: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"], spread: typing.SupportsFloat | typing.SupportsIndex, scenario: str, time_limit: typing.SupportsFloat | typing.SupportsIndex, state_limit: typing.SupportsInt | typing.SupportsIndex, threads: typing.SupportsInt | typing.SupportsIndex) -> tuple[RpmResultCore, typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"], typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]]:
    ...
def rpm_text(result: RpmResultCore, width: typing.SupportsInt | typing.SupportsIndex = 100, portfolios: typing.SupportsInt | typing.SupportsIndex = 10) -> str:
    """
    Robust Portfolio Modeling as aligned text (what `aligngraph robust --rpm` prints).
    """
def sample_portfolio() -> PortfolioCore:
    ...
def sample_portfolio_json() -> str:
    ...
def save_model(portfolio: PortfolioCore, path: os.PathLike | str | bytes) -> None:
    ...
def schedule_core(durations: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], precedences: collections.abc.Sequence[tuple[typing.SupportsInt | typing.SupportsIndex, typing.SupportsInt | typing.SupportsIndex, typing.SupportsInt | typing.SupportsIndex]], capacity: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"], usage: collections.abc.Sequence[typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"]], horizon: typing.SupportsInt | typing.SupportsIndex, earliest: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], latest: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], flows: collections.abc.Sequence[typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"]], rate: typing.SupportsFloat | typing.SupportsIndex, weights: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"], objective: ScheduleObjective, time_limit: typing.SupportsFloat | typing.SupportsIndex, node_limit: typing.SupportsInt | typing.SupportsIndex, ids: collections.abc.Sequence[str], resources: collections.abc.Sequence[str], periods: collections.abc.Sequence[str], explain: bool, start: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> ScheduleResultCore:
    ...
def schedule_html(result: ScheduleResultCore) -> str:
    ...
def schedule_json(result: ScheduleResultCore) -> str:
    ...
def schedule_text(result: ScheduleResultCore, width: typing.SupportsInt | typing.SupportsIndex = 100) -> str:
    """
    The schedule as aligned text (what `aligngraph roadmap` prints).
    """
def score_core(portfolio: PortfolioCore, kind: ScoreKind, criteria: collections.abc.Sequence[Criterion], composite: CompositeWeights, enabler_share: typing.SupportsFloat | typing.SupportsIndex | None, root_weights: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex], scenario: str | None, wsjf_names: typing.Annotated[collections.abc.Sequence[str], "FixedSize(3)"], rice_names: typing.Annotated[collections.abc.Sequence[str], "FixedSize(3)"]) -> ScoreTable:
    ...
def select_core(values: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"], costs: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"], budgets: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"], requires: collections.abc.Sequence[tuple[typing.SupportsInt | typing.SupportsIndex, typing.SupportsInt | typing.SupportsIndex]], requires_any: collections.abc.Sequence[tuple[typing.SupportsInt | typing.SupportsIndex, collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]]], excludes: collections.abc.Sequence[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]], forced_in: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], forced_out: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], time_limit: typing.SupportsFloat | typing.SupportsIndex, node_limit: typing.SupportsInt | typing.SupportsIndex, ids: collections.abc.Sequence[str], budget_names: collections.abc.Sequence[str], start: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], explain: bool, gomory_rounds: typing.SupportsInt | typing.SupportsIndex = 0, node_cut_rounds: typing.SupportsInt | typing.SupportsIndex = 0, group_covers: bool = False, mir_cuts: bool = False, plunge: bool = True) -> SelectionResultCore:
    ...
def select_frontier_core(values: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"], costs: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, n]"], budgets: typing.Annotated[numpy.typing.ArrayLike, numpy.float64, "[m, 1]"], requires: collections.abc.Sequence[tuple[typing.SupportsInt | typing.SupportsIndex, typing.SupportsInt | typing.SupportsIndex]], requires_any: collections.abc.Sequence[tuple[typing.SupportsInt | typing.SupportsIndex, collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]]], excludes: collections.abc.Sequence[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]], forced_in: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], forced_out: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], factors: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], time_limit: typing.SupportsFloat | typing.SupportsIndex, node_limit: typing.SupportsInt | typing.SupportsIndex) -> dict:
    ...
def selection_frequency_core(portfolio: PortfolioCore, scenarios: typing.SupportsInt | typing.SupportsIndex, seed: typing.SupportsInt | typing.SupportsIndex, first: typing.SupportsInt | typing.SupportsIndex, scenario: str, time_limit: typing.SupportsFloat | typing.SupportsIndex, solve_time_limit: typing.SupportsFloat | typing.SupportsIndex) -> SelectionFrequencyCore:
    ...
def selection_frequency_html(result: SelectionFrequencyCore) -> str:
    ...
def selection_frequency_json(result: SelectionFrequencyCore) -> str:
    ...
def selection_frequency_text(result: SelectionFrequencyCore, width: typing.SupportsInt | typing.SupportsIndex = 100) -> str:
    """
    Selection frequency as aligned text (what `aligngraph robust` prints).
    """
def selection_html(result: SelectionResultCore) -> str:
    ...
def selection_json(result: SelectionResultCore) -> str:
    ...
def selection_problem_core(portfolio: PortfolioCore, objective: Objective, scenario: str) -> SelectionProblem:
    ...
def selection_text(result: SelectionResultCore, width: typing.SupportsInt | typing.SupportsIndex = 100, displaced: bool = True) -> str:
    """
    The optimal portfolio as aligned text (what `aligngraph optimize` prints).
    """
def set_memory_limit(limit: typing.Any) -> None:
    """
    Set the memory cap for the process: bytes, or a size such as "64G" (K, M, G, T: powers of 1024); 0 returns to ALIGNGRAPH_MEMORY_LIMIT or the default of 8 GiB. What grows with a model's size is checked against it before it is allocated (ResourceError).
    """
def sha256_hex(data: bytes) -> str:
    """
    SHA-256 of the bytes as hex (what sha256sum prints).
    """
def simulate_problem_core(problem: RiskProblemCore, samples: typing.SupportsInt | typing.SupportsIndex, seed: typing.SupportsInt | typing.SupportsIndex, first: typing.SupportsInt | typing.SupportsIndex, threads: typing.SupportsInt | typing.SupportsIndex, convergence: typing.SupportsFloat | typing.SupportsIndex, check_every: typing.SupportsInt | typing.SupportsIndex, latin_hypercube: bool, repair_correlations: bool, sensitivity: bool, keep_use_samples: bool, histogram_bins: typing.SupportsInt | typing.SupportsIndex, keep_item_samples: bool) -> RiskResultCore:
    ...
def summary_json(portfolio: PortfolioCore) -> str:
    ...
def summary_text(portfolio: PortfolioCore, width: typing.SupportsInt | typing.SupportsIndex = 100) -> str:
    ...
def topological_order(portfolio: PortfolioCore) -> list[str]:
    """
    Initiative ids, every prerequisite before its dependants. Raises CycleError.
    """
def topological_order_indices(portfolio: PortfolioCore) -> typing.Annotated[numpy.typing.NDArray[numpy.int64], "[m, 1]"]:
    """
    Initiative indices, every prerequisite before its dependants, as a numpy array.
    """
def tvm_fv(arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg3: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg4: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> typing.Any:
    ...
def tvm_ipmt(arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg3: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg4: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg5: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> typing.Any:
    ...
def tvm_nper(arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg3: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg4: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> typing.Any:
    ...
def tvm_pmt(arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg3: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg4: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> typing.Any:
    ...
def tvm_ppmt(arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg3: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg4: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg5: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> typing.Any:
    ...
def tvm_pv(arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg3: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg4: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> typing.Any:
    ...
def tvm_rate(arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg3: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg4: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg5: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg6: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg7: typing.Annotated[numpy.typing.ArrayLike, numpy.int32]) -> typing.Any:
    ...
def unserved_goals(portfolio: PortfolioCore, selection: collections.abc.Sequence[str]) -> list[str]:
    ...
def write_report(path: os.PathLike | str | bytes, portfolio: PortfolioCore, briefing: BriefingCore) -> None:
    ...
def xirr_one(flows: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], days: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], tolerance: typing.SupportsFloat | typing.SupportsIndex, max_iterations: typing.SupportsInt | typing.SupportsIndex, lower: typing.SupportsFloat | typing.SupportsIndex, upper: typing.SupportsFloat | typing.SupportsIndex) -> float:
    ...
def xirr_roots(flows: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], days: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], tolerance: typing.SupportsFloat | typing.SupportsIndex, max_iterations: typing.SupportsInt | typing.SupportsIndex, lower: typing.SupportsFloat | typing.SupportsIndex, upper: typing.SupportsFloat | typing.SupportsIndex) -> IrrResult:
    ...
def xnpv(rate: typing.SupportsFloat | typing.SupportsIndex, flows: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], days: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> float:
    ...
MAX_PERIODS: int = 1000000
__version__: str = '0.1.0'
model_format_version: int = 1
