//! The settings area: the whole settings panel, or its one-line bar once
//! calls can be made.

use super::settings_bar::SettingsBar;
use super::settings_panel::SettingsPanel;
use super::{console, ids};
use leptos::prelude::*;

/// The settings: the whole panel while nothing is set to call with, or when
/// the user asks for it; else [`SettingsBar`]. Both stay mounted, so
/// nothing typed is lost when the panel folds.
#[component]
pub fn Settings() -> impl IntoView {
    let ui = console();
    // Folded: calls can be made and the user is not changing the settings.
    let folded = move || !ui.settings_open.get() && ui.is_ready();
    view! {
        <section class="panel settings" aria-label=move || ui.text().settings>
            <Show when=folded>
                <SettingsBar />
            </Show>
            <div id=ids::SETTINGS_FULL hidden=folded>
                <SettingsPanel />
            </div>
        </section>
    }
}
