//! The outcome in sentences an adviser can read out or paste: what `assess` prints without
//! `--json`, and the summary of every statement. Depends on `outcome`.

use crate::rules::wca::Group;

use super::outcome::{Outcome, Wca};

/// The outcome as sentences, one per line, as `assess` prints it: the summary, then each step of
/// the reconsideration and appeal timeline.
pub fn sentences(outcome: &Outcome) -> Vec<String> {
    let mut out = summary(outcome);
    if let Ok(d) = &outcome.deadlines {
        out.extend(d.sentences.iter().cloned());
    }
    out
}

/// The outcome in a few sentences: the WCA, the group, the contribution conditions and the two
/// deadlines, for the top of a statement.
pub fn summary(outcome: &Outcome) -> Vec<String> {
    let mut out = Vec::new();
    if !outcome.unknown_ids.is_empty() {
        out.push(format!(
            "Warning: these ids are not known to this version's content and were left out: {}.",
            outcome.unknown_ids.join(", ")
        ));
    }
    match &outcome.wca {
        Ok(w) => out.extend(wca(w)),
        Err(why) => out.push(format!(
            "Work Capability Assessment: not worked out: {why}."
        )),
    }
    match &outcome.contribution {
        Ok(c) => out.extend(c.sentences.iter().cloned()),
        Err(why) => out.push(format!("Contribution conditions: not worked out: {why}.")),
    }
    match &outcome.deadlines {
        Ok(d) => {
            let day = |x: Option<chrono::NaiveDate>| {
                x.map_or_else(|| "not yet known".into(), crate::rules::dates::long_date)
            };
            out.push(format!(
                "Deadlines: mandatory reconsideration {}; appeal {}.",
                day(d.mandatory_reconsideration),
                day(d.appeal)
            ));
        }
        Err(why) => out.push(format!("Deadlines: not worked out: {why}.")),
    }
    out
}

fn wca(w: &Wca) -> Vec<String> {
    let t = &w.tally;
    let points = format!(
        "Points: {} ({} physical, {} mental)",
        t.total, t.physical, t.mental
    );
    let lcw = if t.lcw_met {
        format!(
            "Limited capability for work: met, because of {}. {points}.",
            t.lcw_why.join("; ")
        )
    } else {
        format!(
            "Limited capability for work: not met. {points}; {} needed, {} short.",
            t.threshold, t.short_by
        )
    };
    let lcwra = if t.lcwra_met {
        format!(
            "Limited capability for work-related activity: met, because of {}.",
            t.lcwra_why.join("; ")
        )
    } else {
        "Limited capability for work-related activity: not met: no support-group descriptor or route is chosen.".to_string()
    };
    let group = match t.group {
        Group::Support => "Group: the support group.",
        Group::Wrag => "Group: the work-related activity group.",
        Group::None => "Group: neither, because limited capability for work is not met.",
    };
    let mut out = vec![lcw, lcwra, group.to_string()];
    out.extend(t.cautions.iter().map(|c| format!("Check: {c}")));
    out
}
