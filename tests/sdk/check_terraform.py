"""Parses the console's Terraform snippet with a real HCL parser (python-hcl2)
and checks it is a huaweicloud_eg_connection resource using only the
provider's own argument names, the password as a sensitive variable.

    check_terraform.py FILE EXPECTED_NAME
"""
import sys

import hcl2

# The provider's arguments (docs/resources/eg_connection.md of
# huaweicloud/terraform-provider-huaweicloud).
RESOURCE_ARGUMENTS = {"region", "name", "vpc_id", "subnet_id", "description", "type", "kafka_detail"}
KAFKA_ARGUMENTS = {"instance_id", "connect_address", "user_name", "password", "acks"}

path, expected_name = sys.argv[1:3]
with open(path, encoding="utf-8") as file:
    parsed = hcl2.load(file)


def fail(message):
    print("FAILED: " + message, file=sys.stderr)
    sys.exit(1)


resources = parsed.get("resource", [])
if len(resources) != 1 or list(resources[0]) != ["huaweicloud_eg_connection"]:
    fail(f"one huaweicloud_eg_connection resource expected, got {resources}")
(body,) = resources[0]["huaweicloud_eg_connection"].values()
unknown = set(body) - RESOURCE_ARGUMENTS
if unknown:
    fail(f"arguments the provider does not have: {sorted(unknown)}")
if body.get("name") != expected_name:
    fail(f"name {body.get('name')!r}, expected {expected_name!r}")
for detail in body.get("kafka_detail", []):
    unknown = set(detail) - KAFKA_ARGUMENTS
    if unknown:
        fail(f"kafka_detail arguments the provider does not have: {sorted(unknown)}")
    if "password" in detail:
        if "var.kafka_password" not in str(detail["password"]):
            fail("the password must be the variable, never inlined")
        variables = [next(iter(v)) for v in parsed.get("variable", [])]
        if "kafka_password" not in variables:
            fail("the kafka_password variable is not declared")
print(f"ok: Terraform for {expected_name}: {sorted(body)}")
