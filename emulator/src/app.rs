//! The HTTP surface: routes, middleware (request IDs, access log, faults),
//! and the handlers of the EG connections API and the IAM token endpoint.

use axum::body::{Body as HttpBody, Bytes};
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use eg_connections::input::{Body, CreateInput, UpdateInput};
use eg_connections::model::ConnectionList;
use eg_connections::rules::{validate_create, validate_update};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower::ServiceExt;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};

use crate::auth::{Grant, Iam, ProjectScope, TokenError};
use crate::clock::{format_rfc3339, now_ms};
use crate::errors::{ApiError, REQUEST_ID};
use crate::faults::{self, Fault, FaultKind, Faults};
use crate::store::{Connection, ListQuery, SortField, Store, StoreError};

/// Largest request body accepted.
pub const BODY_LIMIT: usize = 64 * 1024;
/// The list's default and largest page sizes.
const LIST_LIMIT_DEFAULT: usize = 15;
const LIST_LIMIT_MAX: usize = 1000;

const X_AUTH_TOKEN: HeaderName = HeaderName::from_static("x-auth-token");
const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
const X_SUBJECT_TOKEN: HeaderName = HeaderName::from_static("x-subject-token");

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
    pub store: Store,
    pub iam: Iam,
    pub faults: Faults,
}

type Shared = State<Arc<AppState>>;

/// The whole application.
pub fn router(state: Arc<AppState>) -> Router {
    let connection_routes = Router::new()
        .route(
            "/v1/{project_id}/connections",
            get(list_connections).post(create_connection),
        )
        .route(
            "/v1/{project_id}/connections/{connection_id}",
            get(show_connection).put(update_connection).delete(delete_connection),
        )
        .route("/v3/auth/tokens", post(issue_token))
        .method_not_allowed_fallback(method_not_allowed);
    let mut app = connection_routes
        .route("/emulator/health", get(|| async { Json(json!({"status": "ok"})) }))
        .route(
            "/emulator/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .layer(DefaultBodyLimit::max(BODY_LIMIT));
    app = app
        .fallback(fallback)
        .layer(middleware::from_fn_with_state(state.clone(), inject_faults))
        .layer(middleware::from_fn_with_state(state.clone(), request_id_and_log));
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
                .allow_headers([header::CONTENT_TYPE, X_AUTH_TOKEN])
                .expose_headers([X_REQUEST_ID, X_SUBJECT_TOKEN]),
        );
    }
    app.with_state(state)
}

/// Gives every response an `X-Request-Id` (`uuid-timestamp-hostname`, as EG's)
/// and writes one access-log line: never headers, bodies, tokens or passwords.
async fn request_id_and_log(State(state): Shared, request: Request, next: Next) -> Response {
    let request_id = format!("{}-{}-eg-emulator", uuid::Uuid::new_v4().simple(), now_ms());
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    let started = Instant::now();
    let mut response = REQUEST_ID.scope(request_id.clone(), next.run(request)).await;
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert(X_REQUEST_ID, value);
    }
    if !state.settings.quiet {
        eprintln!(
            "ts={} level=info request_id={request_id} method={method} path={path} status={} ms={}",
            format_rfc3339(now_ms()),
            response.status().as_u16(),
            started.elapsed().as_millis()
        );
    }
    response
}

/// Applies the next queued fault matching this request, if faults are enabled.
async fn inject_faults(State(state): Shared, request: Request, next: Next) -> Response {
    if !state.settings.enable_faults {
        return next.run(request).await;
    }
    let Some(fault) = state.faults.take(request.method().as_str(), request.uri().path()) else {
        return next.run(request).await;
    };
    if let Some(delay) = faults::latency(&fault) {
        tokio::time::sleep(delay).await;
        return next.run(request).await;
    }
    match faults::canned_response(&fault) {
        Some(response) => response,
        None => next.run(request).await,
    }
}

/// `X-Auth-Token` must be valid and scoped to `project_id`.
fn authorize(state: &AppState, headers: &HeaderMap, project_id: &str, action: &str) -> Result<Grant, ApiError> {
    let token = headers.get(X_AUTH_TOKEN).and_then(|value| value.to_str().ok());
    let grant = state.iam.check(token).map_err(|error| {
        ApiError::unauthorized(match error {
            TokenError::Missing => "The X-Auth-Token header is missing",
            TokenError::Unknown => "The token is not valid; sign in again",
            TokenError::Expired => "The token has expired; sign in again",
        })
    })?;
    if grant.project.id != project_id {
        return Err(ApiError::forbidden(format!(
            "The token has no permission {action} on project {project_id} (it is scoped to another project)"
        )));
    }
    Ok(grant)
}

/// Reads a JSON body into the core's untyped input: size, content type and
/// syntax are checked here, every field rule by the shared rules.
fn json_body<T: DeserializeOwned>(headers: &HeaderMap, body: Result<Bytes, BytesRejection>) -> Result<T, ApiError> {
    let bytes = match body {
        Ok(bytes) => bytes,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(ApiError::too_large(BODY_LIMIT))
        }
        Err(rejection) => {
            return Err(ApiError::bad_request(format!(
                "The request body could not be read: {rejection}"
            )))
        }
    };
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if !essence.eq_ignore_ascii_case("application/json") {
        return Err(ApiError::bad_request(format!(
            "Content-Type must be application/json (it is \"{}\")",
            eg_connections::issue::quote(content_type)
        )));
    }
    serde_json::from_slice(&bytes)
        .map_err(|error| ApiError::bad_request(format!("The request body is not valid JSON: {error}")))
}

/// The API error for a store failure; `name` and `connection_id` are what
/// the request named (either may be empty).
fn store_error(error: StoreError, name: &str, connection_id: &str) -> ApiError {
    match error {
        StoreError::NameTaken => ApiError::name_duplicated(name),
        StoreError::NotFound => ApiError::not_found(format!("Connection {connection_id} does not exist")),
        StoreError::Io(error) => ApiError::internal(format!("The change could not be saved: {error}")),
    }
}

async fn create_connection(
    State(state): Shared,
    Path(project_id): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    authorize(&state, &headers, &project_id, "eg:connections:create")?;
    let input: Body<CreateInput> = json_body(&headers, body)?;
    let request = validate_create(&input).map_err(|issues| ApiError::invalid_parameters(&issues))?;
    let now = now_ms();
    let fails = state
        .settings
        .fail_when_name_contains
        .as_deref()
        .is_some_and(|part| !part.is_empty() && request.name.contains(part));
    let ready = now + state.settings.create_delay.as_millis() as u64;
    let connection = Connection::new(&project_id, &request, now, ready, fails);
    let connection = state
        .store
        .create(connection)
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
    let sort = params.get("sort").map_or("created_time:DESC", String::as_str);
    let (field, direction) = sort.split_once(':').unwrap_or((sort, "DESC"));
    let sort_field = match field {
        "created_time" => SortField::CreatedTime,
        "updated_time" => SortField::UpdatedTime,
        "name" => SortField::Name,
        _ => {
            return Err(ApiError::bad_request(format!(
                "sort must be field:ASC or field:DESC with field created_time, updated_time or name (it is \"{sort}\")"
            )))
        }
    };
    let descending = match direction {
        "DESC" => true,
        "ASC" => false,
        _ => {
            return Err(ApiError::bad_request(format!(
                "sort direction must be ASC or DESC (it is \"{direction}\")"
            )))
        }
    };
    let text = |key: &str| params.get(key).filter(|value| !value.is_empty()).cloned();
    Ok(ListQuery {
        offset,
        limit,
        sort: sort_field,
        descending,
        name: text("name"),
        fuzzy_name: text("fuzzy_name"),
    })
}

async fn list_connections(
    State(state): Shared,
    Path(project_id): Path<String>,
    headers: HeaderMap,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Json<ConnectionList>, ApiError> {
    authorize(&state, &headers, &project_id, "eg:connections:list")?;
    let Query(params) =
        query.map_err(|rejection| ApiError::bad_request(format!("The query string is malformed: {rejection}")))?;
    let query = list_query(&params)?;
    let (total, page) = state.store.list(&project_id, &query);
    let now = now_ms();
    Ok(Json(ConnectionList {
        total: total as u64,
        size: page.len() as u64,
        items: page.iter().map(|connection| connection.info(now)).collect(),
    }))
}

async fn show_connection(
    State(state): Shared,
    Path((project_id, connection_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    authorize(&state, &headers, &project_id, "eg:connections:get")?;
    let connection = state
        .store
        .get(&project_id, &connection_id)
        .ok_or_else(|| store_error(StoreError::NotFound, "", &connection_id))?;
    Ok(Json(connection.info(now_ms())).into_response())
}

async fn update_connection(
    State(state): Shared,
    Path((project_id, connection_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    authorize(&state, &headers, &project_id, "eg:connections:update")?;
    let input: Body<UpdateInput> = json_body(&headers, body)?;
    let request = validate_update(&input).map_err(|issues| ApiError::invalid_parameters(&issues))?;
    let now = now_ms();
    let connection = state
        .store
        .update_description(&project_id, &connection_id, request.description, now)
        .map_err(|error| store_error(error, "", &connection_id))?;
    Ok(Json(connection.info(now)).into_response())
}

async fn delete_connection(
    State(state): Shared,
    Path((project_id, connection_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    authorize(&state, &headers, &project_id, "eg:connections:delete")?;
    state
        .store
        .delete(&project_id, &connection_id)
        .map_err(|error| store_error(error, "", &connection_id))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Unknown API paths get an EG 404; everything else is the console's.
async fn fallback(state: Shared, request: Request) -> Response {
    let path = request.uri().path();
    let is_api = ["/v1/", "/v3/", "/emulator/"]
        .iter()
        .any(|prefix| path.starts_with(prefix));
    if is_api {
        return ApiError::not_found("No such API path").into_response();
    }
    if state.0.settings.dist.is_none() {
        return ApiError::not_found("No console is served here (start with --dist DIR)").into_response();
    }
    serve_console(state, request).await
}

async fn method_not_allowed() -> Response {
    let mut response = ApiError::bad_request("This method is not allowed on this path").into_response();
    *response.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
    response
}

/// An IAM-style error: `{"error": {"code", "message", "title"}}`.
fn iam_error(status: StatusCode, message: &str) -> Response {
    let body = json!({"error": {
        "code": status.as_u16().to_string(),
        "message": message,
        "title": status.canonical_reason().unwrap_or(""),
    }});
    (status, Json(body)).into_response()
}

/// `POST /v3/auth/tokens`, password method with project scope.
async fn issue_token(State(state): Shared, headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> Response {
    let request: Value = match json_body(&headers, body) {
        Ok(value) => value,
        Err(error) => return iam_error(StatusCode::BAD_REQUEST, &error.message),
    };
    let auth = &request["auth"];
    let user = &auth["identity"]["password"]["user"];
    let methods_ok = auth["identity"]["methods"]
        .as_array()
        .is_some_and(|m| m.iter().any(|m| m == "password"));
    let (Some(name), Some(password), Some(domain)) = (
        user["name"].as_str(),
        user["password"].as_str(),
        user["domain"]["name"].as_str(),
    ) else {
        return iam_error(
            StatusCode::BAD_REQUEST,
            "auth.identity.password.user needs name, password and domain.name",
        );
    };
    let project = &auth["scope"]["project"];
    let scope = match (project["id"].as_str(), project["name"].as_str()) {
        (Some(id), _) => ProjectScope::Id(id.to_owned()),
        (None, Some(name)) => ProjectScope::Name(name.to_owned()),
        (None, None) => return iam_error(StatusCode::BAD_REQUEST, "auth.scope.project needs id or name"),
    };
    if !methods_ok {
        return iam_error(
            StatusCode::BAD_REQUEST,
            "auth.identity.methods must include \"password\"",
        );
    }
    let Some((token, grant)) = state.iam.issue(name, domain, password, &scope) else {
        return iam_error(
            StatusCode::UNAUTHORIZED,
            "The username, password, domain or project is wrong.",
        );
    };
    let now = now_ms();
    let body = json!({"token": {
        "methods": ["password"],
        "issued_at": format_rfc3339(now),
        "expires_at": format_rfc3339(grant.expires_ms.unwrap_or(now)),
        "project": {"id": grant.project.id, "name": grant.project.name, "domain": {"name": domain}},
        "user": {"name": grant.user, "domain": {"name": domain}},
    }});
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(value) = HeaderValue::from_str(&token) {
        response.headers_mut().insert(X_SUBJECT_TOKEN, value);
    }
    response
}

fn faults_disabled() -> ApiError {
    ApiError::not_found("Fault injection is off (start with --enable-faults)")
}

async fn list_faults(State(state): Shared) -> Result<Json<Vec<Fault>>, ApiError> {
    if !state.settings.enable_faults {
        return Err(faults_disabled());
    }
    Ok(Json(state.faults.pending()))
}

async fn add_fault(
    State(state): Shared,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, ApiError> {
    if !state.settings.enable_faults {
        return Err(faults_disabled());
    }
    let fault: Fault = json_body(&headers, body)?;
    if let FaultKind::Status { status, .. } = fault.kind {
        if !(100..=999).contains(&status) {
            return Err(ApiError::bad_request("status must be an HTTP status code"));
        }
    }
    state.faults.push(fault);
    Ok(StatusCode::NO_CONTENT)
}

async fn clear_faults(State(state): Shared) -> Result<StatusCode, ApiError> {
    if !state.settings.enable_faults {
        return Err(faults_disabled());
    }
    state.faults.clear();
    Ok(StatusCode::NO_CONTENT)
}

/// Serves the built console; paths without a file extension get
/// `index.html` (SPA fallback), missing assets get a plain 404.
async fn serve_console(State(state): Shared, request: Request) -> Response {
    let Some(dist) = state.settings.dist.clone() else {
        return ApiError::not_found("No console is served").into_response();
    };
    let is_asset = request
        .uri()
        .path()
        .rsplit('/')
        .next()
        .is_some_and(|segment| segment.contains('.'));
    let is_read = matches!(*request.method(), Method::GET | Method::HEAD);
    let response = match ServeDir::new(&dist).oneshot(request).await {
        Ok(response) => response.map(HttpBody::new),
        Err(never) => match never {},
    };
    if response.status() != StatusCode::NOT_FOUND || is_asset || !is_read {
        return response;
    }
    match ServeFile::new(dist.join("index.html"))
        .oneshot(Request::new(HttpBody::empty()))
        .await
    {
        Ok(response) => response.map(HttpBody::new),
        Err(never) => match never {},
    }
}
