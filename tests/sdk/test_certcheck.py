"""The certificate checks of certcheck.py, on a hierarchy made here, so that
they are known to pass and fail rightly before the emulator issues anything."""

from __future__ import annotations

import datetime as dt
import ipaddress

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from huaweicloudsdkccm.v1 import model as ccm_model

from certcheck import (
    assert_basic_constraints,
    assert_chain_verifies,
    assert_extended_key_usage,
    assert_key_usage,
    assert_sans,
    assert_subject,
    load_certs,
)

NOW = dt.datetime.now(dt.timezone.utc)
CA_USAGES = dict(digital_signature=True, key_cert_sign=True, crl_sign=True)


def name(cn: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example Org"),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ])


def key_usage(**on: bool) -> x509.KeyUsage:
    fields = dict(
        digital_signature=False, content_commitment=False, key_encipherment=False, data_encipherment=False,
        key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False,
    )
    fields.update(on)
    return x509.KeyUsage(**fields)


class Issued:
    def __init__(self, cert: x509.Certificate, key):
        self.cert, self.key = cert, key

    @property
    def pem(self) -> str:
        return self.cert.public_bytes(serialization.Encoding.PEM).decode()


def issue(cn, issuer: Issued | None = None, *, ca=True, path_length=None, usages=CA_USAGES, eku=None, sans=(),
          not_before=NOW - dt.timedelta(days=1), not_after=NOW + dt.timedelta(days=30)) -> Issued:
    key = ec.generate_private_key(ec.SECP256R1())
    builder = (
        x509.CertificateBuilder()
        .subject_name(name(cn))
        .issuer_name(issuer.cert.subject if issuer else name(cn))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=path_length if ca else None), critical=True)
    )
    if usages is not None:
        builder = builder.add_extension(key_usage(**usages), critical=True)
    if eku:
        builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(list(sans)), critical=False)
    signer = issuer.key if issuer else key
    return Issued(builder.sign(signer, hashes.SHA256()), key)


@pytest.fixture(scope="module")
def pki():
    root = issue("Root CA")
    inter = issue("Intermediate CA", root, path_length=1)
    sub = issue("Issuing CA", inter, path_length=0)
    leaf = issue(
        "www.example.com", sub, ca=False,
        usages=dict(digital_signature=True, key_encipherment=True),
        eku=[ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH],
        sans=[x509.DNSName("www.example.com"), x509.DNSName("example.com"),
              x509.IPAddress(ipaddress.ip_address("10.0.0.1")), x509.IPAddress(ipaddress.ip_address("2001:db8::1")),
              x509.RFC822Name("admin@example.com"), x509.UniformResourceIdentifier("https://example.com/")],
    )
    return dict(root=root, inter=inter, sub=sub, leaf=leaf)


# ------------------------------------------------------------------ chains


def test_chain_verifies(pki):
    path = assert_chain_verifies(pki["leaf"].pem, [pki["sub"].pem, pki["inter"].pem], pki["root"].pem)
    assert [c.subject.rfc4514_string().split(",")[0] for c in path] == [
        "CN=www.example.com", "CN=Issuing CA", "CN=Intermediate CA", "CN=Root CA"]


def test_chain_as_one_bundle_with_the_root_at_the_end(pki):
    bundle = pki["sub"].pem + pki["inter"].pem + pki["root"].pem
    assert len(load_certs(bundle)) == 3
    assert len(assert_chain_verifies(pki["leaf"].pem, bundle, pki["root"].pem)) == 4


def test_chain_accepts_bytes_der_and_objects(pki):
    der = pki["sub"].cert.public_bytes(serialization.Encoding.DER)
    assert_chain_verifies(pki["leaf"].pem.encode(), [der, pki["inter"].cert], pki["root"].cert)


def test_leaf_directly_under_the_root(pki):
    leaf = issue("direct.example.com", pki["root"], ca=False, usages=dict(digital_signature=True))
    assert_chain_verifies(leaf.pem, [], pki["root"].pem)
    assert_chain_verifies(leaf.pem, None, pki["root"].pem)


def test_chain_out_of_order(pki):
    reversed_chain = [pki["inter"].pem, pki["sub"].pem]
    with pytest.raises(AssertionError, match="not issued by it"):
        assert_chain_verifies(pki["leaf"].pem, reversed_chain, pki["root"].pem)
    assert len(assert_chain_verifies(pki["leaf"].pem, reversed_chain, pki["root"].pem, ordered=False)) == 4


def test_chain_with_a_missing_intermediate(pki):
    with pytest.raises(AssertionError, match="not issued by it"):
        assert_chain_verifies(pki["leaf"].pem, [pki["sub"].pem], pki["root"].pem)
    with pytest.raises(AssertionError, match="no certificate in the chain issued"):
        assert_chain_verifies(pki["leaf"].pem, [pki["sub"].pem], pki["root"].pem, ordered=False)


def test_chain_with_an_extra_certificate(pki):
    stray = issue("Stray CA", pki["root"])
    with pytest.raises(AssertionError, match="outside the path"):
        assert_chain_verifies(pki["leaf"].pem, [pki["sub"].pem, pki["inter"].pem, stray.pem], pki["root"].pem, ordered=False)


def test_chain_to_another_root(pki):
    other_root = issue("Root CA")  # same name, other key
    with pytest.raises(AssertionError, match="not issued by it"):
        assert_chain_verifies(pki["leaf"].pem, [pki["sub"].pem, pki["inter"].pem], other_root.pem)


def test_issuer_that_is_not_a_ca(pki):
    not_ca = issue("Not a CA", pki["root"], ca=False, usages=CA_USAGES)
    leaf = issue("leaf", not_ca, ca=False, usages=dict(digital_signature=True))
    with pytest.raises(AssertionError, match="not a CA"):
        assert_chain_verifies(leaf.pem, [not_ca.pem], pki["root"].pem)


def test_issuer_without_key_cert_sign(pki):
    weak = issue("No keyCertSign CA", pki["root"], usages=dict(digital_signature=True, crl_sign=True))
    leaf = issue("leaf", weak, ca=False, usages=dict(digital_signature=True))
    with pytest.raises(AssertionError, match="keyCertSign"):
        assert_chain_verifies(leaf.pem, [weak.pem], pki["root"].pem)


def test_path_length_is_enforced(pki):
    # Issuing CA has pathLen 0: it may not have a CA below it.
    below = issue("Too deep CA", pki["sub"])
    leaf = issue("leaf", below, ca=False, usages=dict(digital_signature=True))
    with pytest.raises(AssertionError, match="pathLenConstraint 0"):
        assert_chain_verifies(leaf.pem, [below.pem, pki["sub"].pem, pki["inter"].pem], pki["root"].pem)


def test_validity_period(pki):
    expired = issue("expired", pki["sub"], ca=False, usages=dict(digital_signature=True),
                    not_before=NOW - dt.timedelta(hours=20), not_after=NOW - dt.timedelta(hours=1))
    chain = [pki["sub"].pem, pki["inter"].pem]
    with pytest.raises(AssertionError, match="CN=expired,.* is not valid at"):
        assert_chain_verifies(expired.pem, chain, pki["root"].pem)
    assert_chain_verifies(expired.pem, chain, pki["root"].pem, at=NOW - dt.timedelta(hours=10))
    # A leaf valid for longer than its CA, checked when only the leaf is valid.
    early = issue("early", pki["sub"], ca=False, usages=dict(digital_signature=True),
                  not_before=NOW - dt.timedelta(days=3))
    with pytest.raises(AssertionError, match="CN=Issuing CA,.* is not valid at"):
        assert_chain_verifies(early.pem, chain, pki["root"].pem, at=NOW - dt.timedelta(hours=30))


def test_root_must_be_self_signed(pki):
    with pytest.raises(AssertionError, match="not self-signed"):
        assert_chain_verifies(pki["leaf"].pem, [pki["sub"].pem], pki["inter"].pem)


def test_basic_constraints(pki):
    assert_basic_constraints(pki["root"].pem, ca=True, path_length=None)
    assert_basic_constraints(pki["inter"].pem, ca=True, path_length=1)
    assert_basic_constraints(pki["leaf"].pem, ca=False)
    with pytest.raises(AssertionError):
        assert_basic_constraints(pki["sub"].pem, ca=True, path_length=1)
    with pytest.raises(AssertionError):
        assert_basic_constraints(pki["leaf"].pem, ca=True)


# ------------------------------------------------------- names and usages


def test_subject(pki):
    assert_subject(pki["leaf"].pem, common_name="www.example.com", organization="Example Org", country="CN")
    model = ccm_model.DistinguishedName(common_name="Root CA", country="CN", organization="Example Org")
    assert_subject(pki["root"].pem, model)
    with pytest.raises(AssertionError, match="common_name"):
        assert_subject(pki["leaf"].pem, common_name="example.com")
    with pytest.raises(AssertionError, match="locality"):
        assert_subject(pki["leaf"].pem, locality="Somewhere")


SANS = ["DNS:www.example.com", "DNS:example.com", "IP:10.0.0.1", "IP:2001:db8::1",
        "EMAIL:admin@example.com", "URI:https://example.com/"]


def test_sans_in_every_form(pki):
    leaf = pki["leaf"].pem
    assert_sans(leaf, SANS)
    assert_sans(leaf, list(reversed(SANS)))
    assert_sans(leaf, [tuple(s.split(":", 1)) for s in SANS])
    assert_sans(leaf, [{"type": t, "value": v} for t, v in (s.split(":", 1) for s in SANS)])
    assert_sans(leaf, [ccm_model.SubjectAlternativeName(type=t, value=v) for t, v in (s.split(":", 1) for s in SANS)])
    assert_sans(leaf, ["dns:example.com", "IP:2001:0db8:0:0:0:0:0:1"], exact=False)


def test_sans_that_differ(pki):
    with pytest.raises(AssertionError, match="expected"):
        assert_sans(pki["leaf"].pem, SANS[:-1])
    with pytest.raises(AssertionError, match="lack"):
        assert_sans(pki["leaf"].pem, ["DNS:other.example.com"], exact=False)
    with pytest.raises(ValueError):
        assert_sans(pki["leaf"].pem, ["DIR:CN=x"])
    assert_sans(pki["root"].pem, [])


def test_key_usage(pki):
    assert_key_usage(pki["leaf"].pem, ["digitalSignature", "keyEncipherment"], critical=True)
    assert_key_usage(pki["root"].pem, ["digitalSignature", "keyCertSign", "cRLSign"])
    assert_key_usage(pki["root"].pem, ["keyCertSign"], exact=False)
    with pytest.raises(AssertionError, match="expected"):
        assert_key_usage(pki["leaf"].pem, ["digitalSignature"])
    with pytest.raises(AssertionError, match="lack"):
        assert_key_usage(pki["leaf"].pem, ["keyCertSign"], exact=False)
    with pytest.raises(AssertionError, match="critical"):
        assert_key_usage(pki["leaf"].pem, ["digitalSignature", "keyEncipherment"], critical=False)
    with pytest.raises(ValueError):
        assert_key_usage(pki["leaf"].pem, ["digital_signature"])


def test_key_agreement_with_encipher_only(pki):
    cert = issue("ka", pki["root"], ca=False, usages=dict(key_agreement=True, encipher_only=True))
    assert_key_usage(cert.pem, ["keyAgreement", "encipherOnly"])


def test_no_key_usage_extension(pki):
    cert = issue("no ku", pki["root"], ca=False, usages=None)
    with pytest.raises(AssertionError, match="no key usage extension"):
        assert_key_usage(cert.pem, ["digitalSignature"])


def test_extended_key_usage(pki):
    leaf = pki["leaf"].pem
    assert_extended_key_usage(leaf, ["serverAuth", "clientAuth"])
    assert_extended_key_usage(leaf, ccm_model.ExtendedKeyUsage(server_auth=True, client_auth=True, code_signing=False))
    assert_extended_key_usage(leaf, {"server_auth": True, "client_auth": True})
    assert_extended_key_usage(leaf, ["serverAuth"], exact=False)
    assert_extended_key_usage(pki["root"].pem, [])
    with pytest.raises(AssertionError, match="expected"):
        assert_extended_key_usage(leaf, ["serverAuth"])
    with pytest.raises(AssertionError, match="no extended key usage"):
        assert_extended_key_usage(pki["root"].pem, ["serverAuth"])
    with pytest.raises(ValueError):
        assert_extended_key_usage(leaf, ["server_auth"])
