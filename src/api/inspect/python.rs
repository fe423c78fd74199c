//! The same call with the official Python SDK (`huaweicloudsdkccm`,
//! `huaweicloudsdkscm`): the client, the `…Request` model with its path and
//! query parameters, and the body model. Names follow the SDK's pattern
//! (`list_certificates` → `ListCertificatesRequest`); the few body models
//! named otherwise are listed below.

use ccm_api::operations::of_request;
use ccm_api::Service;
use serde_json::Value;

use super::RequestSnapshot;

/// Operations whose body model is not `{Operation}RequestBody`.
const BODY_MODELS: &[(&str, &str)] = &[
    ("batch_create_ca_tags", "BatchOperateTagRequestBody"),
    ("batch_delete_ca_tags", "BatchOperateTagRequestBody"),
    ("batch_create_cert_tags", "BatchOperateTagRequestBody"),
    ("batch_delete_cert_tags", "BatchOperateTagRequestBody"),
    ("create_ca_tag", "ResourceTagRequestBody"),
    ("create_cert_tag", "ResourceTagRequestBody"),
    ("list_cert_resource_instances", "ListResourceInstancesRequestBody"),
    ("count_cert_resource_instances", "ListResourceInstancesRequestBody"),
    ("list_ca_resource_instances", "ListResourceInstancesRequestBody"),
    ("count_ca_resource_instances", "ListResourceInstancesRequestBody"),
    ("revoke_certificate_authority", "RevokeCertificateRequestBody"),
];

/// `list_certificates` → `ListCertificates`.
pub fn camel(operation: &str) -> String {
    operation
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

fn body_model(operation: &str) -> String {
    BODY_MODELS
        .iter()
        .find(|(op, _)| *op == operation)
        .map(|(_, m)| (*m).to_owned())
        .unwrap_or_else(|| format!("{}RequestBody", camel(operation)))
}

/// A JSON value as a Python literal.
pub fn py_literal(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => n.to_string(),
        // JSON string escapes are valid Python string escapes.
        Value::String(s) => serde_json::to_string(s).unwrap_or_default(),
        Value::Array(items) => format!("[{}]", items.iter().map(py_literal).collect::<Vec<_>>().join(", ")),
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter().map(|(k, v)| format!("{}: {}", py_literal(&Value::String(k.clone())), py_literal(v))).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// A query value as the SDK model takes it (numbers and booleans typed).
fn py_query_value(v: &str) -> String {
    match v {
        "true" => "True".into(),
        "false" => "False".into(),
        n if !n.is_empty() && n.len() < 16 && n.bytes().all(|b| b.is_ascii_digit()) => n.to_owned(),
        s => py_literal(&Value::String(s.to_owned())),
    }
}

/// A script that makes the same call with the SDK, or `None` for IAM
/// (the console only asks IAM for a token, which the SDK does by itself).
pub fn python_snippet(s: &RequestSnapshot) -> Option<String> {
    let (package, client) = match s.service {
        Service::Ccm => ("huaweicloudsdkccm.v1", "CcmClient"),
        Service::Scm => ("huaweicloudsdkscm.v3", "ScmClient"),
        Service::Iam => return None,
    };
    let request_model = format!("{}Request", camel(&s.operation));
    let mut args: Vec<String> = Vec::new();
    let path = s.path_and_query.split('?').next().unwrap_or("");
    if let Some(params) = of_request_like(s).and_then(|op| op.match_path(path)) {
        for (name, value) in params {
            args.push(format!("{name}={}", py_literal(&Value::String(value))));
        }
    }
    if let Some((_, q)) = s.path_and_query.split_once('?') {
        for pair in q.split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            args.push(format!("{k}={}", py_query_value(&ccm_api::sign::decode_component(v))));
        }
    }
    let mut imports = vec![client.to_owned(), request_model.clone()];
    if let Some(body) = &s.body {
        let model = body_model(&s.operation);
        let fields = match body {
            Value::Object(map) => map.iter().map(|(k, v)| format!("        {k}={},", py_literal(v))).collect::<Vec<_>>().join("\n"),
            _ => String::new(),
        };
        args.push(format!("body={model}(\n{fields}\n    )"));
        imports.push(model);
    }
    let call_args = if args.is_empty() { String::new() } else { format!("\n    {},\n", args.join(",\n    ")) };
    Some(format!(
        "import os\n\
         from huaweicloudsdkcore.auth.credentials import GlobalCredentials\n\
         from {package} import {imports}\n\
         \n\
         credentials = GlobalCredentials(os.environ[\"HUAWEICLOUD_SDK_AK\"], os.environ[\"HUAWEICLOUD_SDK_SK\"]{domain})\n\
         client = (\n    {client}.new_builder()\n    .with_credentials(credentials)\n    .with_endpoints([\"https://{host}\"])\n    .build()\n)\n\
         response = client.{op}({request_model}({call_args}))\n\
         print(response)\n",
        imports = imports.join(", "),
        // Without an account id the SDK looks it up with the access key.
        domain = if s.domain_id.is_empty() { String::new() } else { format!(", \"{}\"", s.domain_id) },
        host = s.host,
        op = s.operation,
    ))
}

fn of_request_like(s: &RequestSnapshot) -> Option<&'static ccm_api::operations::Operation> {
    let req = ccm_api::ApiRequest::new(&s.operation, s.service, s.method, "");
    of_request(&req)
}

#[cfg(test)]
mod tests {
    use super::super::tests::push_snapshot;
    use super::super::AuthKind;
    use super::*;

    #[test]
    fn names_follow_the_sdk() {
        assert_eq!(camel("list_certificates"), "ListCertificates");
        assert_eq!(body_model("import_certificate"), "ImportCertificateRequestBody");
        assert_eq!(body_model("revoke_certificate_authority"), "RevokeCertificateRequestBody");
    }

    #[test]
    fn a_push_becomes_a_push_request() {
        let py = python_snippet(&push_snapshot(AuthKind::Token)).unwrap();
        assert!(py.contains("from huaweicloudsdkscm.v3 import ScmClient, PushCertificateRequest, PushCertificateRequestBody"));
        assert!(py.contains("response = client.push_certificate(PushCertificateRequest(\n    certificate_id=\"scs1554192131150\",\n    body=PushCertificateRequestBody(\n        target_project=\"ap-southeast-1\",\n        target_service=\"CDN\",\n    ),\n))"), "{py}");
        assert!(py.contains(".with_endpoints([\"https://scm.ap-southeast-1.myhuaweicloud.com\"])"));
        assert!(py.contains("os.environ[\"HUAWEICLOUD_SDK_SK\"], \"0123456789abcdef0123456789abcdef\")"));
    }

    #[test]
    fn query_values_are_typed() {
        let req = ccm_api::scm::list_certificates(&ccm_api::scm::ScmListQuery {
            limit: Some(50),
            content: Some("shop example".into()),
            deploy_support: Some(true),
            ..Default::default()
        });
        let snap = RequestSnapshot::new(&req, "scm.x", "https://scm.x/v3/scm/certificates", "", &[], AuthKind::Token, "d");
        let py = python_snippet(&snap).unwrap();
        assert!(py.contains("GlobalCredentials(os.environ[\"HUAWEICLOUD_SDK_AK\"], os.environ[\"HUAWEICLOUD_SDK_SK\"], \"d\")"));
        let anonymous = RequestSnapshot { domain_id: String::new(), ..snap };
        assert!(python_snippet(&anonymous).unwrap().contains("os.environ[\"HUAWEICLOUD_SDK_SK\"])\n"));
        assert!(py.contains("content=\"shop example\",\n    deploy_support=True,\n    limit=50,"), "{py}");
        assert_eq!(py_literal(&serde_json::json!({"a": [null, false, 1.5]})), "{\"a\": [None, False, 1.5]}");
    }
}
