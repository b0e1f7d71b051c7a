//! One connection, deep-linkable at `#/connections/{id}`: every field, its
//! status followed while it is being created, the description editable,
//! and Delete behind a typed confirmation.

use super::connection_facts::ConnectionFacts;
use super::copy_button::CopyButton;
use super::credentials_editor::CredentialsEditor;
use super::danger_zone::DangerZone;
use super::description_editor::DescriptionEditor;
use super::details_state::DetailsState;
use super::error_panel::{Attempt, ErrorPanel};
use super::missing_settings::MissingSettings;
use super::route::Route;
use super::status_badge::StatusBadge;
use super::{console, ids};
use leptos::prelude::*;

/// The details view of connection `id`.
#[component]
pub fn ConnectionDetails(id: String) -> impl IntoView {
    let ui = console();
    let state = DetailsState::load(id);
    let DetailsState {
        snapshot,
        failure,
        loading,
        last_request_id,
        just_created,
        ..
    } = state;

    // Re-rendered only when the connection appears or disappears: status
    // and description updates flow into the parts, so an edit in progress
    // and the delete dialog survive them.
    let present = Memo::new(move |_| snapshot.with(Option::is_some));
    // A memo: the facts read it a dozen times per update, one copy serves all.
    let info = Memo::new(move |_| snapshot.with(|s| s.as_ref().map(|s| s.info.clone()).unwrap_or_default()));
    let body = move || {
        if !present.get() {
            return match failure.get() {
                Some(error) if error.status() == Some(404) => view! {
                    <p class="field-error" role="alert" id="details-not-found">{ui.text().not_found}</p>
                    <ErrorPanel error=error attempt=Attempt::Load id=ids::DETAILS_ERROR />
                }
                .into_any(),
                Some(error) => {
                    view! { <ErrorPanel error=error attempt=Attempt::Load id=ids::DETAILS_ERROR /> }.into_any()
                }
                None if ui.ready_endpoint().is_none() => view! { <MissingSettings tried=true /> }.into_any(),
                None => view! { <p class="help" aria-live="polite">{ui.text().loading}</p> }.into_any(),
            };
        }
        let pending = move || info.with(|info| info.status.is_pending());
        view! {
            <div class="result-head">
                <h2 id="details-title">{move || info.with(|info| info.name.clone())}</h2>
                {move || view! { <StatusBadge status=info.with(|info| info.status.clone()) id="details-status".to_owned() /> }}
            </div>
            <p class="help" aria-live="polite">{move || pending().then(|| ui.text().polling)}</p>
            {move || failure.get().map(|error| view! { <ErrorPanel error=error attempt=Attempt::Load id=ids::DETAILS_ERROR /> })}
            <ConnectionFacts
                info=info
                description=view! { <DescriptionEditor snapshot=snapshot last_request_id=last_request_id /> }.into_any()
                after_detail=view! { <CredentialsEditor snapshot=snapshot last_request_id=last_request_id /> }.into_any()
            />
            {move || last_request_id.get().map(|request_id| {
                let copy_text = request_id.clone();
                view! {
                    <dl class="facts">
                        <dt>{move || ui.text().last_request_id}</dt>
                        <dd><code id="last-request-id">{request_id}</code> " " <CopyButton text=copy_text what="request ID" /></dd>
                    </dl>
                }
            })}
            <DangerZone info=info />
        }
        .into_any()
    };

    view! {
        <section class="panel" aria-labelledby="details-title" id=ids::CONNECTION_DETAILS tabindex="-1">
            <div class="toolbar">
                <a href=Route::List.href() id="back-to-list">"← " {move || ui.text().back_to_list}</a>
                <button
                    type="button"
                    class="secondary"
                    id="details-refresh"
                    aria-busy=move || loading.get().to_string()
                    on:click=move |_| state.refresh()
                >
                    {move || if loading.get() { ui.text().refreshing } else { ui.text().refresh }}
                </button>
            </div>
            // Said while creation goes on; its end is the status itself
            // (and a failure's panel), not a second message beside it.
            {move || {
                let pending = snapshot.with(|s| s.as_ref().is_some_and(|s| s.info.status.is_pending()));
                (just_created && pending).then(|| view! {
                    <p class="notice" role="status" id="created-notice">{move || ui.text().created_notice}</p>
                })
            }}
            {body}
        </section>
    }
}
