//! The list's table of connections, or what it says when the page is
//! empty: a search that found nothing, or a project with no connection yet.

use super::list_search::SearchDraft;
use super::list_state::{ListState, Loaded};
use super::local_time::local_time;
use super::middle_id::middle_id;
use super::route::Route;
use super::status_badge::StatusBadge;
use super::{console, Console};
use crate::api::{ListQuery, NameMatch};
use crate::i18n::field_label;
use crate::issue::Field;
use crate::model::{ConnectionInfo, ListSort};
use leptos::prelude::*;

/// The page `state` shows, sortable by name and creation time; a row's
/// Delete puts its connection in `deleting`.
#[component]
pub fn ConnectionTable(
    state: ListState,
    query: RwSignal<ListQuery>,
    draft: SearchDraft,
    deleting: RwSignal<Option<(String, String)>>,
) -> impl IntoView {
    let ui = console();
    let sort_by = move |ascending: ListSort, descending: ListSort| {
        query.update(|query| {
            query.sort = if query.sort == ascending { descending } else { ascending };
            query.offset = 0;
        });
    };
    let aria_sort = move |ascending: ListSort, descending: ListSort| {
        move || {
            let sort = query.get().sort;
            if sort == ascending {
                "ascending"
            } else if sort == descending {
                "descending"
            } else {
                "none"
            }
        }
    };
    move || {
        let Loaded { query: shown, page } = state.loaded.get()?;
        if page.items.is_empty() {
            return Some(empty(ui, &shown, move || draft.clear(query)));
        }
        Some(
            view! {
                <div class="table-scroll">
                    <table class="connections" id="connections-table">
                        <caption class="visually-hidden">{ui.text().list_title}</caption>
                        <thead>
                            <tr>
                                <th scope="col" aria-sort=aria_sort(ListSort::NAME_ASCENDING, ListSort::NAME_DESCENDING)>
                                    <button type="button" class="sort" id="sort-name"
                                        on:click=move |_| sort_by(ListSort::NAME_ASCENDING, ListSort::NAME_DESCENDING)>
                                        {field_label(Field::Name, ui.locale.get())}
                                    </button>
                                </th>
                                <th scope="col">"ID"</th>
                                <th scope="col">{field_label(Field::Type, ui.locale.get())}</th>
                                <th scope="col">{ui.text().status}</th>
                                <th scope="col">{ui.text().vpc_subnet}</th>
                                <th scope="col" aria-sort=aria_sort(ListSort::OLDEST_FIRST, ListSort::NEWEST_FIRST)>
                                    <button type="button" class="sort" id="sort-created"
                                        on:click=move |_| sort_by(ListSort::NEWEST_FIRST, ListSort::OLDEST_FIRST)>
                                        {ui.text().created_time}
                                    </button>
                                </th>
                                <th scope="col"><span class="visually-hidden">{ui.text().actions}</span></th>
                            </tr>
                        </thead>
                        <tbody>{page.items.into_iter().map(|item| row(ui, item, deleting)).collect_view()}</tbody>
                    </table>
                </div>
            }
            .into_any(),
        )
    }
}

/// One connection's row.
fn row(ui: Console, item: ConnectionInfo, deleting: RwSignal<Option<(String, String)>>) -> impl IntoView {
    let details = Route::Details(item.id.clone()).href();
    let (id, name) = (item.id.clone(), item.name.clone());
    let delete_label = {
        let name = name.clone();
        move || format!("{} {name}", ui.text().delete)
    };
    let label = move |field: Field| field_label(field, ui.locale.get());
    view! {
        <tr>
            <td data-label=label(Field::Name) class="name"><a href=details class="row-link">{item.name.clone()}</a></td>
            <td data-label="ID">{middle_id(item.id.clone())}</td>
            <td data-label=label(Field::Type)>{item.connection_type.as_str().to_owned()}</td>
            <td data-label=ui.text().status><StatusBadge status=item.status.clone() /></td>
            <td data-label=ui.text().vpc_subnet>
                <span class="ids">{middle_id(item.vpc_id.clone())} " / " {middle_id(item.subnet_id.clone())}</span>
            </td>
            <td data-label=ui.text().created_time class="time">{local_time(item.created_time.clone())}</td>
            <td data-label=ui.text().actions>
                // EG deletes a connection once its creation has ended.
                <span>
                    {(!item.status.is_pending()).then(|| view! {
                        <button type="button" class="link-button danger-text" aria-label=delete_label
                            on:click=move |_| deleting.set(Some((id.clone(), name.clone())))>
                            {move || ui.text().delete}
                        </button>
                    })}
                </span>
            </td>
        </tr>
    }
}

/// An empty page: a search that found nothing (with a way to clear it), or
/// no connection at all (with the way to create the first).
fn empty(ui: Console, shown: &ListQuery, clear_search: impl Fn() + 'static) -> AnyView {
    if shown.search.is_empty() && shown.instance_id.is_empty() {
        return view! {
            <div class="empty" id="list-empty">
                <h3>{ui.text().empty_title}</h3>
                <p>{ui.text().empty_help}</p>
                <a class="button primary" href=Route::Create.href() id="empty-create">{ui.text().nav_create}</a>
            </div>
        }
        .into_any();
    }
    let text = if shown.search.is_empty() {
        ui.text().no_match_instance.replace("{text}", &shown.instance_id)
    } else {
        let text = match shown.name_match {
            NameMatch::Contains => ui.text().no_match_contains,
            NameMatch::Exact => ui.text().no_match_exact,
        };
        text.replace("{text}", &shown.search)
    };
    view! {
        <div class="empty" id="list-empty">
            <p>{text}</p>
            <button type="button" class="secondary" on:click=move |_| clear_search()>
                {ui.text().clear_search}
            </button>
        </div>
    }
    .into_any()
}
