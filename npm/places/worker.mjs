// Cloudflare Workers: bundled as wrangler bundles (esbuild, the "workerd"
// condition, `.wasm` imports as compiled modules) and run in workerd.
import * as eg from 'eg-connections';
import { run } from './cases.mjs';

export default {
  async fetch() {
    return Response.json(await run(eg));
  },
};
