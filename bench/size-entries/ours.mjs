// What a browser downloads to validate with eg-connections: the browser
// entry (its wasm is counted next to this bundle).
export { init, validateCreateConnection } from '../../npm/pkg/index.js';
