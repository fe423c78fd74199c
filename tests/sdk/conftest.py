"""Fixtures: SDK clients signed in to `ccm-serve --emulate`.

tests/sdk/run.sh starts the server and passes its address in
CCM_SDK_ENDPOINT (and the binary in CCM_SERVE_BIN, for tests that need a
server of their own). To run pytest by hand against a server you started:

    target/release/ccm-serve --emulate --listen 127.0.0.1:8099 &
    CCM_SDK_ENDPOINT=http://127.0.0.1:8099 target/sdk-venv/bin/python -m pytest -c tests/sdk/pytest.ini tests/sdk

Fixtures:
    endpoint, account, credentials     the shared server and who signs in
    ccm, scm, iam                      clients signed with the account's AK/SK
    make_client(kind, credentials=..., endpoint=...)   any other client
    iam_token                          a token from a password sign-in
    start_server(*flags)               a fresh emulator of the test's own

Every SDK operation called through these clients is recorded; the run ends
with a summary of the operations exercised and those no test calls yet.
"""

from __future__ import annotations

import os
import select
import subprocess
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from huaweicloudsdkccm.v1 import CcmClient
from huaweicloudsdkcore.auth.credentials import GlobalCredentials
from huaweicloudsdkcore.exceptions.exceptions import SdkException, ServiceResponseException
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkiam.v3 import IamClient
from huaweicloudsdkiam.v3 import model as iam_model
from huaweicloudsdkscm.v3 import ScmClient

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Account:
    """Who the emulator lets in: ccm-serve's --account, --user, --password,
    --ak, --sk and --domain-id (these are its defaults)."""

    name: str = "demo"
    user: str = "demo"
    password: str = "demo-password"
    ak: str = "EMULATORAK0000000001"
    sk: str = "emulatorSecretKey0000000000000000000000"
    domain_id: str = "0123456789abcdef0123456789abcdef"

    def flags(self) -> list[str]:
        return [
            "--account", self.name, "--user", self.user, "--password", self.password,
            "--ak", self.ak, "--sk", self.sk, "--domain-id", self.domain_id,
        ]

    def credentials(self) -> GlobalCredentials:
        return GlobalCredentials(self.ak, self.sk, self.domain_id)

    def with_(self, **changes: str) -> "Account":
        return replace(self, **changes)


# The IAM operations of the wire contract (crates/ccm-api); the IAM SDK has
# hundreds more that the console never calls.
IAM_CONTRACT_OPERATIONS = (
    "keystone_create_user_token_by_password",
    "keystone_list_auth_domains",
    "keystone_list_auth_projects",
    "keystone_list_projects",
)

CLIENTS = {"ccm": CcmClient, "scm": ScmClient, "iam": IamClient}


def sdk_operations(client_class: type) -> list[str]:
    """The operations of an SDK client: the methods with an `_{name}_http_info`."""
    return sorted(
        name
        for name in dir(client_class)
        if not name.startswith("_") and hasattr(client_class, f"_{name}_http_info")
    )


# ------------------------------------------------------- operation records

# (kind, operation) -> outcomes seen: "200", "401 PCA.00010001", ...
_CALLS: dict[tuple[str, str], set[str]] = defaultdict(set)


def _recorded(kind: str, name: str, method):
    def call(*args, **kwargs):
        try:
            answer = method(*args, **kwargs)
        except ServiceResponseException as e:
            _CALLS[(kind, name)].add(f"{e.status_code} {e.error_code}")
            raise
        except SdkException as e:
            _CALLS[(kind, name)].add(type(e).__name__)
            raise
        _CALLS[(kind, name)].add(str(getattr(answer, "status_code", "?")))
        return answer

    call.__name__ = name
    call.__doc__ = method.__doc__
    return call


def _record(kind: str, client: object) -> object:
    """Wraps the client's operations (on the instance) to record each call."""
    for name in sdk_operations(type(client)):
        setattr(client, name, _recorded(kind, name, getattr(client, name)))
    return client


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not _CALLS:
        return
    tr = terminalreporter
    tr.section("SDK operations")
    for kind, cls in CLIENTS.items():
        ops = IAM_CONTRACT_OPERATIONS if kind == "iam" else sdk_operations(cls)
        done = [op for op in ops if (kind, op) in _CALLS]
        tr.write_line(f"{kind}: {len(done)} of {len(ops)} operations called")
        for op in done:
            tr.write_line(f"    {op}: {', '.join(sorted(_CALLS[(kind, op)]))}")
        todo = [op for op in ops if op not in done]
        if todo:
            tr.write_line(f"    not called yet: {', '.join(todo)}")


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def endpoint() -> str:
    """The shared server, e.g. http://127.0.0.1:40123 (no trailing slash)."""
    value = os.environ.get("CCM_SDK_ENDPOINT")
    if not value:
        pytest.exit("CCM_SDK_ENDPOINT is not set: run tests/sdk/run.sh (or see conftest.py)", returncode=2)
    return value.rstrip("/")


@pytest.fixture(scope="session")
def account() -> Account:
    return Account()


@pytest.fixture(scope="session")
def credentials(account: Account) -> GlobalCredentials:
    return account.credentials()


@pytest.fixture(scope="session")
def make_client(endpoint: str, credentials: GlobalCredentials):
    """make_client("ccm" | "scm" | "iam", credentials=None, endpoint=None):
    a client of the official SDK for the server's root, signing with AK/SK."""

    def make(kind: str, *, credentials: GlobalCredentials = credentials, endpoint: str = endpoint):
        config = HttpConfig.get_default_config()
        config.timeout = (5, 60)
        client = (
            CLIENTS[kind].new_builder()
            .with_http_config(config)
            .with_credentials(credentials)
            # Instead of .with_region(...): every region's host is this server.
            .with_endpoints([endpoint])
            .build()
        )
        return _record(kind, client)

    return make


@pytest.fixture(scope="session")
def ccm(make_client) -> CcmClient:
    return make_client("ccm")


@pytest.fixture(scope="session")
def scm(make_client) -> ScmClient:
    return make_client("scm")


@pytest.fixture(scope="session")
def iam(make_client) -> IamClient:
    return make_client("iam")


def password_token_request(account: Account, *, password: str | None = None, domain: str | None = None):
    """The SDK request for an IAM token by password, scoped to the domain."""
    m = iam_model
    domain = domain or account.name
    user = m.PwdPasswordUser(
        domain=m.PwdPasswordUserDomain(name=domain),
        name=account.user,
        password=account.password if password is None else password,
    )
    body = m.KeystoneCreateUserTokenByPasswordRequestBody(
        auth=m.PwdAuth(
            identity=m.PwdIdentity(methods=["password"], password=m.PwdPassword(user=user)),
            scope=m.AuthScope(domain=m.AuthScopeDomain(name=domain)),
        )
    )
    return m.KeystoneCreateUserTokenByPasswordRequest(body=body)


@pytest.fixture(scope="session")
def iam_token(iam: IamClient, account: Account) -> str:
    """An IAM token (X-Subject-Token) for the account's user."""
    return iam.keystone_create_user_token_by_password(password_token_request(account)).x_subject_token


@dataclass
class Server:
    endpoint: str
    account: Account
    process: subprocess.Popen


@pytest.fixture
def start_server(tmp_path):
    """start_server(account=Account(), *extra_flags) -> Server: a fresh
    `ccm-serve --emulate` with empty state, stopped after the test. For
    tests that need a clean emulator or other flags (e.g. --state FILE)."""
    binary = os.environ.get("CCM_SERVE_BIN") or str(REPO / "target/release/ccm-serve")
    started: list[tuple[subprocess.Popen, object]] = []

    def start(account: Account = Account(), *extra: str) -> Server:
        log = open(tmp_path / f"ccm-serve-{len(started)}.log", "wb")
        proc = subprocess.Popen(
            [binary, "--emulate", "--listen", "127.0.0.1:0", "--dist", str(REPO / "dist"), *account.flags(), *extra],
            stdout=subprocess.PIPE,
            stderr=log,
            cwd=tmp_path,
        )
        started.append((proc, log))
        # It prints "ccm-serve listening on http://127.0.0.1:PORT/" once bound.
        ready, _, _ = select.select([proc.stdout], [], [], 15)
        line = proc.stdout.readline().decode() if ready else ""
        if "listening on http://" not in line:
            raise RuntimeError(f"ccm-serve did not start (stdout {line!r}); its log: {log.name}")
        return Server(line.split("listening on ", 1)[1].strip().rstrip("/"), account, proc)

    yield start
    for proc, log in started:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
