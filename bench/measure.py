#!/usr/bin/env python3
"""Runs ptybench on esa-interview and the minimal ratatui peer, alternating run by run so both
meet the same machine load, and writes the results table (bench/RESULTS.md and README.md).

Scenarios, at 80x24 with the full built-in content: the start screen (what `esa-interview`
shows first; the built-in content loads in the background meanwhile), and a session resumed on
WCA activity 1
(Mobilising, five descriptors and the support-group descriptor). The key script moves the
highlight between descriptors that are on screen, chooses and unchooses a 9-point and a 15-point
descriptor (the tally changes with each), then makes one move that scrolls the page.

The walk (issue 18): from activity 1, Down over every descriptor of the activity, then `n`, for
all 17 activities (65 Downs and 16 page turns), at 80x24 and at 60x20; byte counts are exact,
so it runs once per size. The notes: the same session with a note of about 1 KB, then of about
4 MB (paragraphs of about 390 characters), opened with `m`, 20 characters typed, Esc; the time
per typed character, the two sizes alternating round by round.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import tempfile
import time

NOW = "2026-11-25T10:30:00"
REF = "Bench claimant"
# index: what it measures
APP_KEYS = "down,up,down,up,down,space,space,up,space,space,down,down,q"
MOVES = [0, 1, 2, 3, 4, 7, 10]
CHOOSE_9, UNCHOOSE_9, CHOOSE_15, UNCHOOSE_15 = 5, 6, 8, 9
SCROLL = 11
PEER_KEYS = "down,up,down,up,down,up,q"


def ptybench(tool, size, keys, cmd, env=(), extra=()):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        args = ["python3", tool, "--size", size, "--runs", "1", "--keys", keys,
                "--json-out", out.name, *extra]
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
    ptybench(tool, "80x24", keys, [app, "--data-dir", data, "--now", NOW])


def descriptor_counts(content):
    """How many choices each activity's screen has: its descriptors and the support-group
    descriptor that mirrors it."""
    import tomllib
    with open(os.path.join(content, "wca", "schedule2.toml"), "rb") as f:
        s2 = tomllib.load(f)
    with open(os.path.join(content, "wca", "schedule3.toml"), "rb") as f:
        s3 = tomllib.load(f)
    mirrors = {}
    for a in s3["activity"]:
        if "mirrors" in a:
            mirrors[a["mirrors"]] = mirrors.get(a["mirrors"], 0) + len(a.get("descriptor", []))
    return [len(a["descriptor"]) + mirrors.get(a["id"], 0) for a in s2["activity"]]


def walk(tool, app, size, content):
    """Bytes of every Down over every descriptor of the 17 activities, and of every `n`."""
    data = tempfile.mkdtemp(prefix="esa-bench-walk-")
    setup(tool, app, data)
    keys, kinds = [], []
    counts = descriptor_counts(content)
    for i, c in enumerate(counts):
        keys += ["down"] * (c - 1)
        kinds += ["down"] * (c - 1)
        if i + 1 < len(counts):
            keys.append("n")
            kinds.append("n")
    keys.append("q")
    kinds.append("q")
    # A longer quiet time, so that no key's answer is split on a busy machine.
    run = ptybench(tool, size, ",".join(keys),
                   [app, "--data-dir", data, "--now", NOW, "resume", REF],
                   extra=["--quiet-ms", "150"])
    b = key_bytes(run)
    return ([x for x, k in zip(b, kinds) if k == "down"],
            [x for x, k in zip(b, kinds) if k == "n"])


def note_session(tool, app, size_bytes):
    """A session on activity 1 whose note is about `size_bytes` long."""
    data = tempfile.mkdtemp(prefix=f"esa-bench-note-{size_bytes}-")
    keys = f"text:{REF},enter,sleep:200,g,4,.,1,enter,sleep:200,m,text:x,esc,sleep:200,q"
    ptybench(tool, "80x24", keys, [app, "--data-dir", data, "--now", NOW])
    para = ("The claimant walks with a stick and stops after about forty metres because of "
            "pain in both knees; on a bad day she does not leave the house at all. ") * 3
    n = max(1, size_bytes // (len(para) + 1))
    text = "\n".join([para.strip()] * n)
    (name,) = [f for f in os.listdir(data) if f.endswith(".toml")]
    path = os.path.join(data, name)
    with open(path) as f:
        session = f.read()
    session = session.replace('text = "x"', "text = " + json.dumps(text), 1)
    with open(path, "w") as f:
        f.write(session)
    return data


NOTE_KEYS = "m,sleep:300," + ",".join("abcdefghij klmnopqrs") .replace(", ,", ",space,") + ",esc,q"


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
    ap.add_argument("--content", default="content")
    a = ap.parse_args()
    data = tempfile.mkdtemp(prefix="esa-bench-")
    empty = tempfile.mkdtemp(prefix="esa-bench-empty-")
    setup(a.ptybench, a.app, data)
    resume = [a.app, "--data-dir", data, "--now", NOW, "resume", REF]
    start = [a.app, "--data-dir", empty, "--now", NOW]
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
    for size in ["80x24", "60x20"]:
        r["walk" + size] = walk(a.ptybench, a.app, size, a.content)
    notes = {k: note_session(a.ptybench, a.app, k) for k in [1024, 4 * 1024 * 1024]}
    r["note_ms"] = {k: [] for k in notes}
    r["note_b"] = {k: [] for k in notes}
    for i in range(max(3, a.rounds // 2)):
        for k in (sorted(notes) if i % 2 == 0 else sorted(notes, reverse=True)):
            run = ptybench(a.ptybench, "80x24", NOTE_KEYS,
                           [a.app, "--data-dir", notes[k], "--now", NOW, "resume", REF])
            typed = run["keys"][1:-2]
            r["note_ms"][k] += [t["latency_ms"] for t in typed]
            r["note_b"][k] += [t["bytes"] for t in typed]
    write(a, r)


def walk_rows(r):
    rows = []
    for size, target in [("80x24", 40), ("60x20", 60)]:
        downs, nexts = r["walk" + size]
        mean = sum(downs) / len(downs)
        rows.append((f"Bytes per Down over the whole walk ({len(downs)} Downs over every "
                     f"descriptor of the 17 activities), {size}: mean / median / max",
                     f"{mean:.0f} / {med(downs):.0f} / {max(downs)}", "",
                     f"issue 18: mean at most {target}"
                     + ("; the dearest at most 400" if size == "80x24" else "")))
        rows.append((f"Bytes for `n` (next activity) over the walk, {size}: median / max",
                     f"{med(nexts):.0f} / {max(nexts)}", "",
                     "issue 18: at most 700" if size == "80x24" else ""))
    return rows


def note_rows(r):
    small, big = sorted(r["note_ms"])
    a, b = med(r["note_ms"][small]), med(r["note_ms"][big])
    return [("Time per typed key in the note editor: a 1 KB note / a 4 MB note (median)",
             f"{a:.2f} ms / {b:.2f} ms ({med(r['note_b'][small]):.0f} / "
             f"{med(r['note_b'][big]):.0f} B a key)", "",
             f"issue 18: at most 2x: {b / a:.2f}x")]


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
         f"issue 18: within 1.5x of the peer: {resume_ratio:.2f}x"),
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
    ] + walk_rows(r) + note_rows(r) + [
        ("Peak resident memory", f"{med(r['rss']) / 1024:.1f} MiB",
         f"{med(r['peer_rss']) / 1024:.1f} MiB", "under 8 MiB"),
    ]
    table = ["| measure | esa-interview | minimal ratatui peer | target |",
             "| --- | --- | --- | --- |"]
    table += [f"| {m} | {x} | {y} | {t} |" for m, x, y, t in rows]
    body = "\n".join(table)
    note = (f"Measured by `bench/run.sh` with `../shared/tools/ptybench.py`, {a.rounds} rounds, "
            f"the two programs alternating run by run; medians. Machine and date: {machine()}.")
    # bench/backend.py writes its own marked section of the same file: keep it.
    kept = ""
    try:
        with open(a.results) as f:
            old = f.read()
        if "<!-- backend:begin -->" in old and "<!-- backend:end -->" in old:
            kept = "\n" + old[old.index("<!-- backend:begin -->"):
                             old.index("<!-- backend:end -->") + len("<!-- backend:end -->")] + "\n"
    except FileNotFoundError:
        pass
    with open(a.results, "w") as f:
        f.write("# Benchmark results\n\n"
                "Written by `bench/run.sh`; do not edit by hand. The scenario is described at "
                "the top of `bench/measure.py`.\n\n" + note + "\n\n" + body + "\n" + kept)
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
