//! Hash routing: every view has a URL that works on any static host
//! (no server rewrites), and the browser's back button moves between views.
//!
//! `#/` is the list, `#/create` the form, `#/connections/{id}` one connection.

use leptos::prelude::*;

/// The console's views.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    /// The connections list (the home view).
    #[default]
    List,
    /// The create form.
    Create,
    /// One connection's details, by ID.
    Details(String),
}

impl Route {
    /// Reads a `location.hash` (`#` included or not). Anything unknown is
    /// the home view, so an old or mistyped link still lands somewhere.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '#']).next().unwrap_or_default();
        match path.split_once('/') {
            _ if path == "create" => Route::Create,
            Some(("connections", id)) if !id.is_empty() && !id.contains('/') => {
                let id = js_sys::decode_uri_component(id)
                    .ok()
                    .and_then(|id| id.as_string())
                    .unwrap_or_else(|| id.to_owned());
                Route::Details(id)
            }
            _ => Route::List,
        }
    }

    /// The link to this view, e.g. `#/connections/abc`.
    pub fn href(&self) -> String {
        match self {
            Route::List => "#/".to_owned(),
            Route::Create => "#/create".to_owned(),
            Route::Details(id) => format!("#/connections/{}", js_sys::encode_uri_component(id)),
        }
    }
}

/// The current view, following `location.hash`.
#[derive(Debug, Clone, Copy)]
pub struct Router {
    pub route: RwSignal<Route>,
}

impl Router {
    /// Starts from the page's hash and follows `hashchange` until the owner
    /// is cleaned up.
    pub fn follow_location() -> Router {
        let route = RwSignal::new(Route::from_hash(&current_hash()));
        let listener = window_event_listener(leptos::ev::hashchange, move |_| {
            let next = Route::from_hash(&current_hash());
            if route.get_untracked() != next {
                route.set(next);
            }
        });
        on_cleanup(move || listener.remove());
        Router { route }
    }

    /// Goes to `route`, adding a history entry (the back button returns).
    pub fn navigate(&self, route: Route) {
        let _ = window().location().set_hash(&route.href());
        // hashchange arrives later; the view changes now.
        if self.route.get_untracked() != route {
            self.route.set(route);
        }
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The router of the mounted console.
pub fn router() -> Router {
    expect_context::<Router>()
}
