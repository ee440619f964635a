//! Typing in an open session: a question's answer in its field (Enter confirms it as an
//! `Action::Answer`, Esc cancels) and the note editor (Esc keeps the note, which is stamped
//! with the clock). While typing, letters type; only keys that cannot type text act.

use crossterm::event::KeyEvent;

use super::{Control, Interview};
use crate::app::Context;
use crate::interview::commands::CommandId;
use crate::interview::view::Level;
use crate::interview::{Action, Outcome};
use crate::tui::editor::NoteEditor;
use crate::tui::overlay::Overlay;
use crate::tui::{keymap, layout};

impl Interview {
    pub(crate) fn open_note(&mut self) {
        if let Some(r) = self.handle.refuses_changes() {
            self.message = Some((Level::Warn, r.sentence()));
            return;
        }
        let label = self
            .vm
            .place
            .activity_label
            .clone()
            .unwrap_or_else(|| self.vm.place.stage_title.clone());
        let mut editor = NoteEditor::new(&self.vm.note.key, &label, &self.vm.note.text);
        let (w, h) = self.note_view();
        editor.set_view(w, h);
        self.note = Some(editor);
    }

    /// The size of the note editor's text area at the current screen size.
    pub(crate) fn note_view(&self) -> (u16, u16) {
        let screen = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        layout::interview(screen, self.vm.alerts.len()).map_or((1, 1), |a| {
            let inner = layout::note_box(a.page).inner(ratatui::layout::Margin::new(1, 1));
            (inner.width, inner.height)
        })
    }

    /// Puts the note being written into the session (and so on disk), through the same
    /// `OpenSession::apply` as every other change.
    pub fn finish_note(&mut self, ctx: &Context) {
        if let Some(n) = self.note.take() {
            self.keep_note(&n.key, n.text(), ctx);
        }
    }

    fn keep_note(&mut self, key: &str, text: String, ctx: &Context) {
        let action = Action::Note {
            key: key.to_string(),
            text,
            at: ctx.clock.now(),
        };
        let applied = self.handle.apply(vec![action], ctx);
        self.say_problem(&applied);
        self.refresh(ctx);
    }

    pub(crate) fn note_key(&mut self, ev: &KeyEvent, ctx: &Context) -> Control {
        match keymap::typing_command(ev) {
            Some(CommandId::Close) => {
                // The note's text is now on the page, in view with its heading.
                self.finish_note(ctx);
            }
            Some(CommandId::Save) => {
                let note = self.note.as_ref().map(|n| (n.key.clone(), n.text()));
                if let Some((key, text)) = note {
                    self.keep_note(&key, text, ctx);
                    self.save(ctx);
                }
            }
            Some(CommandId::Quit) => return self.quit(ctx),
            Some(CommandId::FocusNext | CommandId::FocusPrevious) => {
                self.finish_note(ctx);
                self.jump_group(keymap::typing_command(ev) == Some(CommandId::FocusNext));
            }
            Some(CommandId::Help) => self.overlay = Some(Overlay::Help { scroll: 0 }),
            _ => {
                if let Some(n) = self.note.as_mut() {
                    n.input(ev);
                }
            }
        }
        Control::Continue
    }

    pub(crate) fn field_key(&mut self, ev: &KeyEvent, ctx: &Context) -> Control {
        match keymap::typing_command(ev) {
            Some(CommandId::Close) => {
                self.typing = None;
                self.field_error = None;
                self.relayout();
            }
            Some(
                CommandId::Choose
                | CommandId::FocusNext
                | CommandId::FocusPrevious
                | CommandId::Save,
            ) => {
                if self.submit_field(ctx) {
                    match keymap::typing_command(ev) {
                        Some(CommandId::FocusNext) => self.jump_group(true),
                        Some(CommandId::FocusPrevious) => self.jump_group(false),
                        _ => {}
                    }
                }
            }
            Some(CommandId::Quit) => {
                self.typing = None;
                return self.quit(ctx);
            }
            Some(CommandId::Help) => self.overlay = Some(Overlay::Help { scroll: 0 }),
            _ => {
                if let (Some(k), Some((_, e))) = (keymap::edit_key(ev), self.typing.as_mut()) {
                    e.apply(&k);
                    // The field's line and the cursor on it.
                    self.relayout();
                }
            }
        }
        Control::Continue
    }

    /// Sends the typed answer; on a refusal the field stays open with the reason under it.
    pub(crate) fn submit_field(&mut self, ctx: &Context) -> bool {
        // Out of the field first, so the page is laid out once, with the answer in it.
        let Some((question, edit)) = self.typing.take() else {
            return true;
        };
        self.field_error = None;
        let action = Action::Answer {
            question: question.clone(),
            text: edit.text().to_string(),
        };
        if let Outcome::Invalid(m) = self.apply(action, ctx) {
            self.typing = Some((question.clone(), edit));
            self.field_error = Some((question, m));
            self.message = None;
            self.relayout();
            return false;
        }
        true
    }

    /// Pasted text goes to whatever is being typed in.
    pub fn paste(&mut self, text: &str) {
        if let Some(n) = self.note.as_mut() {
            n.paste(text);
        } else if let Some((_, e)) = self.typing.as_mut() {
            e.paste(text);
            self.relayout();
        } else if let Some(Overlay::Go { edit, .. }) = self.overlay.as_mut() {
            edit.paste(text);
        }
    }
}
