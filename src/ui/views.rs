//! What one view hands to the next (provided by [`super::pages::Pages`]),
//! in a module of its own so that the views and the router that shows them
//! do not import each other.

use super::draft::Draft;
use super::Snapshot;
use crate::api::{Abort, Answer, ApiError, Endpoint, ListQuery};
use crate::model::{ConnectionInfo, CreateConnectionRequest};
use leptos::prelude::*;

/// One create: where, what, and the handle that cancels it.
#[derive(Debug, Clone)]
pub struct CreateCall {
    pub endpoint: Endpoint,
    pub request: CreateConnectionRequest,
    pub abort: Abort,
}

/// What a create ended with, and the name it was for.
pub type Created = (String, Result<Answer<ConnectionInfo>, ApiError>);

/// What one view leaves for the next.
#[derive(Clone, Copy)]
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
    /// Creating a connection. Held here rather than by the form, so that a
    /// create outlives a visit to another view: the form shows it still
    /// running on return, and its outcome is reported where the user is.
    pub create: Action<CreateCall, Created>,
}

impl std::fmt::Debug for Views {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `Action` has no `Debug`: the create is left out.
        f.debug_struct("Views")
            .field("created", &self.created)
            .field("list_query", &self.list_query)
            .field("notice", &self.notice)
            .field("draft", &self.draft)
            .finish_non_exhaustive()
    }
}

/// The views' shared state, provided by [`super::pages::Pages`].
pub fn views() -> Views {
    expect_context::<Views>()
}
