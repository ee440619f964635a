//! Applying what was typed: actions go to the open session (`OpenSession::apply`: all or none,
//! a read-only session refuses a change, every change is saved at once), and the status lines
//! (what changed) are worked out by comparing the view model before and after. Also the error
//! line, saving on request and the end of input.

use std::io::{self, BufRead, Write};

use crate::interview::{Action, Outcome};
use crate::open_session::{SaveFailure, SaveProblem};

use super::convo::{Convo, Flow};
use super::prompt::Ask;
use super::status;

impl<R: BufRead, W: Write> Convo<'_, R, W> {
    /// Says an error and asks the question again.
    pub(super) fn error(&mut self, message: &str) -> io::Result<Flow> {
        let message = message.trim_end();
        let stop = if message.ends_with(['.', '?', '!']) {
            ""
        } else {
            "."
        };
        self.io.say(&format!("Error: {message}{stop}"))?;
        Ok(Flow::Ask(Ask::Again))
    }

    /// Applies actions through the open session (all or none; a read-only session refuses a
    /// change; saved at once) and returns the outcome with the status lines for the caller to
    /// say: what changed, worked out by comparing the view model before and after.
    pub(super) fn apply(&mut self, actions: Vec<Action>) -> io::Result<(Outcome, Vec<String>)> {
        let before = self.vm();
        let applied = self.handle.apply(actions, self.ctx);
        if let Some(f) = &applied.save_failed {
            self.io.say(&not_saved(f))?;
        }
        if let Some(r) = applied.refused {
            return Ok((Outcome::Invalid(r.to_string()), Vec::new()));
        }
        let lines = if applied.outcome == Outcome::Changed {
            let mut lines = applied.said.clone();
            lines.extend(status::changes(&before, &self.vm()));
            lines
        } else {
            Vec::new()
        };
        Ok((applied.outcome, lines))
    }

    /// Saves and says so with `label` ("Saved").
    pub(super) fn save(&mut self, label: &str) -> io::Result<()> {
        match self.handle.save(self.ctx) {
            Ok(()) => self.io.say(&format!(
                "{label}: the session for {}.",
                self.handle.session.reference
            )),
            Err(SaveProblem::Failed(f)) => self.io.say(&not_saved(&f)),
            Err(p @ SaveProblem::ReadOnly) => self.io.say(&p.said()),
        }
    }

    pub(super) fn end_of_input(&mut self) -> io::Result<()> {
        self.io.say("End of input.")?;
        self.save("Saved")?;
        self.io.say("Goodbye.")?;
        self.io.flush()
    }
}

/// A failed save, with how to try again here.
fn not_saved(f: &SaveFailure) -> String {
    format!(
        "{}; type save to try again, or it is tried again at the next change.",
        f.said()
    )
}
