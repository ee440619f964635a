//! The shape in DESIGN.md, held by a test: the law (`src/rules`) does no I/O, reads no clock,
//! knows no serialisation or terminal; the engine (`src/interview`) knows no terminal, no disk
//! and nothing of the rings outside it; the evaluation and its findings know no screen; the
//! exports render the evaluation, never the screens' view model; the two front ends depend on
//! the engine, not on each other, and the plain mode never touches the terminal libraries;
//! both change a session only through `OpenSession` (its read-only and save policy).
//! If this fires, move the code, or split the inner modules into their own crate.

use std::path::Path;

fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    out
}

fn check(dir: &str, forbidden: &[&str]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut found = Vec::new();
    for (file, text) in sources(&root) {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for f in forbidden {
                if code.contains(f) {
                    found.push(format!("{file}:{}: `{f}`", n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "{dir} must not use:\n{}",
        found.join("\n")
    );
}

/// Like `check`, for whole names: `view` is forbidden, `interview` is not. Catches a module
/// reached through a grouped import (`use crate::interview::{view, Session}`).
fn check_names(dir: &str, forbidden: &[&str]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut found = Vec::new();
    for (file, text) in sources(&root) {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for name in code.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                if forbidden.contains(&name) {
                    found.push(format!("{file}:{}: `{name}`", n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "{dir} must not name:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_rules_are_pure() {
    check(
        "src/rules",
        &[
            "std::fs",
            "std::io",
            "std::env",
            "ratatui",
            "crossterm",
            "serde",
            "toml::",
            "Local::now",
            "Utc::now",
            "SystemTime",
            "Instant::now",
            "println!",
            "eprintln!",
        ],
    );
}

#[test]
fn the_engine_knows_no_terminal_and_no_disk() {
    check(
        "src/interview",
        &[
            "std::fs",
            "ratatui",
            "crossterm",
            "Local::now",
            "Utc::now",
            "SystemTime",
            "println!",
            "eprintln!",
        ],
    );
}

#[test]
fn content_does_not_reach_outward() {
    check(
        "src/content",
        &[
            "crate::interview",
            "crate::tui",
            "crate::plain",
            "crate::store",
            "ratatui",
            "crossterm",
        ],
    );
}

#[test]
fn the_engine_reaches_no_outer_ring() {
    check(
        "src/interview",
        &[
            "crate::report",
            "crate::tui",
            "crate::plain",
            "crate::store",
            "crate::shell",
            "crate::cli",
            "crate::app",
        ],
    );
}

#[test]
fn the_evaluation_and_its_findings_know_no_screen() {
    for dir in ["src/interview/evaluate", "src/interview/findings"] {
        check(dir, &["ratatui", "crossterm"]);
        check_names(dir, &["view", "view_of", "ViewModel", "Screen"]);
    }
    check("src/interview/evaluate", &["findings"]);
}

#[test]
fn exports_render_the_evaluation_not_the_screens() {
    check(
        "src/report",
        &[
            "interview::view",
            "crate::tui",
            "crate::plain",
            "ratatui",
            "crossterm",
        ],
    );
    check_names("src/report", &["view", "view_of", "ViewModel", "Screen"]);
}

#[test]
fn the_plain_mode_never_touches_the_terminal_libraries() {
    check("src/plain", &["ratatui", "crossterm", "crate::tui"]);
}

#[test]
fn the_full_screen_program_does_not_reach_into_the_plain_mode() {
    check("src/tui", &["crate::plain"]);
}

#[test]
fn the_front_ends_change_a_session_only_through_the_open_session() {
    for dir in ["src/tui", "src/plain"] {
        check_names(dir, &["update"]);
        check(
            dir,
            &[
                "store::Handle::save",
                ".save(ctx.clock",
                "save(self.ctx.clock",
            ],
        );
    }
}
