//! Deploying a certificate as plain data: the service, the region (ELB and
//! WAF; CDN is global), and the resources one per line (listener or WAF
//! domain ids, or CDN domain names). Pure.

use ccm_api::scm::{
    deploy_certificate, scm_action_allowed, DeployCertificateBody, DeployedResource, PushService, ScmAction, ScmCertificate,
    ScmStatus, WafResourceType,
};
use ccm_api::validate::{validate_request, Context, ValidationError};
use ccm_api::ApiRequest;

use super::labels::status_label;
use crate::i18n::{td_string, Locale};

/// Why this certificate cannot be deployed, if it cannot: the status rule
/// the service answers with, or a type that cannot leave SCM.
pub fn deploy_refusal(c: &ScmCertificate, l: Locale) -> Option<String> {
    let status = c.status.clone().unwrap_or(ScmStatus::Other(String::new()));
    if scm_action_allowed(ScmAction::Deploy, &status).is_err() {
        // The words of ccm-api's reason (which the English matches), in the chosen language.
        return Some(td_string!(l, scm.deploy_status_refused, status = status_label(&status, l).to_lowercase()));
    }
    (c.push_support.as_deref() == Some("OFF")).then(|| td_string!(l, scm.deploy_type_off).to_owned())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeployDraft {
    pub service: String,
    pub project: String,
    /// One resource per line.
    pub resources: String,
    /// WAF only: the mode of the listed domains.
    pub waf_type: String,
    /// WAF only.
    pub enterprise_project_id: String,
}

impl Default for DeployDraft {
    fn default() -> Self {
        DeployDraft {
            service: PushService::Elb.as_str().to_owned(),
            project: String::new(),
            resources: String::new(),
            waf_type: WafResourceType::Cloud.as_str().to_owned(),
            enterprise_project_id: "0".into(),
        }
    }
}

impl DeployDraft {
    pub fn service(&self) -> PushService {
        PushService::from_wire(&self.service)
    }

    /// What one line names for this service.
    pub fn resource_hint(&self, l: Locale) -> &'static str {
        match self.service() {
            PushService::Cdn => td_string!(l, scm.hint_cdn),
            PushService::Waf => td_string!(l, scm.hint_waf),
            _ => td_string!(l, scm.hint_elb),
        }
    }

    pub fn lines(&self) -> Vec<String> {
        self.resources.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
    }

    pub fn to_request(&self, certificate_id: &str) -> Result<ApiRequest, Vec<ValidationError>> {
        let service = self.service();
        let resources: Vec<DeployedResource> = self
            .lines()
            .into_iter()
            .map(|line| match service {
                PushService::Cdn => DeployedResource { domain_name: Some(line), ..Default::default() },
                PushService::Waf => DeployedResource {
                    id: Some(line),
                    kind: Some(WafResourceType::from_wire(&self.waf_type)),
                    enterprise_project_id: Some(self.enterprise_project_id.trim().to_owned()).filter(|s| !s.is_empty()),
                    ..Default::default()
                },
                _ => DeployedResource { id: Some(line), ..Default::default() },
            })
            .collect();
        let project_name = match service {
            PushService::Cdn => None,
            _ => Some(self.project.trim().to_owned()),
        };
        let req = deploy_certificate(certificate_id, &DeployCertificateBody { project_name, service_name: service, resources });
        let problems = validate_request(&req, &Context { now_millis: 0 });
        if problems.is_empty() {
            Ok(req)
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const CERT: &str = "scs1554192131150";

    fn elb() -> DeployDraft {
        DeployDraft { project: "ap-southeast-1".into(), resources: "l1\n\n  l2 \n".into(), ..Default::default() }
    }

    fn fields(r: Result<ApiRequest, Vec<ValidationError>>) -> Vec<String> {
        r.err().unwrap_or_default().into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn each_service_names_its_resources_its_way() {
        let b = elb().to_request(CERT).unwrap().body.unwrap();
        assert_eq!(b, json!({"project_name":"ap-southeast-1","service_name":"ELB","resources":[{"id":"l1"},{"id":"l2"}]}));
        let waf = DeployDraft { service: "WAF".into(), waf_type: "premium".into(), resources: "w1".into(), ..elb() };
        assert_eq!(waf.to_request(CERT).unwrap().body.unwrap()["resources"], json!([{"id":"w1","type":"premium","enterprise_project_id":"0"}]));
        let cdn = DeployDraft { service: "CDN".into(), resources: "static.example.com".into(), ..elb() };
        let b = cdn.to_request(CERT).unwrap().body.unwrap();
        assert_eq!(b["resources"], json!([{"domain_name":"static.example.com"}]));
        assert!(b.get("project_name").is_none());
    }

    #[test]
    fn only_issued_or_uploaded_certificates_deploy() {
        let cert = |status: ScmStatus, push: Option<&str>| -> ScmCertificate {
            serde_json::from_value(json!({"id": CERT, "status": status.as_str(), "push_support": push})).unwrap()
        };
        let english = Locale::en;
        assert_eq!(deploy_refusal(&cert(ScmStatus::Issued, Some("ON")), english), None);
        assert_eq!(deploy_refusal(&cert(ScmStatus::Upload, None), english), None);
        // The English is ccm-api's reason word for word.
        let checking = cert(ScmStatus::Checking, None);
        let reason = scm_action_allowed(ScmAction::Deploy, checking.status.as_ref().unwrap()).unwrap_err().reason;
        assert_eq!(deploy_refusal(&checking, english).unwrap(), reason);
        assert!(deploy_refusal(&checking, Locale::zh_CN).unwrap().contains("申请审核中"));
        assert!(deploy_refusal(&cert(ScmStatus::Issued, Some("OFF")), english).unwrap().contains("cannot be deployed"));

    }

    #[test]
    fn one_to_twenty_resources_and_a_region() {
        assert_eq!(fields(DeployDraft { resources: " \n".into(), ..elb() }.to_request(CERT)), ["resources"]);
        let twenty: String = (0..20).map(|i| format!("l{i}\n")).collect();
        assert!(DeployDraft { resources: twenty.clone(), ..elb() }.to_request(CERT).is_ok());
        assert_eq!(fields(DeployDraft { resources: format!("{twenty}l20"), ..elb() }.to_request(CERT)), ["resources"]);
        assert_eq!(fields(DeployDraft { project: String::new(), ..elb() }.to_request(CERT)), ["project_name"]);
        assert_eq!(fields(DeployDraft { resources: "x".repeat(64), ..elb() }.to_request(CERT)), ["resources[0].id"]);
    }
}
