"""IAM through the SDK: the password token, the account's domain, projects."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from huaweicloudsdkcore.auth.credentials import GlobalCredentials
from huaweicloudsdkiam.v3 import model as m

from apicheck import api_error, raw_request
from conftest import password_token_request

# The CCM (private CA) regions; the console looks up a project per region.
CCM_REGIONS = {"ap-southeast-3", "cn-north-4", "eu-west-101", "ru-moscow-1", "my-kualalumpur-1", "sa-brazil-1"}


def parse_time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_password_token(iam, account):
    answer = iam.keystone_create_user_token_by_password(password_token_request(account))
    assert answer.status_code == 201
    assert isinstance(answer, m.KeystoneCreateUserTokenByPasswordResponse)
    # The token itself is only in the X-Subject-Token header.
    assert answer.x_subject_token and re.fullmatch(r"[A-Za-z0-9_\-+/=]{32,}", answer.x_subject_token)
    token = answer.token
    assert isinstance(token, m.TokenResult)
    assert token.methods == ["password"]
    assert token.user.name == account.user
    assert token.user.domain.id == account.domain_id
    assert token.user.domain.name == account.name
    issued, expires = parse_time(token.issued_at), parse_time(token.expires_at)
    assert abs(issued - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=5)
    assert expires - issued == dt.timedelta(hours=24)


def test_each_password_token_is_new(iam, account):
    first = iam.keystone_create_user_token_by_password(password_token_request(account)).x_subject_token
    second = iam.keystone_create_user_token_by_password(password_token_request(account)).x_subject_token
    assert first != second


def test_password_is_the_only_credential_a_token_needs(make_client, account):
    # The console signs in with a password and no access key: a client whose
    # AK the emulator does not know still gets a token.
    stranger = make_client("iam", credentials=GlobalCredentials("UNKNOWNAK00000000000", "unknown-secret", account.domain_id))
    assert stranger.keystone_create_user_token_by_password(password_token_request(account)).status_code == 201


def test_wrong_password_is_refused(iam, account):
    with api_error(401):
        iam.keystone_create_user_token_by_password(password_token_request(account, password="not-the-password"))


def test_unknown_account_is_refused(iam, account):
    with api_error(401):
        iam.keystone_create_user_token_by_password(password_token_request(account, domain="no-such-account"))


def test_token_is_accepted_as_x_auth_token(endpoint, iam_token, account):
    quota = raw_request(endpoint, "GET", "/v1/private-certificate-authorities/quotas", headers={"X-Auth-Token": iam_token})
    assert quota.status == 200, quota.body
    assert quota.json()["quotas"]["resources"][0]["type"] == "CERTIFICATE_AUTHORITY"
    domains = raw_request(endpoint, "GET", "/v3/auth/domains", headers={"X-Auth-Token": iam_token})
    assert domains.status == 200, domains.body
    assert [d["id"] for d in domains.json()["domains"]] == [account.domain_id]


def test_unknown_token_is_refused(endpoint, iam_token):
    forged = iam_token[:-4] + ("0000" if not iam_token.endswith("0000") else "1111")
    answer = raw_request(endpoint, "GET", "/v1/private-certificate-authorities/quotas", headers={"X-Auth-Token": forged})
    assert answer.status == 401
    assert answer.json()["error_code"] == "PCA.00010001"


def test_list_auth_domains(iam, account):
    answer = iam.keystone_list_auth_domains(m.KeystoneListAuthDomainsRequest())
    assert answer.status_code == 200
    assert [(d.id, d.name, d.enabled) for d in answer.domains] == [(account.domain_id, account.name, True)]


def check_project(project, account):
    assert re.fullmatch(r"[0-9a-f]{32}", project.id), project.id
    assert project.domain_id == account.domain_id
    assert project.enabled is True


def test_list_auth_projects(iam, account):
    answer = iam.keystone_list_auth_projects(m.KeystoneListAuthProjectsRequest())
    assert answer.status_code == 200
    names = [p.name for p in answer.projects]
    assert CCM_REGIONS <= set(names)
    assert len(names) == len(set(names))
    for p in answer.projects:
        check_project(p, account)


def test_list_projects(iam, account):
    answer = iam.keystone_list_projects(m.KeystoneListProjectsRequest())
    assert answer.status_code == 200
    assert CCM_REGIONS <= {p.name for p in answer.projects}
    for p in answer.projects:
        check_project(p, account)


@pytest.mark.parametrize("region", sorted(CCM_REGIONS))
def test_list_projects_by_region_name(iam, account, region):
    # How the console finds a region's project id.
    answer = iam.keystone_list_projects(m.KeystoneListProjectsRequest(name=region))
    assert [p.name for p in answer.projects] == [region]
    check_project(answer.projects[0], account)


def test_list_projects_unknown_name(iam):
    assert iam.keystone_list_projects(m.KeystoneListProjectsRequest(name="no-such-region")).projects == []


def test_project_ids_do_not_depend_on_the_filter(iam):
    every = {p.name: p.id for p in iam.keystone_list_projects(m.KeystoneListProjectsRequest()).projects}
    for region in sorted(CCM_REGIONS):
        (one,) = iam.keystone_list_projects(m.KeystoneListProjectsRequest(name=region)).projects
        assert one.id == every[region], region
