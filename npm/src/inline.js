// Entry with the wasm inside the JavaScript (hex: plain ASCII, so any
// bundler, minifier or page encoding leaves it intact), compiled as soon as
// the schema is imported: nothing to copy, serve or configure. Browser
// development builds, esbuild, Rollup and other places without the
// "production" condition get this one.
import { entry, schemaOf } from './loader.js';
import { WASM_HEX } from './wasm-inline.js';

export * from './fields.js';
export * from './limits.js';

/** The wasm's bytes from its hex text. */
function bytes(hex) {
  const out = new Uint8Array(hex.length >> 1);
  const nibble = (code) => (code < 58 ? code - 48 : code - 87);
  for (let i = 0; i < out.length; i++) {
    out[i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
  }
  return out;
}

export const { init, initSync } = /* @__PURE__ */ entry(() => bytes(WASM_HEX), true);

/** A Standard Schema for create requests with messages in `options.locale`. */
export function connectionSchema(options) {
  return schemaOf(init, options);
}

/** The Standard Schema for create requests (English messages). */
export const createConnectionSchema = /* @__PURE__ */ connectionSchema();
