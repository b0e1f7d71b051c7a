//! The RocketMQ part of the create form, shown only for ROCKETMQ connections.

use super::console;
use super::draft::{field_id, Draft, Validation};
use super::field::{draft_password_field, draft_text_field};
use crate::i18n::field_label;
use crate::issue::Field;
use leptos::prelude::*;

/// Instance, name servers, TLS, and the ACL credentials.
#[component]
pub fn RocketmqSection(draft: Draft, validation: Validation) -> impl IntoView {
    let ui = console();
    let switch = move |field: Field,
                       value: RwSignal<bool>,
                       help_id: &'static str,
                       help: fn(&super::text::Text) -> &'static str| {
        view! {
            <div class="field switch">
                <label class="check">
                    <input
                        id=field_id(field)
                        type="checkbox"
                        role="switch"
                        aria-describedby=help_id
                        prop:checked=move || value.get()
                        on:change=move |ev| value.set(event_target_checked(&ev))
                    />
                    {move || field_label(field, ui.locale.get())}
                </label>
                <p id=help_id class="help">{move || help(ui.text())}</p>
            </div>
        }
    };
    view! {
        <fieldset class="rocketmq">
            <legend>{move || ui.text().rocketmq_section}</legend>
            {draft_text_field(draft, validation, Field::RocketmqInstanceId, |t| t.rocketmq_instance_id_help)}
            {draft_text_field(draft, validation, Field::RocketmqAddr, |t| t.rocketmq_addr_help)}
            {switch(Field::UseTls, draft.use_tls, "tls-help", |t| t.use_tls_help)}
            {switch(Field::EnableAcl, draft.enable_acl, "acl-help", |t| t.acl_help)}
            <Show when=move || draft.enable_acl.get()>
                {draft_text_field(draft, validation, Field::RocketmqUserName, |t| t.rocketmq_user_help)}
                {draft_password_field(draft, validation, Field::RocketmqPassword)}
            </Show>
        </fieldset>
    }
}
