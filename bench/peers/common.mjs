// What the peer schemas share: the rules JSON Schema, zod and valibot have no
// built-in for (a Kafka address list), written once in plain JavaScript the
// way a developer choosing a peer would.

/**
 * Unicode White_Space, the contract's "whitespace". Not JavaScript's `\s` or
 * `trim()`: those count U+FEFF and miss U+0085 (the first agreement run found
 * both).
 */
export const WHITESPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const SURROUNDING_WHITESPACE = new RegExp(`^${WHITESPACE}|${WHITESPACE}$`, 'u');

/** Text UTF-8 can carry: no unpaired UTF-16 surrogate. */
export const isWellFormed = (value) => value.isWellFormed();

/** No control character (Unicode `Cc`): identifiers and names. */
export const noControlChars = (value) => !/[\u0000-\u001f\u007f-\u009f]/.test(value);

/** No control character but tab, line feed and carriage return: a description. */
export const noControlCharsInProse = (value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(value);

/** Identifiers must not start or end with whitespace. */
export const noSurroundingWhitespace = (value) => !SURROUNDING_WHITESPACE.test(value);

/**
 * At most `max` characters, counted as the contract counts them (Unicode
 * code points, not UTF-16 units: an emoji is one character).
 */
export const maxCodePoints = (max) => (value) => value.length <= max || [...value].length <= max;

/** `host:port[,host:port...]`: IPv4, DNS name or bracketed IPv6, port 1..65535. */
export function isKafkaAddrList(value) {
  return value.split(',').every(isKafkaAddr);
}

function isKafkaAddr(entry) {
  if (entry === '' || !noSurroundingWhitespace(entry)) return false;
  let host;
  let port;
  if (entry.startsWith('[')) {
    const close = entry.indexOf(']');
    if (close < 0 || entry[close + 1] !== ':') return false;
    if (!isIPv6(entry.slice(1, close))) return false;
    port = entry.slice(close + 2);
  } else {
    const colon = entry.lastIndexOf(':');
    if (colon < 0) return false;
    host = entry.slice(0, colon);
    port = entry.slice(colon + 1);
    if (host === '' || host.includes(':')) return false;
    if (/^[0-9.]+$/.test(host) ? !isIPv4(host) : !isDnsName(host)) return false;
  }
  if (!/^[0-9]{1,5}$/.test(port)) return false;
  const number = Number(port);
  return number >= 1 && number <= 65535;
}

function isIPv4(host) {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((part) => /^(0|[1-9][0-9]{0,2})$/.test(part) && Number(part) <= 255);
}

function isIPv6(text) {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (half) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const all = [...head, ...tail];
  let count = all.length;
  // An embedded IPv4 address may end the address and counts as two groups.
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIPv4(last)) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

function isDnsName(host) {
  return host.length <= 253 && host.split('.').every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label));
}

/** Kafka's security protocols (an empty string counts as absent). */
export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SASL_PLAINTEXT', 'SASL_SSL', ''];

/**
 * SASL_SSL and its credentials, given under the current names or the older
 * ones Terraform sends (`sasl_ssl`, `username`): when both names are given
 * they must agree (`null` counts as absent); with SASL_SSL on, a user name
 * and a password are required; a security protocol agrees with the switch
 * (PLAINTEXT with it off, SASL_* with it on).
 */
export function saslCredentialsOk(detail) {
  const absent = (value) => value === undefined || value === null;
  const CLASH = {};
  const merge = (current, older) => (absent(older) ? current : absent(current) ? older : current === older ? current : CLASH);
  const sasl = merge(detail.enable_sasl_ssl, detail.sasl_ssl);
  const user = merge(detail.user_name, detail.username);
  if (sasl === CLASH || user === CLASH) return false;
  const protocol = detail.security_protocol;
  if (protocol && (protocol === 'PLAINTEXT') === (sasl === true)) return false;
  return sasl !== true || (Boolean(user) && Boolean(detail.password));
}

export const NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
