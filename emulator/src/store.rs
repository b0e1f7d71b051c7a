//! Connections in SQLite (`DATA/connections.db`, WAL mode, `synchronous=FULL`).
//!
//! One writer thread owns the only write connection and commits whatever
//! changes are waiting as one transaction, one fsync for the batch (group
//! commit); each request is answered only after its batch is durable, and a
//! batch that cannot be made durable (a full disk, an I/O error) is rolled
//! back whole and every request in it refused. Readers use their own
//! connections and never wait for the writer's fsync. A unique index on
//! (project, name) enforces names; indexes serve each sort, the paging and
//! the `instance_id` filter.
//!
//! On open: the data directory is locked against a second emulator
//! ([`crate::lock`]), SQLite's `quick_check` and the crate's own field rules
//! vet the database (a damaged one refuses to start, saying what is wrong),
//! and a data directory in the old log format is imported once
//! ([`crate::legacy`]).

use eg_connections::input::Raw;
use eg_connections::model::{
    ConnectionInfo, ConnectionStatus, ConnectionType, CreateConnectionRequest, DetailInfo, DetailRefusal, ErrorInfo,
    Flavor, ListSort, SortField, UpdateConnectionRequest,
};
use eg_connections::rules::check_field;
use eg_connections::Field;
use rusqlite::{params, params_from_iter, Connection as Database, ErrorCode, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::{fmt, io, thread};
use tokio::sync::oneshot;

use crate::clock::format_timestamp;
use crate::lock::DirLock;
use crate::sync::lock;

/// The database file in the data directory.
pub const DATABASE: &str = "connections.db";
/// Most changes one transaction commits.
const BATCH_MAX: usize = 512;
/// Read connections kept open for reuse.
const READERS_KEPT: usize = 8;
/// The schema this build writes (`PRAGMA user_version`): 2 adds
/// `error_info`, a failure's own text (a forced `CREATE_FAILED`).
const SCHEMA_VERSION: i64 = 2;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS connections (
    id TEXT PRIMARY KEY NOT NULL,
    project_id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    vpc_id TEXT NOT NULL,
    subnet_id TEXT NOT NULL,
    type TEXT NOT NULL,
    detail TEXT,
    instance_id TEXT,
    created_ms INTEGER NOT NULL,
    ready_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    fails INTEGER NOT NULL CHECK (fails IN (0, 1)),
    error_info TEXT
) STRICT;
CREATE UNIQUE INDEX IF NOT EXISTS connections_by_name ON connections (project_id, name);
CREATE INDEX IF NOT EXISTS connections_by_created ON connections (project_id, created_ms, id);
CREATE INDEX IF NOT EXISTS connections_by_updated ON connections (project_id, updated_ms, id);
CREATE INDEX IF NOT EXISTS connections_by_instance ON connections (project_id, instance_id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
-- Each project's count, kept by triggers: an unfiltered list's total
-- without counting the project's rows.
CREATE TABLE IF NOT EXISTS project_counts (
    project_id TEXT PRIMARY KEY NOT NULL,
    connections INTEGER NOT NULL
) STRICT;
CREATE TRIGGER IF NOT EXISTS count_insert AFTER INSERT ON connections BEGIN
    INSERT INTO project_counts (project_id, connections) VALUES (NEW.project_id, 1)
        ON CONFLICT (project_id) DO UPDATE SET connections = connections + 1;
END;
CREATE TRIGGER IF NOT EXISTS count_delete AFTER DELETE ON connections BEGIN
    UPDATE project_counts SET connections = connections - 1 WHERE project_id = OLD.project_id;
END;
";

/// A connection as stored: what was asked for, and when its creation ends.
/// The password is never stored (nothing here needs it after validation).
#[derive(Debug, Clone, PartialEq)]
pub struct Connection {
    pub project_id: String,
    pub id: String,
    pub name: String,
    pub description: String,
    pub vpc_id: String,
    pub subnet_id: String,
    /// Its type and detail object.
    pub detail: DetailInfo,
    pub created_ms: u64,
    /// When `CREATING` ends.
    pub ready_ms: u64,
    /// The last description change, if any.
    pub updated_ms: u64,
    /// Whether creation ends in `CREATE_FAILED`.
    pub fails: bool,
    /// Why it failed, when set by hand (a forced status); otherwise the
    /// failure rule's own text.
    pub error_info: Option<ErrorInfo>,
}

impl Connection {
    /// A new connection from a validated request.
    pub fn new(project_id: &str, request: &CreateConnectionRequest, now_ms: u64, ready_ms: u64, fails: bool) -> Self {
        Connection {
            project_id: project_id.to_owned(),
            // Time-ordered (v7): new IDs land at the end of the ID index.
            id: uuid::Uuid::now_v7().to_string(),
            name: request.name.clone(),
            description: request.description.clone().unwrap_or_default(),
            vpc_id: request.vpc_id.clone(),
            subnet_id: request.subnet_id.clone(),
            detail: request.detail.info(),
            created_ms: now_ms,
            ready_ms,
            updated_ms: now_ms,
            fails,
            error_info: None,
        }
    }

    /// The connection type.
    pub fn connection_type(&self) -> ConnectionType {
        self.detail.kind()
    }

    /// Applies a validated update: what is absent stays as it is.
    fn apply(&mut self, update: &UpdateConnectionRequest, now_ms: u64) -> Result<(), StoreError> {
        if let Some(change) = &update.detail {
            self.detail.apply(change).map_err(|refusal| match refusal {
                DetailRefusal::OtherType(kind) => {
                    StoreError::DetailNotAllowed(kind.spec().detail.unwrap_or(Field::Root))
                }
                DetailRefusal::CredentialsOff => StoreError::CredentialsOff(self.detail.kind()),
            })?;
        }
        if let Some(description) = &update.description {
            self.description = description.clone();
        }
        self.updated_ms = now_ms;
        Ok(())
    }

    /// The API's view of this connection at `now_ms`.
    pub fn info(&self, now_ms: u64) -> ConnectionInfo {
        let finished = now_ms >= self.ready_ms;
        let status = match (finished, self.fails) {
            (false, _) => ConnectionStatus::Creating,
            (true, false) => ConnectionStatus::Created,
            (true, true) => ConnectionStatus::CreateFailed,
        };
        let error_info = (finished && self.fails).then(|| {
            self.error_info.clone().unwrap_or_else(|| ErrorInfo {
                error_code: eg_connections::model::error_code::CREATE_FAILED.to_owned(),
                error_detail: format!("The emulator's failure rule matched the name \"{}\"", self.name),
                error_msg: "Failed to create the VPC endpoint for this connection".to_owned(),
            })
        });
        let updated_ms = if finished {
            self.updated_ms.max(self.ready_ms)
        } else {
            self.updated_ms
        };
        let mut info = ConnectionInfo {
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
            created_time: format_timestamp(self.created_ms),
            updated_time: format_timestamp(updated_ms),
            // The type and its detail object: `fill` below.
            ..ConnectionInfo::default()
        };
        self.detail.clone().fill(&mut info);
        info
    }
}

/// Why a store operation failed.
#[derive(Debug)]
pub enum StoreError {
    /// Another connection in the project has this name.
    NameTaken,
    /// No such connection in the project.
    NotFound,
    /// The change could not be made durable and was not applied (a full
    /// disk, an I/O error); the store keeps working once the cause is gone.
    Unavailable(String),
    /// An update's detail object belongs to another connection type.
    DetailNotAllowed(Field),
    /// New credentials for a connection of this type whose credentials
    /// switch (SASL_SSL) is off.
    CredentialsOff(ConnectionType),
    /// The connection is still `CREATING`: it cannot be deleted yet.
    StillCreating,
    /// The project already holds this many connections, its quota.
    QuotaReached(usize),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NameTaken => f.write_str("the name is taken"),
            StoreError::NotFound => f.write_str("no such connection"),
            StoreError::Unavailable(reason) => f.write_str(reason),
            StoreError::DetailNotAllowed(field) => {
                write!(f, "{} belongs to another connection type", field.path().join("."))
            }
            StoreError::CredentialsOff(_) => f.write_str("the connection has no credentials to change"),
            StoreError::StillCreating => f.write_str("the connection is still being created"),
            StoreError::QuotaReached(quota) => write!(f, "the project holds its quota of {quota} connections"),
        }
    }
}

/// A list query, already validated.
#[derive(Debug, Clone)]
pub struct ListQuery {
    pub offset: usize,
    pub limit: usize,
    pub sort: ListSort,
    pub name: Option<String>,
    pub fuzzy_name: Option<String>,
    pub instance_id: Option<String>,
}

/// A change for the writer.
enum Change {
    Create {
        connection: Box<Connection>,
        quota: usize,
    },
    Update {
        project_id: String,
        id: String,
        update: UpdateConnectionRequest,
        now_ms: u64,
    },
    Delete {
        project_id: String,
        id: String,
        now_ms: u64,
    },
    /// Every connection, or a project's, gone (`POST /emulator/reset`).
    Reset {
        project_id: Option<String>,
    },
    /// Every connection replaced by these (a state file's).
    Replace(Vec<Connection>),
    /// Creation ends now, as `CREATED` or `CREATE_FAILED`.
    ForceStatus {
        id: String,
        fails: bool,
        error_info: Option<ErrorInfo>,
        now_ms: u64,
    },
}

/// What a change did, once durable.
enum Applied {
    Connection(Box<Connection>),
    Count(usize),
}

/// What a change returns once durable.
type Outcome = Result<Applied, StoreError>;

struct Job {
    change: Change,
    reply: oneshot::Sender<Outcome>,
}

/// Where the database lives.
#[derive(Debug, Clone)]
enum Location {
    /// `DATA/connections.db`.
    File(PathBuf),
    /// A named database of SQLite's `memdb` VFS, shared by this process's
    /// connections and gone with the last of them (`--in-memory`).
    Memory(String),
}

impl Location {
    /// What to call it in a refusal.
    fn display(&self) -> String {
        match self {
            Location::File(path) => path.display().to_string(),
            Location::Memory(_) => "the in-memory database".to_owned(),
        }
    }
}

/// The durable connection store.
pub struct Store {
    writer: Mutex<Option<mpsc::Sender<Job>>>,
    /// Set to stop the checkpoint thread.
    stop_checkpoints: Arc<AtomicU32>,
    writer_thread: Mutex<Option<thread::JoinHandle<()>>>,
    checkpoint_thread: Mutex<Option<thread::JoinHandle<()>>>,
    readers: Mutex<Vec<Database>>,
    location: Location,
    /// Commits still to fail on purpose (the storage fault of `--enable-faults`).
    failing_commits: Arc<AtomicU32>,
    _lock: Option<DirLock>,
}

impl Store {
    /// Opens (or creates) the store in `dir`: locks the directory, vets and
    /// migrates the database, imports an old log, starts the writer.
    pub fn open(dir: &Path) -> io::Result<Store> {
        std::fs::create_dir_all(dir)?;
        let lock = DirLock::acquire(dir)?;
        let path = Location::File(dir.join(DATABASE));
        let mut database = open_database(&path, false).map_err(|error| refuse(&path, error))?;
        vet(&database, &path)?;
        import_legacy(dir, &mut database)?;
        // The counts the triggers keep, recounted once: a hand edit or an
        // import may have bypassed them.
        database
            .execute_batch(
                "BEGIN; DELETE FROM project_counts; \
                 INSERT INTO project_counts SELECT project_id, count(*) FROM connections GROUP BY project_id; COMMIT;",
            )
            .map_err(|error| refuse(&path, error))?;
        let failing_commits = Arc::new(AtomicU32::new(0));
        let (sender, receiver) = mpsc::channel();
        let failing = failing_commits.clone();
        let writer_thread = thread::Builder::new()
            .name("eg-store-writer".into())
            .spawn(move || write_loop(database, receiver, failing))?;
        let checkpointer = open_database(&path, false).map_err(|error| refuse(&path, error))?;
        let stop = Arc::new(AtomicU32::new(0));
        let stopped = stop.clone();
        let checkpoint_thread = thread::Builder::new()
            .name("eg-store-checkpoint".into())
            .spawn(move || checkpoint_loop(checkpointer, stopped))?;
        Ok(Store {
            writer: Mutex::new(Some(sender)),
            stop_checkpoints: stop,
            writer_thread: Mutex::new(Some(writer_thread)),
            checkpoint_thread: Mutex::new(Some(checkpoint_thread)),
            readers: Mutex::new(Vec::new()),
            location: path,
            failing_commits,
            _lock: Some(lock),
        })
    }

    /// A store in memory (`--in-memory`): nothing is written to disk, no
    /// data directory or lock is used, and everything is gone when it
    /// closes. The same SQLite and the same code as on disk, with one
    /// writer and a pool of readers, minus the file's durability.
    pub fn open_in_memory() -> io::Result<Store> {
        let location = Location::Memory(format!("/eg-emulator-{}", uuid::Uuid::new_v4().simple()));
        let database = open_database(&location, false).map_err(|error| refuse(&location, error))?;
        let failing_commits = Arc::new(AtomicU32::new(0));
        let (sender, receiver) = mpsc::channel();
        let failing = failing_commits.clone();
        let writer_thread = thread::Builder::new()
            .name("eg-store-writer".into())
            .spawn(move || write_loop(database, receiver, failing))?;
        Ok(Store {
            writer: Mutex::new(Some(sender)),
            stop_checkpoints: Arc::new(AtomicU32::new(0)),
            writer_thread: Mutex::new(Some(writer_thread)),
            checkpoint_thread: Mutex::new(None),
            readers: Mutex::new(Vec::new()),
            location,
            failing_commits,
            _lock: None,
        })
    }

    /// Whether the store is in memory (nothing on disk).
    pub fn in_memory(&self) -> bool {
        matches!(self.location, Location::Memory(_))
    }

    /// Makes the next `count` commits fail as a full disk would (tests).
    pub fn fail_next_commits(&self, count: u32) {
        self.failing_commits.store(count, Ordering::SeqCst);
    }

    /// Finishes the queued changes, stops the writer and the checkpoints,
    /// and closes every connection (the last one to close folds the WAL
    /// into the database file and removes it).
    pub fn close(&self) {
        self.stop_checkpoints.store(1, Ordering::SeqCst);
        drop(lock(&self.writer).take());
        for thread in [&self.writer_thread, &self.checkpoint_thread] {
            if let Some(thread) = lock(thread).take() {
                let _ = thread.join();
            }
        }
        lock(&self.readers).clear();
    }

    async fn submit(&self, change: Change) -> Outcome {
        let (reply, answer) = oneshot::channel();
        let sent = lock(&self.writer)
            .as_ref()
            .map(|writer| writer.send(Job { change, reply }).is_ok());
        if sent != Some(true) {
            return Err(StoreError::Unavailable("the store is closed".into()));
        }
        answer
            .await
            .unwrap_or_else(|_| Err(StoreError::Unavailable("the store's writer stopped".into())))
    }

    /// Adds a connection unless its name is taken in its project or the
    /// project already holds `quota` connections; answers once the addition
    /// is durable. (Counted in the writer's transaction: two creates racing
    /// for the last place cannot both get it.)
    pub async fn create(&self, connection: Connection, quota: usize) -> Result<Connection, StoreError> {
        self.submit(Change::Create {
            connection: Box::new(connection),
            quota,
        })
        .await
        .and_then(connection_of)
    }

    /// Applies a validated update (description, Kafka credentials,
    /// RocketMQ settings); answers once durable.
    pub async fn update(
        &self,
        project_id: &str,
        id: &str,
        update: UpdateConnectionRequest,
        now_ms: u64,
    ) -> Result<Connection, StoreError> {
        self.submit(Change::Update {
            project_id: project_id.to_owned(),
            id: id.to_owned(),
            update,
            now_ms,
        })
        .await
        .and_then(connection_of)
    }

    /// Removes a connection whose creation has ended; answers once durable.
    pub async fn delete(&self, project_id: &str, id: &str, now_ms: u64) -> Result<(), StoreError> {
        self.submit(Change::Delete {
            project_id: project_id.to_owned(),
            id: id.to_owned(),
            now_ms,
        })
        .await
        .map(drop)
    }

    /// Removes every connection, or every one of `project_id`; how many.
    pub async fn reset(&self, project_id: Option<&str>) -> Result<usize, StoreError> {
        self.submit(Change::Reset {
            project_id: project_id.map(str::to_owned),
        })
        .await
        .and_then(count_of)
    }

    /// Replaces every connection with `connections` (already vetted: unique
    /// IDs, unique names per project), in one transaction; how many.
    pub async fn replace_all(&self, connections: Vec<Connection>) -> Result<usize, StoreError> {
        self.submit(Change::Replace(connections)).await.and_then(count_of)
    }

    /// Ends the creation of connection `id` now: `CREATE_FAILED` with
    /// `error_info` when `fails`, else `CREATED`.
    pub async fn force_status(
        &self,
        id: &str,
        fails: bool,
        error_info: Option<ErrorInfo>,
        now_ms: u64,
    ) -> Result<Connection, StoreError> {
        self.submit(Change::ForceStatus {
            id: id.to_owned(),
            fails,
            error_info,
            now_ms,
        })
        .await
        .and_then(connection_of)
    }

    /// Every connection, oldest first (a state file's content).
    pub async fn all(self: &Arc<Self>) -> Result<Vec<Connection>, StoreError> {
        self.read(|database| {
            database
                .prepare_cached(&format!("SELECT {COLUMNS} FROM connections ORDER BY created_ms, id"))?
                .query_map([], row_to_connection)?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .await
    }

    /// Whether changes are still taken (not closed).
    pub fn is_open(&self) -> bool {
        lock(&self.writer).is_some()
    }

    /// Runs `read` on a read connection, off the async threads.
    async fn read<T: Send + 'static>(
        self: &Arc<Self>,
        read: impl FnOnce(&Database) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, StoreError> {
        let store = self.clone();
        tokio::task::spawn_blocking(move || {
            let database = match lock(&store.readers).pop() {
                Some(database) => database,
                None => open_database(&store.location, true).map_err(unavailable)?,
            };
            let result = read(&database).map_err(unavailable);
            let mut readers = lock(&store.readers);
            if readers.len() < READERS_KEPT {
                readers.push(database);
            }
            result
        })
        .await
        .unwrap_or_else(|error| Err(StoreError::Unavailable(error.to_string())))
    }

    /// One connection.
    pub async fn get(self: &Arc<Self>, project_id: &str, id: &str) -> Result<Option<Connection>, StoreError> {
        let (project_id, id) = (project_id.to_owned(), id.to_owned());
        self.read(move |database| {
            database
                .prepare_cached(&format!(
                    "SELECT {COLUMNS} FROM connections WHERE project_id = ?1 AND id = ?2"
                ))?
                .query_row(params![project_id, id], row_to_connection)
                .optional()
        })
        .await
    }

    /// How many connections `project_id` holds (what its quota counts).
    pub async fn count(self: &Arc<Self>, project_id: &str) -> Result<usize, StoreError> {
        let project_id = project_id.to_owned();
        self.read(move |database| project_count(database, &project_id)).await
    }

    /// A page of a project's connections: `(total matching, page)`.
    pub async fn list(
        self: &Arc<Self>,
        project_id: &str,
        query: &ListQuery,
    ) -> Result<(usize, Vec<Connection>), StoreError> {
        let (project_id, query) = (project_id.to_owned(), query.clone());
        self.read(move |database| {
            let mut filter = String::from("project_id = ?1");
            let mut values: Vec<String> = vec![project_id];
            for (condition, value) in [
                ("name = ?{}", &query.name),
                ("instr(name, ?{}) > 0", &query.fuzzy_name),
                ("instance_id = ?{}", &query.instance_id),
            ] {
                if let Some(value) = value {
                    values.push(value.clone());
                    filter.push_str(" AND ");
                    filter.push_str(&condition.replace("{}", &values.len().to_string()));
                }
            }
            let total: i64 = if values.len() == 1 {
                database
                    .prepare_cached("SELECT connections FROM project_counts WHERE project_id = ?1")?
                    .query_row(params_from_iter(&values), |row| row.get(0))
                    .optional()?
                    .unwrap_or(0)
            } else {
                database
                    .prepare_cached(&format!("SELECT count(*) FROM connections WHERE {filter}"))?
                    .query_row(params_from_iter(&values), |row| row.get(0))?
            };
            let column = match query.sort.field {
                SortField::CreatedTime => "created_ms",
                SortField::UpdatedTime => "updated_ms",
                SortField::Name => "name",
            };
            let direction = if query.sort.descending { "DESC" } else { "ASC" };
            // The ID breaks ties so that pages never overlap.
            let sql = format!(
                "SELECT {COLUMNS} FROM connections WHERE {filter} ORDER BY {column} {direction}, id {direction} LIMIT {} OFFSET {}",
                query.limit, query.offset
            );
            let mut statement = database.prepare_cached(&sql)?;
            let page = statement
                .query_map(params_from_iter(&values), row_to_connection)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((usize::try_from(total).unwrap_or(0), page))
        })
        .await
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        self.close();
    }
}

fn connection_of(applied: Applied) -> Result<Connection, StoreError> {
    match applied {
        Applied::Connection(connection) => Ok(*connection),
        Applied::Count(_) => Err(StoreError::NotFound),
    }
}

fn count_of(applied: Applied) -> Result<usize, StoreError> {
    match applied {
        Applied::Count(count) => Ok(count),
        Applied::Connection(_) => Ok(1),
    }
}

fn unavailable(error: rusqlite::Error) -> StoreError {
    StoreError::Unavailable(describe(&error))
}

/// A SQLite error in words a user can act on.
fn describe(error: &rusqlite::Error) -> String {
    match error.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => "the disk is full".to_owned(),
        Some(ErrorCode::ReadOnly) => "the database is read-only".to_owned(),
        Some(ErrorCode::SystemIoFailure) => format!("an I/O error ({error})"),
        _ => error.to_string(),
    }
}

/// The error that keeps the emulator from starting on a damaged database.
fn refuse(location: &Location, error: impl fmt::Display) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "{} is damaged or not an eg-emulator database ({error}); restore it from a backup, or move it aside to start empty",
            location.display()
        ),
    )
}

fn open_database(location: &Location, read_only: bool) -> rusqlite::Result<Database> {
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let path = match location {
        Location::File(path) => path,
        Location::Memory(name) => {
            let uri = format!("file:{name}?vfs=memdb");
            let database = Database::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?;
            database.busy_timeout(std::time::Duration::from_secs(5))?;
            if !read_only {
                database.execute_batch("PRAGMA foreign_keys = ON;")?;
                database.execute_batch(SCHEMA)?;
                database.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))?;
            }
            return Ok(database);
        }
    };
    let database = Database::open_with_flags(path, flags)?;
    // A reader waits out a checkpoint rather than failing.
    database.busy_timeout(std::time::Duration::from_secs(5))?;
    if !read_only {
        let mode: String = database.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(rusqlite::Error::InvalidParameterName(format!(
                "cannot use WAL mode here (journal mode is {mode})"
            )));
        }
        // Checkpoints run on their own thread (`checkpoint_loop`), so a
        // commit never waits for one.
        database
            .execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 0;")?;
        let version: i64 = database.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(rusqlite::Error::InvalidParameterName(format!(
                "it was written by a newer eg-emulator (schema {version}, this one knows {SCHEMA_VERSION})"
            )));
        }
        if version == 1 {
            database.execute_batch("ALTER TABLE connections ADD COLUMN error_info TEXT")?;
        }
        database.execute_batch(SCHEMA)?;
        database.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))?;
    }
    Ok(database)
}

/// SQLite's own check, then every row against the crate's field rules: a
/// damaged or hand-edited database is refused, never served.
fn vet(database: &Database, path: &Location) -> io::Result<()> {
    let verdict: String = database
        .query_row("PRAGMA quick_check", [], |row| row.get(0))
        .map_err(|error| refuse(path, error))?;
    if verdict != "ok" {
        return Err(refuse(path, verdict));
    }
    let mut statement = database
        .prepare(&format!("SELECT {COLUMNS} FROM connections"))
        .map_err(|error| refuse(path, error))?;
    let rows = statement
        .query_map([], row_to_connection)
        .map_err(|error| refuse(path, error))?;
    for row in rows {
        let connection = row.map_err(|error| refuse(path, error))?;
        if let Some(problem) = invalid_field(&connection) {
            return Err(refuse(path, format!("connection {}: {problem}", connection.id)));
        }
    }
    Ok(())
}

/// The first stored field that breaks the rules, as a sentence.
pub fn invalid_field(connection: &Connection) -> Option<String> {
    let mut fields = vec![
        (Field::Name, Some(connection.name.as_str())),
        (Field::Description, Some(connection.description.as_str())),
        (Field::VpcId, Some(connection.vpc_id.as_str())),
        (Field::SubnetId, Some(connection.subnet_id.as_str())),
    ];
    let spec = connection.connection_type().spec();
    for field in [spec.instance_id, spec.addr].into_iter().flatten() {
        fields.push((field, connection.detail.text(field)));
    }
    fields.into_iter().find_map(|(field, value)| {
        let raw = value.map_or(Raw::Missing, |value| Raw::Value(value.to_owned()));
        check_field(field, &raw, false)
            .first()
            .map(|issue| issue.message(eg_connections::Locale::En))
    })
}

const COLUMNS: &str =
    "id, project_id, name, description, vpc_id, subnet_id, type, detail, created_ms, ready_ms, updated_ms, fails, error_info";

fn row_to_connection(row: &rusqlite::Row) -> rusqlite::Result<Connection> {
    let kind: String = row.get(6)?;
    let detail: Option<String> = row.get(7)?;
    let connection_type = ConnectionType::parse(&kind).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(6, rusqlite::types::Type::Text, format!("type {kind:?}").into())
    })?;
    let as_u64 = |index: usize| -> rusqlite::Result<u64> {
        let value: i64 = row.get(index)?;
        u64::try_from(value).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(index, value))
    };
    Ok(Connection {
        id: row.get(0)?,
        project_id: row.get(1)?,
        name: row.get(2)?,
        description: row.get(3)?,
        vpc_id: row.get(4)?,
        subnet_id: row.get(5)?,
        // The `detail` column: the type's detail object as JSON, or NULL.
        detail: DetailInfo::from_json(connection_type, detail.as_deref())
            .map_err(|error| rusqlite::Error::FromSqlConversionFailure(7, rusqlite::types::Type::Text, error.into()))?,
        created_ms: as_u64(8)?,
        ready_ms: as_u64(9)?,
        updated_ms: as_u64(10)?,
        fails: row.get(11)?,
        error_info: row
            .get::<_, Option<String>>(12)?
            .map(|text| serde_json::from_str(&text))
            .transpose()
            .map_err(|error| {
                rusqlite::Error::FromSqlConversionFailure(12, rusqlite::types::Type::Text, error.into())
            })?,
    })
}

/// Inserts or replaces one connection (the writer's and the import's one
/// statement for it).
fn insert(database: &Database, connection: &Connection, replace: bool) -> rusqlite::Result<usize> {
    let detail = connection.detail.to_json();
    let verb = if replace { "INSERT OR REPLACE" } else { "INSERT" };
    database
        .prepare_cached(&format!(
            "{verb} INTO connections (id, project_id, name, description, vpc_id, subnet_id, type, detail, instance_id, created_ms, ready_ms, updated_ms, fails, error_info) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
        ))?
        .execute(params![
            connection.id,
            connection.project_id,
            connection.name,
            connection.description,
            connection.vpc_id,
            connection.subnet_id,
            connection.connection_type().as_str(),
            detail,
            connection.detail.instance_id(),
            connection.created_ms as i64,
            connection.ready_ms as i64,
            connection.updated_ms as i64,
            connection.fails,
            connection
                .error_info
                .as_ref()
                .and_then(|info| serde_json::to_string(info).ok()),
        ])
}

/// The `meta` key that records the old format's import.
const LEGACY_IMPORTED: &str = "legacy_import";

/// Imports a data directory in the old log format ([`crate::legacy`]),
/// once: its connections and the record of the import in one transaction,
/// then the old files are renamed.
fn import_legacy(dir: &Path, database: &mut Database) -> io::Result<()> {
    let files = crate::legacy::files(dir);
    if files.is_empty() {
        return Ok(());
    }
    let already: Option<String> = database
        .query_row(
            "SELECT value FROM meta WHERE key = ?1",
            params![LEGACY_IMPORTED],
            |row| row.get(0),
        )
        .optional()
        .map_err(io::Error::other)?;
    if already.is_none() {
        let connections = crate::legacy::read(dir)?;
        let count = connections.len();
        let transaction = database.transaction().map_err(io::Error::other)?;
        for old in connections {
            let connection = Connection {
                detail: old.detail(),
                project_id: old.project_id,
                id: old.id,
                name: old.name,
                description: old.description,
                vpc_id: old.vpc_id,
                subnet_id: old.subnet_id,
                created_ms: old.created_ms,
                ready_ms: old.ready_ms,
                updated_ms: old.updated_ms,
                fails: old.fails,
                error_info: None,
            };
            insert(&transaction, &connection, true).map_err(io::Error::other)?;
        }
        transaction
            .execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)",
                params![LEGACY_IMPORTED, format!("{count} connections")],
            )
            .map_err(io::Error::other)?;
        transaction.commit().map_err(io::Error::other)?;
        eprintln!(
            "eg-emulator: imported {count} connections from the old log format in {}",
            dir.display()
        );
    }
    crate::legacy::retire(&files)
}

/// Copies committed pages from the WAL into the database a few times a
/// second (PASSIVE: it never blocks the writer or the readers), so that the
/// WAL stays small and no commit pays for a checkpoint.
fn checkpoint_loop(database: Database, stop: Arc<AtomicU32>) {
    while stop.load(Ordering::SeqCst) == 0 {
        thread::sleep(std::time::Duration::from_millis(250));
        let _ = database.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
    }
}

/// The writer: takes what is waiting, applies it in one transaction,
/// commits (one fsync), then answers everyone in the batch.
fn write_loop(mut database: Database, jobs: mpsc::Receiver<Job>, failing_commits: Arc<AtomicU32>) {
    while let Ok(first) = jobs.recv() {
        let mut batch = vec![first];
        while batch.len() < BATCH_MAX {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let outcomes = commit_batch(&mut database, &batch, &failing_commits);
        for (job, outcome) in batch.into_iter().zip(outcomes) {
            let _ = job.reply.send(outcome);
        }
    }
}

fn commit_batch(database: &mut Database, batch: &[Job], failing_commits: &AtomicU32) -> Vec<Outcome> {
    let refuse_all = |reason: String| {
        batch
            .iter()
            .map(|_| Err(StoreError::Unavailable(reason.clone())))
            .collect()
    };
    let transaction = match database.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate) {
        Ok(transaction) => transaction,
        Err(error) => return refuse_all(describe(&error)),
    };
    let mut outcomes = Vec::with_capacity(batch.len());
    for job in batch {
        match apply(&transaction, &job.change) {
            Ok(outcome) => outcomes.push(outcome),
            // Not durable, so nothing of the batch is: it rolls back whole.
            Err(error) => return refuse_all(describe(&error)),
        }
    }
    let injected = failing_commits
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |left| left.checked_sub(1))
        .is_ok();
    if injected {
        return refuse_all("the disk is full (a storage fault injected for tests)".to_owned());
    }
    match transaction.commit() {
        Ok(()) => outcomes,
        Err(error) => refuse_all(describe(&error)),
    }
}

/// How many connections `project_id` holds.
fn project_count(database: &Database, project_id: &str) -> rusqlite::Result<usize> {
    let count: i64 = database
        .prepare_cached("SELECT connections FROM project_counts WHERE project_id = ?1")?
        .query_row(params![project_id], |row| row.get(0))
        .optional()?
        .unwrap_or(0);
    Ok(usize::try_from(count).unwrap_or(0))
}

/// One change inside the batch's transaction. Name clashes and missing
/// connections are this change's answer; any other error fails the batch.
fn apply(transaction: &rusqlite::Transaction, change: &Change) -> rusqlite::Result<Outcome> {
    match change {
        Change::Create { connection, quota } if project_count(transaction, &connection.project_id)? >= *quota => {
            Ok(Err(StoreError::QuotaReached(*quota)))
        }
        Change::Create { connection, .. } => match insert(transaction, connection, false) {
            Ok(_) => Ok(Ok(Applied::Connection(connection.clone()))),
            Err(error) if error.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
                Ok(Err(StoreError::NameTaken))
            }
            Err(error) => Err(error),
        },
        Change::Update {
            project_id,
            id,
            update,
            now_ms,
        } => {
            let Some(mut connection) = find(transaction, Some(project_id), id)? else {
                return Ok(Err(StoreError::NotFound));
            };
            if let Err(refusal) = connection.apply(update, *now_ms) {
                return Ok(Err(refusal));
            }
            transaction
                .prepare_cached(
                    "UPDATE connections SET description = ?3, detail = ?4, instance_id = ?5, updated_ms = ?6 \
                     WHERE project_id = ?1 AND id = ?2",
                )?
                .execute(params![
                    project_id,
                    id,
                    connection.description,
                    connection.detail.to_json(),
                    connection.detail.instance_id(),
                    *now_ms as i64
                ])?;
            Ok(Ok(Applied::Connection(Box::new(connection))))
        }
        Change::Delete { project_id, id, now_ms } => {
            let Some(connection) = find(transaction, Some(project_id), id)? else {
                return Ok(Err(StoreError::NotFound));
            };
            if connection.ready_ms > *now_ms {
                return Ok(Err(StoreError::StillCreating));
            }
            transaction
                .prepare_cached("DELETE FROM connections WHERE project_id = ?1 AND id = ?2")?
                .execute(params![project_id, id])?;
            Ok(Ok(Applied::Count(1)))
        }
        Change::Reset { project_id } => {
            let deleted = match project_id {
                Some(project_id) => transaction
                    .prepare_cached("DELETE FROM connections WHERE project_id = ?1")?
                    .execute(params![project_id])?,
                None => transaction.execute("DELETE FROM connections", [])?,
            };
            Ok(Ok(Applied::Count(deleted)))
        }
        Change::Replace(connections) => {
            // All or nothing within the batch: a savepoint of its own.
            transaction.execute_batch("SAVEPOINT replace_all")?;
            let replaced = (|| -> rusqlite::Result<Result<usize, StoreError>> {
                transaction.execute("DELETE FROM connections", [])?;
                for connection in connections {
                    match insert(transaction, connection, false) {
                        Ok(_) => {}
                        Err(error) if error.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
                            return Ok(Err(StoreError::NameTaken))
                        }
                        Err(error) => return Err(error),
                    }
                }
                Ok(Ok(connections.len()))
            })();
            match replaced {
                Ok(Ok(count)) => {
                    transaction.execute_batch("RELEASE replace_all")?;
                    Ok(Ok(Applied::Count(count)))
                }
                Ok(Err(refusal)) => {
                    transaction.execute_batch("ROLLBACK TO replace_all; RELEASE replace_all")?;
                    Ok(Err(refusal))
                }
                Err(error) => Err(error),
            }
        }
        Change::ForceStatus {
            id,
            fails,
            error_info,
            now_ms,
        } => {
            let Some(mut connection) = find(transaction, None, id)? else {
                return Ok(Err(StoreError::NotFound));
            };
            connection.ready_ms = connection.ready_ms.min(*now_ms);
            connection.fails = *fails;
            connection.error_info = error_info.clone();
            transaction
                .prepare_cached("UPDATE connections SET ready_ms = ?2, fails = ?3, error_info = ?4 WHERE id = ?1")?
                .execute(params![
                    id,
                    connection.ready_ms as i64,
                    connection.fails,
                    error_info.as_ref().and_then(|info| serde_json::to_string(info).ok())
                ])?;
            Ok(Ok(Applied::Connection(Box::new(connection))))
        }
    }
}

/// The connection `id` (of `project_id`, when given), inside the writer's transaction.
fn find(
    transaction: &rusqlite::Transaction,
    project_id: Option<&str>,
    id: &str,
) -> rusqlite::Result<Option<Connection>> {
    match project_id {
        Some(project_id) => transaction
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM connections WHERE project_id = ?1 AND id = ?2"
            ))?
            .query_row(params![project_id, id], row_to_connection)
            .optional(),
        None => transaction
            .prepare_cached(&format!("SELECT {COLUMNS} FROM connections WHERE id = ?1"))?
            .query_row(params![id], row_to_connection)
            .optional(),
    }
}
