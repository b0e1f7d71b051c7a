//! The create form's values and validation state.

use crate::fields::{Family, FieldSpec, Requirement, FIELDS};
use crate::input::{Input, Slot};
use crate::issue::{Field, Issue, ALL_FIELDS};
use crate::model::{Acks, ConnectionType};
use leptos::prelude::*;

/// What the user has typed: a text and a switch per field of the table,
/// whatever the type. A detail object's values stay while another type is
/// chosen, so switching back and forth loses nothing.
#[derive(Debug, Clone, Copy)]
pub struct Draft {
    texts: [RwSignal<String>; ALL_FIELDS.len()],
    flags: [RwSignal<bool>; ALL_FIELDS.len()],
    pub connection_type: RwSignal<ConnectionType>,
}

impl Default for Draft {
    fn default() -> Self {
        let draft = Draft {
            texts: core::array::from_fn(|_| RwSignal::new(String::new())),
            flags: core::array::from_fn(|_| RwSignal::new(false)),
            connection_type: RwSignal::new(ConnectionType::Webhook),
        };
        draft.text(Field::Acks).set(Acks::default().as_str().to_owned());
        draft
    }
}

impl Draft {
    /// The text behind a field (a switch's or an object's is never shown).
    pub fn text(&self, field: Field) -> RwSignal<String> {
        self.texts[field as usize]
    }

    /// The value of a switch.
    pub fn flag(&self, field: Field) -> RwSignal<bool> {
        self.flags[field as usize]
    }

    /// Clears every password typed (sent once, it leaves the page).
    pub fn forget_passwords(&self) {
        for spec in FIELDS.iter().filter(|spec| spec.family == Family::Secret) {
            self.text(spec.field).set(String::new());
        }
    }

    /// The form as the rules' untyped input: the body's fields and the
    /// chosen type's detail object (tracked: re-runs on every change).
    pub fn input(&self) -> Input {
        let kind = self.connection_type.get();
        let detail = kind.spec().detail;
        // What a switch hides is not sent: what the form shows is the request.
        let switched_on = kind.spec().switch.is_some_and(|switch| self.flag(switch).get());
        let mut input = Input::default();
        input.set_field(Field::Root, Slot::Object);
        for spec in &FIELDS {
            let parent = spec.parent();
            if (parent != Field::Root && Some(parent) != detail) || (follows_switch(spec) && !switched_on) {
                continue;
            }
            let value = match spec.family {
                Family::Object if Some(spec.field) == detail => Slot::Object,
                Family::Object => continue,
                Family::Flag => Slot::Flag(self.flag(spec.field).get()),
                Family::ConnectionType => Slot::Text(kind.as_str().to_owned()),
                _ => Slot::Text(self.text(spec.field).get()),
            };
            input.set_field(spec.field, value);
        }
        input
    }
}

/// Which issues the form shows: a field's issues appear once it was left
/// (blurred) or a submit was tried, then update on every keystroke.
#[derive(Debug, Clone, Copy)]
pub struct Validation {
    /// The rules' issues for the current values (all fields, always current).
    pub issues: Memo<Vec<Issue>>,
    pub touched: RwSignal<Vec<Field>>,
    pub submitted: RwSignal<bool>,
    /// Issues the server reported, per field, until that field changes.
    pub server: RwSignal<Vec<(Field, String)>>,
}

/// A field's validation state, as the field shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldState {
    /// Not judged yet (neither left nor submitted).
    Pristine,
    Valid,
    /// The messages to show.
    Invalid(Vec<String>),
}

impl Validation {
    /// Validation of `draft`'s values.
    pub fn new(draft: Draft) -> Self {
        Validation {
            issues: Memo::new(move |_| {
                crate::rules::validate_create_input(&draft.input())
                    .err()
                    .unwrap_or_default()
            }),
            touched: RwSignal::new(Vec::new()),
            submitted: RwSignal::new(false),
            server: RwSignal::new(Vec::new()),
        }
    }

    /// Marks a field as left by the user. (A focused field removed with its
    /// form, as the form gives way to the new connection's details, is
    /// "left" after the form's state is gone: then nothing happens.)
    pub fn touch(&self, field: Field) {
        if self.touched.try_with_untracked(|touched| !touched.contains(&field)) == Some(true) {
            let _ = self.touched.try_update(|touched| touched.push(field));
        }
    }

    /// Drops the server's verdict on a field the user just changed.
    pub fn edited(&self, field: Field) {
        let marked = self
            .server
            .try_with_untracked(|server| server.iter().any(|(f, _)| *f == field));
        if marked == Some(true) {
            let _ = self.server.try_update(|server| server.retain(|(f, _)| *f != field));
        }
    }

    /// The state a field shows now (tracked).
    pub fn state(&self, field: Field, locale: crate::Locale) -> FieldState {
        let server: Vec<String> = self.server.with(|server| {
            server
                .iter()
                .filter(|(f, _)| *f == field)
                .map(|(_, m)| m.clone())
                .collect()
        });
        let judged = self.submitted.get() || self.touched.with(|touched| touched.contains(&field));
        let mut messages: Vec<String> = if judged {
            self.issues.with(|issues| {
                issues
                    .iter()
                    .filter(|issue| issue.field == field)
                    .map(|issue| issue.message(locale))
                    .collect()
            })
        } else {
            Vec::new()
        };
        messages.extend(server);
        match (messages.is_empty(), judged) {
            (false, _) => FieldState::Invalid(messages),
            (true, true) => FieldState::Valid,
            (true, false) => FieldState::Pristine,
        }
    }
}

/// Whether the form shows `spec`'s field only while its object's switch is
/// on: the credentials, and Kafka's security protocol (ciphertext access's).
pub fn follows_switch(spec: &FieldSpec) -> bool {
    spec.requirement == Requirement::WhenSwitchedOn || spec.family == Family::SecurityProtocol
}

/// The DOM id of a field's control.
pub fn field_id(field: Field) -> String {
    let path = field.path();
    if path.is_empty() {
        "create-form".to_owned()
    } else {
        format!("field-{}", path.join("-"))
    }
}
