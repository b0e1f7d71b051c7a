// Cloudflare Workers entry (the "workerd" condition): workerd may not
// compile wasm from bytes, so the wasm is imported as a module (wrangler
// bundles `.wasm` imports as compiled modules) and instantiated here, at
// import: every validator answers synchronously, and `init()` is a no-op.
import wasm from './eg_connections_bg.wasm';
import { entry, schemaOf } from './loader.js';

export * from './fields.js';
export * from './limits.js';

export const { init, initSync } = entry(() => wasm, false);
initSync(wasm);

/** A Standard Schema for create requests with messages in `options.locale`. */
export function connectionSchema(options) {
  return schemaOf(init, options);
}

/** The Standard Schema for create requests (English messages). */
export const createConnectionSchema = /* @__PURE__ */ connectionSchema();
