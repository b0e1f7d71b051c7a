//! The same create request as code for the tools users already run: the
//! JSON body, curl, a Python script for Huawei's official SDK, a Terraform
//! `huaweicloud_eg_connection` resource and a KooCLI command line, each
//! generated from one validated [`CreateConnectionRequest`] (feature `json`;
//! the console's request preview shows them, and the test command runs the
//! curl and the Python against the emulator and parses the Terraform).
//!
//! Secrets are never inlined: passwords come from environment variables
//! (a Terraform `sensitive` variable), the token and the access keys too.

use crate::fields::TYPES;
use crate::model::{CreateConnectionRequest, Detail};
use serde_json::Value;

/// What the body shows instead of a password.
pub const REDACTED: &str = "***";
/// The environment variable the snippets read the Kafka password from.
pub const KAFKA_PASSWORD_ENV: &str = "EG_KAFKA_PASSWORD";

/// Each type's password: its JSON pointer in a body, and the environment
/// variable the snippets read it from (`EG_KAFKA_PASSWORD`,
/// `EG_ROCKETMQ_PASSWORD`).
fn passwords() -> impl Iterator<Item = (String, String)> {
    TYPES.iter().filter_map(|spec| {
        let (_, password) = spec.credentials?;
        let pointer = format!("/{}", password.path().join("/"));
        Some((pointer, format!("EG_{}_PASSWORD", spec.ident.to_ascii_uppercase())))
    })
}

/// Where and for whom the snippets call.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// The EG endpoint, e.g. `https://eg.cn-north-4.myhuaweicloud.com`.
    pub endpoint: &'a str,
    /// The region ID, e.g. `cn-north-4`.
    pub region: &'a str,
    pub project_id: &'a str,
}

/// The body as sent, every password replaced by `***`, pretty-printed.
pub fn redacted_body(request: &CreateConnectionRequest) -> String {
    let mut value = serde_json::to_value(request).unwrap_or_default();
    for (pointer, _) in passwords() {
        if let Some(password) = value.pointer_mut(&pointer) {
            *password = Value::String(REDACTED.to_owned());
        }
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// A POSIX shell single-quoted word.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// A string literal that Python (and JSON) reads as `text`: JSON's escapes
/// are Python's too.
fn literal(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// An HCL string literal: JSON's escapes, and the template openers `${` and
/// `%{` doubled so that Terraform takes them as text.
fn hcl(text: &str) -> String {
    literal(text).replace("${", "$${").replace("%{", "%%{")
}

/// A curl command doing the same call: the redacted body, `$EG_TOKEN` for
/// the token (`export EG_TOKEN=...` first).
pub fn curl(url: &str, request: &CreateConnectionRequest) -> String {
    format!(
        "curl -sS -X POST {} \\\n  -H 'Content-Type: application/json' \\\n  -H \"X-Auth-Token: $EG_TOKEN\" \\\n  -d {}\n",
        shell_quote(url),
        shell_quote(&redacted_body(request))
    )
}

/// A Python script for the official SDK (`pip install huaweicloudsdkeg`):
/// AK/SK from `HUAWEICLOUD_SDK_AK`/`HUAWEICLOUD_SDK_SK`, the endpoint from
/// `EG_ENDPOINT` (default: the target's), passwords from the environment.
/// The SDK (3.1.219) has no `rocketmq_detail` yet: for ROCKETMQ the script
/// says so instead of sending a body that would lose it.
pub fn python(request: &CreateConnectionRequest, target: Target) -> String {
    let kafka = match &request.detail {
        Detail::Webhook => None,
        Detail::Kafka(kafka) => Some(kafka),
        Detail::Rocketmq(_) => {
            return "# Huawei Cloud's Python SDK (huaweicloudsdkeg 3.1.219) has no rocketmq_detail yet:\n\
                    # create ROCKETMQ connections with the JSON body (curl) or KooCLI instead.\n"
                .to_owned()
        }
    };
    let mut out = String::new();
    out.push_str("# pip install huaweicloudsdkeg\n");
    out.push_str("import os\n\n");
    out.push_str("from huaweicloudsdkcore.auth.credentials import BasicCredentials\n");
    out.push_str("from huaweicloudsdkcore.region.region import Region\n");
    let mut models = vec!["ConnectionCreateReq", "CreateConnectionRequest", "EgClient"];
    if kafka.is_some() {
        models.push("KafkaConnectionDetail");
    }
    out.push_str(&format!("from huaweicloudsdkeg.v1 import {}\n\n", models.join(", ")));
    out.push_str("credentials = BasicCredentials(\n");
    out.push_str("    os.environ[\"HUAWEICLOUD_SDK_AK\"], os.environ[\"HUAWEICLOUD_SDK_SK\"],\n");
    out.push_str(&format!("    {},\n)\n", literal(target.project_id)));
    out.push_str(&format!(
        "endpoint = os.environ.get(\"EG_ENDPOINT\", {})\n",
        literal(target.endpoint)
    ));
    out.push_str(&format!(
        "client = EgClient.new_builder().with_credentials(credentials) \\\n    .with_region(Region({}, endpoint)).build()\n\n",
        literal(target.region)
    ));
    out.push_str("body = ConnectionCreateReq(\n");
    out.push_str(&format!("    name={},\n", literal(&request.name)));
    if let Some(description) = &request.description {
        out.push_str(&format!("    description={},\n", literal(description)));
    }
    out.push_str(&format!("    vpc_id={},\n", literal(&request.vpc_id)));
    out.push_str(&format!("    subnet_id={},\n", literal(&request.subnet_id)));
    out.push_str(&format!("    type={},\n", literal(request.connection_type().as_str())));
    if let Some(kafka) = kafka {
        out.push_str("    kafka_detail=KafkaConnectionDetail(\n");
        out.push_str(&format!("        instance_id={},\n", literal(&kafka.instance_id)));
        out.push_str(&format!("        addr={},\n", literal(&kafka.addr)));
        if let Some(protocol) = &kafka.security_protocol {
            out.push_str(&format!("        security_protocol={},\n", literal(protocol)));
        }
        out.push_str(&format!(
            "        enable_sasl_ssl={},\n",
            if kafka.enable_sasl_ssl { "True" } else { "False" }
        ));
        if let Some(user_name) = &kafka.user_name {
            out.push_str(&format!("        user_name={},\n", literal(user_name)));
        }
        if kafka.password.is_some() {
            out.push_str(&format!("        password=os.environ[\"{KAFKA_PASSWORD_ENV}\"],\n"));
        }
        out.push_str(&format!("        acks={},\n", literal(kafka.acks.as_str())));
        out.push_str("    ),\n");
    }
    out.push_str(")\n");
    out.push_str("response = client.create_connection(CreateConnectionRequest(body=body))\n");
    out.push_str("print(response.id, response.status)\n");
    out
}

/// A Terraform resource with the provider's own argument names
/// (`huaweicloud_eg_connection`: `kafka_detail { connect_address }`), the
/// password as a sensitive variable. What the provider cannot express
/// (RocketMQ, Kafka's `security_protocol`) is said in a comment.
pub fn terraform(request: &CreateConnectionRequest) -> String {
    let mut out = String::new();
    let kafka = match &request.detail {
        Detail::Webhook => None,
        Detail::Kafka(kafka) => Some(kafka),
        Detail::Rocketmq(_) => {
            out.push_str(
                "# The huaweicloud provider's huaweicloud_eg_connection takes WEBHOOK and KAFKA only:\n\
                 # create ROCKETMQ connections with the JSON body (curl) or KooCLI instead.\n",
            );
            return out;
        }
    };
    let kafka_password = kafka.is_some_and(|kafka| kafka.password.is_some());
    if kafka_password {
        out.push_str(&format!(
            "variable \"kafka_password\" {{\n  type      = string\n  sensitive = true\n  # export TF_VAR_kafka_password=\"${}\"\n}}\n\n",
            KAFKA_PASSWORD_ENV
        ));
    }
    out.push_str(&format!(
        "resource \"huaweicloud_eg_connection\" {} {{\n",
        hcl(&terraform_name(&request.name))
    ));
    let mut top = vec![
        ("name", hcl(&request.name)),
        ("vpc_id", hcl(&request.vpc_id)),
        ("subnet_id", hcl(&request.subnet_id)),
    ];
    if let Some(description) = &request.description {
        top.push(("description", hcl(description)));
    }
    top.push(("type", hcl(request.connection_type().as_str())));
    hcl_attributes(&mut out, "  ", &top);
    if let Some(kafka) = kafka {
        out.push_str("\n  kafka_detail {\n");
        let mut detail = vec![
            ("instance_id", hcl(&kafka.instance_id)),
            ("connect_address", hcl(&kafka.addr)),
        ];
        if let Some(user_name) = &kafka.user_name {
            detail.push(("user_name", hcl(user_name)));
        }
        if kafka_password {
            detail.push(("password", "var.kafka_password".to_owned()));
        }
        detail.push(("acks", hcl(kafka.acks.as_str())));
        hcl_attributes(&mut out, "    ", &detail);
        if let Some(protocol) = &kafka.security_protocol {
            out.push_str(&format!(
                "    # security_protocol {} has no argument in the provider: it uses its default.\n",
                hcl(protocol)
            ));
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}

/// Consecutive `key = value` lines, their `=` aligned as `terraform fmt`
/// aligns them.
fn hcl_attributes(out: &mut String, indent: &str, attributes: &[(&str, String)]) {
    let width = attributes.iter().map(|(key, _)| key.len()).max().unwrap_or(0);
    for (key, value) in attributes {
        out.push_str(&format!("{indent}{key:width$} = {value}\n"));
    }
}

/// A Terraform resource name from a connection name (letters, digits, `_`
/// and `-`, not starting with a digit).
fn terraform_name(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|ch| {
            if ch.is_ascii_alphanumeric() || ch == '-' {
                ch
            } else {
                '_'
            }
        })
        .collect();
    if !out.starts_with(|ch: char| ch.is_ascii_alphabetic() || ch == '_') {
        out.insert(0, '_');
    }
    out
}

/// A KooCLI command line (`hcloud EG CreateConnection`), the parameters as
/// the API names them (nested ones joined with `.`), AK/SK from the same
/// environment variables as the SDK, passwords from theirs.
pub fn koocli(request: &CreateConnectionRequest, target: Target) -> String {
    let mut arguments: Vec<String> = vec![
        format!("--cli-region={}", shell_quote(target.region)),
        "--cli-access-key=\"$HUAWEICLOUD_SDK_AK\"".to_owned(),
        "--cli-secret-key=\"$HUAWEICLOUD_SDK_SK\"".to_owned(),
        format!("--project_id={}", shell_quote(target.project_id)),
    ];
    let mut body = serde_json::to_value(request).unwrap_or_default();
    for (pointer, variable) in passwords() {
        if let Some(password) = body.pointer_mut(&pointer) {
            *password = Value::String(format!("${variable}"));
        }
    }
    let mut flat = Vec::new();
    flatten("", &body, &mut flat);
    for (key, value) in flat {
        // Environment variables stay unquoted for the shell to expand.
        let shown = if value.starts_with('$') {
            format!("\"{value}\"")
        } else {
            shell_quote(&value)
        };
        arguments.push(format!("--{key}={shown}"));
    }
    format!("hcloud EG CreateConnection \\\n  {}\n", arguments.join(" \\\n  "))
}

/// `(dotted key, text)` of every leaf of `value`.
fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(object) => {
            for (key, inner) in object {
                let key = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&key, inner, out);
            }
        }
        Value::String(text) => out.push((prefix.to_owned(), text.clone())),
        other => out.push((prefix.to_owned(), other.to_string())),
    }
}
