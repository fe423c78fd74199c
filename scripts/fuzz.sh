#!/usr/bin/env bash
# Fuzzes the decoders that read pasted or downloaded input (ccm-pki: PEM,
# certificates, CSRs, private keys; ccm-api: error bodies) with cargo-fuzz,
# FUZZ_SECONDS per target (default 60), and fails on any crash.
#
# cargo-fuzz needs nightly-only compiler flags (-Z sanitizer, coverage);
# RUSTC_BOOTSTRAP=1 lets the stable toolchain accept them.
# New inputs go to fuzz/corpus-run/ (not committed); the seeds in
# fuzz/corpus/ are replayed by `cargo test` (make test).
set -euo pipefail
CARGO_FUZZ_VERSION=0.13.2
seconds=${FUZZ_SECONDS:-60}
targets=(pem certificate csr private_key inspect api_error)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! cargo fuzz --version 2>/dev/null | grep -q " $CARGO_FUZZ_VERSION"; then
  say "cargo install cargo-fuzz $CARGO_FUZZ_VERSION (about 3 minutes, once)"
  cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

export RUSTC_BOOTSTRAP=1
cd "$(dirname "$0")/../fuzz"
say "cargo fuzz build (release, AddressSanitizer)"
cargo fuzz build --release

triple=$(rustc -vV | awk '/^host:/ { print $2 }')
report=()
crashed=0
for t in "${targets[@]}"; do
  say "fuzzing $t for ${seconds}s"
  mkdir -p "corpus-run/$t" "artifacts/$t"
  log=$(mktemp)
  # -timeout: an input that takes over 10 s counts as a failure (a hang).
  status=0
  "target/$triple/release/$t" "corpus-run/$t" "corpus/$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="artifacts/$t/" -print_final_stats=1 >"$log" 2>&1 || status=$?
  runs=$(awk '/stat::number_of_executed_units:/ { print $2 }' "$log")
  if [ "$status" -ne 0 ]; then
    crashed=$((crashed + 1))
    tail -n 40 "$log"
    report+=("| $t | ${runs:-?} | CRASH (exit $status), input in fuzz/artifacts/$t/ |")
  else
    report+=("| $t | ${runs:-?} | 0 crashes |")
  fi
  rm -f "$log"
done

echo
echo "| target | inputs run in ${seconds}s | result |"
echo "|---|---:|---|"
printf '%s\n' "${report[@]}"
[ "$crashed" -eq 0 ]
