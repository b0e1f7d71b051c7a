// What a browser downloads to validate with valibot: the schema and its library.
export { validate } from '../peers/valibot.mjs';
