import { measureColdStart } from './coldstart.mjs';
import { fileURLToPath } from 'node:url';
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const r = await measureColdStart({
  ours: { root: here('../dist'), path: '/#/create' },
  react: { root: here('./peer-react/dist'), path: '/' },
}, { loads: Number(process.argv[2] ?? 6) });
console.log(JSON.stringify(r));
