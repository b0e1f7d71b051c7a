//! The API settings folded into one line: how calls are authorized, as
//! whom, for which project and where they go, with Change and Sign out.

use super::settings_panel::forget_secrets;
use super::{console, ids, AuthMethod};
use leptos::prelude::*;

/// The one-line summary of the settings in use.
#[component]
pub fn SettingsBar() -> impl IntoView {
    let ui = console();
    let auth = move || match ui.auth_method.get() {
        AuthMethod::SignIn | AuthMethod::Token => ui.text().auth_token_short,
        AuthMethod::AccessKey => ui.text().auth_access_key_short,
    };
    let account = move || match ui.auth_method.get() {
        AuthMethod::SignIn | AuthMethod::Token => {
            let account = ui.account.get();
            if account.is_empty() {
                ui.text().account_unknown.to_owned()
            } else {
                account
            }
        }
        // An AK is an identifier, not a secret, but its start is enough to
        // tell keys apart.
        AuthMethod::AccessKey => ui.access_key.with(|key| {
            let access = key.access.trim();
            let shown: String = access.chars().take(4).collect();
            if shown.len() < access.len() {
                format!("{shown}…")
            } else {
                shown
            }
        }),
    };
    let endpoint = move || {
        let base_url = ui.base_url.get();
        let target = if base_url.is_empty() {
            ui.text().base_url_same_origin.to_owned()
        } else {
            base_url
        };
        format!("{} · {target}", ui.region.get())
    };
    // The panel opens at its first question: how calls are authorized.
    let change = move |_| ui.open_settings_at(ui.auth_method.get_untracked().choice_id());
    let sign_out = move |_| {
        forget_secrets();
        ui.open_settings_at(ui.missing_settings_field());
    };
    view! {
        <div class="settings-bar" id=ids::SETTINGS_BAR>
            <h2 class="visually-hidden">{move || ui.text().bar_label}</h2>
            <dl class="bar-facts">
                <div><dt>{move || ui.text().bar_auth}</dt><dd id="bar-auth">{auth}</dd></div>
                <div><dt>{move || ui.text().bar_account}</dt><dd id="bar-account">{account}</dd></div>
                <div><dt>{move || ui.text().bar_project}</dt><dd id="bar-project"><code>{move || ui.project_id.get()}</code></dd></div>
                <div><dt>{move || ui.text().bar_endpoint}</dt><dd id="bar-endpoint">{endpoint}</dd></div>
            </dl>
            <div class="bar-actions">
                <button type="button" id=ids::SETTINGS_CHANGE class="secondary" on:click=change>
                    {move || ui.text().settings_change}
                </button>
                <button type="button" id="settings-sign-out" class="link-button" on:click=sign_out>
                    {move || ui.text().sign_out}
                </button>
            </div>
        </div>
    }
}
