//! Draws the start screen: the new-session fields, the saved sessions (filtered, most recently
//! changed first, scrolled to keep the highlight in view), any question waiting for y or n,
//! the status line and the footer. Reads the start state, never changes it.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::Context;
use crate::interview::commands::CommandId;
use crate::interview::view::Level;
use crate::rules::dates::long_date;

use super::draw::footer_line;
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::overlay::{centred, help_lines};
use super::page::Theme;
use super::start::{Confirm, Start, StartFocus};

/// Rows above the session list.
const LIST_TOP: u16 = 7;

/// Draws the start screen.
pub fn draw(frame: &mut Frame, s: &Start, ctx: &Context, theme: Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return super::draw::too_small(frame);
    }
    let row = |y: u16| Rect::new(area.x, area.y + y, area.width, 1);
    let date = long_date(ctx.today);
    let pad = usize::from(area.width).saturating_sub(20 + date.len());
    frame.render_widget(
        Line::from(vec![
            Span::styled("esa-interview: start", theme.heading()),
            Span::raw(" ".repeat(pad)),
            Span::raw(date),
        ]),
        row(0),
    );
    new_session_fields(frame, s, theme, row);
    let list = s.filtered();
    let heading = if s.sessions.is_empty() {
        "No saved sessions yet.".to_string()
    } else {
        format!(
            "Saved sessions, most recently changed first ({} of {} match what is typed)",
            list.len(),
            s.sessions.len()
        )
    };
    frame.render_widget(Line::from(Span::styled(heading, theme.heading())), row(6));
    let list_h = area.height.saturating_sub(LIST_TOP + 2);
    let at = match s.focus {
        StartFocus::List(i) => i,
        _ => 0,
    };
    let skip = (at + 1).saturating_sub(usize::from(list_h));
    for (n, sum) in list.iter().skip(skip).take(usize::from(list_h)).enumerate() {
        let changed = sum
            .changed
            .map_or_else(|| "never saved".to_string(), |c| format!("changed {c}"));
        let text = match &sum.problem {
            Some(p) => format!("  {} (cannot be read: {p})", sum.id),
            None => format!("  {:<30} {changed}", sum.reference),
        };
        frame.render_widget(
            Line::from(text),
            row(LIST_TOP + u16::try_from(n).unwrap_or(0)),
        );
    }
    let (focus_row, span, cursor_col) = match s.focus {
        StartFocus::Reference => (
            3,
            20,
            Some(22u16.saturating_add(s.reference.cursor_column())),
        ),
        StartFocus::Date => (4, 16, Some(22u16.saturating_add(s.date.cursor_column()))),
        StartFocus::StartAt => (5, 10, Some(if s.at_routes { 41 } else { 22 })),
        StartFocus::List(i) => (LIST_TOP + u16::try_from(i - skip).unwrap_or(0), 2, None),
    };
    mark(frame, area.x, area.y + focus_row, span);
    let status = match &s.message {
        Some((level, m)) => Line::from(vec![
            Span::styled(
                format!("{} {}: ", level.symbol(), level.word()),
                theme.level(*level),
            ),
            Span::raw(m.clone()),
        ]),
        None => Line::default(),
    };
    frame.render_widget(status, row(area.height - 2));
    frame.render_widget(footer(s, area.width), row(area.height - 1));
    let cursor = cursor_col.map_or((area.x, area.y + focus_row), |c| {
        (area.x + c.min(area.width - 1), area.y + focus_row)
    });
    frame.set_cursor_position(Position {
        x: cursor.0,
        y: cursor.1,
    });
    if let Some(c) = &s.confirm {
        confirm(frame, c, theme);
    }
    if s.help {
        let lines = help_lines(area.width.saturating_sub(4).min(72));
        let rect = centred(area, 76, u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
        frame.render_widget(Clear, rect);
        frame.render_widget(
            Paragraph::new(lines).block(Block::bordered().title("Keys (Esc closes)")),
            rect,
        );
    }
}

/// The new-session form: reference, interview date, and where the session starts.
fn new_session_fields(frame: &mut Frame, s: &Start, theme: Theme, row: impl Fn(u16) -> Rect) {
    frame.render_widget(
        Line::from(Span::styled("New session", theme.heading())),
        row(2),
    );
    let ref_label = "  Claimant reference: ";
    let date_label = "  Interview date:     ";
    frame.render_widget(
        Line::from(format!("{ref_label}{}", s.reference.text())),
        row(3),
    );
    frame.render_widget(
        Line::from(format!("{date_label}{}  (DD/MM/YYYY)", s.date.text())),
        row(4),
    );
    let (begin, routes) = if s.at_routes {
        ("( )", "(x)")
    } else {
        ("(x)", "( )")
    };
    frame.render_widget(
        Line::from(format!(
            "  Start at:           {begin} the beginning  {routes} reconsideration and appeal"
        )),
        row(5),
    );
}

/// The focus marker and reverse video on a short span.
fn mark(frame: &mut Frame, x: u16, y: u16, span: u16) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    for i in 0..span {
        if x + i >= area.right() || y >= area.bottom() {
            break;
        }
        let cell = &mut buf[(x + i, y)];
        if i == 0 {
            cell.set_symbol(">");
        }
        cell.set_style(cell.style().add_modifier(Modifier::REVERSED));
    }
}

fn footer(s: &Start, width: u16) -> Line<'static> {
    use CommandId as C;
    if s.confirm.is_some() {
        return footer_line(&[C::Close], false, width);
    }
    if s.is_typing() {
        footer_line(
            &[C::Choose, C::FocusNext, C::Down, C::Close, C::Help, C::Quit],
            true,
            width,
        )
    } else {
        footer_line(
            &[C::Choose, C::Delete, C::FocusNext, C::Help, C::Quit],
            false,
            width,
        )
    }
}

fn confirm(frame: &mut Frame, c: &Confirm, theme: Theme) {
    let (title, text) = match c {
        Confirm::Delete { reference, .. } => (
            "Delete?",
            format!(
                "Delete the session for {reference}? It cannot be undone. Press y to delete it, n or Esc to keep it."
            ),
        ),
        Confirm::ReadOnly { holder, .. } => (
            "Open read-only?",
            format!(
                "This session is open in another process ({holder}). Press y to open it read-only (you can look, nothing is changed or saved), n or Esc not to."
            ),
        ),
        Confirm::CannotLock { reason, .. } => (
            "Open read-only?",
            format!(
                "Press y to open it read-only (you can look, nothing is changed or saved), n or Esc not to. Changes to it cannot be saved here: {reason}."
            ),
        ),
    };
    let rect = centred(frame.area(), 60, 7);
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(Span::styled(title, theme.level(Level::Warn)));
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).block(block),
        rect,
    );
}
