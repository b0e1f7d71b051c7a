// Validations per second: every input of a set once per round, several
// rounds after warm-up, the median round reported.
import { performance } from 'node:perf_hooks';

/**
 * Median validations per second of `validate` over `inputs`.
 * A round that returns an unexpected verdict throws: speed of wrong
 * answers is not measured.
 */
export function measure(validate, inputs, { expected, warmupRounds = 3, rounds = 9 } = {}) {
  let sink = 0;
  const round = () => {
    const start = performance.now();
    for (let i = 0; i < inputs.length; i += 1) {
      if (validate(inputs[i]) === expected) sink += 1;
    }
    return performance.now() - start;
  };
  for (let i = 0; i < warmupRounds; i += 1) round();
  sink = 0;
  const rates = [];
  for (let i = 0; i < rounds; i += 1) rates.push(inputs.length / (round() / 1000));
  if (sink !== inputs.length * rounds) throw new Error(`unexpected verdicts: ${inputs.length * rounds - sink}`);
  rates.sort((a, b) => a - b);
  return { median: rates[Math.floor(rates.length / 2)], min: rates[0], max: rates[rates.length - 1] };
}
