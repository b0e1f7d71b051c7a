// Browser entry for production builds by bundlers that ship the files a
// module names with `new URL(file, import.meta.url)` (Vite's build, webpack
// 5): the wasm is a file of its own, fetched (and compiled while it
// streams) as soon as the schema is imported. Other browser builds get
// inline.js. `await init()` before validating synchronously; the Standard
// Schema waits by itself.
import { entry, schemaOf } from './loader.js';

export * from './fields.js';
export * from './limits.js';

export const { init, initSync } = /* @__PURE__ */ entry(() => new URL('./eg_connections_bg.wasm', import.meta.url), true);

/** A Standard Schema for create requests with messages in `options.locale`. */
export function connectionSchema(options) {
  return schemaOf(init, options);
}

/** The Standard Schema for create requests (English messages). */
export const createConnectionSchema = /* @__PURE__ */ connectionSchema();
