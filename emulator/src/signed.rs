//! AK/SK signatures (`SDK-HMAC-SHA256`), verified as Huawei Cloud's API
//! gateway verifies them, with the crate's signer (`eg_connections::sign`):
//! the same canonical request, a date within 15 minutes of this server's
//! clock, the signed `host` equal to the `Host` received (a signature made
//! for another host, behind a proxy that rewrites `Host` say, does not
//! match), the body hashed as received, and `X-Security-Token` with a
//! temporary key. Five failed signatures in a row lock an access key for
//! five minutes. Refusals carry the gateway's documented code,
//! `APIGW.0301` "Incorrect IAM authentication information: ..." (Huawei
//! Cloud API Request Signing Guide, "Common Errors Related to IAM
//! Authentication Information", `devg-apisign/api-sign-0001`), with what
//! went wrong and what to do.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use eg_connections::sign::{self, Authorization, Signable, SignatureError};
use std::sync::Arc;

use crate::clock::now_ms;
use crate::errors::ApiError;
use crate::iam::{Iam, KeyError, KeyGrant};
use crate::settings::BODY_LIMIT;

/// A caller whose signature checked out, for [`crate::extract::Authorized`].
#[derive(Debug, Clone)]
pub struct SignedCaller {
    pub access: String,
    pub grant: KeyGrant,
}

const PREFIX: &str = "Incorrect IAM authentication information";

fn refuse(detail: impl std::fmt::Display) -> ApiError {
    ApiError::signature(format!("{PREFIX}: {detail}"))
}

/// Verifies a signed request before its handler runs; requests without a
/// signature pass through to token authentication.
pub async fn verify(State(iam): State<Arc<Iam>>, request: Request, next: Next) -> Response {
    let signed = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.trim_start().starts_with(sign::ALGORITHM));
    if !signed {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let bytes = match axum::body::to_bytes(body, BODY_LIMIT).await {
        Ok(bytes) => bytes,
        Err(error) if crate::errors::is_body_timeout(&error) => {
            return ApiError::timed_out(crate::errors::BODY_STALLED).into_response()
        }
        Err(_) => return ApiError::too_large(BODY_LIMIT).into_response(),
    };
    match check(&iam, &parts, &bytes) {
        Ok(caller) => {
            let mut request = Request::from_parts(parts, Body::from(bytes));
            request.extensions_mut().insert(caller);
            next.run(request).await
        }
        Err(error) => error.into_response(),
    }
}

fn check(iam: &Iam, parts: &axum::http::request::Parts, body: &[u8]) -> Result<SignedCaller, ApiError> {
    let header = parts
        .headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let authorization = Authorization::parse(header).ok_or_else(|| {
        refuse("the Authorization header is not SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...")
    })?;
    let (secret, grant) = iam.key(&authorization.access).map_err(|error| match error {
        // Echoed, but never more than an access key's length and a little.
        KeyError::Unknown => refuse(format!(
            "Get secretKey failed,ak:{},err:ak not exist",
            eg_connections::issue::quote_with(&authorization.access, 64)
        )),
        KeyError::Expired => refuse("the temporary access key has expired; get new temporary credentials"),
        KeyError::Locked { .. } => refuse(
            "AK access failed to reach the limit,forbidden (5 failed signatures in a row lock a key for 5 minutes)",
        ),
    })?;
    let headers: Vec<(&str, &str)> = parts
        .headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.to_str().unwrap_or_default()))
        .collect();
    let request = Signable {
        method: parts.method.as_str(),
        path: parts.uri.path(),
        query: parts.uri.query().unwrap_or_default(),
        headers: &headers,
        body,
    };
    let now = (now_ms() / 1000) as i64;
    if let Err(error) = sign::verify(&authorization, &secret, &request, now) {
        iam.key_failed(&authorization.access);
        return Err(refuse(match error {
            SignatureError::Malformed => "the Authorization header cannot be read".to_owned(),
            SignatureError::MissingHeader(name) => format!(
                "verify aksk signature fail: the signed headers must include {name} and every signed header must be sent"
            ),
            SignatureError::BadDate => "verify aksk signature fail: X-Sdk-Date must be YYYYMMDDTHHMMSSZ (UTC)".to_owned(),
            SignatureError::Skewed(seconds) => format!(
                "verify aksk signature fail: X-Sdk-Date is {} {} this server's clock (at most 15 minutes either way); set the client's clock right",
                describe_seconds(seconds.unsigned_abs()),
                if seconds < 0 { "behind" } else { "ahead of" }
            ),
            SignatureError::PayloadMismatch => format!(
                "verify aksk signature fail: the signed {} is not the SHA-256 of the body received (the body changed after signing), or is {} for a JSON body",
                sign::CONTENT_HASH_HEADER,
                sign::UNSIGNED_PAYLOAD
            ),
            SignatureError::UnsignedHeader(name) => format!(
                "verify aksk signature fail: {name} is sent but not signed; sign it with the request (list it in SignedHeaders)"
            ),
            SignatureError::Mismatch => format!(
                "verify aksk signature fail: the signature does not match; check the secret key, and that the request reached host {} unchanged (a signature for another host, or a changed body, does not match)",
                request
                    .headers
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case("host"))
                    .map_or("(none)", |(_, value)| *value)
            ),
        }));
    }
    if let Some(expected) = &grant.security_token {
        let sent = parts
            .headers
            .get(sign::SECURITY_TOKEN_HEADER)
            .and_then(|value| value.to_str().ok());
        if sent != Some(expected.as_str()) {
            iam.key_failed(&authorization.access);
            return Err(refuse(
                "a temporary access key needs its X-Security-Token header, as issued with it",
            ));
        }
    }
    iam.key_succeeded(&authorization.access);
    Ok(SignedCaller {
        access: authorization.access,
        grant,
    })
}

fn describe_seconds(seconds: u64) -> String {
    let unit = |count: u64, one: &str| format!("{count} {one}{}", if count == 1 { "" } else { "s" });
    match (seconds / 60, seconds % 60) {
        (0, s) => unit(s, "second"),
        (m, 0) => unit(m, "minute"),
        (m, s) => format!("{} {}", unit(m, "minute"), unit(s, "second")),
    }
}
