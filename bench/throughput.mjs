// Validations per second: every input of a set once per round, the
// validators taking turns round by round (so a slow phase of the machine
// hits them all alike), the median round reported.
import { performance } from 'node:perf_hooks';

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
