#!/usr/bin/env bash
# End-to-end: the release dist/ served by the release emulator, driven in
# headless Chromium with Playwright (playwright-core + Debian's chromium).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

[ -f dist/index.html ] || bash scripts/build-console.sh
[ -f npm/pkg/index.js ] || bash scripts/build-npm.sh
step "End-to-end: cargo build --release -p eg-emulator"
cargo build --release -p eg-emulator
export E2E_SCREENSHOTS="$ROOT/e2e/artifacts/screenshots"
rm -rf "$E2E_SCREENSHOTS"
step "End-to-end: Playwright flows, keyboard, axe-core"
node --test --test-reporter=spec --test-concurrency=1 e2e/*.test.mjs
note "screenshots: $E2E_SCREENSHOTS"
