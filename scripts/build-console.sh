#!/usr/bin/env bash
# Builds the release console into dist/ as a main wasm module plus one
# chunk per lazily loaded page (src/layout/lazy_page.rs).
#
# trunk 0.22 cannot split a module, so it builds only the page around the
# app (index.html, CSS, icons) and this script does the wasm itself:
#   1. cargo links the whole app for wasm32 with relocations kept
#      (`--emit-relocs`, .cargo/config.toml): the splitter needs them;
#   2. wasm-split-cli cuts the chunks out at the `wasm_split` points, leaving
#      the main module and a loader (`__wasm_split.js`) for the chunks;
#   3. wasm-bindgen generates the JS glue for the main module, keeping the
#      linker's exports (function table, memory) the chunks link against;
#   4. wasm-opt -Oz shrinks every module;
#   5. everything goes into dist/wasm-<hash of the contents>/, so a new build
#      never mixes with chunks a browser cached from an old one, and
#      index.html gets the loader for that folder.
# Tools come from scripts/install-tools.sh; versions are pinned there.
set -euo pipefail
cd "$(dirname "$0")/.."

DIST=dist
NAME=ccm_console
WORK=target/split
started=$(date +%s)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

say "trunk build --release (page, styles, icons)"
trunk build --release --dist "$DIST"

say "cargo build (wasm32, release, relocations kept)"
cargo build --release --locked --target wasm32-unknown-unknown -p ccm-console
linked=target/wasm32-unknown-unknown/release/ccm-console.wasm

rm -rf "$WORK"
mkdir -p "$WORK/out"

say "wasm-split-cli"
wasm-split-cli "$linked" "$WORK/out" --out-name "$NAME" --target web
# The splitter's main module is the input for wasm-bindgen.
mv "$WORK/out/$NAME.wasm" "$WORK/main.wasm"

say "wasm-bindgen --keep-lld-exports"
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle \
  --out-dir "$WORK/out" --out-name "$NAME" "$WORK/main.wasm"

say "wasm-opt -Oz on every module"
# One process per core: most chunks are small, and each wasm-opt run spends
# about a second starting up.
find "$WORK/out" -name '*.wasm' -print0 |
  xargs -0 -P "$(nproc)" -I{} sh -c 'wasm-opt -Oz "$1" -o "$1.opt" && mv "$1.opt" "$1"' _ {}

# The folder is named after its contents: same build, same name.
hash=$(cd "$WORK/out" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
folder="wasm-$hash"
rm -rf "$DIST"/wasm-*
cp -r "$WORK/out" "$DIST/$folder"

say "index.html loads $folder"
loader="<link rel=\"modulepreload\" href=\"/$folder/$NAME.js\" crossorigin>\
<link rel=\"preload\" href=\"/$folder/${NAME}_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\
<script type=\"module\">import init from '/$folder/$NAME.js';init({ module_or_path: '/$folder/${NAME}_bg.wasm' });</script>"
# One line before </head>; sed's replacement needs & and / escaped.
escaped=$(printf '%s' "$loader" | sed -e 's/[&/\]/\\&/g')
sed -i "s/<\/head>/$escaped<\/head>/" "$DIST/index.html"
grep -q "$folder/$NAME.js" "$DIST/index.html"

elapsed=$(( $(date +%s) - started ))
# make bench reports it (tests/bench/bench.mjs).
echo "$elapsed" > "$WORK/build-seconds"
say "console built in ${elapsed}s: $(ls "$DIST/$folder"/*.wasm | wc -l) wasm modules in $DIST/$folder"
