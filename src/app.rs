//! What every front end and shell command is given: the content, the sessions folder, today's
//! date and a clock, chosen once in `main`. Also decides whether the plain-text mode is on.

use std::io::IsTerminal;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use chrono::{NaiveDate, NaiveDateTime};

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
