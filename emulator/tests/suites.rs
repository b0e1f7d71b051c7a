//! What test suites expect of a local cloud (as LocalStack, moto and
//! Azurite give theirs): an in-memory mode, reset, the state as a file,
//! forced status, readiness; and the faithful answers tests depend on.

mod common;

use common::{Emu, PROJECT, TOKEN};
use eg_emulator::forward::Upstreams;
use eg_emulator::{start_forward, Limits, Settings};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

fn webhook(name: &str) -> Value {
    json!({"name": name, "vpc_id": "vpc-1", "subnet_id": "subnet-1"})
}

fn kafka(name: &str) -> Value {
    json!({"name": name, "vpc_id": "vpc-1", "subnet_id": "subnet-1", "type": "KAFKA", "description": "orders",
        "kafka_detail": {"instance_id": "k-1", "addr": "10.0.0.1:9092", "enable_sasl_ssl": true,
            "user_name": "alice", "password": "secret-1", "acks": "all"}})
}

fn rocketmq(name: &str) -> Value {
    json!({"name": name, "vpc_id": "vpc-2", "subnet_id": "subnet-2", "type": "ROCKETMQ",
        "rocketmq_detail": {"instance_id": "r-1", "addr": "10.0.0.2:8100;10.0.0.3:8100", "enable_acl": true,
            "user_name": "bob", "password": "secret-2"}})
}

async fn in_memory() -> Emu {
    let mut options = common::options(
        std::path::Path::new("/nonexistent/eg-emulator-data"),
        common::settings(),
    );
    options.in_memory = true;
    Emu::with_options(options, None).await
}

/// POSTs `body` (JSON) to the control endpoint `path`.
async fn control(emu: &Emu, path: &str, body: Value) -> (StatusCode, Value) {
    let response = emu
        .client
        .post(format!("{}{path}", emu.base))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn in_memory_writes_nothing_and_takes_no_lock() {
    let data = tempfile::TempDir::new().unwrap();
    let path = data.path().join("never-made");
    let mut options = common::options(&path, common::settings());
    options.in_memory = true;
    let first = Emu::with_options(options.clone(), None).await;
    // A second one on the same (unused) directory: no lock to meet.
    let second = Emu::with_options(options, None).await;
    let (status, created) = first
        .call(Method::POST, &first.connections(), Some(kafka("memory-1")))
        .await;
    assert_eq!(status, StatusCode::OK, "{created}");
    assert_eq!(first.call(Method::GET, &second.connections(), None).await.1["total"], 0);
    let (_, ready) = first
        .call(Method::GET, &format!("{}/emulator/ready", first.base), None)
        .await;
    assert_eq!(ready, json!({"status": "ready", "storage": "memory"}));
    first.stop().await;
    second.stop().await;
    assert!(!path.exists(), "nothing was written");
    assert_eq!(std::fs::read_dir(data.path()).unwrap().count(), 0);
}

#[tokio::test]
async fn reset_empties_every_project_or_one_and_keeps_credentials() {
    let emu = Emu::start(common::settings()).await;
    let other = format!("{}/v1/other-project/connections", emu.base);
    // The fixed token is scoped to one project: the emulator's own user for another.
    for name in ["a", "b"] {
        assert_eq!(
            emu.call(Method::POST, &emu.connections(), Some(webhook(name))).await.0,
            StatusCode::OK
        );
    }
    let (status, reset) = control(&emu, &format!("/emulator/reset?project={PROJECT}"), json!({})).await;
    assert_eq!((status, reset), (StatusCode::OK, json!({"deleted": 2})));
    assert_eq!(emu.call(Method::GET, &emu.connections(), None).await.1["total"], 0);
    // The token still works; a project that has nothing is fine too.
    assert_eq!(
        emu.call(Method::POST, &emu.connections(), Some(webhook("c"))).await.0,
        StatusCode::OK
    );
    let (_, reset) = control(&emu, "/emulator/reset?project=other-project", json!({})).await;
    assert_eq!(reset, json!({"deleted": 0}));
    let (_, reset) = control(&emu, "/emulator/reset", json!({})).await;
    assert_eq!(reset, json!({"deleted": 1}));
    assert_eq!(emu.call(Method::GET, &other, None).await.0, StatusCode::FORBIDDEN);
    // Names are free again.
    assert_eq!(
        emu.call(Method::POST, &emu.connections(), Some(webhook("a"))).await.0,
        StatusCode::OK
    );
    emu.stop().await;
}

#[tokio::test]
async fn state_round_trips_byte_for_byte_and_a_bad_file_changes_nothing() {
    let source = Emu::start(common::settings()).await;
    let mut shown = Vec::new();
    for body in [webhook("w-1"), kafka("k-1"), rocketmq("r-1"), webhook("failing")] {
        let (status, created) = source.call(Method::POST, &source.connections(), Some(body)).await;
        assert_eq!(status, StatusCode::OK, "{created}");
        shown.push(created["id"].as_str().unwrap().to_owned());
    }
    let failed = format!("/emulator/connections/{}/status", shown[3]);
    let (status, _) = control(
        &source,
        &failed,
        json!({"status": "CREATE_FAILED", "error_info": {"error_code": "EG.00513006", "error_msg": "quota", "error_detail": "by hand"}}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(400)).await;
    let text = |emu: &Emu, id: &str| {
        let url = format!("{}/{id}", emu.connections());
        let client = emu.client.clone();
        async move {
            client
                .get(url)
                .header("X-Auth-Token", TOKEN)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    let mut before = Vec::new();
    for id in &shown {
        before.push(text(&source, id).await);
    }
    let (_, state) = source
        .call(Method::GET, &format!("{}/emulator/state", source.base), None)
        .await;
    assert_eq!(state["format"], "eg-emulator-state");
    assert!(!state.to_string().contains("secret-1"), "no password is exported");
    source.stop().await;

    // Into a fresh emulator, by POST: the same connections, byte for byte.
    let target = in_memory().await;
    let (status, loaded) = control(&target, "/emulator/state", state.clone()).await;
    assert_eq!((status, loaded), (StatusCode::OK, json!({"loaded": 4})));
    for (id, before) in shown.iter().zip(&before) {
        assert_eq!(&text(&target, id).await, before, "{id}");
    }
    // A file with one bad entry is refused whole, naming it.
    let mut bad = state.clone();
    bad["connections"][2]["connection"]["vpc_id"] = json!(" vpc");
    bad["connections"][0]["connection"]["name"] = json!("renamed");
    let (status, error) = control(&target, "/emulator/state", bad).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let message = error["error_msg"].as_str().unwrap();
    assert!(
        message.contains("entry 3") && message.contains("VPC ID must not start or end with whitespace"),
        "{message}"
    );
    assert_eq!(&text(&target, &shown[0]).await, &before[0], "nothing changed");
    let mut twice = state.clone();
    twice["connections"][1]["connection"]["name"] = json!("w-1");
    let (_, error) = control(&target, "/emulator/state", twice).await;
    assert!(error["error_msg"].as_str().unwrap().contains("used twice"), "{error}");
    target.stop().await;

    // At start (--import), and on shutdown (--export-on-exit).
    let files = tempfile::TempDir::new().unwrap();
    let (import, export) = (files.path().join("in.json"), files.path().join("out.json"));
    std::fs::write(&import, state.to_string()).unwrap();
    let mut options = common::options(std::path::Path::new("/nonexistent"), common::settings());
    options.in_memory = true;
    options.import = Some(import.clone());
    options.export_on_exit = Some(export.clone());
    let started = Emu::with_options(options.clone(), None).await;
    assert_eq!(&text(&started, &shown[1]).await, &before[1]);
    started.stop().await;
    let exported: Value = serde_json::from_slice(&std::fs::read(&export).unwrap()).unwrap();
    assert_eq!(exported["connections"].as_array().unwrap().len(), 4);
    std::fs::write(
        &import,
        "{\"format\": \"eg-emulator-state\", \"version\": 1, \"connections\": [{}]}",
    )
    .unwrap();
    let refused = eg_emulator::start(options, tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap()).await;
    let error = refused.err().expect("a bad --import stops the start").to_string();
    assert!(error.contains("entry 1"), "{error}");
}

#[tokio::test]
async fn a_status_is_forced_now() {
    let mut settings = common::settings();
    settings.create_delay = Duration::from_secs(3600);
    let emu = Emu::start(settings).await;
    let (_, created) = emu.call(Method::POST, &emu.connections(), Some(webhook("slow"))).await;
    let id = created["id"].as_str().unwrap();
    assert_eq!(created["status"], "CREATING");
    let (status, shown) = control(
        &emu,
        &format!("/emulator/connections/{id}/status"),
        json!({"status": "CREATED"}),
    )
    .await;
    assert_eq!(
        (status, shown["status"].as_str()),
        (StatusCode::OK, Some("CREATED")),
        "{shown}"
    );
    let url = format!("{}/{id}", emu.connections());
    assert_eq!(emu.call(Method::GET, &url, None).await.1["status"], "CREATED");
    let error_info =
        json!({"error_code": "EG.00512003", "error_msg": "agency required", "error_detail": "set up the EG agency"});
    let (_, shown) = control(
        &emu,
        &format!("/emulator/connections/{id}/status"),
        json!({"status": "CREATE_FAILED", "error_info": error_info}),
    )
    .await;
    assert_eq!(shown["status"], "CREATE_FAILED");
    assert_eq!(emu.call(Method::GET, &url, None).await.1["error_info"], error_info);
    for (body, expected) in [
        (json!({"status": "CREATING"}), StatusCode::BAD_REQUEST),
        (
            json!({"status": "CREATED", "error_info": error_info}),
            StatusCode::BAD_REQUEST,
        ),
        (json!({}), StatusCode::BAD_REQUEST),
    ] {
        assert_eq!(
            control(&emu, &format!("/emulator/connections/{id}/status"), body)
                .await
                .0,
            expected
        );
    }
    let (status, _) = control(&emu, "/emulator/connections/none/status", json!({"status": "CREATED"})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    emu.stop().await;
}

#[tokio::test]
async fn control_endpoints_refuse_other_origins_and_are_absent_when_forwarding() {
    let emu = Emu::start(common::settings()).await;
    let response = emu
        .client
        .post(format!("{}/emulator/reset", emu.base))
        .header("Origin", "https://attacker.example")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let own = emu
        .client
        .post(format!("{}/emulator/reset", emu.base))
        .header("Origin", emu.base.clone())
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), StatusCode::OK);
    // The fault hook says what is missing.
    let (status, error) = control(&emu, "/emulator/faults", json!({})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let message = error["error_msg"].as_str().unwrap();
    assert!(
        message.contains("missing field `kind`") && !message.contains("line 1"),
        "{message}"
    );
    emu.stop().await;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let upstreams = Upstreams::eg_and_iam("http://127.0.0.1:9".to_owned(), "http://127.0.0.1:9".to_owned());
    let settings = Settings {
        quiet: true,
        ..Settings::default()
    };
    let forwarder = start_forward(settings, upstreams, Limits::default(), listener)
        .await
        .unwrap();
    for (method, path) in [
        (Method::POST, "/emulator/reset"),
        (Method::GET, "/emulator/state"),
        (Method::GET, "/emulator/ready"),
    ] {
        let response = reqwest::Client::new()
            .request(method, format!("http://{}{path}", forwarder.addr))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    forwarder.stop().await.unwrap();
}

#[tokio::test]
async fn a_validation_failure_says_its_first_issue_in_error_msg() {
    let emu = in_memory().await;
    let (status, error) = emu
        .call(
            Method::POST,
            &emu.connections(),
            Some(json!({"name": ".x", "vpc_id": "v"})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        error["error_msg"],
        "Invalid parameters: Name must start with a letter or digit (it starts with '.') (and 1 more in error_details)"
    );
    assert_eq!(error["error_details"].as_array().unwrap().len(), 2);
    emu.stop().await;
}
