#!/usr/bin/env bash
# Packs the npm validator, installs the tarball into a scratch project and
# runs the Node tests (ESM and CJS) and `tsc --strict` there, as a user would.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

bash scripts/build-npm.sh
tarball="$(ls "$ROOT"/npm/pkg/eg-connections-*.tgz)"

step "npm package: install the tarball into a scratch project"
scratch="$ROOT/target/npm-scratch"
rm -rf "$scratch" && mkdir -p "$scratch"
cp npm/test/* "$scratch/"
(cd "$scratch" && echo '{"name":"scratch","private":true}' > package.json \
  && npm install --no-audit --no-fund --loglevel=error "$tarball")

step "npm package: node --test (ESM and CommonJS)"
(cd "$scratch" && node --test --test-reporter=spec ./*.test.mjs ./*.test.cjs)

step "npm package: tsc --noEmit --strict on a consumer"
(cd "$scratch" && tsc -p tsconfig.json)
note "types check"

step "npm package: every place, unconfigured (Node, Deno, Bun, workerd, Vite, webpack, Rollup, esbuild, React Hook Form, TanStack Form), publint, attw"
install_npm_tools "$ROOT/npm/places"
cargo run -q --features js --example npm_codegen names > "$scratch/names.json"
(cd npm/places && EG_TARBALL="$tarball" EG_PKG_DIR="$ROOT/npm/pkg" EG_NAMES="$scratch/names.json" \
  node --test --test-reporter=spec places.test.mjs)

step "npm package: differential fuzz against the Rust rules (20,000 values each, fixed seed)"
cargo build -q --example json_oracle
cp npm/fuzz/differential.mjs "$scratch/"
(cd "$scratch" && EG_ORACLE="$ROOT/target/debug/examples/json_oracle" EG_TOOLS_DIR="$ROOT/tools" \
  node differential.mjs --runs 20000 --seed "${EG_FUZZ_SEED:-20261128}")
