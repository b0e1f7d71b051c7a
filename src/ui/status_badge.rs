//! A connection's status as a coloured badge (colour is never the only
//! cue: the status text is always shown).

use crate::model::ConnectionStatus;
use leptos::prelude::*;

/// The badge for `status`; `id` gives it a DOM id when set.
#[component]
pub fn StatusBadge(status: ConnectionStatus, #[prop(optional)] id: Option<String>) -> impl IntoView {
    let class = match status {
        ConnectionStatus::Creating => "badge pending",
        ConnectionStatus::Created => "badge ok",
        ConnectionStatus::CreateFailed => "badge failed",
        ConnectionStatus::Other(_) => "badge",
    };
    view! { <span class=class id=id>{status.as_str().to_owned()}</span> }
}
