//! Problems found in content files, each with file, line and column, so a person editing TOML
//! can go straight to the mistake. Depends on nothing but `files`.

use std::fmt;
use std::ops::Range;

use super::files::SourceFile;

/// One problem in one content file, located for a person with a text editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user knows it (the content directory joined with the relative path).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// A plain explanation of what is wrong and, where we can tell, what to do.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Collects every problem of a load, so the user fixes them all in one pass.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records a problem at a byte span of the file (None = the start of the file).
    pub fn error(
        &mut self,
        file: &SourceFile,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) {
        let (line, column) = span.map_or((1, 1), |s| line_column(&file.text, s.start));
        self.items.push(Diagnostic {
            file: file.display.clone(),
            line,
            column,
            message: message.into(),
        });
    }

    /// Records a problem that belongs to no file (a whole file missing, say).
    pub fn error_in(&mut self, display: &str, message: impl Into<String>) {
        self.items.push(Diagnostic {
            file: display.to_string(),
            line: 1,
            column: 1,
            message: message.into(),
        });
    }

    /// True when nothing has been found wrong.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The problems, in the order the files and checks found them.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

/// Converts a byte offset into a 1-based line and character column.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let offset = (0..=offset)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::line_column;

    #[test]
    fn lines_and_columns_are_one_based() {
        let text = "a = 1\nbb = 2\n£x = 3";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, 9), (2, 4));
        // '£' is two bytes; the column counts characters.
        assert_eq!(line_column(text, 15), (3, 2));
        assert_eq!(line_column(text, 999), (3, 7));
    }
}
