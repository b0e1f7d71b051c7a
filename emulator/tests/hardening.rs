//! What an attack run on loopback found, each closed and tested: a signed
//! body swapped, the forwarder's allowlist escaped, memory exhausted by
//! sign-ins, connections held by bodies that never end, DNS rebinding, and
//! the smaller holes. Each test failed on the code before its fix.

mod common;

use common::{raw, status_of, Emu, Recorder, ACCESS_KEY, PROJECT, SECRET_KEY, TOKEN};
use eg_connections::sign;
use eg_emulator::forward::Upstreams;
use eg_emulator::{start_forward, Limits, Settings};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

const SECOND: Duration = Duration::from_secs(1);

fn sdk_date() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    sign::format_date(now)
}

/// A POST to the connections, signed over `signed_headers` and
/// `signed_body`, sent with `sent_headers` and `sent_body`.
async fn signed_post(
    emu: &Emu,
    signed_headers: &[(&str, &str)],
    signed_body: &str,
    sent_headers: &[(&str, &str)],
    sent_body: &str,
) -> (StatusCode, Value) {
    let url = emu.connections();
    let parsed = reqwest::Url::parse(&url).unwrap();
    let host = format!("127.0.0.1:{}", parsed.port().unwrap());
    let date = sdk_date();
    let mut headers = vec![("Host", host.as_str()), ("X-Sdk-Date", date.as_str())];
    headers.extend_from_slice(signed_headers);
    let request = sign::Signable {
        method: "POST",
        path: parsed.path(),
        query: "",
        headers: &headers,
        body: signed_body.as_bytes(),
    };
    let authorization = sign::authorization(ACCESS_KEY, SECRET_KEY, &date, &request);
    let mut builder = emu
        .client
        .post(&url)
        .header("X-Sdk-Date", &date)
        .header("Authorization", authorization)
        .body(sent_body.to_owned());
    for (name, value) in signed_headers.iter().chain(sent_headers) {
        builder = builder.header(*name, *value);
    }
    let response = builder.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

fn webhook(name: &str) -> String {
    json!({"name": name, "vpc_id": "vpc-1", "subnet_id": "subnet-1"}).to_string()
}

#[tokio::test]
async fn a_signed_body_cannot_be_swapped() {
    let emu = Emu::start(common::settings()).await;
    let json = [("Content-Type", "application/json")];
    let (original, swapped) = (webhook("signed-original"), webhook("swapped-in"));
    // A signed hash of the very body is fine (before five refusals lock the key).
    let original_hash = sign::sha256_hex(original.as_bytes());
    let signed_hash = [
        ("Content-Type", "application/json"),
        ("X-Sdk-Content-Sha256", original_hash.as_str()),
    ];
    let (status, created) = signed_post(&emu, &signed_hash, &original, &[], &original).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    // Signed without a content hash, resent with another body and an
    // unsigned hash of the original one.
    let (status, error) = signed_post(
        &emu,
        &json,
        &original,
        &[("X-Sdk-Content-Sha256", original_hash.as_str())],
        &swapped,
    )
    .await;
    assert_eq!(
        (status, error["error_code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("APIGW.0301")),
        "{error}"
    );
    // An empty body's signature, sent with a body and the empty hash.
    let (status, error) = signed_post(&emu, &json, "", &[("X-Sdk-Content-Sha256", sign::EMPTY_HASH)], &swapped).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{error}");
    // A signed content hash that is not the body's.
    let (status, error) = signed_post(&emu, &signed_hash, &original, &[], &swapped).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{error}");
    assert!(
        error["error_msg"]
            .as_str()
            .unwrap()
            .contains("not the SHA-256 of the body"),
        "{error}"
    );
    // UNSIGNED-PAYLOAD is for bodies that are not JSON.
    let unsigned = [
        ("Content-Type", "application/json"),
        ("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD"),
    ];
    let (status, _) = signed_post(&emu, &unsigned, &original, &[], &swapped).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // A security token added after signing.
    let (status, error) = signed_post(
        &emu,
        &json,
        &original,
        &[("X-Security-Token", "added-later")],
        &original,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{error}");
    assert!(
        error["error_msg"]
            .as_str()
            .unwrap()
            .contains("X-Security-Token is sent but not signed"),
        "{error}"
    );
    // Nothing refused was created.
    let (_, list) = emu.call(Method::GET, &emu.connections(), None).await;
    assert_eq!(list["total"], 1, "{list}");
    assert_eq!(list["items"][0]["name"], "signed-original");
    emu.stop().await;
}

#[tokio::test]
async fn the_forwarder_resolves_dot_segments_before_its_allowlist() {
    let upstream = Recorder::start("").await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let settings = Settings {
        quiet: true,
        ..Settings::default()
    };
    let upstreams = Upstreams::eg_and_iam(format!("http://{}", upstream.addr), format!("http://{}", upstream.addr));
    let forwarder = start_forward(settings, upstreams, Limits::default(), listener)
        .await
        .unwrap();
    let host = format!("Host: 127.0.0.1:{}\r\n", forwarder.addr.port());
    for path in [
        "/v1/../admin/secret",
        "/v1/%2e%2e/admin/secret",
        "/v1/.%2e/admin/secret",
        "/v1/..%2Fadmin",
        "/v3/..\\admin/secret",
        "/v1/p/../../admin",
    ] {
        let request = format!("GET {path} HTTP/1.1\r\n{host}Connection: close\r\n\r\n");
        let answer = raw(forwarder.addr, request.as_bytes(), SECOND).await;
        assert_eq!(status_of(&answer), 400, "{path}: {answer}");
    }
    assert!(
        upstream.heads().is_empty(),
        "nothing reached the upstream: {:?}",
        upstream.heads()
    );
    // A path that stays under the prefixes is forwarded, resolved.
    let request = format!("GET /v1/p/../q/connections HTTP/1.1\r\n{host}Connection: close\r\n\r\n");
    let answer = raw(forwarder.addr, request.as_bytes(), SECOND).await;
    assert_eq!(status_of(&answer), 200, "{answer}");
    assert!(
        upstream.heads()[0].starts_with("GET /v1/q/connections "),
        "{:?}",
        upstream.heads()
    );
    forwarder.stop().await.unwrap();
}

#[tokio::test]
async fn the_forwarder_drops_headers_named_in_connection_both_ways() {
    let upstream = Recorder::start("Connection: X-Upstream-Hop\r\nX-Upstream-Hop: 1\r\nX-Kept: yes\r\n").await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let upstreams = Upstreams::eg_and_iam(format!("http://{}", upstream.addr), format!("http://{}", upstream.addr));
    let settings = Settings {
        quiet: true,
        ..Settings::default()
    };
    let forwarder = start_forward(settings, upstreams, Limits::default(), listener)
        .await
        .unwrap();
    let request = format!(
        "GET /v1/p/connections HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close, X-Secret-Hop\r\nX-Secret-Hop: token\r\nX-Auth-Token: t\r\n\r\n",
        forwarder.addr.port()
    );
    let answer = raw(forwarder.addr, request.as_bytes(), SECOND).await;
    assert_eq!(status_of(&answer), 200, "{answer}");
    let head = upstream.heads()[0].to_ascii_lowercase();
    assert!(!head.contains("x-secret-hop"), "{head}");
    assert!(head.contains("x-auth-token: t"), "{head}");
    let answer = answer.to_ascii_lowercase();
    assert!(!answer.contains("x-upstream-hop"), "{answer}");
    assert!(answer.contains("x-kept: yes"), "{answer}");
    forwarder.stop().await.unwrap();
}

/// The resident memory of process `pid`, in MiB.
fn resident_mib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.split_whitespace().next())
        .and_then(|kilobytes| kilobytes.parse::<u64>().ok())
        .map_or(0, |kilobytes| kilobytes / 1024)
}

#[tokio::test]
async fn concurrent_wrong_sign_ins_do_not_exhaust_memory() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_eg-emulator"))
        .args(["--in-memory", "--listen", "127.0.0.1:0", "--quiet", "--banner", "json"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut banner = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut banner).unwrap();
    let banner: Value = serde_json::from_str(&banner).unwrap();
    let url = format!("{}/v3/auth/tokens", banner["url"].as_str().unwrap());
    let before = resident_mib(child.id());
    let client = reqwest::Client::new();
    let sign_in = |n: usize| {
        let (client, url) = (client.clone(), url.clone());
        async move {
            let body = json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
                "name": format!("nobody-{n}"), "password": "wrong", "domain": {"name": "d"}}}},
                "scope": {"project": {"name": "cn-north-4"}}}});
            client
                .post(&url)
                .json(&body)
                .send()
                .await
                .map(|response| response.status())
        }
    };
    let pid = child.id();
    let peak = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(before));
    let watcher = {
        let peak = peak.clone();
        tokio::spawn(async move {
            loop {
                peak.fetch_max(resident_mib(pid), std::sync::atomic::Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
    };
    let answers = futures_util::future::join_all((0..32).map(sign_in)).await;
    watcher.abort();
    for answer in answers {
        assert_eq!(answer.unwrap(), StatusCode::UNAUTHORIZED);
    }
    tokio::time::sleep(SECOND).await;
    let (peak, after) = (peak.load(std::sync::atomic::Ordering::Relaxed), resident_mib(pid));
    child.kill().unwrap();
    let _ = child.wait();
    // Argon2 takes 19 MiB a check: one check per core at a time keeps the
    // peak and what stays to a few of them (32 at once took 1 GB, and 722
    // MB stayed).
    let cores = std::thread::available_parallelism().map_or(1, |cores| cores.get()) as u64;
    assert!(peak <= before + 24 * cores + 64, "peak {peak} MiB from {before} MiB");
    assert!(after <= before + 24 * cores + 64, "after {after} MiB from {before} MiB");
}

#[tokio::test]
async fn a_body_that_never_ends_frees_its_connection() {
    let mut settings = common::settings();
    settings.quiet = true;
    let data = tempfile::TempDir::new().unwrap();
    let mut options = common::options(data.path(), settings);
    options.limits = Limits {
        max_connections: 4,
        body_timeout: Duration::from_millis(500),
        ..Limits::default()
    };
    let emu = Emu::with_options(options, Some(data)).await;
    // Four POSTs that announce 100 bytes and send 8, holding every slot.
    let stalled: Vec<_> = (0..4)
        .map(|_| {
            let request = format!(
                "POST /v1/{PROJECT}/connections HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"name\":"
            );
            let addr = emu.addr;
            tokio::spawn(async move { raw(addr, request.as_bytes(), Duration::from_secs(5)).await })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(100)).await;
    // A fifth request is served once the bodies time out.
    let ready = tokio::time::timeout(
        Duration::from_secs(4),
        emu.client.get(format!("{}/emulator/ready", emu.base)).send(),
    )
    .await
    .expect("served while four bodies stall")
    .unwrap();
    assert_eq!(ready.status(), StatusCode::OK);
    for answer in stalled {
        let answer = answer.await.unwrap();
        assert_eq!(status_of(&answer), 408, "{answer}");
    }
    emu.stop().await;
}

#[tokio::test]
async fn only_loopback_the_listen_address_and_allowed_hosts_are_answered() {
    let mut settings = common::settings();
    settings.allowed_hosts = vec!["console.test".to_owned(), ".dev.example".to_owned()];
    let emu = Emu::start(settings).await;
    let port = emu.addr.port();
    let get = |host: Option<String>, extra: &'static str| {
        let host = host.map(|host| format!("Host: {host}\r\n")).unwrap_or_default();
        let request = format!("GET /eg-console.json HTTP/1.1\r\n{host}{extra}Connection: close\r\n\r\n");
        let addr = emu.addr;
        async move { raw(addr, request.as_bytes(), SECOND).await }
    };
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        "app.localhost".to_owned(),
        "console.test".to_owned(),
        format!("a.dev.example:{port}"),
        "dev.example".to_owned(),
    ] {
        assert_eq!(status_of(&get(Some(host.clone()), "").await), 200, "{host}");
    }
    for host in [
        "attacker.example",
        "console.test.attacker.example",
        "127.0.0.1.nip.io",
        "xdev.example",
    ] {
        let answer = get(Some(format!("{host}:{port}")), "").await;
        assert_eq!(status_of(&answer), 403, "{host}: {answer}");
        assert!(answer.contains("--allowed-host"), "{answer}");
    }
    // RFC 9112: exactly one Host.
    assert_eq!(status_of(&get(None, "").await), 400);
    let twice = format!("Host: 127.0.0.1:{port}\r\n");
    let answer = get(Some(format!("127.0.0.1:{port}")), Box::leak(twice.into_boxed_str())).await;
    assert_eq!(status_of(&answer), 400, "{answer}");
    // The API and the control endpoints are behind the same check.
    let reset = format!(
        "POST /emulator/reset HTTP/1.1\r\nHost: attacker.example:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    assert_eq!(status_of(&raw(emu.addr, reset.as_bytes(), SECOND).await), 403);
    emu.stop().await;
}

#[tokio::test]
async fn the_smaller_holes() {
    let dist = tempfile::TempDir::new().unwrap();
    std::fs::write(dist.path().join("index.html"), "<html></html>").unwrap();
    std::fs::write(dist.path().join(".env"), "SECRET=1").unwrap();
    std::fs::create_dir(dist.path().join(".git")).unwrap();
    std::fs::write(dist.path().join(".git").join("config"), "[core]").unwrap();
    std::fs::write(dist.path().join("eg-console-1d9570608390616.js"), "//").unwrap();
    let mut settings = common::settings();
    settings.dist = Some(dist.path().to_owned());
    let emu = Emu::start(settings).await;
    // Dotfiles under --dist are not served.
    for path in ["/.env", "/.git/config", "/%2eenv"] {
        let response = emu.client.get(format!("{}{path}", emu.base)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    // What Trunk hashed is immutable, whatever the hash's length.
    let response = emu
        .client
        .get(format!("{}/eg-console-1d9570608390616.js", emu.base))
        .send()
        .await
        .unwrap();
    assert!(response.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    // JSON in another charset is refused, not misread.
    let response = emu
        .client
        .post(emu.connections())
        .header("X-Auth-Token", TOKEN)
        .header("Content-Type", "application/json; charset=utf-16")
        .body(webhook("utf16"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let response = emu
        .client
        .post(emu.connections())
        .header("X-Auth-Token", TOKEN)
        .header("Content-Type", "application/json; charset=\"UTF-8\"")
        .body(webhook("utf8"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    // An unknown access key is echoed, but not all 100 KB of it.
    let long_key = "K".repeat(100 * 1024);
    let response = emu
        .client
        .get(emu.connections())
        .header("X-Sdk-Date", sdk_date())
        .header(
            "Authorization",
            format!("SDK-HMAC-SHA256 Access={long_key}, SignedHeaders=host;x-sdk-date, Signature=00"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(response.text().await.unwrap().len() < 2048);
    // A NUL in an ID or a description is refused, not stored.
    for body in [
        json!({"name": "nul-1", "vpc_id": "vpc\u{0}1", "subnet_id": "s"}),
        json!({"name": "nul-2", "vpc_id": "v", "subnet_id": "s", "description": "a\u{0}b"}),
    ] {
        let (status, error) = emu.call(Method::POST, &emu.connections(), Some(body)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{error}");
        assert!(
            error["error_msg"].as_str().unwrap().contains("control characters"),
            "{error}"
        );
    }
    // duration_seconds: a whole number of seconds from 900 to 86,400.
    let url = format!("{}/v3.0/OS-CREDENTIAL/securitytokens", emu.base);
    for duration in [json!(-1), json!(1e10), json!("900"), json!(899), json!(900.5)] {
        let body = json!({"auth": {"identity": {"methods": ["token"], "token": {"duration_seconds": duration}}}});
        let response = emu
            .client
            .post(&url)
            .header("X-Auth-Token", TOKEN)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{duration}");
    }
    let body = json!({"auth": {"identity": {"methods": ["token"], "token": {"duration_seconds": 900}}}});
    let response = emu
        .client
        .post(&url)
        .header("X-Auth-Token", TOKEN)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    emu.stop().await;
}

#[tokio::test]
async fn a_plus_in_a_query_is_read_as_the_signature_read_it() {
    let emu = Emu::start(common::settings()).await;
    let kafka = json!({"name": "plus", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
        "kafka_detail": {"instance_id": "inst+1", "addr": "h:1"}});
    assert_eq!(
        emu.call(Method::POST, &emu.connections(), Some(kafka)).await.0,
        StatusCode::OK
    );
    // Signed over `instance_id=inst+1`: the handler reads the same plus.
    let url = format!("{}?instance_id=inst+1", emu.connections());
    let parsed = reqwest::Url::parse(&url).unwrap();
    let host = format!("127.0.0.1:{}", parsed.port().unwrap());
    let date = sdk_date();
    let headers = [("Host", host.as_str()), ("X-Sdk-Date", date.as_str())];
    let request = sign::Signable {
        method: "GET",
        path: parsed.path(),
        query: parsed.query().unwrap(),
        headers: &headers,
        body: b"",
    };
    let authorization = sign::authorization(ACCESS_KEY, SECRET_KEY, &date, &request);
    let response = emu
        .client
        .get(&url)
        .header("X-Sdk-Date", &date)
        .header("Authorization", authorization)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let list: Value = response.json().await.unwrap();
    assert_eq!(list["total"], 1, "{list}");
    emu.stop().await;
}
