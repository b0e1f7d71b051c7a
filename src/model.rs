//! Wire types of the EG connections API (no rules; serde behind the
//! `serde` feature, which everything but the npm validator's wasm turns on).
//!
//! Requests serialize exactly what the API expects: current field names
//! (`enable_sasl_ssl`, `user_name`) and the uppercase `type`. Responses are
//! read leniently: unknown fields are ignored, missing fields default, the
//! `{}` placeholders of the reference example read as "absent", and the
//! older Kafka names (`sasl_ssl`, `username`) are accepted.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
#[cfg(feature = "serde")]
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A string that never shows in `Debug` output (the Kafka password).
#[derive(Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }
    /// The secret itself, for the one place that must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(\"***\")")
    }
}

#[cfg(feature = "serde")]
impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

pub use crate::fields::ConnectionType;

#[cfg(feature = "serde")]
impl Serialize for ConnectionType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for ConnectionType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        ConnectionType::parse(&value)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown connection type {value:?}")))
    }
}

/// A connection's `type` as a response states it: a type this build knows,
/// one it does not (a newer service's), kept as sent, or nothing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum ReportedType {
    /// No type in the answer (absent, `null`, or the `{}` placeholder).
    #[default]
    Absent,
    Known(ConnectionType),
    /// A type this build does not know, exactly as the server sent it.
    Other(String),
}

impl ReportedType {
    /// What to show: the wire value, the unknown text as sent, or `""`.
    pub fn as_str(&self) -> &str {
        match self {
            ReportedType::Absent => "",
            ReportedType::Known(kind) => kind.as_str(),
            ReportedType::Other(text) => text,
        }
    }

    /// The known type, if it is one.
    pub fn known(&self) -> Option<ConnectionType> {
        match self {
            ReportedType::Known(kind) => Some(*kind),
            _ => None,
        }
    }

    /// Whether the answer had no type.
    pub fn is_absent(&self) -> bool {
        *self == ReportedType::Absent
    }
}

impl From<ConnectionType> for ReportedType {
    fn from(kind: ConnectionType) -> Self {
        ReportedType::Known(kind)
    }
}

#[cfg(feature = "serde")]
impl Serialize for ReportedType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ReportedType::Absent => serializer.serialize_none(),
            other => serializer.serialize_str(other.as_str()),
        }
    }
}

/// Kafka producer acknowledgements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub enum Acks {
    /// The producer does not wait: no delivery guarantee.
    #[cfg_attr(feature = "serde", serde(rename = "0"))]
    None,
    /// The leader's write is enough (the API's default).
    #[default]
    #[cfg_attr(feature = "serde", serde(rename = "1"))]
    Leader,
    /// Every in-sync replica must acknowledge.
    #[cfg_attr(feature = "serde", serde(rename = "all"))]
    All,
}

impl Acks {
    /// Every value, in the order a form offers them.
    pub const ALL_VALUES: [Acks; 3] = [Acks::None, Acks::Leader, Acks::All];

    /// The wire value: `0`, `1` or `all`.
    pub fn as_str(self) -> &'static str {
        match self {
            Acks::None => "0",
            Acks::Leader => "1",
            Acks::All => "all",
        }
    }

    /// Reads a wire value exactly (no case folding: the API documents lowercase `all`).
    pub fn parse(value: &str) -> Option<Self> {
        Acks::ALL_VALUES.into_iter().find(|acks| acks.as_str() == value)
    }
}

/// `kafka_detail` of a create request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct KafkaDetail {
    pub instance_id: String,
    pub addr: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub security_protocol: Option<String>,
    pub enable_sasl_ssl: bool,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub user_name: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub password: Option<Secret>,
    pub acks: Acks,
}

/// `rocketmq_detail` of a create request (and of an update, which replaces it).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct RocketmqDetail {
    pub instance_id: String,
    pub addr: String,
    pub use_tls: bool,
    pub enable_acl: bool,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub user_name: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub password: Option<Secret>,
}

/// `kafka_detail` of an update: new SASL credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct KafkaCredentials {
    pub user_name: String,
    pub password: Secret,
}

/// A connection's type and its detail object, as a request sends them:
/// `"type"` and, for a type that has one, its detail object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    Webhook,
    Kafka(KafkaDetail),
    Rocketmq(RocketmqDetail),
}

impl Detail {
    /// The connection type.
    pub fn kind(&self) -> ConnectionType {
        match self {
            Detail::Webhook => ConnectionType::Webhook,
            Detail::Kafka(_) => ConnectionType::Kafka,
            Detail::Rocketmq(_) => ConnectionType::Rocketmq,
        }
    }

    /// The detail object's response view (no password).
    pub fn info(&self) -> DetailInfo {
        match self {
            Detail::Webhook => DetailInfo::Webhook,
            Detail::Kafka(kafka) => DetailInfo::Kafka(KafkaDetailInfo::from(kafka)),
            Detail::Rocketmq(rocketmq) => DetailInfo::Rocketmq(RocketmqDetailInfo::from(rocketmq)),
        }
    }
}

#[cfg(feature = "serde")]
impl Serialize for Detail {
    /// `"type"`, then the detail object under its key (flattened into the body).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", &self.kind())?;
        match self {
            Detail::Webhook => {}
            Detail::Kafka(kafka) => map.serialize_entry(detail_key(ConnectionType::Kafka), kafka)?,
            Detail::Rocketmq(rocketmq) => map.serialize_entry(detail_key(ConnectionType::Rocketmq), rocketmq)?,
        }
        map.end()
    }
}

/// The property a type's detail object goes under (`kafka_detail`).
#[cfg(feature = "serde")]
fn detail_key(kind: ConnectionType) -> &'static str {
    kind.spec()
        .detail
        .and_then(crate::Field::spec)
        .map_or("", |spec| spec.key())
}

/// The body of `POST /v1/{project_id}/connections`, as validated and
/// normalized by [`crate::rules::validate_create`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct CreateConnectionRequest {
    pub name: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub description: Option<String>,
    pub vpc_id: String,
    pub subnet_id: String,
    /// `type` and its detail object.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub detail: Detail,
}

impl CreateConnectionRequest {
    /// The connection type.
    pub fn connection_type(&self) -> ConnectionType {
        self.detail.kind()
    }
}

/// What an update changes in the connection's detail object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetailUpdate {
    /// New SASL credentials of a Kafka connection.
    Kafka(KafkaCredentials),
    /// New settings of a RocketMQ connection (the whole detail).
    Rocketmq(RocketmqDetail),
}

impl DetailUpdate {
    /// The type of connection this update is for.
    pub fn kind(&self) -> ConnectionType {
        match self {
            DetailUpdate::Kafka(_) => ConnectionType::Kafka,
            DetailUpdate::Rocketmq(_) => ConnectionType::Rocketmq,
        }
    }
}

#[cfg(feature = "serde")]
impl Serialize for DetailUpdate {
    /// The detail object under its key (flattened into the body).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        let key = detail_key(self.kind());
        match self {
            DetailUpdate::Kafka(credentials) => map.serialize_entry(key, credentials)?,
            DetailUpdate::Rocketmq(rocketmq) => map.serialize_entry(key, rocketmq)?,
        }
        map.end()
    }
}

/// The body of `PUT /v1/{project_id}/connections/{connection_id}`, as
/// validated by [`crate::rules::validate_update`]: what is absent stays as it is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct UpdateConnectionRequest {
    /// `Some("")` clears it.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub description: Option<String>,
    /// New settings of the connection's type.
    #[cfg_attr(feature = "serde", serde(flatten, skip_serializing_if = "Option::is_none"))]
    pub detail: Option<DetailUpdate>,
}

/// `kafka_detail` as a response shows it: every field optional, old names accepted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct KafkaDetailInfo {
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub instance_id: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub addr: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub security_protocol: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub enable_sasl_ssl: Option<bool>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub user_name: Option<String>,
    /// Some servers echo the password: a client must mask it.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub password: Option<Secret>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub acks: Option<String>,
}

impl From<&KafkaDetail> for KafkaDetailInfo {
    /// The response view of a request's detail, without the password.
    fn from(detail: &KafkaDetail) -> Self {
        KafkaDetailInfo {
            instance_id: Some(detail.instance_id.clone()),
            addr: Some(detail.addr.clone()),
            security_protocol: detail.security_protocol.clone(),
            enable_sasl_ssl: Some(detail.enable_sasl_ssl),
            user_name: detail.user_name.clone(),
            password: None,
            acks: Some(String::from(detail.acks.as_str())),
        }
    }
}

/// `rocketmq_detail` as a response shows it: every field optional.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct RocketmqDetailInfo {
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub instance_id: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub addr: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub use_tls: Option<bool>,
    /// A boolean; the Chinese Update page types it as a string, so the
    /// strings `"true"`/`"false"` are read too.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub enable_acl: Option<bool>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub user_name: Option<String>,
    /// Some servers echo the password: a client must mask it.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub password: Option<Secret>,
}

impl From<&RocketmqDetail> for RocketmqDetailInfo {
    /// The response view of a request's detail, without the password.
    fn from(detail: &RocketmqDetail) -> Self {
        RocketmqDetailInfo {
            instance_id: Some(detail.instance_id.clone()),
            addr: Some(detail.addr.clone()),
            use_tls: Some(detail.use_tls),
            enable_acl: Some(detail.enable_acl),
            user_name: detail.user_name.clone(),
            password: None,
        }
    }
}

/// A connection's type and its detail object as a server keeps it: the
/// emulator's store, and what a response's `type` and detail members say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetailInfo {
    Webhook,
    Kafka(KafkaDetailInfo),
    Rocketmq(RocketmqDetailInfo),
}

impl DetailInfo {
    /// The connection type.
    pub fn kind(&self) -> ConnectionType {
        match self {
            DetailInfo::Webhook => ConnectionType::Webhook,
            DetailInfo::Kafka(_) => ConnectionType::Kafka,
            DetailInfo::Rocketmq(_) => ConnectionType::Rocketmq,
        }
    }

    /// The text of one of the detail object's string fields, if set.
    pub fn text(&self, field: crate::Field) -> Option<&str> {
        use crate::Field as F;
        match self {
            DetailInfo::Webhook => None,
            DetailInfo::Kafka(kafka) => match field {
                F::InstanceId => kafka.instance_id.as_deref(),
                F::Addr => kafka.addr.as_deref(),
                F::SecurityProtocol => kafka.security_protocol.as_deref(),
                F::UserName => kafka.user_name.as_deref(),
                F::Acks => kafka.acks.as_deref(),
                _ => None,
            },
            DetailInfo::Rocketmq(rocketmq) => match field {
                F::RocketmqInstanceId => rocketmq.instance_id.as_deref(),
                F::RocketmqAddr => rocketmq.addr.as_deref(),
                F::RocketmqUserName => rocketmq.user_name.as_deref(),
                _ => None,
            },
        }
    }

    /// One of the detail object's switches, if set.
    pub fn flag(&self, field: crate::Field) -> Option<bool> {
        use crate::Field as F;
        match self {
            DetailInfo::Webhook => None,
            DetailInfo::Kafka(kafka) => match field {
                F::EnableSaslSsl => kafka.enable_sasl_ssl,
                _ => None,
            },
            DetailInfo::Rocketmq(rocketmq) => match field {
                F::UseTls => rocketmq.use_tls,
                F::EnableAcl => rocketmq.enable_acl,
                _ => None,
            },
        }
    }

    /// Whether the server echoed a password (a client must mask it).
    pub fn has_password(&self) -> bool {
        match self {
            DetailInfo::Webhook => false,
            DetailInfo::Kafka(kafka) => kafka.password.is_some(),
            DetailInfo::Rocketmq(rocketmq) => rocketmq.password.is_some(),
        }
    }

    /// The instance the connection reaches, for the list's filter.
    pub fn instance_id(&self) -> Option<&str> {
        self.text(self.kind().spec().instance_id?)
    }

    /// Whether the type's credentials are switched on (SASL_SSL, ACL).
    pub fn credentials_on(&self) -> bool {
        self.kind()
            .spec()
            .switch
            .and_then(|switch| self.flag(switch))
            .unwrap_or(false)
    }

    /// Applies an update's change: Kafka's new credentials (only with
    /// SASL_SSL on), RocketMQ's new settings (replacing them whole). The
    /// password is not kept: nothing here needs it after validation.
    pub fn apply(&mut self, change: &DetailUpdate) -> Result<(), DetailRefusal> {
        let other_type = || DetailRefusal::OtherType(change.kind());
        match change {
            DetailUpdate::Kafka(credentials) => {
                let DetailInfo::Kafka(kafka) = self else {
                    return Err(other_type());
                };
                if kafka.enable_sasl_ssl != Some(true) {
                    return Err(DetailRefusal::CredentialsOff);
                }
                kafka.user_name = Some(credentials.user_name.clone());
            }
            DetailUpdate::Rocketmq(rocketmq) => {
                let DetailInfo::Rocketmq(_) = self else {
                    return Err(other_type());
                };
                *self = DetailInfo::Rocketmq(RocketmqDetailInfo::from(rocketmq));
            }
        }
        Ok(())
    }

    /// Reads a detail object of `kind` from its JSON text (`None`: the type
    /// has none, or none was kept).
    #[cfg(feature = "json")]
    pub fn from_json(kind: ConnectionType, text: Option<&str>) -> serde_json::Result<DetailInfo> {
        fn read<T: serde::de::DeserializeOwned + Default>(text: Option<&str>) -> serde_json::Result<T> {
            Ok(text.map(serde_json::from_str).transpose()?.unwrap_or_default())
        }
        Ok(match kind {
            ConnectionType::Webhook => DetailInfo::Webhook,
            ConnectionType::Kafka => DetailInfo::Kafka(read(text)?),
            ConnectionType::Rocketmq => DetailInfo::Rocketmq(read(text)?),
        })
    }

    /// The detail object as JSON text, if the type has one.
    #[cfg(feature = "json")]
    pub fn to_json(&self) -> Option<String> {
        match self {
            DetailInfo::Webhook => None,
            DetailInfo::Kafka(kafka) => serde_json::to_string(kafka).ok(),
            DetailInfo::Rocketmq(rocketmq) => serde_json::to_string(rocketmq).ok(),
        }
    }

    /// Puts the detail into a response's members.
    pub fn fill(self, info: &mut ConnectionInfo) {
        info.connection_type = ReportedType::Known(self.kind());
        match self {
            DetailInfo::Webhook => {}
            DetailInfo::Kafka(kafka) => info.kafka_detail = Some(kafka),
            DetailInfo::Rocketmq(rocketmq) => info.rocketmq_detail = Some(rocketmq),
        }
    }
}

/// Why an update's detail change does not apply to a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailRefusal {
    /// The change is for a connection of this other type.
    OtherType(ConnectionType),
    /// New credentials for a connection whose switch (SASL_SSL) is off.
    CredentialsOff,
}

/// Why a connection failed to create.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct ErrorInfo {
    pub error_code: String,
    pub error_detail: String,
    pub error_msg: String,
}

/// The connection's capacity.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Flavor {
    pub name: String,
    /// `shared` or `exclusive`.
    pub concurrency_type: String,
    pub concurrency: i64,
    /// `shared` or `exclusive`.
    pub bandwidth_type: String,
}

/// A connection's lifecycle state.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ConnectionStatus {
    Creating,
    Created,
    CreateFailed,
    /// A state this client does not know yet, kept verbatim.
    Other(String),
}

impl Default for ConnectionStatus {
    /// A response without a status: unknown, not "creating" (nothing to wait for).
    fn default() -> Self {
        ConnectionStatus::Other(String::new())
    }
}

impl ConnectionStatus {
    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            ConnectionStatus::Creating => "CREATING",
            ConnectionStatus::Created => "CREATED",
            ConnectionStatus::CreateFailed => "CREATE_FAILED",
            ConnectionStatus::Other(value) => value,
        }
    }

    /// True while the connection may still change state on its own.
    pub fn is_pending(&self) -> bool {
        *self == ConnectionStatus::Creating
    }
}

#[cfg(feature = "serde")]
impl Serialize for ConnectionStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for ConnectionStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        Ok(match value.as_str() {
            "CREATING" => ConnectionStatus::Creating,
            "CREATED" => ConnectionStatus::Created,
            "CREATE_FAILED" => ConnectionStatus::CreateFailed,
            _ => ConnectionStatus::Other(value),
        })
    }
}

/// A connection as the API returns it (create, show, update, list items).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct ConnectionInfo {
    pub id: String,
    pub name: String,
    pub description: String,
    pub status: ConnectionStatus,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub error_info: Option<ErrorInfo>,
    pub vpc_id: String,
    pub subnet_id: String,
    pub agency: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub flavor: Option<Flavor>,
    /// As sent: a known type, an unknown one kept verbatim, or absent
    /// (nothing, `null` or the `{}` placeholder).
    #[cfg_attr(
        feature = "serde",
        serde(rename = "type", skip_serializing_if = "ReportedType::is_absent")
    )]
    pub connection_type: ReportedType,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub kafka_detail: Option<KafkaDetailInfo>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub rocketmq_detail: Option<RocketmqDetailInfo>,
    /// `YYYY-MM-DD HH:MM:SS` UTC in the reference example.
    pub created_time: String,
    pub updated_time: String,
    /// Every other member of the answer (a newer service's detail object,
    /// say), kept as sent so that a client can show it instead of dropping it.
    #[cfg(feature = "json")]
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub other_members: alloc::collections::BTreeMap<String, serde_json::Value>,
}

impl ConnectionInfo {
    /// The connection's type and its detail object, when the answer names
    /// a known type (a detail object the answer lacks reads as empty; one
    /// of another type is left in its member, shown as sent).
    pub fn detail(&self) -> Option<DetailInfo> {
        Some(match self.connection_type.known()? {
            ConnectionType::Webhook => DetailInfo::Webhook,
            ConnectionType::Kafka => DetailInfo::Kafka(self.kafka_detail.clone().unwrap_or_default()),
            ConnectionType::Rocketmq => DetailInfo::Rocketmq(self.rocketmq_detail.clone().unwrap_or_default()),
        })
    }
}

/// `GET /v1/{project_id}/connections`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct ConnectionList {
    pub total: u64,
    pub size: u64,
    pub items: Vec<ConnectionInfo>,
}

/// One entry of an error body's `error_details`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct ErrorDetail {
    /// The field path, e.g. `["kafka_detail", "addr"]`; empty for the body.
    pub path: Vec<String>,
    pub code: String,
    pub message: String,
}

/// A VPC or a subnet as VPC's lists show them (`GET /v1/{project_id}/vpcs`,
/// `GET /v1/{project_id}/subnets?vpc_id=`): what a picker shows. Read
/// from the answer's JSON by hand, leniently (a missing or odd member is
/// empty): the console parses these through `serde_json::Value`, which it
/// carries anyway, rather than a deserializer per type.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Network {
    pub id: String,
    pub name: String,
    pub cidr: String,
}

/// A Kafka or RocketMQ instance as DMS's list shows it
/// (`GET /v2/{project_id}/instances?engine=`): what a picker shows and
/// what fills the address field.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Instance {
    pub instance_id: String,
    pub name: String,
    pub status: String,
    pub engine_version: String,
    /// Kafka: the brokers' IPs, comma-separated, without ports.
    pub connect_address: String,
    /// Kafka: the port of [`Instance::connect_address`] (plaintext).
    pub port: Option<u64>,
    /// Kafka: the private `host:port` lists of `port_protocols`, for
    /// plaintext, SASL_SSL and SASL_PLAINTEXT.
    pub private_addresses: [String; 3],
    /// RocketMQ: the name servers, `host:port` separated by `;`.
    pub namesrv_address: String,
}

/// The port DMS for Kafka gives SASL access inside a VPC when an instance
/// lists no per-protocol addresses (plaintext has [`Instance::port`], 9092).
const KAFKA_SASL_PORT: u64 = 9093;

#[cfg(feature = "json")]
fn member(value: &serde_json::Value, key: &str) -> String {
    value
        .get(key)
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
        .into()
}

#[cfg(feature = "json")]
fn entries<'a>(answer: &'a serde_json::Value, key: &str) -> impl Iterator<Item = &'a serde_json::Value> {
    answer
        .get(key)
        .and_then(serde_json::Value::as_array)
        .into_iter()
        .flatten()
}

#[cfg(feature = "json")]
impl Network {
    /// The `key` list (`vpcs`, `subnets`) of an answer.
    pub fn list(answer: &serde_json::Value, key: &str) -> Vec<Network> {
        entries(answer, key)
            .map(|entry| Network {
                id: member(entry, "id"),
                name: member(entry, "name"),
                cidr: member(entry, "cidr"),
            })
            .collect()
    }
}

#[cfg(feature = "json")]
impl Instance {
    /// The `instances` of a DMS answer.
    pub fn list(answer: &serde_json::Value) -> Vec<Instance> {
        entries(answer, "instances")
            .map(|entry| {
                let protocols = entry.get("port_protocols").cloned().unwrap_or_default();
                Instance {
                    instance_id: member(entry, "instance_id"),
                    name: member(entry, "name"),
                    status: member(entry, "status"),
                    engine_version: member(entry, "engine_version"),
                    connect_address: member(entry, "connect_address"),
                    port: entry.get("port").and_then(serde_json::Value::as_u64),
                    private_addresses: ["plain", "sasl_ssl", "sasl_plaintext"]
                        .map(|protocol| member(&protocols, &alloc::format!("private_{protocol}_address"))),
                    namesrv_address: member(entry, "namesrv_address"),
                }
            })
            .collect()
    }
}

impl Instance {
    /// The address list a connection of `kind` to this instance needs:
    /// RocketMQ's name servers; Kafka's brokers at the port of
    /// `security_protocol` (`None`: plaintext access), from the instance's
    /// per-protocol addresses, or its IPs with the protocol's usual port.
    pub fn address_for(&self, kind: ConnectionType, security_protocol: Option<&str>) -> String {
        match kind {
            ConnectionType::Webhook => String::new(),
            ConnectionType::Rocketmq => self.namesrv_address.clone(),
            ConnectionType::Kafka => {
                let (listed, port) = match security_protocol {
                    None => (0, self.port.unwrap_or(9092)),
                    Some("SASL_PLAINTEXT") => (2, KAFKA_SASL_PORT),
                    Some(_) => (1, KAFKA_SASL_PORT),
                };
                if !self.private_addresses[listed].is_empty() {
                    return self.private_addresses[listed].clone();
                }
                self.connect_address
                    .split(',')
                    .map(str::trim)
                    .filter(|ip| !ip.is_empty())
                    .map(|ip| alloc::format!("{ip}:{port}"))
                    .collect::<Vec<_>>()
                    .join(",")
            }
        }
    }
}

/// The connection quota's `(used, quota)` in EG's ListQuotas answer
/// (`{"quotas": {"resources": [{"type": "CONNECTION", ...}]}}`).
#[cfg(feature = "json")]
pub fn connection_quota(answer: &serde_json::Value) -> Option<(i64, i64)> {
    let quotas = answer.get("quotas")?;
    let quota = entries(quotas, "resources").find(|quota| member(quota, "type") == "CONNECTION")?;
    let number = |key: &str| quota.get(key).and_then(serde_json::Value::as_i64);
    Some((number("used")?, number("quota")?))
}

/// The error codes this crate reads or answers, named once (the EG API
/// reference's error code table, and the API gateway's for signatures).
pub mod error_code {
    /// 400: the request is malformed.
    pub const BAD_REQUEST: &str = "EG.00014000";
    /// 401: the token is missing, invalid or expired.
    pub const UNAUTHORIZED: &str = "EG.00014010";
    /// 403: the caller lacks a permission (or the project is not theirs).
    pub const FORBIDDEN: &str = "EG.00014030";
    /// 404: no such resource.
    pub const NOT_FOUND: &str = "EG.00014040";
    /// 500: an internal error.
    pub const INTERNAL: &str = "EG.00015000";
    /// 403: this account may not create the agency EventGrid needs.
    pub const AGENCY_NOT_PERMITTED: &str = "EG.00512002";
    /// 403: the agency EventGrid needs does not exist.
    pub const AGENCY_MISSING: &str = "EG.00512003";
    /// 400: invalid parameters (the details name the fields).
    pub const INVALID_PARAMETERS: &str = "EG.00513000";
    /// 400: a connection with this name exists in the project.
    pub const NAME_DUPLICATED: &str = "EG.00513001";
    /// The status error of a connection whose creation failed.
    pub const CREATE_FAILED: &str = "EG.00513006";
    /// 403: the project has used its quota of this resource ("resource
    /// quota unavailable"; a create past the connection quota).
    pub const QUOTA_UNAVAILABLE: &str = "EG.00514003";
    /// 403: the resource may not be changed in its current state ("resource
    /// not modified"; the emulator answers it to deleting a connection that
    /// is still `CREATING`).
    pub const NOT_MODIFIABLE: &str = "EG.00514004";
    /// 401 from the API gateway: the AK/SK signature was refused.
    pub const SIGNATURE_REFUSED: &str = "APIGW.0301";
}

/// The EG error body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct ErrorBody {
    pub error_code: String,
    pub error_msg: String,
    /// Per-field details; a server that sends a plain string gets one
    /// detail with that message.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub error_details: Vec<ErrorDetail>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub request_id: Option<String>,
}

/// Reading answers leniently, through `serde_json::Value`: what real
/// servers send besides the documented shape is read, never refused. A
/// member of the wrong kind reads as absent; `{}`, `null` and an object
/// with nothing this build knows read as an absent object; the older Kafka
/// names (`sasl_ssl`, `username`) are read when the current ones are not
/// there; `enable_acl` may be the text `"true"`/`"false"` (the Chinese
/// Update page types it so); `error_details` may be a plain string.
///
/// One reader for every user: each type's `Deserialize` goes through it,
/// and the console calls it on the JSON value it has parsed anyway (a
/// derived deserializer per type measured 4.5 KB more of the console's
/// brotli wasm).
#[cfg(feature = "json")]
mod read {
    use super::*;
    use serde_json::{Map, Value};

    /// `key` when it is text.
    pub fn text(object: &Map<String, Value>, key: &str) -> Option<String> {
        object.get(key).and_then(Value::as_str).map(String::from)
    }

    /// `key`'s text, or empty.
    pub fn string(object: &Map<String, Value>, key: &str) -> String {
        text(object, key).unwrap_or_default()
    }

    /// A boolean, or the text `"true"`/`"false"` (any case).
    pub fn flag(value: Option<&Value>) -> Option<bool> {
        match value? {
            Value::Bool(flag) => Some(*flag),
            Value::String(text) if text.eq_ignore_ascii_case("true") => Some(true),
            Value::String(text) if text.eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        }
    }

    /// A nested object read by `read`; absent when it is not an object or
    /// says nothing this build reads.
    pub fn nested<T: Default + PartialEq>(value: Option<&Value>, read: fn(&Map<String, Value>) -> T) -> Option<T> {
        Some(read(value?.as_object()?)).filter(|read| *read != T::default())
    }

    /// `Deserialize` through [`Value`] and a reader of objects.
    pub fn deserialize<'de, D: Deserializer<'de>, T>(
        deserializer: D,
        read: fn(&Map<String, Value>) -> T,
    ) -> Result<T, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::Object(object) => Ok(read(&object)),
            _ => Err(serde::de::Error::custom("expected a JSON object")),
        }
    }

    pub fn kafka(object: &Map<String, Value>) -> KafkaDetailInfo {
        let either = |name: &str, older: &str| object.get(name).or_else(|| object.get(older));
        KafkaDetailInfo {
            instance_id: text(object, "instance_id"),
            addr: text(object, "addr"),
            security_protocol: text(object, "security_protocol"),
            enable_sasl_ssl: either("enable_sasl_ssl", "sasl_ssl").and_then(Value::as_bool),
            user_name: either("user_name", "username")
                .and_then(Value::as_str)
                .map(String::from),
            password: text(object, "password").map(Secret),
            acks: text(object, "acks"),
        }
    }

    pub fn rocketmq(object: &Map<String, Value>) -> RocketmqDetailInfo {
        RocketmqDetailInfo {
            instance_id: text(object, "instance_id"),
            addr: text(object, "addr"),
            use_tls: object.get("use_tls").and_then(Value::as_bool),
            enable_acl: flag(object.get("enable_acl")),
            user_name: text(object, "user_name"),
            password: text(object, "password").map(Secret),
        }
    }

    pub fn error_info(object: &Map<String, Value>) -> ErrorInfo {
        ErrorInfo {
            error_code: string(object, "error_code"),
            error_detail: string(object, "error_detail"),
            error_msg: string(object, "error_msg"),
        }
    }

    pub fn flavor(object: &Map<String, Value>) -> Flavor {
        Flavor {
            name: string(object, "name"),
            concurrency_type: string(object, "concurrency_type"),
            concurrency: object.get("concurrency").and_then(Value::as_i64).unwrap_or_default(),
            bandwidth_type: string(object, "bandwidth_type"),
        }
    }

    /// The members [`connection`] reads; every other one is kept as sent.
    const CONNECTION_MEMBERS: [&str; 14] = [
        "id",
        "name",
        "description",
        "status",
        "error_info",
        "vpc_id",
        "subnet_id",
        "agency",
        "flavor",
        "type",
        "kafka_detail",
        "rocketmq_detail",
        "created_time",
        "updated_time",
    ];

    pub fn connection(object: &Map<String, Value>) -> ConnectionInfo {
        let status = string(object, "status");
        ConnectionInfo {
            id: string(object, "id"),
            name: string(object, "name"),
            description: string(object, "description"),
            status: match status.as_str() {
                "CREATING" => ConnectionStatus::Creating,
                "CREATED" => ConnectionStatus::Created,
                "CREATE_FAILED" => ConnectionStatus::CreateFailed,
                _ => ConnectionStatus::Other(status),
            },
            error_info: nested(object.get("error_info"), error_info),
            vpc_id: string(object, "vpc_id"),
            subnet_id: string(object, "subnet_id"),
            agency: string(object, "agency"),
            flavor: nested(object.get("flavor"), flavor),
            connection_type: match string(object, "type") {
                text if text.is_empty() => ReportedType::Absent,
                text => ConnectionType::parse(&text).map_or(ReportedType::Other(text), ReportedType::Known),
            },
            kafka_detail: nested(object.get("kafka_detail"), kafka),
            rocketmq_detail: nested(object.get("rocketmq_detail"), rocketmq),
            created_time: string(object, "created_time"),
            updated_time: string(object, "updated_time"),
            other_members: other_members(object),
        }
    }

    /// The members this crate does not model, kept as sent. Inserted one by
    /// one, not collected: `collect` into a `BTreeMap` sorts first, which
    /// brings a stable sort (about 3 KB) into the console's wasm.
    fn other_members(object: &Map<String, Value>) -> alloc::collections::BTreeMap<String, Value> {
        let mut members = alloc::collections::BTreeMap::new();
        for (key, value) in object {
            if !CONNECTION_MEMBERS.contains(&key.as_str()) {
                members.insert(key.clone(), value.clone());
            }
        }
        members
    }

    pub fn connection_list(object: &Map<String, Value>) -> ConnectionList {
        let count = |key: &str| object.get(key).and_then(Value::as_u64).unwrap_or_default();
        ConnectionList {
            total: count("total"),
            size: count("size"),
            items: object
                .get("items")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_object)
                .map(connection)
                .collect(),
        }
    }

    pub fn error_detail(object: &Map<String, Value>) -> ErrorDetail {
        ErrorDetail {
            path: object
                .get("path")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect(),
            code: string(object, "code"),
            message: string(object, "message"),
        }
    }

    pub fn error_body(object: &Map<String, Value>) -> ErrorBody {
        ErrorBody {
            error_code: string(object, "error_code"),
            error_msg: string(object, "error_msg"),
            error_details: match object.get("error_details") {
                Some(Value::Array(details)) => details.iter().filter_map(Value::as_object).map(error_detail).collect(),
                Some(Value::String(message)) if !message.is_empty() => alloc::vec![ErrorDetail {
                    message: message.clone(),
                    ..ErrorDetail::default()
                }],
                _ => Vec::new(),
            },
            request_id: text(object, "request_id"),
        }
    }
}

/// `Deserialize` for the response types, each through its [`read`] reader.
macro_rules! read_through_value {
    ($($kind:ty => $read:path),* $(,)?) => {$(
        #[cfg(feature = "json")]
        impl<'de> Deserialize<'de> for $kind {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                read::deserialize(deserializer, $read)
            }
        }

        #[cfg(feature = "json")]
        impl $kind {
            /// Reads an answer's JSON leniently; `None` when it is not an object.
            pub fn from_value(value: &serde_json::Value) -> Option<Self> {
                value.as_object().map($read)
            }
        }
    )*};
}

read_through_value! {
    KafkaDetailInfo => read::kafka,
    RocketmqDetailInfo => read::rocketmq,
    ErrorInfo => read::error_info,
    Flavor => read::flavor,
    ConnectionInfo => read::connection,
    ConnectionList => read::connection_list,
    ErrorDetail => read::error_detail,
    ErrorBody => read::error_body,
}
/// A field the list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortField {
    CreatedTime,
    UpdatedTime,
    Name,
}

impl SortField {
    /// Every field, as the API names them.
    pub const ALL: [SortField; 3] = [SortField::CreatedTime, SortField::UpdatedTime, SortField::Name];

    /// The API's name: `created_time`, `updated_time` or `name`.
    pub fn as_str(self) -> &'static str {
        match self {
            SortField::CreatedTime => "created_time",
            SortField::UpdatedTime => "updated_time",
            SortField::Name => "name",
        }
    }
}

/// The list's `sort` parameter, `field:ASC` or `field:DESC`, shared by the
/// console (which writes it) and the emulator (which reads it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ListSort {
    pub field: SortField,
    pub descending: bool,
}

/// Why a `sort` parameter was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SortError {
    /// The part before `:` is not a sortable field.
    UnknownField(String),
    /// The part after `:` is neither `ASC` nor `DESC`.
    UnknownDirection(String),
}

impl ListSort {
    /// `created_time:DESC`, the API's default.
    pub const NEWEST_FIRST: ListSort = ListSort {
        field: SortField::CreatedTime,
        descending: true,
    };
    /// `created_time:ASC`.
    pub const OLDEST_FIRST: ListSort = ListSort {
        field: SortField::CreatedTime,
        descending: false,
    };
    /// `name:ASC`.
    pub const NAME_ASCENDING: ListSort = ListSort {
        field: SortField::Name,
        descending: false,
    };
    /// `name:DESC`.
    pub const NAME_DESCENDING: ListSort = ListSort {
        field: SortField::Name,
        descending: true,
    };

    /// Reads `field:ASC|DESC`; a field alone sorts descending, as the API does.
    pub fn parse(text: &str) -> Result<ListSort, SortError> {
        let (field, direction) = text.split_once(':').unwrap_or((text, "DESC"));
        let field = SortField::ALL
            .into_iter()
            .find(|candidate| candidate.as_str() == field)
            .ok_or_else(|| SortError::UnknownField(String::from(text)))?;
        let descending = match direction {
            "DESC" => true,
            "ASC" => false,
            _ => return Err(SortError::UnknownDirection(String::from(direction))),
        };
        Ok(ListSort { field, descending })
    }

    /// The parameter's value, e.g. `name:ASC`.
    pub fn as_param(self) -> &'static str {
        match (self.field, self.descending) {
            (SortField::CreatedTime, true) => "created_time:DESC",
            (SortField::CreatedTime, false) => "created_time:ASC",
            (SortField::UpdatedTime, true) => "updated_time:DESC",
            (SortField::UpdatedTime, false) => "updated_time:ASC",
            (SortField::Name, true) => "name:DESC",
            (SortField::Name, false) => "name:ASC",
        }
    }
}

impl Default for ListSort {
    fn default() -> Self {
        ListSort::NEWEST_FIRST
    }
}
