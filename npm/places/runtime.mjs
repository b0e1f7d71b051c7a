// Node (ESM), Deno and Bun: the package as each runtime resolves it.
import * as eg from 'eg-connections';
import { run } from './cases.mjs';

console.log(JSON.stringify(await run(eg)));
