//! Property tests (host only): no input makes validation panic, and what
//! validates serializes to JSON that validates again, unchanged.
#![cfg(not(target_arch = "wasm32"))]

use eg_connections::fields::object_keys;
use eg_connections::input::{Body, CreateInput, CREATE_KEYS};
use eg_connections::rules::validate_create;
use eg_connections::{Field, Locale};
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
        prop::sample::select(
            CREATE_KEYS
                .iter()
                .copied()
                .chain(object_keys(Field::KafkaDetail).iter().copied())
                .collect::<Vec<_>>()
        )
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

/// Text shaped like IP addresses: hex digits, digits, dots and colons.
fn ip_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9a-fA-F:.]{0,45}",
        "[0-9:]{0,12}",
        "[0-9.]{0,17}",
        // Near misses of valid forms.
        "(([0-9a-f]{1,5}):){0,8}[0-9a-f]{0,5}",
        "([0-9a-f]{0,4}:){0,7}:?([0-9a-f]{0,4}:){0,7}[0-9a-f]{0,4}",
        "([0-9a-f]{0,4}:){0,6}:?[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,4}",
        "0?[0-9]{1,3}\\.0?[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}(\\.[0-9])?",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// The address rules' hand-written IP checks accept exactly what the
    /// standard library parses.
    #[test]
    fn ip_checks_agree_with_core_net(text in ip_like()) {
        use eg_connections::rules::{is_ipv4, is_ipv6};
        prop_assert_eq!(is_ipv4(text.as_bytes()), text.parse::<std::net::Ipv4Addr>().is_ok(), "IPv4 {:?}", text);
        prop_assert_eq!(is_ipv6(text.as_bytes()), text.parse::<std::net::Ipv6Addr>().is_ok(), "IPv6 {:?}", text);
    }
}

#[test]
fn ip_checks_agree_with_core_net_on_known_forms() {
    use eg_connections::rules::{is_ipv4, is_ipv6};
    let forms = [
        "::",
        "::1",
        "1::",
        "1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7::",
        "::2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        ":::",
        ":1::",
        "1:::2",
        "::ffff:1.2.3.4",
        "1:2:3:4:5:6:1.2.3.4",
        "1:2:3:4:5:6:7:1.2.3.4",
        "1.2.3.4::",
        "::1.2.3.4:5",
        "1:2:3:4:5:6::1.2.3.4",
        "1:2:3:4:5::1.2.3.4",
        "0000:0:0:0:0:0:0:0",
        "12345::",
        "::01.2.3.4",
        "::1.2.3.256",
        "FFFF::",
        "fe80::1%eth0",
        "",
        "1.2.3.4",
        "01.2.3.4",
        "0.0.0.0",
        "255.255.255.255",
        "256.1.1.1",
        "1.2.3",
        "1.2.3.4.5",
        "1..2.3",
        "1.2.3.",
        ".1.2.3",
    ];
    for form in forms {
        assert_eq!(
            is_ipv4(form.as_bytes()),
            form.parse::<std::net::Ipv4Addr>().is_ok(),
            "IPv4 {form:?}"
        );
        assert_eq!(
            is_ipv6(form.as_bytes()),
            form.parse::<std::net::Ipv6Addr>().is_ok(),
            "IPv6 {form:?}"
        );
    }
}

/// Messages show a character as Rust's `{:?}` does wherever that shows it
/// as itself or with a short escape; the two differ only on purpose (for
/// characters outside the short list `push_char_shown` escapes, `{:?}`
/// consults Unicode tables the validator's wasm cannot afford).
#[test]
fn shown_characters_match_debug_for_ascii_and_the_listed_invisible_ones() {
    use eg_connections::i18n::push_char_shown;
    let shown = |ch: char| {
        let mut text = String::new();
        push_char_shown(&mut text, ch);
        text
    };
    for ch in (0u32..0x80).filter_map(char::from_u32) {
        assert_eq!(shown(ch), format!("{ch:?}"), "U+{:04X}", ch as u32);
    }
    for ch in [
        '\u{200b}',
        '\u{feff}',
        '\u{ad}',
        '\u{2028}',
        '\u{85}',
        '\u{301}',
        '\u{e0001}',
    ] {
        assert_eq!(shown(ch), format!("{ch:?}"), "U+{:04X}", ch as u32);
    }
    for ch in ['é', '中', '😀', '@', '/'] {
        assert_eq!(shown(ch), format!("'{ch}'"));
    }
}

/// Text made of the characters the control-character rule has to tell
/// apart: C0 and C1 controls, the line breaks a description keeps, DEL,
/// bytes around C1's lead (U+00A0, U+00C2), and plain and wide letters.
fn control_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\0", "\t", "\n", "\r", "\u{1b}", "\u{7f}", "\u{80}", "\u{85}", "\u{9f}", "\u{a0}", "\u{c2}", "é", "€", "中",
        "😀", "a", " ", "Z",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// The byte-level check finds what the character-level definition
    /// finds (Unicode's Cc, line breaks allowed in text), at the same
    /// position.
    #[test]
    fn control_characters_are_found_as_unicode_defines_them(text in control_like(), line_breaks in any::<bool>()) {
        use eg_connections::issue::IssueKind;
        let allowed = |ch: char| line_breaks && matches!(ch, '\t' | '\n' | '\r');
        let expected = text
            .chars()
            .enumerate()
            .find(|(_, ch)| ch.is_control() && !allowed(*ch))
            .map(|(index, found)| IssueKind::ControlChar { found, position: index + 1 });
        prop_assert_eq!(eg_connections::rules::no_control_chars(&text, line_breaks).err(), expected);
    }
}
