//! English messages.

use super::Table;
use crate::input::ValueKind;
use crate::issue::{AddrProblem, Field, Issue, IssueKind};
use crate::rules::{PORT_MAX, PORT_MIN};

pub(super) const TABLE: Table = Table {
    tag: "en",
    native_name: "English",
    field_label,
    message,
};

fn field_label(field: Field) -> &'static str {
    match field {
        Field::Root => "The request",
        Field::Name => "Name",
        Field::Description => "Description",
        Field::VpcId => "VPC ID",
        Field::SubnetId => "Subnet ID",
        Field::Type => "Type",
        Field::KafkaDetail => "Kafka settings",
        Field::InstanceId => "Instance ID",
        Field::Addr => "Address",
        Field::SecurityProtocol => "Security protocol",
        Field::EnableSaslSsl => "SASL_SSL",
        Field::UserName => "User name",
        Field::Password => "Password",
        Field::Acks => "Acks",
    }
}

fn kind_name(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Unreadable => "a value that threw when read",
        other => other.name(),
    }
}

fn message(issue: &Issue, label: &str) -> String {
    match &issue.kind {
        IssueKind::Required if issue.field == Field::KafkaDetail => {
            format!("{label} are required when the type is KAFKA")
        }
        IssueKind::Required => format!("{label} is required"),
        IssueKind::RequiredForSasl => format!("{label} is required when SASL_SSL is enabled"),
        IssueKind::InvalidType { expected, received } => format!(
            "{label} must be {} {} (received {})",
            if *expected == ValueKind::Object { "an" } else { "a" },
            expected.name(),
            kind_name(*received)
        ),
        IssueKind::TooLong { max, actual } => format!("{label} must be at most {max} characters (it has {actual})"),
        IssueKind::SurroundingWhitespace => format!("{label} must not start or end with whitespace"),
        IssueKind::NameFirstChar { found } => {
            format!("{label} must start with a letter or digit (it starts with {found:?})")
        }
        IssueKind::NameChar { found, position } => format!(
            "{label} may contain only letters, digits, '.', '_' and '-' ({found:?} at position {position} is not allowed)"
        ),
        IssueKind::NameReserved => format!("{label} must not be \"default\", a reserved name"),
        IssueKind::TypeValue { received } => format!("{label} must be WEBHOOK or KAFKA (received \"{received}\")"),
        IssueKind::AcksValue { received } => format!("{label} must be 0, 1 or all (received \"{received}\")"),
        IssueKind::KafkaDetailNotAllowed => {
            format!("{label} are allowed only when the type is KAFKA (remove them or change the type)")
        }
        IssueKind::Addr { problem, entry, text } => {
            let what = match problem {
                AddrProblem::EmptyEntry => return format!("{label} entry {entry} is empty (remove the extra comma)"),
                AddrProblem::Whitespace => "must not have spaces around it".to_owned(),
                AddrProblem::MissingPort => "must be host:port (the port is missing)".to_owned(),
                AddrProblem::MissingHost => "must be host:port (the host is missing)".to_owned(),
                AddrProblem::PortNotNumber => "has a port that is not a number".to_owned(),
                AddrProblem::PortOutOfRange => format!("has a port outside {PORT_MIN} to {PORT_MAX}"),
                AddrProblem::UnbracketedIpv6 => "must put an IPv6 address in brackets, e.g. [::1]:9092".to_owned(),
                AddrProblem::InvalidIpv6 => "is not a valid bracketed IPv6 address".to_owned(),
                AddrProblem::InvalidIpv4 => "is not a valid IPv4 address".to_owned(),
                AddrProblem::InvalidHost => "has a host that is not a valid DNS name".to_owned(),
            };
            format!("{label} entry {entry} (\"{text}\") {what}")
        }
        IssueKind::UnrecognizedKeys { keys, more, suggestion } => {
            let listed = keys.iter().map(|key| format!("\"{key}\"")).collect::<Vec<_>>().join(", ");
            let mut sentence = if keys.len() + more == 1 {
                format!("Unknown property {listed}")
            } else if *more > 0 {
                format!("Unknown properties {listed} and {more} more")
            } else {
                format!("Unknown properties {listed}")
            };
            if let Some((key, known)) = suggestion {
                sentence.push_str(&format!(" (did you mean \"{known}\" for \"{key}\"?)"));
            }
            sentence
        }
        IssueKind::InvalidJson { detail } => format!("{label} is not valid JSON: {detail}"),
    }
}
