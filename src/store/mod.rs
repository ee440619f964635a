//! Sessions on disk. FIRST CUT: the API the front ends build on, with a simple implementation
//! (plain writes, no locking). The sessions issue replaces the insides (atomic writes, locks,
//! permissions checks, damaged-file handling) without changing these signatures.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use crate::content::date::Stamp;
use crate::interview::Session;

/// Environment variable that overrides the data folder (for tests and shared machines).
pub const DATA_DIR_ENV: &str = "ESA_INTERVIEW_DATA_DIR";

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

/// How to open a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Lock it and save changes.
    ReadWrite,
    /// Look without locking or saving.
    ReadOnly,
}

/// The sessions folder.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
}

/// An open session and where it is saved.
#[derive(Debug)]
pub struct Handle {
    /// Stable id.
    pub id: String,
    /// The session.
    pub session: Session,
    /// Opened read-only: `save` refuses.
    pub read_only: bool,
    path: PathBuf,
}

impl Store {
    /// The data folder: `--data-dir`, else the environment variable, else the user's data folder.
    pub fn default_dir() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir));
        }
        directories::ProjectDirs::from("uk.org", "esa-interview", "esa-interview")
            .map(|p| p.data_dir().join("sessions"))
    }

    /// Opens (creating if needed) the folder; returns warnings to show (e.g. loose permissions).
    pub fn open(dir: &Path) -> Result<(Store, Vec<String>), StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            what: "cannot create the sessions folder",
            path: dir.to_path_buf(),
            source,
        })?;
        Ok((
            Store {
                dir: dir.to_path_buf(),
            },
            Vec::new(),
        ))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every session, most recently changed first.
    pub fn list(&self) -> Vec<Summary> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out: Vec<Summary> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().to_string();
                let id = name.strip_suffix(".toml")?.to_string();
                let text = std::fs::read_to_string(e.path()).ok()?;
                Some(match toml::from_str::<Session>(&text) {
                    Ok(s) => Summary {
                        id,
                        reference: s.reference,
                        changed: s.changed,
                        problem: None,
                    },
                    Err(err) => Summary {
                        id,
                        reference: String::new(),
                        changed: None,
                        problem: Some(err.message().to_string()),
                    },
                })
            })
            .collect();
        out.sort_by_key(|s| std::cmp::Reverse(s.changed));
        out
    }

    /// The id of the session with this reference (exact, ignoring case), if any.
    pub fn find(&self, reference: &str) -> Option<String> {
        let r = reference.trim().to_lowercase();
        self.list()
            .into_iter()
            .find(|s| s.reference.to_lowercase() == r)
            .map(|s| s.id)
    }

    /// Starts a new session and saves it at once.
    pub fn create(
        &self,
        reference: &str,
        today: NaiveDate,
        now: NaiveDateTime,
    ) -> Result<Handle, StoreError> {
        let id = format!("s{}", now.format("%Y%m%d-%H%M%S"));
        let mut session = Session::new(reference, today);
        session.created = Some(Stamp(now));
        let mut handle = Handle {
            path: self.dir.join(format!("{id}.toml")),
            id,
            session,
            read_only: false,
        };
        handle.save(now)?;
        Ok(handle)
    }

    /// Opens a session by id.
    pub fn open_session(&self, id: &str, access: Access) -> Result<Handle, StoreError> {
        let path = self.dir.join(format!("{id}.toml"));
        let text =
            std::fs::read_to_string(&path).map_err(|_| StoreError::NotFound(id.to_string()))?;
        let session: Session = toml::from_str(&text).map_err(|e| StoreError::Damaged {
            file: path.display().to_string(),
            line: e
                .span()
                .map_or(1, |s| text[..s.start].matches('\n').count() + 1),
            message: e.message().to_string(),
        })?;
        Ok(Handle {
            id: id.to_string(),
            session,
            read_only: access == Access::ReadOnly,
            path,
        })
    }

    /// Deletes a session.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        let path = self.dir.join(format!("{id}.toml"));
        std::fs::remove_file(&path).map_err(|source| StoreError::Io {
            what: "cannot delete",
            path,
            source,
        })
    }
}

impl Handle {
    /// Writes the session to disk, stamping the change time.
    pub fn save(&mut self, now: NaiveDateTime) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        self.session.changed = Some(Stamp(now));
        let text = toml::to_string(&self.session).expect("a session always serializes");
        std::fs::write(&self.path, text).map_err(|source| StoreError::Io {
            what: "cannot save",
            path: self.path.clone(),
            source,
        })
    }
}
