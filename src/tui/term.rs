//! Terminal hygiene: raw mode and the alternate screen on the way in, and the terminal put
//! back on every way out: normal exit, a panic (a hook restores it before the message is
//! printed) and signals (watched on their own thread, so a hang-up is seen even when the event
//! loop is stuck on a dead terminal). Depends on crossterm and signal-hook only.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

/// True while the terminal is in the program's hands, so restoring twice does nothing.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// What the event loop is told.
pub enum Msg {
    /// A key, paste or resize.
    Event(Event),
    /// A signal asking the program to stop.
    Signal(i32),
    /// The terminal cannot be read any more.
    Lost(String),
}

/// Raw mode, the alternate screen, bracketed paste.
pub fn enter() -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    crossterm::execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)
}

/// Puts the terminal back as it was; safe to call from any thread, more than once.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = crossterm::terminal::disable_raw_mode();
    let mut out = io::stdout();
    let _ = out.write_all(b"\x1b[0m");
    let _ = crossterm::execute!(out, DisableBracketedPaste, LeaveAlternateScreen, Show);
    let _ = out.flush();
}

/// Restores the terminal before a panic message is printed, so it is readable.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Catches hang-up and termination signals from now on (they wait until `watch_signals`).
pub fn catch_signals() -> io::Result<Signals> {
    Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
}

/// Watches the caught signals on their own thread and tells the loop. If the loop has not
/// finished a few seconds later (a dead terminal), restores and exits anyway: every change is
/// already on disk.
pub fn watch_signals(mut signals: Signals, tx: Sender<Msg>) {
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = tx.send(Msg::Signal(sig));
            thread::sleep(Duration::from_secs(3));
            restore();
            crate::store::lock::release_all();
            std::process::exit(crate::store::signals::exit_code(sig));
        }
    });
}

/// Reads terminal events on their own thread and passes them on.
pub fn read_input(tx: Sender<Msg>) {
    thread::spawn(move || {
        loop {
            match crossterm::event::read() {
                Ok(ev) => {
                    if tx.send(Msg::Event(ev)).is_err() {
                        break;
                    }
                }
                Err(e) => {
                    let _ = tx.send(Msg::Lost(e.to_string()));
                    break;
                }
            }
        }
    });
}
