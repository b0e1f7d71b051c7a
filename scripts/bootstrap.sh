#!/usr/bin/env bash
# Installs what this project needs on a fresh Debian machine and skips what
# is already there, so a warm machine re-runs in seconds. Versions are pinned.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

step "Rust toolchain and the wasm32 target"
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  note "wasm32-unknown-unknown: present"
else
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

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
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" = "$TRUNK_VERSION" ]; then
  note "present"
else
  # trunk 0.22 needs a newer rustc than this machine has.
  cargo install --locked "trunk@$TRUNK_VERSION" --force
fi

step "Chromium and ChromeDriver (Debian packages)"
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  note "present: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
else
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi

step "curl and Python venv (the SDK and snippet tests)"
if command -v curl >/dev/null && python3 -c 'import venv, ensurepip' 2>/dev/null; then
  note "present: $(python3 --version)"
else
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q curl python3-venv
fi

step "Node tools (wasm-opt $WASM_OPT_VERSION from npm binaryen, TypeScript, Playwright core)"
command -v node >/dev/null || die "node not found: install Node.js 20+"
stamp=tools/node_modules/.installed-lock
if [ -f "$stamp" ] && cmp -s tools/package-lock.json "$stamp"; then
  note "present"
else
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
  cp tools/package-lock.json "$stamp"
fi
actual="$(wasm-opt --version | awk '{print $3}')"
[ "$actual" = "$WASM_OPT_VERSION" ] || die "wasm-opt on PATH is version $actual, need $WASM_OPT_VERSION ($(command -v wasm-opt))"

step "Bootstrap done"
