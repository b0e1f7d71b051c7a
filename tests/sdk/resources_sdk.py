"""Huawei Cloud's official Python SDKs for VPC, DMS for Kafka and DMS for
RocketMQ (huaweicloudsdkvpc, huaweicloudsdkkafka, huaweicloudsdkrocketmq,
unmodified, pinned in requirements.txt) list what the console's pickers
list from the eg-emulator, signed with AK/SK; and EG's own SDK reads the
connection quota (ListQuotas). Exits non-zero on the first surprise.

    resources_sdk.py ENDPOINT PROJECT_ID ACCESS_KEY SECRET_KEY
"""
import sys

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkeg.v1 import EgClient, ListQuotasRequest
from huaweicloudsdkkafka.v2 import KafkaClient
from huaweicloudsdkkafka.v2 import ListInstancesRequest as ListKafkaInstancesRequest
from huaweicloudsdkrocketmq.v2 import RocketMQClient
from huaweicloudsdkrocketmq.v2 import ListInstancesRequest as ListRocketMqInstancesRequest
from huaweicloudsdkvpc.v2 import ListSubnetsRequest, ListVpcsRequest, VpcClient

endpoint, project, ak, sk = sys.argv[1:5]


def build(client_class):
    config = HttpConfig.get_default_config()
    config.ignore_ssl_verification = True
    return client_class.new_builder().with_http_config(config) \
        .with_credentials(BasicCredentials(ak, sk, project)).with_endpoints([endpoint]).build()


def expect(condition, what):
    if not condition:
        print("FAILED: " + what, file=sys.stderr)
        sys.exit(1)
    print("ok: " + what)


vpc = build(VpcClient)
vpcs = vpc.list_vpcs(ListVpcsRequest()).vpcs
expect(len(vpcs) >= 1 and all(v.id and v.name and "/" in v.cidr for v in vpcs),
       "VPC SDK lists VPCs with names and CIDRs: " + ", ".join(v.name for v in vpcs))
subnets = vpc.list_subnets(ListSubnetsRequest(vpc_id=vpcs[0].id)).subnets
expect(len(subnets) >= 1 and all(s.vpc_id == vpcs[0].id and s.cidr for s in subnets),
       "VPC SDK lists the subnets of " + vpcs[0].name + ": " + ", ".join(s.name for s in subnets))

kafka = build(KafkaClient).list_instances(ListKafkaInstancesRequest(engine="kafka", limit="50"))
expect(kafka.instance_num == len(kafka.instances) >= 1 and all(i.engine == "kafka" for i in kafka.instances),
       "Kafka SDK lists Kafka instances: " + ", ".join(i.name for i in kafka.instances))
first = kafka.instances[0]
expect(first.instance_id and first.status and first.engine_version and first.connect_address,
       "a Kafka instance has its ID, status, version and addresses")
protocols = [i.port_protocols for i in kafka.instances if i.port_protocols]
expect(any(p.private_plain_address or p.private_sasl_ssl_address for p in protocols),
       "port_protocols gives each security protocol's private addresses")

rocketmq = build(RocketMQClient).list_instances(ListRocketMqInstancesRequest(engine="reliability", limit=50))
expect(rocketmq.instance_num == len(rocketmq.instances) >= 1
       and all(i.namesrv_address for i in rocketmq.instances),
       "RocketMQ SDK lists RocketMQ instances with name-server addresses: "
       + ", ".join(i.name for i in rocketmq.instances))

quotas = build(EgClient).list_quotas(ListQuotasRequest(type="CONNECTION")).quotas.resources
expect(len(quotas) == 1 and quotas[0].type == "CONNECTION" and quotas[0].quota >= quotas[0].used >= 0,
       "EG SDK reads the connection quota: %d of %d used" % (quotas[0].used, quotas[0].quota))
