#!/usr/bin/env python3
"""quantulum3 (PyPI: an English quantity extractor) on the paragraphs postchart reads, in
postchart's JSON, so that shared/tools/score.py scores both the same way.

    python eval/quantulum.py PARAGRAPHS.jsonl > pred.jsonl

PARAGRAPHS: {"file", "paragraphs": [...]} per post (from `postchart paragraphs`). Prints the
time spent parsing (not reading or writing) on stderr as `q_seconds=S bytes=B`."""
import json, sys, time, warnings

warnings.filterwarnings("ignore")
from quantulum3 import parser  # noqa: E402

# Units as an English post writes them, for the units score.py compares.
UNITS = {
    "percentage": "%",
    "dollar": "$",
    "united states dollar": "$",
    "pound sterling": "£",
    "euro": "€",
    "dimensionless": None,
    "mile": "miles",
    "percentage point": "percentage points",
}

spent = 0.0
size = 0
for line in open(sys.argv[1], encoding="utf-8"):
    post = json.loads(line)
    facts = []
    for text in post["paragraphs"]:
        size += len(text.encode("utf-8"))
        start = time.perf_counter()
        try:
            found = parser.parse(text)
        except Exception:  # a parser error on one paragraph is no result for it
            found = []
        spent += time.perf_counter() - start
        for q in found:
            name = q.unit.name.lower() if q.unit is not None else "dimensionless"
            facts.append({
                "value": q.value,
                "scale": 1,
                "unit": UNITS.get(name, name),
                "label": "",
                "qualifier": None,
                "sign": 1,
                "text": q.surface,
            })
    print(json.dumps({"file": post["file"], "facts": facts, "charts": []}, ensure_ascii=False))
print(f"q_seconds={spent:.3f} bytes={size}", file=sys.stderr)
