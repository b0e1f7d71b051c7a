//! Validation issues: where (a [`Field`], hence a path), what (an
//! [`IssueKind`], hence a stable code) and the numbers a message needs.
//! Wording lives in [`crate::i18n`] only.

use crate::input::ValueKind;

/// A field of a request body; each has one fixed path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The request body itself.
    Root,
    Name,
    Description,
    VpcId,
    SubnetId,
    Type,
    KafkaDetail,
    InstanceId,
    Addr,
    SecurityProtocol,
    EnableSaslSsl,
    UserName,
    Password,
    Acks,
}

impl Field {
    /// The path of this field in the request body, as JSON property names.
    pub fn path(self) -> &'static [&'static str] {
        match self {
            Field::Root => &[],
            Field::Name => &["name"],
            Field::Description => &["description"],
            Field::VpcId => &["vpc_id"],
            Field::SubnetId => &["subnet_id"],
            Field::Type => &["type"],
            Field::KafkaDetail => &["kafka_detail"],
            Field::InstanceId => &["kafka_detail", "instance_id"],
            Field::Addr => &["kafka_detail", "addr"],
            Field::SecurityProtocol => &["kafka_detail", "security_protocol"],
            Field::EnableSaslSsl => &["kafka_detail", "enable_sasl_ssl"],
            Field::UserName => &["kafka_detail", "user_name"],
            Field::Password => &["kafka_detail", "password"],
            Field::Acks => &["kafka_detail", "acks"],
        }
    }

    /// The field whose path is `path`, if any (used to map server-side issue
    /// paths back onto form fields).
    pub fn from_path<S: AsRef<str>>(path: &[S]) -> Option<Field> {
        ALL_FIELDS
            .iter()
            .copied()
            .find(|field| field.path().iter().copied().eq(path.iter().map(AsRef::as_ref)))
    }
}

/// Every field, in form order (the order issues are reported in).
pub const ALL_FIELDS: [Field; 14] = [
    Field::Root,
    Field::Name,
    Field::Description,
    Field::VpcId,
    Field::SubnetId,
    Field::Type,
    Field::KafkaDetail,
    Field::InstanceId,
    Field::Addr,
    Field::SecurityProtocol,
    Field::EnableSaslSsl,
    Field::UserName,
    Field::Password,
    Field::Acks,
];

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
}

/// What is wrong; each kind has one stable machine-readable [`code`](IssueKind::code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueKind {
    /// Missing, `null` or empty where a value is required.
    Required,
    /// A credential that SASL_SSL needs is missing.
    RequiredForSasl,
    /// The value has the wrong JSON type.
    InvalidType { expected: ValueKind, received: ValueKind },
    /// Longer than allowed, counted in Unicode characters.
    TooLong { max: usize, actual: usize },
    /// Leading or trailing whitespace (never trimmed silently).
    SurroundingWhitespace,
    /// The name starts with something other than a letter or digit.
    NameFirstChar { found: char },
    /// The name contains a character outside letters, digits, `.`, `_`, `-`.
    NameChar { found: char, position: usize },
    /// The name is the reserved word `default`.
    NameReserved,
    /// The type is neither WEBHOOK nor KAFKA.
    TypeValue { received: String },
    /// The acks value is not `0`, `1` or `all`.
    AcksValue { received: String },
    /// `kafka_detail` sent for a WEBHOOK connection.
    KafkaDetailNotAllowed,
    /// A bad entry in the Kafka address list.
    Addr {
        problem: AddrProblem,
        entry: usize,
        text: String,
    },
    /// Properties the request does not have (typos such as `vpcId`): the
    /// first few names (quoted), how many more, and a likely meant name.
    UnrecognizedKeys {
        keys: Vec<String>,
        more: usize,
        suggestion: Option<(String, &'static str)>,
    },
    /// The body is not valid JSON (emulator and JSON-string entry points).
    InvalidJson { detail: String },
}

impl IssueKind {
    /// The stable machine-readable code, in the style of zod's issue codes.
    pub fn code(&self) -> &'static str {
        match self {
            IssueKind::Required | IssueKind::RequiredForSasl => "required",
            IssueKind::InvalidType { .. } => "invalid_type",
            IssueKind::TooLong { .. } => "too_big",
            IssueKind::SurroundingWhitespace
            | IssueKind::NameFirstChar { .. }
            | IssueKind::NameChar { .. }
            | IssueKind::Addr { .. } => "invalid_format",
            IssueKind::NameReserved | IssueKind::TypeValue { .. } | IssueKind::AcksValue { .. } => "invalid_value",
            IssueKind::KafkaDetailNotAllowed => "not_allowed",
            IssueKind::UnrecognizedKeys { .. } => "unrecognized_keys",
            IssueKind::InvalidJson { .. } => "invalid_json",
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

    /// The human sentence for this issue in `locale`.
    pub fn message(&self, locale: crate::Locale) -> String {
        crate::i18n::message(self, locale)
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
        None => value.to_owned(),
        Some((cut, _)) => format!("{}…", &value[..cut]),
    }
}
