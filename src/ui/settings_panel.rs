//! API settings: how calls are authorized, asked first (IAM sign-in, a
//! token or an access key, each with its own fields only), then where they
//! go (base URL, region) and the project.

use super::access_key_fields::AccessKeyFields;
use super::base_url_field::BaseUrlField;
use super::sign_in_form::SignInForm;
use super::{console, focus, ids, region_host, AuthMethod, REGIONS};
use leptos::prelude::*;

/// Every setting, and IAM sign-in (shown by [`super::settings::Settings`]
/// unless folded into its bar).
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let ui = console();
    let has_credentials = move || ui.has_credentials();
    let uses = move |method: AuthMethod| ui.auth_method.get() == method;
    let method_choice = move |id: &'static str, method: AuthMethod, label: fn(&super::text::Text) -> &'static str| {
        view! {
            <label class="check">
                <input
                    id=id
                    type="radio"
                    name="auth-method"
                    prop:checked=move || uses(method)
                    on:change=move |_| ui.auth_method.set(method)
                />
                {move || label(ui.text())}
            </label>
        }
    };
    let forget = move |_| forget_secrets();
    let fold = move |_| {
        ui.settings_open.set(false);
        request_animation_frame(|| focus(ids::SETTINGS_CHANGE));
    };
    view! {
        <div class="settings-head">
            <h2 id="settings-title">{move || ui.text().settings}</h2>
            <span class="badge" class:ok=has_credentials>
                {move || if has_credentials() { ui.text().signed_in } else { ui.text().missing_settings }}
            </span>
            <Show when=has_credentials>
                <button type="button" id="settings-done" class="secondary" on:click=fold>
                    {move || ui.text().settings_done}
                </button>
            </Show>
        </div>
        // The one choice first, then only its fields; where calls go last.
        <fieldset class="auth-method">
            <legend>{move || ui.text().auth_method}</legend>
            {method_choice(ids::AUTH_SIGN_IN, AuthMethod::SignIn, |t| t.auth_sign_in)}
            {method_choice(ids::AUTH_TOKEN, AuthMethod::Token, |t| t.auth_token)}
            {method_choice(ids::AUTH_ACCESS_KEY, AuthMethod::AccessKey, |t| t.auth_access_key)}
        </fieldset>
        // Hidden, not removed, when another way is chosen: what was typed stays.
        <div hidden=move || !uses(AuthMethod::SignIn)>
            <SignInForm />
        </div>
        <Show when=move || uses(AuthMethod::Token)>
            <div class="field">
                <label for="settings-token">{move || ui.text().token}</label>
                <input
                    id="settings-token"
                    type="password"
                    autocomplete="off"
                    aria-describedby="settings-token-help"
                    prop:value=move || ui.token.get()
                    on:input=move |ev| {
                        ui.token.set(event_target_value(&ev));
                        // A token typed in is nobody's sign-in.
                        ui.account.set(String::new());
                    }
                />
                <p id="settings-token-help" class="help">{move || ui.text().token_help}</p>
            </div>
        </Show>
        <Show when=move || uses(AuthMethod::AccessKey)>
            <AccessKeyFields />
        </Show>
        <div class="remember">
            <label class="check">
                <input
                    id="settings-remember"
                    type="checkbox"
                    prop:checked=move || ui.remember_secrets.get()
                    on:change=move |ev| ui.remember_secrets.set(event_target_checked(&ev))
                />
                {move || ui.text().remember_secrets}
            </label>
            <button type="button" id="settings-forget" class="link-button" on:click=forget>
                {move || ui.text().forget_secrets}
            </button>
        </div>
        <div class="grid">
            <BaseUrlField />
            <div class="field">
                <label for="settings-region">{move || ui.text().region}</label>
                <select
                    id="settings-region"
                    aria-describedby="settings-region-help"
                    on:change=move |ev| ui.region.set(event_target_value(&ev))
                >
                    {REGIONS
                        .iter()
                        .map(|region| {
                            view! {
                                <option value=*region selected=move || ui.region.get() == *region>
                                    {*region}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <p id="settings-region-help" class="help">
                    {move || ui.text().region_help} " " <code>{move || region_host(&ui.region.get())}</code>
                </p>
            </div>
            // Sign-in finds the project (its own field takes a name or an ID).
            <div class="field" hidden=move || uses(AuthMethod::SignIn)>
                <label for="settings-project-id">{move || ui.text().project_id}</label>
                <input
                    id="settings-project-id"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="settings-project-id-help"
                    prop:value=move || ui.project_id.get()
                    on:input=move |ev| ui.project_id.set(event_target_value(&ev))
                />
                <p id="settings-project-id-help" class="help">{move || ui.text().project_id_help}</p>
            </div>
        </div>
    }
}

/// Clears the token, the access key and who signed in (and so, when they
/// were remembered, this tab's copies).
pub fn forget_secrets() {
    let ui = console();
    ui.token.set(String::new());
    ui.access_key.set(Default::default());
    ui.account.set(String::new());
}
