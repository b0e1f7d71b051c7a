//! The emulator over real HTTP on a loopback port: every endpoint, every
//! error code, tokens, persistence, faults and concurrency.

use eg_emulator::{start, Limits, Options, Running, Settings};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tempfile::TempDir;

struct Emulator {
    running: Option<Running>,
    base: String,
    token: String,
    project: String,
    client: Client,
}

fn settings() -> Settings {
    Settings {
        dist: None,
        cors_origins: Vec::new(),
        allowed_hosts: Vec::new(),
        create_delay: Duration::from_millis(300),
        fail_when_name_contains: Some("fail-me".to_owned()),
        enable_faults: true,
        quiet: true,
        // The concurrency test creates 1,000 connections in one project.
        connection_quota: 10_000,
    }
}

fn options(data: &Path) -> Options {
    Options {
        settings: settings(),
        data_dir: data.to_owned(),
        iam_config: None,
        token_ttl: Duration::from_secs(3600),
        dev_token: Some(("fixed-dev-token".to_owned(), "other-project".to_owned())),
        dev_access_key: Some((
            "FIXEDDEVACCESSKEY0001".to_owned(),
            "fixed-dev-secret".to_owned(),
            "other-project".to_owned(),
        )),
        reset_dev_password: false,
        limits: Limits::default(),
        in_memory: false,
        import: None,
        export_on_exit: None,
        resources: None,
    }
}

impl Emulator {
    async fn start(options: Options) -> Emulator {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let running = start(options, listener).await.expect("emulator starts");
        let started = running.started.clone();
        Emulator {
            base: format!("http://{}", started.addr),
            token: started.token.clone(),
            project: started.user.projects[0].id.clone(),
            running: Some(running),
            client: Client::new(),
        }
    }

    async fn stop(mut self) {
        self.running.take().unwrap().stop().await.unwrap();
    }

    fn connections(&self) -> String {
        format!("{}/v1/{}/connections", self.base, self.project)
    }

    async fn call(
        &self,
        method: Method,
        url: &str,
        body: Option<Value>,
    ) -> (StatusCode, reqwest::header::HeaderMap, Value) {
        let mut request = self.client.request(method, url).header("X-Auth-Token", &self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request completes");
        let (status, headers) = (response.status(), response.headers().clone());
        let text = response.text().await.unwrap();
        let value = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        (status, headers, value)
    }

    /// Waits until the connection at `url` is no longer CREATING.
    async fn until_created(&self, url: &str) {
        for _ in 0..100 {
            let (_, _, shown) = self.call(Method::GET, url, None).await;
            if shown["status"] != "CREATING" {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{url} stayed CREATING");
    }

    async fn create(&self, body: Value) -> (StatusCode, Value) {
        let (status, _, value) = self.call(Method::POST, &self.connections(), Some(body)).await;
        (status, value)
    }
}

fn webhook(name: &str) -> Value {
    json!({"name": name, "vpc_id": "vpc-1", "subnet_id": "subnet-1"})
}

async fn started() -> (TempDir, Emulator) {
    let data = TempDir::new().unwrap();
    let emulator = Emulator::start(options(data.path())).await;
    (data, emulator)
}

#[tokio::test]
async fn create_then_becomes_created() {
    let (_data, emu) = started().await;
    let (status, headers, created) = emu.call(Method::POST, &emu.connections(), Some(webhook("c1"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap()
        .ends_with("-eg-emulator"));
    assert_eq!(created["status"], "CREATING");
    assert_eq!(created["type"], "WEBHOOK");
    assert_eq!(created["agency"], "EG_TRUST");
    assert_eq!(created["flavor"]["concurrency_type"], "shared");
    let created_time = created["created_time"].as_str().unwrap();
    assert_eq!(created_time.len(), "2023-02-10 03:46:42".len());
    assert_eq!(&created_time[10..11], " ");
    let id = created["id"].as_str().unwrap();
    tokio::time::sleep(Duration::from_millis(400)).await;
    let (status, _, shown) = emu
        .call(Method::GET, &format!("{}/{id}", emu.connections()), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(shown["status"], "CREATED");
    assert!(shown.get("error_info").is_none());
    emu.stop().await;
}

#[tokio::test]
async fn failure_rule_ends_in_create_failed() {
    let (_data, emu) = started().await;
    let (_, created) = emu.create(webhook("please-fail-me")).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let (_, _, shown) = emu
        .call(
            Method::GET,
            &format!("{}/{}", emu.connections(), created["id"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(shown["status"], "CREATE_FAILED");
    assert!(!shown["error_info"]["error_msg"].as_str().unwrap().is_empty());
    emu.stop().await;
}

#[tokio::test]
async fn kafka_password_is_neither_echoed_nor_stored() {
    let (data, emu) = started().await;
    let body = json!({
        "name": "k1", "vpc_id": "v", "subnet_id": "s", "type": "kafka",
        "kafka_detail": {"instance_id": "i", "addr": "10.0.0.1:9092", "enable_sasl_ssl": true,
                          "user_name": "alice", "password": "TopSecret-42"}
    });
    let (status, created) = emu.create(body).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    assert_eq!(created["type"], "KAFKA");
    assert_eq!(created["kafka_detail"]["acks"], "1");
    assert_eq!(created["kafka_detail"]["user_name"], "alice");
    assert!(created["kafka_detail"].get("password").is_none());
    emu.stop().await;
    for entry in std::fs::read_dir(data.path()).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        assert!(!text.contains("TopSecret-42"));
    }
}

#[tokio::test]
async fn validation_and_duplicate_names() {
    let (_data, emu) = started().await;
    let (status, error) = emu
        .create(json!({"name": ".x", "vpc_id": "", "subnet_id": "s", "vpcId": 1}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["error_code"], "EG.00513000");
    let details: Vec<String> = error["error_details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}:{}",
                d["path"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join("."),
                d["code"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        details,
        [":unrecognized_keys", "name:invalid_format", "vpc_id:required"]
    );
    assert!(error["request_id"].as_str().unwrap().ends_with("-eg-emulator"));

    assert_eq!(emu.create(webhook("dup")).await.0, StatusCode::OK);
    let (status, error) = emu.create(webhook("dup")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["error_code"], "EG.00513001");
    assert_eq!(error["error_details"][0]["path"], json!(["name"]));
    emu.stop().await;
}

#[tokio::test]
async fn malformed_bodies_get_eg_errors() {
    let (_data, emu) = started().await;
    let send = |body: Vec<u8>, content_type: &'static str| {
        emu.client
            .post(emu.connections())
            .header("X-Auth-Token", &emu.token)
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let response = send(b"{not json".to_vec(), "application/json").await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.headers().contains_key("x-request-id"));
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error_code"], "EG.00014000");
    assert!(error["error_msg"].as_str().unwrap().contains("not valid JSON"));

    let response = send(serde_json::to_vec(&webhook("x")).unwrap(), "text/plain")
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.json::<Value>().await.unwrap()["error_msg"]
        .as_str()
        .unwrap()
        .contains("Content-Type"));

    let huge = format!("{{\"name\": \"{}\"}}", "x".repeat(70 * 1024));
    let response = send(huge.into_bytes(), "application/json").await.unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(response.json::<Value>().await.unwrap()["error_code"], "EG.00014000");

    // A string escaping an unpaired surrogate is JSON, but not Unicode text:
    // the issue at its field, as the npm validator reports it, not a parse error.
    let body = br#"{"name": "n", "vpc_id": "vpc-\ud800", "subnet_id": "s", "description": "ok", "x\udc00": 1}"#;
    let response = send(body.to_vec(), "application/json").await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error_code"], "EG.00513000");
    let details = error["error_details"].as_array().unwrap();
    assert_eq!(details[0]["message"], "Unknown property \"x\u{FFFD}\"");
    assert_eq!(details[1]["path"], json!(["vpc_id"]));
    assert_eq!(details[1]["code"], "invalid_format");
    assert_eq!(
        details[1]["message"],
        "VPC ID is not valid Unicode text: character 5 is an unpaired UTF-16 surrogate"
    );

    // The server is still fine afterwards.
    assert_eq!(emu.create(webhook("after")).await.0, StatusCode::OK);
    emu.stop().await;
}

#[tokio::test]
async fn list_paging_sorting_and_search() {
    let (_data, emu) = started().await;
    for name in ["alpha", "beta", "gamma", "alphabet", "delta"] {
        assert_eq!(emu.create(webhook(name)).await.0, StatusCode::OK);
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let emu = &emu;
    let list = |query: &'static str| {
        let url = format!("{}{query}", emu.connections());
        async move { emu.call(Method::GET, &url, None).await }
    };
    let names = |value: &Value| -> Vec<String> {
        value["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let (_, _, all) = list("").await;
    assert_eq!((all["total"].as_u64(), all["size"].as_u64()), (Some(5), Some(5)));
    assert_eq!(
        names(&all),
        ["delta", "alphabet", "gamma", "beta", "alpha"],
        "default created_time:DESC"
    );
    let (_, _, page) = list("?sort=name:ASC&limit=2&offset=2").await;
    assert_eq!(names(&page), ["beta", "delta"]);
    assert_eq!((page["total"].as_u64(), page["size"].as_u64()), (Some(5), Some(2)));
    let (_, _, exact) = list("?name=alpha").await;
    assert_eq!(names(&exact), ["alpha"]);
    let (_, _, fuzzy) = list("?fuzzy_name=alph&sort=name:ASC").await;
    assert_eq!(names(&fuzzy), ["alpha", "alphabet"]);
    let (_, _, past_end) = list("?offset=100").await;
    assert_eq!(
        (past_end["total"].as_u64(), past_end["size"].as_u64()),
        (Some(5), Some(0))
    );
    for bad in [
        "?limit=0",
        "?limit=1001",
        "?offset=-1",
        "?sort=id:ASC",
        "?sort=name:UP",
        "?limit=x",
    ] {
        let url = format!("{}{bad}", emu.connections());
        let (status, _, error) = emu.call(Method::GET, &url, None).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(error["error_code"], "EG.00014000", "{bad}");
    }
    let (status, _, _) = list("?limit=1000").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn show_update_delete() {
    let (_data, emu) = started().await;
    let (_, created) = emu.create(webhook("c")).await;
    let url = format!("{}/{}", emu.connections(), created["id"].as_str().unwrap());
    let (status, _, updated) = emu
        .call(Method::PUT, &url, Some(json!({"description": "new text"})))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(updated["description"], "new text");
    let (status, _, error) = emu
        .call(Method::PUT, &url, Some(json!({"description": "x", "name": "renamed"})))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["error_code"], "EG.00513000");
    let (status, _, error) = emu
        .call(Method::PUT, &url, Some(json!({"description": "d".repeat(256)})))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["error_details"][0]["code"], "too_big");

    // Still CREATING: EG's "resource not modified" (EG.00514004, 403).
    let (status, _, error) = emu.call(Method::DELETE, &url, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{error}");
    assert_eq!(error["error_code"], "EG.00514004");
    assert!(
        error["error_msg"].as_str().unwrap().contains("still CREATING"),
        "{error}"
    );
    emu.until_created(&url).await;
    let (status, headers, body) = emu.call(Method::DELETE, &url, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(body, Value::Null);
    assert!(headers.contains_key("x-request-id"));
    for method in [Method::GET, Method::PUT, Method::DELETE] {
        let body = (method == Method::PUT).then(|| json!({"description": "x"}));
        let (status, _, error) = emu.call(method.clone(), &url, body).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{method}");
        assert_eq!(error["error_code"], "EG.00014040");
    }
    let (status, _, error) = emu
        .call(Method::GET, &format!("{}/v1/x/nothing/here", emu.base), None)
        .await;
    assert_eq!(
        (status, error["error_code"].as_str()),
        (StatusCode::NOT_FOUND, Some("EG.00014040"))
    );
    emu.stop().await;
}

#[tokio::test]
async fn tokens_and_tenancy() {
    let data = TempDir::new().unwrap();
    // The older file format, passwords in plain text: hashed on start.
    let config = json!({"users": [
        {"name": "alice", "password": "pw-a", "domain": "d", "projects": [{"id": "p-alice", "name": "cn-north-4"}]},
        {"name": "bob", "password": "pw-b", "domain": "d", "projects": [{"id": "p-bob", "name": "cn-east-3"}]},
    ]});
    let config_path: PathBuf = data.path().join("users.json");
    std::fs::write(&config_path, serde_json::to_vec(&config).unwrap()).unwrap();
    let mut opts = options(data.path());
    opts.iam_config = Some(config_path.clone());
    opts.token_ttl = Duration::from_millis(1500);
    let emu = Emulator::start(opts).await;
    let saved = std::fs::read_to_string(&config_path).unwrap();
    assert!(!saved.contains("pw-a") && !saved.contains("\"password\""), "{saved}");
    assert_eq!(saved.matches("$argon2id$").count(), 2);
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&config_path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the users file is the owner's only");
    }
    let client = &emu.client;
    let sign_in = |user: &str, password: &str, project: Value| {
        client
            .post(format!("{}/v3/auth/tokens", emu.base))
            .json(&json!({"auth": {
                "identity": {"methods": ["password"], "password": {"user": {"name": user, "password": password, "domain": {"name": "d"}}}},
                "scope": {"project": project}
            }}))
            .send()
    };
    let response = sign_in("bob", "pw-b", json!({"name": "cn-east-3"})).await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let bob = response.headers()["x-subject-token"].to_str().unwrap().to_owned();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["token"]["project"]["id"], "p-bob");
    for (user, password, project) in [
        ("bob", "wrong", json!({"id": "p-bob"})),
        ("bob", "pw-b", json!({"id": "p-alice"})),
        ("eve", "x", json!({"id": "p-bob"})),
    ] {
        assert_eq!(
            sign_in(user, password, project).await.unwrap().status(),
            StatusCode::UNAUTHORIZED
        );
    }

    let list = |project: &str, token: Option<&str>| {
        let mut request = client.get(format!("{}/v1/{project}/connections", emu.base));
        if let Some(token) = token {
            request = request.header("X-Auth-Token", token);
        }
        request.send()
    };
    assert_eq!(list("p-bob", Some(&bob)).await.unwrap().status(), StatusCode::OK);
    let forbidden = list("p-alice", Some(&bob)).await.unwrap();
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
    let error: Value = forbidden.json().await.unwrap();
    assert_eq!(error["error_code"], "EG.00014030");
    assert!(error["error_msg"].as_str().unwrap().contains("eg:connections:list"));
    for token in [None, Some("made-up"), Some("")] {
        let response = list("p-bob", token).await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{token:?}");
        assert_eq!(response.json::<Value>().await.unwrap()["error_code"], "EG.00014010");
    }
    // The fixed development token never expires and is scoped to its project.
    assert_eq!(
        list("other-project", Some("fixed-dev-token")).await.unwrap().status(),
        StatusCode::OK
    );
    assert_eq!(
        list("p-bob", Some("fixed-dev-token")).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    // Expiry.
    tokio::time::sleep(Duration::from_millis(1600)).await;
    let expired = list("p-bob", Some(&bob)).await.unwrap();
    assert_eq!(expired.status(), StatusCode::UNAUTHORIZED);
    assert!(expired.json::<Value>().await.unwrap()["error_msg"]
        .as_str()
        .unwrap()
        .contains("expired"));
    assert_eq!(
        list("other-project", Some("fixed-dev-token")).await.unwrap().status(),
        StatusCode::OK
    );
    emu.stop().await;
}

#[tokio::test]
async fn state_survives_restart() {
    let data = TempDir::new().unwrap();
    let emu = Emulator::start(options(data.path())).await;
    let (_, kept) = emu.create(webhook("kept")).await;
    let (_, gone) = emu.create(webhook("gone")).await;
    let gone_url = format!("{}/{}", emu.connections(), gone["id"].as_str().unwrap());
    emu.until_created(&gone_url).await;
    assert_eq!(
        emu.call(Method::DELETE, &gone_url, None).await.0,
        StatusCode::NO_CONTENT
    );
    let project = emu.project.clone();
    emu.stop().await;

    let emu = Emulator::start(options(data.path())).await;
    assert_eq!(emu.project, project, "the IAM config persists too");
    let (_, _, list) = emu.call(Method::GET, &emu.connections(), None).await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], kept["id"]);
    // Names stay unique across restarts.
    assert_eq!(emu.create(webhook("kept")).await.1["error_code"], "EG.00513001");
    assert_eq!(emu.create(webhook("gone")).await.0, StatusCode::OK);
    emu.stop().await;
}

/// A connection in the old store's JSON.
fn old_connection(project: &str, id: &str, name: &str, created_ms: u64) -> Value {
    json!({"project_id": project, "id": id, "name": name, "description": "", "vpc_id": "v", "subnet_id": "s",
           "connection_type": "WEBHOOK", "kafka_detail": null, "created_ms": created_ms, "ready_ms": created_ms,
           "updated_ms": created_ms, "fails": false})
}

#[tokio::test]
async fn the_old_log_format_is_imported_once_and_kept() {
    let data = TempDir::new().unwrap();
    // Start once for the IAM file and the project, then write an old-format
    // data set beside it: a snapshot, a log (a put, a delete, a duplicate
    // name the old store could write with two processes) and a torn last line.
    let emu = Emulator::start(options(data.path())).await;
    let project = emu.project.clone();
    emu.stop().await;
    for file in ["connections.db", "connections.db-wal", "connections.db-shm"] {
        let _ = std::fs::remove_file(data.path().join(file));
    }
    let snapshot = json!([
        old_connection(&project, "id-a", "alpha", 1),
        old_connection(&project, "id-b", "beta", 2)
    ]);
    std::fs::write(data.path().join("connections.json"), snapshot.to_string()).unwrap();
    let log = [
        json!({"op": "put", "connection": old_connection(&project, "id-c", "gamma", 3)}).to_string(),
        json!({"op": "delete", "project_id": project, "id": "id-b"}).to_string(),
        json!({"op": "put", "connection": old_connection(&project, "id-d", "alpha", 4)}).to_string(),
        r#"{"op":"put","connection":{"project_id":"#.to_owned(),
    ];
    std::fs::write(data.path().join("connections.log"), log.join("\n")).unwrap();

    let emu = Emulator::start(options(data.path())).await;
    let (_, _, list) = emu
        .call(
            Method::GET,
            &format!("{}?sort=created_time:ASC", emu.connections()),
            None,
        )
        .await;
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["alpha", "gamma", "alpha-2"],
        "nothing lost, the duplicate renamed"
    );
    for file in ["connections.json", "connections.log"] {
        assert!(!data.path().join(file).exists());
        assert!(
            data.path().join(format!("{file}.imported")).exists(),
            "{file} is kept, renamed"
        );
    }
    // A change after the import is not undone by importing again.
    let gamma = format!("{}/id-c", emu.connections());
    assert_eq!(emu.call(Method::DELETE, &gamma, None).await.0, StatusCode::NO_CONTENT);
    emu.stop().await;
    let emu = Emulator::start(options(data.path())).await;
    assert_eq!(emu.call(Method::GET, &emu.connections(), None).await.2["total"], 2);
    emu.stop().await;

    // A corrupt line in the middle of an old log is refused, not dropped.
    let other = TempDir::new().unwrap();
    std::fs::write(
        other.path().join("connections.log"),
        "garbage\n{\"op\":\"delete\",\"project_id\":\"p\",\"id\":\"x\"}\n",
    )
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let error = start(options(other.path()), listener)
        .await
        .err()
        .expect("damage is reported");
    assert!(error.to_string().contains("line 1"), "{error}");
}

#[tokio::test]
async fn a_damaged_or_hand_edited_database_is_refused() {
    let data = TempDir::new().unwrap();
    let emu = Emulator::start(options(data.path())).await;
    assert_eq!(emu.create(webhook("fine")).await.0, StatusCode::OK);
    emu.stop().await;
    let database = data.path().join("connections.db");

    // A name the rules refuse, written around the emulator.
    let connection = rusqlite::Connection::open(&database).unwrap();
    connection
        .execute("UPDATE connections SET name = 'not fine'", [])
        .unwrap();
    drop(connection);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let error = start(options(data.path()), listener)
        .await
        .err()
        .expect("a bad row is refused");
    let message = error.to_string();
    assert!(
        message.contains("connections.db") && message.contains("Name may contain only"),
        "{message}"
    );

    // Bytes overwritten in the middle of the file.
    let mut bytes = std::fs::read(&database).unwrap();
    let middle = bytes.len() / 2;
    for byte in &mut bytes[middle..] {
        *byte = 0xA5;
    }
    std::fs::write(&database, bytes).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let error = start(options(data.path()), listener)
        .await
        .err()
        .expect("damage is refused");
    assert!(error.to_string().contains("is damaged"), "{error}");
}

#[tokio::test]
async fn one_emulator_per_data_directory() {
    let data = TempDir::new().unwrap();
    let first = Emulator::start(options(data.path())).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let error = start(options(data.path()), listener)
        .await
        .err()
        .expect("a second one is refused");
    let message = error.to_string();
    assert!(message.contains(&data.path().display().to_string()), "{message}");
    assert!(
        message.contains(&format!("process {}", std::process::id())),
        "{message}"
    );
    first.stop().await;
    // Once the first is gone, the directory is free.
    Emulator::start(options(data.path())).await.stop().await;
}

#[tokio::test]
async fn faults_on_demand() {
    let (_data, emu) = started().await;
    let fault = |body: Value| {
        emu.client
            .post(format!("{}/emulator/faults", emu.base))
            .json(&body)
            .send()
    };
    assert_eq!(
        fault(
            json!({"kind": "status", "status": 500, "body": "{\"error_code\":\"EG.00015000\",\"error_msg\":\"boom\"}"})
        )
        .await
        .unwrap()
        .status(),
        StatusCode::NO_CONTENT
    );
    let (status, _, body) = emu.call(Method::GET, &emu.connections(), None).await;
    assert_eq!(
        (status, body["error_code"].as_str()),
        (StatusCode::INTERNAL_SERVER_ERROR, Some("EG.00015000"))
    );
    assert_eq!(
        emu.call(Method::GET, &emu.connections(), None).await.0,
        StatusCode::OK,
        "one use only"
    );

    fault(json!({"kind": "non_json", "count": 2})).await.unwrap();
    for _ in 0..2 {
        let (status, _, body) = emu.call(Method::GET, &emu.connections(), None).await;
        assert_eq!(status, StatusCode::BAD_GATEWAY);
        assert!(body.as_str().unwrap().contains("<html>"));
    }

    fault(json!({"kind": "drop"})).await.unwrap();
    let dropped = emu
        .client
        .get(emu.connections())
        .header("X-Auth-Token", &emu.token)
        .send()
        .await;
    let body_lost = match dropped {
        Err(_) => true,
        Ok(response) => response.text().await.is_err(),
    };
    assert!(body_lost, "the connection is cut before the body ends");

    fault(json!({"kind": "latency", "ms": 3000})).await.unwrap();
    let slow = emu
        .client
        .get(emu.connections())
        .header("X-Auth-Token", &emu.token)
        .timeout(Duration::from_millis(300))
        .send()
        .await;
    assert!(slow.unwrap_err().is_timeout());
    assert_eq!(
        emu.call(Method::GET, &emu.connections(), None).await.0,
        StatusCode::OK,
        "then requests succeed"
    );

    fault(json!({"kind": "status", "status": 503, "count": 5}))
        .await
        .unwrap();
    let pending: Value = emu
        .client
        .get(format!("{}/emulator/faults", emu.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(pending[0]["count"], 5);
    assert_eq!(
        emu.client
            .delete(format!("{}/emulator/faults", emu.base))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(emu.call(Method::GET, &emu.connections(), None).await.0, StatusCode::OK);
    emu.stop().await;
}

#[tokio::test]
async fn faults_are_off_by_default() {
    let data = TempDir::new().unwrap();
    let mut opts = options(data.path());
    opts.settings.enable_faults = false;
    let emu = Emulator::start(opts).await;
    let response = emu
        .client
        .post(format!("{}/emulator/faults", emu.base))
        .json(&json!({"kind": "drop"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(emu.call(Method::GET, &emu.connections(), None).await.0, StatusCode::OK);
    emu.stop().await;
}

#[tokio::test]
async fn serves_the_console_with_spa_fallback_and_optional_cors() {
    let data = TempDir::new().unwrap();
    let dist = TempDir::new().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!doctype html><title>console</title>").unwrap();
    std::fs::write(dist.path().join("app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dist.path().join("app.js"), "export {}").unwrap();
    let mut opts = options(data.path());
    opts.settings.dist = Some(dist.path().to_owned());
    opts.settings.cors_origins = vec!["http://127.0.0.1:8080".to_owned()];
    let emu = Emulator::start(opts).await;
    let get = |path: &'static str| emu.client.get(format!("{}{path}", emu.base)).send();
    let wasm = get("/app_bg.wasm").await.unwrap();
    assert_eq!(wasm.headers()["content-type"], "application/wasm");
    assert!(get("/app.js").await.unwrap().headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("javascript"));
    for route in ["/", "/connections/abc"] {
        let page = get(route).await.unwrap();
        assert_eq!(page.status(), StatusCode::OK, "{route}");
        assert!(page.text().await.unwrap().contains("<title>console</title>"));
    }
    assert_eq!(get("/missing.js").await.unwrap().status(), StatusCode::NOT_FOUND);

    let preflight = |origin: &'static str| {
        emu.client
            .request(Method::OPTIONS, emu.connections())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type,x-auth-token")
            .send()
    };
    let allowed = preflight("http://127.0.0.1:8080").await.unwrap();
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "http://127.0.0.1:8080"
    );
    let other = preflight("http://evil.example").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
    emu.stop().await;
}

#[tokio::test]
async fn console_files_stay_inside_dist_with_security_headers() {
    let data = TempDir::new().unwrap();
    let root = TempDir::new().unwrap();
    let dist = root.path().join("dist");
    std::fs::create_dir(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        r#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'; object-src 'none'" /><title>console</title>"#,
    )
    .unwrap();
    std::fs::write(dist.join("app-0123456789abcdef.js"), "export {}").unwrap();
    std::fs::write(root.path().join("outside.txt"), "secret").unwrap();
    std::os::unix::fs::symlink(root.path().join("outside.txt"), dist.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink("/etc", dist.join("etc")).unwrap();
    std::fs::create_dir(dist.join("snippets")).unwrap();
    let mut opts = options(data.path());
    opts.settings.dist = Some(dist.clone());
    let emu = Emulator::start(opts).await;
    let client = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let get = |path: &'static str| client.get(format!("{}{path}", emu.base)).send();

    for escape in [
        "/leak.txt",
        "/etc/passwd",
        "/etc/hostname",
        "/%2e%2e/outside.txt",
        "/snippets/..%2f..%2foutside.txt",
    ] {
        let response = get(escape).await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{escape}");
        assert!(!response.text().await.unwrap().contains("secret"), "{escape}");
    }
    for path in ["//snippets", "//evil.example/", "/snippets", "/snippets/"] {
        let response = get(path).await.unwrap();
        assert!(response.headers().get("location").is_none(), "{path} redirects");
        assert!(!response.status().is_redirection(), "{path}");
    }
    let page = get("/").await.unwrap();
    let headers = page.headers().clone();
    assert_eq!(
        headers["content-security-policy"],
        "default-src 'self'; object-src 'none'; frame-ancestors 'none'"
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["cache-control"], "no-cache");
    let asset = get("/app-0123456789abcdef.js").await.unwrap();
    assert_eq!(asset.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(asset.headers()["x-content-type-options"], "nosniff");
    emu.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_idle_clients_do_not_hold_up_others() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let data = TempDir::new().unwrap();
    let mut opts = options(data.path());
    opts.limits.header_timeout = Duration::from_secs(2);
    let emu = Emulator::start(opts).await;
    let address = emu.base.trim_start_matches("http://").to_owned();
    let mut idle = Vec::new();
    for _ in 0..200 {
        idle.push(tokio::net::TcpStream::connect(&address).await.unwrap());
    }
    // Slowloris: a header line dribbled a byte at a time.
    let mut slow = Vec::new();
    for _ in 0..200 {
        let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
        stream
            .write_all(b"GET /emulator/health HTTP/1.1\r\nX-A: ")
            .await
            .unwrap();
        slow.push(stream);
    }
    let dribble = tokio::spawn(async move {
        for _ in 0..10 {
            for stream in &mut slow {
                let _ = stream.write_all(b"a").await;
            }
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        slow
    });
    for _ in 0..5 {
        let started = std::time::Instant::now();
        let response = emu
            .client
            .get(format!("{}/emulator/health", emu.base))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "served in {:?}",
            started.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // The header deadline closes idle and slow connections alike.
    let mut byte = [0u8; 1];
    let closed = tokio::time::timeout(Duration::from_secs(5), idle[0].read(&mut byte)).await;
    assert!(
        matches!(closed, Ok(Ok(0)) | Ok(Err(_))),
        "an idle connection is closed: {closed:?}"
    );
    let mut slow = dribble.await.unwrap();
    let mut response = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), slow[0].read_to_end(&mut response)).await;
    assert!(
        !String::from_utf8_lossy(&response).contains("200 OK"),
        "a slowloris header is never served"
    );
    emu.stop().await;
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_user() {
    let (_data, emu) = started().await;
    let listener_user = emu.running.as_ref().unwrap().started.user.clone();
    let password = emu.running.as_ref().unwrap().started.password.clone().unwrap();
    let sign_in = |password: String| {
        emu.client
            .post(format!("{}/v3/auth/tokens", emu.base))
            .json(&json!({"auth": {
                "identity": {"methods": ["password"], "password": {"user": {
                    "name": listener_user.name, "password": password, "domain": {"name": listener_user.domain}}}},
                "scope": {"project": {"id": listener_user.projects[0].id}}
            }}))
            .send()
    };
    for _ in 0..4 {
        assert_eq!(
            sign_in("wrong".into()).await.unwrap().status(),
            StatusCode::UNAUTHORIZED
        );
    }
    // A right password resets the count.
    assert_eq!(sign_in(password.clone()).await.unwrap().status(), StatusCode::CREATED);
    for _ in 0..5 {
        let response = sign_in("wrong".into()).await.unwrap();
        let body: Value = response.json().await.unwrap();
        assert_eq!(
            body["error"]["message"],
            "The username, password, domain or project is wrong."
        );
    }
    // Locked: even the right password is refused, as IAM refuses a locked account.
    let locked = sign_in(password).await.unwrap();
    assert_eq!(locked.status(), StatusCode::UNAUTHORIZED);
    let body: Value = locked.json().await.unwrap();
    assert_eq!(body["error"]["message"], "The account is locked.");
    assert_eq!(body["error"]["code"], 401);
    emu.stop().await;
}

#[tokio::test]
async fn no_cors_by_default() {
    let (_data, emu) = started().await;
    let response = emu
        .client
        .get(emu.connections())
        .header("X-Auth-Token", &emu.token)
        .header("Origin", "http://127.0.0.1:8080")
        .send()
        .await
        .unwrap();
    assert!(response.headers().get("access-control-allow-origin").is_none());
    emu.stop().await;
}

/// 2,000 creates from 50 tasks, every name tried twice: exactly one winner
/// per name, and nothing lost after a restart.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_creates_keep_names_unique_and_nothing_is_lost() {
    let data = TempDir::new().unwrap();
    let emu = Emulator::start(options(data.path())).await;
    let (url, token) = (emu.connections(), emu.token.clone());
    let mut tasks = Vec::new();
    for task in 0..50 {
        let (client, url, token) = (emu.client.clone(), url.clone(), token.clone());
        tasks.push(tokio::spawn(async move {
            let mut outcomes = Vec::new();
            for i in 0..40 {
                // Tasks 2k and 2k+1 try the same 40 names.
                let name = format!("n-{}-{i}", task / 2);
                let response = client
                    .post(&url)
                    .header("X-Auth-Token", &token)
                    .json(&webhook(&name))
                    .send()
                    .await
                    .unwrap();
                let status = response.status();
                let body: Value = response.json().await.unwrap();
                outcomes.push((name, status, body["error_code"].as_str().map(str::to_owned)));
            }
            outcomes
        }));
    }
    let mut winners = std::collections::HashMap::new();
    let mut duplicates = 0;
    for task in tasks {
        for (name, status, code) in task.await.unwrap() {
            match status {
                StatusCode::OK => *winners.entry(name).or_insert(0) += 1,
                StatusCode::BAD_REQUEST if code.as_deref() == Some("EG.00513001") => duplicates += 1,
                other => panic!("unexpected {other} {code:?}"),
            }
        }
    }
    assert_eq!(winners.len(), 1000);
    assert!(winners.values().all(|wins| *wins == 1));
    assert_eq!(duplicates, 1000);
    emu.stop().await;

    let emu = Emulator::start(options(data.path())).await;
    let (_, _, list) = emu
        .call(Method::GET, &format!("{}?limit=1000", emu.connections()), None)
        .await;
    assert_eq!(list["total"], 1000);
    emu.stop().await;
}

/// A request signed with the crate's signer (`SDK-HMAC-SHA256`), as an SDK
/// signs it; `tamper` may change the body after signing.
async fn signed(
    emu: &Emulator,
    method: Method,
    url: &str,
    body: Option<Value>,
    key: (&str, &str),
    date: &str,
    tamper: Option<Value>,
) -> (StatusCode, Value) {
    use eg_connections::sign;
    let parsed = reqwest::Url::parse(url).unwrap();
    let host = format!("{}:{}", parsed.host_str().unwrap(), parsed.port().unwrap());
    let body_text = body.map(|body| body.to_string()).unwrap_or_default();
    let mut headers = vec![("Host", host.as_str()), ("X-Sdk-Date", date)];
    if !body_text.is_empty() {
        headers.push(("Content-Type", "application/json"));
    }
    let request = sign::Signable {
        method: method.as_str(),
        path: parsed.path(),
        query: parsed.query().unwrap_or_default(),
        headers: &headers,
        body: body_text.as_bytes(),
    };
    let authorization = sign::authorization(key.0, key.1, date, &request);
    let sent_body = tamper.map(|body| body.to_string()).unwrap_or(body_text.clone());
    let mut builder = emu
        .client
        .request(method, url)
        .header("X-Sdk-Date", date)
        .header("Authorization", authorization);
    if !body_text.is_empty() {
        builder = builder.header("Content-Type", "application/json").body(sent_body);
    }
    let response = builder.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

fn sdk_date(offset_seconds: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    eg_connections::sign::format_date(now + offset_seconds)
}

#[tokio::test]
async fn signed_requests_are_verified_as_the_gateway_does() {
    let (_data, emu) = started().await;
    let key = ("FIXEDDEVACCESSKEY0001", "fixed-dev-secret");
    let url = format!("{}/v1/other-project/connections", emu.base);
    let body = webhook("signed-1");
    let (status, created) = signed(&emu, Method::POST, &url, Some(body.clone()), key, &sdk_date(0), None).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    let (status, list) = signed(
        &emu,
        Method::GET,
        &format!("{url}?limit=5&fuzzy_name=signed%201&sort=name:ASC"),
        None,
        key,
        &sdk_date(0),
        None,
    )
    .await;
    assert_eq!(
        (status, list["total"].as_u64()),
        (StatusCode::OK, Some(0)),
        "a query signed and sent alike"
    );

    let refusals = [
        (
            "a wrong secret key",
            ("FIXEDDEVACCESSKEY0001", "not-the-secret"),
            sdk_date(0),
            None,
            "signature does not match",
        ),
        (
            "a body changed after signing",
            key,
            sdk_date(0),
            Some(webhook("tampered")),
            "signature does not match",
        ),
        (
            "a date 20 minutes old",
            key,
            sdk_date(-20 * 60),
            None,
            "X-Sdk-Date is 20 minutes",
        ),
        (
            "an access key that does not exist",
            ("NOSUCHKEY", "x"),
            sdk_date(0),
            None,
            "ak not exist",
        ),
    ];
    for (what, key, date, tamper, says) in refusals {
        let (status, error) = signed(&emu, Method::POST, &url, Some(webhook("refused")), key, &date, tamper).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{what}: {error}");
        assert_eq!(error["error_code"], "APIGW.0301", "{what}");
        let message = error["error_msg"].as_str().unwrap();
        assert!(
            message.starts_with("Incorrect IAM authentication information"),
            "{what}: {message}"
        );
        assert!(message.contains(says), "{what}: {message}");
    }
    // A project the key's user does not have.
    let (status, error) = signed(&emu, Method::GET, &emu.connections(), None, key, &sdk_date(0), None).await;
    assert_eq!(
        (status, error["error_code"].as_str()),
        (StatusCode::FORBIDDEN, Some("EG.00014030"))
    );
    // Five failures in a row lock the key, even for a good signature (the
    // good one just above reset the count).
    for _ in 0..5 {
        signed(
            &emu,
            Method::GET,
            &url,
            None,
            ("FIXEDDEVACCESSKEY0001", "wrong"),
            &sdk_date(0),
            None,
        )
        .await;
    }
    let (status, error) = signed(&emu, Method::GET, &url, None, key, &sdk_date(0), None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(
        error["error_msg"]
            .as_str()
            .unwrap()
            .contains("AK access failed to reach the limit"),
        "{error}"
    );
    emu.stop().await;
}

#[tokio::test]
async fn projects_are_listed_for_sdks_looking_up_a_region() {
    let (_data, emu) = started().await;
    let url = format!("{}/v3/projects", emu.base);
    let region = emu.running.as_ref().unwrap().started.user.projects[0].name.clone();
    let (status, _, body) = emu.call(Method::GET, &format!("{url}?name={region}"), None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["projects"][0]["id"], emu.project.as_str());
    assert_eq!(body["projects"][0]["name"], region.as_str());
    let (status, _, body) = emu.call(Method::GET, &format!("{url}?name=xx-nowhere-1"), None).await;
    assert_eq!(
        (status, body["projects"].as_array().map(Vec::len)),
        (StatusCode::OK, Some(0))
    );
    // Signed with an access key: that key's projects.
    let key = ("FIXEDDEVACCESSKEY0001", "fixed-dev-secret");
    let (status, body) = signed(&emu, Method::GET, &url, None, key, &sdk_date(0), None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["projects"][0]["id"], "other-project");
    // Neither: refused as IAM refuses.
    let response = emu.client.get(&url).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    emu.stop().await;
}

fn rocketmq(name: &str, instance: &str) -> Value {
    json!({"name": name, "vpc_id": "vpc-1", "subnet_id": "subnet-1", "type": "ROCKETMQ",
           "rocketmq_detail": {"instance_id": instance, "addr": "192.168.0.10:8100;192.168.0.11:8100",
                               "use_tls": true, "enable_acl": true, "user_name": "bob", "password": "Rmq-Secret-1"}})
}

#[tokio::test]
async fn rocketmq_connections_are_created_shown_listed_filtered_and_updated() {
    let (_data, emu) = started().await;
    let (status, created) = emu.create(rocketmq("rmq-a", "rmq-inst-1")).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    assert_eq!(created["type"], "ROCKETMQ");
    assert_eq!(
        created["rocketmq_detail"]["addr"],
        "192.168.0.10:8100;192.168.0.11:8100"
    );
    assert_eq!(created["rocketmq_detail"]["enable_acl"], true);
    assert_eq!(created["rocketmq_detail"]["user_name"], "bob");
    assert!(
        created["rocketmq_detail"].get("password").is_none(),
        "never echoed: {created}"
    );
    assert!(created.get("kafka_detail").is_none());
    let id = created["id"].as_str().unwrap().to_owned();
    // A Kafka connection on another instance, and a webhook.
    let kafka = json!({"name": "kafka-a", "vpc_id": "vpc-1", "subnet_id": "subnet-1", "type": "KAFKA",
        "kafka_detail": {"instance_id": "kafka-inst-1", "addr": "10.0.0.1:9092", "enable_sasl_ssl": true,
                         "user_name": "alice", "password": "Kafka-Secret-1"}});
    let (status, kafka) = emu.create(kafka).await;
    assert_eq!(status, StatusCode::OK, "{kafka}");
    emu.create(webhook("hook-a")).await;

    let url = emu.connections();
    let (_, _, shown) = emu.call(Method::GET, &format!("{url}/{id}"), None).await;
    assert_eq!(shown["rocketmq_detail"]["instance_id"], "rmq-inst-1");
    // The instance filter, for either type's instance.
    for (instance, expected) in [("rmq-inst-1", "rmq-a"), ("kafka-inst-1", "kafka-a")] {
        let (status, _, list) = emu
            .call(Method::GET, &format!("{url}?instance_id={instance}"), None)
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(list["total"], 1, "{instance}: {list}");
        assert_eq!(list["items"][0]["name"], expected);
    }
    let (_, _, none) = emu
        .call(Method::GET, &format!("{url}?instance_id=nothing-here"), None)
        .await;
    assert_eq!(none["total"], 0);

    // New RocketMQ settings: ACL off, another address; the description stays.
    let (status, _, updated) = emu
        .call(
            Method::PUT,
            &format!("{url}/{id}"),
            Some(
                json!({"rocketmq_detail": {"instance_id": "rmq-inst-1", "addr": "192.168.0.12:8100",
                                            "use_tls": false, "enable_acl": false}}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!(updated["rocketmq_detail"]["addr"], "192.168.0.12:8100");
    assert_eq!(updated["rocketmq_detail"]["enable_acl"], false);
    assert!(updated["rocketmq_detail"].get("user_name").is_none());
    // Kafka credentials for a RocketMQ connection: not its type.
    let (status, _, refused) = emu
        .call(
            Method::PUT,
            &format!("{url}/{id}"),
            Some(json!({"kafka_detail": {"user_name": "x", "password": "y"}})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(refused["error_details"][0]["path"], json!(["kafka_detail"]));
    assert_eq!(refused["error_details"][0]["code"], "not_allowed");
    // Survives a restart.
    let (data, emu) = (_data, emu);
    let options = options(data.path());
    emu.stop().await;
    let emu = Emulator::start(options).await;
    let (_, _, again) = emu
        .call(Method::GET, &format!("{}/{id}", emu.connections()), None)
        .await;
    assert_eq!(again["rocketmq_detail"]["addr"], "192.168.0.12:8100");
    emu.stop().await;
}

#[tokio::test]
async fn kafka_credentials_rotate_without_recreating() {
    let (_data, emu) = started().await;
    let body = json!({"name": "kafka-rot", "description": "keep me", "vpc_id": "vpc-1", "subnet_id": "subnet-1",
        "type": "KAFKA", "kafka_detail": {"instance_id": "k-1", "addr": "10.0.0.1:9092", "enable_sasl_ssl": true,
                                          "user_name": "alice", "password": "Old-Secret-1"}});
    let (_, created) = emu.create(body).await;
    let url = format!("{}/{}", emu.connections(), created["id"].as_str().unwrap());
    let (status, _, rotated) = emu
        .call(
            Method::PUT,
            &url,
            Some(json!({"kafka_detail": {"user_name": "alice2", "password": "New-Secret-2"}})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{rotated}");
    assert_eq!(rotated["kafka_detail"]["user_name"], "alice2");
    assert_eq!(rotated["description"], "keep me", "absent description: unchanged");
    assert!(
        !rotated.to_string().contains("New-Secret-2"),
        "the password is never echoed"
    );
    assert_ne!(rotated["updated_time"], "");
    // A bad rotation changes nothing and says why.
    let (status, _, refused) = emu
        .call(
            Method::PUT,
            &url,
            Some(json!({"kafka_detail": {"user_name": "alice3"}})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(refused["error_details"][0]["path"], json!(["kafka_detail", "password"]));
    let (_, _, shown) = emu.call(Method::GET, &url, None).await;
    assert_eq!(shown["kafka_detail"]["user_name"], "alice2");
    // A connection without SASL_SSL has no credentials to rotate.
    let (_, plain) = emu
        .create(
            json!({"name": "kafka-plain", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
                       "kafka_detail": {"instance_id": "k-2", "addr": "10.0.0.2:9092"}}),
        )
        .await;
    let (status, _, refused) = emu
        .call(
            Method::PUT,
            &format!("{}/{}", emu.connections(), plain["id"].as_str().unwrap()),
            Some(json!({"kafka_detail": {"user_name": "u", "password": "p"}})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        refused["error_msg"]
            .as_str()
            .unwrap()
            .contains("does not use Ciphertext access (SASL)"),
        "{refused}"
    );
    emu.stop().await;
}

#[tokio::test]
async fn console_files_go_out_precompressed_with_entity_tags() {
    let data = TempDir::new().unwrap();
    let dist = TempDir::new().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dist.path().join(name), bytes).unwrap();
    write("index.html", b"<!doctype html><title>console</title>");
    write("index.html.br", b"brotli page");
    write("app_bg.wasm", b"\0asm\x01\0\0\0");
    write("app_bg.wasm.br", b"brotli wasm");
    write("app_bg.wasm.gz", b"gzip wasm");
    let mut opts = options(data.path());
    opts.settings.dist = Some(dist.path().to_owned());
    let emu = Emulator::start(opts).await;
    let get = |path: &str, encodings: &'static str| {
        emu.client
            .get(format!("{}{path}", emu.base))
            .header("Accept-Encoding", encodings)
            .send()
    };
    for (encodings, encoding, body) in [
        ("br, gzip", Some("br"), &b"brotli wasm"[..]),
        ("gzip", Some("gzip"), b"gzip wasm"),
        ("identity", None, b"\0asm\x01\0\0\0"),
    ] {
        let answer = get("/app_bg.wasm", encodings).await.unwrap();
        assert_eq!(answer.status(), StatusCode::OK, "{encodings}");
        assert_eq!(answer.headers()["content-type"], "application/wasm");
        let sent = answer
            .headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap().to_owned());
        assert_eq!(sent.as_deref(), encoding, "{encodings}");
        assert_eq!(answer.bytes().await.unwrap(), body, "{encodings}");
    }
    // The app's paths get the page; the emulator's has its development
    // helper added, so it goes whole (1–2 KB), not as the built twin.
    let page = get("/connections/abc", "br").await.unwrap();
    assert!(page.headers().get("content-encoding").is_none());
    let html = page.text().await.unwrap();
    assert!(
        html.contains(r#"<script type="module" src="/emulator/dev-session.js"></script>"#),
        "{html}"
    );
    assert!(html.contains("<title>console</title>"));

    // Each file has an entity tag; asking with it is answered 304, with no body.
    for path in ["/", "/app_bg.wasm"] {
        let first = get(path, "br").await.unwrap();
        let etag = first.headers()["etag"].to_str().unwrap().to_owned();
        assert!(etag.starts_with("W/\""), "{path}: {etag}");
        let again = emu
            .client
            .get(format!("{}{path}", emu.base))
            .header("Accept-Encoding", "br")
            .header("If-None-Match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path}");
        assert_eq!(again.headers()["etag"], etag.as_str());
        assert!(again.headers().get("content-security-policy").is_some());
        assert!(again.bytes().await.unwrap().is_empty());
        let other = emu
            .client
            .get(format!("{}{path}", emu.base))
            .header("If-None-Match", "W/\"something-else\"")
            .send()
            .await
            .unwrap();
        assert_eq!(other.status(), StatusCode::OK, "{path}");
    }
    emu.stop().await;
}

#[tokio::test]
async fn the_development_session_is_for_the_console_on_its_own_origin_only() {
    // Without a console: no offer, no session.
    let data = TempDir::new().unwrap();
    let emu = Emulator::start(options(data.path())).await;
    let (_, _, config) = emu
        .call(Method::GET, &format!("{}/eg-console.json", emu.base), None)
        .await;
    assert_eq!(config["dev_session"], false);
    let answer = emu
        .client
        .post(format!("{}/emulator/dev-session", emu.base))
        .header("Origin", &emu.base)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::NOT_FOUND);
    emu.stop().await;

    let data = TempDir::new().unwrap();
    let dist = TempDir::new().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!doctype html><title>console</title>").unwrap();
    let mut opts = options(data.path());
    opts.settings.dist = Some(dist.path().to_owned());
    let emu = Emulator::start(opts).await;
    let (_, _, config) = emu
        .call(Method::GET, &format!("{}/eg-console.json", emu.base), None)
        .await;
    assert_eq!(config["dev_session"], true);
    let session = |origin: Option<&str>, fetch_site: Option<&str>, host: Option<&str>| {
        let mut request = emu.client.post(format!("{}/emulator/dev-session", emu.base));
        if let Some(origin) = origin {
            request = request.header("Origin", origin);
        }
        if let Some(site) = fetch_site {
            request = request.header("Sec-Fetch-Site", site);
        }
        if let Some(host) = host {
            request = request.header("Host", host);
        }
        request.send()
    };
    // The console's own page: a token for the development user's project.
    let granted = session(Some(&emu.base), Some("same-origin"), None).await.unwrap();
    assert_eq!(granted.status(), StatusCode::OK);
    let granted: Value = granted.json().await.unwrap();
    let (token, project) = (
        granted["token"].as_str().unwrap(),
        granted["project"]["id"].as_str().unwrap(),
    );
    assert_eq!(project, emu.project);
    assert!(!granted["user"].as_str().unwrap().is_empty());
    let list = emu
        .client
        .get(format!("{}/v1/{project}/connections", emu.base))
        .header("X-Auth-Token", token)
        .send()
        .await
        .unwrap();
    assert_eq!(list.status(), StatusCode::OK, "the token works");
    // Anyone else: nothing.
    let address = emu.base.trim_start_matches("http://").to_owned();
    for (origin, site, host, why) in [
        (
            Some("http://evil.example"),
            Some("cross-site"),
            None,
            "a page of another origin",
        ),
        (
            Some("http://evil.example"),
            None,
            None,
            "another origin, no Sec-Fetch-Site",
        ),
        (
            Some(emu.base.as_str()),
            Some("cross-site"),
            None,
            "a cross-site fetch claiming the origin",
        ),
        (None, None, None, "a program without Origin"),
        (
            Some("http://rebound.example"),
            None,
            Some("rebound.example"),
            "DNS rebinding",
        ),
        (Some("null"), None, None, "an opaque origin"),
    ] {
        let answer = session(origin, site, host).await.unwrap();
        assert_eq!(answer.status(), StatusCode::FORBIDDEN, "{why}");
        let body = answer.text().await.unwrap();
        assert!(!body.contains("MIIemulator"), "{why}: no token in {body}");
    }
    // A host allowed by name is still only its own origin.
    let other_port = format!("http://{}:1", address.split(':').next().unwrap());
    let answer = session(Some(&other_port), None, None).await.unwrap();
    assert_eq!(answer.status(), StatusCode::FORBIDDEN);
    emu.stop().await;
}
