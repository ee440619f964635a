//! The prompts: one question of a multi-question screen, an activity with its numbered
//! descriptors, a checklist, or "press Enter to go on". Each begins with a stable label, says
//! how to answer and says the current answer in words. Pure: view model in, sentences out.

use crate::content::questions::AnswerKind;
use crate::interview::ContributionField;
use crate::interview::view::{ActivityScreen, Choice, Field, Screen, ViewModel, YearRow};

use super::items::{Item, entry_words, items};

use super::speak::{finding_by_level, stage_label};

/// How much of a prompt to say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// Just arrived: the stage heading has been said, so the label need not be repeated.
    Arrive,
    /// Again in full, label first (after an error or the help).
    Again,
    /// After a change on the same prompt: the label, the current answer and what to type.
    Short,
}

/// Said when the last question of the last stage has been answered.
pub const END: &str = "This is the end of the interview. Type review to check every answer, \
    export to write the statement, back to change the last answer, or quit to save and leave.";

/// The prompt for the current screen; `focus` is the question being asked on a question screen.
pub fn prompt(vm: &ViewModel, focus: usize, ask: Ask) -> Vec<String> {
    match &vm.screen {
        Screen::Questions { .. } | Screen::Contributions { .. } | Screen::Routes { .. } => {
            questions(vm, focus, ask)
        }
        Screen::Activity(a) => activity(vm, a, ask),
        Screen::Checklist { choices, .. } => checklist(vm, choices, ask),
        Screen::Outcome { .. } => labelled(
            vm,
            ask,
            "Press Enter to go on to the next stage, or type a command; help lists them.",
        ),
        Screen::Review { .. } => labelled(
            vm,
            ask,
            "Type go and a code, such as go 1, to change an answer, or press Enter to go back \
             to where you were.",
        ),
        Screen::Notes { .. } => labelled(
            vm,
            ask,
            "Type note to write the general note, go and a code to go to a screen, or press \
             Enter to go back to where you were.",
        ),
    }
}

fn labelled(vm: &ViewModel, ask: Ask, text: &str) -> Vec<String> {
    if ask == Ask::Arrive {
        vec![text.to_string()]
    } else {
        vec![format!("{} {text}", stage_label(vm))]
    }
}

fn questions(vm: &ViewModel, focus: usize, ask: Ask) -> Vec<String> {
    let all = items(vm).unwrap_or_default();
    match all.get(focus) {
        _ if all.is_empty() => labelled(
            vm,
            ask,
            "There is nothing to answer on this stage: press Enter to go on, or type a command.",
        ),
        Some(Item::Question(f)) => question(f, focus, all.len()),
        Some(Item::Entry { row, field, value }) => {
            vec![entry(row, *field, *value, focus, all.len())]
        }
        None => labelled(vm, Ask::Again, END),
    }
}

/// One field of a tax year's NI record, self-contained like a question.
pub fn entry(
    row: &YearRow,
    field: ContributionField,
    value: Option<&str>,
    i: usize,
    n: usize,
) -> String {
    let how = match field {
        ContributionField::Class1Earnings => "Type an amount in pounds, such as 9000.00.",
        _ => "Type a number of weeks from 0 to 53.",
    };
    let current = match value {
        Some(v) => format!(
            "Current answer: {}. Press Enter to keep it.",
            entry_words(field, v)
        ),
        None => "Nothing entered yet. Press Enter to leave it empty.".to_string(),
    };
    format!(
        "Question {} of {n}: Tax year {} ({}): {}. {how} {current}",
        i + 1,
        row.tax_year,
        row.lel,
        field.label()
    )
}

/// One question, self-contained: its number, text, help, how to answer and the current answer.
pub fn question(f: &Field, i: usize, n: usize) -> Vec<String> {
    let mut head = format!("Question {} of {n}: {}", i + 1, f.text);
    if let Some(h) = &f.help {
        head = format!("{head} {h}");
    }
    let how = match f.kind {
        AnswerKind::YesNo => "Answer yes or no.",
        AnswerKind::Date => "Type the date as DD/MM/YYYY.",
        AnswerKind::Number => "Type a whole number.",
        AnswerKind::Money => "Type an amount in pounds, such as 6396.00.",
        AnswerKind::OneOf => "Type the number of one of these:",
        AnswerKind::SeveralOf => "Type the numbers of every one that applies, with commas between:",
        AnswerKind::Text => "Type the answer on one line.",
    };
    let current = match (&f.answer, f.required) {
        (Some(a), _) => format!("Current answer: {a}. Press Enter to keep it."),
        (None, true) => {
            "No answer yet; this question needs one. Press Enter to leave it for now.".to_string()
        }
        (None, false) => "No answer yet. Press Enter to leave it unanswered.".to_string(),
    };
    let mut out = if matches!(f.kind, AnswerKind::OneOf | AnswerKind::SeveralOf) {
        let mut out = vec![format!("{head} {how}")];
        out.extend(
            f.options
                .iter()
                .enumerate()
                .map(|(i, (_, label, _))| format!("{}) {label}", i + 1)),
        );
        out.push(current);
        out
    } else {
        vec![format!("{head} {how} {current}")]
    };
    out.extend(f.flags.iter().map(finding_by_level));
    out
}

fn activity(vm: &ViewModel, a: &ActivityScreen, ask: Ask) -> Vec<String> {
    let label = vm
        .place
        .activity_label
        .clone()
        .unwrap_or_else(|| format!("Activity {} of {}: {}", a.number, a.count, a.title));
    let tail = format!(
        "{} This activity scores {} points. {} to choose or unchoose it, or press Enter to move \
         on.",
        chosen(&a.choices, false),
        a.points,
        type_number(a.choices.len())
    );
    let choose = "Choose every descriptor that applies; several may be chosen:";
    let mut out = match ask {
        Ask::Short => return vec![format!("{label}. {tail}")],
        Ask::Again => vec![format!("{label}. {choose}")],
        Ask::Arrive => {
            let mut out = vec![format!(
                "{label}. Part: {}. {} Source: {}. ESA50: {}.",
                a.part, a.heading, a.source, a.esa50
            )];
            if !a.guidance.trim().is_empty() {
                out.push(format!("Guidance: {}", a.guidance));
            }
            out.extend(a.ask.iter().map(|q| format!("Ask: {q}")));
            out.push(choose.into());
            out
        }
    };
    out.extend(a.choices.iter().enumerate().map(|(i, c)| choice_line(i, c)));
    out.push(tail);
    out
}

fn checklist(vm: &ViewModel, choices: &[Choice], ask: Ask) -> Vec<String> {
    if choices.is_empty() {
        return labelled(
            vm,
            ask,
            "There is nothing to choose on this stage: press Enter to go on.",
        );
    }
    let tail = format!(
        "{} {} to choose or unchoose it, or press Enter to move on.",
        chosen(choices, true),
        type_number(choices.len())
    );
    let intro = "Type the number of each one that applies; several may be chosen:";
    let mut out = match ask {
        Ask::Short => return vec![format!("{} {tail}", stage_label(vm))],
        Ask::Arrive => vec![intro.to_string()],
        Ask::Again => vec![format!("{} {intro}", stage_label(vm))],
    };
    out.extend(choices.iter().enumerate().map(|(i, c)| choice_line(i, c)));
    out.push(tail);
    out
}

/// "2) (b) Cannot ... handrail. (9 points) Chosen. Does not count: ...".
pub fn choice_line(i: usize, c: &Choice) -> String {
    let mut s = number_and_tag(i, c);
    s = format!("{s} {}", c.text);
    if let Some(p) = c.points {
        s = format!("{s} ({p} points)");
    }
    if c.chosen {
        s.push_str(" Chosen.");
    }
    if let Some(r) = c.remark.as_deref().filter(|r| !r.is_empty()) {
        s = format!("{s} {}.", capitalise(r));
    }
    s
}

fn number_and_tag(i: usize, c: &Choice) -> String {
    let n = (i + 1).to_string();
    if c.tag.is_empty() || c.tag == n {
        format!("{n})")
    } else {
        format!("{n}) ({})", c.tag)
    }
}

/// "Current answer: 2) (b), 9 points." or "Current answer: nothing chosen.".
pub fn chosen(choices: &[Choice], checklist: bool) -> String {
    let items: Vec<String> = choices
        .iter()
        .enumerate()
        .filter(|(_, c)| c.chosen)
        .map(|(i, c)| summary_item(i, c, checklist))
        .collect();
    if items.is_empty() {
        "Current answer: nothing chosen.".into()
    } else {
        format!("Current answer: {}.", items.join("; "))
    }
}

/// One item named briefly: "2) (b), 9 points, does not count: ..." on an activity; on a
/// checklist, the number and the words before the item's first colon.
pub fn summary_item(i: usize, c: &Choice, checklist: bool) -> String {
    let mut parts = vec![number_and_tag(i, c)];
    if checklist {
        let name = c.text.split_once(": ").map_or(c.text.as_str(), |(n, _)| n);
        parts[0] = format!("{} {name}", parts[0]);
    } else {
        parts.extend(c.points.map(|p| format!("{p} points")));
        parts.extend(c.remark.clone().filter(|r| !r.is_empty()));
    }
    parts.join(", ")
}

/// "Type a number from 1 to 4", or "Type 1" when there is one.
fn type_number(k: usize) -> String {
    if k == 1 {
        "Type 1".into()
    } else {
        format!("Type a number from 1 to {k}")
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}
