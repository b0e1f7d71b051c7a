// What a browser downloads with the package's inlined entry (esbuild,
// Rollup, development servers): the wasm is inside this bundle.
export { init, validateCreateConnection } from '../../npm/pkg/inline.js';
