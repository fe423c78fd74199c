#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is already
# there at the right version. Everything comes from crates.io, npm or
# Debian's packages: nothing is downloaded from anywhere else.
set -euo pipefail

TRUNK_VERSION=0.22.1
# Must equal the wasm-bindgen crate in Cargo.lock.
lock_version() { awk -v crate="$1" '$0 == "name = \"" crate "\"" { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock; }
WASM_BINDGEN_VERSION=$(lock_version wasm-bindgen)
WASM_SPLIT_VERSION=$(lock_version wasm_split_helpers)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

# Debian packages: Chromium for the browser tests, nginx for the deployment
# recipe, brotli for the build's precompressed copies, Python's venv for the
# SDK suite.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
# Debian's nginx package has the gzip_static module the recipe uses.
command -v nginx >/dev/null || missing+=(nginx)
# The release build writes .br copies next to the assets (scripts/compress-dist.sh).
command -v brotli >/dev/null || missing+=(brotli)
command -v openssl >/dev/null || missing+=(openssl)
# The browser tests unpack the ZIP files the console downloads.
command -v unzip >/dev/null || missing+=(unzip)
# keytool reads the TOMCAT export's Java KeyStore in the emulator and SDK tests.
command -v keytool >/dev/null || missing+=(default-jre-headless)
# A font with Chinese glyphs, so the zh-CN views render as text and not as
# boxes in the browser tests' screenshots (Chromium draws with fontconfig).
{ fc-list :lang=zh family 2>/dev/null | grep -q . ||
  dpkg-query -W -f='${Status}' fonts-wqy-microhei 2>/dev/null | grep -q 'ok installed'; } ||
  missing+=(fonts-wqy-microhei)
# python3 with venv and ensurepip for the SDK suite (tests/sdk): Debian
# ships ensurepip separately, so `python3 -m venv` fails without this.
python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "cargo install trunk $TRUNK_VERSION (about 10 minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION" --ignore-rust-version
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes, once)"
  # Not --locked: its lockfile names a crate release the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The splitter that cuts the lazily loaded pages into chunks
# (scripts/build-console.sh). It must read what the split-point macros of
# wasm_split_helpers write, so it is the release of the same number.
# It prints no version, so cargo's install list is asked.
if ! command -v wasm-split-cli >/dev/null ||
   ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "cargo install wasm_split_cli_support $WASM_SPLIT_VERSION (about 2 minutes, once)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# npm: Playwright (drives Debian's Chromium, downloads no browser) and
# binaryen's wasm-opt for trunk.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if ! [ -x node_modules/.bin/playwright ] || ! [ -x node_modules/.bin/wasm-opt ] ||
   [ "$(cat node_modules/.lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  say "npm ci"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.lock-hash
fi

# Crates for the offline trunk build.
cargo fetch --locked >/dev/null
