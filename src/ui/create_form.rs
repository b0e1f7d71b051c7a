//! The create-connection form: fields validated as the user types, one
//! request per submit, every failure explained with the form intact, and
//! the new connection's details opened on success.

use super::account_lists::AccountLists;
use super::detail_section::DetailSection;
use super::draft::{field_id, Draft, Validation};
use super::error_panel::{Attempt, ErrorPanel};
use super::field::{draft_picker_field, draft_text_field};
use super::issue_summary::IssueSummary;
use super::missing_settings::MissingSettings;
use super::request_preview::RequestPreview;
use super::views::{views, CreateCall};
use super::{console, focus, ids};
use crate::api::{Abort, ApiError};
use crate::i18n::field_label;
use crate::issue::Field;
use crate::model::{error_code, ConnectionType};
use crate::rules::validate_create_input;
use leptos::prelude::*;

/// The form and its error panel.
#[component]
pub fn CreateForm() -> impl IntoView {
    let ui = console();
    let views = views();
    let draft = views.draft;
    let validation = Validation::new(draft);
    let lists = AccountLists::load(draft);
    // The create runs in `views.create`, which outlives this form: back on
    // the form while it runs, the form shows it running.
    let create = views.create;
    let in_flight = create.pending();
    // Creates that ended before this form was shown are not its to report.
    let ended_before = create.version().get_untracked();
    let failure = Memo::new(move |_| {
        if in_flight.get() || create.version().get() == ended_before {
            return None;
        }
        create.value().get().and_then(|(_, outcome)| outcome.err())
    });
    // A failure marks the fields it names (its panel takes focus).
    Effect::new(move |_| {
        if let Some(error) = failure.get() {
            let marks = server_marks(&error, ui.text_untracked());
            if let Some((field, _)) = marks.first() {
                // The form may be gone (the user navigated away meanwhile).
                if validation.server.try_set(marks.clone()).is_none() {
                    validation.touch(*field);
                    request_animation_frame(|| focus("issue-summary"));
                }
            }
        }
    });
    let settings_missing = RwSignal::new(false);
    let request = Signal::derive(move || validate_create_input(&draft.input()).ok());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // One click, one request: a second submit while one is in flight is ignored.
        if in_flight.get_untracked() {
            return;
        }
        validation.submitted.set(true);
        let request = match untrack(|| validate_create_input(&draft.input())) {
            Ok(request) => request,
            Err(issues) => {
                if let Some(first) = issues.first() {
                    focus(&field_id(first.field));
                }
                return;
            }
        };
        let Some(endpoint) = ui.ready_endpoint() else {
            settings_missing.set(true);
            ui.open_settings_at(ui.missing_settings_field());
            return;
        };
        settings_missing.set(false);
        create.dispatch_local(CreateCall {
            endpoint,
            request,
            abort: Abort::default(),
        });
    };

    view! {
        <section class="panel" aria-labelledby="create-title">
            <h2 id="create-title">{move || ui.text().create_title}</h2>
            {move || {
                lists.quota.get().filter(|(used, quota)| used >= quota).map(|(_, quota)| {
                    view! {
                        <p class="notice warning" role="status" id="quota-reached">
                            {ui.text().quota_reached.replace("{quota}", &quota.to_string())}
                        </p>
                    }
                })
            }}
            <form id="create-form" novalidate on:submit=submit>
                <IssueSummary validation=validation />
                {draft_text_field(draft, validation, Field::Name)}
                {draft_text_field(draft, validation, Field::Description)}
                {draft_picker_field(draft, validation, Field::VpcId, Some(lists.vpc))}
                {draft_picker_field(draft, validation, Field::SubnetId, Some(lists.subnet))}
                <fieldset class="choices" id=field_id(Field::Type) aria-describedby="type-help">
                    <legend>{move || field_label(Field::Type, ui.locale.get())}</legend>
                    <p id="type-help" class="help">{move || ui.text().type_help}</p>
                    {ConnectionType::ALL.map(|kind| type_choice(draft, kind)).collect_view()}
                </fieldset>
                {move || {
                    let kind = draft.connection_type.get();
                    view! { <DetailSection kind=kind draft=draft validation=validation instance=lists.instance /> }
                }}
                <MissingSettings tried=settings_missing />
                <div class="actions">
                    <button
                        type="submit"
                        id="create-button"
                        class="primary"
                        aria-disabled=move || in_flight.get().to_string()
                        aria-busy=move || in_flight.get().to_string()
                    >
                        {move || if in_flight.get() { ui.text().creating } else { ui.text().create }}
                    </button>
                    <Show when=move || in_flight.get()>
                        <button
                            type="button"
                            id="cancel-button"
                            class="secondary"
                            on:click=move |_| {
                                create.input().with_untracked(|call| {
                                    if let Some(call) = call {
                                        call.abort.cancel();
                                    }
                                })
                            }
                        >
                            {move || ui.text().cancel}
                        </button>
                    </Show>
                </div>
                <RequestPreview request=request />
            </form>
            // A refusal the form marks is said by the summary; any other
            // gets the full explanation.
            {move || {
                failure.get().filter(|error| server_marks(error, ui.text()).is_empty()).map(|error| {
                    view! { <ErrorPanel error=error attempt=Attempt::Create id=ids::CREATE_ERROR take_focus=true /> }
                })
            }}
        </section>
    }
}

/// The fields an error names, each with what to say there: a taken name,
/// or the server's per-field details of a 400 (all of them, or none: a
/// detail no field owns is said by the full panel, never dropped).
fn server_marks(error: &ApiError, text: &super::text::Text) -> Vec<(Field, String)> {
    let ApiError::Eg { body, .. } = error else {
        return Vec::new();
    };
    if body.error_code == error_code::NAME_DUPLICATED {
        return vec![(Field::Name, text.error_name_taken.to_owned())];
    }
    body.error_details
        .iter()
        .map(|detail| Field::from_path(&detail.path).map(|field| (field, detail.message.clone())))
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default()
}

/// The radio button of connection type `kind`, with what it is for.
fn type_choice(draft: Draft, kind: ConnectionType) -> impl IntoView {
    let ui = console();
    view! {
        <label class="choice">
            <input
                type="radio"
                name="type"
                id=format!("type-{}", kind.as_str().to_lowercase())
                value=kind.as_str()
                prop:checked=move || draft.connection_type.get() == kind
                on:change=move |_| draft.connection_type.set(kind)
            />
            <span><strong>{kind.as_str()}</strong> " " {move || ui.text().type_help(kind)}</span>
        </label>
    }
}
