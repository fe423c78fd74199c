#!/usr/bin/env bash
# Checks the nginx recipe, rendered for the current build and the real
# cloud hosts, with `nginx -t`. The browser tests (tests/e2e/nginx.spec.ts)
# run it for real in front of ccm-serve --emulate.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scripts/nginx-prefix.sh "$work" 127.0.0.1:8081
nginx -t -p "$work" -c "$work/nginx.conf"
grep -q "wasm-unsafe-eval" "$work/site.conf"
grep -q 'proxy_pass https://$upstream_host;' "$work/site.conf"
grep -q '^ *gzip_static on;' "$work/site.conf"
echo "nginx recipe: configuration accepted"
