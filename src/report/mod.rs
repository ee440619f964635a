//! Exports: the statement a claimant can send with a reconsideration request or to a tribunal
//! (Markdown or text), and everything as JSON. FIRST CUT: the API only; the sessions issue
//! builds it.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::Format;
use crate::content::Content;
use crate::interview::Session;
use crate::store::{Store, StoreError};

/// Renders a session in a format.
pub fn render(
    _session: &Session,
    _content: &Content,
    _today: NaiveDate,
    _format: Format,
) -> String {
    String::from("Export is not built yet.\n")
}

/// Writes an export of the session into the store's exports folder and returns its path.
pub fn export_to_file(
    store: &Store,
    id: &str,
    session: &Session,
    content: &Content,
    today: NaiveDate,
    format: Format,
) -> Result<PathBuf, StoreError> {
    let ext = match format {
        Format::Markdown => "md",
        Format::Text => "txt",
        Format::Json => "json",
    };
    let dir = store.dir().join("exports");
    std::fs::create_dir_all(&dir).map_err(|source| StoreError::Io {
        what: "cannot create the exports folder",
        path: dir.clone(),
        source,
    })?;
    let path = dir.join(format!("{id}.{ext}"));
    std::fs::write(&path, render(session, content, today, format)).map_err(|source| {
        StoreError::Io {
            what: "cannot write the export",
            path: path.clone(),
            source,
        }
    })?;
    Ok(path)
}
