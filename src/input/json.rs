//! Reading request bodies from JSON text (feature `json`): any JSON value
//! becomes a [`Body`], with every field classified, never a parse failure.
//! `serde_json::from_slice` (or `from_str`, `from_value`) fails only on text
//! that is not JSON at all.
//!
//! Each value is first taken as raw JSON text and classified by its first
//! byte, so that a string escaping an unpaired UTF-16 surrogate (`"\ud800"`,
//! which serde_json refuses as a Rust `String`) is still read: it becomes
//! [`Slot::LoneSurrogate`] at its field, the same issue the npm validator
//! reports for the same JavaScript string. Unknown properties' values are
//! skipped without being built.

use super::{older_slot, Body, Input, Slot, ValueKind};
use crate::fields::Family;
use crate::Field;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

/// The kind of a JSON value, by its first byte.
fn kind_of(text: &str) -> ValueKind {
    match text.as_bytes().first() {
        Some(b'"') => ValueKind::String,
        Some(b'{') => ValueKind::Object,
        Some(b'[') => ValueKind::Array,
        Some(b't' | b'f') => ValueKind::Boolean,
        Some(b'n') => ValueKind::Null,
        _ => ValueKind::Number,
    }
}

impl<'de> Deserialize<'de> for Body<Input> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Owned, not borrowed: `serde_json::from_value` can give it too.
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        match kind_of(raw.get()) {
            ValueKind::Object => {
                let mut input = Input::default();
                read_object(raw.get(), Field::Root, &mut input).map_err(de::Error::custom)?;
                Ok(Body::Object(input))
            }
            // A lone surrogate is still a string.
            kind => Ok(Body::NotObject(kind)),
        }
    }
}

/// Reads the JSON object `text`, the value of the object field `parent`,
/// into `input`'s slots.
fn read_object(text: &str, parent: Field, input: &mut Input) -> serde_json::Result<()> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    de::Deserializer::deserialize_map(&mut deserializer, ObjectReader { parent, input })?;
    deserializer.end()
}

/// The slot a JSON value fills.
fn slot_of(text: &str, field: Field, input: &mut Input) -> serde_json::Result<Slot> {
    Ok(match kind_of(text) {
        ValueKind::String => match decode_string(text) {
            Ok(value) => Slot::Text(value),
            Err(position) => Slot::LoneSurrogate(position),
        },
        ValueKind::Object if field.spec().is_some_and(|spec| spec.family == Family::Object) => {
            input.clear_object(field);
            read_object(text, field, input)?;
            Slot::Object
        }
        ValueKind::Boolean => Slot::Flag(text.starts_with('t')),
        ValueKind::Null => Slot::Null,
        kind => Slot::Other(kind),
    })
}

/// Reads one object's properties: each known field's value into its slot
/// (an older name's into its own), unknown names kept in input order, their
/// values skipped without being built.
struct ObjectReader<'a> {
    parent: Field,
    input: &'a mut Input,
}

impl<'de> Visitor<'de> for ObjectReader<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let ObjectReader { parent, input } = self;
        while let Some(KeyName(key)) = map.next_key()? {
            let target = match Field::from_key(parent, &key) {
                Some(field) => Some((field, field as usize)),
                None => Field::from_alias(parent, &key).map(|field| (field, older_slot(field))),
            };
            match target {
                Some((field, index)) => {
                    let value = map.next_value::<Box<RawValue>>()?;
                    let slot = slot_of(value.get(), field, input).map_err(de::Error::custom)?;
                    input.set(index, slot);
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                    input.unknown_keys.push((parent, key));
                }
            }
        }
        Ok(())
    }
}

/// A JSON string literal's text, or the 1-based character position of its
/// first unpaired surrogate.
fn decode_string(text: &str) -> Result<String, usize> {
    if let Ok(value) = serde_json::from_str::<String>(text) {
        return Ok(value);
    }
    // Not Unicode: serde_json hands the escapes over as WTF-8 bytes instead.
    let bytes = deserialize_wtf8(text).unwrap_or_default();
    let surrogate = first_surrogate(&bytes).unwrap_or(bytes.len());
    let before = bytes[..surrogate]
        .iter()
        .filter(|byte| !is_continuation(**byte))
        .count();
    Err(before + 1)
}

fn deserialize_wtf8(text: &str) -> serde_json::Result<Vec<u8>> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    de::Deserializer::deserialize_bytes(&mut deserializer, Wtf8Visitor)
}

const fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// Where the first surrogate code point (`ED A0..BF ..` in WTF-8) starts.
fn first_surrogate(bytes: &[u8]) -> Option<usize> {
    bytes.windows(2).position(|pair| pair[0] == 0xED && pair[1] >= 0xA0)
}

/// WTF-8 as text, each surrogate read as one U+FFFD (as JavaScript's
/// `TextEncoder` reads it), for naming an unknown property.
fn wtf8_lossy(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some(at) = first_surrogate(rest) {
        text.push_str(&String::from_utf8_lossy(&rest[..at]));
        text.push('\u{FFFD}');
        rest = rest.get(at + 3..).unwrap_or_default();
    }
    text.push_str(&String::from_utf8_lossy(rest));
    text
}

/// String contents as bytes (WTF-8 from serde_json's byte path).
struct Wtf8Visitor;

impl Visitor<'_> for Wtf8Visitor {
    type Value = Vec<u8>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a string")
    }
    fn visit_str<E>(self, value: &str) -> Result<Self::Value, E> {
        Ok(value.as_bytes().to_vec())
    }
    fn visit_bytes<E>(self, value: &[u8]) -> Result<Self::Value, E> {
        Ok(value.to_vec())
    }
}

/// A property name; one escaping a lone surrogate is read with U+FFFD.
struct KeyName(String);

impl<'de> Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_bytes(Wtf8Visitor)
            .map(|bytes| KeyName(wtf8_lossy(&bytes)))
    }
}
