#!/usr/bin/env bash
# Runs every test suite. Installs what is missing first (scripts/bootstrap.sh),
# so it works on a fresh Debian machine and re-runs fast on a warm one.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

bash scripts/bootstrap.sh

step "Formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "Lints, host (cargo clippy --workspace --all-targets)"
cargo clippy --workspace --all-targets -- -D warnings

step "Lints, wasm32 (validator and console features)"
cargo clippy --target wasm32-unknown-unknown --all-targets --features js -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features js -- -D warnings

step "Host tests: rules, models, properties, emulator (cargo test --workspace)"
cargo test --workspace

step "Browser tests: the same rule tests and the JS exports in headless Chromium"
cargo test --target wasm32-unknown-unknown --features js

bash scripts/test-npm.sh

step "All test suites passed"
