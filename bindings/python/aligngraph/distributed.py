"""Monte Carlo past one machine: a simulation in chunks on a dask.distributed cluster, joined
into the very result of one local run, to the bit (see docs/risk.md, "Beyond one machine").

    from dask.distributed import Client
    import aligngraph.distributed as agd

    r = agd.simulate(p, samples=10_000_000, client=Client("scheduler:8786"))
    r = agd.simulate(p, samples=1_000_000)      # a LocalCluster made for the call

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

__all__ = ["chunks", "simulate"]


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


def chunks(first: int, samples: int, size: int) -> list[tuple[int, int]]:
    """``(first, count)`` of each chunk of samples ``first .. first + samples - 1``: each but
    the last ends at a multiple of 1024 (where chunks join exactly) and holds about ``size``."""
    if samples < 1:
        raise _core.ValidationError(f"chunks(): samples {samples}, expected at least 1")
    size = max(BLOCK_SIZE, int(math.ceil(size / BLOCK_SIZE)) * BLOCK_SIZE)
    end = first + samples
    out = []
    at = first
    while at < end:
        stop = min(end, (at // BLOCK_SIZE) * BLOCK_SIZE + size)  # past `at`: size is a whole number of blocks
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
    (default: enough for ``min_seconds`` of work each, measured on a local pilot of 1024
    samples, and at least two tasks per worker when there are samples enough). The portfolio
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
            pilot = dict(worker, samples=BLOCK_SIZE, first=0, keep_use_samples=False)
            t0 = time.perf_counter()
            _core.simulate_problem_core(problem, **pilot)
            per_sample = max((time.perf_counter() - t0) / BLOCK_SIZE, 1e-9)
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
