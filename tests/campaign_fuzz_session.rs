//! Campaign 2, the session-file reader (proptest: no nightly toolchain here for cargo-fuzz).
//! Arbitrary bytes, and random edits of real session files (every file in tests/cases/assess
//! and one the engine fills with an answer to every question), go through every way a file is
//! read: `store::read::parse`, the store's `open_session` (read-only and read-write) and `list`.
//! Each gives a located error or a session, never a panic or a hang; an unreadable file is
//! never changed by being read; and a session that reads is saved and read back unchanged, so
//! nothing accepted can make a later save fail or change what it holds. Inputs that found bugs
//! are kept in tests/cases/fuzz_session/ and replayed first.

mod campaign_common;

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use esa_interview::content::questions::AnswerKind;
use esa_interview::interview::action::ContributionField;
use esa_interview::interview::{Action, Session, Step, update};
use esa_interview::store::{Access, Store, StoreError, read, to_text};
use proptest::prelude::*;

use campaign_common::{cases, clock, content, record, today};

/// A session as the engine fills it: every question answered, descriptors and routes chosen,
/// an NI record, notes with awkward characters.
fn full_session() -> Session {
    let c = content();
    let mut s = Session::new("Test claimant F", today());
    let mut actions: Vec<Action> = c
        .questions
        .questions
        .iter()
        .map(|q| Action::Answer {
            question: q.id.clone(),
            text: match q.kind {
                AnswerKind::YesNo => "yes".into(),
                AnswerKind::Date => "17/05/1980".into(),
                AnswerKind::Number => "26".into(),
                AnswerKind::Money => "6,396.50".into(),
                AnswerKind::OneOf | AnswerKind::SeveralOf => "1".into(),
                AnswerKind::Text => "Text with \"quotes\", ''' and a \\ backslash".into(),
            },
        })
        .collect();
    for a in &c.wca.schedule2.activities {
        actions.push(Action::Toggle(a.descriptors[0].id.clone()));
    }
    for field in ContributionField::ALL {
        actions.push(Action::Contribution {
            tax_year: "2024-25".into(),
            field,
            text: "30".into(),
        });
    }
    actions.push(Action::Note {
        key: "general".into(),
        text: "Line one.\n\"\"\" and ''' and # [x] £ é 日本\n\n  indented\ttab".into(),
        at: clock(),
    });
    actions.push(Action::Go(Step::Activity(3)));
    for a in actions {
        update(&mut s, a, &c);
    }
    s
}

/// The real files to edit: the worked cases and the engine's full session.
fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/assess");
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    out.sort();
    out.push(to_text(&full_session()).unwrap());
    out
}

/// Reads `bytes` every way the program reads a session file and checks what comes back.
fn check(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let lines = text.lines().count() + 1;
    match read::parse(&text, "f.toml") {
        Ok(session) => {
            let saved = to_text(&session).expect("a session that reads can be saved");
            let again = read::parse(&saved, "saved.toml")
                .unwrap_or_else(|e| panic!("saved, it no longer reads: {e}\n{saved}"));
            assert_eq!(again, session, "saving changed the session");
        }
        Err(StoreError::Damaged { line, message, .. }) => {
            assert!(
                line >= 1 && line <= lines,
                "line {line} of a {lines}-line file"
            );
            assert!(!message.trim().is_empty());
        }
        Err(StoreError::NewerFormat { .. }) => {}
        Err(other) => panic!("the reader gave a kind of error it should not: {other}"),
    }
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(dir.path()).unwrap();
    let path = store.path_of("0123abcd");
    std::fs::write(&path, bytes).unwrap();
    let listed = store.list();
    assert_eq!(listed.len(), 1);
    for access in [Access::ReadOnly, Access::ReadWrite] {
        match store.open_session("0123abcd", access) {
            Ok(_) => assert_eq!(listed[0].problem, None, "list and open agree"),
            Err(e) => assert!(!e.to_string().trim().is_empty()),
        }
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "reading never changes the file"
    );
}

/// One edit a person, a bad disk or a cut-off copy might make.
#[derive(Clone, Debug)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    DuplicateLine { line: usize },
    DeleteLine { line: usize },
    Truncate { at: usize },
    FlipByte { at: usize, bit: u8 },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1..40usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        (
            any::<usize>(),
            "[\\PC\n\"'=\\[\\]{}#,.:+\\-0-9a-z]{1,12}|-?[0-9]{5,22}(\\.[0-9]{1,3})?|[+-][0-9]{4,6}-0[1-9]-[0-3][0-9]"
        )
            .prop_map(|(at, text)| Edit::Insert { at, text }),
        any::<usize>().prop_map(|line| Edit::DuplicateLine { line }),
        any::<usize>().prop_map(|line| Edit::DeleteLine { line }),
        any::<usize>().prop_map(|at| Edit::Truncate { at }),
        (any::<usize>(), 0..8u8).prop_map(|(at, bit)| Edit::FlipByte { at, bit }),
    ]
}

fn apply(bytes: &[u8], e: &Edit) -> Vec<u8> {
    let n = bytes.len();
    let lines: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
    let at = |i: usize| i % (n + 1);
    match e {
        Edit::Delete { at: a, len } => {
            let a = at(*a);
            [&bytes[..a], &bytes[(a + len).min(n)..]].concat()
        }
        Edit::Insert { at: a, text } => {
            let a = at(*a);
            [&bytes[..a], text.as_bytes(), &bytes[a..]].concat()
        }
        Edit::DuplicateLine { line } if !lines.is_empty() => {
            let i = line % lines.len();
            let mut out = lines.clone();
            out.insert(i, lines[i]);
            out.concat()
        }
        Edit::DeleteLine { line } if !lines.is_empty() => {
            let i = line % lines.len();
            lines
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .flat_map(|(_, l)| l.iter().copied())
                .collect()
        }
        Edit::Truncate { at: a } => bytes[..at(*a)].to_vec(),
        Edit::FlipByte { at: a, bit } if n > 0 => {
            let mut out = bytes.to_vec();
            out[a % n] ^= 1 << bit;
            out
        }
        _ => bytes.to_vec(),
    }
}

/// Runs `f` on a thread of its own and fails if it takes longer than `limit` (a hang).
fn within(limit: Duration, f: impl FnOnce() + Send + 'static) {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        f();
        let _ = tx.send(());
    });
    match rx.recv_timeout(limit) {
        Ok(()) => {}
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("no answer in {limit:?}: a hang"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("a panic (above)"),
    }
}

#[test]
fn edited_session_files_give_located_errors_or_sessions_that_save_unchanged() {
    let n = cases(150);
    within(Duration::from_mins(10), move || {
        let seeds = seeds();
        let count = seeds.len();
        let config = ProptestConfig {
            cases: n,
            ..ProptestConfig::default()
        };
        proptest!(config, |(seed in 0..count, edits in proptest::collection::vec(edit(), 1..6))| {
            let mut bytes = seeds[seed].clone().into_bytes();
            for e in &edits {
                bytes = apply(&bytes, e);
            }
            check(&bytes);
        });
        record("fuzz_session_edits", &[("cases", u64::from(n))]);
    });
}

#[test]
fn arbitrary_bytes_give_an_error_never_a_panic() {
    let n = cases(150);
    within(Duration::from_mins(10), move || {
        let config = ProptestConfig {
            cases: n,
            ..ProptestConfig::default()
        };
        proptest!(config, |(bytes in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..600),
            "format = 1\n[\\PC\n=\"\\[\\]{}.,#0-9a-z_-]{0,300}".prop_map(String::into_bytes),
        ])| {
            check(&bytes);
        });
        record("fuzz_session_bytes", &[("cases", u64::from(n))]);
    });
}

#[test]
fn inputs_that_found_bugs_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/fuzz_session");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        within(Duration::from_secs(20), move || check(&bytes));
        n += 1;
    }
    assert!(n > 0, "the regression corpus is empty");
}
