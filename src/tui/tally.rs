//! The points tally as the TUI shows it: a panel beside the stage, two lines under it on a
//! narrow screen, and the full account in a window. Figures sit in fixed columns so a change of
//! points rewrites a few cells, not the panel. Draws the view model's `Tally` only; the window
//! states LCW, LCWRA and the group in the findings' sentences.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::interview::findings::{group_sentence, lcw_sentence, lcwra_sentence};
use crate::interview::view::{Level, Tally};
use crate::rules::wca::{Group, Part};

use super::page::{Theme, wrap};

fn figure(label: &str, value: &str, w: usize) -> Line<'static> {
    let pad = w.saturating_sub(label.len() + value.len()).max(1);
    Line::from(format!("{label}{}{value}", " ".repeat(pad)))
}

fn lcw_words(t: &Tally) -> String {
    if t.lcw_met {
        "LCW: met".into()
    } else {
        format!("LCW: not met, {} short", t.short_by)
    }
}

fn wrapped(out: &mut Vec<Line<'static>>, text: &str, w: usize, indent: usize, style: Style) {
    wrapped_from(out, text, w, 0, indent, style);
}

/// Wraps with `first` columns of indent on the first line and `indent` on the rest.
fn wrapped_from(
    out: &mut Vec<Line<'static>>,
    text: &str,
    w: usize,
    first: usize,
    indent: usize,
    style: Style,
) {
    let width = w.saturating_sub(indent.max(first)).max(1);
    for (i, l) in wrap(text, width).into_iter().enumerate() {
        let pad = " ".repeat(if i == 0 { first } else { indent });
        out.push(Line::from(Span::styled(format!("{pad}{l}"), style)));
    }
}

/// The panel beside the stage, `w` columns wide.
pub fn panel_lines(t: &Tally, theme: Theme, w: u16) -> Vec<Line<'static>> {
    let w = usize::from(w);
    let mut out = vec![
        Line::from(Span::styled("Points tally", theme.heading())),
        figure("Physical", &t.physical.to_string(), w),
        figure("Mental", &t.mental.to_string(), w),
        figure("Total", &format!("{} of {}", t.total, t.threshold), w),
    ];
    // Plain text: a change of state rewrites the words only, not a colour as well.
    wrapped(&mut out, &lcw_words(t), w, 2, Style::new());
    let support = t.group == Group::Support;
    let sg = if support {
        "Support group: yes"
    } else {
        "Support group: no"
    };
    out.push(Line::from(Span::raw(sg)));
    for why in &t.lcwra_why {
        wrapped_from(&mut out, why, w, 2, 2, Style::new());
    }
    for c in &t.cautions {
        wrapped(
            &mut out,
            &format!("! Warning: {c}"),
            w,
            2,
            theme.level(Level::Warn),
        );
    }
    out.push(Line::from(Span::styled("Scoring", theme.heading())));
    if t.lines.is_empty() {
        out.push(Line::from("  none yet"));
    }
    for l in &t.lines {
        let num = format!("{:>2} ", l.number);
        let tail = format!(" {} {:>2}", l.letter, l.points);
        let room = w.saturating_sub(num.len() + tail.len());
        let title: String = l.title.chars().take(room).collect();
        let pad = room.saturating_sub(title.chars().count());
        out.push(Line::from(format!("{num}{title}{}{tail}", " ".repeat(pad))));
    }
    out
}

/// Two lines under the stage on a narrow screen.
pub fn compact_lines(t: &Tally) -> Vec<Line<'static>> {
    let sg = if t.group == Group::Support {
        "yes"
    } else {
        "no"
    };
    let first = format!(
        "Total {} of {} (physical {}, mental {}): {}",
        t.total,
        t.threshold,
        t.physical,
        t.mental,
        lcw_words(t)
    );
    let scoring: Vec<String> = t
        .lines
        .iter()
        .map(|l| format!("{}{} {}", l.number, l.letter, l.points))
        .collect();
    let second = if scoring.is_empty() {
        format!("Support group: {sg}. Scoring: none yet")
    } else {
        format!("Support group: {sg}. Scoring: {}", scoring.join(", "))
    };
    vec![Line::from(first), Line::from(second)]
}

/// The whole tally with every reason, for the tally window.
pub fn full_lines(t: &Tally, theme: Theme, w: u16) -> Vec<Line<'static>> {
    let w = usize::from(w);
    let part = |p: Part| match p {
        Part::Physical => "physical",
        Part::Mental => "mental",
    };
    let mut out = vec![
        figure("Physical", &t.physical.to_string(), 24),
        figure("Mental", &t.mental.to_string(), 24),
        figure("Total", &format!("{} of {}", t.total, t.threshold), 24),
        Line::default(),
    ];
    for sentence in [
        lcw_sentence(t),
        lcwra_sentence(t),
        group_sentence(t.group).to_string(),
    ] {
        wrapped(&mut out, &sentence, w, 2, Style::new());
    }
    for c in &t.cautions {
        wrapped(
            &mut out,
            &format!("! Warning: {c}"),
            w,
            2,
            theme.level(Level::Warn),
        );
    }
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        "Scoring activities",
        theme.heading(),
    )));
    if t.lines.is_empty() {
        out.push(Line::from("  none yet"));
    }
    for l in &t.lines {
        let line = format!(
            "{:>2} {} ({}): ({}) {} points",
            l.number,
            l.title,
            part(l.part),
            l.letter,
            l.points
        );
        wrapped(&mut out, &line, w, 5, Style::new());
    }
    out
}
