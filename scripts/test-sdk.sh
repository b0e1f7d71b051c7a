#!/usr/bin/env bash
# Huawei Cloud's official Python SDK (huaweicloudsdkeg, pinned in
# tests/sdk/requirements.txt, from PyPI into target/sdk-venv) against the
# emulator: AK/SK signing, temporary credentials, every connection call.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
trap stop_emulators EXIT

step "Python SDK: venv (target/sdk-venv, tests/sdk/requirements.txt)"
venv="$ROOT/target/sdk-venv"
stamp="$venv/.installed-requirements"
if [ -x "$venv/bin/python" ] && cmp -s tests/sdk/requirements.txt "$stamp"; then
  note "present"
else
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/sdk/requirements.txt
  cp tests/sdk/requirements.txt "$stamp"
fi

step "Python SDK: create, duplicate, list, show, update, delete; temporary credentials; project ID from IAM"
[ -x target/debug/eg-emulator ] || cargo build -p eg-emulator
start_emulator debug
banner="$(dirname "$EMULATOR_LOG")/banner.txt"
field() { grep "$1" "$banner" | awk "{print \$$2}"; }
"$venv/bin/python" tests/sdk/python_sdk.py "$EMULATOR_URL" "$(field '^  project:' 2)" \
  "$(field '^  access key:' 3)" "$(field '^  access key:' 6)" \
  "$(field '^  user:' 2)" "$(field '^  user:' 4)" "$(field '^  user:' 6)" \
  "$(field '^  project:' 3 | tr -d '()')"
