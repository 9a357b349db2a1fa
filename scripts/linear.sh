#!/usr/bin/env bash
# Parse + extract time stays linear: a generated 50 KB and a 5 MB adversarial post (lists
# without punctuation, Chinese numerals, 分别/其中 constructions) through the CLI. Fails when the
# big one takes more than twice its share (200x for 100x the input).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${EVAL_OUT:-target/eval}
mkdir -p "$out"
cargo build --release --quiet --bin postchart
python3 eval/adversarial.py 50000 > "$out/linear-small.md"
python3 eval/adversarial.py 5000000 > "$out/linear-big.md"
target/release/postchart extract --stats "$out/linear-small.md" > /dev/null 2> "$out/time-linear-small.txt"
target/release/postchart extract --stats "$out/linear-big.md" > /dev/null 2> "$out/time-linear-big.txt"
python3 - "$out" <<'PY'
import re, sys
def read(name):
    text = open(f"{sys.argv[1]}/{name}").read()
    return float(re.search(r"extract_seconds=([0-9.]+)", text).group(1)), int(re.search(r"bytes=(\d+)", text).group(1))
(ts, bs), (tb, bb) = read("time-linear-small.txt"), read("time-linear-big.txt")
ratio, size = tb / max(ts, 1e-6), bb / bs
print(f"linear time: {bs} B in {ts:.3f} s, {bb} B in {tb:.3f} s: {ratio:.0f}x the time for {size:.0f}x the input")
sys.exit(0 if ratio <= 2 * size else f"extraction is not linear: {ratio:.0f}x for {size:.0f}x")
PY
