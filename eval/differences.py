#!/usr/bin/env python3
"""Peer cases where postchart's rules deliberately differ from the peer's expectation.

Each rule is a stated policy of postchart's, applied mechanically to a cases file; no case is
picked by hand. `python3 eval/differences.py CASES.jsonl` prints `id<TAB>rule` for every case a
rule covers; `--filter` instead prints the cases no rule covers (to score "without the listed
differences" with shared/tools/score.py).
"""
import json
import re
import sys

RULES = {
    "points": "个百分点 and 个基点 are reported as their own units, not %: a change of 2 points is not 2%.",
    "date": "Dates and times are not figures (2021年3月, 5/17/2018, 14:19): a year is a label, not a value.",
    "ordinal": "Ordinals and ranks (第三, 第2天) are not figures.",
    "hedge": "Hedges keep the stated value with a qualifier (五百多 = 500 with 多; 超过80 = 80 with 超过); peers make open ranges.",
    "kilo-unit": "A scale word before a unit stays a scale (三千比特 = 3000 比特); peers fold it into a prefixed unit (3 kilobit).",
}

HEDGES = ("多", "余", "几", "幾", "以上", "以下", "超过", "过", "至少", "最多", "最少", "不足", "左右",
          "more", "less", "over", "under", "at least", "at most", "起碼", "或者更多", "或者以上", "之下", "低", "大", "小")

def rules_for(case):
    text = case["input"]
    found = []
    for e in case["expected"]:
        t = e.get("text") or ""
        if re.search(r"百\s*分\s*[点點]|基点|percentage point|basis point", t):
            found.append("points")
        start = e.get("start")
        after = text[e["end"]:e["end"] + 1] if isinstance(e.get("end"), int) else ""
        before = text[max(0, start - 1):start] if isinstance(start, int) else ""
        if after in ("年", "月", "日", "号", "號", "点", "點", "时", "時") and e.get("unit") is None:
            found.append("date")
        if re.fullmatch(r"\d{1,4}", t.strip()) and re.search(r"\d+\s*/\s*\d+\s*/\s*\d+", text):
            found.append("date")
        if before == "第" or t.startswith("第"):
            found.append("ordinal")
        value = e.get("value")
        if isinstance(value, list) and None in value and any(h in t for h in HEDGES):
            found.append("hedge")
        if re.search(r"[千兆][比字]", t):
            found.append("kilo-unit")
    if case.get("kind") == "ordinal":
        found.append("ordinal")
    return sorted(set(found))

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        sys.exit(__doc__)
    cases = [json.loads(l) for l in open(args[0], encoding="utf-8") if l.strip()]
    for case in cases:
        rules = rules_for(case)
        if "--filter" in sys.argv:
            if not rules:
                print(json.dumps(case, ensure_ascii=False))
        elif rules:
            print(f"{case['id']}\t{','.join(rules)}")

if __name__ == "__main__":
    main()
