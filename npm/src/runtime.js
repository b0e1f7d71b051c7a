// The hand-written half of core.js (the generated half comes first: the
// layout constants, LOCALES, and the readers validateCreateConnection and
// validateUpdateConnection, from the Rust tables). Every rule runs in Rust;
// this moves values in and verdicts out.
//
// One validation: the reader reads the known properties (getters and Proxy
// traps run then, each in a try), then writes their strings as UTF-8 into
// wasm memory (no user code runs from that point, so a getter that
// validates again cannot disturb a write), makes one call, and reads the
// verdict back as numbers. A valid result is built from the very values
// that were read; messages are rendered here from the Rust templates.

/** A property whose getter or Proxy trap threw. */
const THREW = {};
/** No unknown keys. */
const NONE = [];

let wasm, memory, slots, words, bytes, keys;
let bytesAt = 0, bytesCap = 0, keysAt = 0, keysCap = 0, pos = 0, keyCount = 0;
const decoder = typeof TextDecoder === 'function' ? new TextDecoder() : undefined;
const encoder = typeof TextEncoder === 'function' ? new TextEncoder() : undefined;

/** Binds the validator to an instantiated wasm module's exports. */
function attach(wasmExports) {
  wasm = wasmExports;
  memory = wasm.memory;
  views();
}

function ready() {
  if (wasm === undefined) {
    throw new Error('eg-connections: call `await init()` (or `initSync`) once before validating');
  }
}

/** (Re)creates the typed-array views; growing the memory detaches the old ones. */
function views() {
  const buffer = memory.buffer;
  slots = new Int32Array(buffer, wasm.io_slots() >>> 0, SLOTS_LEN);
  words = new Int32Array(buffer);
  if (bytesCap > 0) bytes = new Uint8Array(buffer, bytesAt, bytesCap);
  if (keysCap > 0) keys = new Int32Array(buffer, keysAt, keysCap * 3);
}

function fresh() {
  if (words.buffer !== memory.buffer) views();
}

/** Starts writing a request. */
function begin() {
  fresh();
  pos = 0;
  keyCount = 0;
}

/** Makes room for `needed` bytes of UTF-8. */
function reserve(needed) {
  bytesCap = Math.max(needed, 2 * bytesCap, 4096);
  bytesAt = wasm.io_bytes(bytesCap) >>> 0;
  views();
}

/** Calls into wasm; returns the verdict's index in `words`. */
function call(address) {
  fresh();
  return address >>> 2;
}

/** What `typeof` and `Array.isArray` say (`MISSING_KIND` for undefined). */
function kindOf(value) {
  switch (typeof value) {
    case 'string': return STRING;
    case 'boolean': return BOOLEAN;
    case 'number': return NUMBER;
    case 'undefined': return MISSING_KIND;
    case 'bigint': return BIGINT;
    case 'symbol': return SYMBOL;
    case 'function': return FUNCTION;
  }
  if (value === null) return NULL;
  if (value === THREW) return UNREADABLE;
  try {
    return Array.isArray(value) ? ARRAY : OBJECT;
  } catch {
    return UNREADABLE; // a revoked Proxy
  }
}

/** Own enumerable keys `known` does not accept, `NONE`, or `THREW`. */
function unknownKeys(object, known) {
  let all;
  try {
    all = Object.keys(object);
  } catch {
    return THREW;
  }
  let unknown = NONE;
  for (let i = 0; i < all.length; i++) {
    if (!known(all[i])) {
      if (unknown === NONE) unknown = [];
      unknown.push(all[i]);
    }
  }
  return unknown;
}

/** The tag of a value of kind `kind` that is not read as a string. */
function kindTag(kind) {
  return kind === MISSING_KIND ? TAG_MISSING : kind === NULL ? TAG_NULL : TAG_KIND + kind;
}

/** The tag of a value that is not a string. */
function tagOf(value) {
  if (value === undefined) return TAG_MISSING;
  if (value === null) return TAG_NULL;
  if (value === true) return TAG_TRUE;
  if (value === false) return TAG_FALSE;
  return TAG_KIND + kindOf(value);
}

/** Writes a boolean field. */
function flag(slot, value) {
  slots[slot * SLOT_WORDS] = typeof value === 'string' ? TAG_STRING : tagOf(value);
}

/** Writes a string field (or the tag of what it is instead). */
function str(slot, value) {
  const at = slot * SLOT_WORDS;
  if (typeof value !== 'string') {
    slots[at] = tagOf(value);
    return;
  }
  const start = pos;
  const lone = encode(value, true);
  if (lone > 0) {
    pos = start;
    slots[at] = TAG_LONE_SURROGATE;
    slots[at + 1] = lone;
    return;
  }
  slots[at] = TAG_STRING;
  slots[at + 1] = start;
  slots[at + 2] = pos - start;
}

/** Writes the unknown keys of the object in `slot`. */
function keyList(slot, list) {
  if (list.length === 0) return;
  if (keyCount + list.length > keysCap) {
    keysCap = Math.max(keyCount + list.length, 2 * keysCap, 16);
    keysAt = wasm.io_keys(keysCap) >>> 0;
    views();
  }
  for (let i = 0; i < list.length; i++) {
    const start = pos;
    encode(list[i], false);
    const at = 3 * keyCount++;
    keys[at] = slot;
    keys[at + 1] = start;
    keys[at + 2] = pos - start;
  }
}

/**
 * Appends `text` as UTF-8 at `pos`. An unpaired surrogate stops it when
 * `strict` (returns its 1-based character position), or becomes U+FFFD.
 */
function encode(text, strict) {
  const length = text.length;
  if (pos + 3 * length > bytesCap) reserve(pos + 3 * length);
  const out = bytes;
  let p = pos;
  let i = 0;
  // ASCII, the common case, one byte per unit.
  for (; i < length; i++) {
    const unit = text.charCodeAt(i);
    if (unit > 0x7f) break;
    out[p++] = unit;
  }
  if (i === length) {
    pos = p;
    return 0;
  }
  if (encoder !== undefined && length - i > 64 && text.isWellFormed?.()) {
    // Long text: the engine's encoder.
    p += encoder.encodeInto(i === 0 ? text : text.slice(i), out.subarray(p)).written;
    pos = p;
    return 0;
  }
  let chars = i;
  for (; i < length; i++, chars++) {
    let unit = text.charCodeAt(i);
    if (unit < 0x80) {
      out[p++] = unit;
    } else if (unit < 0x800) {
      out[p++] = 0xc0 | (unit >> 6);
      out[p++] = 0x80 | (unit & 63);
    } else if (unit < 0xd800 || unit > 0xdfff) {
      out[p++] = 0xe0 | (unit >> 12);
      out[p++] = 0x80 | ((unit >> 6) & 63);
      out[p++] = 0x80 | (unit & 63);
    } else {
      const next = unit < 0xdc00 && i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        const code = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
        out[p++] = 0xf0 | (code >> 18);
        out[p++] = 0x80 | ((code >> 12) & 63);
        out[p++] = 0x80 | ((code >> 6) & 63);
        out[p++] = 0x80 | (code & 63);
        i++;
      } else if (strict) {
        pos = p;
        return chars + 1;
      } else {
        out[p++] = 0xef;
        out[p++] = 0xbf;
        out[p++] = 0xbd;
      }
    }
  }
  pos = p;
  return 0;
}

/** The locale `options.locale` names (an exact tag, then by language), or the first. */
function localeOf(options) {
  if (options === undefined || options === null || typeof options !== 'object') return LOCALES[0];
  let tag;
  try {
    if (Array.isArray(options)) return LOCALES[0];
    tag = options.locale;
  } catch {
    return LOCALES[0];
  }
  if (typeof tag !== 'string') return LOCALES[0];
  const wanted = asciiLower(tag);
  const language = wanted.split(/[-_]/)[0];
  let byLanguage;
  for (const locale of LOCALES) {
    const own = asciiLower(locale.tag);
    if (own === wanted) return locale;
    if (byLanguage === undefined && own.split('-')[0] === language) byLanguage = locale;
  }
  return byLanguage ?? LOCALES[0];
}

function asciiLower(text) {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

/** `options.enableSaslSsl === true`, read safely. */
function saslOf(options) {
  if (options === undefined || options === null || typeof options !== 'object') return false;
  try {
    return !Array.isArray(options) && options.enableSaslSsl === true;
  } catch {
    return false;
  }
}

/** The issues of an invalid verdict at `words[o]`. */
function issues(o, locale) {
  const count = words[o + 1];
  const spans = o + OUT_HEADER + count * ISSUE_WORDS;
  const text = count > 0 ? wasm.out_text() >>> 0 : 0;
  const list = [];
  for (let i = 0; i < count; i++) {
    const record = o + OUT_HEADER + i * ISSUE_WORDS;
    const field = words[record];
    let message = part(locale, field, record + 2, spans, text);
    if (words[record + 3 + PART_ARGS] >= 0) message += part(locale, field, record + 3 + PART_ARGS, spans, text);
    list.push({ path: pathOf(field), code: CODES[words[record + 1]], message });
  }
  return list;
}

/** One message part: its template filled with its arguments. */
function part(locale, field, at, spans, text) {
  const id = words[at];
  const kinds = ARGS[id];
  const args = [];
  let word = at + 1;
  for (let k = 0; k < kinds.length; k++) {
    switch (kinds[k]) {
      case 'n': args.push(words[word++]); break;
      case 't': args.push(decode(spans, words[word++], text)); break;
      case 'e': args.push(locale.expected[words[word++]]); break;
      case 'r': args.push(locale.received[words[word++]]); break;
      default: {
        const first = words[word++];
        const count = words[word++];
        let listed = '';
        for (let j = 0; j < count; j++) listed += `${j > 0 ? locale.sep : ''}"${decode(spans, first + j, text)}"`;
        args.push(listed);
      }
    }
  }
  return locale.templates[id](locale.labels[field], args);
}

/** Text argument `index` (UTF-8 in wasm memory). */
function decode(spans, index, text) {
  const start = text + words[spans + 2 * index];
  const length = words[spans + 2 * index + 1];
  const view = new Uint8Array(memory.buffer, start, length);
  let ascii = '';
  for (let i = 0; i < length; i++) {
    if (view[i] > 0x7f) return decoder.decode(view);
    ascii += String.fromCharCode(view[i]);
  }
  return ascii;
}

/** A validator of one string field (its discriminant). */
function fieldValidator(field) {
  return (value, options) => {
    ready();
    const locale = localeOf(options);
    const sasl = saslOf(options);
    begin();
    str(field, value);
    const o = call(wasm.validate_field(field, sasl));
    return words[o] === 1 ? [] : issues(o, locale);
  };
}

export {
  attach,
  validateCreateConnection,
  validateUpdateConnection,
  validateName,
  validateDescription,
  validateVpcId,
  validateSubnetId,
  validateType,
  validateInstanceId,
  validateAddr,
  validateSecurityProtocol,
  validateUserName,
  validatePassword,
  validateAcks,
};
