//! Property tests (host only): no input makes validation panic, and what
//! validates serializes to JSON that validates again, unchanged.
#![cfg(not(target_arch = "wasm32"))]

use eg_connections::input::{Body, CreateInput, CREATE_KEYS, KAFKA_KEYS};
use eg_connections::rules::validate_create;
use eg_connections::Locale;
use proptest::prelude::*;
use serde_json::{json, Value};

/// Any JSON value, nested a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(|n| json!(n)),
        any::<i64>().prop_map(|n| json!(n)),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::hash_map(field_key(), inner, 0..8)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Keys that hit real fields often and arbitrary ones sometimes.
fn field_key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(CREATE_KEYS.iter().chain(KAFKA_KEYS.iter()).copied().collect::<Vec<_>>())
            .prop_map(str::to_owned),
        any::<String>(),
    ]
}

/// Plausible field strings: boundaries, separators, odd characters.
fn field_string() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9][A-Za-z0-9._-]{0,130}",
        "[a-z0-9.:,\\[\\] -]{0,40}",
        any::<String>(),
        Just("default".to_owned()),
        prop::sample::select(vec!["0", "1", "all", "KAFKA", "webhook", "h:9092", "[::1]:1"]).prop_map(str::to_owned),
    ]
}

fn check(value: &Value) {
    let body: Body<CreateInput> = serde_json::from_value(value.clone()).expect("any JSON parses");
    match validate_create(&body) {
        Ok(request) => {
            let sent = serde_json::to_value(&request).unwrap();
            let again: Body<CreateInput> = serde_json::from_value(sent.clone()).unwrap();
            let request_again = validate_create(&again).expect("a normalized body validates again");
            assert_eq!(request_again, request);
            assert_eq!(serde_json::to_value(&request_again).unwrap(), sent);
        }
        Err(issues) => {
            assert!(!issues.is_empty());
            for issue in issues {
                assert!(!issue.message(Locale::En).is_empty());
                assert!(!issue.message(Locale::ZhCn).is_empty());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn any_json_value_never_panics(value in any_json()) {
        check(&value);
    }

    #[test]
    fn any_json_text_never_panics(text in any::<String>()) {
        // Malformed JSON is a parse error, never a panic.
        if let Ok(body) = serde_json::from_str::<Body<CreateInput>>(&text) {
            let _ = validate_create(&body);
        }
    }

    #[test]
    fn plausible_requests_round_trip(
        name in field_string(), vpc in field_string(), subnet in field_string(),
        kind in field_string(), addr in field_string(), acks in field_string(),
        sasl in any::<bool>(), user in field_string(), instance in field_string(),
    ) {
        check(&json!({
            "name": name, "vpc_id": vpc, "subnet_id": subnet, "type": kind,
            "kafka_detail": {
                "instance_id": instance, "addr": addr, "acks": acks,
                "enable_sasl_ssl": sasl, "user_name": user, "password": "p"
            }
        }));
        check(&json!({"name": name, "vpc_id": vpc, "subnet_id": subnet}));
    }
}
