//! What the command line says, for both modes (emulating and forwarding),
//! and the limits every route shares.

use std::path::PathBuf;
use std::time::Duration;

/// Largest request body accepted, on every route.
pub const BODY_LIMIT: usize = 64 * 1024;

/// Runtime settings (the command line, parsed).
#[derive(Debug, Clone)]
pub struct Settings {
    pub dist: Option<PathBuf>,
    pub cors_origins: Vec<String>,
    /// Host names answered besides loopback and the listen address
    /// (`--allowed-host`).
    pub allowed_hosts: Vec<String>,
    pub create_delay: Duration,
    pub fail_when_name_contains: Option<String>,
    pub enable_faults: bool,
    pub quiet: bool,
    /// Connections a project may hold (`--connection-quota`).
    pub connection_quota: usize,
}

/// The connection quota when none is given. Huawei's ListQuotas page says an
/// account without its own quota gets "the default" without stating it; this
/// is the value the emulator assumes (ARCHITECTURE.md, "Quota").
pub const CONNECTION_QUOTA_DEFAULT: usize = 100;

impl Default for Settings {
    /// No console, no CORS, loopback only, a 3 s creation, no faults.
    fn default() -> Self {
        Settings {
            dist: None,
            cors_origins: Vec::new(),
            allowed_hosts: Vec::new(),
            create_delay: Duration::from_secs(3),
            fail_when_name_contains: None,
            enable_faults: false,
            quiet: false,
            connection_quota: CONNECTION_QUOTA_DEFAULT,
        }
    }
}
