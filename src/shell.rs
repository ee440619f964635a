//! The shell commands that work on saved sessions: list, export, assess, purge. FIRST CUT: stubs.

use std::process::ExitCode;

use crate::app::Context;
use crate::cli::Format;

/// `esa-interview list`.
pub fn list(ctx: &Context) -> ExitCode {
    for s in ctx.store.list() {
        println!(
            "{}\t{}",
            s.reference,
            s.changed.map(|c| c.to_string()).unwrap_or_default()
        );
    }
    ExitCode::SUCCESS
}

/// `esa-interview export REF --format F [--output FILE]`.
pub fn export(
    _ctx: &Context,
    _reference: &str,
    _format: Format,
    _output: Option<&std::path::Path>,
) -> ExitCode {
    eprintln!("export is not built yet");
    ExitCode::from(2)
}

/// `esa-interview assess FILE [--json]`.
pub fn assess(_ctx: &Context, _file: &std::path::Path, _json: bool) -> ExitCode {
    eprintln!("assess is not built yet");
    ExitCode::from(2)
}

/// `esa-interview purge --older-than P [--dry-run]`.
pub fn purge(_ctx: &Context, _older_than: &str, _dry_run: bool) -> ExitCode {
    eprintln!("purge is not built yet");
    ExitCode::from(2)
}
