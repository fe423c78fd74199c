//! The apply form as plain data and the rules that turn it into the
//! request: the contract's checks plus the issuer's (active, validity
//! ending before its own). Subject parts left empty are inherited from the
//! issuer by the service. Pure.

use ccm_api::common::{
    CustomizedExtension, ExtendedKeyUsage, KeyAlgorithm, KeyUsage, SanType, SignatureAlgorithm,
    SubjectAlternativeName, Validity,
};
use ccm_api::pca::cas::CertificateAuthority;
use ccm_api::pca::certs::{create_certificate, CreateCertificateBody};
use ccm_api::validate::{ValidationError, MAX_SANS};
use ccm_api::ApiRequest;

use super::issuers::{check_within_issuer, find_issuer, read_validity};
use crate::form::draft::{finish, optional, SubjectDraft};
use crate::form::own_problem::OwnProblem;
use crate::pages::pca::cas::create_form::parse_date;
use crate::i18n::{Locale, td_string};

/// One subject alternative name as typed: its type (wire name) and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SanRow {
    pub kind: String,
    pub value: String,
}

impl SanRow {
    pub fn new(kind: SanType, value: &str) -> Self {
        SanRow { kind: kind.as_str().to_owned(), value: value.to_owned() }
    }
}

/// The extended key usages the form offers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EkuChoice {
    pub server_auth: bool,
    pub client_auth: bool,
    pub code_signing: bool,
    pub email_protection: bool,
    pub time_stamping: bool,
}

impl EkuChoice {
    /// Only the ticked ones, or nothing at all.
    fn to_wire(self) -> Option<ExtendedKeyUsage> {
        let on = |b: bool| b.then_some(true);
        let e = ExtendedKeyUsage {
            server_auth: on(self.server_auth),
            client_auth: on(self.client_auth),
            code_signing: on(self.code_signing),
            email_protection: on(self.email_protection),
            time_stamping: on(self.time_stamping),
            smart_card_logon: None,
        };
        (e != ExtendedKeyUsage::default()).then_some(e)
    }
}

/// Usage presets for the common cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    TlsServer,
    TlsClient,
    CodeSigning,
}

impl Template {
    pub const ALL: [Template; 3] = [Template::TlsServer, Template::TlsClient, Template::CodeSigning];

    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            Template::TlsServer => td_string!(locale, pca.template_tls_server),
            Template::TlsClient => td_string!(locale, pca.template_tls_client),
            Template::CodeSigning => td_string!(locale, pca.template_code_signing),
        }
    }

    /// Key usages (wire names) and extended key usages of the preset.
    pub fn usages(self) -> (Vec<String>, EkuChoice) {
        let ku = |list: &[KeyUsage]| list.iter().map(|k| k.as_str().to_owned()).collect();
        match self {
            Template::TlsServer => (
                ku(&[KeyUsage::DigitalSignature, KeyUsage::KeyEncipherment]),
                EkuChoice { server_auth: true, ..Default::default() },
            ),
            Template::TlsClient => (
                ku(&[KeyUsage::DigitalSignature, KeyUsage::KeyAgreement]),
                EkuChoice { client_auth: true, ..Default::default() },
            ),
            Template::CodeSigning => {
                (ku(&[KeyUsage::DigitalSignature]), EkuChoice { code_signing: true, ..Default::default() })
            }
        }
    }
}

/// The form's fields as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyDraft {
    pub issuer_id: String,
    pub subject: SubjectDraft,
    pub key_algorithm: String,
    pub signature_algorithm: String,
    pub validity_type: String,
    pub validity_value: String,
    /// `YYYY-MM-DD`, or empty for "now".
    pub start_date: String,
    pub sans: Vec<SanRow>,
    /// Wire names of the ticked key usages.
    pub key_usages: Vec<String>,
    pub eku: EkuChoice,
    pub extension_oid: String,
    pub extension_value: String,
}

impl Default for ApplyDraft {
    fn default() -> Self {
        ApplyDraft {
            issuer_id: String::new(),
            subject: SubjectDraft::default(),
            key_algorithm: "EC256".into(),
            signature_algorithm: "SHA256".into(),
            validity_type: "DAY".into(),
            validity_value: "365".into(),
            start_date: String::new(),
            sans: Vec::new(),
            key_usages: Vec::new(),
            eku: EkuChoice::default(),
            extension_oid: String::new(),
            extension_value: String::new(),
        }
    }
}

/// A subject field the issuer fills in when left empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DnPart {
    Country,
    State,
    Locality,
    Organization,
    OrganizationalUnit,
}

/// What the service puts in `part` when the form leaves it empty.
pub fn inherited(issuer: Option<&CertificateAuthority>, part: DnPart) -> Option<String> {
    let dn = &issuer?.distinguished_name;
    match part {
        DnPart::Country => dn.country.clone(),
        DnPart::State => dn.state.clone(),
        DnPart::Locality => dn.locality.clone(),
        DnPart::Organization => dn.organization.clone(),
        DnPart::OrganizationalUnit => dn.organizational_unit.clone(),
    }
}

/// Reads the optional start date into `start_from`.
pub fn read_start(text: &str, errors: &mut Vec<ValidationError>, l: Locale) -> Option<i64> {
    match text.trim() {
        "" => None,
        d => parse_date(d).or_else(|| {
            errors.push(OwnProblem::DateFormat.at("validity.start_from", l));
            None
        }),
    }
}

impl ApplyDraft {
    /// The request to send, or every problem by wire field path.
    pub fn to_request(&self, cas: &[CertificateAuthority], now_ms: i64, l: Locale) -> Result<ApiRequest, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let issuer = find_issuer(cas, &self.issuer_id);
        if issuer.is_none() {
            errors.push(OwnProblem::PickActiveCa.at("issuer_id", l));
        }
        let dn = self.subject.to_dn();
        let (kind, value) = read_validity(&self.validity_type, &self.validity_value, &mut errors, l);
        let start_from = read_start(&self.start_date, &mut errors, l);
        if let Some(issuer) = issuer {
            check_within_issuer(issuer, start_from.unwrap_or(now_ms), &kind, value, &mut errors, l);
        }
        for (i, row) in self.sans.iter().enumerate() {
            if row.value.trim().is_empty() {
                errors.push(OwnProblem::SanEmpty.at(format!("subject_alternative_names[{i}].value"), l));
            }
        }
        if self.sans.len() > MAX_SANS {
            errors.push(OwnProblem::SanCount { n: self.sans.len(), max: MAX_SANS }.at("subject_alternative_names", l));
        }
        let extension = match (optional(&self.extension_oid), optional(&self.extension_value)) {
            (None, None) => None,
            (oid, value) => {
                if oid.is_none() {
                    errors.push(OwnProblem::ExtensionNeedsOid.at("customized_extension.object_identifier", l));
                }
                if value.is_none() {
                    errors.push(OwnProblem::ExtensionNeedsValue.at("customized_extension.value", l));
                }
                Some(CustomizedExtension { object_identifier: oid, value })
            }
        };

        let mut body = CreateCertificateBody::new(
            &self.issuer_id,
            KeyAlgorithm::from_wire(&self.key_algorithm),
            SignatureAlgorithm::from_wire(&self.signature_algorithm),
            dn,
            Validity { kind, value, start_from },
        );
        body.subject_alternative_names = (!self.sans.is_empty()).then(|| {
            self.sans.iter().map(|r| SubjectAlternativeName::new(SanType::from_wire(&r.kind), r.value.trim())).collect()
        });
        body.key_usages =
            (!self.key_usages.is_empty()).then(|| self.key_usages.iter().map(|k| KeyUsage::from_wire(k)).collect());
        body.extended_key_usage = self.eku.to_wire();
        body.customized_extension = extension;
        finish(create_certificate(&body), errors, now_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::super::issuers::tests::{cas, ISSUING, NOW, ROOT};
    use super::*;
    use serde_json::json;

    fn draft() -> ApplyDraft {
        let subject = SubjectDraft { common_name: "web.example.com".into(), ..Default::default() };
        ApplyDraft { issuer_id: ROOT.into(), subject, ..Default::default() }
    }

    fn fields(r: Result<ApiRequest, Vec<ValidationError>>) -> Vec<String> {
        r.err().unwrap_or_default().into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_minimal_draft_leaves_the_subject_to_the_issuer() {
        let req = draft().to_request(&cas(), NOW, Locale::en).unwrap();
        assert_eq!(req.path, "/v1/private-certificates");
        assert_eq!(
            req.body.unwrap(),
            json!({
                "issuer_id": ROOT, "key_algorithm": "EC256", "signature_algorithm": "SHA256",
                "distinguished_name": {"common_name": "web.example.com"},
                "validity": {"type": "DAY", "value": 365}
            })
        );
        assert_eq!(inherited(cas().first(), DnPart::Organization).as_deref(), Some("Acme"));
        assert_eq!(inherited(None, DnPart::Country), None);
    }

    #[test]
    fn every_part_goes_into_the_body() {
        let mut d = draft();
        d.subject.country = "de".into();
        d.sans = vec![SanRow::new(SanType::Dns, "web.example.com"), SanRow::new(SanType::Ip, "2001:db8::1")];
        (d.key_usages, d.eku) = Template::TlsServer.usages();
        d.extension_oid = "1.3.6.1.4.1.2011.4.99".into();
        d.extension_value = "team-a".into();
        let body = d.to_request(&cas(), NOW, Locale::en).unwrap().body.unwrap();
        assert_eq!(body["distinguished_name"]["country"], "DE");
        assert_eq!(body["subject_alternative_names"][1], json!({"type": "IP", "value": "2001:db8::1"}));
        assert_eq!(body["key_usages"], json!(["digitalSignature", "keyEncipherment"]));
        assert_eq!(body["extended_key_usage"], json!({"server_auth": true}));
        assert_eq!(body["customized_extension"], json!({"object_identifier": "1.3.6.1.4.1.2011.4.99", "value": "team-a"}));
    }

    #[test]
    fn templates_fill_the_usages() {
        let (ku, eku) = Template::CodeSigning.usages();
        assert_eq!((ku.as_slice(), eku.code_signing, eku.server_auth), (&["digitalSignature".to_owned()][..], true, false));
        let (ku, eku) = Template::TlsClient.usages();
        assert!(eku.client_auth && !eku.code_signing && ku.contains(&"keyAgreement".to_owned()));
    }

    #[test]
    fn bad_inputs_are_named_by_field() {
        let mut d = draft();
        d.issuer_id = String::new();
        d.subject.common_name = " ".into();
        d.subject.country = "Germany".into();
        d.validity_value = "abc".into();
        d.sans = vec![
            SanRow::new(SanType::Dns, "bad_name!"),
            SanRow::new(SanType::Ip, "300.1.1.1"),
            SanRow::new(SanType::Email, "not-an-email"),
            SanRow::new(SanType::Uri, "no scheme"),
            SanRow::new(SanType::Dns, "  "),
        ];
        d.extension_oid = "1.x".into();
        let f = fields(d.to_request(&cas(), NOW, Locale::en));
        for want in [
            "issuer_id",
            "distinguished_name.common_name",
            "distinguished_name.country",
            "validity.value",
            "subject_alternative_names[0].value",
            "subject_alternative_names[1].value",
            "subject_alternative_names[2].value",
            "subject_alternative_names[3].value",
            "subject_alternative_names[4].value",
            "customized_extension.value",
        ] {
            assert!(f.contains(&want.to_owned()), "{want} missing from {f:?}");
        }
        let mut d = draft();
        d.extension_oid = "1.x".into();
        d.extension_value = "v".into();
        assert_eq!(fields(d.to_request(&cas(), NOW, Locale::en)), ["customized_extension.object_identifier"]);
    }

    #[test]
    fn validity_is_capped_by_the_issuer_and_by_20_years() {
        let mut d = draft();
        d.issuer_id = ISSUING.into();
        d.validity_type = "YEAR".into();
        d.validity_value = "2".into();
        assert_eq!(fields(d.to_request(&cas(), NOW, Locale::en)), ["validity.value"]);
        d.issuer_id = ROOT.into();
        d.validity_value = "21".into();
        let errors = d.to_request(&cas(), NOW, Locale::en).unwrap_err();
        assert_eq!(errors[0].field, "validity.value");
        d.validity_value = "0".into();
        assert_eq!(fields(d.to_request(&cas(), NOW, Locale::en)), ["validity.value"]);
        d.validity_value = "1".into();
        d.start_date = "2020-01-01".into();
        assert_eq!(fields(d.to_request(&cas(), NOW, Locale::en)), ["validity.start_from"]);
    }

    #[test]
    fn at_most_twenty_names() {
        let mut d = draft();
        d.sans = (0..21).map(|i| SanRow::new(SanType::Dns, &format!("h{i}.example.com"))).collect();
        assert_eq!(fields(d.to_request(&cas(), NOW, Locale::en)), ["subject_alternative_names"]);
        d.sans.pop();
        assert!(d.to_request(&cas(), NOW, Locale::en).is_ok());
    }
}
