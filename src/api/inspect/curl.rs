//! The same call as a curl command. Token sign-in only: a request signed
//! with AK/SK (SDK-HMAC-SHA256, not AWS SigV4) cannot be rebuilt by a
//! plain curl, so the command always carries `X-Auth-Token: $HUAWEICLOUD_TOKEN`
//! and a note says how to get one.

use super::{mask, AuthKind, RequestSnapshot};

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

/// What the user should know before running the command.
pub fn curl_notes(s: &RequestSnapshot) -> Vec<String> {
    let mut notes = Vec::new();
    if s.auth == AuthKind::AccessKey {
        notes.push(
            "This console signs its calls with your access key (SDK-HMAC-SHA256). curl cannot compute that signature \
             (its --aws-sigv4 option is a different scheme), so the command uses an IAM token instead."
                .to_owned(),
        );
    }
    if s.operation != "keystone_create_user_token_by_password" {
        notes.push(format!(
            "Set {TOKEN_VAR} to an IAM token first: the X-Subject-Token header of POST /v3/auth/tokens with your user \
             name and password (Settings, \"IAM user and password\", makes the same call)."
        ));
    }
    if s.body.as_ref().is_some_and(mask::has_masked) {
        notes.push("Secret fields of the body are hidden: put your own values in before running it.".to_owned());
    }
    if s.url != s.direct_url() {
        notes.push(format!("The URL goes through the console's proxy; the service itself is at {}", s.direct_url()));
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
        let notes = curl_notes(&push_snapshot(AuthKind::AccessKey));
        assert!(notes[0].contains("cannot compute that signature"));
        assert!(notes.iter().any(|n| n.contains("HUAWEICLOUD_TOKEN")));
        assert!(notes.iter().any(|n| n.contains("https://scm.ap-southeast-1.myhuaweicloud.com/v3/scm/certificates/scs1554192131150/push")));
        assert_eq!(curl_notes(&push_snapshot(AuthKind::Token)).len(), 2);
    }
}
