//! The binary: parse arguments, read the clock once, choose what to run, map errors to exit
//! codes. Everything else lives in the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use chrono::NaiveDate;
use esa_interview::app::{self, Clock, Context, SharedContent};
use esa_interview::cli::{Cli, Command};
use esa_interview::content;
use esa_interview::interview::answer::parse_date;
use esa_interview::store::Store;
use esa_interview::{manual, plain, shell, tui};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Commands that need neither content nor the sessions folder: they make no folder.
    match &cli.command {
        Some(Command::CheckContent { dir }) => {
            return check_content(dir.clone().or(cli.content.clone()).as_deref());
        }
        Some(Command::Completions { shell }) => {
            return shell::out::print(&manual::completions(*shell));
        }
        Some(Command::Manpage { date }) => {
            return shell::out::print(manual::man_page(date).as_bytes());
        }
        _ => {}
    }
    let content = match load_content(cli.content.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let (clock, today) = match run_clock(&cli) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("esa-interview: {e}");
            return ExitCode::from(2);
        }
    };
    // `assess FILE` reads only FILE: it opens (and so creates) no sessions folder.
    if let Some(Command::Assess { file, json }) = &cli.command {
        return shell::assess(&content, today, file, *json);
    }
    let Some(dir) = cli.data_dir.clone().or_else(Store::default_dir) else {
        eprintln!("esa-interview: no data folder could be found: use --data-dir DIR");
        return ExitCode::from(2);
    };
    let (store, store_warnings) = match Store::open(&dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("esa-interview: {e}");
            return ExitCode::from(2);
        }
    };
    let ctx = Context {
        content,
        store,
        store_warnings,
        today,
        clock,
    };
    run(&cli, &ctx)
}

/// The one clock of this run: `--now` (or its environment variable) fixes it; `--today` alone
/// moves the wall clock to that date; otherwise the wall clock. With both, `--today` names the
/// interview date and `--now` the stamps.
fn run_clock(cli: &Cli) -> Result<(Clock, NaiveDate), String> {
    let clock = match cli.now.as_deref().map(app::parse_now).transpose() {
        Ok(Some(at)) => Some(Clock::Fixed(at)),
        Ok(None) => None,
        Err(e) => return Err(format!("--now: {e}")),
    };
    let today = match cli.today.as_deref().map(parse_date).transpose() {
        Ok(d) => d,
        Err(e) => return Err(format!("--today: {e}")),
    };
    Ok(match (clock, today) {
        (Some(c), Some(d)) => (c, d),
        (Some(c), None) => (c, c.today()),
        (None, Some(d)) => (Clock::shifted_to(d), d),
        (None, None) => (Clock::System, Clock::System.today()),
    })
}

fn run(cli: &Cli, ctx: &Context) -> ExitCode {
    match &cli.command {
        None => interactive(cli, ctx, None),
        Some(Command::Resume { reference }) => interactive(cli, ctx, Some(reference)),
        Some(Command::List) => shell::list(ctx),
        Some(Command::Due { within, format }) => shell::due(ctx, *within, *format),
        Some(Command::Export {
            reference,
            format,
            output,
        }) => shell::export(ctx, reference, *format, output.as_deref()),
        Some(Command::Purge {
            older_than,
            dry_run,
        }) => shell::purge(ctx, older_than, *dry_run),
        Some(
            Command::CheckContent { .. }
            | Command::Completions { .. }
            | Command::Manpage { .. }
            | Command::Assess { .. },
        ) => unreachable!("handled before the sessions folder is opened"),
    }
}

fn interactive(cli: &Cli, ctx: &Context, resume: Option<&str>) -> ExitCode {
    let result = match app::plain_reason(cli.plain) {
        Some(reason) => {
            // Hang-ups and termination on their own thread: locks released, exit 128 + signal.
            if let Err(e) = esa_interview::store::signals::install(|| {}) {
                eprintln!("esa-interview: cannot watch for hang-ups: {e}");
            }
            let stdin = std::io::stdin();
            let options = plain::Options::for_this_process(reason);
            match plain::run_with(
                stdin.lock(),
                std::io::stdout(),
                ctx,
                resume,
                reason,
                options,
            ) {
                Ok(plain::Ended::Finished) => Ok(()),
                // Said in full on standard output; the status tells a script it stopped.
                Ok(plain::Ended::Stopped { line }) => {
                    eprintln!("esa-interview: stopped: line {line} of the input was refused");
                    return ExitCode::FAILURE;
                }
                Err(e) => Err(e.to_string()),
            }
        }
        None => tui::run(ctx, resume),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("esa-interview: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A content directory is loaded (and its problems reported) at once; the built-in content,
/// which the test suite validates, is parsed in the background while the first frame draws.
fn load_content(dir: Option<&Path>) -> Result<SharedContent, ExitCode> {
    let Some(dir) = dir else {
        let shared = SharedContent::embedded();
        shared.warm_up();
        return Ok(shared);
    };
    content::load_dir(dir)
        .map(SharedContent::from)
        .map_err(|problems| {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!(
                "esa-interview: the content in {} has {} problem(s); run check-content",
                dir.display(),
                problems.len()
            );
            ExitCode::from(2)
        })
}

/// Validates a content directory (or the built-in content) and prints every problem.
fn check_content(dir: Option<&Path>) -> ExitCode {
    let (label, result) = match dir {
        None => (
            "The built-in content".to_string(),
            Ok(content::load_embedded()),
        ),
        Some(d) => (PathBuf::from(d).display().to_string(), content::load_dir(d)),
    };
    match result {
        Ok(c) => {
            println!(
                "{label} is valid: {} stages, {} Schedule 2 activities, {} Schedule 3 descriptors, {} routes, {} questions.",
                c.stages.len(),
                c.wca.schedule2.activities.len(),
                c.wca.scheme.lcwra.len(),
                c.wca.routes.len(),
                c.questions.questions.len()
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in &problems {
                println!("{p}");
            }
            let n = problems.len();
            println!(
                "{n} problem{} found in {label}. Fix them, then run check-content again.",
                if n == 1 { "" } else { "s" }
            );
            ExitCode::FAILURE
        }
    }
}
