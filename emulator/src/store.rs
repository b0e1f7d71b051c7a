//! Connections, kept in memory and made durable with a snapshot plus an
//! append-only log in the data directory.
//!
//! Every change is appended to `connections.log` as one JSON line and synced
//! before the response goes out, under the same lock that checks name
//! uniqueness: concurrent creates never lose a connection and never break
//! uniqueness. A crash mid-append leaves at most a torn last line, which the
//! next start discards (that change was never acknowledged). At start the
//! state is compacted into `connections.json` (written to a temporary file,
//! synced, then renamed) and the log is emptied; replaying a log twice is
//! harmless, since every entry is idempotent.

use eg_connections::model::{
    ConnectionInfo, ConnectionStatus, ConnectionType, CreateConnectionRequest, ErrorInfo, Flavor, KafkaDetailInfo,
};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::clock::format_timestamp;

const SNAPSHOT: &str = "connections.json";
const LOG: &str = "connections.log";

/// A connection as stored: what was asked for, and when its creation ends.
/// The password is never stored (nothing here needs it after validation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Connection {
    pub project_id: String,
    pub id: String,
    pub name: String,
    pub description: String,
    pub vpc_id: String,
    pub subnet_id: String,
    pub connection_type: ConnectionType,
    pub kafka_detail: Option<KafkaDetailInfo>,
    pub created_ms: u64,
    /// When `CREATING` ends.
    pub ready_ms: u64,
    /// The last description change, if any.
    pub updated_ms: u64,
    /// Whether creation ends in `CREATE_FAILED`.
    pub fails: bool,
}

impl Connection {
    /// A new connection from a validated request.
    pub fn new(project_id: &str, request: &CreateConnectionRequest, now_ms: u64, ready_ms: u64, fails: bool) -> Self {
        Connection {
            project_id: project_id.to_owned(),
            id: uuid::Uuid::new_v4().to_string(),
            name: request.name.clone(),
            description: request.description.clone().unwrap_or_default(),
            vpc_id: request.vpc_id.clone(),
            subnet_id: request.subnet_id.clone(),
            connection_type: request.connection_type,
            kafka_detail: request.kafka_detail.as_ref().map(KafkaDetailInfo::from),
            created_ms: now_ms,
            ready_ms,
            updated_ms: now_ms,
            fails,
        }
    }

    /// The API's view of this connection at `now_ms`.
    pub fn info(&self, now_ms: u64) -> ConnectionInfo {
        let finished = now_ms >= self.ready_ms;
        let status = match (finished, self.fails) {
            (false, _) => ConnectionStatus::Creating,
            (true, false) => ConnectionStatus::Created,
            (true, true) => ConnectionStatus::CreateFailed,
        };
        let error_info = (finished && self.fails).then(|| ErrorInfo {
            error_code: "EG.00513006".to_owned(),
            error_detail: format!("The emulator's failure rule matched the name \"{}\"", self.name),
            error_msg: "Failed to create the VPC endpoint for this connection".to_owned(),
        });
        let updated_ms = if finished {
            self.updated_ms.max(self.ready_ms)
        } else {
            self.updated_ms
        };
        ConnectionInfo {
            id: self.id.clone(),
            name: self.name.clone(),
            description: self.description.clone(),
            status,
            error_info,
            vpc_id: self.vpc_id.clone(),
            subnet_id: self.subnet_id.clone(),
            agency: "EG_TRUST".to_owned(),
            flavor: Some(Flavor {
                name: "general".to_owned(),
                concurrency_type: "shared".to_owned(),
                concurrency: 2,
                bandwidth_type: "shared".to_owned(),
            }),
            connection_type: Some(self.connection_type),
            kafka_detail: self.kafka_detail.clone(),
            created_time: format_timestamp(self.created_ms),
            updated_time: format_timestamp(updated_ms),
        }
    }
}

/// One line of the log.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum LogEntry {
    Put { connection: Box<Connection> },
    Delete { project_id: String, id: String },
}

/// Why a store operation failed.
#[derive(Debug)]
pub enum StoreError {
    /// Another connection in the project has this name.
    NameTaken,
    /// No such connection in the project.
    NotFound,
    /// The change could not be made durable (and was not applied).
    Io(io::Error),
}

/// Sort order of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortField {
    CreatedTime,
    UpdatedTime,
    Name,
}

/// A list query, already validated.
#[derive(Debug, Clone)]
pub struct ListQuery {
    pub offset: usize,
    pub limit: usize,
    pub sort: SortField,
    pub descending: bool,
    pub name: Option<String>,
    pub fuzzy_name: Option<String>,
}

/// Every project's connections, with a name index so that the uniqueness
/// check does not scan the project.
#[derive(Default)]
struct Projects {
    /// Project ID -> connection ID -> connection.
    connections: HashMap<String, HashMap<String, Connection>>,
    /// `(project ID, name)` of every connection.
    names: HashSet<(String, String)>,
}

impl Projects {
    fn get(&self, project_id: &str) -> Option<&HashMap<String, Connection>> {
        self.connections.get(project_id)
    }

    fn name_taken(&self, project_id: &str, name: &str) -> bool {
        self.names.contains(&(project_id.to_owned(), name.to_owned()))
    }

    fn apply(&mut self, entry: LogEntry) {
        match entry {
            LogEntry::Put { connection } => {
                let project = self.connections.entry(connection.project_id.clone()).or_default();
                if let Some(previous) = project.get(&connection.id) {
                    self.names.remove(&(previous.project_id.clone(), previous.name.clone()));
                }
                self.names
                    .insert((connection.project_id.clone(), connection.name.clone()));
                project.insert(connection.id.clone(), *connection);
            }
            LogEntry::Delete { project_id, id } => {
                if let Some(removed) = self
                    .connections
                    .get_mut(&project_id)
                    .and_then(|project| project.remove(&id))
                {
                    self.names.remove(&(project_id, removed.name));
                }
            }
        }
    }
}

struct State {
    projects: Projects,
    log: File,
}

/// The durable connection store.
pub struct Store {
    state: Mutex<State>,
}

impl Store {
    /// Opens (or creates) the store in `dir`, replaying and compacting.
    pub fn open(dir: &Path) -> io::Result<Store> {
        fs::create_dir_all(dir)?;
        let mut projects = Projects::default();
        let snapshot_path = dir.join(SNAPSHOT);
        if snapshot_path.exists() {
            let connections: Vec<Connection> = serde_json::from_slice(&fs::read(&snapshot_path)?).map_err(|error| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}: {error}", snapshot_path.display()),
                )
            })?;
            for connection in connections {
                projects.apply(LogEntry::Put {
                    connection: Box::new(connection),
                });
            }
        }
        let log_path = dir.join(LOG);
        if log_path.exists() {
            replay(&log_path, &mut projects)?;
        }
        write_snapshot(dir, &projects)?;
        // The snapshot now holds everything: start an empty log.
        let log = OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(true)
            .open(&log_path)?;
        log.sync_all()?;
        sync_dir(dir)?;
        Ok(Store {
            state: Mutex::new(State { projects, log }),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the map half-changed
        // (changes are applied after the log write), so poison is ignored.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Adds a connection unless its name is taken in its project.
    pub fn create(&self, connection: Connection) -> Result<Connection, StoreError> {
        let mut state = self.lock();
        if state.projects.name_taken(&connection.project_id, &connection.name) {
            return Err(StoreError::NameTaken);
        }
        state.commit(LogEntry::Put {
            connection: Box::new(connection.clone()),
        })?;
        Ok(connection)
    }

    /// One connection.
    pub fn get(&self, project_id: &str, id: &str) -> Option<Connection> {
        self.lock().projects.get(project_id)?.get(id).cloned()
    }

    /// Changes a connection's description.
    pub fn update_description(
        &self,
        project_id: &str,
        id: &str,
        description: String,
        now_ms: u64,
    ) -> Result<Connection, StoreError> {
        let mut state = self.lock();
        let mut connection = state
            .projects
            .get(project_id)
            .and_then(|connections| connections.get(id))
            .cloned()
            .ok_or(StoreError::NotFound)?;
        connection.description = description;
        connection.updated_ms = now_ms;
        state.commit(LogEntry::Put {
            connection: Box::new(connection.clone()),
        })?;
        Ok(connection)
    }

    /// Removes a connection.
    pub fn delete(&self, project_id: &str, id: &str) -> Result<(), StoreError> {
        let mut state = self.lock();
        let exists = state
            .projects
            .get(project_id)
            .is_some_and(|connections| connections.contains_key(id));
        if !exists {
            return Err(StoreError::NotFound);
        }
        state.commit(LogEntry::Delete {
            project_id: project_id.to_owned(),
            id: id.to_owned(),
        })
    }

    /// A page of a project's connections: `(total matching, page)`.
    pub fn list(&self, project_id: &str, query: &ListQuery) -> (usize, Vec<Connection>) {
        let state = self.lock();
        let mut matching: Vec<&Connection> = state
            .projects
            .get(project_id)
            .map(|connections| {
                connections
                    .values()
                    .filter(|c| query.name.as_ref().is_none_or(|name| &c.name == name))
                    .filter(|c| {
                        query
                            .fuzzy_name
                            .as_ref()
                            .is_none_or(|part| c.name.contains(part.as_str()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        matching.sort_by(|a, b| {
            let order = match query.sort {
                SortField::CreatedTime => a.created_ms.cmp(&b.created_ms),
                SortField::UpdatedTime => a.updated_ms.cmp(&b.updated_ms),
                SortField::Name => a.name.cmp(&b.name),
            };
            // The ID breaks ties so that pages never overlap.
            let order = order.then_with(|| a.id.cmp(&b.id));
            if query.descending {
                order.reverse()
            } else {
                order
            }
        });
        let total = matching.len();
        let page = matching
            .into_iter()
            .skip(query.offset)
            .take(query.limit)
            .cloned()
            .collect();
        (total, page)
    }
}

impl State {
    /// Makes `entry` durable, then applies it.
    fn commit(&mut self, entry: LogEntry) -> Result<(), StoreError> {
        let mut line = serde_json::to_vec(&entry).map_err(|error| StoreError::Io(error.into()))?;
        line.push(b'\n');
        self.log.write_all(&line).map_err(StoreError::Io)?;
        self.log.sync_data().map_err(StoreError::Io)?;
        self.projects.apply(entry);
        Ok(())
    }
}

/// Replays the log; a torn last line is dropped, a bad line before it is corruption.
fn replay(path: &Path, projects: &mut Projects) -> io::Result<()> {
    let lines: Vec<String> = BufReader::new(File::open(path)?)
        .lines()
        .collect::<Result<_, _>>()
        .or_else(|_| {
            // Invalid UTF-8 can only come from a torn write: keep the valid prefix lines.
            let bytes = fs::read(path)?;
            Ok::<_, io::Error>(String::from_utf8_lossy(&bytes).lines().map(str::to_owned).collect())
        })?;
    let count = lines.len();
    for (index, line) in lines.into_iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<LogEntry>(&line) {
            Ok(entry) => projects.apply(entry),
            Err(_) if index + 1 == count => {
                eprintln!(
                    "eg-emulator: discarding a torn last line of {} (an unacknowledged write)",
                    path.display()
                );
            }
            Err(error) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{} line {}: {error}", path.display(), index + 1),
                ))
            }
        }
    }
    Ok(())
}

/// Writes the snapshot atomically: temporary file, sync, rename, sync the directory.
fn write_snapshot(dir: &Path, projects: &Projects) -> io::Result<()> {
    let mut connections: Vec<&Connection> = projects.connections.values().flat_map(HashMap::values).collect();
    connections.sort_by(|a, b| (a.created_ms, &a.id).cmp(&(b.created_ms, &b.id)));
    let temporary: PathBuf = dir.join(format!("{SNAPSHOT}.tmp"));
    let mut file = File::create(&temporary)?;
    serde_json::to_writer(&mut file, &connections)?;
    file.sync_all()?;
    fs::rename(&temporary, dir.join(SNAPSHOT))?;
    sync_dir(dir)
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}
