#!/usr/bin/env bash
# Every test: formatting, lints, native tests, the JS shell's pieces under Node, the wasm build, browser tests (Chromium), the
# packaged module in a Vite 7 app, the linear-time probe, a short run of each fuzz target; then
# a quick run of every benchmark (they must keep running; figures printed, not judged); then
# the evaluations over ../shared when it is there.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo test
cargo test --lib --no-default-features
npm run build
node --test tests/js/
mkdir -p test-artifacts
node --test --test-concurrency=1 tests/browser/
bash scripts/linear.sh
bash scripts/fuzz.sh
node scripts/bench-size.mjs
BENCH_ROUNDS=1 cargo bench --profile bench-native --bench stages
BENCH_QUICK=1 node scripts/bench-browser.mjs
if [ -d "${POSTCHART_SHARED:-../shared}" ]; then
  bash scripts/eval.sh
fi
