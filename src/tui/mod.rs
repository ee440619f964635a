//! The full-screen front end (ratatui + crossterm): a start screen to begin or resume a
//! session, then the interview with the points tally always in view. Keys are named in one
//! place (`keymap`) and become engine `Action`s; UI-only state (focus, scroll, editors, windows)
//! lives beside the session in `Interview` and `Start`; screens draw the `ViewModel` and never
//! change the session. Depends on the engine (`interview`), `store`, `report` and `app`.

pub mod app;
pub mod backend;
pub mod draw;
pub mod editor;
pub mod interview;
pub mod keymap;
pub mod layout;
pub mod note_editor;
pub mod overlay;
pub mod page;
pub mod screens;
pub mod start;
pub mod start_view;
pub mod tally;
mod term;

use std::io::{self, BufWriter};
use std::sync::mpsc;

use ratatui::Terminal;

use crate::app::Context;

use self::app::App;
use self::backend::LeanBackend;
use self::interview::Control;
use self::term::Msg;

/// True unless `NO_COLOR` is set to something (https://no-color.org).
pub fn colour_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Runs the full-screen interview until the adviser quits; `resume` opens that reference.
pub fn run(ctx: &Context, resume: Option<&str>) -> Result<(), String> {
    term::install_panic_hook();
    term::enter().map_err(|e| format!("cannot set up the terminal: {e}"))?;
    let result = event_loop(ctx, resume);
    term::restore();
    result
}

fn event_loop(ctx: &Context, resume: Option<&str>) -> Result<(), String> {
    let io_err = |e: io::Error| format!("terminal: {e}");
    let backend = LeanBackend::new(BufWriter::with_capacity(1 << 15, io::stdout()));
    let mut terminal = Terminal::new(backend).map_err(io_err)?;
    let size = terminal.size().map_err(io_err)?;
    let mut app = App::new(ctx, resume, (size.width, size.height), colour_allowed());
    let signals = term::catch_signals().map_err(io_err)?;
    terminal.clear().map_err(io_err)?;
    terminal.draw(|f| app.draw(f)).map_err(io_err)?;
    // The threads start after the first frame, so it appears as soon as possible.
    let (tx, rx) = mpsc::channel();
    term::watch_signals(signals, tx.clone());
    term::read_input(tx);
    loop {
        let first = rx.recv().map_err(|e| e.to_string())?;
        // Everything already waiting (a paste, fast typing) is handled before the next frame.
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            match msg {
                Msg::Event(ev) => {
                    if app.event(&ev) == Control::Quit {
                        return Ok(());
                    }
                }
                Msg::Signal(sig) => {
                    app.shutdown();
                    term::restore();
                    crate::store::lock::release_all();
                    eprintln!(
                        "esa-interview: stopped by signal {sig}; every change was already saved"
                    );
                    std::process::exit(crate::store::signals::exit_code(sig));
                }
                Msg::Lost(e) => {
                    app.shutdown();
                    return Err(format!("lost the terminal ({e}); the session was saved"));
                }
            }
        }
        terminal.draw(|f| app.draw(f)).map_err(io_err)?;
    }
}
