#!/usr/bin/env bash
# Builds the console with Trunk (release) to dist/, then moves Trunk's inline
# loader script into a file so the page runs under a CSP without
# 'unsafe-inline' (trunk-rs/trunk#288 has no option for it yet), and writes
# each file's brotli and gzip twins.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

step "Console: trunk build --release"
trunk build --release "$@"
node scripts/externalize-loader.mjs dist/index.html
# Trunk leaves wasm-bindgen's script and the style sheet as written: minified
# here (their integrity hashes updated), 2 KB less for every visitor.
node scripts/minify-dist.mjs dist
# Precompressed twins: what the emulator sends a browser that accepts them.
node scripts/precompress.mjs dist
step "Console: what a browser downloads (dist/)"
node scripts/sizes.mjs dist/*.wasm dist/*.js dist/*.css
