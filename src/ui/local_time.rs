//! A time the API gives in UTC (`YYYY-MM-DD HH:MM:SS`, as its reference
//! shows), shown in the browser's time zone with its offset, as Huawei's
//! console shows times (`2026-12-03 20:34:56 GMT+08:00`); the UTC value on
//! hover. The browser's `Intl` does the zone arithmetic.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The API's UTC text as ISO 8601 (`2026-12-03T12:34:56Z`), or `None` when
/// it is not `YYYY-MM-DD HH:MM:SS` (with a `T`, a fraction or a `Z`):
/// anything else, an offset say, is not guessed at.
pub fn iso_utc(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let shape = b"0000-00-00 00:00:00";
    let head_ok = bytes.len() >= shape.len()
        && bytes
            .iter()
            .zip(shape)
            .enumerate()
            .all(|(at, (byte, want))| match want {
                b'0' => byte.is_ascii_digit(),
                b' ' => matches!(byte, b' ' | b'T') && at == 10,
                _ => byte == want,
            });
    let rest = text.get(shape.len()..)?;
    let rest = rest.strip_suffix('Z').unwrap_or(rest);
    let fraction_ok = rest.is_empty()
        || rest
            .strip_prefix('.')
            .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit()));
    let (date, time) = (text.get(..10)?, text.get(11..19)?);
    (head_ok && fraction_ok).then(|| format!("{date}T{time}{rest}Z"))
}

/// An API time in the browser's zone with its offset, or `None` when the
/// text is not one (or the browser cannot read it).
pub fn local(utc: &str) -> Option<String> {
    let millis = js_sys::Date::parse(&iso_utc(utc)?);
    if !millis.is_finite() {
        return None;
    }
    // Swedish writes dates and times as ISO 8601 does; `longOffset` is
    // Huawei's `GMT+08:00`.
    let options = js_sys::JSON::parse(
        r#"{"year":"numeric","month":"2-digit","day":"2-digit","hour":"2-digit","minute":"2-digit","second":"2-digit","hourCycle":"h23","timeZoneName":"longOffset"}"#,
    )
    .ok()?;
    let date = js_sys::Date::new(&JsValue::from_f64(millis));
    date.to_locale_string("sv-SE", &options).as_string()
}

/// An API time shown in local time with its offset; the UTC value is the
/// tooltip and the `datetime`, as the API sent it (without its `Z`: an ISO
/// copy measured 137 bytes of the console's budget). Text that is not a
/// time is shown as sent.
pub fn local_time(utc: String) -> impl IntoView {
    let text = local(&utc).unwrap_or_else(|| utc.clone());
    let title = format!("{utc} UTC");
    view! { <time datetime=utc title=title>{text}</time> }
}
