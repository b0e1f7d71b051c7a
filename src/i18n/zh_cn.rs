//! 简体中文消息。

use super::Table;
use crate::input::ValueKind;
use crate::issue::{AddrProblem, Field, Issue, IssueKind};
use crate::rules::{PORT_MAX, PORT_MIN};

pub(super) const TABLE: Table = Table {
    tag: "zh-CN",
    native_name: "简体中文",
    field_label,
    message,
};

fn field_label(field: Field) -> &'static str {
    match field {
        Field::Root => "请求",
        Field::Name => "名称",
        Field::Description => "描述",
        Field::VpcId => "VPC ID",
        Field::SubnetId => "子网 ID",
        Field::Type => "类型",
        Field::KafkaDetail => "Kafka 配置",
        Field::InstanceId => "实例 ID",
        Field::Addr => "连接地址",
        Field::SecurityProtocol => "安全协议",
        Field::EnableSaslSsl => "SASL_SSL",
        Field::UserName => "用户名",
        Field::Password => "密码",
        Field::Acks => "Acks",
    }
}

fn kind_name(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Null => "null",
        ValueKind::Boolean => "布尔值",
        ValueKind::Number => "数字",
        ValueKind::String => "字符串",
        ValueKind::Array => "数组",
        ValueKind::Object => "对象",
        ValueKind::BigInt => "BigInt",
        ValueKind::Symbol => "Symbol",
        ValueKind::Function => "函数",
        ValueKind::Unreadable => "读取时抛出异常的值",
    }
}

fn message(issue: &Issue, label: &str) -> String {
    match &issue.kind {
        IssueKind::Required if issue.field == Field::KafkaDetail => format!("类型为 KAFKA 时必须填写{label}"),
        IssueKind::Required => format!("{label}不能为空"),
        IssueKind::RequiredForSasl => format!("启用 SASL_SSL 时{label}不能为空"),
        IssueKind::InvalidType { expected, received } => {
            format!(
                "{label}必须是{}（实际为{}）",
                kind_name(*expected),
                kind_name(*received)
            )
        }
        IssueKind::TooLong { max, actual } => {
            format!("{label}最多 {max} 个字符（当前 {actual} 个）")
        }
        IssueKind::SurroundingWhitespace => format!("{label}的首尾不能有空白字符"),
        IssueKind::NameFirstChar { found } => {
            format!("{label}必须以字母或数字开头（当前以 {found:?} 开头）")
        }
        IssueKind::NameChar { found, position } => {
            format!("{label}只能包含字母、数字、“.”、“_”和“-”（第 {position} 个字符 {found:?} 不允许）")
        }
        IssueKind::NameReserved => format!("{label}不能为保留名称 \"default\""),
        IssueKind::TypeValue { received } => {
            format!("{label}必须是 WEBHOOK 或 KAFKA（实际为 \"{received}\"）")
        }
        IssueKind::AcksValue { received } => {
            format!("{label}必须是 0、1 或 all（实际为 \"{received}\"）")
        }
        IssueKind::KafkaDetailNotAllowed => {
            format!("仅当类型为 KAFKA 时才能填写{label}（请删除或更改类型）")
        }
        IssueKind::Addr { problem, entry, text } => {
            let what = match problem {
                AddrProblem::EmptyEntry => return format!("{label}的第 {entry} 项为空（请删除多余的逗号）"),
                AddrProblem::Whitespace => "前后不能有空格".to_owned(),
                AddrProblem::MissingPort => "缺少端口，格式应为 host:port".to_owned(),
                AddrProblem::MissingHost => "缺少主机，格式应为 host:port".to_owned(),
                AddrProblem::PortNotNumber => "的端口不是数字".to_owned(),
                AddrProblem::PortOutOfRange => {
                    format!("的端口必须在 {PORT_MIN} 到 {PORT_MAX} 之间")
                }
                AddrProblem::UnbracketedIpv6 => "的 IPv6 地址必须放在方括号中，例如 [::1]:9092".to_owned(),
                AddrProblem::InvalidIpv6 => "不是有效的带方括号 IPv6 地址".to_owned(),
                AddrProblem::InvalidIpv4 => "不是有效的 IPv4 地址".to_owned(),
                AddrProblem::InvalidHost => "的主机不是有效的域名".to_owned(),
            };
            format!("{label}的第 {entry} 项（\"{text}\"）{what}")
        }
        IssueKind::UnrecognizedKeys { keys, more, suggestion } => {
            let listed = keys
                .iter()
                .map(|key| format!("\"{key}\""))
                .collect::<Vec<_>>()
                .join("、");
            let mut sentence = if *more > 0 {
                format!("未知属性 {listed} 等（另有 {more} 个）")
            } else {
                format!("未知属性 {listed}")
            };
            if let Some((key, known)) = suggestion {
                sentence.push_str(&format!("（\"{key}\" 是否应为 \"{known}\"？）"));
            }
            sentence
        }
        IssueKind::InvalidJson { detail } => format!("{label}不是有效的 JSON：{detail}"),
    }
}
