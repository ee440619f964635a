//! The shape in DESIGN.md, held by a test: the law (`src/rules`) does no I/O, reads no clock,
//! knows no serialisation or terminal; the engine (`src/interview`) knows no terminal and no
//! disk. If this fires, move the code, or split the inner modules into their own crate.

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
