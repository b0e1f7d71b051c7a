//! `kafka_detail` rules.

use super::{check_flag, check_string, credential_when_on, merge_alias, unknown_keys, Presence};
use crate::fields::{object_keys, PLAINTEXT, SECURITY_PROTOCOLS};
use crate::input::{older_slot, Fields, Raw};
use crate::issue::{quote, Field, Issue, IssueKind};
use crate::model::{Acks, KafkaCredentials, KafkaDetail, Secret};
use alloc::string::String;
use alloc::vec::Vec;

/// `0`, `1` or `all` (surrounding whitespace is its own rule).
pub fn acks(value: &str) -> Result<Acks, IssueKind> {
    Acks::parse(value.trim()).ok_or_else(|| IssueKind::AcksValue { received: quote(value) })
}

/// `PLAINTEXT`, `SASL_PLAINTEXT` or `SASL_SSL`: what DMS for Kafka offers
/// (plaintext access, or ciphertext access with one of two protocols; see
/// ARCHITECTURE.md). Exact case; surrounding whitespace is its own rule.
pub fn security_protocol(value: &str) -> Result<&'static str, IssueKind> {
    match value.trim() {
        "PLAINTEXT" => Ok(PLAINTEXT),
        "SASL_PLAINTEXT" => Ok(SECURITY_PROTOCOLS[1]),
        "SASL_SSL" => Ok(SECURITY_PROTOCOLS[2]),
        other => Err(IssueKind::SecurityProtocolValue { received: quote(other) }),
    }
}

/// A security protocol that contradicts the SASL switch: one issue at the
/// protocol that names both. SASL_* needs the switch on (ciphertext
/// access); PLAINTEXT means it is off.
fn protocol_agrees(protocol: &'static str, sasl_on: bool) -> Result<(), IssueKind> {
    if (protocol == PLAINTEXT) == sasl_on {
        Err(IssueKind::SecurityProtocolConflict { protocol, sasl_on })
    } else {
        Ok(())
    }
}

/// Kafka's SASL user name (under either of its names) and password: each
/// required when `required`, each returned when it has no issue.
fn sasl_credentials<'a, R: Fields + ?Sized>(
    input: &'a R,
    required: bool,
    issues: &mut Vec<Issue>,
) -> (Option<&'a str>, Option<&'a str>) {
    let user_name = merge_alias(
        Field::UserName,
        input.text(Field::UserName),
        input.text_at(older_slot(Field::UserName)),
        issues,
    )
    .and_then(|raw| credential_when_on(Field::UserName, raw, required, issues));
    let password = credential_when_on(Field::Password, input.text(Field::Password), required, issues);
    (user_name, password)
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

    /// The fields the detail carries (see [`super::ValidDetail::fields`]).
    pub(super) fn fields(&self, carried: &mut impl FnMut(Field, bool)) {
        carried(Field::KafkaDetail, true);
        carried(Field::InstanceId, true);
        carried(Field::Addr, true);
        if self.security_protocol.is_some() {
            carried(Field::SecurityProtocol, true);
        }
        carried(Field::EnableSaslSsl, self.enable_sasl_ssl);
        if self.user_name.is_some() {
            carried(Field::UserName, true);
        }
        if self.password.is_some() {
            carried(Field::Password, true);
        }
        carried(Field::Acks, true);
    }
}

/// Every rule of `kafka_detail`; the normalized detail when it has no issue.
pub(super) fn check_kafka<'a, R: Fields + ?Sized>(input: &'a R, issues: &mut Vec<Issue>) -> Option<ValidKafka<'a>> {
    let before = issues.len();
    unknown_keys(Field::KafkaDetail, input, object_keys(Field::KafkaDetail), issues);
    let instance_id = check_string(
        Field::InstanceId,
        input.text(Field::InstanceId),
        Presence::Required,
        issues,
    );
    let addr = check_string(Field::Addr, input.text(Field::Addr), Presence::Required, issues);
    let security_protocol = check_string(
        Field::SecurityProtocol,
        input.text(Field::SecurityProtocol),
        Presence::Optional,
        issues,
    );
    let before_switch = issues.len();
    let sasl_raw = merge_alias(
        Field::EnableSaslSsl,
        input.flag(Field::EnableSaslSsl),
        input.flag_at(older_slot(Field::EnableSaslSsl)),
        issues,
    );
    let enable_sasl_ssl = check_flag(Field::EnableSaslSsl, sasl_raw.unwrap_or(Raw::Missing), issues);
    // Told only when both are readable: a bad switch or protocol is its own issue.
    if let (Some(protocol), true) = (security_protocol, issues.len() == before_switch) {
        let known = self::security_protocol(protocol).unwrap_or(PLAINTEXT);
        if let Err(kind) = protocol_agrees(known, enable_sasl_ssl) {
            issues.push(Issue::new(Field::SecurityProtocol, kind));
        }
    }
    let (user_name, password) = sasl_credentials(input, enable_sasl_ssl, issues);
    let acks = check_string(Field::Acks, input.text(Field::Acks), Presence::Optional, issues)
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

    /// The fields the update carries.
    pub(super) fn fields(&self, carried: &mut impl FnMut(Field, bool)) {
        carried(Field::KafkaDetail, true);
        carried(Field::UserName, true);
        carried(Field::Password, true);
    }
}

/// An update's `kafka_detail`: a new user name and password, both required
/// (a rotation replaces the pair); the other Kafka settings cannot change.
pub(super) fn check_credentials<'a, R: Fields + ?Sized>(
    input: &'a R,
    issues: &mut Vec<Issue>,
) -> Option<ValidCredentials<'a>> {
    let before = issues.len();
    let fixed: Vec<String> = [Field::InstanceId, Field::Addr, Field::SecurityProtocol, Field::Acks]
        .into_iter()
        .filter(|field| !input.text(*field).is_absent())
        .filter_map(|field| field.spec().map(|spec| String::from(spec.key())))
        .chain(
            [
                (input.flag(Field::EnableSaslSsl), "enable_sasl_ssl"),
                (input.flag_at(older_slot(Field::EnableSaslSsl)), "sasl_ssl"),
            ]
            .into_iter()
            .filter(|(raw, _)| !raw.is_absent())
            .map(|(_, key)| String::from(key)),
        )
        .collect();
    if !fixed.is_empty() {
        issues.push(Issue::new(Field::KafkaDetail, IssueKind::NotUpdatable { keys: fixed }));
    }
    let credentials = [Field::UserName, Field::Password].map(|field| field.spec().map_or("", |spec| spec.key()));
    unknown_keys(Field::KafkaDetail, input, &credentials, issues);
    let (user_name, password) = sasl_credentials(input, true, issues);
    if issues.len() > before {
        return None;
    }
    Some(ValidCredentials {
        user_name: user_name?,
        password: password?,
    })
}
