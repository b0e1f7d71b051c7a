//! The access key credentials: AK, SK, the security token of temporary
//! keys, and the host requests are signed for (and who says so).

use super::{console, ids};
use crate::api::{self, AccessKey, SigningHost};
use leptos::prelude::*;

/// The AK/SK fields of the settings panel.
#[component]
pub fn AccessKeyFields() -> impl IntoView {
    let ui = console();
    // The host to sign for, as the server the console calls says, asked
    // again when the base URL or the region changes; an answer for
    // settings changed meanwhile is dropped.
    let signing_host = RwSignal::new(None::<SigningHost>);
    Effect::new(move |_| {
        let (base_url, region) = (ui.base_url.get(), ui.region.get());
        leptos::task::spawn_local(async move {
            let resolved = api::resolve_signing_host(&base_url, &region, api::Service::Eg).await;
            let current = ui.base_url.try_with_untracked(|b| *b == base_url) == Some(true)
                && ui.region.try_with_untracked(|r| *r == region) == Some(true);
            if current {
                let _ = signing_host.try_set(Some(resolved));
            }
        });
    });
    let key_input = move |id: &'static str,
                          label: fn(&super::text::Text) -> &'static str,
                          kind: &'static str,
                          get: fn(&AccessKey) -> String,
                          set: fn(&mut AccessKey, String)| {
        view! {
            <div class="field">
                <label for=id>{move || label(ui.text())}</label>
                <input
                    id=id
                    type=kind
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="settings-access-key-help"
                    prop:value=move || ui.access_key.with(get)
                    on:input=move |ev| ui.access_key.update(|key| set(key, event_target_value(&ev)))
                />
            </div>
        }
    };
    let source = move || {
        signing_host.get().map(|host| {
            let text = ui.text();
            let why = match host {
                SigningHost::Announced(_) => text.signing_announced,
                SigningHost::Direct(_) => text.signing_direct,
                SigningHost::Region(_) => text.signing_region,
            };
            view! { <code id="settings-signing-host">{host.host().to_owned()}</code> " " {why} }
        })
    };
    view! {
        <div class="grid">
            {key_input(ids::SETTINGS_ACCESS_KEY, |t| t.access_key, "text", |k| k.access.clone(), |k, v| k.access = v)}
            {key_input(ids::SETTINGS_SECRET_KEY, |t| t.secret_key, "password", |k| k.secret.clone(), |k, v| k.secret = v)}
            {key_input(
                ids::SETTINGS_SECURITY_TOKEN,
                |t| t.security_token,
                "password",
                |k| k.security_token.clone(),
                |k, v| k.security_token = v,
            )}
        </div>
        <p id="settings-access-key-help" class="help">{move || ui.text().access_key_help}</p>
        <p class="help signing-host">{move || ui.text().signing_host} ": " {source}</p>
    }
}
