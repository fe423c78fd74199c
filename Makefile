# The README's commands. Each installs what it needs first.
#   make demo   build the console and serve it on http://127.0.0.1:8080 with the emulator
#   make test   every test: unit, proxy, SDK conformance, nginx recipe, browser end-to-end
#   make bench  benchmark figures
#   make fuzz   fuzz the PEM, certificate, CSR, key and error-body decoders (FUZZ_SECONDS per target)
#   make soak   load, slow-client and failing-upstream figures for ccm-serve (docs/soak.md)

SHELL := /bin/bash
LISTEN ?= 127.0.0.1:8080
# trunk finds wasm-opt (binaryen 132, from npm) first on PATH.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
SERVE := target/release/ccm-serve

.PHONY: demo test bench fuzz soak tools console serve-bin check-imports test-unit test-sdk test-nginx test-e2e clean

tools:
	@scripts/install-tools.sh

# The release console in dist/: trunk for the page, then the split wasm
# (main module plus a chunk per lazily loaded page).
console: tools
	scripts/build-console.sh
	scripts/compress-dist.sh dist

serve-bin: tools
	cargo build --release --locked -p ccm-serve

# The built-in emulator answers the CCM, SCM and IAM hosts: no cloud account
# needed. SEED=scale for thousands of records, SEED=empty for a new account.
SEED ?= demo
demo: console serve-bin
	@echo "Open http://$(LISTEN)/ and sign in on Settings: account demo, user demo, password demo-password"
	$(SERVE) --listen $(LISTEN) --dist dist --emulate --seed $(SEED)

test: tools test-unit console serve-bin test-sdk test-nginx test-e2e

# No .rs file imports a file that imports it back (plain python3, no packages).
check-imports:
	python3 scripts/import-cycles.py --self-test
	python3 scripts/import-cycles.py

test-unit: tools check-imports
	cargo test --workspace --locked

# The official Python SDK (pinned in tests/sdk/requirements.txt, installed
# into target/sdk-venv) against ccm-serve --emulate.
test-sdk: serve-bin
	tests/sdk/run.sh

test-nginx: console serve-bin
	scripts/check-nginx.sh

test-e2e: console serve-bin
	npx playwright test

# Figures, not pass/fail: the emulator's speed (criterion), then the release
# console in headless Chromium against the scale seed; one markdown table,
# also written to docs/bench.md. BENCH_RUNS=5 repetitions (medians).
bench: console serve-bin
	scripts/bench.sh

# cargo-fuzz on the stable toolchain, 60 s per target; 0 crashes or it fails.
# The committed seed corpus is replayed by `cargo test` (test-unit).
fuzz: tools
	scripts/fuzz.sh

# Figures, not pass/fail, and not in make test: 30 s of load on 32
# connections, 30 s more beside 300 slow clients, then the proxy in front of
# upstreams that hang, drip, send 50 MB or close mid-body; ccm-serve's RSS
# throughout. SOAK_ARGS go to ccm-soak (e.g. SOAK_ARGS="--duration 10").
soak:
	scripts/soak.sh $(SOAK_ARGS)

clean:
	rm -rf dist target test-results playwright-report
