#!/usr/bin/env python3
"""atheris target: the Python entry points that take files, text and arrays.

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


TARGETS = [model_text, model_file, builder, finance, selection, judgments]


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
