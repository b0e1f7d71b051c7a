//! What the emulating routes share: one cheap-to-clone [`AppState`], from
//! which each handler and extractor takes only the part it needs
//! ([`FromRef`], as axum's own examples write it), so that no module but
//! the wiring ([`crate::app`]) knows the whole.

use axum::extract::FromRef;
use std::sync::Arc;

use crate::console::ConsoleFiles;
use crate::faults::Faults;
use crate::iam::Iam;
use crate::resources::Resources;
use crate::settings::Settings;
use crate::store::Store;

/// Everything the emulating routes share.
#[derive(Clone)]
pub struct AppState {
    pub settings: Arc<Settings>,
    /// The console's files, when `--dist` is given.
    pub console: ConsoleFiles,
    pub store: Arc<Store>,
    pub iam: Arc<Iam>,
    pub faults: Arc<Faults>,
    /// The VPCs, subnets and instances every project lists.
    pub resources: Arc<Resources>,
}

impl FromRef<AppState> for Arc<Settings> {
    fn from_ref(state: &AppState) -> Self {
        state.settings.clone()
    }
}

impl FromRef<AppState> for ConsoleFiles {
    fn from_ref(state: &AppState) -> Self {
        state.console.clone()
    }
}

impl FromRef<AppState> for Arc<Store> {
    fn from_ref(state: &AppState) -> Self {
        state.store.clone()
    }
}

impl FromRef<AppState> for Arc<Iam> {
    fn from_ref(state: &AppState) -> Self {
        state.iam.clone()
    }
}

impl FromRef<AppState> for Arc<Faults> {
    fn from_ref(state: &AppState) -> Self {
        state.faults.clone()
    }
}

impl FromRef<AppState> for Arc<Resources> {
    fn from_ref(state: &AppState) -> Self {
        state.resources.clone()
    }
}
