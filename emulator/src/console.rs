//! The built console (`--dist`): files under that directory and nothing
//! else. Every path is decoded and resolved (symlinks included) before it
//! is served, and must stay inside the directory; nothing redirects (a
//! `Location` built from the path could leave the host: `//evil.example`).
//! Paths without a file extension are the single-page app's and get
//! `index.html`. Every answer carries the page's own Content-Security-Policy
//! (with `frame-ancestors 'none'`, which only a header can carry),
//! `X-Content-Type-Options: nosniff`, and cache headers: files whose names
//! carry a content hash (Trunk's `name-0123456789abcdef.ext`) are immutable,
//! everything else is revalidated (an `ETag`, answered 304 when it still
//! holds). A file's precompressed twin (`.br`, `.gz`) goes out when the
//! browser accepts it.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method};
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower::ServiceExt;
use tower_http::services::ServeFile;

use crate::errors::ApiError;

/// Applied when `index.html` has no Content-Security-Policy meta tag: the
/// page's own origin only, WebAssembly allowed (what `--dist` serves is a
/// wasm app, or a page loading the npm validator).
const DEFAULT_POLICY: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";

/// Where the page the emulator serves loads its development helper from
/// (the script is [`crate::dev_session`]'s).
pub const HELPER_PATH: &str = "/emulator/dev-session.js";

/// The console directory, resolved once, and its page's policy.
#[derive(Debug, Clone)]
pub struct Console {
    root: PathBuf,
    policy: HeaderValue,
    /// Add the emulator's development helper to the page (emulating only;
    /// as a development server adds its client to the page it serves).
    dev_helper: bool,
}

impl Console {
    /// Resolves `dist` and reads the policy `index.html` declares.
    pub fn open(dist: &Path) -> std::io::Result<Console> {
        let root = std::fs::canonicalize(dist)?;
        let html = std::fs::read_to_string(root.join("index.html"))?;
        let declared = page_policy(&html).unwrap_or(DEFAULT_POLICY);
        let policy = format!("{}; frame-ancestors 'none'", declared.trim().trim_end_matches(';'));
        Ok(Console {
            root,
            policy: HeaderValue::from_str(&policy).unwrap_or(HeaderValue::from_static(DEFAULT_POLICY)),
            dev_helper: false,
        })
    }
}

/// The `content` of `<meta http-equiv="Content-Security-Policy" ...>`.
fn page_policy(html: &str) -> Option<&str> {
    let at = html.find("http-equiv=\"Content-Security-Policy\"")?;
    let tag_end = at + html[at..].find('>')?;
    let tag = &html[at..tag_end];
    let content = tag.find("content=\"")? + "content=\"".len();
    let length = tag[content..].find('"')?;
    Some(&tag[content..content + length])
}

/// The console a server serves, if any (cheap to clone: a state part).
#[derive(Debug, Clone, Default)]
pub struct ConsoleFiles(pub Option<Arc<Console>>);

impl ConsoleFiles {
    /// The console in `dist`, if given.
    pub fn open(dist: Option<&Path>) -> std::io::Result<ConsoleFiles> {
        Ok(ConsoleFiles(dist.map(Console::open).transpose()?.map(Arc::new)))
    }

    /// The same console with the development helper in its page
    /// ([`crate::dev_session`]): what the emulator serves.
    pub fn with_dev_helper(self) -> ConsoleFiles {
        ConsoleFiles(self.0.map(|console| {
            Arc::new(Console {
                dev_helper: true,
                ..(*console).clone()
            })
        }))
    }
}

/// Every path the API does not route: an EG 404 under the API's prefixes,
/// otherwise the console's.
pub async fn fallback(State(files): State<ConsoleFiles>, request: Request) -> Response {
    serve(files.0.as_deref(), request).await
}

/// `GET /eg-console.json` as the console reads it: whether the server
/// emulates or forwards, and the host AK/SK requests are signed for
/// (`null`: the host the request is sent to).
pub fn config_response(body: serde_json::Value) -> Response {
    let mut response = Json(body).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-cache"));
    response
}

/// The console's answer to `request`: a file, the app's `index.html`, or a 404.
pub async fn serve(console: Option<&Console>, request: Request) -> Response {
    let path = request.uri().path();
    let is_api = ["/v1/", "/v2/", "/v3/", "/v3.0/", "/emulator/"]
        .iter()
        .any(|prefix| path.starts_with(prefix));
    if is_api {
        return ApiError::not_found("No such API path").into_response();
    }
    let Some(console) = console else {
        return ApiError::not_found("No console is served here (start with --dist DIR)").into_response();
    };
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        let mut response = ApiError::bad_request("The console's files are read-only").into_response();
        *response.status_mut() = axum::http::StatusCode::METHOD_NOT_ALLOWED;
        return response;
    }
    let response = match resolve(console, path).await {
        Some(file) => {
            let cache = if is_hashed(&file) {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            };
            let page = console.dev_helper && file.file_name().is_some_and(|name| name == "index.html");
            let etag = entity_tag(&file, page).await;
            let unchanged = etag.as_ref().is_some_and(|etag| matches_etag(request.headers(), etag));
            let mut response = if unchanged {
                let mut response = Response::new(Body::empty());
                *response.status_mut() = axum::http::StatusCode::NOT_MODIFIED;
                response
            } else if page {
                page_with_helper(&file).await
            } else {
                serve_file(file, request).await
            };
            let headers = response.headers_mut();
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
            if let Some(etag) = etag {
                headers.insert(header::ETAG, etag);
            }
            response
        }
        None => ApiError::not_found("No such file").into_response(),
    };
    secure(response, console)
}

/// Serves `file`, or its brotli or gzip twin (`file.br`, `file.gz`, which
/// scripts/build-console.sh writes) when the browser accepts that encoding:
/// the 900 KB console then travels as about 270 KB.
async fn serve_file(file: PathBuf, request: Request) -> Response {
    let service = ServeFile::new(file).precompressed_br().precompressed_gzip();
    match service.oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    }
}

/// A weak validator for `file` from its size and modification time: the
/// same for each encoding of it (they are one content), new with every
/// build; the page with the helper has its own.
async fn entity_tag(file: &Path, with_helper: bool) -> Option<HeaderValue> {
    let metadata = tokio::fs::metadata(file).await.ok()?;
    let modified = metadata.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    let suffix = if with_helper { "-dev" } else { "" };
    HeaderValue::from_str(&format!("W/\"{:x}-{:x}{suffix}\"", metadata.len(), modified.as_nanos())).ok()
}

/// `index.html` with the development helper's script before `</head>`
/// (served whole: its precompressed twins lack the script).
async fn page_with_helper(file: &Path) -> Response {
    let Ok(html) = tokio::fs::read_to_string(file).await else {
        return ApiError::not_found("No such file").into_response();
    };
    let script = format!("<script type=\"module\" src=\"{HELPER_PATH}\"></script>");
    let page = match html.find("</head>") {
        Some(at) => format!("{}{script}{}", &html[..at], &html[at..]),
        None => format!("{script}{html}"),
    };
    let mut response = Response::new(Body::from(page));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// Whether `If-None-Match` names `etag` (weak comparison, `*` included).
fn matches_etag(headers: &axum::http::HeaderMap, etag: &HeaderValue) -> bool {
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    let ours = opaque(etag.to_str().unwrap_or_default());
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|tag| tag.trim() == "*" || opaque(tag) == ours)
}

fn secure(mut response: Response, console: &Console) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, console.policy.clone());
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

/// The file `path` names inside the console, `index.html` for the app's
/// own paths, or `None` (missing, or outside the directory).
async fn resolve(console: &Console, path: &str) -> Option<PathBuf> {
    let mut candidate = console.root.clone();
    let last = path.rsplit('/').next().unwrap_or_default();
    for segment in path.split('/').filter(|segment| !segment.is_empty()) {
        let segment = percent_encoding::percent_decode_str(segment).decode_utf8().ok()?;
        if segment == "." {
            continue;
        }
        // No traversal, and no dotfile (`.env`, `.git`): only the build's files.
        if segment.starts_with('.') || segment.contains(['/', '\\', '\0']) {
            return None;
        }
        candidate.push(segment.as_ref());
    }
    let is_asset = last.contains('.');
    match tokio::fs::canonicalize(&candidate).await {
        // Symlinks resolved: what it really is must still be inside.
        Ok(resolved) if resolved.starts_with(&console.root) => {
            if tokio::fs::metadata(&resolved).await.ok()?.is_file() {
                Some(resolved)
            } else {
                Some(console.root.join("index.html"))
            }
        }
        Ok(_) => None,
        Err(_) if is_asset => None,
        Err(_) => Some(console.root.join("index.html")),
    }
}

/// Whether a file name carries a content hash: `name-0123456789abcdef.ext`.
/// Trunk writes its 64-bit hash in hex without leading zeros, so a hash
/// may be shorter than 16 digits (one in sixteen builds has 15); fewer
/// than 8 would be a one-in-four-billion hash, and is read as a name.
fn is_hashed(file: &Path) -> bool {
    let name = file.file_name().and_then(|name| name.to_str()).unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| (8..=16).contains(&hash.len()) && hash.bytes().all(|byte| byte.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_and_the_page_policy() {
        assert!(is_hashed(Path::new("/d/eg-console-bb5ad9a132dba543.js")));
        assert!(is_hashed(Path::new("/d/eg-console-bb5ad9a132dba543_bg.wasm")));
        assert!(is_hashed(Path::new("/d/main-1301bbdc31dc63fe.css")));
        assert!(!is_hashed(Path::new("/d/index.html")));
        assert!(!is_hashed(Path::new("/d/eg-console.js")));
        // Trunk's hash without its leading zero.
        assert!(is_hashed(Path::new("/d/eg-console-1d9570608390616_bg.wasm")));
        assert!(!is_hashed(Path::new("/d/eg-console-abc.js")));
        let html = r#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'; object-src 'none'" />"#;
        assert_eq!(page_policy(html), Some("default-src 'self'; object-src 'none'"));
        assert_eq!(page_policy("<html></html>"), None);
    }
}
