"""Helpers for checking answers: SDK errors and plain HTTP calls.

    with api_error(401, "PCA.00010001"):
        bad_ccm.show_certificate_quota(ShowCertificateQuotaRequest())

    with api_error(400, r"PCA\\.\\d{8}") as err:
        ccm.list_certificate_authority(ListCertificateAuthorityRequest(limit=5000))
    assert "limit" in err.value.error_msg
"""

from __future__ import annotations

import contextlib
import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Iterator

import pytest
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException, ServiceResponseException


@contextlib.contextmanager
def api_error(status: int, code: str | None = None, *, message: str | None = None) -> Iterator[Any]:
    """Expects the block to raise the SDK's exception for an error answer
    with this HTTP status and, when given, an error_code matching the regular
    expression `code` in full (plain codes such as `PCA.00010001` match
    themselves) and an error_msg containing `message`. 4xx must come as
    ClientRequestException, 5xx as ServerResponseException. Yields pytest's
    ExceptionInfo; the exception is `.value`."""
    expected_type = ClientRequestException if status < 500 else ServiceResponseException
    with pytest.raises(ServiceResponseException) as info:
        yield info
    err = info.value
    summary = f"status {err.status_code}, error_code {err.error_code!r}, error_msg {err.error_msg!r}"
    assert isinstance(err, expected_type), f"{type(err).__name__} ({summary}), expected {expected_type.__name__}"
    assert err.status_code == status, f"{summary}; expected status {status}"
    if code is not None:
        assert err.error_code is not None and re.fullmatch(code, str(err.error_code)), f"{summary}; expected error_code {code}"
    if message is not None:
        assert message in (err.error_msg or ""), f"{summary}; expected the message to contain {message!r}"


@dataclass
class RawAnswer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def raw_request(endpoint: str, method: str, path: str, *, headers: dict[str, str] | None = None, body: Any = None) -> RawAnswer:
    """One HTTP call without the SDK (for what the SDK cannot send, such as
    an IAM token in X-Auth-Token). `body` is sent as JSON."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(endpoint + path, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return RawAnswer(resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read())
    except urllib.error.HTTPError as e:
        return RawAnswer(e.code, {k.lower(): v for k, v in e.headers.items()}, e.read())
