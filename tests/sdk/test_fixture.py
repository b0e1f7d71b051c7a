"""The pytest fixture the README shows, run with Huawei Cloud's official
SDK (huaweicloudsdkeg, unmodified): an in-memory emulator per session, a
clean project per test, and the control endpoints a suite uses (reset,
forced status). `EG_EMULATOR` names the binary (default: eg-emulator on PATH).
"""
import json
import os
import subprocess
import urllib.request

import pytest
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions import exceptions
from huaweicloudsdkeg.v1 import (ConnectionCreateReq, CreateConnectionRequest, DeleteConnectionRequest, EgClient,
                                 ListConnectionsRequest, ShowDetailOfConnectionRequest)


# --- the fixture, as in the README ---------------------------------------
@pytest.fixture(scope="session")
def emulator():
    """An eg-emulator in memory on a free port; its banner (URL, credentials)."""
    process = subprocess.Popen(
        [os.environ.get("EG_EMULATOR", "eg-emulator"), "--in-memory", "--listen", "127.0.0.1:0",
         "--banner", "json", "--quiet"],
        stdout=subprocess.PIPE, text=True)
    banner = json.loads(process.stdout.readline())
    yield banner
    process.terminate()
    process.wait(timeout=10)


def control(emulator, path, body=None):
    """POSTs to one of the emulator's control endpoints."""
    request = urllib.request.Request(emulator["url"] + path, data=json.dumps(body or {}).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request) as response:
        return json.load(response)


@pytest.fixture
def eg(emulator):
    """An official SDK client on a project emptied for each test."""
    control(emulator, "/emulator/reset")
    key = emulator["access_key"]
    credentials = BasicCredentials(key["access_key"], key["secret_key"], emulator["project"]["id"])
    return EgClient.new_builder().with_credentials(credentials).with_endpoints([emulator["url"]]).build()
# -------------------------------------------------------------------------


def create(eg, name):
    return eg.create_connection(CreateConnectionRequest(body=ConnectionCreateReq(
        name=name, vpc_id="vpc-1", subnet_id="subnet-1", type="WEBHOOK")))


def test_each_test_starts_empty(eg):
    assert eg.list_connections(ListConnectionsRequest(limit=10)).total == 0
    create(eg, "first")
    assert eg.list_connections(ListConnectionsRequest(limit=10)).total == 1


def test_and_again(eg):
    assert eg.list_connections(ListConnectionsRequest(limit=10)).total == 0


def test_the_failure_path_without_waiting(eg, emulator):
    created = create(eg, "will-fail")
    assert created.status == "CREATING"
    control(emulator, "/emulator/connections/%s/status" % created.id,
            {"status": "CREATE_FAILED", "error_info": {"error_code": "EG.00512003", "error_msg": "agency required",
                                                       "error_detail": "create the EG agency first"}})
    shown = eg.show_detail_of_connection(ShowDetailOfConnectionRequest(connection_id=created.id))
    assert shown.status == "CREATE_FAILED"
    assert shown.error_info.error_code == "EG.00512003"


def test_a_creating_connection_is_not_deleted(eg, emulator):
    created = create(eg, "still-creating")
    with pytest.raises(exceptions.ClientRequestException) as refused:
        eg.delete_connection(DeleteConnectionRequest(connection_id=created.id))
    assert refused.value.status_code == 403 and refused.value.error_code == "EG.00514004"
    control(emulator, "/emulator/connections/%s/status" % created.id, {"status": "CREATED"})
    eg.delete_connection(DeleteConnectionRequest(connection_id=created.id))


def test_a_refusal_says_why_in_error_msg(eg):
    with pytest.raises(exceptions.ClientRequestException) as refused:
        eg.create_connection(CreateConnectionRequest(body=ConnectionCreateReq(
            name="default", vpc_id="vpc-1", subnet_id="subnet-1", type="WEBHOOK")))
    assert refused.value.error_code == "EG.00513000"
    assert 'Name must not be "default"' in refused.value.error_msg
