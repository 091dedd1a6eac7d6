#!/usr/bin/env python3
"""Differential check of the library reference evaluator against `triage test`.

Usage: python3 scripts/tests/differential_obligations.py TRIAGE [SEED] [COUNT] [DROP]

Writes COUNT (default 300) random library scenarios over the repository's facts vocabulary
(each fact left out with probability DROP, default 0.25; residents over the library's
jurisdictions, sometimes with `?` counts; `sent:` times for some required duties), each
expecting exactly what the reference evaluator of scripts/validate-runbooks gives (every listed
duty's state and every required duty's due time, and up to 40 absent duties), into a copy of
Runbooks/ in a temporary folder, and runs `TRIAGE test` there. Exit 0 when triage agrees on
every scenario; its failures are printed otherwise. Not part of --self-test (it needs a built
triage).
"""

import datetime as dt
import importlib.machinery
import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
_LOADER = importlib.machinery.SourceFileLoader("validate_runbooks_differential", os.path.join(HERE, "..", "validate-runbooks"))
vr = importlib.util.module_from_spec(importlib.util.spec_from_loader(_LOADER.name, _LOADER))
_LOADER.exec_module(vr)


def stamp(value):
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if isinstance(value, dt.datetime) else value


def scenarios(lib, calendars, rnd, count, drop):
    """(name, scenario) pairs with random facts and the reference evaluator's expectations."""
    codes = sorted({f["jurisdiction"] for f in lib.files if f["jurisdiction"] != "ANY"} | {"DE", "FR", "IE", "GB", "US-ZZ", "CA-ON", "JP", "NL-NH"})

    def when():
        return dt.datetime(rnd.choice([2019, 2021, 2022, 2023, 2024, 2025, 2026]), rnd.randint(1, 12), rnd.randint(1, 28), rnd.randint(0, 23), rnd.choice([0, 30]), tzinfo=dt.timezone.utc)

    for i in range(count):
        facts = {}
        for name, fact in lib.facts.items():
            if rnd.random() < drop:
                continue
            kind, ids = fact["type"], vr.choice_ids(fact)
            if kind == "choice":
                facts[name] = rnd.choice(ids)
            elif kind == "multi":
                facts[name] = rnd.sample(ids, rnd.randint(0, min(4, len(ids))))
            elif kind == "yesno":
                facts[name] = rnd.choice([True, False])
            elif kind == "number":
                facts[name] = rnd.choice([0, 1, 4, 24, 48, 72, 100])
            elif kind == "datetime":
                facts[name] = when()
            elif kind == "residents":
                counts = [0, 1, 100, 250, 500, 501, 1000, 5000, 10001] + (["?"] if rnd.random() < 0.15 else [])
                facts[name] = [f"{c}: {rnd.choice(counts)}" for c in rnd.sample(codes, rnd.randint(1, 4))]
            elif kind == "list":
                facts[name] = rnd.sample(["US", "DE", "GB", "US-NY", "FR", "AU"], rnd.randint(0, 2))
            else:
                facts[name] = "x"
        aware = facts.get("aware_at")
        recorded = (aware or when()) + dt.timedelta(hours=rnd.randint(1, 100))
        if aware:
            for name, fact in lib.facts.items():
                if fact["type"] == "datetime" and name != "aware_at" and name in facts and rnd.random() < 0.7:
                    facts[name] = aware + dt.timedelta(hours=rnd.randint(0, 200))
        facts = {k: stamp(v) for k, v in facts.items()}
        out = vr.library_outcomes(lib, vr.typed_facts("differential", lib, facts), recorded, calendars)
        sent = {d: recorded + dt.timedelta(hours=rnd.randint(0, 300)) for d, o in out.items() if o[3] == "required" and rnd.random() < 0.3}
        expect = {"notifications": [], "not-required": [], "undetermined": [], "due": {}}
        for did, (file, duty, values, state) in out.items():
            if state == "required":
                expect["notifications"].append(did)
                due = vr.item_due(duty, values, recorded, sent, vr.file_holidays(file, calendars))
                if due is not None:
                    expect["due"][did] = due if isinstance(due, str) else vr.time_text(due)
            else:
                expect[state[0]].append(did)
        absent = [d for d in lib.duties if d not in out or out[d][3] != "required"]
        expect["notifications-absent"] = rnd.sample(absent, min(40, len(absent)))
        scenario = {"scenario": f"differential-{i}", "obligations": "library", "recorded": stamp(recorded), "facts": facts, "expect": {k: v for k, v in expect.items() if v}}
        if sent:
            scenario["sent"] = {k: stamp(v) for k, v in sent.items()}
        yield f"differential-{i}", scenario


def main(argv):
    if not argv:
        print(__doc__.strip())
        return 2
    triage = os.path.abspath(argv[0])
    seed, count, drop = int(argv[1]) if len(argv) > 1 else 1, int(argv[2]) if len(argv) > 2 else 300, float(argv[3]) if len(argv) > 3 else 0.25
    root = vr.ROOT
    schemas = {k: json.load(open(os.path.join(root, "Schemas", f"{k}.schema.json"), encoding="utf-8")) for k in ("facts", "obligations")}
    calendars = {}
    for path in vr.yaml_files(os.path.join(root, "Runbooks", "calendars")):
        data = vr.load(path)
        calendars[data["calendar"]] = set(map(str, vr._plain(data["dates"])))
    lib = vr.load_library(os.path.join(root, "Runbooks", "obligations"), schemas, calendars)
    with tempfile.TemporaryDirectory() as tmp:
        runbooks = os.path.join(tmp, "Runbooks")
        shutil.copytree(os.path.join(root, "Runbooks"), runbooks, ignore=shutil.ignore_patterns("tests"))
        folder = os.path.join(runbooks, "tests", "obligations", "differential")
        os.makedirs(folder)
        for name, scenario in scenarios(lib, calendars, random.Random(seed), count, drop):
            with open(os.path.join(folder, f"{name}.yaml"), "w", encoding="utf-8") as f:
                yaml.safe_dump(scenario, f, sort_keys=False, default_flow_style=None, width=1000)
        run = subprocess.run([triage, "test", "Runbooks"], cwd=tmp, capture_output=True, text=True)
        lines = (run.stdout + run.stderr).splitlines()
        print("\n".join(line for line in lines if not line.startswith("PASS")))
        return 0 if run.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
