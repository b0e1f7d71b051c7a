//! The emulator's state file: every connection as the API shows it, plus
//! what the emulator keeps beside it (when creation ends, whether it
//! fails), so that a round trip gives back the same connections, byte for
//! byte as the API shows them. `GET /emulator/state` and
//! `--export-on-exit FILE` write it; `POST /emulator/state` and
//! `--import FILE` read it, vetted whole before anything is replaced.
//! Passwords are never in it: the store keeps none.

use eg_connections::model::{ConnectionInfo, ConnectionStatus, ErrorInfo, ReportedType};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;

use crate::clock::parse_timestamp;
use crate::store::{invalid_field, Connection};

/// What the file says it is.
pub const FORMAT: &str = "eg-emulator-state";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;

/// The whole file.
#[derive(Debug, Serialize, Deserialize)]
pub struct StateFile {
    pub format: String,
    pub version: u32,
    pub connections: Vec<Entry>,
}

/// One connection.
#[derive(Debug, Serialize, Deserialize)]
pub struct Entry {
    pub project_id: String,
    /// As the API shows it.
    pub connection: Value,
    /// What the emulator keeps beside it; a hand-written file may leave it
    /// out (then the times come from the API view and creation has ended
    /// as its status says).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emulator: Option<Kept>,
}

/// The emulator's own part of a connection.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Kept {
    pub created_ms: u64,
    pub updated_ms: u64,
    /// When `CREATING` ends.
    pub ready_ms: u64,
    /// Whether it ends in `CREATE_FAILED`.
    pub fails: bool,
}

/// The state file of `connections` at `now_ms`.
pub fn export(connections: &[Connection], now_ms: u64) -> StateFile {
    StateFile {
        format: FORMAT.to_owned(),
        version: VERSION,
        connections: connections
            .iter()
            .map(|connection| Entry {
                project_id: connection.project_id.clone(),
                connection: serde_json::to_value(connection.info(now_ms)).unwrap_or(Value::Null),
                emulator: Some(Kept {
                    created_ms: connection.created_ms,
                    updated_ms: connection.updated_ms,
                    ready_ms: connection.ready_ms,
                    fails: connection.fails,
                }),
            })
            .collect(),
    }
}

/// The connections of a state file's text, every entry vetted (the shared
/// field rules, a known type, unique IDs, unique names in a project), or
/// why not, naming the entry: nothing is taken from a file that fails.
pub fn import(text: &[u8], now_ms: u64) -> Result<Vec<Connection>, String> {
    /// The file, its entries still unread: a bad one is named by its place.
    #[derive(Deserialize)]
    struct Loose {
        format: String,
        version: u32,
        connections: Vec<Value>,
    }
    let file: Loose = serde_json::from_slice(text).map_err(|error| format!("it is not a state file ({error})"))?;
    if file.format != FORMAT || file.version != VERSION {
        return Err(format!(
            "it is not an {FORMAT} file of version {VERSION} (format \"{}\", version {})",
            eg_connections::issue::quote(&file.format),
            file.version
        ));
    }
    let mut ids = HashSet::new();
    let mut names = HashSet::new();
    let mut connections = Vec::with_capacity(file.connections.len());
    for (index, entry) in file.connections.into_iter().enumerate() {
        let connection = serde_json::from_value::<Entry>(entry)
            .map_err(|error| error.to_string())
            .and_then(|entry| connection(entry, now_ms))
            .map_err(|why| format!("entry {}: {why}", index + 1))?;
        if !ids.insert(connection.id.clone()) {
            return Err(format!("entry {}: the ID {} is used twice", index + 1, connection.id));
        }
        if !names.insert((connection.project_id.clone(), connection.name.clone())) {
            return Err(format!(
                "entry {}: the name \"{}\" is used twice in project {}",
                index + 1,
                connection.name,
                connection.project_id
            ));
        }
        connections.push(connection);
    }
    Ok(connections)
}

/// One entry as a stored connection, or why it cannot be one.
fn connection(entry: Entry, now_ms: u64) -> Result<Connection, String> {
    let info: ConnectionInfo =
        serde_json::from_value(entry.connection).map_err(|error| format!("the connection cannot be read ({error})"))?;
    let label = if info.id.is_empty() {
        "(no ID)".to_owned()
    } else {
        info.id.clone()
    };
    if info.id.is_empty() || entry.project_id.is_empty() {
        return Err(format!("{label}: a connection needs an id and a project_id"));
    }
    let detail = match &info.connection_type {
        ReportedType::Known(_) => info.detail().unwrap_or(eg_connections::model::DetailInfo::Webhook),
        ReportedType::Absent => return Err(format!("{label}: the connection has no type")),
        ReportedType::Other(kind) => {
            return Err(format!("{label}: the type \"{kind}\" is not one this emulator knows"))
        }
    };
    let kept = match entry.emulator {
        Some(kept) => kept,
        None => {
            let created_ms = parse_timestamp(&info.created_time)
                .ok_or_else(|| format!("{label}: created_time must be YYYY-MM-DD HH:MM:SS"))?;
            let updated_ms = parse_timestamp(&info.updated_time).unwrap_or(created_ms);
            let fails = info.status == ConnectionStatus::CreateFailed;
            // Still CREATING: it ends a moment from now, as a new one would.
            let ready_ms = if info.status == ConnectionStatus::Creating {
                now_ms
            } else {
                created_ms
            };
            Kept {
                created_ms,
                updated_ms,
                ready_ms,
                fails,
            }
        }
    };
    let error_info = info
        .error_info
        .clone()
        .filter(|_| kept.fails)
        .filter(|error| *error != ErrorInfo::default());
    let connection = Connection {
        project_id: entry.project_id,
        id: info.id.clone(),
        name: info.name,
        description: info.description,
        vpc_id: info.vpc_id,
        subnet_id: info.subnet_id,
        detail,
        created_ms: kept.created_ms,
        ready_ms: kept.ready_ms,
        updated_ms: kept.updated_ms,
        fails: kept.fails,
        error_info,
    };
    if let Some(problem) = invalid_field(&connection) {
        return Err(format!("{label}: {problem}"));
    }
    Ok(connection)
}
