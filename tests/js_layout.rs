//! The npm validator's buffer layout (`js::layout`), driven the way the
//! generated JavaScript reader drives it: slots and UTF-8 in, verdict words
//! out. Every verdict is checked against the core rules run directly, and
//! every message rebuilt from the words against the core's own rendering.
//! (The JavaScript side itself is tested by the npm package's Node tests,
//! the differential fuzz and the browser e2e test.) Runs natively and in
//! headless Chromium.
#![cfg(feature = "js")]

use eg_connections::fields::{ALIASES, ALL_FIELDS};
use eg_connections::i18n::{ArgKind, Locale, MessageId};
use eg_connections::input::{older_slot, Body, CreateInput, ValueKind};
use eg_connections::issue::CODES;
use eg_connections::js::layout::{
    Io, Utf8Written, FLAG_WORDS, ISSUE_WORDS, OUT_HEADER, PART_ARGS, SLOT_WORDS, TAG_FALSE, TAG_KIND,
    TAG_LONE_SURROGATE, TAG_MISSING, TAG_NULL, TAG_STRING, TAG_TRUE,
};
use eg_connections::rules::validate_create;
use eg_connections::Field;
use serde_json::{json, Value};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Writes a JSON value the way the reader in `core.js` writes a
/// JavaScript value: the text as UTF-8, offsets in UTF-16 units.
struct Writer<'a> {
    io: &'a mut Io,
    pos: usize,
    units: usize,
    keys: usize,
}

impl Writer<'_> {
    fn new(io: &mut Io) -> Writer<'_> {
        Writer {
            io,
            pos: 0,
            units: 0,
            keys: 0,
        }
    }

    fn text(&mut self, text: &str) -> (i32, i32) {
        let (start, length) = (self.units, text.encode_utf16().count());
        self.io.input.reserve_bytes(self.pos + text.len());
        self.io.input.bytes[self.pos..self.pos + text.len()].copy_from_slice(text.as_bytes());
        self.pos += text.len();
        self.units += length;
        (start as i32, length as i32)
    }

    fn slot(&mut self, index: usize, tag: i32, a: i32, b: i32) {
        let at = SLOT_WORDS * index;
        self.io.input.slots[at..at + 3].copy_from_slice(&[tag, a, b]);
    }

    fn kind_tag(value: Option<&Value>) -> i32 {
        match value {
            None => TAG_MISSING,
            Some(Value::Null) => TAG_NULL,
            Some(Value::Bool(true)) => TAG_TRUE,
            Some(Value::Bool(false)) => TAG_FALSE,
            Some(Value::Number(_)) => TAG_KIND + ValueKind::Number as i32,
            Some(Value::Array(_)) => TAG_KIND + ValueKind::Array as i32,
            Some(Value::Object(_)) => TAG_KIND + ValueKind::Object as i32,
            Some(Value::String(_)) => TAG_STRING,
        }
    }

    fn value(&mut self, field: Field, value: Option<&Value>) {
        self.value_at(field as usize, value);
    }

    fn value_at(&mut self, index: usize, value: Option<&Value>) {
        match value {
            Some(Value::String(text)) => {
                let (offset, length) = self.text(text);
                self.slot(index, TAG_STRING, offset, length);
            }
            other => self.slot(index, Self::kind_tag(other), 0, 0),
        }
    }

    /// Writes an object's known properties and unknown keys.
    fn object(&mut self, parent: Field, object: &serde_json::Map<String, Value>) {
        for key in object.keys() {
            match Field::from_key(parent, key).or_else(|| Field::from_alias(parent, key)) {
                Some(_) => {}
                None => {
                    let (offset, length) = self.text(key);
                    self.io.input.reserve_keys(self.keys + 1);
                    self.io.input.keys[3 * self.keys..3 * self.keys + 3].copy_from_slice(&[
                        parent as i32,
                        offset,
                        length,
                    ]);
                    self.keys += 1;
                }
            }
        }
        for field in ALL_FIELDS
            .iter()
            .copied()
            .filter(|field| field.spec().is_some_and(|spec| spec.parent() == parent))
        {
            let value = object.get(field.spec().unwrap().key());
            self.value(field, value);
            if let (Some(eg_connections::fields::Family::Object), Some(Value::Object(detail))) =
                (field.spec().map(|spec| spec.family), value)
            {
                self.object(field, detail);
            }
        }
        for alias in ALIASES
            .iter()
            .filter(|alias| alias.field.spec().unwrap().parent() == parent)
        {
            self.value_at(older_slot(alias.field), object.get(alias.key));
        }
    }
}

fn write(io: &mut Io, body: &Value) {
    let mut writer = Writer::new(io);
    writer.value(Field::Root, Some(body));
    if let Value::Object(object) = body {
        writer.object(Field::Root, object);
    }
    let (keys, units, bytes) = (writer.keys, writer.units, writer.pos);
    io.input.begin(keys, units, bytes, false);
}

/// Rebuilds an issue's `(path, code, message)` from its record.
fn read_issue(io: &Io, record: &[i32], spans: &[i32], locale: Locale) -> (String, &'static str, String) {
    let table = locale.table();
    let field = ALL_FIELDS[record[0] as usize];
    let text = |index: i32| {
        let (offset, length) = (
            spans[2 * index as usize] as usize,
            spans[2 * index as usize + 1] as usize,
        );
        io.output.text[offset..offset + length].to_owned()
    };
    let mut message = String::new();
    for part in [&record[2..3 + PART_ARGS], &record[3 + PART_ARGS..]] {
        if part[0] < 0 {
            continue;
        }
        let id = MessageId::ALL[part[0] as usize];
        let mut words = part[1..].iter().copied();
        let mut args = Vec::new();
        for kind in id.args() {
            let word = words.next().unwrap();
            args.push(match kind {
                ArgKind::Number => word.to_string(),
                ArgKind::Text => text(word),
                ArgKind::Expected => (table.expected_kind)(ValueKind::ALL[word as usize]).to_owned(),
                ArgKind::Received => (table.received_kind)(ValueKind::ALL[word as usize]).to_owned(),
                ArgKind::Label => (table.field_label)(ALL_FIELDS[word as usize]).to_owned(),
                ArgKind::Keys => {
                    let count = words.next().unwrap();
                    (word..word + count)
                        .map(|index| format!("\"{}\"", text(index)))
                        .collect::<Vec<_>>()
                        .join(table.list_separator)
                }
            });
        }
        let mut rendered = (table.template)(id).replace("{label}", (table.field_label)(field));
        for (index, arg) in args.iter().enumerate() {
            rendered = rendered.replace(&format!("{{{index}}}"), arg);
        }
        message.push_str(&rendered);
    }
    (field.path().join("."), CODES[record[1] as usize], message)
}

/// The verdict of the layout and of the core rules, side by side.
fn check(body: Value) {
    let mut io = Io::new();
    write(&mut io, &body);
    io.validate_create(None);
    let out = io.output.out.clone();
    // The text here is UTF-8 (Rust wrote it), as encodeInto's is: the
    // exports' unchecked reading gives the very same words.
    write(&mut io, &body);
    // SAFETY: `write` copies a Rust `&str`, which is UTF-8.
    #[allow(unsafe_code)]
    io.validate_create(Some(unsafe { Utf8Written::promise() }));
    assert_eq!(io.output.out, out, "{body}: unchecked reading");
    let parsed: Body<CreateInput> = serde_json::from_value(body.clone()).unwrap();
    let expected = validate_create(&parsed);
    match expected {
        Ok(request) => {
            assert_eq!(out[0], 1, "{body}: valid");
            let sent = serde_json::to_value(&request).unwrap();
            assert_eq!(
                ["WEBHOOK", "KAFKA", "ROCKETMQ"][out[1] as usize],
                sent["type"],
                "{body}: type"
            );
            // The carried set, then the switches that are on.
            let set = |first: usize, slot: usize| out[first + slot / 32] & (1 << (slot % 32)) != 0;
            let carried = |slot: usize| set(3, slot);
            let bit = |field: Field| match field.spec().map(|spec| spec.family) {
                Some(eg_connections::fields::Family::Flag) => set(3 + FLAG_WORDS, field as usize),
                _ => carried(field as usize),
            };
            assert_eq!(bit(Field::Description), sent.get("description").is_some(), "{body}");
            assert_eq!(bit(Field::KafkaDetail), sent.get("kafka_detail").is_some(), "{body}");
            if let Some(detail) = sent.get("kafka_detail") {
                assert_eq!(["0", "1", "all"][out[2] as usize], detail["acks"], "{body}");
                let from_older_name = carried(older_slot(Field::UserName));
                let given = &body["kafka_detail"];
                let expected_from = if given.get("user_name").is_none_or(Value::is_null) {
                    "username"
                } else {
                    "user_name"
                };
                if detail.get("user_name").is_some() {
                    assert_eq!(from_older_name, expected_from == "username", "{body}");
                    assert_eq!(detail["user_name"], given[expected_from], "{body}");
                }
                assert_eq!(bit(Field::EnableSaslSsl), detail["enable_sasl_ssl"] == true, "{body}");
                assert_eq!(bit(Field::UserName), detail.get("user_name").is_some(), "{body}");
                assert_eq!(bit(Field::Password), detail.get("password").is_some(), "{body}");
            }
            assert_eq!(
                bit(Field::RocketmqDetail),
                sent.get("rocketmq_detail").is_some(),
                "{body}"
            );
            if let Some(detail) = sent.get("rocketmq_detail") {
                assert_eq!(bit(Field::UseTls), detail["use_tls"] == true, "{body}");
                assert_eq!(bit(Field::EnableAcl), detail["enable_acl"] == true, "{body}");
                assert_eq!(
                    bit(Field::RocketmqUserName),
                    detail.get("user_name").is_some(),
                    "{body}"
                );
                assert_eq!(bit(Field::RocketmqPassword), detail.get("password").is_some(), "{body}");
            }
        }
        Err(issues) => {
            assert_eq!(out[0], 0, "{body}: invalid");
            assert_eq!(out[1] as usize, issues.len(), "{body}: issue count");
            let spans = &out[OUT_HEADER + issues.len() * ISSUE_WORDS..];
            for (index, issue) in issues.iter().enumerate() {
                let record = &out[OUT_HEADER + index * ISSUE_WORDS..OUT_HEADER + (index + 1) * ISSUE_WORDS];
                for locale in Locale::ALL {
                    let (path, code, message) = read_issue(&io, record, spans, locale);
                    assert_eq!(path, issue.path().join("."), "{body}");
                    assert_eq!(code, issue.code(), "{body}");
                    assert_eq!(message, issue.message(locale), "{body}");
                }
            }
        }
    }
}

#[test]
fn valid_requests_come_back_as_flags() {
    check(json!({"name": "n", "vpc_id": "v", "subnet_id": "s"}));
    check(json!({"name": "n", "vpc_id": "v", "subnet_id": "s", "description": "d", "type": "webhook"}));
    check(json!({
        "name": "k", "vpc_id": "v", "subnet_id": "s", "type": "kafka",
        "kafka_detail": {"instance_id": "i", "addr": "[::1]:9092", "enable_sasl_ssl": true,
                         "user_name": "u", "password": " p ", "acks": "all", "security_protocol": "SASL_SSL"}
    }));
    check(json!({"name": "k", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
                 "kafka_detail": {"instance_id": "i", "addr": "h:1"}}));
    // The older names Terraform sends, alone or agreeing with the current ones.
    check(json!({"name": "k", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
                 "kafka_detail": {"instance_id": "i", "addr": "h:1", "sasl_ssl": true, "username": "u", "password": "p"}}));
    check(json!({"name": "k", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
                 "kafka_detail": {"instance_id": "i", "addr": "h:1", "sasl_ssl": true, "enable_sasl_ssl": true,
                                  "user_name": "u", "username": "u", "password": "p"}}));
    check(json!({"name": "r", "vpc_id": "v", "subnet_id": "s", "type": "rocketmq",
                 "rocketmq_detail": {"instance_id": "i", "addr": "h:8100;h2:8100", "use_tls": true,
                                     "enable_acl": true, "user_name": "u😀", "password": "p"}}));
    check(json!({"name": "r", "vpc_id": "v", "subnet_id": "s", "type": "ROCKETMQ",
                 "rocketmq_detail": {"instance_id": "i", "addr": "h:8100"}}));
}

#[test]
fn rocketmq_issues_survive_the_words() {
    for body in [
        json!({"name": "r", "vpc_id": "v", "subnet_id": "s", "type": "ROCKETMQ"}),
        json!({"name": "r", "vpc_id": "v", "subnet_id": "s", "type": "ROCKETMQ",
               "rocketmq_detail": {"instance_id": "", "addr": "h;", "use_tls": "yes", "enable_acl": true, "x": 1}}),
        json!({"name": "r", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
               "kafka_detail": {"instance_id": "i", "addr": "h:1"}, "rocketmq_detail": {}}),
    ] {
        check(body);
    }
}

#[test]
fn every_issue_and_message_survives_the_words() {
    let cases = [
        json!(null),
        json!([1]),
        json!("text"),
        json!({}),
        json!({"name": " é中😀", "vpc_id": 1, "subnet_id": true, "description": "x".repeat(256)}),
        json!({"name": ".a", "vpc_id": "v", "subnet_id": "s", "type": "HTTP", "kafka_detail": {}}),
        json!({"name": "a\u{200b}b", "vpc_id": "v", "subnet_id": "s"}),
        json!({"name": "default", "vpc_id": "v", "subnet_id": "s", "vpcId": 1, "a": 2, "b": 3, "c": 4, "d": 5, "e": 6}),
        json!({"name": "n", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
               "kafka_detail": {"addr": "h:1,,x", "enable_sasl_ssl": "yes", "acks": "2", "username": "u"}}),
        json!({"name": "n", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
               "kafka_detail": {"instance_id": " i", "addr": "h:99999", "enable_sasl_ssl": true}}),
        json!({"name": "n", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA", "kafka_detail": [1]}),
        json!({"name": "n", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
               "kafka_detail": {"instance_id": "i", "addr": "h:1", "sasl_ssl": false, "enable_sasl_ssl": true,
                                "user_name": "u", "username": "v", "password": "p"}}),
        json!({"name": "n", "vpc_id": "v", "subnet_id": "s", "kafka_detail": {"instance_id": "i", "addr": "h:1"}}),
    ];
    for case in cases {
        check(case);
    }
}

#[test]
fn non_ascii_text_is_found_by_its_utf16_offsets() {
    // Every string and key non-ASCII, astral characters included, so that
    // byte and UTF-16 offsets differ at every span.
    check(
        json!({"name": "é", "vpc_id": "中😀", "subnet_id": "s😀😀", "description": "𝄞".repeat(256),
                 "ключ": 1, "键": 2}),
    );
    check(json!({"name": "n", "vpc_id": "😀", "subnet_id": "s", "type": "KAFKA",
                 "kafka_detail": {"instance_id": "é", "addr": "中:1", "acks": "😀", "clé": 1}, "😀": 0}));
    // The walk counts eight bytes at a time: every alignment of two-, three-
    // and four-byte characters against those words, strings ending on and
    // just past a word's end.
    for prefix in 0..17 {
        for character in ["é", "中", "😀"] {
            let text = format!("{}{}", "a".repeat(prefix), character.repeat(prefix % 5 + 1));
            check(
                json!({"name": "n", "description": text, "vpc_id": format!("v{character}"),
                         "subnet_id": "a".repeat(prefix), "type": format!(" {character}")}),
            );
        }
    }
    // A slot left from an earlier, longer request is walked past, never read.
    let mut io = Io::new();
    write(
        &mut io,
        &json!({"name": "n", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
                           "kafka_detail": {"instance_id": "é".repeat(50), "addr": "h:1"}}),
    );
    io.validate_create(None);
    write(
        &mut io,
        &json!({"name": "n", "vpc_id": "é", "subnet_id": "s", "x😀": 1}),
    );
    io.validate_create(None);
    let out = &io.output.out;
    assert_eq!((out[0], out[1]), (0, 1));
    let spans = &out[OUT_HEADER + ISSUE_WORDS..];
    let (offset, length) = (spans[0] as usize, spans[1] as usize);
    assert_eq!(&io.output.text[offset..offset + length], "x😀");
}

#[test]
fn lone_surrogates_and_unknown_key_text_reach_the_rules() {
    let mut io = Io::new();
    write(&mut io, &json!({"name": "n", "vpc_id": "v", "subnet_id": "s"}));
    // What reader.js writes for `vpc_id: "vpc-\ud800"`.
    io.input.slots[SLOT_WORDS * Field::VpcId as usize..][..3].copy_from_slice(&[TAG_LONE_SURROGATE, 5, 0]);
    io.validate_create(None);
    let out = &io.output.out;
    assert_eq!((out[0], out[1]), (0, 1));
    assert_eq!(CODES[out[OUT_HEADER + 1] as usize], "invalid_format");
    assert_eq!(out[OUT_HEADER + 2], MessageId::LoneSurrogate as i32);
    assert_eq!(out[OUT_HEADER + 3], 5, "the position");
}

/// The 1-based character position of the first unpaired surrogate in
/// `units` (a pair counts one character), as `runtime.js`'s `lonePosition`.
fn lone_position(units: &[u16]) -> Option<usize> {
    char::decode_utf16(units.iter().copied())
        .position(|decoded| decoded.is_err())
        .map(|index| index + 1)
}

/// Writes `name`, `description`, `vpc_id` and `subnet_id` (UTF-16, any
/// units) as the reader does when the text has no U+FFFD of its own: one
/// concatenation, encoded as `encodeInto` does (U+FFFD for an unpaired
/// surrogate of the whole text), nothing tagged. Returns each field's
/// issue code and, for a lone surrogate, its position.
fn find_lone_surrogates(strings: [&[u16]; 4]) -> Vec<(Field, &'static str, i32)> {
    let fields = [Field::Name, Field::Description, Field::VpcId, Field::SubnetId];
    let mut io = Io::new();
    let mut joined = Vec::new();
    io.input.slots[..3].copy_from_slice(&[TAG_KIND + ValueKind::Object as i32, 0, 0]);
    for (field, units) in fields.iter().zip(strings) {
        let at = SLOT_WORDS * *field as usize;
        io.input.slots[at..at + 3].copy_from_slice(&[TAG_STRING, joined.len() as i32, units.len() as i32]);
        joined.extend_from_slice(units);
    }
    let text: String = char::decode_utf16(joined.iter().copied())
        .map(|decoded| decoded.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    io.input.reserve_bytes(text.len());
    io.input.bytes[..text.len()].copy_from_slice(text.as_bytes());
    io.input.begin(0, joined.len(), text.len(), false);
    io.validate_create(None);
    let out = &io.output.out;
    (0..if out[0] == 1 { 0 } else { out[1] as usize })
        .map(|index| {
            let record = &out[OUT_HEADER + index * ISSUE_WORDS..];
            let field = ALL_FIELDS[record[0] as usize];
            let position = if record[2] == MessageId::LoneSurrogate as i32 {
                record[3]
            } else {
                0
            };
            (field, CODES[record[1] as usize], position)
        })
        .collect()
}

#[test]
fn unpaired_surrogates_are_found_from_the_utf8_encode_into_wrote() {
    const HIGH: u16 = 0xD83D;
    const LOW: u16 = 0xDE00;
    let pieces: [&[u16]; 12] = [
        &[0x61],
        &[0xE9],
        &[HIGH],
        &[LOW],
        &[HIGH, LOW],
        &[0x61, HIGH],
        &[LOW, 0x61],
        &[0x4E2D, HIGH, LOW, HIGH],
        &[LOW, HIGH, LOW, 0x61],
        &[0x61, LOW, 0xE9],
        &[HIGH, HIGH, LOW],
        &[],
    ];
    // Every ordered choice of four pieces (with the empty string among
    // them): halves of a pair meet across every boundary, and inside.
    let mut cases = 0;
    for a in pieces {
        for b in pieces {
            for c in [pieces[3], pieces[11], pieces[6], pieces[1]] {
                for d in [pieces[0], pieces[3], pieces[2]] {
                    let strings = [a, b, c, d];
                    let found = find_lone_surrogates(strings);
                    for (field, units) in [Field::Name, Field::Description, Field::VpcId, Field::SubnetId]
                        .iter()
                        .zip(strings)
                    {
                        let lone: Vec<_> = found
                            .iter()
                            .filter(|(at, code, position)| at == field && *code == "invalid_format" && *position > 0)
                            .map(|(_, _, position)| *position as usize)
                            .collect();
                        assert_eq!(
                            lone.first().copied(),
                            lone_position(units),
                            "{field:?} in {strings:x?}: {found:?}"
                        );
                    }
                    cases += 1;
                }
            }
        }
    }
    assert_eq!(cases, 12 * 12 * 4 * 3);
}

#[test]
fn text_that_is_not_utf8_reads_as_unreadable_when_checked() {
    let mut io = Io::new();
    write(&mut io, &json!({"name": "n", "vpc_id": "vé", "subnet_id": "s"}));
    // A writer other than encodeInto: half of "é" only.
    let start = io.input.bytes.iter().position(|&byte| byte == 0xC3).unwrap();
    io.input.bytes[start + 1] = b'x';
    io.validate_create(None);
    let out = &io.output.out;
    assert_eq!(out[0], 0, "invalid");
    let codes: Vec<_> = (0..out[1] as usize)
        .map(|index| CODES[out[OUT_HEADER + index * ISSUE_WORDS + 1] as usize])
        .collect();
    assert!(codes.iter().all(|code| *code == "invalid_type"), "{codes:?}");
    assert_eq!(codes.len(), 3, "name, vpc_id and subnet_id: {codes:?}");
}

#[test]
fn field_validators_and_update() {
    let mut io = Io::new();
    let mut writer = Writer::new(&mut io);
    writer.value(Field::Password, None);
    io.validate_field(Field::Password as u32, true, None);
    assert_eq!(io.output.out[..2], [0, 1]);
    io.validate_field(Field::Password as u32, false, None);
    assert_eq!(io.output.out[0], 1);
    // Out of range discriminants are the body: no string rules, no issue.
    io.validate_field(99, true, None);
    assert_eq!(io.output.out[0], 1);

    let mut io = Io::new();
    write(&mut io, &json!({"description": "d"}));
    io.validate_update(None);
    assert_eq!(io.output.out[..4], [1, 0, 0, 1 << Field::Description as i32]);
    write(&mut io, &json!({"description": "d".repeat(256), "vpcId": "n"}));
    io.validate_update(None);
    assert_eq!(io.output.out[..2], [0, 2]);
}
