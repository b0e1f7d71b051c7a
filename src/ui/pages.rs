//! The routed part of the console: one view at a time, chosen by the URL's
//! hash (the state the views hand to each other is in [`super::views`]).

use super::connection_details::ConnectionDetails;
use super::connection_list::ConnectionList;
use super::console;
use super::create_form::CreateForm;
use super::draft::Draft;
use super::route::{Route, Router};
use super::views::Views;
use crate::api::ListQuery;
use leptos::prelude::*;

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
