//! English messages.

use super::{MessageId, Table};
use crate::input::ValueKind;
use crate::issue::Field;

pub(super) const TABLE: Table = Table {
    tag: "en",
    native_name: "English",
    field_label,
    template,
    expected_kind,
    received_kind,
    list_separator: ", ",
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
        Field::EnableSaslSsl => "Ciphertext access (SASL)",
        Field::UserName => "User name",
        Field::Password => "Password",
        Field::Acks => "Acks",
        Field::RocketmqDetail => "RocketMQ settings",
        Field::RocketmqInstanceId => "Instance ID",
        Field::RocketmqAddr => "Address",
        Field::UseTls => "TLS",
        Field::EnableAcl => "ACL",
        Field::RocketmqUserName => "User name",
        Field::RocketmqPassword => "Password",
    }
}

fn expected_kind(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Null => "a null",
        ValueKind::Boolean => "a boolean",
        ValueKind::Number => "a number",
        ValueKind::String => "a string",
        ValueKind::Array => "an array",
        ValueKind::Object => "an object",
        ValueKind::BigInt => "a bigint",
        ValueKind::Symbol => "a symbol",
        ValueKind::Function => "a function",
        ValueKind::Unreadable => "a readable value",
    }
}

fn received_kind(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Unreadable => "a value that threw when read",
        other => other.name(),
    }
}

fn template(id: MessageId) -> &'static str {
    match id {
        MessageId::Required => "{label} is required",
        MessageId::RequiredDetail => "{label} are required when the type is {0}",
        MessageId::RequiredWhenOn => "{label} is required when {0} is enabled",
        MessageId::InvalidType => "{label} must be {0} (received {1})",
        MessageId::TooLong => "{label} must be at most {0} characters (it has {1})",
        MessageId::SurroundingWhitespace => "{label} must not start or end with whitespace",
        MessageId::LoneSurrogate => "{label} is not valid Unicode text: character {0} is an unpaired UTF-16 surrogate",
        MessageId::NameFirstChar => "{label} must start with a letter or digit (it starts with {0})",
        MessageId::NameChar => {
            "{label} may contain only letters, digits, '.', '_' and '-' ({0} at position {1} is not allowed)"
        }
        MessageId::NameReserved => "{label} must not be \"default\", a reserved name",
        MessageId::TypeValue => "{label} must be WEBHOOK, KAFKA or ROCKETMQ (received \"{0}\")",
        MessageId::AcksValue => "{label} must be 0, 1 or all (received \"{0}\")",
        MessageId::DetailNotAllowed => "{label} are allowed only when the type is {0} (remove them or change the type)",
        MessageId::AddrEmpty => "{label} entry {0} is empty (remove the extra comma)",
        MessageId::AddrWhitespace => "{label} entry {0} (\"{1}\") must not have spaces around it",
        MessageId::AddrMissingPort => "{label} entry {0} (\"{1}\") must be host:port (the port is missing)",
        MessageId::AddrMissingHost => "{label} entry {0} (\"{1}\") must be host:port (the host is missing)",
        MessageId::AddrPortNotNumber => "{label} entry {0} (\"{1}\") has a port that is not a number",
        MessageId::AddrPortRange => "{label} entry {0} (\"{1}\") has a port outside {2} to {3}",
        MessageId::AddrUnbracketedIpv6 => {
            "{label} entry {0} (\"{1}\") must put an IPv6 address in brackets, e.g. [::1]:9092"
        }
        MessageId::AddrInvalidIpv6 => "{label} entry {0} (\"{1}\") is not a valid bracketed IPv6 address",
        MessageId::AddrInvalidIpv4 => "{label} entry {0} (\"{1}\") is not a valid IPv4 address",
        MessageId::AddrInvalidHost => "{label} entry {0} (\"{1}\") has a host that is not a valid DNS name",
        MessageId::UnknownProperty => "Unknown property {0}",
        MessageId::UnknownProperties => "Unknown properties {0}",
        MessageId::UnknownPropertiesMore => "Unknown properties {0} and {1} more",
        MessageId::DidYouMean => " (did you mean {0}?)",
        MessageId::AliasConflict => {
            "{label} is given twice with different values, as \"{0}\" and as its older name \"{1}\" (keep one)"
        }
        MessageId::NotUpdatable => "{label} cannot change {0} after creation (only the user name and password can)",
        MessageId::ControlChar => "{label} must not contain control characters ({0} at position {1})",
        MessageId::DetailConflict => "{label} cannot be changed together with {0}: a connection has one type",
        MessageId::SecurityProtocolValue => "{label} must be PLAINTEXT, SASL_PLAINTEXT or SASL_SSL (received \"{0}\")",
        MessageId::ProtocolNeedsSasl => "{label} {0} needs {1}: turn it on, or choose PLAINTEXT",
        MessageId::PlaintextWithSasl => {
            "{label} PLAINTEXT contradicts {0}: choose SASL_SSL or SASL_PLAINTEXT, or turn {0} off"
        }
        MessageId::AddrScheme => "{label} entry {0} must be host:port without a scheme (remove \"{1}\")",
        MessageId::AddrSemicolon => "{label} entry {0} (\"{1}\") holds a ';': separate Kafka brokers with commas",
        MessageId::NothingToUpdate => {
            "The update changes nothing: give a description, or new settings of the connection's type"
        }
        MessageId::CreateOnly => {
            "{0} cannot be changed after creation (an update changes the description and the type's settings)"
        }
    }
}
