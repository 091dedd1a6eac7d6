#!/usr/bin/env python3
"""Differential check: every input triage accepts must load as the same data in PyYAML's libyaml
loader (CBaseLoader: every scalar a string, like ours). PyYAML implements YAML 1.1, so a few
known 1.1/1.2 differences are reported separately rather than as failures.

  scripts/fuzz/differential.py TRIAGE FILE_OR_DIR...
"""
import json
import os
import subprocess
import sys

import yaml

triage, paths = sys.argv[1], sys.argv[2:]
files = []
for p in paths:
    if os.path.isdir(p):
        files += [os.path.join(p, f) for f in sorted(os.listdir(p))]
    else:
        files.append(p)

counts = {"refused": 0, "same": 0, "differs": 0, "pyyaml-refuses": 0}
for f in files:
    run = subprocess.run([triage, "parse", f, "--json"], capture_output=True, timeout=10)
    if run.returncode != 0:
        counts["refused"] += 1
        continue
    ours = json.loads(run.stdout)
    try:
        with open(f, "rb") as fh:
            theirs = yaml.load(fh, Loader=yaml.CBaseLoader)
    except yaml.YAMLError as e:
        counts["pyyaml-refuses"] += 1
        print(f"PYYAML-REFUSES {f}: {str(e).splitlines()[0]}")
        continue
    if theirs is None:
        theirs = ""
    if ours == theirs:
        counts["same"] += 1
    else:
        counts["differs"] += 1
        print(f"DIFFERS {f}: ours {json.dumps(ours)[:120]} pyyaml {json.dumps(theirs)[:120]}")
print("differential:", ", ".join(f"{v} {k}" for k, v in counts.items()))
