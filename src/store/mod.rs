//! Sessions on disk: one TOML file per session (`ID.toml`, the `Session` serde shape, format 1,
//! documented field by field in `docs/session-format.md`) in a folder only the user can read.
//! Every save is atomic and durable (`atomic`), a session open for writing is locked (`lock`),
//! `list` reads only each file's header so thousands of sessions list fast (`header`), and a
//! damaged file is reported with file, line and field and never overwritten (`read`). Ids are
//! random hex, so no file name carries claimant data. Depends on `interview::session` and
//! `content::date`.

pub mod atomic;
mod header;
pub mod lock;
mod perms;
pub mod purge;
pub mod read;
pub mod signals;

use std::hash::{BuildHasher, RandomState};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};

use crate::content::date::Stamp;
use crate::interview::Session;
use crate::interview::session::FORMAT;

use lock::{Lock, LockError};

/// Environment variable that overrides the data folder (for tests and shared machines).
pub const DATA_DIR_ENV: &str = "ESA_INTERVIEW_DATA_DIR";

/// The subfolder that holds exports (same privacy as the sessions).
pub const EXPORTS_DIR: &str = "exports";

/// Temporary files older than this were left by a killed process and are swept on open.
const STALE_TEMP_AGE: Duration = Duration::from_mins(10);

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
    path: PathBuf,
    lock: Option<Lock>,
}

fn io_error(what: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io { what, path, source }
}

/// True for an id that names a file in the folder and nothing outside it.
fn valid_id(id: &str) -> bool {
    !id.is_empty() && !id.starts_with('.') && !id.contains(['/', '\\', '\0']) && id.len() <= 200
}

/// A new random id: 8 hex digits (the file's name carries nothing about the claimant).
fn new_id() -> String {
    format!(
        "{:08x}",
        RandomState::new().hash_one(std::process::id()) >> 32
    )
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

    /// Opens (creating if needed, private to the user) the folder; returns warnings to show
    /// (a folder others can read). Sweeps temporary files left by killed processes.
    pub fn open(dir: &Path) -> Result<(Store, Vec<String>), StoreError> {
        perms::create_private_dir(dir)
            .map_err(io_error("cannot create the sessions folder", dir))?;
        atomic::sweep(dir, STALE_TEMP_AGE);
        let warnings = perms::loose_warning(dir).into_iter().collect();
        Ok((
            Store {
                dir: dir.to_path_buf(),
            },
            warnings,
        ))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file a session id is saved in (for messages: it names no claimant).
    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.toml"))
    }

    fn lock_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.lock"))
    }

    /// Every session, most recently changed first; unreadable files are listed with the problem.
    pub fn list(&self) -> Vec<Summary> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out: Vec<Summary> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let id = name.strip_suffix(".toml")?;
                valid_id(id).then(|| header::summary(&e.path(), id))
            })
            .collect();
        out.sort_by(|a, b| b.changed.cmp(&a.changed).then_with(|| a.id.cmp(&b.id)));
        out
    }

    /// The id of the most recently changed session with this reference (exact, ignoring case).
    pub fn find(&self, reference: &str) -> Option<String> {
        self.matches(reference).into_iter().next().map(|s| s.id)
    }

    /// Every session with this reference (exact, ignoring case), most recently changed first.
    pub fn matches(&self, reference: &str) -> Vec<Summary> {
        let r = reference.trim().to_lowercase();
        self.list()
            .into_iter()
            .filter(|s| s.problem.is_none() && s.reference.trim().to_lowercase() == r)
            .collect()
    }

    /// What `resume REF` and `export REF` mean by REF: a session id, or the one session with
    /// that reference. Several with the same reference is an error listing their ids.
    pub fn resolve(&self, reference_or_id: &str) -> Result<String, StoreError> {
        let given = reference_or_id.trim();
        if valid_id(given) && self.path_of(given).is_file() {
            return Ok(given.to_string());
        }
        let mut found = self.matches(given);
        match found.len() {
            0 => Err(StoreError::NotFound("with that reference or id".into())),
            1 => Ok(found.remove(0).id),
            _ => Err(StoreError::Ambiguous(found)),
        }
    }

    /// Starts a new session, locked, and saves it at once.
    pub fn create(
        &self,
        reference: &str,
        today: NaiveDate,
        now: NaiveDateTime,
    ) -> Result<Handle, StoreError> {
        let mut session = Session::new(reference, today);
        session.created = Some(Stamp(now));
        session.changed = Some(Stamp(now));
        let text = to_text(&session)?;
        for _ in 0..16 {
            let id = new_id();
            let lock = self.lock(&id)?;
            let path = self.path_of(&id);
            match atomic::create_new(&path, text.as_bytes()) {
                Ok(()) => {
                    return Ok(Handle {
                        id,
                        session,
                        read_only: false,
                        cleared_lock: None,
                        path,
                        lock: Some(lock),
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io_error("cannot save", &path)(e)),
            }
        }
        Err(StoreError::Io {
            what: "cannot find a free session id in",
            path: self.dir.clone(),
            source: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
        })
    }

    fn lock(&self, id: &str) -> Result<Lock, StoreError> {
        let path = self.lock_path(id);
        Lock::acquire(&path).map_err(|e| match e {
            LockError::Held(holder) => StoreError::Locked {
                id: id.to_string(),
                by: holder
                    .as_ref()
                    .map_or_else(|| "another process".into(), lock::Holder::who),
                since: holder.map_or_else(|| "a moment ago".into(), |h| h.since.to_string()),
            },
            LockError::Io(source) => StoreError::Io {
                what: "cannot lock",
                path,
                source,
            },
        })
    }

    /// Opens a session by id: read-write takes the lock (and clears one left by a dead
    /// process); read-only takes no lock and cannot save.
    pub fn open_session(&self, id: &str, access: Access) -> Result<Handle, StoreError> {
        let path = self.path_of(id);
        if !valid_id(id) || !path.is_file() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let lock = match access {
            Access::ReadWrite => Some(self.lock(id)?),
            Access::ReadOnly => None,
        };
        let text = std::fs::read_to_string(&path).map_err(io_error("cannot read", &path))?;
        let session = read::parse(&text, &path.display().to_string())?;
        let cleared_lock = lock.as_ref().and_then(|l| l.cleared.as_ref()).map(|h| {
            format!(
                "This session was still marked open by {} since {}; that process has ended, so \
                 the mark was cleared. Everything it saved is here.",
                h.who(),
                h.since
            )
        });
        Ok(Handle {
            id: id.to_string(),
            session,
            read_only: access == Access::ReadOnly,
            cleared_lock,
            path,
            lock,
        })
    }

    /// Deletes a session and its exports; refused while another process has it open.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        let path = self.path_of(id);
        if !valid_id(id) || !path.is_file() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let _lock = self.lock(id)?;
        std::fs::remove_file(&path).map_err(io_error("cannot delete", &path))?;
        self.delete_exports(id);
        atomic::sync_dir(&self.dir).map_err(io_error("cannot delete", &path))
    }

    /// Who has a session open, if anyone (for the start screen and `list`).
    pub fn holder(&self, id: &str) -> Option<lock::Holder> {
        Lock::holder(&self.lock_path(id))
    }

    /// The folder exports are written to.
    pub fn exports_dir(&self) -> PathBuf {
        self.dir.join(EXPORTS_DIR)
    }

    fn delete_exports(&self, id: &str) {
        let Ok(entries) = std::fs::read_dir(self.exports_dir()) else {
            return;
        };
        for e in entries.filter_map(Result::ok) {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.split_once('.').is_some_and(|(stem, _)| stem == id) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }

    /// Creates the private exports folder.
    pub fn create_exports_dir(&self) -> Result<PathBuf, StoreError> {
        let dir = self.exports_dir();
        perms::create_private_dir(&dir)
            .map_err(io_error("cannot create the exports folder", &dir))?;
        Ok(dir)
    }
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
