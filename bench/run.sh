#!/usr/bin/env bash
# The speed benchmark, one command: builds the release binary and the minimal ratatui peer
# (bench/minimal.rs) in the same run, measures both side by side with ptybench (time to the
# first complete frame, bytes written per key, peak resident memory), and writes
# bench/RESULTS.md and the table in README.md.
#
#   bench/run.sh                # 9 rounds
#   ROUNDS=15 bench/run.sh      # more rounds, steadier times
#   PTYBENCH=/path/ptybench.py bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PTYBENCH="${PTYBENCH:-../shared/tools/ptybench.py}"
ROUNDS="${ROUNDS:-9}"
if [ ! -f "$PTYBENCH" ]; then
  echo "bench/run.sh: ptybench not found at $PTYBENCH (set PTYBENCH)" >&2
  exit 2
fi
cargo build --release --bin esa-interview --example minimal
python3 bench/measure.py --ptybench "$PTYBENCH" --rounds "$ROUNDS" \
  --app target/release/esa-interview --peer target/release/examples/minimal \
  --results bench/RESULTS.md --readme README.md
