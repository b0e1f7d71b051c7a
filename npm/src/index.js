// Browser and bundler entry (ESM). The wasm loads asynchronously: call
// `await init()` once before validating, or `initSync(bytesOrModule)`.
import loadWasm, { initSync as loadWasmSync } from './eg_connections.js';
import { attach, validateCreateConnection } from './core.js';
import { createStandardSchema } from './standard.js';

export * from './limits.js';
export {
  validateCreateConnection,
  validateUpdateConnection,
  validateName,
  validateDescription,
  validateVpcId,
  validateSubnetId,
  validateType,
  validateInstanceId,
  validateAddr,
  validateSecurityProtocol,
  validateUserName,
  validatePassword,
  validateAcks,
} from './core.js';

let loading;

/** Loads the wasm (fetched next to this file unless given); safe to call many times. */
export function init(moduleOrPath) {
  loading ??= loadWasm(moduleOrPath === undefined ? undefined : { module_or_path: moduleOrPath }).then(attach);
  return loading;
}

/** Loads the wasm synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(module) {
  attach(loadWasmSync({ module }));
}

/** A Standard Schema for create requests, with messages in `options.locale`. */
export function connectionSchema(options) {
  return createStandardSchema((value) => validateCreateConnection(value, options));
}

/** The Standard Schema for create requests (English messages). */
export const createConnectionSchema = connectionSchema();
