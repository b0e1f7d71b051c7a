//! Forwarding mode (`--region R`, or `--upstream-eg URL` and
//! `--upstream-iam URL`): the same binary emulates nothing and serves the
//! console on one origin with the real APIs behind it, each path to its
//! service (an exact allowlist, [`Service::of`]): EG's connections and
//! quotas, VPC's VPC and subnet lists (both under `/v1/{project_id}/`, so
//! told apart by the path's last segment), DMS's instance list (Kafka's and
//! RocketMQ's, one endpoint), and IAM's `/v3/`, `/v3.0/`. The method, path,
//! query, headers (but the hop-by-hop ones and `Host`, which becomes the
//! upstream's) and the body go on, streamed both ways, over TLS verified
//! against the webpki roots.
//! `Authorization`, `X-Auth-Token`, `X-Security-Token` and bodies are never
//! logged (the access log has the method, path and status only).
//!
//! The console signs AK/SK requests for the host its request finally
//! reaches: `GET /eg-console.json` tells it each service's upstream host,
//! so a signature stays valid after the `Host` rewrite.

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderMap};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use futures_util::TryStreamExt;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

use crate::console::{config_response, ConsoleFiles};
use crate::errors::ApiError;
use crate::middleware::{check_host, request_id_and_log, HostPolicy};
use crate::settings::{Settings, BODY_LIMIT};

/// What the forwarding routes share.
pub struct ForwardState {
    pub settings: Settings,
    pub console: ConsoleFiles,
    pub upstreams: Upstreams,
    pub client: reqwest::Client,
}

/// The forwarding application: the API's prefixes forwarded, the console
/// served, `/eg-console.json` and `/emulator/health` answered here.
pub fn router(state: Arc<ForwardState>, hosts: Arc<HostPolicy>) -> Router {
    let quiet = state.settings.quiet;
    Router::new()
        .route("/eg-console.json", get(console_config))
        .route(
            "/emulator/health",
            get(|| async { Json(json!({"status": "ok", "mode": "forward"})) }),
        )
        .fallback(fallback)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn(move |request, next| {
            request_id_and_log(quiet, request, next)
        }))
        // Outermost: a page on another name (DNS rebinding) gets nothing.
        .layer(middleware::from_fn_with_state(hosts, check_host))
        .with_state(state)
}

async fn fallback(State(state): State<Arc<ForwardState>>, request: Request) -> Response {
    let path = request.uri().path();
    // Dot segments resolved first (`%2e`, `\\` included): `/v1/../admin`
    // is `/admin`, which is not forwarded.
    match resolve(path) {
        Some(resolved) if is_forwarded(&resolved) => match Service::of(&resolved) {
            Some(service) => forward(&state, request, service, &resolved).await,
            None => ApiError::not_found(format!(
                "{resolved} is not forwarded: only EG's connections and quotas, VPC's vpcs and subnets, DMS's instances and IAM"
            ))
            .into_response(),
        },
        // The console's own paths (it refuses traversal itself).
        _ if !is_forwarded(path) => crate::console::serve(state.console.0.as_deref(), request).await,
        _ => ApiError::bad_request(
            "The path leaves the API's prefixes (/v1/, /v2/, /v3/, /v3.0/) once its dot segments are resolved",
        )
        .into_response(),
    }
}

/// `path` with its dot segments removed (RFC 3986, section 5.2.4), where
/// `%2e` counts as `.` and `\\`, `%5c` and `%2f` as `/`, as some servers
/// read them; `None` when it climbs above the root.
fn resolve(path: &str) -> Option<String> {
    let mut segments: Vec<&str> = Vec::new();
    let unified = path.replace('\\', "/");
    let unified = unified
        .replace("%5c", "/")
        .replace("%5C", "/")
        .replace("%2f", "/")
        .replace("%2F", "/");
    for segment in unified.split('/').skip(1) {
        match segment.replace("%2e", ".").replace("%2E", ".").as_str() {
            "." => {}
            ".." => {
                segments.pop()?;
            }
            _ => segments.push(segment),
        }
    }
    // A path ending in a dot segment names a directory.
    let trailing = matches!(
        unified.rsplit('/').next().map(|last| last.replace("%2e", ".").replace("%2E", ".")),
        Some(last) if last == "." || last == ".."
    );
    let mut resolved = format!("/{}", segments.join("/"));
    if trailing && !resolved.ends_with('/') {
        resolved.push('/');
    }
    Some(resolved)
}

/// The services whose paths are forwarded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// `/v1/{project_id}/connections[/{id}]`, `/v1/{project_id}/quotas`.
    Eg,
    /// `/v1/{project_id}/vpcs`, `/v1/{project_id}/subnets`.
    Vpc,
    /// `/v2/{project_id}/instances` (Kafka and RocketMQ, by `engine`).
    Dms,
    /// `/v3/...`, `/v3.0/...`.
    Iam,
}

impl Service {
    /// The service a (resolved) path belongs to; `None`: not forwarded.
    pub fn of(path: &str) -> Option<Service> {
        if path.starts_with("/v3/") || path.starts_with("/v3.0/") {
            return Some(Service::Iam);
        }
        let segments: Vec<&str> = path.split('/').skip(1).collect();
        let valid = |segment: &&str| !segment.is_empty();
        match segments.as_slice() {
            ["v1", project, "connections"] | ["v1", project, "quotas"] if valid(project) => Some(Service::Eg),
            ["v1", project, "connections", id] if valid(project) && valid(id) => Some(Service::Eg),
            ["v1", project, "vpcs"] | ["v1", project, "subnets"] if valid(project) => Some(Service::Vpc),
            ["v2", project, "instances"] if valid(project) => Some(Service::Dms),
            _ => None,
        }
    }
}

/// Where forwarded requests go: each service's base URL, e.g.
/// `https://eg.cn-north-4.myhuaweicloud.com`.
#[derive(Debug, Clone)]
pub struct Upstreams {
    pub eg: String,
    pub iam: String,
    pub vpc: String,
    /// Distributed Message Service: Kafka's and RocketMQ's instance lists.
    pub dms: String,
}

impl Upstreams {
    /// The public endpoints of `region` (`eu-west-101` is on `.eu`).
    pub fn for_region(region: &str) -> Upstreams {
        use eg_connections::sign::endpoint_host;
        let url = |service: &str| format!("https://{}", endpoint_host(service, region));
        Upstreams {
            eg: url("eg"),
            iam: url("iam"),
            vpc: url("vpc"),
            dms: url("dms"),
        }
    }

    /// EG at `eg`, IAM at `iam`, and VPC and DMS at `eg` too (one server
    /// that answers them all, such as an emulator).
    pub fn eg_and_iam(eg: String, iam: String) -> Upstreams {
        Upstreams {
            vpc: eg.clone(),
            dms: eg.clone(),
            eg,
            iam,
        }
    }

    /// The base URL of `service`.
    pub fn base(&self, service: Service) -> &str {
        match service {
            Service::Eg => &self.eg,
            Service::Iam => &self.iam,
            Service::Vpc => &self.vpc,
            Service::Dms => &self.dms,
        }
    }

    /// The host (and port, if any) requests to `service` are signed for.
    pub fn host(&self, service: Service) -> String {
        reqwest::Url::parse(self.base(service))
            .ok()
            .and_then(|url| {
                let host = url.host_str()?.to_owned();
                Some(match url.port() {
                    Some(port) => format!("{host}:{port}"),
                    None => host,
                })
            })
            .unwrap_or_default()
    }

    /// The host requests to EG are signed for.
    pub fn eg_host(&self) -> String {
        self.host(Service::Eg)
    }
}

/// The forwarder's HTTP client.
pub fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .use_rustls_tls()
        .connect_timeout(Duration::from_secs(10))
        // An upstream that stops sending is given up on, not waited on forever.
        .read_timeout(Duration::from_secs(60))
        .redirect(reqwest::redirect::Policy::none())
        .build()
}

/// Headers that belong to one hop, never forwarded (RFC 9110, 7.6.1).
const HOP_BY_HOP: [&str; 9] = [
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

/// The headers to pass on: not `Host`, not the hop-by-hop ones, and not
/// those a `Connection` header names (RFC 9110, section 7.6.1: they belong
/// to this hop too).
fn forwarded(headers: &HeaderMap) -> HeaderMap {
    let named: Vec<String> = headers
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|name| name.trim().to_ascii_lowercase())
        .filter(|name| !name.is_empty())
        .collect();
    let mut kept = HeaderMap::new();
    for (name, value) in headers {
        if name == header::HOST || HOP_BY_HOP.contains(&name.as_str()) || named.iter().any(|drop| drop == name.as_str())
        {
            continue;
        }
        kept.append(name.clone(), value.clone());
    }
    kept
}

/// Forwards `request` to `service`, at its (resolved) `path`.
async fn forward(state: &ForwardState, request: Request, service: Service, path: &str) -> Response {
    let client = &state.client;
    let base = state.upstreams.base(service);
    let mut target = format!("{}{path}", base.trim_end_matches('/'));
    if let Some(query) = request.uri().query() {
        target.push('?');
        target.push_str(query);
    }
    let method = request.method().clone();
    let headers = forwarded(request.headers());
    let body = reqwest::Body::wrap_stream(request.into_body().into_data_stream());
    let answer = client.request(method, &target).headers(headers).body(body).send().await;
    match answer {
        Ok(answer) => {
            let status = answer.status();
            let headers = forwarded(answer.headers());
            let mut response = Response::new(Body::from_stream(answer.bytes_stream().map_err(std::io::Error::other)));
            *response.status_mut() = status;
            *response.headers_mut() = headers;
            response
        }
        Err(error) => {
            let reason = if error.is_timeout() {
                "timed out"
            } else if error.is_connect() {
                "could not connect"
            } else {
                "failed"
            };
            ApiError::bad_gateway(format!(
                "The request to {base} {reason}; check the network and --region/--upstream-* ({error})"
            ))
            .into_response()
        }
    }
}

/// `GET /eg-console.json` when forwarding: the hosts to sign for, EG's
/// (`signing_host`) and each service's (`signing_hosts`).
async fn console_config(State(state): State<Arc<ForwardState>>) -> Response {
    let upstreams = &state.upstreams;
    config_response(json!({
        "mode": "forward",
        "signing_host": upstreams.eg_host(),
        "signing_hosts": {
            "eg": upstreams.host(Service::Eg),
            "vpc": upstreams.host(Service::Vpc),
            "dms": upstreams.host(Service::Dms),
        },
        "eg": upstreams.eg, "iam": upstreams.iam, "vpc": upstreams.vpc, "dms": upstreams.dms,
    }))
}

/// Whether `path` is under the APIs' prefixes (forwarded when
/// [`Service::of`] knows it, refused otherwise).
pub fn is_forwarded(path: &str) -> bool {
    ["/v1/", "/v2/", "/v3/", "/v3.0/"]
        .iter()
        .any(|prefix| path.starts_with(prefix))
}
