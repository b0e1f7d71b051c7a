// The benchmark: agreement first, then throughput, sizes and console cold
// start, printed as one table and written to bench/results.json.
// Run through bench/run.sh, which builds what this reads.
//
//   node bench/bench.mjs [--quick]   (--quick: fewer rounds and loads, for a smoke run)
import { writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import { agreeOrExit } from './agreement.mjs';
import { everyday } from './everyday.mjs';
import { measureColdStart } from './coldstart.mjs';
import { measureSizes } from './sizes.mjs';
import { measureInFreshProcesses } from './throughput.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const quick = process.argv.includes('--quick');
const number = (value) => Math.round(value).toLocaleString('en-US');
const ratio = (value) => `${value.toFixed(2)}x`;

// 1 and 2. The corpus as its seed generates it, and agreement first.
const { corpus, validators, agreement } = agreeOrExit();

// 3. Throughput in this Node, valid and invalid inputs apart.
const valid = corpus.filter((testCase) => testCase.intent === 'valid').map((testCase) => testCase.input);
const invalid = corpus.filter((testCase) => testCase.intent === 'invalid').map((testCase) => testCase.input);
// Each row in fresh processes (bench/row.mjs), so that no row's inputs
// shape the JIT state another row is measured in; the median process.
const rounds = quick ? { warmupRounds: 1, rounds: 3, processes: 1 } : { warmupRounds: 3, rounds: 11, processes: 5 };
console.log(`Throughput: each row in ${rounds.processes} fresh processes, ${rounds.rounds} rounds after ${rounds.warmupRounds} warm-up, validators in turns...`);
const runsByRow = {};
const measureRow = (set) => {
  const { rates, runs } = measureInFreshProcesses(set, rounds);
  runsByRow[set] = runs;
  return rates;
};
const throughputValid = measureRow('corpus valid');
const throughputInvalid = measureRow('corpus invalid');

// 3b. Everyday requests as their own rows.
console.log('Throughput, everyday requests...');
const throughputEveryday = Object.fromEntries(Object.keys(everyday).map((row) => [row, measureRow(row)]));

// 4. What a browser downloads for each validator.
const sizes = await measureSizes({
  'eg-connections': { entry: here('./size-entries/ours.mjs'), extraFiles: [here('../npm/pkg/eg_connections_bg.wasm')] },
  'zod 4': { entry: here('./size-entries/zod.mjs') },
  'valibot 1': { entry: here('./size-entries/valibot.mjs') },
  'ajv 8': { entry: here('./size-entries/ajv.mjs') },
});

// 5. Console cold start against the React peer.
const loads = quick ? 2 : 10;
console.log(`Cold start: ${loads} loads each, CPU throttled 4x...`);
const coldStart = await measureColdStart({
  'eg-connections console (Leptos)': { root: here('../dist'), path: '/#/create' },
  'React + react-hook-form + zod': { root: here('./peer-react/dist'), path: '/' },
}, { loads });

// The table.
const ourName = 'eg-connections';
const lines = [];
lines.push(`Validator, Node ${process.version}, ${agreement.cases} corpus cases (${valid.length} valid, ${invalid.length} invalid), all four agreeing on every case:`);
lines.push('');
lines.push('| validator | valid/s | invalid/s | ours vs it, valid | ours vs it, invalid | download raw | gzip | brotli |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const name of Object.keys(validators)) {
  const isOurs = name === ourName;
  lines.push(`| ${name} | ${number(throughputValid[name])} | ${number(throughputInvalid[name])} | ${isOurs ? '' : ratio(throughputValid[ourName] / throughputValid[name])} | ${isOurs ? '' : ratio(throughputInvalid[ourName] / throughputInvalid[name])} | ${number(sizes[name].raw)} | ${number(sizes[name].gzip)} | ${number(sizes[name].brotli)} |`);
}
lines.push('');
lines.push('Everyday requests (64 variants each, validations per second; ours vs each peer):');
lines.push('');
const peers = Object.keys(validators).filter((name) => name !== ourName);
lines.push(`| request | ${Object.keys(validators).join(' | ')} | ${peers.map((name) => `vs ${name}`).join(' | ')} |`);
lines.push(`|---|${Object.keys(validators).map(() => '---:').join('|')}|${peers.map(() => '---:').join('|')}|`);
for (const [row, rates] of Object.entries(throughputEveryday)) {
  lines.push(`| ${row} | ${Object.values(rates).map(number).join(' | ')} | ${peers.map((name) => ratio(rates[ourName] / rates[name])).join(' | ')} |`);
}
lines.push('');
lines.push(`Ours against each peer in each of the ${rounds.processes} processes per row (lowest to highest), as noise shows:`);
lines.push('');
lines.push(`| row | ${peers.map((name) => `vs ${name}`).join(' | ')} |`);
lines.push(`|---|${peers.map(() => '---:').join('|')}|`);
for (const [row, runs] of Object.entries(runsByRow)) {
  const spread = (name) => {
    const ratios = runs.map((rates) => rates[ourName] / rates[name]);
    return `${Math.min(...ratios).toFixed(2)}–${ratio(Math.max(...ratios))}`;
  };
  lines.push(`| ${row} | ${peers.map(spread).join(' | ')} |`);
}
lines.push('');
lines.push(`Console cold start, ${coldStart.chromium}, CPU 4x slower, median of ${loads} cold loads (brotli from loopback):`);
lines.push('');
lines.push('| app | first contentful paint (ms) | to interactive (ms) | transferred (bytes) |');
lines.push('|---|---:|---:|---:|');
for (const [name, result] of Object.entries(coldStart.results)) lines.push(`| ${name} | ${number(result.paint)} | ${number(result.ms)} | ${number(result.bytes)} |`);
const table = lines.join('\n');
console.log(`\n${table}\n`);

const machine = {
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memory_gib: Math.round(totalmem() / 2 ** 30),
  kernel: release(),
  node: process.version,
  chromium: coldStart.chromium,
};
console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gib} GiB, Linux ${machine.kernel}; ${machine.date}`);
writeFileSync(here('./results.json'), `${JSON.stringify({
  machine,
  quick,
  agreement: { cases: agreement.cases, agreed: agreement.agreed, valid: agreement.valid },
  throughput: { valid: throughputValid, invalid: throughputInvalid, everyday: throughputEveryday, rounds, runs: runsByRow },
  sizes,
  cold_start: { loads, cpu_slowdown: 4, results: coldStart.results },
  table,
}, null, 2)}\n`);
console.log('Written to bench/results.json');
