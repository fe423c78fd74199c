//! IAM: a user token by password (`keystone_create_user_token_by_password`),
//! the domain lookup and the project lookups. The token comes back in the
//! `X-Subject-Token` response header and is then sent as `X-Auth-Token`.

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::endpoints::Service;
use crate::request::ApiRequest;

/// Response header that carries a new token.
pub const SUBJECT_TOKEN_HEADER: &str = "X-Subject-Token";

/// Where the token is valid. CCM and SCM take domain-scoped credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenScope {
    /// The account (domain) the user belongs to.
    Domain,
    /// A project, named after its region (`ap-southeast-3`).
    Project(String),
}

/// `POST /v3/auth/tokens` with a password identity.
///
/// `account` is the account (domain) name; for an account's own IAM
/// administrator it equals `user`.
pub fn token_by_password(account: &str, user: &str, password: &str, scope: &TokenScope) -> ApiRequest {
    let scope = match scope {
        TokenScope::Domain => json!({ "domain": { "name": account } }),
        TokenScope::Project(name) => json!({ "project": { "name": name } }),
    };
    ApiRequest::post("keystone_create_user_token_by_password", Service::Iam, "/v3/auth/tokens").json(json!({
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {
                    "user": {
                        "name": user,
                        "password": password,
                        "domain": { "name": account }
                    }
                }
            },
            "scope": scope
        }
    }))
}

/// `GET /v3/auth/domains`: the domains the credential can reach (gives the
/// domain id that AK/SK calls send as `X-Domain-Id`).
pub fn list_auth_domains() -> ApiRequest {
    ApiRequest::get("keystone_list_auth_domains", Service::Iam, "/v3/auth/domains")
}

/// `GET /v3/projects?name={region}`: the projects of the account, filtered
/// by name (a region's default project is named after the region). The
/// project id is what the SCM push and IAM-scoped calls need.
pub fn list_projects(name: Option<&str>) -> ApiRequest {
    ApiRequest::get("keystone_list_projects", Service::Iam, "/v3/projects").query("name", name)
}

/// `GET /v3/auth/projects`: the projects the current token can reach.
pub fn list_auth_projects() -> ApiRequest {
    ApiRequest::get("keystone_list_auth_projects", Service::Iam, "/v3/auth/projects")
}

/// Answer of both project lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectsResponse {
    #[serde(default)]
    pub projects: Vec<Project>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
}

/// One IAM project (a region, or a sub-project of one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_domain: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
}

/// Keystone paging links.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Links {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    #[serde(rename = "self", default, skip_serializing_if = "Option::is_none")]
    pub self_link: Option<String>,
}

/// The parts of the token body the console uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenResponse {
    pub token: TokenInfo,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenInfo {
    /// ISO 8601, e.g. `2026-11-25T03:00:00.000000Z`.
    pub expires_at: String,
    #[serde(default)]
    pub issued_at: Option<String>,
    #[serde(default)]
    pub user: Option<TokenUser>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenUser {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub domain: Option<NamedId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedId {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainsResponse {
    pub domains: Vec<NamedId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_token_body_has_the_keystone_shape() {
        let req = token_by_password("acme", "alice", "s3cret", &TokenScope::Domain);
        assert_eq!(req.path, "/v3/auth/tokens");
        let body = req.body.unwrap();
        assert_eq!(body["auth"]["identity"]["methods"][0], "password");
        assert_eq!(body["auth"]["identity"]["password"]["user"]["name"], "alice");
        assert_eq!(body["auth"]["identity"]["password"]["user"]["domain"]["name"], "acme");
        assert_eq!(body["auth"]["scope"]["domain"]["name"], "acme");
        let req = token_by_password("acme", "alice", "x", &TokenScope::Project("ap-southeast-3".into()));
        assert_eq!(req.body.unwrap()["auth"]["scope"]["project"]["name"], "ap-southeast-3");
    }

    #[test]
    fn project_lookups() {
        let req = list_projects(Some("ap-southeast-3"));
        assert_eq!(req.path_and_query(), "/v3/projects?name=ap-southeast-3");
        assert_eq!(list_projects(None).query_string(), "");
        assert_eq!(list_auth_projects().path, "/v3/auth/projects");
        let body = r#"{"projects":[{"id":"p1","name":"ap-southeast-3","domain_id":"d1","enabled":true}],
            "links":{"self":"https://iam.example/v3/projects","next":null}}"#;
        let p: ProjectsResponse = serde_json::from_str(body).unwrap();
        assert_eq!(p.projects[0].id, "p1");
        assert_eq!(p.links.unwrap().self_link.as_deref(), Some("https://iam.example/v3/projects"));
    }

    #[test]
    fn token_response_tolerates_extra_fields() {
        let body = r#"{"token":{"expires_at":"2026-11-25T03:00:00.000000Z","methods":["password"],
            "user":{"id":"u1","name":"alice","domain":{"id":"d1","name":"acme"}},"catalog":[]}}"#;
        let t: TokenResponse = serde_json::from_str(body).unwrap();
        assert_eq!(t.token.user.unwrap().domain.unwrap().id, "d1");
    }
}
