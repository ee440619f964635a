//! Linear output for the plain-text mode: every paragraph made safe to speak (ASCII punctuation,
//! no control characters, so no escape sequence can reach the terminal) and wrapped at word
//! boundaries, never truncated. Depends only on `std`.

use std::io::{self, Write};

/// Makes text safe and plain to speak: typographic punctuation becomes its ASCII equivalent,
/// `£12.50` becomes `12.50 pounds`, control characters (and so any escape sequence) are dropped,
/// drawing characters become spaces, and other symbols become `?`. Letters outside ASCII (a
/// claimant's name) are kept, because changing them would misspell what the adviser typed.
pub fn ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '£' {
            let mut amount = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() || d == ',' || d == '.' {
                    amount.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            let trailing = amount.len() - amount.trim_end_matches(['.', ',']).len();
            let tail = amount.split_off(amount.len() - trailing);
            match amount.as_str() {
                "" => out.push_str("pounds"),
                "1" => out.push_str("1 pound"),
                _ => {
                    out.push_str(&amount);
                    out.push_str(" pounds");
                }
            }
            out.push_str(&tail);
            continue;
        }
        push_ascii(c, &mut out);
    }
    out
}

fn push_ascii(c: char, out: &mut String) {
    match c {
        '\n' => out.push('\n'),
        '`' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => out.push('"'),
        ' '..='~' => out.push(c),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => out.push('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2022}' | '\u{00B7}' => out.push('-'),
        '\u{2026}' => out.push_str("..."),
        '\u{00D7}' => out.push('x'),
        '\u{00BD}' => out.push_str("1/2"),
        '\u{2264}' => out.push_str("at most "),
        '\u{2265}' => out.push_str("at least "),
        // Tabs, other spaces and drawing characters (box, block, braille) become a space.
        '\t' | '\u{2500}'..='\u{259F}' | '\u{2800}'..='\u{28FF}' => out.push(' '),
        c if c.is_control() => {}
        c if c.is_whitespace() => out.push(' '),
        c if c.is_alphabetic() => out.push(c),
        _ => out.push('?'),
    }
}

/// Splits text into lines of at most `width` characters at spaces; a word longer than the width
/// stands alone on its line, whole. Explicit line breaks are kept. `None` leaves lines as they are.
pub fn wrap(text: &str, width: Option<usize>) -> Vec<String> {
    let Some(width) = width.filter(|w| *w > 0) else {
        return text.split('\n').map(str::to_string).collect();
    };
    let mut lines = Vec::new();
    for source in text.split('\n') {
        let mut line = String::new();
        let mut len = 0;
        for word in source.split(' ').filter(|w| !w.is_empty()) {
            let n = word.chars().count();
            if len > 0 && len + 1 + n > width {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            line.push_str(word);
            len += n;
        }
        lines.push(line);
    }
    lines
}

/// The conversation's output: each `say` is one paragraph or list item on its own line(s).
pub struct Out<W: Write> {
    w: W,
    width: Option<usize>,
}

impl<W: Write> Out<W> {
    /// Wraps a writer; `width` is the terminal's, or None when the output is not a terminal.
    pub fn new(w: W, width: Option<usize>) -> Self {
        Out { w, width }
    }

    /// Says one paragraph (made ASCII-safe and wrapped).
    pub fn say(&mut self, text: &str) -> io::Result<()> {
        for line in wrap(ascii(text).trim_end(), self.width) {
            writeln!(self.w, "{}", line.trim_end())?;
        }
        Ok(())
    }

    /// Says several paragraphs in order.
    pub fn say_all(&mut self, texts: &[String]) -> io::Result<()> {
        texts.iter().try_for_each(|t| self.say(t))
    }

    /// An empty line between turns of the conversation.
    pub fn blank(&mut self) -> io::Result<()> {
        writeln!(self.w)
    }

    /// Sends everything said so far, before waiting for input.
    pub fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::{ascii, wrap};

    #[test]
    fn pounds_are_said_in_words_and_quotes_become_ascii() {
        assert_eq!(ascii("£6,396.00 a year."), "6,396.00 pounds a year.");
        assert_eq!(ascii("up to £90."), "up to 90 pounds.");
        assert_eq!(ascii("a £1 coin"), "a 1 pound coin");
        assert_eq!(
            ascii("the claimant\u{2019}s \u{201C}bad\u{201D} day \u{2014} ok"),
            "the claimant's \"bad\" day - ok"
        );
    }

    #[test]
    fn escape_sequences_and_drawing_characters_cannot_get_through() {
        assert_eq!(ascii("a\u{1b}[2Jb\r\u{9b}c"), "a[2Jbc");
        assert_eq!(ascii("\u{2502}x\u{2588}\u{2801}"), " x  ");
        assert_eq!(ascii("Zo\u{eb} \u{1F600}"), "Zo\u{eb} ?");
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_never_truncates() {
        assert_eq!(wrap("one two three", Some(7)), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij xy", Some(4)), ["abcdefghij", "xy"]);
        assert_eq!(wrap("a\nb", None), ["a", "b"]);
        assert_eq!(wrap("", Some(10)), [""]);
    }
}
