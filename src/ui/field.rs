//! A labelled text input with help text and its validation state.

use super::console;
use super::draft::{field_id, Draft, FieldState, Validation};
use super::picker::{listbox, Choices, Combobox, ListState};
use crate::fields::{Family, SECURITY_PROTOCOLS};
use crate::i18n::field_label;
use crate::issue::Field;
use leptos::prelude::*;

/// One text field of a form.
///
/// - `field`: which request field it edits (gives the DOM id and path).
/// - `label`, `help`: reactive text (they follow the language).
/// - `value`: the text, two-way.
/// - `state`: what validation says (pristine, valid, or the messages).
/// - `input_type`: `text` or `password`.
/// - `max_chars`: shows a live "n / max characters" counter.
/// - `required`: marks the label and sets `aria-required`.
/// - `datalist`: the id of a `<datalist>` of suggestions.
/// - `combobox`: a list to choose the value from ([`super::picker`]).
/// - `on_blur`, `on_edit`: the field was left / changed.
#[component]
pub fn TextField(
    field: Field,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] help: Signal<String>,
    value: RwSignal<String>,
    #[prop(into)] state: Signal<FieldState>,
    #[prop(into, default = Signal::stored("text"))] input_type: Signal<&'static str>,
    #[prop(default = None)] max_chars: Option<usize>,
    #[prop(optional)] required: bool,
    #[prop(default = None)] datalist: Option<&'static str>,
    #[prop(default = None)] optional_text: Option<Signal<&'static str>>,
    #[prop(default = None)] combobox: Option<Combobox>,
    // Callbacks, not `impl Fn` props: a generic component is compiled
    // again, its whole view, for each caller's closures (five copies of
    // this one were 39 KB of raw wasm).
    #[prop(into)] on_blur: Callback<()>,
    #[prop(into)] on_edit: Callback<()>,
) -> impl IntoView {
    let ui = console();
    let on_edit = move || on_edit.run(());
    let id = field_id(field);
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let count_id = format!("{id}-count");
    let status_id = format!("{id}-status");
    let invalid = move || matches!(state.get(), FieldState::Invalid(_));
    // The combobox: a list shows while open and loaded; typing filters it.
    let choices = Signal::derive(move || combobox.map(|combobox| combobox.choices.get()).unwrap_or_default());
    let listed = move || choices.with(|choices| matches!(choices, Choices::Ready(_)));
    let list = ListState::default();
    let shown = Memo::new(move |_| choices.with(|choices| value.with(|value| choices.matching(value))));
    let expanded = move || listed() && list.open.get();
    let pick = move |choice: super::picker::Choice| {
        value.set(choice.id.clone());
        on_edit();
        list.close();
        if let Some(on_pick) = combobox.and_then(|combobox| combobox.on_pick) {
            on_pick.run(choice);
        }
    };
    let status = move || choices.with(|choices| value.with(|value| choices.status(value, ui.text())));
    let described_by = {
        let (help_id, error_id, count_id, status_id) =
            (help_id.clone(), error_id.clone(), count_id.clone(), status_id.clone());
        move || {
            let mut ids = vec![help_id.clone()];
            if combobox.is_some() {
                ids.push(status_id.clone());
            }
            if max_chars.is_some() {
                ids.push(count_id.clone());
            }
            if invalid() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    let counter = max_chars.map(|max| {
        let count_id = count_id.clone();
        view! {
            <span id=count_id class="counter" class:over=move || value.with(|v| v.chars().count() > max)>
                {move || value.with(|v| v.chars().count())} " / " {max}
            </span>
        }
    });
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id.clone()>
                {move || label.get()}
                {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
                {optional_text.map(|text| view! { <span class="optional">" (" {move || text.get()} ")"</span> })}
            </label>
            <input
                id=id.clone()
                name=id.clone()
                type=move || input_type.get()
                list=datalist
                autocomplete="off"
                spellcheck="false"
                role=move || listed().then_some("combobox")
                aria-autocomplete=move || listed().then_some("list")
                aria-controls=move || listed().then(|| format!("{}-list", field_id(field)))
                aria-expanded=move || listed().then(|| expanded().to_string())
                aria-activedescendant=move || {
                    list.active.get().filter(|_| expanded()).map(|at| format!("{}-option-{at}", field_id(field)))
                }
                aria-required=required.then_some("true")
                aria-invalid=move || if invalid() { "true" } else { "false" }
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    on_edit();
                    list.open.set(true);
                    list.active.set(None);
                }
                on:keydown=move |ev| {
                    if listed() {
                        let count = shown.with_untracked(Vec::len);
                        list.key(&ev, count, |at| {
                            if let Some(choice) = shown.with_untracked(|shown| shown.get(at).cloned()) {
                                pick(choice);
                            }
                        });
                    }
                }
                on:click=move |_| list.open.update(|open| *open = !*open)
                on:blur=move |_| {
                    list.close();
                    on_blur.run(());
                }
            />
            {move || expanded().then(|| listbox(&field_id(field), shown.get(), list, pick))}
            <div class="field-meta">
                <p id=help_id class="help">{move || help.get()}</p>
                {counter}
            </div>
            {combobox.map(|_| view! { <p id=status_id class="help pick-status" aria-live="polite">{status}</p> })}
            <div id=error_id class="field-error" aria-live="polite">
                {move || match state.get() {
                    FieldState::Invalid(messages) => messages
                        .into_iter()
                        .map(|message| view! { <p>{message}</p> })
                        .collect_view()
                        .into_any(),
                    _ => ().into_any(),
                }}
            </div>
        </div>
    }
}

/// A [`TextField`] bound to one field of the form's draft: the core's label,
/// the validation state, touched when left, the server's mark dropped when
/// edited. Whether it is required and its length limit come from the field
/// table ([`crate::fields`]); optional fields say so in their label.
pub fn draft_text_field(draft: Draft, validation: Validation, field: Field) -> impl IntoView {
    draft_picker_field(draft, validation, field, None)
}

/// A [`draft_text_field`] whose value may also be chosen from a list.
pub fn draft_picker_field(
    draft: Draft,
    validation: Validation,
    field: Field,
    combobox: Option<Combobox>,
) -> impl IntoView {
    let ui = console();
    let value = draft.text(field);
    let required = field.is_required_in_form();
    let max_chars = field.max_chars();
    let optional_text = (!required).then(|| Signal::derive(move || ui.text().optional));
    // Known values are offered as suggestions (Kafka's security protocols).
    let suggestions = field
        .spec()
        .is_some_and(|spec| spec.family == Family::SecurityProtocol)
        .then(|| {
            view! {
                <datalist id="security-protocols">
                    {SECURITY_PROTOCOLS.map(|protocol| view! { <option value=protocol></option> }).collect_view()}
                </datalist>
            }
        });
    view! {
        <TextField
            field=field
            label=Signal::derive(move || field_label(field, ui.locale.get()))
            help=Signal::derive(move || with_limit(ui.text().field_help(field), field))
            value=value
            state=Signal::derive(move || validation.state(field, ui.locale.get()))
            required=required
            max_chars=max_chars
            datalist=suggestions.as_ref().map(|_| "security-protocols")
            optional_text=optional_text
            combobox=combobox
            on_blur=move || validation.touch(field)
            on_edit=move || validation.edited(field)
        />
        {suggestions}
    }
}

/// The create form's password `field` (Kafka's or RocketMQ's), masked,
/// with a button that shows or hides what was typed.
pub fn draft_password_field(draft: Draft, validation: Validation, field: Field) -> impl IntoView {
    let ui = console();
    let value = draft.text(field);
    let shown = RwSignal::new(false);
    view! {
        <div class="password-row">
            <TextField
                field=field
                label=Signal::derive(move || field_label(field, ui.locale.get()))
                help=Signal::derive(move || ui.text().field_help(field).to_owned())
                value=value
                state=Signal::derive(move || validation.state(field, ui.locale.get()))
                input_type=Signal::derive(move || if shown.get() { "text" } else { "password" })
                required=true
                on_blur=move || validation.touch(field)
                on_edit=move || validation.edited(field)
            />
            <button
                type="button"
                class="link-button reveal"
                aria-controls=field_id(field)
                aria-pressed=move || shown.get().to_string()
                on:click=move |_| shown.update(|shown| *shown = !*shown)
            >
                {move || if shown.get() { ui.text().hide_password } else { ui.text().show_password }}
            </button>
        </div>
    }
}

/// `help` with `{max}` replaced by the field's length limit from the field
/// table, so help texts never state a limit of their own.
pub fn with_limit(help: &str, field: Field) -> String {
    match field.max_chars() {
        Some(max) => help.replace("{max}", &max.to_string()),
        None => help.to_owned(),
    }
}
