#!/usr/bin/env bash
# Builds the npm validator package into npm/pkg from the validator-only
# feature (`js`: no Leptos, no gloo-net), then packs it (npm/pkg/*.tgz).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

# What building needs (quick when it is there): this is a README command.
bash scripts/setup.sh

OUT="$ROOT/npm/pkg"
WASM="$VALIDATOR_TARGET_DIR/wasm32-unknown-unknown/validator/eg_connections.wasm"

step "npm package: cargo build (features: js only, no_std)"
CARGO_TARGET_DIR="$VALIDATOR_TARGET_DIR" cargo build --profile validator --target wasm32-unknown-unknown \
  --no-default-features --features js --lib
# The validator carries neither the console's dependencies nor serde.
if cargo tree --target wasm32-unknown-unknown --no-default-features --features js -e normal --prefix none \
  | grep -Eq '^(leptos|gloo-net|serde|serde_json|js-sys) '; then
  die "the js feature pulls in leptos, gloo-net, serde or js-sys"
fi

rm -rf "$OUT" && mkdir -p "$OUT"
# wasm-bindgen prepares the module; its JavaScript loader is not shipped
# (core.js instantiates the module itself: numbers only cross).
bindgen_dir="$(mktemp -d)"
wasm-bindgen --target web --out-dir "$bindgen_dir" --no-typescript "$WASM"
mv "$bindgen_dir/eg_connections_bg.wasm" "$OUT/"
rm -rf "$bindgen_dir"
# The loader provides exactly this import; anything else needs a look.
node -e '
const imports = WebAssembly.Module.imports(new WebAssembly.Module(require("fs").readFileSync(process.argv[1])));
const expected = [{ module: "./eg_connections_bg.js", name: "__wbindgen_init_externref_table", kind: "function" }];
if (JSON.stringify(imports) !== JSON.stringify(expected)) {
  console.error("the wasm imports", JSON.stringify(imports), "but npm/src/runtime.js provides", JSON.stringify(expected));
  process.exit(1);
}' "$OUT/eg_connections_bg.wasm"

before=$(wc -c < "$OUT/eg_connections_bg.wasm" | tr -d " ")
wasm-opt -Oz --converge --strip-producers --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue \
  "$OUT/eg_connections_bg.wasm" -o "$OUT/eg_connections_bg.wasm"
note "wasm-opt -Oz: $before -> $(wc -c < "$OUT/eg_connections_bg.wasm" | tr -d " ") bytes"

cp npm/src/{index.js,index.d.ts,node.cjs,standard.js,package.json,README.md} "$OUT/"
cp LICENSE "$OUT/"
# core.js: the half generated from the Rust tables (layout, templates,
# readers), then the hand-written runtime; core.cjs is its CommonJS twin.
cargo run -q --features js --example npm_codegen core > "$OUT/core.js"
cat npm/src/runtime.js >> "$OUT/core.js"
{ echo "'use strict';"; sed 's/^export {$/module.exports = {/' "$OUT/core.js"; } > "$OUT/core.cjs"
# CommonJS twin of the Standard Schema wrapper and the types for `require`.
{ sed 's/^export function/function/' npm/src/standard.js; echo 'exports.createStandardSchema = createStandardSchema;'; } > "$OUT/standard.cjs"
sed "s#'./limits.js'#'./limits.cjs'#; s#'./fields.js'#'./fields.cjs'#" npm/src/index.d.ts > "$OUT/index.d.cts"
# The rule limits come from the Rust field table.
cargo run -q --features js --example npm_codegen limits esm > "$OUT/limits.js"
cargo run -q --features js --example npm_codegen limits cjs > "$OUT/limits.cjs"
cargo run -q --features js --example npm_codegen limits dts > "$OUT/limits.d.ts"
cp "$OUT/limits.d.ts" "$OUT/limits.d.cts"
# The per-field validators and the request types, named from the type
# table; the Node ESM entry re-exports every public name of the CJS build.
cargo run -q --features js --example npm_codegen fields esm > "$OUT/fields.js"
cargo run -q --features js --example npm_codegen fields cjs > "$OUT/fields.cjs"
cargo run -q --features js --example npm_codegen fields dts > "$OUT/fields.d.ts"
sed "s#'./index.js'#'./index.cjs'#" "$OUT/fields.d.ts" > "$OUT/fields.d.cts"
cargo run -q --features js --example npm_codegen node-mjs > "$OUT/node.mjs"

step "npm package: pack"
(cd "$OUT" && npm pack --silent >/dev/null)
note "$(ls "$OUT"/*.tgz)"
step "npm package: what a browser downloads (wasm + JS)"
node scripts/sizes.mjs "$OUT"/eg_connections_bg.wasm "$OUT"/index.js "$OUT"/core.js "$OUT"/standard.js "$OUT"/limits.js "$OUT"/fields.js
