//! Explains a failed API call, one distinct message per class of failure.
//! Server text is rendered as text nodes, never as HTML.

use super::copy_button::CopyButton;
use super::text::Text;
use super::{console, focus};
use crate::api::ApiError;
use leptos::prelude::*;

/// The explanation of `error`, with the request ID to give support.
/// `id` is the panel's DOM id (focus moves there after a failure).
#[component]
pub fn ErrorPanel(error: ApiError, #[prop(default = "error-panel")] id: &'static str) -> impl IntoView {
    let ui = console();
    let request_id = error.request_id().map(str::to_owned);
    let status = error.status();
    let (headline, body) = match &error {
        ApiError::Eg { status, body, .. } => {
            let headline: fn(&Text) -> &'static str = match (*status, body.error_code.as_str()) {
                (401, _) => |t| t.error_unauthorized,
                (403, _) => |t| t.error_forbidden,
                (_, "EG.00513001") => |t| t.error_name_taken,
                (400, "EG.00513000") => |t| t.error_fields,
                (500.., _) => |t| t.error_server,
                _ => |t| t.error_title,
            };
            let code = body.error_code.clone();
            let message = body.error_msg.clone();
            let details = body.error_details.clone();
            let sign_in = (*status == 401).then(|| {
                view! {
                    <button type="button" class="secondary" on:click=move |_| focus("sign-in-user")>
                        {move || ui.text().sign_in}
                    </button>
                }
            });
            let body = view! {
                <dl class="facts">
                    <dt>{move || ui.text().error_code}</dt>
                    <dd><code>{code}</code></dd>
                </dl>
                <p class="server-text">{message}</p>
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
                {sign_in}
            }
            .into_any();
            (headline, body)
        }
        ApiError::NotJson { excerpt, .. } => {
            let excerpt = excerpt.clone();
            let headline: fn(&Text) -> &'static str = |t| t.error_not_json;
            (headline, view! { <pre class="excerpt">{excerpt}</pre> }.into_any())
        }
        ApiError::Network(detail) => {
            let detail = detail.clone();
            let headline: fn(&Text) -> &'static str = |t| t.error_network;
            (headline, view! { <p class="server-text">{detail}</p> }.into_any())
        }
        ApiError::Timeout(after) => {
            let seconds = after.as_secs();
            let headline: fn(&Text) -> &'static str = |t| t.error_timeout;
            (
                headline,
                view! { <p>"(" {seconds} " s) " {move || ui.text().error_maybe_created}</p> }.into_any(),
            )
        }
        ApiError::Aborted => {
            let headline: fn(&Text) -> &'static str = |t| t.error_aborted;
            (
                headline,
                view! { <p>{move || ui.text().error_maybe_created}</p> }.into_any(),
            )
        }
    };
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
            <h3>{move || ui.text().error_title}</h3>
            <p class="headline">{move || headline(ui.text())}</p>
            {status.map(|status| view! { <p class="status">{move || ui.text().http_status} ": " {status}</p> })}
            {body}
            {request_id_view}
        </div>
    }
}
