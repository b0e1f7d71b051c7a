//! The emulating application, wired: each module's routes merged, the
//! signature check in front of the API, then faults, the access log and
//! CORS (outermost: preflights never consume faults, and every answer, a
//! fault's included, carries the CORS headers), and around them all the
//! `Host` check. Nothing imports this
//! module but the crate's entry points.

use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{middleware, Json, Router};
use serde_json::json;

use crate::errors::ApiError;
use crate::middleware::HostPolicy;
use crate::settings::BODY_LIMIT;
use crate::state::AppState;
use std::sync::Arc;

/// The whole emulating application, answering the hosts `hosts` allows.
pub fn router(state: AppState, hosts: Arc<HostPolicy>) -> Router {
    // Signed (AK/SK) requests are verified before these handlers run.
    let signed = Router::new()
        .merge(crate::connections::router())
        .merge(crate::resources::router())
        .merge(crate::iam_routes::signed_router())
        .route_layer(middleware::from_fn_with_state(state.iam.clone(), crate::signed::verify));
    let mut app = Router::new()
        .merge(signed)
        .merge(crate::iam_routes::router())
        .method_not_allowed_fallback(method_not_allowed)
        .route("/emulator/health", get(|| async { Json(json!({"status": "ok"})) }))
        .route("/eg-console.json", get(console_config))
        .merge(crate::faults::router())
        .merge(crate::dev_session::router())
        .merge(crate::control::router())
        .fallback(crate::console::fallback)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(
            state.faults.clone(),
            crate::faults::inject,
        ));
    let quiet = state.settings.quiet;
    app = app.layer(middleware::from_fn(move |request, next| {
        crate::middleware::request_id_and_log(quiet, request, next)
    }));
    if let Some(cors) = crate::middleware::cors(&state.settings.cors_origins) {
        app = app.layer(cors);
    }
    // Outermost: a page on another name (DNS rebinding) gets nothing.
    app.layer(middleware::from_fn_with_state(hosts, crate::middleware::check_host))
        .with_state(state)
}

async fn method_not_allowed() -> Response {
    let mut response = ApiError::bad_request("This method is not allowed on this path").into_response();
    *response.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
    response
}

/// `GET /eg-console.json`: this server emulates (sign for the host called),
/// and offers the development session when it serves the console.
async fn console_config(State(console): State<crate::console::ConsoleFiles>) -> Response {
    crate::console::config_response(json!({
        "mode": "emulator",
        "signing_host": null,
        "dev_session": console.0.is_some(),
    }))
}
