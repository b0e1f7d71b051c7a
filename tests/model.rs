//! Reading responses leniently and writing requests exactly.

use eg_connections::model::{
    ConnectionInfo, ConnectionList, ConnectionStatus, ConnectionType, ErrorBody, KafkaDetailInfo, ReportedType, Secret,
};
use serde_json::json;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// The response example of the API reference, `{}` placeholders included.
const REFERENCE_EXAMPLE: &str = r#"{
  "id" : "7a6e8d7c-2f0b-4a0e-9a3e-3d6a3f2b1c01",
  "name" : "connection-demo",
  "description" : "demo",
  "status" : "CREATED",
  "error_info" : {
    "error_code" : "",
    "error_detail" : "",
    "error_msg" : ""
  },
  "vpc_id" : "0d9e1f8a-7b6c-4d5e-8f9a-0b1c2d3e4f5a",
  "subnet_id" : "5a4f3e2d-1c0b-4a9f-8e7d-6c5b4a3f2e1d",
  "agency" : "EG_TRUST",
  "flavor" : {
    "name" : "general",
    "concurrency_type" : "shared",
    "concurrency" : 2,
    "bandwidth_type" : "shared"
  },
  "type" : { },
  "kafka_detail" : { },
  "created_time" : "2023-02-10 03:46:42",
  "updated_time" : "2023-02-10 03:46:42",
  "some_future_field" : [1, 2, 3]
}"#;

#[test]
fn reference_example_reads_with_placeholders() {
    let info: ConnectionInfo = serde_json::from_str(REFERENCE_EXAMPLE).unwrap();
    assert_eq!(info.name, "connection-demo");
    assert_eq!(info.status, ConnectionStatus::Created);
    assert_eq!(info.connection_type, ReportedType::Absent, "{{}} means absent");
    assert_eq!(
        info.other_members.get("some_future_field"),
        Some(&json!([1, 2, 3])),
        "a member this build does not know is kept"
    );
    assert_eq!(info.kafka_detail, None, "{{}} means absent");
    assert_eq!(info.error_info, None, "an all-empty error_info is no error");
    assert_eq!(info.flavor.as_ref().unwrap().concurrency, 2);
    assert_eq!(info.created_time, "2023-02-10 03:46:42");

    // Round trip: what we write reads back the same.
    let written = serde_json::to_string(&info).unwrap();
    let again: ConnectionInfo = serde_json::from_str(&written).unwrap();
    assert_eq!(again, info);
}

#[test]
fn missing_fields_and_nulls_are_tolerated() {
    let info: ConnectionInfo =
        serde_json::from_str(r#"{"id": "x", "type": null, "flavor": null, "kafka_detail": "?"}"#).unwrap();
    assert_eq!(info.id, "x");
    assert_eq!(info.status, ConnectionStatus::Other(String::new()));
    assert!(!info.status.is_pending());
    assert_eq!(info.flavor, None);
    assert_eq!(info.kafka_detail, None);
    let empty: ConnectionInfo = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, ConnectionInfo::default());
}

#[test]
fn kafka_detail_reads_current_and_older_names() {
    let current: ConnectionInfo = serde_json::from_value(json!({
        "type": "kafka", "status": "CREATE_FAILED",
        "kafka_detail": {"instance_id": "i", "addr": "h:1", "enable_sasl_ssl": true, "user_name": "u", "password": "p"}
    }))
    .unwrap();
    let older: ConnectionInfo = serde_json::from_value(json!({
        "type": "KAFKA", "status": "CREATE_FAILED",
        "kafka_detail": {"instance_id": "i", "addr": "h:1", "sasl_ssl": true, "username": "u", "password": "p"}
    }))
    .unwrap();
    assert_eq!(current, older);
    assert_eq!(current.connection_type, ReportedType::Known(ConnectionType::Kafka));
    let detail = current.kafka_detail.unwrap();
    assert_eq!(detail.enable_sasl_ssl, Some(true));
    assert_eq!(detail.user_name.as_deref(), Some("u"));
    // The echoed password is kept for masking but never shows in Debug.
    assert_eq!(detail.password, Some(Secret::new("p")));
    assert!(!format!("{detail:?}").contains("\"p\""));
    // Writing uses the current names only.
    let written = serde_json::to_value(KafkaDetailInfo {
        password: None,
        ..detail
    })
    .unwrap();
    assert_eq!(
        written,
        json!({"instance_id": "i", "addr": "h:1", "enable_sasl_ssl": true, "user_name": "u"})
    );
}

#[test]
fn unknown_status_is_kept_verbatim() {
    let info: ConnectionInfo = serde_json::from_value(json!({"status": "DELETING"})).unwrap();
    assert_eq!(info.status.as_str(), "DELETING");
}

#[test]
fn list_response() {
    let list: ConnectionList = serde_json::from_value(json!({
        "total": 3, "size": 1, "items": [{"id": "a", "type": {}, "kafka_detail": {}}]
    }))
    .unwrap();
    assert_eq!((list.total, list.size, list.items.len()), (3, 1, 1));
}

#[test]
fn error_bodies() {
    let documented: ErrorBody = serde_json::from_value(json!({
        "error_code": "EG.00513000", "error_msg": "invalid parameters",
        "error_details": [{"path": ["kafka_detail", "addr"], "code": "invalid_format", "message": "bad"}],
        "request_id": "r-1"
    }))
    .unwrap();
    assert_eq!(documented.error_details[0].path, ["kafka_detail", "addr"]);
    assert_eq!(documented.request_id.as_deref(), Some("r-1"));
    let text: ErrorBody =
        serde_json::from_value(json!({"error_code": "EG.00014000", "error_msg": "m", "error_details": "plain"}))
            .unwrap();
    assert_eq!(text.error_details[0].message, "plain");
    let gateway: ErrorBody = serde_json::from_value(
        json!({"error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information"}),
    )
    .unwrap();
    assert!(gateway.error_details.is_empty());
}

#[test]
fn a_newer_type_and_its_detail_are_kept_as_sent() {
    let info: ConnectionInfo = serde_json::from_value(json!({
        "id": "c1", "type": "PULSAR", "status": "CREATED",
        "pulsar_detail": {"service_url": "pulsar://10.0.0.1:6650", "auth": {"token": "t0p"}}
    }))
    .unwrap();
    assert_eq!(info.connection_type, ReportedType::Other("PULSAR".to_owned()));
    assert_eq!(info.connection_type.as_str(), "PULSAR");
    assert_eq!(info.connection_type.known(), None);
    assert_eq!(
        info.other_members["pulsar_detail"]["service_url"],
        "pulsar://10.0.0.1:6650"
    );
    // Written back, the answer is what was read: nothing dropped.
    let written = serde_json::to_value(&info).unwrap();
    assert_eq!(written["type"], "PULSAR");
    assert_eq!(written["pulsar_detail"]["auth"]["token"], "t0p");
}
