//! The data format before SQLite (`connections.json`, a snapshot, plus
//! `connections.log`, one JSON change per line), imported once on start:
//! in one transaction that also records the import, then the old files are
//! renamed `*.imported` and kept. A crash between the two only means the
//! next start renames them; nothing is imported twice.
//!
//! A torn last log line was never acknowledged and is dropped; a bad line
//! before it is damage, and the start is refused. Two connections with one
//! name (which the old store could write when two emulators shared a
//! directory) are both kept, the later renamed, and the log says so.

use rusqlite::{params, Connection as Database, OptionalExtension};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::store::{insert, Connection};

const SNAPSHOT: &str = "connections.json";
const LOG: &str = "connections.log";
const IMPORTED_KEY: &str = "legacy_import";

/// One line of the old log.
#[derive(Debug, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum LogEntry {
    Put { connection: Box<Connection> },
    Delete { project_id: String, id: String },
}

/// Imports an old data directory into `database`, once.
pub fn import(dir: &Path, database: &mut Database) -> io::Result<()> {
    let files: Vec<PathBuf> = [SNAPSHOT, LOG]
        .iter()
        .map(|name| dir.join(name))
        .filter(|path| path.exists())
        .collect();
    if files.is_empty() {
        return Ok(());
    }
    let already: Option<String> = database
        .query_row("SELECT value FROM meta WHERE key = ?1", params![IMPORTED_KEY], |row| {
            row.get(0)
        })
        .optional()
        .map_err(io::Error::other)?;
    if already.is_none() {
        let connections = read(dir)?;
        let count = connections.len();
        let transaction = database.transaction().map_err(io::Error::other)?;
        let mut names = HashSet::new();
        for mut connection in connections {
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
            insert(&transaction, &connection, true).map_err(io::Error::other)?;
        }
        transaction
            .execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)",
                params![IMPORTED_KEY, format!("{count} connections")],
            )
            .map_err(io::Error::other)?;
        transaction.commit().map_err(io::Error::other)?;
        eprintln!(
            "eg-emulator: imported {count} connections from the old log format in {}",
            dir.display()
        );
    }
    for file in files {
        let mut kept = file.clone().into_os_string();
        kept.push(".imported");
        fs::rename(&file, kept)?;
    }
    Ok(())
}

/// Every connection of the snapshot with the log replayed, oldest first.
fn read(dir: &Path) -> io::Result<Vec<Connection>> {
    let mut connections: BTreeMap<String, Connection> = BTreeMap::new();
    let snapshot = dir.join(SNAPSHOT);
    if snapshot.exists() {
        let saved: Vec<Connection> =
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
    let mut all: Vec<Connection> = connections.into_values().collect();
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
