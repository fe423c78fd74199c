#!/usr/bin/env bash
# Checks the nginx recipe with `nginx -t`, rendered for the current build.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/logs"
scripts/render-nginx.sh dist 127.0.0.1:8081 > "$work/site.conf"
cat > "$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/logs/error.log;
events {}
http {
    access_log $work/logs/access.log;
    include $work/site.conf;
}
CONF
nginx -t -p "$work" -c "$work/nginx.conf"
grep -q "wasm-unsafe-eval" "$work/site.conf"
echo "nginx recipe: configuration accepted"
