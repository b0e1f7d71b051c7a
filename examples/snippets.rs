//! Prints a code snippet of the crate's `snippets` module for a create
//! request read from standard input (validated by the rules first), so that
//! the test command can run exactly what the console shows.
//!
//!   snippets curl|python|terraform|koocli ENDPOINT REGION PROJECT_ID < body.json

use eg_connections::input::{Body, CreateInput};
use eg_connections::rules::validate_create;
use eg_connections::snippets::{self, Target};
use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [kind, endpoint, region, project_id] = args.as_slice() else {
        eprintln!("usage: snippets curl|python|terraform|koocli ENDPOINT REGION PROJECT_ID < body.json");
        return ExitCode::from(2);
    };
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("snippets: standard input is not UTF-8 text");
        return ExitCode::FAILURE;
    }
    let body: Body<CreateInput> = match serde_json::from_str(&text) {
        Ok(body) => body,
        Err(error) => {
            eprintln!("snippets: not JSON: {error}");
            return ExitCode::FAILURE;
        }
    };
    let request = match validate_create(&body) {
        Ok(request) => request,
        Err(issues) => {
            for issue in issues {
                eprintln!("snippets: {}", issue.message(eg_connections::Locale::En));
            }
            return ExitCode::FAILURE;
        }
    };
    let target = Target {
        endpoint,
        region,
        project_id,
    };
    let url = format!("{}/v1/{project_id}/connections", endpoint.trim_end_matches('/'));
    print!(
        "{}",
        match kind.as_str() {
            "curl" => snippets::curl(&url, &request),
            "python" => snippets::python(&request, target),
            "terraform" => snippets::terraform(&request),
            "koocli" => snippets::koocli(&request, target),
            _ => {
                eprintln!("snippets: unknown kind {kind:?}");
                return ExitCode::from(2);
            }
        }
    );
    ExitCode::SUCCESS
}
