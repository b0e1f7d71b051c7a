//! The create form's summary: the form's issues (once submitted) and the
//! server's marks of a refusal, one line each, linked to its field.

use super::draft::{field_id, Validation};
use super::error_panel::Attempt;
use super::{console, focus};
use crate::i18n::field_label;
use crate::issue::Field;
use leptos::prelude::*;

/// What is wrong with the form, said once: a refusal the form can mark is
/// said here and at its fields, nothing more.
#[component]
pub fn IssueSummary(validation: Validation) -> impl IntoView {
    let ui = console();
    let summary = move || {
        let locale = ui.locale.get();
        let mut lines: Vec<(Field, String)> = if validation.submitted.get() {
            validation.issues.with(|issues| {
                issues
                    .iter()
                    .map(|issue| (issue.field, issue.message(locale)))
                    .collect()
            })
        } else {
            Vec::new()
        };
        let refused = validation.server.get();
        let title = if refused.is_empty() {
            ui.text().summary_title
        } else {
            Attempt::Create.title(ui.text())
        };
        lines.extend(refused);
        if lines.is_empty() {
            return None;
        }
        Some(view! {
            <div class="summary" role="alert" id="issue-summary" tabindex="-1">
                <h3>{title}</h3>
                <ul>
                    {lines
                        .into_iter()
                        .map(|(field, message)| {
                            let target = field_id(field);
                            let text = format!("{}: {message}", field_label(field, locale));
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
    summary
}
