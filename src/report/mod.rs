//! Exports: the statement a claimant can send with a reconsideration request or to a tribunal
//! (Markdown or text: for each descriptor claimed, the activity, the descriptor and why it
//! applies in the adviser's words), and everything as JSON. Also what `assess` prints. Each is
//! a rendering of the session's one evaluation (`interview::evaluate`) in the words of
//! `interview::findings`: an export works nothing out, so it cannot disagree with the screen.
//! Files are written private and atomically through the store. Depends on `interview`'s
//! evaluation and findings (never its view model), `content`, `rules` and `store`.

pub mod assess;
mod details;
pub mod document;
mod json;
mod markdown;
pub mod statement;
mod text;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::caseload::ics;
use crate::cli::Format;
use crate::content::Content;
use crate::interview::{Evaluation, Session, evaluate};
use crate::store::{Store, StoreError, atomic};

/// Renders a session in a format: session, then its evaluation, then the rendering.
pub fn render(session: &Session, content: &Content, today: NaiveDate, format: Format) -> String {
    render_evaluated(session, content, &evaluate(session, content, today), format)
}

/// Renders a session whose evaluation is at hand (a front end that has just made one).
pub fn render_evaluated(
    session: &Session,
    content: &Content,
    e: &Evaluation,
    format: Format,
) -> String {
    match format {
        Format::Markdown => markdown::render(&statement::build(session, content, e)),
        Format::Text => text::render(&statement::build(session, content, e)),
        Format::Json => json::render(session, content, e),
    }
}

/// The session's deadlines still to come as iCalendar events; `id` (the session's) makes each
/// event's UID, so importing a later export updates the events instead of adding twins.
/// Stamped with the evaluation's day, so the file depends on nothing else.
pub fn calendar(id: &str, session: &Session, content: &Content, today: NaiveDate) -> String {
    let e = evaluate(session, content, today);
    let events = ics::session_events(id, &session.reference, &e.deadlines);
    ics::calendar(&events, today.and_time(chrono::NaiveTime::MIN).and_utc())
}

/// The file extension of a format.
pub fn extension(format: Format) -> &'static str {
    match format {
        Format::Markdown => "md",
        Format::Text => "txt",
        Format::Json => "json",
    }
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
    let e = evaluate(session, content, today);
    export_evaluated(store, id, session, content, &e, format)
}

/// Writes an export of the session's evaluation (the one its screens show) into the store's
/// exports folder and returns its path: rendered first, then written.
pub fn export_evaluated(
    store: &Store,
    id: &str,
    session: &Session,
    content: &Content,
    e: &Evaluation,
    format: Format,
) -> Result<PathBuf, StoreError> {
    let text = render_evaluated(session, content, e, format);
    let dir = store.create_exports_dir()?;
    let path = dir.join(format!("{id}.{}", extension(format)));
    write_private(&path, &text)?;
    Ok(path)
}

/// Writes an export to a file of the user's choosing: atomically, readable by the user only
/// (it holds health details), replacing any file there.
pub fn write_private(path: &Path, text: &str) -> Result<(), StoreError> {
    atomic::replace(path, text.as_bytes()).map_err(|source| StoreError::Io {
        what: "cannot write the export",
        path: path.to_path_buf(),
        source,
    })
}
