//! CRL publication (reference 4.2.3 and the SDK's CRL switch): the OBS
//! agency, the bucket list, turning a CA's CRL on and off, and the CRL
//! itself.
//!
//! The live service writes the CRL to the chosen OBS bucket. The emulator
//! has no OBS, so it serves the CRL itself, outside the API table and
//! without authentication (as a public bucket object would be):
//! `GET /v1/crl/{bucket}/{crl_name}.crl` on the host the CRL was enabled
//! through. The path sits under `/v1/` so that `ccm-serve --emulate`, which
//! hands `/v1/…` at its root to the emulator, serves it too. Each answer is
//! a fresh DER CRL signed by the CA, listing every serial it has revoked.

use ccm_api::catalogue::codes;
use ccm_api::common::{CaStatus, CrlConfiguration, LooseBool};
use ccm_api::pca::cas::CertificateAuthority;
use ccm_api::pca::crl::EnableCrlBody;
use ccm_api::sign::{decode_component, encode_component};
use ccm_api::Method;
use ccm_pki::{build_crl, RevocationReason, RevokedEntry, SignatureHash};
use serde_json::json;

use crate::answer::{refuse, Answer};
use crate::ca_keys::{ca_certificate_der, ca_private_key, signature_hash};
use crate::state::CaRecord;
use crate::{ids, pca_cas, Call, EmuRequest, EmuResponse, Emulator};

/// Operations this module answers.
pub const OPERATIONS: &[&str] = &[
    "show_certificate_authority_obs_agency",
    "create_certificate_authority_obs_agency",
    "list_certificate_authority_obs_bucket",
    "enable_certificate_authority_crl",
    "disable_certificate_authority_crl",
];

/// Where the emulator publishes CRLs: `{CRL_PATH}{bucket}/{crl_name}.crl`.
pub const CRL_PATH: &str = "/v1/crl/";

const DAY_S: i64 = 86_400;

pub fn handle(emu: &mut Emulator, call: &Call, host: &str) -> EmuResponse {
    pca_cas::refresh(emu, call.now_ms);
    let result = match call.op {
        // The reference and the SDK type the flag as a string.
        "show_certificate_authority_obs_agency" => {
            Ok(EmuResponse::json(200, &json!({ "agency_granted": LooseBool::text(emu.state.obs.agency_granted) })))
        }
        "create_certificate_authority_obs_agency" => {
            emu.state.obs.agency_granted = true;
            Ok(EmuResponse::json(200, &json!({ "agency_id": ids::hex_id() })))
        }
        "list_certificate_authority_obs_bucket" => list_buckets(emu),
        "enable_certificate_authority_crl" => enable(emu, call, host),
        "disable_certificate_authority_crl" => disable(emu, call),
        other => Err(refuse(501, "EMU.NOT_IMPLEMENTED", format!("crl does not answer {other}"))),
    };
    result.unwrap_or_else(|refused| refused)
}

/// Only with the agency: without it PCA cannot see the account's buckets.
fn list_buckets(emu: &Emulator) -> Answer<EmuResponse> {
    if !emu.state.obs.agency_granted {
        return Err(refuse(
            403,
            "PCA.00000006",
            "PCA may not read OBS yet: create the OBS agency (POST /v1/private-certificate-authorities/obs/agencies) first",
        ));
    }
    let buckets: Vec<_> = emu.state.obs.buckets.iter().map(|b| json!({ "bucket_name": b })).collect();
    Ok(EmuResponse::json(200, &json!({ "total": buckets.len(), "obs_buckets": buckets })))
}

/// The CRL settings of CA `ca_id` when turned on: the agency must exist,
/// the bucket too, and no other CA may publish under the same bucket and
/// name. `crl_name` defaults to the CA's id (the reference: the id of the
/// CA that issues the certificates listed).
pub fn configure(
    emu: &Emulator,
    ca_id: &str,
    crl_name: Option<&str>,
    bucket: &str,
    valid_days: i64,
    host: &str,
) -> Answer<CrlConfiguration> {
    let bad = |m: String| refuse(400, "PCA.00020204", m);
    if !emu.state.obs.agency_granted {
        return Err(bad(
            "crl_configuration: PCA may not write to OBS yet: create the OBS agency (POST /v1/private-certificate-authorities/obs/agencies) first".into(),
        ));
    }
    if !emu.state.obs.buckets.iter().any(|b| b == bucket) {
        return Err(bad(format!("obs_bucket_name: the account has no OBS bucket named '{bucket}'")));
    }
    let name = crl_name.filter(|n| !n.is_empty()).unwrap_or(ca_id).to_owned();
    let taken = emu.state.cas.iter().any(|c| {
        c.info.ca_id != ca_id
            && c.info.crl_configuration.as_ref().is_some_and(|k| {
                k.enabled
                    && k.obs_bucket_name.as_deref() == Some(bucket)
                    && k.crl_name.as_deref() == Some(name.as_str())
            })
    });
    if taken {
        return Err(bad(format!("crl_name: another CA already publishes '{name}' in bucket '{bucket}'")));
    }
    Ok(CrlConfiguration {
        enabled: true,
        crl_dis_point: Some(crl_url(host, bucket, &name)),
        crl_name: Some(name),
        obs_bucket_name: Some(bucket.to_owned()),
        valid_days: Some(valid_days),
    })
}

/// `http://` for the emulator's own address, `https://` for the cloud's
/// host names (reached through the console's proxy).
fn crl_url(host: &str, bucket: &str, name: &str) -> String {
    let bare = host.split(':').next().unwrap_or_default();
    let scheme =
        if bare.ends_with(".myhuaweicloud.com") || bare.ends_with(".myhuaweicloud.eu") { "https" } else { "http" };
    format!("{scheme}://{host}{CRL_PATH}{}/{}.crl", encode_component(bucket), encode_component(name))
}

/// The CRL URL to put in certificates issued by the CA, while it publishes one.
pub fn distribution_point(info: &CertificateAuthority) -> Option<String> {
    info.crl_configuration.as_ref().filter(|c| c.enabled).and_then(|c| c.crl_dis_point.clone())
}

fn enable(emu: &mut Emulator, call: &Call, host: &str) -> Answer<EmuResponse> {
    let id = call.param("ca_id").to_owned();
    let info = emu.state.ca(&id).map(|r| r.info.clone()).ok_or_else(|| pca_cas::not_found(&id))?;
    if info.status == CaStatus::Deleted {
        return Err(refuse(
            403,
            codes::PCA_STATUS_NOT_ALLOWED,
            "a CA pending deletion cannot change its CRL settings; restore it first",
        ));
    }
    let body: EnableCrlBody = serde_json::from_value(call.body.clone().unwrap_or_default())
        .map_err(|e| refuse(400, "PCA.00020204", format!("body: {e}")))?;
    let config = configure(emu, &id, body.crl_name.as_deref(), &body.obs_bucket_name, body.valid_days, host)?;
    if let Some(record) = emu.state.ca_mut(&id) {
        record.info.crl_configuration = Some(config);
    }
    Ok(EmuResponse::no_content())
}

/// Turns publication off; the name, bucket and interval are kept for the
/// next time.
fn disable(emu: &mut Emulator, call: &Call) -> Answer<EmuResponse> {
    let id = call.param("ca_id").to_owned();
    let record = emu.state.ca_mut(&id).ok_or_else(|| pca_cas::not_found(&id))?;
    if record.info.status == CaStatus::Deleted {
        return Err(refuse(
            403,
            codes::PCA_STATUS_NOT_ALLOWED,
            "a CA pending deletion cannot change its CRL settings; restore it first",
        ));
    }
    let kept = record.info.crl_configuration.take().unwrap_or_default();
    record.info.crl_configuration = Some(CrlConfiguration { enabled: false, crl_dis_point: None, ..kept });
    Ok(EmuResponse::no_content())
}

/// Answers `GET /v1/crl/{bucket}/{crl_name}.crl`; `None` for any other
/// request, which then goes through the API table.
pub fn serve(emu: &Emulator, req: &EmuRequest, now_ms: i64) -> Option<EmuResponse> {
    let rest = req.path.strip_prefix(CRL_PATH)?;
    if !matches!(req.method, Method::Get | Method::Head) {
        return None;
    }
    let (bucket, file) = rest.split_once('/')?;
    let name = decode_component(file.strip_suffix(".crl")?);
    let bucket = decode_component(bucket);
    let missing = || refuse(404, codes::PCA_NOT_FOUND, format!("no CRL is published as '{name}' in bucket '{bucket}'"));
    let record = emu.state.cas.iter().find(|c| {
        c.info.crl_configuration.as_ref().is_some_and(|k| {
            k.enabled
                && k.obs_bucket_name.as_deref() == Some(bucket.as_str())
                && k.crl_name.as_deref() == Some(name.as_str())
        })
    });
    let Some(record) = record else { return Some(missing()) };
    Some(match build(record, now_ms) {
        Ok(der) => {
            let mut answer = EmuResponse { status: 200, headers: Vec::new(), body: der };
            answer = answer.with_header("Content-Type", "application/pkix-crl");
            if req.method == Method::Head {
                answer.body.clear();
            }
            answer
        }
        Err(refused) => refused,
    })
}

/// A DER CRL of `record` as of `now_ms`: every serial it revoked, this
/// update now, the next one `valid_days` later (7 when unset). The CRL
/// number is the Unix second of issue, so it grows from one CRL to the next.
pub fn build(record: &CaRecord, now_ms: i64) -> Answer<Vec<u8>> {
    let cert = ca_certificate_der(record)
        .map_err(|_| refuse(404, codes::PCA_NOT_FOUND, "this CA has no certificate yet, so it publishes no CRL"))?;
    let key = ca_private_key(record)?;
    let hash = match &record.info.signature_algorithm {
        Some(alg) => signature_hash(alg).unwrap_or_default(),
        None => SignatureHash::Sha256,
    };
    let entries: Vec<RevokedEntry> = record
        .revoked_serials
        .iter()
        .filter_map(|r| {
            Some(RevokedEntry {
                serial: ids::hex_to_bytes(&r.serial)?,
                revoked_at: r.at_ms.div_euclid(1000),
                // RFC 5280 wants "unspecified" left out rather than written.
                reason: RevocationReason::from_api_name(&r.reason).filter(|r| *r != RevocationReason::Unspecified),
            })
        })
        .collect();
    let now = now_ms.div_euclid(1000);
    let days = record.info.crl_configuration.as_ref().and_then(|c| c.valid_days).unwrap_or(7);
    build_crl(&cert, &key, &entries, u64::try_from(now).unwrap_or_default(), now, now + days * DAY_S, hash)
        .map_err(|e| refuse(500, "PCA.00000003", format!("the CRL cannot be built: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_follow_the_host() {
        assert_eq!(crl_url("127.0.0.1:8080", "pki-crl", "ca one"), "http://127.0.0.1:8080/v1/crl/pki-crl/ca%20one.crl");
        assert_eq!(
            crl_url("ccm.ap-southeast-3.myhuaweicloud.com", "pki-crl", "x"),
            "https://ccm.ap-southeast-3.myhuaweicloud.com/v1/crl/pki-crl/x.crl"
        );
    }
}
