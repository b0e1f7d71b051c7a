//! The Rust rules as a line-by-line oracle for the differential fuzz
//! (`npm/fuzz/differential.mjs`): each stdin line is a JSON text, each
//! stdout line the verdict of the same rules the emulator runs on it:
//! `{"valid": true, "value": <normalized body>}` or `{"valid": false,
//! "issues": [[path, code, message]]}`. The first argument picks the
//! validator: `create` (default) or `update`.

use eg_connections::input::{Body, CreateInput, UpdateInput};
use eg_connections::rules::{validate_create, validate_update};
use eg_connections::{Issue, Locale};
use serde_json::{json, Value};
use std::io::{BufRead, Write};

fn issues(issues: &[Issue]) -> Value {
    json!({
        "valid": false,
        "issues": issues
            .iter()
            .map(|issue| json!([issue.path().join("."), issue.code(), issue.message(Locale::En)]))
            .collect::<Vec<_>>(),
    })
}

fn verdict(line: &str, update: bool) -> Value {
    let verdict = if update {
        serde_json::from_str::<Body<UpdateInput>>(line).map(|body| match validate_update(&body) {
            Ok(request) => json!({"valid": true, "value": request}),
            Err(found) => issues(&found),
        })
    } else {
        serde_json::from_str::<Body<CreateInput>>(line).map(|body| match validate_create(&body) {
            Ok(request) => json!({"valid": true, "value": request}),
            Err(found) => issues(&found),
        })
    };
    verdict.unwrap_or_else(|error| json!({"error": error.to_string()}))
}

fn main() {
    let update = std::env::args().nth(1).as_deref() == Some("update");
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lines() {
        let Ok(line) = line else { break };
        let _ = writeln!(out, "{}", verdict(&line, update));
    }
}
