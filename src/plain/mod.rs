//! The plain-text front end for screen readers and braille displays: the same interview, the
//! same engine and the same `ViewModel` as the full-screen UI, as a linear conversation. A typed
//! line becomes `Action`s for `interview::update`; the view model is said in sentences that each
//! begin with a stable label. Output is append-only ASCII text: no escape sequences, no
//! redraws. Generic over `BufRead` + `Write`; depends on `interview`, `store`, `report` and
//! `app`, never on ratatui or crossterm.

mod answers;
mod apply;
mod convo;
pub mod input;
pub mod items;
pub mod prompt;
pub mod speak;
mod start;
pub mod status;
pub mod text;

use std::io::{self, BufRead, IsTerminal, Write};

use crate::app::{Context, PlainReason};

use input::Lines;
use text::Out;

/// How the conversation is laid out; `run` works these out from the terminal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Wrap words at this many columns; None leaves lines unwrapped (output is not a terminal).
    pub width: Option<usize>,
}

/// Runs the interview as a linear conversation over any input and output. Words wrap at the
/// terminal's width, or not at all when the output is not a terminal.
pub fn run<R: BufRead, W: Write>(
    input: R,
    output: W,
    ctx: &Context,
    resume: Option<&str>,
    reason: PlainReason,
) -> io::Result<()> {
    let width = if reason == PlainReason::NotATerminal {
        None
    } else {
        terminal_width()
    };
    run_with(input, output, ctx, resume, reason, Options { width })
}

/// `run` with the layout given, for tests and callers that know the width.
pub fn run_with<R: BufRead, W: Write>(
    input: R,
    output: W,
    ctx: &Context,
    resume: Option<&str>,
    reason: PlainReason,
    options: Options,
) -> io::Result<()> {
    let mut io = Io {
        lines: Lines::new(input),
        out: Out::new(output, options.width),
    };
    io.say(&format!(
        "Plain-text mode is on {}. Type help at any prompt to hear the commands.",
        reason.words()
    ))?;
    for warning in &ctx.store_warnings {
        io.say(&format!("Warning: {warning}"))?;
    }
    if let Some(handle) = start::start(&mut io, ctx, resume)? {
        convo::Convo::new(ctx, &mut io, handle).run()?;
    }
    io.flush()
}

/// The width to wrap at when standard output is a terminal: one less than its width (so no line
/// fills the last column, which some terminals wrap early), from `COLUMNS`, else `stty size` on
/// the controlling terminal, else 80. None when it is not a terminal.
fn terminal_width() -> Option<usize> {
    if !io::stdout().is_terminal() {
        return None;
    }
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok());
    from_env
        .or_else(stty_columns)
        .filter(|w| *w >= 20)
        .or(Some(80))
        .map(|w| w - 1)
}

fn stty_columns() -> Option<usize> {
    let tty = std::fs::File::open("/dev/tty").ok()?;
    let out = std::process::Command::new("stty")
        .arg("size")
        .stdin(tty)
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    String::from_utf8(out.stdout)
        .ok()?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// The conversation's input and output together, so every read first sends what was said.
pub(crate) struct Io<R: BufRead, W: Write> {
    lines: Lines<R>,
    out: Out<W>,
}

impl<R: BufRead, W: Write> Io<R, W> {
    fn say(&mut self, text: &str) -> io::Result<()> {
        self.out.say(text)
    }

    fn say_all(&mut self, texts: &[String]) -> io::Result<()> {
        self.out.say_all(texts)
    }

    fn blank(&mut self) -> io::Result<()> {
        self.out.blank()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// The next typed line (None at end of input), after sending everything said so far.
    fn read(&mut self) -> io::Result<Option<String>> {
        self.out.flush()?;
        self.lines.next_line()
    }
}
