// Generates the benchmark corpus from a fixed seed: create-connection inputs,
// valid ones and invalid ones aimed at every rule and boundary of the
// contract, plus hostile values. Each case records what the generator meant
// (`intent`: valid or invalid) and which rule it aimed at (`rule`).
//
//   node bench/corpus/generate.mjs            writes bench/corpus/create-connection.json
//   node bench/corpus/generate.mjs --check    exits 1 if the saved file differs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED = 0x0e6c0221;
export const CORPUS_PATH = fileURLToPath(new URL('./create-connection.json', import.meta.url));

/** mulberry32: small, fast, and the same on every machine. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(seed = SEED) {
  const random = prng(seed);
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const pick = (items) => items[int(0, items.length - 1)];
  const chance = (p) => random() < p;
  const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const NAME_REST = `${ALNUM}._-`;
  const chars = (alphabet, length) => Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join('');
  // Text with 1-, 2-, 3- and 4-byte UTF-8 characters (4-byte ones are two UTF-16 units).
  const WIDE = ['a', 'Z', ' ', 'é', 'ß', '中', '文', '€', '😀', '🚀', '𝄞', '\u00a0', '\t'];
  const text = (length) => Array.from({ length }, () => pick(WIDE)).join('');
  const name = (length = int(1, 40)) => pick(ALNUM) + chars(NAME_REST, length - 1);
  const id = (length = 36) => chars('abcdef0123456789-', length);
  const host = () => pick([
    () => `${int(0, 255)}.${int(0, 255)}.${int(0, 255)}.${int(0, 255)}`,
    () => `broker-${int(0, 99)}.kafka.${pick(['internal', 'example.com', 'svc'])}`,
    () => `[${pick(['::1', 'fe80::1', '2001:db8::8a2e:370:7334', '::ffff:192.0.2.1', '2001:db8:0:0:1:0:0:1'])}]`,
    () => chars('abcdefghijklmnopqrstuvwxyz', int(1, 12)),
  ])();
  const addr = (count = int(1, 4)) => Array.from({ length: count }, () => `${host()}:${int(1, 65535)}`).join(',');

  const webhook = () => {
    const input = { name: name(), vpc_id: id(int(1, 64)), subnet_id: id(int(1, 64)) };
    if (chance(0.6)) input.description = text(int(0, 80));
    const type = pick([undefined, 'WEBHOOK', 'webhook', 'Webhook', '', null]);
    if (type !== undefined) input.type = type;
    return input;
  };
  const kafka = () => {
    const input = { ...webhook(), type: pick(['KAFKA', 'kafka', 'Kafka']) };
    const detail = { instance_id: id(), addr: addr() };
    const sasl = pick([true, false, undefined, null]);
    if (sasl !== undefined) detail.enable_sasl_ssl = sasl;
    // The protocol agrees with the switch: SASL_* with it on, PLAINTEXT off.
    if (chance(0.5)) detail.security_protocol = pick(sasl === true ? ['SASL_PLAINTEXT', 'SASL_SSL', ''] : ['PLAINTEXT', '']);
    if (sasl === true || chance(0.2)) {
      detail.user_name = chars(ALNUM, int(1, 20));
      detail.password = text(int(1, 30));
    }
    const acks = pick(['0', '1', 'all', undefined, '', null]);
    if (acks !== undefined) detail.acks = acks;
    input.kafka_detail = detail;
    return input;
  };

  const cases = [];
  const add = (intent, rule, input) => cases.push({ id: cases.length, intent, rule, input });

  // Valid inputs, including every boundary that is still allowed.
  for (let i = 0; i < 2450; i += 1) add('valid', 'webhook', webhook());
  for (let i = 0; i < 1800; i += 1) add('valid', 'kafka', kafka());
  const validEdges = [
    ['name 1 char', (x) => { x.name = pick(ALNUM); }],
    ['name 128 chars', (x) => { x.name = name(128); }],
    ['description 255 chars, 4-byte', (x) => { x.description = '😀'.repeat(255); }],
    ['description 255 chars, mixed', (x) => { x.description = text(255); }],
    ['description empty = absent', (x) => { x.description = ''; }],
    ['description null = absent', (x) => { x.description = null; }],
    ['vpc_id 128 chars, 4-byte', (x) => { x.vpc_id = '𝄞'.repeat(128); }],
    ['subnet_id 128 chars', (x) => { x.subnet_id = id(128); }],
    ['vpc_id inner spaces', (x) => { x.vpc_id = 'vpc 1 2'; }],
    ['description line breaks and tabs', (x) => { x.description = 'line one\nline two\tend\r\n'; }],
    ['vpc_id U+FEFF is not whitespace', (x) => { x.vpc_id = '\ufeffvpc-1'; }],
    // UTF-8 cannot carry it: refused at its field (not a valid edge since #14).
    ['vpc_id lone surrogate', (x) => { x.vpc_id = 'vpc-\ud800'; }, 'invalid'],
    ['name Default (case-sensitive)', (x) => { x.name = 'Default'; }],
    ['name default-1', (x) => { x.name = 'default-1'; }],
  ];
  for (const [rule, mutate, intent = 'valid'] of validEdges) {
    for (let i = 0; i < 12; i += 1) {
      const input = webhook();
      mutate(input);
      add(intent, rule, input);
    }
  }
  const validKafkaEdges = [
    ['port 1', (d) => { d.addr = `${host()}:1`; }],
    ['port 65535', (d) => { d.addr = `${host()}:65535`; }],
    ['port with leading zeros, 5 digits', (d) => { d.addr = 'broker:09092'; }],
    ['DNS label 63', (d) => { d.addr = `${'a'.repeat(63)}.example:9092`; }],
    ['bracketed IPv6', (d) => { d.addr = '[2001:db8::1]:9092,[::]:1'; }],
    // Switching SASL keeps the protocol in agreement (PLAINTEXT only without it).
    ['password with spaces', (d) => { d.enable_sasl_ssl = true; d.user_name = 'u'; d.password = ' p a s s '; if (d.security_protocol === 'PLAINTEXT') delete d.security_protocol; }],
    ['credentials without SASL', (d) => { d.enable_sasl_ssl = false; d.user_name = 'u'; d.password = 'p'; if (d.security_protocol?.startsWith('SASL_')) d.security_protocol = 'PLAINTEXT'; }],
    ['acks all', (d) => { d.acks = 'all'; }],
    ['numeric-looking host', (d) => { d.addr = '1a.2.3.4:80'; }],
  ];
  for (const [rule, mutate] of validKafkaEdges) {
    for (let i = 0; i < 12; i += 1) {
      const input = kafka();
      mutate(input.kafka_detail);
      add('valid', rule, input);
    }
  }

  // Invalid inputs: one defect each, on a valid base.
  const WS = [' ', '\t', '\n', '\u00a0', '\u0085', '\u3000', '\u2028', '\u200a'];
  const invalid = [
    ['name missing', (x) => { delete x.name; }],
    ['name null', (x) => { x.name = null; }],
    ['name empty', (x) => { x.name = ''; }],
    ['name wrong type', (x) => { x.name = pick([42, true, [], {}, ['a']]); }],
    ['name 129 chars', (x) => { x.name = name(129); }],
    ['name first char', (x) => { x.name = pick(['.', '_', '-']) + name(int(1, 10)); }],
    ['name charset', (x) => { const n = name(int(2, 20)); const at = int(1, n.length); x.name = n.slice(0, at) + pick([' ', '/', 'é', '中', '@', '+', '😀', ':']) + n.slice(at); }],
    ['name reserved', (x) => { x.name = 'default'; }],
    ['name surrounding whitespace', (x) => { x.name = chance(0.5) ? pick(WS) + name() : name() + pick(WS); }],
    ['description 256 chars', (x) => { x.description = chance(0.5) ? '😀'.repeat(256) : text(256); }],
    ['description wrong type', (x) => { x.description = pick([1, false, [], {}]); }],
    ['vpc_id missing', (x) => { delete x.vpc_id; }],
    ['vpc_id empty', (x) => { x.vpc_id = ''; }],
    ['vpc_id 129 chars', (x) => { x.vpc_id = chance(0.5) ? id(129) : '𝄞'.repeat(129); }],
    ['vpc_id surrounding whitespace', (x) => { x.vpc_id = chance(0.5) ? pick(WS) + id() : id() + pick(WS); }],
    ['vpc_id wrong type', (x) => { x.vpc_id = pick([7, {}, true, ['vpc']]); }],
    ['vpc_id control character', (x) => { x.vpc_id = `vpc${pick(['\u0000', '\t', '\u001b', '\u007f', '\u0085'])}1`; }],
    ['description control character', (x) => { x.description = `notes${pick(['\u0000', '\u0007', '\u001b[31m', '\u009b'])}`; }],
    ['subnet_id missing', (x) => { delete x.subnet_id; }],
    ['subnet_id null', (x) => { x.subnet_id = null; }],
    ['subnet_id 129 chars', (x) => { x.subnet_id = id(129); }],
    ['subnet_id surrounding whitespace', (x) => { x.subnet_id = `${pick(WS)}${id()}`; }],
    ['type unknown', (x) => { x.type = pick(['HTTP', 'webhooks', 'KAFKA2', 'web hook', 'WEBHOOK\u0000']); }],
    ['type surrounding whitespace', (x) => { x.type = pick([' WEBHOOK', 'WEBHOOK ', '\tkafka']); }],
    ['type wrong type', (x) => { x.type = pick([1, true, ['WEBHOOK'], {}]); }],
    ['kafka_detail with WEBHOOK', (x) => { x.kafka_detail = kafka().kafka_detail; }],
    // defineProperty: a plain `x.__proto__ = 'x'` would be a no-op, not a key.
    ['unknown root key', (x) => { Object.defineProperty(x, pick(['vpcId', 'extra', 'Name', 'kafkaDetail', 'constructor', '__proto__']), { value: 'x', enumerable: true, writable: true, configurable: true }); }],
  ];
  for (const [rule, mutate] of invalid) {
    for (let i = 0; i < 120; i += 1) {
      const input = webhook();
      mutate(input);
      add('invalid', rule, input);
    }
  }
  const invalidKafka = [
    ['kafka_detail missing for KAFKA', (x) => { delete x.kafka_detail; }],
    ['kafka_detail null for KAFKA', (x) => { x.kafka_detail = null; }],
    ['kafka_detail wrong type', (x) => { x.kafka_detail = pick(['detail', 3, [], [{}], true]); }],
    // (sasl_ssl and username are accepted older names since #12: not unknown.)
    ['kafka unknown key', (x) => { x.kafka_detail[pick(['saslSsl', 'userName', 'instanceId', 'x'])] = 'y'; }],
    ['instance_id missing', (x) => { delete x.kafka_detail.instance_id; }],
    ['instance_id surrounding whitespace', (x) => { x.kafka_detail.instance_id = ` ${id()}`; }],
    ['instance_id wrong type', (x) => { x.kafka_detail.instance_id = 12345; }],
    ['addr missing', (x) => { delete x.kafka_detail.addr; }],
    ['addr empty entry', (x) => { x.kafka_detail.addr = pick([',', `${addr(1)},`, `,${addr(1)}`, `${addr(1)},,${addr(1)}`]); }],
    ['addr port 0', (x) => { x.kafka_detail.addr = `${host()}:0`; }],
    ['addr port 65536+', (x) => { x.kafka_detail.addr = `${host()}:${pick([65536, 70000, 99999, 123456, 99999999999])}`; }],
    ['addr port not a number', (x) => { x.kafka_detail.addr = `${host()}:${pick(['http', '+1', '-1', '1e3', '9092a', '0x50'])}`; }],
    ['addr missing port', (x) => { x.kafka_detail.addr = pick(['broker', 'broker:', '10.0.0.1', '[::1]', '[::1]:']); }],
    ['addr missing host', (x) => { x.kafka_detail.addr = ':9092'; }],
    ['addr unbracketed IPv6', (x) => { x.kafka_detail.addr = pick(['::1:9092', 'fe80::1:80', '2001:db8::1:443']); }],
    ['addr bad IPv6', (x) => { x.kafka_detail.addr = pick(['[::g]:1', '[1:2:3:4:5:6:7:8:9]:1', '[::1]9092', '[]:1', '[::1:80']); }],
    ['addr bad IPv4', (x) => { x.kafka_detail.addr = pick(['256.1.1.1:1', '1.2.3:80', '1.2.3.4.5:80', '01.2.3.4:80', '1..2.3:80', '.1.2.3:80']); }],
    ['addr bad DNS name', (x) => { x.kafka_detail.addr = pick(['host_name:1', '-a.b:1', 'a-.b:1', `${'a'.repeat(64)}.b:1`, 'a..b:1', `${'abcdefghi.'.repeat(26)}com:1`, 'exa mple:1', 'bröker:1']); }],
    ['addr whitespace', (x) => { x.kafka_detail.addr = pick([`${addr(1)}, ${addr(1)}`, ` ${addr(1)}`, 'a: 1', 'a:1 ']); }],
    ['addr 6-digit port with zeros', (x) => { x.kafka_detail.addr = 'broker:000001'; }],
    ['enable_sasl_ssl wrong type', (x) => { x.kafka_detail.enable_sasl_ssl = pick(['true', 1, 0, 'false', []]); }],
    ['SASL without user name', (x) => { Object.assign(x.kafka_detail, { enable_sasl_ssl: true, password: 'p' }); delete x.kafka_detail.user_name; }],
    ['SASL without password', (x) => { Object.assign(x.kafka_detail, { enable_sasl_ssl: true, user_name: 'u', password: pick(['', null]) }); }],
    ['user_name surrounding whitespace', (x) => { Object.assign(x.kafka_detail, { enable_sasl_ssl: true, user_name: 'u ', password: 'p' }); }],
    ['password wrong type', (x) => { Object.assign(x.kafka_detail, { enable_sasl_ssl: true, user_name: 'u', password: 1234 }); }],
    ['acks value', (x) => { x.kafka_detail.acks = pick(['2', '-1', 'ALL', 'All', 'none', 'all ']); }],
    ['acks wrong type', (x) => { x.kafka_detail.acks = pick([1, 0, true]); }],
    ['security_protocol surrounding whitespace', (x) => { x.kafka_detail.security_protocol = ' SASL_SSL'; }],
    ['security_protocol unknown', (x) => { x.kafka_detail.security_protocol = pick(['banana', 'SSL', 'sasl_ssl', 'SASL-SSL']); }],
    ['security_protocol against the switch', (x) => {
      const on = x.kafka_detail.enable_sasl_ssl === true;
      x.kafka_detail.security_protocol = on ? 'PLAINTEXT' : pick(['SASL_SSL', 'SASL_PLAINTEXT']);
    }],
    ['addr with a scheme', (x) => { x.kafka_detail.addr = pick(['http://10.0.0.1:9092', `SASL_SSL://${addr(1)}`]); }],
    ['addr with semicolons', (x) => { x.kafka_detail.addr = `${addr(1)};${addr(1)}`; }],
  ];
  for (const [rule, mutate] of invalidKafka) {
    for (let i = 0; i < 80; i += 1) {
      const input = kafka();
      mutate(input);
      add('invalid', rule, input);
    }
  }
  // Several defects at once.
  const allRules = [...invalid.map(([, m]) => m)];
  for (let i = 0; i < 300; i += 1) {
    const input = webhook();
    for (let k = 0; k < int(2, 5); k += 1) pick(allRules)(input);
    add('invalid', 'several defects', input);
  }
  // Hostile values: not an object, huge, deep, many keys.
  for (const value of [null, [], [{}], 'name', '', 0, 42, -1.5, true, false, {}]) {
    for (let i = 0; i < 10; i += 1) add('invalid', 'not an object or empty', value);
  }
  for (let i = 0; i < 10; i += 1) {
    add('invalid', 'huge name', { ...webhook(), name: name(20000) });
    add('valid', 'huge valid kafka addr list', { ...kafka(), kafka_detail: { instance_id: 'i', addr: addr(500) } });
    add('invalid', 'huge description', { ...webhook(), description: text(20000) });
    const manyKeys = webhook();
    for (let k = 0; k < 200; k += 1) manyKeys[`extra_${k}`] = k;
    add('invalid', '200 unknown keys', manyKeys);
    let deep = 'bottom';
    for (let k = 0; k < 200; k += 1) deep = { nested: deep };
    add('invalid', 'deep garbage in kafka_detail', { ...kafka(), kafka_detail: deep });
  }
  // The older kafka_detail names Terraform sends (sasl_ssl, username): alone,
  // agreeing with the current names, or disagreeing (an issue).
  for (let i = 0; i < 12; i += 1) {
    const older = kafka();
    const { enable_sasl_ssl: sasl, user_name: user, ...rest } = older.kafka_detail;
    older.kafka_detail = { ...rest, sasl_ssl: true, username: chars(ALNUM, int(1, 20)), password: 'p' };
    if (older.kafka_detail.security_protocol === 'PLAINTEXT') delete older.kafka_detail.security_protocol;
    add('valid', 'older kafka names', older);
    const both = kafka();
    Object.assign(both.kafka_detail, { enable_sasl_ssl: true, sasl_ssl: true, user_name: 'u', username: 'u', password: 'p' });
    if (both.kafka_detail.security_protocol === 'PLAINTEXT') delete both.kafka_detail.security_protocol;
    add('valid', 'older and current kafka names agreeing', both);
    const clash = kafka();
    Object.assign(clash.kafka_detail, { enable_sasl_ssl: true, user_name: 'u', username: 'v', password: 'p' });
    add('invalid', 'older and current kafka names disagreeing', clash);
  }
  return cases;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const json = `${JSON.stringify(generate())}\n`;
  if (process.argv.includes('--check')) {
    const saved = readFileSync(CORPUS_PATH, 'utf8');
    if (saved !== json) {
      console.error(`${CORPUS_PATH} differs from what seed ${SEED} generates; run node bench/corpus/generate.mjs`);
      process.exit(1);
    }
    console.log(`corpus matches seed 0x${SEED.toString(16)}`);
  } else {
    writeFileSync(CORPUS_PATH, json);
    const cases = JSON.parse(json);
    const valid = cases.filter((c) => c.intent === 'valid').length;
    console.log(`${cases.length} cases (${valid} valid, ${cases.length - valid} invalid) -> ${CORPUS_PATH}`);
  }
}
