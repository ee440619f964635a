//! `esa-interview due`: every session's next deadline, soonest first, as the session's own
//! routes screen gives it (`caseload`), in words, as JSON for other programs, or as a
//! calendar. Lists references and dates only: nothing else of a session.

use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;

use crate::app::Context;
use crate::caseload::{self, Due, ics};
use crate::cli::DueFormat;
use crate::interview::evaluate::StepStatus;
use crate::rules::dates::short_date;

use super::out::emit;

/// One line of `due --format json`; the keys are a contract (add, never rename).
#[derive(Serialize)]
struct DueJson<'a> {
    id: &'a str,
    reference: &'a str,
    step: &'static str,
    title: &'a str,
    last_day: Option<String>,
    days_left: Option<i64>,
    status: &'static str,
}

impl<'a> From<&'a Due> for DueJson<'a> {
    fn from(d: &'a Due) -> Self {
        DueJson {
            id: &d.id,
            reference: &d.reference,
            step: d.step.step.id(),
            title: &d.step.title,
            last_day: d.step.last_day.map(|x| x.format("%Y-%m-%d").to_string()),
            days_left: d.step.days_left,
            status: d.step.status.id(),
        }
    }
}

/// `esa-interview due [--within DAYS] [--format F]`.
pub fn due(ctx: &Context, within: i64, format: DueFormat) -> ExitCode {
    for w in &ctx.store_warnings {
        eprintln!("esa-interview: warning: {w}");
    }
    let cases = ctx.store.cases();
    let all = caseload::due_list(&cases, &ctx.content, ctx.today);
    let due: Vec<Due> = all
        .into_iter()
        .filter(|d| caseload::within(d, within))
        .collect();
    match format {
        DueFormat::Text => emit(|out| text(out, &due, within, cases.len())),
        DueFormat::Json => emit(|out| {
            let rows: Vec<DueJson> = due.iter().map(DueJson::from).collect();
            serde_json::to_writer_pretty(&mut *out, &rows).map_err(io::Error::from)?;
            writeln!(out)
        }),
        DueFormat::Ics => {
            let stamp = ctx.clock.now().and_utc();
            emit(|out| out.write_all(ics::calendar(&ics::due_events(&due), stamp).as_bytes()))
        }
    }
}

/// Days left in words: "27 days", "today", "1 day ago".
pub fn days_left_words(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "1 day".into(),
        -1 => "1 day ago".into(),
        d if d < 0 => format!("{} days ago", -d),
        d => format!("{d} days"),
    }
}

fn text(out: &mut dyn Write, due: &[Due], within: i64, sessions: usize) -> io::Result<()> {
    if due.is_empty() {
        return writeln!(
            out,
            "No deadline within {within} days (or passed in the last {within}) among {sessions} session{}.",
            if sessions == 1 { "" } else { "s" }
        );
    }
    writeln!(
        out,
        "{:<10}  {:<24}  {:<34}  {:<15}  {:<12}  STATUS",
        "ID", "REFERENCE", "STEP", "LAST DAY", "DAYS LEFT"
    )?;
    for d in due {
        let (day, left) = match (d.step.last_day, d.step.days_left) {
            (Some(day), Some(left)) => (short_date(day), days_left_words(left)),
            _ => ("cannot count".into(), String::new()),
        };
        let word = match d.step.status {
            StepStatus::CannotCount => d.step.cannot_count.clone().unwrap_or_default(),
            _ => d.word().to_string(),
        };
        writeln!(
            out,
            "{:<10}  {:<24}  {:<34}  {day:<15}  {left:<12}  {word}",
            d.id, d.reference, d.step.title
        )?;
    }
    Ok(())
}
