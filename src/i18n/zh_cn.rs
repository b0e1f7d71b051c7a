//! 简体中文消息。

use super::{MessageId, Table};
use crate::input::ValueKind;
use crate::issue::Field;

pub(super) const TABLE: Table = Table {
    tag: "zh-CN",
    native_name: "简体中文",
    field_label,
    template,
    expected_kind: kind_name,
    received_kind: kind_name,
    list_separator: "、",
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
        Field::EnableSaslSsl => "密文接入（SASL）",
        Field::UserName => "用户名",
        Field::Password => "密码",
        Field::Acks => "Acks",
        Field::RocketmqDetail => "RocketMQ 配置",
        Field::RocketmqInstanceId => "实例 ID",
        Field::RocketmqAddr => "连接地址",
        Field::UseTls => "TLS",
        Field::EnableAcl => "ACL",
        Field::RocketmqUserName => "用户名",
        Field::RocketmqPassword => "密码",
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

fn template(id: MessageId) -> &'static str {
    match id {
        MessageId::Required => "{label}不能为空",
        MessageId::RequiredDetail => "类型为 {0} 时必须填写{label}",
        MessageId::RequiredWhenOn => "启用{0}时{label}不能为空",
        MessageId::InvalidType => "{label}必须是{0}（实际为{1}）",
        MessageId::TooLong => "{label}最多 {0} 个字符（当前 {1} 个）",
        MessageId::SurroundingWhitespace => "{label}的首尾不能有空白字符",
        MessageId::LoneSurrogate => "{label}不是有效的 Unicode 文本：第 {0} 个字符是不成对的 UTF-16 代理项",
        MessageId::NameFirstChar => "{label}必须以字母或数字开头（当前以 {0} 开头）",
        MessageId::NameChar => "{label}只能包含字母、数字、“.”、“_”和“-”（第 {1} 个字符 {0} 不允许）",
        MessageId::NameReserved => "{label}不能为保留名称 \"default\"",
        MessageId::TypeValue => "{label}必须是 WEBHOOK、KAFKA 或 ROCKETMQ（实际为 \"{0}\"）",
        MessageId::AcksValue => "{label}必须是 0、1 或 all（实际为 \"{0}\"）",
        MessageId::DetailNotAllowed => "仅当类型为 {0} 时才能填写{label}（请删除或更改类型）",
        MessageId::AddrEmpty => "{label}的第 {0} 项为空（请删除多余的逗号）",
        MessageId::AddrWhitespace => "{label}的第 {0} 项（\"{1}\"）前后不能有空格",
        MessageId::AddrMissingPort => "{label}的第 {0} 项（\"{1}\"）缺少端口，格式应为 host:port",
        MessageId::AddrMissingHost => "{label}的第 {0} 项（\"{1}\"）缺少主机，格式应为 host:port",
        MessageId::AddrPortNotNumber => "{label}的第 {0} 项（\"{1}\"）的端口不是数字",
        MessageId::AddrPortRange => "{label}的第 {0} 项（\"{1}\"）的端口必须在 {2} 到 {3} 之间",
        MessageId::AddrUnbracketedIpv6 => "{label}的第 {0} 项（\"{1}\"）的 IPv6 地址必须放在方括号中，例如 [::1]:9092",
        MessageId::AddrInvalidIpv6 => "{label}的第 {0} 项（\"{1}\"）不是有效的带方括号 IPv6 地址",
        MessageId::AddrInvalidIpv4 => "{label}的第 {0} 项（\"{1}\"）不是有效的 IPv4 地址",
        MessageId::AddrInvalidHost => "{label}的第 {0} 项（\"{1}\"）的主机不是有效的域名",
        MessageId::UnknownProperty | MessageId::UnknownProperties => "未知属性 {0}",
        MessageId::UnknownPropertiesMore => "未知属性 {0} 等（另有 {1} 个）",
        MessageId::DidYouMean => "（是否应为 {0}？）",
        MessageId::AliasConflict => "{label}给出了两次且值不同：\"{0}\" 与旧名称 \"{1}\"（请只保留一个）",
        MessageId::NotUpdatable => "创建后不能修改{label}中的 {0}（只能修改用户名和密码）",
        MessageId::ControlChar => "{label}不能包含控制字符（第 {1} 个字符 {0}）",
        MessageId::DetailConflict => "{label}不能与 {0}同时修改：一个连接只有一种类型",
        MessageId::SecurityProtocolValue => "{label}必须是 PLAINTEXT、SASL_PLAINTEXT 或 SASL_SSL（实际为 \"{0}\"）",
        MessageId::ProtocolNeedsSasl => "{label} {0} 需要开启{1}：请开启，或选择 PLAINTEXT",
        MessageId::PlaintextWithSasl => "{label} PLAINTEXT 与{0}矛盾：请选择 SASL_SSL 或 SASL_PLAINTEXT，或关闭{0}",
        MessageId::AddrScheme => "{label}的第 {0} 项应为 host:port，不带协议头（请删除 \"{1}\"）",
        MessageId::AddrSemicolon => "{label}的第 {0} 项（\"{1}\"）含有“;”：Kafka 的多个地址请用逗号分隔",
        MessageId::NothingToUpdate => "此次更新没有修改任何内容：请给出描述，或该连接类型的新设置",
        MessageId::CreateOnly => "创建后不能修改 {0}（更新只能修改描述和该类型的设置）",
    }
}
