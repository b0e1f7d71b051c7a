#!/usr/bin/env bash
# What a developer's laptop meets: scripts/run.sh with no apt-get, sudo,
# Chromium or Python on the PATH must still reach "listening on"; and
# `cargo install --path emulator` must give a working eg-emulator.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

work="$(mktemp -d)"
run_pid=""
cleanup() {
  if [ -n "$run_pid" ]; then kill "$run_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

step "scripts/run.sh: nothing it runs calls apt, sudo or a browser installer"
if grep -nE '\b(apt-get|apt|sudo|dpkg|brew)\b|bootstrap\.sh|chromium' scripts/run.sh scripts/setup.sh scripts/env.sh scripts/build-console.sh \
  | grep -vE '^\S+:[0-9]+:\s*#'; then
  die "the lines above make running the product depend on a system package manager or a browser"
fi
note "none"

step "scripts/run.sh with apt-get, sudo, Chromium and Python off the PATH"
# A directory of links to every command on the PATH but those.
stripped="$work/bin"
mkdir -p "$stripped"
old_ifs="$IFS"; IFS=:
for dir in $PATH; do
  IFS="$old_ifs"
  [ -d "$dir" ] || continue
  for tool in "$dir"/*; do
    name="${tool##*/}"
    case "$name" in
      apt|apt-get|apt-cache|dpkg|sudo|su|chromium|chromedriver|google-chrome*|python*|pip*) continue ;;
    esac
    if [ -x "$tool" ] && [ ! -e "$stripped/$name" ]; then ln -s "$tool" "$stripped/$name"; fi
  done
done
IFS="$old_ifs"
for gone in apt-get sudo chromium python3; do
  if PATH="$stripped" command -v "$gone" >/dev/null; then die "$gone is still on the stripped PATH"; fi
done
log="$work/run.log"
# In memory, on a free port: the developer's own data and port stay untouched.
PATH="$stripped" HOME="$HOME" bash scripts/run.sh --in-memory --listen 127.0.0.1:0 >"$log" 2>&1 &
run_pid=$!
url=""
# Generous: a cold machine builds the console and the emulator here.
for _ in $(seq 3600); do
  url="$(sed -n 's/^eg-emulator listening on \(http[^ ]*\).*/\1/p' "$log" | head -1)"
  [ -n "$url" ] && break
  kill -0 "$run_pid" 2>/dev/null || { tail -40 "$log" >&2; die "scripts/run.sh stopped before listening"; }
  sleep 0.5
done
[ -n "$url" ] || { tail -40 "$log" >&2; die "scripts/run.sh did not reach \"listening on\""; }
note "reached: eg-emulator listening on $url"
# And it serves what it says: the console page and the API's readiness.
curl -fsS "$url/" | grep -q '<title>' || die "$url/ did not serve the console"
curl -fsS "$url/emulator/ready" >/dev/null || die "$url/emulator/ready did not answer 200"
note "the console page and /emulator/ready answer"
kill "$run_pid" 2>/dev/null || true
wait "$run_pid" 2>/dev/null || true
run_pid=""

step "cargo install --locked --path emulator (to a temporary root)"
# The workspace's target directory: the release build the tests made is reused.
cargo install --locked --path emulator --root "$work/install" --target-dir "$ROOT/target" --quiet
installed="$work/install/bin/eg-emulator"
"$installed" --version
"$installed" --in-memory --listen 127.0.0.1:0 --banner json --quiet >"$work/banner.json" 2>"$work/installed.log" &
run_pid=$!
for _ in $(seq 100); do
  [ -s "$work/banner.json" ] && break
  kill -0 "$run_pid" 2>/dev/null || { cat "$work/installed.log" >&2; die "the installed eg-emulator did not start"; }
  sleep 0.1
done
# The banner's URL, token and project, then a create and a list through the API.
read -r url token project < <(node -e '
  const banner = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8").split("\n")[0]);
  console.log(banner.url, banner.token, banner.project.id);' "$work/banner.json")
curl -fsS -X POST "$url/v1/$project/connections" -H "X-Auth-Token: $token" -H 'Content-Type: application/json' \
  -d '{"name":"from-cargo-install","vpc_id":"vpc-1","subnet_id":"subnet-1"}' >/dev/null \
  || die "the installed eg-emulator refused a valid create"
curl -fsS "$url/v1/$project/connections" -H "X-Auth-Token: $token" | grep -q '"from-cargo-install"' \
  || die "the installed eg-emulator did not list the connection it created"
# Without --dist it serves no console, and says how to get one.
curl -s "$url/" | grep -q -- '--dist DIR' || die "without --dist, / should say how to serve the console"
note "installed eg-emulator at $url: create and list work; / says to start it with --dist DIR"
