//! `rocketmq_detail` rules.

use super::kafka::credential_when_on;
use super::{check_flag, check_string, unknown_keys, Presence};
use crate::fields::ROCKETMQ_KEYS;
use crate::input::RocketmqInput;
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
}

/// Every rule of `rocketmq_detail`; the normalized detail when it has no
/// issue. The switches default to false; the ACL user and password are
/// required when ACL is enabled.
pub(super) fn check_rocketmq<'a, S: AsRef<str>>(
    input: &'a RocketmqInput<S>,
    issues: &mut Vec<Issue>,
) -> Option<ValidRocketmq<'a>> {
    let before = issues.len();
    unknown_keys(Field::RocketmqDetail, &input.unknown_keys, &ROCKETMQ_KEYS, issues);
    let instance_id = check_string(
        Field::RocketmqInstanceId,
        &input.instance_id,
        Presence::Required,
        issues,
    );
    let addr = check_string(Field::RocketmqAddr, &input.addr, Presence::Required, issues);
    let use_tls = check_flag(Field::UseTls, &input.use_tls, issues);
    let enable_acl = check_flag(Field::EnableAcl, &input.enable_acl, issues);
    let user_name = credential_when_on(Field::RocketmqUserName, &input.user_name, enable_acl, issues);
    let password = credential_when_on(Field::RocketmqPassword, &input.password, enable_acl, issues);
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
