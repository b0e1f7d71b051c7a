//! AK/SK request signing, `SDK-HMAC-SHA256`, as Huawei Cloud's API gateway
//! verifies it and its official SDK signers compute it (the Python SDK's
//! `huaweicloudsdkcore/signer/signer.py`, whose outputs are this module's
//! test vectors in `tests/vectors/sign.json`). One implementation: the
//! console signs with it, the emulator verifies with it (feature `sign`).
//!
//! The canonical request is
//! ```text
//! METHOD \n canonical URI \n canonical query \n canonical headers \n signed headers \n hex(SHA-256(body))
//! ```
//! where the URI is the path, decoded and re-encoded segment by segment,
//! with a trailing `/`; the query is every `key=value` pair encoded and
//! sorted; the headers are the signed ones (lowercase names, trimmed
//! values, sorted, one `name:value\n` line each). The string to sign is
//! `SDK-HMAC-SHA256 \n X-Sdk-Date \n hex(SHA-256(canonical request))`, the
//! signature the hex HMAC-SHA256 of it under the secret key, and the
//! `Authorization` header `SDK-HMAC-SHA256 Access=AK, SignedHeaders=h1;h2, Signature=hex`.

use hmac::{Hmac, Mac};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};
use std::fmt::Write;

/// The algorithm's name, first word of the `Authorization` header.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";
/// The signature's date header.
pub const DATE_HEADER: &str = "X-Sdk-Date";
/// The payload-hash header a signer may send instead of hashing the body.
pub const CONTENT_HASH_HEADER: &str = "X-Sdk-Content-Sha256";
/// The temporary credentials' header.
pub const SECURITY_TOKEN_HEADER: &str = "X-Security-Token";
/// The project header of project-scoped calls.
pub const PROJECT_HEADER: &str = "X-Project-Id";
/// The content-hash value of a payload left out of the signature.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
/// SHA-256 of nothing.
pub const EMPTY_HASH: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/// How far a signature's date may be from the verifier's clock (the
/// gateway's 15 minutes).
pub const DATE_WINDOW_SECONDS: i64 = 15 * 60;

/// What Python's `urllib.parse.quote(s, safe='~')` leaves alone: letters,
/// digits, `_`, `.`, `-` and `~`.
const ENCODED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'_').remove(b'.').remove(b'-').remove(b'~');

/// `text` percent-encoded as the signer encodes path segments and query parts.
pub fn url_encode(text: &str) -> String {
    utf8_percent_encode(text, ENCODED).to_string()
}

fn url_decode(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// The path decoded, split at `/`, each segment re-encoded, with a trailing `/`.
pub fn canonical_uri(path: &str) -> String {
    let decoded = url_decode(path);
    let mut uri = decoded.split('/').map(url_encode).collect::<Vec<_>>().join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// Every `key=value` pair of a raw query string, percent-decoded, in
/// order. A `+` stays a `+` (the official signer encodes a space as `%20`,
/// never `+`): what a server reads from a query must be what it verified.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (url_decode(key), url_decode(value))
        })
        .collect()
}

/// Every `key=value` pair of a raw query string, decoded, re-encoded and
/// sorted (by key, then value), joined with `&`.
pub fn canonical_query(query: &str) -> String {
    let mut pairs = query_pairs(query);
    sort(&mut pairs);
    query_of(&pairs)
}

/// Sorts `items`. In the browser, which signs its own few query pairs and
/// headers, an insertion sort: the standard library's sorts are 8 KB of
/// the console's wasm. Elsewhere (the emulator verifies whatever it is
/// sent) the standard sort.
fn sort<T: Ord>(items: &mut [T]) {
    if cfg!(target_arch = "wasm32") {
        for end in 1..items.len() {
            let mut at = end;
            while at > 0 && items.get(at - 1) > items.get(at) {
                items.swap(at - 1, at);
                at -= 1;
            }
        }
    } else {
        items.sort();
    }
}

/// Pairs (already sorted) as the canonical query: also what to send.
pub fn query_of(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(key, value)| format!("{}={}", url_encode(key), url_encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Lowercase hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        let _ = write!(text, "{byte:02x}");
    }
    text
}

/// A request as the signature sees it.
#[derive(Debug, Clone, Copy)]
pub struct Signable<'a> {
    pub method: &'a str,
    /// The path as sent, e.g. `/v1/p/connections`.
    pub path: &'a str,
    /// The raw query string, without `?`.
    pub query: &'a str,
    /// Every header to sign: name (any case) and value.
    pub headers: &'a [(&'a str, &'a str)],
    pub body: &'a [u8],
}

impl Signable<'_> {
    /// The signed headers: the headers' lowercase names, sorted.
    pub fn signed_headers(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .headers
            .iter()
            .map(|(name, _)| name.to_ascii_lowercase())
            .filter(|name| !name.contains('_'))
            .collect();
        sort(&mut names);
        names.dedup();
        names
    }

    fn header(&self, lowercase: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(lowercase))
            .map(|(_, value)| *value)
    }

    /// The payload's hash, as the official signer computes it: the
    /// content-hash header when it is among the `signed` headers (a header
    /// sent but not signed could be added by anyone), else the body's own.
    pub fn payload_hash(&self, signed: &[String]) -> String {
        if self.body.is_empty() {
            return EMPTY_HASH.to_owned();
        }
        let content_hash = CONTENT_HASH_HEADER.to_ascii_lowercase();
        match self.header(&content_hash) {
            Some(hash) if signed.contains(&content_hash) => hash.trim().to_owned(),
            _ => sha256_hex(self.body),
        }
    }

    /// Whether a signed content-hash header vouches for this body: it is
    /// the body's SHA-256, or `UNSIGNED-PAYLOAD` for a body that is not
    /// JSON (where the official SDKs send it). Without the header, the
    /// body's own hash is what was signed.
    fn payload_vouched(&self, signed: &[String]) -> bool {
        let content_hash = CONTENT_HASH_HEADER.to_ascii_lowercase();
        let Some(claimed) = self.header(&content_hash).filter(|_| signed.contains(&content_hash)) else {
            return true;
        };
        let claimed = claimed.trim();
        if claimed == UNSIGNED_PAYLOAD {
            let json = self
                .header("content-type")
                .is_some_and(|kind| kind.trim_start().to_ascii_lowercase().starts_with("application/json"));
            return !json;
        }
        self.body.is_empty() || claimed.eq_ignore_ascii_case(&sha256_hex(self.body))
    }

    /// The canonical request over `signed` (lowercase names); `None` when a
    /// signed header is missing.
    pub fn canonical_request(&self, signed: &[String]) -> Option<String> {
        let mut canonical = String::new();
        canonical.push_str(&self.method.to_ascii_uppercase());
        canonical.push('\n');
        canonical.push_str(&canonical_uri(self.path));
        canonical.push('\n');
        canonical.push_str(&canonical_query(self.query));
        canonical.push('\n');
        for name in signed {
            canonical.push_str(name);
            canonical.push(':');
            canonical.push_str(self.header(name)?.trim());
            canonical.push('\n');
        }
        canonical.push('\n');
        canonical.push_str(&signed.join(";"));
        canonical.push('\n');
        canonical.push_str(&self.payload_hash(signed));
        Some(canonical)
    }
}

/// `SDK-HMAC-SHA256 \n date \n hex(SHA-256(canonical request))`.
pub fn string_to_sign(date: &str, canonical_request: &str) -> String {
    format!("{ALGORITHM}\n{date}\n{}", sha256_hex(canonical_request.as_bytes()))
}

/// The HMAC-SHA256 of `string_to_sign` under `secret`, not yet finished.
fn mac(secret: &str, string_to_sign: &str) -> Hmac<Sha256> {
    // HMAC takes a key of any length: `new_from_slice` cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap_or_else(|_| unreachable!());
    mac.update(string_to_sign.as_bytes());
    mac
}

/// The hex HMAC-SHA256 of `string_to_sign` under `secret`.
pub fn signature(secret: &str, string_to_sign: &str) -> String {
    hex(&mac(secret, string_to_sign).finalize().into_bytes())
}

/// Bytes of lowercase or uppercase hex text; `None` if it is not hex.
fn from_hex(text: &str) -> Option<Vec<u8>> {
    let digits = text.as_bytes();
    if digits.len() % 2 != 0 {
        return None;
    }
    digits
        .chunks_exact(2)
        .map(|pair| {
            let high = char::from(pair[0]).to_digit(16)?;
            let low = char::from(pair[1]).to_digit(16)?;
            Some((high * 16 + low) as u8)
        })
        .collect()
}

/// Signs `request` (whose headers include `Host` and `X-Sdk-Date: date`):
/// the `Authorization` header's value.
pub fn authorization(access: &str, secret: &str, date: &str, request: &Signable) -> String {
    let signed = request.signed_headers();
    let canonical = request.canonical_request(&signed).unwrap_or_default();
    let signature = signature(secret, &string_to_sign(date, &canonical));
    format!(
        "{ALGORITHM} Access={access}, SignedHeaders={}, Signature={signature}",
        signed.join(";")
    )
}

/// An `Authorization` header, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    pub access: String,
    pub signed_headers: Vec<String>,
    pub signature: String,
}

impl Authorization {
    /// Reads `SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...`.
    pub fn parse(header: &str) -> Option<Authorization> {
        let rest = header.trim().strip_prefix(ALGORITHM)?.trim_start();
        let (mut access, mut signed, mut signature) = (None, None, None);
        for part in rest.split(',') {
            let (key, value) = part.trim().split_once('=')?;
            match key {
                "Access" => access = Some(value.to_owned()),
                "SignedHeaders" => signed = Some(value.split(';').map(str::to_ascii_lowercase).collect()),
                "Signature" => signature = Some(value.to_ascii_lowercase()),
                _ => {}
            }
        }
        Some(Authorization {
            access: access?,
            signed_headers: signed?,
            signature: signature?,
        })
    }
}

/// Why a signature is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureError {
    /// No usable `Authorization` header.
    Malformed,
    /// `host` or `x-sdk-date` is not among the signed headers, or a signed
    /// header is missing from the request.
    MissingHeader(String),
    /// `X-Sdk-Date` is not `YYYYMMDDTHHMMSSZ`.
    BadDate,
    /// The date is this many seconds from the verifier's clock (more than
    /// [`DATE_WINDOW_SECONDS`]; positive: in the future).
    Skewed(i64),
    /// The signature does not match: a wrong secret key, or a request
    /// changed after signing.
    Mismatch,
    /// The signed `X-Sdk-Content-Sha256` is not the received body's hash
    /// (the body was replaced), or is `UNSIGNED-PAYLOAD` for a JSON body.
    PayloadMismatch,
    /// A header that must be signed when present is not (`X-Security-Token`).
    UnsignedHeader(String),
}

/// Checks `request`'s signature under `secret`, at `now` (Unix seconds).
pub fn verify(authorization: &Authorization, secret: &str, request: &Signable, now: i64) -> Result<(), SignatureError> {
    for required in ["host", "x-sdk-date"] {
        if !authorization.signed_headers.iter().any(|name| name == required) {
            return Err(SignatureError::MissingHeader(required.to_owned()));
        }
    }
    let date = request
        .header("x-sdk-date")
        .ok_or_else(|| SignatureError::MissingHeader("x-sdk-date".to_owned()))?;
    let signed_at = parse_date(date.trim()).ok_or(SignatureError::BadDate)?;
    let skew = signed_at - now;
    if skew.abs() > DATE_WINDOW_SECONDS {
        return Err(SignatureError::Skewed(skew));
    }
    // A temporary key's token goes with the signature: the official signer
    // signs every header it sends, this one included.
    let token = SECURITY_TOKEN_HEADER.to_ascii_lowercase();
    if request.header(&token).is_some() && !authorization.signed_headers.contains(&token) {
        return Err(SignatureError::UnsignedHeader(SECURITY_TOKEN_HEADER.to_owned()));
    }
    let canonical = request
        .canonical_request(&authorization.signed_headers)
        .ok_or_else(|| SignatureError::MissingHeader(authorization.signed_headers.join(";")))?;
    // The `hmac` crate's own comparison, in constant time.
    let received = from_hex(&authorization.signature).ok_or(SignatureError::Mismatch)?;
    mac(secret, &string_to_sign(date.trim(), &canonical))
        .verify_slice(&received)
        .map_err(|_| SignatureError::Mismatch)?;
    // A good signature over a content hash still needs the body to match it.
    if request.payload_vouched(&authorization.signed_headers) {
        Ok(())
    } else {
        Err(SignatureError::PayloadMismatch)
    }
}

/// The public endpoint host of Huawei Cloud `service` (`eg`, `iam`) in
/// `region`, where its signed requests go (`eu-west-101` is on `.eu`).
pub fn endpoint_host(service: &str, region: &str) -> String {
    let domain = if region.starts_with("eu-") {
        "myhuaweicloud.eu"
    } else {
        "myhuaweicloud.com"
    };
    format!("{service}.{region}.{domain}")
}

/// `YYYYMMDDTHHMMSSZ` of Unix seconds.
pub fn format_date(unix_seconds: i64) -> String {
    let days = unix_seconds.div_euclid(86_400);
    let second_of_day = unix_seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60
    )
}

/// Unix seconds of `YYYYMMDDTHHMMSSZ`.
pub fn parse_date(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() != 16 || bytes[8] != b'T' || bytes[15] != b'Z' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(range)?;
        part.bytes()
            .all(|byte| byte.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (number(0..4)?, number(4..6)?, number(6..8)?);
    let (hour, minute, second) = (number(9..11)?, number(11..13)?, number(13..15)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    (year_of_era + era * 400 + i64::from(month <= 2), month, day)
}

/// Why an API gateway refused a signed request, read from its `401`
/// answer: what the console tells the user to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The access key is unknown (deleted, disabled, another site):
    /// "Get secretKey failed", "ak not exist".
    UnknownKey,
    /// Too many failed signatures in a row: "AK access failed to reach the limit".
    KeyLocked,
    /// The temporary credentials' security token is expired, wrong or
    /// missing: "decrypt token fail", or a message naming it.
    SecurityToken,
    /// The signing clock is off by this many seconds from the server's
    /// (negative: behind; `None`: the server says so but sent no `Date`).
    ClockSkew(Option<i64>),
    /// The signature does not match: a wrong secret key, or a request
    /// changed on its way (another host, another body).
    Mismatch,
    /// A refusal this console does not recognize.
    Other,
}

/// How far off a client's clock may be before it is the likely cause of a
/// refusal: a third of the gateway's window, so a request signed at the
/// window's edge is caught before the gateway starts refusing.
pub const SUSPICIOUS_SKEW_SECONDS: i64 = DATE_WINDOW_SECONDS / 3;

/// Reads a gateway's refusal `message` (`error_msg`), given the clock skew
/// measured from the answer's `Date` header (`server - client`, seconds).
/// The gateway's own texts (Huawei Cloud API Request Signing Guide, "Common
/// Errors Related to IAM Authentication Information") say the same
/// "verify aksk signature fail" for a wrong key and an old date, so a
/// measured skew beyond the window decides between them.
pub fn refusal(message: &str, measured_skew: Option<i64>) -> Refusal {
    let lower = message.to_ascii_lowercase();
    let skewed = measured_skew.filter(|skew| skew.abs() > DATE_WINDOW_SECONDS);
    if lower.contains("get secretkey failed") || lower.contains("ak not exist") {
        Refusal::UnknownKey
    } else if lower.contains("failed to reach the limit") {
        Refusal::KeyLocked
    } else if lower.contains("decrypt token fail")
        || lower.contains("security-token")
        || lower.contains("security token")
    {
        Refusal::SecurityToken
    } else if let Some(skew) = skewed {
        Refusal::ClockSkew(Some(skew))
    } else if lower.contains("x-sdk-date is") || lower.contains("signature expired") {
        Refusal::ClockSkew(measured_skew.filter(|skew| skew.abs() > SUSPICIOUS_SKEW_SECONDS))
    } else if lower.contains("signature") {
        Refusal::Mismatch
    } else {
        Refusal::Other
    }
}
