#!/usr/bin/env bash
# Huawei Cloud's official Python SDKs (huaweicloudsdkeg, -vpc, -kafka,
# -rocketmq, pinned in tests/sdk/requirements.txt, from PyPI into
# target/sdk-venv) against the emulator: AK/SK signing, temporary
# credentials, every connection call, the lists the console's pickers use.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
trap stop_emulators EXIT

step "Python: venv (target/sdk-venv, tests/sdk/requirements.txt: the SDK, python-hcl2)"
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

step "Official SDKs for VPC, DMS for Kafka, DMS for RocketMQ (and EG's ListQuotas) list what the pickers list"
"$venv/bin/python" tests/sdk/resources_sdk.py "$EMULATOR_URL" "$(field '^  project:' 2)" \
  "$(field '^  access key:' 3)" "$(field '^  access key:' 6)"

step "The README's pytest fixture: an in-memory emulator per session, reset per test, forced status (official SDK)"
EG_EMULATOR="$ROOT/target/debug/eg-emulator" "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/sdk/test_fixture.py

step "Snippets: the console's Python and curl run against the emulator, its Terraform parsed (python-hcl2)"
cargo build -q --example snippets
snippets="$ROOT/target/debug/examples/snippets"
project="$(field '^  project:' 2)"
work="$(mktemp -d)"
snippet() { # KIND BODY_FILE
  "$snippets" "$1" "$EMULATOR_URL" cn-north-4 "$project" < "$2"
}
cat > "$work/kafka.json" <<'JSON'
{"name": "snippet-kafka", "description": "orders ${x} and %{y}", "vpc_id": "vpc-1", "subnet_id": "subnet-1",
 "type": "KAFKA", "kafka_detail": {"instance_id": "k-1", "addr": "10.0.0.1:9092,10.0.0.2:9092",
 "enable_sasl_ssl": true, "user_name": "alice", "password": "ignored", "acks": "all"}}
JSON
cat > "$work/webhook.json" <<'JSON'
{"name": "snippet-webhook", "vpc_id": "vpc-1", "subnet_id": "subnet-1"}
JSON
cat > "$work/curl.json" <<'JSON'
{"name": "snippet-curl", "description": "it's \"quoted\"", "vpc_id": "vpc-1", "subnet_id": "subnet-1"}
JSON
for body in kafka webhook; do
  snippet python "$work/$body.json" > "$work/$body.py"
  HUAWEICLOUD_SDK_AK="$(field '^  access key:' 3)" HUAWEICLOUD_SDK_SK="$(field '^  access key:' 6)" \
    EG_ENDPOINT="$EMULATOR_URL" EG_KAFKA_PASSWORD="Snippet-Secret-1" \
    "$venv/bin/python" "$work/$body.py" > "$work/$body.out"
  grep -q "CREATING" "$work/$body.out" || die "the Python snippet for $body did not create: $(cat "$work/$body.out")"
  note "Python snippet ($body): created $(cut -d' ' -f1 "$work/$body.out")"
  snippet terraform "$work/$body.json" > "$work/$body.tf"
  "$venv/bin/python" tests/sdk/check_terraform.py "$work/$body.tf" "snippet-$body"
done
grep -q 'description="orders ${x} and %{y}"' "$work/kafka.py" || die "the Python snippet must keep \${ as text"
snippet curl "$work/curl.json" > "$work/curl.sh"
EG_TOKEN="$(field '^  token:' 2)" bash "$work/curl.sh" > "$work/curl.out"
grep -q '"name":"snippet-curl"' "$work/curl.out" || die "the curl snippet did not create: $(cat "$work/curl.out")"
grep -q 'it'"'"'s \\"quoted\\"' "$work/curl.out" || die "the curl snippet changed the description: $(cat "$work/curl.out")"
note "curl snippet: created snippet-curl"
