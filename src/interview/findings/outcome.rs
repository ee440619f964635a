//! The outcome in sentences: age and State Pension age, what the answers raise, the
//! contribution conditions, limited capability for work and for work-related activity, the
//! group, the weekly amounts and the deadlines. The outcome screen says all of it; statements
//! and `assess` say the summary (`summary` and `dated_deadlines`).

use crate::content::Content;
use crate::content::questions::FlagLevel;
use crate::interview::evaluate::{Evaluation, Phase, StepStatus, Tally};
use crate::rules::contributions::{Status, Unknown};
use crate::rules::deadlines::Input;
use crate::rules::wca::Group;

use super::deadline::finding as deadline_finding;
use super::{Fact, Finding, Kind, Level, and_list, not_worked_out};

/// Everything the outcome screen says, bars first.
pub fn outcome(e: &Evaluation, content: &Content) -> Vec<Finding> {
    let mut out = unknown_ids(e);
    out.extend(age(e));
    out.extend(
        e.flags
            .iter()
            .filter(|f| f.level != FlagLevel::Info)
            .map(|f| Finding::detail(f.level.into(), f.says.clone(), Some(f.source.clone()))),
    );
    out.push(contribution_verdict(e));
    out.extend(wca(e, content));
    out.extend(rates(e));
    out.extend(dated_deadlines(e));
    out
}

/// The outcome in a few sentences, for the top of a statement and for `assess`: the
/// eligibility, then the WCA and the group. The deadlines follow (`dated_deadlines`, or the
/// whole timeline).
pub fn summary(e: &Evaluation, content: &Content) -> Vec<Finding> {
    let mut out = eligibility(e);
    out.extend(wca(e, content));
    out
}

/// Ids left out, the age verdict and the contribution conditions.
pub fn eligibility(e: &Evaluation) -> Vec<Finding> {
    let mut out = unknown_ids(e);
    out.extend(age(e));
    out.push(contribution_verdict(e));
    out
}

fn unknown_ids(e: &Evaluation) -> Vec<Finding> {
    if e.unknown_ids.is_empty() {
        return Vec::new();
    }
    vec![Finding::detail(
        Level::Warn,
        format!(
            "These ids are not known to this version's content and were left out: {}.",
            e.unknown_ids.join(", ")
        ),
        None,
    )]
}

/// The age verdict, then anything the rules add (a 29 February birthday).
pub(super) fn age(e: &Evaluation) -> Vec<Finding> {
    match &e.age {
        Ok(v) => v
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let mut said = Finding::from_rules(f);
                if i == 0 {
                    said.kind = Kind::Verdict(Fact::Age);
                }
                said
            })
            .collect(),
        Err(why) => vec![not_worked_out(Fact::Age, "Age and State Pension age", why)],
    }
}

fn status_words(s: &Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::NotMet => "not met",
        Status::Unknown(_) => "not known until every tax year's record is entered",
    }
}

/// "National Insurance contribution conditions (tax years 2023-24 and 2024-25): first
/// condition met; second condition not known until every tax year's record is entered."
pub fn contribution_verdict(e: &Evaluation) -> Finding {
    let a = match &e.contributions {
        Ok(a) => a,
        Err(why) => return not_worked_out(Fact::Contributions, "Contribution conditions", why),
    };
    let (first, second) = (&a.first.status, &a.second.status);
    let years: Vec<String> = a.years.tax_years.iter().map(ToString::to_string).collect();
    let refs: Vec<&str> = years.iter().map(String::as_str).collect();
    let (level, tail) = if *first == Status::NotMet || *second == Status::NotMet {
        (
            Level::Bar,
            ": no new-style ESA on these years unless the record is wrong or another benefit \
             year applies",
        )
    } else if *first == Status::Met && *second == Status::Met {
        (Level::Ok, "")
    } else {
        (Level::Warn, "")
    };
    let missing = [first, second].into_iter().find_map(|s| match s {
        Status::Unknown(Unknown::YearsNotEntered(y)) => Some(y.clone()),
        _ => None,
    });
    let missing = missing.map_or(String::new(), |y| {
        let names: Vec<String> = y.iter().map(ToString::to_string).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        format!(" Nothing is entered for {}.", and_list(&refs))
    });
    Finding {
        kind: Kind::Verdict(Fact::Contributions),
        level,
        text: format!(
            "National Insurance contribution conditions (tax years {}): first condition {}; \
             second condition {}{tail}.{missing}",
            and_list(&refs),
            status_words(first),
            status_words(second),
        ),
        source: Some(a.first.citation.to_string()),
    }
}

/// "Limited capability for work: met, because of 15 points (at least 15 needed). Points: 15
/// (15 physical, 0 mental)."
pub fn lcw_sentence(t: &Tally) -> String {
    let points = format!(
        "Points: {} ({} physical, {} mental)",
        t.total, t.physical, t.mental
    );
    if t.lcw_met {
        format!(
            "Limited capability for work: met, because of {}. {points}.",
            t.lcw_why.join("; ")
        )
    } else {
        format!(
            "Limited capability for work: not met. {points}; {} needed, {} short.",
            t.threshold, t.short_by
        )
    }
}

/// "Limited capability for work-related activity: met, because of paragraph 9 (Learning
/// tasks)."
pub fn lcwra_sentence(t: &Tally) -> String {
    if t.lcwra_met {
        format!(
            "Limited capability for work-related activity: met, because of {}.",
            t.lcwra_why.join("; ")
        )
    } else {
        "Limited capability for work-related activity: not met: no support-group descriptor or \
         route is chosen."
            .to_string()
    }
}

/// "Group: the support group."
pub fn group_sentence(group: Group) -> &'static str {
    match group {
        Group::Support => "Group: the support group.",
        Group::Wrag => "Group: the work-related activity group.",
        Group::None => "Group: neither, because limited capability for work is not met.",
    }
}

/// Limited capability for work and for work-related activity, the group, and what to check.
pub fn wca(e: &Evaluation, content: &Content) -> Vec<Finding> {
    let t = &e.wca.tally;
    let verdict = |fact, level, text: String, source: Option<String>| Finding {
        kind: Kind::Verdict(fact),
        level,
        text,
        source,
    };
    let mut out = vec![
        verdict(
            Fact::Lcw,
            if t.lcw_met { Level::Ok } else { Level::Warn },
            lcw_sentence(t),
            Some(content.wca.schedule2.source.cite()),
        ),
        verdict(
            Fact::Lcwra,
            if t.lcwra_met { Level::Ok } else { Level::Info },
            lcwra_sentence(t),
            Some(content.wca.schedule3.source.cite()),
        ),
        verdict(
            Fact::Group,
            if t.lcw_met { Level::Ok } else { Level::Warn },
            group_sentence(t.group).to_string(),
            None,
        ),
    ];
    out.extend(
        t.cautions
            .iter()
            .map(|c| Finding::detail(Level::Warn, c.clone(), None)),
    );
    out
}

/// The weekly amounts, period by period, then how they are paid.
fn rates(e: &Evaluation) -> Vec<Finding> {
    let r = match &e.rates {
        Ok(r) => r,
        Err(why) => return vec![not_worked_out(Fact::Rates, "Weekly amounts", why)],
    };
    let mut out: Vec<Finding> = r
        .periods
        .iter()
        .map(|p| {
            let label = match (p.phase, p.group) {
                (Phase::Assessment, _) => "Assessment phase (the first 13 weeks)",
                (Phase::Main, Some(Group::Support)) => "Main phase, support group",
                (Phase::Main, _) => "Main phase, work-related activity group",
            };
            match &p.weekly {
                Ok(w) => Finding::detail(
                    Level::Info,
                    format!("{label}: {}.", w.explain()),
                    w.parts.first().map(|part| part.citation.to_string()),
                ),
                Err(m) => {
                    Finding::detail(Level::Warn, format!("{label}: not worked out: {m}."), None)
                }
            }
        })
        .collect();
    out.extend(r.notes.iter().map(Finding::from_rules));
    out
}

/// The steps of the timeline that have a last day, cannot be counted, or wait for the
/// jurisdiction; or that the deadlines are not worked out.
pub fn dated_deadlines(e: &Evaluation) -> Vec<Finding> {
    if let Err(why) = &e.deadlines.started {
        return vec![not_worked_out(Fact::Deadlines, "Deadlines", why)];
    }
    e.deadlines
        .steps
        .iter()
        .filter(|d| {
            d.last_day.is_some()
                || matches!(
                    d.status,
                    StepStatus::CannotCount | StepStatus::NotYetKnown(Input::Jurisdiction)
                )
        })
        .map(deadline_finding)
        .collect()
}
