/**
 * Wraps a safeParse-style validator as a Standard Schema v1 object
 * (https://standardschema.dev): synchronous `validate`, returning
 * `{ value }` or `{ issues }`. Each issue also carries its stable `code`.
 */
export function createStandardSchema(validate) {
  return {
    '~standard': {
      version: 1,
      vendor: 'eg-connections',
      validate(value) {
        const result = validate(value);
        return result.success ? { value: result.value } : { issues: result.issues };
      },
    },
  };
}
