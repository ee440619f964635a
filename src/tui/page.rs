//! The stage area as a page: the view model's screen laid out as wrapped lines at a given
//! width, with focus stops (the items arrows and Tab move between: descriptors, options,
//! fields, links, blocks of text to read, the note). Built once when the `ViewModel`, the
//! field being typed or the width changes (`interview::focus` keeps it), never per frame;
//! never changes the view model. Depends on ratatui text types.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use crate::interview::Step;
use crate::interview::view::Level;

/// What a focus stop does when chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StopKind {
    /// Text to read; nothing to choose.
    Text,
    /// A descriptor or route: Space toggles it.
    Choice(String),
    /// An option of a one-of or several-of question.
    Option {
        /// Question id.
        question: String,
        /// Option id.
        option: String,
    },
    /// Yes or no of a yes-no question.
    YesNo {
        /// Question id.
        question: String,
        /// Which of the two.
        yes: bool,
    },
    /// A typed answer: Enter edits it.
    Field(String),
    /// A review line: Enter goes there.
    Link(Step),
    /// This screen's note (the general note on the notes page).
    Note,
}

/// One focus stop and where it sits on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stop {
    /// What it does.
    pub kind: StopKind,
    /// First line that belongs to it (scrolling shows from here).
    pub first: usize,
    /// Last line that belongs to it.
    pub last: usize,
    /// The line holding the focus marker.
    pub mark_line: usize,
    /// The column of the marker.
    pub mark_col: u16,
    /// How many cells from the marker are shown in reverse video when focused.
    pub span: u16,
    /// Tab moves between groups.
    pub group: usize,
}

/// The laid-out stage area.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// Every line, already wrapped to the width.
    pub lines: Vec<Line<'static>>,
    /// Focus stops in order.
    pub stops: Vec<Stop>,
}

/// Styles, plain when colour is off (`NO_COLOR`); meaning is always carried by words too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Colour allowed.
    pub colour: bool,
}

impl Theme {
    /// Headings.
    pub fn heading(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// A finding's word and symbol.
    pub fn level(self, level: Level) -> Style {
        let s = Style::new();
        match (level, self.colour) {
            (Level::Bar, true) => s.fg(Color::Red).add_modifier(Modifier::BOLD),
            (Level::Warn, true) => s.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            (Level::Bar | Level::Warn, false) => s.add_modifier(Modifier::BOLD),
            (Level::Ok, true) => s.fg(Color::Green),
            (Level::Ok | Level::Info, _) => s,
        }
    }
}

/// Display width of a string.
pub fn width(s: &str) -> usize {
    Span::raw(s).width()
}

/// Word-wraps text to `w` columns, breaking words longer than a line; line breaks in the
/// text start new lines. Always at least one line.
pub fn wrap(text: &str, w: usize) -> Vec<String> {
    wrap_widths(text, w, w)
}

/// Word-wraps with one width for the first line and another for the rest.
pub fn wrap_widths(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let limit = |out: &Vec<String>| if out.is_empty() { first } else { rest }.max(1);
    for para in text.trim_end().split('\n') {
        let mut line = String::new();
        for mut word in para.split_whitespace() {
            // Measured once: a pasted "word" can be a megabyte long.
            let mut word_width = width(word);
            loop {
                let w = limit(&out);
                let need = usize::from(!line.is_empty()) + word_width;
                if width(&line) + need <= w {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                    break;
                }
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                    continue;
                }
                // A word longer than the line: cut it, without copying what is left.
                let (head, tail) = split_at_width(word, w);
                out.push(head.to_string());
                word_width = word_width.saturating_sub(width(head));
                word = tail;
                if word.is_empty() {
                    break;
                }
            }
        }
        out.push(line);
    }
    out
}

/// The longest start of `s` at most `w` columns wide (at least one character), and the rest.
/// One pass over the start only, so cutting a long word into lines takes time in proportion
/// to its length.
fn split_at_width(s: &str, w: usize) -> (&str, &str) {
    let mut columns = 0;
    let mut buf = [0u8; 4];
    for (i, c) in s.char_indices() {
        columns += width(c.encode_utf8(&mut buf));
        if columns > w && i > 0 {
            return s.split_at(i);
        }
    }
    (s, "")
}

/// Builds a page line by line.
pub struct Builder {
    /// Page width.
    pub width: usize,
    /// Styles.
    pub theme: Theme,
    page: Page,
    group: usize,
    open: Option<Stop>,
}

/// Columns every line leaves for the focus marker.
pub const GUTTER: usize = 2;

impl Builder {
    /// A builder for a page `width` columns wide.
    pub fn new(width: u16, theme: Theme) -> Self {
        Builder {
            width: usize::from(width).max(GUTTER + 8),
            theme,
            page: Page::default(),
            group: 0,
            open: None,
        }
    }

    /// The next line's index.
    pub fn here(&self) -> usize {
        self.page.lines.len()
    }

    /// Adds one finished line.
    pub fn line(&mut self, line: Line<'static>) {
        self.page.lines.push(line);
    }

    /// An empty line.
    pub fn blank(&mut self) {
        self.line(Line::default());
    }

    /// Starts a focus stop whose marker goes on the next line at `mark_col`.
    pub fn stop(&mut self, kind: StopKind, mark_col: u16, span: u16) {
        self.end_stop();
        let at = self.here();
        self.open = Some(Stop {
            kind,
            first: at,
            last: at,
            mark_line: at,
            mark_col,
            span,
            group: self.group,
        });
    }

    /// Moves the open stop's marker to the next line (its first lines are a label).
    pub fn mark_here(&mut self, mark_col: u16) {
        let at = self.here();
        if let Some(s) = self.open.as_mut() {
            s.mark_line = at;
            s.mark_col = mark_col;
        }
    }

    /// Sets the open stop's reverse-video span.
    pub fn set_span(&mut self, span: u16) {
        if let Some(s) = self.open.as_mut() {
            s.span = span;
        }
    }

    /// Ends the open stop at the last line written.
    pub fn end_stop(&mut self) {
        if let Some(mut s) = self.open.take() {
            s.last = self.here().saturating_sub(1).max(s.first);
            self.page.stops.push(s);
        }
    }

    /// Starts a new Tab group.
    pub fn next_group(&mut self) {
        self.end_stop();
        if self
            .page
            .stops
            .last()
            .is_some_and(|s| s.group == self.group)
        {
            self.group += 1;
        }
    }

    /// Writes `text` wrapped after a first-line prefix, continuation lines indented.
    pub fn wrapped(&mut self, prefix: Vec<Span<'static>>, indent: usize, text: &str, style: Style) {
        let pw: usize = prefix.iter().map(Span::width).sum();
        let first_w = self.width.saturating_sub(pw);
        let rest_w = self.width.saturating_sub(indent);
        let mut lines = wrap_widths(text, first_w, rest_w).into_iter();
        let mut spans = prefix;
        spans.push(Span::styled(lines.next().unwrap_or_default(), style));
        self.line(Line::from(spans));
        for l in lines {
            self.line(Line::from(vec![
                Span::raw(" ".repeat(indent)),
                Span::styled(l, style),
            ]));
        }
    }

    /// A paragraph with the gutter and an indent.
    pub fn para(&mut self, indent: usize, text: &str, style: Style) {
        self.wrapped(vec![Span::raw(" ".repeat(indent))], indent, text, style);
    }

    /// A finding: symbol and word (never colour alone), the sentence, and its source.
    pub fn finding(&mut self, indent: usize, level: Level, text: &str, source: Option<&str>) {
        let tag = format!("{} {}: ", level.symbol(), level.word());
        let prefix = vec![
            Span::raw(" ".repeat(indent)),
            Span::styled(tag.clone(), self.theme.level(level)),
        ];
        self.wrapped(prefix, indent + 2, text, Style::new());
        if let Some(src) = source.filter(|s| !s.is_empty()) {
            self.para(indent + 2, &format!("Source: {src}"), Style::new());
        }
    }

    /// The finished page.
    pub fn finish(mut self) -> Page {
        self.end_stop();
        self.page
    }
}

#[cfg(test)]
mod tests {
    use super::{Builder, Theme, wrap};
    use ratatui::style::Style;

    #[test]
    fn wrapping_breaks_at_words_and_cuts_only_overlong_words() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
        assert_eq!(wrap("", 10), vec![""]);
    }

    #[test]
    fn continuation_lines_take_the_indent() {
        let mut b = Builder::new(20, Theme { colour: false });
        b.wrapped(
            vec![ratatui::text::Span::raw("> [x] a ")],
            4,
            "Cannot mount or descend two steps",
            Style::new(),
        );
        let p = b.finish();
        let text: Vec<String> = p.lines.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            vec!["> [x] a Cannot mount", "    or descend two", "    steps"]
        );
    }
}
