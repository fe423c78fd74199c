#!/usr/bin/env bash
# Runs the nginx recipe in the foreground for the browser tests:
#   run-nginx.sh LISTEN UPSTREAM   (e.g. 127.0.0.1:8100 http://127.0.0.1:8101)
# The prefix is one fixed directory per address, remade on each start, as
# the test runner stops nginx with a signal that leaves no time to clean up.
set -euo pipefail
work=${TMPDIR:-/tmp}/ccm-console-nginx-${1//[:.]/-}
rm -rf "$work"
mkdir -p "$work"
scripts/nginx-prefix.sh "$work" "$1" "$2"
exec nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;'
