//! One connection, deep-linkable at `#/connections/{id}`: every field, its
//! status followed while it is being created, the description editable,
//! and Delete behind a typed confirmation.

use super::connection_facts::ConnectionFacts;
use super::copy_button::CopyButton;
use super::credentials_editor::CredentialsEditor;
use super::delete_dialog::{DeleteDialog, Deleted};
use super::description_editor::DescriptionEditor;
use super::error_panel::{Attempt, ErrorPanel};
use super::missing_settings::MissingSettings;
use super::route::{router, Route};
use super::status_badge::StatusBadge;
use super::views::views;
use super::{console, focus, follow_creation, ids, reload_on_new_settings, InFlight, Snapshot};
use crate::api::{self, ApiError};
use leptos::prelude::*;

/// The details view of connection `id`.
#[component]
pub fn ConnectionDetails(id: String) -> impl IntoView {
    let ui = console();
    let views = views();
    let router = router();
    // Just created by this console: shown at once, no second request. Taken,
    // so a later visit to the same connection loads it afresh.
    let created = views
        .created
        .try_update_untracked(Option::take)
        .flatten()
        .filter(|snapshot| snapshot.info.id == id);
    let just_created = created.is_some();
    let last_request_id = RwSignal::new(created.as_ref().and_then(|snapshot| snapshot.request_id.clone()));
    let snapshot = RwSignal::new(created);
    let failure = RwSignal::new(None::<ApiError>);
    let loading = RwSignal::new(!just_created);
    let deleting = RwSignal::new(false);
    let in_flight = InFlight::for_view();
    // One status follower at a time, for as long as the connection shown is
    // being created.
    let following = StoredValue::new(false);
    let follow = move || {
        let Some(endpoint) = ui.ready_endpoint() else { return };
        let Some(id) = snapshot.with_untracked(|s| {
            s.as_ref()
                .filter(|s| s.info.status.is_pending())
                .map(|s| s.info.id.clone())
        }) else {
            return;
        };
        if following.try_update_value(|following| std::mem::replace(following, true)) != Some(false) {
            return;
        }
        let stop = move || {
            let _ = following.try_update_value(|following| *following = false);
            false
        };
        follow_creation(endpoint, id.clone(), in_flight, move |outcome| match outcome {
            // Still this connection, still being created: go on.
            Ok(answer)
                if snapshot.with_untracked(|s| {
                    s.as_ref()
                        .is_some_and(|s| s.info.id == id && s.info.status.is_pending())
                }) =>
            {
                let _ = last_request_id.try_set(answer.request_id.clone());
                let pending = answer.info.status.is_pending();
                let _ = snapshot.try_set(Some(answer));
                pending || stop()
            }
            Ok(_) => stop(),
            Err(error) if error.status() == Some(404) => {
                let _ = failure.try_set(Some(error));
                let _ = snapshot.try_set(None);
                stop()
            }
            Err(_) => true,
        });
    };
    // The connection as the API returns it: loaded at once (unless just
    // created), again on Refresh and when the settings change. A newer load
    // supersedes (and aborts) an older one; `None` inside: no settings yet.
    let skip_first = StoredValue::new(just_created);
    let loader = {
        let id = id.clone();
        LocalResource::new(move || {
            let skip = skip_first.try_update_value(std::mem::take).unwrap_or(false);
            let call = if skip { None } else { ui.ready_endpoint() }.map(|endpoint| (endpoint, in_flight.start()));
            let id = id.clone();
            async move {
                let (endpoint, abort) = call?;
                Some(api::show_connection(&endpoint, &id, &abort).await)
            }
        })
    };
    // Each answer into the view's state.
    Effect::new(move |_| {
        let Some(answered) = loader.get() else { return };
        untrack(|| {
            loading.set(false);
            let Some(answered) = answered else {
                // Not loaded (just created, or no settings): a follower
                // started at mount goes on.
                failure.set(None);
                return;
            };
            match answered {
                Ok(answer) => {
                    last_request_id.set(answer.request_id.clone());
                    failure.set(None);
                    snapshot.set(Some(Snapshot::from(answer)));
                    follow();
                }
                Err(error) => {
                    last_request_id.set(error.request_id().map(str::to_owned));
                    if error.status() == Some(404) {
                        snapshot.set(None);
                    }
                    failure.set(Some(error));
                    request_animation_frame(|| focus(ids::DETAILS_ERROR));
                }
            }
        });
    });
    let load = move || {
        loading.set(true);
        loader.refetch();
    };
    if just_created {
        follow();
    }
    // New settings (another project, key or base URL) show what they see.
    reload_on_new_settings(load);

    let on_deleted = move |outcome: Deleted| {
        let text = ui.text_untracked();
        let notice = match outcome {
            Deleted::Now { name } => text.deleted.replace("{name}", &name),
            Deleted::AlreadyGone { name } => text.already_gone.replace("{name}", &name),
        };
        views.notice.set(Some(notice));
        router.navigate(Route::List);
    };

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
            // What cannot be undone comes last, apart. EG refuses to delete
            // a connection still being created (EG.00514004): the button
            // says so rather than fail.
            <section class="danger-zone" aria-labelledby="danger-title">
                <h3 id="danger-title">{move || ui.text().danger_zone}</h3>
                <div class="actions">
                <button
                    type="button"
                    class="danger"
                    id="delete-button"
                    aria-disabled=move || pending().to_string()
                    aria-describedby="delete-help"
                    on:click=move |_| {
                        if !pending() {
                            deleting.set(true);
                        }
                    }
                >
                    {move || ui.text().delete}
                </button>
                <span class="help" id="delete-help">{move || if pending() { ui.text().delete_after_creation } else { ui.text().delete_explained }}</span>
                </div>
            </section>
            <Show when=move || deleting.get()>
                <DeleteDialog
                    id=info.with_untracked(|info| info.id.clone())
                    name=info.with_untracked(|info| info.name.clone())
                    on_close=move |_| deleting.set(false)
                    on_deleted=on_deleted
                />
            </Show>
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
                    on:click=move |_| load()
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
