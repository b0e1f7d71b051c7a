// Agreement first: every validator must say valid / invalid exactly as the
// others do, case by case, before any speed is worth reporting.

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
