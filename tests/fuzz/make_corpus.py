#!/usr/bin/env python3
"""Writes the seed corpus of the model-reader fuzzers (tests/fuzz/corpus/model/) and the
dictionary of the format's keys (tests/fuzz/model.dict) from the sample portfolio and the
bad-input files of tests/data. Run it again when the model format changes; the files it
writes are committed, so a fuzz run needs nothing but them.
"""
import copy
import json
import pathlib
import re

root = pathlib.Path(__file__).resolve().parents[2]
out = root / "tests/fuzz/corpus/model"
sample = json.loads((root / "examples/sample-portfolio.json").read_text())


def write(name, model, indent=None):
    text = model if isinstance(model, str) else json.dumps(model, indent=indent, separators=None if indent else (",", ":"))
    (out / name).write_text(text)


def subset(ids, **changes):
    """The sample with only these initiatives (and what they refer to)."""
    m = copy.deepcopy(sample)
    m.pop("$schema", None)
    m["initiatives"] = [i for i in m["initiatives"] if i["id"] in ids]
    m["excludes"] = [g for g in m["excludes"] if all(x in ids for x in g["members"])]
    # Correlations and risk events over the initiatives kept (a correlation of two or more).
    for key, least in (("correlations", 2), ("risk_events", 1)):
        kept = []
        for entry in m.get(key, []):
            entry["initiatives"] = [x for x in entry["initiatives"] if x in ids]
            if len(entry["initiatives"]) >= least:
                kept.append(entry)
        m[key] = kept
    # A department's budget needs an initiative of that department (the reader refuses it).
    departments = {i.get("department") for i in m["initiatives"]}
    m["budgets"] = [b for b in m["budgets"] if b.get("department") in departments | {None}]
    m.update(changes)
    return m


out.mkdir(parents=True, exist_ok=True)
for old in out.iterdir():
    old.unlink()
write("sample.json", subset({i["id"] for i in sample["initiatives"]}))
write("explicit-flows.json", subset({"I-01", "I-07"}))
write("compact-and-requires.json", subset({"I-01", "I-02", "I-03", "I-22"}))
write("excludes.json", subset({"I-01", "I-05", "I-06", "I-11", "I-12"}))
write("one-initiative.json", subset({"I-09"}, scenarios=[], budgets=sample["budgets"][:1]))
small = subset({"I-09", "I-10"}, scenarios=[], budgets=[], teams=[])
small["goals"] = [g for g in small["goals"] if g["id"] in {"E1", "E2", "E3"}]
for g in small["goals"]:
    g.pop("judgments", None)
for i in small["initiatives"]:
    i["contributes"] = {"E1": "strong"}
    i.pop("demand", None)
write("minimal.json", small)
monthly = copy.deepcopy(small)
monthly["horizon"] = {"periods": 36, "period_years": 1 / 12, "first": "2027-01"}
write("monthly.json", monthly)
yearly = copy.deepcopy(small)
yearly["horizon"] = {"periods": 5, "period_years": 1, "first": "2027"}
for k, i in enumerate(yearly["initiatives"]):  # one after the other within the five years
    i.update(start=2 * k, duration=2)
    i.pop("deadline", None)
write("yearly.json", yearly)
for bad in sorted((root / "tests/data").glob("*.json")):
    write("bad-" + bad.name, bad.read_text())

# The Python target's seeds (tests/fuzz/fuzz_python.py): atheris takes integers from the
# end of the input, so the last byte picks the entry point (0: model text, 1: model file, 9:
# a model's analyses, the byte before it which one);
# text starts with a byte saying how it is decoded (1: ASCII); the rest is the model.
py_out = root / "tests/fuzz/corpus/python"
py_out.mkdir(parents=True, exist_ok=True)
for old in py_out.iterdir():
    old.unlink()
for seed in sorted(out.iterdir()):
    if seed.stat().st_size <= 8000:
        (py_out / ("text-" + seed.name)).write_bytes(b"\x01" + seed.read_bytes() + b"\x00")
        (py_out / ("file-" + seed.name)).write_bytes(seed.read_bytes() + b"\x01")
        # The analyses that search and sample (entry point 9), each of the four (the byte before).
        if not seed.name.startswith("bad-"):
            for which in range(4):
                (py_out / (f"analyses{which}-" + seed.name)).write_bytes(b"\x01" + seed.read_bytes() + bytes([which, 9]))

# The dictionary: every key and enum-like word in the format, quoted as libFuzzer wants.
words = set(re.findall(r'"([a-z_$][a-z0-9_]*)"\s*:', (root / "examples/sample-portfolio.json").read_text()))
schema = json.loads((root / "schema/aligngraph-model.schema.json").read_text())


def walk(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "properties" and isinstance(v, dict):
                words.update(v)
            if k == "enum":
                words.update(x for x in v if isinstance(x, str))
            walk(v)
    elif isinstance(node, list):
        for v in node:
            walk(v)


walk(schema)
lines = [f'"\\"{w}\\""' for w in sorted(words)] + ['"1e400"', '"-1"', '"2147483647"', '"4294967296"', '"null"', '"true"', '"[]"', '"{}"']
(root / "tests/fuzz/model.dict").write_text("# Keys and words of the model format (written by make_corpus.py).\n" + "\n".join(lines) + "\n")
print(f"{len(list(out.iterdir()))} + {len(list(py_out.iterdir()))} seeds, {len(lines)} dictionary entries")

# The exactness target (fuzz_exact.py) reads numbers from its input, not a format: its seeds
# are random bytes (a fixed seed, 300 to 1500 bytes, so each builds a problem of some size).
import random

exact_out = root / "tests/fuzz/corpus/exact"
exact_out.mkdir(parents=True, exist_ok=True)
rng = random.Random(29)
for k in range(40):
    (exact_out / f"random-{k:02d}").write_bytes(bytes(rng.getrandbits(8) for _ in range(rng.randint(300, 1500))))
print(f"{len(list(exact_out.iterdir()))} seeds of the exactness target")
