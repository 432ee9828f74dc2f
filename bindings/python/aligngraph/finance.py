"""Finance functions with numpy-financial's names, signatures and conventions.

Swapping ``import numpy_financial as npf`` for ``import aligngraph as npf`` is
enough for ``npv``, ``irr``, ``mirr``, ``pv``, ``fv``, ``pmt``, ``nper``, ``rate``,
``ipmt`` and ``ppmt``: a 2-D ``values`` array is one series per row and numpy
arrays come back. Differences, all documented here:

- ``irr`` finds every root with a bracketing solver (no eigenvalues, no failure to
  converge); it returns numpy-financial's choice among several, ``all_roots=True``
  returns them all. ``guess`` is accepted and ignored (no guess is needed); ``tol``
  is the relative width of the final bracket; ``maxiter`` caps the iterations per root.
- ``npv(..., convention=NpvConvention.excel)`` discounts the first flow one period, as Excel's NPV().
- ``xnpv`` and ``xirr`` (Excel's, actual/365) are extras numpy-financial lacks.
- Decimal inputs are not supported: everything is float64.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from . import _core
from ._core import NoSolutionError, When

_DEFAULT_TOL = 4 * np.finfo(float).eps
_WHEN = {"end": 0, "finish": 0, "begin": 1, "start": 1, 0: 0, 1: 1}

__all__ = ["fv", "ipmt", "irr", "mirr", "nper", "npv", "pmt", "ppmt", "pv", "rate", "xirr", "xnpv"]


def _when(when: Any) -> Any:
    if isinstance(when, When):
        return int(when)
    if isinstance(when, (str, int, np.integer)):
        try:
            return _WHEN[when if isinstance(when, str) else int(when)]
        except KeyError:
            raise ValueError(f"when={when!r}: expected 'end', 'begin', 0 or 1") from None
    return np.vectorize(lambda w: _when(w.item() if hasattr(w, "item") else w), otypes=[float])(np.asarray(when))


def _broadcast(*args: Any) -> tuple[Any, ...]:
    """The arguments, checked to broadcast together (numpy's error, in numpy's words, if not)."""
    np.broadcast(*[np.asarray(a) for a in args])
    return args


def _series(values: Any, fn: str) -> np.ndarray:
    a = np.asarray(values, dtype=float)
    if a.ndim not in (1, 2) or a.shape[-1] == 0:
        raise _core.ValidationError(f"{fn}(): expected a non-empty 1-D series or a 2-D array of series, got shape {a.shape}")
    return a


def _rows(a: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(a.reshape(1, -1) if a.ndim == 1 else a)


def _scalar(x: Any) -> Any:
    return x.item() if isinstance(x, np.ndarray) and x.ndim == 0 else x


def npv(rate: Any, values: Any, *, convention: _core.NpvConvention = _core.NpvConvention.numpy) -> Any:
    """NPV = sum_t values[t] / (1 + rate)**t, the first flow undiscounted (numpy-financial).

    ``values`` 1-D gives a float, 2-D one NPV per row. ``rate`` may be an array: the
    result then has ``rate``'s shape in front. ``convention=NpvConvention.excel`` discounts
    the first flow one period, as Excel's NPV().
    NaN for rate <= -1, as numpy-financial.
    """
    a = _series(values, "npv")
    rows = _rows(a)
    rates = np.asarray(rate, dtype=float)
    if rates.ndim == 0:
        out = _core.npv_rows(float(rates), rows, convention)
        return float(out[0]) if a.ndim == 1 else out
    stacked = np.stack([_core.npv_rows(float(r), rows, convention) for r in rates.ravel()])
    stacked = stacked.reshape(rates.shape + (rows.shape[0],))
    return stacked[..., 0] if a.ndim == 1 else stacked


def irr(
    values: Any,
    guess: float | None = None,
    tol: float | None = None,
    maxiter: int | None = None,
    raise_exceptions: bool = False,
    *,
    all_roots: bool = False,
    bracket: tuple[float, float] = (-1.0, math.inf),
    threads: int = 0,
) -> Any:
    """The internal rate of return per period: a root of NPV(r) = 0 with r > -1.

    Every root is found; with several, numpy-financial's choice is returned (with roots
    of both signs the non-negative ones are kept, then the smallest in magnitude).
    NaN when there is none, or ``NoSolutionError`` (a RuntimeError) with the reason when
    ``raise_exceptions``. ``all_roots=True`` returns the list of every root (a list of
    lists for 2-D input). ``bracket`` limits the rates searched; ``threads`` the threads
    used for 2-D input (results do not depend on it).
    """
    del guess  # the bracketing solver needs no starting point
    a = _series(values, "irr")
    opts = (_DEFAULT_TOL if tol is None else float(tol), 200 if maxiter is None else int(maxiter),
            float(bracket[0]), float(bracket[1]))
    if a.ndim == 1:
        if raise_exceptions:
            value = _core.irr_one(a, *opts)
            return _core.irr_roots(a, *opts).roots if all_roots else value
        found = _core.irr_roots(a, *opts)
        return found.roots if all_roots else found.rate
    rows = _rows(a)
    if all_roots:
        return [_core.irr_roots(row, *opts).roots for row in rows]
    rates, counts = _core.irr_rows(rows, *opts, threads)
    if raise_exceptions and (counts == 0).any():
        first = int(np.argmax(counts == 0))
        try:
            _core.irr_one(rows[first], *opts)
        except NoSolutionError as e:
            raise NoSolutionError(f"series {first}: {e}") from None
    return rates


def mirr(values: Any, finance_rate: float, reinvest_rate: float, *, raise_exceptions: bool = False) -> Any:
    """Modified IRR per period; NaN unless the series has both signs (or NoSolutionError)."""
    a = _series(values, "mirr")
    out = _core.mirr_rows(_rows(a), float(finance_rate), float(reinvest_rate))
    if raise_exceptions and np.isnan(out).any():
        raise NoSolutionError("mirr(): the cash flows need at least one positive and one negative value")
    return float(out[0]) if a.ndim == 1 else out


def pv(rate: Any, nper: Any, pmt: Any, fv: Any = 0, when: Any = "end") -> Any:
    """Present value (numpy-financial's pv)."""
    return _scalar(_core.tvm_pv(*_broadcast(rate, nper, pmt, fv, _when(when))))


def fv(rate: Any, nper: Any, pmt: Any, pv: Any, when: Any = "end") -> Any:
    """Future value (numpy-financial's fv)."""
    return _scalar(_core.tvm_fv(*_broadcast(rate, nper, pmt, pv, _when(when))))


def pmt(rate: Any, nper: Any, pv: Any, fv: Any = 0, when: Any = "end") -> Any:
    """Payment per period (numpy-financial's pmt)."""
    return _scalar(_core.tvm_pmt(*_broadcast(rate, nper, pv, fv, _when(when))))


def nper(rate: Any, pmt: Any, pv: Any, fv: Any = 0, when: Any = "end") -> Any:
    """Number of periods (numpy-financial's nper); inf when it never gets there."""
    return _scalar(_core.tvm_nper(*_broadcast(rate, pmt, pv, fv, _when(when))))


def ipmt(rate: Any, per: Any, nper: Any, pv: Any, fv: Any = 0, when: Any = "end") -> Any:
    """Interest part of payment ``per`` (1-based; NaN for per < 1)."""
    return _scalar(_core.tvm_ipmt(*_broadcast(rate, per, nper, pv, fv, _when(when))))


def ppmt(rate: Any, per: Any, nper: Any, pv: Any, fv: Any = 0, when: Any = "end") -> Any:
    """Principal part of payment ``per`` (pmt - ipmt)."""
    return _scalar(_core.tvm_ppmt(*_broadcast(rate, per, nper, pv, fv, _when(when))))


def rate(
    nper: Any,
    pmt: Any,
    pv: Any,
    fv: Any,
    when: Any = "end",
    guess: float | None = None,
    tol: float | None = None,
    maxiter: int = 100,
    *,
    raise_exceptions: bool = False,
) -> Any:
    """Rate per period (numpy-financial's Newton iteration from ``guess``, then polished).
    NaN when it does not converge, or NoSolutionError when ``raise_exceptions``."""
    if int(maxiter) < 1 or (tol is not None and not tol > 0):
        raise ValueError(f"rate(): maxiter={maxiter} and tol={tol}: expected maxiter >= 1 and tol > 0")
    out = _core.tvm_rate(*_broadcast(nper, pmt, pv, fv, _when(when)), 0.1 if guess is None else guess,
                         1e-6 if tol is None else tol, int(maxiter))
    if raise_exceptions and np.isnan(out).any():
        raise NoSolutionError(f"rate(): Newton's method did not converge in {maxiter} iterations")
    return _scalar(out)


def _days(dates: Any) -> np.ndarray:
    return np.asarray(dates, dtype="datetime64[D]").astype(np.int64)


def xnpv(rate: float, values: Any, dates: Any) -> float:
    """NPV of flows on calendar dates at a yearly rate, actual/365 from the first date (Excel's XNPV).
    ``dates``: datetime64, ``datetime.date`` or ISO strings, not decreasing."""
    return _core.xnpv(float(rate), np.asarray(values, dtype=float), _days(dates))


def xirr(
    values: Any,
    dates: Any,
    *,
    all_roots: bool = False,
    raise_exceptions: bool = False,
    tol: float | None = None,
    maxiter: int | None = None,
    bracket: tuple[float, float] = (-1.0, math.inf),
) -> Any:
    """The yearly rate making ``xnpv`` zero (Excel's XIRR), every root found as for ``irr``."""
    opts = (_DEFAULT_TOL if tol is None else float(tol), 200 if maxiter is None else int(maxiter),
            float(bracket[0]), float(bracket[1]))
    v, d = np.asarray(values, dtype=float), _days(dates)
    if raise_exceptions:
        value = _core.xirr_one(v, d, *opts)
        return _core.xirr_roots(v, d, *opts).roots if all_roots else value
    found = _core.xirr_roots(v, d, *opts)
    return found.roots if all_roots else found.rate
