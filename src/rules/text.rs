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
