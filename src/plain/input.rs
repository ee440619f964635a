//! Reading typed lines: one line at a time from any `BufRead`, never failing on bytes that are
//! not UTF-8, and telling a command (from the one command table) from an answer. Depends on
//! `interview::commands` only.

use std::io::{self, BufRead};

use crate::interview::commands::{self, Command};

/// One typed line, classified.
#[derive(Debug)]
pub enum Input<'a> {
    /// Enter alone.
    Empty,
    /// A command word, with what followed it if the command takes an argument.
    Command(&'static Command, Option<&'a str>),
    /// Anything else: an answer.
    Text(&'a str),
}

/// Classifies a line. On a yes-or-no question, y, n, yes and no are answers even where a
/// command uses the same letter. A command that takes no argument matches only when typed
/// alone, so an answer such as "next week" stays an answer.
pub fn classify(line: &str, yes_no: bool) -> Input<'_> {
    let t = line.trim();
    if t.is_empty() {
        return Input::Empty;
    }
    let (word, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    let rest = rest.trim();
    if yes_no && rest.is_empty() && ["y", "n", "yes", "no"].contains(&word.to_lowercase().as_str())
    {
        return Input::Text(t);
    }
    match commands::by_word(word) {
        Some(c) if c.arg.is_some() => Input::Command(c, (!rest.is_empty()).then_some(rest)),
        Some(c) if rest.is_empty() => Input::Command(c, None),
        _ => Input::Text(t),
    }
}

/// Reads lines one at a time, counting them (a refused line is named by its number).
pub struct Lines<R: BufRead> {
    r: R,
    read: usize,
}

impl<R: BufRead> Lines<R> {
    /// Wraps a reader.
    pub fn new(r: R) -> Self {
        Lines { r, read: 0 }
    }

    /// How many lines have been read: the number of the last one, counting from 1.
    pub fn count(&self) -> usize {
        self.read
    }

    /// The next line without its line ending or control characters; None at end of input.
    pub fn next_line(&mut self) -> io::Result<Option<String>> {
        let mut bytes = Vec::new();
        if self.r.read_until(b'\n', &mut bytes)? == 0 {
            return Ok(None);
        }
        self.read += 1;
        let text = String::from_utf8_lossy(&bytes);
        Ok(Some(
            text.chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .filter(|c| !c.is_control())
                .collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::{Input, Lines, classify};
    use crate::interview::commands::CommandId;

    fn id(i: &Input) -> Option<CommandId> {
        match i {
            Input::Command(c, _) => Some(c.id),
            _ => None,
        }
    }

    #[test]
    fn commands_answers_and_the_yes_no_exception() {
        assert_eq!(id(&classify("next", false)), Some(CommandId::Next));
        assert_eq!(id(&classify(" N ", false)), Some(CommandId::Next));
        assert!(matches!(classify("n", true), Input::Text("n")));
        assert!(matches!(
            classify("next week", false),
            Input::Text("next week")
        ));
        assert_eq!(id(&classify("quit", true)), Some(CommandId::Quit));
        assert!(matches!(
            classify("go 4.1", false),
            Input::Command(c, Some("4.1")) if c.id == CommandId::Go
        ));
        assert!(matches!(classify("   ", false), Input::Empty));
        assert!(matches!(
            classify("17/05/1980", false),
            Input::Text("17/05/1980")
        ));
    }

    #[test]
    fn lines_end_cleanly_and_bad_bytes_do_not_stop_reading() {
        let mut l = Lines::new(&b"one\r\nt\x1bwo\xff\nlast"[..]);
        assert_eq!(l.next_line().unwrap().as_deref(), Some("one"));
        assert_eq!(l.next_line().unwrap().as_deref(), Some("two\u{fffd}"));
        assert_eq!(l.next_line().unwrap().as_deref(), Some("last"));
        assert_eq!(l.next_line().unwrap(), None);
        assert_eq!(l.count(), 3);
    }
}
