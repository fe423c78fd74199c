#!/usr/bin/env bash
# Sets up a throw-away nginx prefix (config, logs, temp files) around the
# recipe, for checks and tests that run nginx without installing a site:
#   nginx-prefix.sh DIR LISTEN [UPSTREAM]   then   nginx -p DIR -c DIR/nginx.conf
set -euo pipefail
work=$1
mkdir -p "$work/logs"
# Workers run as an unprivileged user when nginx starts as root: they must
# be able to enter the prefix.
chmod 755 "$work"
scripts/render-nginx.sh dist "$2" "${3:-}" > "$work/site.conf"
cat > "$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log stderr;
worker_processes 1;
events {}
http {
    # Debian's list includes application/wasm, which streaming compilation needs.
    include /etc/nginx/mime.types;
    access_log $work/logs/access.log;
    include $work/site.conf;
}
CONF
