//! What every front end and shell command is given: the content, the sessions folder, today's
//! date and a clock, chosen once in `main`. Also decides whether the plain-text mode is on.

use std::io::IsTerminal;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use crate::content::Content;
use crate::store::Store;

/// Environment variable that turns the plain-text mode on (any value but empty or 0).
pub const PLAIN_ENV: &str = "ESA_INTERVIEW_PLAIN";

/// The content of one run, loadable in the background: the built-in content takes a few
/// milliseconds to parse, and the start screen does not need it, so the first frame need not
/// wait for it. Reading it (through `Deref`) waits for the load if it has not finished.
#[derive(Clone)]
pub struct SharedContent {
    cell: Arc<OnceLock<Content>>,
}

impl SharedContent {
    /// The built-in content, parsed on first use (or by `warm_up`).
    pub fn embedded() -> Self {
        SharedContent {
            cell: Arc::new(OnceLock::new()),
        }
    }

    /// Starts parsing the built-in content on a thread of its own.
    pub fn warm_up(&self) {
        let cell = Arc::clone(&self.cell);
        std::thread::spawn(move || {
            cell.get_or_init(crate::content::load_embedded);
        });
    }
}

impl From<Content> for SharedContent {
    fn from(content: Content) -> Self {
        let cell = OnceLock::new();
        let _ = cell.set(content);
        SharedContent {
            cell: Arc::new(cell),
        }
    }
}

impl Deref for SharedContent {
    type Target = Content;

    fn deref(&self) -> &Content {
        self.cell.get_or_init(crate::content::load_embedded)
    }
}

/// The shared context of one run.
pub struct Context {
    /// The law and the questions.
    pub content: SharedContent,
    /// The sessions folder.
    pub store: Store,
    /// Warnings about the folder to show once (loose permissions).
    pub store_warnings: Vec<String>,
    /// Today, read once at start from `clock` (or given with --today).
    pub today: NaiveDate,
    /// The clock for "created" and "last changed" stamps and purge cut-offs.
    pub clock: Clock,
}

/// Environment variable that fixes the clock for a whole run, as `--now` does.
pub const NOW_ENV: &str = "ESA_INTERVIEW_NOW";

/// The clock of one run, chosen once in `main`, so that the interview date, the stamps written
/// to session files, purge cut-offs and "days left" all agree: a run given a date never mixes
/// it with the wall clock (a test stamped on a fixed day would otherwise be purged, or not,
/// depending on the day it runs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The local wall clock (real use).
    System,
    /// A moment that never moves (`--now`, or `ESA_INTERVIEW_NOW`): tests, screenshots,
    /// benchmarks.
    Fixed(NaiveDateTime),
    /// The wall clock moved by whole days so that today is a chosen date (`--today` alone,
    /// for training): stamps keep their order, and purge counts from the chosen date.
    Shifted(TimeDelta),
}

impl Clock {
    /// The wall clock moved so that today is `date`.
    pub fn shifted_to(date: NaiveDate) -> Clock {
        Clock::shifted(date, system_clock())
    }

    /// The clock that reads `date` when the wall clock reads `wall`.
    pub fn shifted(date: NaiveDate, wall: NaiveDateTime) -> Clock {
        Clock::Shifted(TimeDelta::days((date - wall.date()).num_days()))
    }

    /// Now, by this clock.
    pub fn now(self) -> NaiveDateTime {
        self.at(system_clock())
    }

    /// What this clock reads when the wall clock reads `wall`.
    pub fn at(self, wall: NaiveDateTime) -> NaiveDateTime {
        match self {
            Clock::System => wall,
            Clock::Fixed(at) => at,
            Clock::Shifted(by) => wall.checked_add_signed(by).unwrap_or(wall),
        }
    }

    /// Today, by this clock.
    pub fn today(self) -> NaiveDate {
        self.now().date()
    }
}

/// Reads `--now`: `YYYY-MM-DDTHH:MM:SS`, `YYYY-MM-DD HH:MM[:SS]`, or a date alone (noon).
pub fn parse_now(text: &str) -> Result<NaiveDateTime, String> {
    let t = text.trim();
    [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
    .or_else(|| {
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(12, 0, 0))
    })
    .filter(|at| crate::content::date::writable(at.date()))
    .ok_or_else(|| {
        format!(
            "`{text}` is not a moment: write it as YYYY-MM-DDTHH:MM:SS, e.g. 2026-11-25T10:30:00"
        )
    })
}

/// Why the plain-text mode is on; its first line says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlainReason {
    /// `--plain`.
    Flag,
    /// The environment variable.
    Env,
    /// `TERM=dumb`.
    DumbTerminal,
    /// Standard output is not a terminal.
    NotATerminal,
}

impl PlainReason {
    /// The words after "Plain-text mode is on".
    pub fn words(self) -> String {
        match self {
            PlainReason::Flag => "because you used --plain".into(),
            PlainReason::Env => format!("because {PLAIN_ENV} is set"),
            PlainReason::DumbTerminal => "because TERM is dumb".into(),
            PlainReason::NotATerminal => "because the output is not a terminal".into(),
        }
    }
}

/// Decides whether the plain-text mode is on and why.
pub fn plain_reason(flag: bool) -> Option<PlainReason> {
    let env_on = std::env::var(PLAIN_ENV).is_ok_and(|v| !v.is_empty() && v != "0");
    if flag {
        Some(PlainReason::Flag)
    } else if env_on {
        Some(PlainReason::Env)
    } else if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        Some(PlainReason::DumbTerminal)
    } else if !std::io::stdout().is_terminal() {
        Some(PlainReason::NotATerminal)
    } else {
        None
    }
}

/// The local wall clock, for real runs.
pub fn system_clock() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn now_is_read_as_people_and_scripts_write_it() {
        let want = at("2026-11-25 10:30:00");
        for t in [
            "2026-11-25T10:30:00",
            "2026-11-25 10:30:00",
            "2026-11-25T10:30",
            " 2026-11-25 10:30 ",
        ] {
            assert_eq!(parse_now(t), Ok(want), "{t}");
        }
        assert_eq!(
            parse_now("2026-11-25"),
            Ok(at("2026-11-25 12:00:00")),
            "a date alone is noon"
        );
        for t in [
            "yesterday",
            "25/11/2026",
            "2026-13-01T00:00:00",
            "+12026-01-01T00:00:00",
            "",
        ] {
            assert!(parse_now(t).unwrap_err().contains("is not a moment"), "{t}");
        }
    }

    #[test]
    fn a_fixed_clock_never_moves_and_a_shifted_one_keeps_the_time_of_day() {
        let wall = at("2026-12-04 19:18:20");
        let fixed = Clock::Fixed(at("2026-11-25 10:30:00"));
        assert_eq!(fixed.at(wall), at("2026-11-25 10:30:00"));
        assert_eq!(
            fixed.at(wall + TimeDelta::days(40)),
            at("2026-11-25 10:30:00")
        );
        let back = Clock::shifted(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(), wall);
        assert_eq!(back.at(wall), at("2026-06-01 19:18:20"));
        assert_eq!(
            back.at(wall + TimeDelta::hours(5)),
            at("2026-06-02 00:18:20"),
            "it runs on"
        );
        let ahead = Clock::shifted(NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(), wall);
        assert_eq!(ahead.at(wall), at("2027-01-04 19:18:20"));
        assert_eq!(Clock::System.at(wall), wall);
    }
}
