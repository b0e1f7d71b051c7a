//! API settings: how calls are authorized, asked first (IAM sign-in, a
//! token or an access key, each with its own fields only), then where they
//! go (base URL, region) and the project.

use super::access_key_fields::AccessKeyFields;
use super::base_url_field::BaseUrlField;
use super::error_panel::{Attempt, ErrorPanel};
use super::{console, focus, ids, region_host, settled_outcome, AuthMethod, InFlight, REGIONS};
use crate::api::{self, ApiError, Credentials};
use leptos::prelude::*;

/// Every setting, and IAM sign-in (shown by [`super::settings::Settings`]
/// unless folded into its bar).
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let ui = console();
    let credentials = RwSignal::new(Credentials::default());
    let in_flight = InFlight::for_view();
    // IAM sign-in: on success the token, project and account go into the
    // settings; the outcome stays in `value` for the error panel.
    let sign_in_action = Action::new_local(move |request: &Credentials| {
        let request = request.clone();
        // The password goes only to the applied base URL, never to a draft.
        let (base_url, abort) = (ui.base_url.get_untracked(), in_flight.start());
        async move {
            let (token, project_id) = api::sign_in(&base_url, &request, &abort).await?;
            ui.token.set(token);
            if let Some(project_id) = project_id {
                ui.project_id.set(project_id);
            }
            ui.account.set(account_name(&request));
            // The password is not kept once it has done its job.
            let _ = credentials.try_update(|credentials| credentials.password.clear());
            // Signed in: the panel folds, and focus goes to its bar.
            ui.settings_open.set(false);
            request_animation_frame(|| focus(ids::SETTINGS_CHANGE));
            Ok::<(), ApiError>(())
        }
    });
    let signing_in = sign_in_action.pending();
    // The last failure, hidden while a new attempt runs.
    let sign_in_outcome = settled_outcome(sign_in_action);
    let sign_in_error = Memo::new(move |_| sign_in_outcome().and_then(Result::err));
    let sign_in = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if signing_in.get_untracked() {
            return;
        }
        let mut request = credentials.get_untracked();
        if request.project.trim().is_empty() {
            request.project = ui.project_id.get_untracked();
        }
        sign_in_action.dispatch_local(request);
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
        <Show when=move || uses(AuthMethod::SignIn)>
            <form class="sign-in" on:submit=sign_in>
                <div class="grid">
                    {credential_input("sign-in-user", |t| t.iam_user, "text", |c| c.user_name.clone(), |c, v| c.user_name = v)}
                    {credential_input("sign-in-password", |t| t.iam_password, "password", |c| c.password.clone(), |c, v| c.password = v)}
                    {credential_input("sign-in-domain", |t| t.iam_domain, "text", |c| c.domain.clone(), |c, v| c.domain = v)}
                    {credential_input("sign-in-project", |t| t.iam_project, "text", |c| c.project.clone(), |c, v| c.project = v)}
                </div>
                <button type="submit" id="sign-in-button" class="secondary" aria-disabled=move || signing_in.get().to_string()>
                    {move || if signing_in.get() { ui.text().signing_in } else { ui.text().sign_in }}
                </button>
                {move || sign_in_error.get().map(|error| view! { <ErrorPanel error=error attempt=Attempt::SignIn id="sign-in-error" take_focus=true /> })}
            </form>
        </Show>
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

/// `user @ domain`, or the user alone, for the settings bar.
fn account_name(credentials: &Credentials) -> String {
    let (user, domain) = (credentials.user_name.trim(), credentials.domain.trim());
    if domain.is_empty() || domain == user {
        user.to_owned()
    } else {
        format!("{user} @ {domain}")
    }
}
