//! What every front end and shell command is given: the content, the sessions folder, today's
//! date and a clock, chosen once in `main`. Also decides whether the plain-text mode is on.

use std::io::IsTerminal;

use chrono::{NaiveDate, NaiveDateTime};

use crate::content::Content;
use crate::store::Store;

/// Environment variable that turns the plain-text mode on (any value but empty or 0).
pub const PLAIN_ENV: &str = "ESA_INTERVIEW_PLAIN";

/// The shared context of one run.
pub struct Context {
    /// The law and the questions.
    pub content: Content,
    /// The sessions folder.
    pub store: Store,
    /// Warnings about the folder to show once (loose permissions).
    pub store_warnings: Vec<String>,
    /// Today, read once at start (or given with --today).
    pub today: NaiveDate,
    /// The clock for "last changed" stamps.
    pub clock: fn() -> NaiveDateTime,
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
