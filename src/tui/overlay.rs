//! Windows over the interview: help (every key, generated from the command table), "go to",
//! the full tally, and export. Each handles its own keys (Esc always closes it) and may hand
//! back one `Action` for the interview to apply. Depends on the engine and the open session.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::Context;
use crate::cli::Format;
use crate::content::stages::StageKind;
use crate::interview::Action;
use crate::interview::commands::{COMMANDS, CommandId};
use crate::interview::step::parse_target;
use crate::interview::view::Tally;
use crate::open_session::OpenSession;

use super::editor::LineEdit;
use super::keymap;
use super::page::{Theme, wrap};
use super::tally;

/// The export formats offered, in order.
const FORMATS: [(Format, &str); 2] = [(Format::Markdown, "Markdown"), (Format::Text, "Plain text")];

/// A window over the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// Every key.
    Help {
        /// First line shown.
        scroll: usize,
    },
    /// Go to a stage by number or name.
    Go {
        /// What is typed.
        edit: LineEdit,
        /// Why the last try did not match.
        error: Option<String>,
    },
    /// The tally with every reason.
    Tally,
    /// Export a statement.
    Export {
        /// The highlighted format.
        choice: usize,
        /// The path written, or why not.
        result: Option<Result<String, String>>,
    },
}

impl Overlay {
    /// Handles a key; returns the overlay still open (if any) and an action to apply.
    pub fn key(
        self,
        ev: &KeyEvent,
        ctx: &Context,
        handle: &OpenSession,
    ) -> (Option<Overlay>, Option<Action>) {
        match self {
            Overlay::Go { mut edit, error } => match keymap::typing_command(ev) {
                Some(CommandId::Close) => (None, None),
                Some(CommandId::Choose) => {
                    if let Some(step) = parse_target(edit.text(), &ctx.content) {
                        return (None, Some(Action::Go(step)));
                    }
                    let error = Some(format!(
                        "Nothing matches `{}`: type a stage number (1 to {}), an activity such as 4.12, a name, review or notes.",
                        edit.text().trim(),
                        ctx.content.stages.len()
                    ));
                    (Some(Overlay::Go { edit, error }), None)
                }
                _ => {
                    if let Some(k) = keymap::edit_key(ev) {
                        edit.apply(&k);
                    }
                    (Some(Overlay::Go { edit, error }), None)
                }
            },
            Overlay::Help { scroll } => match keymap::command(ev) {
                Some(CommandId::Down) => (Some(Overlay::Help { scroll: scroll + 1 }), None),
                Some(CommandId::Up) => (
                    Some(Overlay::Help {
                        scroll: scroll.saturating_sub(1),
                    }),
                    None,
                ),
                Some(_) => (None, None),
                None => (Some(Overlay::Help { scroll }), None),
            },
            Overlay::Tally => match keymap::command(ev) {
                Some(_) => (None, None),
                None => (Some(Overlay::Tally), None),
            },
            Overlay::Export { choice, result } => export_key(ev, ctx, handle, choice, result),
        }
    }
}

fn export_key(
    ev: &KeyEvent,
    ctx: &Context,
    handle: &OpenSession,
    choice: usize,
    result: Option<Result<String, String>>,
) -> (Option<Overlay>, Option<Action>) {
    let cmd = keymap::command(ev);
    if result.is_some() {
        return match cmd {
            Some(_) => (None, None),
            None => (Some(Overlay::Export { choice, result }), None),
        };
    }
    let open = |choice| {
        (
            Some(Overlay::Export {
                choice,
                result: None,
            }),
            None,
        )
    };
    match cmd {
        Some(CommandId::Close | CommandId::Quit) => (None, None),
        Some(CommandId::Up) => open(choice.saturating_sub(1)),
        Some(CommandId::Down) => open((choice + 1).min(FORMATS.len() - 1)),
        Some(CommandId::Choose) => {
            let written = handle
                .export(ctx, FORMATS[choice].0)
                .map(|p| p.display().to_string())
                .map_err(|e| e.to_string());
            (
                Some(Overlay::Export {
                    choice,
                    result: Some(written),
                }),
                None,
            )
        }
        _ => open(choice),
    }
}

/// A centred box of at most `w` x `h` inside `area`.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Draws the overlay; returns where the terminal cursor goes.
pub fn draw(
    frame: &mut Frame,
    overlay: &Overlay,
    ctx: &Context,
    tally: &Tally,
    theme: Theme,
) -> Option<(u16, u16)> {
    let area = frame.area();
    let (title, lines, box_w, cursor): (&str, Vec<Line>, u16, Option<u16>) = match overlay {
        Overlay::Help { scroll } => (
            "Keys (Down and Up scroll, Esc closes)",
            // Wrapped to the box's inside: 76 columns less its two borders.
            help_lines(area.width.min(76).saturating_sub(2))
                .into_iter()
                .skip(*scroll)
                .collect(),
            76,
            None,
        ),
        Overlay::Tally => (
            "Points tally (Esc closes)",
            tally::full_lines(tally, theme, 56),
            60,
            None,
        ),
        Overlay::Go { edit, error } => {
            let mut l = vec![Line::from(format!("Go to: {}", edit.text()))];
            if let Some(e) = error {
                l.extend(wrap(&format!("Error: {e}"), 56).into_iter().map(Line::from));
            }
            l.push(Line::default());
            l.extend(stage_list(ctx));
            (
                "Go to a stage (Enter goes, Esc closes)",
                l,
                60,
                Some(7u16.saturating_add(edit.cursor_column())),
            )
        }
        Overlay::Export { choice, result } => (
            "Export a statement (Esc closes)",
            export_lines(*choice, result.as_ref()),
            60,
            None,
        ),
    };
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centred(area, box_w, h);
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(title);
    let inner = block.inner(rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
    match overlay {
        Overlay::Export {
            choice,
            result: None,
        } => Some((inner.x, inner.y + 1 + u16::try_from(*choice).unwrap_or(0))),
        _ => cursor.map(|c| (inner.x + c.min(inner.width.saturating_sub(1)), inner.y)),
    }
}

/// Every key with its help, wrapped to `width`.
pub fn help_lines(width: u16) -> Vec<Line<'static>> {
    let mut out = vec![Line::from(
        "Letters act as keys only when nothing is being typed.",
    )];
    for c in COMMANDS.iter().filter(|c| !c.keys.is_empty()) {
        let keys = format!("{:<16}", c.keys.join(", "));
        let w = usize::from(width).saturating_sub(17).max(10);
        for (i, l) in wrap(c.help, w).into_iter().enumerate() {
            let k = if i == 0 { keys.clone() } else { " ".repeat(16) };
            out.push(Line::from(vec![
                Span::styled(k, Style::new()),
                Span::raw(" "),
                Span::raw(l),
            ]));
        }
    }
    out
}

fn stage_list(ctx: &Context) -> Vec<Line<'static>> {
    let acts = &ctx.content.wca.schedule2.activities;
    let mut out: Vec<Line> = ctx
        .content
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let extra = if s.kind == StageKind::Wca && !acts.is_empty() {
                format!(" ({n}.1 to {n}.{})", acts.len(), n = i + 1)
            } else {
                String::new()
            };
            Line::from(format!("{:>2}  {}{extra}", i + 1, s.title))
        })
        .collect();
    out.push(Line::from("    review, notes"));
    out
}

fn export_lines(choice: usize, result: Option<&Result<String, String>>) -> Vec<Line<'static>> {
    let mut out = vec![Line::from("Choose a format and press Enter:")];
    for (i, (_, name)) in FORMATS.iter().enumerate() {
        let m = if i == choice { ">" } else { " " };
        out.push(Line::from(format!("{m} {name}")));
    }
    match result {
        Some(Ok(path)) => {
            out.push(Line::default());
            out.extend(
                wrap(&format!("Written to {path}"), 56)
                    .into_iter()
                    .map(Line::from),
            );
        }
        Some(Err(e)) => {
            out.push(Line::default());
            out.extend(
                wrap(&format!("Error: not written: {e}"), 56)
                    .into_iter()
                    .map(Line::from),
            );
        }
        None => {}
    }
    out
}
