//! What one view hands to the next (provided by [`super::pages::Pages`]),
//! in a module of its own so that the views and the router that shows them
//! do not import each other.

use super::draft::Draft;
use super::Snapshot;
use crate::api::ListQuery;
use leptos::prelude::*;

/// What one view leaves for the next.
#[derive(Debug, Clone, Copy)]
pub struct Views {
    /// The connection just created, shown by its details view without a
    /// second request.
    pub created: RwSignal<Option<Snapshot>>,
    /// The list's page, sort and search, kept while other views are open.
    pub list_query: RwSignal<ListQuery>,
    /// A one-time message for the list (e.g. a connection was deleted).
    pub notice: RwSignal<Option<String>>,
    /// The create form's values: a half-filled form survives a visit to
    /// another view.
    pub draft: Draft,
}

/// The views' shared state, provided by [`super::pages::Pages`].
pub fn views() -> Views {
    expect_context::<Views>()
}
