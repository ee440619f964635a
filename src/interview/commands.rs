//! The one command table. Every command is defined here once, with its TUI keys, its plain-mode
//! words and its help text; the TUI's footer and `?` overlay, its keymap, and the plain mode's
//! `help` and parser are all generated from it, so help can never drift from what works.

/// What a command does; front ends turn these into `Action`s or UI changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CommandId {
    /// Show every command.
    Help,
    /// The next screen.
    Next,
    /// The screen before (or where you were before a jump).
    Back,
    /// Move on without answering (plain mode).
    Skip,
    /// Go to a screen by number or name.
    Go,
    /// The review page.
    Review,
    /// The points tally.
    Tally,
    /// The reconsideration and appeal stage.
    Routes,
    /// Write the note for this screen.
    Note,
    /// All notes.
    Notes,
    /// Save now.
    Save,
    /// Export a statement.
    Export,
    /// Save and leave.
    Quit,
    /// Move the highlight up.
    Up,
    /// Move the highlight down.
    Down,
    /// Choose or unchoose the highlighted item; confirm.
    Choose,
    /// The next field or panel.
    FocusNext,
    /// The previous field or panel.
    FocusPrevious,
    /// Close an overlay or leave an editor.
    Close,
    /// Delete the highlighted session (after asking).
    Delete,
}

/// One command: its keys, its words, what it does.
#[derive(Clone, Copy, Debug)]
pub struct Command {
    /// What it does.
    pub id: CommandId,
    /// TUI key names, as `tui::keymap` names key events ("n", "PgDn", "Ctrl-S", "Shift-Tab").
    pub keys: &'static [&'static str],
    /// Plain-mode words; the first is the one listed.
    pub words: &'static [&'static str],
    /// What the argument is, if it takes one (plain mode: `go 4.12`).
    pub arg: Option<&'static str>,
    /// One line of help.
    pub help: &'static str,
    /// One or two words for the TUI footer, after the key ("n next").
    pub short: &'static str,
    /// Shown in the TUI footer (the most used only: the footer is one line).
    pub footer: bool,
}

/// Every command, in the order help lists them.
pub const COMMANDS: &[Command] = &[
    Command {
        id: CommandId::Help,
        keys: &["?", "F1"],
        words: &["help", "?"],
        arg: None,
        help: "list every command",
        short: "help",
        footer: true,
    },
    Command {
        id: CommandId::Up,
        keys: &["Up", "k"],
        words: &[],
        arg: None,
        help: "move the highlight up",
        short: "up",
        footer: false,
    },
    Command {
        id: CommandId::Down,
        keys: &["Down", "j"],
        words: &[],
        arg: None,
        help: "move the highlight down",
        short: "down",
        footer: false,
    },
    Command {
        id: CommandId::Choose,
        keys: &["Space", "Enter"],
        words: &[],
        arg: None,
        help: "choose or unchoose the highlighted item; edit or confirm a field",
        short: "choose",
        footer: true,
    },
    Command {
        id: CommandId::FocusNext,
        keys: &["Tab"],
        words: &[],
        arg: None,
        help: "move to the next field or panel (the note is the last)",
        short: "next field",
        footer: false,
    },
    Command {
        id: CommandId::FocusPrevious,
        keys: &["Shift-Tab"],
        words: &[],
        arg: None,
        help: "move to the previous field or panel",
        short: "previous field",
        footer: false,
    },
    Command {
        id: CommandId::Next,
        keys: &["n", "PgDn"],
        words: &["next", "n"],
        arg: None,
        help: "go to the next screen",
        short: "next",
        footer: true,
    },
    Command {
        id: CommandId::Back,
        keys: &["p", "PgUp"],
        words: &["back", "b", "previous", "p"],
        arg: None,
        help: "go back (to where you were before a jump, or the screen before); answers are kept",
        short: "back",
        footer: true,
    },
    Command {
        id: CommandId::Skip,
        keys: &[],
        words: &["skip", "s"],
        arg: None,
        help: "move on without answering now (an answer already given is kept)",
        short: "skip",
        footer: false,
    },
    Command {
        id: CommandId::Go,
        keys: &["g"],
        words: &["go", "g"],
        arg: Some("stage number, activity (4.12) or name"),
        help: "go to a stage by number or name, or an activity such as 4.12",
        short: "go to",
        footer: true,
    },
    Command {
        id: CommandId::Review,
        keys: &["r"],
        words: &["review", "r"],
        arg: None,
        help: "review every answer and jump to any screen",
        short: "review",
        footer: true,
    },
    Command {
        id: CommandId::Tally,
        keys: &["t"],
        words: &["tally", "t"],
        arg: None,
        help: "show the points tally in full",
        short: "tally",
        footer: false,
    },
    Command {
        id: CommandId::Routes,
        keys: &["a"],
        words: &["routes", "appeal"],
        arg: None,
        help: "go to mandatory reconsideration and appeal, with deadlines",
        short: "appeal",
        footer: false,
    },
    Command {
        id: CommandId::Note,
        keys: &["m"],
        words: &["note"],
        arg: None,
        help: "write a note for this screen (plain mode: end with a line holding only .)",
        short: "note",
        footer: true,
    },
    Command {
        id: CommandId::Notes,
        keys: &["M"],
        words: &["notes"],
        arg: None,
        help: "show every note, with the general note",
        short: "notes",
        footer: false,
    },
    Command {
        id: CommandId::Save,
        keys: &["Ctrl-S"],
        words: &["save"],
        arg: None,
        help: "save now (every change is already saved as you go)",
        short: "save",
        footer: false,
    },
    Command {
        id: CommandId::Export,
        keys: &["x"],
        words: &["export"],
        arg: Some("markdown or text"),
        help: "export a statement for a reconsideration request or tribunal",
        short: "export",
        footer: false,
    },
    Command {
        id: CommandId::Close,
        keys: &["Esc"],
        words: &[],
        arg: None,
        help: "close a window; leave a note (keeping it) or a question's edit (cancelling it)",
        short: "close",
        footer: false,
    },
    Command {
        id: CommandId::Delete,
        keys: &["Delete"],
        words: &[],
        arg: None,
        help: "delete the highlighted session on the start screen (asks first)",
        short: "delete",
        footer: false,
    },
    Command {
        id: CommandId::Quit,
        keys: &["q", "Ctrl-C"],
        words: &["quit", "exit", "q"],
        arg: None,
        help: "save and leave",
        short: "quit",
        footer: true,
    },
];

/// The command a plain-mode word names.
pub fn by_word(word: &str) -> Option<&'static Command> {
    let w = word.trim().to_lowercase();
    COMMANDS.iter().find(|c| c.words.contains(&w.as_str()))
}

/// The command a TUI key name triggers.
pub fn by_key(key: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.keys.contains(&key))
}

/// The command with this id.
pub fn get(id: CommandId) -> &'static Command {
    COMMANDS
        .iter()
        .find(|c| c.id == id)
        .expect("every CommandId is in COMMANDS")
}

/// The engine action a command means wherever it is given: moving on or back, and going to the
/// review, the notes or the reconsideration and appeal stage. `None` for the commands whose
/// meaning is the front end's (the highlight, windows, typing, saving, leaving). Both front ends
/// map these through here; the plain mode first gives next, back and skip their meaning within
/// a screen of several questions.
pub fn engine_action(id: CommandId, content: &crate::content::Content) -> Option<super::Action> {
    use super::{Action, Step};
    match id {
        CommandId::Next | CommandId::Skip => Some(Action::Next),
        CommandId::Back => Some(Action::Back),
        CommandId::Review => Some(Action::Go(Step::Review)),
        CommandId::Notes => Some(Action::Go(Step::Notes)),
        CommandId::Routes => super::step::routes_step(content).map(Action::Go),
        _ => None,
    }
}

/// The command table as a Markdown table, for the README (a test keeps the README in step).
pub fn markdown_table() -> String {
    use std::fmt::Write;
    let mut out = String::from(
        "| Keys (full screen) | Words (plain mode) | What it does |\n| --- | --- | --- |\n",
    );
    for c in COMMANDS {
        let keys = if c.keys.is_empty() {
            "-".to_string()
        } else {
            c.keys
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut words = if c.words.is_empty() {
            "-".to_string()
        } else {
            c.words
                .iter()
                .map(|w| format!("`{w}`"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        if let Some(arg) = c.arg {
            words = format!("{words} ({arg})");
        }
        let _ = writeln!(out, "| {keys} | {words} | {} |", c.help);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{COMMANDS, by_key, by_word};
    use std::collections::HashSet;

    #[test]
    fn no_key_or_word_is_used_twice() {
        let mut keys = HashSet::new();
        let mut words = HashSet::new();
        for c in COMMANDS {
            for k in c.keys {
                assert!(keys.insert(*k), "key {k} is bound twice");
            }
            for w in c.words {
                assert!(words.insert(*w), "word {w} is bound twice");
            }
        }
    }

    #[test]
    fn the_plain_mode_has_every_command_the_accessibility_checklist_names() {
        for w in [
            "back", "next", "skip", "go", "review", "tally", "routes", "note", "notes", "save",
            "export", "quit", "help",
        ] {
            assert!(by_word(w).is_some(), "{w}");
        }
        assert!(by_key("Ctrl-S").is_some());
        assert!(by_key("?").is_some());
    }
}
