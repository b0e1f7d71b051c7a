//! The routed part of the console: one view at a time, chosen by the URL's
//! hash, and the little state the views hand to each other.

use super::connection_details::ConnectionDetails;
use super::connection_list::ConnectionList;
use super::console;
use super::create_form::CreateForm;
use super::draft::Draft;
use super::route::{Route, Router};
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

/// The views shared state, provided by [`Pages`].
pub fn views() -> Views {
    expect_context::<Views>()
}

/// The navigation bar and the current view.
#[component]
pub fn Pages() -> impl IntoView {
    let ui = console();
    let router = Router::follow_location();
    provide_context(router);
    provide_context(Views {
        created: RwSignal::new(None),
        list_query: RwSignal::new(ListQuery::default()),
        notice: RwSignal::new(None),
        draft: Draft::default(),
    });
    let link = move |route: Route, label: fn(&super::text::Text) -> &'static str, id: &'static str| {
        let href = route.href();
        let current = move || {
            let here = router.route.get();
            // Details belong to the list section.
            let section = if matches!(here, Route::Details(_)) {
                Route::List
            } else {
                here
            };
            (section == route).then_some("page")
        };
        view! { <a href=href id=id aria-current=current>{move || label(ui.text())}</a> }
    };
    view! {
        <nav class="tabs" aria-label=move || ui.text().navigation>
            {link(Route::List, |t| t.nav_list, "nav-list")}
            {link(Route::Create, |t| t.nav_create, "nav-create")}
        </nav>
        {move || match router.route.get() {
            Route::List => view! { <ConnectionList /> }.into_any(),
            Route::Create => view! { <CreateForm /> }.into_any(),
            Route::Details(id) => view! { <ConnectionDetails id=id /> }.into_any(),
        }}
    }
}
