// The same cases in every place: given the package's module namespace,
// returns what happened, for places.test.mjs to compare.

/** A valid KAFKA request, as a user would type it (lower-case type, no acks). */
export const VALID = {
  name: 'orders-kafka',
  vpc_id: 'vpc-1',
  subnet_id: 'subnet-1',
  type: 'kafka',
  kafka_detail: { instance_id: 'instance-1', addr: '10.0.0.5:9092,10.0.0.6:9092' },
};

/** An invalid one: a name starting with '-', no VPC ID, no instance ID, a port out of range. */
export const INVALID = {
  name: '-orders',
  subnet_id: 'subnet-1',
  type: 'KAFKA',
  kafka_detail: { addr: 'broker:70000' },
};

/** What every place must report (`atOnce` aside: it depends on the place). */
export const EXPECTED_ISSUES = [
  'name:invalid_format',
  'vpc_id:required',
  'kafka_detail.instance_id:required',
  'kafka_detail.addr:invalid_format',
];

const paths = (issues) => issues.map((issue) => `${issue.path.join('.')}:${issue.code}`);

export async function run(eg) {
  const report = {};
  // At once, before anything else: the browser entries are still loading
  // (a clear error); Node, Deno, Bun and Workers answer.
  try {
    report.atOnce = eg.validateCreateConnection(VALID).success ? 'valid' : 'invalid';
  } catch (error) {
    report.atOnce = `error: ${error.message}`;
  }
  // The Standard Schema, with no init() call.
  const standard = eg.createConnectionSchema['~standard'];
  const schemaValid = await standard.validate(VALID);
  const schemaInvalid = await standard.validate(INVALID);
  report.schema = {
    vendor: standard.vendor,
    valid: schemaValid.issues === undefined && schemaValid.value?.type === 'KAFKA',
    issues: paths(schemaInvalid.issues ?? []),
  };
  // init() twice, then initSync() with nothing usable: all no-ops once loaded.
  await eg.init();
  await eg.init();
  eg.initSync(new Uint8Array(0));
  const valid = eg.validateCreateConnection(VALID);
  report.valid = valid.success && valid.value.type === 'KAFKA' && valid.value.kafka_detail.acks === '1';
  const invalid = eg.validateCreateConnection(INVALID, { locale: 'zh-CN' });
  report.invalid = invalid.success ? [] : paths(invalid.issues);
  report.chinese = !invalid.success && /[\u4e00-\u9fff]/.test(invalid.issues[0].message);
  report.field = eg.validateKafkaAddr('broker:70000').map((issue) => issue.code);
  report.exports = Object.keys(eg)
    .filter((name) => name !== 'default' && name !== '__esModule' && name !== 'module.exports')
    .filter((name) => eg[name] !== undefined)
    .sort();
  return report;
}
