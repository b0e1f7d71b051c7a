//! The one table of field facts: every field's path, when it is required,
//! its length limit and the family of rules it gets, written once.
//!
//! Everything else derives from [`FIELDS`]: the key lists of the input
//! layer, the rules ([`crate::rules`] picks rules by [`Family`]), the
//! console's required markers and help limits, and, through
//! `examples/npm_codegen.rs`, the npm package's JavaScript reader, its
//! buffer layout and the limits in its `.d.ts`.

/// A field of a request body. The discriminant is the field's slot in the
/// npm validator's buffer layout (and its row in [`FIELDS`], plus one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Field {
    /// The request body itself.
    Root = 0,
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
    RocketmqDetail,
    RocketmqInstanceId,
    RocketmqAddr,
    UseTls,
    EnableAcl,
    RocketmqUserName,
    RocketmqPassword,
}

/// When a field must have a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    /// Always.
    Always,
    /// Never: the field may be absent.
    Optional,
    /// When the connection type is KAFKA (`kafka_detail`).
    WhenKafka,
    /// When the connection type is ROCKETMQ (`rocketmq_detail`).
    WhenRocketmq,
    /// When the switch of the object is on: `enable_sasl_ssl` for Kafka's
    /// credentials, `enable_acl` for RocketMQ's.
    WhenSwitchedOn,
}

/// The family of rules a field's value gets (see [`crate::rules`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// A nested object (`kafka_detail`, `rocketmq_detail`).
    Object,
    /// A boolean switch (`enable_sasl_ssl`, `use_tls`, `enable_acl`).
    Flag,
    /// The connection name: identifier rules plus its character set and the reserved word.
    Name,
    /// An identifier: no surrounding whitespace (plus the length limit, if any).
    Identifier,
    /// Free text: only the length limit (`description`).
    Text,
    /// `WEBHOOK`, `KAFKA` or `ROCKETMQ`.
    ConnectionType,
    /// The Kafka address list, `host:port[,host:port...]`.
    AddrList,
    /// The RocketMQ name server list, `host:port` entries separated by `;`
    /// (RocketMQ's own separator) or `,`.
    ServerList,
    /// `0`, `1` or `all`.
    Acks,
    /// A secret: any text, spaces included, never quoted in messages.
    Secret,
}

/// The facts of one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub field: Field,
    /// JSON property names from the body down to the field.
    pub path: &'static [&'static str],
    pub requirement: Requirement,
    /// Most characters (Unicode scalar values), if limited.
    pub max_chars: Option<usize>,
    pub family: Family,
}

impl FieldSpec {
    /// The field's own property name.
    pub const fn key(&self) -> &'static str {
        // A pattern, not `path[len - 1]`: an index that could fail would
        // bring panic formatting (`core::fmt`) into the validator's wasm.
        match self.path {
            [.., key] => key,
            [] => "",
        }
    }

    /// The object the field is a property of: the body, or the object
    /// field whose key starts the path.
    pub const fn parent(&self) -> Field {
        let [object, _, ..] = self.path else {
            return Field::Root;
        };
        let mut row = 0;
        while row < FIELDS.len() {
            let spec = &FIELDS[row];
            if matches!(spec.family, Family::Object) && same_text(spec.key(), object) {
                return spec.field;
            }
            row += 1;
        }
        Field::Root
    }
}

/// `a == b`, usable in constants.
const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut index = 0;
    while index < a.len() {
        if a[index] != b[index] {
            return false;
        }
        index += 1;
    }
    true
}

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
/// Most characters in a RocketMQ instance ID (the EG API pages give 128
/// for the RocketMQ instance fields).
pub const ROCKETMQ_INSTANCE_ID_MAX_LENGTH: usize = 128;

const fn spec(
    field: Field,
    path: &'static [&'static str],
    requirement: Requirement,
    max_chars: Option<usize>,
    family: Family,
) -> FieldSpec {
    FieldSpec {
        field,
        path,
        requirement,
        max_chars,
        family,
    }
}

use Family as F;
use Requirement as R;

/// Every field but [`Field::Root`], in form order (the order issues are
/// reported in); row `i` is the field whose discriminant is `i + 1`.
pub const FIELDS: [FieldSpec; 20] = [
    spec(Field::Name, &["name"], R::Always, Some(NAME_MAX_LENGTH), F::Name),
    spec(
        Field::Description,
        &["description"],
        R::Optional,
        Some(DESCRIPTION_MAX_LENGTH),
        F::Text,
    ),
    spec(
        Field::VpcId,
        &["vpc_id"],
        R::Always,
        Some(VPC_ID_MAX_LENGTH),
        F::Identifier,
    ),
    spec(
        Field::SubnetId,
        &["subnet_id"],
        R::Always,
        Some(SUBNET_ID_MAX_LENGTH),
        F::Identifier,
    ),
    spec(Field::Type, &["type"], R::Optional, None, F::ConnectionType),
    spec(Field::KafkaDetail, &["kafka_detail"], R::WhenKafka, None, F::Object),
    spec(
        Field::InstanceId,
        &["kafka_detail", "instance_id"],
        R::Always,
        None,
        F::Identifier,
    ),
    spec(Field::Addr, &["kafka_detail", "addr"], R::Always, None, F::AddrList),
    spec(
        Field::SecurityProtocol,
        &["kafka_detail", "security_protocol"],
        R::Optional,
        None,
        F::Identifier,
    ),
    spec(
        Field::EnableSaslSsl,
        &["kafka_detail", "enable_sasl_ssl"],
        R::Optional,
        None,
        F::Flag,
    ),
    spec(
        Field::UserName,
        &["kafka_detail", "user_name"],
        R::WhenSwitchedOn,
        None,
        F::Identifier,
    ),
    spec(
        Field::Password,
        &["kafka_detail", "password"],
        R::WhenSwitchedOn,
        None,
        F::Secret,
    ),
    spec(Field::Acks, &["kafka_detail", "acks"], R::Optional, None, F::Acks),
    spec(
        Field::RocketmqDetail,
        &["rocketmq_detail"],
        R::WhenRocketmq,
        None,
        F::Object,
    ),
    spec(
        Field::RocketmqInstanceId,
        &["rocketmq_detail", "instance_id"],
        R::Always,
        Some(ROCKETMQ_INSTANCE_ID_MAX_LENGTH),
        F::Identifier,
    ),
    spec(
        Field::RocketmqAddr,
        &["rocketmq_detail", "addr"],
        R::Always,
        None,
        F::ServerList,
    ),
    spec(
        Field::UseTls,
        &["rocketmq_detail", "use_tls"],
        R::Optional,
        None,
        F::Flag,
    ),
    spec(
        Field::EnableAcl,
        &["rocketmq_detail", "enable_acl"],
        R::Optional,
        None,
        F::Flag,
    ),
    spec(
        Field::RocketmqUserName,
        &["rocketmq_detail", "user_name"],
        R::WhenSwitchedOn,
        None,
        F::Identifier,
    ),
    spec(
        Field::RocketmqPassword,
        &["rocketmq_detail", "password"],
        R::WhenSwitchedOn,
        None,
        F::Secret,
    ),
];

/// An older property name the API still accepts for a field (Terraform's
/// `huaweicloud_eg_connection` sends these), in the same object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alias {
    pub field: Field,
    pub key: &'static str,
}

/// The older names of `kafka_detail`'s SASL switch and user name.
pub const ALIASES: [Alias; 2] = [
    Alias {
        field: Field::EnableSaslSsl,
        key: "sasl_ssl",
    },
    Alias {
        field: Field::UserName,
        key: "username",
    },
];

/// Every field, [`Field::Root`] first, then in form order.
pub const ALL_FIELDS: [Field; 21] = {
    let mut all = [Field::Root; 21];
    let mut row = 0;
    while row < FIELDS.len() {
        all[row + 1] = FIELDS[row].field;
        row += 1;
    }
    all
};

/// The property names of the object `parent`, in form order.
const fn keys_of<const N: usize>(parent: Field) -> [&'static str; N] {
    let mut keys = [""; N];
    let (mut row, mut count) = (0, 0);
    while row < FIELDS.len() {
        if FIELDS[row].parent() as u8 == parent as u8 {
            keys[count] = FIELDS[row].key();
            count += 1;
        }
        row += 1;
    }
    assert!(count == N, "the key count does not match the table");
    keys
}

/// The property names of the create request, in form order.
pub const CREATE_KEYS: [&str; 7] = keys_of(Field::Root);
/// The property names of `kafka_detail`, in form order.
pub const KAFKA_KEYS: [&str; 7] = keys_of(Field::KafkaDetail);
/// The property names of `rocketmq_detail`, in form order.
pub const ROCKETMQ_KEYS: [&str; 6] = keys_of(Field::RocketmqDetail);
/// The property names of the update request.
pub const UPDATE_KEYS: [&str; 3] = ["description", "kafka_detail", "rocketmq_detail"];
/// The property names of an update's `kafka_detail`: new credentials only.
pub const UPDATE_KAFKA_KEYS: [&str; 2] = ["user_name", "password"];

// The table's rows are in discriminant order: `Field::spec` relies on it.
const _: () = {
    let mut row = 0;
    while row < FIELDS.len() {
        assert!(FIELDS[row].field as usize == row + 1, "FIELDS is not in Field order");
        row += 1;
    }
};

impl Field {
    /// This field's facts; `None` for [`Field::Root`].
    pub const fn spec(self) -> Option<&'static FieldSpec> {
        match self {
            Field::Root => None,
            _ => Some(&FIELDS[self as usize - 1]),
        }
    }

    /// The path of this field in the request body, as JSON property names.
    pub const fn path(self) -> &'static [&'static str] {
        match self.spec() {
            Some(spec) => spec.path,
            None => &[],
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

    /// The field whose older name in the object `parent` is `key`, if any.
    pub fn from_alias(parent: Field, key: &str) -> Option<Field> {
        ALIASES
            .iter()
            .find(|alias| alias.key == key && alias.field.spec().is_some_and(|spec| spec.parent() == parent))
            .map(|alias| alias.field)
    }

    /// The field's older name, if it has one.
    pub fn alias(self) -> Option<&'static str> {
        ALIASES.iter().find(|alias| alias.field == self).map(|alias| alias.key)
    }

    /// The field named `key` in the object `parent`, if any.
    pub fn from_key(parent: Field, key: &str) -> Option<Field> {
        FIELDS
            .iter()
            .find(|spec| spec.parent() == parent && spec.key() == key)
            .map(|spec| spec.field)
    }

    /// Whether the create form marks this field as required: always
    /// required, or required whenever the section that shows it is shown
    /// (the Kafka section, the SASL credentials).
    pub fn is_required_in_form(self) -> bool {
        self.spec()
            .is_some_and(|spec| spec.requirement != Requirement::Optional)
    }

    /// The field's length limit in characters, if any.
    pub fn max_chars(self) -> Option<usize> {
        self.spec().and_then(|spec| spec.max_chars)
    }
}
