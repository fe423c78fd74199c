//! Domain validation on a certificate's details: per domain what to publish
//! (the DNS record, the file, or the mail addresses that receive the
//! approval mail), with copy buttons, and each domain's status. While the
//! application is reviewed the details panel reads the certificate again
//! every few seconds (`details.rs`), so the statuses move by themselves.

use ccm_api::scm::{DomainValidationRecord, ScmCertificate, ScmStatus, ValidationStep, SCM_BUSY_STATUSES};
use leptos::prelude::*;

use crate::components::copy_button::CopyButton;
use crate::i18n::{td_string, use_locale, Locale};

use super::labels::status_label;

/// Whether a step of the application is still running: the panel then
/// polls the certificate.
pub fn under_review(status: Option<&ScmStatus>) -> bool {
    status.is_some_and(|s| SCM_BUSY_STATUSES.contains(&s.as_str()))
}

/// One domain's status as said on the page: its own (the emulator reports
/// it), else what the certificate's status implies.
pub fn domain_status(record: &DomainValidationRecord, cert: Option<&ScmStatus>, l: Locale) -> String {
    use ccm_api::scm::DomainValidationStatus as D;
    match (&record.validation_status, cert) {
        (Some(D::Validated), _) | (None, Some(ScmStatus::Issued)) => td_string!(l, scm.domain_validated).to_owned(),
        (Some(D::Failed), _) | (None, Some(ScmStatus::Unpassed)) => td_string!(l, scm.domain_failed).to_owned(),
        (Some(D::Pending), _) => td_string!(l, scm.domain_waiting).to_owned(),
        (Some(D::Other(w)), _) => w.clone(),
        (None, Some(s)) if under_review(Some(s)) => td_string!(l, scm.domain_waiting).to_owned(),
        (None, Some(s)) => status_label(s, l).into_owned(),
        (None, None) => "—".to_owned(),
    }
}

#[component]
pub fn DomainValidation(cert: ScmCertificate) -> impl IntoView {
    let records = cert.validation_records().to_vec();
    let method = cert.validation_method.clone();
    let status = cert.status.clone();
    let locale = use_locale();
    (!records.is_empty()).then(|| view! {
        <section class="validation" aria-label=td_string!(locale, scm.validation_label)>
            <h3>{td_string!(locale, scm.validation_label)}</h3>
            {under_review(status.as_ref()).then(|| view! {
                <p class="field-hint">{td_string!(locale, scm.validation_hint)}</p>
            })}
            <ul class="validation-list">
                {records.into_iter().map(|r| {
                    let domain = r.domain.clone().unwrap_or_default();
                    let status = status.clone();
                    let step = r.step(method.as_ref());
                    let state = move || domain_status(&r, status.as_ref(), locale);

                    let d = domain.clone();
                    let label = move || td_string!(locale, scm.validation_of, domain = d.clone());
                    let heading = domain.clone();
                    view! {
                        <li aria-label=label>
                            <p><strong translate="no">{heading}</strong>" — "<span class="pill">{state}</span></p>
                            <ValidationStepView locale step domain />
                        </li>
                    }
                }).collect::<Vec<_>>()}
            </ul>
        </section>
    })
}

/// One labelled value with its copy button.
/// A value to publish, with its copy button ("Copy the host for shop.example.com").
#[component]
fn CopyRow(label: &'static str, copy: String, value: String) -> impl IntoView {
    view! {
        <dt>{label}</dt>
        <dd><code>{value.clone()}</code>" "<CopyButton label=copy text=value /></dd>
    }
}

#[component]
fn ValidationStepView(locale: Locale, step: ValidationStep, domain: String) -> impl IntoView {
    let d = domain;
    match step {
        ValidationStep::Dns { host, record_type, value } => view! {
            <p class="field-hint">{td_string!(locale, scm.dns_hint)}</p>
            <dl class="details-list">
                <CopyRow label=td_string!(locale, scm.dns_host) copy=td_string!(locale, scm.copy_host, domain = d.clone()) value=host />
                <dt>{td_string!(locale, scm.dns_type)}</dt><dd translate="no">{record_type}</dd>
                <CopyRow label=td_string!(locale, scm.dns_value) copy=td_string!(locale, scm.copy_value, domain = d) value />
            </dl>
        }.into_any(),
        ValidationStep::File { url, content } => view! {
            <p class="field-hint">{td_string!(locale, scm.file_hint)}</p>
            <dl class="details-list">
                <CopyRow label=td_string!(locale, scm.file_url) copy=td_string!(locale, scm.copy_file_url, domain = d.clone()) value=url />
                <CopyRow label=td_string!(locale, scm.file_content) copy=td_string!(locale, scm.copy_file_content, domain = d) value=content />
            </dl>
        }.into_any(),
        ValidationStep::Email { addresses } => view! {
            <p class="field-hint">{td_string!(locale, scm.email_hint)}</p>
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
        let english = Locale::en;
        assert_eq!(domain_status(&record(Some(DomainValidationStatus::Validated)), Some(&ScmStatus::Checking), english), "Validated");
        assert_eq!(domain_status(&record(None), Some(&ScmStatus::Checking), english), "Waiting for validation");
        assert_eq!(domain_status(&record(None), Some(&ScmStatus::Issued), english), "Validated");
        assert_eq!(domain_status(&record(None), Some(&ScmStatus::Unpassed), english), "Validation failed");
        assert_eq!(domain_status(&record(Some(DomainValidationStatus::Pending)), None, Locale::zh_CN), "待验证");

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
