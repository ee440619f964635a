//! One writer per session. A lock file beside the session (`ID.lock`, 0600) says who holds it
//! (user, host, process, since when), and the holder keeps an exclusive advisory lock (`flock`)
//! on it for as long as the session is open. The kernel drops that lock the moment the process
//! dies, however it dies, so a lock file whose `flock` is free was left by a dead process: it is
//! noticed, reported and taken over. Where the file system cannot lock, a holder on this host
//! whose process is gone is cleared instead. Locks are released on drop and, for signals, by
//! `release_all`. Depends on std, serde and `toml`.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};

use crate::content::date::Stamp;

/// Lock files held by this process, for the signal thread to remove before exiting.
static HELD: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Who holds a session, as the lock file records it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    /// Login name.
    pub user: String,
    /// Host name.
    pub host: String,
    /// Process id.
    pub pid: u32,
    /// When the lock was taken (local time).
    pub since: Stamp,
}

impl Holder {
    /// This process, now.
    pub fn me() -> Holder {
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        Holder {
            user: env("USER")
                .or_else(|| env("LOGNAME"))
                .unwrap_or_else(|| "unknown user".into()),
            host: host_name(),
            pid: std::process::id(),
            since: Stamp(now_to_the_second()),
        }
    }

    /// "alice on advice-1, process 4242".
    pub fn who(&self) -> String {
        format!("{} on {}, process {}", self.user, self.host, self.pid)
    }

    fn process_has_ended(&self) -> bool {
        self.host == host_name() && pid_alive(self.pid) == Some(false)
    }
}

/// The wall clock: a lock records the real time it was taken, for people, not for any rule.
fn now_to_the_second() -> chrono::NaiveDateTime {
    let now = chrono::Local::now().naive_local();
    chrono::Timelike::with_nanosecond(&now, 0).unwrap_or(now)
}

/// Why a lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another process holds it; `None` when it has not yet written who it is.
    Held(Option<Holder>),
    /// The disk refused.
    Io(io::Error),
}

/// A held lock; dropping it releases it.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    file: File,
    /// The holder of a lock left by a process that has ended, which this lock replaced.
    pub cleared: Option<Holder>,
}

/// The host name, for lock files ("unknown host" where the system does not say).
pub fn host_name() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|p| fs::read_to_string(p).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "unknown host".into())
}

/// Whether a process on this host is running; `None` where the system cannot say.
pub fn pid_alive(pid: u32) -> Option<bool> {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return None;
    }
    // A killed process not yet reaped by its parent is a zombie: it is gone all the same.
    let stat = fs::read_to_string(proc.join(pid.to_string()).join("stat")).ok();
    let state = stat
        .as_deref()
        .and_then(|s| s.rsplit_once(") "))
        .and_then(|(_, rest)| rest.chars().next());
    Some(matches!(state, Some(c) if c != 'Z' && c != 'X'))
}

impl Lock {
    /// Takes the lock at `path`, clearing one left by a dead process.
    pub fn acquire(path: &Path) -> Result<Lock, LockError> {
        for _ in 0..20 {
            let mut file = open_lock_file(path).map_err(LockError::Io)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => return Err(LockError::Held(read_holder(&file))),
                Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                    return acquire_without_flock(path, file);
                }
                Err(TryLockError::Error(e)) => return Err(LockError::Io(e)),
            }
            if !same_file(&file, path) {
                continue; // the holder removed it while we opened it: start again
            }
            let cleared = read_holder(&file);
            write_holder(&mut file).map_err(LockError::Io)?;
            return Ok(Lock::held(path, file, cleared));
        }
        Err(LockError::Io(io::Error::other(
            "the lock file kept changing",
        )))
    }

    fn held(path: &Path, file: File, cleared: Option<Holder>) -> Lock {
        HELD.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(path.to_path_buf());
        Lock {
            path: path.to_path_buf(),
            file,
            cleared,
        }
    }

    /// Reads who holds the lock at `path`, if anyone does, without touching the lock (so a
    /// look never gets in the way of an open). A holder on this host whose process has ended
    /// holds nothing.
    pub fn holder(path: &Path) -> Option<Holder> {
        let file = File::open(path).ok()?;
        read_holder(&file).filter(|h| !h.process_has_ended())
    }
}

/// The fallback where `flock` is not supported: a holder on this host whose process has ended
/// is cleared; any other recorded holder keeps the lock.
fn acquire_without_flock(path: &Path, mut file: File) -> Result<Lock, LockError> {
    let previous = read_holder(&file);
    match previous {
        Some(h) if h.pid != std::process::id() && !h.process_has_ended() => {
            Err(LockError::Held(Some(h)))
        }
        cleared => {
            write_holder(&mut file).map_err(LockError::Io)?;
            Ok(Lock::held(path, file, cleared))
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        forget(&self.path);
        // Remove the file while still holding the flock, and only if it is still ours, so a
        // process waiting on it never takes over a file a third one has since created.
        if same_file(&self.file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

fn forget(path: &Path) {
    HELD.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .retain(|p| p != path);
}

/// Removes every lock file this process holds. Called by the signal thread just before exit
/// (the kernel drops the `flock`s at exit; this also removes the files).
pub fn release_all() {
    let held = std::mem::take(&mut *HELD.lock().unwrap_or_else(PoisonError::into_inner));
    for path in held {
        let _ = fs::remove_file(path);
    }
}

fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// The holder recorded in the file; a holder mid-write is given a moment to finish.
fn read_holder(mut file: &File) -> Option<Holder> {
    for _ in 0..5 {
        let mut text = String::new();
        let read = file
            .seek(SeekFrom::Start(0))
            .and_then(|_| file.read_to_string(&mut text));
        if read.is_ok() && text.trim().is_empty() {
            return None;
        }
        if let Ok(h) = toml::from_str::<Holder>(&text) {
            return Some(h);
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    None
}

fn write_holder(file: &mut File) -> io::Result<()> {
    let text = toml::to_string(&Holder::me()).map_err(io::Error::other)?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(text.as_bytes())?;
    file.set_len(text.len() as u64)?;
    file.flush()
}

/// True when `path` still names the open file (nobody removed or replaced it).
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_open_in_the_same_process_is_refused_and_drop_releases() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.lock");
        let first = Lock::acquire(&path).unwrap();
        assert_eq!(first.cleared, None);
        match Lock::acquire(&path) {
            Err(LockError::Held(Some(h))) => assert_eq!(h.pid, std::process::id()),
            other => panic!("expected held, got {other:?}"),
        }
        assert_eq!(Lock::holder(&path).map(|h| h.pid), Some(std::process::id()));
        drop(first);
        assert!(!path.exists(), "the lock file is removed on release");
        assert!(Lock::holder(&path).is_none());
        let again = Lock::acquire(&path).unwrap();
        assert!(again.cleared.is_none());
    }

    #[test]
    fn a_lock_file_nobody_holds_is_cleared_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.lock");
        let dead = Holder {
            pid: 999_999,
            ..Holder::me()
        };
        fs::write(&path, toml::to_string(&dead).unwrap()).unwrap();
        let lock = Lock::acquire(&path).unwrap();
        assert_eq!(lock.cleared.as_ref().map(|h| h.pid), Some(999_999));
    }

    #[test]
    fn this_process_is_alive() {
        if let Some(alive) = pid_alive(std::process::id()) {
            assert!(alive);
        }
    }
}
