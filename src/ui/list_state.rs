//! The list view's data: the page its query asks for, loaded again when the
//! query or the settings change and on Refresh, with rows still being
//! created following their status.

use super::pager::PageWindow;
use super::{console, follow_creation, reload_on_new_settings, InFlight};
use crate::api::{self, ApiError, ListQuery};
use crate::model::{ConnectionInfo, ConnectionList as Page};
use leptos::prelude::*;

/// A loaded page and the query that produced it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub query: ListQuery,
    pub page: Page,
}

/// What the list shows, shared by its parts (cheap to copy: signals).
#[derive(Debug, Clone, Copy)]
pub struct ListState {
    /// The page shown, `None` before the first answer.
    pub loaded: RwSignal<Option<Loaded>>,
    /// A load is running.
    pub loading: RwSignal<bool>,
    /// The last load failed (the page shown, if any, is older).
    pub failure: RwSignal<Option<ApiError>>,
    reload: RwSignal<u64>,
}

impl ListState {
    /// Starts loading what `query` asks for (the loads stop with the view).
    pub fn load(query: RwSignal<ListQuery>) -> ListState {
        let ui = console();
        let state = ListState {
            loaded: RwSignal::new(None),
            loading: RwSignal::new(false),
            failure: RwSignal::new(None),
            reload: RwSignal::new(0),
        };
        let in_flight = InFlight::for_view();
        // Rows whose status is followed now: one follower per connection,
        // whatever the reloads meanwhile.
        let followed = StoredValue::new(Vec::<String>::new());
        // The page the query asks for. A newer load supersedes (and aborts)
        // an older one; `None` inside: no settings yet.
        let pages = LocalResource::new(move || {
            let wanted = query.get();
            state.reload.track();
            let call = ui.ready_endpoint().map(|endpoint| (endpoint, in_flight.start()));
            state.loading.set(call.is_some());
            async move {
                let (endpoint, abort) = call?;
                let outcome = api::list_connections(&endpoint, &wanted, &abort).await;
                Some((endpoint, wanted, outcome))
            }
        });
        // Each answer into the view's state.
        Effect::new(move |_| {
            let Some(answered) = pages.get() else { return };
            untrack(|| {
                state.loading.set(false);
                let Some((endpoint, wanted, outcome)) = answered else {
                    return;
                };
                match outcome {
                    Ok(answer) => {
                        let page = answer.value;
                        // Past the end (the last rows were deleted): show the last page.
                        if page.items.is_empty() && wanted.offset > 0 && page.total > 0 {
                            let last = (page.total - 1) / wanted.limit * wanted.limit;
                            query.update(|query| query.offset = last);
                            return;
                        }
                        state.failure.set(None);
                        state.follow_pending(endpoint, &page.items, followed, in_flight);
                        state.loaded.set(Some(Loaded { query: wanted, page }));
                    }
                    Err(error) => state.failure.set(Some(error)),
                }
            });
        });
        reload_on_new_settings(move || state.refresh());
        state
    }

    /// Loads the page again (Refresh, a delete, a row gone meanwhile).
    pub fn refresh(self) {
        let _ = self.reload.try_update(|count| *count += 1);
    }

    /// Rows still being created follow their status; each answer replaces
    /// its row while the page shown still has it.
    fn follow_pending(
        self,
        endpoint: api::Endpoint,
        items: &[ConnectionInfo],
        followed: StoredValue<Vec<String>>,
        in_flight: InFlight,
    ) {
        for item in items.iter().filter(|item| item.status.is_pending()) {
            let id = item.id.clone();
            let started = followed.try_update_value(|followed| {
                let new = !followed.contains(&id);
                if new {
                    followed.push(id.clone());
                }
                new
            });
            if started != Some(true) {
                continue;
            }
            let done = move |id: &str| {
                let _ = followed.try_update_value(|followed| followed.retain(|other| other != id));
                false
            };
            follow_creation(endpoint.clone(), id.clone(), in_flight, move |outcome| match outcome {
                Ok(snapshot) => {
                    let still_shown = self
                        .loaded
                        .try_update(|loaded| {
                            let row = loaded
                                .as_mut()
                                .and_then(|l| l.page.items.iter_mut().find(|i| i.id == id))?;
                            *row = snapshot.info;
                            Some(row.status.is_pending())
                        })
                        .flatten();
                    match still_shown {
                        Some(true) => true,
                        _ => done(&id),
                    }
                }
                // Deleted meanwhile: the page is stale.
                Err(error) if error.status() == Some(404) => {
                    self.refresh();
                    done(&id)
                }
                Err(_) => true,
            });
        }
    }

    /// Which rows of how many are shown, for the pager (tracked).
    pub fn window(self, query: RwSignal<ListQuery>) -> PageWindow {
        self.loaded.with(|loaded| match loaded {
            Some(Loaded { query, page }) => PageWindow {
                offset: query.offset,
                limit: query.limit,
                size: page.items.len() as u64,
                total: page.total,
            },
            None => PageWindow {
                offset: 0,
                limit: query.with(|query| query.limit),
                size: 0,
                total: 0,
            },
        })
    }

    /// The project has no connection at all: not a search that found
    /// nothing (tracked).
    pub fn is_empty(self) -> bool {
        self.loaded.with(|loaded| {
            loaded.as_ref().is_some_and(|Loaded { query, page }| {
                page.items.is_empty() && page.total == 0 && query.search.is_empty() && query.instance_id.is_empty()
            })
        })
    }

    /// Takes a deleted connection off the page shown (the reload that
    /// follows brings the next one up).
    pub fn remove(self, name: &str) {
        self.loaded.update(|loaded| {
            if let Some(loaded) = loaded {
                loaded.page.items.retain(|item| item.name != name);
            }
        });
    }
}
