#!/usr/bin/env python3
"""The scale benchmark (bench/scale.sh runs it): a sessions folder of 10,000 fictional sessions
spread over three years, plus one session with a 1 MB note, and the release binary measured on
it.

* Start screen, in a pseudo-terminal with ptybench at 80x24: time to the first complete frame,
  and the latency of each key while a reference is typed (the list filters on every key).
* A 1 MB note: resume that session, open the note editor (m), start a new line and type a
  sentence (20 keys), leave the editor (Esc, which saves the 1 MB session to disk), per-key
  latency. The session is written afresh before each round.
* The plain mode's start with 10,000 sessions: time until it asks its first question.
* `list` and `purge --older-than 24m --dry-run`: wall time.

Each figure is the median of --rounds runs. Writes a Markdown section between the scale markers
of --doc (docs/robustness.md) and prints it.
"""

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import subprocess
import tempfile
import time

TODAY = "2026-11-25"
SESSIONS = 10_000
NOTE_REF = "Test claimant NOTE"
FILTER = "Test claimant 04217"
BEGIN, END = "<!-- scale:begin -->", "<!-- scale:end -->"


def session_text(i, rng, today):
    changed = today - datetime.timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
    stamp = changed.strftime("%Y-%m-%dT%H:%M:00")
    acts = rng.sample(range(1, 18), rng.randrange(0, 6))
    descriptors = ", ".join('"lcw.%d.a"' % a for a in sorted(acts))
    note = "Fictional note %d: walks to the shop with a stick; rests twice." % i
    return (
        "# esa-interview session file (format 1); the fields are described in "
        "docs/session-format.md.\n"
        "# It holds a claimant's personal details: keep it private.\n"
        "format = 1\n"
        'reference = "Test claimant %05d"\n'
        "interview_date = %s\n"
        "created = %s\n"
        "changed = %s\n"
        "contributions = []\n\n"
        "[claimant]\ndate_of_birth = 1980-05-17\nclaim_date = 2026-03-10\n\n"
        "[answers]\n\n"
        "[wca]\ndescriptors = [%s]\nexceptional = []\n\n"
        "[decision]\n\n"
        '[notes.general]\ntext = "%s"\n\n'
        '[position]\nstep = "lcw.%d"\n'
    ) % (i, changed.strftime("%Y-%m-%d"), stamp, stamp, descriptors, note, rng.randrange(1, 18))


def big_note_text():
    line = "Fictional note line: the claimant describes a typical day, pain and rests. "
    lines = []
    size = 0
    n = 0
    while size < 1_000_000:
        l = "%05d %s" % (n, line)
        lines.append(l)
        size += len(l) + 1
        n += 1
    return "\n".join(lines)


def make_folder(path):
    os.makedirs(path, mode=0o700, exist_ok=True)
    rng = random.Random(42)
    today = datetime.datetime(2026, 11, 25, 10, 30)
    for i in range(SESSIONS):
        with open(os.path.join(path, "%08x.toml" % (0x10000000 + i)), "w") as f:
            f.write(session_text(i, rng, today))
    note = big_note_text()
    write_note_session(path, note)
    return note


def write_note_session(path, note):
    """The session with the 1 MB note, written afresh before each round (a round saves it)."""
    with open(os.path.join(path, "0fffffff.toml"), "w") as f:
        f.write(
            "format = 1\n"
            'reference = "%s"\n'
            "interview_date = 2026-11-25\n"
            "changed = 2026-11-25T10:30:00\n\n"
            '[notes."lcw.1"]\ntext = """\n%s"""\n\n'
            '[position]\nstep = "lcw.1"\n' % (NOTE_REF, note)
        )


def ptybench(tool, app, data, keys, extra=(), quiet_ms=50):
    """One ptybench run. A frame is taken to end after `quiet_ms` without output: the start
    screen reads every session before it draws, after a few bytes of terminal set-up, so its
    run waits longer than the default, or the set-up alone would count as the first frame."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        cmd = ["python3", tool, "--size", "80x24", "--runs", "1", "--json-out", out.name,
               "--quiet-ms", str(quiet_ms)]
        for k in keys:
            cmd += ["--key", k]
        cmd += ["--", app, "--data-dir", data, "--today", TODAY] + list(extra)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        with open(out.name) as f:
            return json.load(f)


def wall(cmd, rounds):
    times = []
    for _ in range(rounds):
        t = time.monotonic()
        out = subprocess.run(cmd, check=True, capture_output=True)
        times.append((time.monotonic() - t) * 1000)
    return statistics.median(times), out.stdout.decode()


def plain_start(app, data, rounds):
    """Milliseconds until the plain mode asks its first question (then it is told to quit)."""
    times = []
    for _ in range(rounds):
        t = time.monotonic()
        p = subprocess.Popen(
            [app, "--plain", "--data-dir", data, "--today", TODAY],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        lines = 0
        for line in p.stdout:
            lines += 1
            if line.startswith(b"Question:"):
                times.append((time.monotonic() - t) * 1000)
                break
        p.stdin.write(b"quit\n")
        p.stdin.close()
        p.stdout.read()
        p.wait()
    return statistics.median(times), lines


def worst(values):
    """The longest latency; a key with no answer within ptybench's wait counts as that wait."""
    return max(500.0 if v is None else v for v in values)


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")


def keys_for(text):
    return ["space" if c == " " else c for c in text]


def measure(args, data, note_text):
    filter_keys = keys_for(FILTER) + ["ctrl-c"]
    typed = keys_for("Walks with a stick.")
    start = {"first": [], "key_med": [], "key_max": [], "rss": []}
    note = {"open": [], "key_med": [], "key_max": [], "save": [], "rss": []}
    for _ in range(args.rounds):
        r = ptybench(args.ptybench, args.app, data, filter_keys, quiet_ms=400)
        filtering = [k["latency_ms"] for k in r["keys"][:-1]]
        start["first"].append(r["first_frame_ms"])
        start["key_med"].append(med(filtering))
        start["key_max"].append(worst(filtering))
        start["rss"].append(r["peak_rss_kb"])
        write_note_session(data, note_text)
        keys = ["m", "enter"] + typed + ["esc", "q"]
        r = ptybench(args.ptybench, args.app, data, keys, ["resume", NOTE_REF])
        lat = [k["latency_ms"] for k in r["keys"]]
        each = lat[1 : 2 + len(typed)]
        note["open"].append(lat[0])
        note["key_med"].append(med(each))
        note["key_max"].append(worst(each))
        note["save"].append(lat[2 + len(typed)])
        note["rss"].append(r["peak_rss_kb"])
    lst, listed = wall([args.app, "--data-dir", data, "list"], args.rounds)
    purge, purged = wall(
        [args.app, "--data-dir", data, "--today", TODAY, "purge", "--older-than", "24m", "--dry-run"],
        args.rounds,
    )
    plain_ms, plain_lines = plain_start(args.app, data, args.rounds)
    return start, note, (lst, listed), (purge, purged), (plain_ms, plain_lines)


def section(args, note_bytes, start, note, lst, purge, plain):
    listed = lst[1].count("\n") - 1
    would = next((l for l in purge[1].splitlines() if l.startswith("Would delete")), "")
    m = lambda xs: "%.1f" % med(xs)
    load = os.getloadavg()[0]
    return "\n".join([
        BEGIN,
        "Measured by `bench/scale.sh` on %s (%s, %d cores, load %.2f), release build, median of %d "
        "runs, with %s sessions in the folder (fictional, changed over three years) and one "
        "session with a %s-byte note:" % (
            datetime.date.today().isoformat(), platform.machine(), os.cpu_count(), load,
            args.rounds, f"{SESSIONS + 1:,}", f"{note_bytes:,}"),
        "",
        "| what | figure |",
        "| --- | --- |",
        "| start screen: first complete frame (80x24, all sessions listed) | %s ms |" % m(start["first"]),
        "| start screen: each key while typing a reference (filters %s sessions): median / worst | %s ms / %s ms |"
        % (f"{SESSIONS + 1:,}", m(start["key_med"]), m(start["key_max"])),
        "| start screen: peak memory | %.1f MiB |" % (med(start["rss"]) / 1024),
        "| 1 MB note: open the editor (m) | %s ms |" % m(note["open"]),
        "| 1 MB note: each key typed (a new line, then a sentence): median / worst | %s ms / %s ms |" % (m(note["key_med"]), m(note["key_max"])),
        "| 1 MB note: leave the editor and save the session (Esc) | %s ms |" % m(note["save"]),
        "| 1 MB note: peak memory | %.1f MiB |" % (med(note["rss"]) / 1024),
        "| plain mode: start until the first question | %.1f ms (%d lines said) |" % plain,
        "| `list` (%s sessions) | %.1f ms |" % (f"{listed:,}", lst[0]),
        "| `purge --older-than 24m --dry-run` (%s) | %.1f ms |" % (would.rstrip(":").lower(), purge[0]),
        "",
        "A key is answered within one frame at 60 Hz (16.7 ms) when its latency is below that.",
        END,
    ])


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--app", required=True)
    p.add_argument("--ptybench", required=True)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--doc", action="append",
                   help="a file with the scale markers to write into (repeatable; default "
                        "docs/robustness.md and README.md)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as base:
        data = os.path.join(base, "sessions")
        note_text = make_folder(data)
        start, note, lst, purge, plain = measure(args, data, note_text)
    text = section(args, len(note_text), start, note, lst, purge, plain)
    print(text)
    for path in args.doc or ["docs/robustness.md", "README.md"]:
        if not os.path.exists(path):
            continue
        with open(path) as f:
            doc = f.read()
        if BEGIN in doc and END in doc:
            doc = doc[: doc.index(BEGIN)] + text + doc[doc.index(END) + len(END):]
            with open(path, "w") as f:
                f.write(doc)


if __name__ == "__main__":
    main()
