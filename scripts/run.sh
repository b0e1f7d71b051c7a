#!/usr/bin/env bash
# Runs the product: builds the console (release) and the emulator, then
# serves both on one origin. Prints the URL and the development credentials.
# Extra arguments go to eg-emulator (e.g. --listen 127.0.0.1:8080).
# Debian or macOS; needs Rust (rustup) and Node.js 20+, installs the rest.
#
# With --region R (or --upstream-eg URL --upstream-iam URL) nothing is
# emulated: the console is served with /v1/ forwarded to Huawei Cloud's EG
# and /v3/, /v3.0/ to IAM of that region, for use with a real account.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

forwarding=false
for argument in "$@"; do
  case "$argument" in
    --region|--region=*|--upstream-eg|--upstream-eg=*) forwarding=true ;;
  esac
done

# What running needs, nothing more: no apt, no Chromium, no root.
bash scripts/setup.sh
bash scripts/build-console.sh
step "Emulator: cargo build --release -p eg-emulator"
cargo build --release -p eg-emulator
if $forwarding; then
  step "Starting eg-emulator forwarding to Huawei Cloud, with the console (Ctrl-C stops it)"
  note "Open the URL below. In 'API settings', enter your project ID, then an access key (AK/SK) or sign in with your IAM user."
  note "Nothing is stored here; requests and credentials go to Huawei Cloud over TLS and are never logged."
  exec target/release/eg-emulator --dist dist "$@"
fi
step "Starting eg-emulator with the console (Ctrl-C stops it)"
note "Open the URL below, then in 'API settings' sign in with the printed user, password, domain and project, or use the printed access key."
note "Names containing 'fail-me' end in CREATE_FAILED, to try the failure path."
# Passwords are stored hashed: a new one each run, so the printed one always works.
exec target/release/eg-emulator --dist dist --fail-when-name-contains fail-me --reset-dev-password "$@"
