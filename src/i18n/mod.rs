//! Messages, kept apart from codes: one [`Table`] of templates per locale,
//! and nothing else in the crate knows any wording. A third language is
//! one new table (a file like `en.rs`) and one [`Locale`] variant.
//!
//! A message is one or two templates ([`MessageId`]) filled with arguments
//! ([`Arg`]); [`compose`] decides which, from the issue alone. Rust renders
//! them here ([`message`]), and the npm package renders the same templates
//! in JavaScript (emitted at build time by `examples/npm_codegen.rs`), so
//! the validator's wasm carries neither the wording nor `core::fmt`.

mod en;
mod zh_cn;

use crate::input::ValueKind;
use crate::issue::{AddrProblem, Field, Issue, IssueKind};
use crate::model::ConnectionType;
use alloc::string::String;

/// A language the messages are available in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English (the default).
    #[default]
    En,
    /// Simplified Chinese.
    ZhCn,
}

impl Locale {
    /// Every locale, in the order a language menu lists them.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::ZhCn];

    /// The BCP 47 tag: `en` or `zh-CN`.
    pub fn tag(self) -> &'static str {
        self.table().tag
    }

    /// The language's own name, for a language menu.
    pub fn native_name(self) -> &'static str {
        self.table().native_name
    }

    /// The locale for a BCP 47 tag: exact tags first, then by language
    /// (`zh`, `zh-Hans`, `zh-SG` read as Simplified Chinese; `en-GB` as English).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let language = tag.split(['-', '_']).next().unwrap_or_default();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.tag().eq_ignore_ascii_case(tag))
            .or_else(|| {
                Locale::ALL.into_iter().find(|locale| {
                    let own = locale.tag().split('-').next().unwrap_or_default();
                    own.eq_ignore_ascii_case(language)
                })
            })
    }

    /// Everything this language says.
    pub fn table(self) -> &'static Table {
        match self {
            Locale::En => &en::TABLE,
            Locale::ZhCn => &zh_cn::TABLE,
        }
    }
}

/// Everything one language says.
pub struct Table {
    /// BCP 47 tag.
    pub tag: &'static str,
    /// The language's name in itself.
    pub native_name: &'static str,
    /// A field's label as the form shows it.
    pub field_label: fn(Field) -> &'static str,
    /// The template of a message part: text with `{label}` (the field's
    /// label) and `{0}`, `{1}`... (the part's arguments, see [`MessageId::args`]).
    pub template: fn(MessageId) -> &'static str,
    /// The type a value should have had, as a message says it ("a string").
    pub expected_kind: fn(ValueKind) -> &'static str,
    /// The type a value had, as a message says it ("number").
    pub received_kind: fn(ValueKind) -> &'static str,
    /// Between the quoted names of a property list.
    pub list_separator: &'static str,
}

/// The kind of a template argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    /// A whole number, in decimal.
    Number,
    /// Text taken from the input (already cut by [`crate::issue::quote`]).
    Text,
    /// A type that was expected: [`Table::expected_kind`].
    Expected,
    /// A type that was received: [`Table::received_kind`].
    Received,
    /// Property names, each in double quotes, joined by [`Table::list_separator`].
    Keys,
    /// A field, named by its label: [`Table::field_label`].
    Label,
}

/// A template argument's value.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Number(usize),
    Text(&'a str),
    /// A character, shown by [`push_char_shown`] (`'.'`, `'\n'`).
    Char(char),
    Expected(ValueKind),
    Received(ValueKind),
    Keys(&'a [String]),
    Label(Field),
}

/// Every message template; [`Table::template`] gives its wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum MessageId {
    Required = 0,
    RequiredDetail,
    RequiredWhenOn,
    InvalidType,
    TooLong,
    SurroundingWhitespace,
    LoneSurrogate,
    NameFirstChar,
    NameChar,
    NameReserved,
    TypeValue,
    AcksValue,
    DetailNotAllowed,
    AddrEmpty,
    AddrWhitespace,
    AddrMissingPort,
    AddrMissingHost,
    AddrPortNotNumber,
    AddrPortRange,
    AddrUnbracketedIpv6,
    AddrInvalidIpv6,
    AddrInvalidIpv4,
    AddrInvalidHost,
    UnknownProperty,
    UnknownProperties,
    UnknownPropertiesMore,
    DidYouMean,
    AliasConflict,
    NotUpdatable,
    DetailConflict,
    ControlChar,
    SecurityProtocolValue,
    ProtocolNeedsSasl,
    PlaintextWithSasl,
    AddrScheme,
    AddrSemicolon,
    NothingToUpdate,
    CreateOnly,
}

impl MessageId {
    /// Every template, in discriminant order.
    pub const ALL: [MessageId; 38] = [
        MessageId::Required,
        MessageId::RequiredDetail,
        MessageId::RequiredWhenOn,
        MessageId::InvalidType,
        MessageId::TooLong,
        MessageId::SurroundingWhitespace,
        MessageId::LoneSurrogate,
        MessageId::NameFirstChar,
        MessageId::NameChar,
        MessageId::NameReserved,
        MessageId::TypeValue,
        MessageId::AcksValue,
        MessageId::DetailNotAllowed,
        MessageId::AddrEmpty,
        MessageId::AddrWhitespace,
        MessageId::AddrMissingPort,
        MessageId::AddrMissingHost,
        MessageId::AddrPortNotNumber,
        MessageId::AddrPortRange,
        MessageId::AddrUnbracketedIpv6,
        MessageId::AddrInvalidIpv6,
        MessageId::AddrInvalidIpv4,
        MessageId::AddrInvalidHost,
        MessageId::UnknownProperty,
        MessageId::UnknownProperties,
        MessageId::UnknownPropertiesMore,
        MessageId::DidYouMean,
        MessageId::AliasConflict,
        MessageId::NotUpdatable,
        MessageId::DetailConflict,
        MessageId::ControlChar,
        MessageId::SecurityProtocolValue,
        MessageId::ProtocolNeedsSasl,
        MessageId::PlaintextWithSasl,
        MessageId::AddrScheme,
        MessageId::AddrSemicolon,
        MessageId::NothingToUpdate,
        MessageId::CreateOnly,
    ];

    /// The kinds of the template's arguments `{0}`, `{1}`...
    pub const fn args(self) -> &'static [ArgKind] {
        use ArgKind::*;
        match self {
            MessageId::InvalidType => &[Expected, Received],
            MessageId::TooLong => &[Number, Number],
            MessageId::LoneSurrogate | MessageId::AddrEmpty => &[Number],
            MessageId::NameFirstChar
            | MessageId::TypeValue
            | MessageId::AcksValue
            | MessageId::SecurityProtocolValue => &[Text],
            MessageId::NameChar | MessageId::ControlChar => &[Text, Number],
            MessageId::AddrPortRange => &[Number, Text, Number, Number],
            MessageId::AddrWhitespace
            | MessageId::AddrMissingPort
            | MessageId::AddrMissingHost
            | MessageId::AddrPortNotNumber
            | MessageId::AddrUnbracketedIpv6
            | MessageId::AddrInvalidIpv6
            | MessageId::AddrInvalidIpv4
            | MessageId::AddrInvalidHost
            | MessageId::AddrScheme
            | MessageId::AddrSemicolon => &[Number, Text],
            MessageId::UnknownProperty
            | MessageId::UnknownProperties
            | MessageId::NotUpdatable
            | MessageId::CreateOnly
            | MessageId::DidYouMean => &[Keys],
            MessageId::UnknownPropertiesMore => &[Keys, Number],
            MessageId::AliasConflict => &[Text, Text],
            MessageId::RequiredDetail | MessageId::DetailNotAllowed => &[Text],
            MessageId::ProtocolNeedsSasl => &[Text, Label],
            MessageId::RequiredWhenOn | MessageId::DetailConflict | MessageId::PlaintextWithSasl => &[Label],
            MessageId::Required
            | MessageId::SurroundingWhitespace
            | MessageId::NameReserved
            | MessageId::NothingToUpdate => &[],
        }
    }
}

/// Calls `part` with the template and arguments of each part of `issue`'s
/// message (one part, or two for unknown properties with suggestions).
/// The choice depends on the issue alone, never on the locale.
pub fn compose(issue: &Issue, mut part: impl FnMut(MessageId, &[Arg])) {
    use MessageId as M;
    match &issue.kind {
        IssueKind::Required => match ConnectionType::of_detail(issue.field) {
            Some(kind) => part(M::RequiredDetail, &[Arg::Text(kind.as_str())]),
            None => part(M::Required, &[]),
        },
        IssueKind::RequiredWhenOn => {
            // The switch of the object the credential is in.
            let switch = ConnectionType::owning(issue.field).and_then(|kind| kind.spec().switch);
            part(M::RequiredWhenOn, &[Arg::Label(switch.unwrap_or(issue.field))])
        }
        IssueKind::InvalidType { expected, received } => {
            part(M::InvalidType, &[Arg::Expected(*expected), Arg::Received(*received)])
        }
        IssueKind::TooLong { max, actual } => part(M::TooLong, &[Arg::Number(*max), Arg::Number(*actual)]),
        IssueKind::SurroundingWhitespace => part(M::SurroundingWhitespace, &[]),
        IssueKind::LoneSurrogate { position } => part(M::LoneSurrogate, &[Arg::Number(*position)]),
        IssueKind::NameFirstChar { found } => part(M::NameFirstChar, &[Arg::Char(*found)]),
        IssueKind::ControlChar { found, position } => {
            part(M::ControlChar, &[Arg::Char(*found), Arg::Number(*position)])
        }
        IssueKind::NameChar { found, position } => part(M::NameChar, &[Arg::Char(*found), Arg::Number(*position)]),
        IssueKind::NameReserved => part(M::NameReserved, &[]),
        IssueKind::TypeValue { received } => part(M::TypeValue, &[Arg::Text(received)]),
        IssueKind::AcksValue { received } => part(M::AcksValue, &[Arg::Text(received)]),
        IssueKind::SecurityProtocolValue { received } => part(M::SecurityProtocolValue, &[Arg::Text(received)]),
        IssueKind::SecurityProtocolConflict { protocol, sasl_on } => {
            let switch = Arg::Label(Field::EnableSaslSsl);
            if *sasl_on {
                part(M::PlaintextWithSasl, &[switch]);
            } else {
                part(M::ProtocolNeedsSasl, &[Arg::Text(protocol), switch]);
            }
        }
        IssueKind::NothingToUpdate => part(M::NothingToUpdate, &[]),
        IssueKind::DetailNotAllowed => {
            let wire = ConnectionType::of_detail(issue.field).map_or("", ConnectionType::as_str);
            part(M::DetailNotAllowed, &[Arg::Text(wire)])
        }
        IssueKind::DetailConflict { with } => part(M::DetailConflict, &[Arg::Label(*with)]),
        IssueKind::NotUpdatable { keys } if issue.field == Field::Root => part(M::CreateOnly, &[Arg::Keys(keys)]),
        IssueKind::NotUpdatable { keys } => part(M::NotUpdatable, &[Arg::Keys(keys)]),
        IssueKind::AliasConflict { name, alias } => part(M::AliasConflict, &[Arg::Text(name), Arg::Text(alias)]),
        IssueKind::Addr { problem, entry, text } => {
            let (entry, text) = (Arg::Number(*entry), Arg::Text(text));
            let id = match problem {
                AddrProblem::EmptyEntry => return part(M::AddrEmpty, &[entry]),
                AddrProblem::PortOutOfRange => {
                    let range = [
                        Arg::Number(crate::fields::PORT_MIN as usize),
                        Arg::Number(crate::fields::PORT_MAX as usize),
                    ];
                    return part(M::AddrPortRange, &[entry, text, range[0], range[1]]);
                }
                AddrProblem::Whitespace => M::AddrWhitespace,
                AddrProblem::MissingPort => M::AddrMissingPort,
                AddrProblem::MissingHost => M::AddrMissingHost,
                AddrProblem::PortNotNumber => M::AddrPortNotNumber,
                AddrProblem::UnbracketedIpv6 => M::AddrUnbracketedIpv6,
                AddrProblem::InvalidIpv6 => M::AddrInvalidIpv6,
                AddrProblem::InvalidIpv4 => M::AddrInvalidIpv4,
                AddrProblem::InvalidHost => M::AddrInvalidHost,
                AddrProblem::Scheme => M::AddrScheme,
                AddrProblem::Semicolon => M::AddrSemicolon,
            };
            part(id, &[entry, text]);
        }
        IssueKind::UnrecognizedKeys {
            keys,
            more,
            suggestions,
        } => {
            let listed = Arg::Keys(keys);
            if keys.len() + more == 1 {
                part(M::UnknownProperty, &[listed]);
            } else if *more > 0 {
                part(M::UnknownPropertiesMore, &[listed, Arg::Number(*more)]);
            } else {
                part(M::UnknownProperties, &[listed]);
            }
            if !suggestions.is_empty() {
                part(M::DidYouMean, &[Arg::Keys(suggestions)]);
            }
        }
    }
}

/// The label of `field` in `locale`.
pub fn field_label(field: Field, locale: Locale) -> &'static str {
    (locale.table().field_label)(field)
}

impl Issue {
    /// The human sentence for this issue in `locale` (rendered here: the
    /// wording is this module's alone).
    pub fn message(&self, locale: Locale) -> String {
        message(self, locale)
    }
}

/// The human sentence for `issue` in `locale`.
pub fn message(issue: &Issue, locale: Locale) -> String {
    let table = locale.table();
    let label = (table.field_label)(issue.field);
    let mut sentence = String::new();
    compose(issue, |id, args| {
        render(&mut sentence, table, (table.template)(id), label, args)
    });
    sentence
}

/// Appends `template` with its placeholders filled.
fn render(out: &mut String, table: &Table, template: &str, label: &str, args: &[Arg]) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            rest = &rest[open..];
            break;
        };
        let name = &after[..close];
        if name == "label" {
            out.push_str(label);
        } else if let Some(arg) = name.parse::<usize>().ok().and_then(|index| args.get(index)) {
            push_arg(out, table, arg);
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

fn push_arg(out: &mut String, table: &Table, arg: &Arg) {
    match arg {
        Arg::Number(number) => push_number(out, *number),
        Arg::Text(text) => out.push_str(text),
        Arg::Char(ch) => push_char_shown(out, *ch),
        Arg::Expected(kind) => out.push_str((table.expected_kind)(*kind)),
        Arg::Received(kind) => out.push_str((table.received_kind)(*kind)),
        Arg::Label(field) => out.push_str((table.field_label)(*field)),
        Arg::Keys(keys) => {
            for (index, key) in keys.iter().enumerate() {
                if index > 0 {
                    out.push_str(table.list_separator);
                }
                out.push('"');
                out.push_str(key);
                out.push('"');
            }
        }
    }
}

/// Decimal digits of `number`, written by hand (no `core::fmt`).
pub fn push_number(out: &mut String, mut number: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (number % 10) as u8;
        number /= 10;
        if number == 0 {
            break;
        }
    }
    for digit in &digits[start..] {
        out.push(char::from(*digit));
    }
}

/// A character as messages show it: between single quotes, as itself when
/// it shows on its own, otherwise escaped: `\t`, `\n`, `\r`, `\0`, `\\`,
/// `\'`, or `\u{hex}` for controls, whitespace other than the space,
/// combining diacritical marks and the Default_Ignorable_Code_Point
/// characters (invisible ones such as U+200B or U+FEFF). A short explicit
/// list instead of Rust's `{:?}`, whose Unicode tables would be a quarter
/// of the npm validator's wasm.
pub fn push_char_shown(out: &mut String, ch: char) {
    out.push('\'');
    match ch {
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\0' => out.push_str("\\0"),
        '\\' => out.push_str("\\\\"),
        '\'' => out.push_str("\\'"),
        _ if is_invisible(ch) => {
            out.push_str("\\u{");
            let code = ch as u32;
            let digits = (32 - code.leading_zeros()).div_ceil(4).max(1);
            for shift in (0..digits).rev() {
                let digit = (code >> (4 * shift)) & 0xF;
                out.push(char::from_digit(digit, 16).unwrap_or('0'));
            }
            out.push('}');
        }
        _ => out.push(ch),
    }
    out.push('\'');
}

/// Default_Ignorable_Code_Point (Unicode's invisible characters), plus the
/// combining diacritical marks, which would attach to the opening quote.
const INVISIBLE: [(u32, u32); 18] = [
    (0x00AD, 0x00AD),
    (0x0300, 0x036F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
    (0xF0000, 0x10FFFF),
];

/// Characters that would not show between quotes.
fn is_invisible(ch: char) -> bool {
    let code = ch as u32;
    code < 0x20
        || (0x7F..=0x9F).contains(&code)
        || (ch != ' ' && ch.is_whitespace())
        || INVISIBLE.iter().any(|(first, last)| (*first..=*last).contains(&code))
}
