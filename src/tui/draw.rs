//! Draws the interview: header, alerts, title, the page with the focus marker, the tally, the
//! status line, the footer (generated from the command table), and any editor or window on
//! top; or the "terminal too small" message. Reads the app, never changes it.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::Context;
use crate::interview::commands::{COMMANDS, CommandId};
use crate::interview::findings::{Finding, Fit, Kind, deadline_line};
use crate::interview::view::Level;

use super::interview::{Interview, PageView};
use super::keymap;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::overlay;
use super::page::Theme;
use super::tally;

/// The message shown when the screen is too small for anything else.
pub fn too_small(frame: &mut Frame) {
    let a = frame.area();
    let text = format!(
        "Terminal too small: need at least {MIN_WIDTH}x{MIN_HEIGHT}, now {}x{}. Make the window bigger; nothing is lost.",
        a.width, a.height
    );
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), a);
}

/// Draws an open session.
pub fn interview(frame: &mut Frame, it: &Interview, ctx: &Context, theme: Theme) {
    let Some(areas) = layout::interview(frame.area(), it.vm.alerts.len()) else {
        return too_small(frame);
    };
    header(frame, it, areas.header, theme);
    for (i, a) in it
        .vm
        .alerts
        .iter()
        .take(usize::from(areas.alerts.height))
        .enumerate()
    {
        let r = Rect {
            y: areas.alerts.y + u16::try_from(i).unwrap_or(0),
            height: 1,
            ..areas.alerts
        };
        let text = alert_line(a, usize::from(r.width));
        let line = Line::from(Span::styled(text, theme.level(a.level)));
        frame.render_widget(line, r);
    }
    frame.render_widget(title(it, areas.title.width, theme), areas.title);
    let cursor = draw_page(frame, &it.view, areas.page);
    if areas.rule.width > 0 {
        let rule: Vec<Line> = (0..areas.rule.height)
            .map(|_| Line::from("\u{2502}"))
            .collect();
        frame.render_widget(Paragraph::new(rule), areas.rule);
    }
    let t = &it.vm.tally;
    let lines = if areas.rule.width > 0 {
        tally::panel_lines(t, theme, areas.tally.width)
    } else {
        tally::compact_lines(t)
    };
    frame.render_widget(Paragraph::new(lines), areas.tally);
    status(frame, it, areas.status, theme);
    frame.render_widget(footer(it, areas.footer.width), areas.footer);
    let mut cursor = cursor;
    if let Some(n) = &it.note {
        cursor = Some(note_editor(frame, n, areas.page));
    }
    if let Some(o) = &it.overlay {
        cursor = overlay::draw(frame, o, ctx, &it.vm.tally, theme);
    }
    if let Some((x, y)) = cursor {
        frame.set_cursor_position(Position { x, y });
    }
}

fn header(frame: &mut Frame, it: &Interview, area: Rect, theme: Theme) {
    let p = &it.vm.place;
    let stage = if p.stage_number == 0 {
        p.stage_title.clone()
    } else {
        format!("Stage {} of {}", p.stage_number, p.stage_count)
    };
    let mut right = String::new();
    if it.handle.read_only {
        right.push_str("[read-only]");
    } else if it.handle.save_failure().is_some() {
        right.push_str("[NOT SAVED]");
    }
    let left = format!("{}  |  {stage}", it.vm.reference);
    let pad = usize::from(area.width).saturating_sub(Span::raw(&left).width() + right.len());
    let line = Line::from(vec![
        Span::styled(left, theme.heading()),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, theme.level(Level::Bar)),
    ]);
    frame.render_widget(line, area);
}

/// The title line: the stage, or the activity with its points kept at the right edge (so a
/// change of points rewrites two cells, and a narrow screen shortens the name, not the points).
fn title(it: &Interview, width: u16, theme: Theme) -> Line<'static> {
    let p = &it.vm.place;
    let (left, right) = match (&p.activity_label, &it.vm.screen) {
        (Some(label), crate::interview::view::Screen::Activity(a)) => (
            format!("{label} ({})", a.part),
            format!("  {:>2} points here", a.points),
        ),
        _ if p.stage_number == 0 => (p.stage_title.clone(), String::new()),
        _ => (
            format!("{}. {}", p.stage_number, p.stage_title),
            String::new(),
        ),
    };
    let room = usize::from(width).saturating_sub(right.len());
    let mut left: String = left.chars().take(room).collect();
    let pad = room.saturating_sub(Span::raw(&left).width());
    left.push_str(&" ".repeat(pad));
    Line::from(vec![
        Span::styled(left, theme.heading()),
        Span::styled(right, theme.heading()),
    ])
}

/// A header alert in the fullest form that fits `width`: a deadline is worded again from its
/// data with short day and month names, then without "last day", so it keeps its date and days
/// left. The urgency's word is in the line; its symbol goes first ("!! PASSED ...").
fn alert_line(f: &Finding, width: usize) -> String {
    let Kind::Deadline(d) = &f.kind else {
        return f.text.clone();
    };
    let marked = |text: String| match f.symbol() {
        Some(s) => format!("{s} {text}"),
        None => text,
    };
    let mut line = String::new();
    for fit in Fit::ALL {
        line = marked(deadline_line(d, fit));
        if line.chars().count() <= width {
            break;
        }
    }
    line
}

fn level_line(level: Level, text: &str, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!("{} {}: ", level.symbol(), level.word()),
            theme.level(level),
        ),
        Span::raw(text.to_string()),
    ])
}

/// The page from its scroll line, the focused stop marked; returns the cursor position.
fn draw_page(frame: &mut Frame, view: &PageView, area: Rect) -> Option<(u16, u16)> {
    let page = &view.page;
    let typing = view.typing_cursor;
    let top = view.scroll.min(page.lines.len());
    let visible: Vec<Line> = page.lines[top..]
        .iter()
        .take(usize::from(area.height))
        .cloned()
        .collect();
    frame.render_widget(Paragraph::new(visible), area);
    let in_view = |line: usize| (top..top + usize::from(area.height)).contains(&line);
    let row = |line: usize| area.y + u16::try_from(line - top).unwrap_or(0);
    if let Some((line, col)) = typing.filter(|(l, _)| in_view(*l)) {
        return Some((area.x + col.min(area.width.saturating_sub(1)), row(line)));
    }
    let stop = page.stops.get(view.focus)?;
    if !in_view(stop.mark_line) {
        return Some((area.x, area.y));
    }
    let y = row(stop.mark_line);
    let buf = frame.buffer_mut();
    for i in 0..stop.span {
        let x = area.x + stop.mark_col + i;
        if x >= area.right() {
            break;
        }
        let cell = &mut buf[(x, y)];
        if i == 0 {
            cell.set_symbol(">");
        }
        cell.set_style(cell.style().add_modifier(Modifier::REVERSED));
    }
    Some((area.x + stop.mark_col, y))
}

fn status(frame: &mut Frame, it: &Interview, area: Rect, theme: Theme) {
    // A barring message (leaving unsaved) outranks the save error it already includes.
    let line = if let Some((Level::Bar, m)) = &it.message {
        level_line(Level::Bar, m, theme)
    } else if let Some(f) = it.handle.save_failure() {
        level_line(
            Level::Bar,
            &format!(
                "{}; saving is tried again on the next change (Ctrl-S tries now).",
                f.said()
            ),
            theme,
        )
    } else if let Some((level, m)) = &it.message {
        level_line(*level, m, theme)
    } else {
        Line::default()
    };
    frame.render_widget(line, area);
}

/// The commands to show in the footer here, most important first.
fn footer_commands(it: &Interview) -> (Vec<CommandId>, bool) {
    use CommandId as C;
    if it.note.is_some() {
        return (
            vec![C::Close, C::Save, C::FocusNext, C::Help, C::Quit],
            true,
        );
    }
    if it.typing.is_some() {
        return (
            vec![C::Choose, C::Close, C::FocusNext, C::Help, C::Quit],
            true,
        );
    }
    let mut ids: Vec<CommandId> = COMMANDS.iter().filter(|c| c.footer).map(|c| c.id).collect();
    // Drop from the end of this order first when the line is short.
    let keep = [
        C::Help,
        C::Quit,
        C::Choose,
        C::Next,
        C::Back,
        C::Note,
        C::Go,
        C::Review,
    ];
    ids.sort_by_key(|id| keep.iter().position(|k| k == id).unwrap_or(keep.len()));
    (ids, false)
}

/// The footer: the keys that work here, as many as fit, in the command table's order.
pub fn footer(it: &Interview, width: u16) -> Line<'static> {
    let (ids, typing) = footer_commands(it);
    footer_line(&ids, typing, width)
}

/// A footer line for these commands, dropping the last ones until it fits `width`.
pub fn footer_line(ids: &[CommandId], typing: bool, width: u16) -> Line<'static> {
    let item = |id: &CommandId| {
        let c = crate::interview::commands::get(*id);
        keymap::shown_key(c, typing).map(|k| (k, c.short))
    };
    let mut chosen: Vec<CommandId> = ids.to_vec();
    loop {
        let mut in_order: Vec<&crate::interview::commands::Command> =
            COMMANDS.iter().filter(|c| chosen.contains(&c.id)).collect();
        in_order.retain(|c| item(&c.id).is_some());
        let text: Vec<String> = in_order
            .iter()
            .filter_map(|c| item(&c.id).map(|(k, s)| format!("{k} {s}")))
            .collect();
        let joined = text.join("  ");
        if Span::raw(&joined).width() <= usize::from(width) || chosen.len() <= 1 {
            let mut spans = Vec::new();
            for (i, c) in in_order.iter().enumerate() {
                if let Some((k, s)) = item(&c.id) {
                    if i > 0 {
                        spans.push(Span::raw("  "));
                    }
                    spans.push(Span::styled(
                        k.to_string(),
                        Style::new().add_modifier(Modifier::BOLD),
                    ));
                    spans.push(Span::raw(format!(" {s}")));
                }
            }
            return Line::from(spans);
        }
        chosen.pop();
    }
}

fn note_editor(frame: &mut Frame, n: &super::editor::NoteEditor, page: Rect) -> (u16, u16) {
    let rect = layout::note_box(page);
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(format!("Note: {} (Esc keeps it and closes)", n.label));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(n, inner);
    let (col, row) = n.cursor_cell().unwrap_or((0, 0));
    (
        (inner.x + col).min(inner.right().saturating_sub(1)),
        (inner.y + row).min(inner.bottom().saturating_sub(1)),
    )
}

#[cfg(test)]
mod fit_tests {
    use chrono::NaiveDate;

    use super::alert_line;
    use crate::content::date::Date;
    use crate::content::load_embedded;
    use crate::interview::findings::alerts;
    use crate::interview::{Session, evaluate};

    #[test]
    fn a_header_alert_shortens_its_date_only_when_needed() {
        let content = load_embedded();
        let mut s = Session::default();
        s.decision.decision_date = NaiveDate::from_ymd_opt(2026, 10, 20).map(Date);
        let e = evaluate(&s, &content, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        let alert = &alerts(&e)[0];
        let full = "!! PASSED Mandatory reconsideration: last day Friday 20 November 2026 (passed 5 days ago)";
        assert_eq!(alert_line(alert, 200), full);
        assert_eq!(
            alert_line(alert, 85),
            "!! PASSED Mandatory reconsideration: last day Fri 20 Nov 2026 (passed 5 days ago)"
        );
        assert_eq!(
            alert_line(alert, 80),
            "!! PASSED Mandatory reconsideration: Fri 20 Nov 2026 (passed 5 days ago)"
        );
    }
}
