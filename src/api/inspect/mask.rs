//! Secrets never reach the activity log: credential headers and secret
//! body fields are replaced before a request is recorded or shown.

use serde_json::Value;

/// Body fields whose value is a secret, wherever they appear.
const SECRET_FIELDS: &[&str] = &["private_key", "enc_private_key", "password", "secret", "sk", "key_password"];

/// A header's value as shown: tokens hidden, the signature of an AK/SK
/// `Authorization` hidden and its access key shortened.
pub fn header_value(name: &str, value: &str) -> String {
    match name.to_ascii_lowercase().as_str() {
        "x-auth-token" | "x-subject-token" => "<token hidden>".to_owned(),
        "authorization" => mask_authorization(value),
        _ => value.to_owned(),
    }
}

fn mask_authorization(value: &str) -> String {
    let parts: Vec<String> = value
        .split(", ")
        .map(|part| {
            if let Some(sig) = part.strip_prefix("Signature=") {
                let _ = sig;
                "Signature=<hidden>".to_owned()
            } else if let Some(rest) = part.strip_prefix("SDK-HMAC-SHA256 Access=") {
                format!("SDK-HMAC-SHA256 Access={}", crate::state::credential::mask(rest))
            } else {
                part.to_owned()
            }
        })
        .collect();
    parts.join(", ")
}

/// The body with every secret field replaced by a note of its length.
pub fn body(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let shown = match v {
                        Value::String(s) if is_secret(k) && !s.is_empty() => {
                            Value::String(format!("<{k} hidden: {} characters>", s.chars().count()))
                        }
                        other => body(other),
                    };
                    (k.clone(), shown)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(body).collect()),
        other => other.clone(),
    }
}

fn is_secret(field: &str) -> bool {
    SECRET_FIELDS.contains(&field.to_ascii_lowercase().as_str())
}

/// True when the text contains a masked value, so a command built from
/// it cannot be run as it is.
pub fn has_masked(value: &Value) -> bool {
    match value {
        Value::String(s) => s.starts_with('<') && s.contains(" hidden: "),
        Value::Array(items) => items.iter().any(has_masked),
        Value::Object(map) => map.values().any(has_masked),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn tokens_and_signatures_are_hidden() {
        assert_eq!(header_value("X-Auth-Token", "MIIabc"), "<token hidden>");
        let auth = "SDK-HMAC-SHA256 Access=EMULATORAK0000000001, SignedHeaders=content-type;host, Signature=9e2f25";
        let shown = header_value("Authorization", auth);
        assert_eq!(shown, "SDK-HMAC-SHA256 Access=EMUL…, SignedHeaders=content-type;host, Signature=<hidden>");
        assert_eq!(header_value("X-Sdk-Date", "20240115T083000Z"), "20240115T083000Z");
    }

    #[test]
    fn secret_fields_are_replaced_at_any_depth() {
        let b = json!({
            "name": "site",
            "private_key": "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----",
            "auth": {"identity": {"password": {"user": {"name": "demo", "password": "demo-password"}}}},
            "list": [{"sk": "x"}]
        });
        let m = body(&b);
        assert_eq!(m["name"], "site");
        assert_eq!(m["private_key"], "<private_key hidden: 57 characters>");
        assert_eq!(m["auth"]["identity"]["password"]["user"]["password"], "<password hidden: 13 characters>");
        assert_eq!(m["auth"]["identity"]["password"]["user"]["name"], "demo");
        assert_eq!(m["list"][0]["sk"], "<sk hidden: 1 characters>");
        assert!(!m.to_string().contains("demo-password"));
        assert!(has_masked(&m));
        assert!(!has_masked(&json!({"target_service": "CDN"})));
    }
}
