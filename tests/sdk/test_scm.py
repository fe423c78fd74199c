"""SCM (SSL certificates, API v3) through the official SDK: import, details,
export, push, delete, and the list's filters, sort and paging on a server
started with the demo seed."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from huaweicloudsdkscm.v3 import model as m

from apicheck import api_error
from certcheck import assert_chain_verifies, assert_sans
from conftest import Account

NOW = dt.datetime.now(dt.timezone.utc)


# ------------------------------------------------------------- local PKI


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(subject: str, key, issuer: str, issuer_key, *, ca: bool, sans=(), days=(-1, 90)):
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW + dt.timedelta(days=days[0]))
        .not_valid_after(NOW + dt.timedelta(days=days[1]))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(s) for s in sans]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _pem(cert) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def _key_pem(key, password: bytes | None = None) -> str:
    encryption = serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption).decode()


class Pki:
    """A root and an intermediate; leaves are issued by the intermediate."""

    def __init__(self) -> None:
        self.root_key = ec.generate_private_key(ec.SECP256R1())
        self.root = _cert("SDK Test Root", self.root_key, "SDK Test Root", self.root_key, ca=True, days=(-400, 4000))
        self.ca_key = ec.generate_private_key(ec.SECP256R1())
        self.ca = _cert("SDK Test TLS CA", self.ca_key, "SDK Test Root", self.root_key, ca=True, days=(-300, 2000))

    @property
    def chain(self) -> str:
        return _pem(self.ca) + _pem(self.root)

    def leaf(self, *names: str, days=(-1, 90)):
        key = ec.generate_private_key(ec.SECP256R1())
        return _cert(names[0], key, "SDK Test TLS CA", self.ca_key, ca=False, sans=names, days=days), key


@pytest.fixture(scope="module")
def pki() -> Pki:
    return Pki()


def unique_domain() -> str:
    return f"sdk-{uuid.uuid4().hex[:10]}.example.com"


def import_body(name: str, cert, key, chain: str, **extra) -> m.ImportCertificateRequestBody:
    return m.ImportCertificateRequestBody(
        name=name, certificate=_pem(cert), certificate_chain=chain, private_key=_key_pem(key), **extra
    )


def do_import(scm, body: m.ImportCertificateRequestBody) -> str:
    answer = scm.import_certificate(m.ImportCertificateRequest(body=body))
    assert answer.status_code == 200
    return answer.certificate_id


# ------------------------------------------------------------- lifecycle


def test_import_show_export_push_delete(scm, pki):
    domain = unique_domain()
    cert, key = pki.leaf(domain, "www." + domain)
    cid = do_import(scm, import_body("sdk-import", cert, key, pki.chain))
    assert len(cid) == 16 and cid.startswith("scs")

    shown = scm.show_certificate(m.ShowCertificateRequest(certificate_id=cid))
    assert shown.status_code == 200
    assert (shown.id, shown.name, shown.status) == (cid, "sdk-import", "UPLOAD")
    assert (shown.domain, shown.sans, shown.domain_type) == (domain, "www." + domain, "MULTI_DOMAIN")
    assert shown.domain_count == 2 and shown.wildcard_count == 0
    assert shown.signature_algorithm == "SHA256WITHECDSA"
    assert shown.push_support == "ON"
    assert shown.not_after.startswith((NOW + dt.timedelta(days=90)).strftime("%Y-%m-%d"))

    exported = scm.export_certificate(m.ExportCertificateRequest(certificate_id=cid))
    assert exported.status_code == 200
    assert exported.certificate.strip() == _pem(cert).strip()
    assert exported.entire_certificate.startswith(exported.certificate)
    assert_chain_verifies(exported.certificate, [exported.certificate_chain], _pem(pki.root))
    assert_sans(exported.certificate, [f"DNS:{domain}", f"DNS:www.{domain}"])
    private = serialization.load_pem_private_key(exported.private_key.encode(), password=None)
    assert private.public_key().public_numbers() == key.public_key().public_numbers()

    # In the list, found by name or domain.
    found = scm.list_certificates(m.ListCertificatesRequest(content=domain.split(".")[0]))
    assert [c.id for c in found.certificates] == [cid]
    assert found.total_count == 1
    row = found.certificates[0]
    assert (row.name, row.domain, row.status, row.deploy_support) == ("sdk-import", domain, "UPLOAD", True)
    assert row.expire_time == shown.not_after

    for service in ["ELB", "WAF", "CDN"]:
        pushed = scm.push_certificate(
            m.PushCertificateRequest(certificate_id=cid, body=m.PushCertificateRequestBody(target_project="ap-southeast-1", target_service=service))
        )
        assert pushed.status_code == 204

    deleted = scm.delete_certificate(m.DeleteCertificateRequest(certificate_id=cid))
    assert deleted.status_code == 204
    with api_error(404, "SCM.0094"):
        scm.show_certificate(m.ShowCertificateRequest(certificate_id=cid))


def test_import_refusals(scm, pki):
    domain = unique_domain()
    cert, key = pki.leaf(domain)
    other_cert, other_key = pki.leaf(unique_domain())

    with api_error(400, "SCM.0012"):
        body = import_body("locked", cert, key, pki.chain)
        body.private_key = _key_pem(key, b"secret")
        scm.import_certificate(m.ImportCertificateRequest(body=body))
    with api_error(400, "SCM.0014"):
        scm.import_certificate(m.ImportCertificateRequest(body=import_body("mismatch", cert, other_key, pki.chain)))
    with api_error(500, "SCM.0013", message="issued the certificate"):
        scm.import_certificate(m.ImportCertificateRequest(body=import_body("stranger", cert, key, Pki().chain)))
    old_cert, old_key = pki.leaf(unique_domain(), days=(-400, -2))
    with api_error(400, "SCM.0042"):
        scm.import_certificate(m.ImportCertificateRequest(body=import_body("expired", old_cert, old_key, pki.chain)))
    with api_error(400, "SCM.0032"):
        scm.import_certificate(m.ImportCertificateRequest(body=import_body("n" * 64, cert, key, pki.chain)))
    with api_error(400, "SCM.0031"):
        body = import_body("garbage", cert, key, pki.chain)
        body.certificate = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
        scm.import_certificate(m.ImportCertificateRequest(body=body))

    # Nothing of it was stored; duplicate_check refuses a second copy.
    assert scm.list_certificates(m.ListCertificatesRequest(content=domain.split(".")[0])).total_count == 0
    cid = do_import(scm, import_body("once", cert, key, pki.chain))
    with api_error(400, "SCM.0005", message=cid):
        scm.import_certificate(m.ImportCertificateRequest(body=import_body("twice", cert, key, pki.chain, duplicate_check=True)))
    scm.delete_certificate(m.DeleteCertificateRequest(certificate_id=cid))


def test_push_refusals(scm, pki):
    cert, key = pki.leaf(unique_domain())
    cid = do_import(scm, import_body("push", cert, key, pki.chain))
    push = lambda project, service: scm.push_certificate(  # noqa: E731
        m.PushCertificateRequest(certificate_id=cid, body=m.PushCertificateRequestBody(target_project=project, target_service=service))
    )
    with api_error(400, "SCM.0030"):
        push("ap-southeast-1", "OBS")
    with api_error(400, "SCM.0075"):
        push("nowhere", "ELB")
    scm.delete_certificate(m.DeleteCertificateRequest(certificate_id=cid))


@pytest.mark.parametrize("cid, status, code", [("scs0000000000000", 404, "SCM.0094"), ("scs-bad", 400, "SCM.0008")])
def test_unknown_and_malformed_ids(scm, cid, status, code):
    for call in (
        lambda: scm.show_certificate(m.ShowCertificateRequest(certificate_id=cid)),
        lambda: scm.export_certificate(m.ExportCertificateRequest(certificate_id=cid)),
        lambda: scm.delete_certificate(m.DeleteCertificateRequest(certificate_id=cid)),
    ):
        with api_error(status, code):
            call()


# ------------------------------------------------------------- the list, on the demo seed


@pytest.fixture
def demo_scm(start_server, make_client):
    """A server of its own with `--seed demo` (7 SSL certificates)."""
    server = start_server(Account(), "--seed", "demo")
    return make_client("scm", endpoint=server.endpoint)


def ids(answer) -> list[str]:
    return [c.id for c in answer.certificates]


def test_demo_list_filters(demo_scm):
    scm = demo_scm
    everything = scm.list_certificates(m.ListCertificatesRequest(limit=50))
    assert everything.total_count == 7 and len(everything.certificates) == 7
    by_status = {}
    for c in everything.certificates:
        by_status.setdefault(c.status, []).append(c)
    assert {"ISSUED", "UPLOAD", "EXPIRED", "PAID", "CHECKING"} <= set(by_status)

    for status, rows in by_status.items():
        answer = scm.list_certificates(m.ListCertificatesRequest(status=status, limit=50))
        assert sorted(ids(answer)) == sorted(c.id for c in rows), status
    assert scm.list_certificates(m.ListCertificatesRequest(status="ALL", limit=50)).total_count == 7
    assert scm.list_certificates(m.ListCertificatesRequest(status="REVOKED")).total_count == 0

    assert [c.name for c in scm.list_certificates(m.ListCertificatesRequest(content="EXAMPLE.NET")).certificates] == ["legacy-portal"]
    assert [c.name for c in scm.list_certificates(m.ListCertificatesRequest(content="shop")).certificates] == ["shop-example-com"]

    own = scm.list_certificates(m.ListCertificatesRequest(owned_by_self=True, limit=50))
    assert "partner-shared" not in [c.name for c in own.certificates] and own.total_count == 6
    assert scm.list_certificates(m.ListCertificatesRequest(owned_by_self=False, limit=50)).total_count == 7
    assert scm.list_certificates(m.ListCertificatesRequest(deploy_support=True, limit=50)).total_count == 7
    # Valid ones and those expired at most N days ago (the demo's expired one ended 15 days ago).
    assert scm.list_certificates(m.ListCertificatesRequest(expired_days_since=10, limit=50)).total_count == 6
    assert scm.list_certificates(m.ListCertificatesRequest(expired_days_since=30, limit=50)).total_count == 7
    assert scm.list_certificates(m.ListCertificatesRequest(enterprise_project_id="0", limit=50)).total_count == 7
    assert scm.list_certificates(m.ListCertificatesRequest(enterprise_project_id="all", limit=50)).total_count == 7


def test_demo_list_sort_and_paging(demo_scm):
    scm = demo_scm
    asc = scm.list_certificates(m.ListCertificatesRequest(sort_key="certExpiredTime", sort_dir="ASC", limit=50, expired_days_since=1000))
    expiries = [c.expire_time for c in asc.certificates if c.expire_time]
    assert expiries == sorted(expiries)
    desc = scm.list_certificates(m.ListCertificatesRequest(sort_key="certExpiredTime", sort_dir="DESC", limit=50))
    assert [c.expire_time for c in desc.certificates if c.expire_time] == sorted(expiries, reverse=True)
    statuses = [c.status for c in scm.list_certificates(m.ListCertificatesRequest(sort_key="certStatus", sort_dir="ASC", limit=50)).certificates]
    assert statuses == sorted(statuses)
    updated = ids(scm.list_certificates(m.ListCertificatesRequest(sort_key="certUpdateTime", limit=50)))
    assert ids(scm.list_certificates(m.ListCertificatesRequest(limit=50))) == updated, "certUpdateTime DESC is the default"
    assert ids(scm.list_certificates(m.ListCertificatesRequest(sort_key="certUpdateTime", sort_dir="ASC", limit=50))) == updated[::-1]

    first = scm.list_certificates(m.ListCertificatesRequest(limit=10, offset=0))
    assert ids(first) == updated
    page = scm.list_certificates(m.ListCertificatesRequest(limit=20, offset=5))
    assert ids(page) == updated[5:] and page.total_count == 7
    assert scm.list_certificates(m.ListCertificatesRequest(limit=10, offset=7)).certificates == []


@pytest.mark.parametrize(
    "request_args",
    [{"limit": 25}, {"offset": -1}, {"sort_key": "name"}, {"sort_dir": "UP"}, {"status": "GONE"}, {"expired_days_since": -1}],
)
def test_list_parameter_errors(scm, request_args):
    with api_error(400, r"SCM\.\d{4}"):
        scm.list_certificates(m.ListCertificatesRequest(**request_args))


def test_demo_details_carry_the_sdk_spelling(demo_scm):
    scm = demo_scm
    rows = scm.list_certificates(m.ListCertificatesRequest(status="CHECKING")).certificates
    assert len(rows) == 1
    shown = scm.show_certificate(m.ShowCertificateRequest(certificate_id=rows[0].id))
    assert shown.status == "CHECKING"
    records = shown.authentification
    assert records and records[0].record_type == "TXT"
    assert records[0].record_name == "_dnsauth." + shown.domain
    # Not issued yet: nothing to export.
    with api_error(400, "SCM.0010"):
        scm.export_certificate(m.ExportCertificateRequest(certificate_id=rows[0].id))
    # Under review: cannot be deleted.
    with api_error(400, "SCM.0010"):
        scm.delete_certificate(m.DeleteCertificateRequest(certificate_id=rows[0].id))


def test_demo_expiring_certificate_exports_a_verifiable_chain(demo_scm):
    scm = demo_scm
    rows = scm.list_certificates(m.ListCertificatesRequest(sort_key="certExpiredTime", sort_dir="ASC", status="UPLOAD")).certificates
    soon = [c for c in rows if c.name == "api-gateway"]
    assert soon, [c.name for c in rows]
    expires = dt.datetime.strptime(soon[0].expire_time, "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=dt.timezone.utc)
    assert dt.timedelta(days=0) < expires - NOW < dt.timedelta(days=30)
    exported = scm.export_certificate(m.ExportCertificateRequest(certificate_id=soon[0].id))
    chain = x509.load_pem_x509_certificates(exported.certificate_chain.encode())
    assert_chain_verifies(exported.certificate, [exported.certificate_chain], _pem(chain[-1]))
