#!/usr/bin/env python3
"""Writes a runbook-shaped YAML file of about SIZE megabytes (default 20) to PATH.

Sections with questions, choices as flow lists, `when:` conditions as flow mappings and block
mappings, literal and folded block scalars, quoted strings, comments. Deterministic (seeded),
valid for both libyaml and the YAMLLite subset (unique keys, no anchors or tags)."""
import random
import sys

path = sys.argv[1]
target = float(sys.argv[2] if len(sys.argv) > 2 else 20) * 1024 * 1024
rng = random.Random(2026)
WORDS = ("vendor breach token rotate credential customer notify legal scope evidence "
         "timeline access revoke audit log incident severity owner contact data export "
         "système données clé").split()


def words(n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


out = ["# Generated runbook benchmark input\n", "---\n", "id: vendor-incident\n",
       "title: \"Third-party incident: \\\"Acme\\\" \\u2014 response\"\n", "version: 2026-04-01\n",
       "sections:\n"]
size = sum(len(s.encode()) for s in out)
section = 0
while size < target:
    section += 1
    chunk = [f"  - id: section-{section}\n",
             f"    title: {words(4)}\n",
             "    intro: |\n"]
    chunk += [f"      {words(rng.randint(4, 12))}\n" for _ in range(rng.randint(2, 5))]
    chunk.append("    questions:\n")
    for q in range(rng.randint(4, 9)):
        qid = f"s{section}-q{q}"
        chunk += [f"      - id: {qid}  # question {q}\n",
                  "        ask: >-\n"]
        chunk += [f"          {words(rng.randint(5, 10))}\n" for _ in range(rng.randint(1, 3))]
        kind = rng.randint(0, 3)
        if kind == 0:
            chunk.append(f"        choices: [{', '.join(words(rng.randint(1, 2)) for _ in range(rng.randint(2, 6)))}]\n")
        elif kind == 1:
            chunk.append("        choices:\n")
            chunk += [f"          - '{words(rng.randint(1, 3))}'\n" for _ in range(rng.randint(2, 4))]
        elif kind == 2:
            chunk.append(f"        type: text\n        default: \"{words(3)}\"\n")
        else:
            chunk.append("        type: yes-no\n        default: no\n")
        if q > 0 and rng.random() < 0.6:
            if rng.random() < 0.5:
                chunk.append(f"        when: {{question: s{section}-q{q - 1}, equals: {rng.choice(WORDS)}}}\n")
            else:
                chunk += ["        when:\n",
                          f"          question: s{section}-q{q - 1}\n",
                          f"          in: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]\n"]
        if rng.random() < 0.3:
            chunk += ["        notes: |-\n",
                      f"          {words(6)}\n",
                      "\n",
                      f"            - {words(3)}\n"]
    text = "".join(chunk)
    out.append(text)
    size += len(text.encode())

with open(path, "w", encoding="utf-8") as f:
    f.write("".join(out))
print(f"{path}: {size} bytes, {section} sections")
