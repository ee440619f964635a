//! A session file's line in the list: from the session itself when the file reads, and for a
//! damaged file from its header (every top-level key of a session file, `format`, `reference`
//! and the dates, comes before its first `[table]`) with the problem, so a file whose body is
//! damaged is listed under its reference as damaged. Depends on `read`.

use std::path::Path;

use serde::Deserialize;

use crate::content::date::Stamp;

use super::{StoreError, Summary, read};

#[derive(Deserialize)]
struct Header {
    format: Option<toml::Value>,
    #[serde(default)]
    reference: String,
    changed: Option<Stamp>,
}

/// The start screen's line for a session file whose whole text did not read as a session:
/// the reference and last change from its header where those still parse, and the problem.
pub fn damaged(text: &str, path: &Path, id: &str, problem: String) -> Summary {
    let header = parse_header(prefix(text), path).ok();
    Summary {
        id: id.to_string(),
        reference: header
            .as_ref()
            .map(|h| h.reference.clone())
            .unwrap_or_default(),
        changed: header.and_then(|h| h.changed).or_else(|| modified(path)),
        problem: Some(problem),
    }
}

/// The line of a file that reads as a session.
pub fn healthy(reference: String, changed: Option<Stamp>, path: &Path, id: &str) -> Summary {
    Summary {
        id: id.to_string(),
        reference,
        changed: changed.or_else(|| modified(path)),
        problem: None,
    }
}

/// The lines before the first table header, where every top-level key of a session file is.
fn prefix(text: &str) -> &str {
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            break;
        }
        end += line.len();
    }
    &text[..end]
}

fn parse_header(text: &str, path: &Path) -> Result<Header, String> {
    let name = path.display().to_string();
    let header: Header =
        toml::from_str(text).map_err(|e| describe(&read::damaged(text, &name, &e)))?;
    read::check_format(header.format.as_ref(), text, &name).map_err(|e| describe(&e))?;
    Ok(header)
}

/// A problem in the short form the list shows ("line 5: ...").
pub fn describe(e: &StoreError) -> String {
    match e {
        StoreError::Damaged { line, message, .. } => format!("line {line}: {message}"),
        other => other.to_string(),
    }
}

/// The file's modification time, for files without a `changed` stamp.
fn modified(path: &Path) -> Option<Stamp> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    let local: chrono::DateTime<chrono::Local> = t.into();
    let naive = local.naive_local();
    Some(Stamp(
        chrono::Timelike::with_nanosecond(&naive, 0).unwrap_or(naive),
    ))
}
