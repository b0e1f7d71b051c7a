//! A long ID shortened in the middle (`5f1c2a…9a2b`), so a table row stays
//! one line; the full value on hover (title), and on focus (a click or Tab
//! shows it in place, where selecting it copies the whole value).

use leptos::prelude::*;

/// Characters kept at the start and at the end of a shortened ID.
const HEAD: usize = 6;
const TAIL: usize = 4;

/// `value` with its middle replaced by `…`, or as it is when short.
pub fn shorten_middle(value: &str) -> Option<String> {
    let count = value.chars().count();
    if count <= HEAD + TAIL + 2 {
        return None;
    }
    let head: String = value.chars().take(HEAD).collect();
    let tail: String = value.chars().skip(count - TAIL).collect();
    Some(format!("{head}…{tail}"))
}

/// An ID as `<code>`, shortened when long. Screen readers read the full value.
pub fn middle_id(value: String) -> AnyView {
    let Some(short) = shorten_middle(&value) else {
        return view! { <code>{value}</code> }.into_any();
    };
    let title = value.clone();
    view! {
        <code class="mid-id" tabindex="0" title=title>
            <span class="short" aria-hidden="true">{short}</span>
            <span class="full">{value}</span>
        </code>
    }
    .into_any()
}
