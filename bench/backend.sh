#!/usr/bin/env bash
# Measures src/tui/backend.rs (LeanBackend) against ratatui's CrosstermBackend: builds the
# release binary, and a second one from a copy of the committed tree with the backend line of
# src/tui/mod.rs changed to CrosstermBackend (in its own target folder under /tmp, so nothing
# here is touched), then writes the comparison into bench/RESULTS.md (bench/backend.py).
#
#   bench/backend.sh
#   PTYBENCH=/path/ptybench.py bench/backend.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PTYBENCH="${PTYBENCH:-../shared/tools/ptybench.py}"
COPY="${TMPDIR:-/tmp}/esa-crossterm-backend"
[ -f "$PTYBENCH" ] || { echo "bench/backend.sh: no ptybench at $PTYBENCH (set PTYBENCH)" >&2; exit 2; }

cargo build --release --locked --bin esa-interview
rm -rf "$COPY/src" && mkdir -p "$COPY"
git archive HEAD | tar -x -C "$COPY"
python3 - "$COPY/src/tui/mod.rs" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
lean = "LeanBackend::new(BufWriter::with_capacity(1 << 15, io::stdout()))"
assert lean in text, "src/tui/mod.rs no longer builds the backend in one line: update bench/backend.sh"
text = text.replace(lean, "ratatui::backend::CrosstermBackend::new("
                          "BufWriter::with_capacity(1 << 15, io::stdout()))")
open(path, "w").write(text.replace("use self::backend::LeanBackend;\n", ""))
PY
CARGO_TARGET_DIR="$COPY/target" cargo build --release --locked --bin esa-interview \
  --manifest-path "$COPY/Cargo.toml"
python3 bench/backend.py --ptybench "$PTYBENCH" --lean target/release/esa-interview \
  --crossterm "$COPY/target/release/esa-interview"
