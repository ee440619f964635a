//! The one place key presses are read. A key event gets the name the command table uses
//! ("n", "PgDn", "Ctrl-S", "Shift-Tab") and becomes a command from `interview::commands`, or,
//! while typing, an edit of the text field. Depends on crossterm's key events and the command
//! table; knows nothing of screens.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::interview::commands::{self, Command, CommandId};

/// One change to a one-line text field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditKey {
    /// Type a character.
    Insert(char),
    /// Delete before the cursor.
    Backspace,
    /// Delete at the cursor.
    Delete,
    /// Cursor left.
    Left,
    /// Cursor right.
    Right,
    /// Cursor to the start.
    Home,
    /// Cursor to the end.
    End,
}

/// The command table's name for a key press, or None for releases and keys it never names.
pub fn key_name(ev: &KeyEvent) -> Option<String> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let name = match ev.code {
        KeyCode::Char(c) if ctrl => format!("Ctrl-{}", c.to_ascii_uppercase()),
        KeyCode::Char(_) if ev.modifiers.contains(KeyModifiers::ALT) => return None,
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => "Shift-Tab".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::F(n) => format!("F{n}"),
        _ => return None,
    };
    Some(name)
}

/// True for names of keys that type a character: while a field is being typed in, these type.
pub fn types_text(name: &str) -> bool {
    name == "Space" || name.chars().count() == 1
}

/// The command a key gives when nothing is being typed.
pub fn command(ev: &KeyEvent) -> Option<CommandId> {
    key_name(ev)
        .and_then(|n| commands::by_key(&n))
        .map(|c| c.id)
}

/// The command a key gives while a field is being typed in: only keys that cannot type text,
/// and only the commands that make sense there, so letters always type.
pub fn typing_command(ev: &KeyEvent) -> Option<CommandId> {
    let name = key_name(ev)?;
    if types_text(&name) {
        return None;
    }
    let id = commands::by_key(&name)?.id;
    matches!(
        id,
        CommandId::Close
            | CommandId::Choose
            | CommandId::Down
            | CommandId::FocusNext
            | CommandId::FocusPrevious
            | CommandId::Save
            | CommandId::Quit
            | CommandId::Help
    )
    .then_some(id)
}

/// The edit a key makes to a one-line field, if any.
pub fn edit_key(ev: &KeyEvent) -> Option<EditKey> {
    if ev.kind == KeyEventKind::Release
        || ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    Some(match ev.code {
        KeyCode::Char(c) => EditKey::Insert(c),
        KeyCode::Backspace => EditKey::Backspace,
        KeyCode::Delete => EditKey::Delete,
        KeyCode::Left => EditKey::Left,
        KeyCode::Right => EditKey::Right,
        KeyCode::Home => EditKey::Home,
        KeyCode::End => EditKey::End,
        _ => return None,
    })
}

/// The key to show for a command in the footer and help: while typing, the first key that
/// cannot type text (None if the command has none).
pub fn shown_key(cmd: &Command, typing: bool) -> Option<&'static str> {
    cmd.keys.iter().copied().find(|k| !typing || !types_text(k))
}

#[cfg(test)]
mod tests {
    use super::{command, key_name, typing_command};
    use crate::interview::commands::CommandId;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn keys_get_the_names_the_command_table_uses() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            key_name(&key(KeyCode::Char('s'), KeyModifiers::CONTROL)).as_deref(),
            Some("Ctrl-S")
        );
        assert_eq!(
            key_name(&key(KeyCode::BackTab, KeyModifiers::SHIFT)).as_deref(),
            Some("Shift-Tab")
        );
        assert_eq!(
            key_name(&key(KeyCode::Char(' '), none)).as_deref(),
            Some("Space")
        );
        assert_eq!(
            command(&key(KeyCode::PageDown, none)),
            Some(CommandId::Next)
        );
        assert_eq!(
            command(&key(KeyCode::Char('M'), KeyModifiers::SHIFT)),
            Some(CommandId::Notes)
        );
    }

    #[test]
    fn letters_never_act_while_typing() {
        let none = KeyModifiers::NONE;
        for c in ['q', 'n', 'p', 'g', '?', 'j', ' '] {
            assert_eq!(typing_command(&key(KeyCode::Char(c), none)), None, "{c}");
        }
        assert_eq!(
            typing_command(&key(KeyCode::Esc, none)),
            Some(CommandId::Close)
        );
        assert_eq!(
            typing_command(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(CommandId::Quit)
        );
        assert_eq!(typing_command(&key(KeyCode::PageDown, none)), None);
    }
}
