//! The npm validator's exports, called in headless Chromium with values built
//! by the browser's own JavaScript (objects, Proxies, getters, BigInt).
#![cfg(all(target_arch = "wasm32", feature = "js"))]

use eg_connections::js::{validate_addr, validate_create_connection, validate_name, validate_update_connection};
use js_sys::{Array, Function, Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Evaluates a JavaScript expression in the page.
fn js(expression: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::NULL)
        .expect("test expression runs")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

/// `path.code` of each issue of a result.
fn codes(result: &JsValue) -> Vec<String> {
    if get(result, "success").as_bool() == Some(true) {
        return Vec::new();
    }
    Array::from(&get(result, "issues"))
        .iter()
        .map(|issue| {
            let path: Vec<String> = Array::from(&get(&issue, "path"))
                .iter()
                .filter_map(|s| s.as_string())
                .collect();
            format!("{}:{}", path.join("."), get(&issue, "code").as_string().unwrap())
        })
        .collect()
}

const WEBHOOK: &str = "{name: 'conn-1', vpc_id: 'vpc-1', subnet_id: 'subnet-1'}";

#[test]
fn valid_object_returns_the_normalized_body() {
    let result = validate_create_connection(
        js("{name: 'k', vpc_id: 'v', subnet_id: 's', type: 'kafka', kafka_detail: {instance_id: 'i', addr: '[::1]:9092'}}"),
        JsValue::UNDEFINED,
    );
    assert_eq!(get(&result, "success"), JsValue::TRUE);
    let body = JSON::stringify(&get(&result, "value")).unwrap().as_string().unwrap();
    assert_eq!(
        body,
        r#"{"name":"k","vpc_id":"v","subnet_id":"s","type":"KAFKA","kafka_detail":{"instance_id":"i","addr":"[::1]:9092","enable_sasl_ssl":false,"acks":"1"}}"#
    );
}

#[test]
fn issues_carry_path_code_and_localized_message() {
    let input = js(&format!("{{...{WEBHOOK}, name: 'x'.repeat(131), vpcId: 'typo'}}"));
    let result = validate_create_connection(input.clone(), js("{locale: 'zh-CN'}"));
    assert_eq!(codes(&result), [":unrecognized_keys", "name:too_big"]);
    let issues = Array::from(&get(&result, "issues"));
    assert_eq!(
        get(&issues.get(1), "message").as_string().unwrap(),
        "名称最多 128 个字符（当前 131 个）"
    );
}

#[test]
fn hostile_values_become_issues_and_the_module_keeps_working() {
    let cases = [
        ("undefined", vec![":invalid_type"]),
        ("null", vec![":invalid_type"]),
        ("10n", vec![":invalid_type"]),
        ("Symbol('s')", vec![":invalid_type"]),
        ("[1, 2]", vec![":invalid_type"]),
        ("() => 1", vec![":invalid_type"]),
        (
            "new Proxy({}, {get() { throw new Error('get') }, ownKeys() { throw new Error('keys') }})",
            vec![":invalid_type"],
        ),
        (
            "(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()",
            vec![":invalid_type"],
        ),
        (
            "Object.defineProperty({vpc_id: 'v', subnet_id: 's'}, 'name', {enumerable: true, get() { throw 1 }})",
            vec!["name:invalid_type"],
        ),
        (
            "(() => { const o = {name: 'n', vpc_id: 'v', subnet_id: 's'}; o.me = o; return o; })()",
            vec![":unrecognized_keys"],
        ),
        (
            "{name: 1n, vpc_id: Symbol('v'), subnet_id: 's'}",
            vec!["name:invalid_type", "vpc_id:invalid_type"],
        ),
    ];
    for (expression, expected) in cases {
        let result = validate_create_connection(js(expression), JsValue::UNDEFINED);
        assert_eq!(codes(&result), expected, "{expression}");
        assert_eq!(
            codes(&validate_create_connection(js(WEBHOOK), JsValue::UNDEFINED)),
            Vec::<String>::new()
        );
        // Hostile options are ignored, never thrown on.
        let with_options = validate_create_connection(js(WEBHOOK), js(expression));
        assert_eq!(get(&with_options, "success"), JsValue::TRUE, "{expression} as options");
    }
}

#[test]
fn per_field_and_update_validators() {
    assert_eq!(validate_name(js("'ok'"), JsValue::UNDEFINED).length(), 0);
    assert_eq!(validate_name(js("'default'"), JsValue::UNDEFINED).length(), 1);
    let addr = validate_addr(js("'h:99999'"), JsValue::UNDEFINED);
    assert_eq!(
        get(&addr.get(0), "message").as_string().unwrap(),
        "Address entry 1 (\"h:99999\") has a port outside 1 to 65535"
    );
    let update = validate_update_connection(js("{description: 'd'.repeat(256)}"), JsValue::UNDEFINED);
    assert_eq!(codes(&update), ["description:too_big"]);
}
