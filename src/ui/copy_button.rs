//! A button that copies a text to the clipboard and says so.

use super::console;
use leptos::prelude::*;

/// Copies `text` (read when clicked) to the clipboard.
#[component]
pub fn CopyButton(#[prop(into)] text: Signal<String>, #[prop(into)] what: String) -> impl IntoView {
    let ui = console();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let clipboard = window().navigator().clipboard();
        let _ = clipboard.write_text(&text.get_untracked());
        copied.set(true);
    };
    view! {
        <button type="button" class="link-button" on:click=copy aria-label=move || format!("{} {what}", ui.text().copy)>
            {move || if copied.get() { ui.text().copied } else { ui.text().copy }}
        </button>
    }
}
