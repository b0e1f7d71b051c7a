//! The npm validator's buffer layout, in plain Rust (tested natively): what
//! the JavaScript reader writes into wasm memory, how it becomes the core's
//! untyped input, and how a verdict is written back as numbers.
//!
//! In (written by the generated reader in the npm package's `core.js`):
//! - `bytes`: every string of the request, concatenated in write order, as
//!   UTF-8 (one `TextEncoder.encodeInto`).
//! - `slots`: three `i32` per [`Field`] (its discriminant is the slot;
//!   slot 0 is the body): `[tag, a, b]`. For [`TAG_STRING`] `a`/`b` are the
//!   string's offset and length in UTF-16 units, in ascending slot order;
//!   for [`TAG_LONE_SURROGATE`] `a` is the 1-based character position.
//! - `keys`: unknown property names, `[parent field, offset, length]` each,
//!   in UTF-16 units, after every slot's string.
//! - The reader says whether the text is ASCII; if not,
//!   [`Input::units_to_bytes`] turns UTF-16 offsets into byte offsets.
//!
//! Out (`out`, read by `npm/src/runtime.js`):
//! - [`VALID_WORDS`] for a valid request: `[1, type, acks]` (indices into
//!   [`ConnectionType::ALL`] and [`Acks::ALL_VALUES`]), then two sets of
//!   [`FLAG_WORDS`] words with a bit per slot (`slot % 32` of word `slot /
//!   32`): the fields the normalized body carries, then the switches that
//!   are on. An older name's bit in the first set says a value came under
//!   that name. An update's `description` is carried when it is sent (an
//!   empty one clears it).
//! - `[0, issue count, address of the text arguments, 0]`, then
//!   [`ISSUE_WORDS`] per issue:
//!   `[field, code, part 1 (id and PART_ARGS argument words), part 2 (id -1
//!   when absent, and its words)]`, then the text table: `[offset, length]`
//!   in `text` per text argument. An argument word is a number, a kind, a
//!   text index, or (for a key list) the first text index followed by the
//!   count.

use crate::fields::{Family, Field, ALIASES, ALL_FIELDS};
use crate::i18n::{compose, Arg, MessageId};
use crate::input::{older_slot, Fields, Raw, Slot, ValueKind, SLOTS, SLOT_PARENTS};
use crate::issue::Issue;
use crate::model::{Acks, ConnectionType};
use crate::rules::{check_create_input, check_field, check_update_input, not_an_object, ValidCreate, ValidUpdate};
use alloc::string::String;
use alloc::vec::Vec;

/// Words per field slot.
pub const SLOT_WORDS: usize = 3;
/// The slots of every field, then of every older name ([`older_slot`]).
pub const SLOTS_LEN: usize = SLOT_WORDS * SLOTS;
/// Words of one set of slot bits.
pub const FLAG_WORDS: usize = SLOTS.div_ceil(32);
/// Words of a valid verdict: `[1, type, acks]`, the carried fields, the
/// switches that are on.
pub const VALID_WORDS: usize = 3 + 2 * FLAG_WORDS;

/// Argument words per message part.
pub const PART_ARGS: usize = 4;
/// Words per issue record.
pub const ISSUE_WORDS: usize = 2 + 2 * (1 + PART_ARGS);
/// Words before the first issue record.
pub const OUT_HEADER: usize = 4;

/// The property is absent (`undefined`).
pub const TAG_MISSING: i32 = 0;
/// `null`.
pub const TAG_NULL: i32 = 1;
/// A string, as UTF-8 in `bytes`.
pub const TAG_STRING: i32 = 2;
/// `false`.
pub const TAG_FALSE: i32 = 3;
/// `true`.
pub const TAG_TRUE: i32 = 4;
/// A string UTF-8 cannot carry (an unpaired surrogate).
pub const TAG_LONE_SURROGATE: i32 = 5;
/// `TAG_KIND + kind`: any other value, by [`ValueKind`] (an object where one
/// is expected is read through its own slots).
pub const TAG_KIND: i32 = 16;

/// What the JavaScript reader writes.
#[derive(Debug)]
pub struct Input {
    pub slots: [i32; SLOTS_LEN],
    pub keys: Vec<i32>,
    /// How many unknown keys `keys` holds for this call.
    pub keys_len: usize,
    pub bytes: Vec<u8>,
    /// How many bytes of `bytes` this request's text takes.
    pub text_len: usize,
    /// Whether the offsets are in UTF-16 units (the text is not ASCII).
    pub offsets_in_units: bool,
    /// Whether [`Input::units_to_bytes`] looks for unpaired surrogates
    /// (JavaScript has not: see [`Input::begin`]).
    pub find_surrogates: bool,
}

/// The verdict JavaScript reads back.
#[derive(Debug, Default)]
pub struct Output {
    pub out: Vec<i32>,
    /// Text arguments, one after the other.
    pub text: String,
    /// `[offset, length]` of each text argument in `text`.
    spans: Vec<i32>,
}

/// The buffers shared with JavaScript.
#[derive(Debug)]
pub struct Io {
    pub input: Input,
    pub output: Output,
}

impl Default for Io {
    fn default() -> Self {
        Io::new()
    }
}

impl Io {
    /// Empty buffers.
    pub const fn new() -> Self {
        Io {
            input: Input {
                slots: [0; SLOTS_LEN],
                keys: Vec::new(),
                keys_len: 0,
                bytes: Vec::new(),
                text_len: 0,
                offsets_in_units: false,
                find_surrogates: false,
            },
            output: Output {
                out: Vec::new(),
                text: String::new(),
                spans: Vec::new(),
            },
        }
    }

    /// Validates the create request in the buffers; the verdict goes to `out`.
    pub fn validate_create(&mut self, utf8: Option<Utf8Written>) {
        self.input.units_to_bytes();
        let reader = self.input.reader(utf8);
        let output = self.output.begin();
        let verdict = match reader.body() {
            Ok(()) => check_create_input(&reader),
            Err(received) => Err(alloc::vec![not_an_object(received)]),
        };
        match verdict {
            Ok(valid) => output.out.extend_from_slice(&create_words(&valid, &reader)),
            Err(issues) => output.issues(&issues),
        }
    }

    /// Validates the update request in the buffers.
    pub fn validate_update(&mut self, utf8: Option<Utf8Written>) {
        self.input.units_to_bytes();
        let reader = self.input.reader(utf8);
        let output = self.output.begin();
        let verdict = match reader.body() {
            Ok(()) => check_update_input(&reader),
            Err(received) => Err(alloc::vec![not_an_object(received)]),
        };
        match verdict {
            Ok(valid) => output.out.extend_from_slice(&update_words(&valid, &reader)),
            Err(issues) => output.issues(&issues),
        }
    }

    /// Validates one string field (`field` is its discriminant);
    /// `switched_on` is its object's switch (SASL_SSL, ACL) for credentials.
    pub fn validate_field(&mut self, field: u32, switched_on: bool, utf8: Option<Utf8Written>) {
        self.input.units_to_bytes();
        let field = ALL_FIELDS.get(field as usize).copied().unwrap_or(Field::Root);
        // One string alone: its object's slot is not written.
        let issues = check_field(field, &self.input.reader(utf8).field_text(field as usize), switched_on);
        let output = self.output.begin();
        if issues.is_empty() {
            let mut words = [0; VALID_WORDS];
            words[0] = 1;
            output.out.extend_from_slice(&words);
        } else {
            output.issues(&issues);
        }
    }
}

impl Input {
    /// Starts a request of `keys` unknown keys and a text of `units` UTF-16
    /// units written as `bytes` bytes (the same number: ASCII).
    ///
    /// `surrogates_marked`: JavaScript has tagged every string holding an
    /// unpaired surrogate ([`TAG_LONE_SURROGATE`]), as it does when the
    /// text has a U+FFFD of its own. Otherwise they are found here, from the
    /// UTF-8: `encodeInto` wrote U+FFFD for each, except for the two halves
    /// of a pair split between neighbouring strings, which it wrote as the
    /// pair; the walk sees that split.
    pub fn begin(&mut self, keys: usize, units: usize, bytes: usize, surrogates_marked: bool) {
        self.keys_len = keys;
        self.text_len = bytes.min(self.bytes.len());
        self.offsets_in_units = units != bytes;
        self.find_surrogates = self.offsets_in_units && !surrogates_marked;
    }

    /// Turns the reader's UTF-16 offsets into byte offsets in `bytes`, in
    /// one pass over the text (spans come in ascending order: slots, then
    /// keys; a slot left from an earlier request costs at most a walk to
    /// the end of this one's text, and is never read). Nothing to do for
    /// ASCII text, where the two agree.
    pub fn units_to_bytes(&mut self) {
        if !core::mem::take(&mut self.offsets_in_units) {
            return;
        }
        let mut walk = Utf16Walk {
            bytes: self.bytes.get(..self.text_len).unwrap_or_default(),
            byte: 0,
            unit: 0,
            mid_pair: None,
            lead_ef: false,
        };
        for slot in self.slots.chunks_exact_mut(SLOT_WORDS) {
            if let [tag @ TAG_STRING, offset, length] = slot {
                let empty = *length == 0;
                let span = walk.span(offset, length);
                if self.find_surrogates && !empty {
                    if let Some(position) = span.lone_surrogate() {
                        *tag = TAG_LONE_SURROGATE;
                        *offset = position as i32;
                    }
                }
            }
        }
        for key in self.keys.chunks_exact_mut(3).take(self.keys_len) {
            if let [_, offset, length] = key {
                walk.span(offset, length);
            }
        }
    }

    /// Makes `bytes` hold at least `capacity` bytes.
    pub fn reserve_bytes(&mut self, capacity: usize) {
        if self.bytes.len() < capacity {
            self.bytes.resize(capacity, 0);
        }
    }

    /// Makes `keys` hold at least `count` unknown keys.
    pub fn reserve_keys(&mut self, count: usize) {
        if self.keys.len() < 3 * count {
            self.keys.resize(3 * count, 0);
        }
    }

    fn slot(&self, index: usize) -> (i32, i32, i32) {
        match self.slots.get(SLOT_WORDS * index..) {
            Some([tag, a, b, ..]) => (*tag, *a, *b),
            _ => (TAG_MISSING, 0, 0),
        }
    }

    /// The request as the rules read it: each string a slice of the text.
    /// Without `utf8`, the text is checked as UTF-8 first (once, as a whole;
    /// should the check fail, every string reads as unreadable).
    pub fn reader(&self, utf8: Option<Utf8Written>) -> Reader<'_> {
        let bytes = self.bytes.get(..self.text_len).unwrap_or_default();
        let text = match utf8 {
            #[allow(unsafe_code)]
            // SAFETY: the caller of `Utf8Written::promise` vouches that
            // this text is UTF-8.
            Some(_) => unsafe { core::str::from_utf8_unchecked(bytes) },
            None => core::str::from_utf8(bytes).unwrap_or_default(),
        };
        Reader { input: self, text }
    }
}

/// A promise that the text in [`Input::bytes`] is UTF-8, as
/// `TextEncoder.encodeInto` always writes it (it writes U+FFFD for an
/// unpaired surrogate), so the rules need not check it again: the check
/// cost a fifth of a validation on text that is not ASCII, measured.
/// wasm-bindgen's own glue makes the same promise for every string it
/// passes into Rust.
#[derive(Debug, Clone, Copy)]
pub struct Utf8Written(());

impl Utf8Written {
    /// # Safety
    /// Until the validation given the promise returns, `bytes[..text_len]`
    /// of its [`Input`] is UTF-8.
    #[allow(unsafe_code)]
    pub const unsafe fn promise() -> Self {
        Utf8Written(())
    }
}

/// [`Input`] over its text as UTF-8.
#[derive(Debug, Clone, Copy)]
pub struct Reader<'a> {
    input: &'a Input,
    text: &'a str,
}

impl<'a> Reader<'a> {
    /// The string at byte `offset`, `length` bytes long, when it lies on
    /// character boundaries of the text.
    fn text_at_bytes(&self, offset: i32, length: i32) -> Option<&'a str> {
        let start = usize::try_from(offset).ok()?;
        let end = start.checked_add(usize::try_from(length).ok()?)?;
        self.text.get(start..end)
    }

    /// The string in slot `index` as the rules see it.
    pub fn text_at(&self, index: usize) -> Raw<&'a str> {
        Self::as_text(self.slot_value(index))
    }

    /// The string in slot `index`, whatever its object (a field validated
    /// on its own).
    pub fn field_text(&self, index: usize) -> Raw<&'a str> {
        Self::as_text(self.raw_value(index))
    }

    fn as_text(slot: Slot<&'a str>) -> Raw<&'a str> {
        match slot {
            Slot::Text(text) => Raw::Value(text),
            Slot::LoneSurrogate(position) => Raw::LoneSurrogate(position),
            Slot::Missing => Raw::Missing,
            Slot::Null => Raw::Null,
            other => Raw::WrongType(other.kind()),
        }
    }

    /// Whether the body is an object, or what it is instead.
    pub fn body(&self) -> Result<(), ValueKind> {
        match self.raw_value(Field::Root as usize) {
            Slot::Object => Ok(()),
            Slot::Missing | Slot::Null => Err(ValueKind::Null),
            other => Err(other.kind()),
        }
    }

    /// The value in slot `index`, as the reader wrote it, when its object
    /// is one: the reader writes nothing for the fields of an object that
    /// is absent or is something else, and their slots may hold an
    /// earlier request's values.
    fn slot_value(&self, index: usize) -> Slot<&'a str> {
        let parent = SLOT_PARENTS.get(index).copied().unwrap_or(Field::Root);
        if parent != Field::Root && self.input.slot(parent as usize).0 != TAG_KIND + ValueKind::Object as i32 {
            return Slot::Missing;
        }
        self.raw_value(index)
    }

    /// The value in slot `index`, whatever its object. Not inlined: the
    /// rules read many fields, and one copy of this is 0.8 KB of wasm less.
    #[inline(never)]
    fn raw_value(&self, index: usize) -> Slot<&'a str> {
        let (tag, a, b) = self.input.slot(index);
        match tag {
            TAG_MISSING => Slot::Missing,
            TAG_NULL => Slot::Null,
            TAG_STRING => self
                .text_at_bytes(a, b)
                .map_or(Slot::Other(ValueKind::Unreadable), Slot::Text),
            TAG_LONE_SURROGATE => Slot::LoneSurrogate(usize::try_from(a).unwrap_or(1)),
            TAG_FALSE => Slot::Flag(false),
            TAG_TRUE => Slot::Flag(true),
            _ => match ValueKind::ALL.get((tag - TAG_KIND) as usize).copied() {
                Some(ValueKind::Object) => Slot::Object,
                Some(kind) => Slot::Other(kind),
                None => Slot::Other(ValueKind::Unreadable),
            },
        }
    }
}

impl Fields for Reader<'_> {
    fn text_at(&self, index: usize) -> Raw<&str> {
        Reader::text_at(self, index)
    }

    fn flag_at(&self, index: usize) -> Raw<bool> {
        match self.slot_value(index) {
            Slot::Flag(on) => Raw::Value(on),
            Slot::Missing => Raw::Missing,
            Slot::Null => Raw::Null,
            other => Raw::WrongType(other.kind()),
        }
    }

    fn object(&self, field: Field) -> Raw<()> {
        match self.slot_value(field as usize) {
            Slot::Object => Raw::Value(()),
            Slot::Missing => Raw::Missing,
            Slot::Null => Raw::Null,
            other => Raw::WrongType(other.kind()),
        }
    }

    fn given(&self, index: usize) -> bool {
        !matches!(self.slot_value(index), Slot::Missing)
    }

    fn unknown_keys_of(&self, parent: Field) -> impl Iterator<Item = &str> {
        self.input
            .keys
            .chunks_exact(3)
            .take(self.input.keys_len)
            .filter_map(move |key| match key {
                [owner, offset, length] if *owner == parent as i32 => {
                    Some(self.text_at_bytes(*offset, *length).unwrap_or("\u{FFFD}"))
                }
                _ => None,
            })
    }
}

/// A walk through UTF-8 text counting UTF-16 units.
struct Utf16Walk<'a> {
    bytes: &'a [u8],
    byte: usize,
    unit: usize,
    /// The last offset sought that fell between the halves of a pair.
    mid_pair: Option<usize>,
    /// Whether a byte 0xEF (the lead of U+FFFD among others) was passed
    /// since the last [`Utf16Walk::span`] began.
    lead_ef: bool,
}

/// What the walk saw of one string.
#[derive(Debug, Clone, Copy, Default)]
struct Span<'a> {
    /// Its UTF-8 (with the whole pair when it ends mid-pair).
    bytes: &'a [u8],
    starts_mid_pair: bool,
    ends_mid_pair: bool,
    may_hold_replacement: bool,
}

impl Span<'_> {
    /// The 1-based character position of the string's first unpaired
    /// surrogate: a U+FFFD that `encodeInto` wrote for one, or a half of a
    /// pair split from its neighbour.
    fn lone_surrogate(self) -> Option<usize> {
        let bytes = self.bytes;
        if self.starts_mid_pair {
            return Some(1);
        }
        if !self.ends_mid_pair && !self.may_hold_replacement {
            return None;
        }
        let mut characters = 0;
        for (at, &byte) in bytes.iter().enumerate() {
            characters += usize::from(byte & 0xC0 != 0x80);
            if byte == 0xEF && bytes.get(at + 1..at + 3) == Some(&[0xBF, 0xBD]) {
                return Some(characters);
            }
        }
        self.ends_mid_pair.then_some(characters)
    }
}

impl<'a> Utf16Walk<'a> {
    /// The byte offset of UTF-16 offset `unit`, and whether `unit` falls
    /// between the halves of a surrogate pair (the offset is then the byte
    /// after the pair).
    fn seek(&mut self, unit: usize) -> (usize, bool) {
        if self.mid_pair == Some(unit) {
            return (self.byte, true);
        }
        if unit < self.unit {
            // Spans come in ascending order; should one not, start over.
            self.byte = 0;
            self.unit = 0;
        }
        // Eight bytes at a time while the whole word lies before `unit`:
        // each byte counts one unit, a continuation byte none, a four-byte
        // lead two (its character is a surrogate pair). The bytes finish
        // the last few.
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        while let Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) = self.bytes.get(self.byte..self.byte + 8) {
            let word = u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]);
            let continuation = word & !(word << 1) & HIGH;
            let four_byte_lead = word & (word << 1) & (word << 2) & (word << 3) & HIGH;
            let units = 8 - continuation.count_ones() as usize + four_byte_lead.count_ones() as usize;
            if self.unit + units > unit {
                break;
            }
            // A zero byte in `word ^ 0xEFEF..` is a byte 0xEF in `word`.
            let xor = word ^ (0xEF * ONES);
            self.lead_ef |= xor.wrapping_sub(ONES) & !xor & HIGH != 0;
            self.unit += units;
            self.byte += 8;
        }
        while let Some(&byte) = self.bytes.get(self.byte) {
            let is_continuation = byte & 0xC0 == 0x80;
            if self.unit >= unit && !is_continuation {
                break;
            }
            self.lead_ef |= byte == 0xEF;
            self.unit += match byte {
                0xF0.. => 2,
                _ if is_continuation => 0,
                _ => 1,
            };
            self.byte += 1;
        }
        let split = self.unit > unit;
        self.mid_pair = split.then_some(unit);
        (self.byte, split)
    }

    /// Rewrites `offset` and `length` from UTF-16 units to bytes.
    fn span(&mut self, offset: &mut i32, length: &mut i32) -> Span<'a> {
        let (Ok(start), Ok(units)) = (usize::try_from(*offset), usize::try_from(*length)) else {
            return Span::default();
        };
        let (start_byte, starts_mid_pair) = self.seek(start);
        self.lead_ef = false;
        let (end_byte, ends_mid_pair) = self.seek(start.saturating_add(units));
        *offset = start_byte as i32;
        *length = end_byte.saturating_sub(start_byte) as i32;
        Span {
            bytes: self.bytes.get(start_byte..end_byte).unwrap_or_default(),
            starts_mid_pair,
            ends_mid_pair,
            may_hold_replacement: self.lead_ef,
        }
    }
}

/// A valid verdict's words, filled field by field.
struct Verdict([i32; VALID_WORDS]);

impl Verdict {
    fn new(kind: Option<ConnectionType>, acks: Option<Acks>) -> Self {
        let mut words = [0; VALID_WORDS];
        words[0] = 1;
        if let Some(index) = kind.and_then(|kind| ConnectionType::ALL.iter().position(|each| *each == kind)) {
            words[1] = index as i32;
        }
        if let Some(index) = acks.and_then(|acks| Acks::ALL_VALUES.iter().position(|each| *each == acks)) {
            words[2] = index as i32;
        }
        Verdict(words)
    }

    /// The body carries slot `slot`; `on` for a switch that is on.
    fn carry(&mut self, slot: usize, on: bool) {
        let (word, bit) = (3 + slot / 32, 1i32 << (slot % 32));
        if let Some(carried) = self.0.get_mut(word) {
            *carried |= bit;
        }
        if let (true, Some(truth)) = (on, self.0.get_mut(word + FLAG_WORDS)) {
            *truth |= bit;
        }
    }

    /// Marks the older names a carried string came under: JavaScript then
    /// takes the value from that slot.
    fn older_names(mut self, input: &impl Fields) -> [i32; VALID_WORDS] {
        for alias in &ALIASES {
            let field = alias.field;
            let is_text = field.spec().is_some_and(|spec| spec.family != Family::Flag);
            let carried = self
                .0
                .get(3 + field as usize / 32)
                .is_some_and(|word| word & (1 << (field as usize % 32)) != 0);
            if is_text && carried && input.text(field).is_absent() && !input.text_at(older_slot(field)).is_absent() {
                self.carry(older_slot(field), false);
            }
        }
        self.0
    }
}

/// The words of a valid create request.
fn create_words(valid: &ValidCreate, input: &impl Fields) -> [i32; VALID_WORDS] {
    let mut verdict = Verdict::new(Some(valid.connection_type()), valid.detail.acks());
    for field in [Field::Name, Field::VpcId, Field::SubnetId, Field::Type] {
        verdict.carry(field as usize, false);
    }
    if valid.description.is_some() {
        verdict.carry(Field::Description as usize, false);
    }
    valid.detail.fields(|field, on| verdict.carry(field as usize, on));
    verdict.older_names(input)
}

/// The words of a valid update request.
fn update_words(valid: &ValidUpdate, input: &impl Fields) -> [i32; VALID_WORDS] {
    let mut verdict = Verdict::new(None, None);
    if valid.description.is_some() {
        verdict.carry(Field::Description as usize, false);
    }
    if let Some(detail) = &valid.detail {
        detail.fields(|field, on| verdict.carry(field as usize, on));
    }
    verdict.older_names(input)
}

impl Output {
    /// Clears the previous verdict, keeping the memory.
    fn begin(&mut self) -> &mut Self {
        self.out.clear();
        self.text.clear();
        self.spans.clear();
        self
    }

    /// The invalid verdict: header, issue records, then the text table.
    fn issues(&mut self, issues: &[Issue]) {
        self.out.extend_from_slice(&[0, issues.len() as i32, 0, 0]);
        let header = self.out.len() - 2;
        for issue in issues {
            let record = self.out.len();
            self.out.push(issue.field as i32);
            self.out.push(issue.kind.code_index() as i32);
            compose(issue, |id, args| self.part(id, args));
            // A second part absent: id -1.
            if self.out.len() < record + ISSUE_WORDS {
                self.out.push(-1);
            }
            self.out.resize(record + ISSUE_WORDS, 0);
        }
        let spans = core::mem::take(&mut self.spans);
        self.out.extend_from_slice(&spans);
        self.spans = spans;
        // Where the text arguments are: the text only grows while issues are written.
        if let Some(word) = self.out.get_mut(header) {
            *word = self.text.as_ptr() as usize as i32;
        }
    }

    /// One message part: its id, then its argument words, padded.
    fn part(&mut self, id: MessageId, args: &[Arg]) {
        let first = self.out.len();
        self.out.push(id as i32);
        for arg in args {
            match arg {
                Arg::Number(number) => self.out.push(*number as i32),
                Arg::Expected(kind) | Arg::Received(kind) => self.out.push(*kind as i32),
                Arg::Label(field) => self.out.push(*field as i32),
                Arg::Text(text) => {
                    let index = self.text(text);
                    self.out.push(index);
                }
                Arg::Char(ch) => {
                    // Shown straight into the text, no string of its own.
                    let start = self.text.len();
                    crate::i18n::push_char_shown(&mut self.text, *ch);
                    let index = self.span(start, self.text.len() - start);
                    self.out.push(index);
                }
                Arg::Keys(keys) => {
                    let first_text = self.spans.len() as i32 / 2;
                    for key in keys.iter() {
                        self.text(key);
                    }
                    self.out.push(first_text);
                    self.out.push(keys.len() as i32);
                }
            }
        }
        self.out.resize(first + 1 + PART_ARGS, 0);
    }

    /// Adds a text argument; returns its index in the text table.
    fn text(&mut self, text: &str) -> i32 {
        let start = self.text.len();
        self.text.push_str(text);
        self.span(start, text.len())
    }

    /// Records `text[start..start + length]` as a text argument; returns its index.
    fn span(&mut self, start: usize, length: usize) -> i32 {
        let index = self.spans.len() as i32 / 2;
        self.spans.push(start as i32);
        self.spans.push(length as i32);
        index
    }
}
