//! IAM sign-in (`POST /v3/auth/tokens`): a user name, password, account
//! and project give the token that authorizes calls.

use super::error_panel::{Attempt, ErrorPanel};
use super::{console, focus, ids, settled_outcome, InFlight};
use crate::api::{self, ApiError, Credentials};
use leptos::prelude::*;

/// The sign-in form of the API settings. On success the token, the project
/// IAM answered and who signed in go into the settings, and the panel
/// folds; a failure is said under the form, which keeps what was typed
/// (but the password, once it has done its job, is never kept).
#[component]
pub fn SignInForm() -> impl IntoView {
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
    view! {
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
    }
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
