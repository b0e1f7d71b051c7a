//! What every EG handler needs from a request, as axum extractors that
//! reject with the EG error body: [`Authorized`] (the caller may act on the
//! path's project) and [`EgJson`] (a JSON body of the right size and type).
//! Both work with any state: `Authorized` asks only for the IAM
//! (`Arc<Iam>: FromRef<S>`), so it can be tested with an IAM alone.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRef, FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method, StatusCode};
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::sync::Arc;

use crate::errors::{is_body_timeout, ApiError, BODY_STALLED};
use crate::iam::{Grant, Iam, TokenError};
use crate::middleware::X_AUTH_TOKEN;
use crate::settings::BODY_LIMIT;
use crate::signed::SignedCaller;

/// Why a body was refused, before any field rule.
#[derive(Debug)]
pub enum BodyError {
    TooLarge(String),
    /// It stopped arriving (`--body-timeout`).
    TimedOut(String),
    /// JSON in a charset other than UTF-8.
    Unsupported(String),
    Invalid(String),
}

impl From<BodyError> for ApiError {
    fn from(error: BodyError) -> Self {
        match error {
            BodyError::TooLarge(_) => ApiError::too_large(BODY_LIMIT),
            BodyError::TimedOut(message) => ApiError::timed_out(message),
            BodyError::Unsupported(message) => ApiError::unsupported_media_type(message),
            BodyError::Invalid(message) => ApiError::bad_request(message),
        }
    }
}

/// Reads a JSON body: size, content type and syntax are checked here, every
/// field rule by the shared rules.
pub fn read_json<T: DeserializeOwned>(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<T, BodyError> {
    let bytes = match body {
        Ok(bytes) => bytes,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(BodyError::TooLarge(format!(
                "The request body exceeds {} KiB",
                BODY_LIMIT / 1024
            )))
        }
        Err(rejection) if is_body_timeout(&rejection) => return Err(BodyError::TimedOut(BODY_STALLED.to_owned())),
        Err(rejection) => {
            return Err(BodyError::Invalid(format!(
                "The request body could not be read: {rejection}"
            )))
        }
    };
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    let mut parts = content_type.split(';');
    let essence = parts.next().unwrap_or("").trim();
    if !essence.eq_ignore_ascii_case("application/json") {
        return Err(BodyError::Invalid(format!(
            "Content-Type must be application/json (it is \"{}\")",
            eg_connections::issue::quote(content_type)
        )));
    }
    // JSON is UTF-8 (RFC 8259): a body declared in another charset is not
    // read as if it were.
    let charset = parts
        .filter_map(|parameter| parameter.split_once('='))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, value)| value.trim().trim_matches('"'));
    if let Some(charset) =
        charset.filter(|charset| !charset.eq_ignore_ascii_case("utf-8") && !charset.eq_ignore_ascii_case("utf8"))
    {
        return Err(BodyError::Unsupported(format!(
            "The request body must be UTF-8 JSON (Content-Type says charset={})",
            eg_connections::issue::quote(charset)
        )));
    }
    serde_json::from_slice(&bytes).map_err(|error| {
        BodyError::Invalid(match error.classify() {
            // Valid JSON of the wrong shape: serde says what is missing or
            // unexpected (`missing field \`kind\``), without the position.
            serde_json::error::Category::Data => {
                let text = error.to_string();
                let what = text.rsplit_once(" at line ").map_or(text.as_str(), |(what, _)| what);
                format!("The request body is JSON, but not what this endpoint takes: {what}")
            }
            category => format!(
                "The request body is not valid JSON ({} at line {}, column {})",
                match category {
                    serde_json::error::Category::Eof => "it ends early",
                    serde_json::error::Category::Io => "a read error",
                    _ => "a syntax error",
                },
                error.line(),
                error.column()
            ),
        })
    })
}

/// A query string's parameters, read as the signature check reads them
/// (percent-decoding only: `+` is a plus), the last of a repeated one.
pub fn query_params(query: Option<&str>) -> HashMap<String, String> {
    eg_connections::sign::query_pairs(query.unwrap_or_default())
        .into_iter()
        .collect()
}

/// A JSON body, read as [`read_json`] reads it.
pub struct EgJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for EgJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let headers = request.headers().clone();
        let body = Bytes::from_request(request, state).await;
        read_json(&headers, body).map(EgJson).map_err(ApiError::from)
    }
}

/// A caller whose credentials are valid and scoped to the path's project.
pub struct Authorized {
    pub grant: Grant,
    pub project_id: String,
}

/// The IAM action a request needs, for the 403 message.
fn action(method: &Method, path: &str, has_connection: bool) -> &'static str {
    if path.ends_with("/vpcs") {
        return "vpc:vpcs:list";
    }
    if path.ends_with("/subnets") {
        return "vpc:subnets:get";
    }
    if path.ends_with("/instances") {
        return "dms:instance:list";
    }
    if path.ends_with("/quotas") {
        return "eg:quotas:get";
    }
    match (method.as_str(), has_connection) {
        ("POST", _) => "eg:connections:create",
        ("GET", false) => "eg:connections:list",
        ("GET", true) => "eg:connections:get",
        ("PUT", _) => "eg:connections:update",
        ("DELETE", _) => "eg:connections:delete",
        _ => "eg:connections:*",
    }
}

impl<S> FromRequestParts<S> for Authorized
where
    S: Send + Sync,
    Arc<Iam>: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Path(path) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|rejection| ApiError::bad_request(format!("The path is malformed: {rejection}")))?;
        let project_id = path.get("project_id").cloned().unwrap_or_default();
        let has_connection = path.contains_key("connection_id");
        if let Some(caller) = parts.extensions.get::<SignedCaller>() {
            let project_header = parts
                .headers
                .get(eg_connections::sign::PROJECT_HEADER)
                .and_then(|value| value.to_str().ok());
            if project_header.is_some_and(|header| header != project_id) {
                return Err(ApiError::forbidden(format!(
                    "X-Project-Id {} is not the path's project {project_id}",
                    project_header.unwrap_or_default()
                )));
            }
            let Some(project) = caller.grant.projects.iter().find(|project| project.id == project_id) else {
                return Err(ApiError::forbidden(format!(
                    "The access key {} has no permission {} on project {project_id} (its user has no such project)",
                    caller.access,
                    action(&parts.method, parts.uri.path(), has_connection)
                )));
            };
            return Ok(Authorized {
                grant: Grant {
                    user: caller.grant.user.clone(),
                    project: project.clone(),
                    expires_ms: caller.grant.expires_ms,
                },
                project_id,
            });
        }
        let token = parts.headers.get(X_AUTH_TOKEN).and_then(|value| value.to_str().ok());
        let grant = Arc::<Iam>::from_ref(state).check(token).map_err(|error| {
            ApiError::unauthorized(match error {
                TokenError::Missing => "The X-Auth-Token header is missing",
                TokenError::Unknown => "The token is not valid; sign in again",
                TokenError::Expired => "The token has expired; sign in again",
            })
        })?;
        if grant.project.id != project_id {
            return Err(ApiError::forbidden(format!(
                "The token has no permission {} on project {project_id} (it is scoped to another project)",
                action(&parts.method, parts.uri.path(), has_connection)
            )));
        }
        Ok(Authorized { grant, project_id })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::iam::{IamConfig, Project, User};
    use axum::body::Body;
    use axum::routing::get;
    use axum::Router;
    use tower::ServiceExt;

    /// `Authorized` needs nothing but an IAM: here the whole state is one.
    #[tokio::test]
    async fn authorized_with_an_iam_alone() {
        let config = IamConfig {
            users: vec![User {
                name: "u".to_owned(),
                domain: "d".to_owned(),
                password_hash: String::new(),
                projects: vec![Project {
                    id: "p1".to_owned(),
                    name: "cn-north-4".to_owned(),
                }],
                access_keys: Vec::new(),
            }],
        };
        let iam = Arc::new(Iam::new(config, std::time::Duration::from_secs(60)).unwrap());
        iam.add_fixed_token("t".to_owned(), "p1".to_owned());
        let app = Router::new()
            .route(
                "/v1/{project_id}/connections",
                get(|auth: Authorized| async move { auth.project_id }),
            )
            .with_state(iam);
        let call = |path: &str, token: Option<&str>| {
            let mut request = Request::builder().uri(path);
            if let Some(token) = token {
                request = request.header(X_AUTH_TOKEN, token);
            }
            app.clone().oneshot(request.body(Body::empty()).unwrap())
        };
        assert_eq!(
            call("/v1/p1/connections", Some("t")).await.unwrap().status(),
            StatusCode::OK
        );
        assert_eq!(
            call("/v1/p1/connections", None).await.unwrap().status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            call("/v1/p2/connections", Some("t")).await.unwrap().status(),
            StatusCode::FORBIDDEN
        );
    }
}
