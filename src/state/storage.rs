//! Thin wrappers over the browser's web storage. Failures (private mode,
//! storage disabled) degrade to "nothing stored" rather than a crash.

use web_sys::Storage;

use super::credential::SecretStore;

pub const PROFILES_KEY: &str = "ccm-console/profiles";

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn store(kind: SecretStore) -> Option<Storage> {
    match kind {
        SecretStore::Session => session(),
        SecretStore::Local => local(),
    }
}

pub fn read(kind: SecretStore, key: &str) -> Option<String> {
    store(kind)?.get_item(key).ok().flatten()
}

pub fn write(kind: SecretStore, key: &str, value: &str) {
    if let Some(s) = store(kind) {
        let _ = s.set_item(key, value);
    }
}

/// Removes a key from both stores (sign-out must leave nothing behind).
pub fn remove_everywhere(key: &str) {
    for s in [local(), session()].into_iter().flatten() {
        let _ = s.remove_item(key);
    }
}

pub fn read_profiles() -> Option<String> {
    local()?.get_item(PROFILES_KEY).ok().flatten()
}

pub fn write_profiles(json: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(PROFILES_KEY, json);
    }
}

/// A value kept in localStorage (no secrets).
pub fn read_local(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

pub fn write_local(key: &str, value: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(key, value);
    }
}
