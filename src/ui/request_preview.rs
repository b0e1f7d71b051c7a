//! "Show request": the exact JSON body and an equivalent curl command, with
//! the token and the password redacted.

use super::console;
use super::copy_button::CopyButton;
use crate::model::CreateConnectionRequest;
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
                            <h3>"curl " <CopyButton text=curl what="curl command" /></h3>
                            <pre class="code" id="request-curl">{move || curl.get()}</pre>
                        }
                        .into_any(),
                    }}
                </div>
            </Show>
        </div>
    }
}
