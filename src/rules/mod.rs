//! The rules of the contract, each a small pure function, and the
//! whole-request validators that run every rule and report every issue.
//!
//! One source of truth: the console, the npm validator and the emulator all
//! call these functions.

mod addr;
mod kafka;
mod name;
mod text;

pub use addr::addr_list;
pub use kafka::{acks, sasl_credential};
pub use name::{name_charset, name_first_char, name_not_reserved};
pub use text::{max_chars, no_surrounding_whitespace};

use crate::input::{Body, CreateInput, Raw, UpdateInput, ValueKind, CREATE_KEYS};
use crate::issue::{quote, Field, Issue, IssueKind};
use crate::model::{ConnectionType, CreateConnectionRequest, UpdateConnectionRequest};

/// Most characters in a connection name.
pub const NAME_MAX_LENGTH: usize = 128;
/// Most characters in a description.
pub const DESCRIPTION_MAX_LENGTH: usize = 255;
/// Most characters in a VPC ID.
pub const VPC_ID_MAX_LENGTH: usize = 128;
/// Most characters in a subnet ID.
pub const SUBNET_ID_MAX_LENGTH: usize = 128;
/// Lowest port in a Kafka address.
pub const PORT_MIN: u32 = 1;
/// Highest port in a Kafka address.
pub const PORT_MAX: u32 = 65_535;
/// The name a connection may not have.
pub const RESERVED_NAME: &str = "default";
/// How many unknown property names one issue lists.
pub const UNKNOWN_KEYS_LISTED: usize = 5;

/// A rule on a string value.
pub type StringRule = fn(&str) -> Result<(), IssueKind>;

/// Whether an absent value is an issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Required,
    Optional,
}

/// The rules of each string field, in the order their issues are reported.
pub fn string_rules(field: Field) -> &'static [StringRule] {
    match field {
        Field::Name => &[
            no_surrounding_whitespace,
            |value| max_chars(value, NAME_MAX_LENGTH),
            name_first_char,
            name_charset,
            name_not_reserved,
        ],
        Field::Description => &[|value| max_chars(value, DESCRIPTION_MAX_LENGTH)],
        Field::VpcId => &[no_surrounding_whitespace, |value| max_chars(value, VPC_ID_MAX_LENGTH)],
        Field::SubnetId => &[no_surrounding_whitespace, |value| {
            max_chars(value, SUBNET_ID_MAX_LENGTH)
        }],
        Field::Type => &[no_surrounding_whitespace, |value| connection_type(value).map(drop)],
        Field::InstanceId | Field::SecurityProtocol | Field::UserName => &[no_surrounding_whitespace],
        Field::Addr => &[no_surrounding_whitespace, addr_list],
        Field::Acks => &[no_surrounding_whitespace, |value| acks(value).map(drop)],
        // A password may legitimately start or end with a space.
        Field::Password => &[],
        Field::Root | Field::KafkaDetail | Field::EnableSaslSsl => &[],
    }
}

/// `WEBHOOK` or `KAFKA`, either case (surrounding whitespace is its own rule).
pub fn connection_type(value: &str) -> Result<ConnectionType, IssueKind> {
    ConnectionType::parse(value.trim()).ok_or_else(|| IssueKind::TypeValue { received: quote(value) })
}

/// Checks one string field: presence, type, then every rule of
/// [`string_rules`]. Returns the value when the field has no issue.
///
/// An empty string counts as absent: a form's empty optional input is not
/// sent, and a required one is reported as missing.
pub fn check_string(field: Field, raw: &Raw<String>, presence: Presence, issues: &mut Vec<Issue>) -> Option<String> {
    let value = match raw {
        Raw::Value(value) if !value.is_empty() => value,
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
        _ => {
            if presence == Presence::Required {
                issues.push(Issue::new(field, IssueKind::Required));
            }
            return None;
        }
    };
    let before = issues.len();
    issues.extend(
        string_rules(field)
            .iter()
            .filter_map(|rule| rule(value).err())
            .map(|kind| Issue::new(field, kind)),
    );
    (issues.len() == before).then(|| value.clone())
}

/// Issues of one field of a create request, for live form feedback.
/// `sasl_enabled` matters only for the user name and password.
pub fn check_field(field: Field, raw: &Raw<String>, sasl_enabled: bool) -> Vec<Issue> {
    let mut issues = Vec::new();
    let presence = match field {
        Field::Name | Field::VpcId | Field::SubnetId | Field::InstanceId | Field::Addr => Presence::Required,
        Field::UserName | Field::Password => {
            sasl_credential(field, raw, sasl_enabled, &mut issues);
            return issues;
        }
        _ => Presence::Optional,
    };
    check_string(field, raw, presence, &mut issues);
    issues
}

/// Validates a create request body and, when it has no issue, returns the
/// exact body to send: uppercase type, defaults filled (acks `1`,
/// `enable_sasl_ssl` false), no `kafka_detail` for WEBHOOK, empty optional
/// strings left out. Otherwise returns every issue, in form order.
pub fn validate_create(body: &Body<CreateInput>) -> Result<CreateConnectionRequest, Vec<Issue>> {
    match body {
        Body::Object(input) => validate_create_input(input),
        Body::NotObject(received) => Err(vec![not_an_object(*received)]),
    }
}

/// [`validate_create`] for a body known to be an object.
pub fn validate_create_input(input: &CreateInput) -> Result<CreateConnectionRequest, Vec<Issue>> {
    let mut issues = Vec::new();
    unknown_keys(Field::Root, &input.unknown_keys, &CREATE_KEYS, &mut issues);
    let name = check_string(Field::Name, &input.name, Presence::Required, &mut issues);
    let description = check_string(Field::Description, &input.description, Presence::Optional, &mut issues);
    let vpc_id = check_string(Field::VpcId, &input.vpc_id, Presence::Required, &mut issues);
    let subnet_id = check_string(Field::SubnetId, &input.subnet_id, Presence::Required, &mut issues);
    let type_issues = issues.len();
    let connection_type = check_string(Field::Type, &input.connection_type, Presence::Optional, &mut issues)
        .map(|value| connection_type(&value).unwrap_or_default());
    // A bad type leaves open whether Kafka settings belong: check them if
    // given, but neither demand nor forbid them.
    let connection_type = match (connection_type, issues.len() > type_issues) {
        (_, true) => None,
        (None, false) => Some(ConnectionType::default()),
        (Some(kind), false) => Some(kind),
    };
    let kafka_detail = match (&input.kafka_detail, connection_type) {
        (Raw::WrongType(received), _) => {
            issues.push(Issue::new(
                Field::KafkaDetail,
                IssueKind::InvalidType {
                    expected: ValueKind::Object,
                    received: *received,
                },
            ));
            None
        }
        (Raw::Value(_), Some(ConnectionType::Webhook)) => {
            issues.push(Issue::new(Field::KafkaDetail, IssueKind::KafkaDetailNotAllowed));
            None
        }
        (Raw::Value(kafka), _) => kafka::check_kafka(kafka, &mut issues),
        (Raw::Missing | Raw::Null, Some(ConnectionType::Kafka)) => {
            issues.push(Issue::new(Field::KafkaDetail, IssueKind::Required));
            None
        }
        (Raw::Missing | Raw::Null, _) => None,
    };
    if !issues.is_empty() {
        return Err(issues);
    }
    // No issue means every required value was present.
    let (Some(name), Some(vpc_id), Some(subnet_id), Some(connection_type)) = (name, vpc_id, subnet_id, connection_type)
    else {
        unreachable!("a required field without an issue")
    };
    Ok(CreateConnectionRequest {
        name,
        description,
        vpc_id,
        subnet_id,
        connection_type,
        kafka_detail,
    })
}

/// Validates an update body: `description` only, at most 255 characters.
pub fn validate_update(body: &Body<UpdateInput>) -> Result<UpdateConnectionRequest, Vec<Issue>> {
    let input = match body {
        Body::Object(input) => input,
        Body::NotObject(received) => return Err(vec![not_an_object(*received)]),
    };
    let mut issues = Vec::new();
    unknown_keys(Field::Root, &input.unknown_keys, &["description"], &mut issues);
    let description = check_string(Field::Description, &input.description, Presence::Optional, &mut issues);
    if issues.is_empty() {
        Ok(UpdateConnectionRequest {
            description: description.unwrap_or_default(),
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
pub(crate) fn unknown_keys(field: Field, keys: &[String], known: &[&'static str], issues: &mut Vec<Issue>) {
    if keys.is_empty() {
        return;
    }
    let suggestion = keys
        .iter()
        .find_map(|key| suggest_key(key, known).map(|known_key| (quote(key), known_key)));
    issues.push(Issue::new(
        field,
        IssueKind::UnrecognizedKeys {
            keys: keys.iter().take(UNKNOWN_KEYS_LISTED).map(|key| quote(key)).collect(),
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
    let mut snake = String::with_capacity(key.len() + 4);
    for ch in key.chars().take(64) {
        if ch.is_ascii_uppercase() && !snake.is_empty() && !snake.ends_with('_') {
            snake.push('_');
        }
        snake.push(if ch == '-' || ch == ' ' {
            '_'
        } else {
            ch.to_ascii_lowercase()
        });
    }
    known.iter().copied().find(|name| *name == snake && *name != key)
}
