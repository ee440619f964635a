"""A terminal screen, as tmux's capture-pane -e gives it, drawn as an SVG picture.

Used by scripts/screenshots.py. Each cell of the COLSxROWS screen keeps its character and its
pen (bold, reverse video, colours from the 16-colour palette, 256 colours or RGB). Runs of
cells drawn alike become one rectangle and one line of text in DejaVu Sans Mono; box-drawing
characters become lines, joined with their neighbours, so borders have no gaps; the terminal
cursor is a bar under its cell.
"""

import re
import unicodedata

COLS, ROWS = 100, 30

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
