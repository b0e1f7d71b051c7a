//! The routed part of the console: one view at a time, chosen by the URL's
//! hash (the state the views hand to each other is in [`super::views`]).

use super::connection_details::ConnectionDetails;
use super::connection_list::ConnectionList;
use super::console;
use super::create_form::CreateForm;
use super::draft::Draft;
use super::route::{Route, Router};
use super::views::{CreateCall, Views};
use super::{focus, ids, Snapshot};
use crate::api::{self, ListQuery};
use leptos::prelude::*;

/// The navigation bar and the current view.
#[component]
pub fn Pages() -> impl IntoView {
    let ui = console();
    let router = Router::follow_location();
    provide_context(router);
    let create = Action::new_local(|call: &CreateCall| {
        let call = call.clone();
        async move {
            let outcome = api::create_connection(&call.endpoint, &call.request, &call.abort).await;
            (call.request.name, outcome)
        }
    });
    let views = Views {
        created: RwSignal::new(None),
        list_query: RwSignal::new(ListQuery::default()),
        notice: RwSignal::new(None),
        draft: Draft::default(),
        create,
    };
    provide_context(views);
    // A create's outcome: with the form still shown, success opens the new
    // connection (the form shows a failure itself); elsewhere, a notice.
    Effect::new(move |_| {
        let Some((name, outcome)) = create.value().get() else {
            return;
        };
        untrack(|| {
            let form_shown = router.route.get() == Route::Create;
            match outcome {
                Ok(answer) => {
                    // The Kafka or RocketMQ password has done its job: it
                    // leaves the page. The rest stays as a template for the
                    // next connection.
                    views.draft.forget_passwords();
                    if form_shown {
                        let id = answer.value.id.clone();
                        views.created.set(Some(Snapshot::from(answer)));
                        router.navigate(Route::Details(id));
                        request_animation_frame(|| focus(ids::CONNECTION_DETAILS));
                    } else {
                        let text = ui.text().created_elsewhere;
                        views.notice.set(Some(text.replace("{name}", &answer.value.name)));
                    }
                }
                // The form, kept, shows why (now, or on a retry).
                Err(_) if form_shown => {}
                Err(_) => {
                    let text = ui.text().not_created_elsewhere;
                    views.notice.set(Some(text.replace("{name}", &name)));
                }
            }
        });
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
