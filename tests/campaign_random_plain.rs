//! Campaign 1, plain mode: random typed lines (every command word of the command table, with
//! and without arguments, numbers, answers in every form, notes, long paste-sized lines, bytes
//! that are not UTF-8, control characters, empty lines) go to `plain::run_with` over a fresh
//! sessions folder, in one to three runs over the same folder (as an adviser who leaves and
//! comes back). Before every line is read: every session file parses, what was said since the
//! last line obeys the plain-output rules (no escape sequence, redraw or drawing character; no
//! line wider than the width unless it is one word), and any `Tally:` sentence equals
//! `rules::wca::assess` on the open session as saved. Each run must end by itself when the
//! input ends (a hang fails after a minute). `CAMPAIGN_CASES` raises the number of sequences.

mod campaign_common;

use std::cell::{Cell, RefCell};
use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use esa_interview::app::PlainReason;
use esa_interview::interview::Session;
use esa_interview::interview::commands::COMMANDS;
use esa_interview::plain;
use esa_interview::rules::wca;
use esa_interview::store::read;
use proptest::prelude::*;

use campaign_common::{CHARS, cases, content, context, record};

/// `Tally:` sentences checked and answers acknowledged, for the figures.
static TALLIES: AtomicU64 = AtomicU64::new(0);
static RECORDED: AtomicU64 = AtomicU64::new(0);

/// Output shared between the writer the program holds and the checks.
#[derive(Clone, Default)]
struct Said(Rc<RefCell<Vec<u8>>>);

impl Write for Said {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Serves the typed lines and checks the folder and the output before each one.
struct Typist {
    lines: std::collections::VecDeque<Vec<u8>>,
    current: Vec<u8>,
    pos: usize,
    dir: PathBuf,
    said: Said,
    checked: usize,
    width: Option<usize>,
}

impl BufRead for Typist {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.current.len() {
            self.check();
            let Some(line) = self.lines.pop_front() else {
                return Ok(&[]);
            };
            self.current = line;
            self.pos = 0;
        }
        Ok(&self.current[self.pos..])
    }
    fn consume(&mut self, amt: usize) {
        self.pos += amt;
    }
}

impl Read for Typist {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl Typist {
    fn check(&mut self) {
        let out = self.said.0.borrow();
        let text = String::from_utf8(out[self.checked..].to_vec()).expect("output is UTF-8");
        self.checked = out.len();
        drop(out);
        check_output(&text, self.width);
        let open = check_folder(&self.dir);
        let recorded = text
            .lines()
            .filter(|l| l.starts_with("Answer recorded"))
            .count();
        RECORDED.fetch_add(recorded as u64, Ordering::Relaxed);
        // A sentence may be wrapped over several lines: read the words in order.
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for said in words.split("Tally: ").skip(1) {
            TALLIES.fetch_add(1, Ordering::Relaxed);
            let session = open
                .as_ref()
                .expect("a tally is said only with a session open");
            let a = wca::assess(
                &content().wca.scheme,
                &session.wca.descriptors,
                &session.wca.exceptional,
            )
            .expect("every chosen id is known");
            let want = format!(
                "{} physical and {} mental points, {} in all;",
                a.physical, a.mental, a.total
            );
            assert!(
                said.starts_with(&want),
                "said {said:?}, the rules give {want:?}"
            );
        }
    }
}

/// The plain-output rules, on what was said since the last line was read.
fn check_output(text: &str, width: Option<usize>) {
    assert!(!text.contains('\r'), "a carriage return (a redraw)");
    if let Some((i, c)) = text.char_indices().find(|(_, c)| {
        matches!(c, '\u{1b}' | '\u{9b}' | '\u{2500}'..='\u{259F}' | '\u{2800}'..='\u{28FF}')
            || (c.is_control() && *c != '\n')
    }) {
        panic!("U+{:04X} at byte {i} of {text:?}", c as u32);
    }
    if let Some(w) = width {
        for line in text.lines() {
            assert!(
                line.chars().count() <= w || !line.trim().contains(' '),
                "a line wider than {w} that is not one long word: {line:?}"
            );
        }
    }
}

/// Every session file in the folder parses; returns the one this process has open, as saved.
fn check_folder(dir: &Path) -> Option<Session> {
    let mut open = None;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(id) = name.strip_suffix(".toml") else {
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let session = read::parse(&text, &name)
            .unwrap_or_else(|e| panic!("a session file the program wrote does not parse: {e}"));
        let lock = dir.join(format!("{id}.lock"));
        if std::fs::read_to_string(lock).is_ok_and(|l| l.contains(&std::process::id().to_string()))
        {
            open = Some(session);
        }
    }
    open
}

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(CHARS), 0..max)
        .prop_map(|cs| cs.into_iter().collect())
}

fn command_word() -> impl Strategy<Value = String> {
    let words: Vec<&'static str> = COMMANDS
        .iter()
        .flat_map(|c| c.words.iter().copied())
        .collect();
    proptest::sample::select(words).prop_map(str::to_string)
}

/// One typed line (without its line ending).
fn line() -> impl Strategy<Value = Vec<u8>> {
    let answers = [
        "new",
        "y",
        "n",
        "yes",
        "no",
        "Y",
        "NO",
        "clear",
        ".",
        "",
        " ",
        "1",
        "2",
        "3",
        "1, 3",
        "2 4",
        "0",
        "99",
        "-1",
        "17/05/1980",
        "1980-05-17",
        "31/02/2020",
        "25/11/2026",
        "1 December 2025",
        "£12.50",
        "12.5",
        "6,396.00",
        "52",
        "53",
        "2024-25",
        "scotland",
        "england-and-wales",
        "Test claimant B",
        "quit",
    ];
    let text_line = prop_oneof![
        6 => command_word(),
        6 => proptest::sample::select(answers.to_vec()).prop_map(str::to_string),
        2 => (command_word(), prop_oneof![
            (1..=8u32).prop_map(|n| n.to_string()),
            (1..=17u32).prop_map(|n| format!("4.{n}")),
            Just("markdown".to_string()),
            Just("text".to_string()),
            text(10),
        ]).prop_map(|(w, a)| format!("{w} {a}")),
        4 => text(30),
        1 => text(4000),
    ];
    prop_oneof![
        20 => text_line.prop_map(String::into_bytes),
        1 => proptest::collection::vec(any::<u8>(), 0..60),
        1 => text(20).prop_map(|t| format!("{t}\r").into_bytes()),
    ]
}

/// Runs the plain mode once per group of lines over one folder, on its own thread so a hang is
/// seen; returns how many lines were typed.
fn run(groups: Vec<Vec<Vec<u8>>>, width: Option<usize>) -> u64 {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let dir = tempfile::tempdir().unwrap();
        let ctx = context(dir.path());
        let mut typed = 0;
        for group in groups {
            typed += group.len() as u64;
            let said = Said::default();
            let typist = Typist {
                lines: group
                    .into_iter()
                    .map(|mut l| {
                        l.push(b'\n');
                        l
                    })
                    .collect(),
                current: Vec::new(),
                pos: 0,
                dir: dir.path().to_path_buf(),
                said: said.clone(),
                checked: 0,
                width,
            };
            let options = plain::Options {
                width,
                ..plain::Options::default()
            };
            plain::run_with(typist, said.clone(), &ctx, None, PlainReason::Flag, options)
                .expect("the conversation ends without an I/O error");
            let all = String::from_utf8(said.0.borrow().clone()).unwrap();
            assert!(
                all.trim_end().ends_with("Goodbye."),
                "every run says goodbye:\n{all}"
            );
            assert!(
                check_folder(dir.path()).is_none(),
                "no lock is left by a run that ended"
            );
        }
        let _ = tx.send(typed);
    });
    match rx.recv_timeout(Duration::from_mins(1)) {
        Ok(n) => n,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("the plain mode did not end in a minute"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the plain mode panicked (above)"),
    }
}

#[test]
fn random_lines_never_panic_or_hang_and_keep_the_files_the_tally_and_the_output_right() {
    let config = ProptestConfig {
        cases: cases(12),
        ..ProptestConfig::default()
    };
    let (ran, typed) = (Cell::new(0u64), Cell::new(0u64));
    let groups = proptest::collection::vec(proptest::collection::vec(line(), 0..120), 1..4);
    let width = proptest::option::of(20..200usize);
    proptest!(config, |(groups in groups, width in width)| {
        typed.set(typed.get() + run(groups, width));
        ran.set(ran.get() + 1);
    });
    record(
        "random_plain",
        &[
            ("cases", ran.get()),
            ("lines", typed.get()),
            ("tallies", TALLIES.load(Ordering::Relaxed)),
            ("answers", RECORDED.load(Ordering::Relaxed)),
        ],
    );
}
