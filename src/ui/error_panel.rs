//! Explains a failed API call, one distinct message per class of failure.
//! Server text is rendered as text nodes, never as HTML.

use super::copy_button::CopyButton;
use super::text::Text;
use super::{console, ids, AuthMethod};
use crate::api::ApiError;
use crate::model::error_code::{
    AGENCY_MISSING, AGENCY_NOT_PERMITTED, INVALID_PARAMETERS, NAME_DUPLICATED, NOT_MODIFIABLE, QUOTA_UNAVAILABLE,
};
use crate::model::ErrorBody;
use crate::sign::Refusal;
use leptos::prelude::*;
use std::sync::Arc;

/// What the failed call was doing: it titles the panel, and says what a
/// call that was stopped midway may have done anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// `POST /connections` from the create form.
    Create,
    /// `POST /v3/auth/tokens` from the settings.
    SignIn,
    /// `GET /connections`, the list.
    List,
    /// `GET /connections/{id}`, the details.
    Load,
    /// `DELETE /connections/{id}`.
    Delete,
    /// `PUT` of the description.
    SaveDescription,
    /// `PUT` of a Kafka or RocketMQ user name and password.
    ChangeCredentials,
}

impl Attempt {
    /// Every attempt, for tests.
    pub const ALL: [Attempt; 7] = [
        Attempt::Create,
        Attempt::SignIn,
        Attempt::List,
        Attempt::Load,
        Attempt::Delete,
        Attempt::SaveDescription,
        Attempt::ChangeCredentials,
    ];

    /// The panel's title.
    pub fn title(self, text: &Text) -> &'static str {
        match self {
            Attempt::Create => text.failed_create,
            Attempt::SignIn => text.failed_sign_in,
            Attempt::List => text.failed_list,
            Attempt::Load => text.failed_load,
            Attempt::Delete => text.failed_delete,
            Attempt::SaveDescription => text.failed_description,
            Attempt::ChangeCredentials => text.failed_credentials,
        }
    }

    /// What a call stopped after it was sent (timeout, cancel) may have done.
    fn maybe_done(self, text: &Text) -> &'static str {
        match self {
            Attempt::Create => text.error_maybe_created,
            Attempt::Delete => text.maybe_deleted,
            Attempt::SaveDescription | Attempt::ChangeCredentials => text.maybe_saved,
            Attempt::SignIn | Attempt::List | Attempt::Load => text.nothing_changed,
        }
    }
}

/// The explanation of `error`, with the request ID to give support.
/// `attempt` titles it; `id` is the panel's DOM id (focus moves there
/// after a failure).
#[component]
pub fn ErrorPanel(
    error: ApiError,
    attempt: Attempt,
    #[prop(default = "error-panel")] id: &'static str,
    /// Move keyboard focus to the panel when it appears.
    #[prop(optional)]
    take_focus: bool,
) -> impl IntoView {
    let ui = console();
    let request_id = error.request_id().map(str::to_owned);
    let status = error.status();
    let (headline, body) = explain(&error, attempt);
    // A failure the user just caused takes focus, so a screen reader and a
    // keyboard land on its explanation.
    if take_focus {
        request_animation_frame(move || super::focus(id));
    }
    let request_id_view = request_id.map(|id| {
        let copy_text = id.clone();
        view! {
            <dl class="facts">
                <dt>{move || ui.text().request_id}</dt>
                <dd><code class="request-id">{id}</code> " " <CopyButton text=copy_text what="request ID" /></dd>
            </dl>
        }
    });
    view! {
        <div class="error-panel" role="alert" id=id tabindex="-1">
            <h3 class="error-title">{move || attempt.title(ui.text())}</h3>
            <p class="headline">{move || headline(ui.text())}</p>
            {status.map(|status| view! { <p class="status">{move || ui.text().http_status} ": " {status}</p> })}
            {body}
            {request_id_view}
        </div>
    }
}

/// The headline and the body that explain `error` (by its class).
fn explain(error: &ApiError, attempt: Attempt) -> (Headline, AnyView) {
    let ui = console();
    match error {
        ApiError::Eg { status, body, .. } => {
            let headline: fn(&Text) -> &'static str = match (*status, body.error_code.as_str()) {
                (_, AGENCY_MISSING) => |t| t.error_agency_missing,
                (_, AGENCY_NOT_PERMITTED) => |t| t.error_agency_not_permitted,
                (_, NOT_MODIFIABLE) => |t| t.error_not_modifiable,
                (_, QUOTA_UNAVAILABLE) => |t| t.error_quota,
                // At sign-in, a 401 is IAM refusing what was typed, not a token.
                (401, _) if attempt == Attempt::SignIn => |t| t.error_sign_in_refused,
                (401, _) => |t| t.error_unauthorized,
                (403, _) => |t| t.error_forbidden,
                (_, NAME_DUPLICATED) => |t| t.error_name_taken,
                (400, INVALID_PARAMETERS) => |t| t.error_fields,
                (500.., _) => |t| t.error_server,
                _ => |t| t.error_other,
            };
            let headline = fixed(headline);
            // (The sign-in form itself needs no way back to it.)
            let sign_in = (*status == 401 && attempt != Attempt::SignIn).then(|| {
                view! {
                    <button type="button" class="secondary" on:click=move |_| {
                        // The chosen method's first field.
                        ui.open_settings_at(match ui.auth_method.get_untracked() {
                            AuthMethod::SignIn => ids::SIGN_IN_USER,
                            AuthMethod::Token => ids::SETTINGS_TOKEN,
                            AuthMethod::AccessKey => ids::SETTINGS_ACCESS_KEY,
                        })
                    }>
                        {move || ui.text().sign_in}
                    </button>
                }
            });
            let agency = matches!(body.error_code.as_str(), AGENCY_MISSING | AGENCY_NOT_PERMITTED).then(|| {
                view! {
                    <p class="help" id="agency-help">
                        {move || ui.text().agency_explained} " "
                        <a href=move || ui.text().agency_url target="_blank" rel="noopener noreferrer">
                            {move || ui.text().agency_link}
                        </a>
                    </p>
                }
            });
            (
                headline,
                view! { {server_answer(body.clone())} {agency} {sign_in} }.into_any(),
            )
        }
        ApiError::Signature {
            body,
            refusal,
            signed_host,
            ..
        } => {
            let headline = refusal_headline(*refusal);
            let signed_host = signed_host.clone();
            let field = match refusal {
                Refusal::UnknownKey => ids::SETTINGS_ACCESS_KEY,
                Refusal::SecurityToken => "settings-security-token",
                _ => ids::SETTINGS_SECRET_KEY,
            };
            let body = view! {
                {server_answer(body.clone())}
                <dl class="facts">
                    <dt>{move || ui.text().signing_host}</dt>
                    <dd><code class="signed-host">{signed_host}</code></dd>
                </dl>
                <button type="button" class="secondary" on:click=move |_| ui.open_settings_at(field)>
                    {move || ui.text().check_access_key}
                </button>
            }
            .into_any();
            (headline, body)
        }
        ApiError::NotJson { excerpt, .. } => {
            let excerpt = excerpt.clone();
            let headline = fixed(|t| t.error_not_json);
            (headline, view! { <pre class="excerpt">{excerpt}</pre> }.into_any())
        }
        ApiError::Network(detail) => {
            let detail = detail.clone();
            let headline = fixed(|t| t.error_network);
            (headline, view! { <p class="server-text">{detail}</p> }.into_any())
        }
        ApiError::Timeout(after) => {
            let seconds = after.as_secs();
            let headline = fixed(|t| t.error_timeout);
            (
                headline,
                view! { <p>"(" {seconds} " s) " {move || attempt.maybe_done(ui.text())}</p> }.into_any(),
            )
        }
        ApiError::Aborted => {
            let headline = fixed(|t| t.error_aborted);
            (
                headline,
                view! { <p>{move || attempt.maybe_done(ui.text())}</p> }.into_any(),
            )
        }
    }
}

/// A headline in the current language.
type Headline = Arc<dyn Fn(&Text) -> String + Send + Sync>;

fn fixed(pick: fn(&Text) -> &'static str) -> Headline {
    Arc::new(move |text| pick(text).to_owned())
}

/// What to tell the user about a refused signature.
fn refusal_headline(refusal: Refusal) -> Headline {
    match refusal {
        Refusal::UnknownKey => fixed(|t| t.error_key_unknown),
        Refusal::KeyLocked => fixed(|t| t.error_key_locked),
        Refusal::SecurityToken => fixed(|t| t.error_key_security_token),
        Refusal::Mismatch => fixed(|t| t.error_key_mismatch),
        Refusal::Other => fixed(|t| t.error_key_other),
        Refusal::ClockSkew(None) => fixed(|t| t.error_key_clock_unmeasured),
        // The skew is the server's clock minus this one: positive, this
        // clock is behind.
        Refusal::ClockSkew(Some(seconds)) => Arc::new(move |text| {
            let minutes = (seconds.unsigned_abs() + 30) / 60;
            text.error_key_clock
                .replace("{skew}", &text.minutes.replace("{count}", &minutes.to_string()))
                .replace(
                    "{direction}",
                    if seconds > 0 {
                        text.clock_behind
                    } else {
                        text.clock_ahead
                    },
                )
        }),
    }
}

/// The API's own words: its error code, message and field details.
fn server_answer(body: ErrorBody) -> impl IntoView {
    let ui = console();
    let details = body.error_details;
    view! {
        <dl class="facts">
            <dt>{move || ui.text().error_code}</dt>
            <dd><code>{body.error_code}</code></dd>
        </dl>
        <p class="server-text">{body.error_msg}</p>
        {(!details.is_empty()).then(|| view! {
            <ul class="details">
                {details
                    .into_iter()
                    .map(|detail| {
                        let path = detail.path.join(".");
                        view! { <li><code>{path}</code> " " {detail.message}</li> }
                    })
                    .collect_view()}
            </ul>
        })}
    }
}
