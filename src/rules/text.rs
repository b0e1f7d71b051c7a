//! Rules shared by every string field.

use crate::issue::IssueKind;

/// No leading or trailing whitespace: it is reported, never trimmed away.
pub fn no_surrounding_whitespace(value: &str) -> Result<(), IssueKind> {
    // Only the first and last characters matter: no scan of the middle.
    let mut chars = value.chars();
    let first = chars.next();
    let last = chars.next_back().or(first);
    if first.is_some_and(char::is_whitespace) || last.is_some_and(char::is_whitespace) {
        Err(IssueKind::SurroundingWhitespace)
    } else {
        Ok(())
    }
}

/// At most `max` characters (Unicode scalar values, not bytes).
pub fn max_chars(value: &str, max: usize) -> Result<(), IssueKind> {
    // Bytes bound characters from above: skip the count when it cannot fail.
    if value.len() <= max {
        return Ok(());
    }
    let actual = value.chars().count();
    if actual <= max {
        Ok(())
    } else {
        Err(IssueKind::TooLong { max, actual })
    }
}

/// No control characters (Unicode's `Cc`: U+0000 to U+001F, U+007F to
/// U+009F): a NUL or an escape in an ID or a description is a paste gone
/// wrong, and some systems end a string at a NUL. `line_breaks` lets tab,
/// line feed and carriage return through (a description is text a person
/// writes). Only the inside is looked at: a control at either end is
/// surrounding whitespace (tab, line feed) or is reported here, once.
pub fn no_control_chars(value: &str, line_breaks: bool) -> Result<(), IssueKind> {
    let bytes = value.as_bytes();
    // A byte below 0x20, 0x7F or C1's lead byte: one fast pass first.
    if !may_hold_control(bytes) {
        return Ok(());
    }
    // Then exactly, still on bytes (no decoding): C0 and DEL are single
    // bytes, never inside a longer character; C1 is 0xC2 then 0x80..=0x9F.
    let allowed = |byte: u8| line_breaks && matches!(byte, b'\t' | b'\n' | b'\r');
    let at = bytes.iter().enumerate().position(|(index, &byte)| {
        (byte < 0x20 && !allowed(byte))
            || byte == 0x7F
            || (byte == 0xC2 && bytes.get(index + 1).is_some_and(|next| (0x80..=0x9F).contains(next)))
    });
    match at {
        None => Ok(()),
        Some(at) => Err(IssueKind::ControlChar {
            found: value.get(at..).and_then(|rest| rest.chars().next()).unwrap_or_default(),
            position: value.get(..at).map_or(0, |before| before.chars().count()) + 1,
        }),
    }
}

/// Whether `bytes` holds a byte below 0x20, 0x7F or 0xC2 (a control's, or
/// the lead byte of C1's): eight bytes at a time (the classic "has a byte
/// less than" and "has a zero byte" tests on a `u64`), since this runs on
/// every string of every validation.
fn may_hold_control(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let x = u64::from_le_bytes(word.try_into().unwrap_or_default());
        let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGHS != 0;
        if below_space || has_zero(x ^ (ONES * 0x7F)) || has_zero(x ^ (ONES * 0xC2)) {
            return true;
        }
    }
    words
        .remainder()
        .iter()
        .any(|&byte| byte < 0x20 || byte == 0x7F || byte == 0xC2)
}
