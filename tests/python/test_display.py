"""What a person sees of aligngraph's objects at a prompt or in a notebook."""

from __future__ import annotations

import inspect

import aligngraph as ag


def _classes():
    seen = {}
    for module in (ag, ag._core):
        for name in dir(module):
            obj = getattr(module, name)
            if inspect.isclass(obj) and not issubclass(obj, BaseException) and obj.__module__.startswith("aligngraph"):
                seen[obj.__qualname__] = obj
    return seen


def test_every_public_class_has_a_repr_of_its_own():
    missing = [name for name, cls in _classes().items()
               if not any("__repr__" in vars(k) for k in cls.__mro__[:-1] if k.__name__ != "pybind11_object")]
    assert not missing, f"no __repr__ of their own: {missing}"


def test_reprs_say_what_the_object_is():
    p = ag.Portfolio.sample()
    downturn = next(s for s in p.scenarios if s.id == "downturn")
    assert repr(downturn).startswith("<aligngraph.Scenario 'downturn'")
    assert f"budget factor {downturn.budget_factor:g}" in repr(downturn)
    assert "currency EUR" in repr(p.settings)
    r = p.optimize()
    assert repr(r.core) == f"<aligngraph.SelectionResultCore {len(r.selected)} selected, value {r.value:g}, proven>"
    sim = p.simulate(samples=1024, seed=1)
    assert "1024 samples from 0, seed 1" in repr(sim.core)
    assert f"mean {sim.summary()['mean']:g}" in repr(sim.core.summary)
    reo = p.reoptimizer()
    assert repr(reo) == f"<aligngraph.Reoptimizer over {p.initiative_count} initiatives and {len(reo._core.budget_names)} budget rows>"
    assert "0x" not in repr(downturn) and "0x" not in repr(p.settings) and "0x" not in repr(r.core)


def _marks(html: str, kind: str) -> int:
    return html.count(f'class="{kind}"')


def test_notebooks_show_a_table_and_a_chart_of_each_result():
    import re

    p = ag.Portfolio.sample()
    shown = {}
    html = p._repr_html_()
    assert "<table>" in html and "<svg" in html and "34" in html  # initiatives
    goals = p.goals()
    parents = {parent for links in goals["parents"] for parent in links}
    leaves = goals.loc[[g for g in goals.index if g not in parents]]
    assert _marks(html, "bar") == min(12, len(leaves))  # the heaviest leaf goals
    heaviest = leaves["global_weight"].idxmax()
    assert f"{heaviest} " in html and f"{leaves['global_weight'].max():.4g}" in html
    shown["portfolio"] = html
    r = p.optimize()
    html = r._repr_html_()
    assert _marks(html, "bar") == min(12, len(r.selected)) and "proven optimal" in html
    shown["selection"] = html
    assert all(i in html for i in sorted(r.selected, key=lambda i: -r.core.values[r.core.ids.index(i)])[:12])
    road = p.roadmap()
    html = road._repr_html_()
    assert _marks(html, "task") == min(30, sum(1 for s in road.core.starts if s >= 0))
    shown["roadmap"] = html
    sim = p.simulate(samples=4096, seed=2)
    html = sim._repr_html_()
    assert _marks(html, "bin") == len(sim.core.histogram_counts) and _marks(html, "marker") == (1 if sim.npv.min() < 0 < sim.npv.max() else 0)
    assert "P(NPV &lt; 0)" in html
    shown["risk"] = html
    f = p.selection_frequency(scenarios=100, seed=1)
    html = f._repr_html_()
    sometimes = int(((f.frequency > 0) & (f.frequency < 1)).sum())
    assert _marks(html, "bar") == min(12, sometimes)
    shown["frequency"] = html
    c = p.compare("downturn", "compliance-first")
    html = c._repr_html_()
    assert _marks(html, "bar") == min(12, int((c.frame()["change"] != 0).sum()))
    shown["compare"] = html
    # Self-contained: nothing fetched from elsewhere.
    for html in shown.values():
        assert not re.search(r"(src|href)=", html) and "<script" not in html


def test_notebook_html_escapes_what_the_model_says():
    p = ag.Portfolio.sample()
    q = ag.Portfolio.from_json(p.to_json().replace('"name": "Nordbank', '"name": "<script>alert(1)</script> Nordbank', 1))
    html = q._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
