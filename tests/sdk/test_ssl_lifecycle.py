"""The SSL certificate lifecycle through the official SDK (issue 15): order,
apply, domain validation (the emulator's admin endpoint stands in for DNS),
issuance, export, deployment and the deployed-resources query, batch push,
cancel and unsubscribe; the CSR manager; tags and expiry notifications.
Certificates, CSRs and keys are checked with `cryptography`."""

from __future__ import annotations

import uuid

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from huaweicloudsdkscm.v3 import model as m

from apicheck import api_error, raw_request
from certcheck import assert_chain_verifies, assert_sans
from conftest import Account


def unique(prefix: str = "ssl") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}.example.com"


def buy(scm, **changes) -> str:
    body = dict(
        cert_brand="GEOTRUST", cert_type="DV_SSL_CERT", domain_type="SINGLE_DOMAIN", effective_time=1,
        domain_numbers=1, order_number=1, agree_privacy_protection=True,
    )
    body.update(changes)
    answer = scm.subscribe_certificate(m.SubscribeCertificateRequest(body=m.PurchaseCertificateRequestBody(**body)))
    assert answer.order_id.startswith("CS") and len(answer.cert) == body["order_number"]
    return answer.cert[0].cert_id


def apply(scm, cert_id: str, domain: str, **changes):
    body = dict(domain=domain, applicant_name="Tom", applicant_email="tom@example.com", agree_privacy_protection=True, domain_method="DNS")
    body.update(changes)
    return scm.apply_certificate(m.ApplyCertificateRequest(certificate_id=cert_id, body=m.ApplyCertificateRequestBody(**body)))


def validate(endpoint: str, cert_id: str, domain: str | None = None, fail: bool = False) -> dict:
    body = {"certificate_id": cert_id, "fail": fail}
    if domain:
        body["domain"] = domain
    answer = raw_request(endpoint, "POST", "/__emulator/validate", body=body)
    assert answer.status == 200, answer.body
    return answer.json()


def status(scm, cert_id: str) -> str:
    return scm.show_certificate(m.ShowCertificateRequest(certificate_id=cert_id)).status


def own_csr(*names: str):
    key = ec.generate_private_key(ec.SECP256R1())
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])]))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), critical=False)
        .sign(key, hashes.SHA256())
    )
    return csr.public_bytes(serialization.Encoding.PEM).decode(), key


def public_der(key) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def resource_id(service: str, region: str, n: int) -> str:
    """The emulator's seeded inventory (crates/ccm-emulator/src/ssl_deploy.rs)."""
    tag = {"ELB": 0xE1B, "WAF": 0xAF0}.get(service, 0xCD0)
    index = ["ap-southeast-1", "cn-north-4", "my-kualalumpur-1"].index(region)
    return f"{tag:03x}{index:05x}-5eed-4000-8000-{n:012x}"


def test_order_apply_validate_issue_export_deploy(scm, endpoint):
    domain = unique()
    cert_id = buy(scm)
    assert status(scm, cert_id) == "PAID"
    with api_error(400, "SCM.0010"):
        scm.export_certificate(m.ExportCertificateRequest(certificate_id=cert_id))

    assert apply(scm, cert_id, domain, key_algorithm="EC_P256").request_info == "success"
    shown = scm.show_certificate(m.ShowCertificateRequest(certificate_id=cert_id))
    assert shown.status == "CHECKING" and shown.validation_method == "DNS" and shown.domain == domain
    record = shown.authentification[0]
    assert (record.domain, record.record_type, record.record_name) == (domain, "TXT", "_dnsauth." + domain)
    assert len(record.record_value) > 20
    assert shown.application_info.applicant_email == "tom@example.com"
    with api_error(400, "SCM.0010"):
        apply(scm, cert_id, domain)

    report = validate(endpoint, cert_id)
    assert report["status"] == "ISSUED" and report["domains"] == [{"domain": domain, "validation_status": "VALIDATED"}]
    assert status(scm, cert_id) == "ISSUED"

    exported = scm.export_certificate(m.ExportCertificateRequest(certificate_id=cert_id))
    leaf = x509.load_pem_x509_certificate(exported.certificate.encode())
    assert_sans(leaf, [("DNS", domain)])
    chain = x509.load_pem_x509_certificates(exported.certificate_chain.encode())
    assert_chain_verifies(exported.certificate, [exported.certificate_chain], chain[-1].public_bytes(serialization.Encoding.PEM).decode())
    key = serialization.load_pem_private_key(exported.private_key.encode(), None)
    assert public_der(key) == leaf.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)

    listener = resource_id("ELB", "ap-southeast-1", 1)
    deployed = scm.deploy_certificate(m.DeployCertificateRequest(certificate_id=cert_id, body=m.DeployCertificateRequestBody(
        project_name="ap-southeast-1", service_name="ELB",
        resources=[m.DeployedResource(id=listener), m.DeployedResource(id="no-such-listener")],
    )))
    assert [f.resource for f in deployed.failure_list] == ["no-such-listener"]
    assert deployed.failure_list[0].failure_info.startswith("SCM.0103")
    where = scm.list_deployed_resources(m.ListDeployedResourcesRequest(body=m.ListDeployedResourcesRequestBody(
        certificate_ids=[cert_id], service_names=["ALL"])))
    result = where.results[0]
    assert result.certificate_id == cert_id and result.total_num == 1
    detail = result.deployed_resources[0]
    assert detail.service == "ELB" and detail.region_resources[0].region_id == "ap-southeast-1"
    assert detail.region_resources[0].resources[0].resource_id == listener
    with api_error(400, "SCM.0105"):
        scm.delete_certificate(m.DeleteCertificateRequest(certificate_id=cert_id))

    pushed = scm.batch_push_certificate(m.BatchPushCertificateRequest(certificate_id=cert_id, body=m.BatchPushCertificateRequestBody(
        target_projects=["ap-southeast-1", "nowhere-1"], target_service="WAF")))
    assert [r.message == "success" for r in pushed.results] == [True, False]


def test_pasted_csr_multi_domain_validated_one_by_one(scm, endpoint):
    a, b = unique("a"), unique("b")
    cert_id = buy(scm, domain_type="MULTI_DOMAIN", domain_numbers=2)
    csr, key = own_csr(a, b)
    apply(scm, cert_id, a, sans=b, csr=csr, domain_method="FILE")
    records = scm.show_certificate(m.ShowCertificateRequest(certificate_id=cert_id)).authentification
    assert [r.record_type for r in records] == ["FILE", "FILE"]
    assert records[1].record_name == f"http://{b}/.well-known/pki-validation/fileauth.txt"
    assert validate(endpoint, cert_id, a)["status"] == "CHECKING"
    assert validate(endpoint, cert_id, b)["status"] == "ISSUED"
    exported = scm.export_certificate(m.ExportCertificateRequest(certificate_id=cert_id))
    assert exported.private_key is None, "the key never left the client"
    leaf = x509.load_pem_x509_certificate(exported.certificate.encode())
    assert leaf.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo) == public_der(key)
    assert_sans(leaf, [("DNS", a), ("DNS", b)])


def test_refused_applications_and_transitions(scm, endpoint):
    single = buy(scm)
    with api_error(400, "SCM.0015"):
        apply(scm, single, "*.example.com")
    csr, _ = own_csr(unique("other"))
    with api_error(400, "SCM.0035"):
        apply(scm, single, unique(), csr=csr)
    with api_error(400, "SCM.0005"):
        apply(scm, single, unique(), agree_privacy_protection=False)
    with api_error(400, "SCM.0108"):
        apply(scm, single, "not a domain")
    with api_error(400, "SCM.0010"):
        scm.cancel_certificate_request(m.CancelCertificateRequestRequest(certificate_id=single))
    # Cancel: back to PAID; a failed validation: UNPASSED, then a refund.
    apply(scm, single, unique())
    cancelled = scm.cancel_certificate_request(m.CancelCertificateRequestRequest(certificate_id=single))
    assert (cancelled.cert_id, cancelled.message) == (single, "success")
    assert status(scm, single) == "PAID"
    apply(scm, single, unique())
    with api_error(400, "SCM.0010"):
        scm.unsubscribe_certificate(m.UnsubscribeCertificateRequest(cert_id=single))
    assert validate(endpoint, single, fail=True)["status"] == "UNPASSED"
    assert scm.unsubscribe_certificate(m.UnsubscribeCertificateRequest(cert_id=single)).unsubscribe_results == "success"
    with api_error(404, "SCM.0094"):
        scm.show_certificate(m.ShowCertificateRequest(certificate_id=single))
    # The admin endpoint refuses what is not under review.
    assert raw_request(endpoint, "POST", "/__emulator/validate", body={"certificate_id": single}).status == 404
    paid = buy(scm)
    answer = raw_request(endpoint, "POST", "/__emulator/validate", body={"certificate_id": paid})
    assert answer.status == 409 and answer.json()["error_code"] == "EMU.BAD_VALIDATION"


def test_csr_manager(scm):
    name = f"csr-{uuid.uuid4().hex[:8]}"
    domain = unique("csr")
    made = scm.create_csr(m.CreateCsrRequest(body=m.CreateCsrRequestBody(
        name=name, domain_name=domain, sans=unique("alt"), private_key_algo="RSA_2048", usage="ENTERPRISE",
        company_country="CN", company_province="Sichuan", company_city="Chengdu", company_name="Example Ltd")))
    assert made.name == name and made.private_key_algo == "RSA_2048" and made.usage == "ENTERPRISE"
    shown = scm.show_csr(m.ShowCsrRequest(id=made.id))
    csr = x509.load_pem_x509_csr(shown.csr.encode())
    assert csr.is_signature_valid
    assert csr.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == domain
    assert csr.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "Example Ltd"
    key = serialization.load_pem_private_key(scm.show_csr_private_key(m.ShowCsrPrivateKeyRequest(id=made.id)).private_key.encode(), None)
    assert isinstance(key, rsa.RSAPrivateKey) and key.key_size == 2048
    assert public_der(key) == csr.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)

    listed = scm.list_csr(m.ListCsrRequest(name=name))
    assert listed.total == 1 and listed.csr_list[0].id == made.id
    assert all(c.private_key_algo == "RSA_2048" for c in scm.list_csr(m.ListCsrRequest(private_key_algo="RSA_2048", limit=100)).csr_list)
    renamed = scm.update_csr(m.UpdateCsrRequest(id=made.id, body=m.UpdateCSRRequestBody(name=name + "-2")))
    assert renamed.name == name + "-2"
    with api_error(400, "SCM.0005", message="SM2"):
        scm.create_csr(m.CreateCsrRequest(body=m.CreateCsrRequestBody(
            name="sm2", domain_name=domain, private_key_algo="SM2", usage="PERSONAL")))

    pem, own_key = own_csr(unique("up"))
    uploaded = scm.upload_csr(m.UploadCsrRequest(body=m.UploadCsrRequestBody(name="uploaded", csr=pem)))
    with api_error(400, "SCM.0059"):
        scm.show_csr_private_key(m.ShowCsrPrivateKeyRequest(id=uploaded.id))
    other_key = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    with api_error(400, "SCM.0014"):
        scm.upload_csr(m.UploadCsrRequest(body=m.UploadCsrRequestBody(name="wrong", csr=pem, private_key=other_key)))
    scm.delete_csr(m.DeleteCsrRequest(id=uploaded.id))
    with api_error(404, "SCM.0094"):
        scm.show_csr(m.ShowCsrRequest(id=uploaded.id))


def test_tags_and_notifications(scm):
    first, second = buy(scm), buy(scm)
    tag = f"team-{uuid.uuid4().hex[:6]}"
    scm.create_certificate_tag(m.CreateCertificateTagRequest(resource_id=first, body=m.CreateCertificateTagRequestBody(
        tag=m.ScsResourceTag(key=tag, value="web"))))
    scm.batch_create_or_delete_tags(m.BatchCreateOrDeleteTagsRequest(resource_id=second, body=m.BatchCreateOrDeleteTagsRequestBody(
        action="create", tags=[m.ScsResourceTag(key=tag, value="api"), m.ScsResourceTag(key="env", value="prod")])))
    mine = scm.list_tags_by_certificate(m.ListTagsByCertificateRequest(resource_id=first)).tags
    assert [(t.key, t.value) for t in mine] == [(tag, "web")]
    every = {t.key: t.values for t in scm.list_all_tags(m.ListAllTagsRequest()).tags}
    assert every[tag] == ["api", "web"]

    def by_tag(**body):
        return scm.list_certificates_by_tag(m.ListCertificatesByTagRequest(
            resource_instances="resource_instances", body=m.ListCertificatesByTagRequestBody(**body)))

    web = by_tag(action="filter", tags=[m.ScsTag(key=tag, values=["web"])])
    assert web.total_count == 1 and web.resources[0].resource_id == first
    assert web.resources[0].resource_detail.cert_id == first
    assert by_tag(action="count", tags=[m.ScsTag(key=tag, values=[])]).total_count == 2
    scm.batch_create_or_delete_tags(m.BatchCreateOrDeleteTagsRequest(resource_id=second, body=m.BatchCreateOrDeleteTagsRequestBody(
        action="delete", tags=[m.ScsResourceTag(key=tag, value="")])))
    assert by_tag(action="count", tags=[m.ScsTag(key=tag, values=[])]).total_count == 1
    with api_error(400, "SCM.0301"):
        scm.batch_create_or_delete_tags(m.BatchCreateOrDeleteTagsRequest(resource_id=second, body=m.BatchCreateOrDeleteTagsRequestBody(
            action="delete", tags=[m.ScsResourceTag(key=tag, value="")])))
    with api_error(400, "SCM.0304"):
        scm.batch_create_or_delete_tags(m.BatchCreateOrDeleteTagsRequest(resource_id=second, body=m.BatchCreateOrDeleteTagsRequestBody(
            action="update", tags=[m.ScsResourceTag(key=tag, value="x")])))

    scm.enable_notification(m.EnableNotificationRequest(body=[m.NoticeRequestBody(resource_id=first, notice_type=["CERT_EXPIRATION"])]))
    scm.disable_notification(m.DisableNotificationRequest(body=[m.NoticeRequestBody(resource_id=first, notice_type=["CERT_EXPIRATION"])]))
    with api_error(404, "SCM.0094"):
        scm.enable_notification(m.EnableNotificationRequest(body=[m.NoticeRequestBody(resource_id="scs0000000000000", notice_type=["CERT_EXPIRATION"])]))


@pytest.fixture
def demo(start_server, make_client):
    server = start_server(Account(), "--seed", "demo")
    return make_client("scm", endpoint=server.endpoint), server.endpoint


def test_demo_lifecycle_seed(demo):
    scm, endpoint = demo
    rows = {c.name: c for c in scm.list_certificates(m.ListCertificatesRequest(limit=50)).certificates}
    assert rows["new-order"].status == "PAID"
    pending = rows["pending-validation"]
    assert pending.status == "CHECKING"
    assert validate(endpoint, pending.id)["status"] == "ISSUED"
    where = scm.list_deployed_resources(m.ListDeployedResourcesRequest(body=m.ListDeployedResourcesRequestBody(
        certificate_ids=[rows["wildcard-example"].id], service_names=["ALL"])))
    assert where.results[0].total_num == 2

