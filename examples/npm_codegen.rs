//! Emits the generated half of the npm package from the Rust tables, so the
//! JavaScript side has one source of truth:
//!
//! - `npm_codegen core`: the buffer layout's constants, the message
//!   templates of every locale as JavaScript functions, and the readers of
//!   the create and update requests, straight-line code per field of
//!   [`FIELDS`] (named property reads the JIT can inline); followed by
//!   `npm/src/runtime.js` in the package's `core.js`.
//! - `npm_codegen limits esm|cjs|dts`: the limits of the field table.
//! - `npm_codegen fields esm|cjs|dts`: the per-field validators, named
//!   after their type (`validateKafkaAddr`), with the older names as
//!   deprecated aliases; for `dts` also the request and result types that
//!   follow from the table.
//! - `npm_codegen node-mjs`: the Node ESM entry, which re-exports the
//!   CommonJS build by name (every public name, from the same lists).
//! - `npm_codegen names`: every public name as a JSON list, which the tests
//!   compare with what each entry, condition and type declaration exports.
//!
//! Every name a type gets comes from its row of [`TYPES`].

use eg_connections::fields::{Family, FieldSpec, Requirement, TypeSpec, ALIASES, FIELDS, PORT_MAX, PORT_MIN, TYPES};
use eg_connections::i18n::{ArgKind, Locale, MessageId};
use eg_connections::input::{older_slot, ValueKind, SLOTS};
use eg_connections::issue::{Field, ALL_FIELDS, CODES};
use eg_connections::js::layout::{
    FLAG_WORDS, ISSUE_WORDS, OUT_HEADER, PART_ARGS, SLOTS_LEN, SLOT_WORDS, TAG_FALSE, TAG_KIND, TAG_LONE_SURROGATE,
    TAG_MISSING, TAG_NULL, TAG_STRING, TAG_TRUE,
};
use eg_connections::model::{Acks, ConnectionType};
use std::fmt::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["core"] => print!("{}", core()),
        ["limits", format] => print!("{}", limits(format)),
        ["fields", format] => print!("{}", fields(format)),
        ["node-mjs"] => print!("{}", node_mjs()),
        ["names"] => println!("{}", serde_json::to_string(&public_names()).expect("names serialize")),
        _ => {
            eprintln!("usage: npm_codegen core | limits esm|cjs|dts | fields esm|cjs|dts | node-mjs | names");
            std::process::exit(2);
        }
    }
}

/// The type whose detail object holds `spec`'s field, if any.
fn owner(spec: &FieldSpec) -> Option<&'static TypeSpec> {
    ConnectionType::owning(spec.field).map(ConnectionType::spec)
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
            let prefix = owner(spec).map_or(String::new(), |kind| format!("{}_", kind.ident.to_uppercase()));
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
        ArgKind::Label => 'l',
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
        let slot = older_slot(alias.field);
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
        let slot = older_slot(alias.field);
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

/// `(p{word} & {bit})`: whether the verdict carries slot `slot`
/// (`p` for the carried set, `t` for the switches that are on).
fn bit_test(set: char, slot: usize) -> String {
    format!("({set}{} & {})", slot / 32, 1i32 << (slot % 32))
}

/// Builds the normalized value of the properties of `parent` into
/// `target`: each property the verdict carries.
fn build_value(out: &mut String, target: &str, parent: Field, indent: &str) {
    for spec in children(parent) {
        let slot = spec.field as usize;
        let key = spec.key();
        let carried = bit_test('p', slot);
        match spec.family {
            Family::ConnectionType => {
                let _ = writeln!(out, "{indent}if {carried} {target}.{key} = TYPES[words[o + 1]];");
            }
            Family::Acks => {
                let _ = writeln!(out, "{indent}if {carried} {target}.{key} = ACKS[words[o + 2]];");
            }
            Family::Flag => {
                let _ = writeln!(
                    out,
                    "{indent}if {carried} {target}.{key} = {} !== 0;",
                    bit_test('t', slot)
                );
            }
            Family::Object => {
                let _ = writeln!(out, "{indent}if {carried} {{");
                let _ = writeln!(out, "{indent}  const d{slot} = {{}};");
                build_value(out, &format!("d{slot}"), spec.field, &format!("{indent}  "));
                let _ = writeln!(out, "{indent}  {target}.{key} = d{slot};");
                let _ = writeln!(out, "{indent}}}");
            }
            // An update's `null` description is sent as "" (it clears it).
            Family::Text => {
                let _ = writeln!(
                    out,
                    "{indent}if {carried} {target}.{key} = typeof v{slot} === 'string' ? v{slot} : '';"
                );
            }
            _ => match spec.field.alias() {
                // The value may have come under the older name.
                Some(_) => {
                    let older = older_slot(spec.field);
                    let _ = writeln!(
                        out,
                        "{indent}if {carried} {target}.{key} = {} ? v{older} : v{slot};",
                        bit_test('p', older)
                    );
                }
                None => {
                    let _ = writeln!(out, "{indent}if {carried} {target}.{key} = v{slot};");
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
        .map(|alias| format!("v{}", older_slot(alias.field)))
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

/// A reader: reads every property of the body (the create request's
/// fields, whichever request it is: the rules say which each may have),
/// writes them, calls `export`, and builds the normalized value.
fn reader(doc: &str, name: &str, export: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "/** {doc} */");
    let _ = writeln!(
        out,
        "function {name}(input, options) {{\n  ready();\n  const locale = localeOf(options);"
    );
    let _ = writeln!(
        out,
        "  let body = kindOf(input), u0 = NONE, {};",
        declarations(Field::Root).join(", ")
    );
    out.push_str("  // 1. Read: every getter and Proxy trap runs here, before any buffer is touched.\n");
    out.push_str("  if (body === OBJECT) {\n    u0 = unknownKeys(input, isRootKey);\n    if (u0 === THREW) body = UNREADABLE;\n    else {\n");
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
        "  const written = flush({});\n  const o = call(wasm.{export}(keyCount, units, written, surrogatesMarked));",
        SLOTS_LEN / SLOT_WORDS - 1
    );
    out.push_str("  if (words[o] !== 1) return { success: false, issues: issues(o, locale) };\n");
    let sets: Vec<String> = (0..FLAG_WORDS)
        .flat_map(|word| {
            [
                format!("p{word} = words[o + {}]", 3 + word),
                format!("t{word} = words[o + {}]", 3 + FLAG_WORDS + word),
            ]
        })
        .collect();
    let _ = writeln!(out, "  const {};\n  const value = {{}};", sets.join(", "));
    build_value(&mut out, "value", Field::Root, "  ");
    out.push_str("  return { success: true, value };\n}\n");
    out
}

/// The exported name of a field's validator: `validateName` for a field
/// of the body, `validate{Type}{Key}` for one of a detail object
/// (`validateKafkaAddr`, `validateRocketmqAddr`).
fn validator_name(spec: &FieldSpec) -> String {
    let ident = owner(spec).map_or("", |kind| kind.ident);
    format!("validate{ident}{}", camel(spec.key()))
}

/// Names that earlier versions gave Kafka's validators, kept as deprecated
/// aliases of the current ones.
const DEPRECATED: [(&str, Field); 6] = [
    ("validateInstanceId", Field::InstanceId),
    ("validateAddr", Field::Addr),
    ("validateSecurityProtocol", Field::SecurityProtocol),
    ("validateUserName", Field::UserName),
    ("validatePassword", Field::Password),
    ("validateAcks", Field::Acks),
];

/// The fields that get a validator of their own: every string field.
fn validated_fields() -> impl Iterator<Item = &'static FieldSpec> {
    FIELDS
        .iter()
        .filter(|spec| !matches!(spec.family, Family::Object | Family::Flag))
}

/// The option that says whether a credential's switch is on
/// (`enableSaslSsl`), for a credential field.
fn switch_option(spec: &FieldSpec) -> Option<String> {
    if spec.requirement != Requirement::WhenSwitchedOn {
        return None;
    }
    let switch = owner(spec)?.switch?.spec()?;
    let camel = camel(switch.key());
    let mut chars = camel.chars();
    chars
        .next()
        .map(|first| first.to_ascii_lowercase().to_string() + chars.as_str())
}

/// Every public name of the package, in the order entries list them.
fn public_names() -> Vec<String> {
    let mut names = vec![
        "init".to_owned(),
        "initSync".to_owned(),
        "validateCreateConnection".to_owned(),
        "validateUpdateConnection".to_owned(),
    ];
    names.extend(validated_fields().map(validator_name));
    names.extend(DEPRECATED.iter().map(|(name, _)| (*name).to_owned()));
    names.push("connectionSchema".to_owned());
    names.push("createConnectionSchema".to_owned());
    names.extend(limit_names());
    names
}

fn limit_names() -> Vec<String> {
    limits("esm")
        .lines()
        .filter_map(|line| line.strip_prefix("export const "))
        .filter_map(|line| line.split(' ').next())
        .map(str::to_owned)
        .collect()
}

/// The per-field validators: ESM (`fields.js`), CommonJS (`fields.cjs`),
/// or their declarations with the request types (`fields.d.ts`).
fn fields(format: &str) -> String {
    let mut out = String::from("// Generated from the Rust field table by examples/npm_codegen.rs; do not edit.\n");
    if format == "dts" {
        out.push_str(&declarations_dts());
        return out;
    }
    let esm = format != "cjs";
    if esm {
        out.push_str("import { fieldValidator } from './core.js';\n\n");
        out.push_str("export { validateCreateConnection, validateUpdateConnection } from './core.js';\n");
    } else {
        out.push_str("'use strict';\nconst core = require('./core.cjs');\nconst { fieldValidator } = core;\n\n");
        out.push_str("exports.validateCreateConnection = core.validateCreateConnection;\n");
        out.push_str("exports.validateUpdateConnection = core.validateUpdateConnection;\n");
    }
    for spec in validated_fields() {
        let switch = switch_option(spec).map_or("null".to_owned(), |name| js(&name));
        let name = validator_name(spec);
        let value = format!("/* @__PURE__ */ fieldValidator({}, {switch})", spec.field as usize);
        let _ = if esm {
            writeln!(out, "export const {name} = {value};")
        } else {
            writeln!(out, "exports.{name} = {value};")
        };
    }
    for (old, field) in DEPRECATED {
        let current = field.spec().map(validator_name).unwrap_or_default();
        let _ = if esm {
            writeln!(
                out,
                "/** @deprecated Use `{current}`. */\nexport const {old} = {current};"
            )
        } else {
            writeln!(out, "exports.{old} = exports.{current};")
        };
    }
    out
}

/// The Node ESM entry: the CommonJS build re-exported by name, so that
/// `import` and `require` share one wasm instance.
fn node_mjs() -> String {
    let mut out = String::from(
        "// Generated by examples/npm_codegen.rs; do not edit.\n// Node.js entry (ESM): the CommonJS build, re-exported by name, so `import`\n// and `require` share one wasm instance.\nimport api from './node.cjs';\n\nexport const {\n",
    );
    for name in public_names() {
        let _ = writeln!(out, "  {name},");
    }
    out.push_str("} = api;\n");
    out
}

/// The TypeScript type of a field's value in a normalized request.
fn ts_output(spec: &FieldSpec) -> String {
    match spec.family {
        Family::Flag => "boolean".to_owned(),
        Family::Acks => "Acks".to_owned(),
        Family::ConnectionType => "ConnectionTypeName".to_owned(),
        Family::Object => ConnectionType::of_detail(spec.field).map_or("object".to_owned(), |kind| {
            format!("{}ConnectionDetail", kind.spec().ident)
        }),
        _ => "string".to_owned(),
    }
}

/// The TypeScript type of a field's value in a caller's input.
fn ts_input(spec: &FieldSpec) -> String {
    match spec.family {
        Family::Flag => "boolean | null".to_owned(),
        Family::Acks => "Acks | null".to_owned(),
        Family::ConnectionType => "ConnectionTypeName | Lowercase<ConnectionTypeName> | null".to_owned(),
        Family::Object => ConnectionType::of_detail(spec.field).map_or("object".to_owned(), |kind| {
            format!("{}DetailInput | null", kind.spec().ident)
        }),
        _ if spec.requirement == Requirement::Always => "string".to_owned(),
        _ => "string | null".to_owned(),
    }
}

/// A doc comment for a field: its limit, and when it is required.
fn ts_doc(spec: &FieldSpec, indent: &str) -> String {
    let mut notes = Vec::new();
    if let Some(max) = spec.max_chars {
        notes.push(format!("At most {max} characters."));
    }
    if spec.requirement == Requirement::WhenSwitchedOn {
        if let Some(switch) = owner(spec).and_then(|kind| kind.switch?.spec()) {
            notes.push(format!("Required when `{}` is true.", switch.key()));
        }
    }
    if notes.is_empty() {
        String::new()
    } else {
        format!("{indent}/** {} */\n", notes.join(" "))
    }
}

/// The types that follow from the table, and the validators' declarations.
fn declarations_dts() -> String {
    let mut out = String::new();
    out.push_str("import type { Acks, Issue, ValidateOptions } from './index.js';\n\n");
    let _ = writeln!(
        out,
        "/** A connection type, as the API sends it. */\nexport type ConnectionTypeName = {};\n",
        TYPES
            .iter()
            .map(|kind| format!("'{}'", kind.wire))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    for kind in &TYPES {
        let Some(detail) = kind.detail else { continue };
        let ident = kind.ident;
        let key = detail.spec().map_or("", FieldSpec::key);
        let _ = writeln!(out, "/** `{key}` of a normalized {} request. */", kind.wire);
        let _ = writeln!(out, "export interface {ident}ConnectionDetail {{");
        for spec in children(detail) {
            let optional = match (spec.family, spec.requirement) {
                (Family::Flag | Family::Acks, _) | (_, Requirement::Always) => "",
                _ => "?",
            };
            out.push_str(&ts_doc(spec, "  "));
            let _ = writeln!(out, "  {}{optional}: {};", spec.key(), ts_output(spec));
        }
        out.push_str("}\n\n");
        let _ = writeln!(out, "/** What a caller may pass as `{key}`. */");
        let _ = writeln!(out, "export interface {ident}DetailInput {{");
        for spec in children(detail) {
            let optional = if spec.requirement == Requirement::Always {
                ""
            } else {
                "?"
            };
            out.push_str(&ts_doc(spec, "  "));
            let _ = writeln!(out, "  {}{optional}: {};", spec.key(), ts_input(spec));
        }
        for alias in older_names(detail) {
            let current = alias.field.spec().map_or("", FieldSpec::key);
            let _ = writeln!(
                out,
                "  /** Older name of `{current}` (Terraform sends it); must agree if both are given. */\n  {}?: {};",
                alias.key,
                alias.field.spec().map_or("string | null".to_owned(), ts_input)
            );
        }
        out.push_str("}\n\n");
    }
    out.push_str("interface ConnectionRequestBase {\n");
    for spec in children(Field::Root) {
        if matches!(spec.family, Family::Object | Family::ConnectionType) {
            continue;
        }
        let optional = if spec.requirement == Requirement::Always {
            ""
        } else {
            "?"
        };
        out.push_str(&ts_doc(spec, "  "));
        let _ = writeln!(out, "  {}{optional}: {};", spec.key(), ts_output(spec));
    }
    out.push_str("}\n\n");
    let mut union = Vec::new();
    for kind in &TYPES {
        let name = format!("{}ConnectionRequest", kind.ident);
        let _ = writeln!(
            out,
            "/** A normalized {} request: the exact body to send. */",
            kind.wire
        );
        let _ = writeln!(out, "export interface {name} extends ConnectionRequestBase {{");
        let _ = writeln!(out, "  type: '{}';", kind.wire);
        if let Some(detail) = kind.detail.and_then(Field::spec) {
            let _ = writeln!(out, "  {}: {}ConnectionDetail;", detail.key(), kind.ident);
        }
        out.push_str("}\n\n");
        union.push(name);
    }
    let _ = writeln!(
        out,
        "/** The normalized body of `POST /v1/{{project_id}}/connections`. */\nexport type CreateConnectionRequest = {};\n",
        union.join(" | ")
    );
    out.push_str("/** What a caller may pass in (type in either case, defaults left out). */\n");
    out.push_str("export interface CreateConnectionInput {\n");
    for spec in children(Field::Root) {
        let optional = if spec.requirement == Requirement::Always {
            ""
        } else {
            "?"
        };
        out.push_str(&ts_doc(spec, "  "));
        let _ = writeln!(out, "  {}{optional}: {};", spec.key(), ts_input(spec));
    }
    out.push_str("}\n\n");
    out.push_str("/**\n * The normalized body of `PUT /v1/{project_id}/connections/{connection_id}`:\n * what is absent stays as it is on the server.\n */\n");
    out.push_str("export interface UpdateConnectionRequest {\n  /** `\"\"` clears the description. */\n  description?: string;\n");
    let mut inputs = String::from("/** What a caller may pass to `validateUpdateConnection`. */\nexport interface UpdateConnectionInput {\n  description?: string | null;\n");
    for kind in &TYPES {
        let Some(detail) = kind.detail.and_then(Field::spec) else {
            continue;
        };
        match kind.credentials.filter(|_| kind.update_credentials_only) {
            Some((user, password)) => {
                let (user, password) = (
                    user.spec().map_or("", FieldSpec::key),
                    password.spec().map_or("", FieldSpec::key),
                );
                let _ = writeln!(
                    out,
                    "  /** New credentials of a {} connection (both, replacing the pair). */\n  {}?: {{ {user}: string; {password}: string }};",
                    kind.wire,
                    detail.key()
                );
                let older = older_names(detail.field)
                    .filter(|alias| alias.field.spec().is_some_and(|spec| spec.key() == user))
                    .map(|alias| format!(" {}?: string | null;", alias.key))
                    .collect::<String>();
                let _ = writeln!(
                    inputs,
                    "  {}?: {{ {user}: string; {password}: string;{older} }} | null;",
                    detail.key()
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "  /** New settings of a {} connection (the whole detail). */\n  {}?: {}ConnectionDetail;",
                    kind.wire,
                    detail.key(),
                    kind.ident
                );
                let _ = writeln!(inputs, "  {}?: {}DetailInput | null;", detail.key(), kind.ident);
            }
        }
    }
    out.push_str("}\n\n");
    out.push_str(&inputs);
    out.push_str("}\n\n");
    // Options of the credential validators, one per switch.
    for kind in &TYPES {
        let (Some(switch), Some(_)) = (kind.switch.and_then(Field::spec), kind.credentials) else {
            continue;
        };
        let option =
            switch_option(kind.credentials.and_then(|(user, _)| user.spec()).unwrap_or(switch)).unwrap_or_default();
        let _ = writeln!(
            out,
            "/** Options of the {} credential validators. */\nexport interface {}CredentialOptions extends ValidateOptions {{\n  /** Whether `{}` is on (then the credential is required); default false. */\n  {option}?: boolean;\n}}\n",
            kind.wire,
            kind.ident,
            switch.key()
        );
    }
    out.push_str("/** Per-field validators for live form feedback: `[]` when valid. */\n");
    let options = |spec: &FieldSpec| match (switch_option(spec), owner(spec)) {
        (Some(_), Some(kind)) => format!("{}CredentialOptions", kind.ident),
        _ => "ValidateOptions".to_owned(),
    };
    for spec in validated_fields() {
        let _ = writeln!(
            out,
            "export declare function {}(value: unknown, options?: {}): Issue[];",
            validator_name(spec),
            options(spec)
        );
    }
    for (old, field) in DEPRECATED {
        let Some(spec) = field.spec() else { continue };
        let _ = writeln!(
            out,
            "/** @deprecated Use `{}`. */\nexport declare function {old}(value: unknown, options?: {}): Issue[];",
            validator_name(spec),
            options(spec)
        );
    }
    out
}

fn core() -> String {
    let mut out = String::new();
    out.push_str("// Generated from the Rust tables by examples/npm_codegen.rs; do not edit.\n");
    out.push_str("// The field table, the buffer layout and the message templates of src/.\n\n");
    let _ = writeln!(
        out,
        "const SLOT_WORDS = {SLOT_WORDS}, SLOTS_LEN = {SLOTS_LEN}, ISSUE_WORDS = {ISSUE_WORDS}, PART_ARGS = {PART_ARGS}, OUT_HEADER = {OUT_HEADER}, VALID_WORDS = {};",
        3 + 2 * FLAG_WORDS
    );
    debug_assert_eq!(SLOTS_LEN, SLOTS * SLOT_WORDS);
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
        "/** Argument kinds of each template: n number, t text, e/r kind, k key list, l a field's label. */\nconst ARGS = [{args}];"
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
        "isRootKey",
        &children(Field::Root).map(|spec| spec.key()).collect::<Vec<_>>(),
    ));
    for spec in FIELDS.iter().filter(|spec| spec.family == Family::Object) {
        let mut keys: Vec<&str> = children(spec.field).map(|child| child.key()).collect();
        keys.extend(older_names(spec.field).map(|alias| alias.key));
        out.push_str(&key_test(&format!("is{}Key", camel(spec.key())), &keys));
    }
    out.push('\n');
    out.push_str(&reader(
        "Validates a create request: read, write, one call, verdict.",
        "validateCreateConnection",
        "validate_create",
    ));
    out.push('\n');
    out.push_str(&reader(
        "Validates an update request.",
        "validateUpdateConnection",
        "validate_update",
    ));
    out.push('\n');
    out.push('\n');
    out
}
