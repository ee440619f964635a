//! The note editor: one screen's note (or the general note) being written, of any length. The
//! note is kept as lines; a key changes the line it is on (or splits or joins two), and only
//! that line is wrapped again, so typing in a 4 MB note costs what it costs in a short one,
//! and word wrap holds at every size. What is shown is wrapped from the first visible row
//! down, when drawn. Keys: characters type, Enter starts a line, Backspace and Delete, arrows
//! (Up and Down by screen row), Home and End, PgUp and PgDn, Ctrl-Home and Ctrl-End, Ctrl-Left
//! and Ctrl-Right by word, Ctrl-W and Ctrl-K delete a word back and to the end of the line,
//! Ctrl-U or Ctrl-Z undo, Ctrl-R or Ctrl-Y redo. UI state only: the text reaches the session
//! as an `Action` when the adviser keeps it.

mod rows;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use self::rows::{byte_at_column, row_of, rows, width_of};

/// A place in the note: line and byte offset in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Pos {
    line: usize,
    col: usize,
}

/// One change, and how to take it back.
#[derive(Clone, Debug)]
enum Edit {
    Insert { at: Pos, text: String },
    Delete { at: Pos, text: String },
}

/// Edits kept for undo.
const HISTORY: usize = 10_000;

/// The note editor: one screen's note (or the general note) being written.
pub struct NoteEditor {
    /// The note's key in the session (`lcw.1`, `general`).
    pub key: String,
    /// What the note belongs to, for the editor's title.
    pub label: String,
    lines: Vec<String>,
    cursor: Pos,
    /// The display column Up and Down aim for.
    goal: Option<usize>,
    /// The first row shown: a line and which of its screen rows.
    top: (usize, usize),
    /// The text area's size, columns and rows.
    view: (u16, u16),
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl NoteEditor {
    /// Opens an editor on a note's current text, the cursor at its end.
    pub fn new(key: &str, label: &str, text: &str) -> Self {
        let text = text.replace("\r\n", "\n");
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let last = lines.len() - 1;
        let mut n = NoteEditor {
            key: key.to_string(),
            label: label.to_string(),
            cursor: Pos {
                line: last,
                col: lines[last].len(),
            },
            lines,
            goal: None,
            top: (0, 0),
            view: (40, 5),
            undo: Vec::new(),
            redo: Vec::new(),
        };
        n.follow();
        n
    }

    /// The whole note, lines joined with line breaks.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// Tells the editor the size of its text area (columns, rows), so that it keeps the
    /// cursor in view.
    pub fn set_view(&mut self, width: u16, height: u16) {
        self.view = (width.max(1), height.max(1));
        self.top = (self.top.0.min(self.lines.len() - 1), 0);
        self.follow();
    }

    fn width(&self) -> usize {
        usize::from(self.view.0)
    }

    fn rows_of(&self, line: usize) -> Vec<(usize, usize)> {
        rows(&self.lines[line], self.width())
    }

    /// Pastes text at the cursor, keeping its line breaks.
    pub fn paste(&mut self, text: &str) {
        let clean = text.replace("\r\n", "\n").replace('\r', "\n");
        let at = self.cursor;
        self.cursor = self.insert(at, &clean);
        self.record(Edit::Insert { at, text: clean });
        self.moved();
    }

    /// Handles one key press; keys the editor does not use do nothing.
    pub fn input(&mut self, ev: &KeyEvent) {
        if ev.kind == KeyEventKind::Release {
            return;
        }
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        match ev.code {
            KeyCode::Char('u' | 'z') if ctrl => self.undo(),
            KeyCode::Char('r' | 'y') if ctrl => self.redo(),
            KeyCode::Char('w') if ctrl => self.delete_to(self.word_left()),
            KeyCode::Backspace if ctrl || alt => self.delete_to(self.word_left()),
            KeyCode::Char('k') if ctrl => {
                let end = Pos {
                    col: self.lines[self.cursor.line].len(),
                    ..self.cursor
                };
                self.delete_to(end);
            }
            KeyCode::Char('h') if ctrl => self.delete_to(self.left()),
            KeyCode::Char('d') if ctrl => self.delete_to(self.right()),
            KeyCode::Char(c) if !ctrl && !alt => self.paste(c.encode_utf8(&mut [0; 4])),
            KeyCode::Enter => self.paste("\n"),
            KeyCode::Backspace => self.delete_to(self.left()),
            KeyCode::Delete => self.delete_to(self.right()),
            KeyCode::Left if ctrl || alt => self.go(self.word_left()),
            KeyCode::Right if ctrl || alt => self.go(self.word_right()),
            KeyCode::Left => self.go(self.left()),
            KeyCode::Right => self.go(self.right()),
            KeyCode::Home if ctrl => self.go(Pos::default()),
            KeyCode::End if ctrl => self.go(self.end()),
            KeyCode::Home => self.go(Pos {
                col: 0,
                ..self.cursor
            }),
            KeyCode::End => self.go(Pos {
                col: self.lines[self.cursor.line].len(),
                ..self.cursor
            }),
            KeyCode::Up => self.vertical(-1),
            KeyCode::Down => self.vertical(1),
            KeyCode::PageUp => self.vertical(-i64::from(self.view.1.max(2) - 1)),
            KeyCode::PageDown => self.vertical(i64::from(self.view.1.max(2) - 1)),
            _ => {}
        }
    }

    fn end(&self) -> Pos {
        let line = self.lines.len() - 1;
        Pos {
            line,
            col: self.lines[line].len(),
        }
    }

    fn left(&self) -> Pos {
        let Pos { line, col } = self.cursor;
        match self.lines[line][..col].chars().next_back() {
            Some(c) => Pos {
                line,
                col: col - c.len_utf8(),
            },
            None if line > 0 => Pos {
                line: line - 1,
                col: self.lines[line - 1].len(),
            },
            None => self.cursor,
        }
    }

    fn right(&self) -> Pos {
        let Pos { line, col } = self.cursor;
        match self.lines[line][col..].chars().next() {
            Some(c) => Pos {
                line,
                col: col + c.len_utf8(),
            },
            None if line + 1 < self.lines.len() => Pos {
                line: line + 1,
                col: 0,
            },
            None => self.cursor,
        }
    }

    fn word_left(&self) -> Pos {
        let Pos { line, col } = self.cursor;
        let before = self.lines[line][..col].trim_end();
        if before.is_empty() {
            return if col > 0 {
                Pos { line, col: 0 }
            } else {
                self.left()
            };
        }
        let start = before.rfind(' ').map_or(0, |i| i + 1);
        Pos { line, col: start }
    }

    fn word_right(&self) -> Pos {
        let Pos { line, col } = self.cursor;
        let after = &self.lines[line][col..];
        let word = after.find(|c: char| c != ' ').unwrap_or(after.len());
        if word == after.len() {
            return self.right();
        }
        let end = after[word..].find(' ').map_or(after.len(), |i| word + i);
        Pos {
            line,
            col: col + end,
        }
    }

    fn go(&mut self, to: Pos) {
        self.cursor = to;
        self.moved();
    }

    /// After any change or move but Up and Down: the column to aim for is where it is now.
    fn moved(&mut self) {
        self.goal = None;
        self.follow();
    }

    /// Up or down by screen rows, keeping the display column.
    fn vertical(&mut self, by: i64) {
        let r = self.rows_of(self.cursor.line);
        let row = row_of(&r, self.cursor.col);
        let (s, _) = r[row];
        let goal = *self
            .goal
            .get_or_insert_with(|| width_of(&self.lines[self.cursor.line][s..self.cursor.col]));
        let (mut line, mut row) = (self.cursor.line, row);
        let mut left = by.unsigned_abs();
        while left > 0 {
            if by > 0 {
                if row + 1 < self.rows_of(line).len() {
                    row += 1;
                } else if line + 1 < self.lines.len() {
                    (line, row) = (line + 1, 0);
                } else {
                    break;
                }
            } else if row > 0 {
                row -= 1;
            } else if line > 0 {
                line -= 1;
                row = self.rows_of(line).len() - 1;
            } else {
                break;
            }
            left -= 1;
        }
        let r = self.rows_of(line);
        let (s, e) = r[row];
        let text = &self.lines[line][s..e];
        let mut col = s + byte_at_column(text, goal);
        // On a row that wraps, the end of the row is the start of the next: stay on this one.
        if row + 1 < r.len() && col >= e {
            col = s + text.char_indices().next_back().map_or(0, |(i, _)| i);
        }
        self.cursor = Pos { line, col };
        self.follow();
    }

    /// Inserts `text` at `at`; returns the place after it. Touches the lines it lands in only.
    fn insert(&mut self, at: Pos, text: &str) -> Pos {
        let mut parts = text.split('\n');
        let first = parts.next().unwrap_or_default();
        let rest: Vec<&str> = parts.collect();
        let line = &mut self.lines[at.line];
        if rest.is_empty() {
            line.insert_str(at.col, first);
            return Pos {
                line: at.line,
                col: at.col + first.len(),
            };
        }
        let tail = line.split_off(at.col);
        line.push_str(first);
        let n = rest.len();
        let mut new: Vec<String> = rest.iter().map(|s| (*s).to_string()).collect();
        let end = Pos {
            line: at.line + n,
            col: new[n - 1].len(),
        };
        new[n - 1].push_str(&tail);
        let after = at.line + 1;
        self.lines.splice(after..after, new);
        end
    }

    /// Removes the text between two places (in either order); returns it.
    fn remove(&mut self, a: Pos, b: Pos) -> String {
        let (from, to) = if a <= b { (a, b) } else { (b, a) };
        if from.line == to.line {
            return self.lines[from.line].drain(from.col..to.col).collect();
        }
        let tail = self.lines[to.line].split_off(to.col);
        let middle: Vec<String> = self.lines.drain(from.line + 1..=to.line).collect();
        let line = &mut self.lines[from.line];
        let mut gone = line.split_off(from.col);
        for m in middle {
            gone.push('\n');
            gone.push_str(&m);
        }
        line.push_str(&tail);
        gone
    }

    fn delete_to(&mut self, other: Pos) {
        if other == self.cursor {
            return;
        }
        let at = self.cursor.min(other);
        let text = self.remove(self.cursor, other);
        self.cursor = at;
        self.record(Edit::Delete { at, text });
        self.moved();
    }

    fn record(&mut self, edit: Edit) {
        self.redo.clear();
        if self.undo.len() == HISTORY {
            self.undo.remove(0);
        }
        self.undo.push(edit);
    }

    /// Applies an edit's opposite; returns the opposite, for the other stack.
    fn reverse(&mut self, edit: Edit) -> Edit {
        match edit {
            Edit::Insert { at, text } => {
                let end = Self::end_of(at, &text);
                self.remove(at, end);
                self.cursor = at;
                Edit::Delete { at, text }
            }
            Edit::Delete { at, text } => {
                self.cursor = self.insert(at, &text);
                Edit::Insert { at, text }
            }
        }
    }

    fn end_of(at: Pos, text: &str) -> Pos {
        let breaks = text.matches('\n').count();
        let last = text.rsplit('\n').next().unwrap_or_default().len();
        if breaks == 0 {
            Pos {
                line: at.line,
                col: at.col + last,
            }
        } else {
            Pos {
                line: at.line + breaks,
                col: last,
            }
        }
    }

    fn undo(&mut self) {
        if let Some(e) = self.undo.pop() {
            let back = self.reverse(e);
            self.redo.push(back);
            self.moved();
        }
    }

    fn redo(&mut self) {
        if let Some(e) = self.redo.pop() {
            let back = self.reverse(e);
            self.undo.push(back);
            self.moved();
        }
    }

    /// Scrolls as little as keeps the cursor's row in view.
    fn follow(&mut self) {
        let h = usize::from(self.view.1);
        let line = self.cursor.line;
        let row = row_of(&self.rows_of(line), self.cursor.col);
        if (line, row) < self.top {
            self.top = (line, row);
            return;
        }
        // Walk back from the cursor's row: if the top is within h rows, it stays.
        let (mut l, mut r) = (line, row);
        for _ in 1..h {
            if (l, r) == self.top {
                return;
            }
            if r > 0 {
                r -= 1;
            } else if l > 0 {
                l -= 1;
                r = self.rows_of(l).len() - 1;
            } else {
                break;
            }
        }
        if (l, r) > self.top {
            self.top = (l, r);
        }
    }

    /// Where the cursor is in the text area (column, row), when it is in view.
    pub fn cursor_cell(&self) -> Option<(u16, u16)> {
        let mut y = 0usize;
        let (mut line, mut row) = self.top;
        while y < usize::from(self.view.1) && line < self.lines.len() {
            let r = self.rows_of(line);
            if line == self.cursor.line && row == row_of(&r, self.cursor.col) {
                let (s, _) = r[row];
                let x = width_of(&self.lines[line][s..self.cursor.col]);
                let x = x.min(self.width().saturating_sub(1));
                return Some((u16::try_from(x).ok()?, u16::try_from(y).ok()?));
            }
            y += 1;
            row += 1;
            if row >= r.len() {
                (line, row) = (line + 1, 0);
            }
        }
        None
    }
}

impl Widget for &NoteEditor {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (mut line, mut row) = self.top;
        let width = usize::from(area.width);
        for y in area.top()..area.bottom() {
            let Some(text) = self.lines.get(line) else {
                break;
            };
            let r = rows(text, self.width());
            let (s, e) = r[row.min(r.len() - 1)];
            buf.set_stringn(area.x, y, &text[s..e], width, Style::new());
            row += 1;
            if row >= r.len() {
                (line, row) = (line + 1, 0);
            }
        }
        if let Some((x, y)) = self.cursor_cell()
            && let Some(c) = buf.cell_mut((area.x + x, area.y + y))
        {
            c.set_style(Style::new().add_modifier(Modifier::REVERSED));
        }
    }
}

#[cfg(test)]
mod tests;
