// Where one validation's time goes, from V8's sampling profiler
// (`node --cpu-prof`): our validator alone, over the corpus's valid and
// invalid inputs and the everyday rows, each set in its own child process.
// Every sample's own (self) time is put in one of four buckets, by the
// function it was taken in:
//
//   reading   the generated reader and its helpers: property reads,
//             kinds, unknown keys, strings appended for the one write
//   crossing  the write into wasm memory (encodeInto, and for text that is
//             not ASCII the look for a U+FFFD of its own, with the scan for
//             unpaired surrogates then), the call itself and the engine's
//             JS<->wasm frames
//   rules     wasm code (every rule, the layout's reading and writing)
//   result    building what is returned: the valid value, or the issues
//             with their messages rendered from the templates
//
// plus "other" (the loop, garbage collection, the engine's own work).
//
//   node bench/profile.mjs            all sets, 10 s of profiling each
//   node bench/profile.mjs --seconds 3
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUCKETS = {
  reading: new Set([
    'validateCreateConnection', 'validateUpdateConnection', 'kindOf', 'kindTag', 'tagOf', 'unknownKeys', 'isCreateKey',
    'isKafkaDetailKey', 'isRocketmqDetailKey', 'isUpdateKey', 'str', 'flag', 'keyList', 'begin', 'fresh', 'ready',
    'localeOf', 'switchOf', 'asciiLower', 'keys',
  ]),
  // flush's surrogate check runs only on text that is not ASCII.
  crossing: new Set([
    'flush', 'call', 'encodeInto', 'views', 'wellFormed', 'isWellFormed', 'lonePosition', 'isHighSurrogate',
    'isLowSurrogate', 'js-to-wasm', 'wasm-to-js',
  ]),
  result: new Set(['issues', 'part', 'decode', 'pathOf']),
};

function bucketOf(frame) {
  const name = frame.functionName;
  if (frame.url.endsWith('.wasm') || name.startsWith('wasm-function[') || name.startsWith('$')) return 'rules';
  if (/^(validate_create|validate_update|validate_field|io_)/.test(name)) return 'rules';
  for (const [bucket, names] of Object.entries(BUCKETS)) if (names.has(name)) return bucket;
  // The message templates are anonymous arrows in core.js's LOCALES.
  if (frame.url.endsWith('core.js') && name === '') return 'result';
  return 'other';
}

/** Self time per bucket (ms) in a `.cpuprofile`. */
export function bucketsOf(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = { reading: 0, crossing: 0, rules: 0, result: 0, other: 0 };
  const top = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = nodes.get(profile.samples[i]).callFrame;
    const ms = profile.timeDeltas[i] / 1000;
    if (frame.functionName === '(idle)') continue;
    totals[bucketOf(frame)] += ms;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}`;
    top.set(key, (top.get(key) ?? 0) + ms);
  }
  return { totals, top: [...top].sort((a, b) => b[1] - a[1]).slice(0, 12) };
}

const child = process.argv[2] === '--child';
if (child) {
  // One set, validated in a loop for the given time, under --cpu-prof.
  const [, , , set, seconds] = process.argv;
  const ours = await import('../npm/pkg/node.mjs');
  let inputs;
  if (set === 'valid' || set === 'invalid') {
    const { CORPUS_PATH } = await import('./corpus/generate.mjs');
    inputs = JSON.parse(readFileSync(CORPUS_PATH, 'utf8')).filter((c) => c.intent === set).map((c) => c.input);
  } else {
    const { everyday } = await import('./everyday.mjs');
    inputs = everyday[set].inputs;
  }
  let validations = 0;
  const end = performance.now() + Number(seconds) * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < inputs.length; i++) ours.validateCreateConnection(inputs[i]);
    validations += inputs.length;
  }
  console.log(JSON.stringify({ validations }));
} else {
  const at = process.argv.indexOf('--seconds');
  const seconds = at > 0 ? Number(process.argv[at + 1]) : 10;
  const { everyday } = await import('./everyday.mjs');
  const sets = ['valid', 'invalid', ...Object.keys(everyday)];
  const self = fileURLToPath(import.meta.url);
  console.log(`Self time per validation (µs), node --cpu-prof, ${seconds} s per set:`);
  console.log('');
  console.log('| inputs | validations | reading | crossing | rules (wasm) | result | other | total |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const tops = [];
  for (const set of sets) {
    const dir = mkdtempSync(join(tmpdir(), 'eg-profile-'));
    const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, self, '--child', set, String(seconds)], {
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`profiling ${set} failed: ${run.stderr}`);
    const { validations } = JSON.parse(run.stdout.trim().split('\n').pop());
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    const { totals, top } = bucketsOf(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    rmSync(dir, { recursive: true, force: true });
    const us = (ms) => ((ms * 1000) / validations).toFixed(2);
    const total = Object.values(totals).reduce((a, b) => a + b, 0);
    const row = [totals.reading, totals.crossing, totals.rules, totals.result, totals.other, total].map(us);
    console.log(`| ${set} | ${validations.toLocaleString('en-US')} | ${row.join(' | ')} |`);
    tops.push([set, top.map(([name, ms]) => `${name.trim()} ${us(ms)}`)]);
  }
  console.log('');
  for (const [set, top] of tops) console.log(`${set}: ${top.join(', ')}`);
}
