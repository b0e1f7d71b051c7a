// Loading, shared by the ESM entries (index.js, inline.js, workerd.js): each
// says where its wasm comes from, and gets `init` and `initSync` for that
// source, and the Standard Schemas, which wait for `init` while it loads. Every entry shares core.js's one
// module instance, so whichever loads first serves them all.
import { attach, attached, instantiate, instantiateSync, validateCreateConnection } from './core.js';
import { createStandardSchema } from './standard.js';

/**
 * The loading half of an entry. `defaultSource()` gives what `init()` loads
 * when it is given nothing; with `eager`, loading starts now, so validators
 * answer synchronously a moment after the import (a failure then surfaces
 * from the next `init()` or schema validation, which try again).
 */
export function entry(defaultSource, eager) {
  let loading;
  function init(source) {
    if (attached()) return Promise.resolve();
    loading ??= instantiate(source ?? defaultSource()).then(attach, (error) => {
      loading = undefined;
      throw error;
    });
    return loading;
  }
  function initSync(module) {
    if (!attached()) attach(instantiateSync(module));
  }
  if (eager) init().catch(() => {});
  return { init, initSync };
}

/** A Standard Schema for create requests with messages in `options.locale`, loading through `init`. */
export function schemaOf(init, options) {
  return createStandardSchema((value) => validateCreateConnection(value, options), attached, () => init());
}
