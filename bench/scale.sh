#!/usr/bin/env bash
# The scale benchmark, one command: builds the release binary, makes a sessions folder of
# 10,000 fictional sessions and one with a 1 MB note, and measures the start screen (first
# frame, each key while the list filters), the note editor, the plain mode's start, `list` and
# `purge --dry-run` (bench/scale.py). Writes the figures into docs/robustness.md and README.md.
#
#   bench/scale.sh              # 5 rounds, about two minutes
#   ROUNDS=9 bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PTYBENCH="${PTYBENCH:-../shared/tools/ptybench.py}"
ROUNDS="${ROUNDS:-5}"
if [ ! -f "$PTYBENCH" ]; then
  echo "bench/scale.sh: ptybench not found at $PTYBENCH (set PTYBENCH)" >&2
  exit 2
fi
cargo build --release --bin esa-interview
python3 bench/scale.py --ptybench "$PTYBENCH" --rounds "$ROUNDS" \
  --app target/release/esa-interview --doc docs/robustness.md --doc README.md
