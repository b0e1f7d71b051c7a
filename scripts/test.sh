#!/usr/bin/env bash
# Runs every test suite. Installs what is missing first (scripts/bootstrap.sh),
# so it works on a fresh Debian machine and re-runs fast on a warm one.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
trap stop_emulators EXIT

bash scripts/bootstrap.sh

step "Formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "Dependency licenses and sources (cargo deny, deny.toml)"
cargo deny --log-level error check licenses sources

step "Links in the README, ARCHITECTURE, DEVELOPERS and docs/"
node scripts/check-links.mjs

step "Lints, host (cargo clippy --workspace --all-targets, with the validator's layout)"
cargo clippy --workspace --all-targets --features eg-connections/js,eg-connections/sign -- -D warnings

step "Lints, wasm32 (the validator alone, then validator and console)"
cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features js -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets --features js,ui -- -D warnings

step "Host tests: rules, models, properties, the validator's layout, emulator over HTTP"
cargo test --workspace --features eg-connections/js,eg-connections/sign

step "Browser tests in headless Chromium: rules, JS exports, console components (against the emulator)"
# The test pages come from wasm-bindgen-test-runner's own server: that one
# origin, and no other, may call the emulator (never `*` with a fixed token).
# Every test creates in the one project: its quota is no test's subject here
# (the quota's browser test answers ListQuotas and the refusal by faults).
runner_port="$(free_port)"
export WASM_BINDGEN_TEST_ADDRESS="127.0.0.1:$runner_port"
start_emulator debug --cors-origin "http://127.0.0.1:$runner_port" --enable-faults --create-delay 800ms \
  --dev-token ui-test-token --dev-project ui-test-project --connection-quota 10000
EG_EMULATOR_URL="$EMULATOR_URL" cargo test --target wasm32-unknown-unknown --features js,ui
unset WASM_BINDGEN_TEST_ADDRESS

bash scripts/test-sdk.sh

bash scripts/test-npm.sh

step "Benchmark corpus: eg-connections, zod, valibot and ajv agree on all of its cases"
install_bench_deps
node bench/agreement.mjs

bash scripts/build-console.sh

bash scripts/test-e2e.sh

bash scripts/test-laptop.sh

step "Size budgets: the validator's download and the console's transfer (brotli)"
node scripts/check-budgets.mjs

step "All test suites passed"
