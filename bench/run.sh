#!/usr/bin/env bash
# The benchmark command: builds the npm validator, the console and the React
# peer, installs the peers (bench/package-lock.json), then runs
# bench/bench.mjs (agreement, throughput, sizes, cold start). Extra
# arguments go to bench.mjs (e.g. --quick).
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
cd "$ROOT"

bash scripts/bootstrap.sh
bash scripts/build-npm.sh
bash scripts/build-console.sh
step "Bench: peers (npm ci in bench/ when its lock changed)"
install_bench_deps
step "Bench: React peer (vite build)"
(cd bench && npx vite build --config peer-react/vite.config.mjs)
step "Bench: run"
node bench/bench.mjs "$@"
