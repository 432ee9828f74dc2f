#!/usr/bin/env python3
"""atheris target: the Python entry points that take files, text and arrays, and a model's analyses.

What must hold for every input: each call returns, or raises aligngraph.Error (a model
or argument error), ValueError or TypeError (a wrong shape or type, in Python's words);
anything else (IndexError, RuntimeError, SystemError, a crash) is a finding. A model that
loads survives the round trip (to_json, from_json) unchanged.

    python tests/fuzz/fuzz_python.py tests/fuzz/corpus/python -atheris_runs=10000
    make fuzz-python FUZZ_SECONDS=600
"""
import os
import sys
import tempfile
import warnings

import atheris

with atheris.instrument_imports(include=["aligngraph"]):
    import numpy as np
    import aligngraph as ag

ALLOWED = (ag.Error, ValueError, TypeError)
# Below the fuzzer's -rss_limit_mb=2048: what would pass it is refused (ResourceError), the
# library's promise, instead of counted as out of memory.
ag.set_memory_limit(1 << 30)
warnings.simplefilter("ignore")  # warnings are answers, not findings
np.seterr(all="ignore")


def floats(fdp, n):
    """n doubles, with NaN, infinities and huge values among them."""
    return [fdp.ConsumeRegularFloat() if fdp.ConsumeBool() else fdp.ConsumeFloat() for _ in range(n)]


def model_text(fdp):
    p = ag.Portfolio.from_json(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()), "fuzz.json")
    again = ag.Portfolio.from_json(p.to_json(), "saved.json")
    if not again == p:
        raise AssertionError("the saved model reads back as a different model")
    if p.initiative_count * p.horizon.periods <= 20000:
        p.validate()
        p.initiative_financials()
        p.rank()


def model_file(fdp):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "model.json")
        with open(path, "wb") as f:
            f.write(fdp.ConsumeBytes(fdp.remaining_bytes()))
        ag.load(path)


def builder(fdp):
    p = ag.Portfolio(periods=fdp.ConsumeIntInRange(-2, 40), period_years=fdp.ConsumeRegularFloat())
    p.add_goal("G", "goal", weight=fdp.ConsumeRegularFloat() if fdp.ConsumeBool() else None)
    for k in range(fdp.ConsumeIntInRange(0, 4)):
        n = fdp.ConsumeIntInRange(0, 8)
        p.add_initiative(f"I{k}", fdp.ConsumeUnicodeNoSurrogates(8), start=fdp.ConsumeInt(8),
                         duration=fdp.ConsumeInt(8), capex=floats(fdp, n), opex=floats(fdp, n),
                         benefits=floats(fdp, n))
        p.add_contribution(f"I{k}", "G", fdp.ConsumeRegularFloat())
        if k and fdp.ConsumeBool():
            p.add_requires(f"I{k}", f"I{fdp.ConsumeIntInRange(0, k - 1)}")
    if fdp.ConsumeBool():
        p.add_budget("B", floats(fdp, fdp.ConsumeIntInRange(0, 40)))
    if not p.validate():
        p.initiative_financials()
        p.rank()
        p.optimize(time_limit=1.0)


def finance(fdp):
    values = floats(fdp, fdp.ConsumeIntInRange(0, 12))
    r = fdp.ConsumeRegularFloat()
    which = fdp.ConsumeIntInRange(0, 5)
    if which == 0:
        ag.npv(r, values)
    elif which == 1:
        ag.irr(values, maxiter=fdp.ConsumeIntInRange(-1, 100), tol=fdp.ConsumeRegularFloat() if fdp.ConsumeBool() else None)
    elif which == 2:
        ag.mirr(values, r, fdp.ConsumeRegularFloat())
    elif which == 3:
        ag.xnpv(r, values, np.array([fdp.ConsumeInt(4) for _ in values], dtype="datetime64[D]"))
    elif which == 4:
        ag.xirr(values, np.array([fdp.ConsumeInt(4) for _ in values], dtype="datetime64[D]"))
    else:
        args = [np.array(floats(fdp, fdp.ConsumeIntInRange(1, 3))) if fdp.ConsumeBool() else fdp.ConsumeRegularFloat()
                for _ in range(4)]
        fn = [ag.pv, ag.fv, ag.pmt, ag.nper, ag.rate][fdp.ConsumeIntInRange(0, 4)]
        fn(*args, when=["end", "begin", 0, 1][fdp.ConsumeIntInRange(0, 3)])


def selection(fdp):
    n, m = fdp.ConsumeIntInRange(0, 12), fdp.ConsumeIntInRange(1, 3)
    values = floats(fdp, n)
    costs = np.array(floats(fdp, n * m)).reshape(n, m) if n else np.zeros((0, m))
    budgets = floats(fdp, m)
    pairs = [(fdp.ConsumeIntInRange(-1, n), fdp.ConsumeIntInRange(-1, n)) for _ in range(fdp.ConsumeIntInRange(0, 3))]
    groups = [[fdp.ConsumeIntInRange(-1, n) for _ in range(fdp.ConsumeIntInRange(0, 3))] for _ in range(fdp.ConsumeIntInRange(0, 2))]
    forced = [fdp.ConsumeIntInRange(-1, n) for _ in range(fdp.ConsumeIntInRange(0, 2))]
    if fdp.ConsumeBool():
        ag.select_portfolio(values, costs, budgets, requires=pairs, excludes=groups, forced_in=forced,
                            time_limit=1.0, node_limit=fdp.ConsumeIntInRange(-1, 1000))
    else:
        ag.frontier(values, costs, budgets, floats(fdp, fdp.ConsumeIntInRange(0, 3)), requires=pairs,
                    excludes=groups, time_limit=1.0)


def judgments(fdp):
    k = fdp.ConsumeIntInRange(0, 6)
    matrix = np.array(floats(fdp, k * k)).reshape(k, k) if k else np.zeros((0, 0))
    ag.ahp(matrix, strict=fdp.ConsumeBool(), cr_threshold=fdp.ConsumeRegularFloat())


def ints(fdp, n, lo, hi):
    """n integers in [lo, hi], now and then any 32-bit one."""
    return [fdp.ConsumeIntInRange(lo, hi) if fdp.ConsumeProbability() < 0.95 else fdp.ConsumeInt(4) for _ in range(n)]


def pairs_of(fdp, n, lag=False):
    """(dependant, prerequisite[, lag]) pairs over n items, with indices one past either end."""
    out = []
    for _ in range(fdp.ConsumeIntInRange(0, 4)):
        pair = (fdp.ConsumeIntInRange(-1, n), fdp.ConsumeIntInRange(-1, n))
        out.append(pair + (fdp.ConsumeIntInRange(-2, 3),) if lag and fdp.ConsumeBool() else pair)
    return out


def amounts(fdp, n):
    """n doubles, mostly small halves (0 to 6) that the solvers take, now and then anything."""
    return [fdp.ConsumeIntInRange(0, 12) / 2 if fdp.ConsumeProbability() < 0.9 else
            (fdp.ConsumeRegularFloat() if fdp.ConsumeBool() else fdp.ConsumeFloat()) for _ in range(n)]


def rate(fdp):
    """A rate per period: mostly -0.5 to 0.5, now and then anything."""
    return fdp.ConsumeIntInRange(-50, 50) / 100 if fdp.ConsumeProbability() < 0.8 else fdp.ConsumeRegularFloat()


def array(fdp, *shape):
    return np.array(amounts(fdp, int(np.prod(shape)))).reshape(shape)


def schedule(fdp):
    """ag.schedule over arrays: every shape, window, lag and objective, small enough to finish."""
    n, R = fdp.ConsumeIntInRange(0, 6), fdp.ConsumeIntInRange(0, 2)
    L, T = fdp.ConsumeIntInRange(1, 4), fdp.ConsumeIntInRange(1, 12)
    durations = ints(fdp, n, -1, 5)
    usage = array(fdp, n, R, L) if fdp.ConsumeBool() else array(fdp, n, R)
    capacity = array(fdp, R, T) if fdp.ConsumeBool() else array(fdp, R)
    maybe = fdp.ConsumeBool
    ag.schedule(durations, requires=pairs_of(fdp, n, lag=True), usage=usage if R else None, capacity=capacity if R else None,
                horizon=ints(fdp, 1, -1, 30)[0] if maybe() else None,
                earliest=ints(fdp, n, -1, 10) if maybe() else None, latest=ints(fdp, n, -1, 30) if maybe() else None,
                flows=array(fdp, n, L) if maybe() else None, rate=rate(fdp),
                weights=amounts(fdp, n) if maybe() else None,
                objective=["makespan", "npv", "delay", "nothing"][fdp.ConsumeIntInRange(0, 3)],
                start=ints(fdp, n, -1, 20) if maybe() else None,
                time_limit=0.2, node_limit=fdp.ConsumeIntInRange(-1, 2000))


def estimate(fdp):
    kind = fdp.ConsumeIntInRange(0, 6)
    if kind == 0:
        return None
    if fdp.ConsumeProbability() < 0.8:  # in order, as a caller means it
        three = tuple(sorted(amounts(fdp, 3)))
    else:
        three = tuple(fdp.ConsumeRegularFloat() if fdp.ConsumeBool() else fdp.ConsumeFloat() for _ in range(3))
    names = ["triangular", "pert", "uniform", "normal", "lognormal", "cauchy"]
    return three if kind == 1 else three + (names[kind - 1],)


def simulate(fdp):
    """ag.simulate and ag.draws over arrays: estimates, success, delays, correlations, events, limits."""
    if fdp.ConsumeIntInRange(0, 3) == 0:
        ag.draws(estimate(fdp), fdp.ConsumeIntInRange(-1, 50), seed=fdp.ConsumeInt(4), first=ints(fdp, 1, -1, 100)[0])
        return
    n, P, R = fdp.ConsumeIntInRange(0, 4), fdp.ConsumeIntInRange(0, 6), fdp.ConsumeIntInRange(0, 2)
    maybe = fdp.ConsumeBool
    per_item = lambda: [estimate(fdp) for _ in range(n)] if maybe() else estimate(fdp)
    correlations = [([fdp.ConsumeIntInRange(-1, n) for _ in range(fdp.ConsumeIntInRange(0, 3))], fdp.ConsumeRegularFloat())
                    + ((["cost", "benefit", "both", "neither"][fdp.ConsumeIntInRange(0, 3)],) if maybe() else ())
                    for _ in range(fdp.ConsumeIntInRange(0, 2))]
    events = [(f"E{e}", fdp.ConsumeRegularFloat(), [fdp.ConsumeIntInRange(-1, n) for _ in range(fdp.ConsumeIntInRange(0, 2))])
              + ((estimate(fdp),) if maybe() else ()) for e in range(fdp.ConsumeIntInRange(0, 2))]
    resources = {}
    if R and maybe():
        resources = dict(usage=array(fdp, n, R, P), capacity=array(fdp, R, P))
    elif maybe():
        resources = dict(budget=amounts(fdp, P))
    ag.simulate(array(fdp, n, P), array(fdp, n, P), cost=per_item(), benefit=per_item(), delay=per_item(),
                success=[fdp.ConsumeProbability() if maybe() else fdp.ConsumeRegularFloat() for _ in range(n)] if maybe() else None, starts=ints(fdp, n, -1, 6) if maybe() else None,
                durations=ints(fdp, n, -1, 6) if maybe() else None, requires=pairs_of(fdp, n, lag=True),
                correlations=correlations, events=events, rate=rate(fdp),
                samples=fdp.ConsumeIntInRange(-1, 300), seed=fdp.ConsumeInt(4), first=ints(fdp, 1, -1, 100)[0],
                threads=fdp.ConsumeIntInRange(0, 2) or None, stop_at=fdp.ConsumeRegularFloat() if maybe() else None,
                check_every=fdp.ConsumeIntInRange(-1, 64), latin_hypercube=maybe(), repair_correlations=maybe(),
                histogram_bins=fdp.ConsumeIntInRange(-1, 50), keep_items=maybe(), **resources)


def rpm(fdp):
    """ag.rpm over arrays: scores, budgets, links, forced decisions and weight information."""
    n, C, m = fdp.ConsumeIntInRange(0, 8), fdp.ConsumeIntInRange(1, 3), fdp.ConsumeIntInRange(0, 2)
    low = array(fdp, n, C)
    high = low + np.abs(array(fdp, n, C)) if fdp.ConsumeBool() else array(fdp, n, C)
    maybe = fdp.ConsumeBool
    weights = {}
    if maybe():
        rows = fdp.ConsumeIntInRange(0, 2)
        weights = dict(weight_rows=array(fdp, rows, C if maybe() else C + 1), weight_bounds=floats(fdp, rows))
    ag.rpm(low, high, array(fdp, n, m), amounts(fdp, m), requires=pairs_of(fdp, n),
           excludes=[[fdp.ConsumeIntInRange(-1, n) for _ in range(fdp.ConsumeIntInRange(0, 3))] for _ in range(fdp.ConsumeIntInRange(0, 2))],
           forced_in=[fdp.ConsumeIntInRange(-1, n) for _ in range(fdp.ConsumeIntInRange(0, 2))],
           forced_out=[fdp.ConsumeIntInRange(-1, n) for _ in range(fdp.ConsumeIntInRange(0, 2))],
           rank_order=[fdp.ConsumeIntInRange(-1, C) for _ in range(fdp.ConsumeIntInRange(0, C))] if maybe() else None,
           time_limit=0.2, state_limit=fdp.ConsumeIntInRange(-1, 200), threads=fdp.ConsumeIntInRange(0, 2) or None, **weights)


def analyses(fdp):
    """A model's analyses that search or sample, under small limits: roadmap, plan, Monte Carlo, RPM."""
    which = fdp.ConsumeIntInRange(0, 3)
    p = ag.Portfolio.from_json(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()), "fuzz.json")
    if p.initiative_count * p.horizon.periods > 2000 or p.validate():
        return
    if which == 0:
        p.roadmap(time_limit=0.2, node_limit=2000)
    elif which == 1:
        p.plan(time_limit=0.2, node_limit=2000)
    elif which == 2:
        p.simulate(samples=256, threads=2, time_limit=1.0)
    else:
        p.rpm(score_spread=0.05, time_limit=0.2, state_limit=500, threads=2)


TARGETS = [model_text, model_file, builder, finance, selection, judgments, schedule, simulate, rpm, analyses]


def TestOneInput(data):
    fdp = atheris.FuzzedDataProvider(data)
    target = TARGETS[fdp.ConsumeIntInRange(0, len(TARGETS) - 1)]
    try:
        target(fdp)
    except UnicodeError:
        raise  # a ValueError, but of our making: every message and name is valid UTF-8
    except ALLOWED:
        pass


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
