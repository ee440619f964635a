//! The full-screen program's state: the start screen or an open session, the terminal size and
//! whether colour is on. Terminal events come in; what to draw goes out. Everything here runs
//! without a terminal, so tests drive it with key events and draw it on a `TestBackend`.

use crossterm::event::{Event, KeyEvent, KeyEventKind};
use ratatui::Frame;

use crate::app::Context;
use crate::interview::view::Level;
use crate::store::Access;

use super::interview::{Control, Interview};
use super::page::Theme;
use super::start::{Confirm, Start, StartEvent};
use super::{draw, start_view};

/// Which screen is up.
pub enum Mode {
    /// Choosing or starting a session.
    Start(Box<Start>),
    /// Interviewing.
    Interview(Box<Interview>),
}

/// The whole front end's state.
pub struct App<'c> {
    ctx: &'c Context,
    /// The screen.
    pub mode: Mode,
    size: (u16, u16),
    theme: Theme,
}

impl<'c> App<'c> {
    /// Starts on the start screen, or on the session with reference `resume`.
    pub fn new(ctx: &'c Context, resume: Option<&str>, size: (u16, u16), colour: bool) -> Self {
        let theme = Theme { colour };
        let mode = Self::first_mode(ctx, resume, size, theme);
        App {
            ctx,
            mode,
            size,
            theme,
        }
    }

    fn first_mode(ctx: &Context, resume: Option<&str>, size: (u16, u16), theme: Theme) -> Mode {
        let Some(r) = resume else {
            return Mode::Start(Box::new(Start::new(ctx)));
        };
        let mut start = Start::new(ctx);
        if let Some(id) = ctx.store.find(r) {
            if let Ok(h) = ctx.store.open_session(&id, Access::ReadWrite) {
                return Mode::Interview(Box::new(Interview::new(h, ctx, size, theme)));
            }
            // The start screen says why (or offers read-only if another process has it).
            start.open(ctx, &id, Access::ReadWrite);
        } else {
            start.reference = super::editor::LineEdit::new(r);
            start.message = Some((
                Level::Warn,
                format!("No saved session has the reference {r}. Press Enter to start a new one."),
            ));
        }
        start.focus = super::start::StartFocus::Reference;
        Mode::Start(Box::new(start))
    }

    /// Whether colour is used.
    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// The terminal size the app lays out for.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The open session's state, if one is open.
    pub fn interview(&self) -> Option<&Interview> {
        match &self.mode {
            Mode::Interview(i) => Some(i),
            Mode::Start(_) => None,
        }
    }

    /// The start screen's state, if it is up.
    pub fn start(&self) -> Option<&Start> {
        match &self.mode {
            Mode::Start(s) => Some(s),
            Mode::Interview(_) => None,
        }
    }

    /// Handles one terminal event.
    pub fn event(&mut self, ev: &Event) -> Control {
        match ev {
            Event::Key(k) => self.key(k),
            Event::Paste(text) => {
                self.paste(text);
                Control::Continue
            }
            Event::Resize(w, h) => {
                self.resize(*w, *h);
                Control::Continue
            }
            _ => Control::Continue,
        }
    }

    /// Handles one key press.
    pub fn key(&mut self, ev: &KeyEvent) -> Control {
        if ev.kind == KeyEventKind::Release {
            return Control::Continue;
        }
        let (ctx, size, theme) = (self.ctx, self.size, self.theme);
        match &mut self.mode {
            Mode::Interview(it) => it.key(ev, ctx),
            Mode::Start(s) => match s.key(ev, ctx) {
                StartEvent::Stay => Control::Continue,
                StartEvent::Quit => Control::Quit,
                StartEvent::Open(open) => {
                    self.mode =
                        Mode::Interview(Box::new(Interview::opened(*open, ctx, size, theme)));
                    Control::Continue
                }
            },
        }
    }

    /// Pasted text (bracketed paste) goes to the field being typed in.
    pub fn paste(&mut self, text: &str) {
        match &mut self.mode {
            Mode::Interview(it) => it.paste(text),
            Mode::Start(s) => {
                if s.is_typing() {
                    s.field_mut().paste(text);
                }
            }
        }
    }

    /// The terminal changed size: lay out again, keeping the focus in view.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        if let Mode::Interview(it) = &mut self.mode {
            it.resize(self.size);
        }
    }

    /// Before leaving for any reason: keep a note being written and save.
    pub fn shutdown(&mut self) {
        if let Mode::Interview(it) = &mut self.mode {
            it.finish_note(self.ctx);
            it.save(self.ctx);
        }
    }

    /// Draws the current screen.
    pub fn draw(&self, frame: &mut Frame) {
        match &self.mode {
            Mode::Interview(it) => draw::interview(frame, it, self.ctx, self.theme),
            Mode::Start(s) => start_view::draw(frame, s, self.ctx, self.theme),
        }
    }

    /// The question the start screen is waiting on, if any (for tests).
    pub fn confirm(&self) -> Option<&Confirm> {
        self.start().and_then(|s| s.confirm.as_ref())
    }
}
