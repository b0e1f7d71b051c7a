//! The Leptos web console (feature `ui`): one component per file.
//!
//! Nothing here may panic (a panic would kill the page): clippy denies
//! `unwrap`, `expect` and `panic!` in this module, and [`crash`] replaces
//! the page with an explanation should one happen anyway.
//!
//! Shared state lives in small structs provided as context: [`Console`]
//! (language and API settings), [`route::Router`] (the current view) and
//! [`views::Views`] (what views hand to each other).

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod access_key_fields;
pub mod account_lists;
pub mod app;
pub mod base_url_field;
pub mod connection_details;
pub mod connection_facts;
pub mod connection_list;
pub mod connection_table;
pub mod copy_button;
pub mod crash;
pub mod create_form;
pub mod credentials_editor;
pub mod danger_zone;
pub mod delete_dialog;
pub mod description_editor;
pub mod detail_section;
pub mod details_state;
pub mod draft;
pub mod error_panel;
pub mod field;
pub mod ids;
pub mod issue_summary;
pub mod list_search;
pub mod list_state;
pub mod local_time;
pub mod middle_id;
pub mod missing_settings;
pub mod pager;
pub mod pages;
pub mod picker;
pub mod quota_note;
pub mod request_preview;
pub mod route;
pub mod settings;
pub mod settings_bar;
pub mod settings_panel;
pub mod sign_in_form;
pub mod status_badge;
pub mod storage;
pub mod text;
pub mod views;

use crate::api::{self, AccessKey, Answer, ApiError, Auth, Endpoint};
use crate::model::ConnectionInfo;
use crate::Locale;
use leptos::prelude::*;
use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
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

/// The real EG endpoint of a region, for the proxy hint.
pub fn region_host(region: &str) -> String {
    format!("https://{}", crate::sign::endpoint_host("eg", region))
}

/// How the console authorizes its calls: the first choice the settings ask
/// for, each with its own fields only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AuthMethod {
    /// IAM sign-in with a user name and password: the token it returns
    /// authorizes calls (what a new user has, as in Huawei's own console).
    #[default]
    SignIn,
    /// An IAM token typed or pasted in.
    Token,
    /// An access key and its secret key (and a security token when temporary).
    AccessKey,
}

impl AuthMethod {
    /// The name saved in the settings.
    pub fn tag(self) -> &'static str {
        match self {
            AuthMethod::SignIn => "sign_in",
            AuthMethod::Token => "token",
            AuthMethod::AccessKey => "access_key",
        }
    }

    /// The id of this method's choice in the settings panel.
    pub fn choice_id(self) -> &'static str {
        match self {
            AuthMethod::SignIn => ids::AUTH_SIGN_IN,
            AuthMethod::Token => ids::AUTH_TOKEN,
            AuthMethod::AccessKey => ids::AUTH_ACCESS_KEY,
        }
    }

    /// The method of a saved name; anything else (a first visit) is IAM
    /// sign-in.
    pub fn from_tag(tag: &str) -> AuthMethod {
        match tag {
            "token" => AuthMethod::Token,
            "access_key" => AuthMethod::AccessKey,
            _ => AuthMethod::SignIn,
        }
    }
}

/// Language and API settings, shared by every component.
#[derive(Debug, Clone, Copy)]
pub struct Console {
    pub locale: RwSignal<Locale>,
    pub base_url: RwSignal<String>,
    pub region: RwSignal<String>,
    pub project_id: RwSignal<String>,
    /// Which of the credentials below authorizes calls.
    pub auth_method: RwSignal<AuthMethod>,
    /// In memory; in sessionStorage only when `remember_secrets`.
    pub token: RwSignal<String>,
    /// In memory; in sessionStorage only when `remember_secrets`.
    pub access_key: RwSignal<AccessKey>,
    /// Keep the token and the access key in this tab's sessionStorage.
    pub remember_secrets: RwSignal<bool>,
    /// Who signed in (`user @ domain`), shown in the settings bar; empty
    /// when the token was typed in.
    pub account: RwSignal<String>,
    /// The whole settings panel is shown, not its one-line summary.
    pub settings_open: RwSignal<bool>,
    /// How long any API call may take ([`api::DEFAULT_TIMEOUT`] in the app).
    pub timeout: Duration,
}

impl Console {
    /// Where to call, as the settings say now (not tracked).
    pub fn endpoint(&self) -> Endpoint {
        let auth = match self.auth_method.get_untracked() {
            AuthMethod::SignIn | AuthMethod::Token => Auth::Token(self.token.get_untracked().trim().to_owned()),
            AuthMethod::AccessKey => {
                let key = self.access_key.get_untracked();
                Auth::AccessKey(AccessKey {
                    access: key.access.trim().to_owned(),
                    secret: key.secret.trim().to_owned(),
                    security_token: key.security_token.trim().to_owned(),
                })
            }
        };
        Endpoint {
            base_url: self.base_url.get_untracked().trim().to_owned(),
            region: self.region.get_untracked(),
            project_id: self.project_id.get_untracked().trim().to_owned(),
            auth,
            timeout: self.timeout,
        }
    }

    /// The settings the API needs, or `None` when the project ID or the
    /// credentials are still missing (views then point at the settings panel).
    pub fn ready_endpoint(&self) -> Option<Endpoint> {
        Some(self.endpoint()).filter(|endpoint| !endpoint.project_id.is_empty() && endpoint.auth.is_complete())
    }

    /// Whether calls can be made: a project ID and credentials (tracked;
    /// the same test as [`Console::ready_endpoint`]).
    pub fn is_ready(&self) -> bool {
        self.track_settings();
        self.ready_endpoint().is_some()
    }

    /// Whether credentials are set for the chosen method (tracked).
    pub fn has_credentials(&self) -> bool {
        match self.auth_method.get() {
            AuthMethod::SignIn | AuthMethod::Token => self.token.with(|token| !token.trim().is_empty()),
            AuthMethod::AccessKey => self
                .access_key
                .with(|key| !key.access.trim().is_empty() && !key.secret.trim().is_empty()),
        }
    }

    /// Tracks every setting a call depends on (views reload when they change).
    pub fn track_settings(&self) {
        self.project_id.track();
        self.base_url.track();
        self.region.track();
        self.auth_method.track();
        self.token.track();
        self.access_key.track();
    }

    /// The id of the first settings field still empty, for focus.
    pub fn missing_settings_field(&self) -> &'static str {
        let method = self.auth_method.get_untracked();
        // Sign-in finds the project too.
        if method != AuthMethod::SignIn && self.project_id.with_untracked(|id| id.trim().is_empty()) {
            return ids::SETTINGS_PROJECT_ID;
        }
        match method {
            AuthMethod::SignIn => ids::SIGN_IN_USER,
            AuthMethod::Token => ids::SETTINGS_TOKEN,
            AuthMethod::AccessKey if self.access_key.with_untracked(|key| key.access.trim().is_empty()) => {
                ids::SETTINGS_ACCESS_KEY
            }
            AuthMethod::AccessKey => ids::SETTINGS_SECRET_KEY,
        }
    }

    /// Opens the settings panel (it may be folded into its bar) and moves
    /// focus to its field `id` once it is shown.
    pub fn open_settings_at(&self, id: &'static str) {
        // Already shown: focus now. Folded: once it has unfolded.
        focus(id);
        if !self.settings_open.get_untracked() {
            self.settings_open.set(true);
            request_animation_frame(move || focus(id));
        }
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

/// A view's loading request: starting one aborts the one before, and the
/// view closing aborts the last (`AbortController`), so the browser drops
/// what no view will show.
#[derive(Debug, Clone, Copy)]
pub struct InFlight(StoredValue<Option<api::Abort>, LocalStorage>);

impl InFlight {
    /// A slot owned by the current view (aborted on its cleanup).
    pub fn for_view() -> InFlight {
        let slot = StoredValue::new_local(None::<api::Abort>);
        on_cleanup(move || {
            if let Some(Some(last)) = slot.try_update_value(Option::take) {
                last.cancel();
            }
        });
        InFlight(slot)
    }

    /// The abort handle of a new request, the previous one aborted.
    pub fn start(&self) -> api::Abort {
        let abort = api::Abort::default();
        if let Some(Some(previous)) = self.0.try_update_value(|slot| slot.replace(abort.clone())) {
            previous.cancel();
        }
        abort
    }

    /// Whether the view that owns this slot is still shown.
    pub fn is_live(&self) -> bool {
        self.0.try_with_value(|_| ()).is_some()
    }
}

/// How long settings must stay unchanged before views reload with them
/// (a token typed key by key is not a request per key).
const SETTINGS_SETTLE: Duration = Duration::from_millis(400);

/// Calls `reload` when the settings a call depends on have changed (a
/// token pasted, a sign-in, a base URL applied) and then stayed unchanged
/// for [`SETTINGS_SETTLE`]; never for the settings the view mounted with,
/// nor after the view is gone (its timer is cleared with it).
pub fn reload_on_new_settings(reload: impl Fn() + Clone + 'static) {
    let ui = console();
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let clear = move || {
        if let Some(Some(pending)) = timer.try_update_value(Option::take) {
            pending.clear();
        }
    };
    Effect::new(move |previous: Option<()>| {
        ui.track_settings();
        if previous.is_some() {
            clear();
            let reload = reload.clone();
            let pending = set_timeout_with_handle(reload, SETTINGS_SETTLE).ok();
            timer.set_value(pending);
        }
    });
    on_cleanup(clear);
}

/// What `action`'s last run returned, `None` while a run is pending: an
/// old success or failure is not shown beside a new attempt. (`value()` is
/// taken once here, not in every run of the closure.)
pub fn settled_outcome<I: 'static, O: Clone + Send + Sync + 'static>(
    action: Action<I, O>,
) -> impl Fn() -> Option<O> + Copy + Send + Sync + 'static {
    let pending = action.pending();
    let value = action.value();
    move || if pending.get() { None } else { value.get() }
}

/// `PUT` of `request` on connection `id`: the answer becomes `snapshot`,
/// and the call's request ID (answered or refused) `last_request_id`. Both
/// writes are skipped once the view that owns them is gone, and the
/// request is aborted with it (`in_flight`).
pub async fn save_update(
    endpoint: &Endpoint,
    id: &str,
    request: &crate::model::UpdateConnectionRequest,
    in_flight: InFlight,
    snapshot: RwSignal<Option<Snapshot>>,
    last_request_id: RwSignal<Option<String>>,
) -> Result<(), ApiError> {
    match api::update_connection(endpoint, id, request, &in_flight.start()).await {
        Ok(answer) => {
            let _ = last_request_id.try_set(answer.request_id.clone());
            let _ = snapshot.try_set(Some(Snapshot::from(answer)));
            Ok(())
        }
        Err(error) => {
            let _ = last_request_id.try_set(error.request_id().map(str::to_owned));
            Err(error)
        }
    }
}

/// Re-reads connection `id` while it is being created: after 1 s, then
/// doubling up to 8 s. Each answer (or failure) goes to `on_answer`, which
/// says whether it still matters (false: the view no longer shows that
/// connection as being created); nothing more is sent once the view that
/// owns `in_flight` is gone. A settled status or a 404 ends it.
pub fn follow_creation(
    endpoint: Endpoint,
    id: String,
    in_flight: InFlight,
    on_answer: impl Fn(Result<Snapshot, ApiError>) -> bool + 'static,
) {
    leptos::task::spawn_local(async move {
        let mut delay = Duration::from_secs(1);
        loop {
            sleep(delay).await;
            if !in_flight.is_live() {
                return;
            }
            delay = (delay * 2).min(Duration::from_secs(8));
            let outcome = api::show_connection(&endpoint, &id, &api::Abort::default())
                .await
                .map(Snapshot::from);
            let settled = match &outcome {
                Ok(snapshot) => !snapshot.info.status.is_pending(),
                Err(error) => error.status() == Some(404),
            };
            // A passing failure (network, 5xx) is retried at the next step.
            if !in_flight.is_live() || !on_answer(outcome) || settled {
                return;
            }
        }
    });
}

/// Moves keyboard focus to the element with `id`, if it exists (opening
/// a folded `<details>` around it first).
pub fn focus(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        if let Ok(Some(details)) = element.closest("details") {
            let _ = details.set_attribute("open", "");
        }
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

/// Mounts the console on `<body>` in place of the page's static frame
/// (`#boot`, painted before the wasm arrived), installs the panic page,
/// and marks the moment it is interactive
/// (`performance.mark("eg-console-interactive")`, read by the benchmarks).
pub fn mount() {
    crash::install();
    if let Some(boot) = document().get_element_by_id(ids::BOOT) {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
    if let Some(performance) = window().performance() {
        let _ = performance.mark("eg-console-interactive");
    }
}
