#!/usr/bin/env bash
# The robustness campaign, one command. Runs every campaign with many more cases than
# `cargo test` does, the kill-and-hang-up loop on the release binary, and the scale benchmark,
# then writes the figures of this run into docs/robustness.md (the README's section comes from
# there). Takes about 9 minutes on a 2-core machine; a failure in any step is reported at the
# end and makes the exit status 1 (the figures then say FAILED for that step).
#
#   scripts/campaign.sh                       # the full campaign
#   KILL_RUNS=40 TUI_CASES=10 PLAIN_CASES=60 FUZZ_CASES=2000 SKIP_SCALE=1 scripts/campaign.sh
#
# Needs tmux (the kill loop), python3 and ../shared/tools/ptybench.py (the scale benchmark),
# and root for the tmpfs disk tests (without it they fall back and say so).
set -uo pipefail
cd "$(dirname "$0")/.."

KILL_RUNS="${KILL_RUNS:-240}"
TUI_CASES="${TUI_CASES:-120}"
PLAIN_CASES="${PLAIN_CASES:-1000}"
FUZZ_CASES="${FUZZ_CASES:-20000}"
SEED="${CAMPAIGN_SEED:-$(date +%s)}"
STATS="$(mktemp)"
LOG="$(mktemp -d)"
export CAMPAIGN_STATS="$STATS"
export PROPTEST_RNG_SEED="$SEED"
STARTED=$(date +%s)
FAILED=0

step() {
  local name="$1"
  shift
  local t0
  t0=$(date +%s)
  echo "== $name"
  if "$@" >"$LOG/$name.log" 2>&1; then
    echo "step $name status=ok seconds=$(($(date +%s) - t0))" >>"$STATS"
  else
    echo "step $name status=FAILED seconds=$(($(date +%s) - t0))" >>"$STATS"
    echo "   FAILED: see $LOG/$name.log"
    tail -30 "$LOG/$name.log"
    FAILED=1
  fi
}

echo "== building (release binary, test binaries)"
cargo build --release --bin esa-interview || exit 2
cargo test --no-run --quiet || exit 2

step random_tui env CAMPAIGN_CASES="$TUI_CASES" cargo test --test campaign_random_tui -- --nocapture
step random_plain env CAMPAIGN_CASES="$PLAIN_CASES" cargo test --test campaign_random_plain -- --nocapture
step fuzz_session env CAMPAIGN_CASES="$FUZZ_CASES" cargo test --test campaign_fuzz_session -- --nocapture
step fuzz_plain env CAMPAIGN_CASES="$((FUZZ_CASES / 4))" cargo test --test campaign_fuzz_plain -- --nocapture
step fuzz_content cargo test --test fuzz_content
step bad_content cargo test --test bad_content
step disk cargo test --test campaign_disk -- --nocapture
step scale_behaviour cargo test --test campaign_scale
step kill env ESA_BIN="$PWD/target/release/esa-interview" CAMPAIGN_KILL_RUNS="$KILL_RUNS" \
  CAMPAIGN_SEED="$SEED" cargo test --test campaign_kill -- --ignored --nocapture
if [ "${SKIP_SCALE:-0}" != "1" ]; then
  step scale_bench bench/scale.sh
fi

SECONDS_TAKEN=$(($(date +%s) - STARTED))
python3 scripts/campaign_report.py --stats "$STATS" --seconds "$SECONDS_TAKEN" --seed "$SEED" \
  --bad-content tests/cases/bad_content.toml --doc docs/robustness.md --doc README.md
echo "== the campaign took ${SECONDS_TAKEN}s; logs in $LOG; figures in docs/robustness.md and README.md"
exit "$FAILED"
