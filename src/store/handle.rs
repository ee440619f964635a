//! An open session: the session itself, where it is saved, and (read-write) its lock, released
//! when the handle is dropped. `save` is the only way a session reaches the disk. Depends on
//! `atomic` and `lock`.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use crate::content::date::Stamp;
use crate::interview::Session;
use crate::interview::session::FORMAT;

use super::lock::Lock;
use super::{StoreError, atomic, io_error};

/// An open session and where it is saved. Dropping it releases its lock.
#[derive(Debug)]
pub struct Handle {
    /// Stable id.
    pub id: String,
    /// The session.
    pub session: Session,
    /// Opened read-only: `save` refuses.
    pub read_only: bool,
    /// A sentence to show once when opening cleared a lock left by a process that had ended.
    pub cleared_lock: Option<String>,
    pub(super) path: PathBuf,
    pub(super) lock: Option<Lock>,
}

/// The text of a session file: a comment saying what it is, then the session.
pub fn to_text(session: &Session) -> Result<String, StoreError> {
    let body = toml::to_string(session).map_err(|e| StoreError::Io {
        what: "cannot write the session as TOML",
        path: PathBuf::new(),
        source: std::io::Error::other(e),
    })?;
    Ok(format!(
        "# esa-interview session file (format {FORMAT}); the fields are described in \
         docs/session-format.md.\n# It holds a claimant's personal details: keep it private.\n\
         {body}"
    ))
}

impl Handle {
    /// Writes the session to disk atomically and durably, stamping the change time.
    pub fn save(&mut self, now: NaiveDateTime) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        self.session.changed = Some(Stamp(now));
        let text = to_text(&self.session)?;
        atomic::replace(&self.path, text.as_bytes()).map_err(io_error("cannot save", &self.path))
    }

    /// The file the session is saved in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True while this handle holds the session's lock.
    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
    }
}
