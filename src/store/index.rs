//! The sessions folder's index, `caseload.index`: for each session file, what `list` and the
//! caseload need (reference, last change, the decision's dates and jurisdiction, or why the
//! file cannot be read), keyed by the file's size, times and inode. A file whose metadata still
//! matches its line is not opened; any other file is read again and its line rebuilt. The index
//! is never trusted beyond that: a line that does not parse, a header from another version, or
//! an index that is not a regular file of ours is ignored and rebuilt, so a damaged index costs
//! one slow listing, never a wrong one. A file too large to be a session (a planted 1 GB file)
//! is listed as damaged from its metadata alone, once, without being read. Depends on `read`,
//! `header` and `atomic`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs::Metadata;
use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::content::date::{Date, Stamp};
use crate::interview::session::Decision;

use super::{Summary, atomic, header, read};

/// The index's file name in the sessions folder.
pub const FILE: &str = "caseload.index";

/// The first line: the layout's version and the program's, so another build's index is rebuilt.
fn first_line() -> String {
    format!(
        "esa-interview caseload index 1 {}",
        env!("CARGO_PKG_VERSION")
    )
}

/// A session file larger than this is not read for the list: no session comes near it (a 1 MB
/// note is the largest the benchmarks use) and reading it would slow every start.
pub const MAX_SESSION_BYTES: u64 = 64 * 1024 * 1024;

/// Below this many files to read, a folder without an index gets none: reading them is quick,
/// and a nearly full disk keeps its last pages for the sessions themselves.
pub const WORTH_INDEXING: usize = 64;

/// A session as `list` and the caseload see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// The start screen's line.
    pub summary: Summary,
    /// The decision's dates and jurisdiction (the rest of the table is left default): all the
    /// timeline is counted from. Default for a file that cannot be read.
    pub decision: Decision,
}

/// What identifies one version of a file without reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stat {
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    ino: u64,
}

impl Stat {
    /// The file's size, times and inode.
    pub fn of(m: &Metadata) -> Stat {
        Stat {
            len: m.len(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
            ino: m.ino(),
        }
    }
}

/// The decision dates the index keeps, in the order of its columns.
const DATE_FIELDS: usize = 7;

fn dates(d: &Decision) -> [Option<Date>; DATE_FIELDS] {
    [
        d.decision_date,
        d.reasons_requested,
        d.reasons_provided,
        d.mr_notice_date,
        d.tribunal_decision_date,
        d.tribunal_reasons_sent,
        d.permission_refused_date,
    ]
}

fn decision_from(dates: [Option<Date>; DATE_FIELDS], jurisdiction: Option<String>) -> Decision {
    let [
        decision_date,
        reasons_requested,
        reasons_provided,
        mr_notice_date,
        tribunal_decision_date,
        tribunal_reasons_sent,
        permission_refused_date,
    ] = dates;
    #[allow(
        clippy::needless_update,
        reason = "the decision table holds more than the timeline is counted from"
    )]
    Decision {
        decision_date,
        reasons_requested,
        reasons_provided,
        mr_notice_date,
        jurisdiction,
        tribunal_decision_date,
        tribunal_reasons_sent,
        permission_refused_date,
        ..Decision::default()
    }
}

/// Only what the timeline is counted from: the index and a fresh read must give equal cases.
fn timeline_part(d: &Decision) -> Decision {
    decision_from(dates(d), d.jurisdiction.clone())
}

/// Every session file in `dir` (by id, with its metadata), as cases, using and then refreshing
/// the index. `write` is false where the folder must not change (a read-only look).
pub fn cases(dir: &Path, files: Vec<(String, Stat)>, write: bool) -> Vec<Case> {
    let index_path = dir.join(FILE);
    let (text, existed) = load(&index_path);
    let mut known = lines_by_id(&text);
    let mut changed = known.len() != files.len();
    let mut fresh: Vec<(PathBuf, String, Stat)> = Vec::new();
    let mut out: Vec<(Stat, Case)> = Vec::with_capacity(files.len());
    for (id, stat) in files {
        match known.remove(id.as_str()).and_then(parse_line) {
            Some((s, case)) if s == stat && case.summary.id == id => out.push((stat, case)),
            _ => {
                changed = true;
                fresh.push((dir.join(format!("{id}.toml")), id, stat));
            }
        }
    }
    changed |= !known.is_empty();
    drop(known);
    drop(text);
    let worth = existed || fresh.len() >= WORTH_INDEXING;
    out.extend(read_all(&fresh));
    if changed && write && worth {
        // Best effort: a folder that cannot be written to still lists, only more slowly.
        let _ = atomic::replace(&index_path, render(&out).as_bytes());
    }
    out.into_iter().map(|(_, c)| c).collect()
}

/// Reads the files the index does not know, on up to four threads for many (the first start
/// after an upgrade reads them all).
fn read_all(files: &[(PathBuf, String, Stat)]) -> Vec<(Stat, Case)> {
    let read = |chunk: &[(PathBuf, String, Stat)]| -> Vec<(Stat, Case)> {
        chunk
            .iter()
            .map(|(path, id, stat)| (*stat, read_case(path, id, stat.len)))
            .collect()
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || files.len() < 256 {
        return read(files);
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(files.len().div_ceil(threads))
            .map(|chunk| s.spawn(move || read(chunk)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// One file read afresh, once and no further than a session can be: the whole session for the
/// list and the decision; a file that does not read is listed as damaged, as `open` would find
/// it, under the reference its header still gives.
fn read_case(path: &Path, id: &str, len: u64) -> Case {
    let damaged = |summary: Summary| Case {
        summary,
        decision: Decision::default(),
    };
    if len > MAX_SESSION_BYTES {
        return damaged(header::damaged(
            "",
            path,
            id,
            format!("{len} bytes, too large to be a session file; it was not read"),
        ));
    }
    let mut text = String::new();
    if let Err(e) =
        std::fs::File::open(path).and_then(|f| f.take(MAX_SESSION_BYTES).read_to_string(&mut text))
    {
        return damaged(header::damaged(
            "",
            path,
            id,
            format!("cannot be read: {e}"),
        ));
    }
    match read::parse(&text, &path.display().to_string()) {
        Ok(session) => Case {
            decision: timeline_part(&session.decision),
            summary: header::healthy(session.reference, session.changed, path, id),
        },
        Err(e) => damaged(header::damaged(&text, path, id, header::describe(&e))),
    }
}

/// The index as text: the first line, then one line per file, tab-separated.
fn render(cases: &[(Stat, Case)]) -> String {
    let mut s = first_line();
    s.push('\n');
    for (stat, case) in cases {
        let c = &case.summary;
        let _ = write!(
            s,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            escape(&c.id),
            stat.len,
            stat.mtime.0,
            stat.mtime.1,
            stat.ctime.0,
            stat.ctime.1,
            stat.ino,
            c.changed.map_or_else(
                || "-".to_string(),
                |t| t.0.format("%Y-%m-%dT%H:%M:%S").to_string()
            ),
        );
        for d in dates(&case.decision) {
            s.push('\t');
            match d {
                Some(d) => {
                    let _ = write!(s, "{}", d.0.format("%Y-%m-%d"));
                }
                None => s.push('-'),
            }
        }
        s.push('\t');
        s.push_str(
            &case
                .decision
                .jurisdiction
                .as_deref()
                .map_or_else(|| "-".into(), escape),
        );
        s.push('\t');
        if let Some(p) = &c.problem {
            s.push('!');
            s.push_str(&escape(p));
        }
        s.push('\t');
        s.push_str(&escape(&c.reference));
        s.push('\n');
    }
    s
}

/// The index's text (empty when the file is missing, not ours or from another version), and
/// whether a file of ours was there.
fn load(path: &Path) -> (String, bool) {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return (String::new(), false);
    };
    if !meta.is_file() || meta.len() > MAX_SESSION_BYTES {
        return (String::new(), false);
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        return (String::new(), true);
    };
    let ours = text
        .split_once('\n')
        .is_some_and(|(first, _)| first == first_line());
    (if ours { text } else { String::new() }, true)
}

/// Each line after the first by the id it starts with, parsed only when its file is listed.
fn lines_by_id(text: &str) -> HashMap<&str, &str> {
    text.lines()
        .skip(1)
        .filter_map(|l| Some((l.split_once('\t')?.0, l)))
        .collect()
}

fn parse_line(line: &str) -> Option<(Stat, Case)> {
    let mut fields = [""; 8 + DATE_FIELDS + 3];
    let mut parts = line.split('\t');
    for slot in &mut fields {
        *slot = parts.next()?;
    }
    if parts.next().is_some() {
        return None;
    }
    let f = fields;
    let n = |i: usize| f[i].parse::<i64>().ok();
    let stat = Stat {
        len: f[1].parse().ok()?,
        mtime: (n(2)?, n(3)?),
        ctime: (n(4)?, n(5)?),
        ino: f[6].parse().ok()?,
    };
    let changed = match f[7] {
        "-" => None,
        t => Some(Stamp(parse_stamp(t)?)),
    };
    let mut dates = [None; DATE_FIELDS];
    for (slot, text) in dates.iter_mut().zip(&f[8..8 + DATE_FIELDS]) {
        *slot = match *text {
            "-" => None,
            t => Some(Date(parse_day(t)?)),
        };
    }
    let jurisdiction = match f[8 + DATE_FIELDS] {
        "-" => None,
        j => Some(unescape(j)?),
    };
    let problem = match f[9 + DATE_FIELDS] {
        "" => None,
        p => Some(unescape(p.strip_prefix('!')?)?),
    };
    let reference = unescape(f[10 + DATE_FIELDS])?;
    let case = Case {
        summary: Summary {
            id: unescape(f[0])?,
            reference,
            changed,
            problem,
        },
        decision: decision_from(dates, jurisdiction),
    };
    Some((stat, case))
}

/// `YYYY-MM-DD`, as `render` writes it (50,000 of these are read at every start, so not
/// through chrono's general parser).
fn parse_day(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, &d| {
            d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

/// `YYYY-MM-DDTHH:MM:SS`, as `render` writes it.
fn parse_stamp(t: &str) -> Option<chrono::NaiveDateTime> {
    let (day, time) = t.split_once('T')?;
    let b = time.as_bytes();
    if b.len() != 8 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    let num = |i: usize| -> Option<u32> {
        let (h, l) = (b[i], b[i + 1]);
        (h.is_ascii_digit() && l.is_ascii_digit())
            .then(|| u32::from(h - b'0') * 10 + u32::from(l - b'0'))
    };
    parse_day(day)?.and_hms_opt(num(0)?, num(3)?, num(6)?)
}

/// Backslash, tab, newline and carriage return written as `\\`, `\t`, `\n`, `\r`, so a
/// reference holding them stays on its line.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push(match chars.next()? {
                '\\' => '\\',
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                _ => return None,
            });
        } else {
            out.push(c);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_round_trips_every_awkward_character() {
        for s in [
            "plain",
            "tab\there",
            "new\nline",
            "back\\slash",
            "\r\n\t\\",
            "\\t",
        ] {
            assert_eq!(unescape(&escape(s)).as_deref(), Some(s));
            assert!(!escape(s).contains(['\t', '\n', '\r']));
        }
        assert_eq!(unescape("bad\\q"), None);
    }

    #[test]
    fn a_line_round_trips_and_a_damaged_one_is_dropped() {
        let case = Case {
            summary: Summary {
                id: "1a2b3c4d".into(),
                reference: "Test\tclaimant".into(),
                changed: Some(Stamp(
                    NaiveDate::from_ymd_opt(2026, 11, 2)
                        .unwrap()
                        .and_hms_opt(9, 5, 0)
                        .unwrap(),
                )),
                problem: None,
            },
            decision: decision_from(
                [
                    Some(Date(NaiveDate::from_ymd_opt(2026, 10, 1).unwrap())),
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                ],
                Some("scotland".into()),
            ),
        };
        let stat = Stat {
            len: 10,
            mtime: (1, 2),
            ctime: (3, 4),
            ino: 5,
        };
        let text = render(&[(stat, case.clone())]);
        let line = text.lines().nth(1).unwrap();
        assert_eq!(parse_line(line), Some((stat, case)));
        assert_eq!(parse_line(&line.replace("2026-10-01", "2026-13-01")), None);
        assert_eq!(parse_line("x\t1"), None);
    }
}
