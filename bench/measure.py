#!/usr/bin/env python3
"""Runs ptybench on esa-interview and the minimal ratatui peer, alternating run by run so both
meet the same machine load, and writes the results table (bench/RESULTS.md and README.md).

Scenarios, at 80x24 with the full built-in content: the start screen (what `esa-interview`
shows first; the built-in content loads in the background meanwhile), and a session resumed on
WCA activity 1
(Mobilising, five descriptors and the support-group descriptor). The key script moves the
highlight between descriptors that are on screen, chooses and unchooses a 9-point and a 15-point
descriptor (the tally changes with each), then makes one move that scrolls the page.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import tempfile
import time

TODAY = "2026-11-25"
REF = "Bench claimant"
# index: what it measures
APP_KEYS = "down,up,down,up,down,space,space,up,space,space,down,down,q"
MOVES = [0, 1, 2, 3, 4, 7, 10]
CHOOSE_9, UNCHOOSE_9, CHOOSE_15, UNCHOOSE_15 = 5, 6, 8, 9
SCROLL = 11
PEER_KEYS = "down,up,down,up,down,up,q"


def ptybench(tool, size, keys, cmd, env=()):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        args = ["python3", tool, "--size", size, "--runs", "1", "--keys", keys,
                "--json-out", out.name]
        for e in env:
            args += ["--env", e]
        subprocess.run(args + ["--"] + cmd, check=True, stdout=subprocess.DEVNULL)
        with open(out.name) as f:
            return json.load(f)


def key_bytes(run):
    return [k["bytes"] for k in run["keys"]]


def setup(tool, app, data):
    """Creates the session and leaves it on activity 4.1, through the program itself."""
    keys = f"text:{REF},enter,sleep:200,g,4,.,1,enter,sleep:200,q"
    ptybench(tool, "80x24", keys, [app, "--data-dir", data, "--today", TODAY])


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    return (f"{time.strftime('%Y-%m-%d %H:%M %Z')}, {platform.system()} {platform.release()}, "
            f"{os.cpu_count()} CPUs ({cpu}), load average {os.getloadavg()[0]:.1f} at the end "
            f"(times are noisy on a shared machine; byte counts are exact), {rustc}, commit {commit}")


def wall_ms(cmd, n):
    """Median wall time of a command that prints and exits (no terminal)."""
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ptybench", required=True)
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--app", required=True)
    ap.add_argument("--peer", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--readme")
    a = ap.parse_args()
    data = tempfile.mkdtemp(prefix="esa-bench-")
    empty = tempfile.mkdtemp(prefix="esa-bench-empty-")
    setup(a.ptybench, a.app, data)
    resume = [a.app, "--data-dir", data, "--today", TODAY, "resume", REF]
    start = [a.app, "--data-dir", empty, "--today", TODAY]
    r = {k: [] for k in ["ff", "ffb", "rss", "start_ff", "peer_ff", "peer_ffb", "peer_rss",
                         "moves", "moves200", "moves_vt100", "c9", "u9", "c15", "u15",
                         "scroll", "peer_moves"]}
    for _ in range(a.rounds):
        run = ptybench(a.ptybench, "80x24", APP_KEYS, resume)
        b = key_bytes(run)
        r["ff"].append(run["first_frame_ms"]); r["ffb"].append(run["first_frame_bytes"])
        r["rss"].append(run["peak_rss_kb"])
        r["moves"] += [b[i] for i in MOVES]
        r["c9"].append(b[CHOOSE_9]); r["u9"].append(b[UNCHOOSE_9])
        r["c15"].append(b[CHOOSE_15]); r["u15"].append(b[UNCHOOSE_15])
        r["scroll"].append(b[SCROLL])
        peer = ptybench(a.ptybench, "80x24", PEER_KEYS, [a.peer])
        r["peer_ff"].append(peer["first_frame_ms"]); r["peer_ffb"].append(peer["first_frame_bytes"])
        r["peer_rss"].append(peer["peak_rss_kb"]); r["peer_moves"] += key_bytes(peer)[:-1]
        st = ptybench(a.ptybench, "80x24", "q", start)
        r["start_ff"].append(st["first_frame_ms"])
    wide = ptybench(a.ptybench, "200x50", APP_KEYS, resume)
    r["moves200"] = [key_bytes(wide)[i] for i in MOVES[:-1]]
    vt = ptybench(a.ptybench, "80x24", APP_KEYS, resume, env=["TERM=vt100", "NO_COLOR=1"])
    r["moves_vt100"] = [key_bytes(vt)[i] for i in MOVES[:-1]]
    # Where start-up time goes: a process that only parses its arguments, and one that also
    # loads and validates the full content (main does that before the interview starts).
    r["version_ms"] = wall_ms([a.app, "--version"], 5 * a.rounds)
    r["content_ms"] = wall_ms([a.app, "check-content"], 5 * a.rounds)
    write(a, r)


def write(a, r):
    start_ratio = med(r["start_ff"]) / med(r["peer_ff"])
    resume_ratio = med(r["ff"]) / med(r["peer_ff"])
    rows = [
        ("Time from exec to the first complete frame: `esa-interview` (the start screen)",
         f"{med(r['start_ff']):.1f} ms",
         f"{med(r['peer_ff']):.1f} ms ({med(r['peer_ffb']):.0f} B)",
         f"within 2x of the peer: {start_ratio:.2f}x"),
        ("Time from exec to the first complete frame: `esa-interview resume REF` (activity 1)",
         f"{med(r['ff']):.1f} ms ({med(r['ffb']):.0f} B)", "",
         f"{resume_ratio:.2f}x the peer (waits for the content: see below)"),
        ("A process that only parses its arguments (`--version`, no terminal)",
         f"{r['version_ms']:.1f} ms", "", ""),
        ("A process that also loads and checks the full content (`check-content`)",
         f"{r['content_ms']:.1f} ms", "", ""),
        ("Bytes per selection move, 80x24 (median / max)",
         f"{med(r['moves']):.0f} / {max(r['moves'])}",
         f"{med(r['peer_moves']):.0f} / {max(r['peer_moves'])}", "at most 60"),
        ("Bytes per selection move, 200x50 (median / max)",
         f"{med(r['moves200']):.0f} / {max(r['moves200'])}", "", "no more than at 80 columns"),
        ("Bytes per selection move, TERM=vt100 NO_COLOR=1 (median / max)",
         f"{med(r['moves_vt100']):.0f} / {max(r['moves_vt100'])}", "", ""),
        ("Bytes to choose a 9-point descriptor, tally included (choose / unchoose)",
         f"{med(r['c9']):.0f} / {med(r['u9']):.0f}", "", "at most 150"),
        ("Bytes to choose a 15-point descriptor (LCW met), tally included (choose / unchoose)",
         f"{med(r['c15']):.0f} / {med(r['u15']):.0f}", "", "at most 150"),
        ("Bytes for a move that scrolls the page", f"{med(r['scroll']):.0f}", "", ""),
        ("Peak resident memory", f"{med(r['rss']) / 1024:.1f} MiB",
         f"{med(r['peer_rss']) / 1024:.1f} MiB", "under 8 MiB"),
    ]
    table = ["| measure | esa-interview | minimal ratatui peer | target |",
             "| --- | --- | --- | --- |"]
    table += [f"| {m} | {x} | {y} | {t} |" for m, x, y, t in rows]
    body = "\n".join(table)
    note = (f"Measured by `bench/run.sh` with `../shared/tools/ptybench.py`, {a.rounds} rounds, "
            f"the two programs alternating run by run; medians. Machine and date: {machine()}.")
    with open(a.results, "w") as f:
        f.write("# Benchmark results\n\n"
                "Written by `bench/run.sh`; do not edit by hand. The scenario is described at "
                "the top of `bench/measure.py`.\n\n" + note + "\n\n" + body + "\n")
    if a.readme:
        with open(a.readme) as f:
            text = f.read()
        begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
        if begin in text and end in text:
            head, rest = text.split(begin, 1)
            _, tail = rest.split(end, 1)
            text = head + begin + "\n" + note + "\n\n" + body + "\n" + end + tail
            with open(a.readme, "w") as f:
                f.write(text)
    print(body)


if __name__ == "__main__":
    main()
