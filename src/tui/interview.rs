//! An open session in the full-screen front end: the store handle, the view model drawn from
//! it, and the UI state beside it (focus, scroll, the field or note being typed, the open
//! window, the last message). Keys arrive here already named by `keymap`; what they mean to
//! the interview becomes an `Action` applied by `interview::update`, and the session is saved
//! after every change. Depends on the engine, the store handle and the TUI's own modules.

use crossterm::event::KeyEvent;

use crate::app::Context;
use crate::content::stages::StageKind;
use crate::interview::commands::CommandId;
use crate::interview::view::{Level, ViewModel};
use crate::interview::{Action, Outcome, Step, update, view};
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
    /// The session and where it is saved.
    pub handle: Handle,
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
    /// Why the last save failed; cleared by the next good save.
    pub save_error: Option<String>,
    /// Set when quitting failed to save: the next quit leaves anyway.
    quit_armed: bool,
}

impl Interview {
    /// Opens the screen for a session (where it was left).
    pub fn new(handle: Handle, ctx: &Context, size: (u16, u16), theme: Theme) -> Self {
        let vm = view(&handle.session, &ctx.content, ctx.today);
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
            save_error: None,
            quit_armed: false,
        };
        if it.handle.read_only {
            it.message = Some((
                Level::Info,
                "Opened read-only: you can look, but nothing is changed or saved.".into(),
            ));
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
        self.vm = view(&self.handle.session, &ctx.content, ctx.today);
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
            CommandId::Next | CommandId::Skip => {
                self.apply(Action::Next, ctx);
            }
            CommandId::Back => {
                self.apply(Action::Back, ctx);
            }
            CommandId::Go => {
                self.overlay = Some(Overlay::Go {
                    edit: LineEdit::default(),
                    error: None,
                });
            }
            CommandId::Review => {
                self.apply(Action::Go(Step::Review), ctx);
            }
            CommandId::Notes => {
                self.apply(Action::Go(Step::Notes), ctx);
            }
            CommandId::Tally => self.overlay = Some(Overlay::Tally),
            CommandId::Routes => {
                if let Some(i) = ctx
                    .content
                    .stages
                    .iter()
                    .position(|s| s.kind == StageKind::Routes)
                {
                    self.apply(Action::Go(Step::Stage(i)), ctx);
                }
            }
            CommandId::Note => {
                self.focus_kind(&StopKind::Note);
                self.open_note();
            }
            CommandId::Save => {
                self.save(ctx);
                if self.save_error.is_none() && !self.handle.read_only {
                    self.message = Some((Level::Ok, "Saved.".into()));
                }
            }
            CommandId::Export => {
                self.overlay = Some(Overlay::Export {
                    choice: 0,
                    result: None,
                });
            }
            CommandId::Quit => return self.quit(ctx),
            CommandId::Close | CommandId::Delete => {}
        }
        Control::Continue
    }

    /// Applies an action, saves if it changed anything, and redraws from the session.
    pub fn apply(&mut self, action: Action, ctx: &Context) -> Outcome {
        if self.handle.read_only && !action.is_navigation() {
            self.message = Some((
                Level::Warn,
                "This session is open read-only: nothing can be changed.".into(),
            ));
            return Outcome::Unchanged;
        }
        let before = self.vm.place.id.clone();
        let outcome = update(&mut self.handle.session, action, &ctx.content);
        if let Outcome::Invalid(m) = &outcome {
            self.message = Some((Level::Warn, m.clone()));
        }
        if outcome.needs_save() || self.save_error.is_some() {
            self.save(ctx);
        }
        self.vm = view(&self.handle.session, &ctx.content, ctx.today);
        if self.vm.place.id != before {
            self.field_error = None;
        }
        // On the same screen the focus stays on the same item; on another, it starts at the top.
        self.relayout();
        if self.vm.place.id != before {
            self.reset_focus();
        }
        outcome
    }

    /// Saves now; a failure is shown and retried on the next change. Never loses the session.
    pub fn save(&mut self, ctx: &Context) {
        if self.handle.read_only {
            return;
        }
        match self.handle.save(ctx.clock.now()) {
            Ok(()) => self.save_error = None,
            Err(e) => self.save_error = Some(e.reason_first()),
        }
    }

    /// Keeps any note being written, saves, and says whether it is safe to leave.
    pub fn quit(&mut self, ctx: &Context) -> Control {
        self.finish_note(ctx);
        self.save(ctx);
        if self.save_error.is_none() || self.quit_armed {
            return Control::Quit;
        }
        self.quit_armed = true;
        let why = self.save_error.clone().unwrap_or_default();
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
                if self.handle.read_only {
                    self.message = Some((
                        Level::Warn,
                        "This session is open read-only: nothing can be changed.".into(),
                    ));
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
