//! The account's other resources (VPCs, subnets, Kafka and RocketMQ
//! instances) and the connection quota, over real HTTP.

mod common;

use common::{options, settings, Emu, PROJECT};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tempfile::TempDir;

fn ids(list: &Value, key: &str, id_key: &str) -> Vec<String> {
    list[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry[id_key].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn every_project_lists_the_sample_vpcs_subnets_and_instances() {
    let emu = Emu::start(settings()).await;
    let base = format!("{}/v1/{PROJECT}", emu.base);

    let (status, vpcs) = emu.call(Method::GET, &format!("{base}/vpcs"), None).await;
    assert_eq!(status, StatusCode::OK, "{vpcs}");
    let vpc_ids = ids(&vpcs, "vpcs", "id");
    assert_eq!(vpc_ids.len(), 2);
    assert!(vpcs["vpcs"][0]["cidr"].as_str().unwrap().contains('/'));

    // Subnets of one VPC only, and VPC's marker paging.
    let (_, subnets) = emu
        .call(Method::GET, &format!("{base}/subnets?vpc_id={}", vpc_ids[0]), None)
        .await;
    let subnet_ids = ids(&subnets, "subnets", "id");
    assert_eq!(subnet_ids.len(), 2);
    assert!(subnets["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["vpc_id"] == vpc_ids[0].as_str()));
    let (_, after) = emu
        .call(
            Method::GET,
            &format!("{base}/subnets?limit=1&marker={}", subnet_ids[0]),
            None,
        )
        .await;
    assert_eq!(ids(&after, "subnets", "id"), vec![subnet_ids[1].clone()]);

    // DMS: Kafka and RocketMQ told apart by engine (RocketMQ's alias too).
    let instances = format!("{}/v2/{PROJECT}/instances", emu.base);
    let (_, kafka) = emu.call(Method::GET, &format!("{instances}?engine=kafka"), None).await;
    assert_eq!(kafka["instance_num"], 2);
    assert!(kafka["instances"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["engine"] == "kafka"));
    let sasl = &kafka["instances"][1];
    assert_eq!(sasl["port_protocols"]["private_sasl_ssl_enable"], true);
    assert!(sasl["port_protocols"]["private_sasl_ssl_address"]
        .as_str()
        .unwrap()
        .contains(":9093"));
    for engine in ["rocketmq", "reliability"] {
        let (_, rocketmq) = emu
            .call(Method::GET, &format!("{instances}?engine={engine}"), None)
            .await;
        assert_eq!(rocketmq["instance_num"], 1);
        assert!(rocketmq["instances"][0]["namesrv_address"]
            .as_str()
            .unwrap()
            .contains(';'));
    }
    let (_, named) = emu
        .call(
            Method::GET,
            &format!("{instances}?engine=kafka&name=audit&limit=1"),
            None,
        )
        .await;
    assert_eq!(named["instances"][0]["name"], "kafka-audit");

    // What the lists refuse, each saying why.
    for (query, says) in [
        ("", "engine is required"),
        ("?engine=rabbitmq", "engine must be"),
        ("?engine=kafka&limit=51", "limit must be between 1 and 50"),
    ] {
        let (status, body) = emu.call(Method::GET, &format!("{instances}{query}"), None).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert!(body["error_msg"].as_str().unwrap().contains(says), "{query}: {body}");
    }

    // Another project's lists need that project's token.
    let (status, body) = emu
        .call(Method::GET, &format!("{}/v1/other/vpcs", emu.base), None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body["error_msg"].as_str().unwrap().contains("vpc:vpcs:list"), "{body}");
    let response = emu.client.get(format!("{base}/vpcs")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    emu.stop().await;
}

#[tokio::test]
async fn resources_come_from_a_file_or_the_start_is_refused_saying_why() {
    let data = TempDir::new().unwrap();
    let file = data.path().join("resources.json");
    std::fs::write(
        &file,
        json!({
            "vpcs": [{"id": "vpc-mine", "name": "mine", "cidr": "172.16.0.0/12", "status": "OK"}],
            "subnets": [{"id": "subnet-mine", "name": "s", "cidr": "172.16.1.0/24", "vpc_id": "vpc-mine"}],
            "instances": [{"instance_id": "k", "name": "k", "engine": "kafka", "status": "RUNNING"}],
        })
        .to_string(),
    )
    .unwrap();
    let mut with_file = options(data.path(), settings());
    with_file.resources = Some(file.clone());
    let emu = Emu::with_options(with_file, None).await;
    let (_, vpcs) = emu
        .call(Method::GET, &format!("{}/v1/{PROJECT}/vpcs", emu.base), None)
        .await;
    assert_eq!(ids(&vpcs, "vpcs", "id"), vec!["vpc-mine"]);
    let (_, rocketmq) = emu
        .call(
            Method::GET,
            &format!("{}/v2/{PROJECT}/instances?engine=rocketmq", emu.base),
            None,
        )
        .await;
    assert_eq!(rocketmq["instance_num"], 0);
    emu.stop().await;

    std::fs::write(&file, r#"{"vpcs": [], "subnets": [{"id": "s", "vpc_id": "nowhere"}]}"#).unwrap();
    let other = TempDir::new().unwrap();
    let mut refused = options(other.path(), settings());
    refused.resources = Some(file);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let error = eg_emulator::start(refused, listener)
        .await
        .err()
        .expect("a bad file stops the start");
    let message = error.to_string();
    assert!(
        message.contains("subnets[0]: vpc_id nowhere is not one of the file's VPCs"),
        "{message}"
    );
}

#[tokio::test]
async fn the_quota_is_listed_and_a_create_past_it_is_refused() {
    let emu = Emu::start(eg_emulator::Settings {
        connection_quota: 2,
        ..settings()
    })
    .await;
    let quotas = format!("{}/v1/{PROJECT}/quotas?type=CONNECTION", emu.base);
    let used = |body: &Value| body["quotas"]["resources"][0]["used"].as_u64().unwrap();
    let (status, body) = emu.call(Method::GET, &quotas, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["quotas"]["resources"][0]["type"], "CONNECTION");
    assert_eq!(body["quotas"]["resources"][0]["quota"], 2);
    assert_eq!(used(&body), 0);

    let create = |name: &str| json!({"name": name, "vpc_id": "vpc-1", "subnet_id": "subnet-1"});
    for name in ["first", "second"] {
        let (status, body) = emu.call(Method::POST, &emu.connections(), Some(create(name))).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (status, body) = emu.call(Method::POST, &emu.connections(), Some(create("third"))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error_code"], "EG.00514003");
    assert!(body["error_msg"].as_str().unwrap().contains("quota of 2"), "{body}");
    let (_, body) = emu.call(Method::GET, &quotas, None).await;
    assert_eq!(used(&body), 2);

    // Other types are not emulated (no entry); an unknown one is refused.
    let (_, body) = emu
        .call(
            Method::GET,
            &format!("{}/v1/{PROJECT}/quotas?type=CHANNEL", emu.base),
            None,
        )
        .await;
    assert_eq!(body["quotas"]["resources"], json!([]));
    let (status, _) = emu
        .call(
            Method::GET,
            &format!("{}/v1/{PROJECT}/quotas?type=BANANA", emu.base),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    emu.stop().await;
}
