//! The API base URL, applied explicitly: a half-typed host never receives
//! a token, a password or a signature.

use super::text::Text;
use super::{console, focus, ids};
use crate::api::{self, BaseUrlProblem};
use leptos::prelude::*;

/// The base URL: typed freely, applied only with Apply or Enter, and only
/// when it is an absolute http(s) URL (or empty, for this page's origin).
/// Until then every call, and its credentials, go where they went before.
#[component]
pub fn BaseUrlField() -> impl IntoView {
    let ui = console();
    let draft = RwSignal::new(ui.base_url.get_untracked());
    let problem = RwSignal::new(None::<BaseUrlProblem>);
    // Applied elsewhere (a test, a reload): the field shows it.
    Effect::new(move |_| draft.set(ui.base_url.get()));
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match api::check_base_url(&draft.get_untracked()) {
            Ok(url) => {
                problem.set(None);
                draft.set(url.clone());
                if ui.base_url.get_untracked() != url {
                    ui.base_url.set(url);
                }
            }
            Err(why) => {
                problem.set(Some(why));
                focus(ids::SETTINGS_BASE_URL);
            }
        }
    };
    let pending = move || draft.with(|draft| ui.base_url.with(|applied| draft.trim() != applied));
    let described_by = move || {
        if problem.get().is_some() {
            "settings-base-url-error settings-base-url-help"
        } else {
            "settings-base-url-help"
        }
    };
    view! {
        <form class="field base-url" id="settings-base-url-form" on:submit=apply novalidate>
            <label for="settings-base-url">{move || ui.text().api_base}</label>
            <div class="inline">
                <input
                    id="settings-base-url"
                    type="url"
                    placeholder="https://"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby=described_by
                    aria-invalid=move || problem.get().is_some().to_string()
                    prop:value=move || draft.get()
                    on:input=move |ev| {
                        draft.set(event_target_value(&ev));
                        problem.set(None);
                    }
                />
                <button type="submit" id="settings-base-url-apply" class="secondary">
                    {move || ui.text().apply}
                </button>
            </div>
            {move || problem.get().map(|why| view! {
                <p id="settings-base-url-error" class="field-error" role="alert">{move || base_url_problem(why, ui.text())}</p>
            })}
            <p class="help" id="settings-base-url-applied">
                {move || ui.text().base_url_applied} ": "
                <code>{move || {
                    let applied = ui.base_url.get();
                    if applied.is_empty() { ui.text().base_url_same_origin.to_owned() } else { applied }
                }}</code>
                {move || pending().then(|| view! { " " <span class="pending">{ui.text().base_url_pending}</span> })}
            </p>
            <p id="settings-base-url-help" class="help">{move || ui.text().api_base_help}</p>
        </form>
    }
}

fn base_url_problem(problem: BaseUrlProblem, text: &Text) -> &'static str {
    match problem {
        BaseUrlProblem::NotAbsolute => text.base_url_not_absolute,
        BaseUrlProblem::Scheme => text.base_url_scheme,
        BaseUrlProblem::UserInfo => text.base_url_user_info,
        BaseUrlProblem::QueryOrFragment => text.base_url_query,
    }
}
