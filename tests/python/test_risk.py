"""Risk analysis from Python: the distributions against scipy.stats, the closed-form moments of
a small portfolio, bit-identity over threads and chunks, the frames against the samples they
summarise, the builder, the command line."""

from __future__ import annotations

import json
import math
import pickle

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import aligngraph as ag

Z95 = stats.norm.ppf(0.95)


def scipy_reference(e: ag.Estimate):
    """The distribution docs/risk.md defines for an estimate, built from scipy.stats."""
    a, m, b = e.low, e.mode, e.high
    d = e.distribution
    if d == ag.Distribution.triangular:
        return stats.triang(c=(m - a) / (b - a), loc=a, scale=b - a)
    if d == ag.Distribution.pert:
        alpha = 1 + 4 * (m - a) / (b - a)
        beta = 1 + 4 * (b - m) / (b - a)
        return stats.beta(alpha, beta, loc=a, scale=b - a)
    if d == ag.Distribution.uniform:
        return stats.uniform(loc=a, scale=b - a)
    if d == ag.Distribution.normal:  # mean mode, low and high its 5th and 95th percentiles
        return stats.norm(loc=m, scale=(b - a) / (2 * Z95))
    if d == ag.Distribution.lognormal:  # median mode = sqrt(low * high), low and high P5 and P95
        return stats.lognorm(s=math.log(b / a) / (2 * Z95), scale=m)
    raise AssertionError(d)


ESTIMATES = [
    ag.Estimate(0.8, 1.0, 1.6, ag.Distribution.triangular),
    ag.Estimate(0.9, 1.0, 1.0, ag.Distribution.triangular),  # mode at the top
    ag.Estimate(0.7, 1.1, 2.0, ag.Distribution.pert),
    ag.Estimate(0.5, 0.6, 3.0, ag.Distribution.pert),  # strongly skewed
    ag.Estimate(0.9, 1.0, 1.3, ag.Distribution.uniform),
    ag.Estimate(0.8, 1.0, 1.2, ag.Distribution.normal),
    ag.Estimate(0.5, 1.0, 2.0, ag.Distribution.lognormal),
]


@pytest.mark.parametrize("estimate", ESTIMATES, ids=lambda e: f"{e.distribution.name}-{e.low}-{e.mode}-{e.high}")
def test_each_distribution_passes_kolmogorov_smirnov_against_scipy(estimate):
    x = ag.draws(estimate, 20_000, seed=11)
    ref = scipy_reference(estimate)
    assert stats.kstest(x, ref.cdf).pvalue > 0.001
    # And the moments within 5 standard errors of the closed form.
    assert abs(x.mean() - ref.mean()) < 5 * ref.std() / math.sqrt(len(x))
    assert x.var(ddof=1) == pytest.approx(ref.var(), rel=0.05)


def test_draws_are_a_function_of_the_sample_index():
    e = ag.Estimate(0.8, 1.0, 1.5, ag.Distribution.pert)
    whole = ag.draws(e, 3000, seed=5)
    part = ag.draws(e, 1000, seed=5, first=1500)
    assert np.array_equal(whole[1500:2500], part)
    assert not np.array_equal(whole, ag.draws(e, 3000, seed=6))
    assert np.array_equal(ag.draws((0.8, 1.0, 1.5, "pert"), 3000, seed=5), whole)


def test_a_start_before_the_first_period_is_refused():
    # Found by fuzzing: it wrote before the finish counts (a segmentation fault far out).
    for start in (-5, -505282561):
        with pytest.raises(ag.ValidationError, match=f"'#1' starts in period {start}, expected 0 to 1000000"):
            ag.simulate(np.ones((2, 1)), np.ones((2, 1)), starts=[0, start], samples=10, threads=1, budget=[0.0])


def test_pert_near_the_largest_double():
    # Found by fuzzing: 4 (mode - low) overflowed in the PERT shape; simulate() on threads
    # ended the process (std::terminate), draws() raised OverflowError.
    low, mode, high = 7.403637083039078e307, 1.2901091909011912e308, 1.7976931348258842e308
    x = ag.draws((low, mode, high, "pert"), 4000, seed=3)
    assert np.all(np.isfinite(x)) and np.all((x >= low) & (x <= high))
    share = (mode - low) / (high - low)
    ref = stats.beta(1 + 4 * share, 1 + 4 * (1 - share), loc=low, scale=high - low)
    assert stats.kstest(x, ref.cdf).pvalue > 0.001
    r = ag.simulate(np.full((2, 3), 10.0), np.full((2, 3), 30.0), delay=[(low, mode, high, "pert"), None], samples=2000,
                    threads=2)
    assert np.all(np.isfinite(r.npv))


def small_problem():
    costs = np.array([[100.0, 50, 0, 0], [80, 80, 0, 0], [0, 60, 0, 0]])
    benefits = np.array([[0.0, 0, 90, 90], [0, 0, 0, 120], [0, 0, 40, 40]])
    cost = [ag.Estimate(0.9, 1.0, 1.5, ag.Distribution.triangular), ag.Estimate(0.8, 1.0, 1.4, ag.Distribution.pert), None]
    benefit = [ag.Estimate(0.6, 1.0, 1.1, ag.Distribution.uniform), None, ag.Estimate(0.8, 1.0, 1.2, ag.Distribution.normal)]
    success = [0.9, 1.0, 0.7]
    return costs, benefits, cost, benefit, success


def test_mean_and_variance_of_a_small_portfolio_match_the_closed_form():
    costs, benefits, cost, benefit, success = small_problem()
    rate = 0.02
    disc = (1 + rate) ** -np.arange(costs.shape[1])
    pvc, pvb = costs @ disc, benefits @ disc
    mean = var = 0.0
    for i in range(3):
        c = scipy_reference(cost[i]) if cost[i] else None
        b = scipy_reference(benefit[i]) if benefit[i] else None
        ec, ec2 = (c.mean(), c.var() + c.mean() ** 2) if c else (1.0, 1.0)
        eb, eb2 = (b.mean(), b.var() + b.mean() ** 2) if b else (1.0, 1.0)
        p = success[i]
        m = p * eb * pvb[i] - ec * pvc[i]
        second = p * eb2 * pvb[i] ** 2 - 2 * p * eb * ec * pvb[i] * pvc[i] + ec2 * pvc[i] ** 2
        mean += m
        var += second - m * m
    r = ag.simulate(costs, benefits, cost=cost, benefit=benefit, success=success, rate=rate, samples=200_000, seed=3)
    assert r.samples == 200_000 and r.npv.shape == (200_000,)
    assert abs(r.summary()["mean"] - mean) < 4 * math.sqrt(var / r.samples)
    assert r.npv.var(ddof=1) == pytest.approx(var, rel=0.02)
    assert r.planned_npv == pytest.approx(float(np.sum(pvb - pvc)))


def test_the_same_bits_on_any_thread_count_and_in_chunks():
    costs, benefits, cost, benefit, success = small_problem()
    kw = dict(cost=cost, benefit=benefit, success=success, correlations=[([0, 1], 0.6, "cost")],
              events=[("E1", 0.2, [0, 2], (0.05, 0.1, 0.3), (1, 1, 2))], budget=[200, 200, 10, 10], rate=0.01, seed=9)
    one = ag.simulate(costs, benefits, samples=5000, threads=1, **kw)
    for t in (2, 4):
        other = ag.simulate(costs, benefits, samples=5000, threads=t, **kw)
        assert np.array_equal(other.npv, one.npv)
        assert other.summary().equals(one.summary())
        assert other.spend().equals(one.spend())
    a = ag.simulate(costs, benefits, samples=2048, first=0, **kw)
    b = ag.simulate(costs, benefits, samples=2952, first=2048, **kw)
    joined = ag.join([a, b])
    assert np.array_equal(joined.npv, one.npv)
    assert joined.summary().equals(one.summary())
    assert joined.initiatives().equals(one.initiatives())
    with pytest.raises(ag.ValidationError, match="multiple of 1024"):
        ag.join([ag.simulate(costs, benefits, samples=1000, **kw), ag.simulate(costs, benefits, samples=1000, first=1000, **kw)])


def test_a_sample_portfolio_simulation_summarises_its_own_samples(sample_path):
    p = ag.Portfolio.load(sample_path)
    r = p.simulate(samples=8192, seed=4)
    x = r.npv
    assert not x.flags.writeable
    s = r.summary()
    # Against numpy over the samples (an independent computation of each summary).
    assert s["mean"] == pytest.approx(x.mean(), rel=1e-12)
    assert s["sd"] == pytest.approx(x.std(ddof=1), rel=1e-9)
    for q in (5, 50, 95):
        assert s[f"p{q}"] == pytest.approx(np.percentile(x, q), rel=1e-12)
    worst = np.sort(x)[: math.ceil(0.05 * len(x))]
    assert s["cvar5"] == pytest.approx(worst.mean(), rel=1e-12)
    assert r.p_negative == np.mean(x < 0)
    lo, hi = r.p_negative_interval
    assert lo <= r.p_negative <= hi
    counts, edges = r.histogram()
    assert counts.sum() == len(x) and edges[0] == x.min() and edges[-1] == x.max()
    ref, _ = np.histogram(x, bins=edges)
    assert np.abs(counts - ref).max() <= 2  # a sample on an edge may fall either side
    # Spend and load against the per-sample use.
    u = r.use_samples
    spend, load = r.spend(), r.load()
    assert len(spend) + len(load) == u.shape[1] * u.shape[2]
    resources = list(r.core.resource_kinds)
    for frame, kind in ((spend, "budget"), (load, "team")):
        rows = [k for k, name in enumerate(resources) if name == kind]
        got = frame["mean"].to_numpy().reshape(len(rows), -1)
        assert np.allclose(got, u[:, rows, :].mean(axis=0), rtol=1e-10, atol=1e-9)
        limit = frame.iloc[:, 2].to_numpy().reshape(len(rows), -1)
        over = (u[:, rows, :] > limit[None] + 1e-9 * np.maximum(1, np.abs(limit[None]))).mean(axis=0)
        assert np.array_equal(frame["p_over"].to_numpy().reshape(len(rows), -1), over)
        p95 = np.percentile(u[:, rows, :], 95, axis=0)
        assert np.allclose(frame["p95"].to_numpy().reshape(len(rows), -1), p95, rtol=1e-12, atol=1e-9)
    # The initiatives: the selection, every one of them; item means add up to the total.
    items = r.initiatives()
    assert list(items.index) == r.ids and set(r.ids) <= set(p.initiative_ids)
    assert items["npv_mean"].sum() == pytest.approx(s["mean"], rel=1e-9)
    assert ((items["failure_rate"] >= 0) & (items["failure_rate"] <= 1)).all()
    fb = r.finish_by()
    assert (np.diff(fb.to_numpy(), axis=1) >= 0).all() and (fb["later"] == 1).all()
    t = r.tornado()
    assert list(t.columns) == ["initiative", "variable", "input_low", "input_high", "npv_low", "npv_high", "swing"]
    assert (t["swing"].diff().dropna() <= 0).all()
    assert set(t["variable"]) <= {"cost", "benefit", "delay", "success"}
    rc = r.rank_correlations()
    assert (rc["rho"].abs() <= 1).all()
    assert "P(NPV < 0)" in r.text() and json.loads(r.to_json())["samples"] == 8192
    assert "RiskResult: 8192 samples" in repr(r)


def test_selection_roadmap_and_scenario_reach_the_simulation(sample_path):
    p = ag.Portfolio.load(sample_path)
    picked = p.initiative_ids[:3]
    r = p.simulate(samples=1024, selection=picked, sensitivity=False)
    assert r.ids == sorted(picked, key=p.initiative_ids.index)
    assert r.tornado().empty and r.rank_correlations().empty
    road = p.roadmap(time_limit=30)
    rr = p.simulate(samples=1024, roadmap=True, time_limit=30)
    starts = road.starts
    assert list(rr.core.starts) == [int(starts[i]) for i in rr.ids]


def test_convergence_stop_gives_the_first_samples_of_the_full_run():
    costs, benefits, cost, benefit, success = small_problem()
    full = ag.simulate(costs, benefits, cost=cost, benefit=benefit, success=success, samples=100_000, seed=2)
    early = ag.simulate(costs, benefits, cost=cost, benefit=benefit, success=success, samples=100_000, seed=2, stop_at=0.01)
    assert early.converged and early.samples < full.samples and early.samples % 4096 == 0
    assert np.array_equal(early.npv, full.npv[: early.samples])
    se = early.npv.std(ddof=1) / math.sqrt(early.samples)
    assert se <= 0.01 * abs(early.npv.mean())


def test_bad_input_is_refused_naming_the_item():
    costs, benefits, *_ = small_problem()
    with pytest.raises(ag.ValidationError, match="#1"):
        ag.simulate(costs, benefits, cost=[None, (1.2, 1.0, 0.9), None], samples=10)
    with pytest.raises(ag.ValidationError, match="samples 0"):
        ag.simulate(costs, benefits, samples=0)
    with pytest.raises(ag.ValidationError, match="#2"):
        ag.simulate(costs, benefits, success=[1, 1, 1.5], samples=10)
    with pytest.raises(ag.ValidationError, match="positive semi-definite"):
        ag.simulate(costs, benefits, cost=(0.9, 1, 1.2), samples=10,
                    correlations=[([0, 1], 0.9, "cost"), ([1, 2], 0.9, "cost"), ([0, 2], -0.9, "cost")])
    repaired = ag.simulate(costs, benefits, cost=(0.9, 1, 1.2), samples=10, repair_correlations=True,
                           correlations=[([0, 1], 0.9, "cost"), ([1, 2], 0.9, "cost"), ([0, 2], -0.9, "cost")])
    assert any("nearest" in n for n in repaired.notes)
    with pytest.raises(ag.ValidationError, match="threads 0"):
        ag.simulate(costs, benefits, samples=10, threads=0)
    with pytest.raises(ag.ValidationError, match="unknown distribution 'beta'"):
        ag.simulate(costs, benefits, cost=(0.9, 1, 1.2, "beta"), samples=10)
    p = ag.Portfolio.sample()
    with pytest.raises(ag.ValidationError, match="I-99"):
        p.simulate(samples=10, selection=["I-99"])
    for bad in (0, -1, float("nan")):
        with pytest.raises(ag.ValidationError, match=r"simulate\(\): time limit .* expected > 0"):
            p.simulate(samples=10, time_limit=bad)


def test_builder_correlations_and_events_round_trip():
    p = ag.Portfolio(periods=4)
    p.add_goal("G", "Goal")
    for i in ("A", "B", "C"):
        p.add_initiative(i, i, "IT", capex=[100], benefits=[0, 60, 60, 60],
                         uncertainty=ag.Uncertainty(cost=ag.Estimate(0.9, 1.0, 1.3), success_probability=0.9))
        p.add_contribution(i, "G", "strong")
    p.add_correlation(["A", "B"], 0.5, on="cost")
    p.add_risk_event("R1", 0.2, ["A", "C"], name="Vendor", cost=ag.Estimate(0.1, 0.2, 0.4), delay=ag.Estimate(1, 1, 2))
    assert p.correlations[0].on == ag.CorrelationOn.cost and p.correlations[0].initiatives == ["A", "B"]
    assert p.risk_events[0].id == "R1" and p.risk_events[0].delay.high == 2
    again = ag.Portfolio.from_json(p.to_json())
    assert again.correlations == p.correlations and again.risk_events == p.risk_events
    with pytest.raises(ag.ValidationError, match="Z"):
        p.add_correlation(["A", "Z"], 0.5)
    with pytest.raises(ag.ValidationError, match="unknown correlation kind 'time'"):
        p.add_correlation(["A", "B"], 0.5, on="time")
    r = p.simulate(samples=2048, selection=["A", "B", "C"])
    assert r.initiatives()["failure_rate"].between(0.05, 0.15).all()


def test_risk_command_text_and_json(sample_path):
    from test_cli import run

    text = run("risk", "--samples", "4096", "--seed", "3", str(sample_path))
    assert text.returncode == 0, text.stderr
    assert "P(NPV < 0)" in text.stdout and "Tornado" in text.stdout
    assert max(len(line) for line in text.stdout.splitlines()) <= 100
    out = run("risk", "--samples", "4096", "--seed", "3", "--threads", "1", "--format", "json", str(sample_path))
    doc = json.loads(out.stdout)
    p = ag.Portfolio.load(sample_path)
    r = p.simulate(samples=4096, seed=3)
    assert doc["npv"]["mean"] == r.summary()["mean"] and doc["npv"]["p5"] == r.summary()["p5"]
    assert [i["id"] for i in doc["initiatives"]] == r.ids
    bad = run("risk", "--samples", "0", str(sample_path))
    assert bad.returncode == 2 and "samples" in bad.stderr


def test_item_samples_add_up_to_the_portfolio(sample_path):
    p = ag.Portfolio.load(sample_path)
    r = p.simulate(samples=2048, seed=8, keep_items=True, sensitivity=False)
    items = r.item_samples()
    assert list(items["npv"].columns) == r.ids and items["npv"].shape == (2048, len(r.ids))
    assert np.allclose(items["npv"].sum(axis=1).to_numpy(), r.npv, rtol=1e-12, atol=1e-6)
    assert np.allclose(items["npv"].mean().to_numpy(), r.initiatives()["npv_mean"].to_numpy(), rtol=1e-9, atol=1e-6)
    assert (items["shift"].mean().to_numpy() == pytest.approx(r.initiatives()["delay_mean"].to_numpy()))
    with pytest.raises(ValueError, match="keep_items=True"):
        p.simulate(samples=1024).item_samples()


def test_selection_frequency_summarises_its_scenarios(sample_path):
    p = ag.Portfolio.load(sample_path)
    f = p.selection_frequency(scenarios=300, seed=4)
    assert f.scenarios == 300 and f.proven == 300
    sel = f.selected
    assert sel.shape == (300, p.initiative_count) and list(sel.columns) == p.initiative_ids
    assert np.array_equal(f.frequency.to_numpy(), sel.mean().to_numpy())
    # The scenarios are the Monte Carlo's: each optimum is worth the sum of its members' NPVs there.
    r = p.simulate(samples=300, seed=4, selection=p.initiative_ids, keep_items=True, sensitivity=False)
    npv = r.item_samples()["npv"]
    assert np.allclose((npv.to_numpy() * sel.to_numpy()).sum(axis=1), f.optimum, rtol=1e-9)
    # Mandatory initiatives are in every optimum; what is in the planned optimum is the optimize() answer.
    frame = p.initiatives()
    for i in frame.index[frame["mandatory"]]:
        assert f.frequency[i] == 1
    assert f.planned_selection == list(p.optimize().selected)
    table = f.frame()
    assert table["frequency"].is_monotonic_decreasing and set(table.index) == set(p.initiative_ids)
    assert "Selection frequency over 300 scenarios" in f.text() and json.loads(f.to_json())["scenarios"] == 300
    with pytest.raises(ag.ValidationError, match="0 scenarios"):
        p.selection_frequency(scenarios=0)
    with pytest.raises(ag.ValidationError, match="solve time limit 0 s"):
        p.selection_frequency(scenarios=10, solve_time_limit=0)


def test_selection_frequency_in_chunks_joins_to_the_single_run(sample_path):
    p = ag.Portfolio.load(sample_path)
    block = ag.SelectionFrequency.BLOCK_SIZE
    whole = p.selection_frequency(scenarios=200, seed=6, first=30)
    # 30..63 | 64..191 | 192..229: chunks ending on block boundaries (multiples of 64).
    parts = [p.selection_frequency(scenarios=n, seed=6, first=f) for f, n in [(30, 34), (64, 2 * block), (192, 38)]]
    joined = ag.join_selection_frequency(p, parts)
    assert joined.first == 30 and joined.scenarios == 200 and joined.proven == whole.proven
    assert joined.selected.equals(whole.selected)
    assert np.array_equal(joined.optimum, whole.optimum)
    assert joined.frame().equals(whole.frame())
    assert joined.expected_selection == whole.expected_selection and joined.expected_value == whole.expected_value
    # The sums kept per block are the scenarios' NPVs over each block, from the Monte Carlo.
    r = p.simulate(samples=200, seed=6, first=30, selection=p.initiative_ids, keep_items=True, sensitivity=False)
    npv = r.item_samples()["npv"].to_numpy()
    sums = np.asarray(whole.core.npv_block_sums)
    assert sums.shape == (4, p.initiative_count)
    assert np.allclose(sums[1], npv[34:98].sum(axis=0), rtol=1e-12, atol=1e-6)
    assert np.allclose(whole.frame()["mean_npv"].reindex(p.initiative_ids).to_numpy(), npv.mean(axis=0), rtol=1e-12, atol=1e-6)
    # A part that does not fit is named.
    with pytest.raises(ag.ValidationError, match="part 1 starts at scenario 192, expected 64"):
        ag.join_selection_frequency(p, [parts[0], parts[2]])
    with pytest.raises(ag.ValidationError, match="part 1 has seed 7"):
        ag.join_selection_frequency(p, [parts[0], p.selection_frequency(scenarios=10, seed=7, first=64)])
    # It pickles, every field.
    back = pickle.loads(pickle.dumps(whole))
    assert back.frame().equals(whole.frame()) and back.selected.equals(whole.selected)
    assert np.array_equal(back.core.cost_block_sums, whole.core.cost_block_sums) and back.seconds == whole.seconds


def test_robust_command(sample_path):
    from test_cli import run

    out = run("robust", "--scenarios", "200", "--seed", "4", "--format", "json", str(sample_path))
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    f = ag.Portfolio.load(sample_path).selection_frequency(scenarios=200, seed=4)
    assert [i["frequency"] for i in doc["initiatives"]] == list(f.frequency)
    assert doc["best_in_expectation"]["selection"] == f.expected_selection
    text = run("robust", "--scenarios", "200", str(sample_path))
    assert "In every scenario's optimum:" in text.stdout and "Best in expectation" in text.stdout


def test_a_requires_lag_narrows_the_gap_a_delay_eats():
    # A runs in periods 0-1 and may start 0..3 periods late; B starts in period 3.
    costs = np.array([[10.0, 10, 0, 0, 0, 0, 0, 0], [0, 0, 0, 10, 0, 0, 0, 0]])
    benefits = np.zeros_like(costs)
    kw = dict(delay=[(0, 0, 3, "uniform"), None], starts=[0, 3], durations=[2, 1], samples=20_000, seed=1, sensitivity=False)
    slack = ag.simulate(costs, benefits, requires=[(1, 0)], **kw).initiatives()["delay_mean"]
    tight = ag.simulate(costs, benefits, requires=[(1, 0, 1)], **kw).initiatives()["delay_mean"]
    # With the lag of 1 the gap is 0: B moves with A; without it B absorbs one period of A's delay.
    assert tight.iloc[1] == pytest.approx(tight.iloc[0])
    r = ag.simulate(costs, benefits, requires=[(1, 0)], keep_items=True, **kw).item_samples()["shift"]
    assert np.array_equal(r.iloc[:, 1].to_numpy(), np.maximum(0, r.iloc[:, 0].to_numpy() - 1))
    assert slack.iloc[1] < tight.iloc[1]


def test_chance_constrained_answer_holds_on_the_monte_carlos_samples(sample_path):
    p = ag.Portfolio.load(sample_path)
    alpha, scenarios, fresh = 0.1, 400, 3000
    c = p.chance_constrained(alpha=alpha, scenarios=scenarios, seed=3, fresh=fresh)
    assert c.proven and c.gap == 0 and c.allowed == int(alpha * scenarios)
    # The scenarios rebuilt here from the Monte Carlo of every initiative (docs/risk.md): each
    # initiative's sampled NPV, and its planned cost per budget row times its sampled cost
    # multiplier, what lies at or after its start moved by its sampled delay.
    sp = p.selection_problem()
    ids, pools, periods = list(sp["ids"]), list(sp["pools"]), list(sp["periods"])
    planned = np.asarray(sp["costs"]).reshape(len(ids), len(pools), len(periods))
    starts = p.initiatives()["start"].to_numpy()
    P = len(periods)

    def over(selection, first, samples):
        items = p.simulate(samples=samples, first=first, seed=3, selection=ids, keep_items=True, sensitivity=False).item_samples()
        x = np.isin(ids, selection)
        npv = items["npv"].to_numpy() @ x
        spend = np.zeros((samples, len(pools), P))
        for i in np.flatnonzero(x):
            mult, shift = items["cost"].iloc[:, i].to_numpy(), items["shift"].iloc[:, i].to_numpy().astype(int)
            for t in range(P):
                to = np.where(t >= starts[i], t + shift, t)
                inside = to < P
                np.add.at(spend, (np.flatnonzero(inside), slice(None), to[inside]), (mult[inside, None] * planned[i, :, t]))
        limits = np.asarray(sp["budgets"]).reshape(len(pools), P)
        return npv.mean(), (spend > limits).mean(axis=0).reshape(-1)

    table = c.frame()
    for selection, value, fresh_value, prefix in ((c.selected, c.expected_value, c.fresh_value, ""),
                                                   (c.planned_selection, c.planned_expected_value, c.planned_fresh_value, "planned_")):
        mean, share = over(selection, 0, scenarios)
        assert value == pytest.approx(mean, rel=1e-9)
        assert np.allclose(table[prefix + "sample_over"].to_numpy(), share)
        mean, share = over(selection, scenarios, fresh)
        assert fresh_value == pytest.approx(mean, rel=1e-9)
        assert np.allclose(table[prefix + "fresh_over"].to_numpy(), share)
    assert np.allclose(table["limit"].to_numpy(), np.asarray(sp["budgets"]))
    assert (table["sample_over"] <= alpha + 1e-12).all()
    assert ((table["fresh_low"] <= table["fresh_over"]) & (table["fresh_over"] <= table["fresh_high"])).all()
    # The plan's optimum breaks some budget more often than allowed here, so the answer differs.
    assert (table["planned_sample_over"] > alpha).any() and sorted(c.selected) != sorted(c.planned_selection)
    assert c.expected_value <= c.planned_expected_value
    assert "alpha" in repr(c) and json.loads(c.to_json())["alpha"] == alpha and c.text().strip()


def test_chance_constrained_refuses_bad_input(sample_path):
    p = ag.Portfolio.load(sample_path)
    with pytest.raises(ag.ValidationError, match="alpha 1"):
        p.chance_constrained(alpha=1.0)
    with pytest.raises(ag.ValidationError, match="scenarios 0"):
        p.chance_constrained(scenarios=0)
    with pytest.raises(ag.ValidationError, match="fresh samples -1"):
        p.chance_constrained(fresh=-1)
    with pytest.raises(ag.ValidationError, match="nope"):
        p.chance_constrained(scenarios=10, scenario="nope")


def _brute_force_rpm(low, high, costs, budgets, W, requires=(), excludes=()):
    """Every feasible subset; p dominates q when, for every extreme weight, p's own members at
    their low scores are worth at least q's own at their high ones, and more for one weight
    at the opposite scores (Liesiö, Mild & Salo 2007)."""
    import itertools

    n = low.shape[0]
    a, b = low @ W.T, high @ W.T  # n x K
    feasible = []
    for bits in itertools.product([0, 1], repeat=n):
        x = np.array(bits, dtype=bool)
        if (costs[x].sum(axis=0) > budgets + 1e-9).any():
            continue
        if any(x[d] and not x[p] for d, p in requires) or any(x[list(g)].sum() > 1 for g in excludes):
            continue
        feasible.append(x)

    def dominates(p, q):
        only_p, only_q = p & ~q, q & ~p
        return bool((a[only_p].sum(axis=0) >= b[only_q].sum(axis=0) - 1e-9).all()
                    and (b[only_p].sum(axis=0) > a[only_q].sum(axis=0) + 1e-9).any())

    return [x for x in feasible if not any(dominates(p, x) for p in feasible if p is not x)]


def test_a_cycle_of_links_is_named():
    # rpm() and simulate() said only "form a cycle"; each now names it, as the model does.
    low = np.full((4, 1), 0.5)
    with pytest.raises(ag.CycleError, match=r"rpm\(\): the requires links form a cycle: (b -> c -> d -> b|c -> d -> b -> c|d -> b -> c -> d)") as info:
        ag.rpm(low, low, np.ones((4, 1)), [2.0], requires=[(1, 2), (2, 3), (3, 1), (0, 1)], ids=["a", "b", "c", "d"])
    assert len(info.value.cycle) == 4 and info.value.cycle[0] == info.value.cycle[-1]
    assert set(info.value.cycle) == {"b", "c", "d"}
    flows = np.ones((3, 2))
    with pytest.raises(ag.CycleError, match=r"simulate\(\): the precedences form a cycle: .* -> .* -> ") as info:
        ag.simulate(flows, flows, requires=[(0, 1), (1, 0)], samples=10)
    assert len(info.value.cycle) == 3 and info.value.cycle[0] == info.value.cycle[-1]


@pytest.mark.parametrize("seed", range(6))
def test_rpm_over_arrays_against_brute_force(seed):
    rng = np.random.default_rng(seed)
    n, C = 9, 3
    mid = rng.integers(0, 11, size=(n, C)) / 10
    spread = rng.integers(0, 3, size=(n, C)) / 20
    low, high = np.maximum(mid - spread, 0), mid + spread
    costs = rng.integers(1, 10, size=(n, 2)).astype(float)
    budgets = np.round(costs.sum(axis=0) * 0.4)
    requires, excludes = [(4, 1), (7, 4)], [[0, 5]]
    threads = 1 + seed % 3  # one, two and three threads: the same answer
    r = ag.rpm(low, high, costs, budgets, requires=requires, excludes=excludes, rank_order=[2, 0, 1],
               ids=[f"P{i}" for i in range(n)], criteria=["a", "b", "c"], threads=threads)
    assert r.threads == threads
    # The rank order w_c >= w_a >= w_b has these extreme points, written out here.
    W = np.array([[0, 0, 1], [0.5, 0, 0.5], [1 / 3, 1 / 3, 1 / 3]])
    assert np.allclose(np.sort(r.extreme_weights.to_numpy(), axis=0), np.sort(W, axis=0))
    expect = _brute_force_rpm(low, high, costs, budgets, W, requires, excludes)
    got = r.portfolios.to_numpy()
    assert {tuple(x) for x in got} == {tuple(x) for x in expect} and len(got) == len(expect)
    assert np.allclose(r.core_index.to_numpy(), np.mean(expect, axis=0))
    assert set(r.core) == {f"P{i}" for i in np.flatnonzero(np.all(expect, axis=0))}
    assert set(r.exterior) == {f"P{i}" for i in np.flatnonzero(~np.any(expect, axis=0))}
    lo = np.array([(low[x] @ W.T).sum(axis=0).min() for x in got])
    assert np.allclose(r.value_low, lo)
    assert r.portfolio(0) == [f"P{i}" for i in np.flatnonzero(got[0])]


def test_rpm_of_the_sample_model(sample_path):
    p = ag.Portfolio.load(sample_path)
    crit = ["business_value", "risk_reduction", "time_criticality"]
    r = p.rpm(crit, rank_order=crit, score_spread=0.05)
    assert len(r) >= 1 and list(r.extreme_weights.columns) == crit
    # The scores are the min-max normalisation of the model's, +- the spread within [0, 1].
    mid = (r.score_low + r.score_high) / 2
    assert ((r.score_high - r.score_low) <= 0.1 + 1e-12).all().all() and (r.score_low >= 0).all().all() and (r.score_high <= 1).all().all()
    # Every non-dominated portfolio meets every budget in every period; mandatory ones are in each.
    sp = p.selection_problem()
    use = r.portfolios.to_numpy().astype(float) @ np.asarray(sp["costs"])
    assert (use <= np.asarray(sp["budgets"]) + 1e-6).all()
    for i in sp["forced_in"]:
        assert r.classes.iloc[i] == "core"
    # The optimum for a weight inside the set at the middle scores is one of them.
    w = r.extreme_weights.to_numpy().mean(axis=0)
    best = ag.select_portfolio(mid.to_numpy() @ w, sp["costs"], sp["budgets"], requires=sp["requires"],
                               excludes=sp["excludes"], forced_in=sp["forced_in"], forced_out=sp["forced_out"], explain=False)
    assert best.proven
    assert any(sorted(r.portfolio(k)) == sorted(p.initiative_ids[i] for i in best.core.selected) for k in range(len(r)))
    assert r.frame()["core_index"].is_monotonic_decreasing and "non-dominated" in repr(r)
    with pytest.raises(ag.ValidationError, match="rank order names 'nope'"):
        p.rpm(crit, rank_order=["nope"])
    with pytest.raises(ag.NoSolutionError, match="state limit"):
        p.rpm(crit, score_spread=0.3, state_limit=2)
    with pytest.raises(ag.ValidationError, match="threads -1"):
        p.rpm(crit, threads=-1)
    # On one thread and on two: the same portfolios in the same order, core indices and values.
    one, two = (p.rpm(crit, rank_order=crit, score_spread=0.05, threads=t) for t in (1, 2))
    assert (one.threads, two.threads) == (1, 2)
    pd.testing.assert_frame_equal(one.portfolios, two.portfolios)
    pd.testing.assert_series_equal(one.core_index, two.core_index)
    assert np.array_equal(one.value_low, two.value_low) and np.array_equal(one.value_high, two.value_high)
    assert one.portfolios.equals(r.portfolios)


def test_robust_rpm_command(sample_path):
    from test_cli import run

    crit = "business_value,risk_reduction,time_criticality"
    out = run("robust", "--rpm", "--criteria", crit, "--rank-order", crit, "--spread", "0.05", "--format", "json", str(sample_path))
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    r = ag.Portfolio.load(sample_path).rpm(crit.split(","), rank_order=crit.split(","), score_spread=0.05)
    one = run("robust", "--rpm", "--criteria", crit, "--rank-order", crit, "--spread", "0.05", "--threads", "1", "--format", "json",
              str(sample_path))
    assert one.returncode == 0, one.stderr
    assert json.loads(one.stdout)["portfolios"] == doc["portfolios"]
    assert doc["portfolio_count"] == len(r)
    assert [i["core_index"] for i in doc["initiatives"]] == list(r.core_index)
    assert [p["initiatives"] for p in doc["portfolios"]] == [r.portfolio(k) for k in range(len(r))]
    text = run("robust", "--rpm", "--criteria", crit, "--rank-order", crit, "--spread", "0.05", str(sample_path)).stdout
    assert all(len(line) <= 100 for line in text.splitlines())
    words = " ".join(text.split())
    assert "Core (in every non-dominated portfolio): " + ", ".join(r.core) + "." in words
    assert f"{len(r)} non-dominated portfolios" in words
    bad = run("robust", "--rpm", "--rank-order", "nope", str(sample_path))
    assert bad.returncode == 1 and "rank order names 'nope'" in bad.stderr
    both = run("robust", "--rpm", "--chance", "0.1", str(sample_path))
    assert both.returncode != 0 and "--chance excludes --rpm" in both.stderr
