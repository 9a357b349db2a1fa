#!/usr/bin/env bash
# Extraction accuracy over ../shared (or $POSTCHART_SHARED), scored by shared/tools/score.py:
# the seed post, the labelled corpus posts, and the peer suites (dev, then holdout untuned).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${POSTCHART_SHARED:-../shared}
out=${EVAL_OUT:-target/eval}
mkdir -p "$out"
cargo build --release --quiet --bin postchart
cli=target/release/postchart
score="python3 $shared/tools/score.py"

echo "== seed post ($shared/seed/labels.json)"
$cli extract "$shared/seed/post.md" > "$out/seed.jsonl"
$score posts "$shared/seed/labels.json" "$out/seed.jsonl" | tail -n 1

echo "== corpus: all posts, labelled ones scored ($shared/corpus/dev_labels.json)"
$cli extract "$shared"/corpus/posts/*.md > "$out/corpus.jsonl"
echo "posts read: $(wc -l < "$out/corpus.jsonl")"
$score posts "$shared/corpus/dev_labels.json" "$out/corpus.jsonl"

for set in dev holdout; do
  echo "== peers: $set"
  $cli extract --plain < "$shared/peers/$set.jsonl" > "$out/peers-$set.jsonl"
  $score peers "$shared/peers/$set.jsonl" "$out/peers-$set.jsonl"
done

# The seed is the promise of the foundation: every one of its facts and its bar chart.
$score posts "$shared/seed/labels.json" "$out/seed.jsonl" | grep -q 'SUMMARY fact_f1=1.000 .*series_recall=1.000' \
  || { echo "seed post no longer extracts exactly"; exit 1; }
