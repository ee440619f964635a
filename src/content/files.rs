//! The text of one content directory, from disk or compiled in, keyed by relative path.
//! Depends on `diag` only.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::diag::Diagnostics;

/// One content file's text and the name to show the user for it.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path relative to the content directory, e.g. `figures/lel.toml`.
    pub path: String,
    /// The path as shown in messages, e.g. `content/figures/lel.toml`.
    pub display: String,
    /// The whole file.
    pub text: String,
}

/// The files of one content directory, so loaders never touch the disk themselves.
#[derive(Debug, Default)]
pub struct FileSet {
    files: BTreeMap<String, SourceFile>,
    /// Paths already reported as unreadable, so they are not reported twice.
    reported: BTreeSet<String>,
}

impl FileSet {
    /// Builds a set from the compiled-in default content.
    pub fn embedded(entries: &[(&str, &str)]) -> Self {
        let mut set = FileSet::default();
        for (path, text) in entries {
            set.insert(
                path,
                &format!("content/{path} (built in)"),
                (*text).to_string(),
            );
        }
        set
    }

    /// Reads the named files of a directory; unreadable ones are reported and left out.
    pub fn read_dir(dir: &Path, paths: &[&str], diags: &mut Diagnostics) -> Self {
        let mut set = FileSet::default();
        for path in paths {
            let full = dir.join(path);
            let display = full.display().to_string();
            set.reported.insert((*path).to_string());
            match std::fs::read(&full) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => {
                        set.reported.remove(*path);
                        set.insert(path, &display, text);
                    }
                    Err(e) => diags.error_in(
                        &display,
                        format!(
                            "the file is not valid UTF-8 text (bad byte at offset {}); save it as UTF-8",
                            e.utf8_error().valid_up_to()
                        ),
                    ),
                },
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => diags.error_in(
                    &display,
                    "missing file: every content directory needs it (copy it from the built-in content)",
                ),
                Err(e) => diags.error_in(&display, format!("cannot read the file: {e}")),
            }
        }
        set
    }

    fn insert(&mut self, path: &str, display: &str, text: String) {
        self.files.insert(
            path.to_string(),
            SourceFile {
                path: path.to_string(),
                display: display.to_string(),
                text,
            },
        );
    }

    /// The file, or None with "missing file" recorded (unless reading it already failed).
    pub fn require(&self, path: &str, diags: &mut Diagnostics) -> Option<&SourceFile> {
        let found = self.files.get(path);
        if found.is_none() && !self.reported.contains(path) {
            diags.error_in(path, "missing file: every content directory needs it");
        }
        found
    }
}
