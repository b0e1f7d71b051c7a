//! The wasm-bindgen surface of the npm validator (feature `js`): reads any
//! JavaScript value into the core's untyped input, runs the core's rules and
//! returns plain JS objects. No rule logic lives here.
//!
//! Every export takes any value and never throws: properties are read with
//! `Reflect` (a throwing getter or Proxy trap becomes an issue), only the
//! known fields are read (cyclic objects are never walked), and nothing here
//! can panic on input. TypeScript types are hand-written in `npm/index.d.ts`.
//!
//! Crossing the JS/wasm boundary is the cost that matters (measured in
//! `bench/`): property names are JS strings created once ([`key`]), and a
//! valid request's strings are returned as the very JS values that were
//! read, so no string is copied back out of wasm memory.

use crate::input::{Body, CreateInput, KafkaInput, Raw, UpdateInput, ValueKind, CREATE_KEYS, KAFKA_KEYS};
use crate::issue::{Field, Issue};
use crate::model::{CreateConnectionRequest, KafkaDetail, UpdateConnectionRequest};
use crate::rules::{self, check_field};
use crate::Locale;
use js_sys::{Array, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Object.keys`, with a throwing Proxy `ownKeys` trap caught.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;

    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;

    /// A fresh plain object of a result.
    #[wasm_bindgen(extends = Object)]
    type FreshObject;

    /// `target[key] = value`, which cannot throw on a fresh plain object.
    /// (`Reflect.set`, the generic builtin, measured 14% of a valid
    /// request's time; a plain store is a fraction of it.)
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set(this: &FreshObject, key: &JsValue, value: &JsValue);
}

/// What `typeof` (and `Array.isArray`) say about a value.
fn kind_of(value: &JsValue) -> ValueKind {
    // Objects first: the common case costs two calls into JS, not eight.
    if value.is_object() {
        return match is_array(value) {
            Ok(true) => ValueKind::Array,
            Ok(false) => ValueKind::Object,
            Err(_) => ValueKind::Unreadable,
        };
    }
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
        // Unreachable for values read here (undefined is handled first).
        ValueKind::Object
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

thread_local! {
    /// JS strings of the property names and codes, created once each.
    static KEYS: RefCell<Vec<(&'static str, &'static JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// A JS string for a static name, created on first use and then reused:
/// copying a string out of wasm memory is the costliest step of a call.
/// (The strings live as long as the module, a few dozen of them. No borrow
/// of the table is held while JS runs, so a getter that calls back into
/// the validator cannot trip over it.)
fn key(name: &'static str) -> &'static JsValue {
    // A few dozen distinct names: a scan by address beats hashing.
    let known = KEYS.with(|keys| {
        keys.borrow()
            .iter()
            .find(|(known, _)| std::ptr::eq(*known, name))
            .map(|(_, value)| *value)
    });
    if let Some(value) = known {
        return value;
    }
    let value: &'static JsValue = Box::leak(Box::new(JsValue::from_str(name)));
    KEYS.with(|keys| keys.borrow_mut().push((name, value)));
    value
}

/// A property, or `Err(Unreadable)` when its getter or a Proxy trap throws.
fn property(object: &JsValue, name: &'static str) -> Result<JsValue, ValueKind> {
    Reflect::get(object, key(name)).map_err(|_| ValueKind::Unreadable)
}

/// A string property as the rules see it.
fn string_property(object: &JsValue, name: &'static str) -> Raw<String> {
    property(object, name).map_or_else(Raw::WrongType, |value| raw_string(&value))
}

/// A string property as the rules see it; `slot` keeps the JS value itself,
/// given back as is in a valid result.
fn kept_string_property(object: &JsValue, name: &'static str, slot: &mut JsValue) -> Raw<String> {
    match property(object, name) {
        Ok(value) => {
            let raw = raw_string(&value);
            *slot = value;
            raw
        }
        Err(kind) => Raw::WrongType(kind),
    }
}

fn bool_property(object: &JsValue, name: &'static str) -> Raw<bool> {
    property(object, name).map_or_else(Raw::WrongType, |value| raw_bool(&value))
}

/// Own enumerable string keys not in `known`; `Err` when they cannot be listed.
fn unknown_keys(object: &JsValue, known: &[&'static str]) -> Result<Vec<String>, ValueKind> {
    let keys = object_keys(object).map_err(|_| ValueKind::Unreadable)?;
    // Compared as JS strings (one `===` each): a known key is never copied
    // into wasm memory, only an unknown one, to be named in its issue.
    Ok(keys
        .iter()
        .filter(|key| !known.iter().any(|name| key == self::key(name)))
        .filter_map(|key| key.as_string())
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

/// The JS values of a create request's string fields, as read.
#[derive(Default)]
struct CreateValues {
    name: JsValue,
    description: JsValue,
    vpc_id: JsValue,
    subnet_id: JsValue,
    kafka: KafkaValues,
}

/// The JS values of `kafka_detail`'s string fields, as read.
#[derive(Default)]
struct KafkaValues {
    instance_id: JsValue,
    addr: JsValue,
    security_protocol: JsValue,
    user_name: JsValue,
    password: JsValue,
}

fn read_kafka(value: &JsValue, values: &mut KafkaValues) -> Raw<KafkaInput> {
    let object = match as_object(value) {
        Ok(object) => object,
        Err(other) => return other,
    };
    let unknown_keys = match unknown_keys(object, &KAFKA_KEYS) {
        Ok(keys) => keys,
        Err(kind) => return Raw::WrongType(kind),
    };
    Raw::Value(KafkaInput {
        instance_id: kept_string_property(object, "instance_id", &mut values.instance_id),
        addr: kept_string_property(object, "addr", &mut values.addr),
        security_protocol: kept_string_property(object, "security_protocol", &mut values.security_protocol),
        enable_sasl_ssl: bool_property(object, "enable_sasl_ssl"),
        user_name: kept_string_property(object, "user_name", &mut values.user_name),
        password: kept_string_property(object, "password", &mut values.password),
        acks: string_property(object, "acks"),
        unknown_keys,
    })
}

/// Reads a create request body from any JavaScript value.
fn read_create(value: &JsValue, values: &mut CreateValues) -> Body<CreateInput> {
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
        name: kept_string_property(object, "name", &mut values.name),
        description: kept_string_property(object, "description", &mut values.description),
        vpc_id: kept_string_property(object, "vpc_id", &mut values.vpc_id),
        subnet_id: kept_string_property(object, "subnet_id", &mut values.subnet_id),
        connection_type: string_property(object, "type"),
        kafka_detail: property(object, "kafka_detail")
            .map_or_else(Raw::WrongType, |detail| read_kafka(&detail, &mut values.kafka)),
        unknown_keys,
    })
}

/// Reads an update request body from any JavaScript value.
fn read_update(value: &JsValue) -> Body<UpdateInput> {
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

fn set(object: &Object, name: &'static str, value: &JsValue) {
    object.unchecked_ref::<FreshObject>().set(key(name), value);
}

/// `{ path, code, message }`.
fn issue_to_js(issue: &Issue, locale: Locale) -> JsValue {
    let object = Object::new();
    let path: Array = issue.path().iter().map(|segment| key(segment)).collect();
    set(&object, "path", &path);
    set(&object, "code", key(issue.code()));
    set(&object, "message", &JsValue::from_str(&issue.message(locale)));
    object.into()
}

fn issues_to_js(issues: &[Issue], locale: Locale) -> Array {
    issues.iter().map(|issue| issue_to_js(issue, locale)).collect()
}

/// `{ success: true, value }` or `{ success: false, issues }`.
fn result_to_js<T>(result: Result<T, Vec<Issue>>, locale: Locale, to_js: impl FnOnce(T) -> Object) -> JsValue {
    let object = Object::new();
    match result {
        Ok(value) => {
            set(&object, "success", &JsValue::TRUE);
            set(&object, "value", &to_js(value));
        }
        Err(issues) => {
            set(&object, "success", &JsValue::FALSE);
            set(&object, "issues", &issues_to_js(&issues, locale));
        }
    }
    object.into()
}

/// The normalized create request: the same keys, order and omissions as
/// its serde serialization, the strings being the JS values that were read
/// (a valid string field was read as a string).
fn create_request_to_js(request: CreateConnectionRequest, values: CreateValues) -> Object {
    let object = Object::new();
    set(&object, "name", &values.name);
    if request.description.is_some() {
        set(&object, "description", &values.description);
    }
    set(&object, "vpc_id", &values.vpc_id);
    set(&object, "subnet_id", &values.subnet_id);
    set(&object, "type", key(request.connection_type.as_str()));
    if let Some(kafka) = request.kafka_detail {
        set(&object, "kafka_detail", &kafka_detail_to_js(&kafka, &values.kafka));
    }
    object
}

fn kafka_detail_to_js(kafka: &KafkaDetail, values: &KafkaValues) -> Object {
    let object = Object::new();
    set(&object, "instance_id", &values.instance_id);
    set(&object, "addr", &values.addr);
    if kafka.security_protocol.is_some() {
        set(&object, "security_protocol", &values.security_protocol);
    }
    set(&object, "enable_sasl_ssl", &JsValue::from_bool(kafka.enable_sasl_ssl));
    if kafka.user_name.is_some() {
        set(&object, "user_name", &values.user_name);
    }
    if kafka.password.is_some() {
        set(&object, "password", &values.password);
    }
    set(&object, "acks", key(kafka.acks.as_str()));
    object
}

/// Validates a create-connection request; returns the normalized body to
/// send or every issue.
#[wasm_bindgen(js_name = validateCreateConnection, skip_typescript)]
pub fn validate_create_connection(input: JsValue, options: JsValue) -> JsValue {
    let options = read_options(&options);
    let mut values = CreateValues::default();
    let result = rules::validate_create(&read_create(&input, &mut values));
    result_to_js(result, options.locale, |request| create_request_to_js(request, values))
}

/// Validates an update-connection request (`{ description }` only).
#[wasm_bindgen(js_name = validateUpdateConnection, skip_typescript)]
pub fn validate_update_connection(input: JsValue, options: JsValue) -> JsValue {
    let options = read_options(&options);
    let result = rules::validate_update(&read_update(&input));
    // Not a hot path: serde-wasm-bindgen writes the one-field body (an
    // absent, null or empty description is sent as "").
    result_to_js(result, options.locale, |request: UpdateConnectionRequest| {
        serde_wasm_bindgen::to_value(&request)
            .map(JsCast::unchecked_into)
            .unwrap_or_else(|_| Object::new())
    })
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
