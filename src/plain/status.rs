//! Status in words: what changed between the view model before an action and after it, said
//! as lines (what was chosen, new findings, one `Points:` sentence, new `Deadline:` warnings).
//! Nothing when nothing changed. Pure: two view models in, sentences out.

use std::collections::BTreeMap;

use crate::interview::view::{Choice, Screen, Tally, ViewModel};

use super::prompt::summary_item;
use super::speak::{alerts, finding_by_level, screen_findings, support_clause, threshold_clause};

/// The lines to say after an action that changed the session.
pub fn changes(before: &ViewModel, after: &ViewModel) -> Vec<String> {
    let checklist = matches!(after.screen, Screen::Checklist { .. });
    let mut out = choice_changes(choices(&before.screen), choices(&after.screen), checklist);
    let said_before: Vec<String> = findings(before);
    out.extend(
        findings(after)
            .into_iter()
            .filter(|f| !said_before.contains(f)),
    );
    if before.tally != after.tally {
        out.push(points(&before.tally, &after.tally));
    }
    let old_alerts = alerts(before);
    for a in alerts(after) {
        if !old_alerts.contains(&a) && !out.iter().any(|l| l == &a) {
            out.push(a);
        }
    }
    out
}

fn choices(screen: &Screen) -> &[Choice] {
    match screen {
        Screen::Activity(a) => &a.choices,
        Screen::Checklist { choices, .. } => choices,
        _ => &[],
    }
}

/// "Chosen: 2) (b), 9 points." for each newly chosen item, "No longer chosen: 2) (b)." for
/// each unchosen one, and what changed about one that stays chosen (it stopped counting).
fn choice_changes(before: &[Choice], after: &[Choice], checklist: bool) -> Vec<String> {
    let mut out = Vec::new();
    for (i, c) in after.iter().enumerate() {
        let Some(old) = before.iter().find(|b| b.id == c.id) else {
            continue;
        };
        if c.chosen && !old.chosen {
            out.push(format!("Chosen: {}.", summary_item(i, c, checklist)));
        } else if !c.chosen && old.chosen {
            let name = if checklist {
                summary_item(i, c, true)
            } else {
                short(i, c)
            };
            out.push(format!("No longer chosen: {name}."));
        } else if c.chosen && c.remark != old.remark {
            let now = c.remark.as_deref().unwrap_or("it counts again");
            out.push(format!("Still chosen: {}: {now}.", short(i, c)));
        }
    }
    out
}

fn short(i: usize, c: &Choice) -> String {
    if c.tag.is_empty() || c.tag == (i + 1).to_string() {
        format!("{})", i + 1)
    } else {
        format!("{}) ({})", i + 1, c.tag)
    }
}

/// Every finding the screen says, with the flags on its questions.
fn findings(vm: &ViewModel) -> Vec<String> {
    let mut out = Vec::new();
    if let Screen::Questions { fields, .. }
    | Screen::Contributions { fields, .. }
    | Screen::Routes { fields, .. } = &vm.screen
    {
        out.extend(
            fields
                .iter()
                .flat_map(|f| f.flags.iter().map(finding_by_level)),
        );
    }
    out.extend(screen_findings(&vm.screen));
    out
}

/// "Points: Mobilising now 9. Total 21; 15 needed for limited capability for work: met.
/// Support group: no descriptor yet."
pub fn points(before: &Tally, after: &Tally) -> String {
    let by_activity = |t: &Tally| -> BTreeMap<u32, (String, u32)> {
        t.lines
            .iter()
            .map(|l| (l.number, (l.title.clone(), l.points)))
            .collect()
    };
    let (old, new) = (by_activity(before), by_activity(after));
    let mut numbers: Vec<u32> = old.keys().chain(new.keys()).copied().collect();
    numbers.sort_unstable();
    numbers.dedup();
    let moved: Vec<String> = numbers
        .into_iter()
        .filter(|n| old.get(n).map(|x| x.1) != new.get(n).map(|x| x.1))
        .map(|n| {
            let (title, points) = new
                .get(&n)
                .cloned()
                .unwrap_or_else(|| (old[&n].0.clone(), 0));
            format!("{title} now {points}")
        })
        .collect();
    let lead = if moved.is_empty() {
        String::new()
    } else {
        format!("{}. ", moved.join(", "))
    };
    format!(
        "Points: {lead}Total {}; {}. {}",
        after.total,
        threshold_clause(after),
        support_clause(after)
    )
}
