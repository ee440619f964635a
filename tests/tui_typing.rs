//! Typing is typing: while a text field has the focus, every printable key types into it, on
//! every screen, and no key typed there opens, changes or saves a session. Walkthrough B1: a
//! `j` in a claimant reference moved into the session list, the space opened another
//! claimant's session and the rest of the name ran as commands on it.

mod tui_common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use esa_interview::tui::app::App;
use tui_common::{context, go, press, screen_text, started, type_text};

/// Every printable ASCII character, space to tilde.
fn printable() -> String {
    (0x20u8..=0x7e).map(char::from).collect()
}

/// Every file under `dir` with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// Two saved sessions with answers, a descriptor and a note, so a stray key has something to
/// change.
fn two_sessions(ctx: &esa_interview::app::Context) {
    for r in ["Test claimant Jo", "Test claimant Kim"] {
        let mut app = App::new(ctx, None, (80, 24), false);
        type_text(&mut app, r);
        press(&mut app, &["Enter"]);
        go(&mut app, "4.12");
        press(&mut app, &["Space", "m"]);
        type_text(&mut app, "A fictional note.");
        press(&mut app, &["Esc", "q"]);
    }
    assert_eq!(ctx.store.list().len(), 2);
}

#[test]
fn every_printable_character_types_into_the_reference_with_sessions_listed() {
    let (ctx, dir) = context();
    two_sessions(&ctx);
    let before = files(dir.path());
    let mut app = App::new(&ctx, None, (80, 24), false);
    // Each character typed while both sessions are listed (the prefix matches them both).
    type_text(&mut app, "claimant");
    for c in printable().chars() {
        assert!(
            screen_text(&app).contains("2 of 2 match"),
            "listed before {c:?}"
        );
        type_text(&mut app, &c.to_string());
        let start = app
            .start()
            .unwrap_or_else(|| panic!("{c:?} left the start screen"));
        assert_eq!(start.reference.text(), format!("claimant{c}"), "{c:?}");
        assert!(start.is_typing(), "{c:?} moved the focus out of the field");
        assert!(
            start.confirm.is_none() && !start.help,
            "{c:?} opened a window"
        );
        press(&mut app, &["Backspace"]);
    }
    // And all of them in one go, as a reference is typed.
    press(&mut app, &["Esc"]);
    type_text(&mut app, &printable());
    let start = app.start().expect("still on the start screen");
    assert_eq!(start.reference.text(), printable());
    assert!(start.is_typing());
    drop(app);
    assert_eq!(files(dir.path()), before, "a session file changed");
}

#[test]
fn every_printable_character_types_into_the_interview_date() {
    let (ctx, dir) = context();
    two_sessions(&ctx);
    let before = files(dir.path());
    let mut app = App::new(&ctx, None, (80, 24), false);
    press(&mut app, &["Tab"]);
    let date = app.start().unwrap().date.text().to_string();
    type_text(&mut app, &printable());
    let start = app.start().expect("still on the start screen");
    assert_eq!(start.date.text(), format!("{date}{}", printable()));
    assert!(start.is_typing());
    drop(app);
    assert_eq!(files(dir.path()), before, "a session file changed");
}

#[test]
fn down_leaves_the_reference_for_the_list_as_the_footer_says() {
    let (ctx, _dir) = context();
    two_sessions(&ctx);
    let mut app = App::new(&ctx, None, (80, 24), false);
    type_text(&mut app, "kim");
    assert!(screen_text(&app).contains("Down"), "the footer names Down");
    press(&mut app, &["Down"]);
    assert!(!app.start().unwrap().is_typing());
    press(&mut app, &["Enter"]);
    assert_eq!(
        app.interview().expect("opened").vm.reference,
        "Test claimant Kim"
    );
}

#[test]
fn every_printable_character_types_into_a_question_and_the_go_window() {
    let (ctx, _dir) = context();
    let mut app = started(&ctx, 80, 24);
    // The first question is a date field: Enter opens it for typing.
    press(&mut app, &["Enter"]);
    type_text(&mut app, &printable());
    let it = app.interview().unwrap();
    let (_, edit) = it.typing.as_ref().expect("still typing");
    assert_eq!(edit.text(), printable());
    assert_eq!(it.vm.place.stage_number, 1);
    assert!(it.overlay.is_none() && it.note.is_none());
    press(&mut app, &["Esc", "g"]);
    type_text(&mut app, &printable());
    let it = app.interview().unwrap();
    match &it.overlay {
        Some(esa_interview::tui::overlay::Overlay::Go { edit, .. }) => {
            assert_eq!(edit.text(), printable());
        }
        other => panic!("the go window closed: {other:?}"),
    }
}
