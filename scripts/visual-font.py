#!/usr/bin/env python3
"""Builds tests/visual/font/postchart-visual.ttf: WenQuanYi Micro Hei (Apache-2.0), cut down to
the characters the visual reference cases draw, so that native and Chromium reference images
use one font pinned in the repository whatever fonts a machine has.

Run it only when tests/visual/cases.json gains characters, then regenerate the references
(tests/visual/README.md). Needs fonttools (`pip install fonttools`) and the Debian package
fonts-wqy-microhei.
"""
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = pathlib.Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
OUT = ROOT / "tests/visual/font/postchart-visual.ttf"

# What the renderer itself writes around the figures: prefixes, notes, arrows, ellipsis.
FIXED = "".join(chr(c) for c in range(0x20, 0x7F)) + "单位来源：，。、…·▲▼%（）—–显示前项共万亿千百十美元年月日约超近"


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def main():
    cases = json.loads((ROOT / "tests/visual/cases.json").read_text("utf-8"))
    chars = set(FIXED)
    for text in strings(cases["cases"]):
        chars.update(text)
    text = "".join(sorted(chars))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable, "-m", "fontTools.subset", str(SOURCE), "--font-number=0",
            f"--text={text}", f"--output-file={OUT}", "--layout-features=*",
            "--name-IDs=*", "--notdef-outline", "--no-hinting",
        ],
        check=True,
    )
    print(f"{OUT.relative_to(ROOT)}: {len(chars)} characters, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
