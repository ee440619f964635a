//! The start screen: a new session (a claimant reference; the interview date defaults to
//! today) or one to resume from the saved sessions, most recently changed first, filtered by
//! what is typed; delete with confirmation; a session held by another process can be opened
//! read-only. Calls only the store's public API. UI state only.

use crossterm::event::KeyEvent;

use crate::app::Context;
use crate::interview::Action;
use crate::interview::answer::parse_date;
use crate::interview::commands::CommandId;
use crate::interview::step::routes_step;
use crate::interview::view::Level;
use crate::open_session::{OpenRefusal, OpenSession, open_for_changes};
use crate::store::{Access, Summary};

use super::editor::LineEdit;
use super::keymap;

/// Which part of the start screen has the focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartFocus {
    /// The claimant reference (also filters the list).
    Reference,
    /// The interview date.
    Date,
    /// Where a new session starts: the beginning, or reconsideration and appeal.
    StartAt,
    /// A session in the filtered list.
    List(usize),
}

/// A question the start screen is waiting on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Delete this session?
    Delete {
        /// Session id.
        id: String,
        /// Its reference, to say.
        reference: String,
    },
    /// Another process holds it: open read-only?
    ReadOnly {
        /// Session id.
        id: String,
        /// Who holds it and since when, in words.
        holder: String,
    },
    /// It reads, but cannot be opened for changes here (a full or read-only disk): open it
    /// read-only?
    CannotLock {
        /// Session id.
        id: String,
        /// Why, in the system's words.
        reason: String,
    },
}

/// What the start screen asks of the app.
pub enum StartEvent {
    /// Nothing yet.
    Stay,
    /// Open this session.
    Open(Box<OpenSession>),
    /// Leave the program.
    Quit,
}

/// The start screen's state.
pub struct Start {
    /// The reference typed.
    pub reference: LineEdit,
    /// The interview date typed.
    pub date: LineEdit,
    /// Every saved session, most recently changed first.
    pub sessions: Vec<Summary>,
    /// The focus.
    pub focus: StartFocus,
    /// A question waiting for y or n.
    pub confirm: Option<Confirm>,
    /// A line for the status bar.
    pub message: Option<(Level, String)>,
    /// Help window open.
    pub help: bool,
    /// A new session starts at reconsideration and appeal (a decision has been made).
    pub at_routes: bool,
}

impl Start {
    /// The start screen with the saved sessions listed and today's date filled in.
    pub fn new(ctx: &Context) -> Self {
        let message =
            (!ctx.store_warnings.is_empty()).then(|| (Level::Warn, ctx.store_warnings.join(" ")));
        Start {
            reference: LineEdit::default(),
            date: LineEdit::new(&ctx.today.format("%d/%m/%Y").to_string()),
            sessions: ctx.store.list(),
            focus: StartFocus::Reference,
            confirm: None,
            message,
            help: false,
            at_routes: false,
        }
    }

    /// The sessions whose reference contains what is typed (ignoring case).
    pub fn filtered(&self) -> Vec<&Summary> {
        let f = self.reference.text().trim().to_lowercase();
        self.sessions
            .iter()
            .filter(|s| f.is_empty() || s.reference.to_lowercase().contains(&f))
            .collect()
    }

    /// True while the focus is in a text field.
    pub fn is_typing(&self) -> bool {
        self.confirm.is_none() && matches!(self.focus, StartFocus::Reference | StartFocus::Date)
    }

    /// Opens a session by id, or asks about read-only if it cannot be opened for changes
    /// (another process holds it, or it cannot be saved here).
    pub fn open(&mut self, ctx: &Context, id: &str, access: Access) -> StartEvent {
        let opened = match access {
            Access::ReadWrite => open_for_changes(ctx, id),
            Access::ReadOnly => ctx
                .store
                .open_session(id, access)
                .map_err(OpenRefusal::Unusable),
        };
        let id = id.to_string();
        match opened {
            Ok(h) => return StartEvent::Open(Box::new(OpenSession::new(h, ctx))),
            Err(OpenRefusal::Locked { holder }) => {
                self.confirm = Some(Confirm::ReadOnly { id, holder });
            }
            Err(OpenRefusal::CannotLock { reason }) => {
                self.confirm = Some(Confirm::CannotLock { id, reason });
            }
            Err(OpenRefusal::Unusable(e)) => {
                self.message = Some((Level::Bar, format!("Cannot open it: {e}")));
            }
        }
        StartEvent::Stay
    }

    /// Handles one key.
    pub fn key(&mut self, ev: &KeyEvent, ctx: &Context) -> StartEvent {
        if self.help {
            if keymap::command(ev).is_some() {
                self.help = false;
            }
            return StartEvent::Stay;
        }
        if let Some(c) = self.confirm.take() {
            return self.confirm_key(ev, ctx, c);
        }
        if self.is_typing() {
            return self.field_key(ev, ctx);
        }
        self.message = None;
        if self.focus == StartFocus::StartAt {
            return self.start_at_key(ev, ctx);
        }
        self.list_key(ev, ctx)
    }

    fn confirm_key(&mut self, ev: &KeyEvent, ctx: &Context, c: Confirm) -> StartEvent {
        let yes = keymap::key_name(ev).is_some_and(|k| k == "y" || k == "Y");
        let no = keymap::key_name(ev).is_some_and(|k| k == "n" || k == "N")
            || keymap::command(ev) == Some(CommandId::Close);
        match (c, yes, no) {
            (Confirm::Delete { id, reference }, true, _) => {
                self.message = Some(match ctx.store.delete(&id) {
                    Ok(()) => (Level::Ok, format!("Deleted the session for {reference}.")),
                    Err(e) => (Level::Bar, format!("Not deleted: {e}")),
                });
                self.sessions = ctx.store.list();
                self.focus = StartFocus::Reference;
                StartEvent::Stay
            }
            (Confirm::ReadOnly { id, .. } | Confirm::CannotLock { id, .. }, true, _) => {
                self.open(ctx, &id, Access::ReadOnly)
            }
            (_, false, true) => StartEvent::Stay,
            (c, false, false) => {
                self.confirm = Some(c);
                StartEvent::Stay
            }
        }
    }

    fn field_key(&mut self, ev: &KeyEvent, ctx: &Context) -> StartEvent {
        let on_date = self.focus == StartFocus::Date;
        match keymap::typing_command(ev) {
            Some(CommandId::Quit) => return StartEvent::Quit,
            Some(CommandId::Help) => self.help = true,
            Some(CommandId::Choose) if on_date => {
                if self.date_ok() {
                    self.focus = StartFocus::Reference;
                }
            }
            Some(CommandId::Choose) => return self.create(ctx),
            Some(CommandId::FocusNext) => self.cycle(true),
            Some(CommandId::FocusPrevious) => self.cycle(false),
            Some(CommandId::Close) if on_date => {
                self.date = LineEdit::new(&ctx.today.format("%d/%m/%Y").to_string());
            }
            Some(CommandId::Close) => self.reference = LineEdit::default(),
            Some(CommandId::Down) if !self.filtered().is_empty() => {
                self.focus = StartFocus::List(0);
            }
            _ => {
                if let Some(k) = keymap::edit_key(ev) {
                    self.field_mut().apply(&k);
                    self.message = None;
                }
            }
        }
        StartEvent::Stay
    }

    /// The field that has the focus (the reference unless the date has it).
    pub fn field_mut(&mut self) -> &mut LineEdit {
        if self.focus == StartFocus::Date {
            &mut self.date
        } else {
            &mut self.reference
        }
    }

    fn list_key(&mut self, ev: &KeyEvent, ctx: &Context) -> StartEvent {
        let StartFocus::List(i) = self.focus else {
            return StartEvent::Stay;
        };
        let list: Vec<Summary> = self.filtered().into_iter().cloned().collect();
        match keymap::command(ev) {
            Some(CommandId::Up) if i == 0 => self.focus = StartFocus::Reference,
            Some(CommandId::Up) => self.focus = StartFocus::List(i - 1),
            Some(CommandId::Down) => {
                self.focus = StartFocus::List((i + 1).min(list.len().saturating_sub(1)));
            }
            Some(CommandId::Choose) => {
                if let Some(s) = list.get(i) {
                    let id = s.id.clone();
                    return self.open(ctx, &id, Access::ReadWrite);
                }
            }
            Some(CommandId::Delete) => {
                if let Some(s) = list.get(i) {
                    self.confirm = Some(Confirm::Delete {
                        id: s.id.clone(),
                        reference: s.reference.clone(),
                    });
                }
            }
            Some(CommandId::FocusNext) => self.cycle(true),
            Some(CommandId::FocusPrevious) => self.cycle(false),
            Some(CommandId::Help) => self.help = true,
            Some(CommandId::Quit) => return StartEvent::Quit,
            _ => {}
        }
        StartEvent::Stay
    }

    /// Space or the arrows choose where the new session starts; Enter starts it.
    fn start_at_key(&mut self, ev: &KeyEvent, ctx: &Context) -> StartEvent {
        let name = keymap::key_name(ev);
        match keymap::command(ev) {
            Some(CommandId::Choose) if name.as_deref() == Some("Enter") => return self.create(ctx),
            Some(CommandId::Choose | CommandId::Up | CommandId::Down) => {
                self.at_routes = !self.at_routes;
            }
            Some(CommandId::FocusNext) => self.cycle(true),
            Some(CommandId::FocusPrevious) => self.cycle(false),
            Some(CommandId::Help) => self.help = true,
            Some(CommandId::Quit) => return StartEvent::Quit,
            _ => {}
        }
        StartEvent::Stay
    }

    fn cycle(&mut self, forward: bool) {
        let has_list = !self.filtered().is_empty();
        let order = [StartFocus::Reference, StartFocus::Date, StartFocus::StartAt];
        let at = match self.focus {
            StartFocus::List(_) => 3,
            f => order.iter().position(|x| *x == f).unwrap_or(0),
        };
        let count = if has_list { 4 } else { 3 };
        let next = if forward {
            (at + 1) % count
        } else {
            (at + count - 1) % count
        };
        self.focus = order.get(next).copied().unwrap_or(StartFocus::List(0));
    }

    fn date_ok(&mut self) -> bool {
        match parse_date(self.date.text()) {
            Ok(_) => true,
            Err(e) => {
                self.message = Some((Level::Bar, format!("Interview date: {e}")));
                false
            }
        }
    }

    /// Puts a new session on the reconsideration and appeal stage, for a claimant who already
    /// has a decision; a failed save goes on to the interview's status line with the session.
    fn go_to_routes(open: &mut OpenSession, ctx: &Context) {
        if let Some(step) = routes_step(&ctx.content) {
            open.apply(vec![Action::Go(step)], ctx);
        }
    }

    /// Starts a new session for the typed reference on the typed date.
    fn create(&mut self, ctx: &Context) -> StartEvent {
        let reference = self.reference.text().trim().to_string();
        if reference.is_empty() {
            self.message = Some((
                Level::Warn,
                "Type a claimant reference first (any words that identify the claimant to you)."
                    .into(),
            ));
            return StartEvent::Stay;
        }
        let Ok(date) = parse_date(self.date.text()) else {
            self.focus = StartFocus::Date;
            self.date_ok();
            return StartEvent::Stay;
        };
        if ctx.store.find(&reference).is_some() {
            self.message = Some((
                Level::Warn,
                format!(
                    "A session for {reference} already exists: it is highlighted below. Enter opens it; or type a different reference."
                ),
            ));
            let lower = reference.to_lowercase();
            let at = self
                .filtered()
                .iter()
                .position(|s| s.reference.to_lowercase() == lower);
            self.focus = StartFocus::List(at.unwrap_or(0));
            return StartEvent::Stay;
        }
        match ctx.store.create(&reference, date, ctx.clock.now()) {
            Ok(h) => {
                let mut open = OpenSession::new(h, ctx);
                if self.at_routes {
                    Self::go_to_routes(&mut open, ctx);
                }
                StartEvent::Open(Box::new(open))
            }
            Err(e) => {
                self.message = Some((Level::Bar, format!("Cannot start the session: {e}")));
                StartEvent::Stay
            }
        }
    }
}
