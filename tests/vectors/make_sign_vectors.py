"""Signing test vectors from Huawei Cloud's official Python SDK signer
(huaweicloudsdkcore.signer.signer.Signer, SDK-HMAC-SHA256), for
tests/sign.rs. Each vector fixes X-Sdk-Date, so the signature is
deterministic. Run with the SDK installed:

    python3 tests/vectors/make_sign_vectors.py > tests/vectors/sign.json
"""
import json

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer.signer import Signer

AK = "HPUAXXXXXXXXEXAMPLE"
SK = "sk-Example+Secret/Key=0123456789abcdefghij"
HOST = "eg.cn-north-4.myhuaweicloud.com"
DATE = "20261128T153000Z"
PROJECT = "0123456789abcdef0123456789abcdef"

CASES = [
    ("list with a query", "GET", "/v1/%s/connections" % PROJECT,
     [("limit", "15"), ("offset", "0"), ("sort", "created_time:DESC")], {}, b""),
    ("query values with a space, ~, / and non-ASCII text", "GET", "/v1/%s/connections" % PROJECT,
     [("fuzzy_name", "orders hook~v1/α中"), ("name", "a+b=c&d"), ("instance_id", "")], {}, b""),
    ("create, a JSON body", "POST", "/v1/%s/connections" % PROJECT, [],
     {"Content-Type": "application/json;charset=UTF-8"},
     json.dumps({"name": "orders-kafka", "vpc_id": "vpc-1", "subnet_id": "subnet-1"}, separators=(",", ":")).encode()),
    ("update, a PUT body", "PUT", "/v1/%s/connections/4f0c3a9e-2b1d-4c7e-9a8f-6d5e4c3b2a19" % PROJECT, [],
     {"Content-Type": "application/json"}, "{\"description\":\"描述 ~ /\"}".encode("utf-8")),
    ("delete, an empty body", "DELETE", "/v1/%s/connections/4f0c3a9e-2b1d-4c7e-9a8f-6d5e4c3b2a19" % PROJECT,
     [], {}, b""),
    ("temporary credentials and a project header", "GET", "/v1/%s/connections" % PROJECT, [("limit", "1")],
     {"X-Security-Token": "gQpjbi1ub3J0aC00-EXAMPLE-TOKEN", "X-Project-Id": PROJECT}, b""),
    ("a path segment that needs encoding", "GET", "/v1/%s/connections/a b~c" % PROJECT, [], {}, b""),
]

signer = Signer(BasicCredentials(AK, SK, PROJECT))
vectors = []
for name, method, path, query, headers, body in CASES:
    header_params = {"X-Sdk-Date": DATE, **headers}
    request = SdkRequest(method=method, schema="https", host=HOST, resource_path=path,
                         query_params=list(query), header_params=dict(header_params), body=body)
    signed_headers = signer._process_signed_headers(request)
    request.header_params["Host"] = HOST
    signed_headers = signer._process_signed_headers(request)
    canonical = signer._process_canonical_request(request, signed_headers)
    signed = signer.sign(SdkRequest(method=method, schema="https", host=HOST, resource_path=path,
                                    query_params=list(query), header_params=dict(header_params), body=body))
    vectors.append({
        "name": name,
        "method": method,
        "path": path,
        "query": query,
        "headers": {"Host": HOST, **header_params},
        "body": body.decode("utf-8"),
        "canonical_request": canonical,
        "uri": signed.uri,
        "authorization": signed.header_params["Authorization"],
    })
print(json.dumps({"access_key": AK, "secret_key": SK, "sdk_version": __import__("huaweicloudsdkcore").__version__
                  if hasattr(__import__("huaweicloudsdkcore"), "__version__") else "3.1.219",
                  "vectors": vectors}, ensure_ascii=False, indent=2))
