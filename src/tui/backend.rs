//! A lean ratatui backend for slow links: it writes the same screen as ratatui's crossterm
//! backend but remembers what the terminal already has (style, cursor position, cursor
//! visibility, and every cell since the last clear), so a frame that changes two cells costs a
//! few dozen bytes instead of carrying a style reset and a cursor show on every frame; a page
//! that scrolled is moved with the terminal's scroll region rather than written again
//! (`screen`); and a run of cells that became blank is erased (EL, or ECH where the terminal
//! is not a VT100) rather than overwritten with spaces. Depends on ratatui (cells) and
//! crossterm (terminal size); writes plain ANSI/VT100 sequences.

mod screen;

use std::cell::Cell as Slot;
use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};

/// The terminal's current style as far as this backend knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

const PLAIN: Pen = Pen {
    fg: Color::Reset,
    bg: Color::Reset,
    modifier: Modifier::empty(),
};

/// Writes frames to a terminal with as few bytes as the diff allows.
pub struct LeanBackend<W: Write> {
    out: W,
    /// None until the first write, when the terminal's style is unknown.
    pen: Option<Pen>,
    /// Where the terminal cursor is, when known.
    cursor: Option<Position>,
    /// Whether the cursor is shown, when known.
    visible: Option<bool>,
    /// The screen width last measured (0 until known): relative moves need it, because a
    /// character in the last column leaves the cursor waiting to wrap.
    width: Slot<u16>,
    /// A size given instead of the terminal's (a recording for tests and the benchmark).
    fixed: Option<Size>,
    /// What the terminal shows, known from the last full clear on.
    shown: Option<Buffer>,
    /// The frame being drawn: `shown` with this frame's cells applied.
    next: Option<Buffer>,
    /// Whether the terminal erases characters in place (ECH, from the VT220 on).
    erase_chars: bool,
}

/// Changed cells that became blank, in one run of blanks, from which erasing them (ECH) beats
/// writing spaces.
const ERASE_RUN: usize = 5;

impl<W: Write> LeanBackend<W> {
    /// A backend writing to `out` (a buffered standard output in the real program).
    pub fn new(out: W) -> Self {
        LeanBackend {
            out,
            pen: None,
            cursor: None,
            visible: None,
            width: Slot::new(0),
            fixed: None,
            shown: None,
            next: None,
            erase_chars: !std::env::var("TERM").is_ok_and(|t| is_vt100(&t)),
        }
    }

    /// Changes the fixed size (a recorded terminal that was resized).
    pub fn set_fixed_size(&mut self, width: u16, height: u16) {
        self.fixed = Some(Size { width, height });
        self.width.set(width);
    }

    /// Uses ECH or not (a VT100 or VT102 does not have it), instead of reading `TERM`.
    #[must_use]
    pub fn with_erase_chars(mut self, on: bool) -> Self {
        self.erase_chars = on;
        self
    }

    /// A backend of a fixed size that never asks a terminal: it records what a terminal of
    /// that size would be sent (tests count the bytes of every key).
    pub fn fixed(out: W, width: u16, height: u16) -> Self {
        let b = LeanBackend {
            fixed: Some(Size { width, height }),
            ..LeanBackend::new(out)
        };
        b.width.set(width);
        b
    }

    /// Tells the backend the screen width (the real terminal's is read in `size`).
    pub fn assume_width(&self, width: u16) {
        self.width.set(width);
    }

    /// The writer, for tests that count bytes.
    pub fn writer(&self) -> &W {
        &self.out
    }

    /// The writer, mutably (tests clear it between frames).
    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.out
    }

    fn move_to(&mut self, p: Position) -> io::Result<()> {
        if self.cursor == Some(p) {
            return Ok(());
        }
        let absolute = if p.x == 0 {
            format!("\x1b[{}H", p.y + 1)
        } else {
            format!("\x1b[{};{}H", p.y + 1, p.x + 1)
        };
        let relative = self
            .cursor
            .filter(|c| c.x < self.width.get())
            .and_then(|c| relative_move(c, p));
        let seq = match relative {
            Some(r) if r.len() < absolute.len() => r,
            _ => absolute,
        };
        self.out.write_all(seq.as_bytes())?;
        self.cursor = Some(p);
        Ok(())
    }

    fn set_pen(&mut self, want: Pen) -> io::Result<()> {
        if self.pen == Some(want) {
            return Ok(());
        }
        let mut params: Vec<String> = Vec::new();
        let from = match self.pen {
            Some(p) if p.modifier.difference(want.modifier).is_empty() => p,
            _ => {
                params.push("0".into());
                PLAIN
            }
        };
        for (m, code) in MODIFIER_CODES {
            if want.modifier.contains(*m) && !from.modifier.contains(*m) {
                params.push((*code).into());
            }
        }
        if want.fg != from.fg {
            params.push(colour_code(want.fg, false));
        }
        if want.bg != from.bg {
            params.push(colour_code(want.bg, true));
        }
        write!(self.out, "\x1b[{}m", params.join(";"))?;
        self.pen = Some(want);
        Ok(())
    }
}

impl<W: Write> LeanBackend<W> {
    fn write_cell(&mut self, x: u16, y: u16, cell: &Cell) -> io::Result<()> {
        self.move_to(Position { x, y })?;
        self.set_pen(Pen {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        })?;
        let symbol = cell.symbol();
        self.out.write_all(symbol.as_bytes())?;
        // ASCII, and box drawing (every rule and border), move the cursor one column; anything
        // else may be wide, so the next cell says where it is.
        let narrow = symbol
            .chars()
            .all(|c| c.is_ascii_graphic() || c == ' ' || is_box(c));
        self.cursor = (narrow && !symbol.is_empty()).then_some(Position { x: x + 1, y });
        Ok(())
    }

    /// Before writing at (x, y): when the cursor is a few cells to the left on the same row and
    /// those cells are plain characters in the current style, writes them again (a space is
    /// one byte where a cursor move is three or four).
    fn fill_gap(&mut self, next: &Buffer, x: u16, y: u16) -> io::Result<()> {
        let Some(at) = self.cursor.filter(|c| c.y == y && c.x < x && x - c.x <= 3) else {
            return Ok(());
        };
        let Some(pen) = self.pen else {
            return Ok(());
        };
        let mut gap = [0u8; 3];
        for (i, cx) in (at.x..x).enumerate() {
            let Some(c) = next.cell((cx, y)) else {
                return Ok(());
            };
            let sym = c.symbol().as_bytes();
            let same_pen = Pen {
                fg: c.fg,
                bg: c.bg,
                modifier: c.modifier,
            } == pen;
            if sym.len() != 1 || !sym[0].is_ascii_graphic() && sym[0] != b' ' || !same_pen {
                return Ok(());
            }
            gap[i] = sym[0];
        }
        let n = usize::from(x - at.x);
        self.out.write_all(&gap[..n])?;
        self.cursor = Some(Position { x, y });
        Ok(())
    }

    /// Moves rows `top..=bottom` with the scroll region: line feeds at its foot move them up,
    /// reverse index at its head moves them down; the lines that open up are blank.
    fn scroll(&mut self, s: screen::Shift) -> io::Result<()> {
        self.set_pen(PLAIN)?;
        write!(self.out, "\x1b[{};{}r", s.top + 1, s.bottom + 1)?;
        let n = usize::try_from(s.by.unsigned_abs()).unwrap_or(0);
        if s.by > 0 {
            write!(self.out, "\x1b[{}H{}", s.bottom + 1, "\n".repeat(n))?;
        } else {
            write!(self.out, "\x1b[{}H{}", s.top + 1, "\x1bM".repeat(n))?;
        }
        // Resetting the region puts the cursor home.
        self.out.write_all(b"\x1b[r")?;
        self.cursor = Some(Position { x: 0, y: 0 });
        Ok(())
    }
}

/// Box drawing (U+2500 to U+257F): one column in every terminal.
fn is_box(c: char) -> bool {
    ('\u{2500}'..='\u{257f}').contains(&c)
}

/// The cells to write to turn `shown` into `next`: ratatui's diff, plus the cells a terminal
/// blanks when part of a wide character is overwritten (the rest of it, or the character a
/// write lands in the second half of), so the model and the terminal stay the same.
fn with_wide_neighbours(shown: &Buffer, next: &Buffer) -> Vec<(u16, u16, Cell)> {
    let mut out: Vec<(u16, u16, Cell)> = shown
        .diff(next)
        .into_iter()
        .map(|(x, y, c)| (x, y, c.clone()))
        .collect();
    let mut extra = Vec::new();
    for (x, y, cell) in &out {
        let old = shown.cell((*x, *y)).map_or(1, CellWidth::cell_width);
        for dx in cell.cell_width().max(1)..old {
            extra.push((x + dx, *y));
        }
        if *x > 0 && shown.cell((x - 1, *y)).is_some_and(|c| c.cell_width() > 1) {
            extra.push((x - 1, *y));
        }
    }
    if extra.is_empty() {
        return out;
    }
    for (x, y) in extra {
        if let Some(c) = next.cell((x, y))
            && !out.iter().any(|(ox, oy, _)| (*ox, *oy) == (x, y))
        {
            out.push((x, y, c.clone()));
        }
    }
    out.sort_by_key(|(x, y, _)| (*y, *x));
    // A cell covered by a wide character just before it is never written.
    let mut kept: Vec<(u16, u16, Cell)> = Vec::with_capacity(out.len());
    for u in out {
        let covered = kept
            .last()
            .is_some_and(|(px, py, pc)| *py == u.1 && px + pc.cell_width().max(1) > u.0);
        if !covered {
            kept.push(u);
        }
    }
    kept
}

/// True for TERM names of terminals without ECH.
fn is_vt100(term: &str) -> bool {
    matches!(term, "vt100" | "vt102" | "vt52") || term.starts_with("vt100-")
}

fn is_blank(c: &Cell) -> bool {
    *c == Cell::default()
}

/// A shorter way from `from` to `to` when there is one: along the row, back to its start, or
/// to the start of the next row (never from the last row, so nothing scrolls).
fn relative_move(from: Position, to: Position) -> Option<String> {
    if from.y == to.y && to.x == 0 {
        return Some("\r".into());
    }
    if from.y == to.y && to.x > from.x {
        let n = to.x - from.x;
        return Some(if n == 1 {
            "\x1b[C".into()
        } else {
            format!("\x1b[{n}C")
        });
    }
    if to.y == from.y + 1 && to.x == 0 {
        return Some("\r\n".into());
    }
    None
}

const MODIFIER_CODES: &[(Modifier, &str)] = &[
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::SLOW_BLINK, "5"),
    (Modifier::RAPID_BLINK, "6"),
    (Modifier::REVERSED, "7"),
    (Modifier::HIDDEN, "8"),
    (Modifier::CROSSED_OUT, "9"),
];

/// The SGR parameter for a colour; `bg` selects the background form.
fn colour_code(c: Color, bg: bool) -> String {
    let base = |n: u8| if bg { n + 10 } else { n };
    match c {
        Color::Reset => base(39).to_string(),
        Color::Black => base(30).to_string(),
        Color::Red => base(31).to_string(),
        Color::Green => base(32).to_string(),
        Color::Yellow => base(33).to_string(),
        Color::Blue => base(34).to_string(),
        Color::Magenta => base(35).to_string(),
        Color::Cyan => base(36).to_string(),
        Color::Gray => base(37).to_string(),
        Color::DarkGray => base(90).to_string(),
        Color::LightRed => base(91).to_string(),
        Color::LightGreen => base(92).to_string(),
        Color::LightYellow => base(93).to_string(),
        Color::LightBlue => base(94).to_string(),
        Color::LightMagenta => base(95).to_string(),
        Color::LightCyan => base(96).to_string(),
        Color::White => base(97).to_string(),
        Color::Indexed(i) => format!("{};5;{i}", base(38)),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", base(38)),
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let (Some(shown), Some(next)) = (self.shown.as_ref(), self.next.as_mut()) else {
            for (x, y, cell) in content {
                self.write_cell(x, y, cell)?;
            }
            return Ok(());
        };
        let area = next.area;
        for (x, y, cell) in content {
            if !area.contains(Position { x, y }) {
                // Not the size the screen was cleared at: write as told, and stop modelling.
                self.shown = None;
                self.next = None;
                return self.write_cell(x, y, cell);
            }
            next[(x, y)] = cell.clone();
            // ratatui's own buffer resets the cells a wide character covers, and its diff
            // never sends them: mirror that, so this model stays the frame ratatui holds.
            let covered = cell.cell_width();
            for dx in 1..covered {
                if let Some(c) = next.cell_mut((x.saturating_add(dx), y)) {
                    c.reset();
                }
            }
        }
        if let Some(s) = screen::best_shift(shown, next) {
            self.scroll(s)?;
            if let Some(shown) = self.shown.as_mut() {
                screen::apply(shown, s);
            }
        }
        let (Some(shown), Some(next)) = (self.shown.as_ref(), self.next.take()) else {
            return Ok(());
        };
        let updates = with_wide_neighbours(shown, &next);
        let width = area.width;
        let mut i = 0;
        while i < updates.len() {
            let (x, y, cell) = &updates[i];
            if is_blank(cell) {
                let w = usize::from(width);
                let start = usize::from(*y) * w;
                let row = &next.content[start..start + w];
                let len = row[usize::from(*x)..]
                    .iter()
                    .take_while(|c| is_blank(c))
                    .count();
                let end = usize::from(*x) + len;
                let covered = updates[i..]
                    .iter()
                    .take_while(|(ux, uy, _)| uy == y && usize::from(*ux) < end)
                    .count();
                let to_end = end == w && covered >= 3;
                if to_end || (self.erase_chars && covered >= ERASE_RUN) {
                    self.move_to(Position { x: *x, y: *y })?;
                    self.set_pen(PLAIN)?;
                    if to_end {
                        self.out.write_all(b"\x1b[K")?;
                    } else {
                        write!(self.out, "\x1b[{len}X")?;
                    }
                    i += covered;
                    continue;
                }
            }
            self.fill_gap(&next, *x, *y)?;
            self.write_cell(*x, *y, cell)?;
            i += 1;
        }
        if let Some(shown) = self.shown.as_mut() {
            shown.content.clone_from(&next.content);
        }
        self.next = Some(next);
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(false) {
            self.out.write_all(b"\x1b[?25l")?;
            self.visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(true) {
            self.out.write_all(b"\x1b[?25h")?;
            self.visible = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor.unwrap_or_default())
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.move_to(position.into())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // Erasing fills with the current background: reset first so it is the default.
        self.set_pen(PLAIN)?;
        if clear_type == ClearType::All {
            let size = self.size()?;
            let blank = Buffer::empty(Rect::new(0, 0, size.width, size.height));
            self.shown = Some(blank.clone());
            self.next = Some(blank);
        } else {
            self.shown = None;
            self.next = None;
        }
        let seq: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.out.write_all(seq)
    }

    fn size(&self) -> io::Result<Size> {
        if let Some(s) = self.fixed {
            return Ok(s);
        }
        let (width, height) = crossterm::terminal::size()?;
        self.width.set(width);
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        if let Some(s) = self.fixed {
            return Ok(WindowSize {
                columns_rows: s,
                pixels: Size::default(),
            });
        }
        let ws = crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: ws.columns,
                height: ws.rows,
            },
            pixels: Size {
                width: ws.width,
                height: ws.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::LeanBackend;
    use ratatui::backend::Backend;
    use ratatui::buffer::Cell;
    use ratatui::style::{Modifier, Style};

    fn cell(s: &'static str, style: Style) -> Cell {
        let mut c = Cell::new(s);
        c.set_style(style);
        c
    }

    #[test]
    fn a_two_cell_change_costs_a_move_a_style_and_the_cells_only() {
        let mut b = LeanBackend::new(Vec::new());
        b.assume_width(80);
        let rev = Style::new().add_modifier(Modifier::REVERSED);
        let cells = [cell(">", rev), cell("a", rev)];
        b.draw([(0, 4, &cells[0]), (1, 4, &cells[1])].into_iter())
            .unwrap();
        assert_eq!(String::from_utf8_lossy(b.writer()), "\x1b[5H\x1b[0;7m>a");
        b.writer_mut().clear();
        // The same style again needs no SGR; contiguous cells need no move.
        let plain = [cell(" ", Style::new()), cell("a", Style::new())];
        b.draw([(0, 6, &cells[0]), (0, 4, &plain[0]), (1, 4, &plain[1])].into_iter())
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(b.writer()),
            "\x1b[7H>\x1b[5H\x1b[0m a"
        );
        b.writer_mut().clear();
        // Along the row, back to its start, to the next row: relative moves are shorter.
        let x = cell("x", Style::new());
        b.draw([(9, 4, &x), (0, 4, &x), (0, 5, &x)].into_iter())
            .unwrap();
        assert_eq!(String::from_utf8_lossy(b.writer()), "\x1b[7Cx\rx\r\nx");
    }

    #[test]
    fn no_relative_move_from_the_last_column() {
        let mut b = LeanBackend::new(Vec::new());
        b.assume_width(10);
        let x = cell("x", Style::new());
        b.draw([(9, 0, &x), (0, 1, &x)].into_iter()).unwrap();
        assert_eq!(
            String::from_utf8_lossy(b.writer()),
            "\x1b[1;10H\x1b[0mx\x1b[2Hx"
        );
    }

    #[test]
    fn cursor_visibility_is_sent_only_when_it_changes() {
        let mut b = LeanBackend::new(Vec::new());
        b.show_cursor().unwrap();
        b.show_cursor().unwrap();
        b.set_cursor_position((3, 2)).unwrap();
        b.set_cursor_position((3, 2)).unwrap();
        assert_eq!(String::from_utf8_lossy(b.writer()), "\x1b[?25h\x1b[3;4H");
    }
}
