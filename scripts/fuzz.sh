#!/usr/bin/env bash
# Runs each fuzz target for a short fixed time (FUZZ_SECONDS, default 20) from the seed inputs
# in tests/fixtures/fuzz. cargo-fuzz needs nightly features: RUSTC_BOOTSTRAP=1 lets the stable
# toolchain build them. A crash fails the run and leaves its input in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-20}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked || cargo install cargo-fuzz
export RUSTC_BOOTSTRAP=1
for target in post extract choose render; do
  corpus="target/fuzz-corpus/$target"
  mkdir -p "$corpus"
  cp tests/fixtures/fuzz/*.md "$corpus/"
  echo "== fuzz $target for ${seconds}s"
  log="target/fuzz-$target.log"
  if ! cargo fuzz run --sanitizer none "$target" "$corpus" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 > "$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz $target failed; a failing input, if any, is in fuzz/artifacts/$target/"
    exit 1
  fi
  grep -E "^stat::(number_of_executed_units|peak_rss_mb)" "$log" || true
done
echo "fuzzing: 4 targets, ${seconds}s each, no crash"
