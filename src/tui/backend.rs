//! A lean ratatui backend for slow links: it writes the same cells as ratatui's crossterm
//! backend but remembers what the terminal already has (style, cursor position, cursor
//! visibility) across frames, so a frame that changes two cells costs a few dozen bytes instead
//! of carrying a style reset and a cursor show on every frame. Depends on ratatui (cells) and
//! crossterm (terminal size and clearing); writes plain ANSI/VT100 sequences.

use std::cell::Cell as Slot;
use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
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
}

impl<W: Write> LeanBackend<W> {
    /// A backend writing to `out` (a buffered standard output in the real program).
    pub fn new(out: W) -> Self {
        LeanBackend {
            out,
            pen: None,
            cursor: None,
            visible: None,
            width: Slot::new(0),
        }
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
        for (x, y, cell) in content {
            self.move_to(Position { x, y })?;
            self.set_pen(Pen {
                fg: cell.fg,
                bg: cell.bg,
                modifier: cell.modifier,
            })?;
            let symbol = cell.symbol();
            self.out.write_all(symbol.as_bytes())?;
            // A single ASCII byte moves the cursor one column; anything else may be wide, so
            // the next cell says where it is.
            self.cursor =
                (symbol.len() == 1 && symbol.is_ascii()).then_some(Position { x: x + 1, y });
        }
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
        let (width, height) = crossterm::terminal::size()?;
        self.width.set(width);
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
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
