//! The full-screen front end (ratatui + crossterm). FIRST CUT: not built yet.

use crate::app::Context;

/// Runs the full-screen interview until the adviser quits; `resume` opens that reference.
pub fn run(_ctx: &Context, _resume: Option<&str>) -> Result<(), String> {
    Err("the full-screen interview is not built yet: use --plain".into())
}
