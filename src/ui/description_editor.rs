//! The description, editable in place (the one field of the body an update changes; a detail object's credentials have their own editor).
//!
//! Saving is optimistic: the new text shows at once; if the PUT fails the
//! old text comes back, the error says why, and the edit stays in the
//! input for another try.

use super::draft::FieldState;
use super::error_panel::{Attempt, ErrorPanel};
use super::field::with_limit;
use super::field::TextField;
use super::missing_settings::MissingSettings;
use super::{console, focus, ids, save_update, settled_outcome, InFlight, Snapshot};
use crate::api::{ApiError, Endpoint};
use crate::i18n::field_label;
use crate::input::{Body, Slot, UpdateInput};
use crate::issue::{Field, Issue};
use crate::model::UpdateConnectionRequest;
use crate::rules::validate_update;
use leptos::prelude::*;

/// One description save: where, what, and the text to put back on failure.
#[derive(Debug, Clone)]
struct Save {
    endpoint: Endpoint,
    id: String,
    request: UpdateConnectionRequest,
    previous: String,
    wanted: String,
}

/// The description of `snapshot`'s connection, with Edit / Save / Cancel.
/// Every call's request ID goes to `last_request_id`.
#[component]
pub fn DescriptionEditor(
    snapshot: RwSignal<Option<Snapshot>>,
    last_request_id: RwSignal<Option<String>>,
) -> impl IntoView {
    let ui = console();
    let in_flight = InFlight::for_view();
    let editing = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    let edited = RwSignal::new(false);
    let settings_missing = RwSignal::new(false);
    let save_action = save_action(in_flight, snapshot, last_request_id, editing);
    let saving = save_action.pending();
    let outcome = settled_outcome(save_action);
    let saved = move || matches!(outcome(), Some(Ok(())));
    let failure = Memo::new(move |_| outcome().and_then(Result::err));
    let current = move || {
        snapshot.with(|snapshot| {
            snapshot
                .as_ref()
                .map(|s| s.info.description.clone())
                .unwrap_or_default()
        })
    };

    let checked = move || check(text.get());
    // A memo: the field reads its state several times per keystroke; the
    // rule runs once.
    let state = Memo::new(move |_| match checked() {
        Err(issues) if edited.get() => {
            let locale = ui.locale.get();
            FieldState::Invalid(issues.iter().map(|issue| issue.message(locale)).collect())
        }
        Err(_) => FieldState::Pristine,
        Ok(_) => FieldState::Valid,
    });

    let start = move |_| {
        text.set(current());
        edited.set(false);
        save_action.clear();
        editing.set(true);
        request_animation_frame(|| focus("field-description"));
    };
    // The Dismiss button, and Escape anywhere in the form.
    let cancel = move || {
        editing.set(false);
        save_action.clear();
        request_animation_frame(|| focus(ids::EDIT_DESCRIPTION));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        edited.set(true);
        let Ok(request) = untrack(checked) else {
            focus("field-description");
            return;
        };
        let Some(id) = snapshot.with_untracked(|s| s.as_ref().map(|s| s.info.id.clone())) else {
            return;
        };
        let Some(endpoint) = ui.ready_endpoint() else {
            settings_missing.set(true);
            return;
        };
        settings_missing.set(false);
        let previous = untrack(current);
        let wanted = request.description.clone().unwrap_or_default();
        // Optimistic: the page shows the new text while the PUT runs.
        snapshot.update(|snapshot| {
            if let Some(snapshot) = snapshot {
                snapshot.info.description = wanted.clone();
            }
        });
        editing.set(false);
        save_action.dispatch_local(Save {
            endpoint,
            id,
            request,
            previous,
            wanted,
        });
    };

    let display = move || {
        let description = current();
        if description.is_empty() {
            view! { <span id="description-value" class="help">{move || ui.text().no_description}</span> }.into_any()
        } else {
            view! { <span id="description-value">{description}</span> }.into_any()
        }
    };

    view! {
        <Show
            when=move || editing.get()
            fallback=move || view! {
                <div class="inline-edit">
                    {display}
                    " "
                    <button type="button" class="link-button" id="edit-description" on:click=start
                        aria-label=move || format!("{} {}", ui.text().edit, field_label(Field::Description, ui.locale.get()))>
                        {move || ui.text().edit}
                    </button>
                    <span class="help" aria-live="polite" id="description-status">
                        {move || if saving.get() { ui.text().saving } else if saved() { ui.text().saved } else { "" }}
                    </span>
                </div>
            }
        >
            <form class="inline-form" id="description-form" novalidate on:submit=save on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    cancel();
                }
            }>
                <TextField
                    field=Field::Description
                    label=Signal::derive(move || field_label(Field::Description, ui.locale.get()))
                    help=Signal::derive(move || with_limit(ui.text().description_help, Field::Description))
                    value=text
                    state=state
                    max_chars=Field::Description.max_chars()
                    on_blur=move || edited.set(true)
                    on_edit=move || edited.set(true)
                />
                <div class="actions">
                    <button type="submit" class="primary" id="save-description">{move || ui.text().save}</button>
                    <button type="button" class="secondary" id="cancel-description" on:click=move |_| cancel()>
                        {move || ui.text().dismiss}
                    </button>
                </div>
            </form>
        </Show>
        <MissingSettings tried=settings_missing />
        {move || failure.get().map(|error| view! {
            <p class="field-error" role="alert">{move || ui.text().save_failed}</p>
            <ErrorPanel error=error attempt=Attempt::SaveDescription id="description-error" />
        })}
    }
}

/// The update a description edit asks for, or its issues.
fn check(text: String) -> Result<UpdateConnectionRequest, Vec<Issue>> {
    let mut update = UpdateInput::default();
    update.set_field(Field::Root, Slot::Object);
    update.set_field(Field::Description, Slot::Text(text));
    validate_update(&Body::Object(update))
}

/// The PUT. The page already shows the new text (optimistic); a failure
/// puts the previous one back, unless a newer answer replaced it, and
/// opens the edit again.
fn save_action(
    in_flight: InFlight,
    snapshot: RwSignal<Option<Snapshot>>,
    last_request_id: RwSignal<Option<String>>,
    editing: RwSignal<bool>,
) -> Action<Save, Result<(), ApiError>> {
    Action::new_local(move |save: &Save| {
        let Save {
            endpoint,
            id,
            request,
            previous,
            wanted,
        } = save.clone();
        async move {
            let saved = save_update(&endpoint, &id, &request, in_flight, snapshot, last_request_id).await;
            if saved.is_err() {
                let _ = snapshot.try_update(|snapshot| {
                    if let Some(snapshot) = snapshot.as_mut().filter(|s| s.info.description == wanted) {
                        snapshot.info.description = previous;
                    }
                });
                let _ = editing.try_set(true);
                request_animation_frame(|| focus(ids::DESCRIPTION_ERROR));
            }
            saved
        }
    })
}
