//! Forwarding mode over real HTTP: a forwarder in front of an emulator
//! standing in for Huawei Cloud's EG and IAM endpoints.

use eg_emulator::forward::Upstreams;
use eg_emulator::{start, start_forward, Forwarding, Limits, Options, Running, Settings};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};
use std::path::Path;
use std::time::Duration;
use tempfile::TempDir;

fn settings(dist: Option<&Path>) -> Settings {
    Settings {
        dist: dist.map(Path::to_owned),
        cors_origins: Vec::new(),
        allowed_hosts: Vec::new(),
        create_delay: Duration::from_millis(100),
        fail_when_name_contains: None,
        enable_faults: false,
        quiet: true,
        connection_quota: eg_emulator::settings::CONNECTION_QUOTA_DEFAULT,
    }
}

struct Pair {
    upstream: Running,
    forwarder: Forwarding,
    upstream_host: String,
    base: String,
    _data: TempDir,
}

async fn pair(dist: Option<&Path>) -> Pair {
    let data = TempDir::new().unwrap();
    let options = Options {
        settings: settings(None),
        data_dir: data.path().to_owned(),
        iam_config: None,
        token_ttl: Duration::from_secs(3600),
        dev_token: None,
        dev_access_key: Some((
            "FWDACCESSKEY".to_owned(),
            "fwd-secret".to_owned(),
            "fwd-project".to_owned(),
        )),
        reset_dev_password: false,
        limits: Limits::default(),
        in_memory: false,
        import: None,
        export_on_exit: None,
        resources: None,
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let upstream = start(options, listener).await.unwrap();
    let upstream_host = upstream.started.addr.to_string();
    let upstreams = Upstreams::eg_and_iam(format!("http://{upstream_host}"), format!("http://{upstream_host}/"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let forwarder = start_forward(settings(dist), upstreams, Limits::default(), listener)
        .await
        .unwrap();
    Pair {
        base: format!("http://{}", forwarder.addr),
        upstream,
        forwarder,
        upstream_host,
        _data: data,
    }
}

impl Pair {
    async fn stop(self) {
        self.forwarder.stop().await.unwrap();
        self.upstream.stop().await.unwrap();
    }
}

/// Sends a request to `url` signed as if for `signing_host`.
async fn signed(method: Method, url: &str, signing_host: &str, body: Option<Value>) -> (StatusCode, Value) {
    use eg_connections::sign;
    let parsed = reqwest::Url::parse(url).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let date = sign::format_date(now);
    let body_text = body.map(|body| body.to_string()).unwrap_or_default();
    let headers = [
        ("Host", signing_host),
        ("X-Sdk-Date", date.as_str()),
        ("Content-Type", "application/json"),
    ];
    let request = sign::Signable {
        method: method.as_str(),
        path: parsed.path(),
        query: parsed.query().unwrap_or_default(),
        headers: &headers,
        body: body_text.as_bytes(),
    };
    let authorization = sign::authorization("FWDACCESSKEY", "fwd-secret", &date, &request);
    let response = Client::new()
        .request(method, url)
        .header("X-Sdk-Date", &date)
        .header("Content-Type", "application/json")
        .header("Authorization", authorization)
        .body(body_text)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn the_api_is_forwarded_with_tokens_and_signatures() {
    let pair = pair(None).await;
    let client = Client::new();

    // IAM through the forwarder: the token comes back in X-Subject-Token.
    let password = pair.upstream.started.password.clone().unwrap();
    let project = pair.upstream.started.user.projects[0].clone();
    let response = client
        .post(format!("{}/v3/auth/tokens", pair.base))
        .json(&json!({"auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": pair.upstream.started.user.name,
                "password": password,
                "domain": {"name": pair.upstream.started.user.domain}}}},
            "scope": {"project": {"name": project.name}}}}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let token = response.headers()["x-subject-token"].to_str().unwrap().to_owned();

    // EG with the token: Huawei's request ID is kept, header and body alike.
    let response = client
        .post(format!("{}/v1/{}/connections", pair.base, project.id))
        .header("X-Auth-Token", &token)
        .json(&json!({"name": "through-1", "type": "WEBHOOK"}))
        .send()
        .await
        .unwrap();
    let header_id = response.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error_code"], "EG.00513000", "{error}");
    assert_eq!(
        error["request_id"],
        header_id.as_str(),
        "the upstream's ID, not a new one"
    );

    let response = client
        .get(format!(
            "{}/v1/{}/connections?limit=1&sort=name:ASC",
            pair.base, project.id
        ))
        .header("X-Auth-Token", &token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);

    // AK/SK signed for the upstream's host passes the forwarder's Host
    // rewrite; signed for the forwarder's own host it cannot.
    let url = format!("{}/v1/fwd-project/connections", pair.base);
    let body = json!({"name": "signed-through", "type": "WEBHOOK",
        "vpc_id": "0b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "subnet_id": "1b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"});
    let (status, created) = signed(Method::POST, &url, &pair.upstream_host, Some(body.clone())).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    assert_eq!(created["name"], "signed-through");
    let own_host = pair.base.trim_start_matches("http://").to_owned();
    let (status, error) = signed(Method::GET, &url, &own_host, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{error}");
    assert_eq!(error["error_code"], "APIGW.0301");
    assert!(
        error["error_msg"]
            .as_str()
            .unwrap()
            .contains("signature does not match"),
        "{error}"
    );

    // The console's configuration names the host to sign for.
    let config: Value = client
        .get(format!("{}/eg-console.json", pair.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(config["mode"], "forward");
    assert_eq!(config["signing_host"], pair.upstream_host.as_str());
    for service in ["eg", "vpc", "dms"] {
        assert_eq!(
            config["signing_hosts"][service],
            pair.upstream_host.as_str(),
            "{service}"
        );
    }

    // VPC's and DMS's lists, AK/SK signed for the hosts announced.
    let vpcs = format!("{}/v1/fwd-project/vpcs", pair.base);
    let (status, listed) = signed(
        Method::GET,
        &vpcs,
        config["signing_hosts"]["vpc"].as_str().unwrap(),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{listed}");
    let vpc_id = listed["vpcs"][0]["id"].as_str().unwrap().to_owned();
    let subnets = format!("{}/v1/fwd-project/subnets?vpc_id={vpc_id}", pair.base);
    let (status, listed) = signed(Method::GET, &subnets, &pair.upstream_host, None).await;
    assert_eq!(status, StatusCode::OK, "{listed}");
    assert!(listed["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["vpc_id"] == vpc_id.as_str()));
    let kafka = format!("{}/v2/fwd-project/instances?engine=kafka&limit=50", pair.base);
    let (status, listed) = signed(
        Method::GET,
        &kafka,
        config["signing_hosts"]["dms"].as_str().unwrap(),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{listed}");
    assert_eq!(listed["instance_num"], 2);

    // The allowlist is exact: other paths under the prefixes go nowhere.
    for path in [
        "/v1/fwd-project/channels",
        "/v1/fwd-project/connections/a/b",
        "/v2/fwd-project/topics",
        "/v1/vpcs",
    ] {
        let response = client.get(format!("{}{path}", pair.base)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        let error: Value = response.json().await.unwrap();
        assert!(
            error["error_msg"].as_str().unwrap().contains("is not forwarded"),
            "{path}: {error}"
        );
    }
    pair.stop().await;
}

#[tokio::test]
async fn the_console_is_served_beside_the_forwarded_api() {
    let dist = TempDir::new().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!doctype html><title>EG</title>").unwrap();
    std::fs::write(dist.path().join("index.html.br"), b"brotli page").unwrap();
    let pair = pair(Some(dist.path())).await;
    let client = Client::new();
    for path in ["/", "/connections/new"] {
        let response = client.get(format!("{}{path}", pair.base)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert!(response.headers().contains_key("content-security-policy"), "{path}");
        let page = response.text().await.unwrap();
        assert!(page.contains("<title>EG</title>"));
        // The page as built: no development helper when forwarding.
        assert!(!page.contains("dev-session"), "{page}");
        // And its precompressed twin when the browser takes brotli.
        let compressed = client
            .get(format!("{}{path}", pair.base))
            .header("Accept-Encoding", "br")
            .send()
            .await
            .unwrap();
        assert_eq!(compressed.headers()["content-encoding"], "br", "{path}");
        assert_eq!(compressed.bytes().await.unwrap(), &b"brotli page"[..]);
    }
    pair.stop().await;
}

#[tokio::test]
async fn an_unreachable_upstream_is_a_502_that_says_so() {
    // A port that was free a moment ago: nothing listens there.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let closed_addr = closed.local_addr().unwrap();
    drop(closed);
    let upstreams = Upstreams::eg_and_iam(format!("http://{closed_addr}"), format!("http://{closed_addr}"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let forwarder = start_forward(settings(None), upstreams, Limits::default(), listener)
        .await
        .unwrap();
    let response = Client::new()
        .get(format!("http://{}/v1/p/connections", forwarder.addr))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_GATEWAY);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error_code"], "EG.00015000");
    let message = error["error_msg"].as_str().unwrap();
    assert!(message.contains("could not connect"), "{message}");
    assert!(message.contains(&closed_addr.to_string()), "{message}");
    forwarder.stop().await.unwrap();
}

#[test]
fn each_path_goes_to_its_service() {
    use eg_emulator::forward::Service;
    for (path, service) in [
        ("/v1/p/connections", Some(Service::Eg)),
        ("/v1/p/connections/c-1", Some(Service::Eg)),
        ("/v1/p/quotas", Some(Service::Eg)),
        ("/v1/p/vpcs", Some(Service::Vpc)),
        ("/v1/p/subnets", Some(Service::Vpc)),
        ("/v2/p/instances", Some(Service::Dms)),
        ("/v3/auth/tokens", Some(Service::Iam)),
        ("/v3.0/OS-CREDENTIAL/securitytokens", Some(Service::Iam)),
        ("/v1/p/vpcs/v-1", None),
        ("/v1//vpcs", None),
        ("/v2/p/instances/i-1/topics", None),
        ("/v1/p/connections/", None),
    ] {
        assert_eq!(Service::of(path), service, "{path}");
    }
}

#[test]
fn region_endpoints() {
    let upstreams = Upstreams::for_region("cn-north-4");
    assert_eq!(upstreams.eg, "https://eg.cn-north-4.myhuaweicloud.com");
    assert_eq!(upstreams.iam, "https://iam.cn-north-4.myhuaweicloud.com");
    assert_eq!(upstreams.vpc, "https://vpc.cn-north-4.myhuaweicloud.com");
    assert_eq!(upstreams.dms, "https://dms.cn-north-4.myhuaweicloud.com");
    assert_eq!(upstreams.eg_host(), "eg.cn-north-4.myhuaweicloud.com");
    assert_eq!(
        Upstreams::for_region("eu-west-101").eg,
        "https://eg.eu-west-101.myhuaweicloud.eu"
    );
}
