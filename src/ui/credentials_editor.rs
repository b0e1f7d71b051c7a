//! "Change credentials" for a connection that signs in to its instance
//! (its type's switch on: a Kafka connection with SASL_SSL, a RocketMQ one
//! with ACL), drawn from the type table. The new user
//! name and password are checked by the update rules as they are typed and
//! sent with `PUT` (Kafka: `kafka_detail {user_name, password}`; RocketMQ:
//! the whole `rocketmq_detail`, its other settings as the server last
//! showed them). Nothing is optimistic: on failure the connection shows
//! what it had, the error says why, and the form keeps what was typed.

use super::draft::{field_id, FieldState};
use super::error_panel::{Attempt, ErrorPanel};
use super::field::TextField;
use super::missing_settings::MissingSettings;
use super::{console, focus, ids, save_update, settled_outcome, InFlight, Snapshot};
use crate::api::{ApiError, Endpoint};
use crate::fields::{Family, FIELDS};
use crate::i18n::field_label;
use crate::input::{Body, Slot, UpdateInput};
use crate::issue::{Field, Issue};
use crate::model::{ConnectionInfo, UpdateConnectionRequest};
use crate::rules::validate_update;
use leptos::prelude::*;

/// Which credentials a connection has, if any: the user name and password
/// fields of its type, when its switch (SASL_SSL, ACL) is on.
fn credential_fields(info: &ConnectionInfo) -> Option<(Field, Field)> {
    let detail = info.detail()?;
    detail.credentials_on().then_some(detail.kind().spec().credentials?)
}

/// The update that sets `user_name` and `password` on `info`'s connection:
/// the pair alone where the type rotates only its credentials (Kafka), else
/// the whole detail object as the server last showed it (RocketMQ).
fn update_for(info: &ConnectionInfo, user_name: String, password: String) -> UpdateInput {
    let mut update = UpdateInput::default();
    update.set_field(Field::Root, Slot::Object);
    let Some(detail) = info.detail() else {
        return update;
    };
    let spec = detail.kind().spec();
    let (Some(object), Some((user_field, password_field))) = (spec.detail, spec.credentials) else {
        return update;
    };
    update.set_field(object, Slot::Object);
    if !spec.update_credentials_only {
        for field in FIELDS.iter().filter(|field| field.parent() == object) {
            let value = match field.family {
                Family::Flag => Slot::Flag(Some(field.field) == spec.switch || detail.flag(field.field) == Some(true)),
                _ => detail
                    .text(field.field)
                    .map_or(Slot::Missing, |text| Slot::Text(text.to_owned())),
            };
            update.set_field(field.field, value);
        }
    }
    update.set_field(user_field, Slot::Text(user_name));
    update.set_field(password_field, Slot::Text(password));
    update
}

/// The credentials of `snapshot`'s connection, with Change / Save / Cancel;
/// nothing at all for a connection without credentials.
#[component]
pub fn CredentialsEditor(
    snapshot: RwSignal<Option<Snapshot>>,
    last_request_id: RwSignal<Option<String>>,
) -> impl IntoView {
    let ui = console();
    let in_flight = InFlight::for_view();
    let editing = RwSignal::new(false);
    let user_name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let touched = RwSignal::new(false);
    let save_action = save_action(in_flight, snapshot, last_request_id, password, editing);
    let saving = save_action.pending();
    let outcome = settled_outcome(save_action);
    let saved = move || matches!(outcome(), Some(Ok(())));
    let failure = Memo::new(move |_| outcome().and_then(Result::err));
    let settings_missing = RwSignal::new(false);
    let fields = Memo::new(move |_| snapshot.with(|s| s.as_ref().and_then(|s| credential_fields(&s.info))));

    let checked = move || check(snapshot, user_name.get(), password.get());
    let issues = Memo::new(move |_| checked().err().unwrap_or_default());
    let state = move |field: Field| field_state(issues, touched, field);

    let start = move |_| {
        user_name.set(snapshot.with_untracked(|s| s.as_ref().map(|s| user_name_of(&s.info)).unwrap_or_default()));
        password.set(String::new());
        touched.set(false);
        save_action.clear();
        editing.set(true);
        request_animation_frame(move || {
            if let Some((user_field, _)) = fields.get_untracked() {
                focus(&field_id(user_field));
            }
        });
    };

    // The Dismiss button, and Escape anywhere in the form.
    let cancel = move || {
        editing.set(false);
        save_action.clear();
        password.set(String::new());
        request_animation_frame(|| focus(ids::CHANGE_CREDENTIALS));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        touched.set(true);
        let request = match untrack(checked) {
            Ok(request) => request,
            Err(issues) => {
                let pair = fields.get_untracked();
                if let Some(first) = issues
                    .iter()
                    .find(|issue| pair.is_some_and(|(user, password)| issue.field == user || issue.field == password))
                {
                    focus(&field_id(first.field));
                }
                return;
            }
        };
        let Some(id) = snapshot.with_untracked(|s| s.as_ref().map(|s| s.info.id.clone())) else {
            return;
        };
        let Some(endpoint) = ui.ready_endpoint() else {
            settings_missing.set(true);
            return;
        };
        settings_missing.set(false);
        save_action.dispatch_local((endpoint, id, request));
    };

    let form = move |(user_field, password_field): (Field, Field)| {
        let label = move |field: Field| Signal::derive(move || field_label(field, ui.locale.get()));
        view! {
            <form class="inline-form" id="credentials-form" novalidate on:submit=save on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    cancel();
                }
            }>
                <p class="help">{move || ui.text().credentials_help}</p>
                <TextField
                    field=user_field
                    label=label(user_field)
                    help=Signal::derive(move || ui.text().credentials_user_help.to_owned())
                    value=user_name
                    state=state(user_field)
                    required=true
                    on_blur=move || touched.set(true)
                    on_edit=move || touched.set(true)
                />
                <TextField
                    field=password_field
                    label=label(password_field)
                    help=Signal::derive(move || ui.text().password_help.to_owned())
                    value=password
                    state=state(password_field)
                    input_type=Signal::derive(|| "password")
                    required=true
                    on_blur=move || touched.set(true)
                    on_edit=move || touched.set(true)
                />
                {other_issues(issues, touched, (user_field, password_field))}
                <div class="actions">
                    <button type="submit" class="primary" id="save-credentials" aria-busy=move || saving.get().to_string()>
                        {move || if saving.get() { ui.text().saving } else { ui.text().save }}
                    </button>
                    <button type="button" class="secondary" id="cancel-credentials" on:click=move |_| cancel()>
                        {move || ui.text().dismiss}
                    </button>
                </div>
            </form>
        }
    };

    move || {
        fields.get().map(|pair| {
            view! {
                <div class="credentials">
                    <Show
                        when=move || editing.get()
                        fallback=move || view! {
                            <div class="actions">
                                <button type="button" class="secondary" id="change-credentials" on:click=start>
                                    {move || ui.text().change_credentials}
                                </button>
                                <span class="help" aria-live="polite" id="credentials-status">
                                    {move || if saved() { ui.text().credentials_changed } else { "" }}
                                </span>
                            </div>
                        }
                    >
                        {form(pair)}
                    </Show>
                    <MissingSettings tried=settings_missing />
                    {move || failure.get().map(|error| view! {
                        <p class="field-error" role="alert">{move || ui.text().credentials_failed}</p>
                        <ErrorPanel error=error attempt=Attempt::ChangeCredentials id="credentials-error" />
                    })}
                </div>
            }
        })
    }
}

/// The update that sets these credentials on `snapshot`'s connection (read
/// tracked), or its issues.
fn check(
    snapshot: RwSignal<Option<Snapshot>>,
    user_name: String,
    password: String,
) -> Result<UpdateConnectionRequest, Vec<Issue>> {
    let update = snapshot.with(|s| {
        s.as_ref()
            .map(|s| update_for(&s.info, user_name, password))
            .unwrap_or_default()
    });
    validate_update(&Body::Object(update))
}

/// The user name `info`'s connection signs in with now.
fn user_name_of(info: &ConnectionInfo) -> String {
    info.detail()
        .and_then(|detail| {
            let (user_field, _) = detail.kind().spec().credentials?;
            detail.text(user_field).map(str::to_owned)
        })
        .unwrap_or_default()
}

/// The PUT: not optimistic, so the connection changes only with its
/// answer. Saved, the password leaves the page and the form closes.
fn save_action(
    in_flight: InFlight,
    snapshot: RwSignal<Option<Snapshot>>,
    last_request_id: RwSignal<Option<String>>,
    password: RwSignal<String>,
    editing: RwSignal<bool>,
) -> Action<(Endpoint, String, UpdateConnectionRequest), Result<(), ApiError>> {
    Action::new_local(
        move |(endpoint, id, request): &(Endpoint, String, UpdateConnectionRequest)| {
            let (endpoint, id, request) = (endpoint.clone(), id.clone(), request.clone());
            async move {
                let saved = save_update(&endpoint, &id, &request, in_flight, snapshot, last_request_id).await;
                if saved.is_ok() {
                    let _ = password.try_set(String::new());
                    let _ = editing.try_set(false);
                    request_animation_frame(|| focus(ids::CHANGE_CREDENTIALS));
                } else {
                    request_animation_frame(|| focus(ids::CREDENTIALS_ERROR));
                }
                saved
            }
        },
    )
}

/// What `field` shows of `issues`, once the form was touched.
fn field_state(issues: Memo<Vec<Issue>>, touched: RwSignal<bool>, field: Field) -> Signal<FieldState> {
    let ui = console();
    Signal::derive(move || {
        let messages: Vec<String> = issues.with(|issues| {
            issues
                .iter()
                .filter(|issue| issue.field == field)
                .map(|issue| issue.message(ui.locale.get()))
                .collect()
        });
        match (touched.get(), messages.is_empty()) {
            (false, _) => FieldState::Pristine,
            (true, true) => FieldState::Valid,
            (true, false) => FieldState::Invalid(messages),
        }
    })
}

/// Issues of the settings sent along (RocketMQ's whole detail, as the
/// server last showed it): not the user's to fix here, but said.
fn other_issues(
    issues: Memo<Vec<Issue>>,
    touched: RwSignal<bool>,
    (user_field, password_field): (Field, Field),
) -> impl IntoView {
    let ui = console();
    move || {
        let messages: Vec<String> = issues.with(|issues| {
            issues
                .iter()
                .filter(|issue| issue.field != user_field && issue.field != password_field)
                .map(|issue| issue.message(ui.locale.get()))
                .collect()
        });
        (touched.get() && !messages.is_empty()).then(|| {
            view! {
                <div class="field-error" role="alert" id="credentials-other-issues">
                    {messages.into_iter().map(|message| view! { <p>{message}</p> }).collect_view()}
                </div>
            }
        })
    }
}
