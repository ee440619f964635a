//! The full-screen front end driven by key presses without a terminal: what the keys do to the
//! session (and the file on disk), and the cells that carry focus and warnings.

mod tui_common;

use std::collections::HashMap;

use crossterm::event::Event;
use esa_interview::interview::commands::COMMANDS;
use esa_interview::interview::view::Screen;
use esa_interview::store::Access;
use esa_interview::tui::app::App;
use esa_interview::tui::interview::Control;
use esa_interview::tui::overlay::help_lines;
use ratatui::style::Modifier;
use tui_common::{context, draw, go, key, press, screen, screen_text, started, type_text};

/// The points the chosen descriptors give, worked out from content alone: the highest chosen
/// descriptor of each activity.
fn expected_total(app: &App, ctx: &esa_interview::app::Context) -> u32 {
    let chosen = &app.interview().unwrap().handle.session.wca.descriptors;
    let mut best: HashMap<&str, u32> = HashMap::new();
    for a in &ctx.content.wca.schedule2.activities {
        for d in &a.descriptors {
            if chosen.contains(&d.id) {
                let e = best.entry(a.id.as_str()).or_default();
                *e = (*e).max(d.points);
            }
        }
    }
    best.values().sum()
}

#[test]
fn an_adviser_walks_every_screen_at_80x24_with_the_tally_right_at_every_step() {
    let (ctx, _dir) = context();
    let mut app = started(&ctx, 80, 24);
    let screens = esa_interview::interview::step::sequence(&ctx.content).len();
    let mut seen_outcome = false;
    for i in 0..screens {
        let text = screen_text(&app);
        let want = expected_total(&app, &ctx);
        let flat: Vec<String> = screen(&app)
            .iter()
            .map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert!(
            flat.iter()
                .any(|r| r.contains(&format!("Total {want} of 15"))),
            "screen {i}: the tally should say {want} of 15:\n{text}"
        );
        if let Screen::Activity(a) = &app.interview().unwrap().vm.screen {
            // Choose the second descriptor of every other activity, and on activity 3 the first.
            if a.number % 2 == 1 {
                if a.number != 3 {
                    press(&mut app, &["Down"]);
                }
                press(&mut app, &["Space"]);
            }
        }
        if matches!(app.interview().unwrap().vm.screen, Screen::Outcome { .. }) {
            seen_outcome = true;
            assert!(text.contains("Limited capability for work: met"), "{text}");
        }
        press(&mut app, &["PgDn"]);
    }
    assert!(seen_outcome);
    let it = app.interview().unwrap();
    assert!(
        matches!(it.vm.screen, Screen::Routes { .. }),
        "ends on the routes"
    );
    assert!(expected_total(&app, &ctx) >= 15);
}

#[test]
fn focus_is_a_marker_and_reverse_video_on_a_short_span_with_the_cursor_on_it() {
    let (ctx, _dir) = context();
    let mut app = started(&ctx, 80, 24);
    go(&mut app, "4.1");
    let rows = screen(&app);
    let a_row = rows
        .iter()
        .position(|r| r.starts_with("> [ ] a"))
        .expect("(a) focused");
    let mut t = draw(&app);
    let buf = t.backend().buffer().clone();
    let y = u16::try_from(a_row).unwrap();
    for x in 0..8 {
        assert!(
            buf[(x, y)].modifier.contains(Modifier::REVERSED),
            "cell {x}"
        );
    }
    assert!(
        !buf[(8, y)].modifier.contains(Modifier::REVERSED),
        "only a short span"
    );
    let cursor = t.get_cursor_position().unwrap();
    assert_eq!(
        (cursor.x, cursor.y),
        (0, y),
        "the terminal cursor is on the marker"
    );
    press(&mut app, &["j"]);
    let rows = screen(&app);
    assert!(
        rows[a_row].starts_with("  [ ] a"),
        "the old row loses the marker"
    );
    let t = draw(&app);
    assert!(
        !t.backend().buffer()[(0, y)]
            .modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn a_refused_answer_is_shown_next_to_its_field_with_a_word_not_only_a_style() {
    let (ctx, _dir) = context();
    let mut app = started(&ctx, 80, 24);
    press(&mut app, &["Enter"]);
    type_text(&mut app, "31/02/2026");
    press(&mut app, &["Enter"]);
    let rows = screen(&app);
    let y = rows
        .iter()
        .position(|r| r.contains("Error: `31/02/2026` is not a real date"))
        .unwrap();
    let t = draw(&app);
    let x = u16::try_from(rows[y].find("Error").unwrap()).unwrap();
    assert!(
        t.backend().buffer()[(x, u16::try_from(y).unwrap())]
            .modifier
            .contains(Modifier::BOLD)
    );
    assert!(
        app.interview()
            .unwrap()
            .handle
            .session
            .claimant
            .date_of_birth
            .is_none()
    );
}

#[test]
fn letters_type_in_a_field_and_esc_cancels_the_edit() {
    let (ctx, _dir) = context();
    let mut app = started(&ctx, 80, 24);
    press(&mut app, &["Enter"]);
    type_text(&mut app, "qnpg?");
    assert!(screen_text(&app).contains("Type: qnpg?"));
    press(&mut app, &["Esc"]);
    let it = app.interview().unwrap();
    assert!(it.typing.is_none());
    assert!(it.handle.session.claimant.date_of_birth.is_none());
    assert_eq!(it.vm.place.stage_number, 1, "no letter moved the screen");
}

#[test]
fn every_change_is_saved_at_once() {
    let (ctx, _dir) = context();
    let mut app = started(&ctx, 80, 24);
    go(&mut app, "4.1");
    press(&mut app, &["Space"]);
    let id = app.interview().unwrap().handle.id.clone();
    let on_disk = ctx.store.open_session(&id, Access::ReadOnly).unwrap();
    assert_eq!(on_disk.session.wca.descriptors, vec!["lcw.1.a".to_string()]);
    assert_eq!(on_disk.session.position.step.as_deref(), Some("lcw.1"));
}

#[test]
fn a_save_that_fails_is_shown_keeps_the_session_and_is_retried_on_the_next_change() {
    let (ctx, dir) = context();
    let mut app = started(&ctx, 80, 24);
    go(&mut app, "4.1");
    std::fs::remove_dir_all(dir.path()).unwrap();
    press(&mut app, &["Space"]);
    let text = screen_text(&app);
    assert!(text.contains("[NOT SAVED]"), "{text}");
    assert!(text.contains("Not saved:"), "{text}");
    assert!(
        text.contains("Total 15 of 15") || text.contains("15 of 15"),
        "the answer is kept"
    );
    std::fs::create_dir_all(dir.path()).unwrap();
    press(&mut app, &["Down", "Space"]);
    assert!(!screen_text(&app).contains("NOT SAVED"));
    let id = app.interview().unwrap().handle.id.clone();
    let on_disk = ctx.store.open_session(&id, Access::ReadOnly).unwrap();
    assert_eq!(on_disk.session.wca.descriptors.len(), 2);
}

#[test]
fn quitting_saves_and_leaves() {
    let (ctx, _dir) = context();
    let mut app = started(&ctx, 80, 24);
    assert_eq!(app.key(&key("q")), Control::Quit);
}

#[test]
fn notes_keep_several_lines_pastes_and_when_they_changed() {
    let (ctx, _dir) = context();
    let mut app = started(&ctx, 80, 24);
    press(&mut app, &["m"]);
    type_text(&mut app, "First line");
    press(&mut app, &["Enter"]);
    app.event(&Event::Paste("pasted, with q and n".into()));
    press(&mut app, &["Esc"]);
    let note = &app.interview().unwrap().handle.session.notes["status"];
    assert_eq!(note.text, "First line\npasted, with q and n");
    assert_eq!(note.changed.unwrap().to_string(), "2026-11-25 10:30");
    assert!(screen_text(&app).contains("(changed 2026-11-25 10:30)"));
}

#[test]
fn go_review_and_routes_jump_and_back_returns() {
    let (ctx, _dir) = context();
    let mut app = started(&ctx, 80, 24);
    go(&mut app, "mobilising");
    assert!(matches!(
        app.interview().unwrap().vm.screen,
        Screen::Activity(_)
    ));
    go(&mut app, "nowhere");
    assert!(screen_text(&app).contains("Nothing matches `nowhere`"));
    press(&mut app, &["Esc", "r"]);
    assert!(matches!(
        app.interview().unwrap().vm.screen,
        Screen::Review { .. }
    ));
    // Down to the first activity's line and Enter jumps there.
    while !screen(&app).iter().any(|r| r.starts_with("> 4.1")) {
        press(&mut app, &["Down"]);
    }
    press(&mut app, &["Enter"]);
    assert_eq!(app.interview().unwrap().vm.place.code, "4.1");
    press(&mut app, &["a"]);
    assert!(matches!(
        app.interview().unwrap().vm.screen,
        Screen::Routes { .. }
    ));
    press(&mut app, &["p"]);
    assert_eq!(app.interview().unwrap().vm.place.code, "4.1");
}

#[test]
fn export_writes_a_file_and_shows_its_path() {
    let (ctx, _dir) = context();
    let mut app = started(&ctx, 100, 30);
    press(&mut app, &["x", "Enter"]);
    let text = screen(&app).join("");
    assert!(text.contains("Written to"), "{text}");
    let id = &app.interview().unwrap().handle.id;
    assert!(
        ctx.store
            .dir()
            .join("exports")
            .join(format!("{id}.md"))
            .exists()
    );
}

#[test]
fn the_start_screen_filters_resumes_and_deletes_after_asking() {
    let (ctx, _dir) = context();
    for r in ["Test claimant A", "Test claimant B"] {
        let mut app = App::new(&ctx, None, (80, 24), false);
        type_text(&mut app, r);
        press(&mut app, &["Enter"]);
    }
    let mut app = App::new(&ctx, None, (80, 24), false);
    type_text(&mut app, "claimant b");
    assert!(screen_text(&app).contains("1 of 2 match"));
    press(&mut app, &["Down", "Delete", "n"]);
    assert_eq!(ctx.store.list().len(), 2, "n keeps it");
    press(&mut app, &["Delete", "y"]);
    assert_eq!(ctx.store.list().len(), 1);
    let app = App::new(&ctx, Some("test claimant a"), (80, 24), false);
    assert_eq!(app.interview().unwrap().vm.reference, "Test claimant A");
    let app = App::new(&ctx, Some("Nobody"), (80, 24), false);
    assert!(screen_text(&app).contains("No saved session has the reference Nobody"));
}

#[test]
fn a_new_session_with_a_reference_already_used_is_not_made_twice() {
    let (ctx, _dir) = context();
    started(&ctx, 80, 24);
    let mut app = App::new(&ctx, None, (80, 24), false);
    type_text(&mut app, "Test claimant A");
    press(&mut app, &["Enter"]);
    assert!(app.interview().is_none());
    assert!(screen_text(&app).contains("already exists"));
    assert_eq!(ctx.store.list().len(), 1);
}

#[test]
fn a_read_only_session_can_be_looked_at_but_not_changed() {
    let (ctx, _dir) = context();
    let id = started(&ctx, 80, 24).interview().unwrap().handle.id.clone();
    let handle = ctx.store.open_session(&id, Access::ReadOnly).unwrap();
    let theme = esa_interview::tui::page::Theme { colour: false };
    let mut it = esa_interview::tui::interview::Interview::new(handle, &ctx, (80, 24), theme);
    it.key(&key("n"), &ctx);
    assert_eq!(it.vm.place.stage_number, 2, "moving is allowed");
    go_in(&mut it, &ctx);
    it.key(&key("Space"), &ctx);
    assert!(it.handle.session.wca.descriptors.is_empty());
    assert!(it.message.as_ref().unwrap().1.contains("read-only"));
}

fn go_in(it: &mut esa_interview::tui::interview::Interview, ctx: &esa_interview::app::Context) {
    for k in ["g", "4", "Enter"] {
        it.key(&key(k), ctx);
    }
}

#[test]
fn help_lists_every_key_of_the_command_table() {
    let text: String = help_lines(100)
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    for c in COMMANDS.iter().filter(|c| !c.keys.is_empty()) {
        assert!(
            text.contains(&c.keys.join(", ")),
            "{:?} missing from help",
            c.id
        );
    }
}

#[test]
fn no_size_panics_and_a_resize_redraws_at_the_new_size() {
    let (ctx, _dir) = context();
    let mut app = started(&ctx, 80, 24);
    go(&mut app, "4.1");
    press(&mut app, &["Space", "m"]);
    for (w, h) in [
        (0, 0),
        (1, 1),
        (10, 3),
        (39, 11),
        (40, 12),
        (55, 17),
        (79, 24),
        (80, 24),
        (200, 60),
    ] {
        app.event(&Event::Resize(w, h));
        let t = draw(&app);
        assert_eq!(t.backend().buffer().area.width, w);
    }
    press(&mut app, &["Esc", "?"]);
    for (w, h) in [(0, 0), (5, 2), (41, 13), (120, 40)] {
        app.event(&Event::Resize(w, h));
        draw(&app);
    }
}

#[test]
fn a_claimant_with_a_decision_starts_at_reconsideration_and_appeal() {
    let (ctx, _dir) = context();
    let mut app = App::new(&ctx, None, (80, 24), false);
    type_text(&mut app, "Test claimant D");
    press(&mut app, &["Tab", "Tab"]);
    assert!(
        screen_text(&app).contains("(x) the beginning"),
        "{}",
        screen_text(&app)
    );
    press(&mut app, &["Space"]);
    assert!(screen_text(&app).contains("(x) reconsideration and appeal"));
    press(&mut app, &["Enter"]);
    let text = screen_text(&app);
    assert!(text.contains("Stage 8 of 8"), "{text}");
    let id = ctx.store.find("Test claimant D").unwrap();
    let saved = ctx
        .store
        .open_session(&id, esa_interview::store::Access::ReadOnly)
        .unwrap();
    assert_eq!(saved.session.position.step.as_deref(), Some("routes"));
}

/// Walkthrough M9 (issue 15 point 3): entering the decision date makes a deadline banner
/// appear above the page and findings appear under the field; the page used to move under the
/// focus, which was an index into the old layout, so the next Down only scrolled and the next
/// Enter reopened the date just entered, appending to it. The focus now follows the item.
#[test]
fn no_key_is_swallowed_when_a_deadline_banner_appears() {
    let (ctx, _dir) = context();
    for (w, h) in [(80, 24), (60, 20), (120, 40)] {
        let mut app = started(&ctx, w, h);
        go(&mut app, "8");
        press(&mut app, &["Space", "Down", "Down", "Enter"]);
        type_text(&mut app, "30/10/2026");
        press(&mut app, &["Enter"]);
        let it = app.interview().unwrap();
        assert!(!it.vm.alerts.is_empty(), "{w}x{h}: the banner is up");
        assert!(it.typing.is_none());
        press(&mut app, &["Down", "Enter"]);
        type_text(&mut app, "05/11/2026");
        press(&mut app, &["Enter"]);
        let it = app.interview().unwrap();
        let d = &it.handle.session.decision;
        let shown = |x: &Option<_>| format!("{x:?}");
        assert!(
            shown(&d.decision_date).contains("2026-10-30"),
            "{w}x{h}: the decision date is kept as entered: {d:?}"
        );
        assert!(
            shown(&d.reasons_requested).contains("2026-11-05"),
            "{w}x{h}: the second date went to the next question: {d:?}"
        );
        // Reopening the date just entered selects it: what is typed replaces it.
        press(&mut app, &["Up", "Enter"]);
        type_text(&mut app, "02/11/2026");
        press(&mut app, &["Enter"]);
        let d = &app.interview().unwrap().handle.session.decision;
        assert!(
            format!("{:?}", d.decision_date).contains("2026-11-02"),
            "{w}x{h}: the reopened date was replaced, not appended to: {d:?}"
        );
        let it = app.interview().unwrap();
        // The highlighted item is on screen, with the real cursor on its marker.
        let screen = screen(&app);
        assert!(
            screen.iter().any(|r| r.contains('>')),
            "{w}x{h}: the focus is in view:\n{}",
            screen.join("\n")
        );
        // Start afresh for the next size.
        let id = it.handle.id.clone();
        drop(app);
        ctx.store.delete(&id).ok();
    }
}
