//! The same call as a curl command. Token sign-in only: a request signed
//! with AK/SK (SDK-HMAC-SHA256, not AWS SigV4) cannot be rebuilt by a
//! plain curl, so the command always carries `X-Auth-Token: $HUAWEICLOUD_TOKEN`
//! and a note says how to get one.

use super::{mask, AuthKind, RequestSnapshot};
use crate::i18n::{td_string, Locale};

/// The environment variable the command reads the token from.
pub const TOKEN_VAR: &str = "HUAWEICLOUD_TOKEN";

/// Quotes `s` for a POSIX shell (single quotes, `'` written as `'\''`).
pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// A runnable command: the URL the console used, every header except the
/// credential ones, the token from the environment, the exact body.
pub fn curl_command(s: &RequestSnapshot) -> String {
    let mut lines = vec![format!("curl -sS -X {} {}", s.method, shell_quote(&s.url))];
    for (name, value) in &s.headers {
        if is_credential_header(name) {
            continue;
        }
        lines.push(format!("-H {}", shell_quote(&format!("{name}: {value}"))));
    }
    if s.operation != "keystone_create_user_token_by_password" {
        lines.push(format!("-H \"X-Auth-Token: ${TOKEN_VAR}\""));
    }
    if let Some(body) = &s.body {
        let text = serde_json::to_string(body).unwrap_or_default();
        lines.push(format!("--data-raw {}", shell_quote(&text)));
    }
    lines.join(" \\\n  ")
}

/// What the user should know before running the command, in `locale`.
pub fn curl_notes(s: &RequestSnapshot, locale: Locale) -> Vec<String> {
    let mut notes = Vec::new();
    if s.auth == AuthKind::AccessKey {
        notes.push(td_string!(locale, errors.inspect_access_key).to_owned());
    }
    if s.operation != "keystone_create_user_token_by_password" {
        // The sign-in mode's name as the Settings page shows it.
        let mode = td_string!(locale, forms.mode_password);
        notes.push(td_string!(locale, errors.inspect_token, var = TOKEN_VAR, mode = mode).to_string());
    }
    if s.body.as_ref().is_some_and(mask::has_masked) {
        notes.push(td_string!(locale, errors.inspect_masked).to_owned());
    }
    if s.url != s.direct_url() {
        notes.push(td_string!(locale, errors.inspect_proxy, url = s.direct_url()).to_string());
    }
    notes
}

fn is_credential_header(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "x-auth-token" | "authorization" | "x-sdk-date" | "x-domain-id"
    )
}

#[cfg(test)]
mod tests {
    use super::super::tests::push_snapshot;
    use super::*;

    #[test]
    fn quoting_survives_single_quotes() {
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
    }

    #[test]
    fn the_command_reads_the_token_from_the_environment() {
        let cmd = curl_command(&push_snapshot(AuthKind::Token));
        assert_eq!(
            cmd,
            "curl -sS -X POST 'http://127.0.0.1:8080/proxy/scm.ap-southeast-1.myhuaweicloud.com/v3/scm/certificates/scs1554192131150/push' \\\n  \
             -H 'Content-Type: application/json' \\\n  \
             -H \"X-Auth-Token: $HUAWEICLOUD_TOKEN\" \\\n  \
             --data-raw '{\"target_project\":\"ap-southeast-1\",\"target_service\":\"CDN\"}'"
        );
        assert!(!cmd.contains("secret-token"));
    }

    #[test]
    fn access_key_sign_in_is_explained() {
        let notes = curl_notes(&push_snapshot(AuthKind::AccessKey), Locale::en);
        assert!(notes[0].contains("cannot compute that signature"));
        assert!(notes.iter().any(|n| n.contains("HUAWEICLOUD_TOKEN") && n.contains("(Settings, \"IAM user and password\", makes")));
        assert!(notes.iter().any(|n| n.contains("https://scm.ap-southeast-1.myhuaweicloud.com/v3/scm/certificates/scs1554192131150/push")));
        assert_eq!(curl_notes(&push_snapshot(AuthKind::Token), Locale::en).len(), 2);
        let zh = curl_notes(&push_snapshot(AuthKind::AccessKey), Locale::zh_CN);
        assert!(zh[0].starts_with("本控制台使用您的访问密钥"), "{zh:?}");
        assert!(zh[1].contains("HUAWEICLOUD_TOKEN") && zh[1].contains("“IAM 用户名和密码”"), "{zh:?}");
    }
}
