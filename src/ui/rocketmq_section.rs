//! The RocketMQ part of the create form, shown only for ROCKETMQ connections.

use super::console;
use super::draft::{field_id, Draft, Validation};
use super::field::{draft_text_field, TextField};
use crate::i18n::field_label;
use crate::issue::Field;
use leptos::prelude::*;

/// Instance, name servers, TLS, and the ACL credentials.
#[component]
pub fn RocketmqSection(draft: Draft, validation: Validation) -> impl IntoView {
    let ui = console();
    let label = move |field: Field| Signal::derive(move || field_label(field, ui.locale.get()));
    let state = move |field: Field| Signal::derive(move || validation.state(field, ui.locale.get()));
    let show_password = RwSignal::new(false);
    let password_id = field_id(Field::RocketmqPassword);
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
                <div class="password-row">
                    <TextField
                        field=Field::RocketmqPassword
                        label=label(Field::RocketmqPassword)
                        help=Signal::derive(move || ui.text().kafka_password_help.to_owned())
                        value=draft.rocketmq_password
                        state=state(Field::RocketmqPassword)
                        input_type=Signal::derive(move || if show_password.get() { "text" } else { "password" })
                        required=true
                        on_blur=move || validation.touch(Field::RocketmqPassword)
                        on_edit=move || validation.edited(Field::RocketmqPassword)
                    />
                    <button
                        type="button"
                        class="link-button reveal"
                        aria-controls=password_id.clone()
                        aria-pressed=move || show_password.get().to_string()
                        on:click=move |_| show_password.update(|shown| *shown = !*shown)
                    >
                        {move || if show_password.get() { ui.text().hide_password } else { ui.text().show_password }}
                    </button>
                </div>
            </Show>
        </fieldset>
    }
}
