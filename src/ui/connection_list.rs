//! The console's home view: the project's connections as a table, paged,
//! sorted and searched on the server, with rows still being created
//! refreshing themselves. Its data is [`ListState`]; its parts are
//! [`ListSearch`] and [`ConnectionTable`].

use super::connection_table::ConnectionTable;
use super::delete_dialog::{DeleteDialog, Deleted};
use super::error_panel::{Attempt, ErrorPanel};
use super::list_search::{ListSearch, SearchDraft};
use super::list_state::ListState;
use super::missing_settings::MissingSettings;
use super::pager::Pager;
use super::quota_note::QuotaNote;
use super::route::Route;
use super::views::views;
use super::{console, focus, ids};
use leptos::prelude::*;

/// The list view.
#[component]
pub fn ConnectionList() -> impl IntoView {
    let ui = console();
    let views = views();
    let query = views.list_query;
    let state = ListState::load(query);
    let draft = SearchDraft::of(query);
    let deleting = RwSignal::new(None::<(String, String)>);
    on_cleanup(move || {
        let _ = views.notice.try_set(None);
    });
    let on_deleted = move |outcome: Deleted| {
        let text = ui.text_untracked();
        let notice = match outcome {
            Deleted::Now { name } => {
                // 204: the row goes now; the reload brings the next one up.
                state.remove(&name);
                text.deleted.replace("{name}", &name)
            }
            Deleted::AlreadyGone { name } => text.already_gone.replace("{name}", &name),
        };
        deleting.set(None);
        views.notice.set(Some(notice));
        state.refresh();
        request_animation_frame(|| focus(ids::LIST_NOTICE));
    };
    let loading = state.loading;
    // Without settings there is nothing to refresh, search or page: the
    // list says what is missing, nothing more.
    let unset = move || !ui.is_ready();

    view! {
        <section class="panel" aria-labelledby="list-title" id="connection-list">
            <div class="result-head">
                <h2 id="list-title">{move || ui.text().list_title}</h2>
                <QuotaNote total=Signal::derive(move || state.loaded.with(|loaded| loaded.as_ref().map(|l| l.page.total))) />
                <div class="toolbar">
                    <button
                        type="button"
                        class="secondary"
                        id="list-refresh"
                        hidden=unset
                        aria-busy=move || loading.get().to_string()
                        on:click=move |_| state.refresh()
                    >
                        {move || if loading.get() { ui.text().refreshing } else { ui.text().refresh }}
                    </button>
                    // An empty list offers creation once, in its own words.
                    {move || (!state.is_empty()).then(|| view! {
                        <a class="button primary" href=Route::Create.href() id="list-create">{move || ui.text().nav_create}</a>
                    })}
                </div>
            </div>
            {move || views.notice.get().map(|notice| view! {
                <p class="notice" role="status" id="list-notice" tabindex="-1">{notice}</p>
            })}
            <div hidden=unset>
                <ListSearch query=query draft=draft />
            </div>
            <MissingSettings tried=true id="list-settings-missing" />
            {move || state.failure.get().map(|error| view! { <ErrorPanel error=error attempt=Attempt::List id="list-error" /> })}
            {move || (loading.get() && state.loaded.with(Option::is_none)).then(|| view! {
                <p class="help" aria-live="polite">{ui.text().loading}</p>
            })}
            <ConnectionTable state=state query=query draft=draft deleting=deleting />
            <div hidden=unset>
                <Pager
                    window=Signal::derive(move || state.window(query))
                    on_offset=move |offset| query.update(|query| query.offset = offset)
                    on_limit=move |limit| query.update(|query| {
                        query.limit = limit;
                        query.offset = 0;
                    })
                />
            </div>
            {move || deleting.get().map(|(id, name)| view! {
                <DeleteDialog id=id name=name on_close=move |_| deleting.set(None) on_deleted=on_deleted />
            })}
        </section>
    }
}
