//! Faults on demand, for tests: an admin endpoint (enabled by
//! `--enable-faults`, off by default) queues faults that the next matching
//! API requests suffer, or makes the store's next commits fail as a full
//! disk would.

use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRef, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::errors::ApiError;
use crate::extract::read_json;
use crate::store::Store;
use crate::sync::lock;

/// What a fault does to a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// Wait this long, then serve the request normally.
    Latency { ms: u64 },
    /// Answer with this status and body instead of serving the request.
    Status {
        status: u16,
        #[serde(default)]
        body: String,
        #[serde(default = "json_content_type")]
        content_type: String,
    },
    /// Answer 502 with an HTML page, as a proxy in front of the API would.
    NonJson,
    /// Cut the connection mid-answer: the status line and headers go out,
    /// then the connection closes before the body. (Closing before any byte
    /// would not do: browsers silently retry such requests.)
    Drop,
    /// Serve the request, but stall its answer mid-body: the status line,
    /// the headers and the first half of the body go out, the rest `ms`
    /// later (a client's deadline must cover the body, not only the
    /// headers).
    StallBody { ms: u64 },
    /// The store's next `count` commits fail as on a full disk (not queued
    /// for requests: the store takes it at once).
    StorageFull,
}

fn json_content_type() -> String {
    "application/json".to_owned()
}

/// A queued fault: applies to the next `count` requests under `path_prefix`
/// (and with `method`, when given).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fault {
    #[serde(flatten)]
    pub kind: FaultKind,
    #[serde(default = "one")]
    pub count: u32,
    #[serde(default = "api_prefix")]
    pub path_prefix: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
}

fn one() -> u32 {
    1
}

fn api_prefix() -> String {
    "/v1/".to_owned()
}

/// Whether faults are on (`--enable-faults`), the queue of pending ones,
/// and how many API requests arrived (tests count them to prove that a
/// client sent nothing).
#[derive(Default)]
pub struct Faults {
    enabled: bool,
    queue: Mutex<VecDeque<Fault>>,
    api_requests: AtomicU64,
}

impl Faults {
    /// Faults on (`enabled`) or off.
    pub fn new(enabled: bool) -> Self {
        Faults {
            enabled,
            ..Faults::default()
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<Fault>> {
        lock(&self.queue)
    }

    /// Queues a fault.
    pub fn push(&self, fault: Fault) {
        if fault.count > 0 {
            self.lock().push_back(fault);
        }
    }

    /// Drops every pending fault.
    pub fn clear(&self) {
        self.lock().clear();
    }

    /// The pending faults.
    pub fn pending(&self) -> Vec<Fault> {
        self.lock().iter().cloned().collect()
    }

    /// Takes one use of the first fault matching `method` and `path`.
    pub fn take(&self, method: &str, path: &str) -> Option<FaultKind> {
        let mut queue = self.lock();
        let index = queue.iter().position(|fault| {
            path.starts_with(&fault.path_prefix)
                && fault
                    .method
                    .as_deref()
                    .is_none_or(|wanted| wanted.eq_ignore_ascii_case(method))
        })?;
        let fault = &mut queue[index];
        fault.count -= 1;
        let kind = fault.kind.clone();
        if fault.count == 0 {
            queue.remove(index);
        }
        Some(kind)
    }
}

/// The latency a fault adds, if it is a latency fault.
pub fn latency(kind: &FaultKind) -> Option<Duration> {
    match kind {
        FaultKind::Latency { ms } => Some(Duration::from_millis(*ms)),
        _ => None,
    }
}

/// The response of a status, non-JSON or drop fault.
pub fn canned_response(kind: &FaultKind) -> Option<Response> {
    let (status, content_type, body) = match kind {
        FaultKind::Status {
            status,
            body,
            content_type,
        } => (
            StatusCode::from_u16(*status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            content_type.clone(),
            body.clone(),
        ),
        FaultKind::NonJson => (
            StatusCode::BAD_GATEWAY,
            "text/html; charset=utf-8".to_owned(),
            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>\
             <hr><center>nginx</center></body></html>"
                .to_owned(),
        ),
        FaultKind::Drop => {
            // Some bytes must go out first (a connection closed before any
            // byte is retried by browsers), and hyper flushes them only if the
            // error comes later, not in the same poll.
            use futures_util::StreamExt;
            let first = futures_util::stream::once(async {
                Ok::<_, std::io::Error>(axum::body::Bytes::from_static(b"{\"connections\": ["))
            });
            let cut = futures_util::stream::once(async {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                Err(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "eg-emulator: connection dropped (fault injection)",
                ))
            });
            let severed = first.chain(cut);
            let mut response = Response::new(Body::from_stream(severed));
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            return Some(response);
        }
        FaultKind::Latency { .. } | FaultKind::StallBody { .. } | FaultKind::StorageFull => return None,
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    if let Ok(value) = HeaderValue::from_str(&content_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    Some(response)
}

/// The fault endpoints, for any state that holds the faults and the store.
pub fn router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Faults>: FromRef<S>,
    Arc<Store>: FromRef<S>,
{
    Router::new()
        .route("/emulator/faults", get(list).post(add).delete(clear))
        .route("/emulator/requests", get(requests))
}

/// Applies the next queued fault matching this request, if faults are enabled.
pub async fn inject(State(faults): State<Arc<Faults>>, request: Request, next: Next) -> Response {
    if !faults.enabled {
        return next.run(request).await;
    }
    if is_api(request.uri().path()) {
        faults.api_requests.fetch_add(1, Ordering::Relaxed);
    }
    let Some(fault) = faults.take(request.method().as_str(), request.uri().path()) else {
        return next.run(request).await;
    };
    if let Some(delay) = latency(&fault) {
        tokio::time::sleep(delay).await;
        return next.run(request).await;
    }
    if let FaultKind::StallBody { ms } = fault {
        return stall_body(next.run(request).await, Duration::from_millis(ms)).await;
    }
    match canned_response(&fault) {
        Some(response) => response,
        None => next.run(request).await,
    }
}

/// `response` with its body sent in two halves, `pause` apart.
async fn stall_body(response: Response, pause: Duration) -> Response {
    use futures_util::StreamExt;
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
    let (first, rest) = bytes.split_at(bytes.len() / 2);
    let (first, rest) = (Bytes::copy_from_slice(first), Bytes::copy_from_slice(rest));
    let head = futures_util::stream::once(async move { Ok::<_, std::io::Error>(first) });
    let tail = futures_util::stream::once(async move {
        tokio::time::sleep(pause).await;
        Ok::<_, std::io::Error>(rest)
    });
    let mut response = Response::from_parts(parts, Body::from_stream(head.chain(tail)));
    // The length stays right: the body is whole, only late.
    response
        .headers_mut()
        .insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    response
}

/// The connections API and IAM, not the console's files nor this admin API.
fn is_api(path: &str) -> bool {
    path.starts_with("/v1/") || path.starts_with("/v3/") || path.starts_with("/v3.0/")
}

/// `GET /emulator/requests`: `{"api": N}`, the API and IAM requests
/// received since start (CORS preflights excluded: they are answered
/// before this count).
async fn requests(State(faults): State<Arc<Faults>>) -> Result<Json<serde_json::Value>, ApiError> {
    if !faults.enabled {
        return Err(disabled());
    }
    let api = faults.api_requests.load(Ordering::Relaxed);
    Ok(Json(serde_json::json!({ "api": api })))
}

fn disabled() -> ApiError {
    ApiError::not_found("Fault injection is off (start with --enable-faults)")
}

/// `GET /emulator/faults`: the pending faults.
async fn list(State(faults): State<Arc<Faults>>) -> Result<Json<Vec<Fault>>, ApiError> {
    if !faults.enabled {
        return Err(disabled());
    }
    Ok(Json(faults.pending()))
}

/// `POST /emulator/faults`: queues a fault (or fails the store's next commits).
async fn add(
    State(faults): State<Arc<Faults>>,
    State(store): State<Arc<Store>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, ApiError> {
    if !faults.enabled {
        return Err(disabled());
    }
    let fault: Fault = read_json(&headers, body)?;
    match fault.kind {
        FaultKind::Status { status, .. } if !(100..=999).contains(&status) => {
            return Err(ApiError::bad_request("status must be an HTTP status code"))
        }
        FaultKind::StorageFull => store.fail_next_commits(fault.count),
        _ => faults.push(fault),
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /emulator/faults`: drops every pending fault.
async fn clear(State(faults): State<Arc<Faults>>, State(store): State<Arc<Store>>) -> Result<StatusCode, ApiError> {
    if !faults.enabled {
        return Err(disabled());
    }
    faults.clear();
    store.fail_next_commits(0);
    Ok(StatusCode::NO_CONTENT)
}
