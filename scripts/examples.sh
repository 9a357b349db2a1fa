#!/usr/bin/env bash
# Builds the two example sites the way a site's build would: the generator renders the posts
# (Hugo from Debian, Eleventy from npm), the widget is copied in, and `postchart render` draws
# the fallback pictures. Needs `npm run build` (dist/) first.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --bin postchart
bin="$PWD/target/debug/postchart"

rm -rf examples/hugo/public
hugo --source examples/hugo --quiet
mkdir -p examples/hugo/public/postchart
cp -r dist/. examples/hugo/public/postchart/
"$bin" render examples/hugo/content/posts/*.md --out examples/hugo/public/charts --jobs 1

rm -rf examples/eleventy/_site
(cd examples/eleventy && npx --no-install @11ty/eleventy --config=eleventy.config.mjs --quiet)
"$bin" render examples/eleventy/posts/*.md --out examples/eleventy/_site/charts --jobs 1
