// Browser and bundler entry (ESM). The wasm loads asynchronously: call
// `await init()` once before validating, or `initSync(bytesOrModule)`.
import { attach, instantiate, instantiateSync, validateCreateConnection } from './core.js';
import { createStandardSchema } from './standard.js';

export * from './limits.js';
export * from './fields.js';
let loading;

/** Loads the wasm (fetched next to this file unless given); safe to call many times. */
export function init(moduleOrPath = new URL('./eg_connections_bg.wasm', import.meta.url)) {
  loading ??= instantiate(moduleOrPath).then(attach, (error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Loads the wasm synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(module) {
  attach(instantiateSync(module));
}

/** A Standard Schema for create requests, with messages in `options.locale`. */
export function connectionSchema(options) {
  return createStandardSchema((value) => validateCreateConnection(value, options));
}

/** The Standard Schema for create requests (English messages). */
export const createConnectionSchema = /* @__PURE__ */ connectionSchema();
