//! Applying what was typed: actions go to the open session (`OpenSession::apply`: all or none,
//! a read-only session refuses a change, every change is saved at once), and the status lines
//! (what changed) are worked out by comparing the view model before and after. Also the error
//! line, saving on request and the end of input.

use std::io::{self, BufRead, Write};

use crate::interview::{Action, Outcome};
use crate::open_session::{SaveFailure, SaveProblem};

use crate::interview::view::Screen;

use super::convo::{Convo, Flow};
use super::items::{Item, items};
use super::prompt::Ask;
use super::speak::stage_label;
use super::status;

impl<R: BufRead, W: Write> Convo<'_, R, W> {
    /// Says an error and asks the question again; with strict input (not a terminal), says
    /// where the run stops instead, saves and ends it.
    pub(super) fn error(&mut self, message: &str) -> io::Result<Flow> {
        let message = message.trim_end();
        let stop = if message.ends_with(['.', '?', '!']) {
            ""
        } else {
            "."
        };
        let asked = self.asked();
        if self.io.refuse(&format!("Error: {message}{stop}"), &asked)? {
            self.save("Saved")?;
            return Ok(Flow::Done);
        }
        Ok(Flow::Ask(Ask::Again))
    }

    /// The prompt a line was typed at, in words: the stage, and the question, NI record entry
    /// or activity being asked.
    fn asked(&self) -> String {
        let vm = self.vm();
        let stage = stage_label(&vm);
        let all = items(&vm).unwrap_or_default();
        match (all.get(self.focus), &vm.screen) {
            (Some(Item::Question(f)), _) => format!(
                "{stage} Question {} of {}: {}",
                self.focus + 1,
                all.len(),
                f.text
            ),
            (Some(Item::Entry { row, field, .. }), _) => format!(
                "{stage} Question {} of {}: Tax year {}: {}.",
                self.focus + 1,
                all.len(),
                row.tax_year,
                field.label()
            ),
            (None, Screen::Activity(a)) => vm.place.activity_label.clone().map_or_else(
                || format!("{stage} Activity {} of {}: {}.", a.number, a.count, a.title),
                |l| format!("{stage} {l}."),
            ),
            _ => stage,
        }
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
            status::changes(&before, &self.vm())
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
