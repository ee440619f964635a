//! How the plain-text mode behaves beyond its transcripts: every change is on disk before the
//! next prompt, input that ends (even mid-mistake) saves and stops, sessions move between the
//! plain mode and any other front end through the one session file, nothing a user types can
//! reach the terminal as an escape sequence, and words wrap at the width given.

mod plain_common;

use std::cell::RefCell;
use std::io::{self, BufRead, Read};
use std::rc::Rc;

use esa_interview::app::{Context, PlainReason};
use esa_interview::content::questions::{AnswerKind, Flag, FlagLevel, Question};
use esa_interview::content::source::Source;
use esa_interview::interview::commands::COMMANDS;
use esa_interview::interview::{Step, current_step};
use esa_interview::plain;
use esa_interview::store::{Access, Store};
use plain_common::{context, linear_problem, run, run_bytes, today};

fn lines(script: &[&str]) -> Vec<String> {
    script.iter().map(ToString::to_string).collect()
}

fn only_session(ctx: &Context) -> esa_interview::interview::Session {
    let list = ctx.store.list();
    assert_eq!(list.len(), 1, "one session was saved");
    ctx.store
        .open_session(&list[0].id, Access::ReadOnly)
        .unwrap()
        .session
}

/// Serves lines one at a time and, before each, records what the session file on disk holds.
struct Watching {
    lines: Vec<Vec<u8>>,
    next: usize,
    pos: usize,
    dir: std::path::PathBuf,
    seen: Rc<RefCell<Vec<Option<String>>>>,
}

impl BufRead for Watching {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.next == 0 || self.pos >= self.lines[self.next - 1].len() {
            if self.next == self.lines.len() {
                return Ok(&[]);
            }
            let (store, _) = Store::open(&self.dir).unwrap();
            let dob = store.list().first().map(|s| {
                let h = store.open_session(&s.id, Access::ReadOnly).unwrap();
                format!("{:?}", h.session.claimant.date_of_birth.map(|d| d.0))
            });
            self.seen.borrow_mut().push(dob);
            self.next += 1;
            self.pos = 0;
        }
        Ok(&self.lines[self.next - 1][self.pos..])
    }
    fn consume(&mut self, amt: usize) {
        self.pos += amt;
    }
}

impl Read for Watching {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

#[test]
fn every_answer_is_on_disk_before_the_next_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let seen = Rc::new(RefCell::new(Vec::new()));
    let input = Watching {
        lines: ["Test claimant A\n", "17/05/1980\n", "01/10/2026\n"]
            .iter()
            .map(|l| l.as_bytes().to_vec())
            .collect(),
        next: 0,
        pos: 0,
        dir: dir.path().to_path_buf(),
        seen: Rc::clone(&seen),
    };
    plain::run(input, Vec::new(), &ctx, None, PlainReason::NotATerminal).unwrap();
    assert_eq!(
        *seen.borrow(),
        vec![
            None,
            Some("None".to_string()),
            Some("Some(1980-05-17)".to_string())
        ],
        "no session before the reference; the date of birth on disk before the next question"
    );
}

#[test]
fn input_that_ends_in_a_mistake_saves_and_stops() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let out = run_bytes(
        &ctx,
        None,
        vec![b"Test claimant A\n".to_vec(), b"31/02/2026".to_vec()],
        None,
    );
    assert!(
        out.stdout
            .contains("Error: \"31/02/2026\" is not a real date.")
    );
    assert!(
        out.stdout
            .ends_with("End of input.\nSaved: the session for Test claimant A.\nGoodbye.\n")
    );
    assert!(
        out.stdout.lines().count() < 20,
        "no loop at the end of input"
    );
    assert_eq!(only_session(&ctx).reference, "Test claimant A");
}

#[test]
fn input_that_ends_before_a_session_opens_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let out = run(&ctx, None, &[]);
    assert!(
        out.stdout
            .ends_with("No session was opened, so nothing was saved. Goodbye.\n")
    );
    assert!(ctx.store.list().is_empty());
}

#[test]
fn a_session_left_in_the_plain_mode_is_where_any_front_end_resumes_it() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    run(&ctx, None, &lines(&["Test claimant A", "go 4.1", "2"]));
    let session = only_session(&ctx);
    assert_eq!(current_step(&session, &ctx.content), Step::Activity(0));
    assert!(session.is_chosen("lcw.1.b"));
}

#[test]
fn resume_opens_a_reference_directly_and_says_when_it_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    run(&ctx, None, &lines(&["Test claimant A", "go 4.1", "quit"]));
    let out = run(&ctx, Some("test claimant a"), &lines(&["quit"]));
    assert!(
        out.stdout.contains(
            "Session: Test claimant A, last changed Wednesday 25 November 2026 at 10:30."
        )
    );
    assert!(out.stdout.contains("Activity 1 of"));
    let out = run(&ctx, Some("Test claimant Z"), &lines(&["quit"]));
    assert!(
        out.stdout
            .contains("Error: no saved session has the reference Test claimant Z.")
    );
    assert!(out.stdout.contains("1) Test claimant A"));
}

#[test]
fn nothing_typed_can_reach_the_terminal_as_an_escape_sequence() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let hostile = vec![
        "Test \u{1b}[2Jclaimant \u{2502}A\u{9b}\r\n"
            .as_bytes()
            .to_vec(),
        b"note\n".to_vec(),
        "line \u{1b}]0;title\u{7} \u{2588}\u{2801}\n"
            .as_bytes()
            .to_vec(),
        b".\n".to_vec(),
        b"notes\n".to_vec(),
        b"go \x1b[A\n".to_vec(),
    ];
    let out = run_bytes(&ctx, None, hostile, None);
    assert_eq!(linear_problem(&out.stdout), None, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("Saved: a new session for Test [2Jclaimant  A.")
    );
}

#[test]
fn words_wrap_at_the_width_and_are_never_cut() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let out = run_bytes(
        &ctx,
        None,
        vec![b"Test claimant A\n".to_vec(), b"go 4.1\n".to_vec()],
        Some(40),
    );
    assert!(
        out.stdout
            .starts_with("Plain-text mode is on because you used\n--plain.")
    );
    for line in out.stdout.lines() {
        assert!(
            line.chars().count() <= 40 || !line.contains(' '),
            "too wide: {line:?}"
        );
    }
    let joined = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    let statutory = &ctx.content.wca.schedule2.activities[0].descriptors[0].text;
    assert!(
        joined.contains(statutory.as_str()),
        "the descriptor is said whole"
    );
}

#[test]
fn the_first_line_says_how_the_mode_was_turned_on() {
    for reason in [
        PlainReason::Flag,
        PlainReason::Env,
        PlainReason::DumbTerminal,
        PlainReason::NotATerminal,
    ] {
        let dir = tempfile::tempdir().unwrap();
        let ctx = context(dir.path());
        let mut out = Vec::new();
        plain::run_with(
            &b""[..],
            &mut out,
            &ctx,
            None,
            reason,
            plain::Options::default(),
        )
        .unwrap();
        let first = String::from_utf8(out)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string();
        assert_eq!(
            first,
            format!(
                "Plain-text mode is on {}. Type help at any prompt to hear the commands.",
                reason.words()
            )
        );
    }
}

#[test]
fn help_is_generated_from_the_one_command_table() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let out = run(&ctx, None, &lines(&["Test claimant A", "help"]));
    for c in COMMANDS.iter().filter(|c| !c.words.is_empty()) {
        let line = out
            .stdout
            .lines()
            .find(|l| {
                l.strip_prefix(c.words[0])
                    .is_some_and(|rest| rest.starts_with([' ', ':', ',']))
            })
            .unwrap_or_else(|| panic!("help does not list {}", c.words[0]));
        assert!(line.contains(c.help), "{line}");
        for w in &c.words[1..] {
            assert!(line.contains(w), "{line} lacks {w}");
        }
    }
}

fn yes_no_question(ctx: &mut Context) -> String {
    let source = Source {
        instrument: "Test Act 2026".into(),
        provision: "section 1".into(),
        url: None,
        note: None,
    };
    let q = Question {
        id: "status.test-ssp".into(),
        stage: "status".into(),
        text: "Is the claimant entitled to test pay?".into(),
        help: None,
        kind: AnswerKind::YesNo,
        required: false,
        options: Vec::new(),
        flags: vec![Flag {
            when: "yes".into(),
            level: FlagLevel::Bar,
            says: "No ESA for a day of test pay.".into(),
            source,
            applies_from: today(),
        }],
    };
    let n = ctx.content.questions.for_stage("status").count() + 1;
    let mut content = (*ctx.content).clone();
    content.questions.questions.push(q);
    ctx.content = content.into();
    format!("Question {n} of {n}: Is the claimant entitled to test pay? Answer yes or no.")
}

#[test]
fn yes_and_no_are_answers_on_a_yes_no_question_and_a_flag_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut ctx = context(dir.path());
    let asked = yes_no_question(&mut ctx);
    let skip_dates = ctx.content.questions.for_stage("status").count() - 1;
    let mut script = vec!["Test claimant A".to_string()];
    script.extend(std::iter::repeat_n(String::new(), skip_dates));
    script.extend(lines(&["n", "back", "y", "back", "yes"]));
    let out = run(&ctx, None, &script);
    assert!(out.stdout.contains(&asked));
    assert!(out.stdout.contains("Answer recorded: No."));
    let flag = "Stop: No ESA for a day of test pay. Source: section 1, Test Act 2026.";
    let said: Vec<&str> = out.stdout.lines().filter(|l| *l == flag).collect();
    // Said when "y" raises it and again in the question's prompt after "back"; "yes" again
    // changes nothing, so nothing more is said.
    assert_eq!(said.len(), 2, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("Current answer: Yes. Press Enter to keep it.")
    );
}

#[test]
fn a_session_open_elsewhere_is_said_with_who_and_since_when_and_offered_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    run(&ctx, None, &lines(&["Test claimant A", "quit"]));
    let id = ctx.store.find("Test claimant A").unwrap();
    let _other = ctx.store.open_session(&id, Access::ReadWrite).unwrap();
    let out = run(
        &ctx,
        Some("Test claimant A"),
        &lines(&["y", "17/05/1980", "quit"]),
    );
    let said = out
        .stdout
        .lines()
        .find(|l| l.starts_with("Error: this session is open in another process, by "))
        .unwrap_or_else(|| panic!("not said: {}", out.stdout));
    assert!(said.contains(", since "), "{said}");
    assert!(out.stdout.contains("Question: Open it read-only"));
    assert!(
        out.stdout
            .contains("Read-only: you can look at every answer")
    );
    assert!(
        out.stdout
            .contains("Error: this session is open read-only: nothing can be changed.")
    );
    assert!(
        out.stdout
            .contains("Nothing was saved: this session is open read-only.")
    );
}
