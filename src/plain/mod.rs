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

/// How the conversation is laid out and how strict it is; `Options::for_this_process` works
/// these out from the terminal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Wrap words at this many columns; None leaves lines unwrapped (output is not a terminal).
    pub width: Option<usize>,
    /// A refused line ends the run instead of asking again: set when standard input is not a
    /// terminal, so one slip in a script never moves every later answer to the wrong question.
    pub strict: bool,
}

impl Options {
    /// The options for this process: the terminal's width (none when the output is not a
    /// terminal) and strict when standard input is not a terminal.
    pub fn for_this_process(reason: PlainReason) -> Self {
        Options {
            width: width_for(reason),
            strict: !io::stdin().is_terminal(),
        }
    }
}

/// How a conversation ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// The adviser quit, or input ended: everything said, everything saved.
    Finished,
    /// Strict input: this line (counting from 1; 0 before any was read) was refused, so the run
    /// stopped there with everything before it saved. The program exits with status 1.
    Stopped {
        /// The refused line's number.
        line: usize,
    },
}

/// Runs the interview as a linear conversation over any input and output, as typed at a
/// terminal: a refused line is said and the question asked again. Words wrap at the
/// terminal's width, or not at all when the output is not a terminal.
pub fn run<R: BufRead, W: Write>(
    input: R,
    output: W,
    ctx: &Context,
    resume: Option<&str>,
    reason: PlainReason,
) -> io::Result<Ended> {
    let options = Options {
        width: width_for(reason),
        ..Options::default()
    };
    run_with(input, output, ctx, resume, reason, options)
}

/// `run` with the layout and strictness given, for tests and callers that know them.
pub fn run_with<R: BufRead, W: Write>(
    input: R,
    output: W,
    ctx: &Context,
    resume: Option<&str>,
    reason: PlainReason,
    options: Options,
) -> io::Result<Ended> {
    let mut io = Io {
        lines: Lines::new(input),
        out: Out::new(output, options.width),
        strict: options.strict,
        stopped: None,
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
    io.flush()?;
    Ok(match io.stopped {
        Some(line) => Ended::Stopped { line },
        None => Ended::Finished,
    })
}

/// The width to wrap at: none when the output is not a terminal.
fn width_for(reason: PlainReason) -> Option<usize> {
    if reason == PlainReason::NotATerminal {
        None
    } else {
        terminal_width()
    }
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
    /// A refused line stops the run (standard input is not a terminal).
    strict: bool,
    /// Set when a refused line stopped the run: its number. No line is read after it.
    stopped: Option<usize>,
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

    /// The next typed line (None at end of input, or once a refused line stopped the run),
    /// after sending everything said so far.
    fn read(&mut self) -> io::Result<Option<String>> {
        self.out.flush()?;
        if self.stopped.is_some() {
            return Ok(None);
        }
        self.lines.next_line()
    }

    /// Says why the last line was refused. With strict input it also says where the run stops
    /// (the line's number and `asked`, the question it was typed at) and returns true: the
    /// caller then stops, and no later line is read.
    fn refuse(&mut self, error: &str, asked: &str) -> io::Result<bool> {
        self.say(error)?;
        if !self.strict {
            return Ok(false);
        }
        let line = self.lines.count();
        self.stopped = Some(line);
        let (at, saved) = if line == 0 {
            ("Stopped before the first line of input, at".to_string(), "")
        } else {
            (
                format!("Stopped: line {line} of the input was not accepted at"),
                " Everything before it is saved.",
            )
        };
        let asked = asked.strip_prefix("Question: ").unwrap_or(asked);
        self.say(&format!(
            "{at}: {asked} The input is not a terminal, so no later line is read: each would \
             answer the wrong question.{saved} Correct that line and run again (or connect \
             with a terminal, such as ssh -t, to be asked again instead)."
        ))?;
        Ok(true)
    }

    /// True once a refused line has stopped the run.
    fn stopped(&self) -> bool {
        self.stopped.is_some()
    }
}
