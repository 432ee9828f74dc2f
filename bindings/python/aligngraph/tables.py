"""The model as tables, and back: pandas DataFrames (``Portfolio.to_frames`` /
``Portfolio.from_frames``), a folder or zip of CSV files, an Excel workbook (one sheet per
table; ``openpyxl``, the ``[excel]`` extra). The tables are a re-shaping of the model file
(docs/model-format.md), column for field; docs/tables.md lists them.

Reading is strict: a text in a number column, a fraction in a whole-number column, an
unknown table or column are errors, never NaN or a guess. Every error names the table (the
file or sheet), the row (as a spreadsheet shows it: the header is row 1) and the column,
and all of them are reported at once in one ``ValidationError``. What the tables say is then
read by the same reader as a model file, and its errors are given the same way."""

from __future__ import annotations

import io
import json
import math
import os
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import numpy as np
import pandas as pd

from . import _core

if TYPE_CHECKING:
    from .portfolio import Portfolio

__all__ = ["TABLES", "from_frames", "read_tables", "to_frames", "write_tables"]

_ESTIMATE = ("distribution", "low", "mode", "high")
_FLOW_KINDS = ("capex", "opex", "benefits")
_COMPACT = ("total_cost", "capex_share", "yearly_benefit", "lifetime_years", "yearly_run_cost")
_STATUS = ("proposed", "approved", "running", "completed", "cancelled", "on_hold")
_MODEL_KEYS = ("name", "periods", "period_years", "first", "discount_rate", "enabler_share", "currency")

#: Every table and its columns, in the order they are written (``criterion:NAME`` columns of
#: ``initiatives`` and the period columns of the wide ``flows`` form come on top).
TABLES: dict[str, tuple[str, ...]] = {
    "model": ("key", "value"),
    "goals": ("id", "name", "level", "owner", "weight", "kpi_metric", "kpi_unit", "kpi_baseline", "kpi_target"),
    "goal_links": ("parent", "child", "weight"),
    "judgments": ("goal", "row", "column", "value"),
    "initiatives": ("id", "name", "department", "start", "duration", "earliest_start", "latest_start", "deadline", "effort",
                    "status", "mandatory", "forced_in", "forced_out", "requires", "success_probability",
                    *(f"{v}_{f}" for v in ("cost", "benefit", "delay") for f in _ESTIMATE), *_COMPACT),
    "flows": ("initiative", "period", "capex", "opex", "benefits"),
    "contributions": ("initiative", "goal", "strength"),
    "requires": ("dependant", "prerequisite", "lag"),
    "demand": ("initiative", "team", "offset", "amount"),
    "excludes": ("group", "initiative"),
    "budgets": ("id", "department", "kind", "period", "limit"),
    "teams": ("id", "name", "period", "capacity"),
    "scenarios": ("id", "name", "discount_rate", "budget_factor", "cost_overrun", "enabler_share", "forced_in", "forced_out"),
    "scenario_weights": ("scenario", "kind", "id", "weight"),
    "scenario_judgments": ("scenario", "goal", "row", "column", "value"),
    "correlations": ("initiatives", "coefficient", "on"),
    "risk_events": ("id", "name", "probability", "initiatives", *(f"{v}_{f}" for v in ("cost", "delay") for f in _ESTIMATE)),
}
_REQUIRED = ("goals", "initiatives")


# ---- writing ----------------------------------------------------------------------------
def _list_text(ids: list[str]) -> str:
    return "; ".join(ids)


def to_frames(p: "Portfolio") -> dict[str, pd.DataFrame]:
    """The model as a dict of DataFrames, one per table of :data:`TABLES` that has rows
    (``model``, ``goals`` and ``initiatives`` always). Periods are the model's labels;
    flows, budgets, capacities and demand in long form (one row per item and period, zero
    rows left out). ``from_frames(to_frames(p)) == p``."""
    doc = json.loads(p.to_json())
    horizon, settings = doc["horizon"], doc.get("settings", {})
    labels = list(p.horizon.labels())
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    model = {"name": doc.get("name", ""), "periods": horizon["periods"], "period_years": horizon["period_years"],
             "first": horizon.get("first", ""), "discount_rate": settings.get("discount_rate", 0.10),
             "enabler_share": settings.get("enabler_share", 0.5), "currency": settings.get("currency", "EUR")}
    rows["model"] = [{"key": k, "value": _cell_text(model[k])} for k in _MODEL_KEYS]
    for g in doc["goals"]:
        kpi = g.get("kpi", {})
        rows["goals"].append({"id": g["id"], "name": g["name"], "level": g.get("level", ""), "owner": g.get("owner", ""),
                              "weight": g.get("weight"), "kpi_metric": kpi.get("metric", "") if kpi else "",
                              "kpi_unit": kpi.get("unit", "") if kpi else "", "kpi_baseline": kpi.get("baseline") if kpi else None,
                              "kpi_target": kpi.get("target") if kpi else None})
        for link in g.get("parents", []):
            rows["goal_links"].append({"parent": link["goal"], "child": g["id"], "weight": link.get("weight")})
        if "judgments" in g:
            rows["judgments"] += _judgment_rows(g["judgments"], {"goal": g["id"]})
    criteria = sorted({c for i in doc["initiatives"] for c in i.get("criteria", {})})
    for i in doc["initiatives"]:
        row: dict[str, Any] = {"id": i["id"], "name": i["name"], "department": i["department"], "start": i.get("start", 0),
                               "duration": i["duration"], "earliest_start": i.get("earliest_start"),
                               "latest_start": i.get("latest_start"), "deadline": i.get("deadline"), "effort": i.get("effort", 0.0),
                               "status": i.get("status", "proposed"), "mandatory": bool(i.get("mandatory", False)),
                               "forced_in": bool(i.get("forced_in", False)), "forced_out": bool(i.get("forced_out", False)),
                               "requires": "", "success_probability": i.get("uncertainty", {}).get("success_probability")}
        unc = i.get("uncertainty", {})
        for v in ("cost", "benefit", "delay"):
            for f in _ESTIMATE:
                row[f"{v}_{f}"] = unc.get(v, {}).get(f) if v in unc else None
        for c in criteria:
            row[f"criterion:{c}"] = i.get("criteria", {}).get(c)
        rows["initiatives"].append(row)
        costs = i.get("costs", {})
        flows = {"capex": costs.get("capex", []), "opex": costs.get("opex", []), "benefits": i.get("benefits", [])}
        for t in range(max((len(v) for v in flows.values()), default=0)):
            amounts = {k: (flows[k][t] if t < len(flows[k]) else 0.0) for k in _FLOW_KINDS}
            if any(amounts.values()):
                rows["flows"].append({"initiative": i["id"], "period": labels[t], **amounts})
        for goal, s in i.get("contributes", {}).items():
            rows["contributions"].append({"initiative": i["id"], "goal": goal, "strength": s})
        for r in i.get("requires", []):
            pre, lag = (r, 0) if isinstance(r, str) else (r["id"], r.get("lag", 0))
            rows["requires"].append({"dependant": i["id"], "prerequisite": pre, "lag": lag})
        for team, amounts in i.get("demand", {}).items():
            for k, a in enumerate(amounts if isinstance(amounts, list) else [amounts] * i["duration"]):
                rows["demand"].append({"initiative": i["id"], "team": team, "offset": k, "amount": a})
    for x in doc.get("excludes", []):
        rows["excludes"] += [{"group": x["id"], "initiative": m} for m in x["members"]]
    for b in doc.get("budgets", []):
        limits = b["limits"] if isinstance(b["limits"], list) else [b["limits"]] * horizon["periods"]
        rows["budgets"] += [{"id": b["id"], "department": b.get("department", ""), "kind": b.get("kind", "all"),
                             "period": labels[t], "limit": limits[t]} for t in range(len(limits))]
    for team in doc.get("teams", []):
        cap = team["capacity"] if isinstance(team["capacity"], list) else [team["capacity"]] * horizon["periods"]
        rows["teams"] += [{"id": team["id"], "name": team.get("name", ""), "period": labels[t], "capacity": cap[t]} for t in range(len(cap))]
    for s in doc.get("scenarios", []):
        rows["scenarios"].append({"id": s["id"], "name": s.get("name", ""), "discount_rate": s.get("discount_rate"),
                                  "budget_factor": s.get("budget_factor"), "cost_overrun": s.get("cost_overrun"),
                                  "enabler_share": s.get("enabler_share"), "forced_in": _list_text(s.get("forced_in", [])),
                                  "forced_out": _list_text(s.get("forced_out", []))})
        for kind, field in (("goal", "goal_weights"), ("criterion", "criterion_weights")):
            rows["scenario_weights"] += [{"scenario": s["id"], "kind": kind, "id": k, "weight": w} for k, w in s.get(field, {}).items()]
        for goal, j in s.get("judgments", {}).items():
            rows["scenario_judgments"] += _judgment_rows(j, {"scenario": s["id"], "goal": goal})
    for c in doc.get("correlations", []):
        rows["correlations"].append({"initiatives": _list_text(c["initiatives"]), "coefficient": c["coefficient"], "on": c.get("on", "both")})
    for e in doc.get("risk_events", []):
        row = {"id": e["id"], "name": e.get("name", ""), "probability": e["probability"], "initiatives": _list_text(e["initiatives"])}
        for v in ("cost", "delay"):
            for f in _ESTIMATE:
                row[f"{v}_{f}"] = e[v].get(f) if v in e else None
        rows["risk_events"].append(row)
    out: dict[str, pd.DataFrame] = {}
    for name, columns in TABLES.items():
        if not rows[name] and name not in ("model", *_REQUIRED):
            continue
        extra = [f"criterion:{c}" for c in criteria] if name == "initiatives" else []
        out[name] = pd.DataFrame(rows[name], columns=[*columns, *extra])
    return out


def _judgment_rows(j: dict, key: dict) -> list[dict]:
    children, matrix = j["children"], j["matrix"]
    return [{**key, "row": a, "column": b, "value": matrix[r][c]} for r, a in enumerate(children) for c, b in enumerate(children)]


def _cell_text(v: Any) -> str:
    return repr(v) if isinstance(v, float) else str(v)


# ---- reading ----------------------------------------------------------------------------
class _Reader:
    """Turns tables into the model file's document, noting where each value came from (for
    the reader's errors) and collecting every problem of the tables themselves."""

    def __init__(self, frames: dict[str, pd.DataFrame], origin: Callable[[str], str], spreadsheet_rows: bool) -> None:
        self.frames = frames
        self.origin = origin
        self.spreadsheet_rows = spreadsheet_rows
        self.problems: list[str] = []
        self.where: dict[str, str] = {}  # JSON pointer -> "table, row, column"

    # where a cell is
    def at(self, table: str, row: int | None = None, column: str | None = None) -> str:
        text = self.origin(table)
        if row is not None:
            text += f", row {row + 2}" if self.spreadsheet_rows else f", row {row}"
        if column is not None:
            text += f", column '{column}'"
        return text

    def problem(self, table: str, row: int | None, column: str | None, message: str) -> None:
        self.problems.append(f"{self.at(table, row, column)}: {message}")

    def note(self, pointer: str, table: str, row: int, column: str | None = None) -> None:
        self.where.setdefault(pointer, self.at(table, row, column))

    # cells
    @staticmethod
    def empty(v: Any) -> bool:
        return v is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and v.strip() == "") or v is pd.NA

    def text(self, table: str, row: int, column: str, v: Any, *, required: bool = False) -> str | None:
        if self.empty(v):
            if required:
                self.problem(table, row, column, "a value is required")
            return None
        if isinstance(v, (bool, np.bool_)) or not isinstance(v, (str, int, np.integer)):
            if isinstance(v, (float, np.floating)) and float(v).is_integer():
                return str(int(v))  # an id like 2027 that a spreadsheet stored as a number
            self.problem(table, row, column, f"expected text, got {v!r}")
            return None
        return str(v).strip()

    def number(self, table: str, row: int, column: str, v: Any, *, required: bool = False, whole: bool = False,
               percent: bool = False) -> float | int | None:
        if self.empty(v):
            if required:
                self.problem(table, row, column, "a value is required")
            return None
        x: float | None = None
        if isinstance(v, (bool, np.bool_)):
            x = None
        elif isinstance(v, (int, np.integer, float, np.floating)):
            x = float(v)
        elif isinstance(v, str):
            s = v.strip()
            try:
                x = float(s[:-1]) / 100 if percent and s.endswith("%") else float(s)
            except ValueError:
                x = None
        if x is None or not math.isfinite(x):
            what = "a whole number" if whole else ("a number (or a percentage like 8%)" if percent else "a number")
            self.problem(table, row, column, f"expected {what}, got {v!r}")
            return None
        if whole:
            if not x.is_integer():
                self.problem(table, row, column, f"expected a whole number, got {v!r}")
                return None
            return int(x)
        return x

    def flag(self, table: str, row: int, column: str, v: Any) -> bool | None:
        if self.empty(v):
            return None
        if isinstance(v, (bool, np.bool_)):
            return bool(v)
        if isinstance(v, (int, np.integer, float)) and v in (0, 1):
            return bool(v)
        if isinstance(v, str) and v.strip().lower() in ("true", "false", "yes", "no", "1", "0"):
            return v.strip().lower() in ("true", "yes", "1")
        self.problem(table, row, column, f"expected true or false, got {v!r}")
        return None

    def ids(self, table: str, row: int, column: str, v: Any) -> list[str]:
        text = self.text(table, row, column, v)
        if text is None:
            return []
        parts = [x.strip() for x in re.split(r"[;,]", text)]
        if any(not x for x in parts):
            self.problem(table, row, column, f"expected ids separated by ';', got {v!r}")
        return [x for x in parts if x]

    def table(self, name: str) -> pd.DataFrame | None:
        frame = self.frames.get(name)
        if frame is None:
            if name in _REQUIRED:
                self.problem(name, None, None, "the table is missing")
            return None
        allowed = set(TABLES[name])
        extra = [c for c in frame.columns if str(c) not in allowed and not (name == "initiatives" and str(c).startswith("criterion:"))]
        if name == "flows" and "kind" in frame.columns:
            return frame  # the wide form: checked where it is read
        if extra:
            self.problem(name, None, None, f"unknown column(s) {', '.join(repr(str(c)) for c in extra)}; "
                                           f"the columns are {', '.join(TABLES[name])} (docs/tables.md)")
        return frame.reset_index(drop=True)

    def records(self, name: str):
        frame = self.table(name)
        if frame is None:
            return
        for r, rec in enumerate(frame.to_dict("records")):
            yield r, {str(k): v for k, v in rec.items()}

    def estimate(self, table: str, r: int, rec: dict, prefix: str) -> dict | None:
        cells = {f: rec.get(f"{prefix}_{f}") for f in _ESTIMATE}
        if all(self.empty(c) for c in cells.values()):
            return None
        out: dict[str, Any] = {}
        d = self.text(table, r, f"{prefix}_distribution", cells["distribution"])
        if d is not None:
            out["distribution"] = d
        for f in ("low", "mode", "high"):
            x = self.number(table, r, f"{prefix}_{f}", cells[f], required=True)
            if x is not None:
                out[f] = x
        return out


def from_frames(frames: dict[str, pd.DataFrame], *, origin: Callable[[str], str] | None = None,
                spreadsheet_rows: bool = False) -> "Portfolio":
    """A model from tables (see :data:`TABLES` and docs/tables.md): ``goals`` and
    ``initiatives`` are required, the rest optional. Flows may come long (``initiative,
    period, capex, opex, benefits``) or wide (``initiative, kind`` and one column per period
    label); ``requires`` as its own table or a list in the initiatives' ``requires`` cell
    (``"I-01; I-04"``). Raises ``ValidationError`` listing every problem, each naming its
    table, row and column."""
    from .portfolio import Portfolio

    rd = _Reader(frames, origin or (lambda t: f"table '{t}'"), spreadsheet_rows)
    unknown = [t for t in frames if t not in TABLES]
    for t in unknown:
        rd.problem(t, None, None, f"unknown table; the tables are {', '.join(TABLES)} (docs/tables.md)")
    doc: dict[str, Any] = {"format_version": 1}
    # model
    model: dict[str, Any] = {}
    for r, rec in rd.records("model"):
        key = rd.text("model", r, "key", rec.get("key"), required=True)
        if key is None:
            continue
        if key not in _MODEL_KEYS:
            rd.problem("model", r, "key", f"unknown key {key!r}; the keys are {', '.join(_MODEL_KEYS)}")
            continue
        v = rec.get("value")
        if key in ("name", "first", "currency"):
            model[key] = rd.text("model", r, "value", v) or ""
        elif key == "periods":
            model[key] = rd.number("model", r, "value", v, required=True, whole=True)
        else:
            model[key] = rd.number("model", r, "value", v, required=True, percent=key == "discount_rate")
        rd.note({"periods": "/horizon/periods", "period_years": "/horizon/period_years", "first": "/horizon/first",
                 "name": "/name"}.get(key, f"/settings/{key}"), "model", r, "value")
    if "model" not in frames:
        rd.problem("model", None, None, "the table is missing (it gives the horizon: periods, period_years, first)")
    if model.get("name"):
        doc["name"] = model["name"]
    periods = model.get("periods")
    doc["horizon"] = {k: model[k] for k in ("periods", "period_years", "first") if model.get(k) not in (None, "")}
    doc["settings"] = {k: model[k] for k in ("discount_rate", "enabler_share", "currency") if model.get(k) not in (None, "")}
    labels = _period_labels(model)
    period_of = {label: t for t, label in enumerate(labels)}

    def period(table: str, r: int, column: str, v: Any) -> int | None:
        if rd.empty(v):
            rd.problem(table, r, column, "a value is required")
            return None
        key = str(int(v)) if isinstance(v, (int, np.integer)) or (isinstance(v, float) and v.is_integer()) else str(v).strip()
        if key in period_of:
            return period_of[key]
        rd.problem(table, r, column, f"unknown period {v!r}; the periods are {labels[0]} to {labels[-1]}" if labels
                   else f"unknown period {v!r}")
        return None

    # goals
    goals: list[dict[str, Any]] = []
    goal_at: dict[str, dict] = {}
    for r, rec in rd.records("goals"):
        g: dict[str, Any] = {"id": rd.text("goals", r, "id", rec.get("id"), required=True),
                             "name": rd.text("goals", r, "name", rec.get("name"), required=True)}
        for f in ("level", "owner"):
            x = rd.text("goals", r, f, rec.get(f))
            if x:
                g[f] = x
        w = rd.number("goals", r, "weight", rec.get("weight"))
        if w is not None:
            g["weight"] = w
        kpi = {"metric": rd.text("goals", r, "kpi_metric", rec.get("kpi_metric")), "unit": rd.text("goals", r, "kpi_unit", rec.get("kpi_unit")),
               "baseline": rd.number("goals", r, "kpi_baseline", rec.get("kpi_baseline")),
               "target": rd.number("goals", r, "kpi_target", rec.get("kpi_target"))}
        if any(v is not None for v in kpi.values()):
            g["kpi"] = {k: v for k, v in kpi.items() if v is not None}
        rd.note(f"/goals/{len(goals)}", "goals", r)
        for f in ("id", "name", "weight", "level", "owner"):
            rd.note(f"/goals/{len(goals)}/{f}", "goals", r, f)
        goals.append(g)
        if g["id"]:
            goal_at[g["id"]] = g
    for r, rec in rd.records("goal_links"):
        parent, child = rd.text("goal_links", r, "parent", rec.get("parent"), required=True), rd.text("goal_links", r, "child", rec.get("child"), required=True)
        w = rd.number("goal_links", r, "weight", rec.get("weight"))
        if child is not None and child not in goal_at:
            rd.problem("goal_links", r, "child", f"unknown goal {child!r}")
            continue
        if parent is None or child is None:
            continue
        link: dict[str, Any] = {"goal": parent}
        if w is not None:
            link["weight"] = w
        g = goal_at[child]
        g.setdefault("parents", []).append(link)
        k = goals.index(g)
        rd.note(f"/goals/{k}/parents/{len(g['parents']) - 1}", "goal_links", r, "parent")
        rd.note(f"/goals/{k}/parents/{len(g['parents']) - 1}/weight", "goal_links", r, "weight")
    for goal, j, rows in _judgments(rd, "judgments", ("goal",)):
        (gid,) = goal
        if gid not in goal_at:
            rd.problem("judgments", rows[0], "goal", f"unknown goal {gid!r}")
            continue
        goal_at[gid]["judgments"] = j
        rd.note(f"/goals/{goals.index(goal_at[gid])}/judgments", "judgments", rows[0])
    doc["goals"] = goals

    # teams and budgets (long form, one row per period)
    doc["teams"] = _per_period(rd, "teams", "capacity", ("name",), period, periods)
    budgets = _per_period(rd, "budgets", "limit", ("department", "kind"), period, periods, limit_key="limits")
    doc["budgets"] = budgets

    # initiatives
    initiatives: list[dict[str, Any]] = []
    at: dict[str, dict] = {}
    for r, rec in rd.records("initiatives"):
        k = len(initiatives)
        i: dict[str, Any] = {"id": rd.text("initiatives", r, "id", rec.get("id"), required=True),
                             "name": rd.text("initiatives", r, "name", rec.get("name"), required=True),
                             "department": rd.text("initiatives", r, "department", rec.get("department"), required=True)}
        for f in ("start", "duration", "earliest_start", "latest_start", "deadline"):
            x = rd.number("initiatives", r, f, rec.get(f), whole=True, required=f == "duration")
            if x is not None:
                i[f] = x
        e = rd.number("initiatives", r, "effort", rec.get("effort"))
        if e is not None:
            i["effort"] = e
        status = rd.text("initiatives", r, "status", rec.get("status"))
        if status:
            i["status"] = status
        for f in ("mandatory", "forced_in", "forced_out"):
            if rd.flag("initiatives", r, f, rec.get(f)):
                i[f] = True
        reqs = rd.ids("initiatives", r, "requires", rec.get("requires"))
        if reqs:
            i["requires"] = list(reqs)
        unc: dict[str, Any] = {}
        for v in ("cost", "benefit", "delay"):
            est = rd.estimate("initiatives", r, rec, v)
            if est is not None:
                unc[v] = est
        sp = rd.number("initiatives", r, "success_probability", rec.get("success_probability"))
        if sp is not None:
            unc["success_probability"] = sp
        if unc:
            i["uncertainty"] = unc
        compact = {f: rd.number("initiatives", r, f, rec.get(f)) for f in _COMPACT}
        if any(v is not None for v in compact.values()):
            i["compact"] = {f: v for f, v in compact.items() if v is not None}
        crit = {}
        for col, v in rec.items():
            if col.startswith("criterion:"):
                x = rd.number("initiatives", r, col, v)
                if x is not None:
                    crit[col.split(":", 1)[1]] = x
        if crit:
            i["criteria"] = crit
        if "compact" not in i:
            i["costs"] = {}  # no flows given: none (the flows table adds them)
        rd.note(f"/initiatives/{k}", "initiatives", r)
        for col in TABLES["initiatives"]:
            rd.note(f"/initiatives/{k}/{col}", "initiatives", r, col)
        for v in ("cost", "benefit", "delay"):
            for f in _ESTIMATE:
                rd.note(f"/initiatives/{k}/uncertainty/{v}/{f}", "initiatives", r, f"{v}_{f}")
            rd.note(f"/initiatives/{k}/uncertainty/{v}", "initiatives", r, f"{v}_distribution")
        rd.note(f"/initiatives/{k}/uncertainty/success_probability", "initiatives", r, "success_probability")
        for f in _COMPACT:
            rd.note(f"/initiatives/{k}/compact/{f}", "initiatives", r, f)
        initiatives.append(i)
        if i["id"]:
            at[i["id"]] = i
    index_of = {id: k for k, id in enumerate(i["id"] for i in initiatives)}

    def initiative(table: str, r: int, column: str, v: Any) -> dict | None:
        id = rd.text(table, r, column, v, required=True)
        if id is None:
            return None
        if id not in at:
            rd.problem(table, r, column, f"unknown initiative {id!r}")
            return None
        return at[id]

    _read_flows(rd, at, index_of, period, periods, labels)
    for r, rec in rd.records("contributions"):
        i = initiative("contributions", r, "initiative", rec.get("initiative"))
        goal = rd.text("contributions", r, "goal", rec.get("goal"), required=True)
        s = rec.get("strength")
        strength = s.strip() if isinstance(s, str) and s.strip() in ("none", "weak", "medium", "strong") else \
            rd.number("contributions", r, "strength", s, required=True)
        if i is not None and goal is not None and strength is not None:
            i.setdefault("contributes", {})[goal] = strength
            rd.note(f"/initiatives/{index_of[i['id']]}/contributes/{_escape(goal)}", "contributions", r, "goal")
    for r, rec in rd.records("requires"):
        i = initiative("requires", r, "dependant", rec.get("dependant"))
        pre = rd.text("requires", r, "prerequisite", rec.get("prerequisite"), required=True)
        lag = rd.number("requires", r, "lag", rec.get("lag"), whole=True)
        if i is not None and pre is not None:
            i.setdefault("requires", []).append({"id": pre, "lag": lag} if lag else pre)
            rd.note(f"/initiatives/{index_of[i['id']]}/requires/{len(i['requires']) - 1}", "requires", r, "prerequisite")
    demand: dict[tuple[str, str], dict[int, float]] = {}
    for r, rec in rd.records("demand"):
        i = initiative("demand", r, "initiative", rec.get("initiative"))
        team = rd.text("demand", r, "team", rec.get("team"), required=True)
        off = rd.number("demand", r, "offset", rec.get("offset"), required=True, whole=True)
        amount = rd.number("demand", r, "amount", rec.get("amount"), required=True)
        if None in (i, team, off, amount):
            continue
        if off < 0 or off >= i.get("duration", 0):
            rd.problem("demand", r, "offset", f"offset {off} is outside {i['id']}'s {i.get('duration')} running periods (0 to {i.get('duration', 1) - 1})")
            continue
        demand.setdefault((i["id"], team), {})[off] = amount
        rd.note(f"/initiatives/{index_of[i['id']]}/demand/{_escape(team)}", "demand", r, "team")
    for (id, team), amounts in demand.items():
        at[id].setdefault("demand", {})[team] = [amounts.get(k, 0.0) for k in range(at[id]["duration"])]
    doc["initiatives"] = initiatives

    groups: dict[str, list[str]] = {}
    for r, rec in rd.records("excludes"):
        g = rd.text("excludes", r, "group", rec.get("group"), required=True)
        m = rd.text("excludes", r, "initiative", rec.get("initiative"), required=True)
        if g is not None and m is not None:
            groups.setdefault(g, []).append(m)
            rd.note(f"/excludes/{list(groups).index(g)}", "excludes", r, "group")
    doc["excludes"] = [{"id": g, "members": m} for g, m in groups.items()]

    scenarios: list[dict[str, Any]] = []
    by_id: dict[str, dict] = {}
    for r, rec in rd.records("scenarios"):
        s: dict[str, Any] = {"id": rd.text("scenarios", r, "id", rec.get("id"), required=True)}
        name = rd.text("scenarios", r, "name", rec.get("name"))
        if name:
            s["name"] = name
        for f in ("discount_rate", "budget_factor", "cost_overrun", "enabler_share"):
            x = rd.number("scenarios", r, f, rec.get(f), percent=f == "discount_rate")
            if x is not None:
                s[f] = x
        for f in ("forced_in", "forced_out"):
            ids = rd.ids("scenarios", r, f, rec.get(f))
            if ids:
                s[f] = ids
        for f in ("id", "discount_rate", "budget_factor", "cost_overrun", "enabler_share", "forced_in", "forced_out"):
            rd.note(f"/scenarios/{len(scenarios)}/{f}", "scenarios", r, f)
        rd.note(f"/scenarios/{len(scenarios)}", "scenarios", r)
        scenarios.append(s)
        if s["id"]:
            by_id[s["id"]] = s
    for r, rec in rd.records("scenario_weights"):
        sid = rd.text("scenario_weights", r, "scenario", rec.get("scenario"), required=True)
        kind = rd.text("scenario_weights", r, "kind", rec.get("kind"), required=True)
        id = rd.text("scenario_weights", r, "id", rec.get("id"), required=True)
        w = rd.number("scenario_weights", r, "weight", rec.get("weight"), required=True)
        if sid is not None and sid not in by_id:
            rd.problem("scenario_weights", r, "scenario", f"unknown scenario {sid!r}")
        elif kind is not None and kind not in ("goal", "criterion"):
            rd.problem("scenario_weights", r, "kind", f"expected goal or criterion, got {kind!r}")
        elif None not in (sid, kind, id, w):
            by_id[sid].setdefault(f"{kind}_weights", {})[id] = w
            rd.note(f"/scenarios/{scenarios.index(by_id[sid])}/{kind}_weights/{_escape(id)}", "scenario_weights", r, "id")
    for (sid, goal), j, rows in _judgments(rd, "scenario_judgments", ("scenario", "goal")):
        if sid not in by_id:
            rd.problem("scenario_judgments", rows[0], "scenario", f"unknown scenario {sid!r}")
            continue
        by_id[sid].setdefault("judgments", {})[goal] = j
        rd.note(f"/scenarios/{scenarios.index(by_id[sid])}/judgments/{_escape(goal)}", "scenario_judgments", rows[0], "goal")
    doc["scenarios"] = scenarios

    correlations = []
    for r, rec in rd.records("correlations"):
        c: dict[str, Any] = {"initiatives": rd.ids("correlations", r, "initiatives", rec.get("initiatives")),
                             "coefficient": rd.number("correlations", r, "coefficient", rec.get("coefficient"), required=True)}
        on = rd.text("correlations", r, "on", rec.get("on"))
        if on:
            c["on"] = on
        rd.note(f"/correlations/{len(correlations)}", "correlations", r)
        rd.note(f"/correlations/{len(correlations)}/coefficient", "correlations", r, "coefficient")
        rd.note(f"/correlations/{len(correlations)}/initiatives", "correlations", r, "initiatives")
        correlations.append(c)
    doc["correlations"] = correlations
    events = []
    for r, rec in rd.records("risk_events"):
        e: dict[str, Any] = {"id": rd.text("risk_events", r, "id", rec.get("id"), required=True),
                             "probability": rd.number("risk_events", r, "probability", rec.get("probability"), required=True),
                             "initiatives": rd.ids("risk_events", r, "initiatives", rec.get("initiatives"))}
        name = rd.text("risk_events", r, "name", rec.get("name"))
        if name:
            e["name"] = name
        for v in ("cost", "delay"):
            est = rd.estimate("risk_events", r, rec, v)
            if est is not None:
                e[v] = est
        rd.note(f"/risk_events/{len(events)}", "risk_events", r)
        for f in ("id", "probability", "initiatives"):
            rd.note(f"/risk_events/{len(events)}/{f}", "risk_events", r, f)
        events.append(e)
    doc["risk_events"] = events

    if rd.problems:
        raise _core.ValidationError(_report(rd.problems))
    try:
        return Portfolio.from_json(json.dumps(doc), "<tables>")
    except _core.ValidationError as e:
        problems = getattr(e, "problems", None) or [("", str(e))]
        raise _core.ValidationError(_report(_located(problems, rd.where))) from None


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _report(problems: list[str]) -> str:
    head = "the tables do not make a valid model" if len(problems) > 1 else "the tables do not make a valid model:"
    return head + ("\n  " + "\n  ".join(problems) if len(problems) > 1 else " " + problems[0])


def _located(problems: list[tuple[str, str]], where: dict[str, str]) -> list[str]:
    """The reader's problems with each JSON pointer replaced by the table, row and column it
    came from (the nearest noted pointer at or above it)."""
    out = []
    for pointer, text in problems:
        probe = pointer
        while probe and probe not in where:
            probe = probe.rsplit("/", 1)[0]
        out.append(f"{where[probe]}: {text}" if probe else f"{pointer or 'the model'}: {text}")
    return out


def _period_labels(model: dict) -> list[str]:
    """The period labels the model will have (the reader's rule, through a model of no content)."""
    periods = model.get("periods")
    if not isinstance(periods, int) or periods < 1:
        return []
    horizon = {"periods": periods, "period_years": model.get("period_years") or 1.0}
    if model.get("first"):
        horizon["first"] = model["first"]
    try:
        p = _core.model_from_json(json.dumps({"horizon": horizon, "goals": [], "initiatives": []}), "<tables>")
    except _core.ValidationError:
        return [str(t) for t in range(periods)]
    return list(p.horizon.labels())


def _per_period(rd: _Reader, table: str, value: str, fields: tuple[str, ...], period: Callable, periods: int | None,
                limit_key: str | None = None) -> list[dict]:
    out: dict[str, dict] = {}
    for r, rec in rd.records(table):
        id = rd.text(table, r, "id", rec.get("id"), required=True)
        t = period(table, r, "period", rec.get("period"))
        x = rd.number(table, r, value, rec.get(value), required=True)
        if id is None:
            continue
        item = out.setdefault(id, {"id": id, "_values": {}, "_row": r})
        for f in fields:
            v = rd.text(table, r, f, rec.get(f))
            if v and v != item.get(f, v):
                rd.problem(table, r, f, f"{id!r} has {f} {item[f]!r} in an earlier row")
            elif v and not (f == "kind" and v == "all" and False):
                item[f] = v
        if t is not None and x is not None:
            if t in item["_values"]:
                rd.problem(table, r, "period", f"{id!r} has this period twice")
            item["_values"][t] = x
    result = []
    for k, item in enumerate(out.values()):
        values = item.pop("_values")
        r = item.pop("_row")
        n = periods or (max(values) + 1 if values else 0)
        item[limit_key or value] = [values.get(t, 0.0) for t in range(n)]
        rd.note(f"/{table}/{k}", table, r)
        rd.note(f"/{table}/{k}/{limit_key or value}", table, r, value)
        result.append(item)
    return result


def _read_flows(rd: _Reader, at: dict[str, dict], index_of: dict[str, int], period: Callable, periods: int | None,
                labels: list[str]) -> None:
    frame = rd.frames.get("flows")
    if frame is None:
        return
    n = periods or 0
    flows: dict[str, dict[str, list[float]]] = {}

    def periods_of(label: str) -> list[int]:
        """A period label, or a year that several periods' labels start with ("2027" in a
        quarterly model: 2027Q1 to 2027Q4), whose amount is spread evenly over them."""
        if label in labels:
            return [labels.index(label)]
        return [t for t, x in enumerate(labels) if x.startswith(label) and len(x) > len(label) and not x[len(label)].isdigit()]

    def put(r: int, column: str, id: Any, kind: str, where: list[int] | None, v: Any) -> None:
        x = rd.number("flows", r, column, v)
        if x is None or not where:
            return
        i = at.get(id)
        if i is None:
            rd.problem("flows", r, "initiative", f"unknown initiative {id!r}")
            return
        if "compact" in i:
            rd.problem("flows", r, column, f"{id} is given in the compact form (initiatives' total_cost ...); give flows or the compact form, not both")
            return
        series = flows.setdefault(id, {k: [0.0] * n for k in _FLOW_KINDS})[kind]
        for t in where:
            series[t] += x / len(where)
        rd.note(f"/initiatives/{index_of[id]}/{'benefits' if kind == 'benefits' else 'costs/' + kind}", "flows", r, column)

    if "kind" in frame.columns:  # wide: initiative, kind, one column per period label
        period_columns = [c for c in frame.columns if c not in ("initiative", "kind")]
        for c in period_columns:
            if not periods_of(str(c)):
                rd.problem("flows", None, str(c), f"unknown column: expected initiative, kind and the period labels "
                                                  f"({labels[0]} to {labels[-1]})" if labels else "unknown column")
        for r, rec in enumerate(frame.reset_index(drop=True).to_dict("records")):
            id = rd.text("flows", r, "initiative", rec.get("initiative"), required=True)
            kind = rd.text("flows", r, "kind", rec.get("kind"), required=True)
            if kind is not None and kind not in _FLOW_KINDS:
                rd.problem("flows", r, "kind", f"expected capex, opex or benefits, got {kind!r}")
                continue
            for c in period_columns:
                if periods_of(str(c)) and not rd.empty(rec.get(c)):
                    put(r, str(c), id, kind, periods_of(str(c)), rec.get(c))
    else:
        for r, rec in rd.records("flows"):
            id = rd.text("flows", r, "initiative", rec.get("initiative"), required=True)
            label = rec.get("period")
            key = str(int(label)) if isinstance(label, (int, np.integer)) or (isinstance(label, float) and label.is_integer()) else \
                ("" if rd.empty(label) else str(label).strip())
            where = periods_of(key) if key else []
            if not where:
                period("flows", r, "period", label)  # says what is wrong with it
            for kind in _FLOW_KINDS:
                if not rd.empty(rec.get(kind)):
                    put(r, kind, id, kind, where, rec.get(kind))
    for id, series in flows.items():
        i = at[id]
        i.pop("costs", None)
        if any(series["capex"]) or any(series["opex"]):
            i["costs"] = {k: series[k] for k in ("capex", "opex") if any(series[k])}
        if any(series["benefits"]):
            i["benefits"] = series["benefits"]


def _judgments(rd: _Reader, table: str, key_columns: tuple[str, ...]):
    """Judgment matrices in long form (key, row, column, value; an empty value: a missing
    judgment), one per key, children in the order they first appear as rows."""
    cells: dict[tuple, dict] = {}
    for r, rec in rd.records(table):
        key = tuple(rd.text(table, r, k, rec.get(k), required=True) for k in key_columns)
        a = rd.text(table, r, "row", rec.get("row"), required=True)
        b = rd.text(table, r, "column", rec.get("column"), required=True)
        v = rd.number(table, r, "value", rec.get("value"))
        if None in key or a is None or b is None:
            continue
        entry = cells.setdefault(key, {"children": [], "values": {}, "rows": []})
        if a not in entry["children"]:
            entry["children"].append(a)
        entry["values"][(a, b)] = v
        entry["rows"].append(r)
    for key, entry in cells.items():
        children = entry["children"]
        for (a, b) in entry["values"]:
            if b not in children:
                rd.problem(table, entry["rows"][0], "column", f"{b!r} is a column but never a row of this matrix")
        matrix = [[entry["values"].get((a, b)) for b in children] for a in children]
        yield key, {"children": children, "matrix": matrix}, entry["rows"]


# ---- files ------------------------------------------------------------------------------
def write_tables(p: "Portfolio", path: str | os.PathLike[str]) -> Path:
    """Writes the model's tables by ``path``'s form: a ``.xlsx`` workbook (one sheet per
    table; needs openpyxl), a ``.zip`` of CSV files, or else a folder of CSV files (made if
    missing). Files are replaced atomically. Returns the path."""
    path = Path(path)
    frames = to_frames(p)
    if path.suffix.lower() == ".xlsx":
        _need_openpyxl()
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            for name, frame in frames.items():
                _exact_for_excel(frame).to_excel(writer, sheet_name=name, index=False)
        _atomic_write(path, buffer.getvalue())
    elif path.suffix.lower() == ".zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for name, frame in frames.items():
                z.writestr(f"{name}.csv", _csv(frame))
        _atomic_write(path, buffer.getvalue())
    else:
        path.mkdir(parents=True, exist_ok=True)
        for name, frame in frames.items():
            _atomic_write(path / f"{name}.csv", _csv(frame).encode())
    return path


def _csv(frame: pd.DataFrame) -> str:
    # Floats in their shortest exact form (repr), so that reading them back gives the same bits.
    out = frame.copy()
    for c in out.columns:
        if out[c].dtype == object or out[c].dtype.kind == "f":
            out[c] = [("" if v is None or (isinstance(v, float) and math.isnan(v)) else repr(v) if isinstance(v, float) else v)
                      for v in out[c]]
    return out.to_csv(index=False, lineterminator="\n")


def _exact_for_excel(frame: pd.DataFrame) -> pd.DataFrame:
    """openpyxl writes numbers with 16 significant digits; the few that need 17 to read back
    the same (700000 / 3) are written as text in their exact form instead (read back exactly)."""
    def exact(v: Any) -> Any:
        if isinstance(v, float) and math.isfinite(v) and float("%.16g" % v) != v:
            return repr(v)
        return v

    out = frame.copy()
    for c in out.columns:
        if out[c].dtype.kind == "f" or out[c].dtype == object:
            out[c] = out[c].astype(object).map(exact)
    return out


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _need_openpyxl() -> None:
    try:
        import openpyxl  # noqa: F401
    except ImportError as e:
        raise ImportError("Excel workbooks need openpyxl: pip install 'aligngraph[excel]'") from e


def read_tables(path: str | os.PathLike[str]) -> "Portfolio":
    """A model from tables in a ``.xlsx`` workbook (a sheet per table), a ``.zip`` of CSV
    files, or a folder of CSV files (``goals.csv``, ``initiatives.csv``, ...). Cells are
    read as text and converted by each column's rule, so nothing is coerced silently.
    Errors name the file or sheet, the row as a spreadsheet numbers it and the column."""
    path = Path(path)
    if not path.exists():
        raise _core.ValidationError(f"{path}: no such file or folder")
    if path.suffix.lower() == ".xlsx":
        _need_openpyxl()
        sheets = pd.read_excel(path, sheet_name=None, dtype=object, keep_default_na=False, na_values=[], engine="openpyxl")
        return from_frames({name: _strip_empty(f) for name, f in sheets.items()},
                           origin=lambda t: f"{path.name}, sheet '{t}'", spreadsheet_rows=True)
    if path.suffix.lower() == ".zip":
        frames = {}
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith("/"):
                    continue
                if not name.lower().endswith(".csv"):
                    raise _core.ValidationError(f"{path}: {name}: expected only .csv files in the zip")
                frames[Path(name).stem] = _read_csv(z.read(name), f"{path.name}/{name}")
        return from_frames(frames, origin=lambda t: f"{path.name}/{t}.csv", spreadsheet_rows=True)
    if path.is_dir():
        files = sorted(path.glob("*.csv"))
        if not files:
            raise _core.ValidationError(f"{path}: no .csv files in the folder")
        frames = {f.stem: _read_csv(f.read_bytes(), str(f)) for f in files}
        return from_frames(frames, origin=lambda t: f"{path / (t + '.csv')}", spreadsheet_rows=True)
    raise _core.ValidationError(f"{path}: expected a folder of CSV files, a .zip of them or an .xlsx workbook")


def _read_csv(data: bytes, where: str) -> pd.DataFrame:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise _core.ValidationError(f"{where}: not UTF-8 text (byte {e.start})") from None
    if not text.strip():
        raise _core.ValidationError(f"{where}: the file is empty (it needs at least its header row)")
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[])
    except (pd.errors.ParserError, ValueError) as e:
        raise _core.ValidationError(f"{where}: {e}") from None


def _strip_empty(frame: pd.DataFrame) -> pd.DataFrame:
    """A sheet without the empty rows and unnamed empty columns Excel leaves around data."""
    frame = frame.loc[:, [c for c in frame.columns if not (str(c).startswith("Unnamed:") and (frame[c] == "").all())]]
    keep = ~(frame.map(lambda v: v == "" or v is None).all(axis=1)) if len(frame.columns) else frame.index == frame.index
    return frame[keep]


# ---- the command line's import and export ----------------------------------------------
def main(argv: list[str] | None = None) -> int:
    """``aligngraph import PATH -o model.json`` and ``aligngraph export FILE -o PATH`` (the
    command-line tool runs this module for them: reading Excel takes pandas and openpyxl).
    Exit codes as the tool's: 0 done, 1 the input is at fault, 2 usage."""
    import argparse
    import sys

    from .portfolio import Portfolio

    parser = argparse.ArgumentParser(prog="aligngraph", description="Tables in and out (docs/tables.md)")
    commands = parser.add_subparsers(dest="command", required=True)
    imp = commands.add_parser("import", help="A model file from tables: an .xlsx workbook, a .zip of CSV files or a folder of them")
    imp.add_argument("path")
    imp.add_argument("-o", "--output", required=True, help="The model file to write (JSON, replaced atomically), or - for standard output")
    exp = commands.add_parser("export", help="A model file's tables, by the output's form: .xlsx, .zip, or else a folder of CSV files")
    exp.add_argument("file", help="The model file (JSON), or - to read it from standard input")
    exp.add_argument("-o", "--output", required=True, help="The workbook, zip or folder to write")
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return 0 if e.code == 0 else 2
    try:
        if args.command == "import":
            p = read_tables(args.path)
            if args.output == "-":
                sys.stdout.write(p.to_json() + "\n")
            else:
                p.save(args.output)
                print(f"{args.output}: {len(p.goal_ids)} goals, {len(p.initiative_ids)} initiatives from {args.path}")
        else:
            p = Portfolio.from_json(sys.stdin.read(), "<stdin>") if args.file == "-" else Portfolio.load(args.file)
            out = write_tables(p, args.output)
            print(f"{out}: the tables of {args.file}")
    except _core.Error as e:
        print(f"aligngraph: {e}", file=sys.stderr)
        return 1
    except ImportError as e:
        print(f"aligngraph: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"aligngraph: {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
