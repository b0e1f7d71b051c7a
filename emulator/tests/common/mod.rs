//! What the emulator's test files share: starting one on a loopback port
//! and talking to it over real HTTP, or over raw TCP for what an HTTP
//! client will not send (a missing `Host`, a stalled body).

#![allow(dead_code)] // Each test file uses a part of it.

use eg_emulator::{start, Limits, Options, Running, Settings};
use reqwest::{Client, Method, StatusCode};
use serde_json::Value;
use std::path::Path;
use std::time::Duration;
use tempfile::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The fixed credentials every test emulator accepts.
pub const TOKEN: &str = "test-token";
pub const PROJECT: &str = "test-project";
pub const ACCESS_KEY: &str = "TESTACCESSKEY0000001";
pub const SECRET_KEY: &str = "test-secret-key";

/// A started emulator and where it listens.
pub struct Emu {
    pub running: Option<Running>,
    pub base: String,
    pub addr: std::net::SocketAddr,
    pub client: Client,
    _data: Option<TempDir>,
}

/// Settings for tests: quiet, faults on, a short creation.
pub fn settings() -> Settings {
    Settings {
        create_delay: Duration::from_millis(300),
        enable_faults: true,
        quiet: true,
        connection_quota: eg_emulator::settings::CONNECTION_QUOTA_DEFAULT,
        ..Settings::default()
    }
}

/// Options over `data` with the fixed token and access key.
pub fn options(data: &Path, settings: Settings) -> Options {
    Options {
        settings,
        data_dir: data.to_owned(),
        iam_config: None,
        token_ttl: Duration::from_secs(3600),
        dev_token: Some((TOKEN.to_owned(), PROJECT.to_owned())),
        dev_access_key: Some((ACCESS_KEY.to_owned(), SECRET_KEY.to_owned(), PROJECT.to_owned())),
        reset_dev_password: false,
        limits: Limits::default(),
        in_memory: false,
        import: None,
        export_on_exit: None,
        resources: None,
    }
}

impl Emu {
    /// An emulator with `settings`, in a fresh data directory.
    pub async fn start(settings: Settings) -> Emu {
        let data = TempDir::new().unwrap();
        let options = options(data.path(), settings);
        Emu::with_options(options, Some(data)).await
    }

    /// An emulator with `options` (`data` kept alive beside it).
    pub async fn with_options(options: Options, data: Option<TempDir>) -> Emu {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let running = start(options, listener).await.expect("emulator starts");
        let addr = running.started.addr;
        Emu {
            running: Some(running),
            base: format!("http://{addr}"),
            addr,
            client: Client::new(),
            _data: data,
        }
    }

    pub async fn stop(mut self) {
        if let Some(running) = self.running.take() {
            running.stop().await.unwrap();
        }
    }

    /// The connections collection of the test project.
    pub fn connections(&self) -> String {
        format!("{}/v1/{PROJECT}/connections", self.base)
    }

    /// A request with the fixed token; the answer's status and JSON.
    pub async fn call(&self, method: Method, url: &str, body: Option<Value>) -> (StatusCode, Value) {
        let mut request = self.client.request(method, url).header("X-Auth-Token", TOKEN);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request completes");
        let status = response.status();
        let text = response.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }

    /// Sends `request` as raw bytes on a new connection; the raw answer
    /// (empty if none came within `wait`).
    pub async fn raw(&self, request: &[u8], wait: Duration) -> String {
        raw(self.addr, request, wait).await
    }
}

/// Sends `request` as raw bytes to `addr`; the raw answer.
pub async fn raw(addr: std::net::SocketAddr, request: &[u8], wait: Duration) -> String {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(request).await.unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(wait, stream.read_to_end(&mut answer)).await;
    String::from_utf8_lossy(&answer).into_owned()
}

/// The status code of a raw answer (0 when there is none).
pub fn status_of(answer: &str) -> u16 {
    answer.split(' ').nth(1).and_then(|code| code.parse().ok()).unwrap_or(0)
}

/// A bare HTTP server that records each request's head (request line and
/// headers) and answers 200 with `extra_headers`: an upstream for the
/// forwarder that shows exactly what reached it.
pub struct Recorder {
    pub addr: std::net::SocketAddr,
    pub heads: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Recorder {
    pub async fn start(extra_headers: &'static str) -> Recorder {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let heads = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let recorded = heads.clone();
        tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                let recorded = recorded.clone();
                tokio::spawn(async move {
                    let mut head = Vec::new();
                    let mut byte = [0u8; 1];
                    while !head.ends_with(b"\r\n\r\n") {
                        match stream.read(&mut byte).await {
                            Ok(1) => head.push(byte[0]),
                            _ => return,
                        }
                    }
                    recorded
                        .lock()
                        .unwrap()
                        .push(String::from_utf8_lossy(&head).into_owned());
                    let answer = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{extra_headers}Content-Length: 2\r\nConnection: close\r\n\r\n{{}}"
                    );
                    let _ = stream.write_all(answer.as_bytes()).await;
                });
            }
        });
        Recorder { addr, heads }
    }

    /// The heads recorded so far.
    pub fn heads(&self) -> Vec<String> {
        self.heads.lock().unwrap().clone()
    }
}
