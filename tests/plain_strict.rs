//! Piped input is strict (walkthrough M12): when standard input is not a terminal, a line that
//! is refused stops the run, saying the line's number and the question it was typed at, with
//! exit status 1, everything before it saved and no later line applied. Typed at a terminal
//! the same line is refused and the question asked again (the invalid-input transcript).
#![cfg(unix)]

mod plain_common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use esa_interview::app::Context;
use esa_interview::interview::Session;
use esa_interview::plain::Ended;
use esa_interview::store::Access;
use plain_common::{context, run, run_strict};

const BIN: &str = env!("CARGO_BIN_EXE_esa-interview");

fn piped(dir: &Path, input: &str) -> Output {
    let mut child = Command::new(BIN)
        .arg("--data-dir")
        .arg(dir)
        .args(["--now", "2026-11-25T10:30:00"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn lines(script: &[&str]) -> Vec<String> {
    script.iter().map(ToString::to_string).collect()
}

fn session(ctx: &Context, reference: &str) -> Session {
    let id = ctx.store.find(reference).expect("the session was saved");
    ctx.store
        .open_session(&id, Access::ReadOnly)
        .unwrap()
        .session
}

/// The input lines the run read, from its transcript.
fn read_lines(transcript: &str) -> usize {
    transcript
        .lines()
        .filter(|l| l.starts_with("> ") && *l != "> (end of input)")
        .count()
}

#[test]
fn a_refused_line_in_piped_input_stops_the_program_with_status_1_and_its_line_number() {
    let dir = tempfile::tempdir().unwrap();
    let out = piped(
        dir.path(),
        "Test claimant S\n17/05/1980\nsoon\n01/10/2026\nquit\n",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let stop = stdout
        .lines()
        .find(|l| l.starts_with("Stopped: "))
        .unwrap_or_else(|| panic!("no stop said: {stdout}"));
    assert!(stop.starts_with("Stopped: line 3 of the input"), "{stop}");
    assert!(
        stop.contains("Question 2 of ") && stop.contains("On what date was the claim made"),
        "the question is named: {stop}"
    );
    assert!(stop.contains("Everything before it is saved"), "{stop}");
    assert!(
        stdout.contains("Error: \"soon\" is not a date"),
        "why it was refused: {stdout}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 3"));
    // Line 2 is on disk; line 4 (which would have answered question 2) never was applied.
    let (store, _) = esa_interview::store::Store::open(dir.path()).unwrap();
    let id = store.find("Test claimant S").unwrap();
    let s = store.open_session(&id, Access::ReadOnly).unwrap().session;
    assert_eq!(
        s.claimant.date_of_birth.map(|d| d.to_string()).as_deref(),
        Some("1980-05-17")
    );
    assert_eq!(s.claimant.claim_date, None, "a later line was applied");
    assert_eq!(stdout.matches("Answer recorded").count(), 1, "{stdout}");
}

#[test]
fn a_piped_script_without_mistakes_still_ends_with_status_0() {
    let dir = tempfile::tempdir().unwrap();
    let out = piped(
        dir.path(),
        "Test claimant T\n17/05/1980\n01/10/2026\nquit\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Each kind of prompt: the script, the line that is refused, and what its stop names.
const CASES: &[(&str, &[&str], usize, &str)] = &[
    (
        "a date",
        &["Test claimant A", "31/02/2026", "17/05/1980"],
        2,
        "Question 1 of ",
    ),
    (
        "go with a code that matches nothing",
        &["Test claimant A", "17/05/1980", "go 99", "01/10/2026"],
        3,
        "Question 2 of ",
    ),
    (
        "an activity",
        &["Test claimant A", "go 4.1", "9", "1"],
        3,
        "Activity 1 of ",
    ),
    (
        "a list of numbers, one out of range",
        &["Test claimant A", "go 4.1", "2,9", "1"],
        3,
        "Activity 1 of ",
    ),
    (
        "a command for the full-screen interview only",
        &["Test claimant A", "go 4.1", "export pdf", "1"],
        3,
        "Activity 1 of ",
    ),
    (
        "the claimant reference",
        &["", "Test claimant A"],
        1,
        "What is the claimant's reference",
    ),
];

#[test]
fn every_kind_of_prompt_stops_at_the_refused_line_and_reads_no_further() {
    for (what, script, line, named) in CASES {
        let dir = tempfile::tempdir().unwrap();
        let ctx = context(dir.path());
        let (out, ended) = run_strict(&ctx, None, &lines(script));
        assert_eq!(
            ended,
            Ended::Stopped { line: *line },
            "{what}: {}",
            out.stdout
        );
        let stop = out
            .stdout
            .lines()
            .find(|l| l.starts_with("Stopped: "))
            .unwrap_or_else(|| panic!("{what}: no stop said: {}", out.stdout));
        assert!(
            stop.starts_with(&format!("Stopped: line {line} of the input")),
            "{what}: {stop}"
        );
        assert!(stop.contains(named), "{what}: {stop}");
        assert_eq!(read_lines(&out.transcript), *line, "{what}: read on");
        // The line before the refused one is the last thing said to have been done.
        assert_eq!(out.stdout.matches("Error: ").count(), 1, "{what}");
    }
}

#[test]
fn everything_before_the_refused_line_is_saved_and_nothing_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let (_, ended) = run_strict(
        &ctx,
        None,
        &lines(&[
            "Test claimant A",
            "go 4.1",
            "2",
            "frobnicate",
            "3",
            "go 4.2",
        ]),
    );
    assert_eq!(ended, Ended::Stopped { line: 4 });
    let s = session(&ctx, "Test claimant A");
    assert_eq!(s.wca.descriptors, vec!["lcw.1.b".to_string()]);
    assert_eq!(
        s.position.step.as_deref(),
        Some("lcw.1"),
        "go 4.2 not applied"
    );
}

#[test]
fn the_start_list_and_an_unknown_resume_stop_too() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    run(&ctx, None, &lines(&["Test claimant A", "quit"]));
    let (out, ended) = run_strict(&ctx, None, &lines(&["Nobody", "1"]));
    assert_eq!(ended, Ended::Stopped { line: 1 }, "{}", out.stdout);
    assert!(out.stdout.contains("Type the number of a session"));
    assert!(
        !out.stdout.contains("Session: Test claimant A"),
        "line 2 opened it"
    );
    // Resuming a reference no session has: the lines meant for it are not read at the list.
    let (out, ended) = run_strict(&ctx, Some("Test claimant Z"), &lines(&["1", "2"]));
    assert_eq!(ended, Ended::Stopped { line: 0 }, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("Stopped before the first line of input, at: resume Test claimant Z.")
    );
    assert_eq!(read_lines(&out.transcript), 0);
}

#[test]
fn typed_at_a_terminal_the_same_line_is_asked_again() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let out = run(
        &ctx,
        None,
        &lines(&["Test claimant A", "soon", "17/05/1980", "quit"]),
    );
    assert!(!out.stdout.contains("Stopped"));
    assert_eq!(
        session(&ctx, "Test claimant A")
            .claimant
            .date_of_birth
            .map(|d| d.to_string())
            .as_deref(),
        Some("1980-05-17")
    );
}
