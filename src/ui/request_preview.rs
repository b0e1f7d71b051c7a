//! "Show request": the exact JSON body, the headers and an equivalent curl
//! command, with the token, the keys and the password redacted.

use super::copy_button::CopyButton;
use super::{console, AuthMethod};
use crate::model::CreateConnectionRequest;
use crate::sign;
use leptos::prelude::*;

const REDACTED: &str = "***";

/// The body as sent, password replaced by `***`, pretty-printed.
pub fn redacted_body(request: &CreateConnectionRequest) -> String {
    let mut value = serde_json::to_value(request).unwrap_or_default();
    if let Some(password) = value.pointer_mut("/kafka_detail/password") {
        *password = serde_json::Value::String(REDACTED.to_owned());
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// The headers the call carries, secrets redacted: the token's, or the
/// AK/SK signature's (whose date and signature exist only once sent).
pub fn redacted_headers(method: AuthMethod, project_id: &str, access_key: &str, temporary: bool) -> String {
    match method {
        AuthMethod::Token => format!("Content-Type: application/json\nX-Auth-Token: {REDACTED}"),
        AuthMethod::AccessKey => {
            let mut signed = vec!["content-type", "host", "x-project-id", "x-sdk-date"];
            let mut lines = format!(
                "Content-Type: application/json\n{}: {project_id}\n{}: (the time of sending, UTC)",
                sign::PROJECT_HEADER,
                sign::DATE_HEADER
            );
            if temporary {
                signed.push("x-security-token");
                lines.push_str(&format!("\n{}: {REDACTED}", sign::SECURITY_TOKEN_HEADER));
            }
            lines.push_str(&format!(
                "\nAuthorization: {} Access={access_key}, SignedHeaders={}, Signature={REDACTED}",
                sign::ALGORITHM,
                signed.join(";")
            ));
            lines
        }
    }
}

/// A curl command doing the same call; `$EG_TOKEN` stands for the token.
pub fn curl_command(url: &str, body: &str) -> String {
    let quote = |text: &str| format!("'{}'", text.replace('\'', r"'\''"));
    format!(
        "curl -X POST {} \\\n  -H 'Content-Type: application/json' \\\n  -H \"X-Auth-Token: $EG_TOKEN\" \\\n  -d {}",
        quote(url),
        quote(body)
    )
}

/// The request the form would send now, or nothing while it has issues.
#[component]
pub fn RequestPreview(#[prop(into)] request: Signal<Option<CreateConnectionRequest>>) -> impl IntoView {
    let ui = console();
    let open = RwSignal::new(false);
    let body = Signal::derive(move || request.with(|request| request.as_ref().map(redacted_body).unwrap_or_default()));
    let curl = Signal::derive(move || {
        let endpoint = ui.endpoint();
        let mut url = endpoint.connections_url();
        if url.starts_with('/') {
            url = format!("{}{url}", window().location().origin().unwrap_or_default());
        }
        // Read the project as tracked so the command follows the settings.
        ui.project_id.track();
        ui.base_url.track();
        curl_command(&url, &body.get())
    });
    let headers = Signal::derive(move || {
        let (access, temporary) = ui
            .access_key
            .with(|key| (key.access.trim().to_owned(), !key.security_token.trim().is_empty()));
        redacted_headers(ui.auth_method.get(), ui.project_id.get().trim(), &access, temporary)
    });
    let signed = move || ui.auth_method.get() == AuthMethod::AccessKey;
    view! {
        <div class="request-preview">
            <button
                type="button"
                class="link-button"
                id="show-request"
                aria-expanded=move || open.get().to_string()
                aria-controls="request-preview"
                on:click=move |_| open.update(|open| *open = !*open)
            >
                {move || if open.get() { ui.text().hide_request } else { ui.text().show_request }}
            </button>
            <Show when=move || open.get()>
                <div id="request-preview">
                    <p class="help">{move || ui.text().request_note}</p>
                    {move || match request.get() {
                        None => view! { <p class="help">{move || ui.text().summary_title}</p> }.into_any(),
                        Some(_) => view! {
                            <h3>"JSON " <CopyButton text=body what="JSON body" /></h3>
                            <pre class="code" id="request-json">{move || body.get()}</pre>
                            <h3>{move || ui.text().request_headers}</h3>
                            <pre class="code" id="request-headers">{move || headers.get()}</pre>
                            <Show
                                when=move || !signed()
                                fallback=move || view! { <p class="help" id="request-curl-note">{move || ui.text().signed_curl_note}</p> }
                            >
                                <h3>"curl " <CopyButton text=curl what="curl command" /></h3>
                                <pre class="code" id="request-curl">{move || curl.get()}</pre>
                            </Show>
                        }
                        .into_any(),
                    }}
                </div>
            </Show>
        </div>
    }
}
