//! Reading request bodies from JSON text (feature `json`): any JSON value
//! becomes a [`Body`], with every field classified, never a parse failure.
//! `serde_json::from_slice` (or `from_str`, `from_value`) fails only on text
//! that is not JSON at all.
//!
//! Each value is first taken as raw JSON text and classified by its first
//! byte, so that a string escaping an unpaired UTF-16 surrogate (`"\ud800"`,
//! which serde_json refuses as a Rust `String`) is still read: it becomes
//! [`Raw::LoneSurrogate`] at its field, the same issue the npm validator
//! reports for the same JavaScript string. Unknown properties' values are
//! skipped without being built.

use super::{Body, CreateInput, KafkaInput, Raw, RocketmqInput, UpdateInput, ValueKind};
use crate::Field;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::marker::PhantomData;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

/// What a [`Raw`] field accepts; the other JSON kinds become `WrongType`.
trait FromJson: Sized {
    /// `text` is a JSON string literal, quotes and escapes included.
    fn from_string(_text: &str) -> Raw<Self> {
        Raw::WrongType(ValueKind::String)
    }
    fn from_bool(_value: bool) -> Raw<Self> {
        Raw::WrongType(ValueKind::Boolean)
    }
    /// `text` is a JSON object.
    fn from_object(_text: &str) -> serde_json::Result<Raw<Self>> {
        Ok(Raw::WrongType(ValueKind::Object))
    }
}

impl FromJson for String {
    fn from_string(text: &str) -> Raw<Self> {
        match decode_string(text) {
            Ok(value) => Raw::Value(value),
            Err(position) => Raw::LoneSurrogate(position),
        }
    }
}

impl FromJson for bool {
    fn from_bool(value: bool) -> Raw<Self> {
        Raw::Value(value)
    }
}

impl FromJson for KafkaInput {
    fn from_object(text: &str) -> serde_json::Result<Raw<Self>> {
        serde_json::from_str::<KafkaObject>(text).map(|object| Raw::Value(object.0))
    }
}

impl FromJson for RocketmqInput {
    fn from_object(text: &str) -> serde_json::Result<Raw<Self>> {
        serde_json::from_str::<RocketmqObject>(text).map(|object| Raw::Value(object.0))
    }
}

impl FromJson for CreateInput {
    fn from_object(text: &str) -> serde_json::Result<Raw<Self>> {
        serde_json::from_str::<CreateObject>(text).map(|object| Raw::Value(object.0))
    }
}

impl FromJson for UpdateInput {
    fn from_object(text: &str) -> serde_json::Result<Raw<Self>> {
        serde_json::from_str::<UpdateObject>(text).map(|object| Raw::Value(object.0))
    }
}

/// Classifies one JSON value by its first byte.
fn classify<T: FromJson>(text: &str) -> serde_json::Result<Raw<T>> {
    Ok(match text.as_bytes().first() {
        Some(b'"') => T::from_string(text),
        Some(b'{') => T::from_object(text)?,
        Some(b'[') => Raw::WrongType(ValueKind::Array),
        Some(b't') => T::from_bool(true),
        Some(b'f') => T::from_bool(false),
        Some(b'n') => Raw::Null,
        _ => Raw::WrongType(ValueKind::Number),
    })
}

impl<'de, T: FromJson> Deserialize<'de> for Raw<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Owned, not borrowed: `serde_json::from_value` can give it too.
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        classify(raw.get()).map_err(de::Error::custom)
    }
}

/// A body that is not an object is still a valid parse: it becomes an issue.
fn body_from_raw<T>(raw: Raw<T>) -> Body<T> {
    match raw {
        Raw::Value(value) => Body::Object(value),
        Raw::Missing | Raw::Null => Body::NotObject(ValueKind::Null),
        Raw::WrongType(kind) => Body::NotObject(kind),
        Raw::LoneSurrogate(_) => Body::NotObject(ValueKind::String),
    }
}

impl<'de> Deserialize<'de> for Body<CreateInput> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Raw::<CreateInput>::deserialize(deserializer).map(body_from_raw)
    }
}

impl<'de> Deserialize<'de> for Body<UpdateInput> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Raw::<UpdateInput>::deserialize(deserializer).map(body_from_raw)
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

/// Reads an object's properties: `assign` takes each known field's value
/// (and whether it came under the field's older name); the unknown names
/// are returned in input order.
fn read_object<'de, A: MapAccess<'de>>(
    mut map: A,
    parent: Field,
    mut assign: impl FnMut(Field, bool, &mut A) -> Result<bool, A::Error>,
) -> Result<Vec<String>, A::Error> {
    let mut unknown = Vec::new();
    while let Some(KeyName(key)) = map.next_key()? {
        let known = match Field::from_key(parent, &key) {
            Some(field) => assign(field, false, &mut map)?,
            None => match Field::from_alias(parent, &key) {
                Some(field) => assign(field, true, &mut map)?,
                None => false,
            },
        };
        if !known {
            map.next_value::<IgnoredAny>()?;
            unknown.push(key);
        }
    }
    Ok(unknown)
}

struct CreateObject(CreateInput);
struct KafkaObject(KafkaInput);
struct RocketmqObject(RocketmqInput);
struct UpdateObject(UpdateInput);

/// A map visitor building `T` with `read`.
struct ObjectVisitor<T>(PhantomData<T>);

trait ReadObject: Sized {
    fn read<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

impl<'de, T: ReadObject> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::read(map)
    }
}

macro_rules! deserialize_object {
    ($($object:ident),*) => {$(
        impl<'de> Deserialize<'de> for $object {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_map(ObjectVisitor(PhantomData))
            }
        }
    )*};
}
deserialize_object!(CreateObject, KafkaObject, RocketmqObject, UpdateObject);

impl ReadObject for CreateObject {
    fn read<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let mut input = CreateInput::default();
        let unknown_keys = read_object(map, Field::Root, |field, _, map| {
            if field == Field::KafkaDetail {
                input.kafka_detail = map.next_value()?;
            } else if field == Field::RocketmqDetail {
                input.rocketmq_detail = map.next_value()?;
            } else if let Some(slot) = input.string_mut(field) {
                *slot = map.next_value()?;
            } else {
                return Ok(false);
            }
            Ok(true)
        })?;
        input.unknown_keys = unknown_keys;
        Ok(CreateObject(input))
    }
}

impl ReadObject for KafkaObject {
    fn read<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let mut kafka = KafkaInput::default();
        let unknown_keys = read_object(map, Field::KafkaDetail, |field, older_name, map| {
            match (field, older_name) {
                (Field::EnableSaslSsl, false) => kafka.enable_sasl_ssl = map.next_value()?,
                (Field::EnableSaslSsl, true) => kafka.sasl_ssl = map.next_value()?,
                (Field::UserName, true) => kafka.username = map.next_value()?,
                _ => return assign_string(&mut kafka, field, map),
            }
            Ok(true)
        })?;
        kafka.unknown_keys = unknown_keys;
        Ok(KafkaObject(kafka))
    }
}

fn assign_string<'de, A: MapAccess<'de>>(kafka: &mut KafkaInput, field: Field, map: &mut A) -> Result<bool, A::Error> {
    match kafka.string_mut(field) {
        Some(slot) => {
            *slot = map.next_value()?;
            Ok(true)
        }
        None => Ok(false),
    }
}

impl ReadObject for RocketmqObject {
    fn read<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let mut rocketmq = RocketmqInput::default();
        let unknown_keys = read_object(map, Field::RocketmqDetail, |field, _, map| {
            if let Some(slot) = rocketmq.flag_mut(field) {
                *slot = map.next_value()?;
            } else if let Some(slot) = rocketmq.string_mut(field) {
                *slot = map.next_value()?;
            } else {
                return Ok(false);
            }
            Ok(true)
        })?;
        rocketmq.unknown_keys = unknown_keys;
        Ok(RocketmqObject(rocketmq))
    }
}

impl ReadObject for UpdateObject {
    fn read<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let mut input = UpdateInput::default();
        let unknown_keys = read_object(map, Field::Root, |field, _, map| {
            match field {
                Field::Description => input.description = map.next_value()?,
                Field::KafkaDetail => input.kafka_detail = map.next_value()?,
                Field::RocketmqDetail => input.rocketmq_detail = map.next_value()?,
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        input.unknown_keys = unknown_keys;
        Ok(UpdateObject(input))
    }
}
