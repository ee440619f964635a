//! An open session in the full-screen front end: the open session (its policy: read-only,
//! saving, its evaluation), the view model drawn from it, and the UI state beside it (focus,
//! scroll, the field or note being typed, the open window, the last message). Keys arrive here
//! already named by `keymap`; what they mean to the interview becomes an `Action` applied by
//! `OpenSession::apply`, which saves after every change. Depends on the engine, the open
//! session and the TUI's own modules.

use crossterm::event::KeyEvent;

use crate::app::Context;
use crate::interview::commands::{CommandId, engine_action};
use crate::interview::view::{Level, ViewModel};
use crate::interview::{Action, Outcome};
use crate::open_session::{Applied, OPENED_READ_ONLY, OpenSession, SaveProblem};
use crate::store::Handle;

use super::editor::{LineEdit, NoteEditor};
use super::keymap;
use super::overlay::Overlay;
use super::page::{StopKind, Theme};

pub use self::focus::PageView;

/// What the last key asked of the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// Keep going.
    Continue,
    /// Leave (everything is saved, or the adviser confirmed leaving unsaved).
    Quit,
}

/// An open session and its UI state.
pub struct Interview {
    /// The session, where it is saved, its evaluation and the policy for changing it.
    pub handle: OpenSession,
    /// What is on screen, rebuilt after every action.
    pub vm: ViewModel,
    /// The view model laid out as a page, the focus on it and the scroll.
    pub view: PageView,
    /// The terminal size laid out for.
    size: (u16, u16),
    /// Colour or not.
    theme: Theme,
    /// The question being typed and the field.
    pub typing: Option<(String, LineEdit)>,
    /// The last refused answer: (question id, message).
    pub field_error: Option<(String, String)>,
    /// The note being written.
    pub note: Option<NoteEditor>,
    /// The window open over the screen.
    pub overlay: Option<Overlay>,
    /// A line for the status bar.
    pub message: Option<(Level, String)>,
    /// Set when quitting failed to save: the next quit leaves anyway.
    quit_armed: bool,
}

impl Interview {
    /// Opens the screen for a session (where it was left).
    pub fn new(handle: Handle, ctx: &Context, size: (u16, u16), theme: Theme) -> Self {
        Self::opened(OpenSession::new(handle, ctx), ctx, size, theme)
    }

    /// Opens the screen for a session already open (the start screen may have moved it).
    pub fn opened(handle: OpenSession, ctx: &Context, size: (u16, u16), theme: Theme) -> Self {
        let vm = handle.view(&ctx.content);
        let mut it = Interview {
            handle,
            vm,
            view: PageView::default(),
            size,
            theme,
            typing: None,
            field_error: None,
            note: None,
            overlay: None,
            message: None,
            quit_armed: false,
        };
        if it.handle.read_only {
            it.message = Some((Level::Info, OPENED_READ_ONLY.into()));
        }
        if let Some(cleared) = it.handle.cleared_lock.clone() {
            it.message = Some((Level::Info, cleared));
        }
        if let Some(w) = ctx.store_warnings.first() {
            it.message = Some((Level::Warn, w.clone()));
        }
        it.relayout();
        it.reset_focus();
        it
    }

    /// The terminal changed size: lay the page out again, keeping the focus in view.
    pub fn resize(&mut self, size: (u16, u16)) {
        self.size = size;
        self.relayout();
        let (w, h) = self.note_view();
        if let Some(n) = self.note.as_mut() {
            n.set_view(w, h);
        }
    }

    /// Builds the view model again from the session (after a change) and lays it out.
    pub(crate) fn refresh(&mut self, ctx: &Context) {
        self.vm = self.handle.view(&ctx.content);
        self.relayout();
    }

    /// True while a field or note is being typed in (letters type, they are not keys).
    pub fn is_typing(&self) -> bool {
        self.note.is_some()
            || self.typing.is_some()
            || matches!(self.overlay, Some(Overlay::Go { .. }))
    }

    /// Handles one key.
    pub fn key(&mut self, ev: &KeyEvent, ctx: &Context) -> Control {
        if self.overlay.is_some() {
            return self.overlay_key(ev, ctx);
        }
        if self.note.is_some() {
            return self.note_key(ev, ctx);
        }
        if self.typing.is_some() {
            return self.field_key(ev, ctx);
        }
        let Some(cmd) = keymap::command(ev) else {
            return Control::Continue;
        };
        if cmd != CommandId::Quit {
            self.quit_armed = false;
            self.message = None;
        }
        self.command(cmd, ctx)
    }

    fn command(&mut self, cmd: CommandId, ctx: &Context) -> Control {
        match cmd {
            CommandId::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            CommandId::Up => self.move_focus(false),
            CommandId::Down => self.move_focus(true),
            CommandId::Choose => self.choose(ctx),
            CommandId::FocusNext => self.jump_group(true),
            CommandId::FocusPrevious => self.jump_group(false),
            CommandId::Go => {
                self.overlay = Some(Overlay::Go {
                    edit: LineEdit::default(),
                    error: None,
                });
            }
            CommandId::Tally => self.overlay = Some(Overlay::Tally),
            CommandId::Note => {
                self.focus_kind(&StopKind::Note);
                self.open_note();
            }
            CommandId::Save => self.save(ctx),
            CommandId::Export => {
                self.overlay = Some(Overlay::Export {
                    choice: 0,
                    result: None,
                });
            }
            CommandId::Quit => return self.quit(ctx),
            CommandId::Close | CommandId::Delete => {}
            engine => {
                if let Some(action) = engine_action(engine, &ctx.content) {
                    self.apply(action, ctx);
                }
            }
        }
        Control::Continue
    }

    /// Applies an action through the open session (which saves it) and redraws from it.
    pub fn apply(&mut self, action: Action, ctx: &Context) -> Outcome {
        let before = self.vm.place.id.clone();
        let applied = self.handle.apply(vec![action], ctx);
        self.say_problem(&applied);
        self.vm = self.handle.view(&ctx.content);
        if self.vm.place.id != before {
            self.field_error = None;
        }
        // On the same screen the focus stays on the same item; on another, it starts at the top.
        self.relayout();
        if self.vm.place.id != before {
            self.reset_focus();
        }
        applied.outcome
    }

    /// Shows why an action changed nothing (a failed save shows in the status line itself).
    pub(crate) fn say_problem(&mut self, applied: &Applied) {
        if let Some(r) = applied.refused {
            self.message = Some((Level::Warn, r.sentence()));
        } else if let Outcome::Invalid(m) = &applied.outcome {
            self.message = Some((Level::Warn, m.clone()));
        } else if !applied.said.is_empty() {
            self.message = Some((Level::Info, applied.said.join(" ")));
        }
    }

    /// Saves now, as Ctrl-S asks; a failure shows in the status line and is retried on the
    /// next change. Never loses the session.
    pub fn save(&mut self, ctx: &Context) {
        match self.handle.save(ctx) {
            Ok(()) => self.message = Some((Level::Ok, "Saved.".into())),
            Err(p @ SaveProblem::ReadOnly) => self.message = Some((Level::Warn, p.said())),
            Err(SaveProblem::Failed(_)) => {}
        }
    }

    /// Keeps any note being written, saves, and says whether it is safe to leave.
    pub fn quit(&mut self, ctx: &Context) -> Control {
        self.finish_note(ctx);
        let failed = match self.handle.save(ctx) {
            Err(SaveProblem::Failed(f)) => f,
            Ok(()) | Err(SaveProblem::ReadOnly) => return Control::Quit,
        };
        if self.quit_armed {
            return Control::Quit;
        }
        self.quit_armed = true;
        let why = failed.reason;
        self.message = Some((
            Level::Bar,
            format!(
                "Not saved: press q again to leave without the latest changes, or fix the problem and press Ctrl-S ({why})."
            ),
        ));
        Control::Continue
    }

    fn choose(&mut self, ctx: &Context) {
        let Some(kind) = self.view.focused().cloned() else {
            return;
        };
        let action = match &kind {
            StopKind::Choice(id) => Action::Toggle(id.clone()),
            StopKind::Option { question, option } => Action::ToggleOption {
                question: question.clone(),
                option: option.clone(),
            },
            StopKind::YesNo { question, yes } => Action::Answer {
                question: question.clone(),
                text: match (self.is_answered(question, *yes), yes) {
                    (true, _) => String::new(),
                    (false, true) => "yes".into(),
                    (false, false) => "no".into(),
                },
            },
            StopKind::Link(target) => Action::Go(*target),
            StopKind::Field(q) => {
                if let Some(r) = self.handle.refuses_changes() {
                    self.message = Some((Level::Warn, r.sentence()));
                } else {
                    let raw = self.field_raw(q).unwrap_or_default();
                    self.typing = Some((q.clone(), LineEdit::selected(&raw)));
                    self.relayout();
                }
                return;
            }
            StopKind::Note => return self.open_note(),
            StopKind::Text => return,
        };
        self.apply(action, ctx);
    }

    /// True when a yes-no question holds this answer (choosing it again clears it).
    fn is_answered(&self, question: &str, yes: bool) -> bool {
        self.field_raw(question).as_deref() == Some(if yes { "yes" } else { "no" })
    }

    fn field_raw(&self, question: &str) -> Option<String> {
        use crate::interview::view::Screen;
        let (Screen::Questions { fields, .. }
        | Screen::Contributions { fields, .. }
        | Screen::Routes { fields, .. }) = &self.vm.screen
        else {
            return None;
        };
        fields
            .iter()
            .find(|f| f.id == question)
            .and_then(|f| f.raw.clone())
    }

    fn overlay_key(&mut self, ev: &KeyEvent, ctx: &Context) -> Control {
        let Some(overlay) = self.overlay.take() else {
            return Control::Continue;
        };
        let (next, action) = overlay.key(ev, ctx, &self.handle);
        self.overlay = next;
        if let Some(a) = action {
            self.apply(a, ctx);
        }
        Control::Continue
    }
}

mod focus;
mod typing;
