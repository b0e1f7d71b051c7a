//! eg-emulator: a local stand-in for the Huawei Cloud EventGrid connections
//! API and IAM's token endpoint, for the console and the tests. It reuses the
//! eg-connections crate's models and rules; it has no rule of its own.

pub mod app;
pub mod auth;
pub mod clock;
pub mod errors;
pub mod faults;
pub mod store;

use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use app::AppState;
pub use app::Settings;
use auth::{Iam, IamConfig, ProjectScope, User};
use faults::Faults;
use store::Store;

/// Everything needed to start an emulator.
#[derive(Debug, Clone)]
pub struct Options {
    pub settings: Settings,
    /// Where connections (and, by default, the IAM config) are kept.
    pub data_dir: PathBuf,
    /// The IAM users file; default `DATA/iam.json`.
    pub iam_config: Option<PathBuf>,
    pub token_ttl: Duration,
    /// A fixed `(token, project_id)` accepted forever.
    pub dev_token: Option<(String, String)>,
}

/// What a started emulator tells its user.
#[derive(Debug, Clone)]
pub struct Started {
    pub addr: SocketAddr,
    /// The first configured user, with a fresh token for its first project.
    pub user: User,
    pub token: String,
    /// Whether the IAM config was just created.
    pub created_config: bool,
}

/// A running emulator; dropping it does not stop it, [`Running::stop`] does.
pub struct Running {
    pub started: Started,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<io::Result<()>>,
}

impl Running {
    /// Stops accepting, lets in-flight requests finish, and waits.
    pub async fn stop(self) -> io::Result<()> {
        let _ = self.shutdown.send(());
        self.task.await.map_err(io::Error::other)?
    }
}

/// Opens the store, loads IAM and serves on `listener` until stopped.
pub async fn start(options: Options, listener: TcpListener) -> io::Result<Running> {
    let store = Store::open(&options.data_dir)?;
    let config_path = options
        .iam_config
        .clone()
        .unwrap_or_else(|| options.data_dir.join("iam.json"));
    let (config, created_config) = IamConfig::load_or_create(&config_path)?;
    let iam = Iam::new(config, options.token_ttl);
    if let Some((token, project_id)) = options.dev_token.clone() {
        iam.add_fixed_token(token, project_id);
    }
    let user = iam.users()[0].clone();
    let project = ProjectScope::Id(user.projects[0].id.clone());
    let (token, _) = iam
        .issue(&user.name, &user.domain, &user.password, &project)
        .ok_or_else(|| io::Error::other("the first user cannot sign in to its own project"))?;
    let state = Arc::new(AppState {
        settings: options.settings,
        store,
        iam,
        faults: Faults::default(),
    });
    let addr = listener.local_addr()?;
    let (shutdown, on_shutdown) = oneshot::channel::<()>();
    let app = app::router(state);
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = on_shutdown.await;
            })
            .await
    });
    Ok(Running {
        started: Started {
            addr,
            user,
            token,
            created_config,
        },
        shutdown,
        task,
    })
}
