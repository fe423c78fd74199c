"""Error answers as the SDK sees them: authentication, validation, unknown paths."""

from __future__ import annotations

import datetime as dt

import pytest
from huaweicloudsdkccm.v1 import model as ccm_model
from huaweicloudsdkiam.v3 import model as iam_model
from huaweicloudsdkscm.v3 import model as scm_model

from apicheck import api_error

# What each service answers for a refused signature.
UNAUTHORIZED = {"ccm": "PCA.00010001", "scm": "SCM.1000"}


def call_something(client, kind):
    """One call of each client that needs AK/SK (validation passes)."""
    if kind == "ccm":
        return client.show_certificate_authority_quota(ccm_model.ShowCertificateAuthorityQuotaRequest())
    if kind == "scm":
        return client.list_certificates(scm_model.ListCertificatesRequest())
    return client.keystone_list_auth_domains(iam_model.KeystoneListAuthDomainsRequest())


@pytest.mark.parametrize("kind", ["ccm", "scm"])
def test_wrong_secret_key(make_client, account, kind):
    client = make_client(kind, credentials=account.with_(sk=account.sk[:-1] + "X").credentials())
    with api_error(401, UNAUTHORIZED[kind]):
        call_something(client, kind)


@pytest.mark.parametrize("kind", ["ccm", "scm"])
def test_unknown_access_key(make_client, account, kind):
    client = make_client(kind, credentials=account.with_(ak="UNKNOWNAK00000000000").credentials())
    with api_error(401, UNAUTHORIZED[kind]):
        call_something(client, kind)


def test_iam_wrong_secret_key(make_client, account):
    client = make_client("iam", credentials=account.with_(sk="wrong-secret-key").credentials())
    with api_error(401):
        call_something(client, "iam")


def sdk_date(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


@pytest.mark.parametrize("minutes, status", [(-5, 200), (5, 200), (-20, 401), (20, 401)])
def test_signature_date_window(ccm, minutes, status):
    # The SDK signs with the X-Sdk-Date it is given; the service accepts 15 minutes either way.
    date = sdk_date(dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=minutes))
    call = lambda: ccm.do_http_request(  # noqa: E731
        "GET",
        "/v1/private-certificate-authorities/quotas",
        header_params={"X-Sdk-Date": date},
        response_type="ShowCertificateAuthorityQuotaResponse",
    )
    if status == 200:
        assert call().status_code == 200
    else:
        with api_error(401, "PCA.00010001"):
            call()


@pytest.mark.parametrize("limit", [5000, 1001, -1])
def test_ca_list_limit_out_of_range(ccm, limit):
    with api_error(400, r"PCA\.\d{8}", message="limit"):
        ccm.list_certificate_authority(ccm_model.ListCertificateAuthorityRequest(limit=limit))


@pytest.mark.parametrize("limit", [5000, 0, 11])
def test_scm_list_limit_out_of_range(scm, limit):
    with api_error(400, r"SCM\.\d{4}", message="limit"):
        scm.list_certificates(scm_model.ListCertificatesRequest(limit=limit))


@pytest.mark.parametrize(
    "kind, path, code",
    [
        ("ccm", "/v1/no-such-resource", "PCA.00030102"),
        ("ccm", "/v1/private-certificate-authorities/quotas/extra", "PCA.00030102"),
        ("scm", "/v3/scm/no-such-resource", "SCM.0103"),
        ("iam", "/v3/no-such-resource", None),
    ],
)
def test_unknown_path(make_client, kind, path, code):
    client = make_client(kind)
    with api_error(404, code):
        # A signed request for a path no SDK operation has.
        client.do_http_request("GET", path, response_type=None)
