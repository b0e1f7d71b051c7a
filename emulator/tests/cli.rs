//! The `eg-emulator` binary as scripts use it: the first stdout line, the
//! printed credentials, `--help`, environment variables, and logs that never
//! carry a token or a password.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_eg-emulator");

/// Starts the binary and reads its banner: (child, base URL, banner lines).
fn spawn(data: &std::path::Path, extra_env: &[(&str, &str)]) -> (Child, String, Vec<String>) {
    let mut child = Command::new(BIN)
        .args(["--data", data.to_str().unwrap()])
        .envs(extra_env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut lines = Vec::new();
    while lines.len() < 5 {
        let mut line = String::new();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "banner ended early: {lines:?}"
        );
        lines.push(line.trim_end().to_owned());
    }
    let base = lines[0]
        .strip_prefix("eg-emulator listening on ")
        .expect("first line format")
        .to_owned();
    (child, base, lines)
}

fn field<'a>(lines: &'a [String], label: &str) -> Vec<&'a str> {
    let line = lines.iter().find(|line| line.trim_start().starts_with(label)).unwrap();
    line.split_whitespace().collect()
}

#[tokio::test]
async fn banner_sign_in_and_logs_without_secrets() {
    let data = tempfile::TempDir::new().unwrap();
    let (mut child, base, lines) = spawn(
        data.path(),
        &[
            ("EG_EMULATOR_LISTEN", "127.0.0.1:0"),
            ("EG_EMULATOR_CREATE_DELAY", "100ms"),
        ],
    );
    assert!(base.starts_with("http://127.0.0.1:") && !base.ends_with(":0"), "{base}");
    let user = field(&lines, "user:");
    let (name, password, domain) = (user[1], user[3], user[5]);
    let project = field(&lines, "project:")[1].to_owned();
    let ready_token = field(&lines, "token:")[1].to_owned();

    let client = reqwest::Client::new();
    let response = client
        .post(format!("{base}/v3/auth/tokens"))
        .json(&json!({"auth": {
            "identity": {"methods": ["password"], "password": {"user": {"name": name, "password": password, "domain": {"name": domain}}}},
            "scope": {"project": {"id": project}}
        }}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let token = response.headers()["x-subject-token"].to_str().unwrap().to_owned();
    let connections = format!("{base}/v1/{project}/connections");
    for token in [&token, &ready_token] {
        let created = client
            .post(&connections)
            .header("X-Auth-Token", token)
            .json(&json!({"name": format!("c{}", token.len() % 7), "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
                          "kafka_detail": {"instance_id": "i", "addr": "h:1", "enable_sasl_ssl": true, "user_name": "u", "password": "KafkaPass-9"}}))
            .send()
            .await
            .unwrap();
        assert!(created.status() == 200 || created.status() == 400);
        let _: Value = created.json().await.unwrap();
    }

    // SIGTERM stops it cleanly.
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let mut log = String::new();
    child.stderr.take().unwrap().read_to_string(&mut log).unwrap();
    assert!(log.contains("method=POST"), "access log: {log}");
    for secret in [token.as_str(), ready_token.as_str(), password, "KafkaPass-9"] {
        assert!(!log.contains(secret), "log leaks a secret");
    }

    // A second start reuses the saved development user; its password is
    // stored hashed, so it is not printed again.
    let (mut again, _, lines) = spawn(data.path(), &[("EG_EMULATOR_LISTEN", "127.0.0.1:0")]);
    assert_eq!(field(&lines, "user:")[1], name);
    assert_eq!(field(&lines, "user:")[3], "(stored");
    assert_eq!(field(&lines, "project:")[1], project);
    again.kill().unwrap();
    again.wait().unwrap();
    let users = std::fs::read_to_string(data.path().join("iam.json")).unwrap();
    assert!(!users.contains(password) && users.contains("$argon2id$"), "{users}");

    // --reset-dev-password prints a new one, which signs in.
    let (mut reset, base, lines) = spawn(
        data.path(),
        &[
            ("EG_EMULATOR_LISTEN", "127.0.0.1:0"),
            ("EG_EMULATOR_RESET_DEV_PASSWORD", "true"),
        ],
    );
    let new_password = field(&lines, "user:")[3].to_owned();
    assert_ne!(new_password, password);
    let response = client
        .post(format!("{base}/v3/auth/tokens"))
        .json(&json!({"auth": {
            "identity": {"methods": ["password"], "password": {"user": {"name": name, "password": new_password, "domain": {"name": domain}}}},
            "scope": {"project": {"id": project}}
        }}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    reset.kill().unwrap();
    reset.wait().unwrap();
}

#[test]
fn help_documents_every_flag_and_variable() {
    let output = Command::new(BIN).arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for flag in [
        "--listen",
        "--data",
        "--dist",
        "--cors-origin",
        "--create-delay",
        "--token-ttl",
        "--dev-token",
        "--dev-project",
        "--config",
        "--fail-when-name-contains",
        "--enable-faults",
        "--quiet",
        "--reset-dev-password",
        "--header-timeout",
        "--max-connections",
    ] {
        assert!(help.contains(flag), "--help lacks {flag}");
    }
    for variable in [
        "EG_EMULATOR_LISTEN",
        "EG_EMULATOR_DATA",
        "EG_EMULATOR_DIST",
        "EG_EMULATOR_DEV_TOKEN",
    ] {
        assert!(help.contains(variable), "--help lacks {variable}");
    }
}

#[test]
fn bad_flags_fail_with_a_message() {
    let output = Command::new(BIN).args(["--create-delay", "soon"]).output().unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a duration"));
    let output = Command::new(BIN).args(["--dev-token", "t"]).output().unwrap();
    assert!(!output.status.success(), "--dev-token needs --dev-project");
    let dist = tempfile::TempDir::new().unwrap();
    let output = Command::new(BIN)
        .args(["--listen", "127.0.0.1:0", "--dist", dist.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("index.html"));
}

#[tokio::test]
async fn a_json_banner_for_scripts_and_an_in_memory_run() {
    let mut child = Command::new(BIN)
        .args(["--in-memory", "--listen", "127.0.0.1:0", "--banner", "json", "--quiet"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let banner: Value = serde_json::from_str(&line).expect("one JSON line");
    assert_eq!(banner["storage"], "memory");
    assert_eq!(banner["data"], Value::Null);
    let base = banner["url"].as_str().unwrap().to_owned();
    // Its credentials work as printed.
    let client = reqwest::Client::new();
    let body = json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": banner["user"]["name"], "password": banner["user"]["password"],
        "domain": {"name": banner["user"]["domain"]}}}},
        "scope": {"project": {"id": banner["project"]["id"]}}}});
    let response = client
        .post(format!("{base}/v3/auth/tokens"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let ready = client.get(format!("{base}/emulator/ready")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    let list = client
        .get(format!(
            "{base}/v1/{}/connections",
            banner["project"]["id"].as_str().unwrap()
        ))
        .header("X-Auth-Token", banner["token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(list.status(), 200);
    child.kill().unwrap();
    let _ = child.wait();
}
