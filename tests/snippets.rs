//! The request as code (`snippets`): secrets never inlined, text kept
//! exactly (quotes, `${`), and what a tool cannot express said, not dropped.
//! (The test command also runs the Python and curl against the emulator and
//! parses the Terraform with python-hcl2: scripts/test-sdk.sh.)

use eg_connections::input::{Body, CreateInput};
use eg_connections::model::CreateConnectionRequest;
use eg_connections::rules::validate_create;
use eg_connections::snippets::{self, Target};
use serde_json::{json, Value};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const TARGET: Target = Target {
    endpoint: "https://eg.cn-north-4.myhuaweicloud.com",
    region: "cn-north-4",
    project_id: "0123456789abcdef0123456789abcdef",
};

fn request(value: Value) -> CreateConnectionRequest {
    let body: Body<CreateInput> = serde_json::from_value(value).unwrap();
    validate_create(&body).unwrap()
}

fn every_snippet(request: &CreateConnectionRequest) -> Vec<(&'static str, String)> {
    vec![
        ("body", snippets::redacted_body(request)),
        ("curl", snippets::curl("https://eg.example/v1/p/connections", request)),
        ("python", snippets::python(request, TARGET)),
        ("terraform", snippets::terraform(request)),
        ("koocli", snippets::koocli(request, TARGET)),
    ]
}

#[test]
fn passwords_never_appear_in_any_snippet() {
    for value in [
        json!({"name": "k", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
               "kafka_detail": {"instance_id": "i", "addr": "h:9092", "enable_sasl_ssl": true,
                                "user_name": "alice", "password": "Kafka-Secret-42"}}),
        json!({"name": "r", "vpc_id": "v", "subnet_id": "s", "type": "ROCKETMQ",
               "rocketmq_detail": {"instance_id": "i", "addr": "h:8100", "enable_acl": true,
                                   "user_name": "bob", "password": "Kafka-Secret-42"}}),
    ] {
        for (kind, code) in every_snippet(&request(value.clone())) {
            assert!(
                !code.contains("Kafka-Secret-42"),
                "{kind} inlines the password:\n{code}"
            );
        }
    }
    let kafka = request(json!({"name": "k", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
        "kafka_detail": {"instance_id": "i", "addr": "h:9092", "enable_sasl_ssl": true, "user_name": "u", "password": "p"}}));
    assert!(snippets::python(&kafka, TARGET).contains("password=os.environ[\"EG_KAFKA_PASSWORD\"]"));
    assert!(snippets::terraform(&kafka).contains("password        = var.kafka_password"));
    assert!(snippets::terraform(&kafka).contains("sensitive = true"));
    assert!(snippets::koocli(&kafka, TARGET).contains("--kafka_detail.password=\"$EG_KAFKA_PASSWORD\""));
}

#[test]
fn text_is_kept_exactly_in_each_language() {
    let tricky =
        request(json!({"name": "q.1", "description": "it's \"${x}\" %{y} \\ 中", "vpc_id": "v", "subnet_id": "s"}));
    // Python reads JSON's escapes as they are; HCL needs its templates doubled.
    assert!(snippets::python(&tricky, TARGET).contains(r#"description="it's \"${x}\" %{y} \\ 中","#));
    assert!(snippets::terraform(&tricky).contains(r#"description = "it's \"$${x}\" %%{y} \\ 中""#));
    // The shell takes the single-quoted body as is.
    assert!(snippets::curl("https://eg.example/v1/p/connections", &tricky).contains(r#"it'\''s"#));
    // A name Terraform cannot use as a resource label is made one.
    assert!(
        snippets::terraform(&request(json!({"name": "1.a", "vpc_id": "v", "subnet_id": "s"})))
            .contains("resource \"huaweicloud_eg_connection\" \"_1_a\"")
    );
}

#[test]
fn what_a_tool_cannot_express_is_said() {
    let rocketmq = request(json!({"name": "r", "vpc_id": "v", "subnet_id": "s", "type": "ROCKETMQ",
        "rocketmq_detail": {"instance_id": "i", "addr": "h:8100"}}));
    assert!(snippets::python(&rocketmq, TARGET).starts_with("# Huawei Cloud's Python SDK"));
    assert!(snippets::terraform(&rocketmq).contains("WEBHOOK and KAFKA only"));
    assert!(snippets::koocli(&rocketmq, TARGET).contains("--rocketmq_detail.addr='h:8100'"));
    let protocol = request(json!({"name": "k", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
        "kafka_detail": {"instance_id": "i", "addr": "h:9092", "security_protocol": "SASL_SSL",
            "enable_sasl_ssl": true, "user_name": "u", "password": "p"}}));
    assert!(snippets::terraform(&protocol).contains("# security_protocol \"SASL_SSL\" has no argument in the provider"));
    assert!(snippets::python(&protocol, TARGET).contains("security_protocol=\"SASL_SSL\""));
}

/// `terraform fmt` aligns the `=` of consecutive attributes: the snippet is
/// already formatted (checked by hand with `terraform fmt -check` 1.x).
#[test]
fn terraform_is_aligned_as_terraform_fmt_writes_it() {
    let kafka = request(
        json!({"name": "k", "description": "d", "vpc_id": "v", "subnet_id": "s", "type": "KAFKA",
        "kafka_detail": {"instance_id": "i", "addr": "h:9092", "enable_sasl_ssl": true, "user_name": "u", "password": "p"}}),
    );
    let code = snippets::terraform(&kafka);
    // Each block's attribute lines: the `=` in one column.
    for block in code.split("\n\n") {
        let columns: Vec<usize> = block
            .lines()
            .filter(|line| !line.trim_start().starts_with('#'))
            .filter_map(|line| line.find(" = "))
            .collect();
        assert!(columns.windows(2).all(|pair| pair[0] == pair[1]), "{block}");
    }
    assert!(
        code.contains("  description = \"d\"\n  type        = \"KAFKA\""),
        "{code}"
    );
}
