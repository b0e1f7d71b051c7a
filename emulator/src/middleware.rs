//! Middleware both modes share: request IDs and the access log, and CORS.

use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::clock::{format_rfc3339, now_ms};
use crate::errors::REQUEST_ID;

/// Huawei's request ID header, on every answer.
pub const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
/// The header IAM returns a new token in.
pub const X_SUBJECT_TOKEN: HeaderName = HeaderName::from_static("x-subject-token");
/// The header an IAM token is sent in.
pub const X_AUTH_TOKEN: HeaderName = HeaderName::from_static("x-auth-token");

/// Gives every response an `X-Request-Id` (`uuid-timestamp-hostname`, as EG's)
/// and writes one access-log line: never headers, bodies, tokens or passwords.
/// A forwarded answer keeps Huawei's own ID (the one support asks for), and
/// the log line names it.
pub async fn request_id_and_log(quiet: bool, request: Request, next: Next) -> Response {
    let mut request_id = format!("{}-{}-eg-emulator", uuid::Uuid::new_v4().simple(), now_ms());
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    let started = Instant::now();
    let mut response = REQUEST_ID.scope(request_id.clone(), next.run(request)).await;
    match response
        .headers()
        .get(X_REQUEST_ID)
        .and_then(|value| value.to_str().ok())
    {
        Some(upstream) => request_id = upstream.to_owned(),
        None => {
            if let Ok(value) = HeaderValue::from_str(&request_id) {
                response.headers_mut().insert(X_REQUEST_ID, value);
            }
        }
    }
    if !quiet {
        eprintln!(
            "ts={} level=info request_id={request_id} method={method} path={path} status={} ms={}",
            format_rfc3339(now_ms()),
            response.status().as_u16(),
            started.elapsed().as_millis()
        );
    }
    response
}

/// The CORS layer for `origins` (`*` allows any), or `None` when there are
/// none: the console on the same origin needs no CORS.
pub fn cors(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let any = origins.iter().any(|origin| origin == "*");
    let listed: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin).ok())
        .collect();
    Some(
        CorsLayer::new()
            .allow_origin(if any {
                AllowOrigin::any()
            } else {
                AllowOrigin::list(listed)
            })
            .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
            .allow_headers([
                header::CONTENT_TYPE,
                header::AUTHORIZATION,
                X_AUTH_TOKEN,
                HeaderName::from_static("x-sdk-date"),
                HeaderName::from_static("x-project-id"),
                HeaderName::from_static("x-security-token"),
            ])
            .expose_headers([X_REQUEST_ID, X_SUBJECT_TOKEN, header::DATE]),
    )
}
