"""The CA lifecycle without signing: list with filters and paging, disable,
enable, delete with a grace period, restore; and the status rules that
refuse the rest (PCA.00030201)."""

from __future__ import annotations

import uuid

from huaweicloudsdkccm.v1 import model as m

from apicheck import api_error
from test_pca_cas import create_pending, create_root

RUN = uuid.uuid4().hex[:8]


def status(ccm, ca_id: str) -> str:
    return ccm.show_certificate_authority(m.ShowCertificateAuthorityRequest(ca_id=ca_id)).status


def test_list_filters_sorts_and_pages(ccm):
    names = [f"Lifecycle {RUN} {c}" for c in "ABC"]
    ids = [create_root(ccm, n, years=2) for n in names]
    found = ccm.list_certificate_authority(m.ListCertificateAuthorityRequest(name=f"Lifecycle {RUN}", sort_key="common_name", sort_dir="ASC", limit=2, offset=0))
    assert found.total == 3
    assert [c.distinguished_name.common_name for c in found.certificate_authorities] == names[:2]
    rest = ccm.list_certificate_authority(m.ListCertificateAuthorityRequest(name=f"Lifecycle {RUN}", sort_key="common_name", sort_dir="ASC", limit=2, offset=2))
    assert [c.ca_id for c in rest.certificate_authorities] == ids[2:]
    roots = ccm.list_certificate_authority(m.ListCertificateAuthorityRequest(name=f"Lifecycle {RUN}", type="ROOT", status="ACTIVED", limit=10))
    assert roots.total == 3


def test_disable_enable_delete_restore(ccm):
    ca = create_root(ccm, f"Lifecycle {RUN} D", years=2)
    # An active CA can be neither enabled nor deleted.
    with api_error(403, r"PCA\.00030201"):
        ccm.enable_certificate_authority(m.EnableCertificateAuthorityRequest(ca_id=ca))
    with api_error(403, r"PCA\.00030201"):
        ccm.delete_certificate_authority(m.DeleteCertificateAuthorityRequest(ca_id=ca, pending_days="7"))

    assert ccm.disable_certificate_authority(m.DisableCertificateAuthorityRequest(ca_id=ca)).status_code == 204
    assert status(ccm, ca) == "DISABLED"
    with api_error(400, r"PCA\.00020001"):
        ccm.delete_certificate_authority(m.DeleteCertificateAuthorityRequest(ca_id=ca, pending_days="31"))
    assert ccm.delete_certificate_authority(m.DeleteCertificateAuthorityRequest(ca_id=ca, pending_days="10")).status_code == 204
    shown = ccm.show_certificate_authority(m.ShowCertificateAuthorityRequest(ca_id=ca))
    assert shown.status == "DELETED"
    assert shown.delete_time is not None
    assert ccm.restore_certificate_authority(m.RestoreCertificateAuthorityRequest(ca_id=ca)).status_code == 204
    assert status(ccm, ca) == "DISABLED"
    assert ccm.enable_certificate_authority(m.EnableCertificateAuthorityRequest(ca_id=ca)).status_code == 204
    assert status(ccm, ca) == "ACTIVED"


def test_a_pending_ca_is_deleted_at_once(ccm):
    ca = create_pending(ccm, f"Lifecycle {RUN} P")
    with api_error(403, r"PCA\.00030201"):
        ccm.restore_certificate_authority(m.RestoreCertificateAuthorityRequest(ca_id=ca))
    assert ccm.delete_certificate_authority(m.DeleteCertificateAuthorityRequest(ca_id=ca, pending_days="7")).status_code == 204
    with api_error(404, r"PCA\.00030102"):
        ccm.show_certificate_authority(m.ShowCertificateAuthorityRequest(ca_id=ca))
