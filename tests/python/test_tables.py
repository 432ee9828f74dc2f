"""The model as tables: exact round trips through DataFrames, CSV folders, zips and Excel;
the forms analysts have (wide flows, yearly amounts, lists in a cell, the compact form); and
errors that name the table, row and column."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import aligngraph as ag
from aligngraph.tables import TABLES


@pytest.fixture(scope="module")
def sample() -> ag.Portfolio:
    return ag.Portfolio.sample()


def minimal(**overrides: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """A quarterly model of two initiatives, as an analyst would type it."""
    frames = {
        "model": pd.DataFrame({"key": ["name", "periods", "period_years", "first", "discount_rate"],
                               "value": ["Pilot", "8", "0.25", "2027Q1", "8%"]}),
        "goals": pd.DataFrame({"id": ["G1", "G2"], "name": ["Grow", "Digital"], "weight": [1.0, None]}),
        "goal_links": pd.DataFrame({"parent": ["G1"], "child": ["G2"], "weight": [1.0]}),
        "initiatives": pd.DataFrame({"id": ["A", "B"], "name": ["Platform", "App"], "department": ["IT", "Retail"],
                                     "start": [0, 2], "duration": [2, 2], "requires": ["", "A"]}),
        "flows": pd.DataFrame({"initiative": ["A", "A", "B", "B"], "period": ["2027Q1", "2027Q2", "2027Q3", "2028Q1"],
                               "capex": [100.0, 50.0, 40.0, None], "opex": [None, None, 10.0, None],
                               "benefits": [None, None, None, 300.0]}),
        "contributions": pd.DataFrame({"initiative": ["A", "B"], "goal": ["G2", "G2"], "strength": ["weak", 0.8]}),
    }
    frames.update(overrides)
    return frames


def test_frames_round_trip_exactly(sample: ag.Portfolio) -> None:
    frames = sample.to_frames()
    assert set(frames) <= set(TABLES) and {"model", "goals", "initiatives", "flows"} <= set(frames)
    for name, frame in frames.items():
        assert list(frame.columns[: len(TABLES[name])]) == list(TABLES[name])
    assert ag.Portfolio.from_frames(frames) == sample
    assert ag.Portfolio.from_frames(**frames).to_json() == sample.to_json()
    # The long flows hold every amount: their sums are the model's, independently summed here.
    doc = json.loads(sample.to_json())
    capex = sum(sum(i.get("costs", {}).get("capex", [])) for i in doc["initiatives"])
    assert frames["flows"]["capex"].sum() == pytest.approx(capex)


@pytest.mark.parametrize("suffix", ["", ".zip", ".xlsx"])
def test_files_round_trip_exactly(sample: ag.Portfolio, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"model{suffix}"
    assert sample.write_tables(path) == path
    assert ag.Portfolio.read_tables(path) == sample
    if suffix == "":
        assert sorted(f.stem for f in path.glob("*.csv")) == sorted(sample.to_frames())
    if suffix == ".zip":
        assert sorted(zipfile.ZipFile(path).namelist()) == sorted(f"{t}.csv" for t in sample.to_frames())
    if suffix == ".xlsx":
        assert sorted(pd.read_excel(path, sheet_name=None)) == sorted(sample.to_frames())


def test_the_forms_analysts_have() -> None:
    p = ag.Portfolio.from_frames(minimal())
    assert p.horizon.labels()[:2] == ["2027Q1", "2027Q2"]
    assert p.settings.discount_rate == pytest.approx(0.08)
    assert p.prerequisites("B") == ["A"]
    i = p.initiatives()
    assert i.loc["A", "total_cost"] == pytest.approx(150.0) and i.loc["B", "total_benefit"] == pytest.approx(300.0)
    # Wide flows (one column per period), and a yearly amount in a quarterly model: spread
    # evenly over the year's quarters.
    wide = pd.DataFrame({"initiative": ["A", "B", "B"], "kind": ["capex", "capex", "benefits"],
                         "2027Q1": [100.0, None, None], "2027Q2": [50.0, None, None], "2027Q3": [None, 40.0, None],
                         "2028": [None, None, 400.0]})
    q = ag.Portfolio.from_frames(minimal(flows=wide))
    benefits = json.loads(q.to_json())["initiatives"][1]["benefits"]
    assert benefits[4:8] == [100.0, 100.0, 100.0, 100.0] and sum(benefits) == 400.0
    # Dependencies as their own table, with a lag.
    r = ag.Portfolio.from_frames(minimal(requires=pd.DataFrame({"dependant": ["B"], "prerequisite": ["A"], "lag": [0]}),
                                         initiatives=minimal()["initiatives"].drop(columns="requires")))
    assert r.prerequisites("B") == ["A"]
    # The compact form: a total cost over the duration and a yearly benefit for a lifetime.
    compact = minimal()["initiatives"].assign(total_cost=[None, 800.0], capex_share=[None, 0.5],
                                              yearly_benefit=[None, 400.0], lifetime_years=[None, 1.0])
    c = ag.Portfolio.from_frames(minimal(initiatives=compact, flows=minimal()["flows"].query("initiative == 'A'")))
    assert c.initiatives().loc["B", "total_cost"] == pytest.approx(800.0)
    assert c.initiatives().loc["B", "total_benefit"] == pytest.approx(400.0)


def problems_of(error: pytest.ExceptionInfo) -> str:
    return str(error.value)


def test_every_error_names_table_row_and_column() -> None:
    bad = minimal()
    bad["flows"] = bad["flows"].astype(object)
    bad["flows"].loc[1, "capex"] = "fifty"                   # text in a money column
    bad["initiatives"] = bad["initiatives"].astype(object)
    bad["initiatives"].loc[1, "duration"] = 2.5             # a fraction in a whole-number column
    bad["contributions"] = pd.DataFrame({"initiative": ["Z"], "goal": ["G2"], "strength": [0.5]})  # unknown initiative
    bad["extra"] = pd.DataFrame({"a": [1]})                  # unknown table
    bad["goals"] = bad["goals"].assign(colour=["red", "blue"])  # unknown column
    with pytest.raises(ag.ValidationError) as e:
        ag.Portfolio.from_frames(bad)
    text = problems_of(e)
    assert "table 'flows', row 1, column 'capex': expected a number, got 'fifty'" in text
    assert "table 'initiatives', row 1, column 'duration': expected a whole number, got 2.5" in text
    assert "table 'contributions', row 0, column 'initiative': unknown initiative 'Z'" in text
    assert "table 'extra': unknown table" in text
    assert "table 'goals': unknown column(s) 'colour'" in text
    # What the model reader finds is placed on its cell too: a duration past the horizon.
    late = minimal()
    late["initiatives"] = late["initiatives"].assign(start=[0, 7])
    with pytest.raises(ag.ValidationError, match=r"table 'initiatives', row 1, column '(start|duration)': .*horizon"):
        ag.Portfolio.from_frames(late)
    with pytest.raises(ag.ValidationError, match=r"table 'flows', row 0, column 'period': unknown period '2031Q1'"):
        ag.Portfolio.from_frames(minimal(flows=pd.DataFrame({"initiative": ["A"], "period": ["2031Q1"], "capex": [1.0]})))
    with pytest.raises(ag.ValidationError, match="table 'goals': the table is missing"):
        ag.Portfolio.from_frames({k: v for k, v in minimal().items() if k != "goals"})


def test_file_errors_name_the_file_or_sheet_and_the_spreadsheet_row(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    ag.Portfolio.from_frames(minimal()).write_tables(folder)
    text = (folder / "flows.csv").read_text().splitlines()
    text[2] = text[2].replace("50.0", "5O.0")  # a letter O for a zero, the third line of the file
    (folder / "flows.csv").write_text("\n".join(text) + "\n")
    with pytest.raises(ag.ValidationError, match=rf"{folder / 'flows.csv'}, row 3, column 'capex': expected a number, got '5O.0'"):
        ag.Portfolio.read_tables(folder)
    book = tmp_path / "model.xlsx"
    frames = minimal()
    frames["initiatives"] = frames["initiatives"].astype(object)
    frames["initiatives"].loc[0, "start"] = "soon"
    with pd.ExcelWriter(book) as w:
        for name, frame in frames.items():
            frame.to_excel(w, sheet_name=name, index=False)
    with pytest.raises(ag.ValidationError, match=r"model.xlsx, sheet 'initiatives', row 2, column 'start': expected a whole number, got 'soon'"):
        ag.Portfolio.read_tables(book)
    with pytest.raises(ag.ValidationError, match="no such file"):
        ag.Portfolio.read_tables(tmp_path / "missing.xlsx")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ag.ValidationError, match="no .csv files"):
        ag.Portfolio.read_tables(tmp_path / "empty")


def test_writing_replaces_atomically_and_leaves_nothing_behind(sample: ag.Portfolio, tmp_path: Path) -> None:
    path = tmp_path / "m.zip"
    path.write_bytes(b"old")
    sample.write_tables(path)
    assert zipfile.is_zipfile(path)
    assert [p.name for p in tmp_path.iterdir()] == ["m.zip"]
    assert np.isfinite(ag.Portfolio.read_tables(path).initiatives()["total_cost"]).all()


def test_the_command_line_imports_and_exports(sample_path: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    tool = Path(sys.executable).parent / "aligngraph"
    book, model = tmp_path / "model.xlsx", tmp_path / "model.json"
    r = subprocess.run([str(tool), "export", str(sample_path), "-o", str(book)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([str(tool), "import", str(book), "-o", str(model)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "34 initiatives" in r.stdout
    assert ag.Portfolio.load(model) == ag.Portfolio.load(sample_path)
    # A bad cell is the input's fault (1), named; a missing -o is usage (2).
    folder = tmp_path / "csv"
    ag.Portfolio.load(sample_path).write_tables(folder)
    (folder / "teams.csv").write_text((folder / "teams.csv").read_text().replace(",42.0", ",lots", 1))
    r = subprocess.run([str(tool), "import", str(folder), "-o", str(tmp_path / "x.json")], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    assert "teams.csv, row 2, column 'capacity': expected a number, got 'lots'" in r.stderr
    assert not (tmp_path / "x.json").exists()
    r = subprocess.run([str(tool), "import", str(book)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2


@pytest.mark.parametrize("start,duration,lifetime", [(1, 2, 1.0), (0, 3, 10.0), (5, 3, 0.5)])
def test_add_initiative_takes_the_compact_form(start: int, duration: int, lifetime: float) -> None:
    p = ag.Portfolio(periods=8, period_years=0.25, first_label="2027Q1")
    C, s, B, R, y = 1000.0, 0.6, 400.0, 40.0, 0.25
    p.add_initiative("A", "a", "IT", start=start, duration=duration,
                     compact={"total_cost": C, "capex_share": s, "yearly_benefit": B, "lifetime_years": lifetime, "yearly_run_cost": R})
    # The rule of docs/model-format.md, written out: the cost spread over the running
    # periods, then round(L / y) periods of benefit and run cost, cut at the horizon.
    capex, opex, benefits = [0.0] * 8, [0.0] * 8, [0.0] * 8
    for t in range(start, start + duration):
        capex[t], opex[t] = s * C / duration, (1 - s) * C / duration
    for t in range(start + duration, min(8, start + duration + round(lifetime / y))):
        benefits[t], opex[t] = B * y, R * y
    i = json.loads(p.to_json())["initiatives"][0]
    assert i["costs"]["capex"] == pytest.approx(capex) and i["costs"]["opex"] == pytest.approx(opex)
    assert i.get("benefits", [0.0] * 8) == pytest.approx(benefits)


def test_add_initiative_compact_errors_name_the_initiative() -> None:
    p = ag.Portfolio(periods=4, period_years=1, first_label="2027")
    with pytest.raises(ag.ValidationError, match=r"add_initiative\('B'\): compact/total_cost: total cost -5"):
        p.add_initiative("B", "b", "IT", duration=2, compact={"total_cost": -5, "capex_share": 0.5})
    with pytest.raises(ag.ValidationError, match=r"give flows \(capex\) or compact, not both"):
        p.add_initiative("C", "c", "IT", duration=2, compact={"total_cost": 5, "capex_share": 1}, capex=[1])
    assert p.initiative_ids == []
