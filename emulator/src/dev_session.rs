//! One click to start: the console served by this emulator signs in as the
//! development user without anyone copying a password from the terminal.
//!
//! `POST /emulator/dev-session` answers a token for the development user's
//! project, and only to the console on this emulator's own origin: the
//! browser's `Origin` must be present and name the host the request came to
//! (which the `Host` check already limits to this machine's names), and
//! `Sec-Fetch-Site`, when sent, must say `same-origin`. A page on another
//! origin, a DNS-rebinding page, or a program that sends no `Origin` gets
//! nothing. Without `--dist` there is no console and no such endpoint; the
//! forwarder has none at all.
//!
//! The offer itself is `dev-session.js`, which the emulator adds to the
//! console's page (as a development server adds its client): the
//! console's own download carries nothing of it.

use axum::extract::{FromRef, Request, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;
use std::sync::Arc;

use crate::console::{ConsoleFiles, HELPER_PATH};
use crate::errors::ApiError;
use crate::iam::Iam;

/// The helper's script.
const HELPER: &str = include_str!("dev-session.js");

/// The development session's routes, for any state holding the IAM and the console.
pub fn router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Iam>: FromRef<S>,
    ConsoleFiles: FromRef<S>,
{
    Router::new()
        .route("/emulator/dev-session", post(dev_session))
        .route(HELPER_PATH, get(helper))
}

/// The helper's script, where a console is served.
async fn helper(State(console): State<ConsoleFiles>) -> Response {
    if console.0.is_none() {
        return ApiError::not_found("No console is served here").into_response();
    }
    let mut response = HELPER.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-cache"));
    response
}

/// Whether the request comes from a page of this very origin.
pub fn from_own_page(headers: &HeaderMap) -> bool {
    let text = |name| {
        headers
            .get(name)
            .and_then(|value: &header::HeaderValue| value.to_str().ok())
    };
    let (Some(origin), Some(host)) = (text(header::ORIGIN), text(header::HOST)) else {
        return false;
    };
    let same_host = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .is_some_and(|authority| authority.eq_ignore_ascii_case(host));
    let fetch_site = text(header::HeaderName::from_static("sec-fetch-site"));
    same_host && fetch_site.is_none_or(|site| site == "same-origin")
}

async fn dev_session(State(iam): State<Arc<Iam>>, State(console): State<ConsoleFiles>, request: Request) -> Response {
    if console.0.is_none() {
        return ApiError::not_found("No console is served here, so there is no development session").into_response();
    }
    if !from_own_page(request.headers()) {
        return ApiError::forbidden(
            "The development session is only for the console this emulator serves, on its own origin",
        )
        .into_response();
    }
    let (token, grant) = iam.issue_for_first_user();
    let domain = iam.users().first().map(|user| user.domain.clone()).unwrap_or_default();
    Json(json!({
        "token": token,
        "user": grant.user,
        "domain": domain,
        "project": {"id": grant.project.id, "name": grant.project.name},
        "expires_ms": grant.expires_ms,
    }))
    .into_response()
}
