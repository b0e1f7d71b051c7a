//! The console's home view: the project's connections as a table, paged,
//! sorted and searched on the server, with rows still being created
//! refreshing themselves.

use super::delete_dialog::{DeleteDialog, Deleted};
use super::error_panel::{Attempt, ErrorPanel};
use super::local_time::local_time;
use super::middle_id::middle_id;
use super::missing_settings::MissingSettings;
use super::pager::{PageWindow, Pager};
use super::quota_note::QuotaNote;
use super::route::Route;
use super::status_badge::StatusBadge;
use super::views::views;
use super::{console, focus, follow_creation, ids, reload_on_new_settings, InFlight};
use crate::api::{self, ApiError, ListQuery, NameMatch};
use crate::i18n::field_label;
use crate::issue::Field;
use crate::model::ListSort;
use crate::model::{ConnectionInfo, ConnectionList as Page};
use leptos::prelude::*;

/// A loaded page and the query that produced it.
#[derive(Debug, Clone, PartialEq)]
struct Loaded {
    query: ListQuery,
    page: Page,
}

/// The list view.
#[component]
pub fn ConnectionList() -> impl IntoView {
    let ui = console();
    let views = views();
    let query = views.list_query;
    let loaded = RwSignal::new(None::<Loaded>);
    let loading = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let reload = RwSignal::new(0_u64);
    let deleting = RwSignal::new(None::<(String, String)>);
    let search_text = RwSignal::new(query.get_untracked().search);
    let instance_text = RwSignal::new(query.get_untracked().instance_id);
    let name_match = RwSignal::new(query.get_untracked().name_match);
    let in_flight = InFlight::for_view();
    // Rows whose status is followed now: one follower per connection,
    // whatever the reloads meanwhile.
    let followed = StoredValue::new(Vec::<String>::new());
    on_cleanup(move || {
        let _ = views.notice.try_set(None);
    });

    // Rows still being created follow their status; each answer replaces
    // its row while the page shown still has it.
    let follow_pending = move |endpoint: api::Endpoint, items: &[ConnectionInfo]| {
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
                    let still_shown = loaded
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
                    let _ = reload.try_update(|count| *count += 1);
                    done(&id)
                }
                Err(_) => true,
            });
        }
    };

    // The page the query asks for: loaded again when the query changes, on
    // Refresh, after a delete and when the settings change. A newer load
    // supersedes (and aborts) an older one; `None` inside: no settings yet.
    let pages = LocalResource::new(move || {
        let wanted = query.get();
        reload.track();
        let call = ui.ready_endpoint().map(|endpoint| (endpoint, in_flight.start()));
        loading.set(call.is_some());
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
            loading.set(false);
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
                    failure.set(None);
                    follow_pending(endpoint, &page.items);
                    loaded.set(Some(Loaded { query: wanted, page }));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    reload_on_new_settings(move || {
        let _ = reload.try_update(|count| *count += 1);
    });

    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = search_text.get_untracked().trim().to_owned();
        let instance_id = instance_text.get_untracked().trim().to_owned();
        let name_match = name_match.get_untracked();
        query.update(|query| {
            query.search = text;
            query.instance_id = instance_id;
            query.name_match = name_match;
            query.offset = 0;
        });
    };
    let clear_search = move || {
        search_text.set(String::new());
        instance_text.set(String::new());
        query.update(|query| {
            query.search.clear();
            query.instance_id.clear();
            query.offset = 0;
        });
        focus(ids::LIST_SEARCH);
    };
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
    let on_deleted = move |outcome: Deleted| {
        let text = ui.text_untracked();
        let notice = match outcome {
            Deleted::Now { name } => {
                // 204: the row goes now; the reload brings the next one up.
                loaded.update(|loaded| {
                    if let Some(loaded) = loaded {
                        loaded.page.items.retain(|item| item.name != name);
                    }
                });
                text.deleted.replace("{name}", &name)
            }
            Deleted::AlreadyGone { name } => text.already_gone.replace("{name}", &name),
        };
        deleting.set(None);
        views.notice.set(Some(notice));
        reload.update(|count| *count += 1);
        request_animation_frame(|| focus(ids::LIST_NOTICE));
    };

    let window = Signal::derive(move || {
        loaded.with(|loaded| match loaded {
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
    });

    let row = move |item: ConnectionInfo| {
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
    };

    // Nothing at all (not a search that found nothing).
    let list_is_empty = move || {
        loaded.with(|loaded| {
            loaded.as_ref().is_some_and(|Loaded { query, page }| {
                page.items.is_empty() && page.total == 0 && query.search.is_empty() && query.instance_id.is_empty()
            })
        })
    };
    let table = move || {
        let Loaded { query: shown, page } = loaded.get()?;
        if page.items.is_empty() {
            let searched = !shown.search.is_empty() || !shown.instance_id.is_empty();
            return Some(if searched {
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
            } else {
                view! {
                    <div class="empty" id="list-empty">
                        <h3>{ui.text().empty_title}</h3>
                        <p>{ui.text().empty_help}</p>
                        <a class="button primary" href=Route::Create.href() id="empty-create">{ui.text().nav_create}</a>
                    </div>
                }
                .into_any()
            });
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
                        <tbody>{page.items.into_iter().map(row).collect_view()}</tbody>
                    </table>
                </div>
            }
            .into_any(),
        )
    };

    view! {
        <section class="panel" aria-labelledby="list-title" id="connection-list">
            <div class="result-head">
                <h2 id="list-title">{move || ui.text().list_title}</h2>
                <QuotaNote total=Signal::derive(move || loaded.with(|loaded| loaded.as_ref().map(|l| l.page.total))) />
                <div class="toolbar">
                    <button
                        type="button"
                        class="secondary"
                        id="list-refresh"
                        aria-busy=move || loading.get().to_string()
                        on:click=move |_| reload.update(|count| *count += 1)
                    >
                        {move || if loading.get() { ui.text().refreshing } else { ui.text().refresh }}
                    </button>
                    // An empty list offers creation once, in its own words.
                    {move || (!list_is_empty()).then(|| view! {
                        <a class="button primary" href=Route::Create.href() id="list-create">{move || ui.text().nav_create}</a>
                    })}
                </div>
            </div>
            {move || views.notice.get().map(|notice| view! {
                <p class="notice" role="status" id="list-notice" tabindex="-1">{notice}</p>
            })}
            <form class="search" role="search" on:submit=search>
                <div class="field">
                    <label for="list-search">{move || ui.text().search_label}</label>
                    <input
                        id="list-search"
                        type="search"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || search_text.get()
                        on:input=move |ev| search_text.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="list-match">{move || ui.text().match_label}</label>
                    <select id="list-match" on:change=move |ev| {
                        name_match.set(if event_target_value(&ev) == "exact" { NameMatch::Exact } else { NameMatch::Contains });
                    }>
                        <option value="contains" selected=move || name_match.get() == NameMatch::Contains>
                            {move || ui.text().match_contains}
                        </option>
                        <option value="exact" selected=move || name_match.get() == NameMatch::Exact>
                            {move || ui.text().match_exact}
                        </option>
                    </select>
                </div>
                <div class="field">
                    <label for="list-instance">{move || ui.text().instance_filter_label}</label>
                    <input
                        id="list-instance"
                        type="search"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby="list-instance-help"
                        prop:value=move || instance_text.get()
                        on:input=move |ev| instance_text.set(event_target_value(&ev))
                    />
                    <p id="list-instance-help" class="help">{move || ui.text().instance_filter_help}</p>
                </div>
                <button type="submit" class="secondary" id="list-search-button">{move || ui.text().search}</button>
            </form>
            <MissingSettings tried=true id="list-settings-missing" />
            {move || failure.get().map(|error| view! { <ErrorPanel error=error attempt=Attempt::List id="list-error" /> })}
            {move || (loading.get() && loaded.with(Option::is_none)).then(|| view! {
                <p class="help" aria-live="polite">{ui.text().loading}</p>
            })}
            {table}
            <Pager
                window=window
                on_offset=move |offset| query.update(|query| query.offset = offset)
                on_limit=move |limit| query.update(|query| {
                    query.limit = limit;
                    query.offset = 0;
                })
            />
            {move || deleting.get().map(|(id, name)| view! {
                <DeleteDialog id=id name=name on_close=move |_| deleting.set(None) on_deleted=on_deleted />
            })}
        </section>
    }
}
