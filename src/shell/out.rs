//! Standard output for the shell commands: one buffered writer per command (a listing of
//! 50,000 sessions is one write, not 50,000), and a reader that closes the pipe early
//! (`list | head -1`) ends the command quietly with status 0, as `ls | head` does.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// Runs `write` against buffered standard output and flushes it; a closed pipe is success.
pub fn emit(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> ExitCode {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("esa-interview: cannot write to standard output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes bytes made beforehand (a completion script, the manual page, an export).
pub fn print(bytes: &[u8]) -> ExitCode {
    emit(|out| out.write_all(bytes))
}
