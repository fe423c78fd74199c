"""The console feature flags and the OCSP switch (SDK-only operations)."""

from __future__ import annotations

import uuid

from huaweicloudsdkccm.v1 import model as m

from apicheck import api_error
from test_pca_cas import create_root


def test_console_flags(ccm):
    flags = ccm.show_console_config(m.ShowConsoleConfigRequest())
    assert flags.is_support_ocsp is True
    assert flags.is_support_sm2 is False
    assert flags.dhsm_regions == []


def test_ocsp_switch_refuses_the_state_it_is_in(ccm):
    ca = create_root(ccm, f"OCSP {uuid.uuid4().hex[:8]}", years=2)

    def switch(on: bool):
        return ccm.update_ocsp_switch(m.UpdateOcspSwitchRequest(ca_id=ca, body=m.UpdateOcspSwitchRequestBody(ocsp_switch=on)))

    assert switch(True).status_code == 204
    with api_error(403, r"PCA\.10010071"):
        switch(True)
    assert switch(False).status_code == 204
    with api_error(403, r"PCA\.10010072"):
        switch(False)
