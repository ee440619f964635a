//! Reading a session file, written by this program or by hand, into a `Session`. A file from a
//! newer `format` is refused before anything else is read; a damaged one is reported with the
//! file, the line and the field (`claimant.date_of_birth`, `contributions[2].class1_weeks`) and
//! what to write instead. Values the file format fixes (jurisdiction, tax years, weeks) are
//! checked here so every reader gets the same answer. Depends on `interview::session`.

use crate::interview::session::{ContributionYear, FORMAT, Session};

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

/// The toml error as file, line and the field it is about, without the value (which may be
/// claimant data).
pub fn damaged(text: &str, file: &str, e: &toml::de::Error) -> StoreError {
    let message = e.message().trim().replace('\n', "; ");
    let (line, message) = match e.span() {
        Some(span) => {
            let line = line_at(text, span.start);
            let message = redact(&message, text.lines().nth(line - 1).unwrap_or_default());
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

/// Replaces any quoted part of `message` that repeats the value written on `line` (after its
/// `=`) with "this value", so no claimant detail reaches a message or a log. Field names in the
/// message are kept: they are never on the value side.
pub fn redact(message: &str, line: &str) -> String {
    let value = line.split_once('=').map_or(line, |(_, v)| v);
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(start) = rest.find(['`', '"']) {
        let quote = rest[start..].chars().next().unwrap_or('`');
        let Some(len) = rest[start + 1..].find(quote) else {
            break;
        };
        let inner = &rest[start + 1..start + 1 + len];
        out.push_str(&rest[..start]);
        if !inner.trim().is_empty() && value.contains(inner) {
            out.push_str("this value");
        } else {
            out.push_str(&rest[start..start + len + 2]);
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
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

/// Checks the values whose form the file format fixes. Messages name the field, not the value.
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
            "decision.jurisdiction: not known: write \"england-and-wales\" or \"scotland\"".into(),
        ));
    }
    let mut seen = Vec::new();
    for (i, year) in session.contributions.iter().enumerate() {
        let line = line_containing(text, &format!("\"{}\"", year.tax_year));
        if let Some(problem) = year_problem(year, &seen) {
            return Err(bad(line, format!("contributions[{}].{problem}", i + 1)));
        }
        seen.push(&year.tax_year);
    }
    Ok(())
}

/// What is wrong with one tax year's record, as "field: problem".
fn year_problem(year: &ContributionYear, seen: &[&String]) -> Option<String> {
    if parse_tax_year(&year.tax_year).is_none() {
        return Some("tax_year: not a tax year: write it like \"2024-25\"".into());
    }
    if seen.contains(&&year.tax_year) {
        return Some("tax_year: this tax year is given twice: give each once".into());
    }
    [
        ("class1_weeks", year.class1_weeks),
        ("class2_weeks", year.class2_weeks),
        ("credited_weeks", year.credited_weeks),
    ]
    .into_iter()
    .find(|(_, w)| w.is_some_and(|n| n > MAX_WEEKS))
    .map(|(name, _)| format!("{name}: more weeks than a tax year holds (at most {MAX_WEEKS})"))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> String {
        parse(text, "f.toml").unwrap_err().to_string()
    }

    #[test]
    fn messages_name_the_field_but_never_repeat_the_value() {
        let m = message("format = 1\n[claimant]\ndate_of_birth = \"17 May 1980\"\n");
        assert!(m.starts_with("f.toml:3: claimant.date_of_birth:"), "{m}");
        assert!(!m.contains("17 May") && m.contains("this value"), "{m}");
        let m = message("format = 1\nreference = 1980\n");
        assert!(m.contains("reference") && !m.contains("1980"), "{m}");
        let m = message("format = 1\n[claimant]\nclaim_dte = 2026-03-10\n");
        assert!(
            m.contains("`claim_dte`") && m.contains("`claim_date`"),
            "field names stay: {m}"
        );
        let m = message("format = 1\n[decision]\njurisdiction = \"Jane's house\"\n");
        assert!(!m.contains("Jane"), "{m}");
    }

    #[test]
    fn tax_years_are_a_year_and_the_next() {
        assert_eq!(parse_tax_year("2024-25"), Some(2024));
        assert_eq!(parse_tax_year("1999-00"), Some(1999));
        for bad in ["2024-26", "2024/25", "24-25", "2024-2025", ""] {
            assert_eq!(parse_tax_year(bad), None, "{bad}");
        }
    }
}
