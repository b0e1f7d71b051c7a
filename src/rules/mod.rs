//! The rules of the contract, each a small pure function, and the
//! whole-request validators that run every rule and report every issue.
//!
//! One source of truth: the console, the npm validator and the emulator all
//! call these functions. Which rules a field gets comes from its row in
//! [`crate::fields::FIELDS`] (its [`Family`] and length limit).

mod addr;
mod kafka;
mod name;
mod rocketmq;
mod text;

pub use addr::{addr_list, is_ipv4, is_ipv6, server_list};
pub use kafka::{acks, security_protocol, ValidCredentials, ValidKafka};
pub use name::{name_charset, name_first_char, name_not_reserved};
pub use rocketmq::ValidRocketmq;
pub use text::{max_chars, no_control_chars, no_surrounding_whitespace};

pub use crate::fields::{
    DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, PORT_MAX, PORT_MIN, SUBNET_ID_MAX_LENGTH, VPC_ID_MAX_LENGTH,
};

use crate::fields::{Family, FieldSpec, Requirement, ALIASES, CREATE_KEYS, CREATE_ONLY, TYPES, UPDATE_KEYS};
use crate::input::{Body, Fields, Input, Raw, ValueKind};
use crate::issue::{quote, Field, Issue, IssueKind};
use crate::model::{ConnectionType, CreateConnectionRequest, Detail, DetailUpdate, UpdateConnectionRequest};
use alloc::string::String;
use alloc::vec::Vec;

/// The name a connection may not have.
pub const RESERVED_NAME: &str = "default";
/// How many unknown property names one issue lists.
pub const UNKNOWN_KEYS_LISTED: usize = 5;

/// Whether an absent value is an issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Required,
    Optional,
}

/// `WEBHOOK`, `KAFKA` or `ROCKETMQ`, either case (surrounding whitespace is its own rule).
pub fn connection_type(value: &str) -> Result<ConnectionType, IssueKind> {
    ConnectionType::parse(value.trim()).ok_or_else(|| IssueKind::TypeValue { received: quote(value) })
}

/// Runs the rules of `spec`'s family on a present value, in the order their
/// issues are reported: surrounding whitespace, length, then the family's own.
fn family_rules(spec: &FieldSpec, value: &str, issues: &mut Vec<Issue>) {
    let mut check = |result: Result<(), IssueKind>| {
        if let Err(kind) = result {
            issues.push(Issue::new(spec.field, kind));
        }
    };
    // Identifiers are never trimmed: surrounding whitespace is an issue. A
    // description may have spaces, and a password may start or end with one.
    let mut surrounded = false;
    if !matches!(spec.family, Family::Text | Family::Secret) {
        surrounded = no_surrounding_whitespace(value).is_err();
        check(no_surrounding_whitespace(value));
    }
    let mut too_long = false;
    if let Some(max) = spec.max_chars {
        too_long = max_chars(value, max).is_err();
        check(max_chars(value, max));
    }
    // A password is any text; elsewhere a control character is a mistake,
    // said once: not beside the whitespace or length it is part of, nor
    // again by the family's own rule (a NUL in an address or a type).
    if !matches!(spec.family, Family::Secret) && !surrounded && !too_long {
        if let Err(kind) = no_control_chars(value, spec.family == Family::Text) {
            check(Err(kind));
            return;
        }
    }
    match spec.family {
        Family::Name => {
            check(name_first_char(value));
            check(name_charset(value));
            check(name_not_reserved(value));
        }
        Family::ConnectionType => check(connection_type(value).map(drop)),
        // Surrounding whitespace was said above, once for the field: not
        // again as the first or last entry's.
        Family::AddrList => check(addr_list(value.trim())),
        Family::ServerList => check(server_list(value.trim())),
        Family::Acks => check(acks(value).map(drop)),
        Family::SecurityProtocol => check(security_protocol(value).map(drop)),
        Family::Identifier | Family::Text | Family::Secret | Family::Object | Family::Flag => {}
    }
}

/// Checks a switch (`enable_sasl_ssl`, `use_tls`, `enable_acl`): its value,
/// false when absent or `null`, and an issue (then false) for another type.
pub fn check_flag(field: Field, raw: Raw<bool>, issues: &mut Vec<Issue>) -> bool {
    let received = match raw {
        Raw::Value(on) => return on,
        Raw::Missing | Raw::Null => return false,
        Raw::WrongType(received) => received,
        Raw::LoneSurrogate(_) => ValueKind::String,
    };
    issues.push(Issue::new(
        field,
        IssueKind::InvalidType {
            expected: ValueKind::Boolean,
            received,
        },
    ));
    false
}

/// Checks one string field: presence, type, then the rules of its family.
/// Returns the value when the field has no issue.
///
/// An empty string counts as absent: a form's empty optional input is not
/// sent, and a required one is reported as missing.
pub fn check_string<'a>(
    field: Field,
    raw: Raw<&'a str>,
    presence: Presence,
    issues: &mut Vec<Issue>,
) -> Option<&'a str> {
    let value = match raw {
        Raw::Value(value) if !value.is_empty() => value,
        Raw::WrongType(received) => {
            issues.push(Issue::new(
                field,
                IssueKind::InvalidType {
                    expected: ValueKind::String,
                    received,
                },
            ));
            return None;
        }
        Raw::LoneSurrogate(position) => {
            issues.push(Issue::new(field, IssueKind::LoneSurrogate { position }));
            return None;
        }
        _ => {
            if presence == Presence::Required {
                issues.push(Issue::new(field, IssueKind::Required));
            }
            return None;
        }
    };
    let before = issues.len();
    if let Some(spec) = field.spec() {
        family_rules(spec, value, issues);
    }
    (issues.len() == before).then_some(value)
}

/// A credential (`user_name`, `password`) of an object with a switch:
/// required when the switch (SASL_SSL for Kafka, ACL for RocketMQ) is on,
/// otherwise optional; returns the value when it has no issue.
pub fn credential_when_on<'a>(
    field: Field,
    raw: Raw<&'a str>,
    switched_on: bool,
    issues: &mut Vec<Issue>,
) -> Option<&'a str> {
    let missing = match raw {
        Raw::Value(value) => value.is_empty(),
        Raw::Missing | Raw::Null => true,
        Raw::WrongType(_) | Raw::LoneSurrogate(_) => false,
    };
    if switched_on && missing {
        issues.push(Issue::new(field, IssueKind::RequiredWhenOn));
        return None;
    }
    check_string(field, raw, Presence::Optional, issues)
}

/// Issues of one field of a create request, for live form feedback.
/// `switched_on` (SASL_SSL, or ACL) matters only for the credentials.
pub fn check_field<S: AsRef<str>>(field: Field, raw: &Raw<S>, switched_on: bool) -> Vec<Issue> {
    let mut issues = Vec::new();
    let raw = raw.as_str();
    match field.spec().map(|spec| spec.requirement) {
        Some(Requirement::WhenSwitchedOn) => {
            credential_when_on(field, raw, switched_on, &mut issues);
        }
        Some(Requirement::Always) => {
            check_string(field, raw, Presence::Required, &mut issues);
        }
        _ => {
            check_string(field, raw, Presence::Optional, &mut issues);
        }
    }
    issues
}

/// A field given under its name, its older name, or both: the value to
/// check, or `None` (with an issue) when the two differ. `null` is absent.
pub fn merge_alias<T: PartialEq>(
    field: Field,
    current: Raw<T>,
    older: Raw<T>,
    issues: &mut Vec<Issue>,
) -> Option<Raw<T>> {
    let agree = match (&current, &older) {
        (_, Raw::Missing | Raw::Null) => return Some(current),
        (Raw::Missing | Raw::Null, _) => return Some(older),
        (Raw::Value(a), Raw::Value(b)) => a == b,
        (Raw::WrongType(a), Raw::WrongType(b)) => a == b,
        (Raw::LoneSurrogate(a), Raw::LoneSurrogate(b)) => a == b,
        _ => false,
    };
    if agree {
        return Some(current);
    }
    let (Some(spec), Some(alias)) = (field.spec(), field.alias()) else {
        return Some(current);
    };
    issues.push(Issue::new(
        field,
        IssueKind::AliasConflict {
            name: spec.key(),
            alias,
        },
    ));
    None
}

/// A create request that passed every rule, borrowing the input's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCreate<'a> {
    pub name: &'a str,
    /// `None` when absent, `null` or empty (then it is not sent).
    pub description: Option<&'a str>,
    pub vpc_id: &'a str,
    pub subnet_id: &'a str,
    /// The type (WEBHOOK when absent) and its detail object.
    pub detail: ValidDetail<'a>,
}

/// A type and its detail object, checked, borrowing the input's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValidDetail<'a> {
    Webhook,
    Kafka(ValidKafka<'a>),
    Rocketmq(ValidRocketmq<'a>),
}

impl ValidDetail<'_> {
    /// The connection type.
    pub fn kind(&self) -> ConnectionType {
        match self {
            ValidDetail::Webhook => ConnectionType::Webhook,
            ValidDetail::Kafka(_) => ConnectionType::Kafka,
            ValidDetail::Rocketmq(_) => ConnectionType::Rocketmq,
        }
    }

    /// The detail to send.
    pub fn to_detail(&self) -> Detail {
        match self {
            ValidDetail::Webhook => Detail::Webhook,
            ValidDetail::Kafka(kafka) => Detail::Kafka(kafka.to_detail()),
            ValidDetail::Rocketmq(rocketmq) => Detail::Rocketmq(rocketmq.to_detail()),
        }
    }

    /// Kafka's acknowledgements, for a type that has them.
    pub fn acks(&self) -> Option<crate::model::Acks> {
        match self {
            ValidDetail::Webhook | ValidDetail::Rocketmq(_) => None,
            ValidDetail::Kafka(kafka) => Some(kafka.acks),
        }
    }

    /// Every field the normalized body carries in the detail object (the
    /// object's own field first), with a switch's value: what the npm
    /// validator builds its result from.
    pub fn fields(&self, mut carried: impl FnMut(Field, bool)) {
        match self {
            ValidDetail::Webhook => {}
            ValidDetail::Kafka(kafka) => kafka.fields(&mut carried),
            ValidDetail::Rocketmq(rocketmq) => rocketmq.fields(&mut carried),
        }
    }
}

/// The rules of `kind`'s detail object (given as an object).
fn check_detail<'a, R: Fields + ?Sized>(
    kind: ConnectionType,
    input: &'a R,
    issues: &mut Vec<Issue>,
) -> Option<ValidDetail<'a>> {
    match kind {
        ConnectionType::Webhook => Some(ValidDetail::Webhook),
        ConnectionType::Kafka => kafka::check_kafka(input, issues).map(ValidDetail::Kafka),
        ConnectionType::Rocketmq => rocketmq::check_rocketmq(input, issues).map(ValidDetail::Rocketmq),
    }
}

impl ValidCreate<'_> {
    /// The connection type.
    pub fn connection_type(&self) -> ConnectionType {
        self.detail.kind()
    }

    /// The exact body to send.
    pub fn to_request(&self) -> CreateConnectionRequest {
        CreateConnectionRequest {
            name: String::from(self.name),
            description: self.description.map(String::from),
            vpc_id: String::from(self.vpc_id),
            subnet_id: String::from(self.subnet_id),
            detail: self.detail.to_detail(),
        }
    }
}

/// Validates a create request body and, when it has no issue, returns the
/// exact body to send: uppercase type, defaults filled (acks `1`, the
/// switches false), only the detail object of the type, empty optional
/// strings left out. Otherwise returns every issue, in form order.
pub fn validate_create<S: AsRef<str>>(body: &Body<Input<S>>) -> Result<CreateConnectionRequest, Vec<Issue>> {
    check_create(body).map(|valid| valid.to_request())
}

/// [`validate_create`] for a body known to be an object.
pub fn validate_create_input<S: AsRef<str>>(input: &Input<S>) -> Result<CreateConnectionRequest, Vec<Issue>> {
    check_create_input(input).map(|valid| valid.to_request())
}

/// [`validate_create`] without copying anything: the verdict borrows the input.
pub fn check_create<S: AsRef<str>>(body: &Body<Input<S>>) -> Result<ValidCreate<'_>, Vec<Issue>> {
    match body {
        Body::Object(input) => check_create_input(input),
        Body::NotObject(received) => Err(alloc::vec![not_an_object(*received)]),
    }
}

/// [`check_create`] for a body known to be an object.
pub fn check_create_input<R: Fields + ?Sized>(input: &R) -> Result<ValidCreate<'_>, Vec<Issue>> {
    let mut issues = Vec::new();
    unknown_keys(Field::Root, input, &CREATE_KEYS, &mut issues);
    let name = check_string(Field::Name, input.text(Field::Name), Presence::Required, &mut issues);
    let description = check_string(
        Field::Description,
        input.text(Field::Description),
        Presence::Optional,
        &mut issues,
    );
    let vpc_id = check_string(Field::VpcId, input.text(Field::VpcId), Presence::Required, &mut issues);
    let subnet_id = check_string(
        Field::SubnetId,
        input.text(Field::SubnetId),
        Presence::Required,
        &mut issues,
    );
    let type_issues = issues.len();
    let chosen = check_string(Field::Type, input.text(Field::Type), Presence::Optional, &mut issues)
        .map(|value| connection_type(value).unwrap_or_default());
    // A bad type leaves open which detail object belongs: each given one
    // is checked, none demanded or forbidden.
    let chosen = match (chosen, issues.len() > type_issues) {
        (_, true) => None,
        (None, false) => Some(ConnectionType::default()),
        (Some(kind), false) => Some(kind),
    };
    let mut detail = None;
    for spec in &TYPES {
        let Some(object) = spec.detail else { continue };
        let wanted = chosen.map(|kind| kind == spec.kind);
        let checked = detail_object(object, input.object(object), wanted, &mut issues, |issues| {
            check_detail(spec.kind, input, issues)
        });
        if wanted == Some(true) {
            detail = checked;
        }
    }
    // A type without a detail object is complete as it is.
    if let Some(kind) = chosen.filter(|kind| kind.spec().detail.is_none()) {
        detail = check_detail(kind, input, &mut issues);
    }
    // No issue means every required value was present.
    match (name, vpc_id, subnet_id, detail) {
        (Some(name), Some(vpc_id), Some(subnet_id), Some(detail)) if issues.is_empty() => Ok(ValidCreate {
            name,
            description,
            vpc_id,
            subnet_id,
            detail,
        }),
        _ => Err(issues),
    }
}

/// A type's detail object: its rules when given; required for its type
/// (`for_type` true), not allowed for another (false); with an unknown
/// type (`None`) checked if given, neither demanded nor forbidden.
fn detail_object<V>(
    field: Field,
    raw: Raw<()>,
    for_type: Option<bool>,
    issues: &mut Vec<Issue>,
    check: impl FnOnce(&mut Vec<Issue>) -> Option<V>,
) -> Option<V> {
    match (raw, for_type) {
        (Raw::WrongType(received), _) => {
            issues.push(Issue::new(
                field,
                IssueKind::InvalidType {
                    expected: ValueKind::Object,
                    received,
                },
            ));
            None
        }
        (Raw::LoneSurrogate(_), _) => {
            issues.push(Issue::new(
                field,
                IssueKind::InvalidType {
                    expected: ValueKind::Object,
                    received: ValueKind::String,
                },
            ));
            None
        }
        (Raw::Value(()), Some(false)) => {
            issues.push(Issue::new(field, IssueKind::DetailNotAllowed));
            None
        }
        (Raw::Value(()), _) => check(issues),
        (Raw::Missing | Raw::Null, Some(true)) => {
            issues.push(Issue::new(field, IssueKind::Required));
            None
        }
        (Raw::Missing | Raw::Null, _) => None,
    }
}

/// An update request that passed every rule: what is absent stays as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidUpdate<'a> {
    /// `None` when absent (unchanged); `Some("")` when `null` or empty
    /// (the description is cleared).
    pub description: Option<&'a str>,
    /// New settings of the connection's type.
    pub detail: Option<ValidDetailUpdate<'a>>,
}

/// What an update changes in a detail object, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValidDetailUpdate<'a> {
    /// New SASL credentials (`kafka_detail.user_name` and `password`).
    Kafka(ValidCredentials<'a>),
    /// New RocketMQ settings (the whole `rocketmq_detail`).
    Rocketmq(ValidRocketmq<'a>),
}

impl ValidDetailUpdate<'_> {
    /// The change to send.
    pub fn to_update(&self) -> DetailUpdate {
        match self {
            ValidDetailUpdate::Kafka(credentials) => DetailUpdate::Kafka(credentials.to_detail()),
            ValidDetailUpdate::Rocketmq(rocketmq) => DetailUpdate::Rocketmq(rocketmq.to_detail()),
        }
    }

    /// Every field the normalized body carries in the detail object, as
    /// [`ValidDetail::fields`].
    pub fn fields(&self, mut carried: impl FnMut(Field, bool)) {
        match self {
            ValidDetailUpdate::Kafka(credentials) => credentials.fields(&mut carried),
            ValidDetailUpdate::Rocketmq(rocketmq) => rocketmq.fields(&mut carried),
        }
    }
}

/// The update rules of `kind`'s detail object (given as an object): `None`
/// for a type that has none.
fn check_detail_update<'a, R: Fields + ?Sized>(
    kind: ConnectionType,
    input: &'a R,
    issues: &mut Vec<Issue>,
) -> Option<ValidDetailUpdate<'a>> {
    match kind {
        ConnectionType::Webhook => None,
        ConnectionType::Kafka => kafka::check_credentials(input, issues).map(ValidDetailUpdate::Kafka),
        ConnectionType::Rocketmq => rocketmq::check_rocketmq(input, issues).map(ValidDetailUpdate::Rocketmq),
    }
}

impl ValidUpdate<'_> {
    /// The exact body to send.
    pub fn to_request(&self) -> UpdateConnectionRequest {
        UpdateConnectionRequest {
            description: self.description.map(String::from),
            detail: self.detail.as_ref().map(ValidDetailUpdate::to_update),
        }
    }
}

/// Validates an update body: `description` (at most 255 characters), new
/// Kafka credentials (`kafka_detail` with `user_name` and `password`, the
/// other Kafka settings cannot change), or new RocketMQ settings
/// (`rocketmq_detail`, by the create rules): one type's settings at most.
/// Whether the connection has that type is the server's to say.
pub fn validate_update<S: AsRef<str>>(body: &Body<Input<S>>) -> Result<UpdateConnectionRequest, Vec<Issue>> {
    check_update(body).map(|valid| valid.to_request())
}

/// [`validate_update`] without copying anything.
pub fn check_update<S: AsRef<str>>(body: &Body<Input<S>>) -> Result<ValidUpdate<'_>, Vec<Issue>> {
    let input = match body {
        Body::Object(input) => input,
        Body::NotObject(received) => return Err(alloc::vec![not_an_object(*received)]),
    };
    check_update_input(input)
}

/// [`check_update`] for a body known to be an object.
pub fn check_update_input<R: Fields + ?Sized>(input: &R) -> Result<ValidUpdate<'_>, Vec<Issue>> {
    let mut issues = Vec::new();
    // The create request's other properties are set once, at creation.
    let create_only: Vec<String> = CREATE_ONLY
        .into_iter()
        .filter(|field| input.given(*field as usize))
        .filter_map(|field| field.spec().map(|spec| String::from(spec.key())))
        .collect();
    if !create_only.is_empty() {
        issues.push(Issue::new(Field::Root, IssueKind::NotUpdatable { keys: create_only }));
    }
    unknown_keys(Field::Root, input, &UPDATE_KEYS, &mut issues);
    let description = match input.text(Field::Description) {
        Raw::Null => Some(""),
        Raw::Value("") => Some(""),
        raw => check_string(Field::Description, raw, Presence::Optional, &mut issues),
    };
    let mut detail = None;
    for spec in &TYPES {
        let Some(object) = spec.detail else { continue };
        let checked = detail_object(object, input.object(object), None, &mut issues, |issues| {
            check_detail_update(spec.kind, input, issues)
        });
        match (checked, &detail) {
            (Some(checked), None) => detail = Some((object, checked)),
            // A connection has one type: one type's settings per update.
            (Some(_), Some((first, _))) => issues.push(Issue::new(object, IssueKind::DetailConflict { with: *first })),
            (None, _) => {}
        }
    }
    if issues.is_empty() && description.is_none() && detail.is_none() {
        // Only a body with nothing in it gets here (any property is either
        // a change, or an issue above).
        issues.push(Issue::new(Field::Root, IssueKind::NothingToUpdate));
    }
    if issues.is_empty() {
        Ok(ValidUpdate {
            description,
            detail: detail.map(|(_, detail)| detail),
        })
    } else {
        Err(issues)
    }
}

/// The issue of a body that is not an object (an array, a string...).
pub fn not_an_object(received: ValueKind) -> Issue {
    Issue::new(
        Field::Root,
        IssueKind::InvalidType {
            expected: ValueKind::Object,
            received,
        },
    )
}

/// One issue naming the properties the object `field` should not have
/// (`input`'s unknown ones), with a "did you mean" for each
/// listed one that looks like one of `known`.
pub(crate) fn unknown_keys<R: Fields + ?Sized>(
    field: Field,
    input: &R,
    known: &[&'static str],
    issues: &mut Vec<Issue>,
) {
    let mut keys = input.unknown_keys_of(field).peekable();
    if keys.peek().is_none() {
        return;
    }
    // Rare (a typo): one list, allocated only now.
    let keys: Vec<&str> = keys.collect();
    let listed = keys.get(..UNKNOWN_KEYS_LISTED).unwrap_or(&keys);
    issues.push(Issue::new(
        field,
        IssueKind::UnrecognizedKeys {
            keys: listed.iter().map(|key| quote(key)).collect(),
            more: keys.len() - listed.len(),
            suggestions: listed
                .iter()
                .filter_map(|key| suggest_key(key, known).map(String::from))
                .collect(),
        },
    ));
}

/// The known key that `key` most likely meant: the same in snake_case
/// (`vpcId`, `VPC-ID`), or the current name of an older one (`sasl_ssl`,
/// `saslSsl`: `enable_sasl_ssl`).
pub fn suggest_key(key: &str, known: &[&'static str]) -> Option<&'static str> {
    // Known names are short ASCII: a longer or non-ASCII key is none of them.
    const LONGEST: usize = 32;
    if !key.is_ascii() || key.len() > LONGEST {
        return None;
    }
    // The key in snake_case, written once.
    let mut buffer = [0u8; 2 * LONGEST];
    let mut length = 0;
    let mut previous_underscore = true;
    let mut push = |byte: u8| {
        if let Some(slot) = buffer.get_mut(length) {
            *slot = byte;
            length += 1;
        }
    };
    for byte in key.bytes() {
        if byte.is_ascii_uppercase() && !previous_underscore {
            push(b'_');
        }
        let lower = match byte {
            b'-' | b' ' => b'_',
            other => other.to_ascii_lowercase(),
        };
        push(lower);
        previous_underscore = lower == b'_';
    }
    let snake = buffer.get(..length).unwrap_or_default();
    let current = ALIASES
        .iter()
        .find(|alias| alias.key.as_bytes() == snake)
        .and_then(|alias| alias.field.spec())
        .map(FieldSpec::key);
    if let Some(current) = current.filter(|name| known.contains(name)) {
        return Some(current);
    }
    known
        .iter()
        .copied()
        .find(|name| *name != key && name.as_bytes() == snake)
}
