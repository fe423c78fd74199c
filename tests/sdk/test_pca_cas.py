"""Private CAs through the SDK: create (root, subordinate signed at once,
pending), activate, CSR export, import of a certificate signed here with
`cryptography`, certificate export, revoke; the OBS agency, buckets, the CRL
switch and the CRL itself (fetched from its distribution point); tags on CAs
and certificates.

Names carry a per-run suffix, so the shared server's other contents do not
matter; tests that need an empty emulator start their own.
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID
from huaweicloudsdkccm.v1 import model as m

from apicheck import api_error, raw_request
from certcheck import assert_basic_constraints, assert_chain_verifies, assert_key_usage, assert_subject, load_cert, load_certs

RUN = uuid.uuid4().hex[:8]
CA_USAGES = ["digitalSignature", "keyCertSign", "cRLSign"]
UNKNOWN = "55555555-5555-4555-8555-555555555555"


def dn(cn: str) -> m.DistinguishedName:
    return m.DistinguishedName(
        common_name=cn, country="CN", state="Sichuan", locality="Chengdu", organization="Example", organizational_unit="PKI"
    )


def create(ccm, **fields) -> str:
    answer = ccm.create_certificate_authority(m.CreateCertificateAuthorityRequest(body=m.CreateCertificateAuthorityRequestBody(**fields)))
    assert isinstance(answer, m.CreateCertificateAuthorityResponse)
    assert answer.status_code == 200
    assert str(uuid.UUID(answer.ca_id)) == answer.ca_id and uuid.UUID(answer.ca_id).version == 4
    return answer.ca_id


def create_root(ccm, cn: str, years: int = 10) -> str:
    return create(
        ccm, type="ROOT", key_algorithm="EC384", signature_algorithm="SHA384",
        distinguished_name=dn(cn), validity=m.Validity(type="YEAR", value=years),
    )


def create_sub(ccm, cn: str, issuer: str, path_length: int | None = None, validity: m.Validity | None = None) -> str:
    return create(
        ccm, type="SUBORDINATE", key_algorithm="EC256", signature_algorithm="SHA256", issuer_id=issuer,
        path_length=path_length, distinguished_name=dn(cn), validity=validity or m.Validity(type="YEAR", value=1),
    )


def create_pending(ccm, cn: str) -> str:
    return create(ccm, type="SUBORDINATE", key_algorithm="EC256", distinguished_name=dn(cn))


def show(ccm, ca_id: str) -> m.ShowCertificateAuthorityResponse:
    return ccm.show_certificate_authority(m.ShowCertificateAuthorityRequest(ca_id=ca_id))


def export(ccm, ca_id: str) -> m.ExportCertificateAuthorityCertificateResponse:
    answer = ccm.export_certificate_authority_certificate(m.ExportCertificateAuthorityCertificateRequest(ca_id=ca_id))
    assert answer.status_code == 200
    return answer


def export_csr(ccm, ca_id: str) -> str:
    return ccm.export_certificate_authority_csr(m.ExportCertificateAuthorityCsrRequest(ca_id=ca_id)).csr


def activate(ccm, ca_id: str, issuer: str, path_length: int = 0, validity: m.Validity | None = None):
    body = m.IssueCertificateAuthorityCertificateRequestBody(
        issuer_id=issuer, path_length=path_length, signature_algorithm="SHA512",
        validity=validity or m.Validity(type="MONTH", value=6),
    )
    return ccm.issue_certificate_authority_certificate(m.IssueCertificateAuthorityCertificateRequest(ca_id=ca_id, body=body))


def import_cert(ccm, ca_id: str, certificate: str, chain: str | None = None):
    body = m.ImportCertificateAuthorityCertificateRequestBody(certificate=certificate, certificate_chain=chain)
    return ccm.import_certificate_authority_certificate(m.ImportCertificateAuthorityCertificateRequest(ca_id=ca_id, body=body))


def revoke(ccm, ca_id: str, reason: str | None = None):
    return ccm.revoke_certificate_authority(
        m.RevokeCertificateAuthorityRequest(ca_id=ca_id, body=m.RevokeCertificateRequestBody(reason=reason))
    )


@pytest.fixture(scope="module")
def root(ccm):
    """(id, PEM) of a root CA made through the SDK."""
    ca_id = create_root(ccm, f"SDK CA Root {RUN}")
    return ca_id, export(ccm, ca_id).certificate


# ------------------------------------------------------------- hierarchy


def test_root_ca_details_and_certificate(ccm, root):
    root_id, root_pem = root
    details = show(ccm, root_id)
    assert isinstance(details, m.ShowCertificateAuthorityResponse)
    assert (details.type, details.status, details.path_length, details.gen_mode) == ("ROOT", "ACTIVED", 7, "GENERATE")
    assert (details.key_algorithm, details.signature_algorithm, details.freeze_flag) == ("EC384", "SHA384", 0)
    assert details.issuer_id is None and details.issuer_name is None
    assert details.crl_configuration.enabled is False
    assert len(details.serial_number) == 24 and details.serial_number.isdigit()
    cert = load_cert(root_pem)
    assert cert.serial_number == int(details.serial_number, 16)
    assert int(cert.not_valid_after_utc.timestamp() * 1000) == details.not_after
    assert_subject(cert, dn(f"SDK CA Root {RUN}"))
    assert_basic_constraints(cert, ca=True, path_length=None)
    assert_key_usage(cert, CA_USAGES)
    assert "\r\n" in root_pem
    # A root's chain is the root itself.
    assert load_certs(export(ccm, root_id).certificate_chain) == [cert]


def test_three_levels_with_a_pending_ca_activated_later(ccm, root):
    root_id, root_pem = root
    issuing = create_sub(ccm, f"SDK CA Issuing {RUN}", root_id, path_length=1, validity=m.Validity(type="YEAR", value=5))
    team = create_pending(ccm, f"SDK CA Team {RUN}")
    pending = show(ccm, team)
    assert pending.status == "PENDING" and pending.serial_number is None and pending.not_after is None

    answer = activate(ccm, team, issuing)
    assert isinstance(answer, m.IssueCertificateAuthorityCertificateResponse)
    assert answer.status_code == 204
    details = show(ccm, team)
    assert (details.status, details.issuer_id, details.path_length, details.signature_algorithm) == ("ACTIVED", issuing, 0, "SHA512")
    assert details.issuer_name == f"SDK CA Issuing {RUN}"
    # Six months of 31 days each.
    assert details.not_after - details.not_before == 6 * 31 * 86_400_000

    exported = export(ccm, team)
    path = assert_chain_verifies(exported.certificate, [exported.certificate_chain], root_pem)
    assert len(path) == 3
    assert_basic_constraints(exported.certificate, ca=True, path_length=0)
    assert_basic_constraints(path[1], ca=True, path_length=1)
    assert_key_usage(exported.certificate, CA_USAGES)
    assert load_cert(exported.certificate).serial_number == int(details.serial_number, 16)


def local_root(cn: str):
    """A root CA made here with `cryptography`, outside the emulator."""
    key = ec.generate_private_key(ec.SECP384R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
        .sign(key, hashes.SHA384())
    )
    return key, cert


def sign_ca_csr(csr: x509.CertificateSigningRequest, issuer_key, issuer: x509.Certificate) -> str:
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(csr.subject).issuer_name(issuer.subject).public_key(csr.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=1)).not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(issuer_key, hashes.SHA256())
    )
    return pem(cert)


def pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(Encoding.PEM).decode()


def test_csr_export_and_import_of_a_certificate_signed_elsewhere(ccm):
    ca_id = create_pending(ccm, f"SDK CA Partner {RUN}")
    csr_pem = export_csr(ccm, ca_id)
    assert csr_pem.startswith("-----BEGIN CERTIFICATE REQUEST-----\r\n")
    csr = x509.load_pem_x509_csr(csr_pem.encode())
    assert csr.is_signature_valid
    assert csr.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == f"SDK CA Partner {RUN}"

    outside_key, outside = local_root(f"SDK Outside Root {RUN}")
    signed = sign_ca_csr(csr, outside_key, outside)
    # Another key's certificate, and a chain that does not lead to its issuer.
    other = x509.CertificateSigningRequestBuilder().subject_name(csr.subject).sign(ec.generate_private_key(ec.SECP256R1()), hashes.SHA256())
    with api_error(403, "PCA.00030301"):
        import_cert(ccm, ca_id, sign_ca_csr(other, outside_key, outside), pem(outside))
    _, unrelated = local_root(f"SDK Unrelated Root {RUN}")
    with api_error(400, "PCA.00020403"):
        import_cert(ccm, ca_id, signed, pem(unrelated))

    answer = import_cert(ccm, ca_id, signed, pem(outside))
    assert isinstance(answer, m.ImportCertificateAuthorityCertificateResponse)
    assert answer.status_code == 204
    details = show(ccm, ca_id)
    assert (details.status, details.gen_mode, details.path_length) == ("ACTIVED", "IMPORT", 0)
    assert details.issuer_name == f"SDK Outside Root {RUN}"
    exported = export(ccm, ca_id)
    assert load_cert(exported.certificate) == load_cert(signed)
    assert_chain_verifies(exported.certificate, [exported.certificate_chain], pem(outside))
    with api_error(403, "PCA.00030201"):
        export_csr(ccm, ca_id)


def test_refusals(ccm, root):
    root_id, _ = root
    short_root = create_root(ccm, f"SDK CA Short Root {RUN}", years=2)
    limited = create_sub(ccm, f"SDK CA Limited {RUN}", root_id, path_length=0)
    with api_error(404, "PCA.00030103"):
        create_sub(ccm, "x", UNKNOWN)
    with api_error(400, "PCA.00020109", message="after its issuing CA"):
        create_sub(ccm, "x", short_root, validity=m.Validity(type="YEAR", value=3))
    with api_error(403, "PCA.00030201", message="path length 0"):
        create_sub(ccm, "x", limited)
    with api_error(400, "PCA.00020109"):
        create_root(ccm, "x", years=31)
    with api_error(400, "PCA.00020102"):
        create(ccm, type="ROOT", key_algorithm="SM2", signature_algorithm="SHA256", distinguished_name=dn("x"),
               validity=m.Validity(type="YEAR", value=1))
    # Status rules.
    with api_error(403, "PCA.00030201"):
        activate(ccm, limited, root_id)
    with api_error(403, "PCA.00030201"):
        export_csr(ccm, limited)
    with api_error(403, "PCA.00030201"):
        revoke(ccm, root_id)
    pending = create_pending(ccm, f"SDK CA Waiting {RUN}")
    with api_error(403, "PCA.00030201"):
        export(ccm, pending)
    with api_error(403, "PCA.00030201"):
        create_sub(ccm, "x", pending)
    with api_error(404, r"PCA\.00030102|PCA\.10010002"):
        activate(ccm, UNKNOWN, root_id)


def test_the_ca_quota(start_server, make_client):
    server = start_server()
    ccm = make_client("ccm", endpoint=server.endpoint)
    for i in range(100):
        create_pending(ccm, f"Quota {i}")
    with api_error(403, "PCA.00030001"):
        create_pending(ccm, "One too many")
    (resource,) = ccm.show_certificate_authority_quota(m.ShowCertificateAuthorityQuotaRequest()).quotas.resources
    assert (resource.used, resource.quota) == (100, 100)


def test_quotas_are_configurable(start_server, make_client):
    from conftest import Account

    server = start_server(Account(), "--quota-cas", "2", "--quota-certificates", "7")
    ccm = make_client("ccm", endpoint=server.endpoint)
    create_pending(ccm, "Small quota 1")
    create_pending(ccm, "Small quota 2")
    with api_error(403, "PCA.00030001"):
        create_pending(ccm, "Small quota 3")
    (certs,) = ccm.show_certificate_quota(m.ShowCertificateQuotaRequest()).quotas.resources
    assert certs.quota == 7


# ------------------------------------------------------------------- CRL


def test_the_agency_comes_first(start_server, make_client):
    ccm = make_client("ccm", endpoint=start_server().endpoint)
    answer = ccm.show_certificate_authority_obs_agency(m.ShowCertificateAuthorityObsAgencyRequest())
    assert answer.agency_granted == "false"
    with api_error(403, "PCA.00000006"):
        ccm.list_certificate_authority_obs_bucket(m.ListCertificateAuthorityObsBucketRequest())
    ca_id = create_root(ccm, "Root")
    body = m.EnableCertificateAuthorityCrlRequestBody(obs_bucket_name="pki-crl", valid_days=7)
    with api_error(400, "PCA.00020204"):
        ccm.enable_certificate_authority_crl(m.EnableCertificateAuthorityCrlRequest(ca_id=ca_id, body=body))
    created = ccm.create_certificate_authority_obs_agency(m.CreateCertificateAuthorityObsAgencyRequest())
    assert isinstance(created, m.CreateCertificateAuthorityObsAgencyResponse)
    assert len(created.agency_id) == 32
    assert ccm.show_certificate_authority_obs_agency(m.ShowCertificateAuthorityObsAgencyRequest()).agency_granted == "true"
    buckets = ccm.list_certificate_authority_obs_bucket(m.ListCertificateAuthorityObsBucketRequest())
    assert buckets.total == 2
    assert [b.bucket_name for b in buckets.obs_buckets] == ["pki-crl", "team-artifacts"]


def test_revoked_subordinate_is_in_the_crl_at_the_distribution_point(ccm, endpoint):
    ccm.create_certificate_authority_obs_agency(m.CreateCertificateAuthorityObsAgencyRequest())
    root_id = create_root(ccm, f"SDK CRL Root {RUN}")
    name = f"crl-{RUN}"
    with api_error(400, "PCA.00020204"):
        ccm.enable_certificate_authority_crl(m.EnableCertificateAuthorityCrlRequest(
            ca_id=root_id, body=m.EnableCertificateAuthorityCrlRequestBody(crl_name=name, obs_bucket_name="no-such-bucket", valid_days=7)))
    body = m.EnableCertificateAuthorityCrlRequestBody(crl_name=name, obs_bucket_name="pki-crl", valid_days=7)
    answer = ccm.enable_certificate_authority_crl(m.EnableCertificateAuthorityCrlRequest(ca_id=root_id, body=body))
    assert answer.status_code == 204
    config = show(ccm, root_id).crl_configuration
    assert (config.enabled, config.crl_name, config.obs_bucket_name, config.valid_days) == (True, name, "pki-crl", 7)
    assert config.crl_dis_point == f"{endpoint}/v1/crl/pki-crl/{name}.crl"

    gone = create_sub(ccm, f"SDK CRL Gone {RUN}", root_id)
    quiet = create_sub(ccm, f"SDK CRL Quiet {RUN}", root_id)
    gone_cert = load_cert(export(ccm, gone).certificate)
    points = gone_cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    assert [n.value for p in points for n in p.full_name] == [config.crl_dis_point]

    assert revoke(ccm, gone, "SUPERSEDED").status_code == 204
    assert revoke(ccm, quiet).status_code == 204  # no reason: the body is {}
    assert show(ccm, gone).status == "DISABLED"
    with api_error(403, "PCA.00030201"):
        revoke(ccm, gone)

    fetched = raw_request(endpoint, "GET", config.crl_dis_point[len(endpoint):])
    assert fetched.status == 200
    assert fetched.headers["content-type"] == "application/pkix-crl"
    crl = x509.load_der_x509_crl(fetched.body)
    root_cert = load_cert(export(ccm, root_id).certificate)
    assert crl.is_signature_valid(root_cert.public_key())
    assert crl.issuer == root_cert.subject
    entry = crl.get_revoked_certificate_by_serial_number(gone_cert.serial_number)
    assert entry is not None
    assert entry.extensions.get_extension_for_class(x509.CRLReason).value.reason == x509.ReasonFlags.superseded
    quiet_serial = int(show(ccm, quiet).serial_number, 16)
    assert crl.get_revoked_certificate_by_serial_number(quiet_serial) is not None
    assert len(crl) == 2

    off = ccm.disable_certificate_authority_crl(m.DisableCertificateAuthorityCrlRequest(ca_id=root_id))
    assert off.status_code == 204
    assert show(ccm, root_id).crl_configuration.enabled is False
    assert raw_request(endpoint, "GET", config.crl_dis_point[len(endpoint):]).status == 404


# ------------------------------------------------------------------ tags


def test_tags_on_cas(ccm, root):
    root_id, _ = root
    other = create_pending(ccm, f"SDK CA Tagged {RUN}")
    key = f"run-{RUN}"
    answer = ccm.create_ca_tag(m.CreateCaTagRequest(ca_id=root_id, body=m.ResourceTagRequestBody(tag=m.ResourceTag(key=key, value="root"))))
    assert answer.status_code == 204
    tags = [m.ResourceTag(key=key, value="other"), m.ResourceTag(key="env", value="test")]
    assert ccm.batch_create_ca_tags(m.BatchCreateCaTagsRequest(ca_id=other, body=m.BatchOperateTagRequestBody(tags=tags))).status_code == 204

    listed = ccm.list_ca_tags(m.ListCaTagsRequest(ca_id=other))
    assert [(t.key, t.value) for t in listed.tags] == [(key, "other"), ("env", "test")]
    domain = ccm.list_domain_ca_tags(m.ListDomainCaTagsRequest())
    assert next(t for t in domain.tags if t.key == key).values == ["other", "root"]

    query = m.ListResourceInstancesRequestBody(tags=[m.DomainTags(key=key, values=["other"])])
    found = ccm.list_ca_resource_instances(m.ListCaResourceInstancesRequest(body=query))
    assert found.total_count == 1
    (resource,) = found.resources
    assert (resource.resource_id, resource.resource_name) == (other, f"SDK CA Tagged {RUN}")
    assert resource.resource_detail["status"] == "PENDING"
    everything = m.ListResourceInstancesRequestBody(tags=[m.DomainTags(key=key, values=[])])
    assert ccm.count_ca_resource_instances(m.CountCaResourceInstancesRequest(body=everything)).total_count == 2

    gone = m.BatchOperateTagRequestBody(tags=[m.ResourceTag(key=key), m.ResourceTag(key="env", value="test")])
    assert ccm.batch_delete_ca_tags(m.BatchDeleteCaTagsRequest(ca_id=other, body=gone)).status_code == 204
    assert ccm.list_ca_tags(m.ListCaTagsRequest(ca_id=other)).tags == []
    with api_error(404, r"PCA\.00030102|PCA\.10010002"):
        ccm.list_ca_tags(m.ListCaTagsRequest(ca_id=UNKNOWN))


def test_tags_on_certificates(ccm, root):
    root_id, _ = root
    body = m.CreateCertificateRequestBody(
        issuer_id=root_id, key_algorithm="EC256", signature_algorithm="SHA256",
        distinguished_name=m.CertDistinguishedName(common_name=f"tagged-{RUN}.example.com"),
        validity=m.Validity(type="DAY", value=30),
    )
    cert_id = ccm.create_certificate(m.CreateCertificateRequest(body=body)).certificate_id
    key = f"run-{RUN}"
    tag = m.ResourceTagRequestBody(tag=m.ResourceTag(key=key, value="web"))
    assert ccm.create_cert_tag(m.CreateCertTagRequest(certificate_id=cert_id, body=tag)).status_code == 204
    more = m.BatchOperateTagRequestBody(tags=[m.ResourceTag(key="tier", value="edge")])
    assert ccm.batch_create_cert_tags(m.BatchCreateCertTagsRequest(certificate_id=cert_id, body=more)).status_code == 204
    assert [(t.key, t.value) for t in ccm.list_cert_tags(m.ListCertTagsRequest(certificate_id=cert_id)).tags] == [(key, "web"), ("tier", "edge")]
    domain = ccm.list_domain_cert_tags(m.ListDomainCertTagsRequest())
    assert next(t for t in domain.tags if t.key == key).values == ["web"]
    query = m.ListResourceInstancesRequestBody(tags=[m.DomainTags(key=key, values=["web"])])
    found = ccm.list_cert_resource_instances(m.ListCertResourceInstancesRequest(body=query))
    assert [r.resource_id for r in found.resources] == [cert_id]
    assert ccm.count_cert_resource_instances(m.CountCertResourceInstancesRequest(body=query)).total_count == 1
    gone = m.BatchOperateTagRequestBody(tags=[m.ResourceTag(key=key), m.ResourceTag(key="tier")])
    assert ccm.batch_delete_cert_tags(m.BatchDeleteCertTagsRequest(certificate_id=cert_id, body=gone)).status_code == 204
    assert ccm.list_cert_tags(m.ListCertTagsRequest(certificate_id=cert_id)).tags == []
