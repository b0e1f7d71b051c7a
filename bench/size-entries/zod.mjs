// What a browser downloads to validate with zod: the schema and its library.
export { validate } from '../peers/zod.mjs';
