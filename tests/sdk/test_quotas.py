"""Quotas over AK/SK: the response models the SDK reads."""

from __future__ import annotations

import pytest
from huaweicloudsdkccm.v1 import model as m

QUOTAS = [
    # operation, request, response model, resource type, the emulator's default quota
    ("show_certificate_authority_quota", m.ShowCertificateAuthorityQuotaRequest, m.ShowCertificateAuthorityQuotaResponse, "CERTIFICATE_AUTHORITY", 100),
    ("show_certificate_quota", m.ShowCertificateQuotaRequest, m.ShowCertificateQuotaResponse, "CERTIFICATE", 100_000),
]


@pytest.mark.parametrize("operation, request_type, response_type, kind, total", QUOTAS, ids=[q[0] for q in QUOTAS])
def test_quota(ccm, operation, request_type, response_type, kind, total):
    answer = getattr(ccm, operation)(request_type())
    assert isinstance(answer, response_type)
    assert answer.status_code == 200
    assert isinstance(answer.quotas, m.Quotas)
    (resource,) = answer.quotas.resources
    assert isinstance(resource, m.Resources)
    assert resource.type == kind
    assert resource.quota == total
    # Other tests may have created resources on the shared server.
    assert isinstance(resource.used, int) and 0 <= resource.used <= resource.quota


@pytest.mark.parametrize("operation, request_type, response_type, kind, total", QUOTAS, ids=[q[0] for q in QUOTAS])
def test_quota_of_a_fresh_emulator_is_unused(start_server, make_client, operation, request_type, response_type, kind, total):
    server = start_server()
    ccm = make_client("ccm", endpoint=server.endpoint)
    (resource,) = getattr(ccm, operation)(request_type()).quotas.resources
    assert (resource.type, resource.used, resource.quota) == (kind, 0, total)
