//! The app-wide session: connection profiles and the signed-in credential
//! of the active one. Provided once by `App`, read with [`use_session`].

use leptos::prelude::*;

use super::credential::{credential_key, Credential, SecretStore, StoredCredential};
use super::profile::{Profile, ProfileBook};
use super::storage;
use crate::api::connection::Connection;

#[derive(Clone, Copy)]
pub struct Session {
    pub book: RwSignal<ProfileBook>,
    /// The active profile's credential, if signed in.
    pub credential: RwSignal<Option<StoredCredential>>,
    /// A call was refused for its credential (expired or revoked): the
    /// sign-in-again dialog is open until the user signs in or dismisses it.
    pub needs_sign_in: RwSignal<bool>,
    /// The IAM user name of the last password sign-in in this tab (not a
    /// secret, never stored), to fill the sign-in-again form.
    pub last_user: RwSignal<String>,
}

pub fn provide_session() {
    let mut book = ProfileBook::from_json(storage::read_profiles().as_deref());
    if book.active_profile().is_none() {
        // First visit: one working profile so the console is usable at once.
        let first = book.profiles.first().cloned().unwrap_or_else(|| Profile::new_default(new_profile_id()));
        book.upsert(first);
    }
    let credential = book.active.as_deref().and_then(load_credential);
    let session = Session {
        book: RwSignal::new(book),
        credential: RwSignal::new(credential),
        needs_sign_in: RwSignal::new(false),
        last_user: RwSignal::new(String::new()),
    };
    // Keep the first profile's id stable, so a sign-in survives a reload.
    session.persist();
    provide_context(session);
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// A short random id for a new profile.
pub fn new_profile_id() -> String {
    format!("p{:012x}", (js_sys::Math::random() * 2f64.powi(48)) as u64)
}

fn load_credential(profile_id: &str) -> Option<StoredCredential> {
    let key = credential_key(profile_id);
    [SecretStore::Session, SecretStore::Local]
        .into_iter()
        .find_map(|store| storage::read(store, &key))
        .and_then(|json| serde_json::from_str(&json).ok())
}

impl Session {
    pub fn active_profile(&self) -> Option<Profile> {
        self.book.with(|b| b.active_profile().cloned())
    }

    pub fn is_signed_in(&self) -> bool {
        self.credential.with(Option::is_some)
    }

    /// Saves (adds or replaces) a profile and makes it active.
    pub fn save_profile(&self, profile: Profile) {
        let switching = self.book.with(|b| b.active.as_deref() != Some(profile.id.as_str()));
        let id = profile.id.clone();
        self.book.update(|b| b.upsert(profile));
        self.persist();
        if switching {
            self.credential.set(load_credential(&id));
        }
    }

    pub fn select_profile(&self, id: &str) {
        self.book.update(|b| {
            if b.profiles.iter().any(|p| p.id == id) {
                b.active = Some(id.to_owned());
            }
        });
        self.persist();
        self.credential.set(load_credential(id));
    }

    /// Deletes a profile and wipes its stored credential.
    pub fn delete_profile(&self, id: &str) {
        storage::remove_everywhere(&credential_key(id));
        self.book.update(|b| b.remove(id));
        if self.book.with(|b| b.profiles.is_empty()) {
            self.book.update(|b| b.upsert(Profile::new_default(new_profile_id())));
        }
        self.persist();
        let active = self.book.with(|b| b.active.clone());
        self.credential.set(active.as_deref().and_then(load_credential));
    }

    pub fn sign_in(&self, credential: Credential, remember: bool) {
        let Some(id) = self.book.with(|b| b.active.clone()) else { return };
        let key = credential_key(&id);
        let stored = StoredCredential { credential, remember };
        // Clear both stores first, so unticking "remember" really forgets.
        storage::remove_everywhere(&key);
        if let Ok(json) = serde_json::to_string(&stored) {
            storage::write(SecretStore::for_choice(remember), &key, &json);
        }
        self.credential.set(Some(stored));
        self.needs_sign_in.set(false);
    }

    /// Wipes the active profile's credential from memory and both stores.
    pub fn sign_out(&self) {
        if let Some(id) = self.book.with(|b| b.active.clone()) {
            storage::remove_everywhere(&credential_key(&id));
        }
        self.credential.set(None);
        self.needs_sign_in.set(false);
    }

    /// What the transport needs to send a request now.
    pub fn connection(&self) -> Option<Connection> {
        let profile = self.active_profile()?;
        Some(Connection {
            endpoints: profile.endpoints(),
            proxy: profile.proxy.clone(),
            domain_id: profile.domain_id.clone(),
            credential: self.credential.with(|c| c.as_ref().map(|s| s.credential.clone())),
        })
    }

    fn persist(&self) {
        if let Ok(json) = self.book.with(serde_json::to_string) {
            storage::write_profiles(&json);
        }
    }
}
