//! The list's search form: a name (contained or exact) and an instance ID,
//! applied to the list's query on Search.

use super::{console, focus, ids};
use crate::api::{ListQuery, NameMatch};
use leptos::prelude::*;

/// What the search form holds before Search applies it (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct SearchDraft {
    text: RwSignal<String>,
    instance: RwSignal<String>,
    name_match: RwSignal<NameMatch>,
}

impl SearchDraft {
    /// A draft showing what `query` searches for now.
    pub fn of(query: RwSignal<ListQuery>) -> SearchDraft {
        let now = query.get_untracked();
        SearchDraft {
            text: RwSignal::new(now.search),
            instance: RwSignal::new(now.instance_id),
            name_match: RwSignal::new(now.name_match),
        }
    }

    /// Clears the search, in the form and in the query, and goes back to
    /// the search field.
    pub fn clear(self, query: RwSignal<ListQuery>) {
        self.text.set(String::new());
        self.instance.set(String::new());
        query.update(|query| {
            query.search.clear();
            query.instance_id.clear();
            query.offset = 0;
        });
        focus(ids::LIST_SEARCH);
    }
}

/// The search form of the list whose query is `query`.
#[component]
pub fn ListSearch(query: RwSignal<ListQuery>, draft: SearchDraft) -> impl IntoView {
    let ui = console();
    let SearchDraft {
        text,
        instance,
        name_match,
    } = draft;
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (search, instance_id) = (
            text.get_untracked().trim().to_owned(),
            instance.get_untracked().trim().to_owned(),
        );
        let name_match = name_match.get_untracked();
        query.update(|query| {
            query.search = search;
            query.instance_id = instance_id;
            query.name_match = name_match;
            query.offset = 0;
        });
    };
    view! {
        <form class="search" role="search" on:submit=search>
            <div class="field">
                <label for="list-search">{move || ui.text().search_label}</label>
                <input
                    id="list-search"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
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
                    prop:value=move || instance.get()
                    on:input=move |ev| instance.set(event_target_value(&ev))
                />
                <p id="list-instance-help" class="help">{move || ui.text().instance_filter_help}</p>
            </div>
            <button type="submit" class="secondary" id="list-search-button">{move || ui.text().search}</button>
        </form>
    }
}
