//! The data format before SQLite (`connections.json`, a snapshot, plus
//! `connections.log`, one JSON change per line), read here and imported
//! once on start by the store ([`crate::store`]): in one transaction that
//! also records the import, then the old files are renamed `*.imported`
//! and kept. A crash between the two only means the next start renames
//! them; nothing is imported twice.
//!
//! A torn last log line was never acknowledged and is dropped; a bad line
//! before it is damage, and the start is refused. Two connections with one
//! name (which the old store could write when two emulators shared a
//! directory) are both kept, the later renamed, and the log says so.

use eg_connections::model::{ConnectionInfo, ConnectionType, DetailInfo, KafkaDetailInfo, RocketmqDetailInfo};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

const SNAPSHOT: &str = "connections.json";
const LOG: &str = "connections.log";

/// A connection as the old format wrote it.
#[derive(Debug, Clone, Deserialize)]
pub struct OldConnection {
    pub project_id: String,
    pub id: String,
    pub name: String,
    pub description: String,
    pub vpc_id: String,
    pub subnet_id: String,
    pub connection_type: ConnectionType,
    kafka_detail: Option<KafkaDetailInfo>,
    #[serde(default)]
    rocketmq_detail: Option<RocketmqDetailInfo>,
    pub created_ms: u64,
    pub ready_ms: u64,
    pub updated_ms: u64,
    pub fails: bool,
}

impl OldConnection {
    /// Its type and detail object, read as a response's members are.
    pub fn detail(&self) -> DetailInfo {
        ConnectionInfo {
            connection_type: self.connection_type.into(),
            kafka_detail: self.kafka_detail.clone(),
            rocketmq_detail: self.rocketmq_detail.clone(),
            ..ConnectionInfo::default()
        }
        .detail()
        .unwrap_or(DetailInfo::Webhook)
    }
}

/// One line of the old log.
#[derive(Debug, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum LogEntry {
    Put { connection: Box<OldConnection> },
    Delete { project_id: String, id: String },
}

/// The old format's files in `dir`, if any.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    [SNAPSHOT, LOG]
        .iter()
        .map(|name| dir.join(name))
        .filter(|path| path.exists())
        .collect()
}

/// Renames the old files `*.imported` once their connections are in.
pub fn retire(files: &[PathBuf]) -> io::Result<()> {
    for file in files {
        let mut kept = file.clone().into_os_string();
        kept.push(".imported");
        fs::rename(file, kept)?;
    }
    Ok(())
}

/// Every connection of the snapshot with the log replayed, oldest first,
/// names made unique in each project (the later of two renamed `name-2`).
pub fn read(dir: &Path) -> io::Result<Vec<OldConnection>> {
    let mut connections = replay(dir)?;
    let mut names = HashSet::new();
    for connection in &mut connections {
        let original = connection.name.clone();
        let mut copy = 1;
        while !names.insert((connection.project_id.clone(), connection.name.clone())) {
            copy += 1;
            let suffix = format!("-{copy}");
            let keep = original.chars().take(128 - suffix.len()).collect::<String>();
            connection.name = format!("{keep}{suffix}");
        }
        if connection.name != original {
            eprintln!(
                "eg-emulator: imported connection {} as \"{}\": \"{original}\" was taken in its project",
                connection.id, connection.name
            );
        }
    }
    Ok(connections)
}

/// Every connection of the snapshot with the log replayed, oldest first.
fn replay(dir: &Path) -> io::Result<Vec<OldConnection>> {
    let mut connections: BTreeMap<String, OldConnection> = BTreeMap::new();
    let snapshot = dir.join(SNAPSHOT);
    if snapshot.exists() {
        let saved: Vec<OldConnection> =
            serde_json::from_slice(&fs::read(&snapshot)?).map_err(|error| damaged(&snapshot, format!("{error}")))?;
        for connection in saved {
            connections.insert(connection.id.clone(), connection);
        }
    }
    let log = dir.join(LOG);
    if log.exists() {
        let bytes = fs::read(&log)?;
        let text = String::from_utf8_lossy(&bytes);
        let lines: Vec<&str> = text.lines().collect();
        for (index, line) in lines.iter().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<LogEntry>(line) {
                Ok(LogEntry::Put { connection }) => {
                    connections.insert(connection.id.clone(), *connection);
                }
                Ok(LogEntry::Delete { project_id, id }) => {
                    if connections.get(&id).is_some_and(|found| found.project_id == project_id) {
                        connections.remove(&id);
                    }
                }
                // A torn last line: that change was never acknowledged.
                Err(_) if index + 1 == lines.len() => {
                    eprintln!("eg-emulator: dropping a torn last line of {}", log.display());
                }
                Err(error) => return Err(damaged(&log, format!("line {}: {error}", index + 1))),
            }
        }
    }
    let mut all: Vec<OldConnection> = connections.into_values().collect();
    all.sort_by(|a, b| (a.created_ms, &a.id).cmp(&(b.created_ms, &b.id)));
    Ok(all)
}

fn damaged(path: &Path, detail: String) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "{} (the old data format) is damaged at {detail}; fix or remove that line to import the rest",
            path.display()
        ),
    )
}
