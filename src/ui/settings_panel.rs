//! API settings: base URL, region, project, and how calls are authorized:
//! a token (typed, or from IAM sign-in) or an access key.

use super::access_key_fields::AccessKeyFields;
use super::error_panel::ErrorPanel;
use super::{console, region_host, AuthMethod, REGIONS};
use crate::api::{self, ApiError, Credentials};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The settings panel. It is open while no credentials are set.
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let ui = console();
    let credentials = RwSignal::new(Credentials::default());
    let signing_in = RwSignal::new(false);
    let sign_in_error = RwSignal::new(None::<ApiError>);
    let sign_in = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if signing_in.get_untracked() {
            return;
        }
        let mut request = credentials.get_untracked();
        if request.project.trim().is_empty() {
            request.project = ui.project_id.get_untracked();
        }
        signing_in.set(true);
        sign_in_error.set(None);
        let base_url = ui.base_url.get_untracked();
        spawn_local(async move {
            match api::sign_in(&base_url, &request).await {
                Ok((token, project_id)) => {
                    ui.token.set(token);
                    if let Some(project_id) = project_id {
                        ui.project_id.set(project_id);
                    }
                    // The password is not kept once it has done its job.
                    credentials.update(|credentials| credentials.password.clear());
                }
                Err(error) => sign_in_error.set(Some(error)),
            }
            signing_in.set(false);
        });
    };
    let credential_input = move |id: &'static str,
                                 label: fn(&super::text::Text) -> &'static str,
                                 kind: &'static str,
                                 get: fn(&Credentials) -> String,
                                 set: fn(&mut Credentials, String)| {
        view! {
            <div class="field">
                <label for=id>{move || label(ui.text())}</label>
                <input
                    id=id
                    type=kind
                    autocomplete="off"
                    prop:value=move || credentials.with(get)
                    on:input=move |ev| credentials.update(|c| set(c, event_target_value(&ev)))
                />
            </div>
        }
    };
    let has_credentials = move || ui.has_credentials();
    // Open at first while there are no credentials; after that the user
    // decides (closing it as they are typed would pull the field away).
    let open_at_start = !untrack(has_credentials);
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
    let forget = move |_| {
        ui.token.set(String::new());
        ui.access_key.set(Default::default());
    };
    view! {
        <details class="panel settings" open=open_at_start>
            <summary>
                <h2>{move || ui.text().settings}</h2>
                <span class="badge" class:ok=has_credentials>
                    {move || if has_credentials() { ui.text().signed_in } else { ui.text().missing_settings }}
                </span>
            </summary>
            <div class="grid">
                <div class="field">
                    <label for="settings-base-url">{move || ui.text().api_base}</label>
                    <input
                        id="settings-base-url"
                        type="url"
                        placeholder="https://"
                        aria-describedby="settings-base-url-help"
                        prop:value=move || ui.base_url.get()
                        on:input=move |ev| ui.base_url.set(event_target_value(&ev))
                    />
                    <p id="settings-base-url-help" class="help">{move || ui.text().api_base_help}</p>
                </div>
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
                <div class="field">
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
            <fieldset class="auth-method">
                <legend>{move || ui.text().auth_method}</legend>
                {method_choice("auth-token", AuthMethod::Token, |t| t.auth_token)}
                {method_choice("auth-access-key", AuthMethod::AccessKey, |t| t.auth_access_key)}
            </fieldset>
            <Show when=move || uses(AuthMethod::Token)>
                <div class="field">
                    <label for="settings-token">{move || ui.text().token}</label>
                    <input
                        id="settings-token"
                        type="password"
                        autocomplete="off"
                        aria-describedby="settings-token-help"
                        prop:value=move || ui.token.get()
                        on:input=move |ev| ui.token.set(event_target_value(&ev))
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
            <Show when=move || uses(AuthMethod::Token)>
                <form class="sign-in" on:submit=sign_in>
                    <p class="help">{move || ui.text().sign_in_help}</p>
                    <div class="grid">
                        {credential_input("sign-in-user", |t| t.iam_user, "text", |c| c.user_name.clone(), |c, v| c.user_name = v)}
                        {credential_input("sign-in-password", |t| t.iam_password, "password", |c| c.password.clone(), |c, v| c.password = v)}
                        {credential_input("sign-in-domain", |t| t.iam_domain, "text", |c| c.domain.clone(), |c, v| c.domain = v)}
                        {credential_input("sign-in-project", |t| t.iam_project, "text", |c| c.project.clone(), |c, v| c.project = v)}
                    </div>
                    <button type="submit" id="sign-in-button" class="secondary" aria-disabled=move || signing_in.get().to_string()>
                        {move || if signing_in.get() { ui.text().signing_in } else { ui.text().sign_in }}
                    </button>
                    {move || sign_in_error.get().map(|error| view! { <ErrorPanel error=error id="sign-in-error" /> })}
                </form>
            </Show>
        </details>
    }
}
