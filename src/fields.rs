//! The one table of field facts: every field's path, when it is required,
//! its length limit and the family of rules it gets, written once.
//!
//! Everything else derives from [`FIELDS`]: the key lists of the input
//! layer, the rules ([`crate::rules`] picks rules by [`Family`]), the
//! console's required markers and help limits, and, through
//! `examples/npm_codegen.rs`, the npm package's JavaScript reader, its
//! buffer layout and the limits in its `.d.ts`.
//!
//! The connection types are the other dimension: [`TYPES`] has one
//! [`TypeSpec`] per [`ConnectionType`] (its wire name, its detail object,
//! the switch that makes its credentials required, the names npm gives
//! it). Code that differs by type matches [`ConnectionType`] (or a detail
//! enum) exhaustively, so a new type is an error at every place that must
//! learn it (ARCHITECTURE.md, "Adding a connection type").

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
    /// When the connection type is the one this detail object belongs to
    /// (`kafka_detail` for KAFKA: the type's row of [`TYPES`]).
    WhenItsType,
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
    /// Kafka's security protocol: an identifier, one of
    /// [`SECURITY_PROTOCOLS`] as the console suggests them.
    SecurityProtocol,
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
    /// field whose key starts the path (looked up in a table the compiler
    /// fills).
    pub const fn parent(&self) -> Field {
        // Guarded, not indexed: no panic path in the validator's wasm.
        let index = self.field as usize;
        if index < PARENTS.len() {
            PARENTS[index]
        } else {
            Field::Root
        }
    }

    /// [`FieldSpec::parent`], found from the path (for the table).
    const fn parent_by_path(&self) -> Field {
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

/// The object each field is a property of, by discriminant.
const PARENTS: [Field; FIELDS.len() + 1] = {
    let mut parents = [Field::Root; FIELDS.len() + 1];
    let mut row = 0;
    while row < FIELDS.len() {
        parents[row + 1] = FIELDS[row].parent_by_path();
        row += 1;
    }
    parents
};

/// The property names of every field, in table order: an object's own
/// properties are a contiguous run of it ([`object_keys`]).
const KEY_NAMES: [&str; FIELDS.len()] = {
    let mut keys = [""; FIELDS.len()];
    let mut row = 0;
    while row < FIELDS.len() {
        keys[row] = FIELDS[row].key();
        row += 1;
    }
    keys
};

/// Where each detail object's properties are in [`KEY_NAMES`], by discriminant.
const OBJECT_RANGES: [(u8, u8); FIELDS.len() + 1] = {
    let mut ranges = [(0, 0); FIELDS.len() + 1];
    let mut row = 0;
    while row < FIELDS.len() {
        let parent = FIELDS[row].parent_by_path() as usize;
        if parent != Field::Root as usize {
            let (start, end) = ranges[parent];
            if start == end {
                ranges[parent] = (row as u8, row as u8 + 1);
            } else {
                assert!(
                    end as usize == row,
                    "a detail object's fields are contiguous rows of FIELDS"
                );
                ranges[parent] = (start, row as u8 + 1);
            }
        }
        row += 1;
    }
    ranges
};

/// The property names of the object `parent` (the body or a detail
/// object), in form order.
pub fn object_keys(parent: Field) -> &'static [&'static str] {
    if parent == Field::Root {
        return &CREATE_KEYS;
    }
    let (start, end) = OBJECT_RANGES.get(parent as usize).copied().unwrap_or_default();
    KEY_NAMES.get(usize::from(start)..usize::from(end)).unwrap_or_default()
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

/// Kafka's security protocols, in its own names.
pub const SECURITY_PROTOCOLS: [&str; 3] = [PLAINTEXT, "SASL_PLAINTEXT", "SASL_SSL"];
/// The security protocol of plaintext access (no SASL).
pub const PLAINTEXT: &str = "PLAINTEXT";

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
    spec(Field::KafkaDetail, &["kafka_detail"], R::WhenItsType, None, F::Object),
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
        F::SecurityProtocol,
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
        R::WhenItsType,
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

/// The kind of target a connection reaches. Its facts (wire name, detail
/// object, credentials switch) are its row of [`TYPES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[repr(u8)]
pub enum ConnectionType {
    /// An HTTP endpoint in a VPC (the API's default).
    #[default]
    Webhook,
    /// A Huawei Cloud Kafka instance.
    Kafka,
    /// A Huawei Cloud RocketMQ instance.
    Rocketmq,
}

impl ConnectionType {
    /// Every type, in the order a form offers them.
    pub const ALL: [ConnectionType; TYPES.len()] = {
        let mut all = [ConnectionType::Webhook; TYPES.len()];
        let mut row = 0;
        while row < all.len() {
            all[row] = TYPES[row].kind;
            row += 1;
        }
        all
    };

    /// The uppercase wire value.
    pub const fn as_str(self) -> &'static str {
        self.spec().wire
    }

    /// Reads either case (`webhook`, `WEBHOOK`, `Kafka`, ...), as the
    /// contract's sources disagree on case.
    pub fn parse(value: &str) -> Option<Self> {
        ConnectionType::ALL
            .into_iter()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(value))
    }
}

/// The facts of one connection type: the second dimension of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeSpec {
    pub kind: ConnectionType,
    /// The uppercase wire value of `type`.
    pub wire: &'static str,
    /// Its detail object (`kafka_detail`...), if the type has one.
    pub detail: Option<Field>,
    /// The switch in the detail object that makes [`TypeSpec::credentials`]
    /// required (`enable_sasl_ssl`, `enable_acl`).
    pub switch: Option<Field>,
    /// The user name and password the switch requires.
    pub credentials: Option<(Field, Field)>,
    /// The instance the connection reaches (the list's `instance_id` filter).
    pub instance_id: Option<Field>,
    /// Its address list.
    pub addr: Option<Field>,
    /// Whether an update may only rotate the credentials (Kafka), rather
    /// than replace the detail object whole (RocketMQ).
    pub update_credentials_only: bool,
    /// The type in identifiers: npm's per-field validators
    /// (`validateRocketmqAddr`) and its limits (`ROCKETMQ_...`).
    pub ident: &'static str,
}

/// Every connection type, in [`ConnectionType`] order (the order a form
/// offers them).
pub const TYPES: [TypeSpec; 3] = [
    TypeSpec {
        kind: ConnectionType::Webhook,
        wire: "WEBHOOK",
        detail: None,
        switch: None,
        credentials: None,
        instance_id: None,
        addr: None,
        update_credentials_only: false,
        ident: "Webhook",
    },
    TypeSpec {
        kind: ConnectionType::Kafka,
        wire: "KAFKA",
        detail: Some(Field::KafkaDetail),
        switch: Some(Field::EnableSaslSsl),
        credentials: Some((Field::UserName, Field::Password)),
        instance_id: Some(Field::InstanceId),
        addr: Some(Field::Addr),
        update_credentials_only: true,
        ident: "Kafka",
    },
    TypeSpec {
        kind: ConnectionType::Rocketmq,
        wire: "ROCKETMQ",
        detail: Some(Field::RocketmqDetail),
        switch: Some(Field::EnableAcl),
        credentials: Some((Field::RocketmqUserName, Field::RocketmqPassword)),
        instance_id: Some(Field::RocketmqInstanceId),
        addr: Some(Field::RocketmqAddr),
        update_credentials_only: false,
        ident: "Rocketmq",
    },
];

// `ConnectionType::spec` indexes TYPES by discriminant; every detail
// object is an object row of FIELDS, and its switch and credentials are
// its own properties.
const _: () = {
    let mut row = 0;
    while row < TYPES.len() {
        let spec = &TYPES[row];
        assert!(spec.kind as usize == row, "TYPES is not in ConnectionType order");
        if let Some(detail) = spec.detail {
            assert!(
                matches!(detail.spec_const().family, Family::Object),
                "a detail is an object field"
            );
            if let Some(switch) = spec.switch {
                assert!(
                    switch.spec_const().parent() as u8 == detail as u8,
                    "the switch is the detail's"
                );
            }
            if let Some((user, password)) = spec.credentials {
                assert!(
                    user.spec_const().parent() as u8 == detail as u8,
                    "credentials are the detail's"
                );
                assert!(
                    password.spec_const().parent() as u8 == detail as u8,
                    "credentials are the detail's"
                );
            }
        }
        row += 1;
    }
    // Every object of the table is one type's detail object.
    let mut row = 0;
    while row < FIELDS.len() {
        if matches!(FIELDS[row].family, Family::Object) {
            assert!(
                matches!(FIELDS[row].requirement, Requirement::WhenItsType),
                "a detail object is required when its type is chosen"
            );
            let (mut owner, mut kind) = (false, 0);
            while kind < TYPES.len() {
                if let Some(detail) = TYPES[kind].detail {
                    owner |= detail as u8 == FIELDS[row].field as u8;
                }
                kind += 1;
            }
            assert!(owner, "every object of FIELDS is the detail of a row of TYPES");
        }
        row += 1;
    }
};

impl ConnectionType {
    /// This type's facts.
    pub const fn spec(self) -> &'static TypeSpec {
        // Exhaustive on purpose: a new type must get its row.
        match self {
            ConnectionType::Webhook => &TYPES[0],
            ConnectionType::Kafka => &TYPES[1],
            ConnectionType::Rocketmq => &TYPES[2],
        }
    }

    /// The type whose detail object is `field`, if any.
    pub fn of_detail(field: Field) -> Option<ConnectionType> {
        TYPES
            .iter()
            .find(|spec| spec.detail == Some(field))
            .map(|spec| spec.kind)
    }

    /// The type whose detail object holds `field`, if any.
    pub fn owning(field: Field) -> Option<ConnectionType> {
        let parent = field.spec()?.parent();
        ConnectionType::of_detail(parent)
    }

    /// The `engine` Distributed Message Service lists this type's instances
    /// by (`GET /v2/{project_id}/instances?engine=`), for the console's
    /// instance picker; `None`: the type reaches no DMS instance. (A match,
    /// not a column of [`TYPES`]: the npm validator reads that table at run
    /// time and would carry the column.)
    pub const fn dms_engine(self) -> Option<&'static str> {
        match self {
            ConnectionType::Webhook => None,
            ConnectionType::Kafka => Some("kafka"),
            ConnectionType::Rocketmq => Some("rocketmq"),
        }
    }
}

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

/// The property names of the object `parent`, in form order, as an array.
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

/// How many properties an update may have: the description and each
/// type's detail object.
const fn update_key_count() -> usize {
    let (mut count, mut row) = (1, 0);
    while row < TYPES.len() {
        if TYPES[row].detail.is_some() {
            count += 1;
        }
        row += 1;
    }
    count
}

/// The property names of the update request: the description, then each
/// type's detail object.
pub const UPDATE_KEYS: [&str; update_key_count()] = {
    let mut keys = [""; update_key_count()];
    keys[0] = Field::Description.spec_const().key();
    let (mut count, mut row) = (1, 0);
    while row < TYPES.len() {
        if let Some(detail) = TYPES[row].detail {
            keys[count] = detail.spec_const().key();
            count += 1;
        }
        row += 1;
    }
    keys
};

/// The fields of the create request an update may not have (every field
/// of the body but the description and the detail objects).
pub const CREATE_ONLY: [Field; create_only_count()] = {
    let mut fields = [Field::Root; create_only_count()];
    let (mut count, mut row) = (0, 0);
    while row < FIELDS.len() {
        if is_create_only(&FIELDS[row]) {
            fields[count] = FIELDS[row].field;
            count += 1;
        }
        row += 1;
    }
    fields
};

const fn is_create_only(spec: &FieldSpec) -> bool {
    spec.parent_by_path() as u8 == Field::Root as u8
        && spec.field as u8 != Field::Description as u8
        && !matches!(spec.family, Family::Object)
}

const fn create_only_count() -> usize {
    let (mut count, mut row) = (0, 0);
    while row < FIELDS.len() {
        if is_create_only(&FIELDS[row]) {
            count += 1;
        }
        row += 1;
    }
    count
}

// The table's rows are in discriminant order: `Field::spec` relies on it.
const _: () = {
    let mut row = 0;
    while row < FIELDS.len() {
        assert!(FIELDS[row].field as usize == row + 1, "FIELDS is not in Field order");
        row += 1;
    }
};

impl Field {
    /// This field's facts, for constant checks (the body's own facts for
    /// [`Field::Root`] are the first row's; use [`Field::spec`] elsewhere).
    const fn spec_const(self) -> &'static FieldSpec {
        match self.spec() {
            Some(spec) => spec,
            None => &FIELDS[0],
        }
    }

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
