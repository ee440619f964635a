//! Shared by the robustness campaigns (`tests/campaign_*.rs`): how many cases to run (a few
//! inside `cargo test`, many when `scripts/campaign.sh` sets `CAMPAIGN_CASES`), the built-in
//! content loaded once per test binary, a fresh private sessions folder with a fixed "today"
//! and clock, and the line each campaign appends to `$CAMPAIGN_STATS` so the script can write
//! the figures in `docs/robustness.md` from the run itself.
#![allow(dead_code)] // each campaign uses its own part

use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

use chrono::{NaiveDate, NaiveDateTime};
use esa_interview::app::{Clock, Context};
use esa_interview::content::{self, Content};
use esa_interview::store::Store;

/// The interview date in every campaign.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A clock that never moves.
pub fn clock() -> NaiveDateTime {
    today().and_hms_opt(10, 30, 0).unwrap()
}

/// The built-in content, parsed once per test binary.
pub fn content() -> Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(content::load_embedded).clone()
}

/// A context over `dir` (made private first, so no permissions warning appears).
pub fn context(dir: &Path) -> Context {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    let (store, store_warnings) = Store::open(dir).expect("the temporary folder opens");
    Context {
        content: content().into(),
        store,
        store_warnings,
        today: today(),
        clock: Clock::Fixed(clock()),
    }
}

/// Cases to run: `CAMPAIGN_CASES` when set (the long campaign), else `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("CAMPAIGN_CASES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(default)
}

/// Appends `name key=value ...` to the file named by `CAMPAIGN_STATS`, if set, and says it on
/// standard error (shown with `--nocapture`).
pub fn record(name: &str, figures: &[(&str, u64)]) {
    let line = std::iter::once(name.to_string())
        .chain(figures.iter().map(|(k, v)| format!("{k}={v}")))
        .collect::<Vec<_>>()
        .join(" ");
    eprintln!("{line}");
    if let Some(path) = std::env::var_os("CAMPAIGN_STATS") {
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .expect("the stats file opens");
        writeln!(f, "{line}").expect("the stats file is written");
    }
}

/// Printable characters a person (or a paste from another program) might type: letters,
/// digits, punctuation, accented letters, other scripts, emoji, wide and combining characters,
/// a zero-width space and a tab.
pub const CHARS: &[char] = &[
    'a',
    'b',
    'e',
    'k',
    'n',
    'p',
    'q',
    'r',
    's',
    't',
    'x',
    'y',
    'A',
    'N',
    'Q',
    'Y',
    '0',
    '1',
    '2',
    '3',
    '4',
    '5',
    '7',
    '9',
    ' ',
    ' ',
    ' ',
    '.',
    ',',
    '/',
    '-',
    ':',
    ';',
    '\'',
    '"',
    '!',
    '?',
    '(',
    ')',
    '\u{a3}',
    '&',
    '%',
    '+',
    '*',
    '=',
    '_',
    '#',
    '@',
    '~',
    '<',
    '>',
    '[',
    ']',
    '{',
    '}',
    '|',
    '\\',
    '\t',
    '\u{e9}',
    '\u{fc}',
    '\u{df}',
    '\u{f1}',
    '\u{416}',
    '\u{4e2d}',
    '\u{d55c}',
    '\u{1f600}',
    '\u{301}',
    '\u{200b}',
];
