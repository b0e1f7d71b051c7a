//! IAM's HTTP endpoints over [`crate::iam`]: tokens (returned in
//! `X-Subject-Token`, as IAM does), temporary credentials, and the project
//! query SDKs use to find a region's project ID; IAM's error body.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRef, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

use crate::clock::{format_rfc3339, now_ms};
use crate::extract::{read_json, BodyError};
use crate::iam::{Iam, ProjectScope, SignInError};
use crate::middleware::{X_AUTH_TOKEN, X_SUBJECT_TOKEN};
use crate::signed::SignedCaller;

/// IAM's token endpoints, for any state that holds the IAM.
pub fn router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Iam>: FromRef<S>,
{
    Router::new()
        .route("/v3/auth/tokens", post(issue_token))
        .route("/v3.0/OS-CREDENTIAL/securitytokens", post(issue_security_token))
}

/// IAM's endpoints that take an AK/SK signature (verified in front of them).
pub fn signed_router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Iam>: FromRef<S>,
{
    Router::new().route("/v3/projects", get(list_projects))
}

/// IAM's error body: `{"error": {"code", "message", "title"}}`.
pub fn iam_error(status: StatusCode, message: &str) -> Response {
    let body = json!({"error": {
        "code": status.as_u16(),
        "message": message,
        "title": status.canonical_reason().unwrap_or(""),
    }});
    (status, Json(body)).into_response()
}

/// `POST /v3/auth/tokens`, the password method with a project scope.
async fn issue_token(State(iam): State<Arc<Iam>>, headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> Response {
    let request: Value = match read_json(&headers, body) {
        Ok(value) => value,
        Err(BodyError::TooLarge(message)) => return iam_error(StatusCode::PAYLOAD_TOO_LARGE, &message),
        Err(BodyError::TimedOut(message)) => return iam_error(StatusCode::REQUEST_TIMEOUT, &message),
        Err(BodyError::Unsupported(message)) => return iam_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, &message),
        Err(BodyError::Invalid(message)) => return iam_error(StatusCode::BAD_REQUEST, &message),
    };
    let auth = &request["auth"];
    let user = &auth["identity"]["password"]["user"];
    let methods_ok = auth["identity"]["methods"]
        .as_array()
        .is_some_and(|methods| methods.iter().any(|method| method == "password"));
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
    let (name, password, domain) = (name.to_owned(), password.to_owned(), domain.to_owned());
    // On a password-check thread (one per core); past its queue, try again.
    let signer = iam.clone();
    let signed_in = iam
        .password_checks()
        .run(move || signer.sign_in(&name, &domain, &password, &scope))
        .await;
    let (token, grant, domain) = match signed_in {
        Some(Ok((token, grant))) => {
            let domain = user["domain"]["name"].as_str().unwrap_or_default().to_owned();
            (token, grant, domain)
        }
        Some(Err(SignInError::Locked { .. })) => return iam_error(StatusCode::UNAUTHORIZED, "The account is locked."),
        Some(Err(SignInError::Wrong)) => {
            return iam_error(
                StatusCode::UNAUTHORIZED,
                "The username, password, domain or project is wrong.",
            )
        }
        None => {
            return iam_error(
                StatusCode::SERVICE_UNAVAILABLE,
                "Too many sign-ins are being checked at once; try again in a moment.",
            )
        }
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

/// `POST /v3.0/OS-CREDENTIAL/securitytokens`: temporary credentials (an
/// access key, its secret and a security token) for the caller's token,
/// `duration_seconds` long (900 to 86,400; default 900).
async fn issue_security_token(
    State(iam): State<Arc<Iam>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let token = headers.get(X_AUTH_TOKEN).and_then(|value| value.to_str().ok());
    let grant = match iam.check(token) {
        Ok(grant) => grant,
        Err(_) => return iam_error(StatusCode::UNAUTHORIZED, "The token is missing, wrong or expired."),
    };
    let request: Value = match read_json(&headers, body) {
        Ok(value) => value,
        Err(BodyError::TooLarge(message)) => return iam_error(StatusCode::PAYLOAD_TOO_LARGE, &message),
        Err(BodyError::TimedOut(message)) => return iam_error(StatusCode::REQUEST_TIMEOUT, &message),
        Err(BodyError::Unsupported(message)) => return iam_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, &message),
        Err(BodyError::Invalid(message)) => return iam_error(StatusCode::BAD_REQUEST, &message),
    };
    let identity = &request["auth"]["identity"];
    let methods_ok = identity["methods"]
        .as_array()
        .is_some_and(|methods| methods.iter().any(|method| method == "token"));
    if !methods_ok {
        return iam_error(StatusCode::BAD_REQUEST, "auth.identity.methods must include \"token\"");
    }
    // Absent: the default; otherwise a whole number of seconds, 900 to
    // 86,400 (not -1, 1e10 or "900").
    let seconds = match identity["token"].get("duration_seconds") {
        None | Some(Value::Null) => 900,
        Some(value) => match value.as_u64().filter(|seconds| (900..=86_400).contains(seconds)) {
            Some(seconds) if value.is_u64() => seconds,
            _ => {
                return iam_error(
                    StatusCode::BAD_REQUEST,
                    "auth.identity.token.duration_seconds must be a whole number from 900 to 86400",
                )
            }
        },
    };
    let (access, secret, security_token, expires_ms) = iam.issue_temporary(&grant, Duration::from_secs(seconds));
    let body = json!({"credential": {
        "access": access,
        "secret": secret,
        "securitytoken": security_token,
        "expires_at": format_rfc3339(expires_ms),
    }});
    (StatusCode::CREATED, Json(body)).into_response()
}

/// `GET /v3/projects[?name=REGION]` (Keystone's project query): the
/// caller's projects. Huawei's SDKs call it to find a region's project ID
/// when `BasicCredentials` has none. Authorized by a token (any of the
/// user's projects) or an AK/SK signature (checked before this handler).
async fn list_projects(
    State(iam): State<Arc<Iam>>,
    RawQuery(query): RawQuery,
    signed: Option<Extension<SignedCaller>>,
    headers: HeaderMap,
) -> Response {
    let (user, projects) = match signed {
        Some(Extension(caller)) => (caller.grant.user, caller.grant.projects),
        None => {
            let token = headers.get(X_AUTH_TOKEN).and_then(|value| value.to_str().ok());
            match iam.check(token) {
                Ok(grant) => {
                    let projects = iam
                        .users()
                        .iter()
                        .find(|user| user.name == grant.user)
                        .map_or_else(|| vec![grant.project.clone()], |user| user.projects.clone());
                    (grant.user, projects)
                }
                Err(_) => return iam_error(StatusCode::UNAUTHORIZED, "The token is missing, wrong or expired."),
            }
        }
    };
    let domain = iam
        .users()
        .iter()
        .find(|candidate| candidate.name == user)
        .map(|user| user.domain.clone())
        .unwrap_or_default();
    let query = crate::extract::query_params(query.as_deref());
    let wanted = query.get("name").filter(|name| !name.is_empty());
    let items: Vec<Value> = projects
        .iter()
        .filter(|project| wanted.is_none_or(|name| &project.name == name))
        .map(|project| {
            json!({
                "id": project.id,
                "name": project.name,
                "domain_id": domain,
                "parent_id": domain,
                "description": "",
                "enabled": true,
                "is_domain": false,
                "links": {"self": format!("/v3/projects/{}", project.id)},
            })
        })
        .collect();
    Json(json!({
        "projects": items,
        "links": {"self": "/v3/projects", "previous": null, "next": null},
    }))
    .into_response()
}
