//! The console's components mounted in headless Chromium and driven like a
//! user would (values set, input/blur events dispatched, buttons clicked),
//! against the real emulator that scripts/test.sh starts (its URL, a fixed
//! token and project come in at compile time; its fault modes give the
//! error classes).
#![cfg(all(target_arch = "wasm32", feature = "ui"))]

use eg_connections::api::AccessKey;
use eg_connections::model::{ConnectionInfo, ConnectionList};
use eg_connections::ui::pages::Pages;
use eg_connections::ui::{sleep, AuthMethod, Console};
use eg_connections::Locale;
use gloo_net::http::Request;
use leptos::prelude::*;
use std::any::Any;
use std::cell::{Cell, RefCell};
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

thread_local! {
    /// The mounted console of the running test; replacing it unmounts the
    /// previous one, so no earlier view keeps loading (and taking faults).
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Mounts a fresh console's views at `hash` (e.g. `#/create`) in its own
/// container; returns the console settings.
fn mount_at(hash: &str, timeout: Duration) -> Console {
    MOUNTED.with(|mounted| mounted.borrow_mut().take());
    let body = document().body().unwrap();
    // The runner's own output lives in the body too: only earlier test roots go.
    while let Some(old) = document().query_selector(".test-root").unwrap() {
        old.remove();
    }
    window().location().set_hash(hash).unwrap();
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
            auth_method: RwSignal::new(AuthMethod::Token),
            token: RwSignal::new(TOKEN.to_owned()),
            access_key: RwSignal::new(AccessKey::default()),
            remember_secrets: RwSignal::new(false),
            account: RwSignal::new(String::new()),
            settings_open: RwSignal::new(false),
            timeout,
        };
        out.set(Some(ui));
        provide_context(ui);
        view! { <Pages /> }
    });
    MOUNTED.with(|mounted| *mounted.borrow_mut() = Some(Box::new(handle)));
    shared.get().unwrap()
}

/// Mounts `view` in the current test root, beside the views, with the same
/// console settings; dropping the handle unmounts it.
fn mount_beside<V: IntoView + 'static>(
    ui: Console,
    view: impl FnOnce() -> V + 'static,
) -> leptos::mount::UnmountHandle<V::State> {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document()
        .query_selector(".test-root")
        .unwrap()
        .unwrap()
        .append_child(&container)
        .unwrap();
    leptos::mount::mount_to(container, move || {
        provide_context(ui);
        view()
    })
}

/// Mounts a fresh create form.
fn mount(timeout: Duration) -> Console {
    mount_at("#/create", timeout)
}

/// The title of the error panel `id`.
fn error_title(panel: &str) -> String {
    document()
        .query_selector(&format!("#{panel} .error-title"))
        .unwrap()
        .and_then(|title| title.text_content())
        .unwrap_or_default()
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

/// A key pressed on the element `id` (a bubbling `keydown`).
fn press_key(id: &str, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    element(id)
        .unwrap_or_else(|| panic!("#{id} exists"))
        .dispatch_event(&event)
        .unwrap();
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

/// Queues a fault for the next create (POST) only, so that status polling
/// (GET) never takes it.
async fn add_fault(fault: &str) {
    add_fault_for("POST", fault).await;
}

/// Queues a fault for the next request with `method`.
async fn add_fault_for(method: &str, fault: &str) {
    let mut fault: serde_json::Value = serde_json::from_str(fault).unwrap();
    fault["method"] = method.into();
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

/// The JSON answer to a GET of `url` (with the test token if `authorized`).
async fn get_json<T: serde::de::DeserializeOwned>(url: &str, authorized: bool) -> T {
    let mut request = Request::get(url);
    if authorized {
        request = request.header("X-Auth-Token", TOKEN);
    }
    request.send().await.unwrap().json().await.unwrap()
}

/// Connections named exactly `name` on the emulator.
async fn count_named(name: &str) -> u64 {
    let url = format!("{}/v1/{PROJECT}/connections?name={name}", emulator());
    get_json::<ConnectionList>(&url, true).await.total
}

/// Creates a WEBHOOK connection through the API, as another client would.
async fn api_create(name: &str) -> ConnectionInfo {
    api_create_body(
        serde_json::json!({"name": name, "vpc_id": "vpc-1", "subnet_id": "subnet-1", "description": "first"}),
    )
    .await
}

/// Waits until the connection `id` is no longer CREATING.
async fn until_created(id: &str) {
    for _ in 0..100 {
        if api_show(id).await.is_some_and(|info| !info.status.is_pending()) {
            return;
        }
        sleep(Duration::from_millis(50)).await;
    }
    panic!("{id} stayed CREATING");
}

/// Creates a connection with `body` as another client would.
async fn api_create_body(body: serde_json::Value) -> ConnectionInfo {
    let name = body["name"].as_str().unwrap_or_default().to_owned();
    let response = Request::post(&format!("{}/v1/{PROJECT}/connections", emulator()))
        .header("X-Auth-Token", TOKEN)
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .unwrap()
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "created {name}");
    response.json().await.unwrap()
}

/// The connection as the emulator has it now (`None` once deleted).
async fn api_show(id: &str) -> Option<ConnectionInfo> {
    let response = Request::get(&format!("{}/v1/{PROJECT}/connections/{id}", emulator()))
        .header("X-Auth-Token", TOKEN)
        .send()
        .await
        .unwrap();
    match response.status() {
        200 => Some(response.json().await.unwrap()),
        404 => None,
        status => panic!("show {id}: HTTP {status}"),
    }
}

async fn api_delete(id: &str) {
    let response = Request::delete(&format!("{}/v1/{PROJECT}/connections/{id}", emulator()))
        .header("X-Auth-Token", TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
}

/// The names in the list table's rows, top to bottom.
fn row_names() -> Vec<String> {
    let links = document()
        .query_selector_all("#connections-table tbody a.row-link")
        .unwrap();
    (0..links.length())
        .filter_map(|index| links.item(index))
        .map(|link| link.text_content().unwrap_or_default())
        .collect()
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
async fn double_click_sends_one_request_and_the_details_follow_status() {
    mount(Duration::from_secs(10));
    let name = unique("double");
    fill_valid(&name);
    click("create-button");
    click("create-button");
    wait_until(5000, "the details view", || element("connection-details").is_some()).await;
    assert_eq!(count_named(&name).await, 1, "one click, one connection");
    let id = text("connection-id");
    assert!(id.len() >= 32, "{id}");
    assert_eq!(
        window().location().hash().unwrap(),
        format!("#/connections/{id}"),
        "deep link"
    );
    assert!(text("created-notice").contains("Creation started"));
    assert_eq!(text("details-status"), "CREATING");
    // The emulator's create delay is short: polling sees CREATED.
    wait_until(8000, "CREATED", || text("details-status") == "CREATED").await;
    assert_eq!(text("details-title"), name);
    // Creation ended: the status says so, the notice is gone.
    assert!(element("created-notice").is_none(), "no notice once creation ends");
    // Back on the form: it kept its values as a template for the next one.
    click("nav-create");
    wait_until(2000, "the form", || element("create-form").is_some()).await;
    assert_form_intact(&name);
    // A later visit loads the connection afresh: no "created" notice.
    window().location().set_hash(&format!("#/connections/{id}")).unwrap();
    wait_until(5000, "the details again", || text("details-title") == name).await;
    assert!(element("created-notice").is_none());
    assert!(text("last-request-id").len() >= 8, "loaded by a request of its own");
}

/// A failed creation shows one message: the failure, cause first, not a
/// "creation started" notice beside it.
#[test]
async fn a_failed_creation_shows_the_failure_alone() {
    mount(Duration::from_secs(10));
    let name = unique("fails");
    fill_valid(&name);
    click("create-button");
    wait_until(5000, "the details view", || element("connection-details").is_some()).await;
    assert!(element("created-notice").is_some(), "said while CREATING");
    // The follower's next look at the connection finds it failed (a canned
    // answer: the control endpoints take no changes from this test's page).
    let id = text("connection-id");
    let failed = serde_json::json!({
        "id": id, "name": name, "description": "", "status": "CREATE_FAILED",
        "vpc_id": "vpc-1", "subnet_id": "subnet-1", "type": "WEBHOOK", "agency": "EG_AGENCY",
        "flavor": {"name": "", "concurrency_type": "", "concurrency": 0, "bandwidth_type": ""},
        "created_time": "2026-12-03T00:00:00Z", "updated_time": "2026-12-03T00:00:00Z",
        "error_info": {"error_code": "EG.00513006", "error_msg": "The VPC has no route to the instance", "error_detail": "subnet-1"}
    });
    add_fault_for(
        "GET",
        &serde_json::json!({"kind": "status", "status": 200, "body": failed.to_string(),
            "path_prefix": format!("/v1/{PROJECT}/connections/{id}")})
        .to_string(),
    )
    .await;
    wait_until(8000, "CREATE_FAILED", || text("details-status") == "CREATE_FAILED").await;
    assert!(
        element("created-notice").is_none(),
        "no success notice beside a failure"
    );
    assert!(text("create-failed").contains("The VPC has no route to the instance"));
}

/// API and IAM requests the emulator has received since it started.
async fn api_requests() -> u64 {
    let counts: serde_json::Value = get_json(&format!("{}/emulator/requests", emulator()), false).await;
    counts["api"].as_u64().unwrap()
}

#[test]
async fn a_closed_details_view_stops_following_the_status() {
    mount(Duration::from_secs(10));
    let name = unique("follow");
    fill_valid(&name);
    click("create-button");
    wait_until(5000, "the details view", || element("connection-details").is_some()).await;
    assert_eq!(text("details-status"), "CREATING", "a follower is started");
    // Away before the follower's first step (1 s): it must send nothing more.
    click("nav-create");
    wait_until(2000, "the form", || element("create-form").is_some()).await;
    let before = api_requests().await;
    sleep(Duration::from_millis(2500)).await;
    assert_eq!(api_requests().await, before, "no status request after the view closed");
}

#[test]
async fn echoed_password_is_masked_in_the_details() {
    mount(Duration::from_secs(5));
    clear_faults().await;
    let body = r#"{"id":"c-1","name":"k1","status":"CREATED","type":"KAFKA","vpc_id":"vpc-1","subnet_id":"subnet-1",
        "kafka_detail":{"instance_id":"i","addr":"h:1","enable_sasl_ssl":true,"user_name":"alice","password":"Echoed-Secret-7"}}"#;
    add_fault(&serde_json::json!({"kind": "status", "status": 200, "body": body}).to_string()).await;
    fill_valid("k1");
    click("create-button");
    wait_until(5000, "the details view", || element("connection-details").is_some()).await;
    let card = text("connection-details");
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
    api_create(&taken).await;
    fill_valid(&taken);
    click("create-button");
    wait_until(5000, "duplicate error", || {
        text("issue-summary").contains("already exists")
    })
    .await;
    assert!(
        text("field-name-error").contains("already exists"),
        "the name field is marked"
    );
    // Said at the field, and once in the summary: not four times.
    let page = document().body().unwrap().text_content().unwrap_or_default();
    assert_eq!(page.matches("already exists").count(), 2, "{page}");
    let summary = text("issue-summary");
    assert!(
        summary.starts_with("The connection was not created") && summary.contains("Name: "),
        "{summary}"
    );
    assert!(element("error-panel").is_none(), "no second panel saying it again");
    assert_eq!(
        input("field-name").get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    type_into("field-name", &format!("{taken}-2"));
    tick().await;
    assert_eq!(text("field-name-error"), "", "the mark goes once the name changes");

    let details = r#"{"error_code":"EG.00513000","error_msg":"Invalid parameters","error_details":[{"path":["vpc_id"],"code":"invalid_value","message":"VPC vpc-1 does not exist"}]}"#;
    add_fault(&serde_json::json!({"kind": "status", "status": 400, "body": details}).to_string()).await;
    let name = unique("e-400");
    fill_valid(&name);
    click("create-button");
    wait_until(8000, "the summary", || {
        text("issue-summary").contains("VPC ID: VPC vpc-1 does not exist")
    })
    .await;
    assert!(text("field-vpc_id-error").contains("VPC vpc-1 does not exist"));
    assert!(element("error-panel").is_none());
    // A detail no field owns: the full panel, with every detail.
    let stray = r#"{"error_code":"EG.00513000","error_msg":"Invalid parameters","error_details":[{"path":["vpc_id"],"code":"invalid_value","message":"VPC vpc-1 does not exist"},{"path":["flavor"],"code":"invalid_value","message":"no such flavor"}]}"#;
    add_fault(&serde_json::json!({"kind": "status", "status": 400, "body": stray}).to_string()).await;
    let panel = submit_and_expect_error(&unique("e-400b")).await;
    assert!(
        panel.contains("marked in the form") && panel.contains("no such flavor"),
        "{panel}"
    );

    // The agency EG needs is missing: what it is, how to create it, where to read.
    let agency = r#"{"error_code":"EG.00512003","error_msg":"agency required"}"#;
    add_fault(&serde_json::json!({"kind": "status", "status": 403, "body": agency}).to_string()).await;
    let panel = submit_and_expect_error(&unique("e-agency")).await;
    assert!(
        panel.contains("no agency in this project") && panel.contains("service-agencies"),
        "{panel}"
    );
    let link = document().query_selector("#agency-help a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://support.huaweicloud.com/intl/en-us/api-eg/CreateAgencies.html")
    );

    add_fault(
        r#"{"kind": "status", "status": 500, "body": "{\"error_code\":\"EG.00015000\",\"error_msg\":\"internal\"}"}"#,
    )
    .await;
    let panel = submit_and_expect_error(&unique("e-500")).await;
    assert!(panel.contains("failed on its side") && panel.contains("500"), "{panel}");
    assert_eq!(error_title("error-panel"), "The connection was not created");

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
    wait_until(5000, "the new connection's details", || text("details-title") == retry).await;
    assert!(element("error-panel").is_none(), "the error is gone after success");
    assert_eq!(count_named(&retry).await, 1);
}

#[test]
async fn a_server_stalling_mid_body_ends_in_a_timeout_with_the_form_kept() {
    // The emulator sends the headers and half the body, the rest 5 s later:
    // the 1.5 s deadline must cover the body too.
    let _ui = mount(Duration::from_millis(1500));
    clear_faults().await;
    add_fault(r#"{"kind": "stall_body", "ms": 5000}"#).await;
    let name = unique("stall");
    let started = js_sys::Date::now();
    let panel = submit_and_expect_error(&name).await;
    assert!(
        panel.contains("did not answer in time") && panel.contains("may have been created"),
        "{panel}"
    );
    assert!(
        js_sys::Date::now() - started < 4500.0,
        "ended by the deadline, not the stall"
    );
    assert_eq!(error_title("error-panel"), "The connection was not created");
    assert_form_intact(&name);
    // The retry is the same button, and it goes through.
    clear_faults().await;
    type_into("field-name", &format!("{name}-again"));
    click("create-button");
    wait_until(5000, "the new connection's details", || {
        text("details-title") == format!("{name}-again")
    })
    .await;

    // A save stalling mid-body: the same, and the edit stays for a retry.
    let created = api_create(&unique("stall-save")).await;
    until_created(&created.id).await;
    mount_at(&format!("#/connections/{}", created.id), Duration::from_millis(1500));
    wait_until(5000, "the details", || text("details-title") == created.name).await;
    add_fault_for("PUT", r#"{"kind": "stall_body", "ms": 5000}"#).await;
    click("edit-description");
    tick().await;
    type_into("field-description", "patient");
    click("save-description");
    wait_until(4500, "the save's failure", || element("description-error").is_some()).await;
    assert!(
        text("description-error").contains("did not answer in time"),
        "{}",
        text("description-error")
    );
    assert_eq!(input("field-description").value(), "patient", "the edit is kept");
    clear_faults().await;
    click("save-description");
    wait_until(5000, "saved", || text("description-status") == "Saved.").await;
    assert_eq!(api_show(&created.id).await.unwrap().description, "patient");
}

#[test]
fn the_panic_page_says_what_happened_and_clears_the_fields() {
    // A stand-in for the page: a field holding a secret.
    let root = document().create_element("div").unwrap();
    root.set_inner_html(r#"<label>Token <input id="crash-test-secret" value="secret-typed-here"></label>"#);
    document().body().unwrap().append_child(&root).unwrap();
    eg_connections::ui::crash::show(&root, "index out of bounds <b>here</b>");
    let page = root.text_content().unwrap_or_default();
    assert!(page.contains("The console stopped"), "{page}");
    assert!(
        page.contains("index out of bounds <b>here</b>"),
        "the detail is text, not markup"
    );
    assert!(root.query_selector("b").unwrap().is_none());
    assert!(
        root.query_selector("input").unwrap().is_none(),
        "no field stays on screen"
    );
    assert!(!root.inner_html().contains("secret-typed-here"));
    let reload = root.query_selector("#crash-reload").unwrap().unwrap();
    assert_eq!(
        reload.get_attribute("type").as_deref(),
        Some("submit"),
        "reloads with no script"
    );
    root.remove();
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

/// Searches the list for `text` (`contains` or `exact`) and waits for the answer.
async fn search_list(text_value: &str, how: &str) {
    type_into("list-search", text_value);
    let select: web_sys::HtmlSelectElement = element("list-match").unwrap().unchecked_into();
    select.set_value(how);
    select.dispatch_event(&Event::new("change").unwrap()).unwrap();
    let form = element("list-search-button").unwrap();
    form.click();
}

/// The URLs the page fetched while `during` ran (window.fetch wrapped).
async fn fetched_urls(during: impl std::future::Future<Output = ()>) -> Vec<String> {
    js_sys::eval(
        "window.__fetched = []; window.__fetch = window.fetch; \
         window.fetch = function (input, init) { \
           window.__fetched.push(typeof input === 'string' ? input : input.url); \
           return window.__fetch.call(this, input, init); };",
    )
    .unwrap();
    during.await;
    let urls = js_sys::eval("window.fetch = window.__fetch; JSON.stringify(window.__fetched)").unwrap();
    serde_json::from_str(&urls.as_string().unwrap()).unwrap()
}

#[test]
async fn list_requests_carry_exactly_their_query() {
    let prefix = unique("amp");
    api_create(&format!("{prefix}-1")).await;
    let urls = fetched_urls(async {
        mount_at("#/", Duration::from_secs(5));
        wait_until(5000, "the list", || element("connections-table").is_some()).await;
        search_list(&prefix, "contains").await;
        wait_until(5000, "the search", || text("list-range").contains("of 1")).await;
    })
    .await;
    let lists: Vec<&String> = urls.iter().filter(|url| url.contains("/connections?")).collect();
    assert!(lists.len() >= 2, "{urls:?}");
    for url in lists {
        assert!(!url.ends_with('&') && !url.contains("&&"), "no stray '&': {url}");
    }
}

#[test]
async fn list_searches_pages_and_sorts_on_the_server() {
    let prefix = unique("lst");
    // 17 rows: one full page of 15 and a second page of 2.
    for index in 0..17 {
        api_create(&format!("{prefix}-{index:02}")).await;
    }
    mount_at("#/", Duration::from_secs(5));
    wait_until(5000, "the first page", || element("connections-table").is_some()).await;
    search_list(&prefix, "contains").await;
    wait_until(5000, "the search's first page", || text("list-range").contains("of 17")).await;
    assert_eq!(row_names().len(), 15);
    assert!(text("list-range").starts_with("1–15 of 17"), "{}", text("list-range"));
    // Newest first by default.
    assert_eq!(row_names()[0], format!("{prefix}-16"));
    assert!(element("page-previous").unwrap().has_attribute("disabled"));
    click("page-next");
    wait_until(5000, "page 2", || text("list-range").starts_with("16–17 of 17")).await;
    assert_eq!(row_names(), vec![format!("{prefix}-01"), format!("{prefix}-00")]);
    assert!(element("page-next").unwrap().has_attribute("disabled"));
    // Sorting by name starts again at the first page.
    click("sort-name");
    wait_until(5000, "sorted by name", || {
        row_names().first() == Some(&format!("{prefix}-00"))
    })
    .await;
    assert!(text("list-range").starts_with("1–15"));
    let header = document().query_selector("th[aria-sort='ascending']").unwrap().unwrap();
    assert!(header.text_content().unwrap().contains("Name"));
    click("sort-name");
    wait_until(5000, "sorted by name, descending", || {
        row_names().first() == Some(&format!("{prefix}-16"))
    })
    .await;
    // A bigger page holds them all.
    let size: web_sys::HtmlSelectElement = element("page-size").unwrap().unchecked_into();
    size.set_value("50");
    size.dispatch_event(&Event::new("change").unwrap()).unwrap();
    wait_until(5000, "one page of 50", || row_names().len() == 17).await;
    // Exact name: one row.
    search_list(&format!("{prefix}-07"), "exact").await;
    wait_until(5000, "the exact match", || row_names() == vec![format!("{prefix}-07")]).await;
    // No match: says so, and clearing the search brings rows back.
    search_list(&format!("{prefix}-nothing"), "contains").await;
    wait_until(5000, "no match", || {
        text("list-empty").contains("No connection name contains")
    })
    .await;
    assert!(element("connections-table").is_none());
    // The row links lead to the details.
    search_list(&format!("{prefix}-03"), "exact").await;
    wait_until(5000, "the row", || row_names().len() == 1).await;
    document()
        .query_selector("#connections-table a.row-link")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    wait_until(5000, "the details", || text("details-title") == format!("{prefix}-03")).await;
    // Back: the list kept its search.
    click("back-to-list");
    wait_until(5000, "the list again", || row_names() == vec![format!("{prefix}-03")]).await;
    assert_eq!(input("list-search").value(), format!("{prefix}-03"));
}

#[test]
async fn list_rows_being_created_refresh_themselves() {
    let name = unique("creating-row");
    let created = api_create(&name).await;
    assert_eq!(created.status.as_str(), "CREATING");
    mount_at("#/", Duration::from_secs(5));
    search_list(&name, "exact").await;
    wait_until(5000, "the row", || row_names() == vec![name.clone()]).await;
    let badge = || {
        document()
            .query_selector("#connections-table tbody .badge")
            .unwrap()
            .and_then(|badge| badge.text_content())
            .unwrap_or_default()
    };
    // Without any click: the row's status is followed until it settles.
    wait_until(8000, "CREATED in the row", || badge() == "CREATED").await;
}

#[test]
async fn list_failures_are_explained_and_refresh_recovers() {
    let ui = mount_at("#/", Duration::from_millis(1500));
    wait_until(5000, "the first page", || element("connections-table").is_some()).await;
    add_fault_for(
        "GET",
        // The connections' path only: the quota line asks ListQuotas too.
        r#"{"kind": "status", "status": 500, "path_prefix": "/v1/ui-test-project/connections",
            "body": "{\"error_code\":\"EG.00015000\",\"error_msg\":\"internal\"}"}"#,
    )
    .await;
    click("list-refresh");
    wait_until(5000, "the error", || text("list-error").contains("failed on its side")).await;
    assert_eq!(error_title("list-error"), "The connections could not be listed");
    assert!(element("connections-table").is_some(), "the last page stays visible");
    click("list-refresh");
    wait_until(5000, "recovered", || element("list-error").is_none()).await;
    // A wrong token: 401 with its own message.
    ui.token.set("not-a-token".to_owned());
    wait_until(5000, "401", || text("list-error").contains("Sign in again")).await;
    // No settings: the list says what is missing instead of calling.
    ui.token.set(String::new());
    wait_until(5000, "missing settings", || element("list-settings-missing").is_some()).await;
    ui.token.set(TOKEN.to_owned());
    wait_until(5000, "loaded again", || {
        element("list-error").is_none() && element("list-settings-missing").is_none()
    })
    .await;
    // In Chinese.
    ui.locale.set(Locale::ZhCn);
    tick().await;
    assert!(text("list-title").contains("连接"));
    assert!(text("list-refresh").contains("刷新"));
}

/// Creates a connection through the API and opens its details view.
async fn open_details(prefix: &str) -> ConnectionInfo {
    let name = unique(prefix);
    let created = api_create(&name).await;
    mount_at(&format!("#/connections/{}", created.id), Duration::from_secs(5));
    wait_until(5000, "the details", || text("details-title") == name).await;
    created
}

#[test]
async fn details_show_every_field_and_a_missing_one_says_so() {
    let created = open_details("details").await;
    let page = text("connection-details");
    for expected in [
        "vpc-1",
        "subnet-1",
        "first",
        "EG_TRUST",
        &created.id,
        &created.created_time,
    ] {
        assert!(page.contains(expected), "{expected} in {page}");
    }
    assert!(text("last-request-id").len() >= 8, "the last call's request ID");
    // An ID that does not exist (deleted, or a stale link).
    mount_at("#/connections/no-such-connection", Duration::from_secs(5));
    wait_until(5000, "not found", || element("details-not-found").is_some()).await;
    assert!(text("details-error").contains("EG.00014040"));
    assert_eq!(error_title("details-error"), "The connection could not be loaded");
}

#[test]
async fn description_edits_save_validate_and_roll_back() {
    let created = open_details("edit").await;
    assert_eq!(text("description-value"), "first");

    // Too long: the crate's rule, before any request.
    click("edit-description");
    tick().await;
    type_into("field-description", &"é".repeat(256));
    click("save-description");
    tick().await;
    assert!(text("field-description-error").contains("at most 255 characters (it has 256)"));
    assert_eq!(
        api_show(&created.id).await.unwrap().description,
        "first",
        "nothing sent"
    );

    // Saved: shown, and on the server.
    type_into("field-description", "second");
    click("save-description");
    wait_until(5000, "saved", || text("description-status") == "Saved.").await;
    assert_eq!(text("description-value"), "second");
    assert_eq!(api_show(&created.id).await.unwrap().description, "second");

    // A failed save: the old text comes back, the edit stays in the field.
    add_fault_for(
        "PUT",
        r#"{"kind": "status", "status": 500, "body": "{\"error_code\":\"EG.00015000\",\"error_msg\":\"internal\"}"}"#,
    )
    .await;
    click("edit-description");
    tick().await;
    type_into("field-description", "third");
    click("save-description");
    wait_until(5000, "the failure", || element("description-error").is_some()).await;
    assert!(text("description-error").contains("failed on its side"));
    assert_eq!(error_title("description-error"), "The description was not saved");
    assert_eq!(input("field-description").value(), "third", "the edit is kept");
    click("cancel-description");
    tick().await;
    assert_eq!(text("description-value"), "second", "rolled back");
    assert_eq!(api_show(&created.id).await.unwrap().description, "second");

    // Escape cancels too, from inside the field, and the focus goes back.
    click("edit-description");
    tick().await;
    type_into("field-description", "never sent");
    press_key("field-description", "Escape");
    tick().await;
    assert!(element("description-form").is_none(), "the editor closed");
    assert_eq!(text("description-value"), "second");
    wait_until(1000, "focus back on Edit", || {
        document().active_element().map(|el| el.id()).as_deref() == Some("edit-description")
    })
    .await;
}

/// Creates a connection and opens the delete dialog from its details view.
async fn open_delete_dialog(prefix: &str) -> ConnectionInfo {
    let created = open_details(prefix).await;
    // EG deletes a connection once its creation has ended.
    wait_until(5000, "CREATED", || text("details-status").contains("CREATED")).await;
    click("delete-button");
    wait_until(2000, "the dialog", || element("delete-dialog").is_some()).await;
    created
}

#[test]
async fn delete_waits_for_the_end_of_creation() {
    let created = open_details("wait").await;
    // While CREATING: the button says why it does nothing.
    assert_eq!(
        input("delete-button").get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert!(
        text("delete-help").contains("once its creation ends"),
        "{}",
        text("delete-help")
    );
    click("delete-button");
    sleep(Duration::from_millis(100)).await;
    assert!(element("delete-dialog").is_none());
    // Once CREATED, it deletes.
    wait_until(5000, "CREATED", || text("details-status").contains("CREATED")).await;
    assert_eq!(
        input("delete-button").get_attribute("aria-disabled").as_deref(),
        Some("false")
    );
    assert_eq!(text("delete-help"), "Deleting a connection cannot be undone.");
    click("delete-button");
    wait_until(2000, "the dialog", || element("delete-dialog").is_some()).await;
    assert!(api_show(&created.id).await.is_some());
}

#[test]
async fn delete_needs_the_typed_name_and_then_goes_to_the_list() {
    let created = open_delete_dialog("delete").await;
    let name = created.name.clone();
    let dialog: web_sys::HtmlDialogElement = element("delete-dialog").unwrap().unchecked_into();
    assert!(dialog.open(), "modal");
    assert_eq!(document().active_element().unwrap().id(), "delete-confirm-name");
    assert!(text("delete-warning").contains(&name));
    // A near miss does nothing.
    type_into("delete-confirm-name", &name.to_uppercase());
    click("delete-confirm");
    tick().await;
    assert!(text("delete-confirm-error").contains("does not match"));
    assert_eq!(
        input("delete-confirm").get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert!(api_show(&created.id).await.is_some(), "nothing deleted");
    // The exact name deletes it.
    type_into("delete-confirm-name", &name);
    click("delete-confirm");
    wait_until(5000, "the list", || element("connection-list").is_some()).await;
    assert!(text("list-notice").contains(&format!("Connection {name} was deleted")));
    assert_eq!(window().location().hash().unwrap(), "#/");
    assert!(api_show(&created.id).await.is_none());
}

#[test]
async fn delete_of_a_connection_already_gone_says_so() {
    let created = open_delete_dialog("gone").await;
    let name = created.name.clone();
    // Someone else deletes it meanwhile.
    api_delete(&created.id).await;
    type_into("delete-confirm-name", &name);
    click("delete-confirm");
    wait_until(5000, "the list", || element("connection-list").is_some()).await;
    assert!(
        text("list-notice").contains("already deleted"),
        "{}",
        text("list-notice")
    );
}

#[test]
async fn failed_delete_keeps_the_connection_and_says_why() {
    let name = unique("keep");
    let created = api_create(&name).await;
    until_created(&created.id).await;
    mount_at("#/", Duration::from_millis(1500));
    search_list(&name, "exact").await;
    wait_until(5000, "the row", || row_names() == vec![name.clone()]).await;
    document()
        .query_selector("#connections-table button.danger-text")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    wait_until(2000, "the dialog", || element("delete-dialog").is_some()).await;
    add_fault_for("DELETE", r#"{"kind": "drop"}"#).await;
    type_into("delete-confirm-name", &name);
    click("delete-confirm");
    wait_until(5000, "the failure", || element("delete-error").is_some()).await;
    assert!(
        text("delete-error").contains("did not reach the API"),
        "{}",
        text("delete-error")
    );
    assert_eq!(error_title("delete-error"), "The connection was not deleted");
    assert!(element("delete-dialog").is_some(), "the dialog stays open");
    assert!(api_show(&created.id).await.is_some());
    // Cancel: the row is still there; a second try from the row works.
    click("delete-cancel");
    tick().await;
    assert!(element("delete-dialog").is_none());
    assert_eq!(row_names(), vec![name.clone()]);
    document()
        .query_selector("#connections-table button.danger-text")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    wait_until(2000, "the dialog", || element("delete-dialog").is_some()).await;
    type_into("delete-confirm-name", &name);
    click("delete-confirm");
    wait_until(5000, "the row gone", || {
        row_names().is_empty() && element("list-notice").is_some()
    })
    .await;
    assert!(api_show(&created.id).await.is_none());
}

#[test]
fn routes_read_and_write_the_hash() {
    use eg_connections::ui::route::Route;
    assert_eq!(Route::from_hash(""), Route::List);
    assert_eq!(Route::from_hash("#/"), Route::List);
    assert_eq!(Route::from_hash("#/create"), Route::Create);
    assert_eq!(Route::from_hash("#/connections/abc"), Route::Details("abc".to_owned()));
    assert_eq!(Route::from_hash("#/connections/"), Route::List, "no ID: home");
    assert_eq!(Route::from_hash("#/connections/a/b"), Route::List, "not an ID");
    assert_eq!(Route::from_hash("#/nonsense"), Route::List);
    // An ID with characters a URL must escape survives the round trip.
    for id in ["c-1", "a b", "x%y", "a/b", "中"] {
        let route = Route::Details(id.to_owned());
        assert_eq!(Route::from_hash(&route.href()), route, "{id}");
    }
    // A malformed escape is kept as typed rather than failing.
    assert_eq!(
        Route::from_hash("#/connections/%E0%A4%A"),
        Route::Details("%E0%A4%A".to_owned())
    );
}

#[test]
fn list_queries_and_page_windows() {
    use eg_connections::api::{ListQuery, NameMatch};
    use eg_connections::model::ListSort;
    use eg_connections::ui::pager::PageWindow;
    let query = ListQuery::default();
    assert_eq!(query.to_query_string(), "?offset=0&limit=15&sort=created_time:DESC");
    let query = ListQuery {
        offset: 30,
        limit: 50,
        sort: ListSort::NAME_ASCENDING,
        search: " a&b ".to_owned(),
        name_match: NameMatch::Contains,
        instance_id: String::new(),
    };
    assert_eq!(
        query.to_query_string(),
        "?offset=30&limit=50&sort=name:ASC&fuzzy_name=a%26b"
    );
    let exact = ListQuery {
        name_match: NameMatch::Exact,
        instance_id: " inst/1 ".to_owned(),
        ..query
    };
    assert!(exact.to_query_string().ends_with("&name=a%26b&instance_id=inst%2F1"));

    let window = PageWindow {
        offset: 15,
        limit: 15,
        size: 2,
        total: 17,
    };
    assert_eq!(window.range(), (16, 17));
    assert_eq!(window.page(), (2, 2));
    assert!(window.has_previous() && !window.has_next());
    let empty = PageWindow {
        offset: 0,
        limit: 15,
        size: 0,
        total: 0,
    };
    assert_eq!(empty.range(), (0, 0));
    assert_eq!(empty.page(), (1, 1));
    assert!(!empty.has_previous() && !empty.has_next());
}

#[test]
async fn leaving_the_form_while_it_sends_is_reported_on_the_list() {
    mount(Duration::from_secs(10));
    clear_faults().await;
    add_fault(r#"{"kind": "latency", "ms": 1200}"#).await;
    let name = unique("moved-on");
    fill_valid(&name);
    click("create-button");
    tick().await;
    click("nav-list");
    wait_until(2000, "the list", || element("connection-list").is_some()).await;
    wait_until(5000, "the notice", || {
        text("list-notice").contains(&format!("Connection {name} was created"))
    })
    .await;
    assert_eq!(count_named(&name).await, 1);
    // Back on the form: still filled, nothing lost.
    click("nav-create");
    wait_until(2000, "the form", || element("create-form").is_some()).await;
    assert_form_intact(&name);

    // Away and back while a create runs: the form shows it running, and
    // its end, with the form shown, opens the new connection.
    add_fault(r#"{"kind": "latency", "ms": 1500}"#).await;
    let second = unique("back-again");
    type_into("field-name", &second);
    click("create-button");
    tick().await;
    click("nav-list");
    wait_until(2000, "the list", || element("connection-list").is_some()).await;
    click("nav-create");
    wait_until(2000, "the form", || element("create-form").is_some()).await;
    assert_eq!(text("create-button"), "Creating…", "the running create is shown");
    assert!(element("cancel-button").is_some(), "and it can be cancelled");
    wait_until(5000, "the new connection's details", || text("details-title") == second).await;
    assert_eq!(count_named(&second).await, 1);
}

#[test]
async fn a_type_this_console_does_not_know_is_shown_as_sent() {
    clear_faults().await;
    // A future type, with its own detail object holding a secret, as the
    // list and the details read it.
    let future = serde_json::json!({
        "id": "future-1", "name": "future-one", "status": "CREATED", "type": "PULSAR",
        "vpc_id": "vpc-1", "subnet_id": "subnet-1",
        "pulsar_detail": {"service_url": "pulsar://10.0.0.9:6650", "auth": {"token": "Future-Secret-9"}},
    });
    let list = serde_json::json!({"total": 1, "size": 1, "items": [future.clone()]});
    // Only the connections' paths: the list's quota line asks ListQuotas
    // too, and may still be asking when the details mount.
    let connections = format!("/v1/{PROJECT}/connections");
    add_fault_for(
        "GET",
        &serde_json::json!({"kind": "status", "status": 200, "body": list.to_string(), "path_prefix": connections})
            .to_string(),
    )
    .await;
    mount_at("#/", Duration::from_secs(5));
    wait_until(5000, "the list", || row_names() == ["future-one"]).await;
    assert!(
        text("connections-table").contains("PULSAR"),
        "the type column says what the server said"
    );

    add_fault_for(
        "GET",
        &serde_json::json!({"kind": "status", "status": 200, "body": future.to_string(), "path_prefix": connections})
            .to_string(),
    )
    .await;
    mount_at("#/connections/future-1", Duration::from_secs(5));
    wait_until(5000, "the details", || text("details-title") == "future-one").await;
    let page = text("connection-details");
    assert!(page.contains("PULSAR"), "{page}");
    let members = text("other-members");
    assert!(members.contains("pulsar_detail.service_url"), "{members}");
    assert!(members.contains("pulsar://10.0.0.9:6650"), "{members}");
    assert!(members.contains("pulsar_detail.auth.token"), "{members}");
    assert!(members.contains("••••••••"), "{members}");
    assert!(!document().body().unwrap().inner_html().contains("Future-Secret-9"));
    clear_faults().await;
}

#[test]
async fn rocketmq_connections_are_created_from_the_form_and_shown() {
    clear_faults().await;
    mount(Duration::from_secs(5));
    click("type-rocketmq");
    tick().await;
    assert!(
        element("field-kafka_detail-instance_id").is_none(),
        "one type's section at a time"
    );
    let name = unique("rmq");
    fill_valid(&name);
    type_into("field-rocketmq_detail-instance_id", "rmq-inst-9");
    type_into("field-rocketmq_detail-addr", "10.0.0.1:8100;");
    leave("field-rocketmq_detail-addr");
    tick().await;
    assert!(
        text("field-rocketmq_detail-addr-error").contains("entry 2 is empty"),
        "{}",
        text("field-rocketmq_detail-addr-error")
    );
    type_into("field-rocketmq_detail-addr", "10.0.0.1:8100;10.0.0.2:8100");
    assert!(
        element("field-rocketmq_detail-user_name").is_none(),
        "credentials only with ACL"
    );
    click("field-rocketmq_detail-enable_acl");
    tick().await;
    type_into("field-rocketmq_detail-user_name", "bob");
    // ACL on and no password: the submit is blocked there.
    click("create-button");
    tick().await;
    assert!(text("field-rocketmq_detail-password-error").contains("required when ACL is enabled"));
    type_into("field-rocketmq_detail-password", "Rmq-Form-Secret-1");
    click("create-button");
    wait_until(5000, "the details", || text("details-title") == name).await;
    let facts = text("rocketmq-facts");
    assert!(
        facts.contains("rmq-inst-9") && facts.contains("10.0.0.1:8100;10.0.0.2:8100") && facts.contains("bob"),
        "{facts}"
    );
    assert!(text("connection-details").contains("ROCKETMQ"));
    assert!(
        !document().body().unwrap().inner_html().contains("Rmq-Form-Secret-1"),
        "the password left the page"
    );
}

#[test]
async fn kafka_credentials_change_in_the_details_and_a_failure_keeps_them() {
    clear_faults().await;
    let name = unique("sasl");
    let created = api_create_body(serde_json::json!({
        "name": name, "vpc_id": "vpc-1", "subnet_id": "subnet-1", "type": "KAFKA",
        "kafka_detail": {"instance_id": "k-1", "addr": "10.0.0.1:9092", "enable_sasl_ssl": true,
                         "user_name": "alice", "password": "Old-Secret-1"}
    }))
    .await;
    mount_at(&format!("#/connections/{}", created.id), Duration::from_secs(5));
    wait_until(5000, "the details", || text("details-title") == name).await;
    // Escape closes the editor, as Dismiss does.
    click("change-credentials");
    tick().await;
    type_into("field-kafka_detail-password", "Dropped-Secret-0");
    press_key("field-kafka_detail-password", "Escape");
    tick().await;
    assert!(element("credentials-form").is_none(), "the editor closed");
    click("change-credentials");
    tick().await;
    assert_eq!(
        input("field-kafka_detail-password").value(),
        "",
        "the typed password was dropped"
    );
    assert_eq!(
        input("field-kafka_detail-user_name").value(),
        "alice",
        "starts from the current user"
    );
    assert_eq!(input("field-kafka_detail-password").type_(), "password");
    type_into("field-kafka_detail-user_name", "alice2");
    click("save-credentials");
    tick().await;
    assert!(
        text("field-kafka_detail-password-error").contains("required"),
        "{}",
        text("field-kafka_detail-password-error")
    );
    // A failed PUT: the connection keeps its user, the form what was typed.
    type_into("field-kafka_detail-password", "New-Secret-2");
    add_fault_for(
        "PUT",
        r#"{"kind": "status", "status": 500, "body": "{\"error_code\":\"EG.00015000\",\"error_msg\":\"internal\"}"}"#,
    )
    .await;
    click("save-credentials");
    wait_until(5000, "the failure", || element("credentials-error").is_some()).await;
    assert!(text("connection-details").contains("were not changed"));
    assert_eq!(error_title("credentials-error"), "The credentials were not changed");
    assert_eq!(input("field-kafka_detail-user_name").value(), "alice2");
    assert_eq!(
        api_show(&created.id)
            .await
            .unwrap()
            .kafka_detail
            .unwrap()
            .user_name
            .as_deref(),
        Some("alice")
    );
    assert!(text("connection-details").contains("alice"));
    // Again, and it goes through.
    click("save-credentials");
    wait_until(5000, "saved", || text("credentials-status") == "Credentials changed.").await;
    assert!(element("field-kafka_detail-password").is_none(), "the form closed");
    assert!(text("connection-details").contains("alice2"));
    assert_eq!(
        api_show(&created.id)
            .await
            .unwrap()
            .kafka_detail
            .unwrap()
            .user_name
            .as_deref(),
        Some("alice2")
    );
    assert!(
        !document().body().unwrap().inner_html().contains("New-Secret-2"),
        "the password left the page"
    );
    // A connection without credentials has nothing to change.
    let plain = api_create(&unique("plain")).await;
    mount_at(&format!("#/connections/{}", plain.id), Duration::from_secs(5));
    wait_until(5000, "the details", || text("details-title") == plain.name).await;
    assert!(element("change-credentials").is_none());
}

#[test]
async fn the_list_filters_by_instance() {
    clear_faults().await;
    let instance = unique("inst");
    let names = [unique("on-instance"), unique("elsewhere")];
    for (name, instance_id) in [(&names[0], instance.as_str()), (&names[1], "another-instance")] {
        api_create_body(serde_json::json!({
            "name": name, "vpc_id": "vpc-1", "subnet_id": "subnet-1", "type": "ROCKETMQ",
            "rocketmq_detail": {"instance_id": instance_id, "addr": "10.0.0.1:8100"}
        }))
        .await;
    }
    mount_at("#/", Duration::from_secs(5));
    wait_until(5000, "the list", || !row_names().is_empty()).await;
    type_into("list-instance", &instance);
    click("list-search-button");
    wait_until(5000, "the filtered list", || row_names() == [names[0].clone()]).await;
    type_into("list-instance", "no-such-instance");
    click("list-search-button");
    wait_until(5000, "no match", || {
        text("list-empty").contains("No connection reaches instance")
    })
    .await;
}

/// Kafka's security as Huawei's console asks it: the access mode, then
/// (ciphertext only) the protocol; the request says what the form shows.
#[test]
async fn the_access_mode_and_the_protocol_cannot_disagree() {
    mount(Duration::from_secs(5));
    fill_valid("access-1");
    click("type-kafka");
    tick().await;
    type_into("field-kafka_detail-instance_id", "inst-1");
    type_into("field-kafka_detail-addr", "10.0.0.1:9092");
    click("show-request");
    tick().await;
    assert!(
        !input("field-kafka_detail-enable_sasl_ssl").checked(),
        "plaintext first"
    );
    assert!(element("protocol-SASL_SSL").is_none(), "no protocol for plaintext");
    assert!(!text("request-json").contains("security_protocol"));
    click("field-kafka_detail-enable_sasl_ssl");
    tick().await;
    // Nothing chosen is the instances' default, SASL_SSL: shown, not sent.
    assert!(input("protocol-SASL_SSL").checked(), "ciphertext starts on SASL_SSL");
    // (The preview shows a request once it is valid: credentials first.)
    type_into("field-kafka_detail-user_name", "alice");
    type_into("field-kafka_detail-password", "Access-Secret-1");
    tick().await;
    let json = text("request-json");
    assert!(
        json.contains("\"enable_sasl_ssl\": true") && !json.contains("security_protocol"),
        "{json}"
    );
    click("protocol-SASL_PLAINTEXT");
    tick().await;
    assert!(text("request-json").contains("\"security_protocol\": \"SASL_PLAINTEXT\""));
    click("protocol-SASL_SSL");
    tick().await;
    assert!(text("request-json").contains("\"security_protocol\": \"SASL_SSL\""));
    // Back to plaintext: neither the protocol nor the hidden credentials go.
    click("field-kafka_detail-enable_sasl_ssl");
    tick().await;
    let json = text("request-json");
    assert!(
        !json.contains("security_protocol") && !json.contains("user_name"),
        "{json}"
    );
    assert!(json.contains("\"enable_sasl_ssl\": false"), "{json}");
    assert!(element("field-kafka_detail-user_name").is_none());
}

#[test]
async fn the_request_preview_shows_the_request_as_code_without_secrets() {
    mount(Duration::from_secs(5));
    fill_valid("code-1");
    click("type-kafka");
    tick().await;
    type_into("field-kafka_detail-instance_id", "inst-1");
    type_into("field-kafka_detail-addr", "10.0.0.1:9092");
    click("field-kafka_detail-enable_sasl_ssl");
    tick().await;
    type_into("field-kafka_detail-user_name", "alice");
    type_into("field-kafka_detail-password", "Preview-Secret-5");
    click("show-request");
    tick().await;
    assert!(text("request-json").contains("\"password\": \"***\""));
    assert!(text("request-curl").contains("X-Auth-Token: $EG_TOKEN"));
    for (tab, pane, expected) in [
        (
            "request-python-tab",
            "request-python",
            "password=os.environ[\"EG_KAFKA_PASSWORD\"]",
        ),
        (
            "request-terraform-tab",
            "request-terraform",
            "resource \"huaweicloud_eg_connection\" \"code-1\"",
        ),
        ("request-koocli-tab", "request-koocli", "hcloud EG CreateConnection"),
    ] {
        click(tab);
        tick().await;
        assert!(text(pane).contains(expected), "{pane}: {}", text(pane));
        assert_eq!(
            element(tab).unwrap().get_attribute("aria-selected").as_deref(),
            Some("true")
        );
        assert_eq!(element(tab).unwrap().get_attribute("tabindex").as_deref(), Some("0"));
    }
    // The ARIA tabs pattern: one tab stop; arrows move the choice and the focus.
    assert_eq!(
        element("request-curl-tab")
            .unwrap()
            .get_attribute("tabindex")
            .as_deref(),
        Some("-1")
    );
    assert_eq!(
        element("request-koocli-tab")
            .unwrap()
            .parent_element()
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("tablist")
    );
    for (key, selected) in [
        ("ArrowRight", "request-curl-tab"),
        ("ArrowLeft", "request-koocli-tab"),
        ("Home", "request-curl-tab"),
        ("End", "request-koocli-tab"),
    ] {
        let focused = document().active_element().map(|el| el.id()).unwrap_or_default();
        let from = if focused.ends_with("-tab") {
            focused
        } else {
            "request-koocli-tab".to_owned()
        };
        press_key(&from, key);
        tick().await;
        assert_eq!(
            element(selected).unwrap().get_attribute("aria-selected").as_deref(),
            Some("true"),
            "{key} from {from}"
        );
        assert_eq!(document().active_element().map(|el| el.id()).as_deref(), Some(selected));
    }
    assert!(!document().body().unwrap().inner_html().contains("Preview-Secret-5"));
}

/// Every error class, in every place an error panel is used: each place
/// titles it with what failed, and says what a stopped call may have done.
#[test]
async fn every_error_class_is_titled_by_what_failed() {
    use eg_connections::api::ApiError;
    use eg_connections::model::ErrorBody;
    use eg_connections::sign::Refusal;
    use eg_connections::ui::error_panel::{Attempt, ErrorPanel};
    let eg = |status: u16, code: &str| ApiError::Eg {
        status,
        body: ErrorBody {
            error_code: code.to_owned(),
            error_msg: "the server's words".to_owned(),
            ..ErrorBody::default()
        },
        request_id: Some("req-1".to_owned()),
    };
    let classes: Vec<(&str, ApiError, &str)> = vec![
        ("401", eg(401, "EG.00014010"), "Sign in again"),
        ("403", eg(403, "EG.00014030"), "lacks a permission"),
        ("agency", eg(403, "EG.00512003"), "no agency in this project"),
        ("duplicate", eg(400, "EG.00513001"), "already exists"),
        ("400", eg(400, "EG.00513000"), "marked in the form"),
        ("500", eg(500, "EG.00015000"), "failed on its side"),
        ("other", eg(409, "EG.00019999"), "its own words are below"),
        (
            "signature",
            ApiError::Signature {
                status: 401,
                body: ErrorBody::default(),
                request_id: None,
                refusal: Refusal::Mismatch,
                signed_host: "eg.example".to_owned(),
            },
            "signature does not match",
        ),
        (
            "html",
            ApiError::NotJson {
                status: 502,
                excerpt: "<h1>502 Bad Gateway</h1>".to_owned(),
                request_id: None,
            },
            "not the API's JSON",
        ),
        (
            "network",
            ApiError::Network("refused".to_owned()),
            "did not reach the API",
        ),
        (
            "timeout",
            ApiError::Timeout(Duration::from_secs(3)),
            "did not answer in time",
        ),
        ("cancel", ApiError::Aborted, "You cancelled"),
    ];
    let titles = [
        (
            Attempt::Create,
            "The connection was not created",
            "may have been created",
        ),
        (Attempt::SignIn, "Sign-in failed", "Nothing was changed"),
        (
            Attempt::List,
            "The connections could not be listed",
            "Nothing was changed",
        ),
        (
            Attempt::Load,
            "The connection could not be loaded",
            "Nothing was changed",
        ),
        (
            Attempt::Delete,
            "The connection was not deleted",
            "may have been deleted",
        ),
        (
            Attempt::SaveDescription,
            "The description was not saved",
            "may have been saved",
        ),
        (
            Attempt::ChangeCredentials,
            "The credentials were not changed",
            "may have been saved",
        ),
    ];
    assert_eq!(titles.len(), Attempt::ALL.len(), "every place is listed");
    let ui = mount_at("#/", Duration::from_secs(5));
    let panels = RwSignal::new(Vec::<(Attempt, ApiError)>::new());
    let handle = mount_beside(ui, move || {
        move || {
            panels
                .get()
                .into_iter()
                .map(|(attempt, error)| view! { <ErrorPanel error=error attempt=attempt id="matrix-panel" /> })
                .collect_view()
        }
    });
    for (attempt, title, maybe) in titles {
        for (class, error, headline) in &classes {
            panels.set(vec![(attempt, error.clone())]);
            tick().await;
            let panel = text("matrix-panel");
            assert_eq!(error_title("matrix-panel"), title, "{class} in {attempt:?}");
            // At sign-in, a 401 is what was typed, not a token.
            let headline = match (*class, attempt) {
                ("401", Attempt::SignIn) => "The user name, password, account name or project is wrong",
                _ => headline,
            };
            assert!(panel.contains(headline), "{class} in {attempt:?}: {panel}");
            if matches!(class, &"timeout" | &"cancel") {
                assert!(panel.contains(maybe), "{class} in {attempt:?}: {panel}");
            }
        }
    }
    // And in Chinese.
    ui.locale.set(Locale::ZhCn);
    panels.set(vec![(Attempt::Delete, ApiError::Aborted)]);
    tick().await;
    assert_eq!(error_title("matrix-panel"), "连接未删除");
    drop(handle);
}

/// Sign-in failures are titled as such, and the settings show them.
#[test]
async fn a_failed_sign_in_says_so_and_keeps_the_form() {
    use eg_connections::ui::settings_panel::SettingsPanel;
    let ui = mount_at("#/", Duration::from_secs(5));
    ui.token.set(String::new());
    ui.auth_method.set(AuthMethod::SignIn);
    ui.settings_open.set(true);
    let handle = mount_beside(ui, || view! { <SettingsPanel /> });
    tick().await;
    type_into("sign-in-user", "nobody");
    type_into("sign-in-password", "wrong password");
    click("sign-in-button");
    wait_until(5000, "the sign-in error", || element("sign-in-error").is_some()).await;
    assert_eq!(error_title("sign-in-error"), "Sign-in failed");
    // The cause first, not a token the user never had; no button back to
    // the form they are in.
    let panel = element("sign-in-error").unwrap();
    let headline = panel
        .query_selector(".headline")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(headline.starts_with("The user name, password"), "{headline}");
    assert!(!headline.to_lowercase().contains("token"), "{headline}");
    let buttons = panel.query_selector_all("button").unwrap();
    for index in 0..buttons.length() {
        let label = buttons.item(index).unwrap().text_content().unwrap_or_default();
        assert_ne!(label, "Sign in", "no Sign in button in the sign-in form's own error");
    }
    assert_eq!(input("sign-in-user").value(), "nobody", "the form is kept");
    assert!(ui.token.get_untracked().is_empty());
    assert!(element("settings-bar").is_none(), "nothing folds after a failure");
    drop(handle);
}

/// The settings ask how to sign in first, and show that choice's fields
/// only: a first visit gets IAM sign-in (as a saved name it does not know).
#[test]
async fn the_settings_ask_how_to_sign_in_first_and_show_only_its_fields() {
    use eg_connections::ui::settings_panel::SettingsPanel;
    let ui = mount_at("#/", Duration::from_secs(5));
    ui.token.set(String::new());
    ui.auth_method.set(AuthMethod::from_tag(""));
    ui.settings_open.set(true);
    let handle = mount_beside(ui, || view! { <SettingsPanel /> });
    tick().await;
    // Present, and not inside anything hidden.
    let shown = |id: &str| element(id).is_some_and(|element| element.closest("[hidden]").unwrap().is_none());
    let fields = || {
        [
            "sign-in-user",
            "sign-in-password",
            "settings-token",
            "settings-access-key",
            "settings-project-id",
        ]
        .into_iter()
        .filter(|id| shown(id))
        .collect::<Vec<_>>()
    };
    // The choice comes before every field of the panel.
    let choice = element("auth-sign-in").unwrap();
    for id in ["sign-in-user", "settings-base-url", "settings-region"] {
        let field = element(id).unwrap();
        assert!(
            choice.compare_document_position(&field) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0,
            "{id} comes after the choice"
        );
    }
    assert!(input("auth-sign-in").checked());
    assert_eq!(
        fields(),
        ["sign-in-user", "sign-in-password"],
        "sign-in finds the project itself"
    );
    assert_eq!(ui.missing_settings_field(), "sign-in-user");
    type_into("sign-in-user", "someone");
    click("auth-token");
    tick().await;
    assert_eq!(fields(), ["settings-token", "settings-project-id"]);
    assert_eq!(ui.auth_method.get_untracked(), AuthMethod::Token);
    click("auth-access-key");
    tick().await;
    assert_eq!(fields(), ["settings-access-key", "settings-project-id"]);
    // Back to sign-in: what was typed there is still there.
    click("auth-sign-in");
    tick().await;
    assert_eq!(fields(), ["sign-in-user", "sign-in-password"]);
    assert_eq!(input("sign-in-user").value(), "someone");
    assert_eq!(AuthMethod::from_tag(AuthMethod::Token.tag()), AuthMethod::Token);
    assert_eq!(AuthMethod::from_tag(AuthMethod::SignIn.tag()), AuthMethod::SignIn);
    drop(handle);
}

/// The text of the options `field`'s open list shows.
fn options_of(field: &str) -> Vec<String> {
    let list = document().get_element_by_id(&format!("{field}-list"));
    let Some(list) = list else { return Vec::new() };
    let options = list.query_selector_all("[role=option]").unwrap();
    (0..options.length())
        .filter_map(|at| options.item(at).and_then(|option| option.text_content()))
        .collect()
}

/// Picks the entry of `field`'s list whose text contains `wanted`, with
/// the keyboard only: arrows down to it, Enter.
async fn pick_with_keys(field: &str, wanted: &str) {
    wait_until(5000, &format!("{field}'s list"), || {
        input(field).get_attribute("role").as_deref() == Some("combobox")
    })
    .await;
    press_key(field, "ArrowDown");
    tick().await;
    let at = options_of(field)
        .iter()
        .position(|option| option.contains(wanted))
        .unwrap_or_else(|| panic!("{wanted} in {:?}", options_of(field)));
    for _ in 0..at {
        press_key(field, "ArrowDown");
    }
    tick().await;
    assert_eq!(input(field).get_attribute("aria-expanded").as_deref(), Some("true"));
    let active = input(field).get_attribute("aria-activedescendant").unwrap();
    assert!(text(&active).contains(wanted), "{active}: {}", text(&active));
    press_key(field, "Enter");
    tick().await;
    assert_eq!(input(field).get_attribute("aria-expanded").as_deref(), Some("false"));
}

#[test]
async fn a_vpc_subnet_and_kafka_instance_are_picked_with_the_keyboard_and_created() {
    clear_faults().await;
    mount(Duration::from_secs(5));
    let name = unique("picked");
    type_into("field-name", &name);
    pick_with_keys("field-vpc_id", "vpc-orders").await;
    let vpc = input("field-vpc_id").value();
    assert_eq!(vpc, "3ec3b33f-ac1c-4630-ad1c-7dba1ed79d85");
    assert!(
        text("field-vpc_id-status").contains("vpc-orders · 10.0.0.0/16"),
        "{}",
        text("field-vpc_id-status")
    );
    // The subnets are the chosen VPC's only; typing filters them.
    wait_until(5000, "the VPC's subnets", || {
        input("field-subnet_id").get_attribute("role").as_deref() == Some("combobox")
    })
    .await;
    type_into("field-subnet_id", "DATA");
    tick().await;
    assert_eq!(
        options_of("field-subnet_id").len(),
        1,
        "{:?}",
        options_of("field-subnet_id")
    );
    type_into("field-subnet_id", "");
    pick_with_keys("field-subnet_id", "subnet-orders-data").await;
    assert_eq!(input("field-subnet_id").value(), "a1c9e2d4-5b6f-4e7a-9c8d-0e1f2a3b4c5d");
    // Escape closes an open list without changing the value.
    press_key("field-subnet_id", "ArrowDown");
    tick().await;
    press_key("field-subnet_id", "Escape");
    tick().await;
    assert!(options_of("field-subnet_id").is_empty());
    assert_eq!(input("field-subnet_id").value(), "a1c9e2d4-5b6f-4e7a-9c8d-0e1f2a3b4c5d");

    // A Kafka instance fills the address for plaintext access (its IPs at
    // 9092), and ciphertext access switches it to the SASL_SSL brokers.
    click("type-kafka");
    tick().await;
    pick_with_keys("field-kafka_detail-instance_id", "kafka-audit").await;
    assert_eq!(
        input("field-kafka_detail-instance_id").value(),
        "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4"
    );
    assert_eq!(
        input("field-kafka_detail-addr").value(),
        "10.0.2.21:9092,10.0.2.22:9092,10.0.2.23:9092"
    );
    click("field-kafka_detail-enable_sasl_ssl");
    tick().await;
    assert_eq!(
        input("field-kafka_detail-addr").value(),
        "10.0.2.21:9093,10.0.2.22:9093,10.0.2.23:9093"
    );
    type_into("field-kafka_detail-user_name", "alice");
    type_into("field-kafka_detail-password", "Picked-Secret-1");
    click("create-button");
    wait_until(5000, "the details", || element("details-title").is_some()).await;
    let details = text("connection-details");
    for shown in [
        "3ec3b33f-ac1c-4630-ad1c-7dba1ed79d85",
        "a1c9e2d4-5b6f-4e7a-9c8d-0e1f2a3b4c5d",
        "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
        "10.0.2.21:9093",
    ] {
        assert!(details.contains(shown), "{shown} in {details}");
    }
}

#[test]
async fn a_refused_list_leaves_a_text_field_and_creation_still_works() {
    clear_faults().await;
    add_fault_for(
        "GET",
        r#"{"kind": "status", "status": 403, "path_prefix": "/v1/ui-test-project/vpcs",
            "body": "{\"error_code\":\"VPC.0002\",\"error_msg\":\"Policy doesn't allow vpc:vpcs:list\"}"}"#,
    )
    .await;
    mount(Duration::from_secs(5));
    wait_until(5000, "the refusal", || {
        text("field-vpc_id-status").contains("could not be loaded")
    })
    .await;
    let status = text("field-vpc_id-status");
    assert!(
        status.contains("403") && status.contains("vpc:vpcs:list") && status.contains("type the ID"),
        "{status}"
    );
    assert_eq!(input("field-vpc_id").get_attribute("role"), None, "a plain text field");
    let name = unique("typed");
    fill_valid(&name);
    click("create-button");
    wait_until(5000, "the details", || element("details-title").is_some()).await;
    assert!(text("connection-details").contains(&name));
}

#[test]
async fn the_quota_is_shown_and_a_create_past_it_is_explained() {
    clear_faults().await;
    let full = r#"{"kind": "status", "status": 200, "path_prefix": "/v1/ui-test-project/quotas",
        "body": "{\"quotas\":{\"resources\":[{\"type\":\"CONNECTION\",\"quota\":3,\"used\":3}]}}"}"#;
    add_fault_for("GET", full).await;
    mount(Duration::from_secs(5));
    wait_until(5000, "the quota warning", || element("quota-reached").is_some()).await;
    assert!(
        text("quota-reached").contains("quota of 3 connections"),
        "{}",
        text("quota-reached")
    );
    // The form still sends: EG decides, and its refusal is explained.
    add_fault(
        r#"{"kind": "status", "status": 403,
            "body": "{\"error_code\":\"EG.00514003\",\"error_msg\":\"resource quota unavailable\"}"}"#,
    )
    .await;
    let name = unique("over");
    fill_valid(&name);
    click("create-button");
    wait_until(5000, "the refusal", || element("error-panel").is_some()).await;
    assert!(
        text("error-panel").contains("used its connection quota"),
        "{}",
        text("error-panel")
    );
    assert_form_intact(&name);
    // The list says how much of the quota is used.
    add_fault_for("GET", full).await;
    mount_at("#/", Duration::from_secs(5));
    wait_until(5000, "the quota line", || element("quota-used").is_some()).await;
    assert_eq!(text("quota-used"), "3 of 3 connections used");
    clear_faults().await;
}

#[test]
fn times_show_local_with_their_offset() {
    use eg_connections::ui::local_time::{iso_utc, local};
    assert_eq!(iso_utc("2026-12-03 12:34:56").as_deref(), Some("2026-12-03T12:34:56Z"));
    assert_eq!(iso_utc("2026-12-03T12:34:56Z").as_deref(), Some("2026-12-03T12:34:56Z"));
    assert_eq!(
        iso_utc("2026-12-03T12:34:56.123Z").as_deref(),
        Some("2026-12-03T12:34:56.123Z")
    );
    for unreadable in [
        "2026-12-03 12:34:56+08:00",
        "03/12/2026",
        "2026-12-03 12:34",
        "",
        "2026-12-03 12:34:56.",
    ] {
        assert_eq!(iso_utc(unreadable), None, "{unreadable}");
    }
    // The browser's zone and its offset (this runner's zone is whatever
    // Chromium has: the shape is what is checked, and UTC's value).
    let shown = local("2026-12-03 12:34:56").unwrap();
    let offset = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(1.7967e12)).get_timezone_offset();
    assert!(shown.starts_with("2026-12-0") && shown.contains(" GMT"), "{shown}");
    if offset == 0.0 {
        assert!(shown.starts_with("2026-12-03 12:34:56 GMT"), "{shown}");
    }
    assert_eq!(local("not a time"), None);
}

#[test]
fn long_ids_are_shortened_in_the_middle() {
    use eg_connections::ui::middle_id::shorten_middle;
    assert_eq!(
        shorten_middle("0d9e1f8a-3b2c-4d5e-8f7a-6b5c4d3e2f1a").as_deref(),
        Some("0d9e1f…2f1a")
    );
    assert_eq!(shorten_middle("vpc-0d9e1f8a"), None, "short enough as it is");
    assert_eq!(
        shorten_middle("中文中文中文中文中文中文中文").as_deref(),
        Some("中文中文中文…中文中文")
    );
}
