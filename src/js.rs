//! The wasm-bindgen surface of the npm validator (feature `js`): reads any
//! JavaScript value into the core's untyped input, runs the core's rules and
//! returns plain JS objects. No rule logic lives here.
//!
//! Every export takes any value and never throws: properties are read with
//! `Reflect` (a throwing getter or Proxy trap becomes an issue), only the
//! known fields are read (cyclic objects are never walked), and nothing here
//! can panic on input. TypeScript types are hand-written in `npm/index.d.ts`.

use crate::input::{Body, CreateInput, KafkaInput, Raw, UpdateInput, ValueKind, CREATE_KEYS, KAFKA_KEYS};
use crate::issue::{Field, Issue};
use crate::rules::{self, check_field};
use crate::Locale;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Object.keys`, with a throwing Proxy `ownKeys` trap caught.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;

    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// What `typeof` (and `Array.isArray`) say about a value.
fn kind_of(value: &JsValue) -> ValueKind {
    if value.is_null() {
        ValueKind::Null
    } else if value.as_bool().is_some() {
        ValueKind::Boolean
    } else if value.as_f64().is_some() {
        ValueKind::Number
    } else if value.is_string() {
        ValueKind::String
    } else if value.is_bigint() {
        ValueKind::BigInt
    } else if value.is_symbol() {
        ValueKind::Symbol
    } else if value.is_function() {
        ValueKind::Function
    } else {
        match is_array(value) {
            Ok(true) => ValueKind::Array,
            Ok(false) => ValueKind::Object,
            Err(_) => ValueKind::Unreadable,
        }
    }
}

fn raw_string(value: &JsValue) -> Raw<String> {
    if value.is_undefined() {
        return Raw::Missing;
    }
    match value.as_string() {
        Some(text) => Raw::Value(text),
        None if value.is_null() => Raw::Null,
        None => Raw::WrongType(kind_of(value)),
    }
}

fn raw_bool(value: &JsValue) -> Raw<bool> {
    match value.as_bool() {
        Some(flag) => Raw::Value(flag),
        None if value.is_undefined() => Raw::Missing,
        None if value.is_null() => Raw::Null,
        None => Raw::WrongType(kind_of(value)),
    }
}

/// A property, or `Err(Unreadable)` when its getter or a Proxy trap throws.
fn property(object: &JsValue, key: &str) -> Result<JsValue, ValueKind> {
    Reflect::get(object, &JsValue::from_str(key)).map_err(|_| ValueKind::Unreadable)
}

fn string_property(object: &JsValue, key: &str) -> Raw<String> {
    property(object, key).map_or_else(Raw::WrongType, |value| raw_string(&value))
}

fn bool_property(object: &JsValue, key: &str) -> Raw<bool> {
    property(object, key).map_or_else(Raw::WrongType, |value| raw_bool(&value))
}

/// Own enumerable string keys not in `known`; `Err` when they cannot be listed.
fn unknown_keys(object: &JsValue, known: &[&str]) -> Result<Vec<String>, ValueKind> {
    let keys = object_keys(object).map_err(|_| ValueKind::Unreadable)?;
    Ok(keys
        .iter()
        .filter_map(|key| key.as_string())
        .filter(|key| !known.contains(&key.as_str()))
        .collect())
}

/// `value` when it is a plain object (not an array, not a function), or the
/// [`Raw`] that says what it is instead.
fn as_object<T>(value: &JsValue) -> Result<&JsValue, Raw<T>> {
    if value.is_undefined() {
        return Err(Raw::Missing);
    }
    match kind_of(value) {
        ValueKind::Object => Ok(value),
        ValueKind::Null => Err(Raw::Null),
        other => Err(Raw::WrongType(other)),
    }
}

fn read_kafka(value: &JsValue) -> Raw<KafkaInput> {
    let object = match as_object(value) {
        Ok(object) => object,
        Err(other) => return other,
    };
    let unknown_keys = match unknown_keys(object, &KAFKA_KEYS) {
        Ok(keys) => keys,
        Err(kind) => return Raw::WrongType(kind),
    };
    Raw::Value(KafkaInput {
        instance_id: string_property(object, "instance_id"),
        addr: string_property(object, "addr"),
        security_protocol: string_property(object, "security_protocol"),
        enable_sasl_ssl: bool_property(object, "enable_sasl_ssl"),
        user_name: string_property(object, "user_name"),
        password: string_property(object, "password"),
        acks: string_property(object, "acks"),
        unknown_keys,
    })
}

/// Reads a create request body from any JavaScript value.
pub fn read_create(value: &JsValue) -> Body<CreateInput> {
    let object = match as_object::<()>(value) {
        Ok(object) => object,
        Err(Raw::WrongType(kind)) => return Body::NotObject(kind),
        Err(_) => return Body::NotObject(ValueKind::Null),
    };
    let unknown_keys = match unknown_keys(object, &CREATE_KEYS) {
        Ok(keys) => keys,
        Err(kind) => return Body::NotObject(kind),
    };
    Body::Object(CreateInput {
        name: string_property(object, "name"),
        description: string_property(object, "description"),
        vpc_id: string_property(object, "vpc_id"),
        subnet_id: string_property(object, "subnet_id"),
        connection_type: string_property(object, "type"),
        kafka_detail: property(object, "kafka_detail").map_or_else(Raw::WrongType, |detail| read_kafka(&detail)),
        unknown_keys,
    })
}

/// Reads an update request body from any JavaScript value.
pub fn read_update(value: &JsValue) -> Body<UpdateInput> {
    let object = match as_object::<()>(value) {
        Ok(object) => object,
        Err(Raw::WrongType(kind)) => return Body::NotObject(kind),
        Err(_) => return Body::NotObject(ValueKind::Null),
    };
    match unknown_keys(object, &["description"]) {
        Ok(unknown_keys) => Body::Object(UpdateInput {
            description: string_property(object, "description"),
            unknown_keys,
        }),
        Err(kind) => Body::NotObject(kind),
    }
}

/// The options every export takes: `{ locale?: "en" | "zh-CN" }` and, for
/// the SASL credentials, `{ enableSaslSsl?: boolean }`. Anything unreadable
/// or unknown falls back to the defaults (English, SASL off).
struct Options {
    locale: Locale,
    sasl_enabled: bool,
}

fn read_options(options: &JsValue) -> Options {
    let Ok(object) = as_object::<()>(options) else {
        return Options {
            locale: Locale::En,
            sasl_enabled: false,
        };
    };
    let locale = property(object, "locale")
        .ok()
        .and_then(|tag| tag.as_string())
        .and_then(|tag| Locale::from_tag(&tag))
        .unwrap_or_default();
    let sasl_enabled = property(object, "enableSaslSsl")
        .ok()
        .and_then(|flag| flag.as_bool())
        .unwrap_or(false);
    Options { locale, sasl_enabled }
}

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a data property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

/// `{ path, code, message }`.
fn issue_to_js(issue: &Issue, locale: Locale) -> JsValue {
    let object = Object::new();
    let path: Array = issue.path().iter().map(|segment| JsValue::from_str(segment)).collect();
    set(&object, "path", &path);
    set(&object, "code", &JsValue::from_str(issue.code()));
    set(&object, "message", &JsValue::from_str(&issue.message(locale)));
    object.into()
}

fn issues_to_js(issues: &[Issue], locale: Locale) -> Array {
    issues.iter().map(|issue| issue_to_js(issue, locale)).collect()
}

/// `{ success: true, value }` or `{ success: false, issues }`.
fn result_to_js<T: serde::Serialize>(result: Result<T, Vec<Issue>>, locale: Locale) -> JsValue {
    let object = Object::new();
    match result {
        Ok(value) => {
            // A request of plain strings, bools and nested structs always serializes.
            let value = serde_wasm_bindgen::to_value(&value).unwrap_or(JsValue::UNDEFINED);
            set(&object, "success", &JsValue::TRUE);
            set(&object, "value", &value);
        }
        Err(issues) => {
            set(&object, "success", &JsValue::FALSE);
            set(&object, "issues", &issues_to_js(&issues, locale));
        }
    }
    object.into()
}

/// Validates a create-connection request; returns the normalized body to
/// send or every issue.
#[wasm_bindgen(js_name = validateCreateConnection, skip_typescript)]
pub fn validate_create_connection(input: JsValue, options: JsValue) -> JsValue {
    let options = read_options(&options);
    result_to_js(rules::validate_create(&read_create(&input)), options.locale)
}

/// Validates an update-connection request (`{ description }` only).
#[wasm_bindgen(js_name = validateUpdateConnection, skip_typescript)]
pub fn validate_update_connection(input: JsValue, options: JsValue) -> JsValue {
    let options = read_options(&options);
    result_to_js(rules::validate_update(&read_update(&input)), options.locale)
}

fn field_issues(field: Field, value: &JsValue, options: &JsValue) -> Array {
    let options = read_options(options);
    issues_to_js(
        &check_field(field, &raw_string(value), options.sasl_enabled),
        options.locale,
    )
}

/// Defines one exported per-field validator.
macro_rules! field_validator {
    ($doc:literal, $rust_name:ident, $js_name:ident, $field:expr) => {
        #[doc = $doc]
        #[wasm_bindgen(js_name = $js_name, skip_typescript)]
        pub fn $rust_name(value: JsValue, options: JsValue) -> Array {
            field_issues($field, &value, &options)
        }
    };
}

field_validator!("Issues of a connection name.", validate_name, validateName, Field::Name);
field_validator!(
    "Issues of a description.",
    validate_description,
    validateDescription,
    Field::Description
);
field_validator!("Issues of a VPC ID.", validate_vpc_id, validateVpcId, Field::VpcId);
field_validator!(
    "Issues of a subnet ID.",
    validate_subnet_id,
    validateSubnetId,
    Field::SubnetId
);
field_validator!("Issues of a connection type.", validate_type, validateType, Field::Type);
field_validator!(
    "Issues of a Kafka instance ID.",
    validate_instance_id,
    validateInstanceId,
    Field::InstanceId
);
field_validator!(
    "Issues of a Kafka address list.",
    validate_addr,
    validateAddr,
    Field::Addr
);
field_validator!(
    "Issues of a Kafka security protocol.",
    validate_security_protocol,
    validateSecurityProtocol,
    Field::SecurityProtocol
);
field_validator!(
    "Issues of a SASL user name (`options.enableSaslSsl` makes it required).",
    validate_user_name,
    validateUserName,
    Field::UserName
);
field_validator!(
    "Issues of a SASL password (`options.enableSaslSsl` makes it required).",
    validate_password,
    validatePassword,
    Field::Password
);
field_validator!(
    "Issues of a Kafka acks value.",
    validate_acks,
    validateAcks,
    Field::Acks
);
