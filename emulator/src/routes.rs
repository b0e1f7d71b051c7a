//! The HTTP surface: the routes, the middleware (request IDs, access log,
//! faults, CORS) and the EG connections handlers. IAM lives in
//! [`crate::iam`], the console's files in [`crate::console`], fault
//! injection in [`crate::faults`]; authorization and JSON bodies are
//! extractors ([`crate::extract`]).

use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Query, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use eg_connections::input::{Body, CreateInput, UpdateInput};
use eg_connections::model::{ConnectionList, ListSort, SortError};
use eg_connections::rules::{validate_create, validate_update};
use eg_connections::{Issue, IssueKind};
use serde_json::json;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::clock::{format_rfc3339, now_ms};
use crate::errors::{ApiError, REQUEST_ID};
use crate::extract::{Authorized, EgJson, X_AUTH_TOKEN};
use crate::faults::Faults;
use crate::iam::{Iam, X_SUBJECT_TOKEN};
use crate::store::{Connection, ListQuery, Store, StoreError};

/// Largest request body accepted, on every route.
pub const BODY_LIMIT: usize = 64 * 1024;
/// The list's default and largest page sizes.
const LIST_LIMIT_DEFAULT: usize = 15;
const LIST_LIMIT_MAX: usize = 1000;

const X_REQUEST_ID: axum::http::HeaderName = axum::http::HeaderName::from_static("x-request-id");

/// Runtime settings (the command line, parsed).
#[derive(Debug, Clone)]
pub struct Settings {
    pub dist: Option<PathBuf>,
    pub cors_origins: Vec<String>,
    pub create_delay: Duration,
    pub fail_when_name_contains: Option<String>,
    pub enable_faults: bool,
    pub quiet: bool,
}

/// What every handler shares.
pub struct AppState {
    pub settings: Settings,
    /// The console's files, when `--dist` is given.
    pub console: Option<crate::console::Console>,
    pub store: Arc<Store>,
    pub iam: Iam,
    pub faults: Faults,
}

type Shared = State<Arc<AppState>>;

/// The whole application.
pub fn router(state: Arc<AppState>) -> Router {
    let connections = Router::new()
        .route(
            "/v1/{project_id}/connections",
            get(list_connections).post(create_connection),
        )
        .route(
            "/v1/{project_id}/connections/{connection_id}",
            get(show_connection).put(update_connection).delete(delete_connection),
        )
        .route("/v3/projects", get(crate::iam::list_projects))
        .route_layer(middleware::from_fn_with_state(state.clone(), crate::signed::verify));
    let mut app: Router<Arc<AppState>> = Router::new()
        .merge(connections)
        .route("/v3/auth/tokens", post(crate::iam::issue_token))
        .route(
            "/v3.0/OS-CREDENTIAL/securitytokens",
            post(crate::iam::issue_security_token),
        )
        .method_not_allowed_fallback(method_not_allowed)
        .route("/emulator/health", get(|| async { Json(json!({"status": "ok"})) }))
        .route(
            "/eg-console.json",
            get(|| async { crate::forward::config_response(json!({"mode": "emulator", "signing_host": null})) }),
        )
        .route(
            "/emulator/faults",
            get(crate::faults::list)
                .post(crate::faults::add)
                .delete(crate::faults::clear),
        )
        .route("/emulator/requests", get(crate::faults::requests))
        .fallback(crate::console::fallback)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(state.clone(), crate::faults::inject));
    let quiet = state.settings.quiet;
    app = app.layer(middleware::from_fn(move |request, next| {
        request_id_and_log(quiet, request, next)
    }));
    // CORS is outermost: preflights never consume faults, and every answer,
    // a fault's included, carries the CORS headers.
    if !state.settings.cors_origins.is_empty() {
        let any = state.settings.cors_origins.iter().any(|origin| origin == "*");
        let origins: Vec<HeaderValue> = state
            .settings
            .cors_origins
            .iter()
            .filter_map(|origin| HeaderValue::from_str(origin).ok())
            .collect();
        app = app.layer(
            CorsLayer::new()
                .allow_origin(if any {
                    AllowOrigin::any()
                } else {
                    AllowOrigin::list(origins)
                })
                .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
                .allow_headers([
                    header::CONTENT_TYPE,
                    header::AUTHORIZATION,
                    X_AUTH_TOKEN,
                    axum::http::HeaderName::from_static("x-sdk-date"),
                    axum::http::HeaderName::from_static("x-project-id"),
                    axum::http::HeaderName::from_static("x-security-token"),
                ])
                .expose_headers([X_REQUEST_ID, X_SUBJECT_TOKEN, header::DATE]),
        );
    }
    app.with_state(state)
}

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

/// The API error for a store failure; `name` and `connection_id` are what
/// the request named (either may be empty).
fn store_error(error: StoreError, name: &str, connection_id: &str) -> ApiError {
    match error {
        StoreError::NameTaken => ApiError::name_duplicated(name),
        StoreError::NotFound => ApiError::not_found(format!("Connection {connection_id} does not exist")),
        StoreError::Unavailable(reason) => ApiError::unavailable(format!(
            "The change was not saved ({reason}); nothing was changed, try again later"
        )),
        StoreError::DetailNotAllowed(field) => {
            ApiError::invalid_parameters(&[Issue::new(field, IssueKind::DetailNotAllowed)])
        }
        StoreError::SaslOff => ApiError::bad_request(format!(
            "Connection {connection_id} does not use SASL_SSL: it has no credentials to change"
        )),
    }
}

async fn create_connection(
    State(state): Shared,
    auth: Authorized,
    EgJson(input): EgJson<Body<CreateInput>>,
) -> Result<Response, ApiError> {
    let request = validate_create(&input).map_err(|issues| ApiError::invalid_parameters(&issues))?;
    let now = now_ms();
    let fails = state
        .settings
        .fail_when_name_contains
        .as_deref()
        .is_some_and(|part| !part.is_empty() && request.name.contains(part));
    let ready = now + state.settings.create_delay.as_millis() as u64;
    let connection = Connection::new(&auth.project_id, &request, now, ready, fails);
    let connection = state
        .store
        .create(connection)
        .await
        .map_err(|error| store_error(error, &request.name, ""))?;
    Ok(Json(connection.info(now)).into_response())
}

/// The list query, checked as the contract documents it.
fn list_query(params: &HashMap<String, String>) -> Result<ListQuery, ApiError> {
    let number = |key: &str, default: usize| -> Result<usize, ApiError> {
        params.get(key).map_or(Ok(default), |value| {
            value
                .parse::<usize>()
                .map_err(|_| ApiError::bad_request(format!("{key} must be a whole number >= 0 (it is \"{value}\")")))
        })
    };
    let offset = number("offset", 0)?;
    let limit = number("limit", LIST_LIMIT_DEFAULT)?;
    if !(1..=LIST_LIMIT_MAX).contains(&limit) {
        return Err(ApiError::bad_request(format!(
            "limit must be between 1 and {LIST_LIMIT_MAX} (it is {limit})"
        )));
    }
    let sort = match params.get("sort") {
        None => ListSort::default(),
        Some(text) => ListSort::parse(text).map_err(|error| {
            ApiError::bad_request(match error {
                SortError::UnknownField(sort) => format!(
                    "sort must be field:ASC or field:DESC with field created_time, updated_time or name (it is \"{sort}\")"
                ),
                SortError::UnknownDirection(direction) => {
                    format!("sort direction must be ASC or DESC (it is \"{direction}\")")
                }
            })
        })?,
    };
    let text = |key: &str| params.get(key).filter(|value| !value.is_empty()).cloned();
    Ok(ListQuery {
        offset,
        limit,
        sort,
        name: text("name"),
        fuzzy_name: text("fuzzy_name"),
        instance_id: text("instance_id"),
    })
}

async fn list_connections(
    State(state): Shared,
    auth: Authorized,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Json<ConnectionList>, ApiError> {
    let Query(params) =
        query.map_err(|rejection| ApiError::bad_request(format!("The query string is malformed: {rejection}")))?;
    let query = list_query(&params)?;
    let (total, page) = state
        .store
        .list(&auth.project_id, &query)
        .await
        .map_err(|error| store_error(error, "", ""))?;
    let now = now_ms();
    Ok(Json(ConnectionList {
        total: total as u64,
        size: page.len() as u64,
        items: page.iter().map(|connection| connection.info(now)).collect(),
    }))
}

async fn show_connection(
    State(state): Shared,
    auth: Authorized,
    axum::extract::Path((_, connection_id)): axum::extract::Path<(String, String)>,
) -> Result<Response, ApiError> {
    let connection = state
        .store
        .get(&auth.project_id, &connection_id)
        .await
        .map_err(|error| store_error(error, "", &connection_id))?
        .ok_or_else(|| store_error(StoreError::NotFound, "", &connection_id))?;
    Ok(Json(connection.info(now_ms())).into_response())
}

async fn update_connection(
    State(state): Shared,
    auth: Authorized,
    axum::extract::Path((_, connection_id)): axum::extract::Path<(String, String)>,
    EgJson(input): EgJson<Body<UpdateInput>>,
) -> Result<Response, ApiError> {
    let request = validate_update(&input).map_err(|issues| ApiError::invalid_parameters(&issues))?;
    let now = now_ms();
    let connection = state
        .store
        .update(&auth.project_id, &connection_id, request, now)
        .await
        .map_err(|error| store_error(error, "", &connection_id))?;
    Ok(Json(connection.info(now)).into_response())
}

async fn delete_connection(
    State(state): Shared,
    auth: Authorized,
    axum::extract::Path((_, connection_id)): axum::extract::Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    state
        .store
        .delete(&auth.project_id, &connection_id)
        .await
        .map_err(|error| store_error(error, "", &connection_id))?;
    Ok(StatusCode::NO_CONTENT)
}

async fn method_not_allowed() -> Response {
    let mut response = ApiError::bad_request("This method is not allowed on this path").into_response();
    *response.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
    response
}
