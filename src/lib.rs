//! Huawei Cloud EventGrid (EG) connections: wire models, validation rules,
//! messages, and (behind features) the JavaScript validator and the web console.
//!
//! Features keep the three uses apart:
//! - no features: the pure core ([`fields`], [`model`], [`input`],
//!   [`rules`], [`issue`], [`i18n`]), `no_std` with `alloc`, no dependency;
//!   `std`, `serde` and `json` (reading bodies from JSON text) add what the
//!   console and the emulator need; the default is `std` + `json`.
//! - `js`: the npm validator's wasm exports; its build is `no_std`, so that
//!   neither panic formatting nor `core::fmt` is linked into what browsers
//!   download.
//! - `ui`: the Leptos console (built by Trunk from `src/main.rs`).
#![cfg_attr(not(feature = "std"), no_std)]
// One exception, at the npm validator's wasm boundary: `js::layout::Utf8Written`.
#![deny(unsafe_code)]

extern crate alloc;

pub mod fields;
pub mod i18n;
pub mod input;
pub mod issue;
pub mod model;
pub mod rules;

#[cfg(feature = "js")]
pub mod js;
#[cfg(feature = "sign")]
pub mod sign;
#[cfg(feature = "json")]
pub mod snippets;

#[cfg(feature = "ui")]
pub mod api;
#[cfg(feature = "ui")]
pub mod ui;

pub use fields::Field;
pub use i18n::Locale;
pub use issue::{Issue, IssueKind};
