"""aligngraph.plot with matplotlib's Agg backend: what was drawn (bars, marks, labels, where
the knee is), against the results' own numbers."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import Rectangle, Wedge  # noqa: E402

import aligngraph as ag  # noqa: E402
from aligngraph import plot  # noqa: E402


@pytest.fixture(scope="module")
def sample() -> ag.Portfolio:
    return ag.Portfolio.sample()


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def bars(ax, prefix: str) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle) and (p.get_gid() or "").startswith(prefix)]


def test_goal_weights_sunburst(sample: ag.Portfolio) -> None:
    ax = plot.goal_weights(sample)
    wedges = [p for p in ax.patches if isinstance(p, Wedge)]
    # One wedge per path from a root to a goal (a goal under two parents appears twice).
    children: dict[str, list[str]] = {g: [] for g in sample.goal_ids}
    for parent, child, _ in sample.goal_link_triplets():
        children[parent].append(child)
    roots = [g for g in sample.goal_ids if not sample.goals().loc[g, "parents"]]

    def paths(g: str) -> int:
        return 1 + sum(paths(c) for c in children[g])

    assert len(wedges) == sum(paths(r) for r in roots)
    # A goal's wedges together span its global weight (the sum over its parents).
    weights = sample.goal_weights().to_series()
    for g in sample.goal_ids:
        span = sum((w.theta2 - w.theta1) / 360 for w in wedges if w.get_gid() == f"goal:{g}")
        assert span == pytest.approx(weights[g] / weights[roots].sum())
    assert {t.get_text() for t in ax.texts} >= set(roots)


def test_alignment_heatmap_cells_are_strength_times_weight(sample: ag.Portfolio) -> None:
    ax = plot.alignment_heatmap(sample, top=8)
    (image,) = ax.get_images()
    data = np.asarray(image.get_array())
    assert data.shape[0] == 8
    ranking = sample.rank()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert [label.split()[0] for label in labels] == list(ranking.index[:8])
    # Each row sums to the initiative's direct alignment (its goal parts), taken apart independently here.
    for row, id in enumerate(ranking.index[:8]):
        parts = sample.explain(id)
        assert data[row].sum() == pytest.approx(parts.loc[parts["kind"] == "goal", "value"].sum())
    assert ax.get_xlabel().startswith("Goal") and ax.get_ylabel().startswith("Initiative")


def test_frontier_marks_the_knee_and_the_plan(sample: ag.Portfolio) -> None:
    f = sample.frontier([0.5, 0.75, 1.0, 1.25, 1.5])
    ax = plot.frontier(f, currency="EUR")
    (line,) = [l for l in ax.lines if l.get_gid() == "frontier"]
    feasible = f[f["feasible"]]
    assert np.allclose(line.get_xdata(), feasible["total_budget"]) and np.allclose(line.get_ydata(), feasible["value"])
    (chosen,) = [l for l in ax.lines if l.get_gid() == "chosen"]
    assert chosen.get_xdata()[0] == pytest.approx(f.loc[1.0, "total_budget"])
    assert chosen.get_ydata()[0] == pytest.approx(sample.optimize().value)
    knees = [l for l in ax.lines if l.get_gid() == "knee"]
    assert len(knees) == int(f["knee"].sum())
    if knees:
        k = f[f["knee"]].iloc[0]
        assert knees[0].get_xdata()[0] == pytest.approx(k["total_budget"]) and knees[0].get_ydata()[0] == pytest.approx(k["value"])
    assert "EUR" in ax.get_xlabel() and ax.get_ylabel().startswith("Optimal value")


def test_budget_use_bars_and_limits(sample: ag.Portfolio) -> None:
    r = sample.optimize()
    b = r.budgets
    pools = list(dict.fromkeys(b["pool"]))
    # By default the pools that make up the total budget: the sample has a total pool.
    default = plot.budget_use(r)
    assert {x.get_gid() for x in default.patches} == {"use:total"}
    ax = plot.budget_use(r, pools=pools)
    for pool in pools:
        drawn = bars(ax, f"use:{pool}")
        assert [x.get_height() for x in drawn] == pytest.approx(list(b.loc[b["pool"] == pool, "use"]))
        (limit,) = [l for l in ax.lines if l.get_gid() == f"limit:{pool}"]
        assert list(limit.get_ydata()[:-1]) == pytest.approx(list(b.loc[b["pool"] == pool, "limit"]))
    assert [t.get_text() for t in ax.get_xticklabels()] == list(dict.fromkeys(b["period"]))
    with pytest.raises(ValueError, match="unknown pool"):
        plot.budget_use(r, pools=["nope"])


def test_gantt_with_team_load(sample: ag.Portfolio) -> None:
    road = sample.roadmap()
    ax = plot.gantt(road, portfolio=sample)
    tasks = bars(ax, "task:")
    starts = road.core.starts
    scheduled = [j for j in range(len(starts)) if starts[j] >= 0]
    assert len(tasks) == len(scheduled)
    for t in tasks:
        j = list(road.frame().index).index(t.get_gid().split(":", 1)[1])
        assert t.get_x() == pytest.approx(road.core.starts[j] - 0.5)
        assert t.get_width() == pytest.approx(road.core.finishes[j] - road.core.starts[j])
    critical = [t for t in tasks if t.get_facecolor()[:3] == pytest.approx(matplotlib.colors.to_rgb(plot.VERMILLION))]
    assert len(critical) == int(np.sum(road.core.critical))
    below = ax.load_axes
    teams = road.load()
    assert len([l for l in below.lines if (l.get_gid() or "").startswith("load:")]) == teams["team"].nunique()
    assert below.get_ylabel().startswith("Team load")


def test_npv_distribution_and_tornado(sample: ag.Portfolio) -> None:
    sim = sample.simulate(samples=4096, seed=3)
    ax = plot.npv_distribution(sim)
    counts, edges = sim.histogram()
    drawn = bars(ax, "bins")
    assert len(drawn) == len(counts)
    assert [b.get_height() for b in drawn] == list(counts)
    red = [b for b, right in zip(drawn, edges[1:]) if right <= 0]
    assert all(b.get_facecolor()[:3] == pytest.approx(matplotlib.colors.to_rgb(plot.VERMILLION)) for b in red)
    assert f"{100 * sim.p_negative:.1f}%" in ax.get_title()
    t = sim.tornado()
    ax = plot.tornado(sim, top=6)
    shown = t[t["swing"] > 0].head(6)
    assert len(ax.get_yticklabels()) == len(shown)
    for row, (_, r) in enumerate(shown.iterrows()):
        parts = [b for b in ax.patches if (b.get_gid() or "").endswith(f":{r['initiative']}:{r['variable']}")]
        left = min(b.get_x() for b in parts)
        right = max(b.get_x() + b.get_width() for b in parts)
        assert (left, right) == pytest.approx(tuple(sorted((r["npv_low"], r["npv_high"]))))
    (base,) = [l for l in ax.lines if l.get_gid() == "base"]
    assert base.get_xdata()[0] == pytest.approx(t.attrs["base"])


def test_plots_draw_on_a_given_axes(sample: ag.Portfolio) -> None:
    fig, axes = plt.subplots(1, 2)
    assert plot.frontier(sample.frontier([0.8, 1.0, 1.2]), ax=axes[0]) is axes[0]
    assert plot.budget_use(sample.optimize(), ax=axes[1]) is axes[1]
