#!/usr/bin/env bash
# Writes the nginx recipe for this build:
#   render-nginx.sh DIST LISTEN [UPSTREAM] > site.conf
# UPSTREAM defaults to the cloud (https://$upstream_host, the host named in
# the /proxy/{host}/ path); the tests pass ccm-serve --emulate's address.
set -euo pipefail
dist=$(cd "${1:-dist}" && pwd)
listen=${2:-8081}
upstream=${3:-'https://$upstream_host'}
resolver=$(awk '/^nameserver/ { print $2; exit }' /etc/resolv.conf 2>/dev/null)
resolver=${resolver:-127.0.0.1}
case $resolver in *:*) resolver="[$resolver]" ;; esac
csp=$(target/release/ccm-serve --print-csp --dist "$dist")
sed -e "s|@DIST@|$dist|g" -e "s|@LISTEN@|$listen|g" -e "s|@CSP@|$csp|g" \
    -e "s|@RESOLVER@|$resolver|g" -e "s|@UPSTREAM@|$upstream|g" deploy/nginx/ccm-console.conf
