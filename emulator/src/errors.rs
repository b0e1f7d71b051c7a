//! EG error responses: `{error_code, error_msg, error_details?, request_id}`
//! with the documented status codes.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use eg_connections::model::{error_code, ErrorBody, ErrorDetail};
use eg_connections::{Issue, Locale};

tokio::task_local! {
    /// The request ID of the request being served (set by the middleware).
    pub static REQUEST_ID: String;
}

/// The current request's ID, or empty outside a request.
pub fn current_request_id() -> String {
    REQUEST_ID.try_with(Clone::clone).unwrap_or_default()
}

/// An error the API answers with an EG error body.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub details: Vec<ErrorDetail>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            details: Vec::new(),
        }
    }

    /// 400 EG.00014000.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, error_code::BAD_REQUEST, message)
    }

    /// 413 with the bad-request code: the body is over the limit.
    pub fn too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            error_code::BAD_REQUEST,
            format!("The request body exceeds {} KiB", limit / 1024),
        )
    }

    /// 408 with the bad-request code: the body stopped arriving.
    pub fn timed_out(message: impl Into<String>) -> Self {
        Self::new(StatusCode::REQUEST_TIMEOUT, error_code::BAD_REQUEST, message)
    }

    /// 415 with the bad-request code: a body this API cannot read.
    pub fn unsupported_media_type(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, error_code::BAD_REQUEST, message)
    }

    /// 401 EG.00014010.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, error_code::UNAUTHORIZED, message)
    }

    /// 401 APIGW.0301: the API gateway refused the AK/SK signature.
    pub fn signature(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, error_code::SIGNATURE_REFUSED, message)
    }

    /// 403 EG.00014030.
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, error_code::FORBIDDEN, message)
    }

    /// 403 EG.00514004 (EG's "resource not modified"): the resource's state
    /// does not allow this now.
    pub fn not_modifiable(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, error_code::NOT_MODIFIABLE, message)
    }

    /// 403 EG.00514003 ("resource quota unavailable").
    pub fn quota_unavailable(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, error_code::QUOTA_UNAVAILABLE, message)
    }

    /// 404 EG.00014040.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, error_code::NOT_FOUND, message)
    }

    /// 500 EG.00015000.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, error_code::INTERNAL, message)
    }

    /// 503 with the internal-error code (EG documents no 503 code): the
    /// change was not made and may be retried.
    pub fn unavailable(message: impl Into<String>) -> Self {
        Self::new(StatusCode::SERVICE_UNAVAILABLE, error_code::INTERNAL, message)
    }

    /// 502 with the internal-error code: forwarding mode could not reach
    /// the upstream API (nothing was changed by this server).
    pub fn bad_gateway(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_GATEWAY, error_code::INTERNAL, message)
    }

    /// 400 EG.00513000 with every issue of the shared rules as a detail,
    /// and the first one's message as `error_msg` (what an SDK's exception
    /// shows: "Invalid parameters" alone would not say which or why).
    pub fn invalid_parameters(issues: &[Issue]) -> Self {
        let headline = match issues {
            [] => "Invalid parameters".to_owned(),
            [issue] => format!("Invalid parameters: {}", issue.message(Locale::En)),
            [issue, rest @ ..] => format!(
                "Invalid parameters: {} (and {} more in error_details)",
                issue.message(Locale::En),
                rest.len()
            ),
        };
        let mut error = Self::new(StatusCode::BAD_REQUEST, error_code::INVALID_PARAMETERS, headline);
        error.details = issues
            .iter()
            .map(|issue| ErrorDetail {
                path: issue.path().iter().map(|segment| (*segment).to_owned()).collect(),
                code: issue.code().to_owned(),
                message: issue.message(Locale::En),
            })
            .collect();
        error
    }

    /// 400 EG.00513001.
    pub fn name_duplicated(name: &str) -> Self {
        let mut error = Self::new(
            StatusCode::BAD_REQUEST,
            error_code::NAME_DUPLICATED,
            format!("A connection named \"{name}\" already exists in this project"),
        );
        error.details = vec![ErrorDetail {
            path: vec!["name".to_owned()],
            code: "name_duplicated".to_owned(),
            message: "Name is already used by another connection in this project".to_owned(),
        }];
        error
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error_code: self.code.to_owned(),
            error_msg: self.message,
            error_details: self.details,
            request_id: Some(current_request_id()),
        };
        (self.status, Json(body)).into_response()
    }
}

/// Whether reading a body failed because it stopped arriving (the body
/// timeout of `crate::server`).
pub fn is_body_timeout(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(error);
    while let Some(error) = cause {
        if error.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        cause = error.source();
    }
    false
}

/// What a client is told when its body stopped arriving.
pub const BODY_STALLED: &str = "The request body stopped arriving before its end; the request was given up";
