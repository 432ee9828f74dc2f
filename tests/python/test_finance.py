"""Finance from Python: numpy-financial's names and published vectors, extras, model financials."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from pathlib import Path

import numpy as np
import pytest

import aligngraph as ag

DATA = Path(os.environ.get("ALIGNGRAPH_REFERENCE_DATA") or Path(__file__).resolve().parents[3] / "shared" / "data")
VECTORS = DATA / "numpy-financial" / "npf_test_vectors.json"


def load_cases() -> list[dict]:
    if not VECTORS.exists():
        return []
    return json.loads(VECTORS.read_text())["cases"]


CASES = load_cases()


def call(case: dict):
    fn, a = case["function"], dict(case["args"])
    a = {k: (float(v) if isinstance(v, str) and k != "when" else v) for k, v in a.items()}
    if fn == "npv(irr(values), values)":
        return ag.npv(ag.irr(a["values"]), a["values"])
    return getattr(ag, fn)(**a)


@pytest.mark.skipif(not CASES, reason=f"SKIPPED: numpy-financial vectors not found at {VECTORS}")
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_numpy_financial_vector(case):
    expected, tol = case["expected"], case["tolerance"]
    if expected == "NoRealSolutionError":
        with pytest.raises(ag.NoSolutionError, match="never change sign"):
            call(case)
        return
    got = call(case)
    if expected == "nan":
        assert math.isnan(got)
    elif expected == "inf":
        assert math.isinf(got) and got > 0
    else:
        want = float(expected)
        if "rtol" in tol:
            assert abs(got - want) <= tol["rtol"] * abs(want)
        elif "atol" in tol:
            assert abs(got - want) <= tol["atol"]
        elif "decimal_places" in tol:
            assert abs(got - want) < 1.5 * 10 ** -tol["decimal_places"]
        elif "exact" in tol:
            assert got == want
        else:  # a 28-digit Decimal: float64 matches to its own precision
            assert abs(got - want) <= 4e-16 * abs(want)


def test_vectors_were_all_found():
    if not CASES:
        pytest.skip(f"SKIPPED: numpy-financial vectors not found at {VECTORS}")
    assert len(CASES) == 75


def test_2d_input_is_one_series_per_row():
    values = np.array([[-100, 60, 60], [-100, 230, -132], [1, 2, 3]], dtype=float)
    np.testing.assert_allclose(ag.npv(0.1, values), [-100 + 60 / 1.1 + 60 / 1.21, 0.0, 1 + 2 / 1.1 + 3 / 1.21], atol=1e-12)
    rates = ag.irr(values)
    assert rates[1] == pytest.approx(0.1, rel=1e-12) and math.isnan(rates[2])
    assert ag.irr(values, all_roots=True)[1] == pytest.approx([0.1, 0.2], rel=1e-12)
    np.testing.assert_array_equal(ag.irr(values, threads=1), ag.irr(values, threads=3))
    # A rate array comes first in the result's shape.
    assert ag.npv([0.0, 0.1], values).shape == (2, 3)
    assert ag.npv([0.0, 0.1], [-100, 60, 60]) == pytest.approx([20, -100 + 60 / 1.1 + 60 / 1.21])
    with pytest.raises(ag.NoSolutionError, match="series 2: irr\\(\\): cash flows never change sign"):
        ag.irr(values, raise_exceptions=True)


def test_extras():
    assert ag.npv(0.1, [-100, 60, 60], convention=ag.NpvConvention.excel) == pytest.approx((-100 + 60 / 1.1 + 60 / 1.21) / 1.1)
    assert ag.irr([-100, 230, -132], bracket=(0.15, 1)) == pytest.approx(0.2)
    # Excel's XIRR / XNPV help example.
    dates = [dt.date(2008, 1, 1), dt.date(2008, 3, 1), dt.date(2008, 10, 30), dt.date(2009, 2, 15), dt.date(2009, 4, 1)]
    values = [-10000, 2750, 4250, 3250, 2750]
    # Excel prints its results rounded (and its XIRR iteration stops at 1e-8).
    assert ag.xirr(values, dates) == pytest.approx(0.373362535, abs=2e-9)
    assert abs(ag.xnpv(ag.xirr(values, dates), values, dates)) < 1e-8
    assert ag.xnpv(0.09, values, np.array(dates, dtype="datetime64[D]")) == pytest.approx(2086.647602, abs=5e-7)
    with pytest.raises(ag.ValidationError, match="dates out of order"):
        ag.xirr(values, list(reversed(dates)))
    assert ag.period_rate(0.08, 0.25) == pytest.approx(1.08 ** 0.25 - 1)
    assert ag.pmt(0.08 / 12, 60, 15000, when=ag.When.begin) == pytest.approx(ag.pmt(0.08 / 12, 60, 15000, when="begin"))


def test_bad_input():
    with pytest.raises(ag.ValidationError, match="cash flow in period 1 is nan"):
        ag.irr([-1, float("nan"), 2])
    with pytest.raises(ag.ValidationError, match="series 1 has inf in period 0"):
        ag.irr([[-1, 1], [float("inf"), 2]])
    with pytest.raises(ag.ValidationError, match="expected a non-empty"):
        ag.npv(0.1, [])
    with pytest.raises(ValueError, match="when='middle'"):
        ag.pv(0.1, 10, 100, when="middle")


def test_portfolio_financials_frame():
    p = ag.Portfolio(4, 0.25, "2027Q1", settings=ag.Settings(discount_rate=0.1))
    p.add_initiative("A", "Platform", "IT", duration=2, capex=[100, 100])
    p.add_initiative("B", "App", "Retail", start=2, duration=2, capex=[0, 0, 50, 50], benefits=[0, 0, 0, 400])
    f = p.initiative_financials()
    r = 1.1 ** 0.25 - 1
    assert list(f.index) == ["A", "B"]
    assert f.loc["B", "npv"] == pytest.approx(-50 / (1 + r) ** 2 + 350 / (1 + r) ** 3)
    assert f.loc["B", "irr"] == pytest.approx(6.0)  # -50 then +350
    assert f.loc["B", "payback"] == pytest.approx(50 / 350)
    assert math.isnan(f.loc["A", "irr"]) and f.loc["A", "irr_roots"] == 0
    total = p.portfolio_financials()
    assert total["npv"] == pytest.approx(f["npv"].sum())
    assert total["initiatives"] == 2
    assert p.portfolio_financials(["B"])["npv"] == pytest.approx(f.loc["B", "npv"])
    assert p.initiative_financials(0.2)["npv"]["B"] < f.loc["B", "npv"]
    with pytest.raises(ag.ValidationError, match="rate"):
        p.initiative_financials(-1.5)
    # The frames say what they were computed under.
    assert f.attrs["yearly_rate"] == 0.1 and f.attrs["period_rate"] == pytest.approx(r)
    assert f.attrs["convention"] == ag.NpvConvention.numpy and f.attrs["currency"] == p.settings.currency
    assert p.initiative_financials(0.2, npv_convention=ag.NpvConvention.excel).attrs["convention"] == ag.NpvConvention.excel
    assert total.attrs["period_years"] == 0.25


def test_irr_results_are_classes_with_an_enum_status():
    # -100, +230, -132 = -(1 - 1.1 x)(1 - 1.2 x) * 100 in x = 1/(1+r): roots 10% and 20%.
    found = ag._core.irr_roots(np.array([-100.0, 230.0, -132.0]), 1e-12, 200, -0.99, 10.0)
    assert isinstance(found, ag.IrrResult)
    assert found.roots == pytest.approx([0.1, 0.2], abs=1e-10)
    assert found.status == ag.IrrStatus.several_roots
    assert "IrrResult" in repr(found)
    assert ag.irr([-100.0, 230.0, -132.0], all_roots=True) == pytest.approx([0.1, 0.2], abs=1e-10)


def test_sample_financials_match_npv_of_net_flows():
    p = ag.Portfolio.sample()
    f = p.initiative_financials()
    r = ag.period_rate(p.settings.discount_rate, 0.25)
    np.testing.assert_allclose(f["npv"].to_numpy(), ag.npv(r, p.net_flows), rtol=1e-12, atol=1e-6)
