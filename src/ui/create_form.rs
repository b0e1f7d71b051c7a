//! The create-connection form: fields validated as the user types, one
//! request per submit, every failure explained with the form intact, and
//! the new connection's details opened on success.

use super::draft::{field_id, Validation};
use super::error_panel::{Attempt, ErrorPanel};
use super::field::draft_text_field;
use super::kafka_section::KafkaSection;
use super::missing_settings::MissingSettings;
use super::request_preview::RequestPreview;
use super::rocketmq_section::RocketmqSection;
use super::route::{router, Route};
use super::views::views;
use super::{console, focus, Snapshot};
use crate::api::{self, Abort, ApiError};
use crate::i18n::field_label;
use crate::issue::Field;
use crate::model::{error_code, ConnectionType};
use crate::rules::validate_create_input;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The form and its error panel.
#[component]
pub fn CreateForm() -> impl IntoView {
    let ui = console();
    let views = views();
    let router = router();
    let draft = views.draft;
    let validation = Validation::new(draft);
    let in_flight = RwSignal::new(false);
    let abort = StoredValue::new_local(None::<Abort>);
    let failure = RwSignal::new(None::<ApiError>);
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
        failure.set(None);
        in_flight.set(true);
        let handle = Abort::default();
        abort.set_value(Some(handle.clone()));
        spawn_local(async move {
            let outcome = api::create_connection(&endpoint, &request, &handle).await;
            // The form may be gone (the user navigated away meanwhile).
            let _ = abort.try_set_value(None);
            let still_shown = in_flight.try_set(false).is_none();
            match outcome {
                Ok(answer) if still_shown => {
                    // The Kafka password has done its job: it leaves the page.
                    // The rest stays as a template for the next connection;
                    // the details view shows this one, status followed.
                    draft.password.set(String::new());
                    let id = answer.value.id.clone();
                    views.created.set(Some(Snapshot::from(answer)));
                    router.navigate(Route::Details(id));
                    request_animation_frame(|| focus("connection-details"));
                }
                Ok(answer) => {
                    // The user moved on meanwhile: say so where they are.
                    draft.password.set(String::new());
                    let text = ui.text_untracked().created_elsewhere;
                    views.notice.set(Some(text.replace("{name}", &answer.value.name)));
                }
                Err(error) if still_shown => {
                    mark_server_issues(&error, validation, ui);
                    failure.set(Some(error));
                    request_animation_frame(|| focus("error-panel"));
                }
                Err(_) => {
                    // The user moved on meanwhile: the form (kept) will show why on a retry.
                    let text = ui.text_untracked().not_created_elsewhere;
                    views.notice.set(Some(text.replace("{name}", &request.name)));
                }
            }
        });
    };

    let summary = move || {
        let issues = validation.issues.get();
        if !validation.submitted.get() || issues.is_empty() {
            return None;
        }
        let locale = ui.locale.get();
        Some(view! {
            <div class="summary" role="alert" id="issue-summary">
                <h3>{ui.text().summary_title}</h3>
                <ul>
                    {issues
                        .into_iter()
                        .map(|issue| {
                            let target = field_id(issue.field);
                            let text = format!("{}: {}", field_label(issue.field, locale), issue.message(locale));
                            view! {
                                <li>
                                    <a href=format!("#{target}") on:click=move |ev| {
                                        ev.prevent_default();
                                        focus(&target);
                                    }>{text}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        })
    };

    let type_choice = move |kind: ConnectionType, help: fn(&super::text::Text) -> &'static str| {
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
                <span><strong>{kind.as_str()}</strong> " " {move || help(ui.text())}</span>
            </label>
        }
    };

    view! {
        <section class="panel" aria-labelledby="create-title">
            <h2 id="create-title">{move || ui.text().create_title}</h2>
            <form id="create-form" novalidate on:submit=submit>
                {summary}
                {draft_text_field(draft, validation, Field::Name, |t| t.name_help)}
                {draft_text_field(draft, validation, Field::Description, |t| t.description_help)}
                {draft_text_field(draft, validation, Field::VpcId, |t| t.vpc_id_help)}
                {draft_text_field(draft, validation, Field::SubnetId, |t| t.subnet_id_help)}
                <fieldset class="choices" id=field_id(Field::Type) aria-describedby="type-help">
                    <legend>{move || field_label(Field::Type, ui.locale.get())}</legend>
                    <p id="type-help" class="help">{move || ui.text().type_help}</p>
                    {type_choice(ConnectionType::Webhook, |t| t.webhook_help)}
                    {type_choice(ConnectionType::Kafka, |t| t.kafka_help)}
                    {type_choice(ConnectionType::Rocketmq, |t| t.rocketmq_help)}
                </fieldset>
                <Show when=move || draft.connection_type.get() == ConnectionType::Kafka>
                    <KafkaSection draft=draft validation=validation />
                </Show>
                <Show when=move || draft.connection_type.get() == ConnectionType::Rocketmq>
                    <RocketmqSection draft=draft validation=validation />
                </Show>
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
                            on:click=move |_| abort.with_value(|abort| if let Some(abort) = abort { abort.cancel() })
                        >
                            {move || ui.text().cancel}
                        </button>
                    </Show>
                </div>
                <RequestPreview request=request />
            </form>
            {move || failure.get().map(|error| view! { <ErrorPanel error=error attempt=Attempt::Create /> })}
        </section>
    }
}

/// Marks the fields an error names: a taken name, or the server's
/// per-field details of a 400.
/// (Runs after an await, outside any reactive owner: no context lookups here.)
fn mark_server_issues(error: &ApiError, validation: Validation, ui: super::Console) {
    let ApiError::Eg { body, .. } = error else {
        return;
    };
    let mut marks: Vec<(Field, String)> = Vec::new();
    if body.error_code == error_code::NAME_DUPLICATED {
        marks.push((Field::Name, ui.text_untracked().error_name_taken.to_owned()));
    } else {
        for detail in &body.error_details {
            if let Some(field) = Field::from_path(&detail.path) {
                marks.push((field, detail.message.clone()));
            }
        }
    }
    if let Some((field, _)) = marks.first() {
        // The form may be gone (the user navigated away meanwhile).
        if validation.server.try_set(marks.clone()).is_none() {
            validation.touch(*field);
        }
    }
}
