#!/usr/bin/env python3
"""Writes the figures of a campaign run (the lines the campaigns appended to $CAMPAIGN_STATS)
into docs/robustness.md, between the campaign markers. Run by scripts/campaign.sh."""

import argparse
import datetime
import os
import platform
import re

BEGIN, END = "<!-- campaign:begin -->", "<!-- campaign:end -->"


def read_stats(path):
    stats, steps = {}, {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "step":
                fields = dict(p.split("=", 1) for p in parts[2:])
                steps[parts[1]] = fields
                continue
            fields = {}
            for p in parts[1:]:
                k, v = p.split("=", 1)
                fields[k] = int(v)
            # A campaign that ran more than once (several tests) adds up.
            entry = stats.setdefault(parts[0], {})
            for k, v in fields.items():
                entry[k] = entry.get(k, 0) + v if k != "seed" else v
    return stats, steps


def n(value):
    return f"{value:,}"


def render(stats, steps, seconds, seed, bad_cases):
    g = lambda name, key: stats.get(name, {}).get(key, 0)
    status = lambda name: steps.get(name, {}).get("status", "not run")
    secs = lambda name: steps.get(name, {}).get("seconds", "?")
    kill = stats.get("kill", {})
    kinds = sorted((k, v) for k, v in kill.items() if k.startswith(("plain_", "tui_")))
    disk = {k: v["faults"] for k, v in stats.items() if k.startswith("disk_")}
    failed = [k for k, v in steps.items() if v.get("status") != "ok"]
    lost = "nothing" if not failed and not kill.get("failures") else "see the failures below"
    rows = [
        ("1. Random input, full screen (`tests/campaign_random_tui.rs`)",
         "%s key sequences, %s steps (keys, text, pastes, resizes 1x1 to 300x100), each step drawn and checked"
         % (n(g("random_tui", "cases")), n(g("random_tui", "steps"))), "random_tui"),
        ("1. Random input, plain mode (`tests/campaign_random_plain.rs`)",
         "%s sequences, %s typed lines; %s tally sentences and %s recorded answers checked against the rules and the file"
         % (n(g("random_plain", "cases")), n(g("random_plain", "lines")), n(g("random_plain", "tallies")),
            n(g("random_plain", "answers"))), "random_plain"),
        ("2. Fuzzing the session-file reader (`tests/campaign_fuzz_session.rs`)",
         "%s edited real session files and %s arbitrary inputs, each read four ways and saved back"
         % (n(g("fuzz_session_edits", "cases")), n(g("fuzz_session_bytes", "cases"))), "fuzz_session"),
        ("2. Fuzzing the plain-mode parser (`tests/campaign_fuzz_plain.rs`)",
         "%s typed texts (each given to every question, NI field, note and reference, then saved and read back) and %s arbitrary byte streams"
         % (n(g("fuzz_plain_text", "cases")), n(g("fuzz_plain_bytes", "cases"))), "fuzz_plain"),
        ("2. Fuzzing the content loader (`tests/fuzz_content.rs`)",
         "400 edited or arbitrary content files (fixed count) and its regression corpus", "fuzz_content"),
        ("3. Kill and hang-up (`tests/campaign_kill.rs`, release binary)",
         "%s runs: %s; %s items shown as saved, all checked on disk; %s sessions left behind, all parse"
         % (n(kill.get("runs", 0)), ", ".join("%s %s" % (v, k.replace("_", " ")) for k, v in kinds),
            n(kill.get("shown_as_saved", 0)), n(kill.get("sessions", 0))), "kill"),
        ("4. Disk trouble (`tests/campaign_disk.rs`)",
         "%s faults injected: %s" % (sum(disk.values()), ", ".join(
             "%s %s" % (v, k[len("disk_"):].replace("_", " ")) for k, v in sorted(disk.items()))), "disk"),
        ("5. Scale, behaviour (`tests/campaign_scale.rs`); timings below", "300 sessions: the plain start and the start screen's filter", "scale_behaviour"),
        ("6. Content errors (`tests/bad_content.rs`)",
         "%d broken content files, each one message with file, line and column" % bad_cases, "bad_content"),
    ]
    lines = [
        BEGIN,
        "Last run of `scripts/campaign.sh`: %s on %s (%s, %d cores), %s in all (%d min %02d s), seed %s."
        % (datetime.date.today().isoformat(), "a shared machine", platform.machine(),
           os.cpu_count(), n(seconds) + " s", seconds // 60, seconds % 60, seed),
        "",
        "| campaign | what ran | result | time |",
        "| --- | --- | --- | --- |",
    ]
    for title, what, step in rows:
        lines.append("| %s | %s | %s | %s s |" % (title, what, status(step), secs(step)))
    if "scale_bench" in steps:
        lines.append("| 5. Scale benchmark (`bench/scale.sh`) | figures below | %s | %s s |"
                     % (status("scale_bench"), secs("scale_bench")))
    lines += [
        "",
        "Lost: %s. Processes left running after a kill or hang-up: %s; spinning a CPU: %s."
        % (lost, "none" if not kill.get("failures") else "see below", "none" if not kill.get("failures") else "see below"),
    ]
    if failed:
        lines.append("Failed steps: %s (the logs are named in the script's output)." % ", ".join(failed))
    lines.append(END)
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--stats", required=True)
    p.add_argument("--seconds", type=int, required=True)
    p.add_argument("--seed", required=True)
    p.add_argument("--bad-content", required=True)
    p.add_argument("--doc", required=True, action="append",
                   help="a file with the campaign markers to write into (repeatable)")
    a = p.parse_args()
    stats, steps = read_stats(a.stats)
    with open(a.bad_content) as f:
        bad_cases = len(re.findall(r"^\[\[case\]\]", f.read(), re.M))
    text = render(stats, steps, a.seconds, a.seed, bad_cases)
    print(text)
    for path in a.doc:
        with open(path) as f:
            doc = f.read()
        doc = doc[: doc.index(BEGIN)] + text + doc[doc.index(END) + len(END):]
        with open(path, "w") as f:
            f.write(doc)


if __name__ == "__main__":
    main()
