//! Faults on demand, for tests: an admin endpoint (enabled by
//! `--enable-faults`, off by default) queues faults that the next matching
//! API requests suffer.

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

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
    /// Close the connection without answering.
    Drop,
}

fn json_content_type() -> String {
    "application/json".to_owned()
}

/// A queued fault: applies to the next `count` requests under `path_prefix`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fault {
    #[serde(flatten)]
    pub kind: FaultKind,
    #[serde(default = "one")]
    pub count: u32,
    #[serde(default = "api_prefix")]
    pub path_prefix: String,
}

fn one() -> u32 {
    1
}

fn api_prefix() -> String {
    "/v1/".to_owned()
}

/// The queue of pending faults.
#[derive(Default)]
pub struct Faults {
    queue: Mutex<VecDeque<Fault>>,
}

impl Faults {
    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<Fault>> {
        self.queue
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
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

    /// Takes one use of the first fault matching `path`.
    pub fn take(&self, path: &str) -> Option<FaultKind> {
        let mut queue = self.lock();
        let index = queue
            .iter()
            .position(|fault| path.starts_with(&fault.path_prefix))?;
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

/// The canned response of a status or non-JSON fault.
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
        FaultKind::Latency { .. } | FaultKind::Drop => return None,
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    if let Ok(value) = HeaderValue::from_str(&content_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    Some(response)
}
