//! Shared harness for the plain-mode tests: a run `Context` with a temporary sessions folder, a
//! fixed today and a fixed clock; a scripted input that records each line as it is read; and
//! transcript files compared whole (UPDATE_TRANSCRIPTS=1 rewrites them).
#![allow(dead_code)] // each test file uses its own part of the harness

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use chrono::{NaiveDate, NaiveDateTime};
use esa_interview::app::{Clock, Context, PlainReason, SharedContent};
use esa_interview::content;
use esa_interview::plain;
use esa_interview::store::Store;

/// The day every test interview happens on.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A clock that always says 10:30 on `today`, so stamps and session ids do not drift.
pub fn clock() -> NaiveDateTime {
    today().and_hms_opt(10, 30, 0).unwrap()
}

/// A context over a fresh sessions folder with the built-in content. The folder is made
/// private first, as a real one should be, so no permissions warning varies the transcripts.
pub fn context(dir: &Path) -> Context {
    context_with(dir, content::load_embedded().into())
}

/// The same over content already loaded, for tests that open many folders.
pub fn context_with(dir: &Path, content: SharedContent) -> Context {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    let (store, store_warnings) = Store::open(dir).expect("the temporary folder opens");
    Context {
        content,
        store,
        store_warnings,
        today: today(),
        clock: Clock::Fixed(clock()),
    }
}

/// What one run produced.
pub struct Run {
    /// Exactly what the program wrote.
    pub stdout: String,
    /// The same with each input line shown where it was read, as `> line`.
    pub transcript: String,
}

struct Shared(Rc<RefCell<(Vec<u8>, String)>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut both = self.0.borrow_mut();
        both.0.extend_from_slice(buf);
        both.1.push_str(&String::from_utf8_lossy(buf));
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Serves one line per read and writes `> line` into the transcript as it is read.
struct Script {
    lines: VecDeque<Vec<u8>>,
    current: Vec<u8>,
    pos: usize,
    ended: bool,
    shared: Rc<RefCell<(Vec<u8>, String)>>,
}

impl BufRead for Script {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.current.len() {
            let Some(line) = self.lines.pop_front() else {
                if !self.ended {
                    self.shared.borrow_mut().1.push_str("> (end of input)\n");
                    self.ended = true;
                }
                return Ok(&[]);
            };
            let shown = String::from_utf8_lossy(&line);
            let shown = shown.trim_end_matches('\n');
            let mut both = self.shared.borrow_mut();
            both.1.push_str("> ");
            both.1.push_str(shown);
            both.1.push('\n');
            drop(both);
            self.current = line;
            self.pos = 0;
        }
        Ok(&self.current[self.pos..])
    }
    fn consume(&mut self, amt: usize) {
        self.pos += amt;
    }
}

impl Read for Script {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

/// The input lines of a script: `#` lines are comments for the reader; the rest are typed.
pub fn script_lines(script: &str) -> Vec<String> {
    script
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Runs the plain mode over typed lines (each ends with Enter) as if output were piped.
pub fn run(ctx: &Context, resume: Option<&str>, lines: &[String]) -> Run {
    run_bytes(
        ctx,
        resume,
        lines
            .iter()
            .map(|l| format!("{l}\n").into_bytes())
            .collect(),
        None,
    )
}

/// Runs over typed lines as a script piped in does: strict, so a refused line stops the run.
/// Returns how it ended with what was said.
pub fn run_strict(ctx: &Context, resume: Option<&str>, lines: &[String]) -> (Run, plain::Ended) {
    let shared = Rc::new(RefCell::new((Vec::new(), String::new())));
    let script = Script {
        lines: lines
            .iter()
            .map(|l| format!("{l}\n").into_bytes())
            .collect(),
        current: Vec::new(),
        pos: 0,
        ended: false,
        shared: Rc::clone(&shared),
    };
    let options = plain::Options {
        strict: true,
        ..plain::Options::default()
    };
    let out = Shared(Rc::clone(&shared));
    let ended = plain::run_with(script, out, ctx, resume, PlainReason::NotATerminal, options)
        .expect("the conversation ends without an I/O error");
    let (stdout, transcript) = shared.borrow().clone();
    let stdout = String::from_utf8(stdout).expect("output is UTF-8");
    let run = Run {
        stdout: steady(ctx, &stdout),
        transcript: steady(ctx, &transcript),
    };
    (run, ended)
}

/// Runs over raw input lines, with a width (None: as if piped, through `plain::run`).
pub fn run_bytes(
    ctx: &Context,
    resume: Option<&str>,
    lines: Vec<Vec<u8>>,
    width: Option<usize>,
) -> Run {
    let shared = Rc::new(RefCell::new((Vec::new(), String::new())));
    let script = Script {
        lines: lines.into(),
        current: Vec::new(),
        pos: 0,
        ended: false,
        shared: Rc::clone(&shared),
    };
    let out = Shared(Rc::clone(&shared));
    let result = match width {
        None => plain::run(script, out, ctx, resume, PlainReason::NotATerminal),
        Some(w) => plain::run_with(
            script,
            out,
            ctx,
            resume,
            PlainReason::Flag,
            plain::Options {
                width: Some(w),
                ..plain::Options::default()
            },
        ),
    };
    result.expect("the conversation ends without an I/O error");
    let (stdout, transcript) = shared.borrow().clone();
    let stdout = String::from_utf8(stdout).expect("output is UTF-8");
    Run {
        stdout: steady(ctx, &stdout),
        transcript: steady(ctx, &transcript),
    }
}

/// The output with what differs from run to run named instead: the sessions folder as DATA and
/// each session's id (a file name the store chooses) as SESSION-ID.
fn steady(ctx: &Context, text: &str) -> String {
    let mut text = text.replace(&ctx.store.dir().display().to_string(), "DATA");
    for s in ctx.store.list() {
        text = text.replace(&s.id, "SESSION-ID");
    }
    text
}

/// Why a piece of output would be read badly, if it would: escape sequences, carriage-return
/// redraws, box-drawing, block or braille characters, other control characters.
pub fn linear_problem(output: &str) -> Option<String> {
    output.char_indices().find_map(|(i, c)| {
        let what = match c {
            '\u{1b}' | '\u{9b}' => "an escape sequence",
            '\r' => "a carriage return (a redraw)",
            '\u{2500}'..='\u{257F}' => "a box-drawing character",
            '\u{2580}'..='\u{259F}' => "a block character",
            '\u{2800}'..='\u{28FF}' => "a braille character",
            c if c.is_control() && c != '\n' => "a control character",
            _ => return None,
        };
        Some(format!("{what} (U+{:04X}) at byte {i}", c as u32))
    })
}

/// The transcripts folder.
pub fn transcripts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts")
}

/// Compares a transcript with its file, or rewrites the file when UPDATE_TRANSCRIPTS=1.
pub fn check_transcript(name: &str, actual: &str) {
    let path = transcripts_dir().join(format!("{name}.out"));
    if std::env::var("UPDATE_TRANSCRIPTS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, actual).expect("the transcript is written");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run with UPDATE_TRANSCRIPTS=1",
            path.display()
        )
    });
    if expected == actual {
        return;
    }
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let at = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    panic!(
        "transcript {name} differs at line {}:\nexpected: {:?}\nactual:   {:?}\n(read the new \
         transcript, then run with UPDATE_TRANSCRIPTS=1 to accept it)",
        at + 1,
        e.get(at),
        a.get(at)
    );
}
