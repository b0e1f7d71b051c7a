// What a browser downloads to validate with ajv: the schema and its library.
export { validate } from '../peers/ajv.mjs';
