//! The conversation loop: say the current prompt, read a line, turn it into `Action`s for the
//! engine's `update` (or a UI-only step such as the next question of a screen), say what
//! changed, save. UI-only state (which question is being asked, what was last announced)
//! lives here beside the session, never in it.

use std::collections::HashMap;
use std::io::{self, BufRead, Write};

use crate::app::Context;
use crate::interview::commands::{CommandId, engine_action};
use crate::interview::step::parse_target;
use crate::interview::view::Screen;
use crate::interview::{Action, Outcome, ViewModel};
use crate::open_session::{OPENED_READ_ONLY, OpenSession};
use crate::store::Handle;

use super::Io;
use super::input::{Input, classify};
use super::items::{Item, items};
use super::prompt::{Ask, END, prompt};
use super::speak::{alerts, body, heading, help, tally};

/// What to do after a line has been handled.
pub enum Flow {
    /// Ask again, in this much detail.
    Ask(Ask),
    /// The conversation is over (quit, or input ended); everything has been said.
    Done,
}

/// One open session being talked through.
pub struct Convo<'a, R: BufRead, W: Write> {
    pub(super) ctx: &'a Context,
    pub(super) io: &'a mut Io<R, W>,
    pub(super) handle: OpenSession,
    /// Which question of a multi-question screen is being asked.
    pub(super) focus: usize,
    /// The id of the screen last announced, to announce a new one once.
    shown: Option<String>,
    /// The stage last announced, so activities of one stage do not repeat its heading.
    stage_shown: Option<usize>,
    /// Where to land on the next screen announced.
    landing: Landing,
    /// The question each screen was left on, to return to it after a jump and back.
    left_at: HashMap<String, usize>,
}

/// Which question a screen opens on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Landing {
    /// The first (moving forward, or jumping).
    First,
    /// The last: going back one screen lands on the prompt before this one.
    Last,
    /// The one it was left on: coming back from a jump.
    WhereLeft,
}

impl<'a, R: BufRead, W: Write> Convo<'a, R, W> {
    /// Starts talking about an open session.
    pub fn new(ctx: &'a Context, io: &'a mut Io<R, W>, handle: Handle) -> Self {
        Convo {
            ctx,
            io,
            handle: OpenSession::new(handle, ctx),
            focus: 0,
            shown: None,
            stage_shown: None,
            landing: Landing::First,
            left_at: HashMap::new(),
        }
    }

    /// The view model of the session as it is now.
    pub(super) fn vm(&self) -> ViewModel {
        self.handle.view(&self.ctx.content)
    }

    /// Talks until the adviser quits or input ends.
    pub fn run(mut self) -> io::Result<()> {
        self.opening()?;
        let mut ask = Ask::Arrive;
        loop {
            let vm = self.vm();
            if self.shown.as_deref() == Some(vm.place.id.as_str()) {
                self.io.blank()?;
                self.io.say_all(&prompt(&vm, self.focus, ask))?;
            } else {
                self.arrive(&vm)?;
            }
            let Some(line) = self.io.read()? else {
                return self.end_of_input();
            };
            match self.handle_line(&line, &vm)? {
                Flow::Ask(next) => ask = next,
                Flow::Done => return Ok(()),
            }
        }
    }

    fn opening(&mut self) -> io::Result<()> {
        if self.handle.read_only {
            self.io.say(OPENED_READ_ONLY)?;
        }
        let vm = self.vm();
        self.io.say_all(&alerts(&vm))
    }

    fn arrive(&mut self, vm: &ViewModel) -> io::Result<()> {
        if let Some(left) = self.shown.take() {
            self.left_at.insert(left, self.focus);
        }
        let last = items(vm).map_or(0, |f| f.len().saturating_sub(1));
        self.focus = match std::mem::replace(&mut self.landing, Landing::First) {
            Landing::First => 0,
            Landing::Last => last,
            Landing::WhereLeft => self.left_at.get(&vm.place.id).copied().unwrap_or(0),
        };
        self.shown = Some(vm.place.id.clone());
        self.io.blank()?;
        let same_stage = self.stage_shown == Some(vm.place.stage_number);
        if !(matches!(vm.screen, Screen::Activity(_)) && same_stage) {
            self.io.say(&heading(vm))?;
        }
        self.stage_shown = Some(vm.place.stage_number);
        self.io.say_all(&body(vm))?;
        self.io.say_all(&prompt(vm, self.focus, Ask::Arrive))
    }

    fn handle_line(&mut self, line: &str, vm: &ViewModel) -> io::Result<Flow> {
        let yes_no = self.item(vm).is_some_and(|i| i.is_yes_no());
        match classify(line, yes_no) {
            Input::Empty => self.enter(vm),
            Input::Command(c, arg) => self.command(c.id, arg, vm),
            Input::Text(t) => self.answer(t, vm),
        }
    }

    /// The question (or NI record entry) being asked, on a question screen.
    pub(super) fn item<'v>(&self, vm: &'v ViewModel) -> Option<Item<'v>> {
        items(vm).and_then(|f| f.get(self.focus).copied())
    }

    /// Enter alone (or skip): keep the answer and move to the next prompt.
    fn enter(&mut self, vm: &ViewModel) -> io::Result<Flow> {
        match (&vm.screen, items(vm)) {
            (Screen::Review { .. } | Screen::Notes { .. }, _) => self.back(vm),
            (_, Some(f)) if self.focus + 1 < f.len() => {
                self.focus += 1;
                Ok(Flow::Ask(Ask::Again))
            }
            _ => self.next_screen(vm),
        }
    }

    /// The next screen; on the last one, says it is the end.
    pub(super) fn next_screen(&mut self, vm: &ViewModel) -> io::Result<Flow> {
        let (outcome, _) = self.apply(vec![Action::Next])?;
        if outcome == Outcome::Unchanged {
            match items(vm) {
                Some(f) if !f.is_empty() => self.focus = f.len(),
                _ => self.io.say(END)?,
            }
        }
        Ok(Flow::Ask(Ask::Again))
    }

    fn command(&mut self, id: CommandId, arg: Option<&str>, vm: &ViewModel) -> io::Result<Flow> {
        match id {
            CommandId::Help => {
                self.io.say_all(&help())?;
                Ok(Flow::Ask(Ask::Again))
            }
            CommandId::Next => self.next_screen(vm),
            CommandId::Back => self.back(vm),
            CommandId::Skip => self.enter(vm),
            CommandId::Go => self.go(arg),
            CommandId::Review | CommandId::Notes | CommandId::Routes => self.engine(id),
            CommandId::Tally => {
                self.io.say_all(&tally(&vm.tally))?;
                Ok(Flow::Ask(Ask::Short))
            }
            CommandId::Note => self.note(vm),
            CommandId::Save => {
                self.save("Saved")?;
                Ok(Flow::Ask(Ask::Short))
            }
            CommandId::Export => self.export(arg),
            CommandId::Quit => {
                self.save("Saved")?;
                self.io.say("Goodbye.")?;
                Ok(Flow::Done)
            }
            _ => self.error("that command is for the full-screen interview only."),
        }
    }

    /// Back: the previous question of this screen, else the engine's back (where you were
    /// before a jump, or the screen before). Answers are never changed by going back.
    fn back(&mut self, vm: &ViewModel) -> io::Result<Flow> {
        if let Some(f) = items(vm).filter(|_| self.focus > 0) {
            self.focus = self.focus.min(f.len()) - 1;
            return Ok(Flow::Ask(Ask::Again));
        }
        let landing = if self.handle.session.position.history.is_empty() {
            Landing::Last
        } else {
            Landing::WhereLeft
        };
        let (outcome, _) = self.apply(vec![Action::Back])?;
        if outcome == Outcome::Unchanged {
            self.io
                .say("There is nothing before this: it is the first screen.")?;
        } else {
            self.landing = landing;
        }
        Ok(Flow::Ask(Ask::Again))
    }

    fn go(&mut self, arg: Option<&str>) -> io::Result<Flow> {
        let Some(arg) = arg else {
            return self.error("type go and a stage number, activity or name, such as go 4.1.");
        };
        match parse_target(arg, &self.ctx.content) {
            Some(step) => self.go_to(step),
            None => self.error(&format!(
                "\"{arg}\" is not a stage or activity: type review to hear every code."
            )),
        }
    }

    pub(super) fn go_to(&mut self, step: crate::interview::Step) -> io::Result<Flow> {
        self.moved(Action::Go(step))
    }

    /// A command that means the same in both front ends (review, notes, routes).
    fn engine(&mut self, id: CommandId) -> io::Result<Flow> {
        match engine_action(id, &self.ctx.content) {
            Some(action) => self.moved(action),
            None => self.error("this interview has no reconsideration and appeal stage."),
        }
    }

    fn moved(&mut self, action: Action) -> io::Result<Flow> {
        let (outcome, _) = self.apply(vec![action])?;
        if outcome == Outcome::Unchanged {
            self.io.say("You are already there.")?;
        }
        Ok(Flow::Ask(Ask::Again))
    }
}
