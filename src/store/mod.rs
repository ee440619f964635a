//! Sessions on disk: one TOML file per session (`ID.toml`, the `Session` serde shape, format 1,
//! documented field by field in `docs/session-format.md`) in a folder only the user can read.
//! Every save is atomic and durable (`atomic`), a session open for writing is locked (`lock`),
//! `list` reads only each file's header so thousands of sessions list fast (`header`), and a
//! damaged file is reported with file, line and field and never overwritten (`read`). Ids are
//! random hex, so no file name carries claimant data. Depends on `interview::session` and
//! `content::date`.

pub mod atomic;
mod error;
mod handle;
mod header;
pub mod index;
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

use lock::{Lock, LockError};

pub use error::{StoreError, Summary};
pub use handle::{Handle, to_text};
pub use index::Case;

/// Environment variable that overrides the data folder (for tests and shared machines).
pub const DATA_DIR_ENV: &str = "ESA_INTERVIEW_DATA_DIR";

/// The subfolder that holds exports (same privacy as the sessions).
pub const EXPORTS_DIR: &str = "exports";

/// Temporary files older than this were left by a killed process and are swept on open.
const STALE_TEMP_AGE: Duration = Duration::from_mins(10);

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

pub(crate) fn io_error(
    what: &'static str,
    path: &Path,
) -> impl FnOnce(std::io::Error) -> StoreError {
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
        atomic::sweep(dir, STALE_TEMP_AGE, std::time::SystemTime::now());
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
        self.cases().into_iter().map(|c| c.summary).collect()
    }

    /// Every session with its decision's dates (for the caseload), most recently changed
    /// first, from the folder's index where a file is unchanged since it was indexed.
    pub fn cases(&self) -> Vec<Case> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let files: Vec<(String, index::Stat)> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| {
                let name = e.file_name();
                let id = name.to_str()?.strip_suffix(".toml")?;
                if !valid_id(id) {
                    return None;
                }
                let stat = index::Stat::of(&e.metadata().ok()?);
                Some((id.to_string(), stat))
            })
            .collect();
        let mut out = index::cases(&self.dir, files, true);
        out.sort_by(|a, b| {
            let (a, b) = (&a.summary, &b.summary);
            b.changed.cmp(&a.changed).then_with(|| a.id.cmp(&b.id))
        });
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
            // Short enough for the TUI's one-line status bar at 80 columns.
            format!(
                "Process {} that had this open has ended; all it saved is here.",
                h.pid
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
