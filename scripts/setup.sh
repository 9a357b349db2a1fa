#!/usr/bin/env bash
# Installs what postchart's build and tests need on a fresh Debian machine, skipping what is
# already there: the wasm32 target, wasm-bindgen-cli pinned to Cargo.lock, Chromium +
# ChromeDriver + a CJK font + Hugo from apt, and the npm dev dependencies (Eleventy among them).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  # --locked first; one locked dependency has been missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "$want" --locked || cargo install wasm-bindgen-cli --version "$want"
fi

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
# (The Hugo example site, built and checked by the browser tests.)
command -v hugo >/dev/null || need_apt+=(hugo)
fc-list 2>/dev/null | grep -qiE 'WenQuanYi|Noto Sans CJK|Source Han Sans' || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${need_apt[@]}"
fi

npm ci --no-audit --no-fund
