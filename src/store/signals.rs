//! Hang-ups and signals. SIGHUP (the SSH connection dropped), SIGTERM and SIGINT are caught on
//! a thread of their own, so an event loop stuck on a dead terminal cannot block them. There is
//! nothing to save at that moment: every change is written to disk (atomically) the moment it
//! is made, by `Handle::save` after each update. The thread releases this process's session
//! locks, runs the front end's terminal-restore hook (given a moment, never waited on for long:
//! the terminal may be gone) and exits with 128 + the signal number, as shells expect.
//! Depends on `signal-hook` (a well-kept crate that does the async-signal-safe part for us) and
//! the store's locks.

use std::sync::mpsc;
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// The signals that end the program cleanly.
pub const HANDLED: [i32; 3] = [SIGHUP, SIGTERM, SIGINT];

/// How long the terminal-restore hook may take before the process exits anyway.
const RESTORE_GRACE: Duration = Duration::from_millis(500);

/// Starts the signal thread. `restore` puts the terminal back (the TUI leaves the alternate
/// screen and raw mode; the plain mode passes a hook that does nothing). Call once, at start.
pub fn install<F: Fn() + Send + 'static>(restore: F) -> std::io::Result<()> {
    let mut signals = Signals::new(HANDLED)?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                shut_down(signal, restore);
            }
        })?;
    Ok(())
}

/// The exit status for a signal: 128 + its number.
pub fn exit_code(signal: i32) -> i32 {
    128 + signal
}

/// Releases the locks, restores the terminal (within a grace period) and exits.
fn shut_down<F: Fn() + Send + 'static>(signal: i32, restore: F) -> ! {
    // Nothing to save: every change is already on disk.
    super::lock::release_all();
    let (done, wait) = mpsc::channel();
    let restorer = std::thread::Builder::new().spawn(move || {
        restore();
        let _ = done.send(());
    });
    if restorer.is_ok() {
        let _ = wait.recv_timeout(RESTORE_GRACE);
    }
    std::process::exit(exit_code(signal))
}
