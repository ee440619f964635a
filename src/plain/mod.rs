//! The plain-text front end for screen readers. FIRST CUT: not built yet.

use std::io::{BufRead, Write};

use crate::app::{Context, PlainReason};

/// Runs the interview as a linear conversation over any input and output.
pub fn run<R: BufRead, W: Write>(
    _input: R,
    mut output: W,
    _ctx: &Context,
    _resume: Option<&str>,
    reason: PlainReason,
) -> std::io::Result<()> {
    writeln!(
        output,
        "Plain-text mode is on {}. It is not built yet.",
        reason.words()
    )
}
