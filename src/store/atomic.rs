//! Durable, all-or-nothing file writes: the new text goes to a temporary file in the same
//! folder (created 0600), is flushed to disk, renamed over the old file, and the folder is
//! flushed so the rename itself survives a power cut. A crash or `kill -9` at any instant leaves
//! the old file or the new one whole, never a torn one. Depends on `tempfile` (a well-kept crate
//! that picks unique names safely, cleans up on error and can refuse to clobber).

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, SystemTime};

use tempfile::{Builder, NamedTempFile};

/// How temporary files end; `list` and `sweep` recognise them by it.
pub const TEMP_SUFFIX: &str = ".tmp";

/// Replaces (or creates) `path` with `bytes`, atomically and durably.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = write_temp(path, bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(folder(path))
}

/// Creates `path` with `bytes`, atomically and durably; fails with `AlreadyExists` rather than
/// overwrite a file that is there.
pub fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = write_temp(path, bytes)?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_dir(folder(path))
}

fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes the bytes to a private temporary file beside `path` and flushes it to disk.
fn write_temp(path: &Path, bytes: &[u8]) -> io::Result<NamedTempFile> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o600));
    }
    let mut tmp = builder
        .tempfile_in(folder(path))
        .map_err(without_temp_name)?;
    // Written through the file itself, so an error is the system's own.
    tmp.as_file_mut().write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// The error without the temporary file's name that `tempfile` appends (`... at path
/// "/dir/.ID.toml.XXXXXX.tmp"`), so a message names the session file, which the caller adds,
/// and not a file the adviser never sees.
fn without_temp_name(e: io::Error) -> io::Error {
    let text = e.to_string();
    match text.find(" at path \"") {
        Some(i) if e.raw_os_error().is_none() => io::Error::new(e.kind(), text[..i].to_string()),
        _ => e,
    }
}

/// Flushes a folder's entries (the rename) to disk.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// True for the name of a temporary file this module makes.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(TEMP_SUFFIX)
}

/// Removes temporary files older than `age` left by a process that was killed mid-write (they
/// may hold claimant data); returns how many. A younger one may be a write in progress. `now`
/// is the file system's clock (the one its modification times are written in), not the run's.
pub fn sweep(dir: &Path, age: Duration, now: SystemTime) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| is_temp_name(&e.file_name().to_string_lossy()))
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| now.duration_since(t).unwrap_or_default() >= age)
        })
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_writes_whole_files_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        replace(&path, b"one").unwrap();
        replace(&path, b"two").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn create_new_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        create_new(&path, b"first").unwrap();
        let err = create_new(&path, b"second").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn sweep_removes_old_temporary_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let temp = dir.path().join(".a.toml.x1.tmp");
        fs::write(&temp, "left by a crash").unwrap();
        fs::write(dir.path().join("a.toml"), "a session").unwrap();
        let written = fs::metadata(&temp).unwrap().modified().unwrap();
        let hour = Duration::from_hours(1);
        assert_eq!(
            sweep(dir.path(), hour, written + hour - Duration::from_secs(1)),
            0
        );
        assert_eq!(sweep(dir.path(), hour, written + hour), 1);
        assert!(dir.path().join("a.toml").exists());
    }
}
