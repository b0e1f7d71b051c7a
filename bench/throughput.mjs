// Validations per second: every input of a set once per round, the
// validators taking turns round by round (so a slow phase of the machine
// hits them all alike), the median round reported; bench/bench.mjs runs
// each set so in several fresh processes (bench/row.mjs) and reports the
// median process.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROW_SCRIPT = fileURLToPath(new URL('./row.mjs', import.meta.url));

/**
 * `validators`: name -> input => boolean. Returns name -> median
 * validations per second over `inputs`. A verdict other than `expected`
 * throws: the speed of wrong answers is not measured.
 */
export function measureAll(validators, inputs, { expected, warmupRounds = 3, rounds = 11 }) {
  const entries = Object.entries(validators);
  const rates = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let round = 0; round < warmupRounds + rounds; round += 1) {
    for (const [name, validate] of entries) {
      let right = 0;
      const start = performance.now();
      for (let i = 0; i < inputs.length; i += 1) {
        if (validate(inputs[i]) === expected) right += 1;
      }
      const seconds = (performance.now() - start) / 1000;
      if (right !== inputs.length) throw new Error(`${name}: ${inputs.length - right} unexpected verdicts`);
      if (round >= warmupRounds) rates[name].push(inputs.length / seconds);
    }
  }
  return Object.fromEntries(entries.map(([name]) => [name, median(rates[name])]));
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * `measureAll` on input set `set` (see bench/row.mjs) in `processes` fresh
 * Node processes, one after the other. Returns `{ rates, runs }`: name ->
 * the median over the processes, and every process's rates.
 */
export function measureInFreshProcesses(set, { processes = 5, warmupRounds = 3, rounds = 11 }) {
  const runs = [];
  for (let run = 0; run < processes; run += 1) {
    const child = spawnSync(process.execPath, [ROW_SCRIPT, set, String(warmupRounds), String(rounds)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`bench/row.mjs "${set}" failed (${child.status}):\n${child.stderr}`);
    runs.push(JSON.parse(child.stdout.trim().split('\n').pop()));
  }
  const names = Object.keys(runs[0]);
  return { rates: Object.fromEntries(names.map((name) => [name, median(runs.map((rates) => rates[name]))])), runs };
}
