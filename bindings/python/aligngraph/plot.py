"""Pictures of a portfolio and its results, with matplotlib (the optional extra
``pip install aligngraph[plot]``).

Each function takes the portfolio or a result, draws on ``ax`` (a new figure's when None)
and returns the ``Axes``. Colours are the Okabe-Ito palette (colour-blind safe) and the
cividis colour map; items are labelled by id and name. See docs/plots.md.

    import aligngraph as ag
    from aligngraph import plot
    p = ag.Portfolio.sample()
    plot.frontier(p.frontier(levels=8, max_factor=1.6))
    plot.gantt(p.roadmap(), load=True)
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .portfolio import Portfolio
    from .risk import RiskResult
    from .schedule import ScheduleResult
    from .selection import SelectionResult

__all__ = ["PALETTE", "alignment_heatmap", "budget_use", "frontier", "gantt", "goal_weights", "npv_distribution", "tornado"]

#: Okabe & Ito (2008): blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow, grey.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999")
BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, GREY = PALETTE


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - the message is the point
        raise ImportError("aligngraph.plot needs matplotlib: pip install 'aligngraph[plot]'") from e
    return plt


def _axes(ax: "Axes | None", size: tuple[float, float]) -> "Axes":
    if ax is not None:
        return ax
    _, ax = _pyplot().subplots(figsize=size, layout="constrained")
    return ax


def _label(p: "Portfolio", id: str, width: int = 28) -> str:
    name = p.initiatives().loc[id, "name"] if id in p.initiatives().index else ""
    text = f"{id} {name}".strip()
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _money(v: float) -> str:
    a = abs(v)
    if math.isnan(v):
        return "-"
    if a >= 1e9:
        return f"{v / 1e9:.2f}B"
    if a >= 1e6:
        return f"{v / 1e6:.2f}M"
    if a >= 1e3:
        return f"{v / 1e3:.1f}k"
    return f"{v:.4g}"


def _money_axis(axis: Any) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _: _money(v)))


# ---- goals ------------------------------------------------------------------------------
def goal_weights(p: "Portfolio", *, ax: "Axes | None" = None, min_label: float = 0.03) -> "Axes":
    """The goal hierarchy as a sunburst: the root goals on the inner ring, each goal's
    children on the next ring inside its angle (by their local weights, AHP's where the
    parent has judgments), each wedge's angle its global weight along that path (a goal under two parents appears under both, with each link's share). Wedges
    are labelled by id when their share is at least ``min_label``; the colour follows the
    root goal. Returns the Axes (one wedge patch per goal path, gid ``goal:<id>``)."""
    from matplotlib.patches import Wedge

    own = ax is None
    ax = _axes(ax, (7, 7.6))
    goals = p.goals()
    weights = p.goal_weights().to_series()
    children: dict[str, list[tuple[str, float]]] = {g: [] for g in goals.index}
    # The local weights in use: the links' normalised, or a parent's AHP weights from its judgments.
    for (parent, child), w in p.local_goal_weights().items():
        children[parent].append((child, float(w)))
    roots = [g for g in goals.index if not goals.loc[g, "parents"]]
    total = sum(float(weights[g]) for g in roots) or 1.0
    ring = 1.0
    wedges = 0

    def draw(goal: str, start: float, span: float, depth: int, colour: str) -> None:
        nonlocal wedges
        inner = 0.25 + depth * ring * 0.7
        wedge = Wedge((0, 0), inner + 0.7 * ring, 90 - (start + span) * 360, 90 - start * 360, width=0.7 * ring,
                      facecolor=colour, edgecolor="white", linewidth=1, alpha=max(0.35, 1 - 0.2 * depth), gid=f"goal:{goal}")
        ax.add_patch(wedge)
        wedges += 1
        if span >= min_label:
            angle = math.radians(90 - (start + span / 2) * 360)
            r = inner + 0.35 * ring
            ax.text(r * math.cos(angle), r * math.sin(angle), goal, ha="center", va="center", fontsize=8)
        kids = children[goal]
        shares = sum(w for _, w in kids)
        at = start
        for child, w in kids:
            part = span * w / shares if shares > 0 else 0.0
            draw(child, at, part, depth + 1, colour)
            at += part

    at = 0.0
    for k, root in enumerate(roots):
        span = float(weights[root]) / total
        draw(root, at, span, 0, PALETTE[k % (len(PALETTE) - 1)])
        at += span
    depth = 1 + max((len(_path) for _path in _depths(children, roots)), default=0)
    extent = 0.25 + depth * 0.7 + 0.1
    ax.set_xlim(-extent, extent)
    ax.set_ylim(-extent, extent)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title("Goal weights (each ring a level; angle = global weight)")
    handles = [Wedge((0, 0), 1, 0, 1, facecolor=PALETTE[k % (len(PALETTE) - 1)]) for k in range(len(roots))]
    labels = [f"{r} {goals.loc[r, 'name']}" for r in roots]
    if own:  # below the chart, in the figure's layout
        ax.figure.legend(handles, labels, loc="outside lower center", ncols=min(3, max(1, len(roots))), fontsize=8, frameon=False)
    else:
        ax.legend(handles, labels, loc="upper left", fontsize=7, frameon=False)
    ax.wedge_count = wedges  # type: ignore[attr-defined]
    return ax


def _depths(children: dict[str, list[tuple[str, float]]], roots: list[str]) -> list[list[str]]:
    """Every path below the roots (for the sunburst's radius)."""
    out: list[list[str]] = []
    stack = [[r] for r in roots]
    while stack:
        path = stack.pop()
        kids = children[path[-1]]
        if not kids:
            out.append(path[1:])
        for child, _ in kids:
            if child not in path:
                stack.append(path + [child])
    return out


def alignment_heatmap(p: "Portfolio", *, ax: "Axes | None" = None, scenario: str | None = None, top: int | None = None) -> "Axes":
    """Initiatives (rows, by alignment, the first ``top``) by goals (columns, heaviest
    first): each cell the alignment an initiative gets from a goal (strength x the goal's
    global weight), in cividis (0 is the darkest). The colour bar says the scale."""
    kwargs = {} if scenario is None else {"scenario": scenario}
    ranking = p.rank(**kwargs)
    ids = list(ranking.index[: top or len(ranking)])
    by_goal = p.alignment_by_goal(**kwargs)
    weights = by_goal.attrs["goal_weights"]
    cells = by_goal.loc[ids]
    # The goals these initiatives draw on, heaviest first (a stable sort: ties in model order).
    goals = sorted((g for g in cells.columns if (cells[g] != 0).any()), key=lambda g: -float(weights[g]))
    data = cells[goals].to_numpy(float)
    ax = _axes(ax, (1.2 + 0.45 * max(len(goals), 4), 1.0 + 0.28 * len(ids)))
    image = ax.imshow(data, cmap="cividis", aspect="auto", interpolation="nearest")
    ax.set_xticks(range(len(goals)), goals, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(ids)), [_label(p, i) for i in ids], fontsize=8)
    ax.set_xlabel("Goal (heaviest first)")
    ax.set_ylabel("Initiative (by alignment)")
    ax.set_title("Alignment: strength x goal weight")
    ax.figure.colorbar(image, ax=ax, label="alignment from the goal", shrink=0.8)
    return ax


# ---- what to fund -----------------------------------------------------------------------
def frontier(points: pd.DataFrame, *, ax: "Axes | None" = None, chosen: float | None = 1.0, currency: str = "") -> "Axes":
    """The efficient frontier from ``Portfolio.frontier()`` (or a Briefing's ``frontier``):
    the optimal value against the money there is at each level (``total_budget``; the budget
    factor when the pools overlap), the knee ringed in orange, the level at factor ``chosen``
    (the plan; None: none) filled in vermillion. Infeasible levels are left out."""
    f = points[points["feasible"]] if "feasible" in points else points
    money = "total_budget" in f and bool(np.isfinite(f["total_budget"]).all())
    x = f["total_budget"].to_numpy(float) if money else f.index.to_numpy(float)
    y = f["value"].to_numpy(float)
    ax = _axes(ax, (7, 4.5))
    ax.plot(x, y, color=BLUE, marker="o", markersize=5, linewidth=1.5, label="optimal value", gid="frontier")
    if "knee" in f and f["knee"].any():
        k = int(np.flatnonzero(f["knee"].to_numpy())[0])
        ax.plot([x[k]], [y[k]], linestyle="none", marker="o", markersize=13, markerfacecolor="none", markeredgecolor=ORANGE,
                markeredgewidth=2, label="knee", gid="knee")
    if chosen is not None and chosen in f.index:
        k = int(np.flatnonzero(f.index.to_numpy(float) == chosen)[0])
        ax.plot([x[k]], [y[k]], linestyle="none", marker="o", markersize=9, color=VERMILLION, label="the plan", gid="chosen")
    unit = f" ({currency})" if currency else ""
    ax.set_xlabel(("Budget over the horizon" + unit) if money else "Budget factor")
    ax.set_ylabel("Optimal value" + unit)
    if money:
        _money_axis(ax.xaxis)
    _money_axis(ax.yaxis)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right", frameon=False)
    ax.set_title("Efficient frontier")
    return ax


def budget_use(result: "SelectionResult", *, ax: "Axes | None" = None, pools: list[str] | None = None) -> "Axes":
    """A selection's use of budget pools per period (grouped bars, one colour per pool)
    against each limit (a dashed step line in the same colour). ``pools``: which (default:
    the pools that make up the total budget, as ``total_budget`` counts them; every pool
    when they overlap)."""
    b = result.budgets
    if "pool" not in b:
        raise ValueError("budget_use needs a model's selection (budgets per pool and period)")
    every = list(dict.fromkeys(b["pool"]))
    total = [result.core.pools[k] for k in result.core.total_pools]
    names = list(pools) if pools is not None else (total or every)
    unknown = [n for n in names if n not in set(b["pool"])]
    if unknown:
        raise ValueError(f"unknown pool(s) {unknown}; the result has {list(dict.fromkeys(b['pool']))}")
    periods = list(dict.fromkeys(b["period"])) if "period" in b else [""]
    ax = _axes(ax, (min(14, max(7, 0.35 * len(periods) * (1 + len(names)))), 4.5))
    width = 0.8 / len(names)
    x = np.arange(len(periods))
    for k, pool in enumerate(names):
        rows = b[b["pool"] == pool]
        colour = PALETTE[k % len(PALETTE)]
        ax.bar(x - 0.4 + (k + 0.5) * width, rows["use"].to_numpy(float), width, color=colour, label=f"{pool} use", gid=f"use:{pool}")
        ax.step(np.r_[x - 0.5, x[-1] + 0.5], np.r_[rows["limit"].to_numpy(float), rows["limit"].to_numpy(float)[-1]], where="post",
                color=colour, linestyle="--", linewidth=1.2, label=f"{pool} limit", gid=f"limit:{pool}")
    ax.set_xticks(x, periods, rotation=45 if len(periods) > 6 else 0, ha="right" if len(periods) > 6 else "center")
    ax.set_xlabel("Period")
    ax.set_ylabel("Spend" + (f" ({result.currency})" if result.currency else ""))
    _money_axis(ax.yaxis)
    top = max(float(b.loc[b["pool"].isin(names), "limit"].max()), float(b.loc[b["pool"].isin(names), "use"].max()))
    ax.set_ylim(0, 1.3 * top if top > 0 else 1)
    ax.legend(fontsize=8, ncols=min(4, 2 * len(names)), frameon=False, loc="upper center")
    ax.set_title("Budget use per period against each limit")
    return ax


# ---- when -------------------------------------------------------------------------------
def gantt(result: "ScheduleResult", *, ax: "Axes | None" = None, load: bool = True, portfolio: "Portfolio | None" = None) -> "Axes":
    """The roadmap as a Gantt: one bar per scheduled initiative from its start period to its
    finish, by start, the critical chain in vermillion; with ``load=True`` (and no ``ax``)
    each team's load against its capacity per period in a panel under it (``ax.load_axes``).
    Labels are ids, with names when ``portfolio`` is given. Returns the Gantt's Axes."""
    frame = result.frame()
    starts = np.asarray(result.core.starts)
    finishes = np.asarray(result.core.finishes)
    order = [j for j in np.argsort(starts, kind="stable") if starts[j] >= 0]
    periods = list(result.core.periods) or [str(t) for t in range(result.core.horizon)]
    teams = result.load() if load else None
    with_load = load and ax is None and teams is not None and len(teams) > 0
    if ax is None:
        plt = _pyplot()
        if with_load:
            fig, (ax, below) = plt.subplots(2, 1, figsize=(9, 2 + 0.32 * len(order) + 2.2), sharex=True, layout="constrained",
                                            gridspec_kw={"height_ratios": [max(2.0, 0.32 * len(order)), 2.2]})
        else:
            fig, ax = plt.subplots(figsize=(9, 1.5 + 0.32 * len(order)), layout="constrained")
    ids = list(frame.index)
    critical = np.asarray(result.core.critical, dtype=bool) if result.core.explained else np.zeros(len(ids), bool)
    for row, j in enumerate(order):
        colour = VERMILLION if critical[j] else BLUE
        ax.barh(row, finishes[j] - starts[j], left=starts[j] - 0.5, height=0.7, color=colour, gid=f"task:{ids[j]}")
    ax.set_yticks(range(len(order)), [_label(portfolio, ids[j]) if portfolio is not None else str(ids[j]) for j in order],
                  fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(-0.5, len(periods) - 0.5)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("Roadmap (critical chain in vermillion)")
    if with_load:
        x = np.arange(len(periods))
        for k, team in enumerate(dict.fromkeys(teams["team"])):
            rows = teams[teams["team"] == team]
            share = rows["use"].to_numpy(float) / np.where(rows["capacity"].to_numpy(float) > 0, rows["capacity"].to_numpy(float), np.nan)
            below.plot(x, 100 * share, marker="o", markersize=3, color=PALETTE[k % len(PALETTE)], label=str(team), gid=f"load:{team}")
        below.axhline(100, color=GREY, linestyle="--", linewidth=1)
        below.set_ylabel("Team load (% of capacity)")
        below.set_ylim(0, 135)
        below.legend(fontsize=8, ncols=6, frameon=False, loc="upper center")
        below.set_xticks(x, periods, rotation=45 if len(periods) > 8 else 0)
        below.set_xlabel("Period")
        ax.load_axes = below  # type: ignore[attr-defined]
    else:
        ax.set_xticks(range(len(periods)), periods, rotation=45 if len(periods) > 8 else 0)
        ax.set_xlabel("Period")
    return ax


# ---- how sure ---------------------------------------------------------------------------
def npv_distribution(result: "RiskResult", *, ax: "Axes | None" = None) -> "Axes":
    """The Monte Carlo's portfolio NPV as a histogram (its own bins), those below 0 in
    vermillion, 0 and the mean marked, P(NPV < 0) with its 95% interval in the title."""
    counts, edges = result.histogram()
    ax = _axes(ax, (7, 4))
    below = edges[1:] <= 0
    colours = [VERMILLION if b else BLUE for b in below]
    ax.bar(edges[:-1], counts, width=np.diff(edges), align="edge", color=colours, edgecolor="white", linewidth=0.5, gid="bins")
    if edges[0] <= 0 <= edges[-1]:
        ax.axvline(0, color="#333333", linestyle="--", linewidth=1, gid="zero")
    s = result.summary()
    ax.axvline(s["mean"], color=ORANGE, linewidth=1.5, label=f"mean {_money(s['mean'])}", gid="mean")
    low, high = result.p_negative_interval
    ax.set_title(f"Portfolio NPV over {result.samples} samples: P(NPV < 0) = {100 * result.p_negative:.1f}% "
                 f"(95%: {100 * low:.1f} to {100 * high:.1f}%)", fontsize=10)
    currency = result.core.currency
    ax.set_xlabel("NPV" + (f" ({currency})" if currency else ""))
    ax.set_ylabel("Samples")
    _money_axis(ax.xaxis)
    ax.legend(frameon=False)
    return ax


def tornado(result: "RiskResult", *, ax: "Axes | None" = None, top: int = 10, portfolio: "Portfolio | None" = None) -> "Axes":
    """The tornado: the ``top`` inputs that move the portfolio NPV most, each a bar from
    the NPV at its 10th percentile to the NPV at its 90th (success: failed to succeeded),
    the part below the base in vermillion, above it in blue, around a line at the base."""
    t = result.tornado()
    t = t[t["swing"] > 0].head(top)
    base = float(t.attrs.get("base", result.tornado().attrs["base"]))
    ax = _axes(ax, (8, 1.2 + 0.4 * len(t)))
    for row, (_, r) in enumerate(t.iterrows()):
        low, high = sorted((float(r["npv_low"]), float(r["npv_high"])))
        if low < base:
            ax.barh(row, min(high, base) - low, left=low, color=VERMILLION, height=0.7, gid=f"range-low:{r['initiative']}:{r['variable']}")
        if high > base:
            ax.barh(row, high - max(low, base), left=max(low, base), color=BLUE, height=0.7,
                    gid=f"range-high:{r['initiative']}:{r['variable']}")
    labels = [f"{_label(portfolio, r['initiative']) if portfolio is not None else r['initiative']} {r['variable']}"
              for _, r in t.iterrows()]
    ax.set_yticks(range(len(t)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.axvline(base, color="#333333", linewidth=1, gid="base")
    ax.set_xlabel("Portfolio NPV" + (f" ({result.core.currency})" if result.core.currency else "") + f"; base {_money(base)}")
    _money_axis(ax.xaxis)
    ax.set_title("What moves the NPV most (P10 to P90 of each input)")
    return ax
