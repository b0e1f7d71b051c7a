//! `rocketmq_detail` rules.

use super::{check_flag, check_string, credential_when_on, unknown_keys, Presence};
use crate::fields::object_keys;
use crate::input::Fields;
use crate::issue::{Field, Issue};
use crate::model::{RocketmqDetail, Secret};
use alloc::string::String;
use alloc::vec::Vec;

/// `rocketmq_detail` that passed every rule, borrowing the input's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRocketmq<'a> {
    pub instance_id: &'a str,
    pub addr: &'a str,
    pub use_tls: bool,
    pub enable_acl: bool,
    pub user_name: Option<&'a str>,
    pub password: Option<&'a str>,
}

impl ValidRocketmq<'_> {
    /// The detail to send.
    pub fn to_detail(&self) -> RocketmqDetail {
        RocketmqDetail {
            instance_id: String::from(self.instance_id),
            addr: String::from(self.addr),
            use_tls: self.use_tls,
            enable_acl: self.enable_acl,
            user_name: self.user_name.map(String::from),
            password: self.password.map(Secret::new),
        }
    }

    /// The fields the detail carries (see [`super::ValidDetail::fields`]).
    pub(super) fn fields(&self, carried: &mut impl FnMut(Field, bool)) {
        carried(Field::RocketmqDetail, true);
        carried(Field::RocketmqInstanceId, true);
        carried(Field::RocketmqAddr, true);
        carried(Field::UseTls, self.use_tls);
        carried(Field::EnableAcl, self.enable_acl);
        if self.user_name.is_some() {
            carried(Field::RocketmqUserName, true);
        }
        if self.password.is_some() {
            carried(Field::RocketmqPassword, true);
        }
    }
}

/// Every rule of `rocketmq_detail`; the normalized detail when it has no
/// issue. The switches default to false; the ACL user and password are
/// required when ACL is enabled.
pub(super) fn check_rocketmq<'a, R: Fields + ?Sized>(
    input: &'a R,
    issues: &mut Vec<Issue>,
) -> Option<ValidRocketmq<'a>> {
    let before = issues.len();
    unknown_keys(Field::RocketmqDetail, input, object_keys(Field::RocketmqDetail), issues);
    let instance_id = check_string(
        Field::RocketmqInstanceId,
        input.text(Field::RocketmqInstanceId),
        Presence::Required,
        issues,
    );
    let addr = check_string(
        Field::RocketmqAddr,
        input.text(Field::RocketmqAddr),
        Presence::Required,
        issues,
    );
    let use_tls = check_flag(Field::UseTls, input.flag(Field::UseTls), issues);
    let enable_acl = check_flag(Field::EnableAcl, input.flag(Field::EnableAcl), issues);
    let user_name = credential_when_on(
        Field::RocketmqUserName,
        input.text(Field::RocketmqUserName),
        enable_acl,
        issues,
    );
    let password = credential_when_on(
        Field::RocketmqPassword,
        input.text(Field::RocketmqPassword),
        enable_acl,
        issues,
    );
    if issues.len() > before {
        return None;
    }
    Some(ValidRocketmq {
        instance_id: instance_id?,
        addr: addr?,
        use_tls,
        enable_acl,
        user_name,
        password,
    })
}
