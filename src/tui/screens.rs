//! Lays out each kind of screen of the view model as a page: an activity with its descriptors,
//! questions, checklists, the outcome, the routes, the review and the notes. Only reads the
//! `ViewModel`; the UI state it needs (which field is being typed in, the last error) is
//! passed in.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::content::questions::AnswerKind;
use crate::interview::view::{
    ActivityScreen, Choice, Field, Finding, InfoBlock, Kind, ReviewItem, Screen, ViewModel, YearRow,
};

use super::editor::LineEdit;
use super::page::{Builder, GUTTER, Page, StopKind, Theme};

/// A question's answer being typed.
#[derive(Clone, Copy, Debug)]
pub struct Typing<'a> {
    /// Question id.
    pub question: &'a str,
    /// The field.
    pub edit: &'a LineEdit,
}

/// What the page shows beyond the view model.
#[derive(Clone, Copy, Debug, Default)]
pub struct Extras<'a> {
    /// The field being typed in.
    pub typing: Option<Typing<'a>>,
    /// The last refused answer: (question id, message).
    pub error: Option<(&'a str, &'a str)>,
}

/// Indent of the text under a stop's first line.
const INDENT: usize = 6;

/// Lays out the view model's screen at `width` columns.
pub fn build(
    vm: &ViewModel,
    width: u16,
    theme: Theme,
    extras: Extras<'_>,
) -> (Page, Option<(usize, u16)>) {
    let mut b = Builder::new(width, theme);
    let mut cursor = None;
    match &vm.screen {
        Screen::Activity(a) => activity(&mut b, a),
        Screen::Questions {
            intro,
            fields,
            notes,
            findings,
        } => {
            intro_block(&mut b, intro);
            cursor = fields_block(&mut b, fields, extras);
            info_blocks(&mut b, notes);
            findings_block(&mut b, "What the answers give", findings);
        }
        Screen::Contributions {
            intro,
            years,
            fields,
            notes,
            findings,
        } => {
            intro_block(&mut b, intro);
            cursor = year_rows(&mut b, years, extras);
            cursor = cursor.or(fields_block(&mut b, fields, extras));
            info_blocks(&mut b, notes);
            findings_block(&mut b, "What the answers give", findings);
        }
        Screen::Checklist { intro, choices } => {
            intro_block(&mut b, intro);
            for c in choices {
                choice(&mut b, c, 4);
            }
            b.next_group();
        }
        Screen::Outcome { intro, findings } => {
            intro_block(&mut b, intro);
            findings_block(&mut b, "", findings);
        }
        Screen::Routes {
            intro,
            fields,
            findings,
        } => {
            intro_block(&mut b, intro);
            cursor = fields_block(&mut b, fields, extras);
            timeline_block(&mut b, "Deadlines and what to do", findings);
        }
        Screen::Review { items } => review(&mut b, items),
        Screen::Notes { notes } => {
            intro_block(
                &mut b,
                "The general note first, then the note of every screen that has one.",
            );
            note_stop(&mut b, vm, "General note");
            for (label, text, changed) in notes.iter().filter(|(l, _, _)| l != "General") {
                b.stop(StopKind::Text, 0, 1);
                let when = changed
                    .as_deref()
                    .map_or(String::new(), |c| format!(" (changed {c})"));
                b.wrapped(
                    vec![Span::raw("  ")],
                    2,
                    &format!("{label}{when}"),
                    theme.heading(),
                );
                b.para(4, text, Style::new());
                b.blank();
            }
            b.next_group();
            return (b.finish(), None);
        }
    }
    note_stop(&mut b, vm, "Note for this screen");
    (b.finish(), cursor)
}

/// The NI record: each tax year's heading (with its LEL), then its four entries as fields.
fn year_rows(b: &mut Builder, years: &[YearRow], extras: Extras<'_>) -> Option<(usize, u16)> {
    let mut cursor = None;
    for row in years {
        b.stop(StopKind::Text, 0, 1);
        b.para(
            GUTTER,
            &format!("Tax year {} ({})", row.tax_year, row.lel),
            b.theme.heading(),
        );
        b.next_group();
        cursor = cursor.or(fields_block(b, &row.as_fields(), extras));
    }
    cursor
}

/// The review: one line per screen, each a link.
fn review(b: &mut Builder, items: &[ReviewItem]) {
    intro_block(
        b,
        "Every screen with its answers. Enter goes to the highlighted one.",
    );
    for item in items {
        let code = format!("{:<5}", item.code);
        let prefix = vec![Span::raw("  "), Span::raw(code.clone()), Span::raw(" ")];
        let span = u16::try_from(GUTTER + code.len()).unwrap_or(7);
        b.stop(StopKind::Link(item.step), 0, span);
        b.wrapped(
            prefix,
            8,
            &format!("{}: {}", item.label, item.answer),
            Style::new(),
        );
    }
    b.next_group();
}

fn intro_block(b: &mut Builder, intro: &str) {
    if intro.is_empty() {
        return;
    }
    b.stop(StopKind::Text, 0, 1);
    b.para(GUTTER, intro, Style::new());
    b.blank();
    b.next_group();
}

fn activity(b: &mut Builder, a: &ActivityScreen) {
    b.stop(StopKind::Text, 0, 1);
    b.para(GUTTER, &a.heading, b.theme.heading());
    b.blank();
    b.next_group();
    for c in &a.choices {
        choice(b, c, 2);
    }
    b.blank();
    b.next_group();
    b.stop(StopKind::Text, 0, 1);
    b.para(GUTTER, "Guidance", b.theme.heading());
    b.para(GUTTER, &a.guidance, Style::new());
    if !a.ask.is_empty() {
        b.para(GUTTER, "Questions to ask:", b.theme.heading());
        for q in &a.ask {
            b.wrapped(vec![Span::raw("  - ")], 4, q, Style::new());
        }
    }
    b.para(GUTTER, &format!("ESA50: {}", a.esa50), Style::new());
    b.para(GUTTER, &format!("Source: {}", a.source), Style::new());
    b.blank();
    b.next_group();
}

/// A descriptor, support-group descriptor or route: "[x] a  15  text", then any remark.
fn choice(b: &mut Builder, c: &Choice, tag_width: usize) {
    let mark = if c.chosen { "[x]" } else { "[ ]" };
    let tag = format!("{:<tag_width$}", c.tag);
    let points = c
        .points
        .map_or_else(|| "  ".to_string(), |p| format!("{p:>2}"));
    let span = u16::try_from(GUTTER + 4 + tag.len()).unwrap_or(8);
    b.stop(StopKind::Choice(c.id.clone()), 0, span);
    let prefix = vec![
        Span::raw("  "),
        Span::raw(format!("{mark} {tag}")),
        Span::raw(if c.points.is_some() {
            format!(" {points}  ")
        } else {
            " ".into()
        }),
    ];
    b.wrapped(prefix, INDENT, &c.text, Style::new());
    if let Some(r) = &c.remark {
        b.para(INDENT, r, Style::new());
    }
}

fn fields_block(b: &mut Builder, fields: &[Field], extras: Extras<'_>) -> Option<(usize, u16)> {
    let mut cursor = None;
    for (i, f) in fields.iter().enumerate() {
        let label = format!("{}. ", i + 1);
        let required = if f.required { " (required)" } else { "" };
        let text = format!("{}{required}", f.text);
        let span = u16::try_from(GUTTER + label.len() - 1).unwrap_or(4);
        let prefix = vec![Span::raw("  "), Span::raw(label)];
        match f.kind {
            AnswerKind::OneOf | AnswerKind::SeveralOf | AnswerKind::YesNo => {
                let first = option_kinds(f)
                    .into_iter()
                    .next()
                    .map_or(StopKind::Text, |o| o.0);
                b.stop(first, 0, 0);
                b.wrapped(prefix, INDENT - 1, &text, Style::new());
                b.mark_here(0);
                option_lines(b, f);
            }
            _ => {
                b.stop(StopKind::Field(f.id.clone()), 0, span);
                b.wrapped(prefix, INDENT - 1, &text, Style::new());
                cursor = cursor.or(answer_line(b, f, extras));
            }
        }
        if let Some(h) = &f.help {
            b.para(INDENT - 1, &format!("Help: {h}"), Style::new());
        }
        if let Some((_, msg)) = extras.error.filter(|(q, _)| *q == f.id) {
            b.para(
                INDENT - 1,
                &format!("Error: {msg}"),
                b.theme.level(crate::interview::view::Level::Bar),
            );
        }
        for fl in &f.flags {
            b.finding(INDENT - 1, fl.level, &fl.text, fl.source.as_deref());
        }
        b.blank();
        b.next_group();
    }
    cursor
}

fn option_kinds(f: &Field) -> Vec<(StopKind, String, bool)> {
    if f.kind == AnswerKind::YesNo {
        let ans = f.raw.as_deref();
        return [(true, "Yes"), (false, "No")]
            .into_iter()
            .map(|(yes, label)| {
                let chosen = ans == Some(if yes { "yes" } else { "no" });
                (
                    StopKind::YesNo {
                        question: f.id.clone(),
                        yes,
                    },
                    label.to_string(),
                    chosen,
                )
            })
            .collect();
    }
    f.options
        .iter()
        .map(|(id, label, sel)| {
            (
                StopKind::Option {
                    question: f.id.clone(),
                    option: id.clone(),
                },
                label.clone(),
                *sel,
            )
        })
        .collect()
}

/// Writes each option of a choice question as its own stop (the first is already open).
fn option_lines(b: &mut Builder, f: &Field) {
    let several = f.kind == AnswerKind::SeveralOf;
    for (i, (kind, label, chosen)) in option_kinds(f).into_iter().enumerate() {
        let mark = match (several, chosen) {
            (true, true) => "[x]",
            (true, false) => "[ ]",
            (false, true) => "(x)",
            (false, false) => "( )",
        };
        if i > 0 {
            b.stop(kind, 3, 4);
        } else {
            b.mark_here(3);
            b.set_span(4);
        }
        b.wrapped(
            vec![Span::raw("     "), Span::raw(format!("{mark} "))],
            9,
            &label,
            Style::new(),
        );
    }
}

/// "Answer: ..." or the field being typed; returns where the typing cursor is.
fn answer_line(b: &mut Builder, f: &Field, extras: Extras<'_>) -> Option<(usize, u16)> {
    let pad = " ".repeat(INDENT - 1);
    if let Some(t) = extras.typing.filter(|t| t.question == f.id) {
        let label = "Type: ";
        let line = b.here();
        // A reopened answer is shown selected (reverse video): typing replaces it.
        let style = if t.edit.is_selected() {
            Style::new().add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            Style::new()
        };
        b.line(Line::from(vec![
            Span::raw(pad),
            Span::raw(label),
            Span::styled(t.edit.text().to_string(), style),
        ]));
        let col = u16::try_from(INDENT - 1 + label.len())
            .unwrap_or(0)
            .saturating_add(t.edit.cursor_column());
        return Some((line, col));
    }
    let answer = f
        .answer
        .clone()
        .unwrap_or_else(|| "not answered (Enter to type it)".into());
    b.wrapped(
        vec![Span::raw(pad), Span::raw("Answer: ")],
        INDENT + 7,
        &answer,
        Style::new(),
    );
    None
}

fn info_blocks(b: &mut Builder, notes: &[InfoBlock]) {
    for n in notes {
        b.stop(StopKind::Text, 0, 1);
        b.para(GUTTER, &n.title, b.theme.heading());
        b.para(GUTTER, &n.text, Style::new());
        b.para(GUTTER, &format!("Source: {}", n.source), Style::new());
        b.blank();
        b.next_group();
    }
}

/// Findings with their level's symbol and word ("+ Met: ..."); a deadline as the timeline
/// shows it.
fn findings_block(b: &mut Builder, title: &str, findings: &[Finding]) {
    if !title.is_empty() && !findings.is_empty() {
        b.para(GUTTER, title, b.theme.heading());
    }
    for f in findings {
        b.stop(StopKind::Text, 0, 1);
        if matches!(f.kind, Kind::Deadline(_)) {
            timeline_line(b, f);
        } else {
            b.finding(GUTTER, f.level, &f.text, f.source.as_deref());
        }
        b.blank();
    }
    b.next_group();
}

/// One line of the timeline: a deadline after content's symbol for its urgency ("!! PASSED
/// ..."); the other lines label themselves ("Now:", "What to send:"). Only the level's style
/// is added.
fn timeline_line(b: &mut Builder, f: &Finding) {
    let text = match (&f.kind, f.symbol()) {
        (Kind::Deadline(_), Some(symbol)) => format!("{symbol} {}", f.text),
        _ => f.text.clone(),
    };
    b.para(GUTTER, &text, b.theme.level(f.level));
    if let Some(src) = f.source.as_deref().filter(|s| !s.is_empty()) {
        b.para(GUTTER + 2, &format!("Source: {src}"), Style::new());
    }
}

/// The reconsideration and appeal findings, each line as the timeline shows it.
fn timeline_block(b: &mut Builder, title: &str, findings: &[Finding]) {
    if !title.is_empty() && !findings.is_empty() {
        b.para(GUTTER, title, b.theme.heading());
    }
    for f in findings {
        b.stop(StopKind::Text, 0, 1);
        timeline_line(b, f);
        b.blank();
    }
    b.next_group();
}

fn note_stop(b: &mut Builder, vm: &ViewModel, title: &str) {
    b.stop(StopKind::Note, 0, 6);
    let when = vm
        .note
        .changed
        .as_deref()
        .map_or(String::new(), |c| format!(" (changed {c})"));
    if vm.note.text.is_empty() {
        b.wrapped(
            vec![
                Span::raw("  "),
                Span::styled(format!("{title}: "), b.theme.heading()),
            ],
            INDENT,
            "none yet (Enter to write one)",
            Style::new(),
        );
    } else {
        b.wrapped(
            vec![Span::raw("  ")],
            INDENT,
            &format!("{title}{when}:"),
            b.theme.heading(),
        );
        let (shown, more) = note_preview(&vm.note.text);
        b.para(INDENT - 2, shown, Style::new());
        if more > 0 {
            let s = if more == 1 { "" } else { "s" };
            b.para(
                INDENT - 2,
                &format!("... and {more} more line{s} (Enter or m opens the whole note)"),
                b.theme.heading(),
            );
        }
    }
    b.next_group();
}

/// Lines of a note shown on the page; the note editor shows the whole of a longer one.
const NOTE_PREVIEW_LINES: usize = 40;
/// Characters of a note shown on the page, for a note of a few very long lines.
const NOTE_PREVIEW_CHARS: usize = 4000;

/// The start of a note to show on the page and how many more lines it has. Found by the scale
/// benchmark: a 1 MB note was wrapped in full for every frame, so each key took 100 ms.
fn note_preview(text: &str) -> (&str, usize) {
    let by_lines = text
        .match_indices('\n')
        .nth(NOTE_PREVIEW_LINES - 1)
        .map_or(text.len(), |(i, _)| i);
    let mut end = by_lines.min(NOTE_PREVIEW_CHARS);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end == text.len() {
        return (text, 0);
    }
    let rest = &text[end..];
    let more = rest
        .strip_prefix('\n')
        .unwrap_or(rest)
        .lines()
        .count()
        .max(1);
    (&text[..end], more)
}

#[cfg(test)]
mod tests {
    use super::{NOTE_PREVIEW_CHARS, NOTE_PREVIEW_LINES, note_preview};

    #[test]
    fn a_long_note_is_previewed_on_the_page_with_how_much_more_there_is() {
        assert_eq!(
            note_preview("Walks 20 metres.\nRests."),
            ("Walks 20 metres.\nRests.", 0)
        );
        let many = "line\n".repeat(NOTE_PREVIEW_LINES + 10);
        let (shown, more) = note_preview(&many);
        assert_eq!(shown.lines().count(), NOTE_PREVIEW_LINES);
        assert_eq!(more, 10);
        let wide = "\u{e9}".repeat(NOTE_PREVIEW_CHARS);
        let (shown, more) = note_preview(&wide);
        assert!(shown.len() <= NOTE_PREVIEW_CHARS && more == 1);
    }
}
