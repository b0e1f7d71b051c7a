//! The Leptos web console (feature `ui`): one component per file.
//!
//! Shared state lives in small structs provided as context: [`Console`]
//! (language and API settings), [`route::Router`] (the current view) and
//! [`pages::Views`] (what views hand to each other).

pub mod app;
pub mod connection_details;
pub mod connection_facts;
pub mod connection_list;
pub mod copy_button;
pub mod create_form;
pub mod delete_dialog;
pub mod description_editor;
pub mod draft;
pub mod error_panel;
pub mod field;
pub mod kafka_section;
pub mod pager;
pub mod pages;
pub mod request_preview;
pub mod route;
pub mod settings_panel;
pub mod status_badge;
pub mod storage;
pub mod text;

use crate::api::{self, Answer, ApiError, Endpoint};
use crate::model::ConnectionInfo;
use crate::Locale;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

pub use app::App;

/// Regions the Go SDK lists for EG.
pub const REGIONS: [&str; 10] = [
    "cn-north-4",
    "cn-east-2",
    "cn-east-3",
    "cn-south-1",
    "cn-north-9",
    "cn-north-11",
    "ap-southeast-3",
    "sa-brazil-1",
    "na-mexico-1",
    "eu-west-101",
];

/// The real EG host of a region, for the proxy hint.
pub fn region_host(region: &str) -> String {
    if region == "eu-west-101" {
        format!("https://eg.{region}.myhuaweicloud.eu")
    } else {
        format!("https://eg.{region}.myhuaweicloud.com")
    }
}

/// Language and API settings, shared by every component.
#[derive(Debug, Clone, Copy)]
pub struct Console {
    pub locale: RwSignal<Locale>,
    pub base_url: RwSignal<String>,
    pub region: RwSignal<String>,
    pub project_id: RwSignal<String>,
    /// In memory; in sessionStorage only when `remember_token`.
    pub token: RwSignal<String>,
    pub remember_token: RwSignal<bool>,
    /// How long any API call may take ([`api::DEFAULT_TIMEOUT`] in the app).
    pub timeout: Duration,
}

impl Console {
    /// Where to call, as the settings say now (not tracked).
    pub fn endpoint(&self) -> Endpoint {
        Endpoint {
            base_url: self.base_url.get_untracked().trim().to_owned(),
            project_id: self.project_id.get_untracked().trim().to_owned(),
            token: self.token.get_untracked().trim().to_owned(),
            timeout: self.timeout,
        }
    }

    /// The settings the API needs, or `None` when the project ID or the
    /// token is still missing (views then point at the settings panel).
    pub fn ready_endpoint(&self) -> Option<Endpoint> {
        Some(self.endpoint()).filter(|endpoint| !endpoint.project_id.is_empty() && !endpoint.token.is_empty())
    }

    /// The console's text in the current language (tracked).
    pub fn text(&self) -> &'static text::Text {
        text::text(self.locale.get())
    }

    /// The console's text in the current language, outside reactive code.
    pub fn text_untracked(&self) -> &'static text::Text {
        text::text(self.locale.get_untracked())
    }
}

/// The console context; every component is mounted under [`App`].
pub fn console() -> Console {
    expect_context::<Console>()
}

/// A connection as the API last returned it, and that call's request ID.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub info: ConnectionInfo,
    pub request_id: Option<String>,
}

impl From<Answer<ConnectionInfo>> for Snapshot {
    fn from(answer: Answer<ConnectionInfo>) -> Self {
        Snapshot {
            info: answer.value,
            request_id: answer.request_id,
        }
    }
}

/// Re-reads connection `id` while it is still being created: after 1 s,
/// then doubling up to 8 s. Each answer (or failure) goes to `on_answer`,
/// which says whether to keep following (false once its view is gone).
/// A settled status or a 404 ends it.
pub fn follow_creation(
    endpoint: Endpoint,
    id: String,
    on_answer: impl Fn(Result<Snapshot, ApiError>) -> bool + 'static,
) {
    leptos::task::spawn_local(async move {
        let mut delay = Duration::from_secs(1);
        loop {
            sleep(delay).await;
            delay = (delay * 2).min(Duration::from_secs(8));
            let outcome = api::show_connection(&endpoint, &id).await.map(Snapshot::from);
            let settled = match &outcome {
                Ok(snapshot) => !snapshot.info.status.is_pending(),
                Err(error) => error.status() == Some(404),
            };
            // A passing failure (network, 5xx) is retried at the next step.
            if !on_answer(outcome) || settled {
                return;
            }
        }
    });
}

/// Moves keyboard focus to the element with `id`, if it exists.
pub fn focus(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

/// Resolves after `duration` (a `setTimeout` promise).
pub async fn sleep(duration: std::time::Duration) {
    let millis = duration.as_millis().min(i32::MAX as u128) as i32;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Mounts the console on `<body>` and marks the moment it is interactive
/// (`performance.mark("eg-console-interactive")`, read by the benchmarks).
pub fn mount() {
    leptos::mount::mount_to_body(App);
    if let Some(performance) = window().performance() {
        let _ = performance.mark("eg-console-interactive");
    }
}
