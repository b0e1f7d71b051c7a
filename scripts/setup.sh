#!/usr/bin/env bash
# Installs what building and running the product needs, and only that: the
# wasm32 target, the pinned wasm-bindgen-cli and trunk (through cargo), and
# wasm-opt (npm's binaryen). Never root, never apt: it runs the same on
# Debian and macOS (bash 3.2, BSD tools). What is there already is skipped.
# scripts/bootstrap.sh adds the test tools on top.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

step "Rust $RUST_MIN_VERSION or newer, with the wasm32 target"
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs), then run this again"
rust_version="$(rustc --version | awk '{print $2}')"
version_at_least "$rust_version" "$RUST_MIN_VERSION" \
  || die "rustc $rust_version is too old: this project needs $RUST_MIN_VERSION or newer (rustup update stable)"
if command -v rustup >/dev/null; then
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    note "rustc $rust_version, wasm32-unknown-unknown: present"
  else
    rustup target add wasm32-unknown-unknown
  fi
else
  # A Rust without rustup (a distribution's package) must bring the target itself.
  [ -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown" ] \
    || die "the wasm32-unknown-unknown target is missing and rustup is not installed to add it"
fi

[ -f Cargo.lock ] || cargo generate-lockfile
WBG_VERSION="$(wasm_bindgen_locked_version)"
[ -n "$WBG_VERSION" ] || die "wasm-bindgen not found in Cargo.lock"

step "wasm-bindgen-cli $WBG_VERSION (must equal Cargo.lock's wasm-bindgen)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$WBG_VERSION" ]; then
  note "present"
else
  # Without --locked: its lockfile wants a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

step "trunk $TRUNK_VERSION"
install_cargo_tool trunk trunk "$TRUNK_VERSION"

step "Node.js 20 or newer, and wasm-opt $WASM_OPT_VERSION (npm's binaryen)"
command -v node >/dev/null || die "node not found: install Node.js 20 or newer (https://nodejs.org)"
node_version="$(node --version | sed 's/^v//')"
version_at_least "$node_version" 20 || die "Node.js $node_version is too old: this project needs 20 or newer"
install_npm_tools "$ROOT/tools/build"
actual="$(wasm-opt --version | awk '{print $3}')"
[ "$actual" = "$WASM_OPT_VERSION" ] || die "wasm-opt on PATH is version $actual, need $WASM_OPT_VERSION ($(command -v wasm-opt))"
note "node $node_version, wasm-opt $actual"
