//! Untyped input as it arrives (from JSON, from JavaScript, from a form):
//! every field may be missing, `null`, of the wrong type, or present. The
//! rules work on these shapes so that a wrong type becomes an issue, never a
//! parse failure, and every problem in a body is found in one pass.
//!
//! [`CreateInput`] and [`UpdateInput`] deserialize from any JSON with serde
//! (`serde_json::from_str` fails only on malformed JSON), skipping unknown
//! properties' values without building them.

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// The type of a value, as JavaScript's `typeof` (and JSON) tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
    BigInt,
    Symbol,
    Function,
    /// A property whose getter threw (JavaScript only).
    Unreadable,
}

impl ValueKind {
    /// The name used in messages and JS issue params, e.g. `"string"`.
    pub fn name(self) -> &'static str {
        match self {
            ValueKind::Null => "null",
            ValueKind::Boolean => "boolean",
            ValueKind::Number => "number",
            ValueKind::String => "string",
            ValueKind::Array => "array",
            ValueKind::Object => "object",
            ValueKind::BigInt => "bigint",
            ValueKind::Symbol => "symbol",
            ValueKind::Function => "function",
            ValueKind::Unreadable => "unreadable",
        }
    }
}

/// One field of untyped input.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Raw<T> {
    /// The property is absent (or `undefined` in JavaScript).
    #[default]
    Missing,
    /// The property is `null`.
    Null,
    /// The property has the expected type.
    Value(T),
    /// The property has another type.
    WrongType(ValueKind),
}

impl<T> Raw<T> {
    /// The value, if present and of the right type.
    pub fn value(&self) -> Option<&T> {
        match self {
            Raw::Value(value) => Some(value),
            _ => None,
        }
    }

    /// True when the property is absent or `null`.
    pub fn is_absent(&self) -> bool {
        matches!(self, Raw::Missing | Raw::Null)
    }
}

impl From<&str> for Raw<String> {
    fn from(value: &str) -> Self {
        Raw::Value(value.to_owned())
    }
}

/// Untyped `kafka_detail`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KafkaInput {
    pub instance_id: Raw<String>,
    pub addr: Raw<String>,
    pub security_protocol: Raw<String>,
    pub enable_sasl_ssl: Raw<bool>,
    pub user_name: Raw<String>,
    pub password: Raw<String>,
    pub acks: Raw<String>,
    /// Properties that are not part of `kafka_detail`, in input order.
    pub unknown_keys: Vec<String>,
}

/// Untyped create-connection request body.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CreateInput {
    pub name: Raw<String>,
    pub description: Raw<String>,
    pub vpc_id: Raw<String>,
    pub subnet_id: Raw<String>,
    pub connection_type: Raw<String>,
    pub kafka_detail: Raw<KafkaInput>,
    /// Properties that are not part of the request, in input order.
    pub unknown_keys: Vec<String>,
}

/// Untyped update-connection request body (only `description` may change).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UpdateInput {
    pub description: Raw<String>,
    pub unknown_keys: Vec<String>,
}

/// A whole request body: an object, or something else entirely.
#[derive(Debug, Clone, PartialEq)]
pub enum Body<T> {
    Object(T),
    NotObject(ValueKind),
}

/// The property names of the create request, in form order.
pub const CREATE_KEYS: [&str; 6] = ["name", "description", "vpc_id", "subnet_id", "type", "kafka_detail"];
/// The property names of `kafka_detail`.
pub const KAFKA_KEYS: [&str; 7] = [
    "instance_id",
    "addr",
    "security_protocol",
    "enable_sasl_ssl",
    "user_name",
    "password",
    "acks",
];

// ---- serde: one visitor that classifies any JSON value ----

/// What a [`Raw`] field accepts; the other JSON kinds become `WrongType`.
trait Accept: Sized {
    fn from_str(_value: &str) -> Option<Self> {
        None
    }
    fn from_bool(_value: bool) -> Option<Self> {
        None
    }
    /// `None` means "not an object field": the map is skipped.
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        skip_map(map).map(|()| None)
    }
}

impl Accept for String {
    fn from_str(value: &str) -> Option<Self> {
        Some(value.to_owned())
    }
}

impl Accept for bool {
    fn from_bool(value: bool) -> Option<Self> {
        Some(value)
    }
}

impl Accept for KafkaInput {
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
        let mut kafka = KafkaInput::default();
        while let Some(key) = map.next_key::<KeyName>()? {
            match key.0.as_str() {
                "instance_id" => kafka.instance_id = map.next_value()?,
                "addr" => kafka.addr = map.next_value()?,
                "security_protocol" => kafka.security_protocol = map.next_value()?,
                "enable_sasl_ssl" => kafka.enable_sasl_ssl = map.next_value()?,
                "user_name" => kafka.user_name = map.next_value()?,
                "password" => kafka.password = map.next_value()?,
                "acks" => kafka.acks = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    kafka.unknown_keys.push(key.0);
                }
            }
        }
        Ok(Some(kafka))
    }
}

impl Accept for CreateInput {
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
        let mut input = CreateInput::default();
        while let Some(key) = map.next_key::<KeyName>()? {
            match key.0.as_str() {
                "name" => input.name = map.next_value()?,
                "description" => input.description = map.next_value()?,
                "vpc_id" => input.vpc_id = map.next_value()?,
                "subnet_id" => input.subnet_id = map.next_value()?,
                "type" => input.connection_type = map.next_value()?,
                "kafka_detail" => input.kafka_detail = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    input.unknown_keys.push(key.0);
                }
            }
        }
        Ok(Some(input))
    }
}

impl Accept for UpdateInput {
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
        let mut input = UpdateInput::default();
        while let Some(key) = map.next_key::<KeyName>()? {
            if key.0 == "description" {
                input.description = map.next_value()?;
            } else {
                map.next_value::<IgnoredAny>()?;
                input.unknown_keys.push(key.0);
            }
        }
        Ok(Some(input))
    }
}

fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// A property name, owned (JSON keys may be escaped, so borrowing can fail).
struct KeyName(String);

impl<'de> Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(KeyName)
    }
}

struct RawVisitor<T>(PhantomData<T>);

impl<'de, T: Accept> Visitor<'de> for RawVisitor<T> {
    type Value = Raw<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
    fn visit_bool<E>(self, value: bool) -> Result<Self::Value, E> {
        Ok(T::from_bool(value).map_or(Raw::WrongType(ValueKind::Boolean), Raw::Value))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Raw::WrongType(ValueKind::Number))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Raw::WrongType(ValueKind::Number))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Raw::WrongType(ValueKind::Number))
    }
    fn visit_str<E>(self, value: &str) -> Result<Self::Value, E> {
        Ok(T::from_str(value).map_or(Raw::WrongType(ValueKind::String), Raw::Value))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Raw::WrongType(ValueKind::Array))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Ok(T::from_map(map)?.map_or(Raw::WrongType(ValueKind::Object), Raw::Value))
    }
}

impl<'de, T: Accept> Deserialize<'de> for Raw<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor(PhantomData))
    }
}

/// A body that is not an object is still a valid parse: it becomes an issue.
fn body_from_raw<T>(raw: Raw<T>) -> Body<T> {
    match raw {
        Raw::Value(value) => Body::Object(value),
        Raw::Missing | Raw::Null => Body::NotObject(ValueKind::Null),
        Raw::WrongType(kind) => Body::NotObject(kind),
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
