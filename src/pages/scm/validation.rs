//! Domain validation on a certificate's details: per domain what to publish
//! (the DNS record, the file, or the mail addresses that receive the
//! approval mail), with copy buttons, and each domain's status. While the
//! application is reviewed the details panel reads the certificate again
//! every few seconds (`details.rs`), so the statuses move by themselves.

use ccm_api::scm::{DomainValidationRecord, ScmCertificate, ScmStatus, ValidationStep, SCM_BUSY_STATUSES};
use leptos::prelude::*;

use crate::components::copy_button::CopyButton;

/// Whether a step of the application is still running: the panel then
/// polls the certificate.
pub fn under_review(status: Option<&ScmStatus>) -> bool {
    status.is_some_and(|s| SCM_BUSY_STATUSES.contains(&s.as_str()))
}

/// One domain's status as said on the page: its own (the emulator reports
/// it), else what the certificate's status implies.
pub fn domain_status(record: &DomainValidationRecord, cert: Option<&ScmStatus>) -> String {
    if let Some(s) = &record.validation_status {
        return s.label().to_owned();
    }
    match cert {
        Some(ScmStatus::Issued) => "Validated".to_owned(),
        Some(ScmStatus::Unpassed) => "Validation failed".to_owned(),
        Some(s) if under_review(Some(s)) => "Waiting for validation".to_owned(),
        Some(s) => s.label().to_owned(),
        None => "—".to_owned(),
    }
}

#[component]
pub fn DomainValidation(cert: ScmCertificate) -> impl IntoView {
    let records = cert.validation_records().to_vec();
    let method = cert.validation_method.clone();
    let status = cert.status.clone();
    (!records.is_empty()).then(|| view! {
        <section class="validation" aria-label="Domain validation">
            <h3>"Domain validation"</h3>
            {under_review(status.as_ref()).then(|| view! {
                <p class="field-hint">"Publish what each domain asks for; the certificate is issued once every domain is validated."</p>
            })}
            <ul class="validation-list">
                {records.into_iter().map(|r| {
                    let domain = r.domain.clone().unwrap_or_default();
                    let state = domain_status(&r, status.as_ref());
                    let step = r.step(method.as_ref());
                    let label = format!("Validation of {domain}");
                    let heading = domain.clone();
                    view! {
                        <li aria-label=label>
                            <p><strong>{heading}</strong>" — "<span class="pill">{state}</span></p>
                            <ValidationStepView step domain />
                        </li>
                    }
                }).collect::<Vec<_>>()}
            </ul>
        </section>
    })
}

/// One labelled value with its copy button.
#[component]
fn CopyRow(label: &'static str, domain: String, value: String) -> impl IntoView {
    let copy = format!("Copy the {} for {domain}", label.to_lowercase());
    view! {
        <dt>{label}</dt>
        <dd><code>{value.clone()}</code>" "<CopyButton label=copy text=value /></dd>
    }
}

#[component]
fn ValidationStepView(step: ValidationStep, domain: String) -> impl IntoView {
    match step {
        ValidationStep::Dns { host, record_type, value } => view! {
            <p class="field-hint">"Add this DNS record:"</p>
            <dl class="details-list">
                <CopyRow label="Host" domain=domain.clone() value=host />
                <dt>"Type"</dt><dd>{record_type}</dd>
                <CopyRow label="Value" domain value />
            </dl>
        }.into_any(),
        ValidationStep::File { url, content } => view! {
            <p class="field-hint">"Serve a file with this content at this address:"</p>
            <dl class="details-list">
                <CopyRow label="File address" domain=domain.clone() value=url />
                <CopyRow label="File content" domain value=content />
            </dl>
        }.into_any(),
        ValidationStep::Email { addresses } => view! {
            <p class="field-hint">"The authority mails an approval link to one of these addresses; open it to validate:"</p>
            <ul>{addresses.into_iter().map(|a| view! { <li><code>{a}</code></li> }).collect::<Vec<_>>()}</ul>
        }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ccm_api::scm::DomainValidationStatus;

    fn record(status: Option<DomainValidationStatus>) -> DomainValidationRecord {
        DomainValidationRecord {
            record_name: Some("_dnsauth.shop.example.com".into()),
            record_type: Some("TXT".into()),
            record_value: Some("v".into()),
            domain: Some("shop.example.com".into()),
            validation_status: status,
        }
    }

    #[test]
    fn a_domain_says_its_own_status_or_the_certificates() {
        assert_eq!(domain_status(&record(Some(DomainValidationStatus::Validated)), Some(&ScmStatus::Checking)), "Validated");
        assert_eq!(domain_status(&record(None), Some(&ScmStatus::Checking)), "Waiting for validation");
        assert_eq!(domain_status(&record(None), Some(&ScmStatus::Issued)), "Validated");
        assert_eq!(domain_status(&record(None), Some(&ScmStatus::Unpassed)), "Validation failed");
    }

    #[test]
    fn only_running_steps_are_polled() {
        assert!(under_review(Some(&ScmStatus::Checking)));
        assert!(under_review(Some(&ScmStatus::Issuing)));
        assert!(!under_review(Some(&ScmStatus::Issued)));
        assert!(!under_review(Some(&ScmStatus::Paid)));
        assert!(!under_review(None));
    }
}
