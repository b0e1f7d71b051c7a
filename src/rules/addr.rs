//! The Kafka address list, `host:port[,host:port...]`, and the RocketMQ
//! name server list (`;` or `,` between entries), where host is a DNS name,
//! an IPv4 address or a bracketed IPv6 address, and port is 1..=65535.
//!
//! Plain byte checks: no regex engine, and no `core::net` parser (the two
//! address checks below accept exactly what `Ipv4Addr` and `Ipv6Addr`
//! parse, which `tests/properties.rs` checks against them; the parsers
//! themselves would be a tenth of the npm validator's wasm).

use crate::fields::{PORT_MAX, PORT_MIN};
use crate::issue::{quote, AddrProblem, IssueKind};

/// Longest DNS name, in characters.
const DNS_NAME_MAX: usize = 253;
/// Longest DNS label, in characters.
const DNS_LABEL_MAX: usize = 63;

/// Every entry of the list is a valid `host:port`. Reports the first bad
/// entry (1-based), so a huge bad input yields one bounded issue.
pub fn addr_list(value: &str) -> Result<(), IssueKind> {
    entries(value, true)
}

/// A RocketMQ name server list: `host:port` entries separated by `;`
/// (RocketMQ's own separator, as the instance's console shows it) or `,`.
/// Reports the first bad entry (1-based).
pub fn server_list(value: &str) -> Result<(), IssueKind> {
    entries(value, false)
}

/// The first bad entry of a list (Kafka's, `kafka`, is split at `,`;
/// RocketMQ's at `;` too). The
/// mistakes people make are named as such, before the `host:port` rules
/// read them as something else (a scheme's `:` as an IPv6 address): a
/// URL's scheme, and in Kafka's list (`kafka`) RocketMQ's `;`.
fn entries(value: &str, kafka: bool) -> Result<(), IssueKind> {
    let separators: &[char] = if kafka { &[','] } else { &[';', ','] };
    for (index, entry) in value.split(separators).enumerate() {
        // Only a bad entry is looked at again: a good one has neither.
        let Err(problem) = addr_entry(entry) else { continue };
        // A scheme ends at the first `:` (bytes, not `str::find`, whose
        // substring searcher would be a sizeable part of the wasm).
        let bytes = entry.as_bytes();
        let scheme = position(bytes, b':').filter(|at| bytes.get(at + 1..at + 3) == Some(b"//"));
        let (problem, text) = match scheme {
            Some(at) => (AddrProblem::Scheme, entry.get(..at + 3).unwrap_or(entry)),
            None if kafka && bytes.contains(&b';') => (AddrProblem::Semicolon, entry),
            None => (problem, entry),
        };
        return Err(IssueKind::Addr {
            problem,
            entry: index + 1,
            text: quote(text),
        });
    }
    Ok(())
}

/// One `host:port` entry. (Kept out of line: inlined into the list's loop
/// it doubled in the console's wasm.)
#[inline(never)]
pub fn addr_entry(entry: &str) -> Result<(), AddrProblem> {
    if entry.is_empty() {
        return Err(AddrProblem::EmptyEntry);
    }
    if super::no_surrounding_whitespace(entry).is_err() {
        return Err(AddrProblem::Whitespace);
    }
    let bytes = entry.as_bytes();
    let port = if bytes.first() == Some(&b'[') {
        let close = position(bytes, b']').ok_or(AddrProblem::InvalidIpv6)?;
        let port = match bytes.get(close + 1..) {
            Some([b':', port @ ..]) => port,
            _ => return Err(AddrProblem::MissingPort),
        };
        if !is_ipv6(bytes.get(1..close).unwrap_or_default()) {
            return Err(AddrProblem::InvalidIpv6);
        }
        port
    } else {
        let colon = bytes
            .iter()
            .rposition(|byte| *byte == b':')
            .ok_or(AddrProblem::MissingPort)?;
        let (host, port) = (
            bytes.get(..colon).unwrap_or_default(),
            bytes.get(colon + 1..).unwrap_or_default(),
        );
        unbracketed_host(host)?;
        port
    };
    port_number(port).map(drop)
}

fn position(bytes: &[u8], wanted: u8) -> Option<usize> {
    bytes.iter().position(|byte| *byte == wanted)
}

/// A port: decimal digits, 1..=65535.
pub fn port_number(port: &[u8]) -> Result<u32, AddrProblem> {
    if port.is_empty() {
        return Err(AddrProblem::MissingPort);
    }
    if !port.iter().all(u8::is_ascii_digit) {
        return Err(AddrProblem::PortNotNumber);
    }
    // More than 5 digits cannot be a port; reading them could overflow.
    let number = if port.len() > 5 { u32::MAX } else { decimal(port) };
    if (PORT_MIN..=PORT_MAX).contains(&number) {
        Ok(number)
    } else {
        Err(AddrProblem::PortOutOfRange)
    }
}

/// The value of at most 9 ASCII digits.
fn decimal(digits: &[u8]) -> u32 {
    digits
        .iter()
        .fold(0, |number, digit| number * 10 + u32::from(digit - b'0'))
}

/// An IPv4 address (when it is all digits and dots) or a DNS name.
fn unbracketed_host(host: &[u8]) -> Result<(), AddrProblem> {
    if host.is_empty() {
        return Err(AddrProblem::MissingHost);
    }
    if host.contains(&b':') {
        return Err(AddrProblem::UnbracketedIpv6);
    }
    if host.iter().all(|byte| byte.is_ascii_digit() || *byte == b'.') {
        return if is_ipv4(host) {
            Ok(())
        } else {
            Err(AddrProblem::InvalidIpv4)
        };
    }
    if host.len() > DNS_NAME_MAX || !host.split(|byte| *byte == b'.').all(dns_label) {
        return Err(AddrProblem::InvalidHost);
    }
    Ok(())
}

/// A DNS label: 1..=63 ASCII letters, digits or `-`, not starting or ending with `-`.
fn dns_label(label: &[u8]) -> bool {
    (1..=DNS_LABEL_MAX).contains(&label.len())
        && label.iter().all(|byte| byte.is_ascii_alphanumeric() || *byte == b'-')
        && label.first() != Some(&b'-')
        && label.last() != Some(&b'-')
}

/// What `core::net::Ipv4Addr` parses: four decimal octets of at most three
/// digits, each at most 255, no leading zero.
pub fn is_ipv4(text: &[u8]) -> bool {
    let mut octets = 0;
    for octet in text.split(|byte| *byte == b'.') {
        octets += 1;
        let valid = match octet {
            [] => false,
            [b'0', _, ..] => false,
            _ => octet.len() <= 3 && octet.iter().all(u8::is_ascii_digit) && decimal(octet) <= 255,
        };
        if !valid || octets > 4 {
            return false;
        }
    }
    octets == 4
}

/// What `core::net::Ipv6Addr` parses: eight groups of 1..=4 hex digits
/// separated by `:`, one `::` standing for at least one zero group, and an
/// IPv4 address in place of the last two groups.
pub fn is_ipv6(text: &[u8]) -> bool {
    match text.windows(2).position(|pair| pair == b"::") {
        None => ipv6_groups(text, 8).is_some_and(|(count, _)| count == 8),
        Some(at) => {
            let Some((head, head_ends_ipv4)) = ipv6_groups(text.get(..at).unwrap_or_default(), 7) else {
                return false;
            };
            // An IPv4 address ends an address: `::` cannot follow one.
            !head_ends_ipv4 && ipv6_groups(text.get(at + 2..).unwrap_or_default(), 7 - head).is_some()
        }
    }
}

/// `group(:group)*`, or nothing, of at most `limit` groups, the last of
/// which may be an IPv4 address counting as two. Returns the group count
/// and whether an IPv4 address ends it.
fn ipv6_groups(part: &[u8], limit: usize) -> Option<(usize, bool)> {
    if part.is_empty() {
        return Some((0, false));
    }
    let mut count = 0;
    let mut groups = part.split(|byte| *byte == b':').peekable();
    while let Some(group) = groups.next() {
        if groups.peek().is_none() && group.contains(&b'.') {
            return (count + 2 <= limit && is_ipv4(group)).then_some((count + 2, true));
        }
        if group.is_empty() || group.len() > 4 || !group.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        count += 1;
    }
    (count <= limit).then_some((count, false))
}
