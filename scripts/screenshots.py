#!/usr/bin/env python3
"""Makes everything in screenshots/ from the real program and a fictional interview.

Run it through scripts/screenshots.sh, which installs what it needs and builds the program.

1. The plain-text mode (`esa-interview --plain`) runs in a pseudo-terminal 100 columns wide and
   is given scripts/screenshots-interview.txt one line at a time, each line only when the
   program is waiting for it. What it says, with each typed line shown as `> line`, is
   screenshots/plain-transcript.txt. The session it saves is the one the screenshots show.
2. For each screen in scripts/screenshots-screens.txt the full-screen program runs in tmux at
   100x30 on a fresh copy of that session, the keys are typed, and the screen is read back
   with its colours (capture-pane -e) and where the cursor is. It is drawn as SVG cell by
   cell, converted to PNG by rsvg-convert and shrunk by pngquant: once in colour and once
   with NO_COLOR set. The screen's text is kept beside the PNGs as NAME.txt (for readers who
   cannot see the picture, and for tests/readme_screenshots.rs, which checks the screens are
   still what the program shows).

The clock is fixed with libfaketime and --today, so nothing in the pictures drifts. The
sessions folder is a temporary one: no real claimant's data is ever read.

Usage: screenshots.py PROGRAM REPO_DIR
"""

import os
import platform
import re
import select
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from screenshots_svg import COLS, ROWS, svg

TODAY = "2026-11-25"
CLOCK = "2026-11-25 10:30:00"
# What the transcript shows for the temporary sessions folder and the random session id.
SHOWN_DATA = "/home/adviser/.local/share/esa-interview/sessions"
SHOWN_ID = "3f9a2c1e"


# ------------------------------------------------------------------------------ environment


def program_env(home):
    """A small, fixed environment: the wall clock fixed at CLOCK by libfaketime (monotonic time
    runs as usual), a temporary home, and nothing that names a real sessions folder."""
    libs = sorted(Path("/usr/lib").glob("*/faketime/libfaketimeMT.so.1"))
    libs += sorted(Path("/usr/lib").glob("*/faketime/libfaketime.so.1"))
    if not libs:
        sys.exit("libfaketime is missing: apt-get install libfaketime")
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TZ": "UTC",
        "USER": "adviser",
        "TERM": "xterm-256color",
        "LD_PRELOAD": str(libs[0]),
        "FAKETIME": CLOCK,
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",
    }


def private_dir(path):
    path.mkdir(parents=True)
    path.chmod(0o700)
    return path


def script_lines(path):
    """The typed lines of an interview file: `#` lines are comments, the rest are typed."""
    return [l for l in path.read_text().splitlines() if not l.startswith("#")]


# ------------------------------------------------------------------- the plain-text mode


READ_SYSCALL = {"x86_64": "0", "aarch64": "63"}.get(platform.machine())


def blocked_reading_stdin(pid):
    """True when the program's main thread is blocked in read() on standard input."""
    try:
        fields = Path(f"/proc/{pid}/task/{pid}/syscall").read_text().split()
    except OSError:
        return None
    return len(fields) > 1 and fields[0] == READ_SYSCALL and int(fields[1], 16) == 0


def voluntary_switches(pid):
    for line in Path(f"/proc/{pid}/task/{pid}/status").read_text().splitlines():
        if line.startswith("voluntary_ctxt_switches"):
            return int(line.split()[1])
    return 0


def run_plain(program, data, lines):
    """Runs the plain mode in a 100-column pseudo-terminal; returns the transcript."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.OPOST  # the program's bytes as written, no \r added
    attrs[3] &= ~termios.ECHO  # typed lines are written into the transcript as `> line`
    termios.tcsetattr(slave, termios.TCSANOW, attrs)

    def controlling_terminal():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    env = program_env(data.parent)
    env["COLUMNS"] = str(COLS)
    proc = subprocess.Popen(
        [program, "--plain", "--data-dir", str(data), "--today", TODAY],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        preexec_fn=controlling_terminal,
    )
    out = []

    def drain(timeout):
        ready, _, _ = select.select([master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(master, 65536)
        except OSError:
            return False
        out.append(chunk.decode("utf-8"))
        return bool(chunk)

    def unread_input():
        buf = struct.pack("i", 0)
        return struct.unpack("i", fcntl.ioctl(slave, termios.FIONREAD, buf))[0]

    def wait_until_asked(before):
        """Waits until the program has taken the last line, answered, and blocked again."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if drain(0.02):
                continue
            if proc.poll() is not None:  # it has ended (after quit)
                return
            blocked = blocked_reading_stdin(proc.pid)
            if blocked is None:  # /proc not readable: fall back to a quiet spell
                if not drain(0.5):
                    return
                continue
            if blocked and unread_input() == 0 and voluntary_switches(proc.pid) > before:
                while drain(0.05):
                    pass
                return
        sys.exit("the plain-text mode did not ask for the next line within 30 seconds")

    wait_until_asked(-1)
    for line in lines:
        if proc.poll() is not None:
            sys.exit(f"the plain-text mode ended before the line {line!r}")
        before = voluntary_switches(proc.pid)
        out.append(f"> {line}\n")
        os.write(master, line.encode() + b"\n")
        wait_until_asked(before)
    proc.wait(timeout=30)
    while drain(0.1):
        pass
    os.close(master)
    os.close(slave)
    if proc.returncode != 0:
        sys.exit(f"the plain-text mode ended with status {proc.returncode}:\n{''.join(out)}")
    return "".join(out)


# --------------------------------------------------------------------- the full screen


class Tmux:
    """A private tmux server running one program at COLSxROWS."""

    count = 0

    def __init__(self, program, data, args, no_color):
        Tmux.count += 1
        self.sock = f"esa-shots-{os.getpid()}-{Tmux.count}"
        env = program_env(data.parent)
        if no_color:
            env["NO_COLOR"] = "1"
        exports = " ".join(f"{k}={sh_quote(v)}" for k, v in sorted(env.items()))
        cmd = " ".join(
            sh_quote(a) for a in [program, "--data-dir", str(data), "--today", TODAY, *args]
        )
        self.run(
            "new-session", "-d", "-s", "shot", "-x", str(COLS), "-y", str(ROWS),
            f"env -i {exports} {cmd}; sleep 600",
        )

    def run(self, *args):
        return subprocess.run(
            ["tmux", "-L", self.sock, "-f", "/dev/null", *args],
            check=True, capture_output=True, text=True,
        ).stdout

    def text(self):
        return self.run("capture-pane", "-p", "-t", "shot")

    def wait_for(self, words):
        """Waits until `words` (spaces squeezed) is on the screen and the screen is still."""
        deadline = time.monotonic() + 20
        last = None
        while time.monotonic() < deadline:
            now = self.text()
            flat = " ".join(now.split())
            if words in flat and now == last:
                return
            last = now
            time.sleep(0.15)
        sys.exit(f"waited for {words!r}; the screen shows:\n{self.text()}")

    def keys(self, keys):
        for kind, key in keys:
            if kind == "text":
                self.run("send-keys", "-t", "shot", "-l", key)
            else:
                self.run("send-keys", "-t", "shot", TMUX_KEYS.get(key, key))
            time.sleep(0.08)  # keeps Esc from joining the next key

    def capture(self):
        ansi = self.run("capture-pane", "-p", "-e", "-t", "shot")
        x, y, shown = self.run(
            "display-message", "-p", "-t", "shot", "#{cursor_x} #{cursor_y} #{cursor_flag}"
        ).split()
        cursor = (int(x), int(y)) if shown == "1" else None
        return self.text(), ansi, cursor

    def close(self):
        socket = self.run("display-message", "-p", "#{socket_path}").strip()
        subprocess.run(["tmux", "-L", self.sock, "kill-server"], capture_output=True)
        Path(socket).unlink(missing_ok=True)


# Command-table key names (as the README and the test use them) to tmux's names.
TMUX_KEYS = {
    "Esc": "Escape",
    "Shift-Tab": "BTab",
    "PgDn": "NPage",
    "PgUp": "PPage",
    "Ctrl-S": "C-s",
    "Ctrl-C": "C-c",
    "Delete": "DC",
}


def sh_quote(value):
    return "'" + str(value).replace("'", "'\\''") + "'"


def parse_screens(path):
    """scripts/screenshots-screens.txt: `name | arguments | keys | text to wait for`."""
    screens = []
    for line in path.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, args, keys, wait = (p.strip() for p in line.split("|"))
        screens.append((name, shlex.split(args), parse_keys(keys), wait))
    return screens


def parse_keys(spec):
    """Key names separated by spaces; "quoted text" is typed; Down*3 presses Down three times."""
    keys = []
    for m in re.finditer(r'"([^"]*)"|(\S+)', spec):
        if m.group(1) is not None:
            keys.append(("text", m.group(1)))
            continue
        name, _, times = m.group(2).partition("*")
        keys += [("key", name)] * (int(times) if times else 1)
    return keys


def shoot(program, base, work, screen, no_color):
    name, args, keys, wait = screen
    data = work / f"{name}-{'mono' if no_color else 'colour'}"
    shutil.copytree(base, data)
    tmux = Tmux(program, data, args, no_color)
    try:
        tmux.wait_for("esa-interview: start" if not args else "Points tally")
        tmux.keys(keys)
        tmux.wait_for(wait)
        return tmux.capture()
    finally:
        tmux.close()


def png(svg_text, path, work):
    src = work / (path.stem + ".svg")
    src.write_text(svg_text)
    full = work / (path.stem + ".full.png")
    subprocess.run(["rsvg-convert", "-o", str(full), str(src)], check=True)
    # A terminal has few colours: a palette of 24 keeps the picture and a tenth of the size.
    subprocess.run(
        ["pngquant", "--force", "--speed", "1", "--strip", "--output", str(path), "24", str(full)],
        check=True,
    )


# ------------------------------------------------------------------------------- main


TRANSCRIPT_HEADER = f"""\
# esa-interview --plain in a terminal {COLS} columns wide: the interview behind the
# screenshots. Made by scripts/screenshots.sh from scripts/screenshots-interview.txt (a
# fictional claimant). Lines starting with "> " are what the adviser typed ("> " alone is
# Enter). The sessions folder, a temporary one, is shown as
# {SHOWN_DATA}, and the session's id (8 random hexadecimal digits) as {SHOWN_ID}.
"""


def main():
    program, repo = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    out_dir = repo / "screenshots"
    out_dir.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="esa-shots-") as tmp:
        work = Path(tmp)
        base = private_dir(work / "sessions")
        lines = script_lines(repo / "scripts/screenshots-interview.txt")
        transcript = run_plain(str(program), base, lines)
        ids = [p.stem for p in base.glob("*.toml")]
        if len(ids) != 1:
            sys.exit(f"expected one session after the interview, found {ids}")
        transcript = transcript.replace(str(base), SHOWN_DATA).replace(ids[0], SHOWN_ID)
        (out_dir / "plain-transcript.txt").write_text(TRANSCRIPT_HEADER + transcript)
        print("screenshots/plain-transcript.txt")
        for screen in parse_screens(repo / "scripts/screenshots-screens.txt"):
            name = screen[0]
            text, ansi, cursor = shoot(program, base, work, screen, no_color=False)
            mono_text, mono_ansi, mono_cursor = shoot(program, base, work, screen, True)
            if mono_text != text:
                sys.exit(f"{name}: the NO_COLOR screen has different text from the colour one")
            (out_dir / f"{name}.txt").write_text(
                "\n".join(l.rstrip() for l in text.rstrip("\n").split("\n")) + "\n"
            )
            title = f"esa-interview at {COLS}x{ROWS}: {name}"
            png(svg(ansi, cursor, title), out_dir / f"{name}.png", work)
            png(svg(mono_ansi, mono_cursor, title + " (NO_COLOR)"),
                out_dir / f"{name}-no-color.png", work)
            print(f"screenshots/{name}.png, {name}-no-color.png, {name}.txt")


if __name__ == "__main__":
    main()
