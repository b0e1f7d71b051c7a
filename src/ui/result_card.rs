//! The created connection: its facts, and its status followed until
//! creation ends (polling the show endpoint with back-off).

use super::copy_button::CopyButton;
use super::{console, sleep, Console};
use crate::api;
use crate::model::{ConnectionInfo, ConnectionStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// A created connection and the request ID of the call that last read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Created {
    pub info: ConnectionInfo,
    pub request_id: Option<String>,
}

/// Polls the show endpoint while `result` is still `CREATING`: after 1 s,
/// then doubling up to 8 s. Stops when the status settles, the card is
/// closed or replaced (`generation` moves on), or the connection is gone.
pub fn follow_status(ui: Console, result: RwSignal<Option<Created>>, generation: RwSignal<u64>) {
    let mine = generation.get_untracked();
    spawn_local(async move {
        let mut delay = Duration::from_secs(1);
        loop {
            let id = match result.get_untracked() {
                Some(created) if created.info.status.is_pending() => created.info.id,
                _ => return,
            };
            sleep(delay).await;
            delay = (delay * 2).min(Duration::from_secs(8));
            if generation.get_untracked() != mine {
                return;
            }
            match api::show_connection(&ui.endpoint(), &id).await {
                Ok(answer) if generation.get_untracked() == mine => result.set(Some(Created {
                    info: answer.value,
                    request_id: answer.request_id,
                })),
                Err(error) if error.status() == Some(404) => return,
                // Stale (closed meanwhile) or a passing failure: try again later.
                _ => {}
            }
        }
    });
}

fn status_class(status: &ConnectionStatus) -> &'static str {
    match status {
        ConnectionStatus::Creating => "badge pending",
        ConnectionStatus::Created => "badge ok",
        ConnectionStatus::CreateFailed => "badge failed",
        ConnectionStatus::Other(_) => "badge",
    }
}

/// The card; `on_close` runs when the user closes it.
#[component]
pub fn ResultCard(created: Created, on_close: impl Fn() + 'static) -> impl IntoView {
    let ui = console();
    let info = created.info;
    let id = info.id.clone();
    let fact = |label: Signal<&'static str>, value: String| {
        view! {
            <dt>{label}</dt>
            <dd>{value}</dd>
        }
    };
    let text = move |pick: fn(&super::text::Text) -> &'static str| Signal::derive(move || pick(ui.text()));
    let label = move |field: crate::Field| Signal::derive(move || crate::i18n::field_label(field, ui.locale.get()));
    let flavor = info
        .flavor
        .as_ref()
        .map(|flavor| {
            format!(
                "{} ({}, {}, bandwidth {})",
                flavor.name, flavor.concurrency_type, flavor.concurrency, flavor.bandwidth_type
            )
        })
        .unwrap_or_default();
    let kafka = info.kafka_detail.clone().map(|kafka| {
        let password = kafka.password.as_ref().map(|_| "••••••••".to_owned());
        view! {
            <h3>{move || ui.text().kafka_section}</h3>
            <dl class="facts">
                {fact(label(crate::Field::InstanceId), kafka.instance_id.unwrap_or_default())}
                {fact(label(crate::Field::Addr), kafka.addr.unwrap_or_default())}
                {fact(label(crate::Field::SecurityProtocol), kafka.security_protocol.unwrap_or_default())}
                {fact(label(crate::Field::EnableSaslSsl), kafka.enable_sasl_ssl.unwrap_or(false).to_string())}
                {fact(label(crate::Field::UserName), kafka.user_name.unwrap_or_default())}
                {password.map(|masked| fact(label(crate::Field::Password), masked))}
                {fact(label(crate::Field::Acks), kafka.acks.unwrap_or_default())}
            </dl>
        }
    });
    let error_info = info
        .error_info
        .clone()
        .filter(|_| info.status == ConnectionStatus::CreateFailed)
        .map(|error| {
            view! {
                <div class="error-panel" role="alert">
                    <h3>{move || ui.text().create_failed}</h3>
                    <p><code>{error.error_code}</code> " " {error.error_msg}</p>
                    <p class="server-text">{error.error_detail}</p>
                </div>
            }
        });
    let pending = info.status.is_pending();
    view! {
        <section class="panel result" id="result-card" aria-labelledby="result-title" tabindex="-1">
            <div class="result-head">
                <h2 id="result-title">{move || ui.text().result_title}</h2>
                <button type="button" class="secondary" id="result-close" on:click=move |_| on_close()>
                    {move || ui.text().close}
                </button>
            </div>
            <p>
                <span class=status_class(&info.status) id="result-status">{info.status.as_str().to_owned()}</span>
                {pending.then(|| view! { <span class="help" aria-live="polite">" " {move || ui.text().polling}</span> })}
            </p>
            {error_info}
            <dl class="facts">
                <dt>"ID"</dt>
                <dd><code id="result-id">{id.clone()}</code> " " <CopyButton text=id what="connection ID" /></dd>
                {fact(label(crate::Field::Name), info.name.clone())}
                {fact(label(crate::Field::Description), info.description.clone())}
                {fact(label(crate::Field::Type), info.connection_type.map(|t| t.as_str().to_owned()).unwrap_or_default())}
                {fact(label(crate::Field::VpcId), info.vpc_id.clone())}
                {fact(label(crate::Field::SubnetId), info.subnet_id.clone())}
                {fact(text(|t| t.agency), info.agency.clone())}
                {fact(text(|t| t.flavor), flavor)}
                {fact(text(|t| t.created_time), info.created_time.clone())}
                {fact(text(|t| t.updated_time), info.updated_time.clone())}
                {created.request_id.map(|request_id| fact(text(|t| t.request_id), request_id))}
            </dl>
            {kafka}
        </section>
    }
}
