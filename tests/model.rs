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

#[test]
fn an_instance_gives_the_address_its_security_settings_need() {
    use eg_connections::model::Instance;
    // As DMS lists them: one Kafka instance with per-protocol addresses,
    // one with only its IPs and port (older answers), one RocketMQ.
    let answer = json!({"instance_num": 3, "instances": [
        {"instance_id": "k1", "name": "kafka-orders", "connect_address": "10.0.0.1,10.0.0.2", "port": 9092,
         "port_protocols": {"private_plain_address": "10.0.0.1:9092,10.0.0.2:9092",
                            "private_sasl_ssl_address": "10.0.0.1:9093,10.0.0.2:9093",
                            "private_sasl_plaintext_address": null, "public_plain_enable": false}},
        {"instance_id": "k2", "connect_address": "10.1.0.1, 10.1.0.2", "port": 9011, "status": "RUNNING",
         "port_protocols": null, "tags": []},
        {"instance_id": "r1", "engine": "reliability", "namesrv_address": "10.2.0.1:8100;10.2.0.2:8100"}
    ]});
    let instances = Instance::list(&answer);
    let [with_protocols, only_ips, rocketmq] = &instances[..] else {
        panic!("three instances")
    };
    let kafka = ConnectionType::Kafka;
    assert_eq!(with_protocols.name, "kafka-orders");
    assert_eq!(with_protocols.address_for(kafka, None), "10.0.0.1:9092,10.0.0.2:9092");
    assert_eq!(
        with_protocols.address_for(kafka, Some("SASL_SSL")),
        "10.0.0.1:9093,10.0.0.2:9093"
    );
    // No SASL_PLAINTEXT address listed: the IPs at the SASL port.
    assert_eq!(
        with_protocols.address_for(kafka, Some("SASL_PLAINTEXT")),
        "10.0.0.1:9093,10.0.0.2:9093"
    );
    assert_eq!(only_ips.address_for(kafka, None), "10.1.0.1:9011,10.1.0.2:9011");
    assert_eq!(
        only_ips.address_for(kafka, Some("SASL_SSL")),
        "10.1.0.1:9093,10.1.0.2:9093"
    );
    assert_eq!(only_ips.status, "RUNNING");
    assert_eq!(
        rocketmq.address_for(ConnectionType::Rocketmq, None),
        "10.2.0.1:8100;10.2.0.2:8100"
    );
    assert_eq!(rocketmq.address_for(ConnectionType::Webhook, None), "");
    // Not a list at all: nothing, no failure.
    assert!(Instance::list(&json!({"instances": "none"})).is_empty());
}

#[test]
fn vpcs_subnets_and_the_connection_quota_are_read_leniently() {
    use eg_connections::model::{connection_quota, Network};
    let vpcs = Network::list(
        &json!({"vpcs": [{"id": "v1", "name": "vpc-a", "cidr": "10.0.0.0/16", "routes": []}, {"id": "v2", "name": null}]}),
        "vpcs",
    );
    assert_eq!(vpcs[0].cidr, "10.0.0.0/16");
    assert_eq!((vpcs[1].id.as_str(), vpcs[1].name.as_str()), ("v2", ""));
    let answer = json!({"quotas": {"resources": [
        {"name": "channel", "type": "CHANNEL", "quota": 10, "used": 1, "min": 0, "max": 100},
        {"name": "connection", "type": "CONNECTION", "quota": 50, "used": 7, "min": 0, "max": 1000}
    ]}});
    assert_eq!(connection_quota(&answer), Some((7, 50)));
    assert_eq!(connection_quota(&json!({"quotas": {"resources": []}})), None);
}

#[test]
fn a_member_of_the_wrong_kind_reads_as_absent_and_a_non_object_is_refused() {
    let info: ConnectionInfo = serde_json::from_value(json!({
        "id": "c1", "name": 7, "description": null, "status": ["CREATED"], "flavor": "big",
        "kafka_detail": {"addr": 10, "sasl_ssl": true, "username": "old-name"}
    }))
    .unwrap();
    assert_eq!(
        (info.id.as_str(), info.name.as_str(), info.description.as_str()),
        ("c1", "", "")
    );
    assert_eq!(info.status, ConnectionStatus::default());
    assert_eq!(info.flavor, None);
    let kafka = info.kafka_detail.unwrap();
    assert_eq!((kafka.addr, kafka.enable_sasl_ssl), (None, Some(true)));
    assert_eq!(kafka.user_name.as_deref(), Some("old-name"));
    // The documented names win over the older ones.
    let both: KafkaDetailInfo = serde_json::from_value(json!({"user_name": "new", "username": "old"})).unwrap();
    assert_eq!(both.user_name.as_deref(), Some("new"));
    assert!(serde_json::from_value::<ConnectionInfo>(json!([1, 2])).is_err());
    assert!(serde_json::from_value::<ConnectionList>(json!("items")).is_err());
    let list: ConnectionList = serde_json::from_value(json!({"total": 2, "items": [{"id": "a"}, 5]})).unwrap();
    assert_eq!((list.total, list.items.len()), (2, 1));
}

#[test]
fn every_type_round_trips_through_the_reader_with_nothing_left_over() {
    use eg_connections::model::DetailInfo;
    // A detail member the reader does not name would come back twice: in
    // its field and in `other_members` (read::CONNECTION_MEMBERS).
    for kind in ConnectionType::ALL {
        let mut info = ConnectionInfo {
            id: "c1".to_owned(),
            name: "n".to_owned(),
            status: ConnectionStatus::Created,
            ..ConnectionInfo::default()
        };
        DetailInfo::from_json(kind, Some(r#"{"instance_id": "i-1", "addr": "10.0.0.1:9092"}"#))
            .unwrap()
            .fill(&mut info);
        let back: ConnectionInfo = serde_json::from_value(serde_json::to_value(&info).unwrap()).unwrap();
        assert_eq!(back, info, "{kind:?}");
        assert!(back.other_members.is_empty(), "{kind:?}: {:?}", back.other_members);
    }
}
