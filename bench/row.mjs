// One throughput row in a fresh Node process: the four validators, in turns,
// over one input set, nothing else run before them. bench/bench.mjs starts
// several of these per row (after the agreement check, in its own process)
// so that no validator's JIT state carries another row's inputs: measured
// in one process, the everyday rows ran after the corpus's huge and garbage
// inputs, and the peers' speed on them swung by a third with what ran
// first.
//
//   node bench/row.mjs <set> [warm-up rounds] [rounds]
//   set: "corpus valid", "corpus invalid", or a row of bench/everyday.mjs
// Prints one line of JSON: validator name -> validations per second.
import { readFileSync } from 'node:fs';
import { CORPUS_PATH } from './corpus/generate.mjs';
import { validators } from './agreement.mjs';
import { everyday } from './everyday.mjs';
import { measureAll } from './throughput.mjs';

/** The inputs of `set` and the verdict every validator must give on them. */
function inputSet(set) {
  const corpus = set.match(/^corpus (valid|invalid)$/);
  if (corpus) {
    const cases = JSON.parse(readFileSync(CORPUS_PATH, 'utf8'));
    return { inputs: cases.filter((testCase) => testCase.intent === corpus[1]).map((testCase) => testCase.input), expected: corpus[1] === 'valid' };
  }
  if (!Object.hasOwn(everyday, set)) throw new Error(`unknown input set: ${set}`);
  // 64 variants, 100 times over: a round long enough to time.
  const { inputs, valid } = everyday[set];
  return { inputs: Array.from({ length: 100 }, () => inputs).flat(), expected: valid };
}

const [set, warmupRounds = '3', rounds = '11'] = process.argv.slice(2);
const { inputs, expected } = inputSet(set);
const rates = measureAll(validators, inputs, { expected, warmupRounds: Number(warmupRounds), rounds: Number(rounds) });
console.log(JSON.stringify(rates));
