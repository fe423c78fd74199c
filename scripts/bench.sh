#!/usr/bin/env bash
# make bench: the emulator's criterion figures, then the console in headless
# Chromium against `ccm-serve --emulate --seed scale` (1,000 CAs, 10,000
# private certificates, 500 SSL certificates). Prints one markdown table and
# writes it to docs/bench.md. Expects the release build (make console
# serve-bin). Figures, not pass/fail: a target missed is printed as such.
#   BENCH_RUNS   repetitions per measure (median reported), default 5
#   BENCH_PORT   where ccm-serve listens, default 8099
#   BENCH_CRITERION=0  skip cargo bench and report its last figures (for a
#                quick look at the console's figures after a change)
set -euo pipefail
port=${BENCH_PORT:-8099}
runs=${BENCH_RUNS:-5}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if [ "${BENCH_CRITERION:-1}" != 0 ]; then
  say "cargo bench -p ccm-emulator --bench emulator (criterion)"
  cargo bench --locked -p ccm-emulator --bench emulator >&2
fi

# ccm-serve serves only --dist: a copy of the build with the vanilla-JS
# baseline (tests/bench/baseline/) in a subfolder, using the console's CSS.
say "target/bench-dist: dist/ plus the baseline page"
rm -rf target/bench-dist
cp -r dist target/bench-dist
cp -r tests/bench/baseline target/bench-dist/baseline
css=$(find dist -maxdepth 1 -name 'main-*.css' | head -n1)
[ -n "$css" ] && cp "$css" target/bench-dist/baseline/console.css

say "ccm-serve --emulate --seed scale on 127.0.0.1:$port"
log=$(mktemp)
target/release/ccm-serve --listen "127.0.0.1:$port" --dist target/bench-dist --emulate --seed scale 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 300); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.2
done
grep -m1 "seeded the emulator" "$log" >&2 || true

say "headless Chromium, $runs runs per measure"
node tests/bench/bench.mjs --url "http://127.0.0.1:$port" --runs "$runs" \
  --criterion target/criterion --dist dist --build-seconds target/split/build-seconds --out docs/bench.md
