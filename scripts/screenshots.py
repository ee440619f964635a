#!/usr/bin/env python3
"""Makes everything in screenshots/ from the real program and a fictional interview.

Run it through scripts/screenshots.sh, which installs what it needs and builds the program.

1. The plain-text mode (`esa-interview --plain`) runs in a pseudo-terminal 100 columns wide and
   is given scripts/screenshots-interview.txt one line at a time, each line only when the
   program is waiting for it. What it says, with each typed line shown as `> line`, is
   screenshots/plain-transcript.txt. The session it saves is the one the screenshots show.
2. For each screen in scripts/screenshots-screens.txt the full-screen program runs in tmux at
   100x30 on a fresh copy of that session, the keys are typed, and the screen is read back
   with its colours (capture-pane -e). It is drawn as SVG cell by cell, converted to PNG by
   rsvg-convert and shrunk by pngquant: once in colour and once with NO_COLOR set. The screen's text is kept beside
   the PNGs as NAME.txt (for readers who cannot see the picture, and for
   tests/readme_screenshots.rs, which checks the screens are still what the program shows).

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
import unicodedata
from pathlib import Path

TODAY = "2026-11-25"
CLOCK = "2026-11-25 10:30:00"
COLS, ROWS = 100, 30
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
        subprocess.run(["tmux", "-L", self.sock, "kill-server"], capture_output=True)


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


def sh_quote(s):
    s = str(s)
    return "'" + s.replace("'", "'\\''") + "'"


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


# ------------------------------------------------------------------------- SVG drawing

FONT = 15
CELL_W = FONT * 1233 / 2048  # DejaVu Sans Mono's advance width
CELL_H = 18
PAD = 12
BG, FG = "#1e1e1e", "#d4d4d4"
PALETTE = [
    "#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
    "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff",
]
# Light box-drawing characters as the arms they draw: up, right, down, left.
BOX = {
    "─": "0101", "│": "1010", "┌": "0110", "┐": "0011", "└": "1100", "┘": "1001",
    "├": "1110", "┤": "1011", "┬": "0111", "┴": "1101", "┼": "1111",
}


def colour_256(n):
    if n < 16:
        return PALETTE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    g = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (g, g, g)


def sgr(state, params):
    """Applies one SGR sequence's parameters to the pen."""
    ps = [int(p) if p else 0 for p in re.split("[;:]", params)] or [0]
    i = 0
    while i < len(ps):
        p = ps[i]
        if p == 0:
            state.clear()
        elif p in (1, 2, 3, 4, 7):
            state[p] = True
        elif p == 22:
            state.pop(1, None)
            state.pop(2, None)
        elif p in (23, 24, 27):
            state.pop(p - 20, None)
        elif 30 <= p <= 37 or 90 <= p <= 97:
            state["fg"] = PALETTE[p - 30 if p < 90 else p - 82]
        elif 40 <= p <= 47 or 100 <= p <= 107:
            state["bg"] = PALETTE[p - 40 if p < 100 else p - 92]
        elif p == 39:
            state.pop("fg", None)
        elif p == 49:
            state.pop("bg", None)
        elif p in (38, 48) and i + 1 < len(ps):
            key = "fg" if p == 38 else "bg"
            if ps[i + 1] == 5 and i + 2 < len(ps):
                state[key] = colour_256(ps[i + 2])
                i += 2
            elif ps[i + 1] == 2 and i + 4 < len(ps):
                state[key] = "#%02x%02x%02x" % tuple(ps[i + 2 : i + 5])
                i += 4
        i += 1


def cells(ansi):
    """The screen as rows of (character, pen) cells, COLSxROWS."""
    grid = [[(" ", {}) for _ in range(COLS)] for _ in range(ROWS)]
    state = {}
    y = 0
    for line in ansi.split("\n")[:ROWS]:
        x = 0
        for m in re.finditer(r"\x1b\[([0-9;:]*)m|\x1b[^\[]|([^\x1b])", line):
            if m.group(1) is not None:
                sgr(state, m.group(1))
            elif m.group(2) is not None and x < COLS:
                ch = m.group(2)
                grid[y][x] = (ch, dict(state))
                x += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        y += 1
    return grid


def pen_colours(pen):
    fg, bg = pen.get("fg", FG), pen.get("bg")
    if pen.get(7):
        fg, bg = bg or BG, fg
    if pen.get(2):
        fg = fg + "a0" if len(fg) == 7 else fg
    return fg, bg


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def svg(ansi, cursor, title):
    """The screen as an SVG picture: a background rectangle and a line of text for each run of
    cells drawn alike, and box-drawing characters as lines, so borders join up."""
    grid = cells(ansi)
    w, h = round(COLS * CELL_W + 2 * PAD), ROWS * CELL_H + 2 * PAD
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}">',
        f"<title>{esc(title)}</title>",
        f'<rect width="100%" height="100%" fill="{BG}"/>',
        f'<g font-family="DejaVu Sans Mono" font-size="{FONT}px" xml:space="preserve">',
    ]
    segments = []
    for y, row in enumerate(grid):
        x = 0
        while x < COLS:
            pen = row[x][1]
            start = x
            while x < COLS and row[x][1] == pen:
                x += 1
            out += run(row, y, start, x, pen, segments)
    out += [join_lines(segments), cursor_mark(grid, cursor), "</g></svg>"]
    return "\n".join(l for l in out if l) + "\n"


def run(row, y, start, end, pen, segments):
    """SVG for the cells start..end of row y, all drawn with the same pen."""
    fg, bg = pen_colours(pen)
    top = PAD + y * CELL_H
    out = []
    if bg:
        out.append(
            f'<rect x="{PAD + start * CELL_W:.2f}" y="{top}" '
            f'width="{(end - start) * CELL_W + 0.5:.2f}" height="{CELL_H}" fill="{bg}"/>'
        )
    text = ""
    for i in range(start, end):
        c = row[i][0]
        if c in BOX:
            segments.append((i, y, BOX[c], fg))
            c = " "
        text += c
    lead = len(text) - len(text.lstrip(" "))
    text = text.strip(" ")
    if text:
        attrs = f'fill="{fg}"'
        if pen.get(1):
            attrs += ' font-weight="bold"'
        if pen.get(3):
            attrs += ' font-style="italic"'
        if pen.get(4):
            attrs += ' text-decoration="underline"'
        x = PAD + (start + lead) * CELL_W
        out.append(f'<text x="{x:.2f}" y="{top + CELL_H * 0.76:.2f}" {attrs}>{esc(text)}</text>')
    return out


def join_lines(segments):
    """Box-drawing cells as horizontal and vertical lines, neighbours joined into one line."""
    horizontal, vertical = {}, {}
    for i, y, (up, right, down, left), colour in segments:
        mid_x, mid_y = 2 * i + 1, 2 * y + 1  # in half cells
        if left == "1":
            horizontal.setdefault((mid_y, colour), set()).add(2 * i)
        if right == "1":
            horizontal.setdefault((mid_y, colour), set()).add(2 * i + 1)
        if up == "1":
            vertical.setdefault((mid_x, colour), set()).add(2 * y)
        if down == "1":
            vertical.setdefault((mid_x, colour), set()).add(2 * y + 1)
    out = []
    for (mid_y, colour), halves in horizontal.items():
        yy = round(PAD + mid_y * CELL_H / 2) + 0.5
        for a, b in spans(halves):
            out.append(line(PAD + a * CELL_W / 2, yy, PAD + b * CELL_W / 2, yy, colour))
    for (mid_x, colour), halves in vertical.items():
        xx = round(PAD + mid_x * CELL_W / 2) + 0.5
        for a, b in spans(halves):
            out.append(line(xx, PAD + a * CELL_H / 2, xx, PAD + b * CELL_H / 2, colour))
    return "\n".join(out)


def spans(halves):
    """Runs of consecutive half cells, as (start, end) in half cells."""
    out = []
    for h in sorted(halves):
        if out and out[-1][1] == h:
            out[-1][1] = h + 1
        else:
            out.append([h, h + 1])
    return out


def line(x1, y1, x2, y2, colour):
    return (
        f'<line x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}" stroke="{colour}" '
        'stroke-width="1" shape-rendering="crispEdges"/>'
    )


def cursor_mark(grid, cursor):
    """The terminal cursor, drawn as a bar under its cell (the program puts it on the focus)."""
    if not cursor or cursor[1] >= ROWS:
        return ""
    cx, cy = cursor
    fg, _ = pen_colours(grid[cy][min(cx, COLS - 1)][1])
    return (
        f'<rect x="{PAD + cx * CELL_W:.2f}" y="{PAD + (cy + 1) * CELL_H - 3}" '
        f'width="{CELL_W:.2f}" height="2" fill="{fg}"/>'
    )


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
