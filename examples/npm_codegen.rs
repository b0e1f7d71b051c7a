//! Emits the generated half of the npm package from the Rust tables, so the
//! JavaScript side has one source of truth:
//!
//! - `npm_codegen core`: the buffer layout's constants, the message
//!   templates of every locale as JavaScript functions, and the readers of
//!   the create and update requests, straight-line code per field of
//!   [`FIELDS`] (named property reads the JIT can inline); followed by
//!   `npm/src/runtime.js` in the package's `core.js`.
//! - `npm_codegen limits esm|cjs|dts`: the limits of the field table.

use eg_connections::fields::{Family, FieldSpec, ALIASES, FIELDS, PORT_MAX, PORT_MIN, UPDATE_KEYS};
use eg_connections::i18n::{ArgKind, Locale, MessageId};
use eg_connections::input::ValueKind;
use eg_connections::issue::{Field, ALL_FIELDS, CODES};
use eg_connections::js::layout::{
    alias_slot, ISSUE_WORDS, OUT_HEADER, PART_ARGS, SLOTS_LEN, SLOT_WORDS, TAG_FALSE, TAG_KIND, TAG_LONE_SURROGATE,
    TAG_MISSING, TAG_NULL, TAG_STRING, TAG_TRUE,
};
use eg_connections::model::{Acks, ConnectionType};
use std::fmt::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["core"] => print!("{}", core()),
        ["limits", format] => print!("{}", limits(format)),
        _ => {
            eprintln!("usage: npm_codegen core | limits esm|cjs|dts");
            std::process::exit(2);
        }
    }
}

/// A JavaScript string literal.
fn js(text: &str) -> String {
    serde_json::to_string(text).expect("a string serializes")
}

fn list<T>(items: impl IntoIterator<Item = T>, each: impl Fn(T) -> String) -> String {
    items.into_iter().map(each).collect::<Vec<_>>().join(", ")
}

/// The limits, named after their field (`NAME_MAX_LENGTH`...), and the port range.
fn limits(format: &str) -> String {
    let mut constants: Vec<(String, u64)> = FIELDS
        .iter()
        .filter_map(|spec| {
            let prefix = if spec.parent() == Field::RocketmqDetail {
                "ROCKETMQ_"
            } else {
                ""
            };
            Some((
                format!("{prefix}{}_MAX_LENGTH", spec.key().to_uppercase()),
                spec.max_chars? as u64,
            ))
        })
        .collect();
    constants.push(("PORT_MIN".into(), u64::from(PORT_MIN)));
    constants.push(("PORT_MAX".into(), u64::from(PORT_MAX)));
    let mut out = String::from("// Generated from the Rust field table by examples/npm_codegen.rs; do not edit.\n");
    for (name, value) in constants {
        let _ = match format {
            "cjs" => writeln!(out, "exports.{name} = {value};"),
            "dts" => writeln!(out, "export declare const {name}: {value};"),
            _ => writeln!(out, "export const {name} = {value};"),
        };
    }
    out
}

/// A template as a JavaScript function of the label `l` and the arguments `a`.
fn template_function(template: &str) -> String {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}').expect("a closed placeholder");
        if open > 0 {
            parts.push(js(&rest[..open]));
        }
        let name = &rest[open + 1..close];
        parts.push(if name == "label" {
            "l".to_owned()
        } else {
            let index: usize = name.parse().expect("a numbered placeholder");
            format!("a[{index}]")
        });
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        parts.push(js(rest));
    }
    if parts.len() > 1 && !parts[0].starts_with('"') && !parts[1].starts_with('"') && parts[0] != "l" {
        // Two numbers in a row must concatenate, not add.
        parts.insert(0, "\"\"".to_owned());
    }
    format!("(l, a) => {}", parts.join(" + "))
}

fn arg_letter(kind: ArgKind) -> char {
    match kind {
        ArgKind::Number => 'n',
        ArgKind::Text => 't',
        ArgKind::Expected => 'e',
        ArgKind::Received => 'r',
        ArgKind::Keys => 'k',
    }
}

fn locale_table(locale: Locale) -> String {
    let table = locale.table();
    let labels = list(ALL_FIELDS, |field| js((table.field_label)(field)));
    let expected = list(ValueKind::ALL, |kind| js((table.expected_kind)(kind)));
    let received = list(ValueKind::ALL, |kind| js((table.received_kind)(kind)));
    let templates = MessageId::ALL
        .iter()
        .map(|id| format!("    {},", template_function((table.template)(*id))))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        "  {{\n    tag: {},\n    labels: [{labels}],\n    expected: [{expected}],\n    received: [{received}],\n    sep: {},\n    templates: [\n{templates}\n    ],\n  }}",
        js(locale.tag()),
        js(table.list_separator),
    )
}

/// The properties of the object `parent`, in form order.
fn children(parent: Field) -> impl Iterator<Item = &'static FieldSpec> {
    FIELDS.iter().filter(move |spec| spec.parent() == parent)
}

/// `function isCreateKey(k) {...}`: whether `k` is a known property.
fn key_test(name: &str, keys: &[&str]) -> String {
    let cases: String = keys.iter().map(|key| format!("    case {}:\n", js(key))).collect();
    format!("function {name}(k) {{\n  switch (k) {{\n{cases}      return true;\n  }}\n  return false;\n}}\n")
}

/// Reads the properties of `object` (a variable) into `v{slot}`, in order,
/// then its older names into `v{alias slot}`.
fn read_properties(out: &mut String, object: &str, parent: Field, indent: &str) {
    read_children(out, object, parent, indent);
    for alias in older_names(parent) {
        let slot = alias_slot(alias.field);
        let _ = writeln!(
            out,
            "{indent}try {{ v{slot} = {object}.{}; }} catch {{ v{slot} = THREW; }}",
            alias.key
        );
    }
}

fn read_children(out: &mut String, object: &str, parent: Field, indent: &str) {
    for spec in children(parent) {
        read_spec(out, object, spec, indent);
    }
}

/// Reads one property of `object` into `v{slot}` (an object's own properties too).
fn read_spec(out: &mut String, object: &str, spec: &FieldSpec, indent: &str) {
    let slot = spec.field as usize;
    let _ = writeln!(
        out,
        "{indent}try {{ v{slot} = {object}.{}; }} catch {{ v{slot} = THREW; }}",
        spec.key()
    );
    if spec.family == Family::Object {
        let key_test = format!("is{}Key", camel(spec.key()));
        let _ = writeln!(out, "{indent}k{slot} = kindOf(v{slot});");
        let _ = writeln!(out, "{indent}if (k{slot} === OBJECT) {{");
        let _ = writeln!(out, "{indent}  u{slot} = unknownKeys(v{slot}, {key_test});");
        let _ = writeln!(out, "{indent}  if (u{slot} === THREW) k{slot} = UNREADABLE;");
        let _ = writeln!(out, "{indent}  else {{");
        read_properties(out, &format!("v{slot}"), spec.field, &format!("{indent}    "));
        let _ = writeln!(out, "{indent}  }}");
        let _ = writeln!(out, "{indent}}}");
    }
}

/// The older names of the properties of `parent`.
fn older_names(parent: Field) -> impl Iterator<Item = &'static eg_connections::fields::Alias> {
    ALIASES
        .iter()
        .filter(move |alias| alias.field.spec().is_some_and(|spec| spec.parent() == parent))
}

/// Writes `v{slot}` of the properties of `parent` into the slots.
fn write_properties(out: &mut String, parent: Field, indent: &str) {
    write_children(out, parent, indent);
    // Older names after every field: the text goes in ascending slot order.
    for alias in older_names(parent) {
        let slot = alias_slot(alias.field);
        let writer = if alias.field.spec().is_some_and(|spec| spec.family == Family::Flag) {
            "flag"
        } else {
            "str"
        };
        let _ = writeln!(out, "{indent}{writer}({slot}, v{slot});");
    }
}

fn write_children(out: &mut String, parent: Field, indent: &str) {
    for spec in children(parent) {
        write_spec(out, spec, indent);
    }
}

/// Writes `v{slot}` of one property into its slot (an object's own properties too).
fn write_spec(out: &mut String, spec: &FieldSpec, indent: &str) {
    let slot = spec.field as usize;
    match spec.family {
        Family::Flag => {
            let _ = writeln!(out, "{indent}flag({slot}, v{slot});");
        }
        Family::Object => {
            let _ = writeln!(out, "{indent}slots[{}] = kindTag(k{slot});", slot * SLOT_WORDS);
            let _ = writeln!(out, "{indent}if (k{slot} === OBJECT) {{");
            write_properties(out, spec.field, &format!("{indent}  "));
            let _ = writeln!(out, "{indent}  keyList({slot}, u{slot});");
            let _ = writeln!(out, "{indent}}}");
        }
        _ => {
            let _ = writeln!(out, "{indent}str({slot}, v{slot});");
        }
    }
}

/// Builds the normalized value of the properties of `parent` into `target`.
fn build_value(out: &mut String, target: &str, parent: Field, indent: &str) {
    for spec in children(parent) {
        let slot = spec.field as usize;
        let bit = 1u32 << slot;
        let key = spec.key();
        match (spec.family, spec.requirement) {
            (Family::ConnectionType, _) => {
                let _ = writeln!(out, "{indent}{target}.{key} = TYPES[words[o + 1]];");
            }
            (Family::Acks, _) => {
                let _ = writeln!(out, "{indent}{target}.{key} = ACKS[words[o + 2]];");
            }
            (Family::Flag, _) => {
                let _ = writeln!(out, "{indent}{target}.{key} = (f & {bit}) !== 0;");
            }
            (Family::Object, _) => {
                let _ = writeln!(out, "{indent}if (f & {bit}) {{");
                let _ = writeln!(out, "{indent}  const d{slot} = {{}};");
                build_value(out, &format!("d{slot}"), spec.field, &format!("{indent}  "));
                let _ = writeln!(out, "{indent}  {target}.{key} = d{slot};");
                let _ = writeln!(out, "{indent}}}");
            }
            (_, eg_connections::fields::Requirement::Always) => {
                let _ = writeln!(out, "{indent}{target}.{key} = v{slot};");
            }
            _ => match spec.field.alias() {
                // The value may have come under the older name.
                Some(_) => {
                    let older = alias_slot(spec.field);
                    let _ = writeln!(
                        out,
                        "{indent}if (f & {bit}) {target}.{key} = f & {} ? v{older} : v{slot};",
                        1u32 << older
                    );
                }
                None => {
                    let _ = writeln!(out, "{indent}if (f & {bit}) {target}.{key} = v{slot};");
                }
            },
        }
    }
}

fn camel(key: &str) -> String {
    key.split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Every `v{slot}` (and `k`/`u` for objects) a reader declares.
fn declarations(parent: Field) -> Vec<String> {
    let mut names: Vec<String> = older_names(parent)
        .map(|alias| format!("v{}", alias_slot(alias.field)))
        .collect();
    for spec in children(parent) {
        let slot = spec.field as usize;
        names.push(format!("v{slot}"));
        if spec.family == Family::Object {
            names.push(format!("k{slot} = MISSING_KIND"));
            names.push(format!("u{slot} = NONE"));
            names.extend(declarations(spec.field));
        }
    }
    names
}

fn create_reader() -> String {
    let mut out = String::new();
    out.push_str("/** Validates a create request: read, write, one call, verdict. */\n");
    out.push_str(
        "function validateCreateConnection(input, options) {\n  ready();\n  const locale = localeOf(options);\n",
    );
    let _ = writeln!(
        out,
        "  let body = kindOf(input), u0 = NONE, {};",
        declarations(Field::Root).join(", ")
    );
    out.push_str("  // 1. Read: every getter and Proxy trap runs here, before any buffer is touched.\n");
    out.push_str("  if (body === OBJECT) {\n    u0 = unknownKeys(input, isCreateKey);\n    if (u0 === THREW) body = UNREADABLE;\n    else {\n");
    read_properties(&mut out, "input", Field::Root, "      ");
    out.push_str("    }\n  }\n");
    out.push_str("  // 2. Write: no user code runs from here on.\n  begin();\n");
    out.push_str("  slots[0] = kindTag(body);\n");
    out.push_str("  if (body === OBJECT) {\n");
    write_properties(&mut out, Field::Root, "    ");
    out.push_str("    keyList(0, u0);\n  }\n");
    out.push_str("  // 3. One call into wasm, then the verdict.\n");
    let _ = writeln!(
        out,
        "  const written = flush({});\n  const o = call(wasm.validate_create(keyCount, units, written, surrogatesMarked));",
        SLOTS_LEN / SLOT_WORDS - 1
    );
    out.push_str("  if (words[o] !== 1) return { success: false, issues: issues(o, locale) };\n");
    out.push_str("  const f = words[o + 3];\n  const value = {};\n");
    build_value(&mut out, "value", Field::Root, "  ");
    out.push_str("  return { success: true, value };\n}\n");
    out
}

fn update_reader() -> String {
    let mut out = String::new();
    out.push_str("/** Validates an update request. */\n");
    out.push_str(
        "function validateUpdateConnection(input, options) {\n  ready();\n  const locale = localeOf(options);\n",
    );
    let specs: Vec<&FieldSpec> = UPDATE_KEYS
        .iter()
        .filter_map(|key| Field::from_key(Field::Root, key).and_then(Field::spec))
        .collect();
    let mut names = Vec::new();
    for spec in &specs {
        let slot = spec.field as usize;
        names.push(format!("v{slot}"));
        if spec.family == Family::Object {
            names.push(format!("k{slot} = MISSING_KIND"));
            names.push(format!("u{slot} = NONE"));
            names.extend(declarations(spec.field));
        }
    }
    let _ = writeln!(out, "  let body = kindOf(input), u0 = NONE, {};", names.join(", "));
    out.push_str("  if (body === OBJECT) {\n    u0 = unknownKeys(input, isUpdateKey);\n    if (u0 === THREW) body = UNREADABLE;\n    else {\n");
    for spec in &specs {
        read_spec(&mut out, "input", spec, "      ");
    }
    out.push_str("    }\n  }\n  begin();\n");
    out.push_str("  slots[0] = kindTag(body);\n");
    out.push_str("  if (body === OBJECT) {\n");
    for spec in &specs {
        write_spec(&mut out, spec, "    ");
    }
    out.push_str("    keyList(0, u0);\n  }\n");
    let _ = writeln!(
        out,
        "  const written = flush({});\n  const o = call(wasm.validate_update(keyCount, units, written, surrogatesMarked));",
        SLOTS_LEN / SLOT_WORDS - 1
    );
    out.push_str("  if (words[o] !== 1) return { success: false, issues: issues(o, locale) };\n");
    out.push_str("  const f = words[o + 3];\n  const value = {};\n");
    for spec in &specs {
        let slot = spec.field as usize;
        let bit = 1u32 << slot;
        let key = spec.key();
        match spec.field {
            Field::Description => {
                let _ = writeln!(
                    out,
                    "  if (f & {bit}) value.{key} = typeof v{slot} === 'string' ? v{slot} : '';"
                );
            }
            Field::KafkaDetail => {
                // New credentials only: the user name may have come under its older name.
                let (user, password) = (Field::UserName as usize, Field::Password as usize);
                let older = alias_slot(Field::UserName);
                let _ = writeln!(
                    out,
                    "  if (f & {bit}) value.{key} = {{ user_name: f & {} ? v{older} : v{user}, password: v{password} }};",
                    1u32 << older
                );
            }
            _ => {
                let _ = writeln!(out, "  if (f & {bit}) {{");
                let _ = writeln!(out, "    const d{slot} = {{}};");
                build_value(&mut out, &format!("d{slot}"), spec.field, "    ");
                let _ = writeln!(out, "    value.{key} = d{slot};");
                let _ = writeln!(out, "  }}");
            }
        }
    }
    out.push_str("  return { success: true, value };\n}\n");
    out
}

/// The exported name of a field's validator: `validateAddr` for a Kafka or
/// top-level field, `validateRocketmqAddr` for a RocketMQ one.
fn validator_name(spec: &FieldSpec) -> String {
    let prefix = if spec.parent() == Field::RocketmqDetail {
        "Rocketmq"
    } else {
        ""
    };
    format!("validate{prefix}{}", camel(spec.key()))
}

fn core() -> String {
    let mut out = String::new();
    out.push_str("// Generated from the Rust tables by examples/npm_codegen.rs; do not edit.\n");
    out.push_str("// The field table, the buffer layout and the message templates of src/.\n\n");
    let _ = writeln!(
        out,
        "const SLOT_WORDS = {SLOT_WORDS}, SLOTS_LEN = {SLOTS_LEN}, ISSUE_WORDS = {ISSUE_WORDS}, PART_ARGS = {PART_ARGS}, OUT_HEADER = {OUT_HEADER};"
    );
    let _ = writeln!(
        out,
        "const TAG_MISSING = {TAG_MISSING}, TAG_NULL = {TAG_NULL}, TAG_STRING = {TAG_STRING}, TAG_FALSE = {TAG_FALSE}, TAG_TRUE = {TAG_TRUE}, TAG_LONE_SURROGATE = {TAG_LONE_SURROGATE}, TAG_KIND = {TAG_KIND};"
    );
    let kinds = list(ValueKind::ALL, |kind| {
        format!("{} = {}", kind.name().to_uppercase(), kind as u8)
    });
    let _ = writeln!(
        out,
        "/** Value kinds (`ValueKind`). */\nconst {kinds}, MISSING_KIND = -1;"
    );
    let _ = writeln!(out, "const CODES = [{}];", list(CODES, js));
    let _ = writeln!(
        out,
        "const TYPES = [{}];",
        list(ConnectionType::ALL, |kind| js(kind.as_str()))
    );
    let _ = writeln!(
        out,
        "const ACKS = [{}];",
        list(Acks::ALL_VALUES, |acks| js(acks.as_str()))
    );
    let args = list(MessageId::ALL, |id| {
        js(&id.args().iter().copied().map(arg_letter).collect::<String>())
    });
    let _ = writeln!(
        out,
        "/** Argument kinds of each template: n number, t text, e/r kind, k key list. */\nconst ARGS = [{args}];"
    );
    let _ = writeln!(
        out,
        "/** A field's path, fresh each time (callers may keep and change it). */"
    );
    out.push_str("function pathOf(field) {\n  switch (field) {\n");
    for spec in &FIELDS {
        let _ = writeln!(
            out,
            "    case {}: return [{}];",
            spec.field as usize,
            list(spec.path, |key| js(key))
        );
    }
    out.push_str("  }\n  return [];\n}\n");
    let _ = writeln!(
        out,
        "/** Every locale's wording, the first the default. */\nconst LOCALES = [\n{},\n];",
        list(Locale::ALL, locale_table).replace("}, ", "},\n")
    );
    out.push('\n');
    out.push_str(&key_test(
        "isCreateKey",
        &children(Field::Root).map(|spec| spec.key()).collect::<Vec<_>>(),
    ));
    for spec in FIELDS.iter().filter(|spec| spec.family == Family::Object) {
        let mut keys: Vec<&str> = children(spec.field).map(|child| child.key()).collect();
        keys.extend(older_names(spec.field).map(|alias| alias.key));
        out.push_str(&key_test(&format!("is{}Key", camel(spec.key())), &keys));
    }
    out.push_str(&key_test("isUpdateKey", &UPDATE_KEYS));
    out.push('\n');
    out.push_str(&create_reader());
    out.push('\n');
    out.push_str(&update_reader());
    out.push('\n');
    out.push_str("/** One validator per string field, for live form feedback. */\n");
    for spec in FIELDS
        .iter()
        .filter(|spec| !matches!(spec.family, Family::Object | Family::Flag))
    {
        // RocketMQ's credentials depend on ACL, Kafka's on SASL_SSL.
        let switch = if spec.parent() == Field::RocketmqDetail
            && spec.requirement == eg_connections::fields::Requirement::WhenSwitchedOn
        {
            ", 'enableAcl'"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "const {} = /* @__PURE__ */ fieldValidator({}{switch});",
            validator_name(spec),
            spec.field as usize
        );
    }
    out.push('\n');
    out
}
