//! What can go wrong with a session on disk, in words fit for the screen and a log: file names,
//! ids, lines and fields, never a claimant's details. Also the start screen's line for a session.

use std::path::PathBuf;

use crate::content::date::Stamp;
use crate::interview::session::FORMAT;

/// Why a store operation failed, in words fit for the screen (never claimant data).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The disk refused.
    #[error("{what} {path}: {source}")]
    Io {
        /// What we were doing.
        what: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// Another process has the session open.
    #[error("session {id} is open in another process ({by}, since {since})")]
    Locked {
        /// Session id.
        id: String,
        /// Who holds it (user, host, process).
        by: String,
        /// Since when.
        since: String,
    },
    /// The file cannot be read as a session.
    #[error("{file}:{line}: {message}")]
    Damaged {
        /// File name.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong, naming the field.
        message: String,
    },
    /// No such session.
    #[error("no session {0}")]
    NotFound(String),
    /// The session was opened read-only.
    #[error("this session is open read-only; nothing was saved")]
    ReadOnly,
    /// The file was written by a newer version of the program; reading it could lose data.
    #[error(
        "{file} is a session file of format {found}, written by a newer esa-interview; this \
         version reads format {FORMAT}. Update esa-interview to open it; the file was not changed"
    )]
    NewerFormat {
        /// File name.
        file: String,
        /// Its format.
        found: i64,
    },
    /// Several sessions share the reference given; the id picks one.
    #[error(
        "{} sessions have that reference: {}. Give the id instead, e.g. `esa-interview resume {}`",
        .0.len(),
        describe_all(.0),
        .0.first().map_or("", |s| s.id.as_str())
    )]
    Ambiguous(Vec<Summary>),
}

impl StoreError {
    /// The message with the system's reason first ("No space left on device (os error 28);
    /// cannot save /path/id.toml"), for a one-line status that a long path would otherwise cut
    /// short before it says why.
    pub fn reason_first(&self) -> String {
        match self {
            StoreError::Io { what, path, source } => {
                format!("{source}; {what} {}", path.display())
            }
            other => other.to_string(),
        }
    }
}

fn describe_all(sessions: &[Summary]) -> String {
    sessions
        .iter()
        .map(|s| match s.changed {
            Some(c) => format!("{} (last changed {c})", s.id),
            None => s.id.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One session as the start screen lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Stable id (the file name without `.toml`).
    pub id: String,
    /// The claimant reference.
    pub reference: String,
    /// Last change.
    pub changed: Option<Stamp>,
    /// Why the file could not be read, if it could not.
    pub problem: Option<String>,
}

impl Summary {
    /// The start screen's filter as you type: every word must appear in the reference or the id
    /// (ignoring case); an empty filter matches everything.
    pub fn matches(&self, filter: &str) -> bool {
        let reference = self.reference.to_lowercase();
        let id = self.id.to_lowercase();
        filter
            .to_lowercase()
            .split_whitespace()
            .all(|w| reference.contains(w) || id.contains(w))
    }
}
