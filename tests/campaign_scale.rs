//! Campaign 5, scale, as behaviour (the timings are in bench/scale.sh, not here): with many
//! sessions saved, the plain mode's start says the most recent twenty, not every one, and a
//! reference or part of one finds any of the others; the full-screen start screen filters as
//! the reference is typed. Found by the scale benchmark: with 10,000 sessions the plain mode
//! said 10,000 lines before its first question.

mod campaign_common;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use esa_interview::app::{Context, PlainReason};
use esa_interview::interview::Session;
use esa_interview::plain;
use esa_interview::store::to_text;
use esa_interview::tui::app::App;

use campaign_common::{context, today};

/// A folder of `n` sessions, "Test claimant 00000" the most recently changed.
fn many(n: usize) -> (tempfile::TempDir, Context) {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    for i in 0..n {
        let mut s = Session::new(&format!("Test claimant {i:05}"), today());
        let minutes = i64::try_from(n - i).unwrap();
        s.changed = Some(esa_interview::content::date::Stamp(
            campaign_common::clock() - chrono::Duration::minutes(minutes),
        ));
        let path = ctx.store.path_of(&format!("s{i}x"));
        std::fs::write(path, to_text(&s).unwrap()).unwrap();
    }
    (dir, ctx)
}

fn plain_run(ctx: &Context, lines: &[&str]) -> String {
    let input = lines.join("\n") + "\n";
    let mut out = Vec::new();
    let options = plain::Options::default();
    plain::run_with(
        input.as_bytes(),
        &mut out,
        ctx,
        None,
        PlainReason::Flag,
        options,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_plain_start_says_the_recent_sessions_and_finds_any_other_by_part_of_its_reference() {
    let (_dir, ctx) = many(300);
    let said = plain_run(&ctx, &["quit"]);
    let before_question = said
        .lines()
        .take_while(|l| !l.starts_with("Question:"))
        .count();
    assert!(
        before_question < 30,
        "{before_question} lines before the first question:\n{said}"
    );
    assert!(
        said.contains("300 sessions are saved; the 20 most recently changed:"),
        "{said}"
    );
    assert!(said.contains("1) Test claimant 00299") && !said.contains("Test claimant 00279"));
    assert!(said.contains("To find another, type its reference or part of it."));

    let said = plain_run(&ctx, &["claimant 0004", "quit"]);
    assert!(
        said.contains("11 sessions match \"claimant 0004\":"),
        "{said}"
    );
    assert!(
        said.contains("256) Test claimant 00044"),
        "listed with its number: {said}"
    );
    let said = plain_run(&ctx, &["256", "quit"]);
    assert!(said.contains("Session: Test claimant 00044"), "{said}");

    let said = plain_run(&ctx, &["claimant 00042", "quit"]);
    assert!(
        said.contains("Session: Test claimant 00042"),
        "part of a reference opens it:\n{said}"
    );

    let said = plain_run(&ctx, &["nobody", "quit"]);
    assert!(
        said.contains("Error: \"nobody\" is not a number from 1 to 300"),
        "{said}"
    );
}

#[test]
fn the_start_screen_lists_and_filters_many_sessions_as_the_reference_is_typed() {
    let (_dir, ctx) = many(300);
    let mut app = App::new(&ctx, None, (80, 24), false);
    assert_eq!(app.start().unwrap().filtered().len(), 300);
    for c in "claimant 0004".chars() {
        app.event(&Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    let shown: Vec<&str> = app
        .start()
        .unwrap()
        .filtered()
        .iter()
        .map(|s| s.reference.as_str())
        .collect();
    assert_eq!(shown.len(), 10, "{shown:?}");
    assert!(shown.iter().all(|r| r.starts_with("Test claimant 0004")));
}
