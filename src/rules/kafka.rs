//! `kafka_detail` rules.

use super::{check_string, unknown_keys, Presence};
use crate::input::{KafkaInput, Raw, ValueKind, KAFKA_KEYS};
use crate::issue::{quote, Field, Issue, IssueKind};
use crate::model::{Acks, KafkaDetail, Secret};

/// `0`, `1` or `all` (surrounding whitespace is its own rule).
pub fn acks(value: &str) -> Result<Acks, IssueKind> {
    Acks::parse(value.trim()).ok_or_else(|| IssueKind::AcksValue { received: quote(value) })
}

/// A SASL credential (`user_name`, `password`): required when SASL_SSL is
/// enabled, otherwise optional; returns the value when it has no issue.
pub fn sasl_credential(field: Field, raw: &Raw<String>, sasl_enabled: bool, issues: &mut Vec<Issue>) -> Option<String> {
    let missing = match raw {
        Raw::Value(value) => value.is_empty(),
        Raw::Missing | Raw::Null => true,
        Raw::WrongType(_) => false,
    };
    if sasl_enabled && missing {
        issues.push(Issue::new(field, IssueKind::RequiredForSasl));
        return None;
    }
    check_string(field, raw, Presence::Optional, issues)
}

/// Every rule of `kafka_detail`; the normalized detail when it has no issue.
pub(super) fn check_kafka(input: &KafkaInput, issues: &mut Vec<Issue>) -> Option<KafkaDetail> {
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
    let enable_sasl_ssl = match input.enable_sasl_ssl {
        Raw::Value(enabled) => enabled,
        Raw::Missing | Raw::Null => false,
        Raw::WrongType(received) => {
            issues.push(Issue::new(
                Field::EnableSaslSsl,
                IssueKind::InvalidType {
                    expected: ValueKind::Boolean,
                    received,
                },
            ));
            false
        }
    };
    let user_name = sasl_credential(Field::UserName, &input.user_name, enable_sasl_ssl, issues);
    let password = sasl_credential(Field::Password, &input.password, enable_sasl_ssl, issues);
    let acks = check_string(Field::Acks, &input.acks, Presence::Optional, issues)
        .map(|value| acks(&value).unwrap_or_default())
        .unwrap_or_default();
    if issues.len() > before {
        return None;
    }
    Some(KafkaDetail {
        instance_id: instance_id?,
        addr: addr?,
        security_protocol,
        enable_sasl_ssl,
        user_name,
        password: password.map(Secret::new),
        acks,
    })
}
