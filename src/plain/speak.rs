//! What the plain mode says about a `ViewModel`: stage headings, findings, the review, the notes,
//! the tally and the help, as paragraphs that each begin with a stable label. Pure: view model
//! in, sentences out; the prompts themselves are in `prompt`. Depends on `interview` only.

use crate::interview::commands::COMMANDS;
use crate::interview::findings::{group_sentence, lcw_sentence, lcwra_sentence};
use crate::interview::view::{
    Finding, InfoBlock, Kind, Level, ReviewItem, Screen, Tally, TallyLine, ViewModel,
};
use crate::rules::wca::Part;

/// "Stage 4 of 8: Work Capability Assessment.", "Review." or "Notes.": the label a prompt
/// repeats so it can be understood on its own.
pub fn stage_label(vm: &ViewModel) -> String {
    match vm.screen {
        Screen::Review { .. } => "Review.".into(),
        Screen::Notes { .. } => "Notes.".into(),
        _ => format!(
            "Stage {} of {}: {}.",
            vm.place.stage_number, vm.place.stage_count, vm.place.stage_title
        ),
    }
}

/// The stage's opening paragraph: its label and what it is for.
pub fn heading(vm: &ViewModel) -> String {
    let label = stage_label(vm);
    match &vm.screen {
        Screen::Questions { intro, .. }
        | Screen::Contributions { intro, .. }
        | Screen::Checklist { intro, .. }
        | Screen::Outcome { intro, .. }
        | Screen::Routes { intro, .. } => format!("{label} {intro}"),
        Screen::Review { .. } => {
            format!("{label} Every screen for {}, with its code.", vm.reference)
        }
        Screen::Notes { .. } => format!("{label} Every note for {}.", vm.reference),
        Screen::Activity(_) => label,
    }
}

/// A finding as one line: a label (none when empty), the sentence and its source.
pub fn finding(label: &str, f: &Finding) -> String {
    let text = f.text.trim_end();
    let stop = if text.ends_with(['.', '?', '!']) {
        ""
    } else {
        "."
    };
    let said = match &f.source {
        Some(s) => format!("{text}{stop} Source: {s}."),
        None => format!("{text}{stop}"),
    };
    if label.is_empty() {
        said
    } else {
        format!("{label}: {said}")
    }
}

/// A finding with its label: a deadline is a `Deadline:` (its urgency's word is in its text);
/// anything else takes its level's word ("Warning:", "Stop:").
pub fn finding_by_level(f: &Finding) -> String {
    match f.kind {
        Kind::Deadline(_) => deadline(f),
        _ => finding(f.level.word(), f),
    }
}

/// A finding of the reconsideration and appeal stage. Its other sentences label themselves
/// ("Now:", "What to send:", "Prepare:"), so background is said as it is; a warning (what
/// happens if a step is missed, dates that do not fit together) keeps its level's word.
pub fn route_finding(f: &Finding) -> String {
    match (&f.kind, f.level) {
        (Kind::Deadline(_), _) => deadline(f),
        (_, Level::Info | Level::Ok) => finding("", f),
        (_, Level::Warn | Level::Bar) => finding_by_level(f),
    }
}

/// Every finding the screen shows beside its questions, as said (fields' flags excluded).
pub fn screen_findings(screen: &Screen) -> Vec<String> {
    match screen {
        Screen::Questions { findings, .. }
        | Screen::Contributions { findings, .. }
        | Screen::Outcome { findings, .. } => findings.iter().map(finding_by_level).collect(),
        Screen::Routes { findings, .. } => findings.iter().map(route_finding).collect(),
        _ => Vec::new(),
    }
}

fn info_block(b: &InfoBlock) -> String {
    format!("Note: {}. {} Source: {}.", b.title, b.text, b.source)
}

/// What is said on arriving at a screen, after the heading and before the prompt.
pub fn body(vm: &ViewModel) -> Vec<String> {
    let mut out = Vec::new();
    match &vm.screen {
        Screen::Questions { notes, .. } | Screen::Contributions { notes, .. } => {
            out.extend(notes.iter().map(info_block));
        }
        Screen::Review { items } => out.extend(items.iter().map(review_item)),
        Screen::Notes { notes } => out.extend(notes_list(notes)),
        _ => {}
    }
    out.extend(screen_findings(&vm.screen));
    if !matches!(vm.screen, Screen::Notes { .. }) {
        out.extend(own_note(vm));
    }
    out
}

/// The adviser's note on this screen, if any, line by line.
pub fn own_note(vm: &ViewModel) -> Vec<String> {
    if vm.note.text.trim().is_empty() {
        return Vec::new();
    }
    let when = vm
        .note
        .changed
        .as_ref()
        .map_or(String::new(), |c| format!(", last changed {c}"));
    let mut out = vec![format!("Your note on this screen{when}:")];
    out.extend(vm.note.text.lines().map(str::to_string));
    out
}

fn review_item(item: &ReviewItem) -> String {
    match item.points {
        Some(p) => format!(
            "Activity {}, {}: {}. Scores {p} points.",
            item.code, item.label, item.answer
        ),
        None => format!("Stage {}, {}: {}.", item.code, item.label, item.answer),
    }
}

fn notes_list(notes: &[(String, String, Option<String>)]) -> Vec<String> {
    if notes.is_empty() {
        return vec!["There are no notes yet.".into()];
    }
    let mut out = Vec::new();
    for (label, text, changed) in notes {
        let when = changed
            .as_ref()
            .map_or(String::new(), |c| format!(", last changed {c}"));
        out.push(format!("Note on {label}{when}:"));
        out.extend(text.lines().map(str::to_string));
    }
    out
}

/// The points against the threshold and, if short, by how much.
pub fn threshold_clause(t: &Tally) -> String {
    let lcw = "needed for limited capability for work";
    if t.total >= t.threshold {
        format!("{} {lcw}: met", t.threshold)
    } else if t.lcw_met {
        format!(
            "{} {lcw}: not met by points, {} short, but met another way: {}",
            t.threshold,
            t.short_by,
            t.lcw_why.join("; ")
        )
    } else {
        format!("{} {lcw}: not met, {} short", t.threshold, t.short_by)
    }
}

/// Whether the support group is reached, in one sentence.
pub fn support_clause(t: &Tally) -> String {
    if t.lcw_met && t.lcwra_met {
        format!("Support group: met ({}).", t.lcwra_why.join("; "))
    } else if t.lcwra_met {
        format!(
            "Support group: {} chosen, but limited capability for work is not met yet.",
            t.lcwra_why.join("; ")
        )
    } else {
        "Support group: no descriptor yet.".into()
    }
}

/// The whole tally, a line per fact.
pub fn tally(t: &Tally) -> Vec<String> {
    let short = if t.total >= t.threshold {
        String::new()
    } else {
        format!(", {} short", t.short_by)
    };
    let mut out = vec![format!(
        "Tally: {} physical and {} mental points, {} in all; {} needed for limited capability \
         for work{short}.",
        t.physical, t.mental, t.total, t.threshold
    )];
    out.extend(t.lines.iter().map(scoring));
    out.push(lcw_sentence(t));
    out.push(lcwra_sentence(t));
    out.push(group_sentence(t.group).to_string());
    out.extend(t.cautions.iter().map(|c| format!("Warning: {c}")));
    out
}

/// "Scoring: activity 1, Mobilising: (b) 9 points, physical."
fn scoring(l: &TallyLine) -> String {
    let part = match l.part {
        Part::Physical => "physical",
        Part::Mental => "mental",
    };
    format!(
        "Scoring: activity {}, {}: ({}) {} points, {part}.",
        l.number, l.title, l.letter, l.points
    )
}

/// Every alert (deadline warnings) as lines.
pub fn alerts(vm: &ViewModel) -> Vec<String> {
    vm.alerts.iter().map(deadline).collect()
}

/// "Deadline: PASSED Mandatory reconsideration: last day ...". The symbol that carries the
/// urgency for the eye is not said: the word in the line says the same aloud.
fn deadline(f: &Finding) -> String {
    finding("Deadline", f)
}

/// The help: how the mode works and every command, from the one command table.
pub fn help() -> Vec<String> {
    let mut out = vec![
        "Help: this is the plain-text mode, a conversation with one prompt at a time. Answer by \
         typing a number or words and pressing Enter. Enter alone keeps the current answer and \
         moves on; clear removes an answer. Every change is saved as you go."
            .to_string(),
        "Commands, typed at any prompt and followed by Enter:".into(),
    ];
    for c in COMMANDS.iter().filter(|c| !c.words.is_empty()) {
        let also = match &c.words[1..] {
            [] => String::new(),
            more => format!(" (also {})", more.join(", ")),
        };
        let arg = c.arg.map_or(String::new(), |a| format!(", then {a}"));
        out.push(format!("{}{also}{arg}: {}.", c.words[0], c.help));
    }
    out
}
