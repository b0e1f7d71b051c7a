//! "Show request": the exact JSON body, the headers, and the same request
//! as curl, a Python script for the official SDK, a Terraform resource or a
//! KooCLI command ([`crate::snippets`]), secrets redacted or read from the
//! environment.

use super::copy_button::CopyButton;
use super::{console, AuthMethod};
use crate::model::CreateConnectionRequest;
use crate::sign;
use crate::snippets::{self, Target};
use leptos::prelude::*;

const REDACTED: &str = snippets::REDACTED;

/// The ways the request can be shown as code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Curl,
    Python,
    Terraform,
    Koocli,
}

impl Format {
    const ALL: [Format; 4] = [Format::Curl, Format::Python, Format::Terraform, Format::Koocli];

    fn name(self) -> &'static str {
        match self {
            Format::Curl => "curl",
            Format::Python => "Python (SDK)",
            Format::Terraform => "Terraform",
            Format::Koocli => "KooCLI",
        }
    }

    fn id(self) -> &'static str {
        match self {
            Format::Curl => "request-curl",
            Format::Python => "request-python",
            Format::Terraform => "request-terraform",
            Format::Koocli => "request-koocli",
        }
    }
}

/// The headers the call carries, secrets redacted: the token's, or the
/// AK/SK signature's (whose date and signature exist only once sent).
pub fn redacted_headers(method: AuthMethod, project_id: &str, access_key: &str, temporary: bool) -> String {
    match method {
        AuthMethod::SignIn | AuthMethod::Token => format!("Content-Type: application/json\nX-Auth-Token: {REDACTED}"),
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

/// The request the form would send now, or nothing while it has issues.
#[component]
pub fn RequestPreview(#[prop(into)] request: Signal<Option<CreateConnectionRequest>>) -> impl IntoView {
    let ui = console();
    let open = RwSignal::new(false);
    let format = RwSignal::new(Format::Curl);
    let body = Signal::derive(move || {
        request.with(|request| request.as_ref().map(snippets::redacted_body).unwrap_or_default())
    });
    // Every snippet from the same validated request; the settings tracked so
    // that they follow the project, region and base URL.
    let code = Signal::derive(move || {
        let Some(request) = request.get() else {
            return String::new();
        };
        let (project_id, region) = (ui.project_id.get(), ui.region.get());
        let region_endpoint = super::region_host(&region);
        let target = Target {
            endpoint: &region_endpoint,
            region: &region,
            project_id: project_id.trim(),
        };
        match format.get() {
            Format::Curl => {
                ui.base_url.track();
                let mut url = ui.endpoint().connections_url();
                if url.starts_with('/') {
                    url = format!("{}{url}", window().location().origin().unwrap_or_default());
                }
                snippets::curl(&url, &request)
            }
            Format::Python => snippets::python(&request, target),
            Format::Terraform => snippets::terraform(&request),
            Format::Koocli => snippets::koocli(&request, target),
        }
    });
    // The ARIA tabs pattern: one tab stop, arrows and Home/End move the
    // choice (and the focus) along the row.
    let format_button = move |choice: Format| {
        let selected = move || format.get() == choice;
        let on_key = move |ev: leptos::ev::KeyboardEvent| {
            let count = Format::ALL.len();
            let at = Format::ALL.iter().position(|each| *each == choice).unwrap_or(0);
            let next = match ev.key().as_str() {
                "ArrowRight" => (at + 1) % count,
                "ArrowLeft" => (at + count - 1) % count,
                "Home" => 0,
                "End" => count - 1,
                _ => return,
            };
            ev.prevent_default();
            if let Some(next) = Format::ALL.get(next) {
                format.set(*next);
                super::focus(&format!("{}-tab", next.id()));
            }
        };
        view! {
            <button
                type="button"
                role="tab"
                class="tab"
                id=format!("{}-tab", choice.id())
                aria-selected=move || selected().to_string()
                aria-controls="request-code"
                tabindex=move || if selected() { "0" } else { "-1" }
                on:click=move |_| format.set(choice)
                on:keydown=on_key
            >
                {choice.name()}
            </button>
        }
    };
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
                            <h3>{move || ui.text().request_as_code}</h3>
                            <div class="formats" role="tablist" aria-label=move || ui.text().request_as_code>
                                {Format::ALL.into_iter().map(format_button).collect_view()}
                            </div>
                            <div id="request-code" role="tabpanel" aria-labelledby=move || format!("{}-tab", format.get().id())>
                            <Show
                                when=move || !(signed() && format.get() == Format::Curl)
                                fallback=move || view! { <p class="help" id="request-curl-note">{move || ui.text().signed_curl_note}</p> }
                            >
                                <p><CopyButton text=code what="code" /></p>
                                <pre class="code" id=move || format.get().id()>{move || code.get()}</pre>
                            </Show>
                            </div>
                            <p class="help">{move || ui.text().code_secrets_note}</p>
                        }
                        .into_any(),
                    }}
                </div>
            </Show>
        </div>
    }
}
