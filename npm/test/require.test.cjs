// CommonJS consumers get the same API and the same answers.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const eg = require('eg-connections');

test('require() works and validates', () => {
  const result = eg.validateCreateConnection({ name: 'n', vpc_id: 'v', subnet_id: 's', type: 'webhook' });
  assert.deepEqual(result, { success: true, value: { name: 'n', vpc_id: 'v', subnet_id: 's', type: 'WEBHOOK' } });
  assert.equal(eg.validateName('default')[0].code, 'invalid_value');
  assert.equal(eg.NAME_MAX_LENGTH, 128);
  assert.equal(eg.createConnectionSchema['~standard'].vendor, 'eg-connections');
});

test('import() and require() share one instance', async () => {
  const esm = await import('eg-connections');
  assert.equal(esm.validateCreateConnection, eg.validateCreateConnection);
});
