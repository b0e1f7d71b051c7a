//! The details view's data: one connection, loaded at once (unless this
//! console just created it), again on Refresh and when the settings
//! change, its status followed while it is being created.

use super::views::views;
use super::{console, focus, follow_creation, ids, reload_on_new_settings, InFlight, Snapshot};
use crate::api::{self, Answer, ApiError};
use crate::model::ConnectionInfo;
use leptos::prelude::*;

/// One answer of the loader: `None` when nothing was asked.
type Loaded = Option<Result<Answer<ConnectionInfo>, ApiError>>;

/// What the details view shows (cheap to copy: signals).
#[derive(Clone, Copy)]
pub struct DetailsState {
    /// The connection as last answered; `None` until loaded, or once gone.
    pub snapshot: RwSignal<Option<Snapshot>>,
    /// The last load failed (a 404: the connection is gone).
    pub failure: RwSignal<Option<ApiError>>,
    /// A load is running.
    pub loading: RwSignal<bool>,
    /// The request ID of the last answer, for support.
    pub last_request_id: RwSignal<Option<String>>,
    /// This console created it just now (and followed it from the start).
    pub just_created: bool,
    loader: LocalResource<Loaded>,
    following: StoredValue<bool>,
    in_flight: InFlight,
}

impl std::fmt::Debug for DetailsState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `LocalResource` has no `Debug`: the loader is left out.
        f.debug_struct("DetailsState")
            .field("snapshot", &self.snapshot)
            .field("failure", &self.failure)
            .field("loading", &self.loading)
            .field("just_created", &self.just_created)
            .finish_non_exhaustive()
    }
}

impl DetailsState {
    /// Starts loading connection `id` (the loads stop with the view).
    pub fn load(id: String) -> DetailsState {
        let ui = console();
        // Just created by this console: shown at once, no second request.
        // Taken, so a later visit to the same connection loads it afresh.
        let created = views()
            .created
            .try_update_untracked(Option::take)
            .flatten()
            .filter(|snapshot| snapshot.info.id == id);
        let just_created = created.is_some();
        let in_flight = InFlight::for_view();
        // A newer load supersedes (and aborts) an older one; `None` inside:
        // not loaded (just created, or no settings yet).
        let skip_first = StoredValue::new(just_created);
        let loader = LocalResource::new(move || {
            let skip = skip_first.try_update_value(std::mem::take).unwrap_or(false);
            let call = if skip { None } else { ui.ready_endpoint() }.map(|endpoint| (endpoint, in_flight.start()));
            let id = id.clone();
            async move {
                let (endpoint, abort) = call?;
                Some(api::show_connection(&endpoint, &id, &abort).await)
            }
        });
        let state = DetailsState {
            last_request_id: RwSignal::new(created.as_ref().and_then(|snapshot| snapshot.request_id.clone())),
            snapshot: RwSignal::new(created),
            failure: RwSignal::new(None),
            loading: RwSignal::new(!just_created),
            just_created,
            loader,
            following: StoredValue::new(false),
            in_flight,
        };
        // Each answer into the view's state.
        Effect::new(move |_| {
            let Some(answered) = loader.get() else { return };
            untrack(|| state.take(answered));
        });
        if just_created {
            state.follow();
        }
        // New settings (another project, key or base URL) show what they see.
        reload_on_new_settings(move || state.refresh());
        state
    }

    /// Loads the connection again.
    pub fn refresh(self) {
        self.loading.set(true);
        self.loader.refetch();
    }

    /// One answer of the loader.
    fn take(self, answered: Loaded) {
        self.loading.set(false);
        let Some(answered) = answered else {
            // Not loaded (just created, or no settings): a follower
            // started at mount goes on.
            self.failure.set(None);
            return;
        };
        match answered {
            Ok(answer) => {
                self.last_request_id.set(answer.request_id.clone());
                self.failure.set(None);
                self.snapshot.set(Some(Snapshot::from(answer)));
                self.follow();
            }
            Err(error) => {
                self.last_request_id.set(error.request_id().map(str::to_owned));
                if error.status() == Some(404) {
                    self.snapshot.set(None);
                }
                self.failure.set(Some(error));
                request_animation_frame(|| focus(ids::DETAILS_ERROR));
            }
        }
    }

    /// Follows the status while the connection shown is being created: one
    /// follower at a time.
    fn follow(self) {
        let DetailsState {
            snapshot,
            failure,
            last_request_id,
            following,
            ..
        } = self;
        let Some(endpoint) = console().ready_endpoint() else {
            return;
        };
        let Some(id) = snapshot.with_untracked(|s| {
            s.as_ref()
                .filter(|s| s.info.status.is_pending())
                .map(|s| s.info.id.clone())
        }) else {
            return;
        };
        if following.try_update_value(|following| std::mem::replace(following, true)) != Some(false) {
            return;
        }
        let stop = move || {
            let _ = following.try_update_value(|following| *following = false);
            false
        };
        follow_creation(endpoint, id.clone(), self.in_flight, move |outcome| match outcome {
            // Still this connection, still being created: go on.
            Ok(answer)
                if snapshot.with_untracked(|s| {
                    s.as_ref()
                        .is_some_and(|s| s.info.id == id && s.info.status.is_pending())
                }) =>
            {
                let _ = last_request_id.try_set(answer.request_id.clone());
                let pending = answer.info.status.is_pending();
                let _ = snapshot.try_set(Some(answer));
                pending || stop()
            }
            Ok(_) => stop(),
            Err(error) if error.status() == Some(404) => {
                let _ = failure.try_set(Some(error));
                let _ = snapshot.try_set(None);
                stop()
            }
            Err(_) => true,
        });
    }
}
