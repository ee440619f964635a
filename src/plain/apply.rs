//! Applying what was typed: actions go to the engine's `update` as one change (all or none),
//! a read-only session refuses changes, every change is saved at once, and the status lines
//! (what changed) are worked out by comparing the view model before and after. Also the
//! error line, saving on request and the end of input.

use std::io::{self, BufRead, Write};

use crate::interview::{Action, Outcome, update};

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

    /// Applies actions as one change (all or none), saves if needed, and returns the outcome
    /// with the status lines for the caller to say. A read-only session refuses changes.
    pub(super) fn apply(&mut self, actions: Vec<Action>) -> io::Result<(Outcome, Vec<String>)> {
        let before = self.vm();
        let mut session = self.handle.session.clone();
        let (mut changed, mut moved) = (false, false);
        for action in actions {
            match update(&mut session, action, &self.ctx.content) {
                Outcome::Changed => changed = true,
                Outcome::Moved => moved = true,
                Outcome::Unchanged => {}
                invalid @ Outcome::Invalid(_) => return Ok((invalid, Vec::new())),
            }
        }
        if changed && self.handle.read_only {
            let why = "this session is open read-only, so answers cannot be changed";
            return Ok((Outcome::Invalid(why.into()), Vec::new()));
        }
        self.handle.session = session;
        let outcome = match (changed, moved) {
            (true, _) => Outcome::Changed,
            (false, true) => Outcome::Moved,
            (false, false) => Outcome::Unchanged,
        };
        if outcome.needs_save() && !self.handle.read_only {
            self.save_quietly()?;
        }
        let lines = if changed {
            status::changes(&before, &self.vm())
        } else {
            Vec::new()
        };
        Ok((outcome, lines))
    }

    fn save_quietly(&mut self) -> io::Result<()> {
        match self.handle.save(self.ctx.clock.now()) {
            Ok(()) => Ok(()),
            Err(e) => self.io.say(&format!(
                "Error: {e}. Your answers are kept while the program runs; type save to try again."
            )),
        }
    }

    /// Saves and says so with `label` ("Saved").
    pub(super) fn save(&mut self, label: &str) -> io::Result<()> {
        if self.handle.read_only {
            return self
                .io
                .say("Nothing was saved: this session is open read-only.");
        }
        match self.handle.save(self.ctx.clock.now()) {
            Ok(()) => self.io.say(&format!(
                "{label}: the session for {}.",
                self.handle.session.reference
            )),
            Err(e) => self.io.say(&format!("Error: {e}.")),
        }
    }

    pub(super) fn end_of_input(&mut self) -> io::Result<()> {
        self.io.say("End of input.")?;
        self.save("Saved")?;
        self.io.say("Goodbye.")?;
        self.io.flush()
    }
}
