//! A connection type's detail object in the create form, drawn from the
//! field table: a text field per string, a switch per flag, the choices of
//! Kafka's acks, and what follows a switch (credentials, Kafka's security
//! protocol) shown only while it is on. Kafka's switch is its access mode,
//! as Huawei's console asks it: plaintext (off), or ciphertext (on) with a
//! protocol.
//! A new type's section needs no code here.

use super::console;
use super::draft::{field_id, follows_switch, Draft, Validation};
use super::field::{draft_password_field, draft_picker_field};
use super::picker::Combobox;
use super::text::Text;
use crate::fields::{Family, FieldSpec, FIELDS, SECURITY_PROTOCOLS};
use crate::i18n::field_label;
use crate::issue::Field;
use crate::model::{Acks, ConnectionType};
use leptos::prelude::*;

/// The fields of `kind`'s detail object (nothing for a type without one);
/// its instance ID is chosen with `instance`.
#[component]
pub fn DetailSection(kind: ConnectionType, draft: Draft, validation: Validation, instance: Combobox) -> impl IntoView {
    let ui = console();
    let spec = kind.spec();
    let detail = spec.detail?;
    let ident = spec.ident.to_ascii_lowercase();
    let children: Vec<&'static FieldSpec> = FIELDS.iter().filter(|field| field.parent() == detail).collect();
    let (credentials, plain): (Vec<_>, Vec<_>) = children.into_iter().partition(|field| follows_switch(field));
    // What follows the switch comes right after it.
    let switch = spec.switch;
    let rows = plain
        .into_iter()
        .map(|field: &'static FieldSpec| {
            let picker = (Some(field.field) == spec.instance_id).then_some(instance);
            let row = control(field, draft, validation, picker);
            let after = (Some(field.field) == switch).then(|| {
                let on = draft.flag(field.field);
                let credentials = credentials.clone();
                view! {
                    <Show when=move || on.get()>
                        {credentials
                            .iter()
                            .map(|credential| control(credential, draft, validation, None))
                            .collect_view()}
                    </Show>
                }
            });
            view! { {row} {after} }
        })
        .collect_view();
    Some(view! {
        <fieldset class=format!("detail {ident}")>
            <legend>{move || ui.text().type_section(kind)}</legend>
            {rows}
        </fieldset>
    })
}

/// The control of one field, by its family (`picker`: its list to choose from).
fn control(spec: &FieldSpec, draft: Draft, validation: Validation, picker: Option<Combobox>) -> AnyView {
    let ui = console();
    let field = spec.field;
    match spec.family {
        Family::SecurityProtocol => radio_choices(field, draft, "protocol", &PROTOCOL_CHOICES, SECURITY_PROTOCOLS[2]),
        Family::Flag => {
            let value = draft.flag(field);
            let help_id = format!("{}-help", field_id(field));
            view! {
                <div class="field switch">
                    <label class="check">
                        <input
                            id=field_id(field)
                            type="checkbox"
                            role="switch"
                            aria-describedby=help_id.clone()
                            prop:checked=move || value.get()
                            on:change=move |ev| value.set(event_target_checked(&ev))
                        />
                        {move || field_label(field, ui.locale.get())}
                    </label>
                    <p id=help_id class="help">{move || ui.text().field_help(field)}</p>
                </div>
            }
            .into_any()
        }
        Family::Acks => radio_choices(field, draft, "acks", &ACKS_CHOICES, Acks::Leader.as_str()),
        Family::Secret => draft_password_field(draft, validation, field).into_any(),
        _ => draft_picker_field(draft, validation, field, picker).into_any(),
    }
}

/// A choice's explanation, in the current language.
type Meaning = fn(&Text) -> &'static str;

/// Kafka's acknowledgements: the wire value and what it means.
const ACKS_CHOICES: [(&str, Meaning); 3] = [
    ("0", |text| text.acks_0),
    ("1", |text| text.acks_1),
    ("all", |text| text.acks_all),
];

/// Ciphertext access's protocols (shown only while it is on).
const PROTOCOL_CHOICES: [(&str, Meaning); 2] = [
    (SECURITY_PROTOCOLS[2], |text| text.protocol_sasl_ssl),
    (SECURITY_PROTOCOLS[1], |text| text.protocol_sasl_plaintext),
];

/// A field as radio choices, each explained (`name` prefixes the inputs'
/// ids). While the field is empty, `implied` shows as chosen: what the
/// server assumes (SASL_SSL for the protocol, `1` for acks). One function for every such field: each copy of
/// this view costs the console's wasm about a kilobyte.
fn radio_choices(
    field: Field,
    draft: Draft,
    name: &'static str,
    choices: &'static [(&'static str, Meaning)],
    implied: &'static str,
) -> AnyView {
    let ui = console();
    let value = draft.text(field);
    let help_id = format!("{name}-help");
    let described_by = help_id.clone();
    view! {
        <fieldset class="choices" aria-describedby=described_by id=field_id(field)>
            <legend>{move || field_label(field, ui.locale.get())}</legend>
            <p id=help_id class="help">{move || ui.text().field_help(field)}</p>
            {choices
                .iter()
                .map(|&(choice, meaning)| {
                    view! {
                        <label class="choice">
                            <input
                                type="radio"
                                name=name
                                id=format!("{name}-{choice}")
                                value=choice
                                prop:checked=move || value.with(|text| text == choice || (text.is_empty() && choice == implied))
                                on:change=move |_| value.set(choice.to_owned())
                            />
                            <span>{move || meaning(ui.text())}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
    .into_any()
}
