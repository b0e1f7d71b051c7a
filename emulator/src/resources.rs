//! The account's other resources a connection points at: VPCs and their
//! subnets (VPC's `GET /v1/{project_id}/vpcs` and `/subnets`), and Kafka
//! and RocketMQ instances (Distributed Message Service's
//! `GET /v2/{project_id}/instances?engine=`), answered as those services
//! answer them so that the console's pickers and Huawei's own SDKs
//! (`huaweicloudsdkvpc`, `huaweicloudsdkkafka`, `huaweicloudsdkrocketmq`)
//! list them. They are read-only: every project sees the same set, the
//! built-in sample or a `--resources FILE` of the same shape.
//!
//! Each entry is kept as the JSON object it is given, so a file may carry
//! any field those services document; only the fields the emulator filters
//! on are checked, when the file is read.

use axum::extract::{FromRef, RawQuery, State};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Map, Value};
use std::sync::Arc;

use crate::errors::ApiError;
use crate::extract::{query_params, Authorized};
use crate::iam::Iam;

/// The resources every project lists.
#[derive(Debug, Clone)]
pub struct Resources {
    vpcs: Vec<Value>,
    subnets: Vec<Value>,
    /// Kafka and RocketMQ instances, told apart by their `engine`.
    instances: Vec<Value>,
}

/// A message engine as DMS's instance list names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Engine {
    Kafka,
    RocketMq,
}

impl Engine {
    /// `engine` as the list's query or an instance says it (RocketMQ's
    /// is `rocketmq`, or its older alias `reliability`).
    fn parse(text: &str) -> Option<Engine> {
        match text.to_ascii_lowercase().as_str() {
            "kafka" => Some(Engine::Kafka),
            "rocketmq" | "reliability" => Some(Engine::RocketMq),
            _ => None,
        }
    }
}

/// DMS's instance list: a page of 10 unless asked, at most 50.
const INSTANCE_LIMIT_DEFAULT: usize = 10;
const INSTANCE_LIMIT_MAX: usize = 50;

impl Resources {
    /// The built-in sample: two VPCs, three subnets, two Kafka instances
    /// (one plaintext, one with SASL_SSL) and one RocketMQ instance.
    pub fn sample() -> Resources {
        let vpc = |id: &str, name: &str, cidr: &str| {
            json!({"id": id, "name": name, "cidr": cidr, "status": "OK", "description": "",
                   "routes": [], "enterprise_project_id": "0"})
        };
        let subnet = |id: &str, name: &str, cidr: &str, gateway: &str, vpc_id: &str, zone: &str| {
            json!({"id": id, "name": name, "cidr": cidr, "gateway_ip": gateway, "vpc_id": vpc_id,
                   "status": "ACTIVE", "availability_zone": zone, "dhcp_enable": true,
                   "primary_dns": "100.125.1.250", "secondary_dns": "100.125.129.250", "description": ""})
        };
        let orders_vpc = "3ec3b33f-ac1c-4630-ad1c-7dba1ed79d85";
        let default_vpc = "0b6f3a4e-9c1d-4f2a-8e57-1d2c3b4a5f60";
        let orders_app = "4779ab1c-7c1a-44b1-a02e-93dfc361b32d";
        let orders_data = "a1c9e2d4-5b6f-4e7a-9c8d-0e1f2a3b4c5d";
        let default_subnet = "7d8e9f0a-1b2c-4d3e-8f5a-6b7c8d9e0f1a";
        let kafka = |id: &str, name: &str, version: &str, ips: [&str; 3], sasl: bool| {
            let with_port = |port: u16| ips.map(|ip| format!("{ip}:{port}")).join(",");
            json!({
                "instance_id": id, "name": name, "engine": "kafka", "engine_version": version,
                "status": "RUNNING", "type": "cluster", "specification": "c6.2u4g.cluster",
                "vpc_id": orders_vpc, "vpc_name": "vpc-orders", "subnet_id": orders_data,
                "subnet_name": "subnet-orders-data", "subnet_cidr": "10.0.2.0/24",
                "connect_address": ips.join(","), "port": 9092,
                "ssl_enable": sasl, "kafka_security_protocol": if sasl { "SASL_SSL" } else { "PLAINTEXT" },
                "port_protocols": {
                    "private_plain_enable": !sasl,
                    "private_plain_address": if sasl { String::new() } else { with_port(9092) },
                    "private_sasl_ssl_enable": sasl,
                    "private_sasl_ssl_address": if sasl { with_port(9093) } else { String::new() },
                    "private_sasl_plaintext_enable": false,
                    "private_sasl_plaintext_address": "",
                },
                "charging_mode": 1, "created_at": "1764547200000",
            })
        };
        Resources {
            vpcs: vec![
                vpc(orders_vpc, "vpc-orders", "10.0.0.0/16"),
                vpc(default_vpc, "vpc-default", "192.168.0.0/16"),
            ],
            subnets: vec![
                subnet(
                    orders_app,
                    "subnet-orders-app",
                    "10.0.1.0/24",
                    "10.0.1.1",
                    orders_vpc,
                    "cn-north-4a",
                ),
                subnet(
                    orders_data,
                    "subnet-orders-data",
                    "10.0.2.0/24",
                    "10.0.2.1",
                    orders_vpc,
                    "cn-north-4b",
                ),
                subnet(
                    default_subnet,
                    "subnet-default",
                    "192.168.0.0/24",
                    "192.168.0.1",
                    default_vpc,
                    "cn-north-4a",
                ),
            ],
            instances: vec![
                kafka(
                    "6a1d2e3f-4b5c-4d6e-9f70-8192a3b4c5d6",
                    "kafka-orders",
                    "3.x",
                    ["10.0.2.11", "10.0.2.12", "10.0.2.13"],
                    false,
                ),
                kafka(
                    "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
                    "kafka-audit",
                    "2.7",
                    ["10.0.2.21", "10.0.2.22", "10.0.2.23"],
                    true,
                ),
                json!({
                    "instance_id": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", "name": "rocketmq-payments",
                    "engine": "reliability", "engine_version": "5.x", "status": "RUNNING", "type": "cluster",
                    "specification": "rocketmq.b2.large.1", "vpc_id": orders_vpc, "vpc_name": "vpc-orders",
                    "subnet_id": orders_data, "subnet_cidr": "10.0.2.0/24", "ssl_enable": false,
                    "namesrv_address": "10.0.2.31:8100;10.0.2.32:8100",
                    "broker_address": "10.0.2.31:10100;10.0.2.32:10100",
                    "charging_mode": 1, "created_at": "1764547200000",
                }),
            ],
        }
    }

    /// A resources file: `{"vpcs": [...], "subnets": [...], "instances":
    /// [...]}`, each entry as the service's list shows it. Refused whole,
    /// saying which entry and why, unless every entry has what the lists
    /// filter on (VPCs an `id`; subnets an `id` and a `vpc_id` naming one
    /// of the VPCs; instances an `instance_id` and an `engine` of `kafka`,
    /// `rocketmq` or `reliability`), and IDs are unique.
    pub fn from_json(text: &[u8]) -> Result<Resources, String> {
        let file: Value = serde_json::from_slice(text).map_err(|error| format!("not JSON: {error}"))?;
        let Value::Object(mut file) = file else {
            return Err("the file must be an object with vpcs, subnets and instances".to_owned());
        };
        let mut list = |key: &str| -> Result<Vec<Value>, String> {
            match file.remove(key) {
                None => Ok(Vec::new()),
                Some(Value::Array(entries)) => Ok(entries),
                Some(_) => Err(format!("{key} must be an array")),
            }
        };
        let resources = Resources {
            vpcs: list("vpcs")?,
            subnets: list("subnets")?,
            instances: list("instances")?,
        };
        if let Some(key) = file.keys().next() {
            return Err(format!("{key} is not one of vpcs, subnets, instances"));
        }
        resources.vet()?;
        Ok(resources)
    }

    fn vet(&self) -> Result<(), String> {
        let mut seen = std::collections::HashSet::new();
        for (key, entries, id_key) in [
            ("vpcs", &self.vpcs, "id"),
            ("subnets", &self.subnets, "id"),
            ("instances", &self.instances, "instance_id"),
        ] {
            for (index, entry) in entries.iter().enumerate() {
                let at = format!("{key}[{index}]");
                let Some(object) = entry.as_object() else {
                    return Err(format!("{at} must be an object"));
                };
                let id = text(object, id_key).ok_or_else(|| format!("{at} has no {id_key} (a non-empty string)"))?;
                if !seen.insert(id.to_owned()) {
                    return Err(format!("{at}: the ID {id} is used twice"));
                }
                if key == "subnets" {
                    let vpc = text(object, "vpc_id").ok_or_else(|| format!("{at} has no vpc_id"))?;
                    if !self
                        .vpcs
                        .iter()
                        .any(|v| v.get("id").and_then(Value::as_str) == Some(vpc))
                    {
                        return Err(format!("{at}: vpc_id {vpc} is not one of the file's VPCs"));
                    }
                }
                if key == "instances" && text(object, "engine").and_then(Engine::parse).is_none() {
                    return Err(format!("{at}: engine must be kafka, rocketmq or reliability"));
                }
            }
        }
        Ok(())
    }
}

/// `object[key]` when it is a non-empty string.
fn text<'a>(object: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    object
        .get(key)
        .and_then(Value::as_str)
        .filter(|value| !value.is_empty())
}

/// The list routes, for any state that holds the resources and IAM.
pub fn router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Resources>: FromRef<S>,
    Arc<Iam>: FromRef<S>,
{
    Router::new()
        .route("/v1/{project_id}/vpcs", get(list_vpcs))
        .route("/v1/{project_id}/subnets", get(list_subnets))
        .route("/v2/{project_id}/instances", get(list_instances))
}

/// A whole number query parameter, or its default.
fn number(params: &std::collections::HashMap<String, String>, key: &str, default: usize) -> Result<usize, ApiError> {
    params.get(key).map_or(Ok(default), |value| {
        value
            .parse::<usize>()
            .map_err(|_| ApiError::bad_request(format!("{key} must be a whole number >= 0 (it is \"{value}\")")))
    })
}

/// A page of VPC's list of `entries` (`key`: `vpcs` or `subnets`): those
/// whose `filter` member is the query's (`id`, `vpc_id`), `limit` of them
/// after the one whose ID is `marker`.
fn network_page(entries: &[Value], key: &str, filter: &str, query: Option<&str>) -> Result<Json<Value>, ApiError> {
    let params = query_params(query);
    let wanted = params.get(filter).filter(|value| !value.is_empty());
    let matching: Vec<&Value> = entries
        .iter()
        .filter(|entry| wanted.is_none_or(|wanted| entry.get(filter).and_then(Value::as_str) == Some(wanted)))
        .collect();
    let limit = number(&params, "limit", 2000)?;
    let start = match params.get("marker").filter(|marker| !marker.is_empty()) {
        None => 0,
        Some(marker) => {
            matching
                .iter()
                .position(|entry| entry.get("id").and_then(Value::as_str) == Some(marker))
                .ok_or_else(|| ApiError::bad_request(format!("marker {marker} is not the ID of a listed resource")))?
                + 1
        }
    };
    let page: Vec<&Value> = matching.into_iter().skip(start).take(limit).collect();
    Ok(Json(json!({ key: page })))
}

async fn list_vpcs(
    State(resources): State<Arc<Resources>>,
    _auth: Authorized,
    RawQuery(query): RawQuery,
) -> Result<Json<Value>, ApiError> {
    network_page(&resources.vpcs, "vpcs", "id", query.as_deref())
}

async fn list_subnets(
    State(resources): State<Arc<Resources>>,
    _auth: Authorized,
    RawQuery(query): RawQuery,
) -> Result<Json<Value>, ApiError> {
    network_page(&resources.subnets, "subnets", "vpc_id", query.as_deref())
}

async fn list_instances(
    State(resources): State<Arc<Resources>>,
    _auth: Authorized,
    RawQuery(query): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let params = query_params(query.as_deref());
    let engine = match params.get("engine") {
        None => {
            return Err(ApiError::bad_request(
                "engine is required: kafka, or rocketmq (reliability)",
            ))
        }
        Some(text) => Engine::parse(text).ok_or_else(|| {
            ApiError::bad_request(format!(
                "engine must be kafka, rocketmq or reliability (it is \"{text}\")"
            ))
        })?,
    };
    let offset = number(&params, "offset", 0)?;
    let limit = number(&params, "limit", INSTANCE_LIMIT_DEFAULT)?;
    if !(1..=INSTANCE_LIMIT_MAX).contains(&limit) {
        return Err(ApiError::bad_request(format!(
            "limit must be between 1 and {INSTANCE_LIMIT_MAX} (it is {limit})"
        )));
    }
    let filter = |key: &str| params.get(key).filter(|value| !value.is_empty());
    let (name, id, status) = (filter("name"), filter("instance_id"), filter("status"));
    let exact = params.get("exact_match_name").is_some_and(|value| value == "true");
    let field = |instance: &Value, key: &str| instance.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
    let matching: Vec<&Value> = resources
        .instances
        .iter()
        .filter(|instance| Engine::parse(&field(instance, "engine")) == Some(engine))
        .filter(|instance| {
            name.is_none_or(|name| {
                let own = field(instance, "name");
                if exact {
                    &own == name
                } else {
                    own.contains(name.as_str())
                }
            })
        })
        .filter(|instance| id.is_none_or(|id| &field(instance, "instance_id") == id))
        .filter(|instance| status.is_none_or(|status| &field(instance, "status") == status))
        .collect();
    let page: Vec<Value> = matching
        .iter()
        .skip(offset)
        .take(limit)
        .map(|entry| (*entry).clone())
        .collect();
    Ok(Json(json!({"instances": page, "instance_num": matching.len()})))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_passes_its_own_vetting() {
        assert_eq!(Resources::sample().vet(), Ok(()));
    }

    #[test]
    fn a_file_is_refused_whole_saying_which_entry_and_why() {
        let refused = |text: &str| Resources::from_json(text.as_bytes()).unwrap_err();
        assert!(refused("[]").contains("must be an object"));
        assert!(refused(r#"{"vpcs": [{"name": "x"}]}"#).contains("vpcs[0] has no id"));
        assert!(
            refused(r#"{"vpcs": [{"id": "v"}], "subnets": [{"id": "s", "vpc_id": "w"}]}"#)
                .contains("subnets[0]: vpc_id w is not one of the file's VPCs")
        );
        assert!(
            refused(r#"{"instances": [{"instance_id": "i", "engine": "rabbitmq"}]}"#)
                .contains("instances[0]: engine must be")
        );
        assert!(refused(r#"{"vpcs": [{"id": "v"}, {"id": "v"}]}"#).contains("vpcs[1]: the ID v is used twice"));
        assert!(refused(r#"{"vpc": []}"#).contains("vpc is not one of"));
        let loaded = Resources::from_json(br#"{"vpcs": [{"id": "v", "name": "mine", "extra": 1}]}"#).unwrap();
        assert_eq!(loaded.vpcs[0]["extra"], 1);
        assert!(loaded.instances.is_empty());
    }
}
