#!/usr/bin/env python3
"""A generated post of N bytes that stresses the extractor: lists of figures with few clause
marks, Chinese numerals, shared units, 分别 and 其中 constructions. `adversarial.py N`."""
import random
import sys

size = int(sys.argv[1])
rng = random.Random(7)
words = ["甲企业", "乙公司", "新增", "同比增长", "人次", "万元", "、", "，", "其中", "分别",
         "12", "4948人", "15%", "两千三百", "2021年", "约7100、3150亿元", "（LPR）", "一", "十二届", "三分之二"]
out, n = [], 0
while n < size:
    w = rng.choice(words)
    out.append(w)
    n += len(w.encode())
sys.stdout.write("---\ntitle: generated\n---\n" + "".join(out))
