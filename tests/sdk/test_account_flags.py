"""ccm-serve's account flags (--account, --user, --password, --ak, --sk,
--domain-id) decide who the SDK can sign in as, on a server of its own."""

from __future__ import annotations

import pytest
from huaweicloudsdkccm.v1 import model as ccm_model
from huaweicloudsdkiam.v3 import model as iam_model

from apicheck import api_error
from conftest import Account, password_token_request

ACME = Account(
    name="acme",
    user="alice",
    password="alice-password-1",
    ak="ACMEAK00000000000001",
    sk="acmeSecretKey00000000000000000000000000",
    domain_id="fedcba9876543210fedcba9876543210",
)


@pytest.fixture
def acme(start_server):
    return start_server(ACME)


def test_the_configured_access_key_signs_in(acme, make_client):
    ccm = make_client("ccm", endpoint=acme.endpoint, credentials=ACME.credentials())
    answer = ccm.show_certificate_quota(ccm_model.ShowCertificateQuotaRequest())
    assert answer.status_code == 200
    iam = make_client("iam", endpoint=acme.endpoint, credentials=ACME.credentials())
    domains = iam.keystone_list_auth_domains(iam_model.KeystoneListAuthDomainsRequest()).domains
    assert [(d.id, d.name) for d in domains] == [(ACME.domain_id, ACME.name)]


def test_the_default_access_key_is_refused(acme, make_client):
    ccm = make_client("ccm", endpoint=acme.endpoint, credentials=Account().credentials())
    with api_error(401, "PCA.00010001"):
        ccm.show_certificate_quota(ccm_model.ShowCertificateQuotaRequest())


def test_the_configured_user_gets_a_token(acme, make_client):
    iam = make_client("iam", endpoint=acme.endpoint, credentials=ACME.credentials())
    answer = iam.keystone_create_user_token_by_password(password_token_request(ACME))
    assert answer.status_code == 201
    assert (answer.token.user.name, answer.token.user.domain.id) == (ACME.user, ACME.domain_id)
    with api_error(401):
        iam.keystone_create_user_token_by_password(password_token_request(Account()))
