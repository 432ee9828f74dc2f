#!/usr/bin/env python3
"""atheris target: the exact solvers' answers against exhaustive enumeration.

Where fuzz_python.py asks "does it return or raise one of our errors", this target asks
"is the answer right". Each input builds a small, valid problem (small enough to enumerate
in Python) and checks what the library claims:

- select_portfolio (every cut and search option): a proven value is the enumerated
  optimum, the selection is feasible and worth its value, the bound is at least it; an
  InfeasibleError only when enumeration finds nothing.
- frontier: every level's value is the enumerated optimum at its scaled budgets.
- Reoptimizer: after each change (force in or out, release, a budget, a value) the
  solve is the enumerated optimum of the problem as changed.
- schedule (makespan, delay, npv; windows, lags, use profiles, capacity per period,
  a start): the enumerated optimum over every start vector, the schedule feasible by an
  independent check, the bound equal to the value when proven.
- rpm: the non-dominated portfolios are exactly brute force's (Liesiö, Mild & Salo's
  dominance over the rank order's extreme weights, written here).

Numbers are on grids (halves, thousandths) so that "feasible" does not hinge on a
rounding: a difference is a finding, raised as AssertionError with the problem.

    python tests/fuzz/fuzz_exact.py tests/fuzz/corpus/exact -atheris_runs=2000
    make fuzz-python FUZZ_SECONDS=600   (runs this target too)
"""
import itertools
import sys
import warnings

import atheris

with atheris.instrument_imports(include=["aligngraph"]):
    import numpy as np
    import aligngraph as ag

warnings.simplefilter("ignore")
TOL = 1e-6


def finding(what, **problem):
    lines = [what] + [f"  {k} = {v!r}" for k, v in problem.items()]
    raise AssertionError("\n".join(lines))


def close(a, b):
    return abs(a - b) <= TOL * max(1.0, abs(a), abs(b))


def grid(fdp, n, lo=0, hi=20):
    """n numbers on one of three grids: whole, halves or thousandths (ties and near-ties)."""
    kind = fdp.ConsumeIntInRange(0, 2)
    scale = (1, 2, 1000)[kind]
    return np.array([fdp.ConsumeIntInRange(lo * scale, hi * scale) / scale for _ in range(n)], dtype=float)


# ---------------------------------------------------------------- selection


def masks(n):
    """Every 0/1 vector of length n, as rows (2^n x n)."""
    return ((np.arange(1 << n)[:, None] >> np.arange(n)) & 1).astype(bool)


def feasible_masks(X, costs, budgets, requires, requires_any, excludes, forced_in, forced_out):
    ok = np.all(X.astype(float) @ costs <= budgets + 1e-9, axis=1)
    for d, p in requires:
        ok &= ~X[:, d] | X[:, p]
    for d, group in requires_any:
        ok &= ~X[:, d] | X[:, group].any(axis=1)
    for g in excludes:
        ok &= X[:, g].sum(axis=1) <= 1
    for i in forced_in:
        ok &= X[:, i]
    for i in forced_out:
        ok &= ~X[:, i]
    return ok


def best_value(values, costs, budgets, requires, requires_any, excludes, forced_in, forced_out):
    """The optimum by enumeration, or None when nothing is feasible."""
    X = masks(len(values))
    ok = feasible_masks(X, costs, budgets, requires, requires_any, excludes, forced_in, forced_out)
    if not ok.any():
        return None
    return float((X[ok].astype(float) @ values).max())


def selection_problem(fdp):
    n, m = fdp.ConsumeIntInRange(1, 13), fdp.ConsumeIntInRange(1, 3)
    values = grid(fdp, n, -5 if fdp.ConsumeProbability() < 0.3 else 0, 30)
    costs = grid(fdp, n * m, 0, 20).reshape(n, m)
    share = fdp.ConsumeIntInRange(0, 100) / 100
    budgets = np.round(costs.sum(axis=0) * share * 2) / 2
    pick = lambda: fdp.ConsumeIntInRange(0, n - 1)
    requires = [(pick(), pick()) for _ in range(fdp.ConsumeIntInRange(0, 4))]
    requires = sorted({(d, p) for d, p in requires if d != p})  # a link given twice is refused
    requires_any = [(pick(), sorted({pick() for _ in range(fdp.ConsumeIntInRange(1, 3))}))
                    for _ in range(fdp.ConsumeIntInRange(0, 2) if fdp.ConsumeProbability() < 0.3 else 0)]
    requires_any = [(d, [q for q in g if q != d]) for d, g in requires_any]
    requires_any = [(d, g) for d, g in requires_any if g]
    excludes = [sorted({pick() for _ in range(fdp.ConsumeIntInRange(2, 4))}) for _ in range(fdp.ConsumeIntInRange(0, 3))]
    excludes = [g for g in excludes if len(g) > 1]
    forced_in = sorted({pick() for _ in range(fdp.ConsumeIntInRange(0, 2) if fdp.ConsumeProbability() < 0.3 else 0)})
    forced_out = sorted({pick() for _ in range(fdp.ConsumeIntInRange(0, 2) if fdp.ConsumeProbability() < 0.3 else 0)}
                        - set(forced_in))
    return dict(values=values, costs=costs, budgets=budgets, requires=requires, requires_any=requires_any,
                excludes=excludes, forced_in=forced_in, forced_out=forced_out)


def check_selection(result, q, best, what):
    x = np.zeros(len(q["values"]), dtype=bool)
    x[list(result.selected)] = True
    ok = feasible_masks(x[None, :], q["costs"], q["budgets"], q["requires"], q["requires_any"], q["excludes"],
                        q["forced_in"], q["forced_out"])[0]
    if not ok:
        finding(f"{what}: the selection breaks the problem", selected=list(result.selected), **q)
    if not close(result.value, float(q["values"][x].sum())):
        finding(f"{what}: the value is not the selection's", value=result.value, **q)
    if best is None:
        finding(f"{what}: a selection where enumeration finds none", selected=list(result.selected), **q)
    if result.value > best + TOL * max(1, abs(best)):
        finding(f"{what}: worth more than the optimum", value=result.value, optimum=best, **q)
    if result.proven and not close(result.value, best):
        finding(f"{what}: proven but not the optimum", value=result.value, optimum=best, **q)
    if result.upper_bound < best - TOL * max(1, abs(best)):
        finding(f"{what}: the bound is below the optimum", bound=result.upper_bound, optimum=best, **q)


def selection(fdp):
    q = selection_problem(fdp)
    best = best_value(**q)
    options = dict(gomory_rounds=fdp.ConsumeIntInRange(0, 5), node_cut_rounds=fdp.ConsumeIntInRange(0, 3),
                   group_covers=fdp.ConsumeBool(), mir_cuts=fdp.ConsumeBool(), plunge=fdp.ConsumeBool())
    start = sorted({fdp.ConsumeIntInRange(0, len(q["values"]) - 1) for _ in range(fdp.ConsumeIntInRange(0, 4))})
    try:
        r = ag.select_portfolio(q["values"], q["costs"], q["budgets"], requires=q["requires"],
                                requires_any=q["requires_any"], excludes=q["excludes"], forced_in=q["forced_in"],
                                forced_out=q["forced_out"], start=start or None, time_limit=20, **options)
    except ag.InfeasibleError as e:
        if best is not None:
            finding(f"select_portfolio: infeasible ({e}) where enumeration finds {best}", options=options, **q)
        return
    if not r.proven:
        finding("select_portfolio: not proven on a problem this small", options=options, **q)
    check_selection(r, q, best, f"select_portfolio {options}")


def frontier(fdp):
    q = selection_problem(fdp)
    factors = [fdp.ConsumeIntInRange(1, 20) / 10 for _ in range(fdp.ConsumeIntInRange(1, 4))]
    frame = ag.frontier(q["values"], q["costs"], q["budgets"], factors, requires=q["requires"],
                        requires_any=q["requires_any"], excludes=q["excludes"], forced_in=q["forced_in"],
                        forced_out=q["forced_out"], time_limit=20)
    for factor, row in frame.iterrows():
        best = best_value(**dict(q, budgets=q["budgets"] * factor))
        feasible = bool(row["feasible"]) if "feasible" in row else not np.isnan(row["value"])
        if best is None:
            if feasible:
                finding(f"frontier: level {factor} feasible where enumeration finds nothing", row=dict(row), **q)
            continue
        if not feasible or not close(float(row["value"]), best):
            finding(f"frontier: level {factor} is {row['value']}, the optimum {best}", factors=factors, **q)


def reoptimizer(fdp):
    q = selection_problem(fdp)
    n, m = len(q["values"]), q["costs"].shape[1]
    try:
        r = ag.Reoptimizer(q["values"], q["costs"], q["budgets"], requires=q["requires"],
                           requires_any=q["requires_any"], excludes=q["excludes"], forced_in=q["forced_in"],
                           forced_out=q["forced_out"], time_limit=20)
    except ag.InfeasibleError:
        return
    state = {k: (v.copy() if isinstance(v, np.ndarray) else list(v)) for k, v in q.items()}
    history = []
    for _ in range(fdp.ConsumeIntInRange(1, 5)):
        best = best_value(**state)
        try:
            result = r.solve()
        except ag.InfeasibleError as e:
            if best is not None:
                finding(f"Reoptimizer: infeasible ({e}) where enumeration finds {best}", history=history, **state)
            result = None
        if result is not None:
            check_selection(result, state, best, f"Reoptimizer after {history}")
        change, i = fdp.ConsumeIntInRange(0, 4), fdp.ConsumeIntInRange(0, n - 1)
        if change == 0:
            r.force_in(i)
            state["forced_in"] = sorted(set(state["forced_in"]) | {i})
            state["forced_out"] = [k for k in state["forced_out"] if k != i]
        elif change == 1:
            r.force_out(i)
            state["forced_out"] = sorted(set(state["forced_out"]) | {i})
            state["forced_in"] = [k for k in state["forced_in"] if k != i]
        elif change == 2:
            r.release(i)
            state["forced_in"] = [k for k in state["forced_in"] if k != i]
            state["forced_out"] = [k for k in state["forced_out"] if k != i]
        elif change == 3:
            b, limit = fdp.ConsumeIntInRange(0, m - 1), fdp.ConsumeIntInRange(0, 80) / 2
            r.set_budget(b, limit)
            state["budgets"][b] = limit
            i = (b, limit)
        else:
            v = fdp.ConsumeIntInRange(-10, 60) / 2
            r.set_value(i, v)
            state["values"][i] = v
            i = (i, v)
        history.append((("force_in", "force_out", "release", "set_budget", "set_value")[change], i))


# ---------------------------------------------------------------- schedule


def schedule(fdp):
    n, R, T = fdp.ConsumeIntInRange(1, 5), fdp.ConsumeIntInRange(0, 2), fdp.ConsumeIntInRange(1, 10)
    durations = [fdp.ConsumeIntInRange(0 if fdp.ConsumeProbability() < 0.1 else 1, 4) for _ in range(n)]
    profiles = fdp.ConsumeBool()
    use = []
    for d in durations:
        if profiles:
            use.append(np.array([[fdp.ConsumeIntInRange(0, 6) for _ in range(d)] for _ in range(R)], dtype=float).reshape(R, d))
        else:
            use.append(np.repeat(np.array([[fdp.ConsumeIntInRange(0, 6)] for _ in range(R)], dtype=float).reshape(R, 1), d, axis=1))
    capacity = np.array([[fdp.ConsumeIntInRange(0, 9) for _ in range(T)] for _ in range(R)], dtype=float).reshape(R, T)
    if R and fdp.ConsumeBool():  # the same capacity in every period
        capacity[:] = capacity[:, :1]
    earliest = [fdp.ConsumeIntInRange(0, 3) if fdp.ConsumeBool() else 0 for _ in range(n)]
    latest = [max(0, T - d) if fdp.ConsumeBool() else fdp.ConsumeIntInRange(0, max(0, T - d)) for d in durations]
    requires = []
    for _ in range(fdp.ConsumeIntInRange(0, 4)):
        d, p = fdp.ConsumeIntInRange(0, n - 1), fdp.ConsumeIntInRange(0, n - 1)
        if d != p:  # acyclic: a later job needs an earlier one (a cycle is refused, as documented)
            requires.append((max(d, p), min(d, p), fdp.ConsumeIntInRange(0, 2)))
    objective = ("makespan", "delay", "npv")[fdp.ConsumeIntInRange(0, 2)]
    L = max(durations) + 2
    flows = np.array([[fdp.ConsumeIntInRange(-8, 8) for _ in range(L)] for _ in range(n)], dtype=float)
    weights = np.array([fdp.ConsumeIntInRange(0, 6) for _ in range(n)], dtype=float)
    rate = fdp.ConsumeIntInRange(0, 20) / 100

    def value_of(s):
        if objective == "makespan":
            return max(si + d for si, d in zip(s, durations))
        if objective == "delay":
            return sum(w * (si - e) for w, si, e in zip(weights, s, earliest))
        return sum(f[k] / (1 + rate) ** (si + k) for f, si in zip(flows, s) for k in range(L))

    def fits(s):
        for j, sj in enumerate(s):
            if sj < earliest[j] or sj > latest[j] or sj + durations[j] > T:
                return False
        for d, p, lag in requires:
            if s[d] < s[p] + durations[p] + lag:
                return False
        load = np.zeros((R, T))
        for j, sj in enumerate(s):
            load[:, sj:sj + durations[j]] += use[j]
        return bool((load <= capacity + 1e-9).all())

    best = None
    for s in itertools.product(*[range(e, l + 1) for e, l in zip(earliest, latest)]):
        if fits(s):
            v = value_of(s)
            if best is None or (v > best + 1e-12 if objective == "npv" else v < best - 1e-12):
                best = v
    usage = None
    if R:
        usage = np.zeros((n, R, max(1, max(durations))))
        for j, u in enumerate(use):
            usage[j, :, :u.shape[1]] = u
    start = None
    if fdp.ConsumeProbability() < 0.3:
        start = [fdp.ConsumeIntInRange(e, l) if e <= l else e for e, l in zip(earliest, latest)]
        if not fits(start):
            start = None
    problem = dict(durations=durations, requires=requires, usage=usage, capacity=capacity if R else None,
                   horizon=T, earliest=earliest, latest=latest, flows=flows, rate=rate, weights=weights,
                   objective=objective, start=start)
    try:
        r = ag.schedule(**problem, time_limit=20)
    except ag.InfeasibleError as e:
        if best is not None:
            finding(f"schedule: infeasible ({e}) where enumeration finds {best}", **problem)
        return
    except ag.ValidationError as e:
        # Windows the caller got wrong (latest before earliest) are refused; enumeration agrees.
        if any(e_ <= l_ for e_, l_ in zip(earliest, latest)) and all(e_ <= l_ for e_, l_ in zip(earliest, latest)):
            finding(f"schedule: refused a valid problem ({e})", **problem)
        return
    s = [int(x) for x in r.starts]
    if best is None:
        finding("schedule: a schedule where enumeration finds none", starts=s, **problem)
    if not fits(s):
        finding("schedule: the schedule breaks the problem", starts=s, **problem)
    if not close(r.value, value_of(s)):
        finding(f"schedule: value {r.value}, the schedule's {value_of(s)}", starts=s, **problem)
    if not r.proven:
        finding("schedule: not proven on a problem this small", starts=s, **problem)
    if not close(r.value, best):
        finding(f"schedule: proven {r.value}, the optimum {best}", starts=s, **problem)
    if not close(r.bound, best):
        finding(f"schedule: proven with bound {r.bound}, the optimum {best}", starts=s, **problem)


# ---------------------------------------------------------------- rpm


def rpm(fdp):
    n, C, m = fdp.ConsumeIntInRange(1, 8), fdp.ConsumeIntInRange(1, 3), fdp.ConsumeIntInRange(1, 2)
    mid = np.array([fdp.ConsumeIntInRange(0, 10) for _ in range(n * C)], dtype=float).reshape(n, C) / 10
    spread = np.array([fdp.ConsumeIntInRange(0, 2) for _ in range(n * C)], dtype=float).reshape(n, C) / 20
    if fdp.ConsumeBool():
        spread[:] = 0
    low, high = np.maximum(mid - spread, 0), mid + spread
    costs = np.array([fdp.ConsumeIntInRange(0, 9) for _ in range(n * m)], dtype=float).reshape(n, m)
    budgets = np.round(costs.sum(axis=0) * fdp.ConsumeIntInRange(10, 90) / 100)
    requires = []
    for _ in range(fdp.ConsumeIntInRange(0, 2)):
        d, p = fdp.ConsumeIntInRange(0, n - 1), fdp.ConsumeIntInRange(0, n - 1)
        if d != p and (max(d, p), min(d, p)) not in requires:  # rpm refuses a cycle
            requires.append((max(d, p), min(d, p)))
    excludes = [sorted({fdp.ConsumeIntInRange(0, n - 1) for _ in range(2)}) for _ in range(fdp.ConsumeIntInRange(0, 1))]
    excludes = [g for g in excludes if len(g) > 1]
    order = list(range(C))
    for i in range(C - 1, 0, -1):  # a permutation from the input
        k = fdp.ConsumeIntInRange(0, i)
        order[i], order[k] = order[k], order[i]
    use_order = fdp.ConsumeBool()
    # Extreme weights: with a rank order w[o1] >= w[o2] >= ..., 1/k on the first k; without, the unit vectors.
    W = []
    for k in range(1, C + 1):
        w = np.zeros(C)
        if use_order:
            w[order[:k]] = 1 / k
        elif k == 1:
            continue
        W.append(w)
    if not use_order:
        W = list(np.eye(C))
    W = np.array(W)
    a, b = low @ W.T, high @ W.T
    X = masks(n)
    ok = feasible_masks(X, costs, budgets, requires, [], excludes, [], [])
    feas = X[ok]

    def dominates(p, q):
        only_p, only_q = p & ~q, q & ~p
        return bool((a[only_p].sum(axis=0) >= b[only_q].sum(axis=0) - 1e-9).all()
                    and (b[only_p].sum(axis=0) > a[only_q].sum(axis=0) + 1e-9).any())

    expect = {tuple(x) for x in feas if not any(dominates(p, x) for p in feas)}
    threads = fdp.ConsumeIntInRange(1, 2)
    problem = dict(low=low, high=high, costs=costs, budgets=budgets, requires=requires, excludes=excludes,
                   rank_order=order if use_order else None, threads=threads)
    try:
        r = ag.rpm(low, high, costs, budgets, requires=requires, excludes=excludes,
                   rank_order=order if use_order else None, time_limit=20, threads=threads)
    except ag.InfeasibleError as e:
        if expect:
            finding(f"rpm: infeasible ({e}) where brute force finds {len(expect)} portfolios", **problem)
        return
    got = [tuple(bool(v) for v in x) for x in r.portfolios.to_numpy()]
    if set(got) != expect or len(got) != len(expect):
        finding(f"rpm: {len(got)} portfolios, brute force {len(expect)}", got=sorted(set(got) - expect),
                missing=sorted(expect - set(got)), **problem)


TARGETS = [selection, frontier, reoptimizer, schedule, rpm]


def TestOneInput(data):
    fdp = atheris.FuzzedDataProvider(data)
    TARGETS[fdp.ConsumeIntInRange(0, len(TARGETS) - 1)](fdp)


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
