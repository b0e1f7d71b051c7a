// Forwarding overhead: the same call made directly to an emulator and
// through a second eg-emulator forwarding to it (--upstream-eg/-iam), 1,000
// of each, alternated so that both see the same machine. Prints p50 and p99
// of both and their ratio (ratios within one run are what to compare).
//
//   node bench/emulator/forward.mjs [path/to/eg-emulator] [requests]
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';

const root = resolve(import.meta.dirname, '..', '..');
const bin = process.argv[2] ?? join(root, 'target', 'release', 'eg-emulator');
const requests = Number(process.argv[3] ?? 1000);

async function start(args) {
  const child = spawn(bin, ['--listen', '127.0.0.1:0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let banner = '';
  child.stdout.setEncoding('utf8');
  while (!/listening on http:\/\/\S+\n/.test(banner)) banner += (await once(child.stdout, 'data'))[0];
  return { child, url: banner.match(/listening on (http:\/\/\S+)/)[1] };
}

const upstream = await start(['--data', join(mkdtempSync(join(tmpdir(), 'eg-fwd-')), 'state'),
  '--dev-token', 'bench-token', '--dev-project', 'bench', '--create-delay', '0s']);
const forwarder = await start(['--upstream-eg', upstream.url, '--upstream-iam', upstream.url]);

const headers = { 'X-Auth-Token': 'bench-token' };
for (let index = 0; index < 20; index += 1) {
  await fetch(`${upstream.url}/v1/bench/connections`, {
    method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: `seed-${index}`, vpc_id: 'vpc-1', subnet_id: 'subnet-1' }),
  });
}

async function timed(base) {
  const started = process.hrtime.bigint();
  const response = await fetch(`${base}/v1/bench/connections?limit=15`, { headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`status ${response.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

// Warm both paths (connections, caches) before measuring.
for (let index = 0; index < 100; index += 1) { await timed(upstream.url); await timed(forwarder.url); }
const direct = [];
const forwarded = [];
for (let index = 0; index < requests; index += 1) {
  direct.push(await timed(upstream.url));
  forwarded.push(await timed(forwarder.url));
}
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
const row = (label, values) => `| ${label} | ${values.length} | ${quantile(values, 0.5).toFixed(3)} | ${quantile(values, 0.99).toFixed(3)} |`;
console.log('| path | requests | p50 ms | p99 ms |');
console.log('|---|---:|---:|---:|');
console.log(row('direct (GET list, 15 of 20)', direct));
console.log(row('through the forwarder', forwarded));
console.log(`| ratio forwarded/direct | | ${(quantile(forwarded, 0.5) / quantile(direct, 0.5)).toFixed(2)}x | ${(quantile(forwarded, 0.99) / quantile(direct, 0.99)).toFixed(2)}x |`);
upstream.child.kill();
forwarder.child.kill();
