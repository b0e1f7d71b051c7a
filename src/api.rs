//! HTTP to the EG API and IAM (gloo-net). Every failure becomes one
//! [`ApiError`] class the console can explain; nothing here panics.
//!
//! Calls are authorized with an IAM token (`X-Auth-Token`) or signed with
//! an access key (`SDK-HMAC-SHA256`, [`crate::sign`]). A signature covers
//! the `Host` the gateway finally receives, which the browser cannot set:
//! the console signs for the host the serving proxy announces in
//! `/eg-console.json`, else for the host it calls (an emulator says so),
//! else for the region's EG endpoint (a static host proxying to it).

use crate::model::{
    ConnectionInfo, ConnectionList, CreateConnectionRequest, ErrorBody, ListSort, UpdateConnectionRequest,
};
use crate::sign::{self, Refusal, Signable};
use gloo_net::http::{Method, RequestBuilder, Response};
use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;
use web_sys::AbortController;

/// How long a request may take before it is aborted.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// How much of a non-JSON body an error shows, in characters.
const EXCERPT_CHARS: usize = 300;

/// The Huawei Cloud service a call goes to: each has its own endpoint, so
/// its own host to sign for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// EventGrid: connections and quotas.
    Eg,
    /// VPC: VPCs and subnets.
    Vpc,
    /// Distributed Message Service: Kafka and RocketMQ instances.
    Dms,
}

impl Service {
    /// The service's name in its endpoint (`vpc.cn-north-4.myhuaweicloud.com`)
    /// and in `/eg-console.json`'s `signing_hosts`.
    fn name(self) -> &'static str {
        match self {
            Service::Eg => "eg",
            Service::Vpc => "vpc",
            Service::Dms => "dms",
        }
    }
}

/// An access key and its secret, and the security token of temporary keys.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct AccessKey {
    /// The access key ID (AK).
    pub access: String,
    /// The secret access key (SK): signs, never sent.
    pub secret: String,
    /// Temporary credentials' `X-Security-Token`; empty for permanent keys.
    pub security_token: String,
}

impl std::fmt::Debug for AccessKey {
    /// The secret and the security token never reach a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccessKey")
            .field("access", &self.access)
            .field("secret", &"***")
            .field(
                "security_token",
                &if self.security_token.is_empty() { "" } else { "***" },
            )
            .finish()
    }
}

/// How calls are authorized.
#[derive(Clone, PartialEq, Eq)]
pub enum Auth {
    /// An IAM token, sent as `X-Auth-Token`.
    Token(String),
    /// Each request signed with an access key.
    AccessKey(AccessKey),
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Auth::Token(_) => f.write_str("Token(***)"),
            Auth::AccessKey(key) => key.fmt(f),
        }
    }
}

impl Auth {
    /// Whether there is enough to authorize a call: a token, or an AK and its SK.
    pub fn is_complete(&self) -> bool {
        match self {
            Auth::Token(token) => !token.is_empty(),
            Auth::AccessKey(key) => !key.access.is_empty() && !key.secret.is_empty(),
        }
    }
}

/// Where and as whom to call the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// `""` for the page's own origin, else e.g. `https://proxy.example.com`.
    pub base_url: String,
    /// The region whose EG endpoint is signed for when nothing else says.
    pub region: String,
    pub project_id: String,
    pub auth: Auth,
    /// How long each call may take before it is aborted.
    pub timeout: Duration,
}

impl Endpoint {
    /// `{base}/v1/{project_id}/connections`.
    pub fn connections_url(&self) -> String {
        format!(
            "{}/v1/{}/connections",
            self.base_url.trim_end_matches('/'),
            js_sys::encode_uri_component(&self.project_id)
        )
    }

    /// `{base}/{version}/{project_id}/{collection}` (VPC's, DMS's and
    /// EG's other lists).
    pub fn project_url(&self, version: &str, collection: &str) -> String {
        format!(
            "{}/{version}/{}/{collection}",
            self.base_url.trim_end_matches('/'),
            js_sys::encode_uri_component(&self.project_id)
        )
    }

    /// `{base}/v1/{project_id}/connections/{id}`.
    pub fn connection_url(&self, id: &str) -> String {
        format!("{}/{}", self.connections_url(), js_sys::encode_uri_component(id))
    }
}

/// Why a typed base URL cannot be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseUrlProblem {
    /// Not an absolute URL (e.g. `eg.example.com`, or half typed).
    NotAbsolute,
    /// Not `http:` or `https:`.
    Scheme,
    /// Carries a user name or password (they would go to the server).
    UserInfo,
    /// Carries a query or a fragment, which request paths cannot follow.
    QueryOrFragment,
}

/// The base URL to apply for `typed`: `""` (this page's own origin) when
/// empty, else an absolute http(s) URL without user info, query or
/// fragment, with no trailing `/`. A path prefix is kept (a reverse proxy
/// may serve the API under one). The browser's own URL parser decides,
/// as it is the one that will send the requests.
pub fn check_base_url(typed: &str) -> Result<String, BaseUrlProblem> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(String::new());
    }
    let url = web_sys::Url::new(typed).map_err(|_| BaseUrlProblem::NotAbsolute)?;
    if !matches!(url.protocol().as_str(), "http:" | "https:") {
        return Err(BaseUrlProblem::Scheme);
    }
    if url.host().is_empty() {
        return Err(BaseUrlProblem::NotAbsolute);
    }
    if !url.username().is_empty() || !url.password().is_empty() {
        return Err(BaseUrlProblem::UserInfo);
    }
    // `Url::search` and `hash` are empty for a bare `?` or `#`: look at the text.
    if typed.contains(['?', '#']) {
        return Err(BaseUrlProblem::QueryOrFragment);
    }
    let path = url.pathname();
    Ok(format!("{}{}", url.origin(), path.trim_end_matches('/')))
}

/// How the list's search text matches names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NameMatch {
    /// `fuzzy_name`: the name contains the text.
    #[default]
    Contains,
    /// `name`: the name is exactly the text.
    Exact,
}

/// One page of the list: `GET /v1/{project_id}/connections?...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub offset: u64,
    pub limit: u64,
    pub sort: ListSort,
    /// Empty: no filter.
    pub search: String,
    pub name_match: NameMatch,
    /// Only connections to this Kafka or RocketMQ instance; empty: any.
    pub instance_id: String,
}

/// Page sizes the console offers; the first is the API's default.
pub const PAGE_SIZES: [u64; 3] = [15, 50, 100];

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            offset: 0,
            limit: PAGE_SIZES[0],
            sort: ListSort::default(),
            search: String::new(),
            name_match: NameMatch::default(),
            instance_id: String::new(),
        }
    }
}

impl ListQuery {
    /// The query string, `?` included, every value URL-encoded.
    pub fn to_query_string(&self) -> String {
        let mut query = format!(
            "?offset={}&limit={}&sort={}",
            self.offset,
            self.limit,
            self.sort.as_param()
        );
        let search = self.search.trim();
        if !search.is_empty() {
            let key = match self.name_match {
                NameMatch::Contains => "fuzzy_name",
                NameMatch::Exact => "name",
            };
            query.push_str(&format!("&{key}={}", js_sys::encode_uri_component(search)));
        }
        let instance_id = self.instance_id.trim();
        if !instance_id.is_empty() {
            query.push_str(&format!("&instance_id={}", js_sys::encode_uri_component(instance_id)));
        }
        query
    }
}

/// Every way a call can fail, each explained differently.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The API answered with an EG (or API gateway) error body.
    Eg {
        status: u16,
        body: ErrorBody,
        request_id: Option<String>,
    },
    /// The gateway refused a signed request (401): why, as read from its
    /// answer, with the host the request was signed for.
    Signature {
        status: u16,
        body: ErrorBody,
        request_id: Option<String>,
        refusal: Refusal,
        signed_host: String,
    },
    /// The answer was not the JSON expected (a proxy's HTML page, an empty 502).
    NotJson {
        status: u16,
        excerpt: String,
        request_id: Option<String>,
    },
    /// The request never got an answer (offline, DNS, CORS, connection dropped).
    Network(String),
    /// No answer within the timeout; the request was aborted.
    Timeout(Duration),
    /// The user cancelled the request.
    Aborted,
}

impl ApiError {
    /// The request ID of the failed call, when the server sent one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ApiError::Eg { request_id, body, .. } | ApiError::Signature { request_id, body, .. } => {
                request_id.as_deref().or(body.request_id.as_deref())
            }
            ApiError::NotJson { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// The HTTP status, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Eg { status, .. } | ApiError::Signature { status, .. } | ApiError::NotJson { status, .. } => {
                Some(*status)
            }
            _ => None,
        }
    }
}

/// A successful answer and its request ID.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer<T> {
    pub value: T,
    pub request_id: Option<String>,
}

/// Why a request was aborted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AbortReason {
    Timeout,
    Cancelled,
}

/// Cancels an in-flight request; cloning shares the same request.
#[derive(Clone)]
pub struct Abort {
    controller: Option<AbortController>,
    reason: Rc<Cell<Option<AbortReason>>>,
}

impl std::fmt::Debug for Abort {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Abort")
    }
}

impl Default for Abort {
    fn default() -> Self {
        Abort {
            controller: AbortController::new().ok(),
            reason: Rc::new(Cell::new(None)),
        }
    }
}

impl Abort {
    /// Aborts the request as cancelled by the user.
    pub fn cancel(&self) {
        self.abort(AbortReason::Cancelled);
    }

    /// What a failed fetch or body read means: our own abort (timeout or
    /// cancel) or a network failure.
    fn failure(&self, error: gloo_net::Error, timeout: Duration) -> ApiError {
        match self.reason.get() {
            Some(AbortReason::Timeout) => ApiError::Timeout(timeout),
            Some(AbortReason::Cancelled) => ApiError::Aborted,
            None => ApiError::Network(error.to_string()),
        }
    }

    fn abort(&self, reason: AbortReason) {
        if self.reason.get().is_none() {
            self.reason.set(Some(reason));
        }
        if let Some(controller) = &self.controller {
            controller.abort();
        }
    }
}

/// One call: what to send, and how to authorize it (`None`: IAM's own
/// sign-in, which carries its credentials in the body).
struct Call<'a> {
    method: Method,
    url: String,
    body: Option<String>,
    endpoint: Option<&'a Endpoint>,
    service: Service,
    abort: &'a Abort,
    timeout: Duration,
}

/// A 2xx answer: its response (for its headers) and its body's text.
struct Reply {
    response: Response,
    text: String,
}

impl Reply {
    /// The body as JSON; `None` for an empty one (204). (Every answer is
    /// read as a `serde_json::Value`, then by [`crate::model`]'s readers:
    /// one JSON parser in the wasm, not one deserializer per type.)
    fn json(&self) -> Result<Option<Value>, ApiError> {
        if self.response.status() == 204 || self.text.is_empty() {
            return Ok(None);
        }
        serde_json::from_str::<Value>(&self.text)
            .map(Some)
            .map_err(|_| not_json(self.response.status(), &self.text, self.request_id()))
    }

    fn request_id(&self) -> Option<String> {
        self.response.headers().get("x-request-id")
    }
}

/// The exchange's future, boxed: one copy of its code serves every call
/// (a future per response type would compile a copy each).
type Exchange<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Reply, ApiError>> + 'a>>;

/// Sends `call` with a timeout and an abort handle, and reads the answer.
fn send(call: Call<'_>) -> Exchange<'_> {
    Box::pin(async move {
        let signing_host = match call.endpoint {
            Some(endpoint) if matches!(endpoint.auth, Auth::AccessKey(_)) => Some(
                resolve_signing_host(&endpoint.base_url, &endpoint.region, call.service)
                    .await
                    .host()
                    .to_owned(),
            ),
            _ => None,
        };
        transmit(call, signing_host).await
    })
}

/// [`send`] once the host to sign for (AK/SK only) is known; a non-2xx
/// answer becomes its [`ApiError`].
async fn transmit(call: Call<'_>, signing_host: Option<String>) -> Result<Reply, ApiError> {
    let (abort, timeout) = (call.abort, call.timeout);
    let mut builder = RequestBuilder::new(&call.url).method(call.method.clone());
    if call.body.is_some() {
        builder = builder.header("Content-Type", "application/json");
    }
    let mut signed_host = None;
    match (call.endpoint, signing_host) {
        (Some(endpoint), Some(host)) => {
            if let Auth::AccessKey(key) = &endpoint.auth {
                builder = sign_call(builder, endpoint, key, &call, &host)?;
                signed_host = Some(host);
            }
        }
        (Some(endpoint), None) => {
            if let Auth::Token(token) = &endpoint.auth {
                builder = builder.header("X-Auth-Token", token);
            }
        }
        (None, _) => {}
    }
    let builder = builder.abort_signal(abort.controller.as_ref().map(|controller| controller.signal()).as_ref());
    let request = match call.body {
        Some(body) => builder.body(body),
        None => builder.build().and_then(without_stray_ampersand),
    }
    .map_err(|error| ApiError::Network(error.to_string()))?;
    let on_timeout = abort.clone();
    let timer: Option<TimeoutHandle> =
        set_timeout_with_handle(move || on_timeout.abort(AbortReason::Timeout), timeout).ok();
    // One deadline for the whole exchange: the headers and the body after
    // them (a server that stalls mid-body is aborted too).
    let outcome = async {
        let response = request.send().await?;
        let text = response.text().await?;
        Ok::<_, gloo_net::Error>((response, text))
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    let (response, text) = outcome.map_err(|error| abort.failure(error, timeout))?;
    let status = response.status();
    if (200..300).contains(&status) {
        return Ok(Reply { response, text });
    }
    let request_id = response.headers().get("x-request-id");
    let body = serde_json::from_str::<Value>(&text).ok();
    match body.as_ref().and_then(ErrorBody::from_value) {
        Some(body) if !body.error_code.is_empty() => match signed_host {
            Some(signed_host) if status == 401 => Err(ApiError::Signature {
                status,
                refusal: sign::refusal(&body.error_msg, clock_skew(&response)),
                body,
                request_id,
                signed_host,
            }),
            _ => Err(ApiError::Eg {
                status,
                body,
                request_id,
            }),
        },
        _ => Err(not_json(status, &text, request_id)),
    }
}

/// The request without the `&` gloo-net appends to a URL that already has
/// a query (its own, empty, parameters after it): the list's requests
/// ended in `sort=created_time:DESC&`. Only body-less requests have a query.
fn without_stray_ampersand(request: gloo_net::http::Request) -> Result<gloo_net::http::Request, gloo_net::Error> {
    let url = request.url();
    let Some(url) = url.strip_suffix('&') else {
        return Ok(request);
    };
    let raw = web_sys::Request::from(request);
    let init = web_sys::RequestInit::new();
    init.set_method(&raw.method());
    init.set_headers(&raw.headers());
    init.set_signal(Some(&raw.signal()));
    web_sys::Request::new_with_str_and_init(url, &init)
        .map(Into::into)
        .map_err(|_| gloo_net::Error::GlooError(format!("{url} is not a request URL")))
}

/// Seconds the server's clock (its `Date` header) is ahead of this one.
fn clock_skew(response: &Response) -> Option<i64> {
    let date = response.headers().get("date")?;
    let server_ms = js_sys::Date::parse(&date);
    server_ms
        .is_finite()
        .then(|| ((server_ms - js_sys::Date::now()) / 1000.0).round() as i64)
}

/// Adds the AK/SK signature's headers to `builder`, signed for `host`.
fn sign_call(
    builder: RequestBuilder,
    endpoint: &Endpoint,
    key: &AccessKey,
    call: &Call<'_>,
    host: &str,
) -> Result<RequestBuilder, ApiError> {
    // The path and query exactly as the browser will send them.
    let page = leptos::prelude::window().location().href().unwrap_or_default();
    let url = web_sys::Url::new_with_base(&call.url, &page)
        .map_err(|_| ApiError::Network(format!("{} is not a URL", call.url)))?;
    let date = sign::format_date((js_sys::Date::now() / 1000.0) as i64);
    let body = call.body.as_deref().unwrap_or_default();
    let mut headers = vec![
        ("Host", host),
        (sign::DATE_HEADER, date.as_str()),
        (sign::PROJECT_HEADER, endpoint.project_id.as_str()),
    ];
    if !body.is_empty() {
        headers.push(("Content-Type", "application/json"));
    }
    if !key.security_token.is_empty() {
        headers.push((sign::SECURITY_TOKEN_HEADER, key.security_token.as_str()));
    }
    let search = url.search();
    let path = url.pathname();
    let request = Signable {
        method: call.method.as_str(),
        path: &path,
        query: search.strip_prefix('?').unwrap_or(&search),
        headers: &headers,
        body: body.as_bytes(),
    };
    let authorization = sign::authorization(&key.access, &key.secret, &date, &request);
    let mut builder = builder
        .header("Authorization", &authorization)
        .header(sign::DATE_HEADER, &date)
        .header(sign::PROJECT_HEADER, &endpoint.project_id);
    if !key.security_token.is_empty() {
        builder = builder.header(sign::SECURITY_TOKEN_HEADER, &key.security_token);
    }
    Ok(builder)
}

/// Where the host AK/SK requests to a service are signed for comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigningHost {
    /// The server at the base URL forwards to this host (`/eg-console.json`).
    Announced(String),
    /// The server at the base URL answers the API itself (the emulator).
    Direct(String),
    /// Nothing said otherwise: the region's EG endpoint.
    Region(String),
}

impl SigningHost {
    /// The host, as it goes in the signature.
    pub fn host(&self) -> &str {
        match self {
            SigningHost::Announced(host) | SigningHost::Direct(host) | SigningHost::Region(host) => host,
        }
    }
}

/// What `{base}/eg-console.json` said, once known.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Announcement {
    /// A forwarder, and the host it forwards each service to (EG's, VPC's,
    /// DMS's, in [`Service`] order).
    Forward([String; 3]),
    /// The server answers the API itself (an emulator).
    Direct,
    Nothing,
}

thread_local! {
    /// Announcements by base URL: asked once per page, not per request.
    static ANNOUNCEMENTS: RefCell<HashMap<String, Announcement>> = RefCell::new(HashMap::new());
}

/// How long asking the server about signing may take.
const ANNOUNCEMENT_TIMEOUT: Duration = Duration::from_secs(5);

/// The host the server at `base_url` (`""`: this page's) wants AK/SK
/// requests to `service` signed for, or what stands in when it says nothing.
pub async fn resolve_signing_host(base_url: &str, region: &str, service: Service) -> SigningHost {
    let base = base_url.trim().trim_end_matches('/').to_owned();
    let page = leptos::prelude::window().location().href().unwrap_or_default();
    let called_host = web_sys::Url::new_with_base(&format!("{base}/"), &page)
        .map(|url| url.host())
        .unwrap_or_default();
    match announcement(base).await {
        Announcement::Forward(hosts) => SigningHost::Announced(hosts[service as usize].clone()),
        Announcement::Direct if !called_host.is_empty() => SigningHost::Direct(called_host),
        _ => SigningHost::Region(sign::endpoint_host(service.name(), region)),
    }
}

/// What the server at `base` announces, asked once per page.
async fn announcement(base: String) -> Announcement {
    let known = ANNOUNCEMENTS.with(|cache| cache.borrow().get(&base).cloned());
    match known {
        Some(announcement) => announcement,
        None => match ask_announcement(&base).await {
            Some(announcement) => {
                ANNOUNCEMENTS.with(|cache| cache.borrow_mut().insert(base, announcement.clone()));
                announcement
            }
            // No answer at all (offline, or a cross-origin API that allows
            // no CORS here): not remembered, asked again next time.
            None => Announcement::Nothing,
        },
    }
}

/// The text of a JSON member, empty when absent or not a string.
fn text(value: Option<&serde_json::Value>) -> &str {
    value.and_then(serde_json::Value::as_str).unwrap_or_default()
}

/// `GET {base}/eg-console.json`: `None` when there was no answer. (Read
/// as a JSON value, which the console parses anyway: a deserializer of its
/// own would add bytes to the wasm.)
async fn ask_announcement(base: &str) -> Option<Announcement> {
    let abort = Abort::default();
    let call = Call {
        method: Method::GET,
        url: format!("{base}/eg-console.json"),
        body: None,
        endpoint: None,
        service: Service::Eg,
        abort: &abort,
        timeout: ANNOUNCEMENT_TIMEOUT,
    };
    match send(call).await.and_then(|reply| reply.json()) {
        Ok(Some(config)) => {
            let host = text(config.get("signing_host"));
            // Each service's host (a forwarder before it had them says only EG's).
            let host_of = |service: Service| {
                let named = text(config.get("signing_hosts").and_then(|hosts| hosts.get(service.name())));
                String::from(if named.is_empty() { host } else { named })
            };
            Some(match text(config.get("mode")) {
                "forward" if !host.is_empty() => {
                    Announcement::Forward([Service::Eg, Service::Vpc, Service::Dms].map(host_of))
                }
                "emulator" => Announcement::Direct,
                _ => Announcement::Nothing,
            })
        }
        // An answer that is not the file (a static host's 404 page, say).
        Ok(_) | Err(ApiError::Eg { .. } | ApiError::NotJson { .. } | ApiError::Signature { .. }) => {
            Some(Announcement::Nothing)
        }
        Err(_) => None,
    }
}

fn not_json(status: u16, text: &str, request_id: Option<String>) -> ApiError {
    let collapsed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    ApiError::NotJson {
        status,
        excerpt: crate::issue::quote_with(&collapsed, EXCERPT_CHARS),
        request_id,
    }
}

/// A call to the API as `endpoint`'s user.
fn api_call<'a>(
    endpoint: &'a Endpoint,
    method: Method,
    url: String,
    body: Option<String>,
    abort: &'a Abort,
) -> Call<'a> {
    Call {
        method,
        url,
        body,
        endpoint: Some(endpoint),
        service: Service::Eg,
        abort,
        timeout: endpoint.timeout,
    }
}

/// The account's lists the create form offers to pick from, and EG's quota.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountList {
    /// VPC's `GET /v1/{project_id}/vpcs`.
    Vpcs,
    /// VPC's `GET /v1/{project_id}/subnets?vpc_id=`.
    Subnets(String),
    /// DMS's `GET /v2/{project_id}/instances?engine=&limit=50` (its largest page).
    Instances(&'static str),
    /// EG's `GET /v1/{project_id}/quotas?type=CONNECTION`.
    ConnectionQuota,
}

impl AccountList {
    fn url_and_service(&self, endpoint: &Endpoint) -> (String, Service) {
        let encode = |text: &str| String::from(js_sys::encode_uri_component(text));
        match self {
            AccountList::Vpcs => (endpoint.project_url("v1", "vpcs"), Service::Vpc),
            AccountList::Subnets(vpc) => (
                format!("{}?vpc_id={}", endpoint.project_url("v1", "subnets"), encode(vpc)),
                Service::Vpc,
            ),
            AccountList::Instances(engine) => (
                format!(
                    "{}?engine={}&limit=50",
                    endpoint.project_url("v2", "instances"),
                    encode(engine)
                ),
                Service::Dms,
            ),
            AccountList::ConnectionQuota => (
                format!("{}?type=CONNECTION", endpoint.project_url("v1", "quotas")),
                Service::Eg,
            ),
        }
    }
}

/// One of the account's lists as `endpoint`'s user, as JSON (read by
/// [`crate::model`]'s `Network::list`, `Instance::list`, `connection_quota`).
pub async fn list_account(
    endpoint: &Endpoint,
    list: &AccountList,
    abort: &Abort,
) -> Result<serde_json::Value, ApiError> {
    let (url, service) = list.url_and_service(endpoint);
    let call = Call {
        service,
        ..api_call(endpoint, Method::GET, url, None, abort)
    };
    answer(send(call).await?, |value| Some(value.clone())).map(|answer| answer.value)
}

/// A request's JSON text. Serialized through `serde_json::Value`, as the
/// request-as-code view serializes it: one derived serializer per request
/// type in the console's wasm instead of two.
fn request_body(request: &impl serde::Serialize) -> Result<String, ApiError> {
    serde_json::to_value(request)
        .map(|value| value.to_string())
        // Only a map with keys that are not strings fails, which no request
        // has. (serde_json's error text would bring io's messages along.)
        .map_err(|_| ApiError::Network(String::from("the request could not be written as JSON")))
}

/// `POST /v1/{project_id}/connections`.
pub async fn create_connection(
    endpoint: &Endpoint,
    request: &CreateConnectionRequest,
    abort: &Abort,
) -> Result<Answer<ConnectionInfo>, ApiError> {
    let body = request_body(request)?;
    let call = api_call(endpoint, Method::POST, endpoint.connections_url(), Some(body), abort);
    answer(send(call).await?, ConnectionInfo::from_value)
}

/// `GET /v1/{project_id}/connections/{id}`; `abort` stops it (its view closed).
pub async fn show_connection(endpoint: &Endpoint, id: &str, abort: &Abort) -> Result<Answer<ConnectionInfo>, ApiError> {
    let call = api_call(endpoint, Method::GET, endpoint.connection_url(id), None, abort);
    answer(send(call).await?, ConnectionInfo::from_value)
}

/// `GET /v1/{project_id}/connections?offset&limit&sort&(fuzzy_)name&instance_id`;
/// `abort` stops it (its view closed, or a newer query replaced it).
pub async fn list_connections(
    endpoint: &Endpoint,
    query: &ListQuery,
    abort: &Abort,
) -> Result<Answer<ConnectionList>, ApiError> {
    let url = format!("{}{}", endpoint.connections_url(), query.to_query_string());
    answer(
        send(api_call(endpoint, Method::GET, url, None, abort)).await?,
        ConnectionList::from_value,
    )
}

/// `PUT /v1/{project_id}/connections/{id}` with a validated update: the
/// description, new settings of the connection's detail object, or both.
pub async fn update_connection(
    endpoint: &Endpoint,
    id: &str,
    request: &UpdateConnectionRequest,
    abort: &Abort,
) -> Result<Answer<ConnectionInfo>, ApiError> {
    let body = request_body(request)?;
    let call = api_call(endpoint, Method::PUT, endpoint.connection_url(id), Some(body), abort);
    answer(send(call).await?, ConnectionInfo::from_value)
}

/// `DELETE /v1/{project_id}/connections/{id}`; returns the request ID.
pub async fn delete_connection(endpoint: &Endpoint, id: &str, abort: &Abort) -> Result<Option<String>, ApiError> {
    let call = api_call(endpoint, Method::DELETE, endpoint.connection_url(id), None, abort);
    // 204 has no body; a body on success is tolerated and ignored.
    Ok(send(call).await?.request_id())
}

/// A 2xx answer read by `read` (a body that is not what it reads is "not JSON").
fn answer<T>(reply: Reply, read: fn(&Value) -> Option<T>) -> Result<Answer<T>, ApiError> {
    let request_id = reply.request_id();
    match reply.json()?.as_ref().map(read) {
        Some(Some(value)) => Ok(Answer { value, request_id }),
        Some(None) => Err(not_json(reply.response.status(), &reply.text, request_id)),
        None => Err(ApiError::NotJson {
            status: reply.response.status(),
            excerpt: String::new(),
            request_id,
        }),
    }
}

/// What IAM needs for a password token scoped to a project.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credentials {
    pub user_name: String,
    pub password: String,
    pub domain: String,
    /// A project ID, or a project name such as `cn-north-4`.
    pub project: String,
}

/// `POST /v3/auth/tokens`; returns the `X-Subject-Token` and the project ID.
pub async fn sign_in(
    base_url: &str,
    credentials: &Credentials,
    abort: &Abort,
) -> Result<(String, Option<String>), ApiError> {
    let project = &credentials.project;
    // IAM project IDs are 32 hex characters; anything else is a name.
    let scope = if project.len() == 32 && project.bytes().all(|byte| byte.is_ascii_hexdigit()) {
        "id"
    } else {
        "name"
    };
    let text = |value: &str| serde_json::to_string(value).unwrap_or_default();
    let body = format!(
        r#"{{"auth":{{"identity":{{"methods":["password"],"password":{{"user":{{"name":{},"password":{},"domain":{{"name":{}}}}}}}}},"scope":{{"project":{{"{scope}":{}}}}}}}}}"#,
        text(&credentials.user_name),
        text(&credentials.password),
        text(&credentials.domain),
        text(project),
    );
    let result = send(Call {
        method: Method::POST,
        url: format!("{}/v3/auth/tokens", base_url.trim_end_matches('/')),
        body: Some(body),
        endpoint: None,
        service: Service::Eg,
        abort,
        timeout: DEFAULT_TIMEOUT,
    })
    .await;
    let reply = match result {
        Ok(reply) => reply,
        // IAM's own error body: {"error": {"code", "message", "title"}}.
        Err(ApiError::NotJson { status, .. }) | Err(ApiError::Eg { status, .. }) if status == 401 => {
            return Err(ApiError::Eg {
                status,
                body: ErrorBody {
                    error_code: "IAM.401".to_owned(),
                    error_msg: "The user name, password, domain or project is wrong".to_owned(),
                    ..ErrorBody::default()
                },
                request_id: None,
            })
        }
        Err(error) => return Err(error),
    };
    // The part of IAM's token answer the console reads: token.project.id.
    let project_id = reply
        .json()
        .ok()
        .flatten()
        .and_then(|issued| Some(issued.get("token")?.get("project")?.get("id")?.as_str()?.to_owned()));
    let response = reply.response;
    let token = response
        .headers()
        .get("x-subject-token")
        .filter(|token| !token.is_empty());
    match token {
        Some(token) => Ok((token, project_id)),
        None => Err(ApiError::NotJson {
            status: response.status(),
            excerpt: "The answer has no X-Subject-Token header (a cross-origin IAM must expose it)".to_owned(),
            request_id: None,
        }),
    }
}
