//! One clock per run: `--now` (or `ESA_INTERVIEW_NOW`) fixes the interview date, the
//! `created` and `changed` stamps, purge cut-offs and the days left to a deadline, so a run
//! given a moment never mixes it with the wall clock. Each test picks a moment years from the
//! day it is written, so a binary that read the wall clock anywhere would fail it.
#![cfg(unix)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_esa-interview");

fn run(dir: &Path, env_now: Option<&str>, args: &[&str], input: &str) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.arg("--data-dir").arg(dir).args(args);
    cmd.env_remove("ESA_INTERVIEW_NOW");
    if let Some(now) = env_now {
        cmd.env("ESA_INTERVIEW_NOW", now);
    }
    let mut child = cmd
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

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

fn session_file(dir: &Path) -> String {
    let file = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().ends_with(".toml"))
        .expect("a session file");
    std::fs::read_to_string(file.path()).unwrap()
}

#[test]
fn now_sets_the_interview_date_and_the_stamps_and_list_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let now = ["--now", "2031-03-02T08:15:00"];
    let out = run(
        dir.path(),
        None,
        &[&["--plain"], &now[..]].concat(),
        "Test claimant Z\nquit\n",
    );
    assert!(out.status.success(), "{}", text(&out));
    let file = session_file(dir.path());
    for line in [
        "interview_date = 2031-03-02",
        "created = 2031-03-02T08:15:00",
        "changed = 2031-03-02T08:15:00",
    ] {
        assert!(file.contains(line), "{line} in {file}");
    }
    let out = run(dir.path(), None, &[&now[..], &["list"]].concat(), "");
    assert!(
        text(&out).contains("2031-03-02 08:15  Test claimant Z"),
        "{}",
        text(&out)
    );
}

#[test]
fn the_environment_variable_sets_the_clock_as_the_flag_does() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        Some("2032-07-09T16:00:00"),
        &["--plain"],
        "Test claimant Y\nquit\n",
    );
    assert!(out.status.success(), "{}", text(&out));
    let file = session_file(dir.path());
    assert!(
        file.contains("interview_date = 2032-07-09")
            && file.contains("changed = 2032-07-09T16:00:00"),
        "{file}"
    );
}

#[test]
fn today_alone_moves_the_stamps_to_that_date() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        None,
        &["--plain", "--today", "2033-01-17"],
        "Test claimant X\nquit\n",
    );
    assert!(out.status.success(), "{}", text(&out));
    let file = session_file(dir.path());
    assert!(
        file.contains("interview_date = 2033-01-17") && file.contains("created = 2033-01-17T"),
        "{file}"
    );
}

#[test]
fn purge_counts_its_period_back_from_now() {
    let dir = tempfile::tempdir().unwrap();
    let write = |id: &str, changed: &str| {
        std::fs::write(
            dir.path().join(format!("{id}.toml")),
            format!(
                "format = 1\nreference = \"Test claimant {id}\"\nchanged = {changed}\n[claimant]\n"
            ),
        )
        .unwrap();
    };
    write("0000aaaa", "2030-01-01T00:00:00");
    write("0000bbbb", "2030-01-03T00:00:00");
    let out = run(
        dir.path(),
        None,
        &[
            "--now",
            "2030-02-01T12:00:00",
            "purge",
            "--older-than",
            "30d",
        ],
        "",
    );
    let said = text(&out);
    assert!(
        out.status.success()
            && said.contains("Deleted 1 session last changed on or before 2030-01-02 12:00"),
        "{said}"
    );
    assert!(!dir.path().join("0000aaaa.toml").exists());
    assert!(dir.path().join("0000bbbb.toml").exists());
}

#[test]
fn days_left_are_counted_from_now() {
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/assess/decision-only.toml");
    let dir = tempfile::tempdir().unwrap();
    for (now, left) in [
        ("2026-06-01T10:30:00", "10 days left"),
        ("2026-06-10T23:59:00", "1 day left"),
    ] {
        let out = run(
            dir.path(),
            None,
            &["--now", now, "assess", case.to_str().unwrap()],
            "",
        );
        let said = text(&out);
        assert!(
            said.contains(&format!("last day Thursday 11 June 2026 ({left})")),
            "{now}: {said}"
        );
    }
}

#[test]
fn a_moment_that_is_not_one_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), None, &["--now", "yesterday", "list"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("--now: `yesterday` is not a moment"),
        "{}",
        text(&out)
    );
}
