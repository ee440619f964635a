//! Transcript tests of the plain-text mode: a scripted stdin (`tests/transcripts/NAME.in`, `#`
//! lines are comments) and the whole expected output with each typed line shown where it was
//! read (`NAME.out`). Every run's real output is also checked to be linear: no escape
//! sequences, redraws, box-drawing, block or braille characters, and ASCII only.
//!
//! The content on main is a placeholder (one activity, placeholder routes, no deadline rules);
//! when the full content and the deadline rules merge, the transcripts are regenerated with
//! UPDATE_TRANSCRIPTS=1 and read again.

mod plain_common;

use chrono::NaiveDate;
use esa_interview::app::Context;
use esa_interview::interview::{Action, Step, update};
use plain_common::{
    Run, check_transcript, context, linear_problem, run, script_lines, transcripts_dir,
};

fn transcript(name: &str, setup: impl FnOnce(&Context)) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    setup(&ctx);
    let script = std::fs::read_to_string(transcripts_dir().join(format!("{name}.in"))).unwrap();
    let out = run(&ctx, None, &script_lines(&script));
    assert_eq!(linear_problem(&out.stdout), None, "{name}");
    assert!(out.stdout.is_ascii(), "{name}: output is not ASCII");
    let without_input: String = out
        .transcript
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("> "))
        .collect();
    assert_eq!(
        without_input, out.stdout,
        "{name}: the transcript is the output plus input"
    );
    check_transcript(name, &out.transcript);
    out
}

fn nothing(_: &Context) {}

#[test]
fn a_full_interview_typed_from_start_to_end() {
    let out = transcript("full-interview", nothing);
    assert!(
        out.stdout
            .starts_with("Plain-text mode is on because the output is not a terminal.")
    );
    assert!(
        out.stdout
            .contains("Saved: the statement for Test claimant A is in DATA/exports/SESSION-ID.md.")
    );
    assert!(out.stdout.ends_with("Goodbye.\n"));
}

#[test]
fn too_few_points_but_a_substantial_risk_gives_limited_capability_for_work() {
    let out = transcript("substantial-risk", nothing);
    assert!(
        out.stdout
            .contains("Group: the work-related activity group.")
    );
}

#[test]
fn a_support_group_descriptor_with_enough_points_gives_the_support_group() {
    let out = transcript("support-group", nothing);
    assert!(out.stdout.contains("Support group: met"));
}

#[test]
fn the_reconsideration_stage_with_its_deadlines() {
    let out = transcript("deadline", nothing);
    assert!(
        out.stdout
            .contains("End of input.\nSaved: the session for Test claimant D.")
    );
}

#[test]
fn invalid_input_is_refused_with_an_error_and_the_question_again() {
    let out = transcript("invalid-input", nothing);
    let errors = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("Error: "))
        .count();
    assert_eq!(errors, 14, "one error per mistake in the script");
    assert!(out.stdout.ends_with("Goodbye.\n"));
}

/// Saves a session the way any front end does (through the engine and the store), as if at
/// `day` 09:00.
fn saved(ctx: &Context, reference: &str, day: u32, actions: Vec<Action>) {
    let at = NaiveDate::from_ymd_opt(2026, 11, day)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let mut handle = ctx.store.create(reference, ctx.today, at).unwrap();
    for a in actions {
        update(&mut handle.session, a, &ctx.content);
    }
    handle.save(at).unwrap();
}

#[test]
fn a_session_saved_elsewhere_resumes_at_its_screen() {
    let out = transcript("resume", |ctx| {
        let choose = vec![
            Action::Go(Step::Activity(0)),
            Action::Toggle("lcw.1.b".into()),
        ];
        saved(ctx, "Test claimant F", 20, choose);
        saved(ctx, "Test claimant G", 24, vec![Action::Next]);
    });
    assert!(
        out.stdout
            .contains("1) Test claimant G, last changed Tuesday 24 November 2026")
    );
    assert!(out.stdout.contains("Current answer: 2) (b), 9 points."));
}
