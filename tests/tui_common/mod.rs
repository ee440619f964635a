//! Shared helpers for the TUI tests: a run context with a fixed "today" and clock and a
//! temporary sessions folder, key presses by the command table's names, and drawing on a
//! `TestBackend` at a given size.
#![allow(dead_code)] // each test file uses some of these

use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use esa_interview::app::{Clock, Context};
use esa_interview::content;
use esa_interview::store::Store;
use esa_interview::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The interview date in every test.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A clock that never moves, so "last changed" stamps do not drift.
pub fn fixed_clock() -> NaiveDateTime {
    today().and_hms_opt(10, 30, 0).unwrap()
}

/// A context on a fresh temporary folder (kept alive by the returned guard).
pub fn context() -> (Context, tempfile::TempDir) {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // Private, as a real sessions folder is, so no permissions warning varies the snapshots.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    let (store, store_warnings) = Store::open(dir.path()).unwrap();
    let ctx = Context {
        content: content::load_embedded().into(),
        store,
        store_warnings,
        today: today(),
        clock: Clock::Fixed(fixed_clock()),
    };
    (ctx, dir)
}

/// A key event from a command-table name: "Enter", "Esc", "Down", "Ctrl-S", "Shift-Tab", "x".
pub fn key(name: &str) -> KeyEvent {
    let none = KeyModifiers::NONE;
    let (code, m) = match name {
        "Enter" => (KeyCode::Enter, none),
        "Esc" => (KeyCode::Esc, none),
        "Up" => (KeyCode::Up, none),
        "Down" => (KeyCode::Down, none),
        "Left" => (KeyCode::Left, none),
        "Right" => (KeyCode::Right, none),
        "Tab" => (KeyCode::Tab, none),
        "Shift-Tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "Space" => (KeyCode::Char(' '), none),
        "PgDn" => (KeyCode::PageDown, none),
        "PgUp" => (KeyCode::PageUp, none),
        "Delete" => (KeyCode::Delete, none),
        "Backspace" => (KeyCode::Backspace, none),
        "Home" => (KeyCode::Home, none),
        "End" => (KeyCode::End, none),
        "Insert" => (KeyCode::Insert, none),
        "Release" => {
            // A key release, which terminals with the kitty protocol send: it must do nothing.
            let mut k = KeyEvent::new(KeyCode::Char('q'), none);
            k.kind = crossterm::event::KeyEventKind::Release;
            return k;
        }
        n if n.starts_with('F') && n.len() > 1 && n[1..].parse::<u8>().is_ok() => {
            (KeyCode::F(n[1..].parse().unwrap()), none)
        }
        n if n.starts_with("Ctrl-") => (
            KeyCode::Char(n[5..].to_ascii_lowercase().chars().next().unwrap()),
            KeyModifiers::CONTROL,
        ),
        n if n.chars().count() == 1 => (KeyCode::Char(n.chars().next().unwrap()), none),
        n => panic!("unknown key name {n}"),
    };
    KeyEvent::new(code, m)
}

/// Presses keys by name.
pub fn press(app: &mut App, names: &[&str]) {
    for n in names {
        app.key(&key(n));
    }
}

/// Types text character by character.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

/// A new app at a size, with a session started for "Test claimant A".
pub fn started(ctx: &Context, w: u16, h: u16) -> App<'_> {
    let mut app = App::new(ctx, None, (w, h), false);
    type_text(&mut app, "Test claimant A");
    press(&mut app, &["Enter"]);
    assert!(app.interview().is_some(), "the session did not start");
    app
}

/// Goes to a screen with the "go to" window.
pub fn go(app: &mut App, target: &str) {
    press(app, &["g"]);
    type_text(app, target);
    press(app, &["Enter"]);
}

/// Draws the app on a test terminal of its size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.size();
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    t
}

/// The screen as text lines.
pub fn screen(app: &App) -> Vec<String> {
    let t = draw(app);
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

/// The whole screen as one string.
pub fn screen_text(app: &App) -> String {
    screen(app).join("\n")
}
