//! Deleting a connection: a modal dialog that asks for the connection's
//! name to be typed before the Delete button acts (the cloud-console
//! convention for destructive actions).

use super::error_panel::{Attempt, ErrorPanel};
use super::missing_settings::MissingSettings;
use super::{console, focus, ids, settled_outcome, InFlight};
use crate::api::{self, Endpoint};
use leptos::html::Dialog;
use leptos::prelude::*;

/// How a delete ended, for the view that asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deleted {
    /// 204: the connection is gone now.
    Now { name: String },
    /// 404: it was already gone (deleted elsewhere).
    AlreadyGone { name: String },
}

/// The dialog for connection `id` named `name`. It opens when mounted;
/// `on_close` runs when it is dismissed, `on_deleted` when the connection
/// no longer exists. A failed delete keeps the dialog open and says why.
#[component]
pub fn DeleteDialog(
    id: String,
    name: String,
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] on_deleted: Callback<Deleted>,
) -> impl IntoView {
    let ui = console();
    let dialog = NodeRef::<Dialog>::new();
    let typed = RwSignal::new(String::new());
    let attempted = RwSignal::new(false);
    let settings_missing = RwSignal::new(false);
    // The DELETE itself: pending while it runs, its outcome in `value`.
    let in_flight = InFlight::for_view();
    let delete = Action::new_local(move |(endpoint, id): &(Endpoint, String)| {
        let (endpoint, id, abort) = (endpoint.clone(), id.clone(), in_flight.start());
        async move { api::delete_connection(&endpoint, &id, &abort).await }
    });
    let deleting = delete.pending();
    // The last failure (a 404 is not one: the connection is gone), hidden
    // while a new attempt runs.
    let outcome = settled_outcome(delete);
    let failure = Memo::new(move |_| {
        outcome()
            .and_then(Result::err)
            .filter(|error| error.status() != Some(404))
    });
    // Each outcome once: gone (now or already) tells the view; a failure
    // keeps the dialog open and moves focus to its explanation.
    Effect::new({
        let name = name.clone();
        move |_| match delete.value().get() {
            Some(Ok(_)) => on_deleted.run(Deleted::Now { name: name.clone() }),
            Some(Err(error)) if error.status() == Some(404) => {
                on_deleted.run(Deleted::AlreadyGone { name: name.clone() })
            }
            Some(Err(_)) | None => {}
        }
    });
    let expected = name.clone();
    let matches = Memo::new(move |_| typed.with(|typed| *typed == expected));

    // A modal <dialog> keeps focus inside and closes on Escape.
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
                focus(ids::DELETE_CONFIRM_NAME);
            }
        }
    });

    let confirm = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            attempted.set(true);
            if deleting.get_untracked() || !matches.get_untracked() {
                focus(ids::DELETE_CONFIRM_NAME);
                return;
            }
            let Some(endpoint) = ui.ready_endpoint() else {
                settings_missing.set(true);
                return;
            };
            settings_missing.set(false);
            delete.dispatch_local((endpoint, id.clone()));
        }
    };
    let warning = {
        let name = name.clone();
        move || ui.text().delete_warning.replace("{name}", &name)
    };
    let mismatch = Signal::derive(move || attempted.get() && !matches.get());

    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            id="delete-dialog"
            aria-labelledby="delete-title"
            aria-describedby="delete-warning"
            on:cancel=move |ev: web_sys::Event| {
                // Escape does nothing while the request runs: its outcome must be seen.
                if deleting.get_untracked() {
                    ev.prevent_default();
                }
            }
            on:close=move |_| on_close.run(())
        >
            <form novalidate on:submit=confirm>
                <h2 id="delete-title">{move || ui.text().delete_title}</h2>
                <p id="delete-warning">{warning}</p>
                <div class="field" class:invalid=move || mismatch.get()>
                    <label for="delete-confirm-name">
                        {move || ui.text().delete_confirm_label} " " <strong class="confirm-name">{name.clone()}</strong>
                    </label>
                    <input
                        id=ids::DELETE_CONFIRM_NAME
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        aria-invalid=move || mismatch.get().to_string()
                        aria-describedby="delete-confirm-error"
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                    <div id="delete-confirm-error" class="field-error" aria-live="polite">
                        {move || mismatch.get().then(|| view! { <p>{ui.text().delete_mismatch}</p> })}
                    </div>
                </div>
                <MissingSettings tried=settings_missing />
                {move || failure.get().map(|error| view! {
                    <p class="field-error" role="alert">{ui.text().delete_failed}</p>
                    <ErrorPanel error=error attempt=Attempt::Delete id=ids::DELETE_ERROR take_focus=true />
                })}
                <div class="actions">
                    <button
                        type="submit"
                        class="danger"
                        id="delete-confirm"
                        aria-disabled=move || (!matches.get() || deleting.get()).to_string()
                        aria-busy=move || deleting.get().to_string()
                    >
                        {move || if deleting.get() { ui.text().deleting } else { ui.text().delete }}
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        id="delete-cancel"
                        disabled=move || deleting.get()
                        on:click=move |_| {
                            if let Some(dialog) = dialog.get_untracked() {
                                dialog.close();
                            }
                        }
                    >
                        {move || ui.text().dismiss}
                    </button>
                </div>
            </form>
        </dialog>
    }
}
