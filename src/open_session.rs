//! An open session and the policy for using it, written once for both front ends and the start
//! screens: changes go through `apply` (all or none), a read-only session refuses any that
//! would change it, every change is saved at once and a failed save is tried again at the next
//! change; the session's one evaluation is kept current, so the screen, the plain mode and an
//! export all render the same `Evaluation`. The sentences for a refusal and a failed save are
//! here, once. Depends on the engine, the store handle, the exports and the run `Context`.

use std::ops::Deref;
use std::path::PathBuf;

use crate::app::Context;
use crate::cli::Format;
use crate::content::Content;
use crate::interview::update::clearing_said;
use crate::interview::{Action, Evaluation, Outcome, ViewModel, evaluate, update, view_of};
use crate::store::{Access, Handle, StoreError};

/// Why an open session refused a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// It was opened read-only (another process has it, or it cannot be saved here).
    ReadOnly,
}

impl Refusal {
    /// The refusal as a sentence on its own.
    pub fn sentence(self) -> String {
        let said = self.to_string();
        let mut chars = said.chars();
        match chars.next() {
            Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
            None => said,
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::ReadOnly => {
                f.write_str("this session is open read-only: nothing can be changed")
            }
        }
    }
}

/// Why the last save did not reach the disk; the session is kept in memory meanwhile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveFailure {
    /// The system's reason first ("No space left on device; cannot save ...").
    pub reason: String,
}

impl SaveFailure {
    /// "Not saved: <reason>. Your answers are kept while the program runs": each front end adds
    /// how to try again.
    pub fn said(&self) -> String {
        format!(
            "Not saved: {}. Your answers are kept while the program runs",
            self.reason
        )
    }
}

/// What applying actions did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// What the actions did to the session (`Unchanged` when refused, `Invalid` when one of
    /// them was: then none was applied).
    pub outcome: Outcome,
    /// Why nothing changed although the actions would have changed something.
    pub refused: Option<Refusal>,
    /// Set when a save was tried and failed (the change is kept in memory).
    pub save_failed: Option<SaveFailure>,
    /// What the change did beyond what was asked, in words, for the front end to say (a choice
    /// that cleared another in the same activity).
    pub said: Vec<String>,
}

impl Applied {
    /// What to tell the adviser instead of the change: why the input was refused.
    pub fn problem(&self) -> Option<String> {
        match (&self.outcome, self.refused) {
            (Outcome::Invalid(m), _) => Some(m.clone()),
            (_, Some(r)) => Some(r.to_string()),
            _ => None,
        }
    }
}

/// The sentence said when a session opens read-only.
pub const OPENED_READ_ONLY: &str =
    "Read-only: you can look at every answer; nothing is changed or saved.";

/// The sentence said when saving is asked of a read-only session.
pub const NOT_SAVED_READ_ONLY: &str = "Nothing was saved: this session is open read-only.";

/// An open session: its handle (lock, read-only state, where it is saved), its evaluation, and
/// why the last save failed. Reading the handle is open to all (`Deref`); changing the session
/// is only through `apply`.
#[derive(Debug)]
pub struct OpenSession {
    handle: Handle,
    evaluation: Evaluation,
    save_failure: Option<SaveFailure>,
}

impl Deref for OpenSession {
    type Target = Handle;

    fn deref(&self) -> &Handle {
        &self.handle
    }
}

impl OpenSession {
    /// Opens a session from its handle, evaluated on the run's day.
    pub fn new(handle: Handle, ctx: &Context) -> Self {
        let evaluation = evaluate(&handle.session, &ctx.content, ctx.today);
        OpenSession {
            handle,
            evaluation,
            save_failure: None,
        }
    }

    /// The handle back, for a caller that opens the session again elsewhere.
    pub fn into_handle(self) -> Handle {
        self.handle
    }

    /// The session's one evaluation, current after every change.
    pub fn evaluation(&self) -> &Evaluation {
        &self.evaluation
    }

    /// The view of the screen the session is on, from its evaluation.
    pub fn view(&self, content: &Content) -> ViewModel {
        view_of(&self.handle.session, content, &self.evaluation)
    }

    /// Why the last save failed, until a save succeeds.
    pub fn save_failure(&self) -> Option<&SaveFailure> {
        self.save_failure.as_ref()
    }

    /// `Some` when the session cannot be changed: for a front end about to let the adviser type.
    pub fn refuses_changes(&self) -> Option<Refusal> {
        self.handle.read_only.then_some(Refusal::ReadOnly)
    }

    /// Applies actions as one change: all, or none if one is refused. A read-only session
    /// refuses a change (moving between screens is not one); a change, or a move, is saved at
    /// once, and so is anything after a save that failed.
    pub fn apply(&mut self, actions: Vec<Action>, ctx: &Context) -> Applied {
        let mut session = self.handle.session.clone();
        let (mut changed, mut moved) = (false, false);
        let mut said = Vec::new();
        for action in actions {
            if let Action::Toggle(id) = &action {
                said.extend(clearing_said(id, &session, &ctx.content));
            }
            match update(&mut session, action, &ctx.content) {
                Outcome::Changed => changed = true,
                Outcome::Moved => moved = true,
                Outcome::Unchanged => {}
                invalid @ Outcome::Invalid(_) => return Self::unchanged(invalid, None),
            }
        }
        if changed && self.handle.read_only {
            return Self::unchanged(Outcome::Unchanged, Some(Refusal::ReadOnly));
        }
        let outcome = match (changed, moved) {
            (true, _) => Outcome::Changed,
            (false, true) => Outcome::Moved,
            (false, false) => Outcome::Unchanged,
        };
        if outcome != Outcome::Unchanged {
            self.handle.session = session;
            self.evaluation = evaluate(&self.handle.session, &ctx.content, ctx.today);
        }
        if outcome.needs_save() || self.save_failure.is_some() {
            self.save_quietly(ctx);
        }
        Applied {
            outcome,
            refused: None,
            save_failed: self.save_failure.clone(),
            said,
        }
    }

    fn unchanged(outcome: Outcome, refused: Option<Refusal>) -> Applied {
        Applied {
            outcome,
            refused,
            save_failed: None,
            said: Vec::new(),
        }
    }

    fn save_quietly(&mut self, ctx: &Context) {
        if self.handle.read_only {
            return;
        }
        self.save_failure = self
            .handle
            .save(ctx.clock.now())
            .err()
            .map(|e| SaveFailure {
                reason: e.reason_first(),
            });
    }

    /// Saves now, as asked: `Ok` when it is on disk; a read-only session refuses.
    pub fn save(&mut self, ctx: &Context) -> Result<(), SaveProblem> {
        if self.handle.read_only {
            return Err(SaveProblem::ReadOnly);
        }
        self.save_quietly(ctx);
        match &self.save_failure {
            None => Ok(()),
            Some(f) => Err(SaveProblem::Failed(f.clone())),
        }
    }

    /// Writes an export of the session's evaluation into the store's exports folder.
    pub fn export(&self, ctx: &Context, format: Format) -> Result<PathBuf, StoreError> {
        crate::report::export_evaluated(
            &ctx.store,
            &self.handle.id,
            &self.handle.session,
            &ctx.content,
            &self.evaluation,
            format,
        )
    }
}

/// Why a save that was asked for did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveProblem {
    /// The session is open read-only.
    ReadOnly,
    /// The disk refused it.
    Failed(SaveFailure),
}

impl SaveProblem {
    /// The sentence for it.
    pub fn said(&self) -> String {
        match self {
            SaveProblem::ReadOnly => NOT_SAVED_READ_ONLY.to_string(),
            SaveProblem::Failed(f) => f.said(),
        }
    }
}

/// Why a session could not be opened for changes.
#[derive(Debug)]
pub enum OpenRefusal {
    /// Another process has it open (changing it here as well could lose that work). It can be
    /// opened read-only.
    Locked {
        /// Who holds it, and since when, in words.
        holder: String,
    },
    /// It reads, but changes to it cannot be saved here (a full or read-only disk). It can be
    /// opened read-only.
    CannotLock {
        /// Why, in the system's words.
        reason: String,
    },
    /// It cannot be opened at all.
    Unusable(StoreError),
}

/// Opens a session to change it, or says why not and whether it can be opened read-only: the
/// one opening policy of both start screens.
pub fn open_for_changes(ctx: &Context, id: &str) -> Result<Handle, OpenRefusal> {
    match ctx.store.open_session(id, Access::ReadWrite) {
        Ok(h) => Ok(h),
        Err(StoreError::Locked { by, since, .. }) => Err(OpenRefusal::Locked {
            holder: format!("{by}, since {since}"),
        }),
        // A full or read-only disk: it can still be read.
        Err(e @ StoreError::Io { .. }) if ctx.store.open_session(id, Access::ReadOnly).is_ok() => {
            Err(OpenRefusal::CannotLock {
                reason: e.reason_first(),
            })
        }
        Err(e) => Err(OpenRefusal::Unusable(e)),
    }
}
