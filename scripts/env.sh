# Sourced by the scripts: where the pinned tools are, and the settings they need.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
# npm's binaryen (wasm-opt 132) must come before any Debian binaryen on PATH;
# tools/build has what building needs, tools/ what testing adds.
export PATH="$ROOT/tools/build/node_modules/.bin:$ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
# The validator build gets its own target dir so it never races Trunk's.
export VALIDATOR_TARGET_DIR="$ROOT/target/validator"

TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=132
CARGO_DENY_VERSION=0.20.2
# The oldest rustc that builds everything (the emulator's rust-version).
RUST_MIN_VERSION=1.89

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# True when dotted version $1 is at least $2 (numerically, part by part;
# no `sort -V`, which older macOS lacks).
version_at_least() {
  awk -v have="$1" -v need="$2" 'BEGIN {
    n = split(have, h, "."); m = split(need, w, ".")
    for (i = 1; i <= (n > m ? n : m); i++) {
      a = h[i] + 0; b = w[i] + 0
      if (a > b) exit 0
      if (a < b) exit 1
    }
    exit 0
  }'
}

# `cargo install --locked` of crate $1 at version $3, unless its binary $2
# already says that version (`$2 --version` prints "name version").
install_cargo_tool() {
  if [ "$("$2" --version 2>/dev/null | awk '{print $2}')" = "$3" ]; then
    note "present"
  else
    cargo install --locked "$1@$3" --force
  fi
}

# `npm ci` in the npm project $1, unless its lock file is what was installed.
install_npm_tools() {
  local stamp="$1/node_modules/.installed-lock"
  if [ -f "$stamp" ] && cmp -s "$1/package-lock.json" "$stamp"; then
    note "npm tools in ${1#"$ROOT"/}: present"
    return
  fi
  (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$1/package-lock.json" "$stamp"
}

# The wasm-bindgen version Cargo.lock resolved; the CLI must match it exactly.
wasm_bindgen_locked_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}
# Browser test files run all their tests in one page; the default 20 s is too short.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-300}"

# Starts target/$1/eg-emulator on a free loopback port with a fresh data
# directory and the remaining arguments; sets EMULATOR_URL and EMULATOR_PID.
# The caller's EXIT trap must call stop_emulators.
EMULATOR_PIDS=()
start_emulator() {
  local profile="$1"; shift
  local data banner
  data="$(mktemp -d)"
  banner="$data/banner.txt"
  "$ROOT/target/$profile/eg-emulator" --listen 127.0.0.1:0 --data "$data/state" --quiet "$@" >"$banner" 2>"$data/log.txt" &
  EMULATOR_PID=$!
  EMULATOR_PIDS+=("$EMULATOR_PID")
  for _ in $(seq 100); do
    grep -q '^eg-emulator listening on ' "$banner" 2>/dev/null && break
    kill -0 "$EMULATOR_PID" 2>/dev/null || { cat "$data/log.txt" >&2; die "eg-emulator did not start"; }
    sleep 0.1
  done
  EMULATOR_URL="$(head -1 "$banner" | awk '{print $4}')"
  EMULATOR_LOG="$data/log.txt"
  [ -n "$EMULATOR_URL" ] || die "eg-emulator printed no URL"
  note "eg-emulator at $EMULATOR_URL (data in $data)"
}
# A free TCP port on loopback (the kernel's pick, then released).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

stop_emulators() {
  for pid in "${EMULATOR_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
}

# The benchmark's own npm project (peers, esbuild, Vite, React), installed
# from bench/package-lock.json when it changed.
install_bench_deps() {
  local stamp="$ROOT/bench/node_modules/.installed-lock"
  if cmp -s "$ROOT/bench/package-lock.json" "$stamp" 2>/dev/null; then
    return
  fi
  (cd "$ROOT/bench" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/bench/package-lock.json" "$stamp"
}
