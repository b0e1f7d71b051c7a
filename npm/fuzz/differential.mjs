// Differential fuzz: the npm validator against the Rust rules run on the
// same value as JSON (examples/json_oracle.rs, what the emulator runs).
// For every generated value the verdict, every issue (path, code, English
// message) and a valid request's normalized body must be equal.
//
//   node npm/fuzz/differential.mjs [--runs N] [--seed S]   (S: "random" for a new one)
//
// Values are JSON-like (what JSON can carry): wrong types, unknown keys,
// empty, huge and non-ASCII strings, and unpaired surrogates, which
// JSON.stringify writes as \u escapes. Run from a project where
// `eg-connections` (the packed package) resolves; fast-check comes from
// tools/ (EG_TOOLS_DIR).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as eg from 'eg-connections';

const argument = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const runs = Number(argument('runs', '20000'));
const seedText = argument('seed', '20261128');
const seed = seedText === 'random' ? Date.now() % 2 ** 31 : Number(seedText);
const oracle = process.env.EG_ORACLE;
if (!oracle) throw new Error('EG_ORACLE must name the json_oracle binary');
const fc = createRequire(`${process.env.EG_TOOLS_DIR ?? '../../tools'}/`)('fast-check');

const CREATE_KEYS = ['name', 'description', 'vpc_id', 'subnet_id', 'type', 'kafka_detail', 'rocketmq_detail'];
const KAFKA_KEYS = ['instance_id', 'addr', 'security_protocol', 'enable_sasl_ssl', 'user_name', 'password', 'acks'];
const ROCKETMQ_KEYS = ['instance_id', 'addr', 'use_tls', 'enable_acl', 'user_name', 'password'];
const FLAGS = ['enable_sasl_ssl', 'use_tls', 'enable_acl'];

// Any UTF-16 code units, so unpaired surrogates come up.
const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }).map((units) => String.fromCharCode(...units));
const plausible = fc.constantFrom(
  'conn-1', 'default', 'Default', 'KAFKA', 'kafka', 'webhook', 'ROCKETMQ', 'RocketMQ', 'HTTP', '0', '1', 'all', 'ALL', '',
  'h:8100;h2:8100', 'h:8100;', 'a;;b',
  ' padded ', 'h:9092', 'h:0', 'h:65536', '[::1]:9092', '::1:9092', '10.0.0.1:9092,10.0.0.2:9093',
  'a,,b', 'SASL_SSL', 'vpcId', '\ud800', 'a\udc00b', '😀', '中文', '\u00a0x', 'x\u0085', '.a', '-a', 'a b',
  // The halves of one pair, so that neighbouring strings can join them, and
  // U+FFFD of the text's own (then JavaScript, not Rust, finds the halves).
  'x\ud83d', '\ude00y', '\ufffd', 'a\ufffd\ud800',
);
const text = fc.oneof(
  { weight: 4, arbitrary: plausible },
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: codeUnits },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom('n'.repeat(129), 'd'.repeat(256), '😀'.repeat(256), 'x'.repeat(20000)) },
);
const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const junk = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(text, scalar, { maxKeys: 3 }));
const fieldValue = fc.oneof({ weight: 8, arbitrary: text }, { weight: 2, arbitrary: junk });
const keyName = (known) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known, 'vpcId', 'sasl_ssl', 'username', 'Name', '__proto__', 'x\ud83d', '\ude00y') }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });
const objectOf = (known, value) =>
  fc.tuple(
    fc.record(Object.fromEntries(known.map((key) => [key, value(key)])), { requiredKeys: [] }),
    fc.dictionary(keyName(known), fieldValue, { maxKeys: 3 }),
  ).map(([fields, extra]) => {
    const object = { ...fields };
    for (const [key, value] of Object.entries(extra)) Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true });
    return object;
  });
const detailValue = (key) => (FLAGS.includes(key) ? fc.oneof(fc.boolean(), fieldValue) : fieldValue);
const kafkaDetail = objectOf(KAFKA_KEYS, detailValue);
const rocketmqDetail = objectOf(ROCKETMQ_KEYS, detailValue);
const detailOr = (detail) => fc.oneof({ weight: 3, arbitrary: detail }, { weight: 1, arbitrary: fieldValue });
const createBody = objectOf(CREATE_KEYS, (key) => {
  if (key === 'kafka_detail') return detailOr(kafkaDetail);
  if (key === 'rocketmq_detail') return detailOr(rocketmqDetail);
  return fieldValue;
});

// Valid requests with a few fields replaced, so that valid verdicts and
// single issues come up as often as pile-ups.
const good = {
  name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/),
  description: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 })),
  vpc_id: fc.uuid(),
  subnet_id: fc.uuid(),
};
const goodKafka = fc.record({
  instance_id: fc.uuid(),
  addr: fc.constantFrom('10.0.0.1:9092', '10.0.0.1:9093,10.0.0.2:9093', '[::1]:9092', 'broker-1.kafka.internal:9094'),
  enable_sasl_ssl: fc.boolean(),
  user_name: fc.constantFrom('alice', 'eg-producer'),
  password: fc.string({ minLength: 1, maxLength: 20 }),
  acks: fc.constantFrom('0', '1', 'all', undefined),
}, { requiredKeys: ['instance_id', 'addr'] });
const goodRocketmq = fc.record({
  instance_id: fc.uuid(),
  addr: fc.constantFrom('10.0.0.1:8100', '10.0.0.1:8100;10.0.0.2:8100', 'rmq-1.internal:8100,rmq-2.internal:8100'),
  use_tls: fc.boolean(),
  enable_acl: fc.boolean(),
  user_name: fc.constantFrom('bob', 'eg-rmq'),
  password: fc.string({ minLength: 1, maxLength: 20 }),
}, { requiredKeys: ['instance_id', 'addr'] });
const nearlyValid = fc.tuple(
  fc.record(good),
  fc.option(fc.oneof(goodKafka.map((detail) => ['KAFKA', detail]), goodRocketmq.map((detail) => ['ROCKETMQ', detail])), { freq: 2 }),
  fc.dictionary(fc.constantFrom(...CREATE_KEYS, 'vpcId'), fieldValue, { maxKeys: 2 }),
  fc.option(fc.dictionary(fc.constantFrom(...KAFKA_KEYS, ...ROCKETMQ_KEYS, 'username'), fieldValue, { maxKeys: 2 })),
).map(([base, typed, changes, detailChanges]) => {
  const body = JSON.parse(JSON.stringify(base));
  if (typed !== null) {
    const [type, detail] = typed;
    const key = type === 'KAFKA' ? 'kafka_detail' : 'rocketmq_detail';
    Object.assign(body, { type, [key]: JSON.parse(JSON.stringify({ ...detail, ...(detailChanges ?? {}) })) });
  }
  return Object.assign(body, changes);
});
const anyBody = fc.oneof(
  { weight: 5, arbitrary: nearlyValid },
  { weight: 4, arbitrary: createBody },
  { weight: 1, arbitrary: fc.oneof(fieldValue, fc.array(createBody, { maxLength: 2 })) },
);

const credentials = fc.oneof(
  { weight: 3, arbitrary: fc.record({ user_name: fc.constantFrom('carol', ''), password: fc.string({ maxLength: 12 }) }, { requiredKeys: [] }) },
  { weight: 2, arbitrary: kafkaDetail },
  { weight: 1, arbitrary: fieldValue },
);
const updateBody = fc.oneof(
  { weight: 3, arbitrary: objectOf(['description'], () => fieldValue) },
  { weight: 2, arbitrary: objectOf(['description', 'kafka_detail'], (key) => (key === 'kafka_detail' ? credentials : fieldValue)) },
  { weight: 2, arbitrary: objectOf(['rocketmq_detail'], () => fc.oneof(goodRocketmq, rocketmqDetail, fieldValue)) },
  { weight: 1, arbitrary: anyBody },
);

const linesOf = (arbitrary) => fc.sample(arbitrary, { numRuns: runs, seed }).map((value) => JSON.stringify(value) ?? 'null');

/** The oracle's verdicts, one per line. */
function oracleVerdicts(mode, lines) {
  const result = spawnSync(oracle, [mode], { input: `${lines.join('\n')}\n`, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`json_oracle failed: ${result.stderr}`);
  return result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
}

/** `value` as JSON with every object's keys sorted (serde_json's `json!` sorts them). */
const canonical = (value) => JSON.stringify(value, (key, inner) =>
  inner && typeof inner === 'object' && !Array.isArray(inner)
    ? Object.fromEntries(Object.keys(inner).sort().map((name) => [name, inner[name]]))
    : inner);

/** The npm validator's verdict in the oracle's shape. */
function ours(validate, line) {
  const result = validate(JSON.parse(line));
  return result.success
    ? { valid: true, value: result.value }
    : { valid: false, issues: result.issues.map((issue) => [issue.path.join('.'), issue.code, issue.message]) };
}

let failures = 0;
for (const [mode, validate, arbitrary] of [
  ['create', eg.validateCreateConnection, anyBody],
  ['update', eg.validateUpdateConnection, updateBody],
]) {
  const lines = linesOf(arbitrary);
  const expected = oracleVerdicts(mode, lines);
  let valid = 0;
  for (let i = 0; i < lines.length; i++) {
    const got = ours(validate, lines[i]);
    if (got.valid) valid += 1;
    if (canonical(got) !== canonical(expected[i])) {
      failures += 1;
      if (failures <= 5) {
        console.error(`${mode}: differs on ${lines[i].slice(0, 300)}`);
        console.error(`  npm:  ${JSON.stringify(got).slice(0, 400)}`);
        console.error(`  rust: ${JSON.stringify(expected[i]).slice(0, 400)}`);
      }
    }
  }
  console.log(`${mode}: ${lines.length} values (${valid} valid), seed ${seed}`);
}
if (failures > 0) {
  console.error(`${failures} values where the npm validator and the Rust rules differ (seed ${seed})`);
  process.exit(1);
}
console.log('npm validator and Rust rules agree on every value');
