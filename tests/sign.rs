//! The signer against vectors from Huawei Cloud's official Python SDK signer
//! (`tests/vectors/make_sign_vectors.py` wrote `tests/vectors/sign.json`):
//! query values with spaces, `~`, `/` and non-ASCII text, a JSON body, a
//! PUT body, an empty body, temporary-credential headers, an encoded path.
#![cfg(feature = "sign")]

use eg_connections::sign::{self, Authorization, Signable, SignatureError};
use serde_json::Value;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const VECTORS: &str = include_str!("vectors/sign.json");

struct Vector {
    name: String,
    method: String,
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    body: String,
    canonical_request: String,
    authorization: String,
}

fn vectors() -> (String, String, Vec<Vector>) {
    let all: Value = serde_json::from_str(VECTORS).unwrap();
    let vectors = all["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|vector| Vector {
            name: vector["name"].as_str().unwrap().to_owned(),
            method: vector["method"].as_str().unwrap().to_owned(),
            path: vector["path"].as_str().unwrap().to_owned(),
            // The query as the SDK sends it: its `uri` after `?`.
            query: vector["uri"]
                .as_str()
                .unwrap()
                .split_once('?')
                .map(|(_, q)| q.to_owned())
                .unwrap_or_default(),
            headers: vector["headers"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(name, value)| (name.clone(), value.as_str().unwrap().to_owned()))
                .collect(),
            body: vector["body"].as_str().unwrap().to_owned(),
            canonical_request: vector["canonical_request"].as_str().unwrap().to_owned(),
            authorization: vector["authorization"].as_str().unwrap().to_owned(),
        })
        .collect();
    (
        all["access_key"].as_str().unwrap().to_owned(),
        all["secret_key"].as_str().unwrap().to_owned(),
        vectors,
    )
}

fn signable<'a>(vector: &'a Vector, headers: &'a [(&'a str, &'a str)]) -> Signable<'a> {
    Signable {
        method: &vector.method,
        path: &vector.path,
        query: &vector.query,
        headers,
        body: vector.body.as_bytes(),
    }
}

#[test]
fn signatures_equal_the_official_sdk_signers() {
    let (access, secret, vectors) = vectors();
    assert!(vectors.len() >= 7);
    for vector in &vectors {
        let headers: Vec<(&str, &str)> = vector.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let request = signable(vector, &headers);
        let signed = request.signed_headers();
        assert_eq!(
            request.canonical_request(&signed).unwrap(),
            vector.canonical_request,
            "{}",
            vector.name
        );
        let date = vector
            .headers
            .iter()
            .find(|(n, _)| n == "X-Sdk-Date")
            .unwrap()
            .1
            .clone();
        assert_eq!(
            sign::authorization(&access, &secret, &date, &request),
            vector.authorization,
            "{}",
            vector.name
        );
        // And the verifier accepts what the SDK signed, at that time.
        let now = sign::parse_date(&date).unwrap();
        let parsed = Authorization::parse(&vector.authorization).unwrap();
        assert_eq!(sign::verify(&parsed, &secret, &request, now), Ok(()), "{}", vector.name);
    }
}

#[test]
fn queries_are_canonical_whatever_order_and_encoding_they_arrive_in() {
    assert_eq!(
        sign::canonical_query("sort=name%3AASC&limit=15&fuzzy_name=a%20b~c%2F%E4%B8%AD"),
        "fuzzy_name=a%20b~c%2F%E4%B8%AD&limit=15&sort=name%3AASC"
    );
    assert_eq!(sign::canonical_query("b=2&a=1&a=0&empty="), "a=0&a=1&b=2&empty=");
    assert_eq!(sign::canonical_uri("/v1/p/connections"), "/v1/p/connections/");
    assert_eq!(sign::canonical_uri("/v1/p/a%20b~c/"), "/v1/p/a%20b~c/");
}

#[test]
fn a_wrong_key_a_changed_body_or_an_old_date_is_refused() {
    let (_, secret, vectors) = vectors();
    let vector = vectors.iter().find(|vector| vector.method == "POST").unwrap();
    let headers: Vec<(&str, &str)> = vector.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    let date = vector
        .headers
        .iter()
        .find(|(n, _)| n == "X-Sdk-Date")
        .unwrap()
        .1
        .clone();
    let now = sign::parse_date(&date).unwrap();
    let parsed = Authorization::parse(&vector.authorization).unwrap();
    let request = signable(vector, &headers);
    assert_eq!(
        sign::verify(&parsed, "another secret", &request, now),
        Err(SignatureError::Mismatch)
    );
    let tampered = Signable {
        body: b"{\"name\":\"changed\"}",
        ..request
    };
    assert_eq!(
        sign::verify(&parsed, &secret, &tampered, now),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        sign::verify(&parsed, &secret, &request, now + 20 * 60),
        Err(SignatureError::Skewed(-20 * 60))
    );
    assert_eq!(sign::verify(&parsed, &secret, &request, now + 14 * 60), Ok(()));
    assert_eq!(Authorization::parse("Basic abc"), None);
}

#[test]
fn dates_round_trip() {
    for seconds in [0, 1_764_343_800, 951_782_400, 4_102_444_799] {
        assert_eq!(sign::parse_date(&sign::format_date(seconds)), Some(seconds));
    }
    assert_eq!(sign::format_date(1_795_879_800), "20261128T153000Z");
    assert_eq!(sign::parse_date("20261128T153000"), None);
    assert_eq!(sign::parse_date("2026-11-28T15:30:00Z"), None);
}

#[test]
fn refusals_are_read_from_the_gateways_own_messages() {
    use eg_connections::sign::{refusal, Refusal};
    // The texts of the Signing Guide's "Common Errors Related to IAM
    // Authentication Information" page, then the emulator's.
    let cases: [(&str, Option<i64>, Refusal); 10] = [
        (
            "Incorrect IAM authentication information: Get secretKey failed,ak:HPUAXXX,err:ak not exist",
            Some(3),
            Refusal::UnknownKey,
        ),
        (
            "Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.",
            None,
            Refusal::KeyLocked,
        ),
        (
            "Incorrect IAM authentication information: decrypt token fail",
            None,
            Refusal::SecurityToken,
        ),
        (
            "Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:GET|/v1/",
            Some(2),
            Refusal::Mismatch,
        ),
        (
            "Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:GET|/v1/",
            Some(-1_260),
            Refusal::ClockSkew(Some(-1_260)),
        ),
        (
            "Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:GET|/v1/",
            None,
            Refusal::Mismatch,
        ),
        (
            "Incorrect IAM authentication information: verify aksk signature fail: X-Sdk-Date is 20 minutes behind this server's clock",
            None,
            Refusal::ClockSkew(None),
        ),
        (
            "Incorrect IAM authentication information: verify aksk signature fail: X-Sdk-Date is 20 minutes behind this server's clock",
            Some(1_200),
            Refusal::ClockSkew(Some(1_200)),
        ),
        (
            "Incorrect IAM authentication information: a temporary access key needs its X-Security-Token header, as issued with it",
            None,
            Refusal::SecurityToken,
        ),
        ("The token is expired", None, Refusal::Other),
    ];
    for (message, skew, expected) in cases {
        assert_eq!(refusal(message, skew), expected, "{message} ({skew:?})");
    }
}
