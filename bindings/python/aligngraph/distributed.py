"""Past one machine: a simulation, a selection-frequency study, or a sweep of optima or
frontiers over scenarios in chunks on a dask.distributed cluster, joined into the very result of one local run, to the bit (see
docs/risk.md, "Beyond one machine").

    from dask.distributed import Client
    import aligngraph.distributed as agd

    r = agd.simulate(p, samples=10_000_000, client=Client("scheduler:8786"))
    r = agd.simulate(p, samples=1_000_000)      # a LocalCluster made for the call
    f = agd.selection_frequency(p, scenarios=20_000, client=client)
    best = agd.optimize(p, ["base", "downturn"], client=client)     # one optimum per scenario
    curves = agd.frontier(p, ["base", "downturn"], client=client)   # one frontier per scenario

Needs the optional extra ``pip install aligngraph[dask]``; ``import aligngraph`` never does.
Each chunk is a run of samples ``first .. first + n - 1`` on a worker, which gets the model as
its JSON (sent once) and the chosen initiatives and their starts (so no worker re-chooses the
portfolio); chunks end at multiples of 1024 samples, the block in which sums are taken, and
are sized to take at least ``min_seconds`` each (default 0.1 s) from a short local pilot.
"""

from __future__ import annotations

import math
import time
from typing import Any, Sequence

from . import _core
from .risk import BLOCK_SIZE, RiskResult, _options

__all__ = ["chunks", "frontier", "optimize", "selection_frequency", "simulate"]


def _client(client: Any):
    """The caller's client, or a LocalCluster of two worker processes (closed afterwards)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as e:  # pragma: no cover - the extra is installed in the test run
        raise ImportError("aligngraph.distributed needs dask.distributed: pip install aligngraph[dask]") from e
    if client is not None:
        return client, None
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster), cluster


def chunks(first: int, samples: int, size: int, block: int = BLOCK_SIZE) -> list[tuple[int, int]]:
    """``(first, count)`` of each chunk of samples ``first .. first + samples - 1``: each but
    the last ends at a multiple of ``block`` (1024 samples of a simulation, 64 scenarios of a
    selection-frequency study: where chunks join exactly) and holds about ``size``."""
    if samples < 1:
        raise _core.ValidationError(f"chunks(): samples {samples}, expected at least 1")
    size = max(block, int(math.ceil(size / block)) * block)
    end = first + samples
    out = []
    at = first
    while at < end:
        stop = min(end, (at // block) * block + size)  # past `at`: size is a whole number of blocks
        out.append((at, stop - at))
        at = stop
    return out


# On a worker: the last problem built, by what it was built from (a worker runs many chunks
# of one simulation; parsing the model again for each would cost as much as a small chunk).
_last_problem: tuple[tuple, Any] | None = None


def _run_chunk(model_json: str, ids: Sequence[str], starts: Sequence[int], scenario: str, options: dict[str, Any]) -> Any:
    """On a worker: the model from its JSON, the risk problem of these initiatives at these
    starts, and one chunk of samples (the compiled result, which pickles)."""
    global _last_problem
    from . import _core as core

    key = (hash(model_json), len(model_json), tuple(ids), tuple(starts), scenario)
    if _last_problem is None or _last_problem[0] != key:
        p = core.model_from_json(model_json, "<dask>")
        _last_problem = (key, core.risk_problem_core(p, list(ids), list(starts), scenario))
    return core.simulate_problem_core(_last_problem[1], **options)


def simulate(portfolio: Any, samples: int = 100_000, seed: int = 0, first: int = 0, selection: list[str] | None = None,
             scenario: str | None = None, *, client: Any = None, chunk_samples: int | None = None, min_seconds: float = 0.1,
             roadmap: bool = False, latin_hypercube: bool = False, repair_correlations: bool = False, sensitivity: bool = True,
             keep_use: bool = True, keep_items: bool = False, histogram_bins: int = 40, time_limit: float = 60.0) -> RiskResult:
    """``portfolio.simulate(...)`` on a dask.distributed cluster: the same arguments, the same
    result to the bit (the samples, every summary, the tornado and rank correlations).

    ``client``: a ``dask.distributed.Client`` (default: a LocalCluster of two worker
    processes made for the call and closed after it). ``chunk_samples``: samples per task
    (default: enough for ``min_seconds`` of work each, measured on local pilots of 1024 and
    4096 samples, and at least two tasks per worker when there are samples enough). The portfolio
    (its selection and starts) is chosen here, once; the tornado and rank correlations are
    computed here over all samples."""
    options = _options(samples, seed, first, None, None, 4096, latin_hypercube, repair_correlations, sensitivity, keep_use,
                       histogram_bins, keep_items)
    problem = _core.portfolio_risk_problem_core(portfolio, None if selection is None else [str(s) for s in selection],
                                                scenario or "", bool(roadmap), float(time_limit))
    ids, starts = list(problem.ids), list(problem.starts)
    worker = dict(options, threads=1, sensitivity=False)
    client, cluster = _client(client)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        if chunk_samples is None:
            # What one more sample costs: a pilot of one block and one of four, the difference
            # (a call's own cost, preparing the problem, would make the chunks too small).
            timed = []
            for blocks in (1, 4):
                pilot = dict(worker, samples=blocks * BLOCK_SIZE, first=0, keep_use_samples=False)
                t0 = time.perf_counter()
                _core.simulate_problem_core(problem, **pilot)
                timed.append(time.perf_counter() - t0)
            per_sample = max((timed[1] - timed[0]) / (3 * BLOCK_SIZE), timed[1] / (16 * BLOCK_SIZE), 1e-9)
            size = int(min_seconds / per_sample) + 1
            size = min(size, max(BLOCK_SIZE, options["samples"] // (2 * workers)))
        else:
            size = int(chunk_samples)
            if size < 1:
                raise _core.ValidationError(f"simulate(): chunk_samples {size}, expected at least 1")
        parts = chunks(options["first"], options["samples"], size)
        # hash=False: a key of this call's own. With the default (a key from the content), a
        # second call on the same model reuses the first call's key while the scheduler is
        # still releasing it, and the chunks fail with "lost dependencies".
        model = client.scatter(portfolio.to_json(-1), broadcast=True, hash=False)
        futures = [client.submit(_run_chunk, model, ids, starts, scenario or "", dict(worker, first=f, samples=n), pure=False)
                   for f, n in parts]
        cores = client.gather(futures)
    finally:
        if cluster is not None:
            client.close()
            cluster.close()
    core = _core.join_core(problem, cores, options["repair_correlations"], options["sensitivity"], options["histogram_bins"])
    return RiskResult(core, problem, options)


# On a worker: the last model parsed, by its JSON's hash and length (many chunks of one study).
_last_model: tuple[tuple, Any] | None = None


def _frequency_chunk(model_json: str, first: int, scenarios: int, seed: int, scenario: str, time_limit: float,
                     solve_time_limit: float) -> Any:
    """On a worker: the model from its JSON and one chunk of a selection-frequency study."""
    global _last_model
    from . import _core as core

    key = (hash(model_json), len(model_json))
    if _last_model is None or _last_model[0] != key:
        _last_model = (key, core.model_from_json(model_json, "<dask>"))
    return core.selection_frequency_core(_last_model[1], scenarios, seed, first, scenario, time_limit, solve_time_limit)


def selection_frequency(portfolio: Any, scenarios: int = 1000, seed: int = 0, first: int = 0, *, scenario: str | None = None,
                        client: Any = None, chunk_scenarios: int | None = None, min_seconds: float = 0.1,
                        time_limit: float = 60.0, solve_time_limit: float = 10.0) -> Any:
    """``portfolio.selection_frequency(...)`` on a dask.distributed cluster: the same
    arguments, the same result to the bit (each scenario's optimum, the frequencies, the mean
    NPVs, the portfolio best in expectation; ``seconds`` sums the chunks' seconds).

    Scenarios go out in chunks that end at multiples of ``SelectionFrequency.BLOCK_SIZE``
    (64), each sized for ``min_seconds`` of work from a local pilot of a few scenarios (or
    ``chunk_scenarios``), at least two per worker when there are scenarios enough.
    ``time_limit`` covers each chunk (and the join's last solve); a chunk that stops on it
    before its end raises ``NoSolutionError`` naming the scenarios it did not reach."""
    from .robust import SelectionFrequency

    scenarios, first = int(scenarios), int(first)
    if scenarios < 1:
        raise _core.ValidationError(f"selection_frequency(): {scenarios} scenarios, expected at least 1")
    if first < 0:
        raise _core.ValidationError(f"selection_frequency(): first scenario {first}, expected >= 0")
    block = SelectionFrequency.BLOCK_SIZE
    arguments = (int(seed), scenario or "", float(time_limit), float(solve_time_limit))
    client, cluster = _client(client)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        # A pilot here, always: it sizes the chunks and refuses a bad model or scenario here,
        # before anything is sent.
        pilot = min(scenarios, 8)
        t0 = time.perf_counter()
        _core.selection_frequency_core(portfolio, pilot, arguments[0], first, *arguments[1:])
        per = max((time.perf_counter() - t0) / pilot, 1e-9)
        if chunk_scenarios is None:
            size = min(int(min_seconds / per) + 1, max(block, scenarios // (2 * workers)))
        else:
            size = int(chunk_scenarios)
            if size < 1:
                raise _core.ValidationError(f"selection_frequency(): chunk_scenarios {size}, expected at least 1")
        parts = chunks(first, scenarios, size, block)
        model = client.scatter(portfolio.to_json(-1), broadcast=True, hash=False)  # a key of its own (see simulate)
        futures = [client.submit(_frequency_chunk, model, f, n, *arguments, pure=False) for f, n in parts]
        cores = client.gather(futures)
    finally:
        if cluster is not None:
            client.close()
            cluster.close()
    for (f, n), c in zip(parts[:-1], cores[:-1]):
        if c.scenarios < n:
            raise _core.NoSolutionError(f"selection_frequency(): the chunk of scenarios {f}..{f + n - 1} stopped after "
                                        f"{c.scenarios} ({c.stop_reason.name}); scenarios {f + c.scenarios}..{f + n - 1} not "
                                        f"reached: raise time_limit")
    return SelectionFrequency(_core.join_selection_frequency_core(portfolio, cores, float(time_limit), float(solve_time_limit)))


# ---- sweeps over the model's scenarios ------------------------------------------------------

def _sweep_chunk(model_json: str, kind: str, scenarios: Sequence[str | None], arguments: dict[str, Any]) -> list[Any]:
    """On a worker: the model from its JSON and one analysis per scenario of the chunk (each
    one exactly what the portfolio's own method gives there)."""
    from .portfolio import Portfolio

    p = Portfolio.from_json(model_json, "<dask>")
    run = p.optimize if kind == "optimize" else p.frontier
    return [run(scenario=s, **arguments) for s in scenarios]


def _sweep(portfolio: Any, kind: str, scenarios: Sequence[str | None] | None, arguments: dict[str, Any], client: Any,
           per_task: int | None, min_seconds: float) -> dict[str | None, Any]:
    known = [s.id for s in portfolio.scenarios]
    names = [None, *known] if scenarios is None else [None if s is None else str(s) for s in scenarios]
    if not names:
        raise _core.ValidationError(f"{kind}(): no scenarios to sweep")
    for s in names:
        if s is not None and s not in known:
            raise _core.ValidationError(f"{kind}(): unknown scenario '{s}' (the model has: {', '.join(known) or 'none'})")
    if len(set(names)) != len(names):
        raise _core.ValidationError(f"{kind}(): a scenario given twice")
    run = portfolio.optimize if kind == "optimize" else portfolio.frontier
    client, cluster = _client(client)
    try:
        # The first scenario here: it refuses bad arguments before anything is sent and says
        # how many scenarios a task should hold to take min_seconds.
        t0 = time.perf_counter()
        out = {names[0]: run(scenario=names[0], **arguments)}
        per = max(time.perf_counter() - t0, 1e-9)
        rest = names[1:]
        if rest:
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            size = int(per_task) if per_task is not None else min(int(min_seconds / per) + 1, max(1, -(-len(rest) // (2 * workers))))
            if size < 1:
                raise _core.ValidationError(f"{kind}(): per_task {size}, expected at least 1")
            groups = [rest[k:k + size] for k in range(0, len(rest), size)]
            model = client.scatter(portfolio.to_json(-1), broadcast=True, hash=False)  # a key of its own (see simulate)
            futures = [client.submit(_sweep_chunk, model, kind, g, arguments, pure=False) for g in groups]
            for g, results in zip(groups, client.gather(futures)):
                out.update(zip(g, results))
    finally:
        if cluster is not None:
            client.close()
            cluster.close()
    return out


def optimize(portfolio: Any, scenarios: Sequence[str | None] | None = None, objective: Any = None, *, client: Any = None,
             time_limit: float = 60.0, node_limit: int | None = None, per_task: int | None = None,
             min_seconds: float = 0.1) -> dict[str | None, Any]:
    """``portfolio.optimize(objective, scenario=s, ...)`` for each scenario ``s`` on a
    dask.distributed cluster: a dict from scenario (``None``: the model as it is) to its
    :class:`~aligngraph.SelectionResult`, each the very result of the local call (every
    number, the explanations; ``seconds`` is the worker's). ``scenarios``: ids of the model's
    scenarios, ``None`` among them for the base case (default: the base case and every
    scenario). The first is solved here (refusing bad arguments before anything is sent); the
    rest go out in tasks of ``per_task`` scenarios (default: enough for ``min_seconds`` each,
    at least two tasks per worker when there are scenarios enough)."""
    from ._core import Objective

    arguments = dict(objective=Objective.npv if objective is None else objective, time_limit=float(time_limit),
                     node_limit=node_limit)
    return _sweep(portfolio, "optimize", scenarios, arguments, client, per_task, min_seconds)


def frontier(portfolio: Any, scenarios: Sequence[str | None] | None = None, factors: list[float] | None = None, *,
             client: Any = None, per_task: int | None = None, min_seconds: float = 0.1, **options: Any) -> dict[str | None, Any]:
    """``portfolio.frontier(factors, scenario=s, **options)`` for each scenario ``s`` on a
    dask.distributed cluster: a dict from scenario (``None``: the model as it is) to its
    frontier frame, each the very frame of the local call (``seconds`` is the worker's).
    ``options``: those of :meth:`Portfolio.frontier` (levels, max_factor, sweep, totals,
    objective, time_limit). Tasks as in :func:`optimize`."""
    return _sweep(portfolio, "frontier", scenarios, dict(options, factors=factors), client, per_task, min_seconds)
