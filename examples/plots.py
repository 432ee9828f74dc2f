"""Every picture of aligngraph.plot on the sample portfolio, written as PNG files (the ones
in docs/images/ come from here): python examples/plots.py [OUT_DIR]"""

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import aligngraph as ag  # noqa: E402
from aligngraph import plot  # noqa: E402

out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
out.mkdir(parents=True, exist_ok=True)
p = ag.Portfolio.sample()
best = p.optimize()
sim = p.simulate(samples=20_000, seed=1, roadmap=True)
pictures = {
    "plot-goal-weights.png": plot.goal_weights(p),
    "plot-alignment.png": plot.alignment_heatmap(p, top=15),
    "plot-frontier.png": plot.frontier(p.frontier([0.5, 0.625, 0.75, 0.875, 1.0, 1.25, 1.5]), currency=best.currency),
    "plot-budget-use.png": plot.budget_use(best),
    "plot-gantt.png": plot.gantt(p.roadmap(), portfolio=p),
    "plot-npv.png": plot.npv_distribution(sim),
    "plot-tornado.png": plot.tornado(sim, portfolio=p),
}
for name, ax in pictures.items():
    ax.figure.savefig(out / name, dpi=80)
    print(out / name)
