#!/usr/bin/env bash
# Runs the product: builds the console (release) and the emulator, then
# serves both on one origin. Prints the URL and the development credentials.
# Extra arguments go to eg-emulator (e.g. --listen 127.0.0.1:8080).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

bash scripts/bootstrap.sh
bash scripts/build-console.sh
step "Emulator: cargo build --release -p eg-emulator"
cargo build --release -p eg-emulator
step "Starting eg-emulator with the console (Ctrl-C stops it)"
note "Open the URL below, then sign in in 'API settings' with the printed user, password, domain and project."
note "Names containing 'fail-me' end in CREATE_FAILED, to try the failure path."
# Passwords are stored hashed: a new one each run, so the printed one always works.
exec target/release/eg-emulator --dist dist --fail-when-name-contains fail-me --reset-dev-password "$@"
