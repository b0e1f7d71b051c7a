//! Middleware both modes share: the `Host` check (against DNS
//! rebinding), request IDs and the access log, and CORS.

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::clock::{format_rfc3339, now_ms};
use crate::errors::{ApiError, REQUEST_ID};

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

/// Which `Host` a request may name: loopback names and addresses, the
/// address the server listens on, and the hosts given with
/// `--allowed-host` (`example.com`, or `.example.com` for it and its
/// subdomains). A page whose own name was rebound to this server's address
/// (DNS rebinding) sends its own name, and is refused.
#[derive(Debug, Clone)]
pub struct HostPolicy {
    allowed: Vec<String>,
    listen: IpAddr,
}

impl HostPolicy {
    /// The policy of a server listening on `listen`, allowing `allowed` too.
    pub fn new(listen: SocketAddr, allowed: &[String]) -> Arc<HostPolicy> {
        Arc::new(HostPolicy {
            allowed: allowed
                .iter()
                .map(|host| host_name(host).trim_end_matches('.').to_ascii_lowercase())
                .filter(|host| !host.is_empty())
                .collect(),
            listen: listen.ip(),
        })
    }

    /// Whether `host` (a `Host` header's value: a name or address, and maybe
    /// a port) is one this server answers to.
    pub fn allows(&self, host: &str) -> bool {
        let name = host_name(host).to_ascii_lowercase();
        let name = name.trim_end_matches('.');
        if name == "localhost" || name.ends_with(".localhost") {
            return true;
        }
        if let Ok(address) = name.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
            return address.is_loopback()
                || (address == self.listen && !self.listen.is_unspecified())
                || self
                    .allowed
                    .iter()
                    .any(|allowed| allowed.parse::<IpAddr>() == Ok(address));
        }
        self.allowed.iter().any(|allowed| match allowed.strip_prefix('.') {
            Some(domain) => name == domain || name.ends_with(allowed.as_str()),
            None => name == allowed,
        })
    }
}

/// The name or address of a `Host` value, without its port.
fn host_name(host: &str) -> &str {
    let host = host.trim();
    if let Some(rest) = host.strip_prefix('[') {
        // `[::1]:9090`: the address is what the brackets hold.
        return rest.split(']').next().unwrap_or_default();
    }
    match host.rsplit_once(':') {
        Some((name, port)) if !name.contains(':') && port.bytes().all(|byte| byte.is_ascii_digit()) => name,
        _ => host,
    }
}

/// Refuses a request without exactly one `Host` (RFC 9112, section 3.2:
/// 400), or naming a host this server does not answer to (403, saying which
/// flag allows it).
pub async fn check_host(State(policy): State<Arc<HostPolicy>>, request: Request, next: Next) -> Response {
    let mut hosts = request.headers().get_all(header::HOST).iter();
    let host = match (hosts.next(), hosts.next()) {
        (Some(host), None) => host.to_str().unwrap_or_default().to_owned(),
        (None, _) => return ApiError::bad_request("The request has no Host header").into_response(),
        (Some(_), Some(_)) => {
            return ApiError::bad_request("The request has more than one Host header").into_response()
        }
    };
    // An absolute-form target names its host too: it must be the same one.
    let authority = request.uri().authority().map(|authority| authority.as_str().to_owned());
    for named in std::iter::once(host.as_str()).chain(authority.as_deref()) {
        if !policy.allows(named) {
            let shown = eg_connections::issue::quote_with(named, 64);
            return ApiError::forbidden(format!(
                "This server answers to localhost and its own address only, not \"{shown}\"; to use that name, start it with --allowed-host {}",
                host_name(&shown)
            ))
            .into_response();
        }
    }
    next.run(request).await
}
