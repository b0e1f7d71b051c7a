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
    // ASCII controls and C1's lead byte: one pass over the bytes first.
    if !value.bytes().any(|byte| byte < 0x20 || byte == 0x7F || byte == 0xC2) {
        return Ok(());
    }
    let allowed = |ch: char| line_breaks && matches!(ch, '\t' | '\n' | '\r');
    match value
        .chars()
        .enumerate()
        .find(|(_, ch)| ch.is_control() && !allowed(*ch))
    {
        Some((index, found)) => Err(IssueKind::ControlChar {
            found,
            position: index + 1,
        }),
        None => Ok(()),
    }
}
