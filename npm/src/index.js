// Browser and bundler entry (ESM). The wasm loads asynchronously: call
// `await init()` once before validating, or `initSync(bytesOrModule)`.
import loadWasm, * as wasm from './eg_connections.js';
import { createStandardSchema } from './standard.js';

export * from './limits.js';

let ready = false;
let loading;

/** Loads the wasm (fetched next to this file unless given); safe to call many times. */
export function init(moduleOrPath) {
  loading ??= loadWasm(moduleOrPath === undefined ? undefined : { module_or_path: moduleOrPath }).then(() => {
    ready = true;
  });
  return loading;
}

/** Loads the wasm synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(module) {
  if (!ready) {
    wasm.initSync({ module });
    ready = true;
  }
}

function guard(validate) {
  return (value, options) => {
    if (!ready) {
      throw new Error('eg-connections: call `await init()` (or `initSync`) once before validating');
    }
    return validate(value, options);
  };
}

export const validateCreateConnection = guard(wasm.validateCreateConnection);
export const validateUpdateConnection = guard(wasm.validateUpdateConnection);
export const validateName = guard(wasm.validateName);
export const validateDescription = guard(wasm.validateDescription);
export const validateVpcId = guard(wasm.validateVpcId);
export const validateSubnetId = guard(wasm.validateSubnetId);
export const validateType = guard(wasm.validateType);
export const validateInstanceId = guard(wasm.validateInstanceId);
export const validateAddr = guard(wasm.validateAddr);
export const validateSecurityProtocol = guard(wasm.validateSecurityProtocol);
export const validateUserName = guard(wasm.validateUserName);
export const validatePassword = guard(wasm.validatePassword);
export const validateAcks = guard(wasm.validateAcks);

/** A Standard Schema for create requests, with messages in `options.locale`. */
export function connectionSchema(options) {
  return createStandardSchema((value) => validateCreateConnection(value, options));
}

/** The Standard Schema for create requests (English messages). */
export const createConnectionSchema = connectionSchema();
