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
use crate::tui::keymap;
use crate::tui::overlay::Overlay;
use crate::tui::page::Theme;

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
        self.note = Some(NoteEditor::new(
            &self.vm.note.key,
            &label,
            &self.vm.note.text,
        ));
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
        self.vm = self.handle.view(&ctx.content);
    }

    pub(crate) fn note_key(
        &mut self,
        ev: &KeyEvent,
        ctx: &Context,
        size: (u16, u16),
        theme: Theme,
    ) -> Control {
        match keymap::typing_command(ev) {
            Some(CommandId::Close) => {
                self.finish_note(ctx);
                // The note's text is now on the page: bring it into view with its heading.
                let (page, _) = self.page(size, theme);
                self.reveal(&page, size);
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
                self.jump_group(
                    keymap::typing_command(ev) == Some(CommandId::FocusNext),
                    size,
                    theme,
                );
            }
            Some(CommandId::Help) => self.overlay = Some(Overlay::Help { scroll: 0 }),
            _ => {
                if let Some(n) = self.note.as_mut() {
                    n.input(keymap::editor_input(ev));
                }
            }
        }
        Control::Continue
    }

    pub(crate) fn field_key(
        &mut self,
        ev: &KeyEvent,
        ctx: &Context,
        size: (u16, u16),
        theme: Theme,
    ) -> Control {
        match keymap::typing_command(ev) {
            Some(CommandId::Close) => {
                self.typing = None;
                self.field_error = None;
            }
            Some(
                CommandId::Choose
                | CommandId::FocusNext
                | CommandId::FocusPrevious
                | CommandId::Save,
            ) => {
                if self.submit_field(ctx, size, theme) {
                    match keymap::typing_command(ev) {
                        Some(CommandId::FocusNext) => self.jump_group(true, size, theme),
                        Some(CommandId::FocusPrevious) => self.jump_group(false, size, theme),
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
                }
            }
        }
        Control::Continue
    }

    /// Sends the typed answer; on a refusal the field stays open with the reason under it.
    pub(crate) fn submit_field(&mut self, ctx: &Context, size: (u16, u16), theme: Theme) -> bool {
        let Some((question, edit)) = self.typing.clone() else {
            return true;
        };
        let action = Action::Answer {
            question: question.clone(),
            text: edit.text().to_string(),
        };
        if let Outcome::Invalid(m) = self.apply(action, ctx, size, theme) {
            self.field_error = Some((question, m));
            self.message = None;
            return false;
        }
        self.typing = None;
        self.field_error = None;
        true
    }

    /// Pasted text goes to whatever is being typed in.
    pub fn paste(&mut self, text: &str) {
        if let Some(n) = self.note.as_mut() {
            n.paste(text);
        } else if let Some((_, e)) = self.typing.as_mut() {
            e.paste(text);
        } else if let Some(Overlay::Go { edit, .. }) = self.overlay.as_mut() {
            edit.paste(text);
        }
    }
}
