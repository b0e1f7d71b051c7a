//! What the create form lists from the account, for its pickers: the
//! project's VPCs (once per form), the subnets of the VPC chosen, the
//! instances of the chosen type's engine, and the connection quota. Each
//! list call that fails leaves its field a text field that says why.
//!
//! Choosing an instance fills the address field with the instance's
//! private addresses at the port its security settings need; switching
//! those settings afterwards follows, while the address is still the one
//! filled in (an edited address is the user's).
//!
//! Every list is one [`listed`] resource of JSON: one resource type and
//! one future type for all of them (each distinct one would add its own
//! copy of Leptos's resource code to the wasm).

use super::draft::Draft;
use super::picker::{Choice, Choices, Combobox};
use super::{console, reload_on_new_settings, InFlight};
use crate::api::{self, AccountList, ApiError};
use crate::issue::Field;
use crate::model::{connection_quota, ConnectionType, Instance, Network};
use leptos::prelude::*;
use serde_json::Value;
use std::future::Future;
use std::pin::Pin;

/// A list call's outcome; `None`: no call (no settings yet, or nothing to
/// list, such as the subnets of a VPC not chosen).
pub type Listed = Option<Result<Value, ApiError>>;

/// The one future type of every list resource.
type Fetching = Pin<Box<dyn Future<Output = Listed>>>;

/// A resource of the list `wanted` names (tracked), called as the
/// settings' user; its requests stop with the view.
pub fn listed(wanted: Box<dyn Fn() -> Option<AccountList>>) -> LocalResource<Listed> {
    let ui = console();
    let flight = InFlight::for_view();
    LocalResource::new(move || -> Fetching {
        let call = wanted().and_then(|list| Some((list, ui.ready_endpoint()?, flight.start())));
        Box::pin(async move {
            let (list, endpoint, abort) = call?;
            Some(api::list_account(&endpoint, &list, &abort).await)
        })
    })
}

/// The create form's lists.
#[derive(Clone, Copy)]
pub struct AccountLists {
    pub vpc: Combobox,
    pub subnet: Combobox,
    /// The chosen type's instance ID field's.
    pub instance: Combobox,
    /// The connection quota's `(used, quota)`, once known.
    pub quota: Signal<Option<(i64, i64)>>,
}

/// Choices from a list resource's state (`None`: still loading).
fn choices(outcome: Option<Listed>, entries: fn(&Value) -> Vec<Choice>) -> Choices {
    match outcome {
        None => Choices::Loading,
        Some(None) => Choices::Off,
        Some(Some(Ok(answer))) => Choices::Ready(entries(&answer)),
        Some(Some(Err(error))) => Choices::Refused(match error {
            ApiError::Eg { status, body, .. } | ApiError::Signature { status, body, .. } => {
                format!("{status} {}: {}", body.error_code, body.error_msg)
            }
            ApiError::NotJson { status, .. } => format!("HTTP {status}"),
            ApiError::Network(reason) => reason,
            ApiError::Timeout(after) => format!("no answer in {} s", after.as_secs()),
            ApiError::Aborted => return Choices::Loading,
        }),
    }
}

/// `name` or, for an entry without one, its ID.
fn choice(id: String, name: String, detail: String) -> Choice {
    Choice {
        name: if name.is_empty() { id.clone() } else { name },
        id,
        detail,
    }
}

fn networks(answer: &Value, key: &str) -> Vec<Choice> {
    Network::list(answer, key)
        .into_iter()
        .map(|network| choice(network.id, network.name, network.cidr))
        .collect()
}

fn instances(answer: &Value) -> Vec<Choice> {
    Instance::list(answer)
        .into_iter()
        .map(|instance| {
            let detail = [instance.status, instance.engine_version]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            choice(instance.instance_id, instance.name, detail)
        })
        .collect()
}

/// The security protocol whose port a connection of `kind` uses, as the
/// form has it now (tracked): `None` for plaintext access.
fn security_protocol(kind: ConnectionType, draft: Draft) -> Option<String> {
    match kind {
        ConnectionType::Kafka if draft.flag(Field::EnableSaslSsl).get() => {
            let protocol = draft.text(Field::SecurityProtocol).get().trim().to_owned();
            Some(if protocol.is_empty() {
                "SASL_SSL".to_owned()
            } else {
                protocol
            })
        }
        ConnectionType::Kafka | ConnectionType::Rocketmq | ConnectionType::Webhook => None,
    }
}

impl AccountLists {
    /// Starts the form's lists (they stop with the form).
    pub fn load(draft: Draft) -> AccountLists {
        let reload = RwSignal::new(0_u32);
        reload_on_new_settings(move || {
            let _ = reload.try_update(|count| *count += 1);
        });

        let vpcs = listed(Box::new(move || {
            reload.track();
            Some(AccountList::Vpcs)
        }));
        let vpc_choices = Signal::derive(move || choices(vpcs.get(), |answer| networks(answer, "vpcs")));

        // The subnets of the VPC chosen from the list (a typed one may be
        // anything: its subnets are typed too).
        let chosen_vpc = Memo::new(move |_| {
            let vpc = draft.text(Field::VpcId).get().trim().to_owned();
            vpc_choices.with(|choices| match choices {
                Choices::Ready(listed) if listed.iter().any(|choice| choice.id == vpc) => Some(vpc),
                _ => None,
            })
        });
        let subnets = listed(Box::new(move || {
            reload.track();
            chosen_vpc.get().map(AccountList::Subnets)
        }));
        let subnet_choices = Signal::derive(move || match subnets.get() {
            Some(None) if matches!(vpc_choices.get(), Choices::Ready(_)) => Choices::NeedsParent,
            outcome => choices(outcome, |answer| networks(answer, "subnets")),
        });

        let instance_list = listed(Box::new(move || {
            reload.track();
            draft.connection_type.get().dms_engine().map(AccountList::Instances)
        }));
        let instance_choices = Signal::derive(move || choices(instance_list.get(), instances));

        // What the chosen instance gives the address field, and what was
        // last filled in (an address edited since is left alone).
        let filled = StoredValue::new(String::new());
        let fill = move |kind: ConnectionType, id: &str| {
            let protocol = security_protocol(kind, draft);
            let Some(Some(Ok(answer))) = instance_list.get_untracked() else {
                return;
            };
            let instance = Instance::list(&answer)
                .into_iter()
                .find(|instance| instance.instance_id == id);
            if let (Some(field), Some(instance)) = (kind.spec().addr, instance) {
                let address = instance.address_for(kind, protocol.as_deref());
                filled.set_value(address.clone());
                draft.text(field).set(address);
            }
        };
        let on_pick = Callback::new(move |choice: Choice| {
            untrack(|| fill(draft.connection_type.get(), &choice.id));
        });
        Effect::new(move |_| {
            let kind = draft.connection_type.get();
            let _ = security_protocol(kind, draft);
            untrack(|| {
                let (Some(instance), Some(addr)) = (kind.spec().instance_id, kind.spec().addr) else {
                    return;
                };
                let untouched = filled.with_value(|filled| !filled.is_empty() && draft.text(addr).get() == *filled);
                if untouched {
                    fill(kind, &draft.text(instance).get());
                }
            });
        });

        let quota = listed(Box::new(move || {
            reload.track();
            Some(AccountList::ConnectionQuota)
        }));
        AccountLists {
            vpc: Combobox {
                choices: vpc_choices,
                on_pick: None,
            },
            subnet: Combobox {
                choices: subnet_choices,
                on_pick: None,
            },
            instance: Combobox {
                choices: instance_choices,
                on_pick: Some(on_pick),
            },
            quota: Signal::derive(move || match quota.get() {
                Some(Some(Ok(answer))) => connection_quota(&answer),
                _ => None,
            }),
        }
    }
}
