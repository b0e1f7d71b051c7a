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

let wasm, memory, slots, words, memoryBytes, bytes, keys;
let bytesAt = 0, bytesCap = 0, keysAt = 0, keysCap = 0, keyCount = 0;
/** The request's strings, concatenated in write order, and their length in UTF-16 units. */
let joined = '', units = 0;
/** Whether `flush` tagged the strings holding an unpaired surrogate (else Rust finds them). */
let surrogatesMarked = false;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Binds the validator to an instantiated wasm module's exports (the first one wins). */
function attach(wasmExports) {
  if (wasm !== undefined) return;
  wasm = wasmExports;
  memory = wasm.memory;
  views();
}

/** Whether a wasm module is bound: every validator then answers synchronously. */
function attached() {
  return wasm !== undefined;
}

// Loading. wasm-bindgen's generated loader is not shipped: the exports take
// and return numbers only, so the module's one import, wasm-bindgen's hook
// to set up its table of JavaScript values, has nothing to set up here.
// (scripts/build-npm.sh fails if the module ever imports anything else.)
const IMPORTS = { './eg_connections_bg.js': { __wbindgen_init_externref_table() {} } };

function started(instance) {
  instance.exports.__wbindgen_start?.();
  return instance.exports;
}

/** Why a fetched wasm could not be used, and what to do about it. */
function notShipped(what, url) {
  return new Error(`eg-connections: ${what} at ${url}: ship eg_connections_bg.wasm there, or pass its URL or bytes to init()`);
}

/** The module's exports, from a URL, a `Response`, bytes or a compiled module. */
async function instantiate(source) {
  if (typeof source === 'string' || source instanceof URL || (typeof Request === 'function' && source instanceof Request)) {
    source = await fetch(source);
  }
  if (typeof Response === 'function' && source instanceof Response) {
    if (!source.ok) throw notShipped(`no wasm (${source.status})`, source.url);
    if (source.headers.get('Content-Type') === 'application/wasm') {
      return started((await WebAssembly.instantiateStreaming(source, IMPORTS)).instance);
    }
    const url = source.url;
    source = await source.arrayBuffer();
    // A static host's fallback page (200, text/html) instead of the file.
    if (new Uint32Array(source, 0, Math.min(1, source.byteLength >> 2))[0] !== 0x6d736100) {
      throw notShipped('not WebAssembly', url);
    }
  }
  const result = await WebAssembly.instantiate(source, IMPORTS);
  return started(result instanceof WebAssembly.Instance ? result : result.instance);
}

/** The module's exports, synchronously, from bytes or a compiled module. */
function instantiateSync(source) {
  const module = source instanceof WebAssembly.Module ? source : new WebAssembly.Module(source);
  return started(new WebAssembly.Instance(module, IMPORTS));
}

function ready() {
  if (wasm === undefined) {
    throw new Error(
      'eg-connections: the wasm is not loaded yet: `await init()` once before validating synchronously ' +
        '(or `initSync`; the Standard Schema waits by itself)',
    );
  }
}

/** (Re)creates the typed-array views; growing the memory detaches the old ones. */
function views() {
  const buffer = memory.buffer;
  slots = new Int32Array(buffer, wasm.io_slots() >>> 0, SLOTS_LEN);
  words = new Int32Array(buffer);
  memoryBytes = new Uint8Array(buffer);
  if (bytesCap > 0) bytes = new Uint8Array(buffer, bytesAt, bytesCap);
  if (keysCap > 0) keys = new Int32Array(buffer, keysAt, keysCap * 3);
}

function fresh() {
  // A grown memory detaches the old buffer, and its views read as empty
  // (cheaper to test than `memory.buffer`, a getter into the engine).
  if (words.length === 0) views();
}

/** Starts writing a request. */
function begin() {
  fresh();
  joined = '';
  units = 0;
  keyCount = 0;
}

/**
 * Writes the request's text into wasm memory as UTF-8, all strings in one
 * `encodeInto` (one call into the engine instead of a JavaScript loop per
 * character). Slots hold UTF-16 offsets: byte offsets when the text is
 * ASCII, else Rust converts them. Returns the number of bytes written.
 *
 * Unpaired surrogates: `encodeInto` writes U+FFFD for each, and Rust finds
 * them there (and a pair split between two neighbouring strings, which it
 * writes as the pair, by its offsets). Only text with a U+FFFD of its own,
 * which Rust could not tell from a written one, is scanned here, with the
 * strings tagged before the call (`surrogatesMarked`).
 */
function flush(lastSlot) {
  surrogatesMarked = false;
  if (units === 0) return 0;
  if (3 * units > bytesCap) {
    bytesCap = Math.max(3 * units, 2 * bytesCap, 4096);
    bytesAt = wasm.io_bytes(bytesCap) >>> 0;
    views();
  }
  const written = encoder.encodeInto(joined, bytes).written;
  if (written !== units && joined.indexOf('\ufffd') !== -1) {
    surrogatesMarked = true;
    // Rare: each string on its own (two strings can join the halves of a
    // pair, so the whole text being well formed would not do).
    for (let at = SLOT_WORDS; at <= lastSlot * SLOT_WORDS; at += SLOT_WORDS) {
      if (slots[at] !== TAG_STRING) continue;
      const text = joined.slice(slots[at + 1], slots[at + 1] + slots[at + 2]);
      if (wellFormed(text)) continue;
      slots[at] = TAG_LONE_SURROGATE;
      slots[at + 1] = lonePosition(text);
    }
  }
  return written;
}

function wellFormed(text) {
  return typeof text.isWellFormed === 'function' ? text.isWellFormed() : lonePosition(text) === 0;
}

function isHighSurrogate(unit) {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit) {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** The 1-based character position of the first unpaired surrogate, or 0. */
function lonePosition(text) {
  let chars = 0;
  for (let i = 0; i < text.length; i++, chars++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (unit > 0xdbff || next < 0xdc00 || next > 0xdfff) return chars + 1;
    i++;
  }
  return 0;
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
  slots[at] = TAG_STRING;
  slots[at + 1] = units;
  slots[at + 2] = value.length;
  joined += value;
  units += value.length;
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
    let key = list[i];
    // A key that starts with a low or ends with a high surrogate holds an
    // unpaired one; written next to a neighbour that ends or starts with
    // the other half, the two would join into a pair in the text. Such a
    // key is named with U+FFFD there, as every unpaired surrogate in a key.
    if (key.length > 0 && (isLowSurrogate(key.charCodeAt(0)) || isHighSurrogate(key.charCodeAt(key.length - 1)))) {
      key = replaceLoneSurrogates(key);
    }
    const at = 3 * keyCount++;
    keys[at] = slot;
    keys[at + 1] = units;
    keys[at + 2] = key.length;
    joined += key;
    units += key.length;
  }
}

/** `text` with U+FFFD for each unpaired surrogate (`toWellFormed`). */
function replaceLoneSurrogates(text) {
  if (typeof text.toWellFormed === 'function') return text.toWellFormed();
  let fixed = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isHighSurrogate(unit) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      fixed += text[i] + text[++i];
    } else {
      fixed += isHighSurrogate(unit) || isLowSurrogate(unit) ? '\ufffd' : text[i];
    }
  }
  return fixed;
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

/** Whether `options[name]` is `true` (the switch credentials depend on). */
function switchOf(options, name) {
  if (options === undefined || options === null || typeof options !== 'object') return false;
  try {
    return !Array.isArray(options) && options[name] === true;
  } catch {
    return false;
  }
}

/** The issues of an invalid verdict at `words[o]`. */
function issues(o, locale) {
  const count = words[o + 1];
  const spans = o + OUT_HEADER + count * ISSUE_WORDS;
  const text = words[o + 2] >>> 0;
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
      case 'l': args.push(locale.labels[words[word++]]); break;
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
  const end = start + words[spans + 2 * index + 1];
  let ascii = '';
  for (let i = start; i < end; i++) {
    const byte = memoryBytes[i];
    if (byte > 0x7f) return decoder.decode(memoryBytes.subarray(start, end));
    ascii += String.fromCharCode(byte);
  }
  return ascii;
}

/**
 * A validator of one string field (its discriminant); `switchName` is the
 * option that says whether a credential's switch is on (`enableSaslSsl`),
 * `null` for other fields.
 */
function fieldValidator(field, switchName) {
  return (value, options) => {
    ready();
    const locale = localeOf(options);
    const on = switchName !== null && switchOf(options, switchName);
    begin();
    str(field, value);
    const written = flush(field);
    const o = call(wasm.validate_field(field, on, units, written, surrogatesMarked));
    return words[o] === 1 ? [] : issues(o, locale);
  };
}

export {
  attach,
  attached,
  instantiate,
  instantiateSync,
  validateCreateConnection,
  validateUpdateConnection,
  fieldValidator,
};
