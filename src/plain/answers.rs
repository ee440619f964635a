//! What a typed line does when it is not a command: answers the question being asked, chooses
//! or unchooses numbered descriptors and checklist items, or jumps from the review by code.
//! Also the note editor (lines ended by a single `.`) and export.

use std::io::{self, BufRead, Write};

use crate::cli::Format;
use crate::interview::step::parse_target;
use crate::interview::view::{Choice, Screen};
use crate::interview::{Action, Outcome, ViewModel};

use super::convo::{Convo, Flow};
use super::items::{Item, items};
use super::prompt::Ask;

impl<R: BufRead, W: Write> Convo<'_, R, W> {
    /// A typed line that is not a command.
    pub(super) fn answer(&mut self, text: &str, vm: &ViewModel) -> io::Result<Flow> {
        if let Some(item) = self.item(vm) {
            return self.answer_item(item, text);
        }
        match &vm.screen {
            Screen::Activity(a) => self.toggle(text, &a.choices),
            Screen::Checklist { choices, .. } if !choices.is_empty() => self.toggle(text, choices),
            Screen::Review { .. } => match parse_target(text, &self.ctx.content) {
                Some(step) => self.go_to(step),
                None => self.error(&format!(
                    "\"{text}\" is not a code on this page: type go and a code, such as go 1."
                )),
            },
            _ if items(vm).is_some_and(|f| !f.is_empty()) => self.error(
                "the interview is at its end: type review, export, back or quit. Type help for \
                 the list.",
            ),
            _ => self.error(
                "there is nothing to answer here: press Enter to go on, or type a command. Type \
                 help for the list.",
            ),
        }
    }

    /// Answers the question (or NI entry) being asked, says the answer back in words, and
    /// moves on.
    fn answer_item(&mut self, item: Item, text: &str) -> io::Result<Flow> {
        let typed = if text.eq_ignore_ascii_case("clear") {
            ""
        } else {
            text
        };
        let (outcome, lines) = self.apply(vec![item.action(typed)])?;
        if let Outcome::Invalid(m) = outcome {
            return self.error(&m);
        }
        let after = self.vm();
        let all = items(&after).unwrap_or_default();
        let now = all.iter().find(|x| x.same(&item)).and_then(Item::answer);
        self.io.say(&match (now, item.answer()) {
            (Some(a), _) => format!("Answer recorded: {a}."),
            (None, Some(_)) => "Answer removed.".to_string(),
            (None, None) => "No answer recorded.".to_string(),
        })?;
        self.io.say_all(&lines)?;
        if self.focus + 1 < all.len() {
            self.focus += 1;
            Ok(Flow::Ask(Ask::Again))
        } else {
            self.next_screen(&after)
        }
    }

    /// Chooses or unchooses each numbered item typed ("2", or "1, 3").
    fn toggle(&mut self, text: &str, choices: &[Choice]) -> io::Result<Flow> {
        let k = choices.len();
        let mut actions = Vec::new();
        for token in text.split([',', ' ']).filter(|t| !t.is_empty()) {
            match token.parse::<usize>() {
                Ok(n) if (1..=k).contains(&n) => {
                    actions.push(Action::Toggle(choices[n - 1].id.clone()));
                }
                _ => {
                    return self.error(&format!(
                        "enter a number from 1 to {k}, or a command. Type help for the list."
                    ));
                }
            }
        }
        let (outcome, lines) = self.apply(actions)?;
        if let Outcome::Invalid(m) = outcome {
            return self.error(&m);
        }
        self.io.say_all(&lines)?;
        Ok(Flow::Ask(Ask::Short))
    }

    /// Writes this screen's note from the lines typed up to a line holding only `.`.
    pub(super) fn note(&mut self, vm: &ViewModel) -> io::Result<Flow> {
        if let Some(r) = self.handle.refuses_changes() {
            return self.error(&r.to_string());
        }
        let whose = match &vm.screen {
            Screen::Notes { .. } => "the general note".to_string(),
            _ => format!(
                "your note for {}",
                vm.place
                    .activity_label
                    .clone()
                    .unwrap_or_else(|| vm.place.stage_title.clone())
            ),
        };
        self.io.say(&format!(
            "Writing {whose}: type as many lines as you need, then a line holding only a full \
             stop. It replaces the current note; a full stop alone keeps the note as it is, and \
             clear alone removes it."
        ))?;
        let (lines, ended) = self.note_lines()?;
        let flow = if lines.is_empty() {
            self.io.say("Note unchanged.")?;
            Flow::Ask(Ask::Short)
        } else {
            self.save_note(vm.note.key.clone(), &lines)?
        };
        if ended && !self.io.stopped() {
            self.end_of_input()?;
            return Ok(Flow::Done);
        }
        Ok(flow)
    }

    fn note_lines(&mut self) -> io::Result<(Vec<String>, bool)> {
        let mut lines = Vec::new();
        loop {
            match self.io.read()? {
                None => return Ok((lines, true)),
                Some(l) if l.trim() == "." => return Ok((lines, false)),
                Some(l) => lines.push(l.trim_end().to_string()),
            }
        }
    }

    fn save_note(&mut self, key: String, lines: &[String]) -> io::Result<Flow> {
        let clear = lines.len() == 1 && lines[0].trim().eq_ignore_ascii_case("clear");
        let text = if clear {
            String::new()
        } else {
            lines.join("\n")
        };
        let action = Action::Note {
            key,
            text,
            at: self.ctx.clock.now(),
        };
        let (outcome, _) = self.apply(vec![action])?;
        let said = match outcome {
            Outcome::Invalid(m) => return self.error(&m),
            Outcome::Changed if clear => "Saved: the note is removed.".to_string(),
            Outcome::Changed => format!(
                "Saved: the note, {} line{}.",
                lines.len(),
                if lines.len() == 1 { "" } else { "s" }
            ),
            _ => "Note unchanged.".to_string(),
        };
        self.io.say(&said)?;
        Ok(Flow::Ask(Ask::Short))
    }

    /// Writes the statement with `report::export_to_file` and says where.
    pub(super) fn export(&mut self, arg: Option<&str>) -> io::Result<Flow> {
        let format = match arg.map(str::to_lowercase).as_deref() {
            None | Some("markdown" | "md") => Format::Markdown,
            Some("text" | "txt") => Format::Text,
            Some(other) => {
                return self.error(&format!(
                    "\"{other}\" is not a format: type export markdown or export text."
                ));
            }
        };
        let h = &self.handle;
        match h.export(self.ctx, format) {
            Ok(path) => {
                let said = format!(
                    "Saved: the statement for {} is in {}.",
                    h.session.reference,
                    path.display()
                );
                self.io.say(&said)?;
                Ok(Flow::Ask(Ask::Short))
            }
            Err(e) => self.error(&format!("the statement could not be written: {e}.")),
        }
    }
}
