//! Huawei Cloud EventGrid (EG) connections: wire models, validation rules,
//! messages, and (behind features) the JavaScript validator and the web console.
//!
//! Features keep the three uses apart:
//! - no features: the pure core ([`model`], [`input`], [`rules`], [`issue`],
//!   [`i18n`]), serde only, host-testable; the emulator uses exactly this.
//! - `js`: the wasm-bindgen exports of the npm validator package.
//! - `ui`: the Leptos console (built by Trunk from `src/main.rs`).
#![forbid(unsafe_code)]

pub mod i18n;
pub mod input;
pub mod issue;
pub mod model;
pub mod rules;

#[cfg(feature = "js")]
pub mod js;

#[cfg(feature = "ui")]
pub mod api;
#[cfg(feature = "ui")]
pub mod ui;

pub use i18n::Locale;
pub use issue::{Field, Issue, IssueKind};
