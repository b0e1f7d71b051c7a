//! Connection name rules: `[A-Za-z0-9][A-Za-z0-9._-]*`, not `default`.
//! Surrounding whitespace is its own rule, so these look at the trimmed name
//! and never report the same character twice.

use super::RESERVED_NAME;
use crate::issue::IssueKind;

/// The first character is an ASCII letter or digit.
pub fn name_first_char(value: &str) -> Result<(), IssueKind> {
    match value.trim().chars().next() {
        Some(first) if !first.is_ascii_alphanumeric() => Err(IssueKind::NameFirstChar { found: first }),
        _ => Ok(()),
    }
}

/// After the first character, only ASCII letters, digits, `.`, `_` and `-`.
/// Reports the first offending character with its 1-based position.
pub fn name_charset(value: &str) -> Result<(), IssueKind> {
    // The common case, a clean ASCII name, in one pass over the bytes.
    if value
        .bytes()
        .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b'-'))
    {
        return Ok(());
    }
    let leading = value.chars().take_while(|ch| ch.is_whitespace()).count();
    let found = value
        .trim()
        .chars()
        .enumerate()
        .skip(1)
        .find(|(_, ch)| !(ch.is_ascii_alphanumeric() || matches!(ch, '.' | '_' | '-')));
    match found {
        Some((index, found)) => Err(IssueKind::NameChar {
            found,
            position: leading + index + 1,
        }),
        None => Ok(()),
    }
}

/// Not the reserved name `default` (case-sensitive, as documented).
pub fn name_not_reserved(value: &str) -> Result<(), IssueKind> {
    if value == RESERVED_NAME {
        Err(IssueKind::NameReserved)
    } else {
        Ok(())
    }
}
