//! Reading a session file, written by this program or by hand, into a `Session`. A file from a
//! newer `format` is refused before anything else is read; a damaged one is reported with the
//! file, the line and the field (`claimant.date_of_birth`, `contributions[2].class1_weeks`) and
//! what to write instead. Values the file format fixes (jurisdiction, tax years, weeks) are
//! checked here so every reader gets the same answer. Depends on `interview::session`.

use crate::interview::session::{FORMAT, Session};

use super::StoreError;

/// The jurisdictions a decision may name; they decide the bank holidays.
pub const JURISDICTIONS: &[&str] = &["england-and-wales", "scotland"];

/// The most weeks a tax year can hold.
const MAX_WEEKS: u32 = 53;

/// Reads a whole session file's text; `file` names it in messages.
pub fn parse(text: &str, file: &str) -> Result<Session, StoreError> {
    let table: toml::Table = text.parse().map_err(|e| damaged(text, file, &e))?;
    check_format(table.get("format"), text, file)?;
    let session: Session = toml::from_str(text).map_err(|e| damaged(text, file, &e))?;
    check_values(&session, text, file)?;
    Ok(session)
}

/// Refuses a file from a newer format, a `format` that is not a version number, and a file
/// with none (an empty or truncated file must not read as an empty session).
pub fn check_format(value: Option<&toml::Value>, text: &str, file: &str) -> Result<(), StoreError> {
    match value {
        None => Err(StoreError::Damaged {
            file: file.to_string(),
            line: 1,
            message: format!(
                "format: missing: a session file starts with `format = {FORMAT}` (is it empty or cut short?)"
            ),
        }),
        Some(toml::Value::Integer(n)) if *n == i64::from(FORMAT) => Ok(()),
        Some(toml::Value::Integer(n)) if *n > i64::from(FORMAT) => Err(StoreError::NewerFormat {
            file: file.to_string(),
            found: *n,
        }),
        Some(other) => Err(StoreError::Damaged {
            file: file.to_string(),
            line: line_of_key(text, "format"),
            message: format!(
                "format: this version reads session files of format {FORMAT}; found {other}"
            ),
        }),
    }
}

/// The toml error as file, line and the field it is about.
pub fn damaged(text: &str, file: &str, e: &toml::de::Error) -> StoreError {
    let message = e.message().trim().replace('\n', "; ");
    let (line, message) = match e.span() {
        Some(span) => {
            let line = line_at(text, span.start);
            match field_at(text, span.start) {
                Some(field) => (line, format!("{field}: {message}")),
                None => (line, message),
            }
        }
        None => (1, message),
    };
    StoreError::Damaged {
        file: file.to_string(),
        line,
        message,
    }
}

/// 1-based line of a byte offset.
pub fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text[..end].matches('\n').count() + 1
}

/// The first line that assigns `key` (`key = ...`), or 1.
pub fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}

/// The first line containing `needle`, or 1.
pub fn line_containing(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map_or(1, |i| i + 1)
}

/// The dotted name of the field at a byte offset: the table it is in and the key on its line.
pub fn field_at(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text[start..end].trim();
    let key = if line.starts_with('[') {
        None
    } else {
        line.split_once('=')
            .map(|(k, _)| k.trim().trim_matches('"').to_string())
    };
    let table = if line.starts_with('[') {
        table_name(&text[..end])
    } else {
        table_name(&text[..start])
    };
    match (table, key) {
        (Some(t), Some(k)) => Some(format!("{t}.{k}")),
        (Some(t), None) => Some(t),
        (None, k) => k,
    }
}

/// The table the text before a point ends in: `claimant`, or `contributions[2]` for the second
/// `[[contributions]]`.
fn table_name(before: &str) -> Option<String> {
    let header = before
        .lines()
        .map(str::trim)
        .rfind(|l| l.starts_with('['))?;
    if header.starts_with("[[") {
        let name = header.trim_matches(|c| c == '[' || c == ']').trim();
        let nth = before
            .lines()
            .map(str::trim)
            .filter(|l| {
                l.starts_with("[[") && l.trim_matches(|c| c == '[' || c == ']').trim() == name
            })
            .count();
        Some(format!("{name}[{nth}]"))
    } else {
        Some(
            header
                .trim_matches(|c| c == '[' || c == ']')
                .trim()
                .to_string(),
        )
    }
}

/// Checks the values whose form the file format fixes.
fn check_values(session: &Session, text: &str, file: &str) -> Result<(), StoreError> {
    let bad = |line: usize, message: String| StoreError::Damaged {
        file: file.to_string(),
        line,
        message,
    };
    if let Some(j) = &session.decision.jurisdiction
        && !JURISDICTIONS.contains(&j.as_str())
    {
        return Err(bad(
            line_of_key(text, "jurisdiction"),
            format!(
                "decision.jurisdiction: `{j}` is not known: write \"england-and-wales\" or \"scotland\""
            ),
        ));
    }
    let mut seen = Vec::new();
    for (i, year) in session.contributions.iter().enumerate() {
        let at = |field: &str| format!("contributions[{}].{field}", i + 1);
        let line = line_containing(text, &format!("\"{}\"", year.tax_year));
        if parse_tax_year(&year.tax_year).is_none() {
            return Err(bad(
                line,
                format!(
                    "{}: `{}` is not a tax year: write it like \"2024-25\"",
                    at("tax_year"),
                    year.tax_year
                ),
            ));
        }
        if seen.contains(&&year.tax_year) {
            return Err(bad(
                line,
                format!(
                    "{}: {} is given twice: give each tax year once",
                    at("tax_year"),
                    year.tax_year
                ),
            ));
        }
        seen.push(&year.tax_year);
        let weeks = [
            ("class1_weeks", year.class1_weeks),
            ("class2_weeks", year.class2_weeks),
            ("credited_weeks", year.credited_weeks),
        ];
        if let Some((name, n)) = weeks.iter().find(|(_, w)| w.is_some_and(|n| n > MAX_WEEKS)) {
            return Err(bad(
                line,
                format!(
                    "{}: {} weeks is more than a tax year holds (at most {MAX_WEEKS})",
                    at(name),
                    n.unwrap_or_default()
                ),
            ));
        }
    }
    Ok(())
}

/// "2024-25" as its first year, when the second is the year after.
pub fn parse_tax_year(text: &str) -> Option<i32> {
    let (a, b) = text.split_once('-')?;
    if a.len() != 4 || b.len() != 2 {
        return None;
    }
    let first: i32 = a.parse().ok()?;
    let second: i32 = b.parse().ok()?;
    (second == (first + 1) % 100).then_some(first)
}
