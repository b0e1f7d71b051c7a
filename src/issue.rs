//! Validation issues: where (a [`Field`], hence a path), what (an
//! [`IssueKind`], hence a stable code) and the numbers a message needs.
//! Wording lives in [`crate::i18n`] only.

use crate::input::ValueKind;
use alloc::string::String;
use alloc::vec::Vec;

pub use crate::fields::{Field, ALL_FIELDS};

/// What is wrong with an address list, and at which entry (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddrProblem {
    /// An empty entry, e.g. `a:1,,b:2` or a trailing comma.
    EmptyEntry,
    /// Whitespace around an entry, e.g. `a:1, b:2`.
    Whitespace,
    /// No `:port` part.
    MissingPort,
    /// The host part is empty.
    MissingHost,
    /// The port is not a decimal number.
    PortNotNumber,
    /// The port is a number outside 1..=65535.
    PortOutOfRange,
    /// An IPv6 address without brackets (`::1:9092`), which is ambiguous.
    UnbracketedIpv6,
    /// Inside brackets, but not an IPv6 address.
    InvalidIpv6,
    /// All digits and dots, but not a valid IPv4 address.
    InvalidIpv4,
    /// Not a valid DNS name (letters, digits, `-`; labels of 1..63).
    InvalidHost,
    /// A URL's scheme before the host (`http://10.0.0.1:9092`); the
    /// issue's text is the scheme to remove (`http://`).
    Scheme,
    /// A `;` inside a Kafka entry: RocketMQ's separator, where Kafka's is `,`.
    Semicolon,
}

/// What is wrong; each kind has one stable machine-readable [`code`](IssueKind::code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueKind {
    /// Missing, `null` or empty where a value is required.
    Required,
    /// A credential that its object's switch needs is missing (SASL_SSL for
    /// Kafka, ACL for RocketMQ).
    RequiredWhenOn,
    /// The value has the wrong JSON type.
    InvalidType { expected: ValueKind, received: ValueKind },
    /// Longer than allowed, counted in Unicode characters.
    TooLong { max: usize, actual: usize },
    /// Leading or trailing whitespace (never trimmed silently).
    SurroundingWhitespace,
    /// A string holding an unpaired UTF-16 surrogate: JavaScript can hold
    /// it, JSON can escape it, but UTF-8 (and so the API) cannot carry it.
    /// `position` is the 1-based character position of the first one.
    LoneSurrogate { position: usize },
    /// A control character (NUL, escape...) inside the value, at this
    /// 1-based character position.
    ControlChar { found: char, position: usize },
    /// The name starts with something other than a letter or digit.
    NameFirstChar { found: char },
    /// The name contains a character outside letters, digits, `.`, `_`, `-`.
    NameChar { found: char, position: usize },
    /// The name is the reserved word `default`.
    NameReserved,
    /// The type is not WEBHOOK, KAFKA or ROCKETMQ.
    TypeValue { received: String },
    /// The acks value is not `0`, `1` or `all`.
    AcksValue { received: String },
    /// The security protocol is not PLAINTEXT, SASL_PLAINTEXT or SASL_SSL.
    SecurityProtocolValue { received: String },
    /// The security protocol contradicts the SASL switch: a SASL protocol
    /// with the switch off (`sasl_on` false), or PLAINTEXT with it on.
    SecurityProtocolConflict { protocol: &'static str, sasl_on: bool },
    /// A field given under its name and its older name with different values.
    AliasConflict { name: &'static str, alias: &'static str },
    /// A detail object of another type (`kafka_detail` for a WEBHOOK
    /// connection, `rocketmq_detail` for a KAFKA one...).
    DetailNotAllowed,
    /// An update names properties that cannot change after creation
    /// (at the root: `name`, `vpc_id`...; in `kafka_detail`: all but the
    /// credentials).
    NotUpdatable { keys: Vec<String> },
    /// An update that changes nothing (`{}`).
    NothingToUpdate,
    /// An update gives this detail object beside another type's (`with`):
    /// a connection has one type.
    DetailConflict { with: Field },
    /// A bad entry in the Kafka address list.
    Addr {
        problem: AddrProblem,
        entry: usize,
        text: String,
    },
    /// Properties the request does not have (typos such as `vpcId`): the
    /// first few names (quoted), how many more, and the likely meant name
    /// of each listed one that looks like a known one, in the same order.
    UnrecognizedKeys {
        keys: Vec<String>,
        more: usize,
        suggestions: Vec<String>,
    },
}

/// The stable issue codes; [`IssueKind::code_index`] indexes this table.
pub const CODES: [&str; 7] = [
    "required",
    "invalid_type",
    "too_big",
    "invalid_format",
    "invalid_value",
    "not_allowed",
    "unrecognized_keys",
];

impl IssueKind {
    /// The stable machine-readable code, in the style of zod's issue codes.
    pub fn code(&self) -> &'static str {
        CODES[self.code_index()]
    }

    /// The code as an index into [`CODES`] (the npm validator's buffer layout).
    pub fn code_index(&self) -> usize {
        match self {
            IssueKind::Required | IssueKind::RequiredWhenOn | IssueKind::NothingToUpdate => 0,
            IssueKind::InvalidType { .. } => 1,
            IssueKind::TooLong { .. } => 2,
            IssueKind::SurroundingWhitespace
            | IssueKind::LoneSurrogate { .. }
            | IssueKind::ControlChar { .. }
            | IssueKind::NameFirstChar { .. }
            | IssueKind::NameChar { .. }
            | IssueKind::Addr { .. } => 3,
            IssueKind::NameReserved
            | IssueKind::TypeValue { .. }
            | IssueKind::AcksValue { .. }
            | IssueKind::SecurityProtocolValue { .. }
            | IssueKind::SecurityProtocolConflict { .. }
            | IssueKind::AliasConflict { .. } => 4,
            IssueKind::DetailNotAllowed | IssueKind::NotUpdatable { .. } | IssueKind::DetailConflict { .. } => 5,
            IssueKind::UnrecognizedKeys { .. } => 6,
        }
    }
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub field: Field,
    pub kind: IssueKind,
}

impl Issue {
    /// An issue of `kind` at `field`.
    pub fn new(field: Field, kind: IssueKind) -> Self {
        Issue { field, kind }
    }

    /// The JSON path of the field, e.g. `["kafka_detail", "addr"]`.
    pub fn path(&self) -> &'static [&'static str] {
        self.field.path()
    }

    /// The stable code, e.g. `too_big`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

/// How much of a user-supplied value a message quotes, in characters.
pub const QUOTE_MAX_CHARS: usize = 40;

/// `value` cut to [`QUOTE_MAX_CHARS`] characters (with `…` when cut), so that
/// a megabyte string never ends up in a message.
pub fn quote(value: &str) -> String {
    quote_with(value, QUOTE_MAX_CHARS)
}

/// `value` cut to `max_chars` characters, with `…` when cut.
pub fn quote_with(value: &str, max_chars: usize) -> String {
    match value.char_indices().nth(max_chars) {
        None => String::from(value),
        Some((cut, _)) => {
            let mut quoted = String::with_capacity(cut + '…'.len_utf8());
            quoted.push_str(value.get(..cut).unwrap_or(value));
            quoted.push('…');
            quoted
        }
    }
}
