//! The emulator's control endpoints, for test suites (as LocalStack, moto
//! and Azurite offer theirs): readiness, reset, the state as a file, and a
//! connection's status forced now. They exist only when emulating (the
//! forwarder has none), answer only the hosts the `Host` check allows, and
//! refuse a change requested by a web page of another origin (a
//! cross-site form or fetch cannot empty a developer's emulator).

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, FromRef, Path, Query, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use eg_connections::model::{ConnectionStatus, ErrorInfo};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

use crate::clock::now_ms;
use crate::errors::ApiError;
use crate::extract::read_json;
use crate::settings::Settings;
use crate::store::{Store, StoreError};

/// Largest state file `POST /emulator/state` takes.
pub const STATE_LIMIT: usize = 16 * 1024 * 1024;

/// The control endpoints, for any state that holds the store and the settings.
pub fn router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Store>: FromRef<S>,
    Arc<Settings>: FromRef<S>,
{
    Router::new()
        .route("/emulator/ready", get(ready))
        .route("/emulator/reset", post(reset))
        .route(
            "/emulator/state",
            get(export).post(import).layer(DefaultBodyLimit::max(STATE_LIMIT)),
        )
        .route("/emulator/connections/{id}/status", post(force_status))
        .layer(middleware::from_fn(same_origin_only))
}

/// A change asked for by a page of another origin is refused: browsers
/// send `Origin` with every cross-site POST, so a form or fetch on some
/// web page cannot reset or replace a developer's data.
async fn same_origin_only(request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let origin = headers.get(header::ORIGIN).and_then(|value| value.to_str().ok());
    let host = headers
        .get(header::HOST)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let own = origin.is_none_or(|origin| {
        origin
            .strip_prefix("http://")
            .or_else(|| origin.strip_prefix("https://"))
            .is_some_and(|authority| authority.eq_ignore_ascii_case(host))
    });
    if !own {
        return ApiError::forbidden(format!(
            "The emulator's control endpoints take changes from its own origin or from programs, not from the page at {}",
            eg_connections::issue::quote(origin.unwrap_or_default())
        ))
        .into_response();
    }
    next.run(request).await
}

/// `GET /emulator/ready`: 200 once the store is open and vetted (this
/// server answers nothing before), 503 once it is closing.
async fn ready(State(store): State<Arc<Store>>) -> Response {
    if store.is_open() {
        Json(json!({"status": "ready", "storage": if store.in_memory() { "memory" } else { "disk" }})).into_response()
    } else {
        let mut response = ApiError::unavailable("The emulator is stopping").into_response();
        *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        response
    }
}

fn store_failure(error: StoreError) -> ApiError {
    match error {
        StoreError::Unavailable(reason) => {
            ApiError::unavailable(format!("Nothing was changed ({reason}); try again later"))
        }
        StoreError::NotFound => ApiError::not_found("No such connection"),
        StoreError::NameTaken => ApiError::bad_request("Two connections of a project have one name"),
        other => ApiError::bad_request(other.to_string()),
    }
}

/// `POST /emulator/reset[?project=ID]`: empties every project, or one.
/// Users, keys and tokens stay.
async fn reset(
    State(store): State<Arc<Store>>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    let project = query.get("project").filter(|project| !project.is_empty());
    let deleted = store.reset(project.map(String::as_str)).await.map_err(store_failure)?;
    Ok(Json(json!({"deleted": deleted})))
}

/// `GET /emulator/state`: every connection, as a state file.
async fn export(State(store): State<Arc<Store>>) -> Result<Json<crate::state_file::StateFile>, ApiError> {
    let connections = store.all().await.map_err(store_failure)?;
    Ok(Json(crate::state_file::export(&connections, now_ms())))
}

/// `POST /emulator/state`: every connection replaced by the file's, or
/// nothing changed and why (the entry, and its problem).
async fn import(
    State(store): State<Arc<Store>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Value>, ApiError> {
    let file: Value = read_json(&headers, body)?;
    let text = serde_json::to_vec(&file).unwrap_or_default();
    let connections = crate::state_file::import(&text, now_ms())
        .map_err(|why| ApiError::bad_request(format!("The state file was not loaded, nothing changed: {why}")))?;
    let loaded = store.replace_all(connections).await.map_err(store_failure)?;
    Ok(Json(json!({"loaded": loaded})))
}

/// The body of a forced status.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Forced {
    status: String,
    #[serde(default)]
    error_info: Option<ErrorInfo>,
}

/// `POST /emulator/connections/{id}/status` with `{"status": "CREATED"}` or
/// `{"status": "CREATE_FAILED", "error_info": {...}}`: creation ends now.
async fn force_status(
    State(store): State<Arc<Store>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let forced: Forced = read_json(&headers, body)?;
    let fails = match forced.status.as_str() {
        "CREATED" if forced.error_info.is_none() => false,
        "CREATED" => return Err(ApiError::bad_request("error_info goes with CREATE_FAILED only")),
        "CREATE_FAILED" => true,
        other => {
            return Err(ApiError::bad_request(format!(
                "status must be CREATED or CREATE_FAILED (it is \"{}\")",
                eg_connections::issue::quote(other)
            )))
        }
    };
    let now = now_ms();
    let connection = store
        .force_status(&id, fails, forced.error_info, now)
        .await
        .map_err(|error| match error {
            StoreError::NotFound => ApiError::not_found(format!("Connection {id} does not exist")),
            other => store_failure(other),
        })?;
    let info = connection.info(now);
    debug_assert!(info.status != ConnectionStatus::Creating);
    Ok(Json(info).into_response())
}
