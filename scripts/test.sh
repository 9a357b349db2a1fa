#!/usr/bin/env bash
# Every test: formatting, lints, native tests, the wasm build, browser tests (Chromium), the
# packaged module in a Vite 7 app, the linear-time probe, a short run of each fuzz target; then
# the evaluations over ../shared when it is there.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo test
npm run build
mkdir -p test-artifacts
node --test --test-concurrency=1 tests/browser/
bash scripts/linear.sh
bash scripts/fuzz.sh
if [ -d "${POSTCHART_SHARED:-../shared}" ]; then
  bash scripts/eval.sh
fi
