//! Credentials and where they may be kept. Secrets live in memory and in
//! sessionStorage (gone with the tab); localStorage only when the user
//! ticks "remember". Pure rules, tested natively.

use serde::{Deserialize, Serialize};
use crate::i18n::{Locale, td_string};

/// How calls are authorised.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Credential {
    /// An IAM token, sent as `X-Auth-Token`.
    Token { token: String, expires_at: Option<String> },
    /// Access key and secret key: every request is signed (SDK-HMAC-SHA256).
    AccessKey { ak: String, sk: String },
}

// Never print a secret, not even in a debug log.
impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Credential::Token { expires_at, .. } => {
                write!(f, "Token {{ token: <hidden>, expires_at: {expires_at:?} }}")
            }
            Credential::AccessKey { ak, .. } => write!(f, "AccessKey {{ ak: {}, sk: <hidden> }}", mask(ak)),
        }
    }
}

impl Credential {
    /// English, for tests; a view calls `describe_in`.
    #[cfg(test)]
    pub fn describe(&self) -> String {
        self.describe_in(Locale::en)
    }

    pub fn describe_in(&self, locale: Locale) -> String {
        self.describe_marked(locale, |s| s.to_owned())
    }

    /// The same, with the key id's visible part passed through `data`
    /// (`with_data::marked`, so a view shows it untranslated).
    pub fn describe_marked(&self, locale: Locale, data: fn(&str) -> String) -> String {
        match self {
            Credential::Token { expires_at: Some(t), .. } => td_string!(locale, pca.credential_token_until, until = t).to_string(),
            Credential::Token { expires_at: None, .. } => td_string!(locale, pca.credential_token_pasted).to_owned(),
            Credential::AccessKey { ak, .. } => td_string!(locale, pca.credential_access_key, ak = data(&mask(ak))).to_string(),
        }
    }
}

/// Shows the first four characters of an identifier and hides the rest.
pub fn mask(s: &str) -> String {
    let head: String = s.chars().take(4).collect();
    format!("{head}…")
}

/// A credential as kept in web storage, with the user's choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredCredential {
    pub credential: Credential,
    pub remember: bool,
}

/// Which web storage holds a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretStore {
    /// This tab only; cleared when it closes.
    Session,
    /// This browser, until signed out.
    Local,
}

impl SecretStore {
    pub fn for_choice(remember: bool) -> Self {
        if remember {
            SecretStore::Local
        } else {
            SecretStore::Session
        }
    }

    /// Plain words for the settings page and the sign-in form.
    pub fn explanation_in(self, locale: Locale) -> &'static str {
        match self {
            SecretStore::Session => td_string!(locale, pca.store_session),
            SecretStore::Local => td_string!(locale, pca.store_local),
        }
    }
}

/// The storage key of a profile's credential.
pub fn credential_key(profile_id: &str) -> String {
    format!("ccm-console/credential/{profile_id}")
}

/// Why the sign-in form's input is refused before anything is sent
/// (worded per locale by the sign-in form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialProblem {
    AccessKeyMissing,
    AccessKeyChars,
    TokenMissing,
    TokenNotOneLine,
}

/// Checks what the sign-in form holds before anything is sent.
pub fn check_access_key(ak: &str, sk: &str) -> Result<(), CredentialProblem> {
    let ak = ak.trim();
    if ak.is_empty() || sk.is_empty() {
        return Err(CredentialProblem::AccessKeyMissing);
    }
    if !ak.bytes().all(|b| b.is_ascii_alphanumeric()) || ak.len() > 128 {
        return Err(CredentialProblem::AccessKeyChars);
    }
    Ok(())
}

pub fn check_token(token: &str) -> Result<(), CredentialProblem> {
    let t = token.trim();
    if t.is_empty() {
        return Err(CredentialProblem::TokenMissing);
    }
    if t.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(CredentialProblem::TokenNotOneLine);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_shows_secrets() {
        let t = Credential::Token { token: "MIIsecret".into(), expires_at: None };
        let k = Credential::AccessKey { ak: "HPUAEXAMPLE".into(), sk: "topsecret".into() };
        let shown = format!("{t:?} {k:?} {} {}", t.describe(), k.describe());
        assert!(!shown.contains("MIIsecret"));
        assert!(!shown.contains("topsecret"));
        assert!(!shown.contains("HPUAEXAMPLE"));
        assert!(shown.contains("HPUA…"));
    }

    #[test]
    fn remember_chooses_local_storage_only_when_ticked() {
        assert_eq!(SecretStore::for_choice(false), SecretStore::Session);
        assert_eq!(SecretStore::for_choice(true), SecretStore::Local);
        assert_eq!(credential_key("p1"), "ccm-console/credential/p1");
    }

    #[test]
    fn sign_in_inputs_are_checked() {
        assert!(check_access_key("HPUA1", "sk").is_ok());
        assert_eq!(check_access_key("", "sk"), Err(CredentialProblem::AccessKeyMissing));
        assert_eq!(check_access_key("HP UA", "sk"), Err(CredentialProblem::AccessKeyChars));
        assert!(check_token("MIIabc").is_ok());
        assert_eq!(check_token("MII abc"), Err(CredentialProblem::TokenNotOneLine));
        assert_eq!(check_token("  "), Err(CredentialProblem::TokenMissing));
    }

    #[test]
    fn stored_credential_round_trips() {
        let s = StoredCredential { credential: Credential::Token { token: "t".into(), expires_at: Some("x".into()) }, remember: true };
        let back: StoredCredential = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }
}
