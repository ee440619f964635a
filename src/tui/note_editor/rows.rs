//! Word wrap for the note editor, one line at a time: a line of the note becomes screen rows
//! (byte ranges), breaking after a space where it can and inside a word only when the word is
//! wider than the row. Spaces at a break hang past the edge instead of starting the next row.
//! Only the lines being drawn or moved through are ever wrapped, so the cost of a key does not
//! grow with the note.

use ratatui::text::Span;

/// Display width of one character.
pub fn char_width(c: char) -> usize {
    let mut buf = [0u8; 4];
    Span::raw(&*c.encode_utf8(&mut buf)).width()
}

/// The screen rows of `line` at `width` columns, as byte ranges (always at least one row; an
/// empty line is one empty row).
pub fn rows(line: &str, width: usize) -> Vec<(usize, usize)> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    let mut cols = 0;
    // The byte after the last space that could end this row, and the columns up to it.
    let mut last_break: Option<(usize, usize)> = None;
    for (i, c) in line.char_indices() {
        let w = char_width(c);
        if c == ' ' {
            // Spaces never start a row: they hang at the end of this one.
            cols += w;
            last_break = Some((i + 1, cols));
            continue;
        }
        if cols + w > width && i > start {
            match last_break {
                Some((at, upto)) if at > start => {
                    out.push((start, at));
                    start = at;
                    cols -= upto;
                }
                _ => {
                    out.push((start, i));
                    start = i;
                    cols = 0;
                }
            }
            last_break = None;
        }
        cols += w;
    }
    out.push((start, line.len()));
    out
}

/// Which of `rows` holds byte `col` of the line (the end of the line is in the last row).
pub fn row_of(rows: &[(usize, usize)], col: usize) -> usize {
    rows.iter()
        .position(|&(s, e)| col >= s && col < e)
        .unwrap_or(rows.len() - 1)
}

/// Display columns of `text`.
pub fn width_of(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// The byte offset in `text` nearest to display column `col`, never past the end.
pub fn byte_at_column(text: &str, col: usize) -> usize {
    let mut w = 0;
    for (i, c) in text.char_indices() {
        let cw = char_width(c);
        if w + cw > col {
            return i;
        }
        w += cw;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::{row_of, rows};

    fn texts(line: &str, width: usize) -> Vec<&str> {
        rows(line, width)
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect()
    }

    #[test]
    fn lines_wrap_at_spaces_and_cut_only_words_wider_than_a_row() {
        assert_eq!(
            texts("Walks 20 metres then stops", 10),
            ["Walks 20 ", "metres ", "then stops"]
        );
        assert_eq!(texts("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(texts("", 4), [""]);
        assert_eq!(texts("日本語です", 4), ["日本", "語で", "す"]);
        // Spaces hang at the end of a row rather than starting the next.
        assert_eq!(texts("ab    cd", 4), ["ab    ", "cd"]);
    }

    #[test]
    fn the_end_of_a_line_is_in_its_last_row() {
        let r = rows("Walks 20 metres", 8);
        assert_eq!(row_of(&r, 0), 0);
        assert_eq!(row_of(&r, 9), 1);
        assert_eq!(row_of(&r, 15), r.len() - 1);
    }
}
