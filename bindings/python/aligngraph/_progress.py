"""progress= for long calls: a tqdm bar (the optional extra ``[progress]``) or the caller's
callback, fed by the compiled computation through ``aligngraph._core.Progress``."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterator

from . import _core

_UNITS = {"simulate": "samples", "frontier": "levels", "optimize": "nodes", "roadmap": "nodes", "rpm": "nodes",
          "selection_frequency": "scenarios"}


def _bars() -> tuple[Callable[[Any], None], Callable[[], None]]:
    try:
        from tqdm.auto import tqdm
    except ImportError as e:
        raise ImportError("progress=True needs tqdm: pip install 'aligngraph[progress]' (or pass a callback)") from e
    bars: dict[str, Any] = {}

    def update(p: Any) -> None:
        bar = bars.get(p.task)
        if bar is None:
            bar = bars[p.task] = tqdm(total=p.total if p.total >= 0 else None, desc=p.task, unit=f" {_UNITS.get(p.task, 'steps')}",
                                      leave=False)
        bar.n = p.done
        bar.refresh()

    def close() -> None:
        for bar in bars.values():
            bar.close()

    return update, close


@contextmanager
def reporting(progress: Any) -> Iterator[None]:
    """Around one call into the compiled module: ``progress`` None or False (nothing), True
    (a tqdm bar per task), or a callable taking an ``aligngraph.Progress`` (task, done,
    total, seconds), called from the computation at most ten times a second; an exception
    it raises stops the computation and comes out of the call."""
    if progress is None or progress is False:
        yield
        return
    if progress is True:
        callback, close = _bars()
    elif callable(progress):
        callback, close = progress, (lambda: None)
    else:
        raise TypeError(f"progress must be True, False, None or a callable taking an aligngraph.Progress, not {progress!r}")
    _core._set_progress(callback)
    try:
        yield
    finally:
        _core._set_progress(None)
        close()
