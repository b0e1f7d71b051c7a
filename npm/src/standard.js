/**
 * Wraps a safeParse-style validator as a Standard Schema v1 object
 * (https://standardschema.dev): `validate` returns `{ value }` or
 * `{ issues }` (each issue also carries its stable `code`), synchronously
 * once the wasm is loaded, and as a Promise while it loads (`load()`
 * starts or joins the loading), as the spec allows.
 */
export function createStandardSchema(validate, loaded, load) {
  const result = (value) => {
    const outcome = validate(value);
    return outcome.success ? { value: outcome.value } : { issues: outcome.issues };
  };
  return {
    '~standard': {
      version: 1,
      vendor: 'eg-connections',
      validate(value) {
        return loaded() ? result(value) : load().then(() => result(value));
      },
    },
  };
}
