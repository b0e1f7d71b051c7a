//! The console's components mounted in headless Chromium and driven like a
//! user would (values set, input/blur events dispatched, buttons clicked),
//! against the real emulator that scripts/test.sh starts (its URL, a fixed
//! token and project come in at compile time; its fault modes give the
//! error classes).
#![cfg(all(target_arch = "wasm32", feature = "ui"))]

use eg_connections::model::ConnectionList;
use eg_connections::ui::create_form::CreateForm;
use eg_connections::ui::{sleep, Console};
use eg_connections::Locale;
use gloo_net::http::Request;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};
use web_sys::{Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const EMULATOR: Option<&str> = option_env!("EG_EMULATOR_URL");
const TOKEN: &str = "ui-test-token";
const PROJECT: &str = "ui-test-project";

fn emulator() -> &'static str {
    EMULATOR.expect("EG_EMULATOR_URL is set by scripts/test.sh, which starts the emulator")
}

/// Mounts a fresh form in its own container; returns the console settings.
fn mount(timeout: Duration) -> Console {
    let body = document().body().unwrap();
    // One form at a time (ids are unique per page); the runner's own output
    // lives in the body too, so only earlier test roots go.
    while let Some(old) = document().query_selector(".test-root").unwrap() {
        old.remove();
    }
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    container.set_class_name("test-root");
    body.append_child(&container).unwrap();
    let shared = Rc::new(Cell::new(None));
    let out = shared.clone();
    let handle = leptos::mount::mount_to(container, move || {
        let ui = Console {
            locale: RwSignal::new(Locale::En),
            base_url: RwSignal::new(emulator().to_owned()),
            region: RwSignal::new("cn-north-4".to_owned()),
            project_id: RwSignal::new(PROJECT.to_owned()),
            token: RwSignal::new(TOKEN.to_owned()),
            remember_token: RwSignal::new(false),
        };
        out.set(Some(ui));
        provide_context(ui);
        view! { <CreateForm timeout=timeout /> }
    });
    handle.forget();
    shared.get().unwrap()
}

fn element(id: &str) -> Option<HtmlElement> {
    document().get_element_by_id(id).map(|element| element.unchecked_into())
}

fn input(id: &str) -> HtmlInputElement {
    element(id).unwrap_or_else(|| panic!("#{id} exists")).unchecked_into()
}

fn text(id: &str) -> String {
    element(id)
        .and_then(|element| element.text_content())
        .unwrap_or_default()
}

/// Types `value` into a field (an `input` event, as a keystroke fires).
fn type_into(id: &str, value: &str) {
    let field = input(id);
    field.set_value(value);
    field.dispatch_event(&Event::new("input").unwrap()).unwrap();
}

fn leave(id: &str) {
    input(id).dispatch_event(&Event::new("blur").unwrap()).unwrap();
}

fn click(id: &str) {
    element(id).unwrap_or_else(|| panic!("#{id} exists")).click();
}

/// Lets Leptos run its effects.
async fn tick() {
    sleep(Duration::from_millis(20)).await;
}

/// Waits up to `ms` for `condition`.
async fn wait_until(ms: u64, what: &str, condition: impl Fn() -> bool) {
    for _ in 0..(ms / 25) {
        if condition() {
            return;
        }
        sleep(Duration::from_millis(25)).await;
    }
    let page = document()
        .query_selector(".test-root")
        .unwrap()
        .and_then(|root| root.text_content())
        .unwrap_or_default();
    panic!("timed out waiting for {what}; the page says: {page}");
}

fn fill_valid(name: &str) {
    type_into("field-name", name);
    type_into("field-vpc_id", "vpc-1");
    type_into("field-subnet_id", "subnet-1");
}

fn assert_form_intact(name: &str) {
    assert_eq!(input("field-name").value(), name);
    assert_eq!(input("field-vpc_id").value(), "vpc-1");
    assert_eq!(input("field-subnet_id").value(), "subnet-1");
}

/// Queues a fault for the next create (POST) only, so that the result
/// card's polling (GET) never takes it.
async fn add_fault(fault: &str) {
    let mut fault: serde_json::Value = serde_json::from_str(fault).unwrap();
    fault["method"] = "POST".into();
    let fault = fault.to_string();
    let response = Request::post(&format!("{}/emulator/faults", emulator()))
        .header("Content-Type", "application/json")
        .body(fault.as_str())
        .unwrap()
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204, "fault accepted");
}

async fn clear_faults() {
    let _ = Request::delete(&format!("{}/emulator/faults", emulator())).send().await;
}

/// Connections named exactly `name` on the emulator.
async fn count_named(name: &str) -> u64 {
    let url = format!("{}/v1/{PROJECT}/connections?name={name}", emulator());
    let list: ConnectionList = Request::get(&url)
        .header("X-Auth-Token", TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    list.total
}

fn unique(prefix: &str) -> String {
    format!("{prefix}-{}", js_sys::Date::now() as u64)
}

#[test]
async fn field_issues_appear_after_leaving_then_follow_keystrokes() {
    mount(Duration::from_secs(5));
    type_into("field-name", ".bad");
    tick().await;
    assert_eq!(text("field-name-error"), "", "not judged before the field is left");
    assert_eq!(
        input("field-name").get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    leave("field-name");
    tick().await;
    assert!(text("field-name-error").contains("must start with a letter or digit"));
    assert_eq!(
        input("field-name").get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert!(input("field-name")
        .get_attribute("aria-describedby")
        .unwrap()
        .contains("field-name-error"));
    type_into("field-name", "good-name");
    tick().await;
    assert_eq!(text("field-name-error"), "", "cleared live");
    type_into("field-name", &"a".repeat(129));
    tick().await;
    assert!(text("field-name-error").contains("at most 128 characters (it has 129)"));
    assert_eq!(text("field-name-count").replace(' ', ""), "129/128");
    // Every other required field too.
    for id in ["field-vpc_id", "field-subnet_id"] {
        leave(id);
        tick().await;
        assert!(text(&format!("{id}-error")).contains("is required"), "{id}");
    }
}

#[test]
async fn kafka_section_shows_hides_and_keeps_values() {
    mount(Duration::from_secs(5));
    assert!(element("field-kafka_detail-instance_id").is_none());
    click("type-kafka");
    tick().await;
    type_into("field-kafka_detail-instance_id", "inst-1");
    type_into("field-kafka_detail-addr", "10.0.0.1:9092");
    assert!(
        element("field-kafka_detail-user_name").is_none(),
        "credentials only with SASL_SSL"
    );
    click("field-kafka_detail-enable_sasl_ssl");
    tick().await;
    type_into("field-kafka_detail-user_name", "alice");
    assert_eq!(input("field-kafka_detail-password").type_(), "password");
    click("type-webhook");
    tick().await;
    assert!(element("field-kafka_detail-instance_id").is_none());
    click("type-kafka");
    tick().await;
    assert_eq!(input("field-kafka_detail-instance_id").value(), "inst-1");
    assert_eq!(input("field-kafka_detail-addr").value(), "10.0.0.1:9092");
    assert_eq!(input("field-kafka_detail-user_name").value(), "alice");
    // Bad address: a live message naming the entry.
    type_into("field-kafka_detail-addr", "10.0.0.1:9092,broker:0");
    leave("field-kafka_detail-addr");
    tick().await;
    assert!(text("field-kafka_detail-addr-error").contains("entry 2"));
}

#[test]
async fn submit_with_issues_is_blocked_and_focuses_the_first() {
    mount(Duration::from_secs(5));
    type_into("field-vpc_id", "vpc-1");
    click("create-button");
    tick().await;
    let summary = text("issue-summary");
    assert!(
        summary.contains("Name is required") && summary.contains("Subnet ID is required"),
        "{summary}"
    );
    let active = document().active_element().unwrap();
    assert_eq!(active.id(), "field-name");
    assert_eq!(
        input("create-button").get_attribute("aria-busy").as_deref(),
        Some("false"),
        "nothing sent"
    );
    // The summary's links move focus to their fields.
    let links = document().query_selector_all("#issue-summary a").unwrap();
    links.item(1).unwrap().unchecked_into::<HtmlElement>().click();
    assert_eq!(document().active_element().unwrap().id(), "field-subnet_id");
}

#[test]
async fn double_click_sends_one_request_and_the_card_follows_status() {
    mount(Duration::from_secs(10));
    let name = unique("double");
    fill_valid(&name);
    click("create-button");
    click("create-button");
    wait_until(5000, "the result card", || element("result-card").is_some()).await;
    assert_eq!(count_named(&name).await, 1, "one click, one connection");
    assert_eq!(text("result-status"), "CREATING");
    // The emulator's create delay is short: polling sees CREATED.
    wait_until(8000, "CREATED", || text("result-status") == "CREATED").await;
    assert!(text("result-id").len() >= 32);
    click("result-close");
    tick().await;
    assert!(element("result-card").is_none());
    assert_form_intact(&name);
}

#[test]
async fn echoed_password_is_masked_on_the_card() {
    mount(Duration::from_secs(5));
    clear_faults().await;
    let body = r#"{"id":"c-1","name":"k1","status":"CREATED","type":"KAFKA","vpc_id":"vpc-1","subnet_id":"subnet-1",
        "kafka_detail":{"instance_id":"i","addr":"h:1","enable_sasl_ssl":true,"user_name":"alice","password":"Echoed-Secret-7"}}"#;
    add_fault(&serde_json::json!({"kind": "status", "status": 200, "body": body}).to_string()).await;
    fill_valid("k1");
    click("create-button");
    wait_until(5000, "the result card", || element("result-card").is_some()).await;
    let card = text("result-card");
    assert!(card.contains("alice"));
    assert!(card.contains("••••••••"));
    assert!(!document().body().unwrap().inner_html().contains("Echoed-Secret-7"));
}

/// Submits a valid form and waits for the error panel.
async fn submit_and_expect_error(name: &str) -> String {
    fill_valid(name);
    click("create-button");
    // The previous panel goes when the request starts.
    tick().await;
    wait_until(8000, "the error panel", || {
        element("error-panel").is_some() && text("create-button") == "Create connection"
    })
    .await;
    assert_form_intact(name);
    text("error-panel")
}

#[test]
async fn each_error_class_has_its_own_message_and_keeps_the_form() {
    let ui = mount(Duration::from_millis(1500));
    clear_faults().await;

    ui.token.set("not-a-token".to_owned());
    let panel = submit_and_expect_error(&unique("e-401")).await;
    assert!(
        panel.contains("Sign in again") && panel.contains("EG.00014010"),
        "{panel}"
    );
    assert!(panel.contains("Request ID"));

    ui.token.set(TOKEN.to_owned());
    ui.project_id.set("someone-elses-project".to_owned());
    let panel = submit_and_expect_error(&unique("e-403")).await;
    assert!(
        panel.contains("lacks a permission") && panel.contains("eg:connections:create"),
        "{panel}"
    );
    ui.project_id.set(PROJECT.to_owned());

    let taken = unique("taken");
    fill_valid(&taken);
    click("create-button");
    wait_until(5000, "the card", || element("result-card").is_some()).await;
    click("create-button");
    wait_until(5000, "duplicate error", || {
        text("error-panel").contains("already exists")
    })
    .await;
    assert!(
        text("field-name-error").contains("already exists"),
        "the name field is marked"
    );
    assert_eq!(
        input("field-name").get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    type_into("field-name", &format!("{taken}-2"));
    tick().await;
    assert_eq!(text("field-name-error"), "", "the mark goes once the name changes");

    let details = r#"{"error_code":"EG.00513000","error_msg":"Invalid parameters","error_details":[{"path":["vpc_id"],"code":"invalid_value","message":"VPC vpc-1 does not exist"}]}"#;
    add_fault(&serde_json::json!({"kind": "status", "status": 400, "body": details}).to_string()).await;
    let panel = submit_and_expect_error(&unique("e-400")).await;
    assert!(panel.contains("marked in the form"), "{panel}");
    assert!(text("field-vpc_id-error").contains("VPC vpc-1 does not exist"));

    add_fault(
        r#"{"kind": "status", "status": 500, "body": "{\"error_code\":\"EG.00015000\",\"error_msg\":\"internal\"}"}"#,
    )
    .await;
    let panel = submit_and_expect_error(&unique("e-500")).await;
    assert!(panel.contains("failed on its side") && panel.contains("500"), "{panel}");

    add_fault(r#"{"kind": "non_json"}"#).await;
    let panel = submit_and_expect_error(&unique("e-html")).await;
    assert!(
        panel.contains("not the API's JSON") && panel.contains("502 Bad Gateway"),
        "{panel}"
    );
    assert!(
        document().query_selector("#error-panel h1").unwrap().is_none(),
        "server HTML is shown as text"
    );

    add_fault(r#"{"kind": "drop"}"#).await;
    let panel = submit_and_expect_error(&unique("e-drop")).await;
    assert!(
        panel.contains("did not reach the API") && panel.contains("reverse proxy"),
        "{panel}"
    );

    add_fault(r#"{"kind": "latency", "ms": 4000}"#).await;
    let panel = submit_and_expect_error(&unique("e-slow")).await;
    assert!(
        panel.contains("did not answer in time") && panel.contains("may have been created"),
        "{panel}"
    );

    add_fault(r#"{"kind": "latency", "ms": 4000}"#).await;
    let cancelled = unique("e-cancel");
    fill_valid(&cancelled);
    click("create-button");
    wait_until(2000, "the cancel button", || element("cancel-button").is_some()).await;
    click("cancel-button");
    wait_until(3000, "aborted", || text("error-panel").contains("You cancelled")).await;
    assert_form_intact(&cancelled);
    clear_faults().await;

    // And a retry succeeds.
    let retry = unique("retry");
    type_into("field-name", &retry);
    click("create-button");
    wait_until(5000, "the new card", || text("result-card").contains(&retry)).await;
    assert!(element("error-panel").is_none(), "the error is gone after success");
    assert_eq!(count_named(&retry).await, 1);
}

#[test]
async fn chinese_messages_follow_the_language() {
    let ui = mount(Duration::from_secs(5));
    type_into("field-name", "");
    leave("field-name");
    tick().await;
    assert_eq!(text("field-name-error"), "Name is required");
    ui.locale.set(Locale::ZhCn);
    tick().await;
    assert_eq!(text("field-name-error"), "名称不能为空");
    assert!(text("create-button").contains("创建连接"));
}
