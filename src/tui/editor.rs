//! Text entry: a one-line field (answers, the claimant reference, "go to"); the several-line
//! note editor is `note_editor` (re-exported here). UI state only: what is typed reaches the
//! session as an `Action` when the adviser confirms it.

use ratatui::text::Span;

use super::keymap::EditKey;

pub use super::note_editor::NoteEditor;

/// A one-line text field with a cursor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    /// Cursor as a char index.
    cursor: usize,
    /// The whole text is selected: typing or pasting replaces it, deleting clears it, moving
    /// the cursor keeps it.
    selected: bool,
}

impl LineEdit {
    /// A field holding `text`, the cursor at its end.
    pub fn new(text: &str) -> Self {
        LineEdit {
            text: text.to_string(),
            cursor: text.chars().count(),
            selected: false,
        }
    }

    /// A field reopened on an answer already given: the answer is selected, so what is typed
    /// replaces it rather than being added to its end (an arrow key keeps it to edit).
    pub fn selected(text: &str) -> Self {
        LineEdit {
            selected: !text.is_empty(),
            ..LineEdit::new(text)
        }
    }

    /// True while the whole text is selected.
    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// What is typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    fn byte(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Applies one edit; returns true when the text changed.
    pub fn apply(&mut self, key: &EditKey) -> bool {
        if std::mem::take(&mut self.selected) {
            match key {
                EditKey::Insert(c) if !c.is_control() => {
                    self.text = c.to_string();
                    self.cursor = 1;
                    return true;
                }
                EditKey::Backspace | EditKey::Delete => {
                    self.text.clear();
                    self.cursor = 0;
                    return true;
                }
                _ => {}
            }
        }
        let len = self.text.chars().count();
        match key {
            EditKey::Insert(c) if !c.is_control() => {
                let at = self.byte(self.cursor);
                self.text.insert(at, *c);
                self.cursor += 1;
                return true;
            }
            EditKey::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte(self.cursor);
                self.text.remove(at);
                return true;
            }
            EditKey::Delete if self.cursor < len => {
                let at = self.byte(self.cursor);
                self.text.remove(at);
                return true;
            }
            EditKey::Insert(_) | EditKey::Backspace | EditKey::Delete => {}
            EditKey::Left => self.cursor = self.cursor.saturating_sub(1),
            EditKey::Right => self.cursor = (self.cursor + 1).min(len),
            EditKey::Home => self.cursor = 0,
            EditKey::End => self.cursor = len,
        }
        false
    }

    /// Pastes text at the cursor; line breaks become spaces (the field is one line). Inserted
    /// in one go, so a paste of any size takes time in proportion to its length.
    pub fn paste(&mut self, text: &str) {
        if std::mem::take(&mut self.selected) {
            self.text.clear();
            self.cursor = 0;
        }
        let clean: String = text
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control())
            .collect();
        let at = self.byte(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    /// Display columns before the cursor, to place the terminal cursor.
    pub fn cursor_column(&self) -> u16 {
        let before: String = self.text.chars().take(self.cursor).collect();
        u16::try_from(Span::raw(before).width()).unwrap_or(u16::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::{EditKey, LineEdit};

    #[test]
    fn a_line_edit_types_deletes_and_moves_by_character() {
        let mut e = LineEdit::new("17/05/198");
        e.apply(&EditKey::Insert('0'));
        assert_eq!(e.text(), "17/05/1980");
        e.apply(&EditKey::Home);
        e.apply(&EditKey::Delete);
        e.apply(&EditKey::Insert('2'));
        assert_eq!(e.text(), "27/05/1980");
        assert_eq!(e.cursor_column(), 1);
        e.apply(&EditKey::End);
        e.apply(&EditKey::Backspace);
        assert_eq!(e.text(), "27/05/198");
        e.paste("0\nx");
        assert_eq!(e.text(), "27/05/1980 x");
    }

    #[test]
    fn a_reopened_answer_is_replaced_by_typing_and_kept_by_an_arrow() {
        let mut e = LineEdit::selected("30/10/2026");
        assert!(e.is_selected());
        e.apply(&EditKey::Insert('0'));
        assert_eq!(e.text(), "0");
        let mut e = LineEdit::selected("30/10/2026");
        e.apply(&EditKey::Left);
        e.apply(&EditKey::Insert('7'));
        assert_eq!(e.text(), "30/10/20276");
        let mut e = LineEdit::selected("30/10/2026");
        e.apply(&EditKey::Backspace);
        assert_eq!(e.text(), "");
        let mut e = LineEdit::selected("30/10/2026");
        e.paste("31/10/2026");
        assert_eq!(e.text(), "31/10/2026");
        assert!(!LineEdit::selected("").is_selected());
    }

    #[test]
    fn a_paste_of_a_whole_document_into_a_field_is_taken_in_one_go() {
        // Pasting character by character was quadratic: 20,000 characters took 12 seconds.
        let mut e = LineEdit::new("ab");
        e.apply(&EditKey::Left);
        let big = "x\ty\r\n\u{1b}".repeat(200_000);
        e.paste(&big);
        assert_eq!(e.text().len(), 2 + 200_000 * 5);
        assert!(e.text().starts_with("ax y  x"));
        assert!(e.text().ends_with(" b"));
        e.apply(&EditKey::Insert('!'));
        assert!(e.text().ends_with(" !b"), "the cursor is after the paste");
    }
}
