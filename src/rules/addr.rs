//! The Kafka address list: `host:port[,host:port...]`, where host is a DNS
//! name, an IPv4 address or a bracketed IPv6 address, and port is 1..=65535.
//! Plain character checks, no regex engine (it would weigh on the wasm).

use crate::fields::{PORT_MAX, PORT_MIN};
use crate::issue::{quote, AddrProblem, IssueKind};
use core::net::{Ipv4Addr, Ipv6Addr};

/// Longest DNS name, in characters.
const DNS_NAME_MAX: usize = 253;
/// Longest DNS label, in characters.
const DNS_LABEL_MAX: usize = 63;

/// Every entry of the list is a valid `host:port`. Reports the first bad
/// entry (1-based), so a huge bad input yields one bounded issue.
pub fn addr_list(value: &str) -> Result<(), IssueKind> {
    for (index, entry) in value.split(',').enumerate() {
        if let Err(problem) = addr_entry(entry) {
            return Err(IssueKind::Addr {
                problem,
                entry: index + 1,
                text: quote(entry),
            });
        }
    }
    Ok(())
}

/// One `host:port` entry.
pub fn addr_entry(entry: &str) -> Result<(), AddrProblem> {
    if entry.is_empty() {
        return Err(AddrProblem::EmptyEntry);
    }
    if entry.trim() != entry {
        return Err(AddrProblem::Whitespace);
    }
    let (host, port) = if let Some(bracketed) = entry.strip_prefix('[') {
        let (inside, rest) = bracketed.split_once(']').ok_or(AddrProblem::InvalidIpv6)?;
        let port = rest.strip_prefix(':').ok_or(AddrProblem::MissingPort)?;
        inside.parse::<Ipv6Addr>().map_err(|_| AddrProblem::InvalidIpv6)?;
        (None, port)
    } else {
        let (host, port) = entry.rsplit_once(':').ok_or(AddrProblem::MissingPort)?;
        if host.contains(':') {
            return Err(AddrProblem::UnbracketedIpv6);
        }
        (Some(host), port)
    };
    if let Some(host) = host {
        unbracketed_host(host)?;
    }
    port_number(port).map(drop)
}

/// A port: decimal digits, 1..=65535.
pub fn port_number(port: &str) -> Result<u32, AddrProblem> {
    if port.is_empty() {
        return Err(AddrProblem::MissingPort);
    }
    if !port.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(AddrProblem::PortNotNumber);
    }
    // More than 5 digits cannot be a port; parsing them could overflow.
    let number = if port.len() > 5 {
        u32::MAX
    } else {
        port.parse().unwrap_or(u32::MAX)
    };
    if (PORT_MIN..=PORT_MAX).contains(&number) {
        Ok(number)
    } else {
        Err(AddrProblem::PortOutOfRange)
    }
}

/// An IPv4 address (when it is all digits and dots) or a DNS name.
fn unbracketed_host(host: &str) -> Result<(), AddrProblem> {
    if host.is_empty() {
        return Err(AddrProblem::MissingHost);
    }
    if host.bytes().all(|byte| byte.is_ascii_digit() || byte == b'.') {
        return host.parse::<Ipv4Addr>().map(drop).map_err(|_| AddrProblem::InvalidIpv4);
    }
    if host.len() > DNS_NAME_MAX || !host.split('.').all(dns_label) {
        return Err(AddrProblem::InvalidHost);
    }
    Ok(())
}

/// A DNS label: 1..=63 ASCII letters, digits or `-`, not starting or ending with `-`.
fn dns_label(label: &str) -> bool {
    (1..=DNS_LABEL_MAX).contains(&label.len())
        && label.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}
