//! HTTP to the EG API and IAM (gloo-net). Every failure becomes one
//! [`ApiError`] class the console can explain; nothing here panics.

use crate::model::{
    ConnectionInfo, ConnectionList, CreateConnectionRequest, ErrorBody, ListSort, UpdateConnectionRequest,
};
use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use serde::de::DeserializeOwned;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use web_sys::AbortController;

/// How long a request may take before it is aborted.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// How much of a non-JSON body an error shows, in characters.
const EXCERPT_CHARS: usize = 300;

/// Where and as whom to call the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// `""` for the page's own origin, else e.g. `https://proxy.example.com`.
    pub base_url: String,
    pub project_id: String,
    pub token: String,
    /// How long each call may take before it is aborted.
    pub timeout: Duration,
}

impl Endpoint {
    /// `{base}/v1/{project_id}/connections`.
    pub fn connections_url(&self) -> String {
        format!(
            "{}/v1/{}/connections",
            self.base_url.trim_end_matches('/'),
            js_sys::encode_uri_component(&self.project_id)
        )
    }

    /// `{base}/v1/{project_id}/connections/{id}`.
    pub fn connection_url(&self, id: &str) -> String {
        format!("{}/{}", self.connections_url(), js_sys::encode_uri_component(id))
    }
}

/// How the list's search text matches names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NameMatch {
    /// `fuzzy_name`: the name contains the text.
    #[default]
    Contains,
    /// `name`: the name is exactly the text.
    Exact,
}

/// One page of the list: `GET /v1/{project_id}/connections?...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub offset: u64,
    pub limit: u64,
    pub sort: ListSort,
    /// Empty: no filter.
    pub search: String,
    pub name_match: NameMatch,
}

/// Page sizes the console offers; the first is the API's default.
pub const PAGE_SIZES: [u64; 3] = [15, 50, 100];

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            offset: 0,
            limit: PAGE_SIZES[0],
            sort: ListSort::default(),
            search: String::new(),
            name_match: NameMatch::default(),
        }
    }
}

impl ListQuery {
    /// The query string, `?` included, every value URL-encoded.
    pub fn to_query_string(&self) -> String {
        let mut query = format!(
            "?offset={}&limit={}&sort={}",
            self.offset,
            self.limit,
            self.sort.as_param()
        );
        let search = self.search.trim();
        if !search.is_empty() {
            let key = match self.name_match {
                NameMatch::Contains => "fuzzy_name",
                NameMatch::Exact => "name",
            };
            query.push_str(&format!("&{key}={}", js_sys::encode_uri_component(search)));
        }
        query
    }
}

/// Every way a call can fail, each explained differently.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The API answered with an EG (or API gateway) error body.
    Eg {
        status: u16,
        body: ErrorBody,
        request_id: Option<String>,
    },
    /// The answer was not the JSON expected (a proxy's HTML page, an empty 502).
    NotJson {
        status: u16,
        excerpt: String,
        request_id: Option<String>,
    },
    /// The request never got an answer (offline, DNS, CORS, connection dropped).
    Network(String),
    /// No answer within the timeout; the request was aborted.
    Timeout(Duration),
    /// The user cancelled the request.
    Aborted,
}

impl ApiError {
    /// The request ID of the failed call, when the server sent one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ApiError::Eg { request_id, body, .. } => request_id.as_deref().or(body.request_id.as_deref()),
            ApiError::NotJson { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// The HTTP status, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Eg { status, .. } | ApiError::NotJson { status, .. } => Some(*status),
            _ => None,
        }
    }
}

/// A successful answer and its request ID.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer<T> {
    pub value: T,
    pub request_id: Option<String>,
}

/// Why a request was aborted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AbortReason {
    Timeout,
    Cancelled,
}

/// Cancels an in-flight request; cloning shares the same request.
#[derive(Clone)]
pub struct Abort {
    controller: Option<AbortController>,
    reason: Rc<Cell<Option<AbortReason>>>,
}

impl Default for Abort {
    fn default() -> Self {
        Abort {
            controller: AbortController::new().ok(),
            reason: Rc::new(Cell::new(None)),
        }
    }
}

impl Abort {
    /// Aborts the request as cancelled by the user.
    pub fn cancel(&self) {
        self.abort(AbortReason::Cancelled);
    }

    /// What a failed fetch or body read means: our own abort (timeout or
    /// cancel) or a network failure.
    fn failure(&self, error: gloo_net::Error, timeout: Duration) -> ApiError {
        match self.reason.get() {
            Some(AbortReason::Timeout) => ApiError::Timeout(timeout),
            Some(AbortReason::Cancelled) => ApiError::Aborted,
            None => ApiError::Network(error.to_string()),
        }
    }

    fn abort(&self, reason: AbortReason) {
        if self.reason.get().is_none() {
            self.reason.set(Some(reason));
        }
        if let Some(controller) = &self.controller {
            controller.abort();
        }
    }
}

/// Sends `request` with a timeout and an abort handle, and reads the answer.
async fn send<T: DeserializeOwned>(
    builder: RequestBuilder,
    body: Option<String>,
    abort: &Abort,
    timeout: Duration,
) -> Result<(Response, Option<T>), ApiError> {
    let builder = builder.abort_signal(abort.controller.as_ref().map(|controller| controller.signal()).as_ref());
    let request = match body {
        Some(body) => builder.header("Content-Type", "application/json").body(body),
        None => builder.build(),
    }
    .map_err(|error| ApiError::Network(error.to_string()))?;
    let on_timeout = abort.clone();
    let timer: Option<TimeoutHandle> =
        set_timeout_with_handle(move || on_timeout.abort(AbortReason::Timeout), timeout).ok();
    let outcome = request.send().await;
    if let Some(timer) = timer {
        timer.clear();
    }
    let response = outcome.map_err(|error| abort.failure(error, timeout))?;
    let status = response.status();
    let request_id = response.headers().get("x-request-id");
    let text = response.text().await.map_err(|error| abort.failure(error, timeout))?;
    if (200..300).contains(&status) {
        if status == 204 || text.is_empty() {
            return Ok((response, None));
        }
        return match serde_json::from_str::<T>(&text) {
            Ok(value) => Ok((response, Some(value))),
            Err(_) => Err(not_json(status, &text, request_id)),
        };
    }
    match serde_json::from_str::<ErrorBody>(&text) {
        Ok(body) if !body.error_code.is_empty() => Err(ApiError::Eg {
            status,
            body,
            request_id,
        }),
        _ => Err(not_json(status, &text, request_id)),
    }
}

fn not_json(status: u16, text: &str, request_id: Option<String>) -> ApiError {
    let collapsed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    ApiError::NotJson {
        status,
        excerpt: crate::issue::quote_with(&collapsed, EXCERPT_CHARS),
        request_id,
    }
}

fn with_token(builder: RequestBuilder, endpoint: &Endpoint) -> RequestBuilder {
    builder.header("X-Auth-Token", &endpoint.token)
}

/// `POST /v1/{project_id}/connections`.
pub async fn create_connection(
    endpoint: &Endpoint,
    request: &CreateConnectionRequest,
    abort: &Abort,
) -> Result<Answer<ConnectionInfo>, ApiError> {
    let body = serde_json::to_string(request).map_err(|error| ApiError::Network(error.to_string()))?;
    let builder = with_token(Request::post(&endpoint.connections_url()), endpoint);
    let (response, value) = send::<ConnectionInfo>(builder, Some(body), abort, endpoint.timeout).await?;
    answer(response, value)
}

/// `GET /v1/{project_id}/connections/{id}`.
pub async fn show_connection(endpoint: &Endpoint, id: &str) -> Result<Answer<ConnectionInfo>, ApiError> {
    let builder = with_token(Request::get(&endpoint.connection_url(id)), endpoint);
    let (response, value) = send::<ConnectionInfo>(builder, None, &Abort::default(), endpoint.timeout).await?;
    answer(response, value)
}

/// `GET /v1/{project_id}/connections?offset&limit&sort&(fuzzy_)name`.
pub async fn list_connections(endpoint: &Endpoint, query: &ListQuery) -> Result<Answer<ConnectionList>, ApiError> {
    let url = format!("{}{}", endpoint.connections_url(), query.to_query_string());
    let builder = with_token(Request::get(&url), endpoint);
    let (response, value) = send::<ConnectionList>(builder, None, &Abort::default(), endpoint.timeout).await?;
    answer(response, value)
}

/// `PUT /v1/{project_id}/connections/{id}` with `{description}`.
pub async fn update_connection(
    endpoint: &Endpoint,
    id: &str,
    request: &UpdateConnectionRequest,
) -> Result<Answer<ConnectionInfo>, ApiError> {
    let body = serde_json::to_string(request).map_err(|error| ApiError::Network(error.to_string()))?;
    let builder = with_token(Request::put(&endpoint.connection_url(id)), endpoint);
    let (response, value) = send::<ConnectionInfo>(builder, Some(body), &Abort::default(), endpoint.timeout).await?;
    answer(response, value)
}

/// `DELETE /v1/{project_id}/connections/{id}`; returns the request ID.
pub async fn delete_connection(endpoint: &Endpoint, id: &str) -> Result<Option<String>, ApiError> {
    let builder = with_token(Request::delete(&endpoint.connection_url(id)), endpoint);
    // 204 has no body; a body on success is tolerated and ignored.
    let (response, _) = send::<serde::de::IgnoredAny>(builder, None, &Abort::default(), endpoint.timeout).await?;
    Ok(response.headers().get("x-request-id"))
}

fn answer<T>(response: Response, value: Option<T>) -> Result<Answer<T>, ApiError> {
    let request_id = response.headers().get("x-request-id");
    match value {
        Some(value) => Ok(Answer { value, request_id }),
        None => Err(ApiError::NotJson {
            status: response.status(),
            excerpt: String::new(),
            request_id,
        }),
    }
}

/// What IAM needs for a password token scoped to a project.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credentials {
    pub user_name: String,
    pub password: String,
    pub domain: String,
    /// A project ID, or a project name such as `cn-north-4`.
    pub project: String,
}

/// `POST /v3/auth/tokens`; returns the `X-Subject-Token` and the project ID.
pub async fn sign_in(base_url: &str, credentials: &Credentials) -> Result<(String, Option<String>), ApiError> {
    let project = &credentials.project;
    // IAM project IDs are 32 hex characters; anything else is a name.
    let scope = if project.len() == 32 && project.bytes().all(|byte| byte.is_ascii_hexdigit()) {
        serde_json::json!({ "id": project })
    } else {
        serde_json::json!({ "name": project })
    };
    let body = serde_json::json!({"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": credentials.user_name,
            "password": credentials.password,
            "domain": {"name": credentials.domain},
        }}},
        "scope": {"project": scope},
    }});
    let url = format!("{}/v3/auth/tokens", base_url.trim_end_matches('/'));
    let builder = Request::post(&url);
    let result = send::<serde_json::Value>(builder, Some(body.to_string()), &Abort::default(), DEFAULT_TIMEOUT).await;
    let (response, value) = match result {
        Ok(ok) => ok,
        // IAM's own error body: {"error": {"code", "message", "title"}}.
        Err(ApiError::NotJson { status, .. }) | Err(ApiError::Eg { status, .. }) if status == 401 => {
            return Err(ApiError::Eg {
                status,
                body: ErrorBody {
                    error_code: "IAM.401".to_owned(),
                    error_msg: "The user name, password, domain or project is wrong".to_owned(),
                    ..ErrorBody::default()
                },
                request_id: None,
            })
        }
        Err(error) => return Err(error),
    };
    let token = response
        .headers()
        .get("x-subject-token")
        .filter(|token| !token.is_empty());
    let project_id = value
        .as_ref()
        .and_then(|value| value["token"]["project"]["id"].as_str())
        .map(str::to_owned);
    match token {
        Some(token) => Ok((token, project_id)),
        None => Err(ApiError::NotJson {
            status: response.status(),
            excerpt: "The answer has no X-Subject-Token header (a cross-origin IAM must expose it)".to_owned(),
            request_id: None,
        }),
    }
}
