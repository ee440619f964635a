//! Privacy of the sessions folder: created readable by its owner only (0700; files are 0600,
//! see `atomic`), and a warning when an existing folder can be read by others. Depends on std.

use std::io;
use std::path::Path;

/// Creates the folder and any missing parents, private to the user.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// A warning when others on this computer can read or enter the folder.
pub fn loose_warning(dir: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir).ok()?.permissions().mode() & 0o777;
        (mode & 0o077 != 0).then(|| {
            format!(
                "The sessions folder {} can be read by other users of this computer \
                 (permissions {mode:o}). It holds claimants' health and benefit details: \
                 run `chmod 700 {}` so that only you can read it.",
                dir.display(),
                dir.display()
            )
        })
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_new_folder_is_private_and_a_loose_one_is_warned_about() {
        let base = tempfile::tempdir().unwrap();
        let dir = base.path().join("a/b");
        create_private_dir(&dir).unwrap();
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
        assert_eq!(loose_warning(&dir), None);
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let w = loose_warning(&dir).unwrap();
        assert!(w.contains("chmod 700") && w.contains("755"), "{w}");
    }
}
