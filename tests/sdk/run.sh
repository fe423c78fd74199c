#!/usr/bin/env bash
# The SDK conformance suite: the official Huawei Cloud Python SDK against
# `ccm-serve --emulate`.
#
#   tests/sdk/run.sh [pytest arguments]     e.g. tests/sdk/run.sh -k quota -v
#
# Creates (or reuses) a virtualenv in target/sdk-venv with the pinned
# packages of tests/sdk/requirements.txt, starts target/release/ccm-serve
# --emulate on a free loopback port, runs pytest on tests/sdk and always
# stops the server. Build the server first: `make serve-bin` (or run
# `make test-sdk`, which does both).
#
# Environment: PYTHON (default python3), CCM_SERVE (default
# target/release/ccm-serve).
set -euo pipefail

cd "$(dirname "$0")/../.."
root=$PWD
python=${PYTHON:-python3}
venv=target/sdk-venv
requirements=tests/sdk/requirements.txt
serve=${CCM_SERVE:-target/release/ccm-serve}
case "$serve" in /*) ;; *) serve=$root/$serve ;; esac

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! [ -x "$serve" ]; then
  echo "tests/sdk: $serve is missing; build it with: make serve-bin" >&2
  exit 2
fi

# The virtualenv, rebuilt from scratch whenever the requirements or the
# interpreter change (the stamp holds a hash of both) or it no longer runs.
stamp_now=$({ cat "$requirements"; "$python" -c 'import sys; print(sys.version)'; } | sha256sum | cut -d' ' -f1)
stamp_file=$venv/.requirements.sha256
if ! [ -f "$stamp_file" ] || [ "$(cat "$stamp_file")" != "$stamp_now" ] ||
   ! "$venv/bin/python" -c '' 2>/dev/null; then
  say "virtualenv $venv: installing $requirements"
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
  echo "$stamp_now" >"$stamp_file"
fi

# The server, on a port the kernel picks; it prints its address on stdout.
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$serve" --emulate --listen 127.0.0.1:0 --dist dist >"$work/stdout" 2>"$work/stderr" &
server_pid=$!
endpoint=
for _ in $(seq 1 150); do
  endpoint=$(sed -n 's|^ccm-serve listening on \(http://[^/]*\)/$|\1|p' "$work/stdout")
  [ -n "$endpoint" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "tests/sdk: ccm-serve --emulate exited:" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
  sleep 0.1
done
if [ -z "$endpoint" ]; then
  echo "tests/sdk: ccm-serve did not start within 15 seconds:" >&2
  cat "$work/stderr" >&2
  exit 1
fi
say "ccm-serve --emulate at $endpoint"

status=0
CCM_SDK_ENDPOINT=$endpoint CCM_SERVE_BIN=$serve PYTHONDONTWRITEBYTECODE=1 \
  "$venv/bin/python" -m pytest -c tests/sdk/pytest.ini --rootdir tests/sdk tests/sdk "$@" || status=$?
if [ "$status" != 0 ] && [ -s "$work/stderr" ]; then
  echo "---- ccm-serve log (last 40 lines) ----" >&2
  tail -n 40 "$work/stderr" >&2
fi
exit "$status"
