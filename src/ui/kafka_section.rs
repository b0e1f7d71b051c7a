//! The Kafka part of the create form, shown only for KAFKA connections.

use super::console;
use super::draft::{field_id, Draft, Validation};
use super::field::{draft_password_field, draft_text_field, TextField};
use crate::i18n::field_label;
use crate::issue::Field;
use crate::model::Acks;
use leptos::prelude::*;

/// Instance, addresses, protocol, SASL_SSL credentials and acks.
#[component]
pub fn KafkaSection(draft: Draft, validation: Validation) -> impl IntoView {
    let ui = console();
    let label = move |field: Field| Signal::derive(move || field_label(field, ui.locale.get()));
    let state = move |field: Field| Signal::derive(move || validation.state(field, ui.locale.get()));
    view! {
        <fieldset class="kafka">
            <legend>{move || ui.text().kafka_section}</legend>
            {draft_text_field(draft, validation, Field::InstanceId, |t| t.instance_id_help)}
            {draft_text_field(draft, validation, Field::Addr, |t| t.addr_help)}
            <TextField
                field=Field::SecurityProtocol
                label=label(Field::SecurityProtocol)
                help=Signal::derive(move || ui.text().security_protocol_help.to_owned())
                value=draft.security_protocol
                state=state(Field::SecurityProtocol)
                list="security-protocols"
                optional_text=Some(Signal::derive(move || ui.text().optional))
                on_blur=move || validation.touch(Field::SecurityProtocol)
                on_edit=move || validation.edited(Field::SecurityProtocol)
            />
            <datalist id="security-protocols">
                <option value="PLAINTEXT"></option>
                <option value="SASL_PLAINTEXT"></option>
                <option value="SASL_SSL"></option>
            </datalist>
            <div class="field switch">
                <label class="check">
                    <input
                        id=field_id(Field::EnableSaslSsl)
                        type="checkbox"
                        role="switch"
                        aria-describedby="sasl-help"
                        prop:checked=move || draft.enable_sasl_ssl.get()
                        on:change=move |ev| draft.enable_sasl_ssl.set(event_target_checked(&ev))
                    />
                    {move || field_label(Field::EnableSaslSsl, ui.locale.get())}
                </label>
                <p id="sasl-help" class="help">{move || ui.text().sasl_help}</p>
            </div>
            <Show when=move || draft.enable_sasl_ssl.get()>
                {draft_text_field(draft, validation, Field::UserName, |t| t.kafka_user_help)}
                {draft_password_field(draft, validation, Field::Password)}
            </Show>
            <fieldset class="choices" aria-describedby="acks-help">
                <legend>{move || field_label(Field::Acks, ui.locale.get())}</legend>
                <p id="acks-help" class="help">{move || ui.text().acks_help}</p>
                {Acks::ALL_VALUES
                    .into_iter()
                    .map(|acks| {
                        let explain = move || match acks {
                            Acks::None => ui.text().acks_0,
                            Acks::Leader => ui.text().acks_1,
                            Acks::All => ui.text().acks_all,
                        };
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name="acks"
                                    id=format!("acks-{}", acks.as_str())
                                    value=acks.as_str()
                                    prop:checked=move || draft.acks.get() == acks
                                    on:change=move |_| draft.acks.set(acks)
                                />
                                <span>{explain}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </fieldset>
    }
}
