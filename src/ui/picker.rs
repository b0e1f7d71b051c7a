//! Choosing a text field's value from a list the account has (VPCs,
//! subnets, Kafka and RocketMQ instances), as the ARIA combobox pattern
//! has it: the field stays a text input (an ID can always be typed), the
//! list filters as one types, the arrow keys move through it, Enter picks,
//! Escape closes. A list that cannot load leaves a plain text field that
//! says why; nothing here blocks creation.
//!
//! [`super::field::TextField`] draws the combobox when given a
//! [`Combobox`]; this module holds what it offers and how keys move.

use super::console;
use super::text::Text;
use leptos::prelude::*;

/// One entry to choose: its ID (the value the field gets), its name and a
/// detail (a CIDR, a status and version).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub id: String,
    pub name: String,
    pub detail: String,
}

/// What a picker offers now.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Choices {
    /// No list (no settings yet): a plain text field.
    #[default]
    Off,
    /// The list depends on another choice not made yet (a subnet's VPC).
    NeedsParent,
    Loading,
    Ready(Vec<Choice>),
    /// The list call failed, and why: a plain text field that says so.
    Refused(String),
}

impl Choices {
    /// The entries to show for the typed `text`: all of them when nothing
    /// is typed or the text is one entry's ID (picked), else those whose
    /// name, ID or detail contain it (any case).
    pub fn matching(&self, text: &str) -> Vec<Choice> {
        let Choices::Ready(choices) = self else {
            return Vec::new();
        };
        let text = text.trim().to_ascii_lowercase();
        if text.is_empty() || choices.iter().any(|choice| choice.id.to_ascii_lowercase() == text) {
            return choices.clone();
        }
        choices
            .iter()
            .filter(|choice| {
                [&choice.name, &choice.id, &choice.detail]
                    .iter()
                    .any(|part| part.to_ascii_lowercase().contains(&text))
            })
            .cloned()
            .collect()
    }

    /// What the line under the field says about the list, if anything.
    pub fn status(&self, value: &str, text: &Text) -> Option<String> {
        Some(match self {
            Choices::Off => return None,
            Choices::NeedsParent => text.pick_vpc_first.to_owned(),
            Choices::Loading => text.pick_loading.to_owned(),
            Choices::Refused(reason) => text.pick_refused.replace("{reason}", reason),
            Choices::Ready(choices) => match choices.iter().find(|choice| choice.id == value.trim()) {
                Some(choice) => format!("{}: {} · {}", text.picked, choice.name, choice.detail),
                None => text.pick_hint.to_owned(),
            },
        })
    }
}

/// A text field's list to choose from, and what choosing does besides
/// setting the field (an instance fills its address).
#[derive(Clone, Copy)]
pub struct Combobox {
    pub choices: Signal<Choices>,
    pub on_pick: Option<Callback<Choice>>,
}

/// The state of one list: whether it is open, and its active entry.
#[derive(Clone, Copy, Default)]
pub struct ListState {
    pub open: RwSignal<bool>,
    pub active: RwSignal<Option<usize>>,
}

impl ListState {
    /// Closed, nothing active.
    pub fn close(&self) {
        self.open.set(false);
        self.active.set(None);
    }

    /// Handles a key of the combobox pattern; `count` entries show, and
    /// `pick` takes the active one. Keys it does not use go on as typed.
    pub fn key(&self, ev: &leptos::ev::KeyboardEvent, count: usize, pick: impl Fn(usize)) {
        let (open, active) = (self.open.get_untracked(), self.active.get_untracked());
        let step = |forward: bool| {
            self.open.set(true);
            self.active
                .set((count > 0).then(|| match (active.filter(|_| open), forward) {
                    (None, true) => 0,
                    (None, false) => count - 1,
                    (Some(at), true) => (at + 1) % count,
                    (Some(at), false) => (at + count - 1) % count,
                }));
        };
        match ev.key().as_str() {
            "ArrowDown" => step(true),
            "ArrowUp" => step(false),
            "Enter" if open && active.is_some_and(|at| at < count) => pick(active.unwrap_or_default()),
            "Escape" if open => self.close(),
            _ => return,
        }
        ev.prevent_default();
    }
}

/// The open list of `choices` under the input `input_id`: options the
/// pointer can pick too (a press keeps the focus in the input).
pub fn listbox(
    input_id: &str,
    choices: Vec<Choice>,
    state: ListState,
    pick: impl Fn(Choice) + Copy + 'static,
) -> impl IntoView {
    let ui = console();
    let empty = choices.is_empty().then(|| {
        view! { <li role="option" aria-disabled="true" class="empty">{move || ui.text().pick_none}</li> }
    });
    let options = choices
        .into_iter()
        .enumerate()
        .map(|(at, choice)| {
            let is_active = move || state.active.get() == Some(at);
            let (name, detail, id) = (choice.name.clone(), choice.detail.clone(), choice.id.clone());
            view! {
                <li
                    role="option"
                    id=format!("{input_id}-option-{at}")
                    class:active=is_active
                    aria-selected=move || is_active().to_string()
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=move |_| pick(choice.clone())
                >
                    <span class="choice-name">{name}</span>
                    " "
                    <span class="choice-detail">{detail}</span>
                    " "
                    <code>{id}</code>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul role="listbox" class="listbox" id=format!("{input_id}-list")>
            {options}
            {empty}
        </ul>
    }
}
