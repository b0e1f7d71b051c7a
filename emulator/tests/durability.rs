//! The `eg-emulator` binary under faults a user's machine has: `kill -9`
//! during a mixed load, a full disk, SIGTERM with a half-sent request. What
//! was acknowledged must be there after a restart; what was deleted must
//! stay deleted.

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_eg-emulator");
const TOKEN: &str = "durability-token";
const PROJECT: &str = "durability-project";

/// A running binary and its base URL.
struct Process {
    child: Child,
    base: String,
}

impl Process {
    fn start(data: &Path, extra: &[&str]) -> Process {
        let mut child = Command::new(BIN)
            .args(["--listen", "127.0.0.1:0", "--quiet", "--create-delay", "0s"])
            .args(["--dev-token", TOKEN, "--dev-project", PROJECT, "--enable-faults"])
            .arg("--data")
            .arg(data)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the binary starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .trim()
            .strip_prefix("eg-emulator listening on ")
            .unwrap_or_else(|| panic!("banner: {line:?}"))
            .to_owned();
        Process { child, base }
    }

    fn connections(&self) -> String {
        format!("{}/v1/{PROJECT}/connections", self.base)
    }

    fn kill_9(mut self) {
        let _ = Command::new("kill").args(["-9", &self.child.id().to_string()]).status();
        let _ = self.child.wait();
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn client() -> Client {
    Client::builder().timeout(Duration::from_secs(10)).build().unwrap()
}

async fn create(client: &Client, url: &str, name: &str) -> Result<Option<String>, ()> {
    let response = client
        .post(url)
        .header("X-Auth-Token", TOKEN)
        .json(&json!({"name": name, "vpc_id": "v", "subnet_id": "s"}))
        .send()
        .await
        .map_err(drop)?;
    match response.status() {
        StatusCode::OK => Ok(Some(
            response.json::<Value>().await.map_err(drop)?["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        )),
        _ => Ok(None),
    }
}

/// Every connection of the project: id -> (name, description).
async fn everything(client: &Client, url: &str) -> HashMap<String, (String, String)> {
    let mut all = HashMap::new();
    let mut offset = 0;
    loop {
        let page: Value = client
            .get(format!("{url}?limit=1000&offset={offset}"))
            .header("X-Auth-Token", TOKEN)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let items = page["items"].as_array().unwrap();
        for item in items {
            all.insert(
                item["id"].as_str().unwrap().to_owned(),
                (
                    item["name"].as_str().unwrap().to_owned(),
                    item["description"].as_str().unwrap().to_owned(),
                ),
            );
        }
        offset += items.len();
        if items.is_empty() || offset >= page["total"].as_u64().unwrap() as usize {
            return all;
        }
    }
}

/// What the clients were told, one connection at a time (each connection
/// belongs to one client, so its changes are in order).
#[derive(Default)]
struct Ledger {
    /// Names whose create was sent, answered or not.
    attempted_names: HashSet<String>,
    /// Acknowledged creates: id -> name.
    created: HashMap<String, String>,
    /// Acknowledged deletes.
    deleted: HashSet<String>,
    /// Deletes sent but not answered: the connection may or may not be gone.
    maybe_deleted: HashSet<String>,
    /// The last acknowledged description, and one sent after it unanswered.
    descriptions: HashMap<String, (String, Option<String>)>,
    acknowledged: usize,
}

/// One client of the mixed load: creates, describes and deletes its own
/// connections until the server goes away.
async fn client_loop(url: String, worker: usize, cycle: usize, ledger: Arc<Mutex<Ledger>>) {
    let client = client();
    let mut mine: Vec<String> = Vec::new();
    for step in 0.. {
        let choice = (worker * 7 + step * 13) % 10;
        if choice < 4 || mine.is_empty() {
            let name = format!("c{cycle}-w{worker}-{step}");
            ledger.lock().unwrap().attempted_names.insert(name.clone());
            match create(&client, &url, &name).await {
                Ok(Some(id)) => {
                    let mut ledger = ledger.lock().unwrap();
                    ledger.created.insert(id.clone(), name);
                    ledger.acknowledged += 1;
                    mine.push(id);
                }
                Ok(None) => {}
                Err(()) => return,
            }
        } else if choice < 8 {
            let id = mine[step % mine.len()].clone();
            let description = format!("d{cycle}-{worker}-{step}");
            ledger
                .lock()
                .unwrap()
                .descriptions
                .entry(id.clone())
                .or_insert_with(|| (String::new(), None))
                .1 = Some(description.clone());
            let sent = client
                .put(format!("{url}/{id}"))
                .header("X-Auth-Token", TOKEN)
                .json(&json!({"description": description}))
                .send()
                .await;
            match sent {
                Ok(response) if response.status() == StatusCode::OK => {
                    let mut ledger = ledger.lock().unwrap();
                    ledger.descriptions.insert(id, (description, None));
                    ledger.acknowledged += 1;
                }
                Ok(_) => {}
                Err(_) => return,
            }
        } else {
            let id = mine.swap_remove(step % mine.len());
            ledger.lock().unwrap().maybe_deleted.insert(id.clone());
            let sent = client
                .delete(format!("{url}/{id}"))
                .header("X-Auth-Token", TOKEN)
                .send()
                .await;
            match sent {
                Ok(response) if response.status() == StatusCode::NO_CONTENT => {
                    let mut ledger = ledger.lock().unwrap();
                    ledger.maybe_deleted.remove(&id);
                    ledger.deleted.insert(id);
                    ledger.acknowledged += 1;
                }
                Ok(_) => {}
                Err(_) => return,
            }
        }
    }
}

/// Checks what a restarted emulator has against what was acknowledged.
fn verify(ledger: &Ledger, present: &HashMap<String, (String, String)>) -> (usize, usize) {
    let mut lost = Vec::new();
    for (id, name) in &ledger.created {
        let gone = ledger.deleted.contains(id) || ledger.maybe_deleted.contains(id);
        if !gone && !present.contains_key(id) {
            lost.push(name.clone());
        }
    }
    assert!(lost.is_empty(), "acknowledged creates lost: {lost:?}");
    let resurrected: Vec<&String> = ledger.deleted.iter().filter(|id| present.contains_key(*id)).collect();
    assert!(resurrected.is_empty(), "acknowledged deletes undone: {resurrected:?}");
    for (id, (name, description)) in present {
        assert!(
            ledger.attempted_names.contains(name),
            "a connection nobody created: {id} {name}"
        );
        if let Some((acknowledged, pending)) = ledger.descriptions.get(id) {
            assert!(
                description == acknowledged || pending.as_deref() == Some(description.as_str()),
                "{name}: description {description:?}, acknowledged {acknowledged:?}, pending {pending:?}"
            );
        }
    }
    let names: HashSet<&String> = present.values().map(|(name, _)| name).collect();
    assert_eq!(names.len(), present.len(), "names stay unique");
    (ledger.acknowledged, present.len())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_under_a_mixed_load_loses_nothing_acknowledged() {
    let data = tempfile::TempDir::new().unwrap();
    let ledger = Arc::new(Mutex::new(Ledger::default()));
    for cycle in 0..5 {
        let process = Process::start(data.path(), &[]);
        if cycle > 0 {
            let present = everything(&client(), &process.connections()).await;
            let (acknowledged, count) = verify(&ledger.lock().unwrap(), &present);
            eprintln!(
                "cycle {cycle}: {acknowledged} changes acknowledged so far, {count} connections present, none lost"
            );
        }
        let workers: Vec<_> = (0..12)
            .map(|worker| tokio::spawn(client_loop(process.connections(), worker, cycle, ledger.clone())))
            .collect();
        tokio::time::sleep(Duration::from_millis(400 + 250 * cycle as u64)).await;
        process.kill_9();
        for worker in workers {
            let _ = worker.await;
        }
    }
    let process = Process::start(data.path(), &[]);
    let present = everything(&client(), &process.connections()).await;
    let ledger = ledger.lock().unwrap();
    let (acknowledged, count) = verify(&ledger, &present);
    assert!(acknowledged > 50, "the load ran ({acknowledged} acknowledged)");
    eprintln!(
        "after 5 kill -9: {acknowledged} acknowledged changes ({} creates, {} deletes), {count} connections present, 0 lost, 0 resurrected",
        ledger.created.len(),
        ledger.deleted.len()
    );
}

/// A size-limited filesystem for the test, unmounted when dropped; `None`
/// where the test may not mount one (not root, or no permission).
struct SmallDisk {
    path: PathBuf,
    _dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(kib: u32) -> Option<SmallDisk> {
        let dir = tempfile::TempDir::new().ok()?;
        let path = dir.path().join("disk");
        std::fs::create_dir(&path).ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
            .arg(&path)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        mounted.then_some(SmallDisk { path, _dir: dir })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

/// Fills `dir`'s filesystem; returns the filler file.
fn fill(dir: &Path) -> PathBuf {
    let filler = dir.join("filler");
    let mut file = std::fs::File::create(&filler).unwrap();
    let chunk = vec![0u8; 4096];
    while file.write_all(&chunk).is_ok() {}
    let _ = file.sync_all();
    filler
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_refuses_changes_then_recovers_without_losing_any() {
    let disk = SmallDisk::mount(2048);
    let scratch = tempfile::TempDir::new().unwrap();
    let data = match &disk {
        Some(disk) => disk.path.join("data"),
        None => {
            eprintln!("no tmpfs mount here (not root?): using the storage fault instead of a real full disk");
            scratch.path().join("data")
        }
    };
    let client = client();
    let process = Process::start(&data, &[]);
    let url = process.connections();
    let mut acknowledged = Vec::new();
    for index in 0..5 {
        if let Ok(Some(id)) = create(&client, &url, &format!("before-{index}")).await {
            acknowledged.push(id);
        }
    }
    assert_eq!(acknowledged.len(), 5);

    let filler = match &disk {
        Some(disk) => Some(fill(&disk.path)),
        None => {
            let response = client
                .post(format!("{}/emulator/faults", process.base))
                .json(&json!({"kind": "storage_full", "count": 3}))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::NO_CONTENT);
            None
        }
    };
    // Writes that fit in space SQLite already holds (a WAL file reused
    // after a checkpoint) still succeed on a full disk, and are durable: so
    // keep writing until the disk refuses three, or 200 have been tried.
    let mut refused = 0;
    for index in 0..200 {
        if refused == 3 {
            break;
        }
        let response = client
            .post(&url)
            .header("X-Auth-Token", TOKEN)
            .json(&json!({"name": format!("during-{index}"), "vpc_id": "v", "subnet_id": "s"}))
            .send()
            .await
            .unwrap();
        if response.status() == StatusCode::OK {
            acknowledged.push(
                response.json::<Value>().await.unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
            continue;
        }
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["error_code"], "EG.00015000");
        assert!(error["error_msg"].as_str().unwrap().contains("disk is full"), "{error}");
        refused += 1;
    }
    assert!(refused > 0, "a full disk refuses at least one change");

    // Space comes back: writes work again, without a restart.
    if let Some(filler) = filler {
        std::fs::remove_file(filler).unwrap();
    }
    for index in 0..3 {
        let id = create(&client, &url, &format!("after-{index}")).await.unwrap();
        acknowledged.push(id.expect("writes work again once space is back"));
    }
    process.kill_9();

    let process = Process::start(&data, &[]);
    let present = everything(&client, &process.connections()).await;
    for id in &acknowledged {
        assert!(present.contains_key(id), "acknowledged {id} is there after kill -9");
    }
    assert_eq!(present.len(), acknowledged.len(), "nothing refused was kept");
    eprintln!(
        "full disk ({}): {refused} changes refused with 503, {} acknowledged, {} present after kill -9",
        if disk.is_some() {
            "a 2 MiB tmpfs"
        } else {
            "the storage fault"
        },
        acknowledged.len(),
        present.len()
    );
}

#[test]
fn sigterm_with_a_half_sent_request_exits_in_time() {
    let data = tempfile::TempDir::new().unwrap();
    let mut process = Process::start(data.path(), &[]);
    let address = process.base.trim_start_matches("http://").to_owned();
    // Headers complete, half the body sent; and half a request line.
    let mut half_body = std::net::TcpStream::connect(&address).unwrap();
    write!(
        half_body,
        "POST /v1/{PROJECT}/connections HTTP/1.1\r\nHost: x\r\nX-Auth-Token: {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{{\"name\":"
    )
    .unwrap();
    let mut half_head = std::net::TcpStream::connect(&address).unwrap();
    write!(half_head, "GET /emulator/health HTTP/1.1\r\nHo").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let _ = Command::new("kill")
        .args(["-TERM", &process.child.id().to_string()])
        .status();
    let status = loop {
        if let Some(status) = process.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "still running 10 s after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    eprintln!("SIGTERM with two half-sent requests: exited in {:?}", started.elapsed());
}
