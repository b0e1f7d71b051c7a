//! A time the API gives in UTC (`YYYY-MM-DD HH:MM:SS`, as its reference
//! shows), shown in the browser's time zone with its offset, as Huawei's
//! console shows times; the UTC value on hover.

use crate::sign::{civil_from_days, days_from_civil};
use leptos::prelude::*;

/// Unix seconds of an API time: `YYYY-MM-DD HH:MM:SS` or with a `T`, then
/// nothing, `Z`, or a fraction of a second (and `Z`). Anything else (an
/// offset, another format) is not guessed at: `None`.
pub fn parse_utc(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let (head, rest) = (bytes.get(..19)?, bytes.get(19..)?);
    let fraction = rest.strip_prefix(b".").unwrap_or(rest);
    let fraction = fraction.strip_suffix(b"Z").unwrap_or(fraction);
    let well_formed = (rest.is_empty() || rest == b"Z" || (rest[0] == b'.' && !fraction.is_empty()))
        && fraction.iter().all(u8::is_ascii_digit)
        && [4, 7].iter().all(|at| head[*at] == b'-')
        && matches!(head[10], b' ' | b'T')
        && [13, 16].iter().all(|at| head[*at] == b':');
    if !well_formed {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<i64> {
        let part = head.get(from..to)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |value, digit| value * 10 + i64::from(digit - b'0')))
    };
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    let (hour, minute, second) = (number(11, 13)?, number(14, 16)?, number(17, 19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

/// `YYYY-MM-DD HH:MM:SS GMT+HH:MM` of Unix seconds, in a zone
/// `offset_minutes` east of UTC.
pub fn format_local(unix_seconds: i64, offset_minutes: i64) -> String {
    let local = unix_seconds + offset_minutes * 60;
    let (year, month, day) = civil_from_days(local.div_euclid(86_400));
    let second_of_day = local.rem_euclid(86_400);
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let offset = offset_minutes.abs();
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} GMT{sign}{:02}:{:02}",
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60,
        offset / 60,
        offset % 60
    )
}

/// An API time in the browser's zone (its offset at that instant), or
/// `None` when the text is not one.
pub fn local(utc: &str) -> Option<String> {
    let seconds = parse_utc(utc)?;
    let instant = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(seconds as f64 * 1000.0));
    // getTimezoneOffset() is minutes *behind* UTC.
    Some(format_local(seconds, -(instant.get_timezone_offset() as i64)))
}

/// An API time shown in local time with its offset; the UTC value is the
/// tooltip and the `datetime`. Text that is not a time is shown as sent.
#[component]
pub fn LocalTime(#[prop(into)] utc: String) -> impl IntoView {
    match local(&utc) {
        Some(text) => {
            let title = format!("{utc} UTC");
            view! { <time datetime=utc title=title>{text}</time> }.into_any()
        }
        None => view! { <span>{utc}</span> }.into_any(),
    }
}
