"""Checks on certificates the emulator hands out, with `cryptography`.

Every function accepts certificates as PEM (str or bytes, one or several
blocks), DER bytes or `x509.Certificate`, and raises AssertionError with a
message that says what differs. Names follow the CCM API: key usages in its
camelCase (`digitalSignature`, `keyCertSign`, ...), subject alternative
names as `"DNS:example.com"`, `("IP", "10.0.0.1")`, `{"type": "EMAIL",
"value": ...}` or the SDK's `SubjectAlternativeName` model.

    chain = assert_chain_verifies(cert.certificate, [cert.certificate_chain], root_pem)
    assert_sans(chain[0], ["DNS:www.example.com", "IP:10.0.0.1"])
    assert_key_usage(chain[0], ["digitalSignature", "keyEncipherment"])
    assert_extended_key_usage(chain[0], ["serverAuth"])
"""

from __future__ import annotations

import datetime as _dt
import ipaddress
from collections.abc import Iterable
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CertLike = Any  # str | bytes | x509.Certificate

# ---------------------------------------------------------------- loading


def load_certs(data: CertLike | Iterable[CertLike] | None) -> list[x509.Certificate]:
    """Every certificate in `data`: PEM text with any number of blocks, DER
    bytes, a Certificate, or a list of those. None gives []."""
    if data is None:
        return []
    if isinstance(data, x509.Certificate):
        return [data]
    if isinstance(data, str):
        data = data.encode()
    if isinstance(data, (bytes, bytearray)):
        data = bytes(data)
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    out: list[x509.Certificate] = []
    for item in data:
        out.extend(load_certs(item))
    return out


def load_cert(data: CertLike) -> x509.Certificate:
    """Exactly one certificate."""
    certs = load_certs(data)
    if len(certs) != 1:
        raise AssertionError(f"expected one certificate, found {len(certs)}")
    return certs[0]


def describe(cert: x509.Certificate) -> str:
    return cert.subject.rfc4514_string() or f"serial {cert.serial_number:x}"


# ------------------------------------------------------------------ chains


def _ext(cert: x509.Certificate, kind: type) -> Any:
    try:
        return cert.extensions.get_extension_for_class(kind)
    except x509.ExtensionNotFound:
        return None


def _order_path(leaf: x509.Certificate, pool: list[x509.Certificate], root: x509.Certificate) -> list[x509.Certificate]:
    """The intermediates of `pool` from the leaf's issuer up, by name."""
    path, current, pool = [], leaf, list(pool)
    while current.issuer != root.subject:
        nxt = next((c for c in pool if c.subject == current.issuer), None)
        if nxt is None:
            raise AssertionError(f"no certificate in the chain issued {describe(current)} (issuer {current.issuer.rfc4514_string()})")
        pool.remove(nxt)
        path.append(nxt)
        current = nxt
    if pool:
        raise AssertionError(f"the chain has certificates outside the path: {[describe(c) for c in pool]}")
    return path


def assert_chain_verifies(
    leaf_pem: CertLike,
    chain_pems: CertLike | Iterable[CertLike] | None,
    root_pem: CertLike,
    *,
    at: _dt.datetime | None = None,
    ordered: bool = True,
) -> list[x509.Certificate]:
    """The leaf chains to the root through `chain_pems`: every signature
    verifies, names link, every issuer is a CA allowed to sign certificates
    (basicConstraints CA, keyCertSign when key usage is present, path
    length respected), the root is self-signed, and every certificate is
    valid at `at` (now by default).

    `chain_pems` are the intermediates from the leaf's issuer up (a copy of
    the root at the end is allowed, as exports often carry one); with
    `ordered=False` any order is accepted. Returns the path, leaf first and
    root last."""
    leaf = load_cert(leaf_pem)
    root = load_cert(root_pem)
    given = [c for c in load_certs(chain_pems) if c != root]
    if ordered:
        path = [leaf, *given, root]
    else:
        path = [leaf, *_order_path(leaf, given, root), root]
    when = at or _dt.datetime.now(_dt.timezone.utc)

    for i, (child, issuer) in enumerate(zip(path, path[1:])):
        where = f"{describe(child)} <- {describe(issuer)}"
        try:
            child.verify_directly_issued_by(issuer)
        except (ValueError, TypeError, InvalidSignature) as e:
            raise AssertionError(f"{where}: not issued by it ({type(e).__name__}: {e})") from None
        bc = _ext(issuer, x509.BasicConstraints)
        if bc is None or not bc.value.ca:
            raise AssertionError(f"{where}: the issuer is not a CA (basicConstraints {bc and bc.value})")
        # RFC 5280 4.2.1.9: CA certificates between this issuer and the leaf.
        if bc.value.path_length is not None and i > bc.value.path_length:
            raise AssertionError(f"{where}: {i} CA certificates below an issuer with pathLenConstraint {bc.value.path_length}")
        ku = _ext(issuer, x509.KeyUsage)
        if ku is not None and not ku.value.key_cert_sign:
            raise AssertionError(f"{where}: the issuer's key usage lacks keyCertSign")
    try:
        root.verify_directly_issued_by(root)
    except (ValueError, TypeError, InvalidSignature) as e:
        raise AssertionError(f"the root {describe(root)} is not self-signed ({type(e).__name__}: {e})") from None
    bc = _ext(root, x509.BasicConstraints)
    if bc is None or not bc.value.ca:
        raise AssertionError(f"the root {describe(root)} is not a CA")
    for cert in path:
        if not cert.not_valid_before_utc <= when <= cert.not_valid_after_utc:
            raise AssertionError(
                f"{describe(cert)} is not valid at {when:%Y-%m-%d %H:%M:%S}Z "
                f"({cert.not_valid_before_utc:%Y-%m-%d %H:%M:%S}Z to {cert.not_valid_after_utc:%Y-%m-%d %H:%M:%S}Z)"
            )
    return path


_UNSET = object()


def assert_basic_constraints(cert: CertLike, *, ca: bool, path_length: Any = _UNSET) -> None:
    """basicConstraints says CA (or not) and, when given, this path length
    (None: unlimited)."""
    cert = load_cert(cert)
    bc = _ext(cert, x509.BasicConstraints)
    is_ca = bool(bc and bc.value.ca)
    if is_ca != ca:
        raise AssertionError(f"{describe(cert)}: CA is {is_ca}, expected {ca}")
    if path_length is not _UNSET and (bc.value.path_length if bc else None) != path_length:
        raise AssertionError(f"{describe(cert)}: pathLenConstraint {bc and bc.value.path_length}, expected {path_length}")


# -------------------------------------------------------------------- names

_DN_FIELDS = {
    "common_name": NameOID.COMMON_NAME,
    "country": NameOID.COUNTRY_NAME,
    "state": NameOID.STATE_OR_PROVINCE_NAME,
    "locality": NameOID.LOCALITY_NAME,
    "organization": NameOID.ORGANIZATION_NAME,
    "organizational_unit": NameOID.ORGANIZATIONAL_UNIT_NAME,
}


def _as_dict(value: Any) -> dict:
    if isinstance(value, dict):
        return value
    if hasattr(value, "to_dict"):  # an SDK model
        return value.to_dict()
    raise TypeError(f"not a mapping or SDK model: {value!r}")


def assert_subject(cert: CertLike, expected: Any = None, **fields: str) -> None:
    """The subject has these attributes, named as the CCM API's
    DistinguishedName (`common_name`, `country`, `state`, `locality`,
    `organization`, `organizational_unit`). `expected` may be that SDK model
    or a dict; fields that are None are not checked."""
    cert = load_cert(cert)
    wanted = {**(_as_dict(expected) if expected is not None else {}), **fields}
    for name, value in wanted.items():
        if value is None:
            continue
        if name not in _DN_FIELDS:
            raise ValueError(f"unknown distinguished name field {name!r}")
        got = [a.value for a in cert.subject.get_attributes_for_oid(_DN_FIELDS[name])]
        if got != [value]:
            raise AssertionError(f"{describe(cert)}: subject {name} is {got}, expected [{value!r}]")


_SAN_TYPES = {
    "DNS": x509.DNSName,
    "IP": x509.IPAddress,
    "EMAIL": x509.RFC822Name,
    "URI": x509.UniformResourceIdentifier,
}


def _san_key(entry: Any) -> tuple[str, str]:
    if isinstance(entry, str):
        kind, sep, value = entry.partition(":")
        if not sep:
            raise ValueError(f"subject alternative name {entry!r} is not TYPE:value")
    elif isinstance(entry, tuple):
        kind, value = entry
    elif isinstance(entry, dict):
        kind, value = entry["type"], entry["value"]
    else:  # the SDK's SubjectAlternativeName
        kind, value = entry.type, entry.value
    kind = kind.upper()
    if kind not in _SAN_TYPES:
        raise ValueError(f"unknown subject alternative name type {kind!r} (DNS, IP, EMAIL, URI)")
    if kind == "IP":
        value = str(ipaddress.ip_address(value))
    return kind, value


def sans_of(cert: CertLike) -> list[tuple[str, str]]:
    """The certificate's subject alternative names as sorted (TYPE, value)."""
    cert = load_cert(cert)
    ext = _ext(cert, x509.SubjectAlternativeName)
    if ext is None:
        return []
    out = []
    for name in ext.value:
        kind = next((k for k, cls in _SAN_TYPES.items() if isinstance(name, cls)), None)
        out.append((kind, str(name.value)) if kind else ("OTHER", repr(name)))
    return sorted(out)


def assert_sans(cert: CertLike, expected: Iterable[Any], *, exact: bool = True) -> None:
    """The subject alternative names are exactly `expected` (any order), or
    include them with `exact=False`."""
    got = sans_of(cert)
    want = sorted(_san_key(e) for e in expected)
    if exact and got != want:
        raise AssertionError(f"subject alternative names are {got}, expected {want}")
    missing = [w for w in want if w not in got]
    if missing:
        raise AssertionError(f"subject alternative names {got} lack {missing}")


# ---------------------------------------------------------------- key usage

_KEY_USAGES = {
    "digitalSignature": "digital_signature",
    "nonRepudiation": "content_commitment",
    "keyEncipherment": "key_encipherment",
    "dataEncipherment": "data_encipherment",
    "keyAgreement": "key_agreement",
    "keyCertSign": "key_cert_sign",
    "cRLSign": "crl_sign",
    "encipherOnly": "encipher_only",
    "decipherOnly": "decipher_only",
}


def key_usages_of(cert: CertLike) -> list[str] | None:
    """The key usages in the API's names, sorted; None without the extension."""
    cert = load_cert(cert)
    ext = _ext(cert, x509.KeyUsage)
    if ext is None:
        return None
    ku = ext.value
    out = []
    for api_name, attr in _KEY_USAGES.items():
        if attr in ("encipher_only", "decipher_only") and not ku.key_agreement:
            continue  # only defined with keyAgreement; cryptography raises
        if getattr(ku, attr):
            out.append(api_name)
    return sorted(out)


def assert_key_usage(cert: CertLike, expected: Iterable[str], *, exact: bool = True, critical: bool | None = None) -> None:
    """The key usage extension holds exactly `expected` (API names such as
    `digitalSignature`, `keyCertSign`, `cRLSign`), or includes them with
    `exact=False`; with `critical`, the extension's criticality too."""
    want = sorted(set(expected))
    unknown = [w for w in want if w not in _KEY_USAGES]
    if unknown:
        raise ValueError(f"unknown key usage names {unknown}; known: {sorted(_KEY_USAGES)}")
    cert = load_cert(cert)
    got = key_usages_of(cert)
    if got is None:
        raise AssertionError(f"{describe(cert)} has no key usage extension, expected {want}")
    if exact and got != want:
        raise AssertionError(f"{describe(cert)}: key usages are {got}, expected {want}")
    missing = [w for w in want if w not in got]
    if missing:
        raise AssertionError(f"{describe(cert)}: key usages {got} lack {missing}")
    if critical is not None and _ext(cert, x509.KeyUsage).critical != critical:
        raise AssertionError(f"{describe(cert)}: key usage critical is {not critical}, expected {critical}")


_EXTENDED_KEY_USAGES = {
    "serverAuth": ExtendedKeyUsageOID.SERVER_AUTH,
    "clientAuth": ExtendedKeyUsageOID.CLIENT_AUTH,
    "codeSigning": ExtendedKeyUsageOID.CODE_SIGNING,
    "emailProtection": ExtendedKeyUsageOID.EMAIL_PROTECTION,
    "timeStamping": ExtendedKeyUsageOID.TIME_STAMPING,
    "smartCardLogon": x509.ObjectIdentifier("1.3.6.1.4.1.311.20.2.2"),
}
# The SDK's ExtendedKeyUsage model: booleans named in snake case.
_EKU_MODEL_FIELDS = {
    "server_auth": "serverAuth",
    "client_auth": "clientAuth",
    "code_signing": "codeSigning",
    "email_protection": "emailProtection",
    "time_stamping": "timeStamping",
    "smart_card_logon": "smartCardLogon",
}


def extended_key_usages_of(cert: CertLike) -> list[str] | None:
    """Extended key usages by name (unknown ones as dotted OIDs), sorted;
    None without the extension."""
    cert = load_cert(cert)
    ext = _ext(cert, x509.ExtendedKeyUsage)
    if ext is None:
        return None
    names = {oid: name for name, oid in _EXTENDED_KEY_USAGES.items()}
    return sorted(names.get(oid, oid.dotted_string) for oid in ext.value)


def assert_extended_key_usage(cert: CertLike, expected: Any, *, exact: bool = True) -> None:
    """The extended key usages are exactly `expected`: names (`serverAuth`,
    `clientAuth`, `codeSigning`, `emailProtection`, `timeStamping`,
    `smartCardLogon`) or the SDK's ExtendedKeyUsage model / its dict. An
    empty expectation means no extension at all (with `exact`)."""
    if isinstance(expected, (list, tuple, set, frozenset)):
        want = sorted(set(expected))
    else:
        model = _as_dict(expected)
        want = sorted(_EKU_MODEL_FIELDS[k] for k, v in model.items() if v and k in _EKU_MODEL_FIELDS)
    unknown = [w for w in want if w not in _EXTENDED_KEY_USAGES]
    if unknown:
        raise ValueError(f"unknown extended key usage names {unknown}; known: {sorted(_EXTENDED_KEY_USAGES)}")
    cert = load_cert(cert)
    got = extended_key_usages_of(cert)
    if got is None:
        if want:
            raise AssertionError(f"{describe(cert)} has no extended key usage extension, expected {want}")
        return
    if exact and got != want:
        raise AssertionError(f"{describe(cert)}: extended key usages are {got}, expected {want}")
    missing = [w for w in want if w not in got]
    if missing:
        raise AssertionError(f"{describe(cert)}: extended key usages {got} lack {missing}")
