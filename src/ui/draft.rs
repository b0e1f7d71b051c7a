//! The create form's values and validation state.

use crate::input::{CreateInput, KafkaInput, Raw, RocketmqInput};
use crate::issue::{Field, Issue};
use crate::model::{Acks, ConnectionType};
use leptos::prelude::*;

/// What the user has typed. The Kafka and RocketMQ values stay while
/// another type is chosen, so switching back and forth loses nothing.
#[derive(Debug, Clone, Copy)]
pub struct Draft {
    pub name: RwSignal<String>,
    pub description: RwSignal<String>,
    pub vpc_id: RwSignal<String>,
    pub subnet_id: RwSignal<String>,
    pub connection_type: RwSignal<ConnectionType>,
    pub instance_id: RwSignal<String>,
    pub addr: RwSignal<String>,
    pub security_protocol: RwSignal<String>,
    pub enable_sasl_ssl: RwSignal<bool>,
    pub user_name: RwSignal<String>,
    pub password: RwSignal<String>,
    pub acks: RwSignal<Acks>,
    pub rocketmq_instance_id: RwSignal<String>,
    pub rocketmq_addr: RwSignal<String>,
    pub use_tls: RwSignal<bool>,
    pub enable_acl: RwSignal<bool>,
    pub rocketmq_user_name: RwSignal<String>,
    pub rocketmq_password: RwSignal<String>,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            name: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            vpc_id: RwSignal::new(String::new()),
            subnet_id: RwSignal::new(String::new()),
            connection_type: RwSignal::new(ConnectionType::Webhook),
            instance_id: RwSignal::new(String::new()),
            addr: RwSignal::new(String::new()),
            security_protocol: RwSignal::new(String::new()),
            enable_sasl_ssl: RwSignal::new(false),
            user_name: RwSignal::new(String::new()),
            password: RwSignal::new(String::new()),
            acks: RwSignal::new(Acks::default()),
            rocketmq_instance_id: RwSignal::new(String::new()),
            rocketmq_addr: RwSignal::new(String::new()),
            use_tls: RwSignal::new(false),
            enable_acl: RwSignal::new(false),
            rocketmq_user_name: RwSignal::new(String::new()),
            rocketmq_password: RwSignal::new(String::new()),
        }
    }
}

impl Draft {
    /// The text signal behind a string field.
    pub fn text(&self, field: Field) -> Option<RwSignal<String>> {
        Some(match field {
            Field::Name => self.name,
            Field::Description => self.description,
            Field::VpcId => self.vpc_id,
            Field::SubnetId => self.subnet_id,
            Field::InstanceId => self.instance_id,
            Field::Addr => self.addr,
            Field::SecurityProtocol => self.security_protocol,
            Field::UserName => self.user_name,
            Field::Password => self.password,
            Field::RocketmqInstanceId => self.rocketmq_instance_id,
            Field::RocketmqAddr => self.rocketmq_addr,
            Field::RocketmqUserName => self.rocketmq_user_name,
            Field::RocketmqPassword => self.rocketmq_password,
            _ => return None,
        })
    }

    /// The form as the rules' untyped input (tracked: re-runs on every change).
    pub fn input(&self) -> CreateInput {
        let text = |signal: RwSignal<String>| Raw::Value(signal.get());
        let kind = self.connection_type.get();
        let kafka = kind == ConnectionType::Kafka;
        CreateInput {
            name: text(self.name),
            description: text(self.description),
            vpc_id: text(self.vpc_id),
            subnet_id: text(self.subnet_id),
            connection_type: Raw::Value(self.connection_type.get().as_str().to_owned()),
            kafka_detail: if kafka {
                Raw::Value(KafkaInput {
                    instance_id: text(self.instance_id),
                    addr: text(self.addr),
                    security_protocol: text(self.security_protocol),
                    enable_sasl_ssl: Raw::Value(self.enable_sasl_ssl.get()),
                    user_name: text(self.user_name),
                    password: text(self.password),
                    acks: Raw::Value(self.acks.get().as_str().to_owned()),
                    sasl_ssl: Raw::Missing,
                    username: Raw::Missing,
                    unknown_keys: Vec::new(),
                })
            } else {
                Raw::Missing
            },
            rocketmq_detail: if kind == ConnectionType::Rocketmq {
                Raw::Value(RocketmqInput {
                    instance_id: text(self.rocketmq_instance_id),
                    addr: text(self.rocketmq_addr),
                    use_tls: Raw::Value(self.use_tls.get()),
                    enable_acl: Raw::Value(self.enable_acl.get()),
                    user_name: text(self.rocketmq_user_name),
                    password: text(self.rocketmq_password),
                    unknown_keys: Vec::new(),
                })
            } else {
                Raw::Missing
            },
            unknown_keys: Vec::new(),
        }
    }
}

/// Which issues the form shows: a field's issues appear once it was left
/// (blurred) or a submit was tried, then update on every keystroke.
#[derive(Debug, Clone, Copy)]
pub struct Validation {
    /// The rules' issues for the current values (all fields, always current).
    pub issues: Memo<Vec<Issue>>,
    pub touched: RwSignal<Vec<Field>>,
    pub submitted: RwSignal<bool>,
    /// Issues the server reported, per field, until that field changes.
    pub server: RwSignal<Vec<(Field, String)>>,
}

/// A field's validation state, as the field shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldState {
    /// Not judged yet (neither left nor submitted).
    Pristine,
    Valid,
    /// The messages to show.
    Invalid(Vec<String>),
}

impl Validation {
    /// Validation of `draft`'s values.
    pub fn new(draft: Draft) -> Self {
        Validation {
            issues: Memo::new(move |_| {
                crate::rules::validate_create_input(&draft.input())
                    .err()
                    .unwrap_or_default()
            }),
            touched: RwSignal::new(Vec::new()),
            submitted: RwSignal::new(false),
            server: RwSignal::new(Vec::new()),
        }
    }

    /// Marks a field as left by the user. (A focused field removed with its
    /// form, as the form gives way to the new connection's details, is
    /// "left" after the form's state is gone: then nothing happens.)
    pub fn touch(&self, field: Field) {
        if self.touched.try_with_untracked(|touched| !touched.contains(&field)) == Some(true) {
            let _ = self.touched.try_update(|touched| touched.push(field));
        }
    }

    /// Drops the server's verdict on a field the user just changed.
    pub fn edited(&self, field: Field) {
        let marked = self
            .server
            .try_with_untracked(|server| server.iter().any(|(f, _)| *f == field));
        if marked == Some(true) {
            let _ = self.server.try_update(|server| server.retain(|(f, _)| *f != field));
        }
    }

    /// The state a field shows now (tracked).
    pub fn state(&self, field: Field, locale: crate::Locale) -> FieldState {
        let server: Vec<String> = self.server.with(|server| {
            server
                .iter()
                .filter(|(f, _)| *f == field)
                .map(|(_, m)| m.clone())
                .collect()
        });
        let judged = self.submitted.get() || self.touched.with(|touched| touched.contains(&field));
        let mut messages: Vec<String> = if judged {
            self.issues.with(|issues| {
                issues
                    .iter()
                    .filter(|issue| issue.field == field)
                    .map(|issue| issue.message(locale))
                    .collect()
            })
        } else {
            Vec::new()
        };
        messages.extend(server);
        match (messages.is_empty(), judged) {
            (false, _) => FieldState::Invalid(messages),
            (true, true) => FieldState::Valid,
            (true, false) => FieldState::Pristine,
        }
    }
}

/// The DOM id of a field's control.
pub fn field_id(field: Field) -> String {
    let path = field.path();
    if path.is_empty() {
        "create-form".to_owned()
    } else {
        format!("field-{}", path.join("-"))
    }
}
