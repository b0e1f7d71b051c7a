"""Huawei Cloud's official Python SDK (huaweicloudsdkeg, unmodified) against
the eg-emulator: AK/SK signing with BasicCredentials, then create, a
duplicate name, list, show, update and delete; and temporary credentials
(a password token exchanged at IAM's /v3.0/OS-CREDENTIAL/securitytokens)
used the same way; and BasicCredentials without a project ID, with a
Region naming the emulator, so that the SDK looks the project ID up at IAM
(GET /v3/projects?name=REGION) as it does on Huawei Cloud. Exits non-zero on
the first surprise.

    python_sdk.py ENDPOINT PROJECT_ID ACCESS_KEY SECRET_KEY USER PASSWORD DOMAIN PROJECT_NAME
"""
import json
import sys
import urllib.request

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions import exceptions
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkcore.region.region import Region
from huaweicloudsdkeg.v1 import (ConnectionCreateReq, ConnectionUpdateReq, CreateConnectionRequest,
                                 DeleteConnectionRequest, EgClient, ListConnectionsRequest,
                                 ShowDetailOfConnectionRequest, UpdateConnectionRequest)

endpoint, project, ak, sk, user, password, domain, region = sys.argv[1:9]


def client(credentials):
    config = HttpConfig.get_default_config()
    config.ignore_ssl_verification = True
    return EgClient.new_builder().with_http_config(config).with_credentials(credentials) \
        .with_endpoints([endpoint]).build()


def expect(condition, what):
    if not condition:
        print("FAILED: " + what, file=sys.stderr)
        sys.exit(1)
    print("ok: " + what)


def force_created(connection_id):
    """Ends a connection's creation now (the emulator's control endpoint)."""
    request = urllib.request.Request(endpoint + "/emulator/connections/" + connection_id + "/status",
                                     data=json.dumps({"status": "CREATED"}).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request) as response:
        expect(json.load(response)["status"] == "CREATED", "forced CREATED")


def round_trip(eg, prefix):
    created = eg.create_connection(CreateConnectionRequest(body=ConnectionCreateReq(
        name=prefix + "-webhook", description="made by the Python SDK", vpc_id="vpc-1", subnet_id="subnet-1",
        type="WEBHOOK")))
    expect(created.id and created.name == prefix + "-webhook", prefix + ": create")
    try:
        eg.create_connection(CreateConnectionRequest(body=ConnectionCreateReq(
            name=prefix + "-webhook", vpc_id="vpc-1", subnet_id="subnet-1", type="WEBHOOK")))
        expect(False, prefix + ": a duplicate name is refused")
    except exceptions.ClientRequestException as error:
        expect(error.status_code == 400 and error.error_code == "EG.00513001",
               prefix + ": a duplicate name is refused with EG.00513001")
    listed = eg.list_connections(ListConnectionsRequest(limit=10, fuzzy_name=prefix))
    expect(listed.total == 1 and listed.items[0].id == created.id, prefix + ": list with fuzzy_name")
    shown = eg.show_detail_of_connection(ShowDetailOfConnectionRequest(connection_id=created.id))
    expect(shown.description == "made by the Python SDK", prefix + ": show")
    updated = eg.update_connection(UpdateConnectionRequest(connection_id=created.id,
                                                           body=ConnectionUpdateReq(description="changed")))
    expect(updated.description == "changed", prefix + ": update")
    try:
        eg.delete_connection(DeleteConnectionRequest(connection_id=created.id))
        expect(False, prefix + ": a CREATING connection is not deleted")
    except exceptions.ClientRequestException as error:
        expect(error.status_code == 403 and error.error_code == "EG.00514004",
               prefix + ": a CREATING connection is not deleted (EG.00514004)")
    force_created(created.id)
    eg.delete_connection(DeleteConnectionRequest(connection_id=created.id))
    try:
        eg.show_detail_of_connection(ShowDetailOfConnectionRequest(connection_id=created.id))
        expect(False, prefix + ": gone after delete")
    except exceptions.ClientRequestException as error:
        expect(error.status_code == 404, prefix + ": delete, then 404")


round_trip(client(BasicCredentials(ak, sk, project)), "sdk-permanent")

# A refused create says which field and why in the exception's error_msg,
# not only "Invalid parameters" (the details are in error_details, which the
# SDK's exception does not show).
try:
    client(BasicCredentials(ak, sk, project)).create_connection(CreateConnectionRequest(body=ConnectionCreateReq(
        name=".bad", vpc_id="vpc-1", subnet_id="subnet-1", type="WEBHOOK")))
    expect(False, "an invalid name is refused")
except exceptions.ClientRequestException as error:
    expect(error.status_code == 400 and error.error_code == "EG.00513000"
           and "Name must start with a letter or digit" in error.error_msg,
           "an invalid name is refused, the cause in error_msg: " + error.error_msg)

# A wrong secret key is refused by the signature check.
try:
    client(BasicCredentials(ak, sk + "x", project)).list_connections(ListConnectionsRequest(limit=1))
    expect(False, "a wrong SK is refused")
except exceptions.ClientRequestException as error:
    expect(error.status_code == 401 and error.error_code == "APIGW.0301", "a wrong SK is refused with APIGW.0301")

# Temporary credentials: sign in, exchange the token, sign with all three.
sign_in = json.dumps({"auth": {
    "identity": {"methods": ["password"], "password": {"user": {"name": user, "password": password,
                                                                  "domain": {"name": domain}}}},
    "scope": {"project": {"id": project}}}}).encode()
request = urllib.request.Request(endpoint + "/v3/auth/tokens", data=sign_in,
                                 headers={"Content-Type": "application/json"})
with urllib.request.urlopen(request) as response:
    token = response.headers["X-Subject-Token"]
exchange = json.dumps({"auth": {"identity": {"methods": ["token"], "token": {"duration_seconds": 900}}}}).encode()
request = urllib.request.Request(endpoint + "/v3.0/OS-CREDENTIAL/securitytokens", data=exchange,
                                 headers={"Content-Type": "application/json", "X-Auth-Token": token})
with urllib.request.urlopen(request) as response:
    credential = json.load(response)["credential"]
temporary = BasicCredentials(credential["access"], credential["secret"], project) \
    .with_security_token(credential["securitytoken"])
round_trip(client(temporary), "sdk-temporary")
try:
    client(BasicCredentials(credential["access"], credential["secret"], project)) \
        .list_connections(ListConnectionsRequest(limit=1))
    expect(False, "a temporary key without its security token is refused")
except exceptions.ClientRequestException as error:
    expect(error.status_code == 401, "a temporary key without its security token is refused")
# No project ID: the SDK asks IAM for the region's, signed with the key.
by_region = EgClient.new_builder().with_http_config(HttpConfig.get_default_config()) \
    .with_credentials(BasicCredentials(ak, sk).with_iam_endpoint(endpoint)) \
    .with_region(Region(region, endpoint)).build()
round_trip(by_region, "sdk-region")
print("The Python SDK works against the emulator")
