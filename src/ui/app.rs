//! The console's root: settings, language, and the routed views.

use super::pages::Pages;
use super::settings::Settings;
use super::storage::{self, SavedSettings};
use super::{AuthMethod, Console, REGIONS};
use crate::api::{self, DEFAULT_TIMEOUT};
use crate::Locale;
use leptos::prelude::*;

/// The whole console. Settings load from storage and save on change.
#[component]
pub fn App() -> impl IntoView {
    let saved = storage::load_settings();
    let remembered = storage::load_token();
    let remembered_key = storage::load_access_key();
    let remembered_account = storage::load_account().filter(|_| remembered.is_some());
    // A base URL saved before it was checked on Apply, and no longer valid,
    // is not called: the page's own origin stands in.
    let base_url = api::check_base_url(&saved.base_url).unwrap_or_default();
    let region = if REGIONS.contains(&saved.region.as_str()) {
        saved.region.clone()
    } else {
        REGIONS[0].to_owned()
    };
    let ui = Console {
        locale: RwSignal::new(storage::initial_locale(&saved)),
        base_url: RwSignal::new(base_url),
        region: RwSignal::new(region),
        project_id: RwSignal::new(saved.project_id.clone()),
        auth_method: RwSignal::new(AuthMethod::from_tag(&saved.auth_method)),
        remember_secrets: RwSignal::new(remembered.is_some() || remembered_key.is_some()),
        token: RwSignal::new(remembered.unwrap_or_default()),
        access_key: RwSignal::new(remembered_key.unwrap_or_default()),
        account: RwSignal::new(remembered_account.unwrap_or_default()),
        settings_open: RwSignal::new(true),
        timeout: DEFAULT_TIMEOUT,
    };
    // Folded into its one-line bar when there is already something to call with.
    ui.settings_open.set(!untrack(|| ui.is_ready()));
    provide_context(ui);

    // Non-secret settings persist in localStorage.
    Effect::new(move |_| {
        storage::save_settings(&SavedSettings {
            base_url: ui.base_url.get(),
            region: ui.region.get(),
            project_id: ui.project_id.get(),
            locale: ui.locale.get().tag().to_owned(),
            auth_method: ui.auth_method.get().tag().to_owned(),
        });
    });
    // Secrets go to sessionStorage only when asked, and leave it when not.
    Effect::new(move |_| {
        let remember = ui.remember_secrets.get();
        ui.token
            .with(|token| storage::save_token(remember.then_some(token.as_str())));
        ui.access_key
            .with(|key| storage::save_access_key(remember.then_some(key)));
        ui.account
            .with(|account| storage::save_account(remember.then_some(account.as_str())));
    });
    // The document's language, title and description follow the switch.
    Effect::new(move |_| {
        let document = document();
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", ui.locale.get().tag());
        }
        let text = ui.text();
        document.set_title(text.document_title);
        if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
            let _ = meta.set_attribute("content", text.meta_description);
        }
    });

    view! {
        <header class="top">
            <div>
                <h1>{move || ui.text().title}</h1>
                <p class="help">{move || ui.text().subtitle}</p>
            </div>
            <div class="field language">
                <label for="language">{move || ui.text().language}</label>
                <select id="language" on:change=move |ev| {
                    if let Some(locale) = Locale::from_tag(&event_target_value(&ev)) {
                        ui.locale.set(locale);
                    }
                }>
                    {Locale::ALL
                        .into_iter()
                        .map(|locale| view! {
                            <option value=locale.tag() selected=move || ui.locale.get() == locale>
                                {locale.native_name()}
                            </option>
                        })
                        .collect_view()}
                </select>
            </div>
        </header>
        <main>
            <Settings />
            <Pages />
        </main>
    }
}
