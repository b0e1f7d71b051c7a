//! The end of the details: what cannot be undone, apart. Delete asks for
//! the typed name; EG refuses to delete a connection still being created
//! (EG.00514004), so the button says so rather than fail.

use super::console;
use super::delete_dialog::{DeleteDialog, Deleted};
use super::route::{router, Route};
use super::views::views;
use crate::model::ConnectionInfo;
use leptos::prelude::*;

/// Delete for the connection `info` shows; once deleted, the list, with a
/// notice of it.
#[component]
pub fn DangerZone(info: Memo<ConnectionInfo>) -> impl IntoView {
    let ui = console();
    let (views, router) = (views(), router());
    let deleting = RwSignal::new(false);
    let pending = move || info.with(|info| info.status.is_pending());
    let on_deleted = move |outcome: Deleted| {
        let text = ui.text_untracked();
        let notice = match outcome {
            Deleted::Now { name } => text.deleted.replace("{name}", &name),
            Deleted::AlreadyGone { name } => text.already_gone.replace("{name}", &name),
        };
        views.notice.set(Some(notice));
        router.navigate(Route::List);
    };
    view! {
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
}
