//! The EG connections API: create, list, show, update and delete, each a
//! handler over the store, with the shared rules validating every body.

use axum::extract::{FromRef, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use eg_connections::input::{Body, CreateInput, UpdateInput};
use eg_connections::model::{ConnectionList, ListSort, SortError};
use eg_connections::rules::{validate_create, validate_update};
use eg_connections::{Issue, IssueKind};
use std::collections::HashMap;
use std::sync::Arc;

use crate::clock::now_ms;
use crate::errors::ApiError;
use crate::extract::{query_params, Authorized, EgJson};
use crate::iam::Iam;
use crate::settings::Settings;
use crate::store::{Connection, ListQuery, Store, StoreError};

/// The list's default and largest page sizes.
const LIST_LIMIT_DEFAULT: usize = 15;
const LIST_LIMIT_MAX: usize = 1000;

/// The connection routes, for any state that holds a store, the settings
/// and IAM (which [`Authorized`] asks).
pub fn router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Store>: FromRef<S>,
    Arc<Settings>: FromRef<S>,
    Arc<Iam>: FromRef<S>,
{
    Router::new()
        .route(
            "/v1/{project_id}/connections",
            get(list_connections).post(create_connection),
        )
        .route("/v1/{project_id}/quotas", get(list_quotas))
        .route(
            "/v1/{project_id}/connections/{connection_id}",
            get(show_connection).put(update_connection).delete(delete_connection),
        )
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
        StoreError::StillCreating => ApiError::not_modifiable(format!(
            "Connection {connection_id} is still CREATING: delete it once its creation ends (CREATED or CREATE_FAILED)"
        )),
        StoreError::QuotaReached(quota) => ApiError::quota_unavailable(format!(
            "The project has used its quota of {quota} connections: delete one, or ask for a larger quota"
        )),
        StoreError::CredentialsOff(kind) => {
            let switch = kind.spec().switch.map_or("", |switch| {
                eg_connections::i18n::field_label(switch, eg_connections::Locale::En)
            });
            ApiError::bad_request(format!(
                "Connection {connection_id} does not use {switch}: it has no credentials to change"
            ))
        }
    }
}

async fn create_connection(
    State(store): State<Arc<Store>>,
    State(settings): State<Arc<Settings>>,
    auth: Authorized,
    EgJson(input): EgJson<Body<CreateInput>>,
) -> Result<Response, ApiError> {
    let request = validate_create(&input).map_err(|issues| ApiError::invalid_parameters(&issues))?;
    let now = now_ms();
    let fails = settings
        .fail_when_name_contains
        .as_deref()
        .is_some_and(|part| !part.is_empty() && request.name.contains(part));
    let ready = now + settings.create_delay.as_millis() as u64;
    let connection = Connection::new(&auth.project_id, &request, now, ready, fails);
    let connection = store
        .create(connection, settings.connection_quota)
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
    State(store): State<Arc<Store>>,
    auth: Authorized,
    RawQuery(query): RawQuery,
) -> Result<Json<ConnectionList>, ApiError> {
    let params = query_params(query.as_deref());
    let query = list_query(&params)?;
    let (total, page) = store
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
    State(store): State<Arc<Store>>,
    auth: Authorized,
    axum::extract::Path((_, connection_id)): axum::extract::Path<(String, String)>,
) -> Result<Response, ApiError> {
    let connection = store
        .get(&auth.project_id, &connection_id)
        .await
        .map_err(|error| store_error(error, "", &connection_id))?
        .ok_or_else(|| store_error(StoreError::NotFound, "", &connection_id))?;
    Ok(Json(connection.info(now_ms())).into_response())
}

async fn update_connection(
    State(store): State<Arc<Store>>,
    auth: Authorized,
    axum::extract::Path((_, connection_id)): axum::extract::Path<(String, String)>,
    EgJson(input): EgJson<Body<UpdateInput>>,
) -> Result<Response, ApiError> {
    let request = validate_update(&input).map_err(|issues| ApiError::invalid_parameters(&issues))?;
    let now = now_ms();
    let connection = store
        .update(&auth.project_id, &connection_id, request, now)
        .await
        .map_err(|error| store_error(error, "", &connection_id))?;
    Ok(Json(connection.info(now)).into_response())
}

async fn delete_connection(
    State(store): State<Arc<Store>>,
    auth: Authorized,
    axum::extract::Path((_, connection_id)): axum::extract::Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    store
        .delete(&auth.project_id, &connection_id, now_ms())
        .await
        .map_err(|error| store_error(error, "", &connection_id))?;
    Ok(StatusCode::NO_CONTENT)
}

/// EG's quota types (ListQuotas); only connections are emulated.
const QUOTA_TYPES: [&str; 9] = [
    "CHANNEL",
    "CHANNEL_SUBSCRIPTION",
    "SOURCE",
    "SUBSCRIPTION",
    "SUBSCRIPTION_TARGET",
    "CONNECTION",
    "PRIVATE_ENDPOINT",
    "SOURCE_RABBITMQ",
    "SOURCE_ROCKETMQ",
];

/// `GET /v1/{project_id}/quotas[?type=CONNECTION]`: the connection quota
/// and how much of it the project uses, in ListQuotas's shape. The other
/// types EG lists are not emulated: asking for one gives no entry.
async fn list_quotas(
    State(store): State<Arc<Store>>,
    State(settings): State<Arc<Settings>>,
    auth: Authorized,
    RawQuery(query): RawQuery,
) -> Result<Json<serde_json::Value>, ApiError> {
    let params = query_params(query.as_deref());
    let wanted = params.get("type").filter(|kind| !kind.is_empty());
    if let Some(kind) = wanted.filter(|kind| !QUOTA_TYPES.contains(&kind.as_str())) {
        return Err(ApiError::bad_request(format!(
            "type must be one of {} (it is \"{kind}\")",
            QUOTA_TYPES.join(", ")
        )));
    }
    let mut resources = Vec::new();
    if wanted.is_none_or(|kind| kind == "CONNECTION") {
        let used = store
            .count(&auth.project_id)
            .await
            .map_err(|error| store_error(error, "", ""))?;
        resources.push(serde_json::json!({
            "name": "connection", "type": "CONNECTION", "min": 0, "max": settings.connection_quota.max(1000),
            "quota": settings.connection_quota, "used": used,
        }));
    }
    Ok(Json(serde_json::json!({"quotas": {"resources": resources}})))
}
