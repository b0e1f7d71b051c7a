//! Untyped input as it arrives (from JSON, from JavaScript, from a form):
//! every field may be missing, `null`, of the wrong type, or present. The
//! rules work on these shapes so that a wrong type becomes an issue, never a
//! parse failure, and every problem in a body is found in one pass.
//!
//! The shapes are generic over how a string is held (`S`): owned `String`s
//! from JSON ([`json`], feature `json`) and the console's form, or `&str`
//! borrowed from the npm validator's buffer, so that reading a request
//! from JavaScript allocates nothing.

#[cfg(feature = "json")]
pub mod json;

use alloc::string::String;
use alloc::vec::Vec;

pub use crate::fields::{CREATE_KEYS, KAFKA_KEYS, ROCKETMQ_KEYS, UPDATE_KEYS};

/// The type of a value, as JavaScript's `typeof` (and JSON) tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum ValueKind {
    Null = 0,
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
    /// Every kind, in discriminant order.
    pub const ALL: [ValueKind; 10] = [
        ValueKind::Null,
        ValueKind::Boolean,
        ValueKind::Number,
        ValueKind::String,
        ValueKind::Array,
        ValueKind::Object,
        ValueKind::BigInt,
        ValueKind::Symbol,
        ValueKind::Function,
        ValueKind::Unreadable,
    ];

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
    /// A string that is not Unicode text: it holds an unpaired UTF-16
    /// surrogate at this 1-based character position (JavaScript strings
    /// and JSON escapes can; UTF-8 cannot).
    LoneSurrogate(usize),
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
        Raw::Value(String::from(value))
    }
}

/// Untyped `kafka_detail`.
#[derive(Debug, Clone, PartialEq)]
pub struct KafkaInput<S = String> {
    pub instance_id: Raw<S>,
    pub addr: Raw<S>,
    pub security_protocol: Raw<S>,
    pub enable_sasl_ssl: Raw<bool>,
    pub user_name: Raw<S>,
    pub password: Raw<S>,
    pub acks: Raw<S>,
    /// `enable_sasl_ssl` under its older name, `sasl_ssl`.
    pub sasl_ssl: Raw<bool>,
    /// `user_name` under its older name, `username`.
    pub username: Raw<S>,
    /// Properties that are not part of `kafka_detail`, in input order.
    pub unknown_keys: Vec<S>,
}

/// Untyped `rocketmq_detail`.
#[derive(Debug, Clone, PartialEq)]
pub struct RocketmqInput<S = String> {
    pub instance_id: Raw<S>,
    pub addr: Raw<S>,
    pub use_tls: Raw<bool>,
    pub enable_acl: Raw<bool>,
    pub user_name: Raw<S>,
    pub password: Raw<S>,
    /// Properties that are not part of `rocketmq_detail`, in input order.
    pub unknown_keys: Vec<S>,
}

/// Untyped create-connection request body.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateInput<S = String> {
    pub name: Raw<S>,
    pub description: Raw<S>,
    pub vpc_id: Raw<S>,
    pub subnet_id: Raw<S>,
    pub connection_type: Raw<S>,
    pub kafka_detail: Raw<KafkaInput<S>>,
    pub rocketmq_detail: Raw<RocketmqInput<S>>,
    /// Properties that are not part of the request, in input order.
    pub unknown_keys: Vec<S>,
}

/// Untyped update-connection request body: the description, and new
/// credentials (`kafka_detail` with `user_name`/`password`) or RocketMQ
/// settings (`rocketmq_detail`).
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateInput<S = String> {
    pub description: Raw<S>,
    pub kafka_detail: Raw<KafkaInput<S>>,
    pub rocketmq_detail: Raw<RocketmqInput<S>>,
    pub unknown_keys: Vec<S>,
}

// Written out: a derive would demand `S: Default`, which `&str` is not
// needed for.
impl<S> Default for KafkaInput<S> {
    fn default() -> Self {
        KafkaInput {
            instance_id: Raw::Missing,
            addr: Raw::Missing,
            security_protocol: Raw::Missing,
            enable_sasl_ssl: Raw::Missing,
            user_name: Raw::Missing,
            password: Raw::Missing,
            acks: Raw::Missing,
            sasl_ssl: Raw::Missing,
            username: Raw::Missing,
            unknown_keys: Vec::new(),
        }
    }
}

impl<S> Default for RocketmqInput<S> {
    fn default() -> Self {
        RocketmqInput {
            instance_id: Raw::Missing,
            addr: Raw::Missing,
            use_tls: Raw::Missing,
            enable_acl: Raw::Missing,
            user_name: Raw::Missing,
            password: Raw::Missing,
            unknown_keys: Vec::new(),
        }
    }
}

impl<S> Default for CreateInput<S> {
    fn default() -> Self {
        CreateInput {
            name: Raw::Missing,
            description: Raw::Missing,
            vpc_id: Raw::Missing,
            subnet_id: Raw::Missing,
            connection_type: Raw::Missing,
            kafka_detail: Raw::Missing,
            rocketmq_detail: Raw::Missing,
            unknown_keys: Vec::new(),
        }
    }
}

impl<S> Default for UpdateInput<S> {
    fn default() -> Self {
        UpdateInput {
            description: Raw::Missing,
            kafka_detail: Raw::Missing,
            rocketmq_detail: Raw::Missing,
            unknown_keys: Vec::new(),
        }
    }
}

impl<S> CreateInput<S> {
    /// The string slot of a top-level string field; `None` for the others.
    pub fn string_mut(&mut self, field: crate::Field) -> Option<&mut Raw<S>> {
        use crate::Field as F;
        Some(match field {
            F::Name => &mut self.name,
            F::Description => &mut self.description,
            F::VpcId => &mut self.vpc_id,
            F::SubnetId => &mut self.subnet_id,
            F::Type => &mut self.connection_type,
            _ => return None,
        })
    }
}

impl<S> KafkaInput<S> {
    /// The string slot of a `kafka_detail` string field; `None` for the others.
    pub fn string_mut(&mut self, field: crate::Field) -> Option<&mut Raw<S>> {
        use crate::Field as F;
        Some(match field {
            F::InstanceId => &mut self.instance_id,
            F::Addr => &mut self.addr,
            F::SecurityProtocol => &mut self.security_protocol,
            F::UserName => &mut self.user_name,
            F::Password => &mut self.password,
            F::Acks => &mut self.acks,
            _ => return None,
        })
    }
}

impl<S> RocketmqInput<S> {
    /// The string slot of a `rocketmq_detail` string field; `None` for the others.
    pub fn string_mut(&mut self, field: crate::Field) -> Option<&mut Raw<S>> {
        use crate::Field as F;
        Some(match field {
            F::RocketmqInstanceId => &mut self.instance_id,
            F::RocketmqAddr => &mut self.addr,
            F::RocketmqUserName => &mut self.user_name,
            F::RocketmqPassword => &mut self.password,
            _ => return None,
        })
    }

    /// The boolean slot of a `rocketmq_detail` switch; `None` for the others.
    pub fn flag_mut(&mut self, field: crate::Field) -> Option<&mut Raw<bool>> {
        match field {
            crate::Field::UseTls => Some(&mut self.use_tls),
            crate::Field::EnableAcl => Some(&mut self.enable_acl),
            _ => None,
        }
    }
}

/// A whole request body: an object, or something else entirely.
#[derive(Debug, Clone, PartialEq)]
pub enum Body<T> {
    Object(T),
    NotObject(ValueKind),
}
