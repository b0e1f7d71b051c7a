//! `kafka_detail` rules.

use super::{check_flag, check_string, unknown_keys, Presence};
use crate::fields::{KAFKA_KEYS, UPDATE_KAFKA_KEYS};
use crate::input::{KafkaInput, Raw};
use crate::issue::{quote, Field, Issue, IssueKind};
use crate::model::{Acks, KafkaCredentials, KafkaDetail, Secret};
use alloc::string::String;
use alloc::vec::Vec;

/// `0`, `1` or `all` (surrounding whitespace is its own rule).
pub fn acks(value: &str) -> Result<Acks, IssueKind> {
    Acks::parse(value.trim()).ok_or_else(|| IssueKind::AcksValue { received: quote(value) })
}

/// A credential (`user_name`, `password`) of an object with a switch:
/// required when the switch (SASL_SSL for Kafka, ACL for RocketMQ) is on,
/// otherwise optional; returns the value when it has no issue.
pub fn credential_when_on<'a, S: AsRef<str>>(
    field: Field,
    raw: &'a Raw<S>,
    switched_on: bool,
    issues: &mut Vec<Issue>,
) -> Option<&'a str> {
    let missing = match raw {
        Raw::Value(value) => value.as_ref().is_empty(),
        Raw::Missing | Raw::Null => true,
        Raw::WrongType(_) | Raw::LoneSurrogate(_) => false,
    };
    if switched_on && missing {
        issues.push(Issue::new(field, IssueKind::RequiredWhenOn));
        return None;
    }
    check_string(field, raw, Presence::Optional, issues)
}

/// Kafka's SASL user name (under either of its names) and password: each
/// required when `required`, each returned when it has no issue.
fn sasl_credentials<'a, S: AsRef<str>>(
    input: &'a KafkaInput<S>,
    required: bool,
    issues: &mut Vec<Issue>,
) -> (Option<&'a str>, Option<&'a str>) {
    let user_name = merge_alias(
        Field::UserName,
        &input.user_name,
        &input.username,
        |a, b| a.as_ref() == b.as_ref(),
        issues,
    )
    .and_then(|raw| credential_when_on(Field::UserName, raw, required, issues));
    let password = credential_when_on(Field::Password, &input.password, required, issues);
    (user_name, password)
}

/// A field given under its name, its older name, or both: the value to
/// check, or `None` (with an issue) when the two differ. `null` is absent.
pub fn merge_alias<'a, T>(
    field: Field,
    current: &'a Raw<T>,
    older: &'a Raw<T>,
    same: impl Fn(&T, &T) -> bool,
    issues: &mut Vec<Issue>,
) -> Option<&'a Raw<T>> {
    let agree = match (current, older) {
        (_, Raw::Missing | Raw::Null) => return Some(current),
        (Raw::Missing | Raw::Null, _) => return Some(older),
        (Raw::Value(a), Raw::Value(b)) => same(a, b),
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

/// `kafka_detail` that passed every rule, borrowing the input's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidKafka<'a> {
    pub instance_id: &'a str,
    pub addr: &'a str,
    pub security_protocol: Option<&'a str>,
    pub enable_sasl_ssl: bool,
    pub user_name: Option<&'a str>,
    pub password: Option<&'a str>,
    pub acks: Acks,
}

impl ValidKafka<'_> {
    /// The detail to send.
    pub fn to_detail(&self) -> KafkaDetail {
        KafkaDetail {
            instance_id: String::from(self.instance_id),
            addr: String::from(self.addr),
            security_protocol: self.security_protocol.map(String::from),
            enable_sasl_ssl: self.enable_sasl_ssl,
            user_name: self.user_name.map(String::from),
            password: self.password.map(Secret::new),
            acks: self.acks,
        }
    }
}

/// Every rule of `kafka_detail`; the normalized detail when it has no issue.
pub(super) fn check_kafka<'a, S: AsRef<str>>(
    input: &'a KafkaInput<S>,
    issues: &mut Vec<Issue>,
) -> Option<ValidKafka<'a>> {
    let before = issues.len();
    unknown_keys(Field::KafkaDetail, &input.unknown_keys, &KAFKA_KEYS, issues);
    let instance_id = check_string(Field::InstanceId, &input.instance_id, Presence::Required, issues);
    let addr = check_string(Field::Addr, &input.addr, Presence::Required, issues);
    let security_protocol = check_string(
        Field::SecurityProtocol,
        &input.security_protocol,
        Presence::Optional,
        issues,
    );
    let sasl_raw = merge_alias(
        Field::EnableSaslSsl,
        &input.enable_sasl_ssl,
        &input.sasl_ssl,
        |a, b| a == b,
        issues,
    );
    let enable_sasl_ssl = check_flag(Field::EnableSaslSsl, sasl_raw.unwrap_or(&Raw::Missing), issues);
    let (user_name, password) = sasl_credentials(input, enable_sasl_ssl, issues);
    let acks = check_string(Field::Acks, &input.acks, Presence::Optional, issues)
        .map(|value| acks(value).unwrap_or_default())
        .unwrap_or_default();
    if issues.len() > before {
        return None;
    }
    Some(ValidKafka {
        instance_id: instance_id?,
        addr: addr?,
        security_protocol,
        enable_sasl_ssl,
        user_name,
        password,
        acks,
    })
}

/// New SASL credentials in an update's `kafka_detail`, borrowing the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCredentials<'a> {
    pub user_name: &'a str,
    pub password: &'a str,
}

impl ValidCredentials<'_> {
    /// The detail to send.
    pub fn to_detail(&self) -> KafkaCredentials {
        KafkaCredentials {
            user_name: String::from(self.user_name),
            password: Secret::new(self.password),
        }
    }
}

/// An update's `kafka_detail`: a new user name and password, both required
/// (a rotation replaces the pair); the other Kafka settings cannot change.
pub(super) fn check_credentials<'a, S: AsRef<str>>(
    input: &'a KafkaInput<S>,
    issues: &mut Vec<Issue>,
) -> Option<ValidCredentials<'a>> {
    let before = issues.len();
    let fixed: Vec<String> = [
        (&input.instance_id, "instance_id"),
        (&input.addr, "addr"),
        (&input.security_protocol, "security_protocol"),
        (&input.acks, "acks"),
    ]
    .into_iter()
    .filter(|(raw, _)| !raw.is_absent())
    .map(|(_, key)| String::from(key))
    .chain(
        [
            (&input.enable_sasl_ssl, "enable_sasl_ssl"),
            (&input.sasl_ssl, "sasl_ssl"),
        ]
        .into_iter()
        .filter(|(raw, _)| !raw.is_absent())
        .map(|(_, key)| String::from(key)),
    )
    .collect();
    if !fixed.is_empty() {
        issues.push(Issue::new(Field::KafkaDetail, IssueKind::NotUpdatable { keys: fixed }));
    }
    unknown_keys(Field::KafkaDetail, &input.unknown_keys, &UPDATE_KAFKA_KEYS, issues);
    let (user_name, password) = sasl_credentials(input, true, issues);
    if issues.len() > before {
        return None;
    }
    Some(ValidCredentials {
        user_name: user_name?,
        password: password?,
    })
}
