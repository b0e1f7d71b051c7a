//! Paging controls for a server-side paged list: previous / next, the
//! range shown out of the total, and the page size.

use super::console;
use crate::api::PAGE_SIZES;
use leptos::prelude::*;

/// Where a page sits in the whole list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageWindow {
    pub offset: u64,
    pub limit: u64,
    /// Items on this page.
    pub size: u64,
    /// Items matching, all pages together.
    pub total: u64,
}

impl PageWindow {
    /// 1-based first and last item shown; `(0, 0)` for an empty page.
    pub fn range(&self) -> (u64, u64) {
        if self.size == 0 {
            (0, 0)
        } else {
            (self.offset + 1, self.offset + self.size)
        }
    }

    /// 1-based page number and page count (at least 1).
    pub fn page(&self) -> (u64, u64) {
        let limit = self.limit.max(1);
        (self.offset / limit + 1, self.total.div_ceil(limit).max(1))
    }

    pub fn has_previous(&self) -> bool {
        self.offset > 0
    }

    pub fn has_next(&self) -> bool {
        self.offset + self.size < self.total
    }
}

/// The controls for `window`; `on_offset` and `on_limit` ask for another
/// page or page size.
#[component]
pub fn Pager(
    #[prop(into)] window: Signal<PageWindow>,
    #[prop(into)] on_offset: Callback<u64>,
    #[prop(into)] on_limit: Callback<u64>,
) -> impl IntoView {
    let ui = console();
    let summary = move || {
        let window = window.get();
        let (from, to) = window.range();
        let (page, pages) = window.page();
        ui.text()
            .showing
            .replace("{from}", &from.to_string())
            .replace("{to}", &to.to_string())
            .replace("{total}", &window.total.to_string())
            .replace("{page}", &page.to_string())
            .replace("{pages}", &pages.to_string())
    };
    view! {
        <div class="pager">
            <p id="list-range" aria-live="polite">{summary}</p>
            <div class="pager-buttons">
                <button
                    type="button"
                    class="secondary"
                    id="page-previous"
                    disabled=move || !window.get().has_previous()
                    on:click=move |_| {
                        let window = window.get_untracked();
                        on_offset.run(window.offset.saturating_sub(window.limit));
                    }
                >
                    {move || ui.text().previous}
                </button>
                <button
                    type="button"
                    class="secondary"
                    id="page-next"
                    disabled=move || !window.get().has_next()
                    on:click=move |_| {
                        let window = window.get_untracked();
                        on_offset.run(window.offset + window.limit);
                    }
                >
                    {move || ui.text().next}
                </button>
                <label for="page-size">{move || ui.text().page_size}</label>
                <select id="page-size" on:change=move |ev| {
                    if let Ok(limit) = event_target_value(&ev).parse::<u64>() {
                        on_limit.run(limit);
                    }
                }>
                    {PAGE_SIZES
                        .into_iter()
                        .map(|size| view! {
                            <option value=size.to_string() selected=move || window.get().limit == size>{size}</option>
                        })
                        .collect_view()}
                </select>
            </div>
        </div>
    }
}
