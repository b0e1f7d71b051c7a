#!/usr/bin/env bash
# Installs what testing needs on a fresh Debian machine, on top of what
# running needs (scripts/setup.sh), and skips what is already there, so a
# warm machine re-runs in seconds. Versions are pinned. Only this script
# uses apt (as root, or through sudo): running the product never does.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

bash scripts/setup.sh

step "clippy and rustfmt"
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
note "present"

step "cargo-deny $CARGO_DENY_VERSION (the dependency license check)"
install_cargo_tool cargo-deny cargo-deny "$CARGO_DENY_VERSION"

step "Chromium and ChromeDriver (Debian packages)"
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  note "present: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
else
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi

step "A CJK font (the e2e run's Chinese screenshots; Debian's Chromium brings none)"
if command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; then
  note "present"
else
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-wqy-zenhei
fi

step "curl and Python venv (the SDK and snippet tests)"
if command -v curl >/dev/null && python3 -c 'import venv, ensurepip' 2>/dev/null; then
  note "present: $(python3 --version)"
else
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q curl python3-venv
fi

step "Node test tools (TypeScript, Playwright core, axe-core, fast-check)"
install_npm_tools "$ROOT/tools"

step "Bootstrap done"
