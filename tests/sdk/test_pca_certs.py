"""Private certificates through the SDK: apply, issue from a CSR, parse a
CSR, list, details, export (JSON and every ZIP layout), revoke, delete.

The hierarchy is made through the SDK too: a root CA and a subordinate
that issues, with unique names so that the shared server's other contents
do not matter.
"""

from __future__ import annotations

import base64
import io
import subprocess
import uuid
import zipfile

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from huaweicloudsdkccm.v1 import model as m

from apicheck import api_error, raw_request
from certcheck import (
    assert_basic_constraints,
    assert_chain_verifies,
    assert_extended_key_usage,
    assert_key_usage,
    assert_sans,
    assert_subject,
    load_cert,
)

RUN = uuid.uuid4().hex[:8]


def dn(cn: str) -> m.DistinguishedName:
    return m.DistinguishedName(
        common_name=cn, country="DE", state="Berlin", locality="Berlin", organization="Acme", organizational_unit="PKI"
    )


def create_ca(ccm, **fields) -> str:
    return ccm.create_certificate_authority(m.CreateCertificateAuthorityRequest(body=m.CreateCertificateAuthorityRequestBody(**fields))).ca_id


@pytest.fixture(scope="module")
def hierarchy(ccm):
    """(root id, root PEM, issuing CA id) made through the SDK."""
    root = create_ca(
        ccm, type="ROOT", key_algorithm="EC384", signature_algorithm="SHA384",
        distinguished_name=dn(f"SDK Root {RUN}"), validity=m.Validity(type="YEAR", value=10),
    )
    issuing = create_ca(
        ccm, type="SUBORDINATE", key_algorithm="EC256", signature_algorithm="SHA256", issuer_id=root, path_length=0,
        distinguished_name=dn(f"SDK Issuing {RUN}"), validity=m.Validity(type="YEAR", value=5),
    )
    exported = ccm.export_certificate_authority_certificate(m.ExportCertificateAuthorityCertificateRequest(ca_id=root))
    return root, exported.certificate, issuing


def apply(ccm, issuer: str, cn: str, key: str = "EC256", **extra) -> str:
    body = m.CreateCertificateRequestBody(
        issuer_id=issuer, key_algorithm=key, signature_algorithm="SHA256",
        distinguished_name=m.CertDistinguishedName(common_name=cn), validity=m.Validity(type="DAY", value=30), **extra,
    )
    answer = ccm.create_certificate(m.CreateCertificateRequest(body=body))
    assert answer.status_code == 200
    return answer.certificate_id


def export_json(ccm, cert_id: str, kind: str = "OTHER", **extra) -> m.ExportCertificateResponse:
    body = m.ExportCertificateRequestBody(is_compressed="false", type=kind, **extra)
    return ccm.export_certificate(m.ExportCertificateRequest(certificate_id=cert_id, body=body))


def export_zip(ccm, cert_id: str, kind: str) -> dict[str, bytes]:
    body = m.ExportCertificateRequestBody(is_compressed="true", type=kind)
    answer = ccm.export_certificate(m.ExportCertificateRequest(certificate_id=cert_id, body=body))
    assert answer.status_code == 200
    with zipfile.ZipFile(io.BytesIO(answer.raw_content)) as z:
        return {name: z.read(name) for name in z.namelist()}


def public_pem(key) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


@pytest.mark.parametrize("key, size", [("RSA2048", 2048), ("RSA4096", 4096), ("EC256", 256), ("EC384", 384)])
def test_apply_with_names_and_usages(ccm, hierarchy, key, size):
    _, root_pem, issuing = hierarchy
    cn = f"{key.lower()}-{RUN}.example.com"
    sans = [
        m.SubjectAlternativeName(type="DNS", value=cn),
        m.SubjectAlternativeName(type="IP", value="10.20.30.40"),
        m.SubjectAlternativeName(type="EMAIL", value="ops@example.com"),
        m.SubjectAlternativeName(type="URI", value="https://example.com/svc"),
    ]
    eku = m.ExtendedKeyUsage(server_auth=True, client_auth=True, code_signing=True, email_protection=True, time_stamping=True)
    cert_id = apply(
        ccm, issuing, cn, key, key_usages=["digitalSignature", "keyEncipherment"], subject_alternative_names=sans,
        extended_key_usage=eku,
        customized_extension=m.CustomizedExtension(object_identifier="1.3.6.1.4.1.2011.4.99", value="sdk"),
    )
    shown = ccm.show_certificate(m.ShowCertificateRequest(certificate_id=cert_id))
    assert isinstance(shown, m.ShowCertificateResponse)
    assert (shown.status, shown.key_algorithm, shown.signature_algorithm, shown.gen_mode) == ("ISSUED", key, "SHA256", "GENERATE")
    assert (shown.issuer_id, shown.issuer_name) == (issuing, f"SDK Issuing {RUN}")
    assert shown.distinguished_name.common_name == cn
    assert shown.not_after - shown.not_before == 30 * 86_400_000

    exported = export_json(ccm, cert_id)
    cert = load_cert(exported.certificate)
    assert_chain_verifies(exported.certificate, [exported.certificate_chain], root_pem)
    # Left out of the request: inherited from the issuing CA.
    assert_subject(cert, common_name=cn, country="DE", state="Berlin", locality="Berlin", organization="Acme", organizational_unit="PKI")
    assert_sans(cert, sans)
    assert_key_usage(cert, ["digitalSignature", "keyEncipherment"], critical=True)
    assert_extended_key_usage(cert, eku)
    assert_basic_constraints(cert, ca=False)
    custom = cert.extensions.get_extension_for_oid(x509.ObjectIdentifier("1.3.6.1.4.1.2011.4.99"))
    assert custom.value.value.endswith(b"sdk")
    assert format(cert.serial_number, "X") == shown.serial_number
    private = serialization.load_pem_private_key(exported.private_key.encode(), None)
    assert private.key_size == size if key.startswith("RSA") else private.curve.key_size == size
    assert public_pem(private) == public_pem(cert)


def test_list_filters_sorts_and_pages(ccm, hierarchy):
    issuing = hierarchy[2]
    tag = f"list-{RUN}"
    ids = [apply(ccm, issuing, f"{tag}-{i}.example.com") for i in range(3)]
    ccm.revoke_certificate(m.RevokeCertificateRequest(certificate_id=ids[1], body=m.RevokeCertificateRequestBody()))

    answer = ccm.list_certificate(m.ListCertificateRequest(name=tag))
    assert isinstance(answer, m.ListCertificateResponse)
    assert answer.total == 3
    assert [c.distinguished_name.common_name for c in answer.certificates] == [f"{tag}-{i}.example.com" for i in (2, 1, 0)]
    page = ccm.list_certificate(m.ListCertificateRequest(name=tag, sort_key="common_name", sort_dir="ASC", limit=1, offset=1))
    assert (page.total, [c.certificate_id for c in page.certificates]) == (3, [ids[1]])
    revoked = ccm.list_certificate(m.ListCertificateRequest(name=tag, status="REVOKED"))
    assert [c.certificate_id for c in revoked.certificates] == [ids[1]]
    assert revoked.certificates[0].status == "REVOKED"
    # Ten per page unless asked.
    assert len(ccm.list_certificate(m.ListCertificateRequest()).certificates) <= 10
    with api_error(400, r"PCA\.\d{8}"):
        ccm.list_certificate(m.ListCertificateRequest(sort_key="serial_number"))


def make_csr(cn: str, key=None, sans: list[str] | None = None):
    key = key or ec.generate_private_key(ec.SECP256R1())
    builder = x509.CertificateSigningRequestBuilder().subject_name(
        x509.Name([
            x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example SA"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ])
    )
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(s) for s in sans]), critical=False)
    csr = builder.sign(key, hashes.SHA256())
    return key, csr.public_bytes(serialization.Encoding.PEM).decode()


def test_parse_csr(ccm):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    _, csr = make_csr(f"parse-{RUN}.example.com", key)
    parsed = ccm.parse_certificate_signing_request(
        m.ParseCertificateSigningRequestRequest(body=m.ParseCertificateSigningRequestRequestBody(csr=csr))
    )
    assert isinstance(parsed, m.ParseCertificateSigningRequestResponse)
    assert (parsed.key_algorithm, parsed.key_algorithm_length, parsed.signature_algorithm) == ("RSA", 2048, "SHA256withRSA")
    assert parsed.distinguished_name.common_name == f"parse-{RUN}.example.com"
    assert (parsed.distinguished_name.country, parsed.distinguished_name.organization) == ("FR", "Example SA")
    assert "\r\n" in parsed.public_key
    assert serialization.load_pem_public_key(parsed.public_key.encode()).public_numbers() == key.public_key().public_numbers()


def test_parse_refuses_a_csr_whose_signature_fails(ccm):
    _, csr = make_csr("forged.example.com")
    der = bytearray(x509.load_pem_x509_csr(csr.encode()).public_bytes(serialization.Encoding.DER))
    der[-1] ^= 0x01
    forged = "-----BEGIN CERTIFICATE REQUEST-----\n" + base64.encodebytes(bytes(der)).decode() + "-----END CERTIFICATE REQUEST-----\n"
    with api_error(400, "PCA.00020401"):
        ccm.parse_certificate_signing_request(
            m.ParseCertificateSigningRequestRequest(body=m.ParseCertificateSigningRequestRequestBody(csr=forged))
        )


def test_issue_from_csr_keeps_no_key(ccm, hierarchy):
    _, root_pem, issuing = hierarchy
    cn = f"csr-{RUN}.example.com"
    key, csr = make_csr(cn, sans=[cn])
    body = m.CreateCertificateByCsrRequestBody(issuer_id=issuing, csr=csr, validity=m.Validity(type="MONTH", value=1))
    cert_id = ccm.create_certificate_by_csr(m.CreateCertificateByCsrRequest(body=body)).certificate_id
    shown = ccm.show_certificate(m.ShowCertificateRequest(certificate_id=cert_id))
    assert (shown.gen_mode, shown.key_algorithm, shown.signature_algorithm) == ("CSR", "EC256", "SHA384")
    exported = export_json(ccm, cert_id)
    assert exported.private_key is None
    assert_chain_verifies(exported.certificate, [exported.certificate_chain], root_pem)
    cert = load_cert(exported.certificate)
    assert public_pem(key) == public_pem(cert)
    assert_sans(cert, [f"DNS:{cn}"])
    assert_subject(cert, common_name=cn, country="FR", organization="Example SA")
    assert sorted(export_zip(ccm, cert_id, "NGINX")) == ["server.crt"]


def test_issue_a_subordinate_ca_from_csr(ccm, hierarchy):
    root, root_pem, _ = hierarchy
    _, csr = make_csr(f"Offline CA {RUN}", ec.generate_private_key(ec.SECP384R1()))
    body = m.CreateCertificateByCsrRequestBody(
        issuer_id=root, csr=csr, type="INTERMEDIATE_CA", path_length=2, validity=m.Validity(type="YEAR", value=3)
    )
    ca_id = ccm.create_certificate_by_csr(m.CreateCertificateByCsrRequest(body=body)).certificate_id
    ca = ccm.show_certificate_authority(m.ShowCertificateAuthorityRequest(ca_id=ca_id))
    assert (ca.type, ca.status, ca.path_length, ca.gen_mode, ca.key_algorithm) == ("SUBORDINATE", "ACTIVED", 2, "CSR", "EC384")
    exported = ccm.export_certificate_authority_certificate(m.ExportCertificateAuthorityCertificateRequest(ca_id=ca_id))
    assert_basic_constraints(exported.certificate, ca=True, path_length=2)
    assert_chain_verifies(exported.certificate, [], root_pem)
    # Its key is with the requester: the service cannot issue under it.
    with api_error(403, "PCA.00030201"):
        apply(ccm, ca_id, f"under-offline-{RUN}.example.com")


SERVER_FILES = {
    "APACHE": ["chain.crt", "server.crt", "server.key"],
    "NGINX": ["server.crt", "server.key"],
    "IIS": ["keystorePass.txt", "server.pfx"],
    "TOMCAT": ["keystorePass.txt", "server.jks"],
    "OTHER": ["chain.pem", "server.key", "server.pem"],
}


@pytest.mark.parametrize("kind", list(SERVER_FILES))
def test_export_zip_layouts(ccm, hierarchy, tmp_path, kind):
    _, root_pem, issuing = hierarchy
    cn = f"zip-{kind.lower()}-{RUN}.example.com"
    cert_id = apply(ccm, issuing, cn)
    files = export_zip(ccm, cert_id, kind)
    assert sorted(files) == SERVER_FILES[kind]
    if kind in ("APACHE", "OTHER"):
        leaf, chain = ("server.crt", "chain.crt") if kind == "APACHE" else ("server.pem", "chain.pem")
        assert_chain_verifies(files[leaf], [files[chain]], root_pem)
        key = serialization.load_pem_private_key(files["server.key"], None)
        assert public_pem(key) == public_pem(load_cert(files[leaf]))
    elif kind == "NGINX":
        leaf, *chain = x509.load_pem_x509_certificates(files["server.crt"])
        assert_chain_verifies(leaf, chain, root_pem)
        assert public_pem(serialization.load_pem_private_key(files["server.key"], None)) == public_pem(leaf)
    elif kind == "IIS":
        key, leaf, chain = pkcs12.load_key_and_certificates(files["server.pfx"], files["keystorePass.txt"])
        assert public_pem(key) == public_pem(leaf)
        assert_chain_verifies(leaf, chain, root_pem)
    else:
        (tmp_path / "server.jks").write_bytes(files["server.jks"])
        out = subprocess.run(
            ["keytool", "-list", "-v", "-keystore", "server.jks", "-storepass", files["keystorePass.txt"].decode()],
            cwd=tmp_path, capture_output=True, text=True, check=True,
        ).stdout
        assert "PrivateKeyEntry" in out and "Certificate chain length: 3" in out and f"CN={cn}" in out


def test_export_answers_and_refusals(ccm, hierarchy, endpoint, iam_token):
    issuing = hierarchy[2]
    cn = f"export-{RUN}.example.com"
    cert_id = apply(ccm, issuing, cn)
    # A JSON boolean and lower-case type, as the reference's example sends them.
    answer = raw_request(
        endpoint, "POST", f"/v1/private-certificates/{cert_id}/export",
        headers={"X-Auth-Token": iam_token}, body={"type": "apache", "is_compressed": True},
    )
    assert answer.status == 200
    assert answer.headers["content-type"] == "application/zip"
    assert answer.headers["content-disposition"] == f'attachment; filename="{cn}_apache.zip"'
    # A password encrypts the exported key.
    encrypted = export_json(ccm, cert_id, password="s3cret-pw").private_key
    assert encrypted.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    serialization.load_pem_private_key(encrypted.encode(), b"s3cret-pw")
    for kind in ("IIS", "TOMCAT"):
        with api_error(400, "PCA.00020001", message="is_compressed"):
            export_json(ccm, cert_id, kind)


def test_revoke_then_delete(ccm, hierarchy):
    issuing = hierarchy[2]
    cert_id = apply(ccm, issuing, f"revoke-{RUN}.example.com")
    body = m.RevokeCertificateRequestBody(reason="KEY_COMPROMISE")
    answer = ccm.revoke_certificate(m.RevokeCertificateRequest(certificate_id=cert_id, body=body))
    assert answer.status_code == 204
    assert ccm.show_certificate(m.ShowCertificateRequest(certificate_id=cert_id)).status == "REVOKED"
    with api_error(403, "PCA.00030201"):
        ccm.revoke_certificate(m.RevokeCertificateRequest(certificate_id=cert_id, body=m.RevokeCertificateRequestBody()))
    with api_error(403, "PCA.00030201"):
        export_json(ccm, cert_id)
    assert ccm.delete_certificate(m.DeleteCertificateRequest(certificate_id=cert_id)).status_code == 204
    with api_error(404, r"PCA\.00030102|PCA\.10010002"):
        ccm.show_certificate(m.ShowCertificateRequest(certificate_id=cert_id))


def test_issuance_refusals(ccm, hierarchy):
    root, _, issuing = hierarchy
    disabled = create_ca(
        ccm, type="SUBORDINATE", key_algorithm="EC256", signature_algorithm="SHA256", issuer_id=root, path_length=0,
        distinguished_name=dn(f"SDK Disabled {RUN}"), validity=m.Validity(type="YEAR", value=1),
    )
    ccm.disable_certificate_authority(m.DisableCertificateAuthorityRequest(ca_id=disabled))
    with api_error(403, "PCA.00030201"):
        apply(ccm, disabled, "x.example.com")
    with api_error(404, r"PCA\.00030103"):
        apply(ccm, str(uuid.uuid4()), "x.example.com")
    # Longer than the issuing CA (5 years) lives.
    body = m.CreateCertificateRequestBody(
        issuer_id=issuing, key_algorithm="EC256", signature_algorithm="SHA256",
        distinguished_name=m.CertDistinguishedName(common_name="long.example.com"), validity=m.Validity(type="YEAR", value=6),
    )
    with api_error(400, "PCA.00020109"):
        ccm.create_certificate(m.CreateCertificateRequest(body=body))
    with api_error(400, "PCA.00020110"):
        apply(ccm, issuing, "x.example.com", subject_alternative_names=[m.SubjectAlternativeName(type="DNS", value="bad name")])
    with api_error(400, "PCA.00020111"):
        apply(ccm, issuing, "x.example.com", subject_alternative_names=[m.SubjectAlternativeName(type="IP", value="1.2.3")])
    with api_error(404, r"PCA\.00030102|PCA\.10010002"):
        ccm.show_certificate(m.ShowCertificateRequest(certificate_id=str(uuid.uuid4())))


def test_quota_counts_certificates(ccm, hierarchy):
    before = ccm.show_certificate_quota(m.ShowCertificateQuotaRequest()).quotas.resources[0].used
    apply(ccm, hierarchy[2], f"quota-{RUN}.example.com")
    after = ccm.show_certificate_quota(m.ShowCertificateQuotaRequest()).quotas.resources[0].used
    assert after == before + 1
