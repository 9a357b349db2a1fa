#!/usr/bin/env bash
# Extraction accuracy and speed over ../shared (or $POSTCHART_SHARED), scored by
# shared/tools/score.py, side by side with Microsoft Recognizers-Text on the same inputs in the
# same run. Fails when a figure falls below its floor (eval/report.py). Writes to target/eval/.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${POSTCHART_SHARED:-../shared}
out=${EVAL_OUT:-target/eval}
mkdir -p "$out"
cargo build --release --quiet --bin postchart
cli=target/release/postchart
score="python3 $shared/tools/score.py"
[ -d node_modules/@microsoft/recognizers-text-suite ] || npm ci --no-audit --no-fund

echo "== seed post"
$cli extract "$shared/seed/post.md" > "$out/seed.jsonl"
$score posts "$shared/seed/labels.json" "$out/seed.jsonl" | tail -n 1
$score posts "$shared/seed/labels.json" "$out/seed.jsonl" | grep -q 'SUMMARY fact_f1=1.000 .*label_acc=1.000 series_recall=1.000' \
  || { echo "seed post no longer extracts exactly"; exit 1; }

echo "== corpus: all $(ls "$shared"/corpus/posts/*.md | wc -l) posts (a panic would fail this step), labelled ones scored"
$cli extract --stats "$shared"/corpus/posts/*.md > "$out/corpus.jsonl" 2> "$out/time-corpus.txt"
$score posts "$shared/corpus/dev_labels.json" "$out/corpus.jsonl" | tee "$out/score-corpus.txt"
for set in dev_tables dev_briefings; do
  $score posts "$shared/corpus/$set.json" "$out/corpus.jsonl" > "$out/score-$set.txt"
done
echo "== corpus-sites: Chinese posts of other sites"
$cli extract "$shared"/corpus-sites/posts/* > "$out/sites.jsonl"
$score posts "$shared/corpus-sites/labels.json" "$out/sites.jsonl" | tee "$out/score-sites.txt" | tail -n 1
echo "== corpus-en: English posts"
$cli extract "$shared"/corpus-en/posts/* > "$out/en.jsonl"
$score posts "$shared/corpus-en/labels.json" "$out/en.jsonl" | tee "$out/score-en.txt" | tail -n 1
# The same English posts through Recognizers-Text's English models, and the time each takes.
$cli extract --stats "$shared"/corpus-en/posts/* > /dev/null 2> "$out/time-en.txt"
$cli paragraphs "$shared"/corpus-en/posts/* > "$out/paragraphs-en.jsonl"
node eval/recognizers.mjs posts-en "$out/paragraphs-en.jsonl" > "$out/en-rt.jsonl" 2> "$out/time-en-rt.txt"
$score posts "$shared/corpus-en/labels.json" "$out/en-rt.jsonl" > "$out/score-en-rt.txt"
# And through quantulum3 (PyPI), in a virtual environment of its own; the eval goes on
# without it when PyPI cannot be reached.
venv="target/eval-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import quantulum3' 2>/dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q "quantulum3==0.10.0" || echo "quantulum3 not installed: left out"
fi
if "$venv/bin/python" -c 'import quantulum3' 2>/dev/null; then
  "$venv/bin/python" eval/quantulum.py "$out/paragraphs-en.jsonl" > "$out/en-q.jsonl" 2> "$out/time-en-q.txt"
  $score posts "$shared/corpus-en/labels.json" "$out/en-q.jsonl" > "$out/score-en-q.txt"
else
  rm -f "$out/score-en-q.txt"
fi
for suite in gpt-vis vmind; do
  (cd "$shared/peers-charts/$suite/posts" && "$OLDPWD/$cli" extract *.md) > "$out/$suite.jsonl"
  $score posts --ignore-units "$shared/peers-charts/$suite/labels.json" "$out/$suite.jsonl" > "$out/score-$suite.txt"
done
$cli paragraphs "$shared"/corpus/posts/*.md > "$out/paragraphs.jsonl"
node eval/recognizers.mjs posts "$out/paragraphs.jsonl" > "$out/corpus-rt.jsonl" 2> "$out/time-corpus-rt.txt"
$score posts "$shared/corpus/dev_labels.json" "$out/corpus-rt.jsonl" > "$out/score-corpus-rt.txt"

for set in dev holdout; do
  echo "== peers: $set (holdout is never tuned on)"
  $cli extract --plain --stats < "$shared/peers/$set.jsonl" > "$out/peers-$set.jsonl" 2> "$out/time-peers-$set.txt"
  $score peers "$shared/peers/$set.jsonl" "$out/peers-$set.jsonl" | tee "$out/score-peers-$set.txt"
  python3 eval/differences.py "$shared/peers/$set.jsonl" > "$out/differences-$set.tsv"
  python3 eval/differences.py --filter "$shared/peers/$set.jsonl" > "$out/peers-$set-adjusted-cases.jsonl"
  $score peers "$out/peers-$set-adjusted-cases.jsonl" "$out/peers-$set.jsonl" > "$out/score-peers-$set-adjusted.txt"
  node eval/recognizers.mjs peers "$shared/peers/$set.jsonl" > "$out/peers-$set-rt.jsonl" 2> "$out/time-peers-$set-rt.txt"
  $score peers "$shared/peers/$set.jsonl" "$out/peers-$set-rt.jsonl" > "$out/score-peers-$set-rt.txt"
  $score peers "$out/peers-$set-adjusted-cases.jsonl" "$out/peers-$set-rt.jsonl" > "$out/score-peers-$set-rt-adjusted.txt"
done

echo "== linear time"
bash scripts/linear.sh

echo
python3 eval/report.py "$out" | tee "$out/report.md"
