//! The DOM ids one part of the console (or a test) uses to reach an
//! element another part renders: focus moved after an action, a link to a
//! field, the browser tests' selectors. One table, so a renamed id is a
//! compile error rather than focus silently going nowhere. (A field's own
//! id comes from its path: [`super::draft::field_id`].)

/// The static frame `index.html` paints before the wasm has arrived.
pub const BOOT: &str = "boot";

/// The settings panel, unfolded.
pub const SETTINGS_FULL: &str = "settings-full";
/// The settings folded into one line.
pub const SETTINGS_BAR: &str = "settings-bar";
/// The bar's button that unfolds the panel.
pub const SETTINGS_CHANGE: &str = "settings-change";
/// The base URL field.
pub const SETTINGS_BASE_URL: &str = "settings-base-url";
/// The project ID field.
pub const SETTINGS_PROJECT_ID: &str = "settings-project-id";
/// The IAM token field.
pub const SETTINGS_TOKEN: &str = "settings-token";
/// The access key ID field.
pub const SETTINGS_ACCESS_KEY: &str = "settings-access-key";
/// The secret access key field.
pub const SETTINGS_SECRET_KEY: &str = "settings-secret-key";
/// The security token field of temporary keys.
pub const SETTINGS_SECURITY_TOKEN: &str = "settings-security-token";
/// The choices of how calls are authorized, first in the panel (Change
/// focuses the one chosen): IAM sign-in, a token, an access key.
pub const AUTH_SIGN_IN: &str = "auth-sign-in";
pub const AUTH_TOKEN: &str = "auth-token";
pub const AUTH_ACCESS_KEY: &str = "auth-access-key";
/// IAM sign-in's user name field.
pub const SIGN_IN_USER: &str = "sign-in-user";
/// The one-click sign-in as the emulator's development user.
pub const DEV_SESSION: &str = "dev-session";

/// The list's search field.
pub const LIST_SEARCH: &str = "list-search";
/// The list's one-time notice (a connection deleted or created elsewhere).
pub const LIST_NOTICE: &str = "list-notice";

/// The details view (focused when a new connection opens there).
pub const CONNECTION_DETAILS: &str = "connection-details";
/// The details view's load failure.
pub const DETAILS_ERROR: &str = "details-error";
/// The button that edits the description.
pub const EDIT_DESCRIPTION: &str = "edit-description";
/// A failed description save.
pub const DESCRIPTION_ERROR: &str = "description-error";
/// The button that opens the credentials form.
pub const CHANGE_CREDENTIALS: &str = "change-credentials";
/// A failed credentials change.
pub const CREDENTIALS_ERROR: &str = "credentials-error";

/// The typed-name confirmation of a delete.
pub const DELETE_CONFIRM_NAME: &str = "delete-confirm-name";
/// A failed delete.
pub const DELETE_ERROR: &str = "delete-error";

/// The create form's failure.
pub const CREATE_ERROR: &str = "error-panel";
