//! What a user sees if the console panics anyway: in wasm a panic ends the
//! program, which would leave a dead page (buttons that do nothing, or a
//! blank one). The panic hook replaces the page with what happened and a
//! way to start again, and takes every field off the screen, so no secret
//! typed into one stays visible.

use super::text::{text, Text};
use crate::Locale;
use leptos::prelude::document;

/// Installs the hook: the panic's message goes to the browser console, and
/// the page is replaced by [`show`].
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = match (payload.downcast_ref::<&str>(), payload.downcast_ref::<String>()) {
            (Some(message), _) => message,
            (_, Some(message)) => message.as_str(),
            _ => "",
        };
        web_sys::console::error_2(&"eg-console stopped:".into(), &message.into());
        if let Some(body) = document().body() {
            show(&body, message);
        }
    }));
}

/// Replaces what `root` holds with the crash page. Reading nothing from
/// the (possibly broken) app: the language comes from the document, and
/// reloading is a plain form submission, which needs no script.
pub fn show(root: &web_sys::Element, detail: &str) {
    let lang = document()
        .document_element()
        .and_then(|element| element.get_attribute("lang"))
        .unwrap_or_default();
    let text: &Text = text(Locale::from_tag(&lang).unwrap_or(Locale::En));
    let path = leptos::prelude::window().location().pathname().unwrap_or_default();
    root.set_inner_html(&format!(
        "<main class=\"crash\" role=\"alert\" id=\"crash\"><h1>{}</h1><p>{}</p>\
         <p class=\"help\"><code>{}</code></p>\
         <form method=\"get\" action=\"{}\"><button type=\"submit\" class=\"primary\" id=\"crash-reload\">{}</button></form></main>",
        escape(text.crash_title),
        escape(text.crash_help),
        escape(detail),
        escape(&path),
        escape(text.crash_reload),
    ));
}

/// `text` with HTML's special characters escaped.
#[inline(never)]
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}
