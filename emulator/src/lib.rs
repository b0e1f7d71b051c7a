//! eg-emulator: a local stand-in for the Huawei Cloud EventGrid connections
//! API and IAM's token endpoint, for the console and the tests. Every field
//! rule is the eg-connections crate's (the same code the console and the
//! npm validator run); what is its own is the server's part: storage,
//! authorization, signatures, and the emulator's control endpoints.
//!
//! Modules import each other without cycles (ARCHITECTURE.md lists the
//! graph): leaves first (`clock`, `errors`, `settings`, `sync`, `lock`,
//! `server`, `legacy`), then `iam`, `store`, `console`, `middleware`,
//! `signed`, `extract`, `faults`, the routers (`connections`,
//! `iam_routes`), `state`, and `app`, which wires them; `forward` uses
//! only the shared leaves.

pub mod app;
pub mod clock;
pub mod connections;
pub mod console;
pub mod control;
pub mod dev_session;
pub mod errors;
pub mod extract;
pub mod faults;
pub mod forward;
pub mod iam;
pub mod iam_routes;
pub mod legacy;
pub mod lock;
pub mod middleware;
pub mod resources;
pub mod server;
pub mod settings;
pub mod signed;
pub mod state;
pub mod state_file;
pub mod store;
pub mod sync;

use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use console::ConsoleFiles;
use faults::Faults;
use iam::{Iam, IamConfig, User};
pub use server::Limits;
pub use settings::Settings;
use state::AppState;
use store::Store;

/// Everything needed to start an emulator.
#[derive(Debug, Clone)]
pub struct Options {
    pub settings: Settings,
    /// Where connections (and, by default, the IAM users file) are kept.
    pub data_dir: PathBuf,
    /// The IAM users file; default `DATA/iam.json`.
    pub iam_config: Option<PathBuf>,
    pub token_ttl: Duration,
    /// A fixed `(token, project_id)` accepted forever.
    pub dev_token: Option<(String, String)>,
    /// A fixed `(access key, secret key, project_id)` accepted forever.
    pub dev_access_key: Option<(String, String, String)>,
    /// Give the first user a new password (printed once).
    pub reset_dev_password: bool,
    pub limits: Limits,
    /// Keep everything in memory (`--in-memory`): no data directory, no
    /// lock, no users file (a development user is made for the run, unless
    /// `iam_config` names a file, which is read and never written).
    pub in_memory: bool,
    /// A state file to load before serving (`--import`): every entry vetted,
    /// or the start refused, saying which entry and why.
    pub import: Option<PathBuf>,
    /// Where to write the state on shutdown (`--export-on-exit`).
    pub export_on_exit: Option<PathBuf>,
    /// The VPCs, subnets and instances every project lists
    /// (`--resources`); `None`: the built-in sample.
    pub resources: Option<PathBuf>,
}

/// What a started emulator tells its user.
#[derive(Debug, Clone)]
pub struct Started {
    pub addr: SocketAddr,
    /// The first configured user, with a fresh token for its first project.
    pub user: User,
    /// The first user's password, when it was just set (a new users file,
    /// or `--reset-dev-password`); stored hashed, it is never known again.
    pub password: Option<String>,
    pub token: String,
    /// Whether the users file was just created.
    pub created_config: bool,
}

/// A running emulator; dropping it does not stop it, [`Running::stop`] does.
pub struct Running {
    pub started: Started,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<io::Result<()>>,
}

impl Running {
    /// Stops accepting, lets in-flight requests finish, makes every queued
    /// change durable, and waits.
    pub async fn stop(self) -> io::Result<()> {
        let _ = self.shutdown.send(());
        self.task.await.map_err(io::Error::other)?
    }
}

/// A running forwarder (`--region`/`--upstream-*`), stopped by [`Forwarding::stop`].
pub struct Forwarding {
    pub addr: SocketAddr,
    pub upstreams: forward::Upstreams,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<io::Result<()>>,
}

impl Forwarding {
    /// Stops accepting, lets in-flight requests finish, and waits.
    pub async fn stop(self) -> io::Result<()> {
        let _ = self.shutdown.send(());
        self.task.await.map_err(io::Error::other)?
    }
}

/// Serves the console on `listener` with `/v1/` forwarded to EG and
/// `/v3/`, `/v3.0/` to IAM: no store, no users, nothing emulated.
pub async fn start_forward(
    settings: Settings,
    upstreams: forward::Upstreams,
    limits: Limits,
    listener: TcpListener,
) -> io::Result<Forwarding> {
    let console = ConsoleFiles::open(settings.dist.as_deref())?;
    let client = forward::client().map_err(io::Error::other)?;
    let state = Arc::new(forward::ForwardState {
        settings,
        console,
        upstreams: upstreams.clone(),
        client,
    });
    let addr = listener.local_addr()?;
    let hosts = middleware::HostPolicy::new(addr, &state.settings.allowed_hosts);
    let (shutdown, on_shutdown) = oneshot::channel::<()>();
    let app = forward::router(state, hosts);
    let task = tokio::spawn(async move {
        server::serve(listener, app, limits, async {
            let _ = on_shutdown.await;
        })
        .await
    });
    Ok(Forwarding {
        addr,
        upstreams,
        shutdown,
        task,
    })
}

/// Writes the store's state file to `path` (through a temporary file and a
/// rename: a reader never sees half a file).
async fn export_state(store: &Arc<Store>, path: &std::path::Path) -> io::Result<()> {
    let connections = store.all().await.map_err(|error| io::Error::other(error.to_string()))?;
    let file = state_file::export(&connections, clock::now_ms());
    let text = serde_json::to_vec_pretty(&file).map_err(io::Error::other)?;
    let temporary = path.with_extension("tmp");
    tokio::fs::write(&temporary, text).await?;
    tokio::fs::rename(&temporary, path).await
}

/// Opens the store, loads IAM and serves on `listener` until stopped.
pub async fn start(options: Options, listener: TcpListener) -> io::Result<Running> {
    let store = Arc::new(if options.in_memory {
        Store::open_in_memory()?
    } else {
        Store::open(&options.data_dir)?
    });
    if let Some(path) = &options.import {
        let text = std::fs::read(path)
            .map_err(|error| io::Error::new(error.kind(), format!("--import {}: {error}", path.display())))?;
        let connections = state_file::import(&text, clock::now_ms()).map_err(|why| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("--import {}: {why}; nothing was loaded", path.display()),
            )
        })?;
        store
            .replace_all(connections)
            .await
            .map_err(|error| io::Error::other(format!("--import {}: {error}", path.display())))?;
    }
    let loaded = match (&options.iam_config, options.in_memory) {
        (None, true) => IamConfig::development()?,
        (Some(path), true) => IamConfig::read(path, options.reset_dev_password)?,
        (path, false) => {
            let path = path.clone().unwrap_or_else(|| options.data_dir.join("iam.json"));
            IamConfig::load_or_create(&path, options.reset_dev_password)?
        }
    };
    let iam = Iam::new(loaded.config, options.token_ttl)?;
    if let Some((token, project_id)) = options.dev_token.clone() {
        iam.add_fixed_token(token, project_id);
    }
    if let Some((access, secret, project_id)) = options.dev_access_key.clone() {
        iam.add_fixed_key(access, secret, project_id);
    }
    let user = iam.users()[0].clone();
    let (token, _) = iam.issue_for_first_user();
    let console = ConsoleFiles::open(options.settings.dist.as_deref())?.with_dev_helper();
    let faults = Arc::new(Faults::new(options.settings.enable_faults));
    let resources = match &options.resources {
        None => resources::Resources::sample(),
        Some(path) => {
            let text = std::fs::read(path)
                .map_err(|error| io::Error::new(error.kind(), format!("--resources {}: {error}", path.display())))?;
            resources::Resources::from_json(&text).map_err(|why| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("--resources {}: {why}", path.display()),
                )
            })?
        }
    };
    let state = AppState {
        settings: Arc::new(options.settings),
        console,
        store: store.clone(),
        iam: Arc::new(iam),
        faults,
        resources: Arc::new(resources),
    };
    let addr = listener.local_addr()?;
    let hosts = middleware::HostPolicy::new(addr, &state.settings.allowed_hosts);
    let (shutdown, on_shutdown) = oneshot::channel::<()>();
    let app = app::router(state, hosts);
    let limits = options.limits;
    let export_on_exit = options.export_on_exit.clone();
    let task = tokio::spawn(async move {
        let served = server::serve(listener, app, limits, async {
            let _ = on_shutdown.await;
        })
        .await;
        if let Some(path) = export_on_exit {
            export_state(&store, &path).await?;
        }
        // Every change already queued is committed before the store closes.
        tokio::task::spawn_blocking(move || store.close())
            .await
            .map_err(io::Error::other)?;
        served
    });
    Ok(Running {
        started: Started {
            addr,
            user,
            password: loaded.new_password,
            token,
            created_config: loaded.created,
        },
        shutdown,
        task,
    })
}
