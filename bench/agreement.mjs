// Agreement first: every validator must say valid / invalid exactly as the
// others do, case by case, before any speed is worth reporting.
//
//   node bench/agreement.mjs   the check alone (run by scripts/test.sh)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CORPUS_PATH, generate } from './corpus/generate.mjs';
import * as ours from '../npm/pkg/node.mjs';
import * as zod from './peers/zod.mjs';
import * as valibot from './peers/valibot.mjs';
import * as ajv from './peers/ajv.mjs';

/** The four validators, each `input => boolean`. */
export const validators = {
  'eg-connections': (input) => ours.validateCreateConnection(input).success,
  'zod 4': zod.validate,
  'valibot 1': valibot.validate,
  'ajv 8': ajv.validate,
};

/**
 * Loads the corpus (which must be what its seed generates) and checks that
 * the four validators agree on every case, and with what the generator
 * meant. Prints and exits 1 otherwise; returns the corpus and the verdicts.
 */
export function agreeOrExit() {
  const saved = readFileSync(CORPUS_PATH, 'utf8');
  if (saved !== `${JSON.stringify(generate())}\n`) {
    console.error('bench/corpus/create-connection.json is not what its seed generates: run node bench/corpus/generate.mjs');
    process.exit(1);
  }
  const corpus = JSON.parse(saved);
  const agreement = checkAgreement(corpus, validators);
  console.log(`Agreement: ${agreement.agreed} of ${agreement.cases} cases (${agreement.valid} valid, ${agreement.agreed - agreement.valid} invalid)`);
  if (agreement.disagreements.length > 0) {
    console.error(`${agreement.disagreements.length} disagreements (rule | verdicts):`);
    console.error(describeDisagreements(agreement.disagreements).join('\n'));
    console.error('No speed is reported until the validators agree. A case the contract settles is a bug in that schema (or ours).');
    process.exit(1);
  }
  const offIntent = corpus.filter((testCase) => (validators['eg-connections'](testCase.input) ? 'valid' : 'invalid') !== testCase.intent);
  if (offIntent.length > 0) {
    console.error(`${offIntent.length} cases where all four agree against the generator's intent, e.g. case ${offIntent[0].id} (${offIntent[0].rule})`);
    process.exit(1);
  }
  return { corpus, validators, agreement };
}

/**
 * Runs each validator (`name -> input => boolean`) over the corpus.
 * Returns the verdict counts and every case where they disagree.
 */
export function checkAgreement(corpus, validators) {
  const names = Object.keys(validators);
  const disagreements = [];
  let valid = 0;
  for (const testCase of corpus) {
    const verdicts = Object.fromEntries(names.map((name) => [name, verdict(validators[name], testCase.input)]));
    const distinct = new Set(Object.values(verdicts));
    if (distinct.size > 1) disagreements.push({ ...testCase, verdicts });
    else if (verdicts[names[0]] === 'valid') valid += 1;
  }
  return { cases: corpus.length, agreed: corpus.length - disagreements.length, valid, disagreements };
}

function verdict(validate, input) {
  try {
    return validate(input) ? 'valid' : 'invalid';
  } catch (error) {
    return `threw ${error?.name ?? 'error'}`;
  }
}

/** The disagreements grouped by the rule the generator aimed at, one example each. */
export function describeDisagreements(disagreements) {
  const byRule = new Map();
  for (const item of disagreements) {
    const key = `${item.rule} | ${Object.entries(item.verdicts).map(([n, v]) => `${n}: ${v}`).join(', ')}`;
    if (!byRule.has(key)) byRule.set(key, { count: 0, example: item });
    byRule.get(key).count += 1;
  }
  return [...byRule.entries()].map(([key, { count, example }]) => {
    const shown = JSON.stringify(example.input, (k, value) => (typeof value === 'string' && value.length > 80 ? `${value.slice(0, 80)}…(${value.length})` : value));
    return `  ${count} × [${key}] intent ${example.intent}, e.g. case ${example.id}: ${shown.slice(0, 300)}`;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) agreeOrExit();
