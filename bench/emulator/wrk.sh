#!/usr/bin/env bash
# The emulator's create throughput with wrk (Debian's `wrk`): unique-name
# creates at 1, 10 and 50 connections, each for 10 s, with two connections
# listing (100 by name) alongside, on a fresh data directory seeded for 2 s.
# Prints one Markdown row per run.
#
#   bench/emulator/wrk.sh [path/to/eg-emulator] [label]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$here/../../target/release/eg-emulator}"
label="${2:-$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo build)}"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
echo "| build | connections | creates/s | p50 | p99 | lists/s alongside | stored | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
for connections in 1 10 50; do
  data="$(mktemp -d)"
  "$bin" --listen 127.0.0.1:0 --data "$data/state" --quiet --create-delay 0s \
    --dev-token bench-token --dev-project bench >"$data/banner" 2>/dev/null &
  pid=$!
  for _ in $(seq 100); do grep -q listening "$data/banner" 2>/dev/null && break; sleep 0.1; done
  url="$(head -1 "$data/banner" | awk '{print $4}')"
  wrk -t1 -c4 -d2s -s "$here/create.lua" "$url/v1/bench/connections" -- seed >/dev/null 2>&1
  wrk -t1 -c2 -d12s -s "$here/list.lua" "$url/v1/bench/connections?limit=100&sort=name:ASC" >"$data/list.txt" 2>&1 &
  lists=$!
  threads=$(( connections < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$connections" -d10s --latency -s "$here/create.lua" "$url/v1/bench/connections" -- "run$connections" >"$data/create.txt" 2>&1
  wait "$lists"
  rate="$(awk '/Requests\/sec/ {print $2}' "$data/create.txt")"
  p50="$(grep -A4 'Latency Distribution' "$data/create.txt" | awk '$1 == "50%" {print $2}')"
  p99="$(grep -A4 'Latency Distribution' "$data/create.txt" | awk '$1 == "99%" {print $2}')"
  errors="$(grep -E 'Non-2xx|Socket errors' "$data/create.txt" | tr '\n' ' ' || true)"
  list_rate="$(awk '/Requests\/sec/ {print $2}' "$data/list.txt")"
  stored="$(curl -s -H 'X-Auth-Token: bench-token' "$url/v1/bench/connections?limit=1" | sed 's/.*"total":\([0-9]*\).*/\1/')"
  echo "| $label | $connections | $rate | $p50 | $p99 | $list_rate | $stored | ${errors:-none} |"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
