#!/usr/bin/env bash
# make soak: builds release ccm-serve and ccm-soak, then drives
# `ccm-serve --emulate --seed scale` on 127.0.0.1 with a bounded load, slow
# clients and failing upstreams (see crates/ccm-soak). Prints one markdown
# report and writes it to docs/soak.md. Figures, not pass/fail; not part of
# make test. Arguments go to ccm-soak (--duration 30 --connections 32
# --slow-connections 300 --upstream-timeout 5 --fault-rounds 3 ...).
# Takes no lock itself: on a shared machine run it under the same lock as
# the builds so that nobody's compile skews the figures.
set -euo pipefail
target=${CARGO_TARGET_DIR:-target}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

say "cargo build --release -p ccm-serve -p ccm-soak"
cargo build --release --locked -p ccm-serve -p ccm-soak >&2

"$target/release/ccm-soak" --serve "$target/release/ccm-serve" --out docs/soak.md "$@"
