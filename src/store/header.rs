//! Listing without reading whole files: every top-level key of a session file (`format`,
//! `reference`, the dates) comes before its first `[table]`, so `list` parses only that header.
//! Ten thousand sessions list in a fraction of a second. A header that will not parse alone
//! (e.g. a multi-line string that hides a `[`) falls back to the whole file. Depends on `read`.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use serde::Deserialize;

use crate::content::date::Stamp;

use super::{StoreError, Summary, read};

/// The most of a file read for its header.
const HEADER_LIMIT: u64 = 64 * 1024;

#[derive(Deserialize)]
struct Header {
    format: Option<toml::Value>,
    #[serde(default)]
    reference: String,
    changed: Option<Stamp>,
}

/// The start screen's line for one session file.
pub fn summary(path: &Path, id: &str) -> Summary {
    let fail = |problem: String| Summary {
        id: id.to_string(),
        reference: String::new(),
        changed: modified(path),
        problem: Some(problem),
    };
    let (prefix, whole) = match read_prefix(path) {
        Ok(p) => p,
        Err(e) => return fail(format!("cannot be read: {e}")),
    };
    let parsed = match parse_header(&prefix, path) {
        Err(_) if !whole => std::fs::read_to_string(path)
            .map_err(|e| format!("cannot be read: {e}"))
            .and_then(|text| parse_header(&text, path)),
        other => other,
    };
    match parsed {
        Ok(h) => Summary {
            id: id.to_string(),
            reference: h.reference,
            changed: h.changed.or_else(|| modified(path)),
            problem: None,
        },
        Err(problem) => fail(problem),
    }
}

fn parse_header(text: &str, path: &Path) -> Result<Header, String> {
    let name = path.display().to_string();
    let header: Header =
        toml::from_str(text).map_err(|e| describe(&read::damaged(text, &name, &e)))?;
    read::check_format(header.format.as_ref(), text, &name).map_err(|e| describe(&e))?;
    Ok(header)
}

fn describe(e: &StoreError) -> String {
    match e {
        StoreError::Damaged { line, message, .. } => format!("line {line}: {message}"),
        other => other.to_string(),
    }
}

/// The lines before the first table header; `true` when that is the whole file.
fn read_prefix(path: &Path) -> std::io::Result<(String, bool)> {
    let mut reader = BufReader::new(File::open(path)?.take(HEADER_LIMIT));
    let mut prefix = String::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            let whole = (prefix.len() as u64) < HEADER_LIMIT;
            return Ok((prefix, whole));
        }
        if line.trim_start().starts_with('[') {
            return Ok((prefix, false));
        }
        prefix.push_str(&line);
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
