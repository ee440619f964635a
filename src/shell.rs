//! The shell commands that work on saved sessions: `list`, `export`, `assess` and `purge`.
//! Output is for people (or, with `--json`, programs); messages name files and ids, never a
//! claimant's details, except `list` and the exports themselves, whose job is to show them.
//! Exit status: 0 done, 1 a session or file could not be used, 2 the command was wrong.
//! Depends on `store`, `report` and the run `Context`.

mod due;
pub mod out;

pub use due::{days_left_words, due};

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::app::Context;
use crate::cli::ExportFormat;
use crate::content::Content;
use crate::interview::evaluate;
use crate::report::{self, assess};
use crate::store::purge::{PurgeReport, parse_period};
use crate::store::{Access, Summary, read};

fn warn_about_store(ctx: &Context) {
    for w in &ctx.store_warnings {
        eprintln!("esa-interview: warning: {w}");
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("esa-interview: {message}");
    ExitCode::FAILURE
}

/// `esa-interview list`: every session, most recently changed first.
pub fn list(ctx: &Context) -> ExitCode {
    warn_about_store(ctx);
    let sessions = ctx.store.list();
    if sessions.is_empty() {
        println!("No sessions in {}.", ctx.store.dir().display());
        return ExitCode::SUCCESS;
    }
    out::emit(|out| {
        writeln!(out, "{:<10}  {:<16}  REFERENCE", "ID", "LAST CHANGED")?;
        for s in &sessions {
            writeln!(out, "{}", list_line(ctx, s))?;
        }
        Ok(())
    })
}

fn list_line(ctx: &Context, s: &Summary) -> String {
    let changed = s.changed.map(|c| c.to_string()).unwrap_or_default();
    let what = match &s.problem {
        Some(p) => format!("(cannot be read: {p})"),
        None => s.reference.clone(),
    };
    let open = ctx
        .store
        .holder(&s.id)
        .map(|h| format!("  [open: {}, since {}]", h.who(), h.since))
        .unwrap_or_default();
    format!("{:<10}  {changed:<16}  {what}{open}", s.id)
}

/// `esa-interview export REF --format F [--output FILE]`.
pub fn export(
    ctx: &Context,
    reference: &str,
    format: ExportFormat,
    output: Option<&Path>,
) -> ExitCode {
    warn_about_store(ctx);
    let handle = match ctx
        .store
        .resolve(reference)
        .and_then(|id| ctx.store.open_session(&id, Access::ReadOnly))
    {
        Ok(h) => h,
        Err(e) => return fail(&e.to_string()),
    };
    let text = match format.statement() {
        Some(f) => report::render(&handle.session, &ctx.content, ctx.today, f),
        None => report::calendar(&handle.id, &handle.session, &ctx.content, ctx.today),
    };
    match output {
        None => out::print(text.as_bytes()),
        Some(path) => match report::write_private(path, &text) {
            Ok(()) => {
                eprintln!("Wrote {} (readable by you only).", path.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e.to_string()),
        },
    }
}

/// `esa-interview assess FILE [--json]`: the outcome of a session file, written by this
/// program or by hand. Given the content and the date, not the run's `Context`: it reads only
/// FILE, so it needs (and creates) no sessions folder.
pub fn assess(content: &Content, today: NaiveDate, file: &Path, json: bool) -> ExitCode {
    let name = file.display().to_string();
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => return fail(&format!("cannot read {name}: {e}")),
    };
    let session = match read::parse(&text, &name) {
        Ok(s) => s,
        Err(e) => return fail(&e.to_string()),
    };
    let evaluation = evaluate(&session, content, today);
    let unknown = &evaluation.unknown_ids;
    if !unknown.is_empty() {
        for id in unknown {
            let line = read::line_containing(&text, &format!("\"{id}\""));
            eprintln!("esa-interview: {name}:{line}: unknown descriptor or route id `{id}`");
        }
        return fail(&format!(
            "{name}: {} unknown id(s): {}; the ids are listed in the content's wca files",
            unknown.len(),
            unknown.join(", ")
        ));
    }
    let wca_given = text
        .parse::<toml::Table>()
        .is_ok_and(|t| t.contains_key("wca"));
    if json {
        match serde_json::to_string_pretty(&assess::json(&evaluation, wca_given)) {
            Ok(j) => println!("{j}"),
            Err(e) => return fail(&format!("cannot print JSON: {e}")),
        }
    } else {
        for line in assess::sentences(&evaluation, content, wca_given) {
            println!("{line}");
        }
    }
    ExitCode::SUCCESS
}

/// `esa-interview purge --older-than P [--dry-run]`. Says what it deleted by id and date only,
/// so its output can go to a log.
pub fn purge(ctx: &Context, older_than: &str, dry_run: bool) -> ExitCode {
    warn_about_store(ctx);
    let period = match parse_period(older_than) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("esa-interview: --older-than: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(cutoff) = period.cutoff(ctx.clock.now()) else {
        eprintln!("esa-interview: --older-than: `{older_than}` reaches before any date");
        return ExitCode::from(2);
    };
    let report = ctx.store.purge(cutoff, dry_run);
    print_purge(
        &report,
        &cutoff.format("%Y-%m-%d %H:%M").to_string(),
        dry_run,
    );
    if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {one}s")
    }
}

fn print_purge(report: &PurgeReport, cutoff: &str, dry_run: bool) {
    let line = |s: &Summary| {
        let changed = s
            .changed
            .map_or_else(|| "unknown".into(), |c| c.to_string());
        format!("  {} (last changed {changed})", s.id)
    };
    let verb = if dry_run { "Would delete" } else { "Deleted" };
    println!(
        "{verb} {} last changed on or before {cutoff}{}",
        plural(report.deleted.len(), "session"),
        if report.deleted.is_empty() { "." } else { ":" }
    );
    report.deleted.iter().for_each(|s| println!("{}", line(s)));
    if !report.open_elsewhere.is_empty() {
        println!(
            "Kept {} open in another process:",
            plural(report.open_elsewhere.len(), "session")
        );
        report
            .open_elsewhere
            .iter()
            .for_each(|s| println!("{}", line(s)));
    }
    if !report.unreadable.is_empty() {
        println!(
            "Kept {} that could not be read; check or delete by hand:",
            plural(report.unreadable.len(), "file")
        );
        report
            .unreadable
            .iter()
            .for_each(|s| println!("  {}.toml", s.id));
    }
    for (s, why) in &report.failed {
        eprintln!("esa-interview: could not delete {}: {why}", s.id);
    }
}
