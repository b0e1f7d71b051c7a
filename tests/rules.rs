//! Table-driven tests of every rule, with the boundaries. The same file runs
//! natively (`#[test]`) and in headless Chromium under
//! wasm-bindgen-test-runner (`#[wasm_bindgen_test]`).

use eg_connections::input::{Body, CreateInput, Raw};
use eg_connections::model::DetailUpdate;
use eg_connections::rules::{self, check_field, validate_create, validate_update};
use eg_connections::{Field, Locale};
use serde_json::{json, Value};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// A valid WEBHOOK body to vary one field at a time.
fn webhook() -> Value {
    json!({"name": "conn-1", "vpc_id": "vpc-1", "subnet_id": "subnet-1"})
}

/// A valid KAFKA body with SASL_SSL on.
fn kafka() -> Value {
    json!({
        "name": "kafka-1", "vpc_id": "vpc-1", "subnet_id": "subnet-1", "type": "KAFKA",
        "kafka_detail": {
            "instance_id": "inst-1", "addr": "192.168.0.1:9092,192.168.0.2:9092",
            "security_protocol": "SASL_SSL", "enable_sasl_ssl": true,
            "user_name": "alice", "password": "s3cret", "acks": "all"
        }
    })
}

/// A valid ROCKETMQ body with ACL on.
fn rocketmq() -> Value {
    json!({
        "name": "rmq-1", "vpc_id": "vpc-1", "subnet_id": "subnet-1", "type": "ROCKETMQ",
        "rocketmq_detail": {
            "instance_id": "rmq-inst-1", "addr": "192.168.0.10:8100;192.168.0.11:8100",
            "use_tls": true, "enable_acl": true, "user_name": "bob", "password": "p4ss word"
        }
    })
}

fn body(value: &Value) -> Body<CreateInput> {
    serde_json::from_value(value.clone()).expect("any JSON value parses")
}

/// `(path joined by '.', code)` of every issue, or empty when valid.
fn codes(value: &Value) -> Vec<(String, &'static str)> {
    match validate_create(&body(value)) {
        Ok(_) => Vec::new(),
        Err(issues) => issues
            .iter()
            .map(|issue| (issue.path().join("."), issue.code()))
            .collect(),
    }
}

fn with(mut base: Value, pointer: &str, field_value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    base.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert(key.to_owned(), field_value);
    base
}

fn without(mut base: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    base.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
    base
}

/// Runs `(field pointer, value, expected codes at that field)` cases on `base`.
fn table(base: fn() -> Value, cases: &[(&str, Value, &[&str])]) {
    for (pointer, field_value, expected) in cases {
        let input = with(base(), pointer, field_value.clone());
        let path = pointer.trim_start_matches('/').replace('/', ".");
        let found = codes(&input);
        let at_field: Vec<&str> = found.iter().filter(|(p, _)| *p == path).map(|(_, c)| *c).collect();
        assert_eq!(&at_field, expected, "{pointer} = {field_value}: all issues {found:?}");
        let elsewhere: Vec<_> = found.iter().filter(|(p, _)| *p != path).collect();
        assert!(
            elsewhere.is_empty(),
            "{pointer} = {field_value}: unexpected {elsewhere:?}"
        );
    }
}

fn s(n: usize, ch: char) -> String {
    std::iter::repeat_n(ch, n).collect()
}

#[test]
fn valid_bodies_pass() {
    assert_eq!(codes(&webhook()), Vec::<(String, &str)>::new());
    assert_eq!(codes(&kafka()), Vec::<(String, &str)>::new());
}

#[test]
fn name_rules() {
    let name_128 = format!("a{}", s(127, 'b'));
    let name_129 = format!("a{}", s(128, 'b'));
    table(
        webhook,
        &[
            ("/name", json!(""), &["required"]),
            ("/name", json!(null), &["required"]),
            ("/name", json!("a"), &[]),
            ("/name", json!("9"), &[]),
            ("/name", json!(name_128), &[]),
            ("/name", json!(name_129), &["too_big"]),
            ("/name", json!("A.b_c-D9"), &[]),
            ("/name", json!(".abc"), &["invalid_format"]),
            ("/name", json!("-abc"), &["invalid_format"]),
            ("/name", json!("_abc"), &["invalid_format"]),
            ("/name", json!("ab c"), &["invalid_format"]),
            ("/name", json!("名字"), &["invalid_format", "invalid_format"]),
            ("/name", json!("aé"), &["invalid_format"]),
            ("/name", json!(" abc"), &["invalid_format"]),
            ("/name", json!("abc\t"), &["invalid_format"]),
            ("/name", json!("default"), &["invalid_value"]),
            ("/name", json!("Default"), &[]),
            ("/name", json!("default1"), &[]),
            ("/name", json!(42), &["invalid_type"]),
            ("/name", json!(["a"]), &["invalid_type"]),
            ("/name", json!({"a": 1}), &["invalid_type"]),
            ("/name", json!(true), &["invalid_type"]),
            // Several rules fail at once: all are reported.
            (
                "/name",
                json!(format!("-{}!", s(140, 'x'))),
                &["too_big", "invalid_format", "invalid_format"],
            ),
        ],
    );
    assert_eq!(codes(&without(webhook(), "/name")), [("name".to_owned(), "required")]);
}

#[test]
fn lengths_count_characters_not_bytes() {
    // 255 three-byte characters (765 bytes) fit; 256 do not.
    table(
        webhook,
        &[
            ("/description", json!(s(255, '描')), &[]),
            ("/description", json!(s(256, '描')), &["too_big"]),
            ("/description", json!(s(255, '😀')), &[]),
            ("/description", json!(""), &[]),
            ("/description", json!(null), &[]),
            ("/description", json!("  spaces are fine in prose  "), &[]),
            ("/description", json!(5), &["invalid_type"]),
            ("/vpc_id", json!(s(128, 'v')), &[]),
            ("/vpc_id", json!(s(129, 'v')), &["too_big"]),
            ("/vpc_id", json!(s(128, 'é')), &[]),
            ("/vpc_id", json!(""), &["required"]),
            ("/vpc_id", json!(" vpc"), &["invalid_format"]),
            ("/subnet_id", json!(s(128, 's')), &[]),
            ("/subnet_id", json!(s(129, 's')), &["too_big"]),
            ("/subnet_id", json!(null), &["required"]),
            ("/subnet_id", json!("subnet "), &["invalid_format"]),
        ],
    );
}

#[test]
fn type_rules() {
    table(
        webhook,
        &[
            ("/type", json!("WEBHOOK"), &[]),
            ("/type", json!("webhook"), &[]),
            ("/type", json!("Webhook"), &[]),
            ("/type", json!(null), &[]),
            ("/type", json!(""), &[]),
            ("/type", json!("HTTP"), &["invalid_value"]),
            ("/type", json!(" WEBHOOK"), &["invalid_format"]),
            ("/type", json!(1), &["invalid_type"]),
        ],
    );
    let lower = with(kafka(), "/type", json!("kafka"));
    let sent = validate_create(&body(&lower)).unwrap();
    assert_eq!(serde_json::to_value(&sent).unwrap()["type"], "KAFKA");
}

#[test]
fn kafka_detail_presence_follows_type() {
    assert_eq!(
        codes(&without(kafka(), "/kafka_detail")),
        [("kafka_detail".to_owned(), "required")]
    );
    assert_eq!(
        codes(&with(kafka(), "/kafka_detail", json!(null))),
        [("kafka_detail".to_owned(), "required")]
    );
    assert_eq!(
        codes(&with(kafka(), "/type", json!("WEBHOOK"))),
        [("kafka_detail".to_owned(), "not_allowed")]
    );
    assert_eq!(
        codes(&without(kafka(), "/type")),
        [("kafka_detail".to_owned(), "not_allowed")]
    );
    assert_eq!(
        codes(&with(kafka(), "/kafka_detail", json!("x"))),
        [("kafka_detail".to_owned(), "invalid_type")]
    );
    // A bad type neither demands nor forbids Kafka settings, but checks them.
    let bad_type = with(with(kafka(), "/type", json!("MQ")), "/kafka_detail/addr", json!("x"));
    assert_eq!(
        codes(&bad_type),
        [
            ("type".to_owned(), "invalid_value"),
            ("kafka_detail.addr".to_owned(), "invalid_format")
        ]
    );
}

#[test]
fn kafka_field_rules() {
    table(
        kafka,
        &[
            ("/kafka_detail/instance_id", json!(""), &["required"]),
            ("/kafka_detail/instance_id", json!(7), &["invalid_type"]),
            ("/kafka_detail/addr", json!(null), &["required"]),
            ("/kafka_detail/security_protocol", json!(null), &[]),
            ("/kafka_detail/security_protocol", json!("SASL_PLAINTEXT"), &[]),
            // PLAINTEXT is plaintext access: it contradicts SASL on.
            (
                "/kafka_detail/security_protocol",
                json!("PLAINTEXT"),
                &["invalid_value"],
            ),
            ("/kafka_detail/security_protocol", json!("banana"), &["invalid_value"]),
            ("/kafka_detail/security_protocol", json!("sasl_ssl"), &["invalid_value"]),
            ("/kafka_detail/security_protocol", json!("SSL"), &["invalid_value"]),
            (
                "/kafka_detail/security_protocol",
                json!("SASL_SSL "),
                &["invalid_format"],
            ),
            ("/kafka_detail/enable_sasl_ssl", json!("true"), &["invalid_type"]),
            ("/kafka_detail/acks", json!("0"), &[]),
            ("/kafka_detail/acks", json!("1"), &[]),
            ("/kafka_detail/acks", json!("all"), &[]),
            ("/kafka_detail/acks", json!(null), &[]),
            ("/kafka_detail/acks", json!("2"), &["invalid_value"]),
            ("/kafka_detail/acks", json!("ALL"), &["invalid_value"]),
            ("/kafka_detail/acks", json!("-1"), &["invalid_value"]),
            ("/kafka_detail/acks", json!(1), &["invalid_type"]),
            ("/kafka_detail/password", json!(" pass with spaces "), &[]),
        ],
    );
}

#[test]
fn sasl_credentials() {
    // SASL on: both credentials required.
    let on = kafka();
    assert_eq!(
        codes(&without(on.clone(), "/kafka_detail/user_name")),
        [("kafka_detail.user_name".to_owned(), "required")]
    );
    assert_eq!(
        codes(&with(on.clone(), "/kafka_detail/password", json!(""))),
        [("kafka_detail.password".to_owned(), "required")]
    );
    let neither = without(without(on, "/kafka_detail/user_name"), "/kafka_detail/password");
    assert_eq!(
        codes(&neither),
        [
            ("kafka_detail.user_name".to_owned(), "required"),
            ("kafka_detail.password".to_owned(), "required")
        ]
    );
    // SASL off or absent: neither is required (nor a SASL protocol allowed).
    let neither = without(neither, "/kafka_detail/security_protocol");
    let off = with(neither.clone(), "/kafka_detail/enable_sasl_ssl", json!(false));
    assert!(codes(&off).is_empty());
    assert!(codes(&without(neither, "/kafka_detail/enable_sasl_ssl")).is_empty());
}

#[test]
fn older_kafka_names_are_aliases() {
    // Terraform's names alone: the same request, sent under the current names.
    let older = json!({
        "name": "k", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
        "kafka_detail": {"instance_id": "i", "addr": "h:1", "sasl_ssl": true, "username": "alice", "password": "p"}
    });
    let request = validate_create(&body(&older)).unwrap();
    let sent = serde_json::to_value(&request).unwrap();
    assert_eq!(sent["kafka_detail"]["enable_sasl_ssl"], true);
    assert_eq!(sent["kafka_detail"]["user_name"], "alice");
    assert!(sent["kafka_detail"].get("sasl_ssl").is_none() && sent["kafka_detail"].get("username").is_none());
    // Both names, agreeing (null counts as absent): fine.
    let both = with(
        with(kafka(), "/kafka_detail/sasl_ssl", json!(true)),
        "/kafka_detail/username",
        json!("alice"),
    );
    assert!(codes(&both).is_empty(), "{:?}", codes(&both));
    assert!(codes(&with(kafka(), "/kafka_detail/username", Value::Null)).is_empty());
    // Both names, disagreeing: one issue naming both, at the field.
    let clash = with(
        with(kafka(), "/kafka_detail/sasl_ssl", json!(false)),
        "/kafka_detail/username",
        json!("bob"),
    );
    assert_eq!(
        codes(&clash),
        [
            ("kafka_detail.enable_sasl_ssl".to_owned(), "invalid_value"),
            ("kafka_detail.user_name".to_owned(), "invalid_value")
        ]
    );
    let issues = validate_create(&body(&clash)).unwrap_err();
    assert_eq!(
        issues[1].message(Locale::En),
        "User name is given twice with different values, as \"user_name\" and as its older name \"username\" (keep one)"
    );
    // The older name's value gets the field's rules.
    let wrong = with(
        without(kafka(), "/kafka_detail/enable_sasl_ssl"),
        "/kafka_detail/sasl_ssl",
        json!("yes"),
    );
    assert_eq!(
        codes(&wrong),
        [("kafka_detail.enable_sasl_ssl".to_owned(), "invalid_type")]
    );
}

#[test]
fn addr_rules() {
    let ok = [
        "a:1",
        "broker:65535",
        "192.168.0.1:9092",
        "[::1]:9092",
        "[2001:db8::1]:9093,10.0.0.1:9092",
        "kafka-1.internal.example.com:9092",
        "b1:9092,b2:9092,b3:9092",
    ];
    for addr in ok {
        assert!(rules::addr_list(addr).is_ok(), "{addr} should pass");
    }
    let bad = [
        "a:0",
        "a:65536",
        "a:99999999999999999999",
        "a:-1",
        "a:port",
        "a",
        "a:",
        ":9092",
        "a:1,",
        ",a:1",
        "a:1,,b:2",
        "a:1, b:2",
        "::1:9092",
        "[::1]",
        "[::1:9092",
        "[zz::1]:9092",
        "[1.2.3.4]:9092",
        "256.1.1.1:9092",
        "1.2.3:9092",
        "-host:9092",
        "host-:9092",
        "ho_st:9092",
        "host..name:9092",
        "host.:9092",
        "hôst:9092",
    ];
    for addr in bad {
        let input = with(kafka(), "/kafka_detail/addr", json!(addr));
        assert_eq!(
            codes(&input),
            [("kafka_detail.addr".to_owned(), "invalid_format")],
            "{addr} should fail"
        );
    }
    let label_63 = format!("{}.com:1", s(63, 'a'));
    let label_64 = format!("{}.com:1", s(64, 'a'));
    assert!(rules::addr_list(&label_63).is_ok());
    assert!(rules::addr_list(&label_64).is_err());
}

#[test]
fn every_issue_is_reported_at_once() {
    let input = json!({
        "name": ".bad name",
        "description": s(300, 'd'),
        "vpc_id": "",
        "subnet_id": 3,
        "type": "KAFKA",
        "vpcId": "typo",
        "kafka_detail": {"addr": "x", "enable_sasl_ssl": true, "acks": "2", "saslSsl": true}
    });
    let found = codes(&input);
    let expected = [
        ("", "unrecognized_keys"),
        ("name", "invalid_format"),
        ("name", "invalid_format"),
        ("description", "too_big"),
        ("vpc_id", "required"),
        ("subnet_id", "invalid_type"),
        ("kafka_detail", "unrecognized_keys"),
        ("kafka_detail.instance_id", "required"),
        ("kafka_detail.addr", "invalid_format"),
        ("kafka_detail.user_name", "required"),
        ("kafka_detail.password", "required"),
        ("kafka_detail.acks", "invalid_value"),
    ];
    let expected: Vec<(String, &str)> = expected.iter().map(|(p, c)| (p.to_string(), *c)).collect();
    assert_eq!(found, expected);
}

#[test]
fn bodies_that_are_not_objects() {
    for value in [json!(null), json!(1), json!("x"), json!([]), json!(true)] {
        assert_eq!(codes(&value), [(String::new(), "invalid_type")], "{value}");
    }
}

#[test]
fn english_messages_name_the_limit() {
    let long = with(webhook(), "/name", json!(format!("a{}", s(130, 'b'))));
    let issues = validate_create(&body(&long)).unwrap_err();
    assert_eq!(
        issues[0].message(Locale::En),
        "Name must be at most 128 characters (it has 131)"
    );
    assert_eq!(issues[0].message(Locale::ZhCn), "名称最多 128 个字符（当前 131 个）");

    let typo = with(webhook(), "/vpcId", json!("v"));
    let issues = validate_create(&body(&typo)).unwrap_err();
    assert_eq!(
        issues[0].message(Locale::En),
        "Unknown property \"vpcId\" (did you mean \"vpc_id\"?)"
    );

    let missing = validate_create(&body(&without(kafka(), "/kafka_detail"))).unwrap_err();
    assert_eq!(
        missing[0].message(Locale::En),
        "Kafka settings are required when the type is KAFKA"
    );

    let port = with(kafka(), "/kafka_detail/addr", json!("a:1,b:70000"));
    let issues = validate_create(&body(&port)).unwrap_err();
    assert_eq!(
        issues[0].message(Locale::En),
        "Address entry 2 (\"b:70000\") has a port outside 1 to 65535"
    );
}

#[test]
fn every_issue_has_a_message_in_every_locale() {
    let input = json!({
        "name": "default", "description": s(256, 'd'), "vpc_id": " v", "subnet_id": [],
        "type": "kafka", "x": 1,
        "kafka_detail": {"addr": "[::1]", "enable_sasl_ssl": true, "acks": "x", "security_protocol": 1,
                         "user_name": "a", "username": "b"}
    });
    let mut issues = validate_create(&body(&input)).unwrap_err();
    assert!(issues.len() >= 10, "{issues:?}");
    issues.push(eg_connections::Issue::new(
        Field::Description,
        eg_connections::IssueKind::LoneSurrogate { position: 3 },
    ));
    for issue in &issues {
        let en = issue.message(Locale::En);
        let zh = issue.message(Locale::ZhCn);
        assert!(!en.is_empty() && !zh.is_empty());
        assert_ne!(en, zh, "zh-CN must not fall back to English");
        assert!(zh.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)), "{zh}");
    }
}

#[test]
fn messages_quote_bounded_excerpts() {
    let huge = s(1_000_000, 'x');
    let input = with(kafka(), "/kafka_detail/acks", json!(huge));
    let issues = validate_create(&body(&input)).unwrap_err();
    let message = issues[0].message(Locale::En);
    assert!(message.len() < 200, "{} bytes", message.len());
}

#[test]
fn normalization_fills_defaults_and_keeps_values() {
    let minimal_kafka = json!({
        "name": "k", "vpc_id": "v", "subnet_id": "s", "type": "kafka",
        "kafka_detail": {"instance_id": "i", "addr": "h:1"}
    });
    let sent = serde_json::to_value(validate_create(&body(&minimal_kafka)).unwrap()).unwrap();
    assert_eq!(
        sent,
        json!({
            "name": "k", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
            "kafka_detail": {"instance_id": "i", "addr": "h:1", "enable_sasl_ssl": false, "acks": "1"}
        })
    );
    let sent = serde_json::to_value(validate_create(&body(&webhook())).unwrap()).unwrap();
    assert_eq!(
        sent,
        json!({"name": "conn-1", "vpc_id": "vpc-1", "subnet_id": "subnet-1", "type": "WEBHOOK"})
    );
    let with_empty_optional = with(with(webhook(), "/description", json!("")), "/type", json!(""));
    let sent = serde_json::to_value(validate_create(&body(&with_empty_optional)).unwrap()).unwrap();
    assert_eq!(
        sent,
        json!({"name": "conn-1", "vpc_id": "vpc-1", "subnet_id": "subnet-1", "type": "WEBHOOK"})
    );
    let full = serde_json::to_value(validate_create(&body(&kafka())).unwrap()).unwrap();
    assert_eq!(full, kafka());
}

#[test]
fn password_never_in_debug_output() {
    let request = validate_create(&body(&kafka())).unwrap();
    let debug = format!("{request:?}");
    assert!(!debug.contains("s3cret"), "{debug}");
    assert!(debug.contains("alice"));
}

#[test]
fn per_field_checks_match_whole_request() {
    let too_long: Raw<String> = Raw::Value(s(129, 'a'));
    let issues = check_field(Field::Name, &too_long, false);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].code(), "too_big");
    assert!(check_field(Field::Name, &"ok".into(), false).is_empty());
    assert_eq!(
        check_field(Field::UserName, &Raw::<String>::Missing, true)[0].code(),
        "required"
    );
    assert!(check_field(Field::UserName, &Raw::<String>::Missing, false).is_empty());
    assert_eq!(check_field(Field::Addr, &"h".into(), false)[0].code(), "invalid_format");
}

#[test]
fn update_changes_only_what_is_given() {
    let parse = |value: Value| validate_update(&serde_json::from_value(value).unwrap());
    assert_eq!(
        parse(json!({"description": "d"})).unwrap().description.as_deref(),
        Some("d")
    );
    assert_eq!(
        parse(json!({"kafka_detail": {"user_name": "u", "password": "p"}}))
            .unwrap()
            .description,
        None,
        "absent: unchanged"
    );
    assert_eq!(
        parse(json!({"description": ""})).unwrap().description.as_deref(),
        Some(""),
        "empty: cleared"
    );
    assert_eq!(
        parse(json!({"description": null})).unwrap().description.as_deref(),
        Some(""),
        "null: cleared"
    );
    let issues = parse(json!({"description": s(256, 'd'), "name": "x"})).unwrap_err();
    let found: Vec<_> = issues
        .iter()
        .map(|issue| (issue.path().join("."), issue.code()))
        .collect();
    assert_eq!(
        found,
        [("".to_owned(), "not_allowed"), ("description".to_owned(), "too_big")]
    );
    assert_eq!(parse(json!("x")).unwrap_err()[0].code(), "invalid_type");
}

/// The message of the only issue of a create body (`update` false) or an
/// update body, in English and in Chinese.
fn only_message(value: Value, update: bool) -> (String, String) {
    let issues = if update {
        validate_update(&serde_json::from_value(value).unwrap()).unwrap_err()
    } else {
        validate_create(&body(&value)).unwrap_err()
    };
    assert_eq!(issues.len(), 1, "one issue per mistake: {issues:?}");
    (issues[0].message(Locale::En), issues[0].message(Locale::ZhCn))
}

#[test]
fn address_mistakes_people_make_are_named() {
    let addr = |value: &str| only_message(with(kafka(), "/kafka_detail/addr", json!(value)), false);
    assert_eq!(
        addr("http://10.0.0.1:9092"),
        (
            "Address entry 1 must be host:port without a scheme (remove \"http://\")".to_owned(),
            "连接地址的第 1 项应为 host:port，不带协议头（请删除 \"http://\"）".to_owned()
        )
    );
    assert_eq!(
        addr("10.0.0.1:9092,SASL_SSL://10.0.0.2:9093").0,
        "Address entry 2 must be host:port without a scheme (remove \"SASL_SSL://\")"
    );
    assert_eq!(
        addr("10.0.0.1:9092;10.0.0.2:9092"),
        (
            "Address entry 1 (\"10.0.0.1:9092;10.0.0.2:9092\") holds a ';': separate Kafka brokers with commas"
                .to_owned(),
            "连接地址的第 1 项（\"10.0.0.1:9092;10.0.0.2:9092\"）含有“;”：Kafka 的多个地址请用逗号分隔".to_owned()
        )
    );
    // One mistake, one message: the field's, not the first entry's too.
    assert_eq!(
        addr(" 10.0.0.1:9092"),
        (
            "Address must not start or end with whitespace".to_owned(),
            "连接地址的首尾不能有空白字符".to_owned()
        )
    );
    assert_eq!(
        addr("10.0.0.1:9092 ").0,
        "Address must not start or end with whitespace"
    );
    // RocketMQ takes `;`, and a scheme is named there too.
    let server = |value: &str| with(rocketmq(), "/rocketmq_detail/addr", json!(value));
    assert!(codes(&server("10.0.0.1:8100;10.0.0.2:8100")).is_empty());
    assert_eq!(
        only_message(server("tcp://10.0.0.1:8100"), false).0,
        "Address entry 1 must be host:port without a scheme (remove \"tcp://\")"
    );
    // An IPv6 address without brackets is still said as such.
    assert_eq!(
        addr("::1:9092").0,
        "Address entry 1 (\"::1:9092\") must put an IPv6 address in brackets, e.g. [::1]:9092"
    );
}

#[test]
fn the_security_protocol_and_the_sasl_switch_agree() {
    let kafka_with = |protocol: Value, sasl: bool| {
        let mut body = with(kafka(), "/kafka_detail/security_protocol", protocol);
        body = with(body, "/kafka_detail/enable_sasl_ssl", json!(sasl));
        if !sasl {
            body = without(without(body, "/kafka_detail/user_name"), "/kafka_detail/password");
        }
        body
    };
    for (protocol, sasl) in [("SASL_SSL", true), ("SASL_PLAINTEXT", true), ("PLAINTEXT", false)] {
        assert!(
            codes(&kafka_with(json!(protocol), sasl)).is_empty(),
            "{protocol} {sasl}"
        );
    }
    // Absent: the instance's own (SASL_SSL when SASL is on, as DMS defaults).
    assert!(codes(&without(kafka(), "/kafka_detail/security_protocol")).is_empty());
    assert_eq!(
        only_message(kafka_with(json!("SASL_SSL"), false), false),
        (
            "Security protocol SASL_SSL needs Ciphertext access (SASL): turn it on, or choose PLAINTEXT".to_owned(),
            "安全协议 SASL_SSL 需要开启密文接入（SASL）：请开启，或选择 PLAINTEXT".to_owned()
        )
    );
    let (en, zh) = only_message(kafka_with(json!("PLAINTEXT"), true), false);
    assert_eq!(
        en,
        "Security protocol PLAINTEXT contradicts Ciphertext access (SASL): choose SASL_SSL or SASL_PLAINTEXT, or turn Ciphertext access (SASL) off"
    );
    assert!(zh.contains("PLAINTEXT") && zh.contains("密文接入"), "{zh}");
    let (en, zh) = only_message(kafka_with(json!("banana"), true), false);
    assert_eq!(
        en,
        "Security protocol must be PLAINTEXT, SASL_PLAINTEXT or SASL_SSL (received \"banana\")"
    );
    assert_eq!(
        zh,
        "安全协议必须是 PLAINTEXT、SASL_PLAINTEXT 或 SASL_SSL（实际为 \"banana\"）"
    );
    // An unknown value is one issue, not a conflict besides.
    assert_eq!(codes(&kafka_with(json!("banana"), false)).len(), 1);
}

#[test]
fn updates_say_what_cannot_change_and_that_nothing_did() {
    assert_eq!(
        only_message(json!({}), true),
        (
            "The update changes nothing: give a description, or new settings of the connection's type".to_owned(),
            "此次更新没有修改任何内容：请给出描述，或该连接类型的新设置".to_owned()
        )
    );
    assert_eq!(
        only_message(json!({"name": "x", "vpc_id": "v"}), true),
        (
            "\"name\", \"vpc_id\" cannot be changed after creation (an update changes the description and the type's settings)"
                .to_owned(),
            "创建后不能修改 \"name\"、\"vpc_id\"（更新只能修改描述和该类型的设置）".to_owned()
        )
    );
    // Every unknown key that looks like a known one gets its suggestion.
    let typos =
        json!({"name": "k", "vpc_id": "v", "subnet_id": "s", "Description": "d", "Type": "WEBHOOK", "colour": 1});
    assert_eq!(
        only_message(typos, false),
        (
            "Unknown properties \"Description\", \"Type\", \"colour\" (did you mean \"description\", \"type\"?)"
                .to_owned(),
            "未知属性 \"Description\"、\"Type\"、\"colour\"（是否应为 \"description\"、\"type\"？）".to_owned()
        )
    );
    assert_eq!(
        only_message(json!({"descripton": "d"}), true).0,
        "Unknown property \"descripton\""
    );
    assert_eq!(
        only_message(json!({"Description": "d"}), true).0,
        "Unknown property \"Description\" (did you mean \"description\"?)"
    );
}

#[test]
fn locale_tags() {
    assert_eq!(Locale::from_tag("zh-CN"), Some(Locale::ZhCn));
    assert_eq!(Locale::from_tag("zh"), Some(Locale::ZhCn));
    assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
    assert_eq!(Locale::from_tag("fr"), None);
    assert_eq!(Locale::ZhCn.tag(), "zh-CN");
}

#[test]
fn rocketmq_detail_rules() {
    assert_eq!(codes(&rocketmq()), Vec::<(String, &str)>::new());
    table(
        rocketmq,
        &[
            ("/rocketmq_detail/instance_id", json!(""), &["required"]),
            ("/rocketmq_detail/instance_id", json!(s(129, 'i')), &["too_big"]),
            ("/rocketmq_detail/instance_id", json!(" i"), &["invalid_format"]),
            ("/rocketmq_detail/addr", json!("10.0.0.1:8100,10.0.0.2:8100"), &[]),
            ("/rocketmq_detail/addr", json!("broker.internal:8100"), &[]),
            ("/rocketmq_detail/addr", json!("10.0.0.1:8100;"), &["invalid_format"]),
            ("/rocketmq_detail/addr", json!("10.0.0.1"), &["invalid_format"]),
            ("/rocketmq_detail/addr", json!("10.0.0.1:70000"), &["invalid_format"]),
            ("/rocketmq_detail/use_tls", json!("true"), &["invalid_type"]),
            ("/rocketmq_detail/enable_acl", json!(1), &["invalid_type"]),
            ("/rocketmq_detail/user_name", json!(""), &["required"]),
            ("/rocketmq_detail/password", json!(null), &["required"]),
            ("/rocketmq_detail/password", json!(" spaced "), &[]),
        ],
    );
    // ACL off: the credentials are optional.
    let no_acl = without(
        without(
            with(rocketmq(), "/rocketmq_detail/enable_acl", json!(false)),
            "/rocketmq_detail/user_name",
        ),
        "/rocketmq_detail/password",
    );
    assert_eq!(codes(&no_acl), Vec::<(String, &str)>::new());
    // Presence follows the type, as for Kafka.
    assert_eq!(
        codes(&without(rocketmq(), "/rocketmq_detail")),
        [("rocketmq_detail".to_owned(), "required")]
    );
    assert_eq!(
        codes(&with(rocketmq(), "/type", json!("KAFKA"))),
        [
            ("kafka_detail".to_owned(), "required"),
            ("rocketmq_detail".to_owned(), "not_allowed")
        ]
    );
    assert_eq!(
        codes(&with(
            kafka(),
            "/rocketmq_detail",
            rocketmq()["rocketmq_detail"].clone()
        )),
        [("rocketmq_detail".to_owned(), "not_allowed")]
    );
    assert_eq!(
        codes(&with(rocketmq(), "/rocketmq_detail/acks", json!("1"))),
        [("rocketmq_detail".to_owned(), "unrecognized_keys")]
    );
    // Normalized: lowercase type uppercased, switches default to false.
    let request = validate_create(&body(&json!({
        "name": "r", "vpc_id": "v", "subnet_id": "s", "type": "rocketmq",
        "rocketmq_detail": {"instance_id": "i", "addr": "h:8100"}
    })))
    .unwrap();
    let sent = serde_json::to_value(&request).unwrap();
    assert_eq!(
        sent,
        json!({"name": "r", "vpc_id": "v", "subnet_id": "s", "type": "ROCKETMQ",
               "rocketmq_detail": {"instance_id": "i", "addr": "h:8100", "use_tls": false, "enable_acl": false}})
    );
    let message = validate_create(&body(&with(rocketmq(), "/rocketmq_detail/user_name", json!("")))).unwrap_err()[0]
        .message(Locale::En);
    assert_eq!(message, "User name is required when ACL is enabled");
}

#[test]
fn update_rotates_credentials_and_replaces_rocketmq_settings() {
    let parse = |value: Value| validate_update(&serde_json::from_value(value).unwrap());
    let update = parse(json!({"kafka_detail": {"user_name": "carol", "password": "n3w"}})).unwrap();
    let Some(DetailUpdate::Kafka(credentials)) = update.detail else {
        panic!("new Kafka credentials: {update:?}")
    };
    assert_eq!(
        (credentials.user_name.as_str(), credentials.password.expose()),
        ("carol", "n3w")
    );
    assert_eq!(update.description, None);
    // The older user name is read too.
    assert!(parse(json!({"kafka_detail": {"username": "carol", "password": "n3w"}})).is_ok());
    let codes_of = |value: Value| -> Vec<(String, &'static str)> {
        parse(value)
            .unwrap_err()
            .iter()
            .map(|issue| (issue.path().join("."), issue.code()))
            .collect()
    };
    assert_eq!(
        codes_of(json!({"kafka_detail": {"user_name": "carol"}})),
        [("kafka_detail.password".to_owned(), "required")],
        "a rotation replaces the pair"
    );
    assert_eq!(
        codes_of(json!({"kafka_detail": {"user_name": "carol", "password": "x", "addr": "h:1", "acks": "1"}})),
        [("kafka_detail".to_owned(), "not_allowed")]
    );
    let message = parse(json!({"kafka_detail": {"user_name": "c", "password": "x", "addr": "h:1"}})).unwrap_err()[0]
        .message(Locale::En);
    assert_eq!(
        message,
        "Kafka settings cannot change \"addr\" after creation (only the user name and password can)"
    );
    assert_eq!(
        codes_of(json!({"kafka_detail": {"user_name": "c", "password": "x", "pasword": "y"}})),
        [("kafka_detail".to_owned(), "unrecognized_keys")]
    );
    // RocketMQ settings: the create rules, the whole detail.
    let update = parse(json!({"rocketmq_detail": rocketmq()["rocketmq_detail"]})).unwrap();
    let Some(DetailUpdate::Rocketmq(rocketmq)) = update.detail else {
        panic!("new RocketMQ settings: {update:?}")
    };
    assert_eq!(rocketmq.user_name.as_deref(), Some("bob"));
    assert_eq!(
        codes_of(json!({"rocketmq_detail": {"instance_id": "i", "addr": "h:8100", "enable_acl": true}})),
        [
            ("rocketmq_detail.user_name".to_owned(), "required"),
            ("rocketmq_detail.password".to_owned(), "required")
        ]
    );
    // The password never shows in Debug output.
    let debug = format!(
        "{:?}",
        parse(json!({"kafka_detail": {"user_name": "u", "password": "Hidden-9"}})).unwrap()
    );
    assert!(!debug.contains("Hidden-9"), "{debug}");
}

#[test]
fn one_type_per_update_and_every_type_in_the_type_message() {
    let parse = |value: Value| validate_update(&serde_json::from_value(value).unwrap());
    // A connection has one type: the second detail object is refused, naming the first.
    let issues = parse(json!({
        "kafka_detail": {"user_name": "u", "password": "p"},
        "rocketmq_detail": rocketmq()["rocketmq_detail"],
    }))
    .unwrap_err();
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].path(), ["rocketmq_detail"]);
    assert_eq!(issues[0].code(), "not_allowed");
    assert_eq!(
        issues[0].message(Locale::En),
        "RocketMQ settings cannot be changed together with Kafka settings: a connection has one type"
    );
    assert_eq!(
        issues[0].message(Locale::ZhCn),
        "RocketMQ 配置不能与 Kafka 配置同时修改：一个连接只有一种类型"
    );
    // The type message names every type, in every locale: a new type must
    // be added to it.
    let issue = validate_create(&body(
        &json!({"name": "n", "vpc_id": "v", "subnet_id": "s", "type": "HTTP"}),
    ))
    .unwrap_err()
    .remove(0);
    for locale in Locale::ALL {
        let message = issue.message(locale);
        for kind in eg_connections::model::ConnectionType::ALL {
            assert!(message.contains(kind.as_str()), "{locale:?}: {message} names {kind:?}");
        }
    }
}

#[test]
fn control_characters_are_refused_outside_passwords() {
    let issues_of = |patch: Value| -> Vec<(String, &'static str, String, String)> {
        let mut value = json!({"name": "n", "vpc_id": "v", "subnet_id": "s"});
        for (key, patched) in patch.as_object().unwrap() {
            value[key] = patched.clone();
        }
        validate_create(&body(&value))
            .err()
            .unwrap_or_default()
            .iter()
            .map(|issue| {
                (
                    issue.path().join("."),
                    issue.code(),
                    issue.message(Locale::En),
                    issue.message(Locale::ZhCn),
                )
            })
            .collect()
    };
    // A NUL inside an ID: one issue, saying where.
    assert_eq!(
        issues_of(json!({"vpc_id": "vpc\u{0}1"})),
        [(
            "vpc_id".to_owned(),
            "invalid_format",
            "VPC ID must not contain control characters ('\\0' at position 4)".to_owned(),
            "VPC ID不能包含控制字符（第 4 个字符 '\\0'）".to_owned()
        )]
    );
    // A tab inside an ID too; at its end it is whitespace, said once.
    assert_eq!(issues_of(json!({"subnet_id": "s\tt"}))[0].1, "invalid_format");
    assert_eq!(issues_of(json!({"subnet_id": "st\t"})).len(), 1);
    // An escape (and a C1 control) in a description; line breaks are text.
    assert_eq!(issues_of(json!({"description": "red \u{1b}[31m"}))[0].0, "description");
    assert_eq!(issues_of(json!({"description": "a\u{85}b"}))[0].0, "description");
    assert!(issues_of(json!({"description": "line one\nline two\tend"})).is_empty());
    // In the type or an address: the control character, not a second issue.
    assert_eq!(issues_of(json!({"type": "WEBHOOK\u{0}"})).len(), 1);
    // A password may hold anything.
    let kafka = json!({"name": "n", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
        "kafka_detail": {"instance_id": "i", "addr": "h:1", "enable_sasl_ssl": true, "user_name": "u", "password": "p\u{0}w"}});
    assert!(validate_create(&body(&kafka)).is_ok());
}
