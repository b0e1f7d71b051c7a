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
pub use kafka::{acks, credential_when_on, ValidCredentials, ValidKafka};
pub use name::{name_charset, name_first_char, name_not_reserved};
pub use rocketmq::ValidRocketmq;
pub use text::{max_chars, no_surrounding_whitespace};

pub use crate::fields::{
    DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, PORT_MAX, PORT_MIN, SUBNET_ID_MAX_LENGTH, VPC_ID_MAX_LENGTH,
};

use crate::fields::{Family, FieldSpec, Requirement, CREATE_KEYS, UPDATE_KEYS};
use crate::input::{Body, CreateInput, Raw, UpdateInput, ValueKind};
use crate::issue::{quote, Field, Issue, IssueKind};
use crate::model::{ConnectionType, CreateConnectionRequest, UpdateConnectionRequest};
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
    if !matches!(spec.family, Family::Text | Family::Secret) {
        check(no_surrounding_whitespace(value));
    }
    if let Some(max) = spec.max_chars {
        check(max_chars(value, max));
    }
    match spec.family {
        Family::Name => {
            check(name_first_char(value));
            check(name_charset(value));
            check(name_not_reserved(value));
        }
        Family::ConnectionType => check(connection_type(value).map(drop)),
        Family::AddrList => check(addr_list(value)),
        Family::ServerList => check(server_list(value)),
        Family::Acks => check(acks(value).map(drop)),
        Family::Identifier | Family::Text | Family::Secret | Family::Object | Family::Flag => {}
    }
}

/// Checks a switch (`enable_sasl_ssl`, `use_tls`, `enable_acl`): its value,
/// false when absent or `null`, and an issue (then false) for another type.
pub fn check_flag(field: Field, raw: &Raw<bool>, issues: &mut Vec<Issue>) -> bool {
    let received = match raw {
        Raw::Value(on) => return *on,
        Raw::Missing | Raw::Null => return false,
        Raw::WrongType(received) => *received,
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
pub fn check_string<'a, S: AsRef<str>>(
    field: Field,
    raw: &'a Raw<S>,
    presence: Presence,
    issues: &mut Vec<Issue>,
) -> Option<&'a str> {
    let value = match raw {
        Raw::Value(value) if !value.as_ref().is_empty() => value.as_ref(),
        Raw::WrongType(received) => {
            issues.push(Issue::new(
                field,
                IssueKind::InvalidType {
                    expected: ValueKind::String,
                    received: *received,
                },
            ));
            return None;
        }
        Raw::LoneSurrogate(position) => {
            issues.push(Issue::new(field, IssueKind::LoneSurrogate { position: *position }));
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

/// Issues of one field of a create request, for live form feedback.
/// `switched_on` (SASL_SSL, or ACL) matters only for the credentials.
pub fn check_field<S: AsRef<str>>(field: Field, raw: &Raw<S>, switched_on: bool) -> Vec<Issue> {
    let mut issues = Vec::new();
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

/// A create request that passed every rule, borrowing the input's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCreate<'a> {
    pub name: &'a str,
    /// `None` when absent, `null` or empty (then it is not sent).
    pub description: Option<&'a str>,
    pub vpc_id: &'a str,
    pub subnet_id: &'a str,
    /// Uppercased; WEBHOOK when absent.
    pub connection_type: ConnectionType,
    /// Present exactly when the type is KAFKA.
    pub kafka_detail: Option<ValidKafka<'a>>,
    /// Present exactly when the type is ROCKETMQ.
    pub rocketmq_detail: Option<ValidRocketmq<'a>>,
}

impl ValidCreate<'_> {
    /// The exact body to send.
    pub fn to_request(&self) -> CreateConnectionRequest {
        CreateConnectionRequest {
            name: String::from(self.name),
            description: self.description.map(String::from),
            vpc_id: String::from(self.vpc_id),
            subnet_id: String::from(self.subnet_id),
            connection_type: self.connection_type,
            kafka_detail: self.kafka_detail.as_ref().map(ValidKafka::to_detail),
            rocketmq_detail: self.rocketmq_detail.as_ref().map(ValidRocketmq::to_detail),
        }
    }
}

/// Validates a create request body and, when it has no issue, returns the
/// exact body to send: uppercase type, defaults filled (acks `1`, the
/// switches false), only the detail object of the type, empty optional
/// strings left out. Otherwise returns every issue, in form order.
pub fn validate_create<S: AsRef<str>>(body: &Body<CreateInput<S>>) -> Result<CreateConnectionRequest, Vec<Issue>> {
    check_create(body).map(|valid| valid.to_request())
}

/// [`validate_create`] for a body known to be an object.
pub fn validate_create_input<S: AsRef<str>>(input: &CreateInput<S>) -> Result<CreateConnectionRequest, Vec<Issue>> {
    check_create_input(input).map(|valid| valid.to_request())
}

/// [`validate_create`] without copying anything: the verdict borrows the input.
pub fn check_create<S: AsRef<str>>(body: &Body<CreateInput<S>>) -> Result<ValidCreate<'_>, Vec<Issue>> {
    match body {
        Body::Object(input) => check_create_input(input),
        Body::NotObject(received) => Err(alloc::vec![not_an_object(*received)]),
    }
}

/// [`check_create`] for a body known to be an object.
pub fn check_create_input<S: AsRef<str>>(input: &CreateInput<S>) -> Result<ValidCreate<'_>, Vec<Issue>> {
    let mut issues = Vec::new();
    unknown_keys(Field::Root, &input.unknown_keys, &CREATE_KEYS, &mut issues);
    let name = check_string(Field::Name, &input.name, Presence::Required, &mut issues);
    let description = check_string(Field::Description, &input.description, Presence::Optional, &mut issues);
    let vpc_id = check_string(Field::VpcId, &input.vpc_id, Presence::Required, &mut issues);
    let subnet_id = check_string(Field::SubnetId, &input.subnet_id, Presence::Required, &mut issues);
    let type_issues = issues.len();
    let connection_type = check_string(Field::Type, &input.connection_type, Presence::Optional, &mut issues)
        .map(|value| connection_type(value).unwrap_or_default());
    // A bad type leaves open whether Kafka settings belong: check them if
    // given, but neither demand nor forbid them.
    let connection_type = match (connection_type, issues.len() > type_issues) {
        (_, true) => None,
        (None, false) => Some(ConnectionType::default()),
        (Some(kind), false) => Some(kind),
    };
    let kafka_detail = detail(
        Field::KafkaDetail,
        &input.kafka_detail,
        connection_type.map(|kind| kind == ConnectionType::Kafka),
        &mut issues,
        kafka::check_kafka,
    );
    let rocketmq_detail = detail(
        Field::RocketmqDetail,
        &input.rocketmq_detail,
        connection_type.map(|kind| kind == ConnectionType::Rocketmq),
        &mut issues,
        rocketmq::check_rocketmq,
    );
    // No issue means every required value was present.
    match (name, vpc_id, subnet_id, connection_type) {
        (Some(name), Some(vpc_id), Some(subnet_id), Some(connection_type)) if issues.is_empty() => Ok(ValidCreate {
            name,
            description,
            vpc_id,
            subnet_id,
            connection_type,
            kafka_detail,
            rocketmq_detail,
        }),
        _ => Err(issues),
    }
}

/// A type's detail object: its rules when given; required for its type
/// (`for_type` true), not allowed for another (false); with an unknown
/// type (`None`) checked if given, neither demanded nor forbidden.
fn detail<'a, T, V>(
    field: Field,
    raw: &'a Raw<T>,
    for_type: Option<bool>,
    issues: &mut Vec<Issue>,
    check: impl FnOnce(&'a T, &mut Vec<Issue>) -> Option<V>,
) -> Option<V> {
    match (raw, for_type) {
        (Raw::WrongType(received), _) => {
            issues.push(Issue::new(
                field,
                IssueKind::InvalidType {
                    expected: ValueKind::Object,
                    received: *received,
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
        (Raw::Value(_), Some(false)) => {
            issues.push(Issue::new(field, IssueKind::DetailNotAllowed));
            None
        }
        (Raw::Value(value), _) => check(value, issues),
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
    /// New SASL credentials (`kafka_detail.user_name` and `password`).
    pub kafka_detail: Option<ValidCredentials<'a>>,
    /// New RocketMQ settings (the whole `rocketmq_detail`).
    pub rocketmq_detail: Option<ValidRocketmq<'a>>,
}

impl ValidUpdate<'_> {
    /// The exact body to send.
    pub fn to_request(&self) -> UpdateConnectionRequest {
        UpdateConnectionRequest {
            description: self.description.map(String::from),
            kafka_detail: self.kafka_detail.as_ref().map(ValidCredentials::to_detail),
            rocketmq_detail: self.rocketmq_detail.as_ref().map(ValidRocketmq::to_detail),
        }
    }
}

/// Validates an update body: `description` (at most 255 characters), new
/// Kafka credentials (`kafka_detail` with `user_name` and `password`, the
/// other Kafka settings cannot change), or new RocketMQ settings
/// (`rocketmq_detail`, by the create rules). Whether the connection has
/// that type is the server's to say.
pub fn validate_update<S: AsRef<str>>(body: &Body<UpdateInput<S>>) -> Result<UpdateConnectionRequest, Vec<Issue>> {
    check_update(body).map(|valid| valid.to_request())
}

/// [`validate_update`] without copying anything.
pub fn check_update<S: AsRef<str>>(body: &Body<UpdateInput<S>>) -> Result<ValidUpdate<'_>, Vec<Issue>> {
    let input = match body {
        Body::Object(input) => input,
        Body::NotObject(received) => return Err(alloc::vec![not_an_object(*received)]),
    };
    let mut issues = Vec::new();
    unknown_keys(Field::Root, &input.unknown_keys, &UPDATE_KEYS, &mut issues);
    let description = match &input.description {
        Raw::Null => Some(""),
        raw => check_string(Field::Description, raw, Presence::Optional, &mut issues)
            .or_else(|| matches!(raw, Raw::Value(text) if text.as_ref().is_empty()).then_some("")),
    };
    let kafka_detail = detail(
        Field::KafkaDetail,
        &input.kafka_detail,
        None,
        &mut issues,
        kafka::check_credentials,
    );
    let rocketmq_detail = detail(
        Field::RocketmqDetail,
        &input.rocketmq_detail,
        None,
        &mut issues,
        rocketmq::check_rocketmq,
    );
    if issues.is_empty() {
        Ok(ValidUpdate {
            description,
            kafka_detail,
            rocketmq_detail,
        })
    } else {
        Err(issues)
    }
}

fn not_an_object(received: ValueKind) -> Issue {
    Issue::new(
        Field::Root,
        IssueKind::InvalidType {
            expected: ValueKind::Object,
            received,
        },
    )
}

/// One issue naming the properties an object should not have, with a
/// "did you mean" for the first that looks like a known one.
pub(crate) fn unknown_keys<S: AsRef<str>>(field: Field, keys: &[S], known: &[&'static str], issues: &mut Vec<Issue>) {
    if keys.is_empty() {
        return;
    }
    let suggestion = keys
        .iter()
        .find_map(|key| suggest_key(key.as_ref(), known).map(|known_key| (quote(key.as_ref()), known_key)));
    issues.push(Issue::new(
        field,
        IssueKind::UnrecognizedKeys {
            keys: keys
                .iter()
                .take(UNKNOWN_KEYS_LISTED)
                .map(|key| quote(key.as_ref()))
                .collect(),
            more: keys.len().saturating_sub(UNKNOWN_KEYS_LISTED),
            suggestion,
        },
    ));
}

/// The known key that `key` most likely meant: the same in snake_case
/// (`vpcId`, `VPC-ID`), or an older API name (`sasl_ssl`, `username`).
pub fn suggest_key(key: &str, known: &[&'static str]) -> Option<&'static str> {
    let legacy = match key {
        "sasl_ssl" | "saslSsl" => Some("enable_sasl_ssl"),
        "username" | "userName" => Some("user_name"),
        _ => None,
    };
    if let Some(legacy) = legacy.filter(|name| known.contains(name)) {
        return Some(legacy);
    }
    // The key in snake_case, compared as it is produced (no allocation: an
    // object may have thousands of unknown keys).
    let snake = || {
        let mut previous_underscore = true;
        key.chars().take(64).flat_map(move |ch| {
            let underscore = ch.is_ascii_uppercase() && !previous_underscore;
            let lower = if ch == '-' || ch == ' ' {
                '_'
            } else {
                ch.to_ascii_lowercase()
            };
            previous_underscore = lower == '_';
            underscore.then_some('_').into_iter().chain(core::iter::once(lower))
        })
    };
    // Known names are ASCII and only grow in snake_case: most keys are
    // ruled out by their first letter or their length alone.
    let first = key.bytes().next().map(|byte| byte.to_ascii_lowercase());
    known.iter().copied().find(|name| {
        *name != key
            && key.is_ascii()
            && key.len() <= name.len()
            && name.bytes().next() == first
            && snake().eq(name.chars())
    })
}
