//! The pictures in `screenshots/` show what the program shows today. `scripts/screenshots.sh`
//! makes them from the real program; this test replays the same fictional interview
//! (`scripts/screenshots-interview.txt`) and the same keys (`scripts/screenshots-screens.txt`)
//! through the library and checks that the plain-text transcript says the same words, and that
//! each screen's text (`screenshots/NAME.txt`, saved beside its two PNGs) is what the
//! full-screen program draws now. When it fails, run `scripts/screenshots.sh` and commit what
//! changed.

mod plain_common;
mod tui_common;

use std::path::Path;

use esa_interview::app::Context;
use esa_interview::tui::app::App;

/// The screenshots' terminal size.
const SIZE: (u16, u16) = (100, 30);
/// How the transcript shows the temporary sessions folder and the random session id.
const SHOWN_DATA: &str = "/home/adviser/.local/share/esa-interview/sessions";
const SHOWN_ID: &str = "3f9a2c1e";
const REMAKE: &str =
    "the screenshots are out of date: run scripts/screenshots.sh and commit screenshots/";

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs the fictional interview in the plain mode, as the script does in a terminal 100
/// columns wide (it wraps at 99); returns the run and leaves the session in `dir`.
fn interview(dir: &Path) -> (Context, plain_common::Run) {
    let ctx = plain_common::context(dir);
    let lines = plain_common::script_lines(&read("scripts/screenshots-interview.txt"))
        .into_iter()
        .map(|l| format!("{l}\n").into_bytes())
        .collect();
    let run = plain_common::run_bytes(&ctx, None, lines, Some(usize::from(SIZE.0) - 1));
    (ctx, run)
}

#[test]
fn the_plain_transcript_says_what_the_plain_mode_says_today() {
    let dir = tempfile::tempdir().unwrap();
    let (_ctx, run) = interview(dir.path());
    let committed = read("screenshots/plain-transcript.txt");
    let committed: String = committed
        .lines()
        .skip_while(|l| l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
        .replace(SHOWN_DATA, "DATA")
        .replace(SHOWN_ID, "SESSION-ID");
    // Words, not lines: the script's folder name has a different length from the test's, so a
    // line holding it may wrap elsewhere.
    let now: Vec<&str> = run.transcript.split_whitespace().collect();
    let then: Vec<&str> = committed.split_whitespace().collect();
    if let Some(i) = (0..now.len().max(then.len())).find(|&i| now.get(i) != then.get(i)) {
        let around = |w: &[&str]| w[i.saturating_sub(12)..(i + 12).min(w.len())].join(" ");
        panic!(
            "{REMAKE}\nword {i} differs.\nThe program now says: ...{}...\nThe transcript says: ...{}...",
            around(&now),
            around(&then)
        );
    }
}

/// One line of `scripts/screenshots-screens.txt`.
struct Screen {
    name: String,
    resume: Option<String>,
    keys: Vec<Key>,
    wait_for: String,
}

enum Key {
    Named(String),
    Text(String),
}

fn screens() -> Vec<Screen> {
    read("scripts/screenshots-screens.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let parts: Vec<&str> = l.split('|').map(str::trim).collect();
            assert_eq!(parts.len(), 4, "name | arguments | keys | wait for: {l}");
            let resume = match parts[1] {
                "" => None,
                a => Some(
                    a.strip_prefix("resume ")
                        .unwrap_or_else(|| panic!("only `resume REF` is understood: {a}"))
                        .trim_matches('"')
                        .to_string(),
                ),
            };
            Screen {
                name: parts[0].to_string(),
                resume,
                keys: keys(parts[2]),
                wait_for: parts[3].to_string(),
            }
        })
        .collect()
}

/// Key names separated by spaces; "quoted text" is typed; `Down*3` is Down three times.
fn keys(spec: &str) -> Vec<Key> {
    let mut out = Vec::new();
    let mut rest = spec.trim();
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').expect("a closing quote");
            out.push(Key::Text(quoted[..end].to_string()));
            rest = quoted[end + 1..].trim_start();
            continue;
        }
        let end = rest.find(' ').unwrap_or(rest.len());
        let (name, times) = rest[..end].split_once('*').unwrap_or((&rest[..end], "1"));
        for _ in 0..times.parse::<usize>().expect("a count after *") {
            out.push(Key::Named(name.to_string()));
        }
        rest = rest[end..].trim_start();
    }
    out
}

/// Lines without trailing spaces, and no blank lines at the end.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let n = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    lines[..n].join("\n")
}

#[test]
fn each_screenshot_shows_what_the_full_screen_program_draws_today() {
    let list = screens();
    assert!(list.len() >= 7, "the issue asks for seven screens");
    for screen in list {
        let dir = tempfile::tempdir().unwrap();
        let (ctx, _) = interview(dir.path());
        let mut app = App::new(&ctx, screen.resume.as_deref(), SIZE, true);
        for key in &screen.keys {
            match key {
                Key::Named(n) => tui_common::press(&mut app, &[n.as_str()]),
                Key::Text(t) => tui_common::type_text(&mut app, t),
            }
        }
        let now = tidy(&tui_common::screen_text(&app));
        let flat = now.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&screen.wait_for),
            "{}: the keys no longer reach a screen showing {:?}:\n{now}",
            screen.name,
            screen.wait_for
        );
        let then = tidy(&read(&format!("screenshots/{}.txt", screen.name)));
        assert!(
            now == then,
            "{REMAKE}\n{} now shows:\n{now}\n\nThe screenshot shows:\n{then}",
            screen.name
        );
    }
}
