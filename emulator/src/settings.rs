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
    pub create_delay: Duration,
    pub fail_when_name_contains: Option<String>,
    pub enable_faults: bool,
    pub quiet: bool,
}
