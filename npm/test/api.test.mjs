// The packed package, installed into a scratch project, used as a user would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as eg from 'eg-connections';

const webhook = () => ({ name: 'conn-1', vpc_id: 'vpc-1', subnet_id: 'subnet-1' });
const kafka = () => ({
  name: 'kafka-1',
  vpc_id: 'vpc-1',
  subnet_id: 'subnet-1',
  type: 'kafka',
  kafka_detail: {
    instance_id: 'inst-1',
    addr: '10.0.0.1:9092,[::1]:9093',
    enable_sasl_ssl: true,
    user_name: 'alice',
    password: 's3cret',
  },
});

/** `path.join('.') + ':' + code` of each issue. */
const codes = (result) => (result.success ? [] : result.issues.map((i) => `${i.path.join('.')}:${i.code}`));

test('a valid body yields the normalized request to send', () => {
  const result = eg.validateCreateConnection(kafka());
  assert.equal(result.success, true);
  assert.deepEqual(result.value, {
    name: 'kafka-1',
    vpc_id: 'vpc-1',
    subnet_id: 'subnet-1',
    type: 'KAFKA',
    kafka_detail: {
      instance_id: 'inst-1',
      addr: '10.0.0.1:9092,[::1]:9093',
      enable_sasl_ssl: true,
      user_name: 'alice',
      password: 's3cret',
      acks: '1',
    },
  });
  assert.deepEqual(eg.validateCreateConnection(webhook()), {
    success: true,
    value: { ...webhook(), type: 'WEBHOOK' },
  });
});

test('every rule through the JS API', () => {
  const cases = [
    [{ ...webhook(), name: '' }, ['name:required']],
    [{ ...webhook(), name: 'a'.repeat(128) }, []],
    [{ ...webhook(), name: 'a'.repeat(129) }, ['name:too_big']],
    [{ ...webhook(), name: '.a' }, ['name:invalid_format']],
    [{ ...webhook(), name: 'a b' }, ['name:invalid_format']],
    [{ ...webhook(), name: 'default' }, ['name:invalid_value']],
    [{ ...webhook(), name: 'Default' }, []],
    [{ ...webhook(), description: '描'.repeat(255) }, []],
    [{ ...webhook(), description: '描'.repeat(256) }, ['description:too_big']],
    [{ ...webhook(), vpc_id: 'v'.repeat(129) }, ['vpc_id:too_big']],
    [{ ...webhook(), subnet_id: ' s' }, ['subnet_id:invalid_format']],
    [{ ...webhook(), type: 'HTTP' }, ['type:invalid_value']],
    [{ ...webhook(), kafka_detail: kafka().kafka_detail }, ['kafka_detail:not_allowed']],
    [{ ...kafka(), kafka_detail: undefined }, ['kafka_detail:required']],
    [{ ...kafka(), kafka_detail: { ...kafka().kafka_detail, addr: 'h:0' } }, ['kafka_detail.addr:invalid_format']],
    [{ ...kafka(), kafka_detail: { ...kafka().kafka_detail, addr: 'h:65535' } }, []],
    [{ ...kafka(), kafka_detail: { ...kafka().kafka_detail, acks: '2' } }, ['kafka_detail.acks:invalid_value']],
    [{ ...kafka(), kafka_detail: { ...kafka().kafka_detail, password: undefined } }, ['kafka_detail.password:required']],
    [{ ...kafka(), kafka_detail: { ...kafka().kafka_detail, enable_sasl_ssl: 'yes' } }, ['kafka_detail.enable_sasl_ssl:invalid_type']],
    [{ ...webhook(), vpcId: 'typo' }, [':unrecognized_keys']],
  ];
  for (const [input, expected] of cases) {
    assert.deepEqual(codes(eg.validateCreateConnection(input)), expected, JSON.stringify(input).slice(0, 200));
  }
});

test('messages in both locales, naming the limit', () => {
  const input = { ...webhook(), name: 'a'.repeat(131) };
  const [en] = eg.validateCreateConnection(input).issues;
  assert.equal(en.message, 'Name must be at most 128 characters (it has 131)');
  const [zh] = eg.validateCreateConnection(input, { locale: 'zh-CN' }).issues;
  assert.equal(zh.message, '名称最多 128 个字符（当前 131 个）');
  assert.equal(zh.code, en.code);
  // An unknown locale falls back to English rather than failing.
  assert.equal(eg.validateCreateConnection(input, { locale: 'xx' }).issues[0].message, en.message);
  const typo = eg.validateCreateConnection({ ...webhook(), vpcId: 'x' }).issues[0];
  assert.match(typo.message, /did you mean "vpc_id"/);
});

test('per-field validators', () => {
  assert.deepEqual(eg.validateName('ok-name'), []);
  assert.deepEqual(eg.validateName('a'.repeat(129)).map((i) => i.code), ['too_big']);
  assert.deepEqual(eg.validateName(undefined)[0].path, ['name']);
  assert.deepEqual(eg.validateDescription('d'.repeat(256))[0].code, 'too_big');
  assert.deepEqual(eg.validateVpcId('')[0].code, 'required');
  assert.deepEqual(eg.validateSubnetId(42)[0].code, 'invalid_type');
  assert.deepEqual(eg.validateType('kafka'), []);
  assert.deepEqual(eg.validateInstanceId('i'), []);
  assert.deepEqual(eg.validateAddr('h:1,,h:2')[0].path, ['kafka_detail', 'addr']);
  assert.deepEqual(eg.validateSecurityProtocol('SASL_SSL'), []);
  // Issue 28: an unknown protocol is an issue, in npm as in the console.
  assert.equal(eg.validateSecurityProtocol('banana')[0].message, 'Security protocol must be PLAINTEXT, SASL_PLAINTEXT or SASL_SSL (received "banana")');
  assert.deepEqual(eg.validateUserName(''), []);
  assert.deepEqual(eg.validateUserName('', { enableSaslSsl: true })[0].code, 'required');
  assert.deepEqual(eg.validatePassword(undefined, { enableSaslSsl: true, locale: 'zh-CN' })[0].message, '启用密文接入（SASL）时密码不能为空');
  assert.deepEqual(eg.validateAcks('all'), []);
  assert.deepEqual(eg.validateAcks('ALL')[0].code, 'invalid_value');
});

test('update validation', () => {
  assert.deepEqual(eg.validateUpdateConnection({ description: 'x' }), { success: true, value: { description: 'x' } });
  // Issue 28: a create-only property is said as such, and an empty update is refused.
  const named = eg.validateUpdateConnection({ description: 'x', name: 'n' });
  assert.deepEqual(codes(named), [':not_allowed']);
  assert.equal(named.issues[0].message, '"name" cannot be changed after creation (an update changes the description and the type\'s settings)');
  const nothing = eg.validateUpdateConnection({}, { locale: 'zh-CN' });
  assert.deepEqual(codes(nothing), [':required']);
  assert.equal(nothing.issues[0].message, '此次更新没有修改任何内容：请给出描述，或该连接类型的新设置');
  // Each unknown key that looks like a known one gets its suggestion.
  const typos = eg.validateCreateConnection({ name: 'n', vpcId: 'v', subnetId: 's' });
  assert.match(typos.issues[0].message, /\(did you mean "subnet_id", "vpc_id"\?\)|\(did you mean "vpc_id", "subnet_id"\?\)/);
});

test('limits are exported as numbers from the Rust constants', () => {
  assert.equal(eg.NAME_MAX_LENGTH, 128);
  assert.equal(eg.DESCRIPTION_MAX_LENGTH, 255);
  assert.equal(eg.VPC_ID_MAX_LENGTH, 128);
  assert.equal(eg.SUBNET_ID_MAX_LENGTH, 128);
  assert.equal(eg.PORT_MIN, 1);
  assert.equal(eg.PORT_MAX, 65535);
});

test('Standard Schema v1 contract', async () => {
  const standard = eg.createConnectionSchema['~standard'];
  assert.equal(standard.version, 1);
  assert.equal(standard.vendor, 'eg-connections');
  assert.equal(typeof standard.validate, 'function');
  const ok = standard.validate(webhook());
  assert.ok(!(ok instanceof Promise), 'validate is synchronous');
  assert.deepEqual(ok, { value: { ...webhook(), type: 'WEBHOOK' } });
  assert.equal(ok.issues, undefined);
  const bad = standard.validate({ name: '' });
  assert.ok(Array.isArray(bad.issues) && bad.issues.length === 3);
  for (const issue of bad.issues) {
    assert.equal(typeof issue.message, 'string');
    assert.ok(Array.isArray(issue.path));
  }
  assert.ok(!('value' in bad));
  const zh = eg.connectionSchema({ locale: 'zh-CN' })['~standard'].validate({});
  assert.equal(zh.issues[0].message, '名称不能为空');
  // init() exists and resolves in Node too, so portable code can always call it.
  await eg.init();
});

const hostile = () => {
  const cyclic = { ...webhook() };
  cyclic.self = cyclic;
  const cyclicKafka = kafka();
  cyclicKafka.kafka_detail.loop = cyclicKafka;
  const throwingGetter = { ...webhook() };
  Object.defineProperty(throwingGetter, 'name', { enumerable: true, get() { throw new Error('boom'); } });
  const throwingProxy = new Proxy({}, {
    get() { throw new Error('get trap'); },
    ownKeys() { throw new Error('ownKeys trap'); },
  });
  const getProxy = new Proxy(webhook(), { get() { throw new Error('get trap'); } });
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const protoJson = JSON.parse('{"__proto__": {"name": "x"}, "constructor": 1, "name": "n", "vpc_id": "v", "subnet_id": "s"}');
  const nullProto = Object.assign(Object.create(null), webhook());
  return {
    undefined: undefined,
    null: null,
    number: 42,
    nan: NaN,
    string: 'x',
    hugeString: 'x'.repeat(8 * 1024 * 1024),
    array: [webhook()],
    bigint: 10n,
    symbol: Symbol('s'),
    function: () => webhook(),
    date: new Date(),
    cyclic,
    cyclicKafka,
    throwingGetter,
    throwingProxy,
    getProxy,
    revoked,
    protoJson,
    nullProto,
    hugeName: { ...webhook(), name: 'n'.repeat(4 * 1024 * 1024) },
    hugeAddr: { ...kafka(), kafka_detail: { ...kafka().kafka_detail, addr: ','.repeat(1024 * 1024) } },
    bigintField: { ...webhook(), name: 5n },
    symbolField: { ...webhook(), vpc_id: Symbol('v') },
    manyKeys: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])),
    loneSurrogate: { ...webhook(), name: 'a\uD800b' },
  };
};

test('any JavaScript value gets issues, never an exception, and the module keeps working', () => {
  for (const [label, value] of Object.entries(hostile())) {
    let result;
    assert.doesNotThrow(() => {
      result = eg.validateCreateConnection(value);
    }, label);
    assert.equal(typeof result.success, 'boolean', label);
    if (label !== 'nullProto') {
      assert.equal(result.success, false, `${label} must not validate`);
      assert.ok(result.issues.length > 0, label);
      for (const issue of result.issues) {
        assert.ok(issue.message.length < 400, `${label}: bounded message`);
      }
    }
    assert.doesNotThrow(() => eg.validateName(value), label);
    assert.doesNotThrow(() => eg.validateUpdateConnection(value), label);
    assert.doesNotThrow(() => eg.validateCreateConnection(webhook(), value), `${label} as options`);
    // The next call still works.
    assert.equal(eg.validateCreateConnection(webhook()).success, true, `after ${label}`);
  }
});

test('hostile values get the right issue at the right path', () => {
  const h = hostile();
  assert.deepEqual(codes(eg.validateCreateConnection(h.undefined)), [':invalid_type']);
  assert.deepEqual(codes(eg.validateCreateConnection(h.array)), [':invalid_type']);
  assert.match(eg.validateCreateConnection(h.bigint).issues[0].message, /received bigint/);
  assert.deepEqual(codes(eg.validateCreateConnection(h.throwingGetter)), ['name:invalid_type']);
  assert.match(eg.validateCreateConnection(h.throwingGetter).issues[0].message, /threw/);
  assert.deepEqual(codes(eg.validateCreateConnection(h.throwingProxy)), [':invalid_type']);
  assert.deepEqual(codes(eg.validateCreateConnection(h.revoked)), [':invalid_type']);
  assert.deepEqual(codes(eg.validateCreateConnection(h.cyclic)), [':unrecognized_keys']);
  assert.deepEqual(codes(eg.validateCreateConnection(h.cyclicKafka)), ['kafka_detail:unrecognized_keys']);
  assert.deepEqual(codes(eg.validateCreateConnection(h.protoJson)), [':unrecognized_keys']);
  assert.deepEqual(codes(eg.validateCreateConnection(h.hugeName)), ['name:too_big']);
  assert.deepEqual(codes(eg.validateCreateConnection(h.hugeAddr)), ['kafka_detail.addr:invalid_format']);
  assert.deepEqual(codes(eg.validateCreateConnection(h.bigintField)), ['name:invalid_type']);
  assert.deepEqual(codes(eg.validateCreateConnection(h.symbolField)), ['vpc_id:invalid_type']);
  assert.match(eg.validateCreateConnection(h.manyKeys).issues[0].message, /and 9995 more/);
  assert.deepEqual(codes(eg.validateCreateConnection(h.loneSurrogate)), ['name:invalid_format']);
  // An object without a prototype is still a plain object.
  assert.equal(eg.validateCreateConnection(h.nullProto).success, true);
});

test('a getter that calls the validator again (re-entrant) gets its own answer', () => {
  let inner;
  const outer = { ...webhook(), vpc_id: undefined };
  Object.defineProperty(outer, 'vpc_id', {
    enumerable: true,
    get() {
      inner = eg.validateCreateConnection({ ...webhook(), kafka_detail: { instance_id: 'i' } }, { locale: 'zh-CN' });
      return 'vpc-from-getter';
    },
  });
  const result = eg.validateCreateConnection(outer);
  assert.equal(result.success, true);
  assert.equal(result.value.vpc_id, 'vpc-from-getter');
  assert.equal(inner.success, false);
  assert.deepEqual(inner.issues.map((issue) => issue.path.join('.')), ['kafka_detail']);
  assert.equal(eg.validateCreateConnection(webhook()).success, true, 'and the next call too');
});

test('a valid request comes back with the strings it was given', () => {
  const input = { ...webhook(), description: 'x😀y 中文 é\u00a0\t\r\nz' };
  const { value } = eg.validateCreateConnection(input);
  assert.equal(value.description, input.description);
  assert.equal(value.type, 'WEBHOOK');
  // A C1 control (NEL) is not one of the line breaks a description keeps.
  const nel = eg.validateCreateConnection({ ...webhook(), description: 'a\u0085b' });
  assert.deepEqual(codes(nel), ['description:invalid_format']);
  assert.equal(nel.issues[0].message, "Description must not contain control characters ('\\u{85}' at position 2)");
});

test('a string UTF-8 cannot carry (a lone surrogate) is an issue at its field', () => {
  const result = eg.validateCreateConnection({ ...webhook(), description: 'ab\ud800', vpc_id: '\udc00' });
  assert.deepEqual(codes(result), ['description:invalid_format', 'vpc_id:invalid_format']);
  assert.equal(result.issues[0].message, 'Description is not valid Unicode text: character 3 is an unpaired UTF-16 surrogate');
  assert.deepEqual(codes(eg.validateCreateConnection({ ...webhook(), description: '😀\ud83d' })), ['description:invalid_format']);
  // A well-formed pair is one character, and a long text takes the same path.
  assert.equal(eg.validateCreateConnection({ ...webhook(), description: '😀'.repeat(255) }).success, true);
  assert.equal(eg.validateCreateConnection({ ...webhook(), description: '😀'.repeat(100) + '\ud800' }).issues[0].message,
    'Description is not valid Unicode text: character 101 is an unpaired UTF-16 surrogate');
  assert.deepEqual(eg.validateDescription('\ud800').map((issue) => issue.code), ['invalid_format']);
  // Two halves of a pair in neighbouring strings (written one after the
  // other, the whole text well formed) are two unpaired surrogates.
  const halves = eg.validateCreateConnection({ ...webhook(), description: 'é\ud83d', vpc_id: '\ude00x' });
  assert.deepEqual(codes(halves), ['description:invalid_format', 'vpc_id:invalid_format']);
  assert.match(halves.issues[0].message, /character 2 is/);
  assert.match(halves.issues[1].message, /character 1 is/);
  // With an empty string between them, too; and beside a U+FFFD of the
  // text's own (found in JavaScript then, not from the UTF-8 in Rust).
  const apart = eg.validateCreateConnection({ ...webhook(), name: 'n\ud83d', description: '', vpc_id: '\ude00' });
  assert.deepEqual(codes(apart), ['name:invalid_format', 'vpc_id:invalid_format']);
  assert.match(apart.issues[0].message, /character 2 is/);
  assert.match(apart.issues[1].message, /character 1 is/);
  const replacement = eg.validateCreateConnection({ ...webhook(), description: 'a\ufffdb\ud800', vpc_id: 'v\ufffd' });
  assert.deepEqual(codes(replacement), ['description:invalid_format']);
  assert.match(replacement.issues[0].message, /character 4 is/);
  assert.equal(eg.validateCreateConnection({ ...webhook(), description: 'a\ufffd😀' }).success, true);
  // So are the halves in two unknown keys, or in a field and the key after
  // it: each key is named with U+FFFD where its half is.
  const keys = eg.validateCreateConnection({ ...webhook(), 'x\ud83d': 1, '\ude00y': 2 });
  assert.equal(keys.issues[0].message, 'Unknown properties "x\ufffd", "\ufffdy"');
  const fieldThenKey = eg.validateCreateConnection({ ...webhook(), subnet_id: 's\ud83d', '\ude00y': 2 });
  assert.deepEqual(codes(fieldThenKey), [':unrecognized_keys', 'subnet_id:invalid_format']);
  assert.equal(fieldThenKey.issues[0].message, 'Unknown property "\ufffdy"');
});

test('the older kafka_detail names Terraform sends are accepted, and must agree with the current ones', () => {
  const older = { ...kafka(), kafka_detail: { instance_id: 'i', addr: 'h:1', sasl_ssl: true, username: 'alice', password: 'p' } };
  const result = eg.validateCreateConnection(older);
  assert.equal(result.success, true);
  assert.equal(result.value.kafka_detail.enable_sasl_ssl, true);
  assert.equal(result.value.kafka_detail.user_name, 'alice');
  assert.equal('username' in result.value.kafka_detail, false);
  const clash = { ...kafka(), kafka_detail: { ...kafka().kafka_detail, username: 'bob' } };
  const [issue] = eg.validateCreateConnection(clash).issues;
  assert.deepEqual([issue.path, issue.code], [['kafka_detail', 'user_name'], 'invalid_value']);
  assert.match(issue.message, /"user_name" and as its older name "username"/);
});

test('ROCKETMQ: the detail, its ACL credentials, and the normalized body', () => {
  const body = {
    name: 'rmq-1', vpc_id: 'v', subnet_id: 's', type: 'rocketmq',
    rocketmq_detail: { instance_id: 'i-1', addr: '10.0.0.1:8100;10.0.0.2:8100', enable_acl: true, user_name: 'bob', password: 'p w' },
  };
  const result = eg.validateCreateConnection(body);
  assert.equal(result.success, true, JSON.stringify(result));
  assert.deepEqual(result.value, {
    name: 'rmq-1', vpc_id: 'v', subnet_id: 's', type: 'ROCKETMQ',
    rocketmq_detail: { instance_id: 'i-1', addr: '10.0.0.1:8100;10.0.0.2:8100', use_tls: false, enable_acl: true, user_name: 'bob', password: 'p w' },
  });
  const missing = eg.validateCreateConnection({ ...body, rocketmq_detail: { ...body.rocketmq_detail, password: '' } });
  assert.deepEqual(missing.issues.map((issue) => [issue.path.join('.'), issue.code, issue.message]), [
    ['rocketmq_detail.password', 'required', 'Password is required when ACL is enabled'],
  ]);
  const wrongType = eg.validateCreateConnection({ ...body, type: 'KAFKA' });
  assert.deepEqual(wrongType.issues.map((issue) => issue.path.join('.')), ['kafka_detail', 'rocketmq_detail']);
  assert.deepEqual(eg.validateRocketmqAddr('h:8100;'), [
    { path: ['rocketmq_detail', 'addr'], code: 'invalid_format', message: 'Address entry 2 is empty (remove the extra comma)' },
  ]);
  assert.equal(eg.validateRocketmqPassword('', { enableAcl: true })[0].code, 'required');
  assert.deepEqual(eg.validateRocketmqPassword('', { enableAcl: false }), []);
  assert.equal(eg.ROCKETMQ_INSTANCE_ID_MAX_LENGTH, 128);
});

test('updates: absent stays, credentials rotate as a pair, RocketMQ settings by the create rules', () => {
  assert.deepEqual(eg.validateUpdateConnection({ description: null }).value, { description: '' });
  const rotated = eg.validateUpdateConnection({ kafka_detail: { username: 'carol', password: 'n3w' } });
  assert.deepEqual(rotated.value, { kafka_detail: { user_name: 'carol', password: 'n3w' } });
  const half = eg.validateUpdateConnection({ kafka_detail: { user_name: 'carol' } }, { locale: 'zh-CN' });
  assert.deepEqual(half.issues.map((issue) => [issue.path.join('.'), issue.code]), [['kafka_detail.password', 'required']]);
  const fixed = eg.validateUpdateConnection({ kafka_detail: { user_name: 'c', password: 'p', addr: 'h:1' } });
  assert.equal(fixed.issues[0].message, 'Kafka settings cannot change "addr" after creation (only the user name and password can)');
  const rocketmq = eg.validateUpdateConnection({ rocketmq_detail: { instance_id: 'i', addr: 'h:8100', use_tls: true } });
  assert.deepEqual(rocketmq.value, { rocketmq_detail: { instance_id: 'i', addr: 'h:8100', use_tls: true, enable_acl: false } });
});

test('the ESM entry exports everything the CommonJS one does', async () => {
  const { createRequire } = await import('node:module');
  const required = createRequire(import.meta.url)('eg-connections');
  const missing = Object.keys(required).filter((name) => !(name in eg));
  assert.deepEqual(missing, []);
});
