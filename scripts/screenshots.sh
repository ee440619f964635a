#!/usr/bin/env bash
# Remakes everything in screenshots/ from the real program and a fictional interview:
#   scripts/screenshots.sh
# It installs what it needs from Debian packages if missing (tmux, rsvg-convert, pngquant,
# libfaketime, the DejaVu fonts, python3), builds the release binary, and runs
# scripts/screenshots.py, which types scripts/screenshots-interview.txt into the plain-text
# mode and then photographs each screen listed in scripts/screenshots-screens.txt. Sessions go
# to a temporary folder: no real claimant's data is read. Run it whenever the screens change;
# tests/readme_screenshots.rs fails until you do.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
command -v pngquant >/dev/null 2>&1 || missing+=(pngquant)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
ls /usr/lib/*/faketime/libfaketime*.so.1 >/dev/null 2>&1 || missing+=(libfaketime)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${missing[@]}"
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq "${missing[@]}"
  fi
fi

cargo build --release --quiet
target=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
PYTHONDONTWRITEBYTECODE=1 python3 scripts/screenshots.py "$target/release/esa-interview" .
