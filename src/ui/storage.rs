//! What survives a reload: settings in localStorage, and the token or the
//! access key in sessionStorage only when the user asks for it. Secrets
//! never go to localStorage.

use crate::api::AccessKey;
use crate::Locale;
use leptos::prelude::window;
use serde_json::{json, Value};

const SETTINGS_KEY: &str = "eg-connections.settings";
const TOKEN_KEY: &str = "eg-connections.token";
const ACCESS_KEY_KEY: &str = "eg-connections.access-key";
const ACCOUNT_KEY: &str = "eg-connections.account";

/// The non-secret settings. (Stored as JSON read and written through
/// `serde_json::Value`, which the console carries anyway: a derived
/// (de)serializer of its own would add bytes to the wasm.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SavedSettings {
    pub base_url: String,
    pub region: String,
    pub project_id: String,
    pub locale: String,
    /// `token` or `access_key` (which credentials, not the credentials).
    pub auth_method: String,
}

/// A string member of stored JSON (empty when absent or not text).
fn member(saved: &Value, key: &str) -> String {
    saved.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

/// The saved settings, or defaults when there are none or they are unreadable.
pub fn load_settings() -> SavedSettings {
    let saved: Value = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(SETTINGS_KEY).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    SavedSettings {
        base_url: member(&saved, "base_url"),
        region: member(&saved, "region"),
        project_id: member(&saved, "project_id"),
        locale: member(&saved, "locale"),
        auth_method: member(&saved, "auth_method"),
    }
}

/// Saves the non-secret settings (quietly: private modes may refuse storage).
pub fn save_settings(settings: &SavedSettings) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let json = json!({
            "base_url": settings.base_url,
            "region": settings.region,
            "project_id": settings.project_id,
            "locale": settings.locale,
            "auth_method": settings.auth_method,
        });
        let _ = storage.set_item(SETTINGS_KEY, &json.to_string());
    }
}

/// The token remembered in this tab, if any.
pub fn load_token() -> Option<String> {
    load_session_text(TOKEN_KEY)
}

/// Remembers the token in this tab, or forgets it when `token` is `None`.
pub fn save_token(token: Option<&str>) {
    save_session_text(TOKEN_KEY, token);
}

/// Who signed in for the remembered token, if any.
pub fn load_account() -> Option<String> {
    load_session_text(ACCOUNT_KEY)
}

/// Remembers who signed in, with the token it goes with.
pub fn save_account(account: Option<&str>) {
    save_session_text(ACCOUNT_KEY, account);
}

fn load_session_text(key: &str) -> Option<String> {
    window()
        .session_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(key).ok().flatten())
        .filter(|text| !text.is_empty())
}

fn save_session_text(key: &str, text: Option<&str>) {
    if let Some(storage) = window().session_storage().ok().flatten() {
        let _ = match text {
            Some(text) if !text.is_empty() => storage.set_item(key, text),
            _ => storage.remove_item(key),
        };
    }
}

/// The access key remembered in this tab, if any.
pub fn load_access_key() -> Option<AccessKey> {
    let json = window()
        .session_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(ACCESS_KEY_KEY).ok().flatten())?;
    let saved: Value = serde_json::from_str(&json).ok()?;
    Some(AccessKey {
        access: member(&saved, "access"),
        secret: member(&saved, "secret"),
        security_token: member(&saved, "security_token"),
    })
    .filter(|key| !key.access.is_empty() || !key.secret.is_empty())
}

/// Remembers the access key in this tab, or forgets it when `key` is `None`
/// or empty.
pub fn save_access_key(key: Option<&AccessKey>) {
    let Some(storage) = window().session_storage().ok().flatten() else {
        return;
    };
    match key.filter(|key| !key.access.is_empty() || !key.secret.is_empty()) {
        Some(key) => {
            let json = json!({
                "access": key.access,
                "secret": key.secret,
                "security_token": key.security_token,
            });
            let _ = storage.set_item(ACCESS_KEY_KEY, &json.to_string());
        }
        None => {
            let _ = storage.remove_item(ACCESS_KEY_KEY);
        }
    }
}

/// The locale saved, else the browser's language, else English.
pub fn initial_locale(saved: &SavedSettings) -> Locale {
    Locale::from_tag(&saved.locale)
        .or_else(|| window().navigator().language().and_then(|tag| Locale::from_tag(&tag)))
        .unwrap_or_default()
}
