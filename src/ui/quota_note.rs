//! "n of m connections used" beside the list: EG's connection quota
//! (ListQuotas), asked again whenever the list's total changes. Says
//! nothing when the quota cannot be read (a static host, no permission).

use super::account_lists::listed;
use super::console;
use crate::api::AccountList;
use crate::model::connection_quota;
use leptos::prelude::*;

/// The quota line; `total` is the list's count of connections (a change
/// means a create or delete: the quota's `used` changed too).
#[component]
pub fn QuotaNote(#[prop(into)] total: Signal<Option<u64>>) -> impl IntoView {
    let ui = console();
    let quota = listed(Box::new(move || total.get().map(|_| AccountList::ConnectionQuota)));
    move || {
        let Some(Some(Ok(answer))) = quota.get() else {
            return None;
        };
        let (used, quota) = connection_quota(&answer)?;
        let text = ui.text().quota_used.replace("{used}", &used.to_string());
        let reached = used >= quota;
        Some(view! {
            <p class="quota" class:warning=reached id="quota-used">
                {text.replace("{quota}", &quota.to_string())}
            </p>
        })
    }
}
