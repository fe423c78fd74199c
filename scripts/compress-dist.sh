#!/usr/bin/env bash
# Writes a brotli (quality 11) and a gzip (-9) copy next to every file of a
# build that compresses well, sub-folders included:
#   compress-dist.sh [DIST]        (default: dist)
# ccm-serve (ServeDir's precompressed_br/precompressed_gzip) and nginx
# (gzip_static, brotli_static) send these copies instead of compressing on
# each request. Already-compressed types (png, zip, woff2, ...) are skipped,
# and so is a copy that would not be smaller. Each copy gets its original's
# mtime: nginx dates the copy it sends, and both servers keep Last-Modified.
set -euo pipefail

dist=${1:-dist}
if ! [ -d "$dist" ]; then
  echo "compress-dist.sh: $dist is not a directory" >&2
  exit 1
fi
for tool in brotli gzip; do
  if ! command -v "$tool" >/dev/null; then
    echo "compress-dist.sh: $tool not found (scripts/install-tools.sh installs it)" >&2
    exit 1
  fi
done

# copy FILE SUFFIX COMMAND...: COMMAND reads FILE on stdin and writes the
# copy, first to a temporary name so that a server never sends half of one.
# Sets $size to the copy's size (0 when it was not worth keeping).
copy() {
  local file=$1 suffix=$2
  shift 2
  local out="$file.$suffix" tmp="$file.$suffix.tmp.$$"
  if ! "$@" < "$file" > "$tmp"; then
    rm -f "$tmp"
    echo "compress-dist.sh: $1 failed on $file" >&2
    exit 1
  fi
  size=$(stat -c %s "$tmp")
  if [ "$size" -lt "$(stat -c %s "$file")" ]; then
    touch -r "$file" "$tmp"
    mv -f "$tmp" "$out"
  else
    rm -f "$tmp" "$out"
    size=0
  fi
}

files=0 plain=0 br=0 gz=0 size=0
while IFS= read -r -d '' f; do
  files=$((files + 1))
  plain=$((plain + $(stat -c %s "$f")))
  copy "$f" br brotli -q 11 -c
  br=$((br + size))
  copy "$f" gz gzip -9 -n -c
  gz=$((gz + size))
done < <(find "$dist" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.mjs' \
  -o -name '*.css' -o -name '*.html' -o -name '*.svg' -o -name '*.json' \
  -o -name '*.txt' -o -name '*.map' \) -print0 | sort -z)

echo "compress-dist.sh: $files files in $dist, $((plain / 1024)) kB; brotli copies $((br / 1024)) kB, gzip copies $((gz / 1024)) kB"
