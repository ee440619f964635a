//! Every screen of the full-screen interview drawn on a `TestBackend` at 80x24 and 120x40, with
//! insta snapshots (review changes with `cargo insta review`). "Today" and the clock are fixed,
//! so nothing drifts. The texts come from content: when the full status, residency and NI
//! content or the deadline rules merge, these snapshots are re-accepted after reading them.

mod tui_common;

use esa_interview::tui::app::App;
use tui_common::{context, draw, go, press, started, type_text};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snap(name: &str, app: &App) {
    let (w, h) = app.size();
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(app).backend());
}

/// Snapshots a screen at both sizes after `setup`.
fn both(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let (ctx, _dir) = context();
        let mut app = started(&ctx, w, h);
        setup(&mut app);
        snap(name, &app);
    }
}

#[test]
fn stage_1_status_with_an_answer_and_a_refused_date() {
    both("stage1_status", |app| {
        press(app, &["Enter"]);
        type_text(app, "17/05/1980");
        press(app, &["Enter", "Down", "Enter"]);
        type_text(app, "31/02/2026");
        press(app, &["Enter"]);
    });
}

#[test]
fn stage_2_residency() {
    both("stage2_residency", |app| go(app, "2"));
}

#[test]
fn stage_3_contributions() {
    both("stage3_contributions", |app| go(app, "3"));
}

#[test]
fn stage_4_activity_with_a_descriptor_that_does_not_count() {
    both("stage4_activity1", |app| {
        go(app, "4.1");
        // (b) then (a): (b) is chosen but does not count.
        press(app, &["Down", "Space", "Up", "Space"]);
    });
}

#[test]
fn stage_4_a_mental_activity() {
    both("stage4_activity15", |app| go(app, "4.15"));
}

#[test]
fn stage_5_support_group() {
    both("stage5_support_group", |app| {
        go(app, "5");
        press(app, &["Space"]);
    });
}

#[test]
fn stage_6_exceptional_routes() {
    both("stage6_exceptional", |app| go(app, "6"));
}

#[test]
fn stage_7_outcome_after_15_points() {
    both("stage7_outcome", |app| {
        go(app, "4.1");
        press(app, &["Space"]);
        go(app, "7");
    });
}

#[test]
fn stage_8_routes() {
    both("stage8_routes", |app| go(app, "8"));
}

#[test]
fn the_review_page() {
    both("review", |app| {
        go(app, "4.1");
        press(app, &["Down", "Space"]);
        press(app, &["r"]);
    });
}

#[test]
fn the_notes_page() {
    both("notes", |app| {
        press(app, &["m"]);
        type_text(app, "Works part time.");
        press(app, &["Esc"]);
        press(app, &["M"]);
    });
}

#[test]
fn the_note_editor_open() {
    both("note_editor", |app| {
        go(app, "4.1");
        press(app, &["m"]);
        type_text(app, "Stops after about 40 metres; needs a long rest.");
    });
}

#[test]
fn the_windows_help_go_tally_and_export() {
    both("help", |app| press(app, &["?"]));
    both("go", |app| {
        press(app, &["g"]);
        type_text(app, "zz");
        press(app, &["Enter"]);
    });
    both("tally", |app| {
        go(app, "4.1");
        press(app, &["Space", "t"]);
    });
    both("export", |app| press(app, &["x", "Down"]));
}

#[test]
fn the_start_screen_new_and_with_sessions() {
    for (w, h) in SIZES {
        let (ctx, _dir) = context();
        let app = App::new(&ctx, None, (w, h), false);
        snap("start_empty", &app);
        let mut app = started(&ctx, w, h);
        press(&mut app, &["q"]);
        let mut app = App::new(&ctx, None, (w, h), false);
        type_text(&mut app, "claimant");
        press(&mut app, &["Down"]);
        snap("start_listed", &app);
        press(&mut app, &["Delete"]);
        snap("start_delete_confirm", &app);
    }
}

#[test]
fn narrow_screens_put_the_tally_under_the_stage_and_tiny_ones_say_too_small() {
    for (w, h) in [(60, 20), (40, 12), (39, 12), (30, 10)] {
        let (ctx, _dir) = context();
        let mut app = started(&ctx, w, h);
        go(&mut app, "4.1");
        press(&mut app, &["Space"]);
        snap("narrow_activity", &app);
    }
}
