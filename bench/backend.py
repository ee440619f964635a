#!/usr/bin/env python3
"""Measures the program's own terminal backend (src/tui/backend.rs, LeanBackend) against
ratatui's CrosstermBackend on this program's byte figures, and writes the section between
`<!-- backend:begin -->` and `<!-- backend:end -->` in bench/RESULTS.md.

The two binaries differ only in the backend: bench/backend.sh builds the second from a copy
of the tree with one line of src/tui/mod.rs changed. Each runs bench/measure.py's scenario
(the session resumed on WCA activity 1 at 80x24: moves, choosing and unchoosing a 9-point and
a 15-point descriptor, a move that scrolls the page) followed by `n` (next activity) five
times, then a walk down the whole of activity 1 and on with `n`, at 80x24, in colour and with
TERM=vt100 NO_COLOR=1. Byte counts are exact; one run of each is enough, and the script
checks that a second run gives the same bytes.

    bench/backend.py --lean target/release/esa-interview --crossterm /tmp/esa-crossterm
"""

import argparse
import os
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import measure  # noqa: E402  (the scenario and the ptybench wrapper)

NEXTS = 5
KEYS = measure.APP_KEYS.rsplit(",q", 1)[0] + ",n" * NEXTS + ",q"
WALK = "down*12,n,down*12,n,down*12,n,down*12,q"
BEGIN, END = "<!-- backend:begin -->", "<!-- backend:end -->"


def resumed(tool, app, keys, env):
    """One run of `keys` on a session just made and left on activity 1 (`n` moves the saved
    session on, so every run starts from a new one)."""
    data = tempfile.mkdtemp(prefix="esa-backend-")
    measure.setup(tool, app, data)
    resume = [app, "--data-dir", data, "--today", measure.TODAY, "resume", measure.REF]
    return measure.ptybench(tool, "80x24", keys, resume, env)


def figures(tool, app, env=()):
    start = [app, "--data-dir", tempfile.mkdtemp(prefix="esa-backend-empty-"),
             "--today", measure.TODAY]
    runs = [resumed(tool, app, KEYS, env) for _ in range(2)]
    b = measure.key_bytes(runs[0])
    assert b == measure.key_bytes(runs[1]), f"{app}: bytes differ run to run"
    walk = measure.key_bytes(resumed(tool, app, WALK, env))[:-1]
    first = len(measure.APP_KEYS.split(",")) - 1
    return {
        "start": measure.ptybench(tool, "80x24", "q", start, env)["first_frame_bytes"],
        "first": runs[0]["first_frame_bytes"],
        "moves": [b[i] for i in measure.MOVES],
        "c9": b[measure.CHOOSE_9], "u9": b[measure.UNCHOOSE_9],
        "c15": b[measure.CHOOSE_15], "u15": b[measure.UNCHOOSE_15],
        "scroll": b[measure.SCROLL],
        "n": b[first:first + NEXTS],
        "walk": walk,
    }


def row(name, lean, xterm, fmt=lambda v: f"{v}"):
    ratio = xterm / lean if lean else float("nan")
    return f"| {name} | {fmt(lean)} | {fmt(xterm)} | {ratio:.2f}x |"


def table(title, lean, xterm):
    med = statistics.median
    lines = [f"**{title}**", "",
             "| measure (bytes) | LeanBackend | CrosstermBackend | crossterm / lean |",
             "| --- | --- | --- | --- |",
             row("first frame, start screen", lean["start"], xterm["start"]),
             row("first frame, `resume REF` (activity 1)", lean["first"], xterm["first"]),
             row("selection move, median", med(lean["moves"]), med(xterm["moves"]),
                 lambda v: f"{v:.0f}"),
             row("selection move, max", max(lean["moves"]), max(xterm["moves"])),
             row("choose a 9-point descriptor (tally changes)", lean["c9"], xterm["c9"]),
             row("unchoose it", lean["u9"], xterm["u9"]),
             row("choose a 15-point descriptor (LCW met)", lean["c15"], xterm["c15"]),
             row("a move that scrolls the page", lean["scroll"], xterm["scroll"]),
             row(f"`n` (next activity), median of {NEXTS}", med(lean["n"]), med(xterm["n"]),
                 lambda v: f"{v:.0f}"),
             row(f"walk: {len(lean['walk'])} keys down activities 1-4, total",
                 sum(lean["walk"]), sum(xterm["walk"])),
             row("walk: mean per key", statistics.mean(lean["walk"]),
                 statistics.mean(xterm["walk"]), lambda v: f"{v:.0f}")]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ptybench", default="../shared/tools/ptybench.py")
    ap.add_argument("--lean", required=True)
    ap.add_argument("--crossterm", required=True)
    ap.add_argument("--results", default="bench/RESULTS.md")
    a = ap.parse_args()
    colour = [figures(a.ptybench, app) for app in (a.lean, a.crossterm)]
    mono_env = ["TERM=vt100", "NO_COLOR=1"]
    mono = [figures(a.ptybench, app, mono_env) for app in (a.lean, a.crossterm)]
    body = "\n\n".join([
        "## The terminal backend: LeanBackend against ratatui's CrosstermBackend",
        "Measured by `bench/backend.sh` (`bench/backend.py`) with "
        f"`../shared/tools/ptybench.py`; {measure.machine()}. The two binaries differ only "
        "in the backend that `src/tui/mod.rs` gives ratatui's `Terminal`. Byte counts are "
        "exact and were the same on a second run.",
        table("80x24, TERM=xterm-256color", *colour),
        table("80x24, TERM=vt100 NO_COLOR=1", *mono),
    ])
    section = f"{BEGIN}\n{body}\n{END}"
    text = open(a.results).read() if os.path.exists(a.results) else ""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(a.results, "w") as f:
        f.write(text)
    print(body)


if __name__ == "__main__":
    main()
