//! What a view says instead of calling when the settings are not ready
//! (no project ID, or no credentials), with the way to them.

use super::console;
use leptos::prelude::*;

/// Shown while `tried` (an action was attempted without settings, or the
/// view needs them to load) and the settings are still not ready; it goes
/// by itself once they are.
#[component]
pub fn MissingSettings(#[prop(into)] tried: Signal<bool>, #[prop(optional)] id: Option<&'static str>) -> impl IntoView {
    let ui = console();
    let shown = move || tried.get() && !ui.is_ready();
    view! {
        <Show when=shown>
            <p class="field-error missing-settings" role="alert" id=id>
                {move || ui.text().missing_settings} " "
                <button
                    type="button"
                    class="link-button"
                    on:click=move |_| ui.open_settings_at(ui.missing_settings_field())
                >
                    {move || ui.text().open_settings}
                </button>
            </p>
        </Show>
    }
}
