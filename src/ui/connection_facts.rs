//! Every field of a ConnectionInfo as a definition list: the Kafka
//! password masked whatever the server echoes, `error_info` shown only for
//! `CREATE_FAILED`, and whatever else the server sent (a newer type's
//! detail object, say) shown as its fields, anything named like a secret
//! masked: nothing the server says is dropped.

use super::console;
use super::local_time::local_time;
use super::text::Text;
use crate::fields::{Family, FIELDS};
use crate::i18n::field_label;
use crate::issue::Field;
use crate::model::{ConnectionInfo, ConnectionStatus};
use leptos::prelude::*;

/// What the password shows instead of itself.
const MASKED: &str = "••••••••";

/// The facts of `info`, following it as it changes. `description` is
/// rendered by the caller (the details view makes it editable), between
/// the name and the type; it is never re-rendered here, so an edit in
/// progress survives a status update.
///
/// `after_detail` follows the type's facts (the credentials editor, which
/// belongs with them), mounted once: a status update never redraws it.
#[component]
pub fn ConnectionFacts(
    #[prop(into)] info: Signal<ConnectionInfo>,
    description: AnyView,
    #[prop(optional)] after_detail: Option<AnyView>,
) -> impl IntoView {
    let ui = console();
    let label = move |field: Field| Signal::derive(move || field_label(field, ui.locale.get()));
    let text = move |pick: fn(&Text) -> &'static str| Signal::derive(move || pick(ui.text()));
    let fact = move |label: Signal<&'static str>, value: fn(&ConnectionInfo) -> String| {
        view! {
            <dt>{label}</dt>
            <dd>{move || info.with(value)}</dd>
        }
    };
    // A time: local with its offset, and the UTC value beside it.
    let time = move |label: Signal<&'static str>, value: fn(&ConnectionInfo) -> String| {
        view! {
            <dt>{label}</dt>
            <dd>
                {move || {
                    let utc = info.with(value);
                    view! { {local_time(utc.clone())} " " <span class="help">"(" {utc} " UTC)"</span> }
                }}
            </dd>
        }
    };
    // The detail object of the connection's type, field by field as the
    // table lists them, only what is set: a password only as a mask, and
    // only when echoed.
    let detail = move || {
        let detail = info.with(|info| info.detail())?;
        let kind = detail.kind();
        let object = kind.spec().detail?;
        // An address list may break after its separators only (`<wbr>`;
        // CSS keeps each address whole): one row shape for every fact.
        let row = |label: Signal<&'static str>, value: String, list: bool| {
            let mut html = super::crash::escape(&value);
            if list {
                html = html.replace(',', ",<wbr>").replace(';', ";<wbr>");
            }
            view! { <dt>{label}</dt><dd class:addr-list=list inner_html=html></dd> }
        };
        let rows = FIELDS
            .iter()
            .filter(|spec| spec.parent() == object)
            .filter_map(|spec| {
                let value = match spec.family {
                    Family::Flag => {
                        let on = detail.flag(spec.field)?;
                        (if on { ui.text().switch_on } else { ui.text().switch_off }).to_owned()
                    }
                    Family::Secret if detail.has_password() => MASKED.to_owned(),
                    Family::Secret => return None,
                    _ => detail.text(spec.field).filter(|text| !text.is_empty())?.to_owned(),
                };
                let list = matches!(spec.family, Family::AddrList | Family::ServerList);
                Some(row(label(spec.field), value, list))
            })
            .collect_view();
        Some(view! {
            <h3>{move || ui.text().type_section(kind)}</h3>
            <dl class="facts" id=format!("{}-facts", kind.spec().ident.to_ascii_lowercase())>
                {rows}
            </dl>
        })
    };
    let error_info = move || {
        info.with(|info| {
            info.error_info
                .clone()
                .filter(|_| info.status == ConnectionStatus::CreateFailed)
        })
        .map(|error| {
            view! {
                <div class="error-panel" role="alert" id="create-failed">
                    <h3>{move || ui.text().create_failed}</h3>
                    <p><code>{error.error_code}</code> " " {error.error_msg}</p>
                    <p class="server-text">{error.error_detail}</p>
                </div>
            }
        })
    };
    let other_members = move || {
        let rows = info.with(|info| shown_members(&info.other_members));
        (!rows.is_empty()).then(|| {
            view! {
                <h3>{move || ui.text().other_members}</h3>
                <dl class="facts" id="other-members">
                    {rows
                        .into_iter()
                        .map(|(name, value)| view! { <dt><code>{name}</code></dt><dd>{value}</dd> })
                        .collect_view()}
                </dl>
            }
        })
    };
    view! {
        {error_info}
        <dl class="facts">
            <dt>"ID"</dt>
            <dd><code id="connection-id">{move || info.with(|info| info.id.clone())}</code></dd>
            {fact(label(Field::Name), |info| info.name.clone())}
            <dt>{label(Field::Description)}</dt>
            <dd>{description}</dd>
            {fact(label(Field::Type), |info| info.connection_type.as_str().to_owned())}
            {fact(label(Field::VpcId), |info| info.vpc_id.clone())}
            {fact(label(Field::SubnetId), |info| info.subnet_id.clone())}
            {fact(text(|t| t.agency), |info| info.agency.clone())}
            {fact(text(|t| t.flavor), flavor)}
            {time(text(|t| t.created_time), |info| info.created_time.clone())}
            {time(text(|t| t.updated_time), |info| info.updated_time.clone())}
        </dl>
        {detail}
        {after_detail}
        {other_members}
    }
}

/// Whether a member's name says it holds a secret.
fn looks_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [
        "password",
        "passwd",
        "secret",
        "token",
        "credential",
        "private_key",
        "access_key",
        "sk",
    ]
    .iter()
    .any(|word| {
        if *word == "sk" {
            name == "sk"
        } else {
            name.contains(word)
        }
    })
}

/// Members this build does not know, as `(path, value)` rows: objects
/// opened to their leaves (`rocketmq_detail.addr`), secrets masked.
pub fn shown_members(members: &std::collections::BTreeMap<String, serde_json::Value>) -> Vec<(String, String)> {
    fn walk(path: String, secret: bool, value: &serde_json::Value, rows: &mut Vec<(String, String)>) {
        use serde_json::Value;
        match value {
            Value::Object(object) if !object.is_empty() => {
                for (key, value) in object {
                    walk(format!("{path}.{key}"), secret || looks_secret(key), value, rows);
                }
            }
            Value::Null => rows.push((path, "null".to_owned())),
            _ if secret => rows.push((path, MASKED.to_owned())),
            Value::String(text) => rows.push((path, text.clone())),
            other => rows.push((path, other.to_string())),
        }
    }
    let mut rows = Vec::new();
    for (key, value) in members {
        walk(key.clone(), looks_secret(key), value, &mut rows);
    }
    rows
}

fn flavor(info: &ConnectionInfo) -> String {
    info.flavor
        .as_ref()
        .map(|flavor| {
            format!(
                "{} ({}, {}, bandwidth {})",
                flavor.name, flavor.concurrency_type, flavor.concurrency, flavor.bandwidth_type
            )
        })
        .unwrap_or_default()
}
